//! An event's text cut into marked segments for the UI, and a figure's source sentence.
//!
//! - [`event_segments`]: plain text, reported figures at their source span, and glossary
//!   terms, in any language; the segments put back together are the text, exactly;
//! - `sentence_bounds` and `source_sentence`: the sentence a figure comes from, split
//!   around its span so the UI can highlight it.
//!
//! Spans are located from the resolved [`SourceSpan`]: simplified by its byte range;
//! traditional at the same character positions (the conversion keeps one character for one
//! character); English by `en_start..en_end`.

use crate::model::{Event, Figure, Lang, Provenance, SourceSpan, Story};

/// A piece of an event's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    /// Unmarked text.
    Plain(&'a str),
    /// A reported figure's source span.
    Figure {
        /// The figure's id.
        id: &'a str,
        /// The span as it reads in this language.
        text: &'a str,
    },
    /// A glossary term.
    Term {
        /// The glossary entry's id.
        id: &'a str,
        /// The term as it reads in the text (English keeps the text's case).
        text: &'a str,
    },
}

/// A marked byte range of the text being cut.
#[derive(Clone, Copy)]
struct Mark<'a> {
    start: usize,
    end: usize,
    figure: bool,
    id: &'a str,
}

impl Mark<'_> {
    #[inline]
    fn overlaps(&self, start: usize, end: usize) -> bool {
        self.start < end && start < self.end
    }
}

/// The body of `event` in `lang`, cut into plain text, figure marks and term marks.
///
/// - Figures: every reported figure of the event that is in the body (not `in_title`), at its
///   span. A span that cannot be located (impossible after validation) is left unmarked.
/// - Terms: see `segments`.
///
/// Concatenating the segments' texts gives `event.text.get(lang)` exactly.
#[inline]
pub fn event_segments<'a>(story: &'a Story, event: &'a Event, lang: Lang) -> Vec<Segment<'a>> {
    segments(
        story,
        event.text.get(lang),
        lang,
        figure_marks(story, event, lang, false),
    )
}

/// The heading of `event` in `lang`, cut like its body ([`event_segments`]), with the
/// figures whose span is in the heading (`in_title`).
#[inline]
pub fn heading_segments<'a>(story: &'a Story, event: &'a Event, lang: Lang) -> Vec<Segment<'a>> {
    segments(
        story,
        event.title.get(lang),
        lang,
        figure_marks(story, event, lang, true),
    )
}

/// The report's lead paragraph in `lang`, with its glossary terms marked (it holds no figure).
#[inline]
pub fn lead_segments(story: &Story, lang: Lang) -> Vec<Segment<'_>> {
    segments(story, story.lead.get(lang), lang, Vec::new())
}

/// The figure marks of `event`'s heading (`in_title`) or body.
#[inline]
fn figure_marks<'a>(story: &'a Story, event: &Event, lang: Lang, in_title: bool) -> Vec<Mark<'a>> {
    let mut marks: Vec<Mark<'a>> = Vec::new();
    // Plain iteration rather than `Story::event_figures`: `build.rs` compiles this module
    // without `data::lookup`.
    for figure in story.figures.iter().filter(|f| f.event == event.rank) {
        let Provenance::Reported(span) = &figure.provenance else {
            continue;
        };
        if span.in_title != in_title {
            continue;
        }
        let Some((start, end)) = span_range(event, span, lang) else {
            continue;
        };
        if !marks.iter().any(|m| m.overlaps(start, end)) {
            marks.push(Mark {
                start,
                end,
                figure: true,
                id: &figure.id,
            });
        }
    }
    marks
}

