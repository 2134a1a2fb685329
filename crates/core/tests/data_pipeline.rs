//! Host tests: the real dataset (`data/story.toml`) against its source, and a second story
//! that proves the pipeline takes another report with no code change.

use std::path::{Path, PathBuf};
use zezhou_core::data::pipeline::{prepare_source, read_story_file, source_path};
use zezhou_core::data::validate::validate;
use zezhou_core::data::{build_story, Entry, Problem};
use zezhou_core::model::{Decimal, Provenance, Relation, Story, Text3, Unit};
use zezhou_core::text::scan_numbers;
use zezhou_core::text::script::ScriptConverter;

fn project_file(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[track_caller]
fn build(path: &str) -> Story {
    build_story(&project_file(path)).unwrap_or_else(|e| panic!("{path} should build:\n{e}"))
}

#[track_caller]
fn dec(s: &str) -> Decimal {
    s.parse().expect("test decimal")
}

/// The simplified text a reported figure's span was located in.
fn located_in(story: &Story, rank: u8, in_title: bool) -> (&str, &str) {
    let event = story.event(rank).expect("the figure's event exists");
    let text = if in_title { &event.title } else { &event.text };
    (&text.hans, &text.hant)
}

#[track_caller]
fn assert_three_scripts(what: &str, text: &Text3) {
    assert!(!text.hans.trim().is_empty(), "{what}: simplified is empty");
    assert!(!text.hant.trim().is_empty(), "{what}: traditional is empty");
    assert!(!text.en.trim().is_empty(), "{what}: English is empty");
}

/// Every problem `validate` finds after removing the entries that `drop` selects.
fn problems_without(drop: impl Fn(&str) -> bool) -> Vec<(Entry, Problem)> {
    let data_file = project_file("../../data/story.toml");
    let mut story_file = read_story_file(&data_file).expect("the data file parses");
    story_file.figures.retain(|f| !drop(&f.id));
    story_file.not_figures.retain(|n| !drop(&n.text));
    let converter = ScriptConverter::new().expect("dictionaries load");
    let raw = std::fs::read_to_string(source_path(&data_file, &story_file)).expect("source");
    let report = prepare_source(&raw, &converter).expect("the source splits");
    validate(&story_file, &report).err().unwrap_or_default()
}

#[test]
fn the_real_dataset_builds() {
    let story = build("../../data/story.toml");
    assert_eq!(story.events.len(), 10);
    assert_eq!(story.year, 2017);
    assert_eq!(story.byline.hans, "高峰");
    // The lead without its dateline (本报讯 is shown with the byline).
    assert!(story.lead.hans.starts_with("脱贫攻坚事关"));
    assert!(story.lead.hant.starts_with("脫貧攻堅事關"));
}

#[test]
fn every_figure_matches_its_span() {
    let story = build("../../data/story.toml");
    let mut reported = 0;
    for figure in &story.figures {
        let Provenance::Reported(span) = &figure.provenance else {
            continue;
        };
        reported += 1;
        let (hans, hant) = located_in(&story, figure.event, span.in_title);
        assert_eq!(&hans[span.start..span.end], span.text.hans, "{}", figure.id);
        assert!(
            hant.contains(&span.text.hant),
            "{}: traditional span",
            figure.id
        );
        let numbers = scan_numbers(&span.text.hans);
        assert!(
            !numbers.is_empty(),
            "{}: its span holds a number",
            figure.id
        );
        if figure.unit == Unit::Count {
            assert!(
                figure.counter.is_some(),
                "{}: a count has a counter",
                figure.id
            );
        }
    }
    assert!(reported >= 30, "only {reported} reported figures");
}

#[test]
fn figures_read_with_their_units() {
    let story = build("../../data/story.toml");
    let value_of_span = |span: &str| {
        story
            .figures
            .iter()
            .find(|f| matches!(&f.provenance, Provenance::Reported(s) if s.text.hans == span))
            .map(|f| f.value)
            .unwrap_or_else(|| panic!("a figure with span {span:?}"))
    };
    for (span, value) in [
        ("5222人", "5222"),
        ("1925.04万元", "19250400"),
        ("2791.86万元", "27918600"),
        ("1.28亿", "128000000"),
        ("0.89%", "0.89"),
        ("126%", "126"),
        ("四个", "4"),
        ("一个大队长", "1"),
        ("三位一体", "3"),
        ("30千瓦左右", "30"),
    ] {
        assert_eq!(value_of_span(span), dec(value), "{span}");
    }
}

#[test]
fn derived_figures_are_computed_exactly_and_marked() {
    let story = build("../../data/story.toml");
    let mut derived = 0;
    for figure in &story.figures {
        let Provenance::Derived { formula, inputs } = &figure.provenance else {
            continue;
        };
        derived += 1;
        assert_three_scripts(&figure.id, formula);
        assert_eq!(inputs.len(), 2, "{}", figure.id);
        for input in inputs {
            assert!(
                story.figure(input).is_some(),
                "{}: input {input}",
                figure.id
            );
        }
    }
    assert!(derived >= 1);
    // 2551 people in 784 households: about 3.25 people per household.
    let per_household = story
        .figures
        .iter()
        .find(|f| {
            matches!(&f.provenance, Provenance::Derived { inputs, .. }
                if inputs.iter().any(|i| i == "relocation-people")
                    && inputs.iter().any(|i| i == "relocation-households"))
        })
        .expect("people per relocated household");
    assert_eq!(per_household.value.round(1), dec("3.3"));
}

#[test]
fn references_resolve() {
    let story = build("../../data/story.toml");
    assert!(!story.headline.is_empty());
    assert_eq!(story.headline_figures().count(), story.headline.len());
    for relation in &story.relations {
        match relation {
            Relation::AchievedVsTarget {
                achieved,
                target,
                percent,
                ..
            } => {
                for id in achieved.iter().chain(target) {
                    assert!(story.figure(id).is_some(), "{id}");
                }
                let percent = story.figure(percent).expect("percent figure");
                assert_eq!(percent.unit, Unit::Percent);
            }
            Relation::HouseholdsPeople {
                households, people, ..
            } => {
                assert!(story.figure(households).is_some(), "{households}");
                assert!(story.figure(people).is_some(), "{people}");
            }
        }
    }
    for event in &story.events {
        for theme in &event.themes {
            assert!(story.theme(theme).is_some(), "{theme}");
        }
    }
}

#[test]
fn every_text_is_in_three_scripts() {
    let story = build("../../data/story.toml");
    for (what, text) in [
        ("title", &story.title),
        ("place", &story.place),
        ("source", &story.source),
        ("byline", &story.byline),
        ("context", &story.context),
        ("lead", &story.lead),
        ("citation", &story.citation),
    ] {
        assert_three_scripts(what, text);
    }
    for event in &story.events {
        for (what, text) in [
            ("title", &event.title),
            ("short", &event.short),
            ("summary", &event.summary),
            ("text", &event.text),
        ] {
            assert_three_scripts(&format!("event {} {what}", event.rank), text);
        }
    }
    for figure in &story.figures {
        assert_three_scripts(&figure.id, &figure.label);
    }
    for entry in &story.glossary {
        assert_three_scripts(&entry.id, &entry.term);
        assert_three_scripts(&entry.id, &entry.explanation);
    }
}

#[test]
fn traditional_texts_are_proper() {
    let story = build("../../data/story.toml");
    let event3 = &story.event(3).expect("event 3").text;
    assert!(event3.hans.contains("17个乡（镇）党委"));
    assert!(event3.hant.contains("17個鄉（鎮）黨委"));
    assert!(event3.hant.contains("領導幹部"));
    assert!(event3.hant.contains("“雙簽”"));
    let event6 = &story.event(6).expect("event 6").text;
    assert!(event6.hant.contains("規範命名"));
    assert!(story.title.hant.contains("澤州縣"));
}

#[test]
fn no_number_is_unaccounted_for() {
    // The real dataset accounts for every number (it builds); dropping a figure or a
    // not_figures entry must then surface the number it covered, with its context.
    assert!(problems_without(|_| false).is_empty());
    let problems = problems_without(|id| id == "people-lifted");
    assert!(
        problems.iter().any(|(entry, problem)| matches!(
            (entry, problem),
            (Entry::Source(_), Problem::UncoveredNumber { number, context })
                if number == "5222" && context.contains("2078户5222人")
        )),
        "{problems:?}"
    );
    let problems = problems_without(|text| text == "进一步");
    let uncovered: Vec<String> = problems
        .iter()
        .map(|(entry, problem)| format!("{entry}: {problem}"))
        .collect();
    assert!(
        uncovered
            .iter()
            .any(|m| m.starts_with("source lead: number \"一\"")),
        "{uncovered:?}"
    );
    assert!(
        uncovered
            .iter()
            .any(|m| m.starts_with("source event 6 heading")),
        "{uncovered:?}"
    );
}

#[test]
fn the_second_story_loads_with_no_code_change() {
    let story = build("tests/fixtures/second/story.toml");
    assert_eq!(story.events.len(), 3);
    assert_eq!(story.byline.hans, "李明");
    assert!(story
        .lead
        .hans
        .starts_with("（测试夹具：虚构文本，并非真实报道）2019年"));
    let titles: Vec<&str> = story.events.iter().map(|e| e.title.hans.as_str()).collect();
    assert_eq!(titles, ["新建学校两所", "道路通村到户", "饮水安全全覆盖"]);
    assert_eq!(story.event(2).expect("event 2").title.hant, "道路通村到戶");
    let figure = |id: &str| story.figure(id).expect("figure").value;
    assert_eq!(figure("school-investment"), dec("360000000"));
    assert_eq!(figure("water-people"), dec("12000"));
    assert_eq!(figure("new-schools"), dec("2"));
    assert_eq!(figure("places-per-school"), dec("1200"));
    assert_eq!(story.event_figures(1).count(), 5);
}

#[test]
fn building_a_missing_file_names_it() {
    let missing = Path::new("tests/fixtures/no-such-story.toml");
    let error = build_story(missing).expect_err("no such file").to_string();
    assert!(error.starts_with("tests/fixtures/no-such-story.toml: cannot read the file"));
}
