//! Host tests: a broken dataset fails with a message naming the file, the entry and the
//! problem (PRODUCT.md §4). Fixtures: `tests/fixtures/broken/`, each `base.toml` with one
//! thing broken.

use std::path::PathBuf;
use zezhou_core::data::pipeline::{parse_story_file, prepare_source};
use zezhou_core::data::validate::validate;
use zezhou_core::data::{build_story, DataErrors};
use zezhou_core::text::script::ScriptConverter;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/broken")
        .join(name)
}

/// Builds a broken fixture and returns its error, one problem per line.
#[track_caller]
fn errors_of(name: &str) -> DataErrors {
    match build_story(&fixture(name)) {
        Ok(_) => panic!("{name} should not build"),
        Err(errors) => errors,
    }
}

/// Asserts that one of the problems reads exactly `file: entry: problem`.
#[track_caller]
fn assert_problem(name: &str, file: &str, entry: &str, problem: &str) {
    let errors = errors_of(name);
    let expected = format!("{}: {entry}: {problem}", fixture(file).display());
    let all: Vec<String> = errors.0.iter().map(ToString::to_string).collect();
    assert!(
        all.contains(&expected),
        "{name}: expected\n  {expected}\namong\n  {}",
        all.join("\n  ")
    );
}

/// Every problem that `validate` finds in base.toml after replacing `from` by `to`.
#[track_caller]
fn problems_after(edits: &[(&str, &str)]) -> Vec<String> {
    let mut text = std::fs::read_to_string(fixture("base.toml")).expect("base.toml");
    for (from, to) in edits {
        assert!(text.contains(from), "base.toml has {from:?}");
        text = text.replacen(from, to, 1);
    }
    let story_file = parse_story_file(&fixture("base.toml"), &text).expect("still parses");
    let raw = std::fs::read_to_string(fixture("source.txt")).expect("source.txt");
    let converter = ScriptConverter::new().expect("dictionaries load");
    let report = prepare_source(&raw, &converter).expect("source splits");
    match validate(&story_file, &report) {
        Ok(_) => Vec::new(),
        Err(problems) => problems
            .iter()
            .map(|(entry, problem)| format!("{entry}: {problem}"))
            .collect(),
    }
}

#[track_caller]
fn assert_has(problems: &[String], expected: &str) {
    assert!(
        problems.iter().any(|p| p == expected),
        "expected\n  {expected}\namong\n  {}",
        problems.join("\n  ")
    );
}

#[test]
fn the_base_fixture_builds() {
    let story = build_story(&fixture("base.toml")).expect("base.toml is valid");
    assert_eq!(story.events.len(), 2);
    assert_eq!(story.byline.hans, "测试员");
    assert_eq!(
        story.figure("power").map(|f| f.value.to_string()),
        Some("20".into())
    );
}

#[test]
fn wrong_value() {
    assert_problem(
        "wrong_value.toml",
        "wrong_value.toml",
        "figures[1] \"people\"",
        "value 301 does not match span \"300人\", which says 300",
    );
}

#[test]
fn missing_span() {
    assert_problem(
        "missing_span.toml",
        "missing_span.toml",
        "figures[1] \"people\"",
        "span \"310人\" not found in event 1",
    );
}

#[test]
fn missing_span_en() {
    // `span_en` is required: a figure without its English wording does not parse.
    let errors = errors_of("missing_span_en.toml");
    let message = errors.to_string();
    let file = fixture("missing_span_en.toml");
    assert!(
        message.starts_with(&format!("{}: figures[1] (line ", file.display())),
        "{message}"
    );
    assert!(message.contains("missing field `span_en`"), "{message}");
}

#[test]
fn english_span_not_found() {
    assert_problem(
        "english_span_not_found.toml",
        "english_span_not_found.toml",
        "figures[1] \"people\"",
        "span_en \"310 people\" not found in the English text of event 1",
    );
}

#[test]
fn duplicate_id() {
    assert_problem(
        "duplicate_id.toml",
        "duplicate_id.toml",
        "figures[1] \"households\"",
        "id \"households\" is already used by figures[0] \"households\"",
    );
}

#[test]
fn uncovered_number() {
    assert_problem(
        "uncovered_number.toml",
        "uncovered_number.toml",
        "source event 1",
        "number \"25.5万\" is in no figure span and no not_figures text: …至1.5%；投入资金25.5万元。",
    );
}

#[test]
fn unknown_theme() {
    assert_problem(
        "unknown_theme.toml",
        "unknown_theme.toml",
        "events[1] (rank 2)",
        "theme \"energy\" is not defined in [[themes]]",
    );
}

