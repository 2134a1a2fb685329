//! The embedded story's format: postcard's, with the strings moved into pools.
//!
//! `build.rs` serialises the resolved story with postcard (fields in declaration order,
//! lengths, enum variants and integers wider than a byte as LEB128 varints, `Option` and
//! `bool` as one byte), then [`pool`] moves every string's bytes out of that stream into one
//! of four pools: simplified, traditional (as `Text3Wire` stores it), English, and
//! everything else (ids, numbers). The stream keeps each string's length. Texts of one
//! language side by side compress better: about 0.9 KB less gzipped than postcard's
//! interleaved texts, in every reader's first download.
//!
//! The traditional pool holds each text as `Text3Wire` does (a difference from the simplified
//! one), with one more step: most simplified characters always become the same traditional
//! one (贫 → 貧), so the pool starts with that table (built from the story) and marks a
//! character that follows it as the same; what is left is the few exceptions. About 1.4 KB
//! less gzipped for a 繁體 reader.
//!
//! One walk over the [`Story`] types, `Source::story`, reads postcard (to pool it at build
//! time) and the pooled form (to decode it in the app); written by hand because serde's
//! derived decoding, with an error path and clean-up after each field, was several times
//! larger in the page's WebAssembly. Malformed bytes panic: the embedded story comes from a
//! validated build.
//!
//! The page ships its story's texts apart ([`split`]): its WebAssembly embeds the stream
//! and the pool of everything else, and each language pool is a file of its own that the
//! page fetches for the languages it shows ([`pools_of`]), so a reader downloads one
//! language's texts (two for 繁體, a difference from 简体) rather than three. [`decode_with`]
//! decodes the stream with the pools at hand: the strings of a pool not there are empty.

use crate::model::{
    Counter, Decimal, Event, Figure, GlossaryEntry, Kind, Lang, Provenance, Qualifier, Relation,
    SourceSpan, Story, Text3, Text3Wire, Theme, Unit,
};

/// The pools, by index.
const HANS: usize = 0;
const HANT: usize = 1;
const EN: usize = 2;
const OTHER: usize = 3;

/// The stream and the four pools.
const PARTS: usize = 5;

/// `Text3Wire`'s marks: "the same character" (here: as the table says), "the whole text
/// follows".
const SAME: char = '\u{1}';
const WHOLE: char = '\u{2}';

/// Simplified characters and the traditional one each always becomes in the story (those
/// that differ), sorted.
type Table = Vec<(char, char)>;

/// The language pools [`split`] sets apart: 简体, 繁體 (a difference from 简体), English.
pub const TEXT_POOLS: usize = 3;

/// The language pools `lang`'s texts need, by index: 繁體 needs 简体's too.
#[inline]
pub fn pools_of(lang: Lang) -> &'static [usize] {
    match lang {
        Lang::ZhHans => &[HANS],
        Lang::ZhHant => &[HANS, HANT],
        Lang::En => &[EN],
    }
}

/// Decodes the pooled form written by [`pool`] (or [`split`], its texts then empty).
#[inline]
pub fn decode(bytes: &[u8]) -> Story {
    decode_with(bytes, [None; TEXT_POOLS])
}

/// Decodes the pooled form with the language pools `texts` (by index, as [`split`] sets them
/// apart; `None`: the one in `bytes`). A pool that is empty in both is not there: its
/// strings decode empty. Without 简体's pool, 繁體's is not there either (it is a
/// difference from 简体).
#[inline]
pub fn decode_with(bytes: &[u8], texts: [Option<&[u8]>; TEXT_POOLS]) -> Story {
    let mut parts = [&bytes[..0]; PARTS];
    let mut at = 0;
    for part in &mut parts {
        let mut header = Postcard { bytes, at };
        let len = header.varint();
        *part = &bytes[header.at..header.at + len];
        at = header.at + len;
    }
    assert!(at == bytes.len(), "story: trailing bytes");
    for (pool, text) in texts.into_iter().enumerate() {
        if let Some(text) = text {
            parts[1 + pool] = text;
        }
    }
    let mut present = parts.map(|part| !part.is_empty());
    present[0] = true;
    present[1 + OTHER] = true;
    present[1 + HANT] &= present[1 + HANS];
    let mut pooled = Pooled {
        parts,
        present,
        at: [0; PARTS],
        table: Vec::new(),
    };
    if present[1 + HANT] {
        (pooled.table, pooled.at[1 + HANT]) = read_table(parts[1 + HANT]);
    }
    let story = pooled.story();
    assert!(
        (0..PARTS).all(|i| !present[i] || pooled.at[i] == parts[i].len()),
        "story: bytes left over"
    );
    story
}

