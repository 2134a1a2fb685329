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
pub(crate) struct Text2 {
    pub(crate) zh: String,
    pub(crate) en: String,
}

/// A count's counter: the Chinese word after the number (户, 个, 千瓦) and the English noun
/// phrase for one and for any other number (`household`, `households`).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CounterEntry {
    pub(crate) zh: String,
    pub(crate) one: String,
    pub(crate) other: String,
}

/// The whole data file.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryFile {
    pub(crate) story: StoryMeta,
    #[serde(default)]
    pub(crate) themes: Vec<ThemeEntry>,
    #[serde(default)]
    pub(crate) events: Vec<EventEntry>,
    #[serde(default)]
    pub figures: Vec<FigureEntry>,
    #[serde(default)]
    pub(crate) derived: Vec<DerivedEntry>,
    #[serde(default)]
    pub(crate) relations: Vec<RelationEntry>,
    /// Numbers in the source that are deliberately not figures (years, set phrases).
    #[serde(default)]
    pub not_figures: Vec<NotFigureEntry>,
    #[serde(default)]
    pub(crate) glossary: Vec<GlossaryItem>,
}

/// `[story]`
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StoryMeta {
    pub(crate) id: String,
    pub(crate) title: Text2,
    pub(crate) place: Text2,
    pub(crate) year: u16,
    pub(crate) source: Text2,
    pub(crate) byline: Text2,
    pub(crate) context: Text2,
    /// The lead paragraph in English (the Chinese comes from the source).
    pub(crate) lead_en: String,
    /// The source report's file name, relative to the data file.
    pub(crate) source_file: String,
    /// Figure ids for the header strip.
    pub(crate) headline: Vec<String>,
    pub(crate) citation: Text2,
}

/// `[[themes]]`
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ThemeEntry {
    pub(crate) id: String,
    pub(crate) label: Text2,
}

/// `[[events]]`: one per event of the source, in order.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EventEntry {
    pub(crate) rank: u8,
    /// English translation of the report's heading (the Chinese heading is the source's).
    pub(crate) title_en: String,
    pub(crate) short: Text2,
    pub(crate) summary: Text2,
    /// English translation of the event's body text.
    pub(crate) text_en: String,
    pub(crate) themes: Vec<String>,
}

/// `[[figures]]`: a quantity the report states.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureEntry {
    pub id: String,
    pub(crate) event: u8,
    /// The value in the unit's base (yuan, not 万元), as a decimal string.
    pub(crate) value: String,
    pub(crate) unit: Unit,
    pub(crate) kind: Kind,
    /// Required for `unit = "count"`.
    pub(crate) counter: Option<CounterEntry>,
    pub(crate) label: Text2,
    /// The exact text in the event (simplified, after cleaning) holding exactly one number.
    pub(crate) span: String,
    /// The same figure's wording in the event's English text (`text_en`, or `title_en` when
    /// `in_title`), e.g. `5222 people`, `19.2504 million yuan`. Its first occurrence is the
    /// one marked; it must state the value (see `data::validate`).
    pub(crate) span_en: String,
    /// Set when the span is in the event's heading rather than its body.
    #[serde(default)]
    pub(crate) in_title: bool,
    pub(crate) qualifier: Option<Qualifier>,
    #[serde(default)]
    pub(crate) key: bool,
}

/// `[[derived]]`: a figure computed from others, shown as derived with its formula.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DerivedEntry {
    pub(crate) id: String,
    pub(crate) event: u8,
    /// `numerator / denominator`, both figure ids.
    pub(crate) numerator: String,
    pub(crate) denominator: String,
    /// Multiplier applied after dividing (100 for a percentage, 1 otherwise).
    #[serde(default = "one")]
    pub(crate) factor: String,
    /// Digits after the point.
    pub(crate) digits: u8,
    pub(crate) unit: Unit,
    pub(crate) kind: Kind,
    pub(crate) counter: Option<CounterEntry>,
    pub(crate) label: Text2,
    pub(crate) formula: Text2,
}

fn one() -> String {
    "1".to_owned()
}

/// `[[relations]]`
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, tag = "type", rename_all = "snake_case")]
pub(crate) enum RelationEntry {
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
    pub(crate) reason: String,
}

/// `[[glossary]]`
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GlossaryItem {
    pub(crate) id: String,
    pub(crate) term: Text2,
    /// Other English wordings of the term in the English texts (`exited poverty`).
    #[serde(default)]
    pub(crate) en_forms: Vec<String>,
    pub(crate) explanation: Text2,
}
