//! Host tests that catch meaning, not only numbers: every glossary entry can be opened in
//! each language, every tile reads right for its value, and the lead is shown. (The rule that
//! no chart mixes kinds of money is `chart::spec`'s `no_chart_mixes_figures_of_different_natures`.)

use zezhou_core::data::story;
use zezhou_core::format;
use zezhou_core::html::{card_head, card_text, lead};
use zezhou_core::model::{Counter, Decimal, Figure, Kind, Lang, Provenance, Story, Unit};
use zezhou_core::text::marks::{event_segments, heading_segments, lead_segments, Segment};

/// The glossary ids marked anywhere a reader can tap them in `lang`: the lead, the headings
/// and the bodies.
fn marked_terms(story: &Story, lang: Lang) -> Vec<&str> {
    let mut segments = lead_segments(story, lang);
    for event in &story.events {
        segments.extend(heading_segments(story, event, lang));
        segments.extend(event_segments(story, event, lang));
    }
    segments
        .into_iter()
        .filter_map(|s| match s {
            Segment::Term { id, .. } => Some(id),
            _ => None,
        })
        .collect()
}

#[test]
fn every_glossary_entry_can_be_opened_in_every_language() {
    // Regression: 精准施策 occurred only in the unrendered lead; 贫困村退出 and 县处级 sat
    // inside figure spans; "first secretaries" and "collective economies" did not match
    // their entries' wording. Such an entry can never be opened.
    let story = story();
    for lang in Lang::ALL {
        let marked = marked_terms(story, lang);
        let unreachable: Vec<&str> = story
            .glossary
            .iter()
            .map(|g| g.id.as_str())
            .filter(|id| !marked.contains(id))
            .collect();
        assert!(
            unreachable.is_empty(),
            "{}: no text marks {unreachable:?}",
            lang.as_str()
        );
    }
}