/// The pooled form `pooled` split for the page: itself with its language pools left empty,
/// and each language pool as a file of its own (its index, one byte, then its bytes:
/// [`texts_of`] reads it).
#[inline]
pub fn split(pooled: &[u8]) -> (Vec<u8>, [Vec<u8>; TEXT_POOLS]) {
    let mut parts = Vec::with_capacity(PARTS);
    let mut at = 0;
    for _ in 0..PARTS {
        let mut header = Postcard { bytes: pooled, at };
        let len = header.varint();
        parts.push(&pooled[header.at..header.at + len]);
        at = header.at + len;
    }
    assert!(at == pooled.len(), "story: trailing bytes");
    let mut base = Vec::with_capacity(pooled.len());
    let mut texts: [Vec<u8>; TEXT_POOLS] = Default::default();
    for (i, part) in parts.into_iter().enumerate() {
        match i.checked_sub(1).filter(|&pool| pool < TEXT_POOLS) {
            Some(pool) => {
                put_varint(&mut base, 0);
                texts[pool].push(pool as u8);
                texts[pool].extend_from_slice(part);
            }
            None => {
                put_varint(&mut base, part.len());
                base.extend_from_slice(part);
            }
        }
    }
    (base, texts)
}

/// The pool a file of [`split`] holds, by index, and its bytes; panics on anything else.
#[inline]
pub fn texts_of(file: &[u8]) -> (usize, &[u8]) {
    match file.split_first() {
        Some((&pool, bytes)) if usize::from(pool) < TEXT_POOLS => (usize::from(pool), bytes),
        _ => panic!("story: a texts file"),
    }
}

/// The pooled form of a story in postcard's form.
#[inline]
pub fn pool(postcard: &[u8]) -> Vec<u8> {
    let mut survey = Survey {
        from: Postcard {
            bytes: postcard,
            at: 0,
        },
        pairs: Default::default(),
    };
    survey.story();
    let table: Table = survey
        .pairs
        .into_iter()
        .filter_map(|(hans, counts)| {
            let (&hant, _) = counts.iter().max_by_key(|(_, n)| **n)?;
            (hant != hans).then_some((hans, hant))
        })
        .collect();
    let mut split = Split {
        from: Postcard {
            bytes: postcard,
            at: 0,
        },
        parts: Default::default(),
        table,
    };
    split.story();
    assert!(split.from.at == postcard.len(), "story: trailing bytes");
    let mut table = String::new();
    for (hans, hant) in &split.table {
        table.push(*hans);
        table.push(*hant);
    }
    let mut hant = Vec::with_capacity(table.len() + split.parts[1 + HANT].len() + 4);
    put_varint(&mut hant, table.len());
    hant.extend_from_slice(table.as_bytes());
    hant.extend_from_slice(&split.parts[1 + HANT]);
    split.parts[1 + HANT] = hant;
    let mut out = Vec::with_capacity(postcard.len() + 16);
    for part in &split.parts {
        put_varint(&mut out, part.len());
        out.extend_from_slice(part);
    }
    out
}

/// The table at the start of the traditional pool `hant`, and where its texts start.
#[inline(never)]
fn read_table(hant: &[u8]) -> (Table, usize) {
    let mut header = Postcard { bytes: hant, at: 0 };
    let len = header.varint();
    let end = header.at + len;
    let table = String::from_utf8(hant[header.at..end].to_vec()).expect("story: UTF-8");
    let mut chars = table.chars();
    let mut pairs = Vec::new();
    while let (Some(hans), Some(hant)) = (chars.next(), chars.next()) {
        pairs.push((hans, hant));
    }
    (pairs, end)
}

