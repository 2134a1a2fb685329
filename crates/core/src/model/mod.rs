//! The story as plain data: events, figures, themes, glossary.
//!
//! Two shapes live here:
//! - `raw`: what a publisher writes in `data/story.toml` (simplified Chinese and English
//!   only; the Chinese event texts come from the source report itself);
//! - the resolved [`Story`]: what the app embeds, with every text in three scripts and every
//!   derived figure computed. The build script turns the first into the second.
//!
//! No leptos, web-sys or gloo here: everything is tested on the host.

pub(crate) mod decimal;
#[cfg(feature = "pipeline")]
pub(crate) mod raw;

pub use decimal::Decimal;

use serde::{Deserialize, Serialize};

/// A language (and script) the app is shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Lang {
    /// Simplified Chinese: the form the report was published in.
    #[default]
    #[serde(rename = "zh-Hans")]
    ZhHans,
    /// Traditional Chinese, converted at build time.
    #[serde(rename = "zh-Hant")]
    ZhHant,
    /// English, translated for this project.
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// Every language, in the order the switcher shows them.
    pub const ALL: [Lang; 3] = [Lang::ZhHans, Lang::ZhHant, Lang::En];

    /// The BCP 47 tag, as used in `<html lang>` and in URLs.
    #[inline]
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::ZhHans => "zh-Hans",
            Lang::ZhHant => "zh-Hant",
            Lang::En => "en",
        }
    }

    /// Parses a tag case-insensitively; `None` for anything else.
    #[inline]
    pub fn parse(tag: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(tag))
    }

    /// True for both Chinese scripts.
    #[inline]
    pub(crate) fn is_chinese(self) -> bool {
        !matches!(self, Lang::En)
    }
}

/// One text in the three forms the app shows.
///
/// Serialized with the traditional text as a difference from the simplified one (see
/// `Text3Wire`): most characters are the same in both scripts, and the embedded story is
/// part of every reader's first download.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(from = "Text3Wire", into = "Text3Wire")]
pub struct Text3 {
    /// Simplified Chinese.
    pub hans: String,
    /// Traditional Chinese.
    pub hant: String,
    /// English.
    pub en: String,
}

/// [`Text3`] as stored: `hant` holds, for each character of `hans`, `SAME` (U+0001) where the
/// traditional character is the same, else the traditional character. A text whose two
/// scripts differ in length (never, for OpenCC's conversion of this report, but allowed),
/// or that holds a marker itself, is stored whole after a `WHOLE` marker (U+0002).
#[derive(Serialize, Deserialize)]
pub(crate) struct Text3Wire {
    pub(crate) hans: String,
    pub(crate) hant: String,
    pub(crate) en: String,
}

/// "Same character as in the simplified text."
const SAME: char = '\u{1}';
/// "The traditional text follows whole."
const WHOLE: char = '\u{2}';

impl From<Text3> for Text3Wire {
    #[inline]
    fn from(t: Text3) -> Text3Wire {
        let plain = !t.hant.contains(SAME) && !t.hant.starts_with(WHOLE);
        let hant = if plain && t.hans.chars().count() == t.hant.chars().count() {
            t.hans
                .chars()
                .zip(t.hant.chars())
                .map(|(s, h)| if s == h { SAME } else { h })
                .collect()
        } else {
            format!("{WHOLE}{}", t.hant)
        };
        Text3Wire {
            hans: t.hans,
            hant,
            en: t.en,
        }
    }
}

impl From<Text3Wire> for Text3 {
    #[inline]
    fn from(w: Text3Wire) -> Text3 {
        let hant = match w.hant.strip_prefix(WHOLE) {
            Some(whole) => whole.to_owned(),
            None => w
                .hans
                .chars()
                .zip(w.hant.chars())
                .map(|(s, h)| if h == SAME { s } else { h })
                .collect(),
        };
        Text3 {
            hans: w.hans,
            hant,
            en: w.en,
        }
    }
}

impl Text3 {
    /// The text in `lang`.
    #[inline]
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::ZhHans => &self.hans,
            Lang::ZhHant => &self.hant,
            Lang::En => &self.en,
        }
    }
}

/// How a figure's value is measured; drives number formatting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Chinese yuan (CNY). Values are stored in yuan, whatever the span says (万元, 亿).
    Yuan,
    /// A percentage: `0.89` means 0.89 %.
    Percent,
    /// A count of things named by the figure's counter (人, 户, 个, 千瓦 …).
    Count,
}

/// What a figure quantifies; used for grouping, sorting and the figure panel.
///
/// Money comes in three kinds that must never be mixed in one chart or total: what was
/// spent (投入), what was invested (投资), and what was lent (信贷投放: loans issued are
/// not spending).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Money spent on a programme (budget funds put in, insurance bought).
    Spending,
    /// Money invested (construction, a new service).
    Investment,
    /// Loans issued (microcredit): money lent, to be repaid.
    Loans,
    People,
    Households,
    Villages,
    Percent,
    Count,
    Power,
    Duration,
    Income,
}

impl Kind {
    /// Stable identifier, used in CSS classes and exports.
    #[inline]
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Kind::Spending => "spending",
            Kind::Investment => "investment",
            Kind::Loans => "loans",
            Kind::People => "people",
            Kind::Households => "households",
            Kind::Villages => "villages",
            Kind::Percent => "percent",
            Kind::Count => "count",
            Kind::Power => "power",
            Kind::Duration => "duration",
            Kind::Income => "income",
        }
    }

    /// Money put into programmes: spent or invested (not lent).
    #[inline]
    pub(crate) fn is_outlay(self) -> bool {
        matches!(self, Kind::Spending | Kind::Investment)
    }
}

