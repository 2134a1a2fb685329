//! The data file as a publisher writes it (`data/story.toml`).
//!
//! Chinese is written in simplified characters only; traditional is generated at build
//! time. Event texts are not written here at all: they come from the source report.
//! Unknown keys are errors, so a typo cannot silently drop a field.

use super::{Kind, Qualifier, Unit};
use serde::Deserialize;

/// Simplified Chinese and English; traditional is converted at build time.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text2 {
    pub zh: String,
    pub en: String,
}

/// A count's counter: the Chinese word after the number (户, 个, 千瓦) and the English noun
/// phrase for one and for any other number (`household`, `households`).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CounterEntry {
    pub zh: String,
    pub one: String,
    pub other: String,
}

/// The whole data file.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryFile {
    pub story: StoryMeta,
    #[serde(default)]
    pub themes: Vec<ThemeEntry>,
    #[serde(default)]
    pub events: Vec<EventEntry>,
    #[serde(default)]
    pub figures: Vec<FigureEntry>,
    #[serde(default)]
    pub derived: Vec<DerivedEntry>,
    #[serde(default)]
    pub relations: Vec<RelationEntry>,
    /// Numbers in the source that are deliberately not figures (years, set phrases).
    #[serde(default)]
    pub not_figures: Vec<NotFigureEntry>,
    #[serde(default)]
    pub glossary: Vec<GlossaryItem>,
}

/// `[story]`
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryMeta {
    pub id: String,
    pub title: Text2,
    pub place: Text2,
    pub year: u16,
    pub source: Text2,
    pub byline: Text2,
    pub context: Text2,
    /// The lead paragraph in English (the Chinese comes from the source).
    pub lead_en: String,
    /// The source report's file name, relative to the data file.
    pub source_file: String,
    /// Figure ids for the header strip.
    pub headline: Vec<String>,
    pub citation: Text2,
}

/// `[[themes]]`
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeEntry {
    pub id: String,
    pub label: Text2,
}

/// `[[events]]`: one per event of the source, in order.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventEntry {
    pub rank: u8,
    /// English translation of the report's heading (the Chinese heading is the source's).
    pub title_en: String,
    pub short: Text2,
    pub summary: Text2,
    /// English translation of the event's body text.
    pub text_en: String,
    pub themes: Vec<String>,
}

/// `[[figures]]`: a quantity the report states.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureEntry {
    pub id: String,
    pub event: u8,
    /// The value in the unit's base (yuan, not 万元), as a decimal string.
    pub value: String,
    pub unit: Unit,
    pub kind: Kind,
    /// Required for `unit = "count"`.
    pub counter: Option<CounterEntry>,
    pub label: Text2,
    /// The exact text in the event (simplified, after cleaning) holding exactly one number.
    pub span: String,
    /// The same figure's wording in the event's English text (`text_en`, or `title_en` when
    /// `in_title`), e.g. `5222 people`, `19.2504 million yuan`. Its first occurrence is the
    /// one marked; it must state the value (see `data::validate`).
    pub span_en: String,
    /// Set when the span is in the event's heading rather than its body.
    #[serde(default)]
    pub in_title: bool,
    pub qualifier: Option<Qualifier>,
    #[serde(default)]
    pub key: bool,
}

/// `[[derived]]`: a figure computed from others, shown as derived with its formula.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DerivedEntry {
    pub id: String,
    pub event: u8,
    /// `numerator / denominator`, both figure ids.
    pub numerator: String,
    pub denominator: String,
    /// Multiplier applied after dividing (100 for a percentage, 1 otherwise).
    #[serde(default = "one")]
    pub factor: String,
    /// Digits after the point.
    pub digits: u8,
    pub unit: Unit,
    pub kind: Kind,
    pub counter: Option<CounterEntry>,
    pub label: Text2,
    pub formula: Text2,
}

fn one() -> String {
    "1".to_owned()
}

/// `[[relations]]`
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, tag = "type", rename_all = "snake_case")]
pub enum RelationEntry {
    AchievedVsTarget {
        label: Text2,
        achieved: Option<String>,
        target: Option<String>,
        percent: String,
    },
    HouseholdsPeople {
        label: Text2,
        households: String,
        people: String,
    },
}

/// `[[not_figures]]`: every occurrence of `text` in the source is deliberately not a figure.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotFigureEntry {
    pub text: String,
    pub reason: String,
}

/// `[[glossary]]`
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryItem {
    pub id: String,
    pub term: Text2,
    /// Other English wordings of the term in the English texts (`exited poverty`).
    #[serde(default)]
    pub en_forms: Vec<String>,
    pub explanation: Text2,
}