/// `text` cut into plain text, the given figure marks, and glossary terms.
///
/// Terms: for each glossary entry, its first occurrence that overlaps neither a figure mark
/// nor a term already placed, under its term in `lang` or, in English, one of its other
/// wordings (`forms`). Longer wordings are placed first, so `双签约` wins over `双签` where
/// both match. English matches ignore ASCII case, start on a word boundary and take a plural
/// with them (`poor households`, `first secretaries`).
#[inline]
fn segments<'a>(
    story: &'a Story,
    text: &'a str,
    lang: Lang,
    mut marks: Vec<Mark<'a>>,
) -> Vec<Segment<'a>> {
    let mut wordings: Vec<(&'a str, &'a str)> = Vec::new();
    for g in &story.glossary {
        wordings.push((g.id.as_str(), g.term.get(lang)));
        if lang == Lang::En {
            wordings.extend(g.forms.iter().map(|form| (g.id.as_str(), form.as_str())));
        }
    }
    wordings.retain(|(_, wording)| !wording.is_empty());
    // Longest first; the sort is stable, so equal lengths keep glossary order.
    super::sort_small_by_key(&mut wordings, |(_, wording)| {
        std::cmp::Reverse(wording.chars().count())
    });
    for (id, wording) in wordings {
        if marks.iter().any(|m| !m.figure && m.id == id) {
            continue;
        }
        let free = term_occurrences(text, wording, lang)
            .into_iter()
            .find(|&(start, end)| !marks.iter().any(|m| m.overlaps(start, end)));
        if let Some((start, end)) = free {
            marks.push(Mark {
                start,
                end,
                figure: false,
                id,
            });
        }
    }

    super::sort_small_by_key(&mut marks, |m| m.start);
    let mut segments = Vec::with_capacity(marks.len() * 2 + 1);
    let mut at = 0;
    for m in marks {
        if m.start > at {
            segments.push(Segment::Plain(&text[at..m.start]));
        }
        let marked = &text[m.start..m.end];
        segments.push(if m.figure {
            Segment::Figure {
                id: m.id,
                text: marked,
            }
        } else {
            Segment::Term {
                id: m.id,
                text: marked,
            }
        });
        at = m.end;
    }
    if at < text.len() {
        segments.push(Segment::Plain(&text[at..]));
    }
    segments
}

/// Byte range of a reported figure's span in its event's text (or heading, when
/// `in_title`) in `lang`; `None` when it is empty or does not fall on the text's characters.
#[inline]
pub(crate) fn span_range(event: &Event, span: &SourceSpan, lang: Lang) -> Option<(usize, usize)> {
    let located = if span.in_title {
        &event.title
    } else {
        &event.text
    };
    let (start, end) = match lang {
        Lang::ZhHans => (span.start, span.end),
        Lang::ZhHant => {
            let range = super::aligned_range(&located.hans, &located.hant, span.start, span.end)?;
            debug_assert_eq!(
                located.hant.get(range.0..range.1),
                Some(span.text.hant.as_str()),
                "the traditional span sits at the simplified span's character positions"
            );
            range
        }
        Lang::En => (span.en_start, span.en_end),
    };
    (start < end && located.get(lang).get(start..end).is_some()).then_some((start, end))
}

/// Byte ranges of the occurrences of `term` in `text`: exact in Chinese; in English, ignoring
/// ASCII case, starting on a word boundary (`one` is not found in `someone`) and with a
/// plural ending (`poor households`; `first secretaries` for `first secretary`).
#[inline]
fn term_occurrences(text: &str, term: &str, lang: Lang) -> Vec<(usize, usize)> {
    if term.is_empty() {
        return Vec::new();
    }
    if lang.is_chinese() {
        return text
            .match_indices(term)
            .map(|(i, m)| (i, i + m.len()))
            .collect();
    }
    // ASCII lowercasing keeps every byte offset.
    let haystack = text.to_ascii_lowercase();
    let needle = term.to_ascii_lowercase();
    let starts_word = |i: usize| {
        !text[..i]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric())
    };
    let mut found: Vec<(usize, usize)> = haystack
        .match_indices(&needle)
        .filter(|&(i, _)| starts_word(i))
        .map(|(i, m)| (i, i + m.len() + plural_ending(&text[i + m.len()..])))
        .collect();
    // secretary -> secretaries, economy -> economies.
    if let Some(stem) = needle.strip_suffix('y') {
        let plural = format!("{stem}ies");
        found.extend(
            haystack
                .match_indices(&plural)
                .filter(|&(i, m)| starts_word(i) && ends_word(&text[i + m.len()..]))
                .map(|(i, m)| (i, i + m.len())),
        );
        super::sort_small_by_key(&mut found, |&(start, _)| start);
    }
    found
}

/// The length of a plural `s` or `es` that ends the word at the start of `rest`, so that
/// `leading group` marks all of `leading groups`; 0 otherwise.
#[inline]
fn plural_ending(rest: &str) -> usize {
    ["es", "s"]
        .into_iter()
        .find(|ending| rest.strip_prefix(ending).is_some_and(ends_word))
        .map_or(0, str::len)
}

