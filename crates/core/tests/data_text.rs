//! Host tests: cleaning, splitting and converting the real source report (`data/source.txt`).

use std::path::PathBuf;
use zezhou_core::text::clean::{has_pinyin_annotation, is_pinyin_letter};
use zezhou_core::text::script::ScriptConverter;
use zezhou_core::text::{clean_source, split_report, SourceReport};

fn project_file(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn raw_source() -> String {
    std::fs::read_to_string(project_file("../../data/source.txt"))
        .expect("data/source.txt is readable")
}

fn converter() -> ScriptConverter {
    ScriptConverter::new().expect("OpenCC's embedded dictionaries load")
}

/// The cleaned report in simplified characters, as the pipeline sees it.
fn simplified() -> String {
    converter().simplified(&clean_source(&raw_source()))
}

fn report() -> SourceReport {
    split_report(&simplified()).expect("the real report splits")
}

#[track_caller]
fn assert_contains(text: &str, needle: &str) {
    assert!(text.contains(needle), "expected {needle:?} in the text");
}

#[track_caller]
fn assert_lacks(text: &str, needle: &str) {
    assert!(
        !text.contains(needle),
        "did not expect {needle:?} in the text"
    );
}

#[test]
fn the_source_is_the_unmodified_report() {
    let seed = project_file("../shared/seed/000_5d77558cafc35860.txt");
    if let Ok(seed) = std::fs::read_to_string(seed) {
        assert_eq!(raw_source(), seed, "data/source.txt must stay as received");
    }
    assert!(
        has_pinyin_annotation(&raw_source()),
        "the raw report has annotations"
    );
}

#[test]
fn no_pinyin_annotation_survives_cleaning() {
    let cleaned = clean_source(&raw_source());
    assert!(!has_pinyin_annotation(&cleaned));
    // The report holds no latin text at all, so any letter left would be an annotation.
    let letters: String = cleaned.chars().filter(|&c| is_pinyin_letter(c)).collect();
    assert_eq!(letters, "");
    assert!(!cleaned.contains('('), "no ASCII parenthesis is left");
}

#[test]
fn genuine_parentheticals_survive() {
    let cleaned = clean_source(&raw_source());
    assert_contains(&cleaned, "17個鄉（鎮）黨委");
    assert_contains(&cleaned, "105個市（縣）幫扶單位");
}

#[test]
fn punctuation_is_full_width_outside_numbers() {
    let cleaned = clean_source(&raw_source());
    for ascii in [',', ';', ':', '(', ')'] {
        assert!(!cleaned.contains(ascii), "ASCII {ascii:?} left");
    }
    for number in ["1925.04萬元", "0.89%", "2016-2017年", "1.28億"] {
        assert_contains(&cleaned, number);
    }
    assert_contains(&cleaned, "改善，是");
    assert_contains(&cleaned, "0.89%；縣級");
}

#[test]
fn all_ten_events_parse_with_their_headings() {
    let headings = [
        "主要减贫指标超额完成",
        "啃下易地扶贫搬迁硬骨头",
        "脱贫攻坚责任落实长效机制日臻完善",
        "产业扶贫助推贫困村集体经济，户均增收3000元",
        "医疗保障帮扶和健康扶贫工作取得实效",
        "县乡两级扶贫机构队伍进一步充实加强",
        "驻村帮扶实现“一个大队长、四个全覆盖”",
        "扶贫领域不正之风和腐败问题专项治理监督检查长效机制形成并巩固",
        "开启“互联网+泽州扶贫”模式",
        "大扶贫格局初步形成",
    ];
    let report = report();
    let found: Vec<&str> = report.events.iter().map(|e| e.heading.as_str()).collect();
    assert_eq!(found, headings);
    for (i, event) in report.events.iter().enumerate() {
        assert_eq!(usize::from(event.rank), i + 1);
        assert!(!event.body.is_empty(), "event {} has a body", event.rank);
        assert!(
            !event.body.starts_with('。'),
            "the heading's 。 is not in the body"
        );
    }
    assert!(report.events[0]
        .body
        .starts_with("全县2017年共减贫2078户5222人"));
    assert!(report.events[9].body.ends_with("贫困村整体提升的目标。"));
}

#[test]
fn lead_dateline_and_byline() {
    let report = report();
    assert_eq!(report.dateline.as_deref(), Some("本报讯"));
    assert!(report.lead.starts_with("本报讯 脱贫攻坚事关人民群众福祉"));
    assert!(report.lead.ends_with("推选出2017年全县脱贫攻坚十件大事。"));
    assert_eq!(report.byline.as_deref(), Some("高峰"));
}

#[test]
fn simplified_restores_the_published_text() {
    let text = simplified();
    for word in [
        "泽州县",
        "干部",
        "规范",
        "乡（镇）",
        "市（县）",
        "双签",
        "贫困发生率",
    ] {
        assert_contains(&text, word);
    }
    for leftover in ["澤", "縣", "規", "報"] {
        assert_lacks(&text, leftover);
    }
}

#[test]
fn traditional_is_generated_properly() {
    let traditional = converter().traditional(&simplified());
    for word in [
        "幹部",
        "規範",
        "鄉（鎮）",
        "市（縣）",
        "澤州縣",
        "雙簽",
        "簽訂",
    ] {
        assert_contains(&traditional, word);
    }
    // The machine conversion's mistakes, and OpenCC's own one here, are gone.
    for wrong in ["干部", "規范", "雙籤"] {
        assert_lacks(&traditional, wrong);
    }
}

#[test]
fn conversion_keeps_one_character_for_one() {
    // Figure spans are located in the simplified text and cut from the traditional one at the
    // same character positions, which needs the conversion to keep the character count.
    let converter = converter();
    let report = report();
    let parts = std::iter::once(report.lead.as_str()).chain(
        report
            .events
            .iter()
            .flat_map(|e| [e.heading.as_str(), e.body.as_str()]),
    );
    for hans in parts {
        let hant = converter.traditional(hans);
        assert_eq!(hans.chars().count(), hant.chars().count(), "{hans}");
    }
}