/// The traditional character `hans` becomes by `table`.
#[inline]
fn by_table(table: &Table, hans: char) -> char {
    match table.binary_search_by_key(&hans, |p| p.0) {
        Ok(at) => table[at].1,
        Err(_) => hans,
    }
}

/// `Text3Wire`'s difference `diff` of a text whose simplified form is `hans`, with what
/// follows `table` marked the same (`to_table`), or back (`!to_table`). A text stored whole
/// stays as it is.
fn retable(table: &Table, hans: &str, diff: &str, to_table: bool) -> String {
    if !to_table {
        return from_table(table, hans, diff);
    }
    if diff.starts_with(WHOLE) {
        return diff.to_owned();
    }
    hans.chars()
        .zip(diff.chars())
        .map(|(c, d)| {
            let actual = if d == SAME { c } else { d };
            if actual == by_table(table, c) {
                SAME
            } else {
                actual
            }
        })
        .collect()
}

/// [`retable`] back: the decoder's part, small. (Not inlined: it reads a text in many
/// places.)
#[inline(never)]
fn from_table(table: &Table, hans: &str, stored: &str) -> String {
    if stored.starts_with(WHOLE) {
        return stored.to_owned();
    }
    let mut diff = String::with_capacity(stored.len());
    for (c, d) in hans.chars().zip(stored.chars()) {
        let actual = if d == SAME { by_table(table, c) } else { d };
        diff.push(if actual == c { SAME } else { actual });
    }
    diff
}

#[inline]
fn put_varint(out: &mut Vec<u8>, mut value: usize) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Postcard's bytes.
struct Postcard<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Source for Postcard<'_> {
    #[inline]
    fn byte(&mut self) -> u8 {
        let b = self.bytes[self.at];
        self.at += 1;
        b
    }

    #[inline]
    fn string_in(&mut self, _pool: usize) -> String {
        let len = self.varint();
        let bytes = &self.bytes[self.at..self.at + len];
        self.at += len;
        String::from_utf8(bytes.to_vec()).expect("story: UTF-8")
    }
}

/// The pooled form: the stream (part 0) and the pools (parts 1 to 4), each read in order;
/// the strings of a pool not `present` are empty.
struct Pooled<'a> {
    parts: [&'a [u8]; PARTS],
    present: [bool; PARTS],
    at: [usize; PARTS],
    /// The traditional pool's table.
    table: Table,
}

impl Source for Pooled<'_> {
    #[inline]
    fn byte(&mut self) -> u8 {
        let b = self.parts[0][self.at[0]];
        self.at[0] += 1;
        b
    }

    #[inline]
    fn string_in(&mut self, pool: usize) -> String {
        let len = self.varint();
        if !self.present[1 + pool] {
            return String::new();
        }
        let (part, at) = (self.parts[1 + pool], &mut self.at[1 + pool]);
        let bytes = &part[*at..*at + len];
        *at += len;
        String::from_utf8(bytes.to_vec()).expect("story: UTF-8")
    }

    #[inline]
    fn hant(&mut self, hans: &str) -> String {
        let stored = self.string_in(HANT);
        from_table(&self.table, hans, &stored)
    }
}

/// Reads postcard and counts the traditional character each simplified one becomes.
struct Survey<'a> {
    from: Postcard<'a>,
    pairs: std::collections::BTreeMap<char, std::collections::BTreeMap<char, usize>>,
}

impl Source for Survey<'_> {
    #[inline]
    fn byte(&mut self) -> u8 {
        self.from.byte()
    }

    #[inline]
    fn string_in(&mut self, pool: usize) -> String {
        self.from.string_in(pool)
    }

    #[inline]
    fn hant(&mut self, hans: &str) -> String {
        let diff = self.from.string_in(HANT);
        if !diff.starts_with(WHOLE) {
            for (c, d) in hans.chars().zip(diff.chars()) {
                let hant = if d == SAME { c } else { d };
                *self.pairs.entry(c).or_default().entry(hant).or_default() += 1;
            }
        }
        diff
    }
}