/// True when `rest` does not go on with a letter or digit: a word ended just before it.
#[inline]
fn ends_word(rest: &str) -> bool {
    !rest.starts_with(|c: char| c.is_ascii_alphanumeric())
}

/// Characters that end a Chinese sentence (or clause, for `；`).
const CHINESE_ENDS: [char; 4] = ['。', '！', '？', '；'];

/// What ends an English sentence (or clause): the punctuation, then a space.
const ENGLISH_ENDS: [&str; 4] = [". ", "; ", "! ", "? "];

/// The byte range of the sentence of `text` that holds `start..end`.
///
/// A Chinese sentence ends after `。！？；`; an English one after the `.` `;` `!` `?` of
/// `". "`, `"; "`, `"! "`, `"? "` (the space belongs to neither sentence). The sentence ends
/// at the first end at or after `end`, so a span that holds an end keeps its whole text.
/// Offsets past the text are clamped; the result always lies within the text.
#[inline]
pub(crate) fn sentence_bounds(text: &str, start: usize, end: usize) -> (usize, usize) {
    let end = end.min(text.len());
    let start = start.min(end);
    // (where a sentence ends, where the next one starts)
    let mut breaks: Vec<(usize, usize)> = Vec::new();
    for (i, c) in text.char_indices() {
        if CHINESE_ENDS.contains(&c) {
            breaks.push((i + c.len_utf8(), i + c.len_utf8()));
        } else if ENGLISH_ENDS.iter().any(|e| text[i..].starts_with(e)) {
            breaks.push((i + 1, i + 2));
        }
    }
    let from = breaks
        .iter()
        .map(|&(_, next)| next)
        .filter(|&next| next <= start)
        .max()
        .unwrap_or(0);
    let to = breaks
        .iter()
        .map(|&(stop, _)| stop)
        .find(|&stop| stop >= end && stop > from)
        .unwrap_or(text.len());
    (from, to)
}

/// A reported figure's source sentence in `lang`, split around its span: `(before, span,
/// after)`. Chinese comes from the report (the heading, for a span in it); English from the
/// translation. `None` for derived figures, or when the span cannot be located.
#[inline]
pub(crate) fn source_sentence<'a>(
    story: &'a Story,
    figure: &'a Figure,
    lang: Lang,
) -> Option<(&'a str, &'a str, &'a str)> {
    let Provenance::Reported(span) = &figure.provenance else {
        return None;
    };
    let event = story.events.iter().find(|e| e.rank == figure.event)?;
    let text = if span.in_title {
        event.title.get(lang)
    } else {
        event.text.get(lang)
    };
    let (start, end) = span_range(event, span, lang)?;
    let (from, to) = sentence_bounds(text, start, end);
    Some((&text[from..start], &text[start..end], &text[end..to]))
}

#[cfg(test)]
mod tests {
    use super::*;