/// The resolved story the app embeds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Story {
    pub id: String,
    pub title: Text3,
    /// The title as the page's heading sets it: escaped markup with a `<wbr>` between the
    /// phrases of a Chinese title, where alone a phone may break its lines
    /// ([`crate::text::phrases`]). Built at build time: finding the phrases in the page
    /// would cost its first load some 1.7 KB.
    pub title_markup: Text3,
    pub place: Text3,
    pub year: u16,
    /// The newspaper item kind, e.g. 本报讯.
    pub source: Text3,
    pub byline: Text3,
    /// Publication context: where and when the report appeared, as far as it is known.
    pub context: Text3,
    /// The lead paragraph of the report, cleaned.
    pub lead: Text3,
    pub themes: Vec<Theme>,
    pub events: Vec<Event>,
    pub figures: Vec<Figure>,
    pub relations: Vec<Relation>,
    pub glossary: Vec<GlossaryEntry>,
    /// Figure ids shown in the header strip, in order.
    pub headline: Vec<String>,
    /// A citation line for exports.
    pub citation: Text3,
}

/// A theme an event belongs to (targets, relocation …).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    pub id: String,
    pub label: Text3,
}

/// One of the ten events, in the report's order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// 1-based position in the report.
    pub rank: u8,
    /// The report's own heading, verbatim (cleaned).
    pub title: Text3,
    /// A short label for tight spaces (chart axes, chips).
    pub short: Text3,
    /// One line.
    pub summary: Text3,
    /// The event's body text after its heading.
    pub text: Text3,
    /// Theme ids; the first is the main one.
    pub themes: Vec<String>,
}

/// A quantity the report states (or one derived from them, marked so).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    pub id: String,
    /// Rank of the event it belongs to.
    pub event: u8,
    pub value: Decimal,
    pub unit: Unit,
    pub kind: Kind,
    /// For [`Unit::Count`]: the counter word (人 / 人 / people, person).
    pub counter: Option<Counter>,
    pub label: Text3,
    /// True when the report says "about" (左右) or "more than" (以上).
    pub qualifier: Option<Qualifier>,
    /// Where the figure comes from.
    pub provenance: Provenance,
    /// Shown as a tile on its card.
    pub(crate) key: bool,
}

/// The word a count is told in: 户 / 戶 / households, with the English singular for a count
/// of one (`1 team captain`, `2 team captains`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counter {
    /// Simplified, traditional, and the English plural.
    pub word: Text3,
    /// The English singular.
    pub one: String,
}

impl Counter {
    /// The counter for a count of `value` in `lang`: English takes the singular for exactly
    /// one, the plural for anything else (0, 2, 2.51); Chinese has one form.
    #[inline]
    pub(crate) fn for_value(&self, value: Decimal, lang: Lang) -> &str {
        if lang == Lang::En && value == Decimal::from_int(1) {
            &self.one
        } else {
            self.word.get(lang)
        }
    }
}

/// "About" or "at least" around a figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// 左右
    About,
    /// 以上
    AtLeast,
}

/// Reported with its span, or derived with its formula.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Provenance {
    Reported(SourceSpan),
    Derived {
        /// Human-readable formula in three languages.
        formula: Text3,
        /// Ids of the figures it is computed from.
        inputs: Vec<String>,
    },
}

/// The exact text a figure comes from, located in its event's text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceSpan {
    /// The span in simplified and traditional Chinese, and the English translation's wording
    /// of the same figure (`5222人` / `5222 people`).
    pub text: Text3,
    /// Byte range of the span in the simplified event text (`Event::text.hans`), or in the title
    /// when `in_title`. Traditional has the same characters at the same character positions.
    pub start: usize,
    pub end: usize,
    /// Byte range of `text.en` in the English event text (`Event::text.en`), or in the English
    /// title when `in_title`: its first occurrence there.
    pub en_start: usize,
    pub en_end: usize,
    pub in_title: bool,
}

/// How two or more reported figures relate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// An achievement against a target, with the completion rate the report gives.
    AchievedVsTarget {
        label: Text3,
        achieved: Option<String>,
        target: Option<String>,
        /// The reported completion percentage figure.
        percent: String,
    },
    /// Households and the people in them.
    HouseholdsPeople {
        label: Text3,
        households: String,
        people: String,
    },
}

/// A policy term with a short explanation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlossaryEntry {
    pub id: String,
    /// The term as it appears in the text.
    pub term: Text3,
    /// Other English wordings that mark the term in the English text (`exited poverty` for
    /// `poor village exit`); Chinese is marked by the term itself.
    pub(crate) forms: Vec<String>,
    pub explanation: Text3,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(t: &Text3) -> Text3 {
        postcard::from_bytes(&postcard::to_allocvec(t).unwrap()).unwrap()
    }

    #[test]
    fn text3_survives_its_compact_form() {
        for (hans, hant) in [
            ("脱贫攻坚2017年", "脫貧攻堅2017年"),
            ("", ""),
            ("一二三", "一二三"),
            ("发", "髮型"), // lengths differ: stored whole
            ("a", "\u{1}"), // a traditional text holding the marker itself
        ] {
            let t = Text3 {
                hans: hans.into(),
                hant: hant.into(),
                en: "Poverty".into(),
            };
            assert_eq!(round_trip(&t), t);
        }
    }

    #[test]
    fn the_compact_form_is_smaller() {
        let t = Text3 {
            hans: "泽州县2017年脱贫攻坚十件大事".into(),
            hant: "澤州縣2017年脫貧攻堅十件大事".into(),
            en: String::new(),
        };
        let plain = t.hans.len() * 2;
        assert!(postcard::to_allocvec(&t).unwrap().len() < plain);
    }
}