/// Reads postcard and writes the pooled form's parts (the traditional pool without its
/// table, which [`pool`] puts in front).
struct Split<'a> {
    from: Postcard<'a>,
    parts: [Vec<u8>; PARTS],
    table: Table,
}

impl Source for Split<'_> {
    #[inline]
    fn byte(&mut self) -> u8 {
        let b = self.from.byte();
        self.parts[0].push(b);
        b
    }

    #[inline]
    fn string_in(&mut self, pool: usize) -> String {
        let s = self.from.string_in(pool);
        put_varint(&mut self.parts[0], s.len());
        self.parts[1 + pool].extend_from_slice(s.as_bytes());
        s
    }

    #[inline]
    fn hant(&mut self, hans: &str) -> String {
        let diff = self.from.string_in(HANT);
        let stored = retable(&self.table, hans, &diff, true);
        put_varint(&mut self.parts[0], stored.len());
        self.parts[1 + HANT].extend_from_slice(stored.as_bytes());
        diff
    }
}

/// The walk over the story's fields, in postcard's order, given how to read a byte and a
/// string.
trait Source: Sized {
    fn byte(&mut self) -> u8;

    /// A string (its length, then its bytes) of pool `pool`.
    fn string_in(&mut self, pool: usize) -> String;

    /// The traditional form of a text whose simplified form is `hans`, as `Text3Wire` has
    /// it.
    #[inline]
    fn hant(&mut self, _hans: &str) -> String {
        self.string_in(HANT)
    }

    #[inline]
    fn varint(&mut self) -> usize {
        let mut value = 0usize;
        let mut shift = 0;
        loop {
            let b = self.byte();
            value |= usize::from(b & 0x7f) << shift;
            if b < 0x80 {
                return value;
            }
            shift += 7;
        }
    }

    #[inline]
    fn flag(&mut self) -> bool {
        self.byte() != 0
    }

    #[inline]
    fn string(&mut self) -> String {
        self.string_in(OTHER)
    }

    #[inline]
    fn vec<T>(&mut self, item: impl Fn(&mut Self) -> T) -> Vec<T> {
        let len = self.varint();
        (0..len).map(|_| item(self)).collect()
    }

    #[inline]
    fn option<T>(&mut self, item: impl Fn(&mut Self) -> T) -> Option<T> {
        self.flag().then(|| item(self))
    }

    #[inline]
    fn strings(&mut self) -> Vec<String> {
        self.vec(Self::string)
    }

    #[inline]
    fn text(&mut self) -> Text3 {
        let hans = self.string_in(HANS);
        let hant = self.hant(&hans);
        Text3::from(Text3Wire {
            hans,
            hant,
            en: self.string_in(EN),
        })
    }

    #[inline]
    fn story(&mut self) -> Story {
        Story {
            id: self.string(),
            title: self.text(),
            title_markup: self.text(),
            place: self.text(),
            year: self.varint() as u16,
            source: self.text(),
            byline: self.text(),
            context: self.text(),
            lead: self.text(),
            themes: self.vec(|r| Theme {
                id: r.string(),
                label: r.text(),
            }),
            events: self.vec(|r| Event {
                rank: r.byte(),
                title: r.text(),
                short: r.text(),
                summary: r.text(),
                text: r.text(),
                themes: r.strings(),
            }),
            figures: self.vec(Self::figure),
            relations: self.vec(Self::relation),
            glossary: self.vec(|r| GlossaryEntry {
                id: r.string(),
                term: r.text(),
                forms: r.vec(|r| r.string_in(EN)),
                explanation: r.text(),
            }),
            headline: self.strings(),
            citation: self.text(),
        }
    }