    // What the tests read of a segment.
    impl<'a> Segment<'a> {
        /// The text of the segment, whatever it marks.
        fn text(&self) -> &'a str {
            match *self {
                Segment::Plain(text)
                | Segment::Figure { text, .. }
                | Segment::Term { text, .. } => text,
            }
        }
    }
    use crate::data::story;

    /// What a segment marks, for tables: ("figure" | "term", id, text).
    fn marked(segments: &[Segment<'static>]) -> Vec<(&'static str, &'static str, &'static str)> {
        segments
            .iter()
            .filter_map(|s| match *s {
                Segment::Plain(_) => None,
                Segment::Figure { id, text } => Some(("figure", id, text)),
                Segment::Term { id, text } => Some(("term", id, text)),
            })
            .collect()
    }

    #[track_caller]
    fn segments_of(rank: u8, lang: Lang) -> Vec<Segment<'static>> {
        let story = story();
        let event = story.event(rank).expect("the event exists");
        event_segments(story, event, lang)
    }

    #[track_caller]
    fn assert_marks(rank: u8, lang: Lang, expected: &[(&str, &str, &str)]) {
        assert_eq!(
            marked(&segments_of(rank, lang)),
            expected,
            "event {rank}, {}",
            lang.as_str()
        );
    }

    #[track_caller]
    fn assert_sentence(id: &str, lang: Lang, expected: (&str, &str, &str)) {
        let story = story();
        let figure = story.figure(id).expect("the figure exists");
        assert_eq!(
            source_sentence(story, figure, lang),
            Some(expected),
            "{id}, {}",
            lang.as_str()
        );
    }

    #[track_caller]
    fn assert_bounds(text: &str, span: &str, sentence: &str) {
        let start = text.find(span).expect("the span is in the text");
        let (from, to) = sentence_bounds(text, start, start + span.len());
        assert_eq!(&text[from..to], sentence, "{span:?} in {text:?}");
    }

    #[test]
    fn segments_put_back_together_are_the_text() {
        let story = story();
        for event in &story.events {
            for lang in Lang::ALL {
                let joined: String = event_segments(story, event, lang)
                    .iter()
                    .map(Segment::text)
                    .collect();
                assert_eq!(joined, event.text.get(lang), "event {}", event.rank);
            }
        }
    }

    #[test]
    fn no_segment_is_empty_and_plain_runs_are_merged() {
        let story = story();
        for event in &story.events {
            for lang in Lang::ALL {
                let segments = event_segments(story, event, lang);
                assert!(segments.iter().all(|s| !s.text().is_empty()));
                assert!(segments
                    .windows(2)
                    .all(|w| !matches!(w, [Segment::Plain(_), Segment::Plain(_)])));
            }
        }
    }

    #[test]
    fn every_body_figure_is_marked_once_in_every_language() {
        let story = story();
        for figure in &story.figures {
            let Provenance::Reported(span) = &figure.provenance else {
                continue;
            };
            let event = story.event(figure.event).expect("event");
            for lang in Lang::ALL {
                let marks: Vec<&str> = event_segments(story, event, lang)
                    .into_iter()
                    .filter_map(|s| match s {
                        Segment::Figure { id, text } if id == figure.id => Some(text),
                        _ => None,
                    })
                    .collect();
                let expected = if span.in_title {
                    Vec::new()
                } else {
                    vec![span.text.get(lang)]
                };
                assert_eq!(marks, expected, "{} in {}", figure.id, lang.as_str());
            }
        }
    }

    #[test]
    fn traditional_spans_sit_at_the_simplified_positions() {
        let story = story();
        for figure in &story.figures {
            let Provenance::Reported(span) = &figure.provenance else {
                continue;
            };
            let event = story.event(figure.event).expect("event");
            let text = if span.in_title {
                &event.title
            } else {
                &event.text
            };
            let (start, end) = span_range(event, span, Lang::ZhHant).expect("located");
            assert_eq!(&text.hant[start..end], span.text.hant, "{}", figure.id);
            let chars_before = |s: &str, at: usize| s[..at].chars().count();
            assert_eq!(
                chars_before(&text.hant, start),
                chars_before(&text.hans, span.start),
                "{}",
                figure.id
            );
        }
    }

    #[test]
    fn figures_and_terms_in_event_one() {
        assert_marks(
            1,
            Lang::ZhHans,
            &[
                ("figure", "households-lifted", "2078户"),
                ("figure", "people-lifted", "5222人"),
                // The span holds the number and its counter only, so 贫困村退出 is a term.
                ("figure", "villages-exited", "6个"),
                ("term", "village-exit", "贫困村退出"),
                ("term", "poverty-incidence", "贫困发生率"),
                ("figure", "poverty-incidence", "0.89%"),
                ("term", "special-fund", "专项扶贫资金"),
                ("figure", "county-special-fund", "1925.04万元"),
                ("term", "double-growth", "双增长"),
                ("term", "microcredit", "扶贫小额信贷"),
                ("figure", "microcredit-issued", "2791.86万元"),
                ("figure", "microcredit-completion", "126%"),
            ],
        );
        assert_marks(
            1,
            Lang::ZhHant,
            &[
                ("figure", "households-lifted", "2078戶"),
                ("figure", "people-lifted", "5222人"),
                ("figure", "villages-exited", "6個"),
                ("term", "village-exit", "貧困村退出"),
                ("term", "poverty-incidence", "貧困發生率"),
                ("figure", "poverty-incidence", "0.89%"),
                ("term", "special-fund", "專項扶貧資金"),
                ("figure", "county-special-fund", "1925.04萬元"),
                ("term", "double-growth", "雙增長"),
                ("term", "microcredit", "扶貧小額信貸"),
                ("figure", "microcredit-issued", "2791.86萬元"),
                ("figure", "microcredit-completion", "126%"),
            ],
        );
        assert_marks(
            1,
            Lang::En,
            &[
                ("figure", "households-lifted", "2,078 households"),
                ("figure", "people-lifted", "5,222 people"),
                ("figure", "villages-exited", "6 poor villages"),
                // An English wording of 贫困村退出 other than its term (`en_forms`).
                ("term", "village-exit", "exited poverty"),
                ("term", "poverty-incidence", "poverty incidence"),
                ("figure", "poverty-incidence", "0.89%"),
                ("figure", "county-special-fund", "19,250,400 yuan"),
                ("term", "special-fund", "special poverty-alleviation funds"),
                ("term", "double-growth", "double increase"),
                ("term", "microcredit", "poverty-alleviation microcredit"),
                ("figure", "microcredit-issued", "27,918,600 yuan"),
                ("figure", "microcredit-completion", "126%"),
            ],
        );
    }

    #[test]
    fn english_marks_follow_the_english_wording() {
        // The figures sit where the English says them (127% comes before 2000 people there),
        // and a term's plural is marked with it.
        assert_marks(
            2,
            Lang::En,
            &[
                ("figure", "relocation-sites", "four"),
                (
                    "term",
                    "resettlement-site",
                    "centralised resettlement sites",
                ),
                ("term", "relocation", "poverty-alleviation relocation"),
                ("figure", "relocation-investment", "128 million yuan"),
                ("figure", "relocation-months", "6 months"),
                ("figure", "relocation-buildings", "25 buildings"),
                ("figure", "relocation-households", "784 households"),
                ("figure", "relocation-people", "2,551 people"),
                ("figure", "relocation-completion", "127%"),
                ("figure", "relocation-target-people", "2,000 people"),
            ],
        );
    }

    #[test]
    fn longer_terms_win_and_each_term_is_marked_once() {
        // 双签约 (dual contract signing) holds 双签 (dual signing): the longer term is marked.
        let marks = marked(&segments_of(5, Lang::ZhHans));
        assert!(
            marks.contains(&("term", "dual-contract", "双签约")),
            "{marks:?}"
        );
        assert!(!marks.iter().any(|m| m.1 == "dual-signing"), "{marks:?}");
        // 贫困户 occurs three times in event 5; only the first is marked.
        let poor: Vec<_> = marks.iter().filter(|m| m.1 == "poor-household").collect();
        assert_eq!(poor, [&("term", "poor-household", "贫困户")]);
        let marks = marked(&segments_of(3, Lang::ZhHans));
        assert!(
            marks.contains(&("term", "dual-signing", "双签")),
            "{marks:?}"
        );
    }

    #[test]
    fn title_figures_are_not_marked_in_the_body() {
        let marks = marked(&segments_of(7, Lang::En));
        assert!(
            !marks
                .iter()
                .any(|m| m.1 == "team-captain" && m.0 == "figure"),
            "{marks:?}"
        );
        assert!(marks.contains(&("figure", "work-team-villages", "139 villages")));
    }

    #[test]
    fn english_terms_ignore_case_and_start_on_a_word() {
        for (text, term, found) in [
            (
                "Leading groups were set up",
                "leading group",
                &[(0, 14)][..],
            ),
            (
                "the poverty incidence fell",
                "Poverty Incidence",
                &[(4, 21)],
            ),
            ("someone, one", "one", &[(9, 12)]),
            // A plural s or es is marked with its word; other endings are not.
            ("poor households", "poor household", &[(0, 15)]),
            ("two boxes, a boxer", "box", &[(4, 9), (13, 16)]),
            ("the centers", "center", &[(4, 11)]),
            // A y becomes ies: first secretaries, collective economies.
            ("two first secretaries.", "first secretary", &[(4, 21)]),
            (
                "a secretary, secretaries",
                "secretary",
                &[(2, 11), (13, 24)],
            ),
            ("secretariesque", "secretary", &[]),
            ("nothing here", "term", &[]),
            ("anything", "", &[]),
        ] {
            assert_eq!(
                term_occurrences(text, term, Lang::En),
                found,
                "{term:?} in {text:?}"
            );
        }
        // Chinese matches exactly.
        assert_eq!(
            term_occurrences("贫困户户均", "贫困户", Lang::ZhHans),
            [(0, 9)]
        );
    }

    #[test]
    fn sentences_end_at_chinese_and_english_ends() {
        for (text, span, sentence) in [
            ("甲。乙丙丁；戊。", "丙", "乙丙丁；"),
            ("甲。乙丙丁；戊。", "甲", "甲。"),
            ("甲。乙丙丁；戊", "戊", "戊"),
            ("无句末标点", "句末", "无句末标点"),
            ("问？答！好。", "答", "答！"),
            ("One. Two 5 people; three.", "5 people", "Two 5 people;"),
            ("One. Two 5 people; three.", "One", "One."),
            ("One. Two 5 people; three.", "three", "three."),
            // A decimal point is not a sentence end.
            ("Rose to 0.89%. Then", "0.89%", "Rose to 0.89%."),
            (
                "It cost 1.1 million yuan",
                "1.1 million",
                "It cost 1.1 million yuan",
            ),
            // A span that holds an end keeps its whole text.
            ("A. B; C. D", "B; C", "B; C."),
        ] {
            assert_bounds(text, span, sentence);
        }
    }

    #[test]
    fn sentence_bounds_clamp_to_the_text() {
        assert_eq!(sentence_bounds("a. b", 10, 20), (3, 4));
        assert_eq!(sentence_bounds("", 0, 0), (0, 0));
        assert_eq!(sentence_bounds("a. b", 3, 1), (0, 2));
    }

    #[test]
    fn source_sentences_in_three_languages() {
        assert_sentence(
            "people-lifted",
            Lang::ZhHans,
            (
                "全县2017年共减贫2078户",
                "5222人",
                "，6个贫困村退出，贫困发生率降至0.89%；",
            ),
        );
        assert_sentence(
            "people-lifted",
            Lang::ZhHant,
            (
                "全縣2017年共減貧2078戶",
                "5222人",
                "，6個貧困村退出，貧困發生率降至0.89%；",
            ),
        );
        assert_sentence(
            "people-lifted",
            Lang::En,
            (
                "In 2017 the county lifted 2,078 households (",
                "5,222 people",
                ") out of poverty;",
            ),
        );
        assert_sentence(
            "team-captain",
            Lang::ZhHans,
            ("驻村帮扶实现“", "一个大队长", "、四个全覆盖”"),
        );
        assert_sentence(
            "team-captain",
            Lang::En,
            (
                "Village-based assistance achieves “",
                "one team captain",
                ", four kinds of full coverage”",
            ),
        );
        assert_sentence(
            "problems-rectified",
            Lang::ZhHant,
            (
                "出臺了《澤州縣關於開展扶貧領域不正之風和腐敗問題專項治理監督檢查》工作方案，\
                 通過市級交叉檢查組、督導抽查組、縣級專項督導組對全縣扶貧領域的監督檢查，全年共發現、整改",
                "問題89個",
                "。",
            ),
        );
    }

    #[test]
    fn derived_figures_have_no_source_sentence() {
        let story = story();
        let derived: Vec<&Figure> = story
            .figures
            .iter()
            .filter(|f| matches!(f.provenance, Provenance::Derived { .. }))
            .collect();
        assert!(!derived.is_empty());
        for figure in derived {
            for lang in Lang::ALL {
                assert_eq!(source_sentence(story, figure, lang), None, "{}", figure.id);
            }
        }
    }

    #[test]
    fn every_reported_figure_has_its_sentence() {
        let story = story();
        for figure in &story.figures {
            let Provenance::Reported(span) = &figure.provenance else {
                continue;
            };
            let event = story.event(figure.event).expect("event");
            for lang in Lang::ALL {
                let (before, marked, after) =
                    source_sentence(story, figure, lang).expect("a reported figure has one");
                assert_eq!(
                    marked,
                    span.text.get(lang),
                    "{} {}",
                    figure.id,
                    lang.as_str()
                );
                let sentence = format!("{before}{marked}{after}");
                let text = if span.in_title {
                    event.title.get(lang)
                } else {
                    event.text.get(lang)
                };
                assert!(text.contains(&sentence), "{}: {sentence}", figure.id);
                // The sentence holds no end before the span, and none after it but its last.
                let ends_inside = |s: &str| {
                    s.contains(CHINESE_ENDS) || ENGLISH_ENDS.iter().any(|e| s.contains(e))
                };
                assert!(!ends_inside(before), "{}: {before}", figure.id);
                let body = after
                    .strip_suffix(|c: char| CHINESE_ENDS.contains(&c) || ".;!?".contains(c))
                    .unwrap_or(after);
                assert!(!ends_inside(body), "{}: {after}", figure.id);
            }
        }
    }
}
