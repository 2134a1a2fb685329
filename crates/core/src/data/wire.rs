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
//! One walk over the [`Story`] types, `Source::story`, reads postcard (to pool it at build
//! time) and the pooled form (to decode it in the app); written by hand because serde's
//! derived decoding, with an error path and clean-up after each field, was several times
//! larger in the page's WebAssembly. Malformed bytes panic: the embedded story comes from a
//! validated build.

use crate::model::{
    Counter, Decimal, Event, Figure, GlossaryEntry, Kind, Provenance, Qualifier, Relation,
    SourceSpan, Story, Text3, Text3Wire, Theme, Unit,
};

/// The pools, by index.
const HANS: usize = 0;
const HANT: usize = 1;
const EN: usize = 2;
const OTHER: usize = 3;

/// The stream and the four pools.
const PARTS: usize = 5;

/// Decodes the pooled form written by [`pool`].
#[inline]
pub fn decode(bytes: &[u8]) -> Story {
    let mut parts = [&bytes[..0]; PARTS];
    let mut at = 0;
    for part in &mut parts {
        let mut header = Postcard { bytes, at };
        let len = header.varint();
        *part = &bytes[header.at..header.at + len];
        at = header.at + len;
    }
    assert!(at == bytes.len(), "story: trailing bytes");
    let mut pooled = Pooled {
        parts,
        at: [0; PARTS],
    };
    let story = pooled.story();
    assert!(
        (0..PARTS).all(|i| pooled.at[i] == parts[i].len()),
        "story: bytes left over"
    );
    story
}

/// The pooled form of a story in postcard's form.
#[inline]
pub fn pool(postcard: &[u8]) -> Vec<u8> {
    let mut split = Split {
        from: Postcard {
            bytes: postcard,
            at: 0,
        },
        parts: Default::default(),
    };
    split.story();
    assert!(split.from.at == postcard.len(), "story: trailing bytes");
    let mut out = Vec::with_capacity(postcard.len() + 16);
    for part in &split.parts {
        put_varint(&mut out, part.len());
        out.extend_from_slice(part);
    }
    out
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

/// The pooled form: the stream (part 0) and the pools (parts 1 to 4), each read in order.
struct Pooled<'a> {
    parts: [&'a [u8]; PARTS],
    at: [usize; PARTS],
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
        let (part, at) = (self.parts[1 + pool], &mut self.at[1 + pool]);
        let bytes = &part[*at..*at + len];
        *at += len;
        String::from_utf8(bytes.to_vec()).expect("story: UTF-8")
    }
}

/// Reads postcard and writes the pooled form's parts.
struct Split<'a> {
    from: Postcard<'a>,
    parts: [Vec<u8>; PARTS],
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
}

/// The walk over the story's fields, in postcard's order, given how to read a byte and a
/// string.
trait Source: Sized {
    fn byte(&mut self) -> u8;

    /// A string (its length, then its bytes) of pool `pool`.
    fn string_in(&mut self, pool: usize) -> String;

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
        Text3::from(Text3Wire {
            hans: self.string_in(HANS),
            hant: self.string_in(HANT),
            en: self.string_in(EN),
        })
    }

    #[inline]
    fn story(&mut self) -> Story {
        Story {
            id: self.string(),
            title: self.text(),
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

    #[test]
    fn varints_round_trip() {
        for n in [0, 1, 127, 128, 300, 16_383, 16_384, 1 << 28] {
            let mut out = Vec::new();
            put_varint(&mut out, n);
            assert_eq!(Postcard { bytes: &out, at: 0 }.varint(), n);
        }
    }
}