    #[inline]
    fn figure(&mut self) -> Figure {
        Figure {
            id: self.string(),
            event: self.byte(),
            value: self.string().parse::<Decimal>().expect("story: a decimal"),
            unit: match self.varint() {
                0 => Unit::Yuan,
                1 => Unit::Percent,
                2 => Unit::Count,
                _ => panic!("story: a unit"),
            },
            kind: match self.varint() {
                0 => Kind::Spending,
                1 => Kind::Investment,
                2 => Kind::Loans,
                3 => Kind::People,
                4 => Kind::Households,
                5 => Kind::Villages,
                6 => Kind::Percent,
                7 => Kind::Count,
                8 => Kind::Power,
                9 => Kind::Duration,
                10 => Kind::Income,
                _ => panic!("story: a kind"),
            },
            counter: self.option(|r| Counter {
                word: r.text(),
                one: r.string_in(EN),
            }),
            label: self.text(),
            qualifier: self.option(|r| match r.varint() {
                0 => Qualifier::About,
                1 => Qualifier::AtLeast,
                _ => panic!("story: a qualifier"),
            }),
            provenance: match self.varint() {
                0 => Provenance::Reported(SourceSpan {
                    text: self.text(),
                    start: self.varint(),
                    end: self.varint(),
                    en_start: self.varint(),
                    en_end: self.varint(),
                    in_title: self.flag(),
                }),
                1 => Provenance::Derived {
                    formula: self.text(),
                    inputs: self.strings(),
                },
                _ => panic!("story: a provenance"),
            },
            key: self.flag(),
        }
    }

