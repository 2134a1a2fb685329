//! Host tests: the story embedded by `build.rs` parses, is the current dataset, and answers
//! the UI's lookups.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use zezhou::data::story;
use zezhou::model::Provenance;
use zezhou_core::data::build_story;

#[test]
fn the_embedded_story_parses_and_is_current() {
    let data_file = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/story.toml");
    let fresh = build_story(&data_file).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(story(), &fresh);
}

#[test]
fn lookups_by_id_and_rank() {
    let story = story();
    let people = story.figure("people-lifted").expect("people-lifted");
    assert_eq!(people.value.to_string(), "5222");
    assert!(story.figure("no-such-figure").is_none());

    let event = story.event(2).expect("event 2");
    assert_eq!(event.title.hans, "啃下易地扶贫搬迁硬骨头");
    assert!(story.event(0).is_none());
    assert!(story.event(11).is_none());

    assert!(story.event_figures(2).all(|f| f.event == 2));
    assert!(story
        .event_figures(2)
        .any(|f| f.id == "relocation-investment"));

    let main_theme = &event.themes[0];
    assert_eq!(
        story.theme(main_theme).map(|t| t.id.as_str()),
        Some(main_theme.as_str())
    );
    assert!(story.theme("no-such-theme").is_none());

    assert_eq!(
        story
            .headline_figures()
            .map(|f| f.id.as_str())
            .collect::<Vec<_>>(),
        story.headline
    );
}

#[test]
fn spans_index_the_embedded_texts() {
    let story = story();
    for figure in &story.figures {
        if let Provenance::Reported(span) = &figure.provenance {
            let event = story.event(figure.event).expect("event");
            let text = if span.in_title {
                &event.title.hans
            } else {
                &event.text.hans
            };
            assert_eq!(
                text.get(span.start..span.end),
                Some(span.text.hans.as_str())
            );
            let english = if span.in_title {
                &event.title.en
            } else {
                &event.text.en
            };
            assert!(!span.text.en.is_empty(), "{}: English span", figure.id);
            assert_eq!(
                english.get(span.en_start..span.en_end),
                Some(span.text.en.as_str()),
                "{}",
                figure.id
            );
            // The marked occurrence is the first.
            assert_eq!(english.find(&span.text.en), Some(span.en_start));
        }
    }
}