#[test]
fn unknown_field() {
    let errors = errors_of("unknown_field.toml");
    let message = errors.to_string();
    let file = fixture("unknown_field.toml");
    assert!(
        message.starts_with(&format!("{}: figures[2] (line ", file.display())),
        "{message}"
    );
    assert!(message.contains("unknown field `colour`"), "{message}");
}

#[test]
fn bad_decimal() {
    assert_problem(
        "bad_decimal.toml",
        "bad_decimal.toml",
        "figures[3] \"fund\"",
        "value \"255,000\" is not a decimal number",
    );
}

#[test]
fn misnumbered_source() {
    let errors = errors_of("misnumbered_source.toml");
    assert_eq!(
        errors.to_string(),
        format!(
            "{}: line 3: event 3 comes where event 2 was expected",
            fixture("source_misnumbered.txt").display()
        )
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let problems = problems_after(&[
        ("value = \"300\"", "value = \"301\""),
        ("span = \"1.5%\"", "span = \"1.6%\""),
        ("themes = [\"targets\"]", "themes = [\"energy\"]"),
        ("id = \"stations\"", "id = \"power\""),
    ]);
    assert_eq!(problems.len(), 5, "{problems:#?}");
    assert_has(
        &problems,
        "events[0] (rank 1): theme \"energy\" is not defined in [[themes]]",
    );
    assert_has(
        &problems,
        "figures[1] \"people\": value 301 does not match span \"300人\", which says 300",
    );
    assert_has(
        &problems,
        "figures[2] \"incidence\": span \"1.6%\" not found in event 1",
    );
    assert_has(
        &problems,
        "figures[5] \"power\": id \"power\" is already used by figures[4] \"power\"",
    );
    assert_has(
        &problems,
        "source event 1: number \"1.5\" is in no figure span and no not_figures text: \
         …0人，贫困发生率降至1.5%；投入资金25.5…",
    );
}

#[test]
fn units_are_read_with_their_multipliers() {
    // 25.5万元 is 255000 yuan, not 25.5; 1.2亿 is 120000000.
    let problems = problems_after(&[("value = \"255000\"", "value = \"25.5\"")]);
    assert_eq!(
        problems,
        ["figures[3] \"fund\": value 25.5 does not match span \"25.5万元\", which says 255000"]
    );
    let problems = problems_after(&[("value = \"120000000\"", "value = \"1.2\"")]);
    assert_eq!(
        problems,
        ["figures[6] \"investment\": value 1.2 does not match span \"1.2亿\", which says 120000000"]
    );
}

#[test]
fn a_percent_needs_its_percent_sign() {
    let problems = problems_after(&[(
        "unit = \"count\"\nkind = \"people\"",
        "unit = \"percent\"\nkind = \"people\"",
    )]);
    assert_has(
        &problems,
        "figures[1] \"people\": span \"300人\" has no % after its number, but the unit is percent",
    );
}

#[test]
fn a_count_needs_a_counter() {
    let problems = problems_after(&[(
        "counter = { zh = \"座\", one = \"station\", other = \"stations\" }\n",
        "",
    )]);
    assert_eq!(
        problems,
        ["figures[5] \"stations\": unit \"count\" needs a counter (人, 户, 个 …)"]
    );
}

#[test]
fn a_counter_for_one_is_singular() {
    // Regression: tiles read "1 captains"; a count of one needs the English singular.
    let problems = problems_after(&[(
        "one = \"station\", other = \"stations\"",
        "one = \"stations\", other = \"stations\"",
    )]);
    assert_eq!(
        problems,
        ["figures[5] \"stations\": counter.one \"stations\" is a plural: give the English for a count of one (\"1 household\")"]
    );
}

#[test]
fn a_span_holds_exactly_one_number() {
    let problems = problems_after(&[("span = \"120户\"", "span = \"120户300人\"")]);
    assert_has(
        &problems,
        "figures[0] \"households\": span \"120户300人\" holds 2 numbers; it must hold exactly one",
    );
    let problems = problems_after(&[("span = \"120户\"", "span = \"20户\"")]);
    assert_has(
        &problems,
        "figures[0] \"households\": span \"20户\" cuts the number \"120\" in event 1",
    );
}

#[test]
fn qualifiers_must_match_the_text() {
    let problems = problems_after(&[("qualifier = \"about\"\n", "")]);
    assert_eq!(
        problems,
        ["figures[4] \"power\": qualifier is not set, but the text after the number says \"about\" (左右)"]
    );
}

#[test]
fn references_must_resolve() {
    let problems = problems_after(&[
        (
            "headline = [\"people\", \"fund\"]",
            "headline = [\"people\", \"funds\"]",
        ),
        ("households = \"households\"", "households = \"people\""),
        ("denominator = \"households\"", "denominator = \"house\""),
    ]);
    assert_eq!(
        problems,
        [
            "derived[0] \"people-per-household\": denominator \"house\" is not a figure id",
            "story.headline[1] \"funds\": headline \"funds\" is not a figure id",
            "relations[0]: households \"people\" is a people figure; expected households",
        ]
    );
}

#[test]
fn events_follow_the_report() {
    let problems = problems_after(&[("rank = 2", "rank = 3"), ("event = 2", "event = 7")]);
    assert_eq!(
        problems,
        [
            "events[1] (rank 3): rank 3 where 2 was expected (events follow the report's order)",
            "figures[4] \"power\": event 7 does not exist (the source report has 2 events)",
            // Its number is then nobody's: the check names it too.
            "source event 2: number \"20千\" is in no figure span and no not_figures text: \
             建设20千瓦左右电站两座，投资…",
        ]
    );
}

#[test]
fn the_byline_must_match_the_report() {
    let problems = problems_after(&[("byline = { zh = \"测试员\"", "byline = { zh = \"张三\"")]);
    assert_eq!(
        problems,
        ["story.byline: byline \"张三\" differs from the source report's byline \"测试员\""]
    );
}

#[test]
fn stale_not_figures_and_glossary_terms_are_caught() {
    let problems = problems_after(&[
        ("text = \"2020年\"", "text = \"2021年\""),
        ("term = { zh = \"光伏电站\"", "term = { zh = \"风电场\""),
    ]);
    assert_has(
        &problems,
        "not_figures[0] \"2021年\": \"2021年\" does not occur in the source report",
    );
    assert_has(
        &problems,
        "glossary[0] \"solar\": term \"风电场\" does not occur in the source report",
    );
}

#[test]
fn derived_figures_are_bounded() {
    let problems = problems_after(&[("digits = 1", "digits = 40")]);
    assert_eq!(
        problems,
        ["derived[0] \"people-per-household\": digits = 40; at most 6 digits after the point are allowed"]
    );
    let problems = problems_after(&[("value = \"120\"", "value = \"0\"")]);
    assert_has(
        &problems,
        "derived[0] \"people-per-household\": denominator \"households\" is zero",
    );
}

#[test]
fn empty_english_is_caught() {
    let problems = problems_after(&[("title_en = \"Targets met\"", "title_en = \"\"")]);
    assert_eq!(problems, ["events[0] (rank 1): `title_en` is empty"]);
}

#[test]
fn english_spans_state_the_value_in_whole_words() {
    let problems = problems_after(&[("span_en = \"300 people\"", "span_en = \"\"")]);
    assert_eq!(problems, ["figures[1] \"people\": `span_en` is empty"]);
    let problems = problems_after(&[("span_en = \"300 people\"", "span_en = \"00 people\"")]);
    assert_has(
        &problems,
        "figures[1] \"people\": span_en \"00 people\" starts or ends inside the word \"300\"; \
         make it whole words",
    );
    let problems = problems_after(&[("span_en = \"Two stations\"", "span_en = \"stations\"")]);
    assert_eq!(
        problems,
        ["figures[5] \"stations\": span_en \"stations\" does not state the value 2 (write it in \
          digits, e.g. \"5222\", \"19.2504 million\", \"0.89%\", or as a word from zero to twenty)"]
    );
    // The English must say what the Chinese span says, unit-aware: 25.5万元 is 255000 yuan.
    let problems = problems_after(&[
        ("255,000 yuan invested", "25.5 yuan invested"),
        ("span_en = \"255,000 yuan\"", "span_en = \"25.5 yuan\""),
    ]);
    assert_eq!(
        problems,
        [
            "figures[3] \"fund\": span_en \"25.5 yuan\" does not state the value 255000 (write it \
          in digits, e.g. \"5222\", \"19.2504 million\", \"0.89%\", or as a word from zero to \
          twenty)"
        ]
    );
    // A wrong value is reported once, on the Chinese span, when both spans agree.
    let problems = problems_after(&[("value = \"255000\"", "value = \"255\"")]);
    assert_eq!(
        problems,
        ["figures[3] \"fund\": value 255 does not match span \"25.5万元\", which says 255000"]
    );
}

#[test]
fn english_spans_of_one_event_do_not_overlap() {
    let problems = problems_after(&[(
        "span_en = \"300 people\"",
        "span_en = \"120 households and 300 people\"",
    )]);
    assert_eq!(
        problems,
        ["figures[1] \"people\": span_en \"120 households and 300 people\" overlaps the English \
          span of figures[0] \"households\" (the first occurrence is marked; lengthen one so each \
          marks its own words)"]
    );
}