    #[inline]
    fn relation(&mut self) -> Relation {
        match self.varint() {
            0 => Relation::AchievedVsTarget {
                label: self.text(),
                achieved: self.option(Self::string),
                target: self.option(Self::string),
                percent: self.string(),
            },
            1 => Relation::HouseholdsPeople {
                label: self.text(),
                households: self.string(),
                people: self.string(),
            },
            _ => panic!("story: a relation"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The walk read over postcard's own form, to check it against serde's.
    /// Decodes postcard's own form (`postcard::to_allocvec` of a [`Story`]).
    fn decode_postcard(bytes: &[u8]) -> Story {
        let mut r = Postcard { bytes, at: 0 };
        let story = r.story();
        assert!(r.at == bytes.len(), "story: trailing bytes");
        story
    }

    #[test]
    fn both_forms_decode_to_the_story_serde_reads() {
        for toml in ["../../data/story.toml", "tests/fixtures/second/story.toml"] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(toml);
            let story = crate::data::build_story(&path).unwrap_or_else(|e| panic!("{e}"));
            let postcard = postcard::to_allocvec(&story).unwrap();
            let by_serde: Story = postcard::from_bytes(&postcard).unwrap();
            assert_eq!(by_serde, story);
            assert_eq!(decode_postcard(&postcard), story, "{toml}");
            assert_eq!(decode(&pool(&postcard)), story, "{toml}");
        }
    }

    /// `story` with only the texts of the pools `kept` (by index): the others' strings empty.
    fn with_pools(story: &Story, kept: &[usize]) -> Story {
        let keep = |pool| kept.contains(&pool);
        let text = |t: &mut Text3| {
            for (pool, s) in [(HANS, &mut t.hans), (HANT, &mut t.hant), (EN, &mut t.en)] {
                if !keep(pool) {
                    s.clear();
                }
            }
        };
        let en = |s: &mut String| {
            if !keep(EN) {
                s.clear();
            }
        };
        let mut story = story.clone();
        let s = &mut story;
        for t in [
            &mut s.title,
            &mut s.title_markup,
            &mut s.place,
            &mut s.source,
            &mut s.byline,
            &mut s.context,
            &mut s.lead,
            &mut s.citation,
        ] {
            text(t);
        }
        s.themes.iter_mut().for_each(|t| text(&mut t.label));
        for e in &mut s.events {
            for t in [&mut e.title, &mut e.short, &mut e.summary, &mut e.text] {
                text(t);
            }
        }
        for f in &mut s.figures {
            if let Some(c) = &mut f.counter {
                text(&mut c.word);
                en(&mut c.one);
            }
            text(&mut f.label);
            match &mut f.provenance {
                Provenance::Reported(span) => text(&mut span.text),
                Provenance::Derived { formula, .. } => text(formula),
            }
        }
        for r in &mut s.relations {
            match r {
                Relation::AchievedVsTarget { label, .. }
                | Relation::HouseholdsPeople { label, .. } => text(label),
            }
        }
        for g in &mut s.glossary {
            text(&mut g.term);
            text(&mut g.explanation);
            g.forms.iter_mut().for_each(en);
        }
        story
    }

    #[test]
    fn the_page_s_story_decodes_with_the_texts_at_hand() {
        for toml in ["../../data/story.toml", "tests/fixtures/second/story.toml"] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(toml);
            let mut story = crate::data::build_story(&path).unwrap_or_else(|e| panic!("{e}"));
            // A traditional text stored whole (its length differs), not as a difference.
            story.title.hant.push('髮');
            let pooled = pool(&postcard::to_allocvec(&story).unwrap());
            let (base, files) = split(&pooled);
            assert!(
                base.len() * 2 < pooled.len(),
                "{} of {}",
                base.len(),
                pooled.len()
            );
            let texts: Vec<(usize, &[u8])> = files.iter().map(|f| texts_of(f)).collect();
            assert_eq!(
                texts.iter().map(|t| t.0).collect::<Vec<_>>(),
                [HANS, HANT, EN]
            );
            let at_hand = |pools: &[usize]| {
                let mut given = [None; TEXT_POOLS];
                for &pool in pools {
                    given[pool] = Some(texts[pool].1);
                }
                decode_with(&base, given)
            };
            // Every pool: the whole story, as from the pooled form itself.
            assert_eq!(at_hand(&[HANS, HANT, EN]), story, "{toml}");
            assert_eq!(decode(&pooled), story);
            // None: the story without its texts (the walk above misses no text).
            let bare = at_hand(&[]);
            assert_eq!(bare, with_pools(&story, &[]), "{toml}");
            assert_eq!(decode(&base), bare);
            assert!(bare.title.hans.is_empty() && bare.events[0].text.en.is_empty());
            // One language: its texts as in the whole story, the others' empty.
            for lang in Lang::ALL {
                let one = at_hand(pools_of(lang));
                assert_eq!(one, with_pools(&story, pools_of(lang)), "{toml} {lang:?}");
                assert_eq!(one.lead.get(lang), story.lead.get(lang));
                assert!(!one.lead.get(lang).is_empty());
                for other in Lang::ALL {
                    let there = pools_of(other).iter().all(|p| pools_of(lang).contains(p));
                    assert_eq!(one.lead.get(other).is_empty(), !there, "{lang:?} {other:?}");
                }
            }
            // 繁體 without 简体, whose difference it is: not there either.
            assert_eq!(at_hand(&[HANT]), bare);
            assert_eq!(at_hand(&[HANT, EN]), with_pools(&story, &[EN]));
        }
    }

    /// What a page shows in its language is the same with only that language's texts as
    /// with all: cards, lead, figures, search in it; and its panels, but English ones with
    /// 简体's texts too (they show the original beside: `src/components/detail_panel.rs`
    /// asks for them).
    #[test]
    fn a_language_s_texts_are_all_its_page_shows() {
        use crate::html::{card_head, card_text, figure_panel, lead, term_panel};
        let whole = crate::data::story();
        let (base, files) = split(&pool(&postcard::to_allocvec(whole).unwrap()));
        let with = |pools: &[usize]| {
            let mut given = [None; TEXT_POOLS];
            for &pool in pools {
                given[pool] = Some(texts_of(&files[pool]).1);
            }
            decode_with(&base, given)
        };
        for lang in Lang::ALL {
            let one = &with(pools_of(lang));
            let mut panel_pools = pools_of(lang).to_vec();
            if lang == Lang::En {
                // Without 简体's: no original, and nothing else amiss.
                for (a, b) in one.figures.iter().zip(&whole.figures) {
                    let (here, all) = (figure_panel(one, a, lang), figure_panel(whole, b, lang));
                    let original =
                        all.find("<blockquote class=\"panel__quote panel__quote--original\"");
                    let all = match original {
                        Some(at) => {
                            all[..at].to_owned()
                                + &all[at..][all[at..].find("</blockquote>").unwrap() + 13..]
                        }
                        None => all,
                    };
                    assert_eq!(here, all);
                }
                for g in &one.glossary {
                    assert!(!term_panel(g, lang).contains("panel__original"), "{}", g.id);
                }
                panel_pools.push(HANS);
            }
            let panels = &with(&panel_pools);
            assert_eq!(lead(one, lang), lead(whole, lang), "{lang:?}");
            for (a, b) in one.events.iter().zip(&whole.events) {
                assert_eq!(card_head(one, a, lang), card_head(whole, b, lang));
                assert_eq!(card_text(one, a, lang), card_text(whole, b, lang));
            }
            for (a, b) in one.figures.iter().zip(&whole.figures) {
                assert_eq!(
                    crate::format::figure(a, lang),
                    crate::format::figure(b, lang)
                );
            }
            for (a, b) in panels.figures.iter().zip(&whole.figures) {
                assert_eq!(
                    figure_panel(panels, a, lang),
                    figure_panel(whole, b, lang),
                    "{lang:?}"
                );
            }
            for (a, b) in panels.glossary.iter().zip(&whole.glossary) {
                assert_eq!(
                    term_panel(a, lang),
                    term_panel(b, lang),
                    "{lang:?} {}",
                    b.id
                );
            }
            for (a, b) in one.themes.iter().zip(&whole.themes) {
                assert_eq!(a.label.get(lang), b.label.get(lang));
            }
            let index = crate::search::SearchIndex::new(one);
            let whole_index = crate::search::SearchIndex::new(whole);
            for query in ["5222", "搬迁", "搬遷", "relocation", "poverty", "万元"] {
                let found = |story, index| {
                    crate::search::visible_events(story, index, None, query, Default::default())
                };
                let all = found(whole, &whole_index);
                let here = found(one, &index);
                assert!(here.iter().all(|r| all.contains(r)), "{lang:?} {query}");
            }
        }
    }

    /// (Malformed bytes panic, whichever check sees them first.)
    #[test]
    #[should_panic]
    fn a_pool_of_another_story_does_not_decode() {
        let story = crate::data::story();
        let (base, files) = split(&pool(&postcard::to_allocvec(story).unwrap()));
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/second/story.toml");
        let second = crate::data::build_story(&path).unwrap();
        let (_, other) = split(&pool(&postcard::to_allocvec(&second).unwrap()));
        assert_ne!(files[EN], other[EN]);
        decode_with(&base, [None, None, Some(texts_of(&other[EN]).1)]);
    }

    #[test]
    #[should_panic(expected = "story: a texts file")]
    fn a_file_of_no_pool_is_refused() {
        texts_of(&[3, b'a']);
    }

    #[test]
    fn traditional_texts_follow_the_table_but_for_their_exceptions() {
        let table: Table = vec![('发', '發')];
        for (hans, hant) in [
            ("头发发", "頭髮發"), // 发 → 髮 once, against the table
            ("发", "发"),         // left as it was, against the table
            ("一二", "一二"),
        ] {
            let diff = crate::model::Text3Wire::from(Text3 {
                hans: hans.into(),
                hant: hant.into(),
                en: String::new(),
            })
            .hant;
            let stored = retable(&table, hans, &diff, true);
            assert_eq!(retable(&table, hans, &stored, false), diff, "{hant}");
        }
        assert_eq!(retable(&table, "头发发", "頭髮發", true), "頭髮\u{1}");
        // The story's: the table leaves a handful of exceptions, so the pool is about half
        // of what the plain difference (a traditional character wherever one differs) was.
        let (_, files) = split(&pool(&postcard::to_allocvec(crate::data::story()).unwrap()));
        assert!(
            files[HANT].len() * 2 < files[HANS].len(),
            "{} of {}",
            files[HANT].len(),
            files[HANS].len()
        );
    }

    #[test]
    fn varints_round_trip() {
        for n in [0, 1, 127, 128, 300, 16_383, 16_384, 1 << 28] {
            let mut out = Vec::new();
            put_varint(&mut out, n);
            assert_eq!(Postcard { bytes: &out, at: 0 }.varint(), n);
        }
    }
}