#[test]
fn the_lead_is_shown_with_its_terms_in_every_language() {
    // Regression: the report's opening paragraph was in the data but never rendered.
    let story = story();
    for lang in Lang::ALL {
        let text = story.lead.get(lang);
        assert!(text.chars().count() > 80, "{}: {text}", lang.as_str());
        let live = lead(story, lang);
        assert!(live.contains(r#"data-term="targeted-measures""#), "{live}");
    }
}

#[test]
fn headings_mark_their_terms_and_figures() {
    let story = story();
    let event = story.event(7).expect("event 7");
    let head = card_head(story, event, Lang::En);
    assert!(head.contains(r#"data-figure="team-captain""#), "{head}");
    assert!(head.contains(r#"data-term="village-assistance""#), "{head}");
    assert!(card_text(story, event, Lang::En).contains("data-term"));
}

/// A count's counter with `value` put in, as a tile shows it.
fn tile(figure: &Figure, value: i64, lang: Lang) -> String {
    let mut f = figure.clone();
    f.value = Decimal::from_int(value);
    f.qualifier = None;
    format::figure(&f, lang)
}

fn counted(story: &Story) -> impl Iterator<Item = (&Figure, &Counter)> {
    story
        .figures
        .iter()
        .filter(|f| f.unit == Unit::Count)
        .filter_map(|f| Some((f, f.counter.as_ref()?)))
}

#[test]
fn english_tiles_take_the_singular_for_one_and_the_plural_otherwise() {
    // Regression: tiles read "1 captains" and "4 full coverages".
    let story = story();
    let mut checked = 0;
    for (figure, counter) in counted(story) {
        let (one, other) = (counter.one.as_str(), counter.word.en.as_str());
        assert_eq!(
            tile(figure, 1, Lang::En),
            format!("1 {one}"),
            "{}",
            figure.id
        );
        for n in [0, 2, 7] {
            assert_eq!(
                tile(figure, n, Lang::En),
                format!("{n} {other}"),
                "{}",
                figure.id
            );
        }
        // A noun phrase that reads after any number: English words, no digits, and a
        // singular that is not the plural (unit symbols such as kW are the same in both).
        for phrase in [one, other] {
            assert!(
                phrase.split(' ').all(
                    |w| !w.is_empty() && w.chars().all(|c| c.is_ascii_alphabetic() || c == '-')
                ),
                "{}: {phrase:?} is not a phrase of English words",
                figure.id
            );
        }
        if one == other {
            assert!(
                figure.kind == Kind::Power,
                "{}: {one:?} is both singular and plural",
                figure.id
            );
        }
        checked += 1;
    }
    assert!(checked > 20, "only {checked} counts");
}

/// The Chinese measure words a count of each kind may be told in. 位 counts people only:
/// as the counter of 三位一体's "three" it made the tile "3位" (three persons).
fn measure_words(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::People => &["人", "名", "位", "个"],
        Kind::Households => &["户"],
        Kind::Villages => &["个", "个村"],
        Kind::Duration => &["个月", "年", "天"],
        Kind::Power => &["千瓦"],
        Kind::Count => &["个", "幢", "家", "项", "座", "所", "人/户"],
        _ => &[],
    }
}

#[test]
fn chinese_tiles_use_a_measure_word_that_fits_what_is_counted() {
    // Regression: 三位一体 (a set phrase, "three-in-one") was shown as the tile "3位".
    let story = story();
    for (figure, counter) in counted(story) {
        let word = &counter.word.hans;
        assert!(
            measure_words(figure.kind)
                .iter()
                .any(|m| word.starts_with(m)),
            "{}: {word:?} does not count {:?}",
            figure.id,
            figure.kind
        );
        // The tile is the number and the counter, in both scripts.
        assert_eq!(tile(figure, 3, Lang::ZhHans), format!("3{word}"));
        assert_eq!(
            tile(figure, 3, Lang::ZhHant),
            format!("3{}", counter.word.hant)
        );
    }
}

#[test]
fn labels_read_as_noun_phrases_without_bracketed_fragments() {
    // Regression: "Poverty incidence (reduced to, 2017)" and "贫困发生率（2017年降至）";
    // "(about)" and "(or more)" repeated what the value already says.
    let story = story();
    for figure in &story.figures {
        for lang in Lang::ALL {
            let label = figure.label.get(lang);
            for fragment in [
                "(about)",
                "(or more)",
                "reduced to,",
                "（以上）",
                "（左右）",
                "降至）",
            ] {
                assert!(!label.contains(fragment), "{}: {label}", figure.id);
            }
        }
    }
}

#[test]
fn running_english_groups_thousands() {
    // Regression: running text said "2078 households" while tiles said "2,078 households".
    let story = story();
    let mut texts: Vec<&str> = vec![story.lead.en.as_str(), story.context.en.as_str()];
    for event in &story.events {
        texts.extend([
            event.title.en.as_str(),
            event.summary.en.as_str(),
            event.text.en.as_str(),
        ]);
    }
    for figure in &story.figures {
        texts.push(figure.label.en.as_str());
        if let Provenance::Derived { formula, .. } = &figure.provenance {
            texts.push(formula.en.as_str());
        }
    }
    texts.extend(story.glossary.iter().map(|g| g.explanation.en.as_str()));
    // Years near the report's are not amounts (2015, 2016-2017, 2020); 2000 and 2078 are.
    let years = i64::from(story.year) - 5..=i64::from(story.year) + 5;
    for text in texts {
        for word in text.split(|c: char| !c.is_ascii_digit() && c != ',' && c != '.') {
            let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
            let year = digits.len() == 4 && digits.parse().is_ok_and(|n: i64| years.contains(&n));
            assert!(
                digits.len() < 4 || year,
                "{digits} without a thousands separator in {text}"
            );
        }
    }
}

#[test]
fn english_apostrophes_are_typographic_as_its_quotes_are() {
    // Regression: "people's" and "households'" beside “three-in-one”, a straight apostrophe
    // among curly quotes.
    let story = story();
    let mut texts: Vec<&str> = vec![
        &story.title.en,
        &story.lead.en,
        &story.context.en,
        &story.citation.en,
        &story.place.en,
        &story.source.en,
    ];
    for event in &story.events {
        texts.extend(
            [
                &event.title.en,
                &event.short.en,
                &event.summary.en,
                &event.text.en,
            ]
            .map(String::as_str),
        );
    }
    texts.extend(story.figures.iter().map(|f| f.label.en.as_str()));
    texts.extend(story.themes.iter().map(|t| t.label.en.as_str()));
    for entry in &story.glossary {
        texts.extend([entry.term.en.as_str(), entry.explanation.en.as_str()]);
    }
    for text in texts {
        assert!(
            !text.contains(['\'', '"']),
            "a straight quote or apostrophe in {text:?}"
        );
    }
    assert!(story.lead.en.contains("the people’s well-being"));
}
