//! Checks a data file against its source report, collecting every problem.
//!
//! What is proved (PRODUCT.md §4):
//! - every figure's span occurs exactly once in its event's body (or heading), holds exactly
//!   one number, and that number, read with its unit (`1925.04万元` is 19250400 yuan), is the
//!   figure's value; a percent has its `%`; a count has a counter; 左右 / 以上 after the number
//!   match the qualifier;
//! - every figure's English wording (`span_en`) occurs in its event's English text (or English
//!   heading), starts and ends on word boundaries, and states in English the value that its
//!   Chinese span states ([`english_numbers`]: `5222`, `19.2504 million`, `255,000`, `0.89`,
//!   or a word from `zero` to `twenty` for a number the report writes in Chinese numerals).
//!   Its first occurrence is the one marked, and two figures of one event may not mark
//!   overlapping English text: when a wording repeats, lengthen it until its first
//!   occurrence is its own;
//! - every number in the lead and the events lies in an occurrence of one of its event's
//!   figure spans, or in an occurrence of a `not_figures` text, so a missed figure fails;
//! - ids are unique, themes exist, events follow the report one for one, references resolve,
//!   derived figures compute exactly, and every text that the app shows is written.
//!
//! Pure: no files, no script conversion. [`super::pipeline`] does those.

use super::error::{Entry, Problem, SourcePart, SpanPlace};
use crate::model::raw::{CounterEntry, DerivedEntry, FigureEntry, RelationEntry, StoryFile, Text2};
use crate::model::{Decimal, Kind, Qualifier, Unit};
use crate::text::numbers::{english_numbers, scan_numbers, NumberToken};
use crate::text::SourceReport;
use std::collections::HashMap;

/// The most digits after the point a derived figure may ask for.
const MAX_DERIVED_DIGITS: u8 = 6;

/// Characters of context shown on each side of an uncovered number.
const CONTEXT_CHARS: usize = 10;

/// Characters after a span in which 左右 or 以上 still qualify its number.
const QUALIFIER_REACH: usize = 2;

/// Every problem found, each with the entry it is about.
pub(crate) type Problems = Vec<(Entry, Problem)>;

/// What validation computed on the way, for building the story.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Validated {
    /// One per `[[figures]]` entry, in file order.
    pub(crate) figures: Vec<CheckedFigure>,
    /// The computed value of each `[[derived]]` entry, in file order.
    pub(crate) derived: Vec<Decimal>,
}

/// A reported figure, checked against its span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CheckedFigure {
    /// The value, in the unit's base.
    pub(crate) value: Decimal,
    /// Byte range of the span in the event's simplified body (or heading when `in_title`).
    pub(crate) start: usize,
    /// End of that range.
    pub(crate) end: usize,
    /// Byte range of `span_en` in the event's English text (or English heading).
    pub(crate) en_start: usize,
    /// End of that range.
    pub(crate) en_end: usize,
    /// The span is in the heading.
    pub(crate) in_title: bool,
}

/// Checks `story` against `report` (the cleaned, simplified source). Returns what it computed,
/// or every problem found.
pub fn validate(story: &StoryFile, report: &SourceReport) -> Result<Validated, Problems> {
    let mut v = Validator {
        story,
        report,
        problems: Vec::new(),
        ids: HashMap::new(),
        figures: HashMap::new(),
        en_marks: Vec::new(),
    };
    v.check_meta();
    v.check_themes();
    v.check_events();
    let figures: Vec<Option<CheckedFigure>> = story
        .figures
        .iter()
        .enumerate()
        .map(|(i, f)| v.check_figure(i, f))
        .collect();
    let derived: Vec<Option<Decimal>> = story
        .derived
        .iter()
        .enumerate()
        .map(|(i, d)| v.check_derived(i, d))
        .collect();
    v.check_headline();
    v.check_relations();
    v.check_not_figures();
    v.check_glossary();
    v.check_coverage();

    let figures: Option<Vec<CheckedFigure>> = figures.into_iter().collect();
    let derived: Option<Vec<Decimal>> = derived.into_iter().collect();
    match (figures, derived) {
        (Some(figures), Some(derived)) if v.problems.is_empty() => {
            Ok(Validated { figures, derived })
        }
        _ => Err(v.problems),
    }
}

/// What the checks of references need to know about a figure.
#[derive(Clone, Copy)]
struct FigureFacts {
    value: Option<Decimal>,
    unit: Unit,
    kind: Kind,
}

struct Validator<'a> {
    story: &'a StoryFile,
    report: &'a SourceReport,
    problems: Problems,
    /// Figure and derived ids, with the entry that defined them first.
    ids: HashMap<&'a str, String>,
    /// Facts about every figure and derived figure defined so far.
    figures: HashMap<&'a str, FigureFacts>,
    /// The English text marked by each figure so far, to catch overlaps.
    en_marks: Vec<EnglishMark>,
}

/// A figure's Chinese span, located and read.
#[derive(Clone, Copy)]
struct ChineseSpan {
    start: usize,
    end: usize,
    /// The value it states, when its number can be read for the figure's unit.
    says: Option<Decimal>,
}

/// Where a figure's English wording was marked.
struct EnglishMark {
    place: SpanPlace,
    start: usize,
    end: usize,
    /// The entry that marked it, for messages.
    entry: String,
}

impl<'a> Validator<'a> {
    fn push(&mut self, entry: Entry, problem: Problem) {
        self.problems.push((entry, problem));
    }

    /// Reports `field` if it is blank.
    fn require(&mut self, entry: &Entry, field: &str, text: &str) {
        if text.trim().is_empty() {
            self.push(
                entry.clone(),
                Problem::EmptyText {
                    field: field.to_owned(),
                },
            );
        }
    }

    /// Reports either language of `text` if it is blank.
    fn require2(&mut self, entry: &Entry, field: &str, text: &Text2) {
        self.require(entry, &format!("{field}.zh"), &text.zh);
        self.require(entry, &format!("{field}.en"), &text.en);
    }

    /// Every part of the report that holds text to check, in order.
    fn parts(&self) -> Vec<(SourcePart, &'a str)> {
        let report = self.report;
        let mut parts = Vec::with_capacity(1 + 2 * report.events.len());
        parts.push((SourcePart::Lead, report.lead.as_str()));
        for e in &report.events {
            parts.push((SourcePart::Heading(e.rank), e.heading.as_str()));
            parts.push((SourcePart::Body(e.rank), e.body.as_str()));
        }
        parts
    }

    /// True when `needle` occurs anywhere in the report.
    fn in_report(&self, needle: &str) -> bool {
        self.parts().iter().any(|(_, text)| text.contains(needle))
    }

    /// Byte ranges of every `not_figures` text in `text`.
    fn excused_ranges(&self, text: &str) -> Vec<(usize, usize)> {
        self.story
            .not_figures
            .iter()
            .filter(|n| !n.text.is_empty())
            .flat_map(|n| occurrences(text, &n.text))
            .collect()
    }

    fn check_meta(&mut self) {
        let meta = &self.story.story;
        for (field, text) in [
            ("title", &meta.title),
            ("place", &meta.place),
            ("source", &meta.source),
            ("byline", &meta.byline),
            ("context", &meta.context),
            ("citation", &meta.citation),
        ] {
            self.require2(&Entry::Story(field), field, text);
        }
        self.require(&Entry::Story("id"), "id", &meta.id);
        self.require(&Entry::Story("lead_en"), "lead_en", &meta.lead_en);
        if let Some(byline) = &self.report.byline {
            if meta.byline.zh.trim() != byline {
                self.push(
                    Entry::Story("byline"),
                    Problem::BylineMismatch {
                        data: meta.byline.zh.clone(),
                        report: byline.clone(),
                    },
                );
            }
        }
    }

    fn check_themes(&mut self) {
        let mut seen: HashMap<&str, String> = HashMap::new();
        for (index, theme) in self.story.themes.iter().enumerate() {
            let entry = Entry::Theme {
                index,
                id: theme.id.clone(),
            };
            self.require(&entry, "id", &theme.id);
            self.require2(&entry, "label", &theme.label);
            if let Some(first) = seen.get(theme.id.as_str()) {
                let problem = duplicate(&theme.id, first);
                self.push(entry, problem);
            } else {
                seen.insert(&theme.id, entry.to_string());
            }
        }
    }

    fn check_events(&mut self) {
        let data = self.story.events.len();
        let report = self.report.events.len();
        if data != report {
            self.push(Entry::Table("events"), Problem::EventCount { data, report });
        }
        for (index, event) in self.story.events.iter().enumerate() {
            let entry = Entry::Event {
                index,
                rank: event.rank,
            };
            if usize::from(event.rank) != index + 1 {
                self.push(
                    entry.clone(),
                    Problem::RankOutOfOrder {
                        expected: index + 1,
                        found: event.rank,
                    },
                );
            }
            self.require(&entry, "title_en", &event.title_en);
            self.require(&entry, "text_en", &event.text_en);
            self.require2(&entry, "short", &event.short);
            self.require2(&entry, "summary", &event.summary);
            if event.themes.is_empty() {
                self.push(entry.clone(), Problem::NoThemes);
            }
            for id in &event.themes {
                if !self.story.themes.iter().any(|t| &t.id == id) {
                    self.push(entry.clone(), Problem::UnknownTheme { id: id.clone() });
                }
            }
        }
    }

    /// Registers a figure or derived id; reports it if taken.
    fn claim_id(&mut self, id: &'a str, entry: &Entry) {
        if let Some(first) = self.ids.get(id) {
            let problem = duplicate(id, first);
            self.push(entry.clone(), problem);
        } else {
            self.ids.insert(id, entry.to_string());
        }
    }

    /// The rank's event exists in the report; reports it if not.
    fn event_exists(&mut self, entry: &Entry, rank: u8) -> bool {
        let events = self.report.events.len();
        let exists = (1..=events).contains(&usize::from(rank));
        if !exists {
            self.push(entry.clone(), Problem::UnknownEvent { rank, events });
        }
        exists
    }

    /// A decimal field; reports it if malformed.
    fn decimal(&mut self, entry: &Entry, field: &'static str, text: &str) -> Option<Decimal> {
        let parsed = text.parse::<Decimal>().ok();
        if parsed.is_none() {
            self.push(
                entry.clone(),
                Problem::BadDecimal {
                    field,
                    text: text.to_owned(),
                },
            );
        }
        parsed
    }

    /// A counter for counts; reports a missing one, a blank form, and an English singular
    /// that is the plural (`1 captains`).
    fn check_counter(&mut self, entry: &Entry, unit: Unit, counter: Option<&CounterEntry>) {
        match (unit, counter) {
            (Unit::Count, None) => self.push(entry.clone(), Problem::MissingCounter),
            (_, Some(counter)) => {
                self.require(entry, "counter.zh", &counter.zh);
                self.require(entry, "counter.one", &counter.one);
                self.require(entry, "counter.other", &counter.other);
                if counter.one == counter.other && counter.other.ends_with('s') {
                    let problem = Problem::PluralForOne {
                        one: counter.one.clone(),
                    };
                    self.push(entry.clone(), problem);
                }
            }
            _ => {}
        }
    }

    fn check_figure(&mut self, index: usize, f: &'a FigureEntry) -> Option<CheckedFigure> {
        let entry = Entry::Figure {
            index,
            id: f.id.clone(),
        };
        self.require(&entry, "id", &f.id);
        self.claim_id(&f.id, &entry);
        self.require2(&entry, "label", &f.label);
        self.require(&entry, "span", &f.span);
        self.require(&entry, "span_en", &f.span_en);
        self.check_counter(&entry, f.unit, f.counter.as_ref());
        let value = self.decimal(&entry, "value", &f.value);
        self.figures.insert(
            &f.id,
            FigureFacts {
                value,
                unit: f.unit,
                kind: f.kind,
            },
        );
        if !self.event_exists(&entry, f.event) {
            return None;
        }
        let chinese = self.check_span_zh(&entry, f, value);
        // The English wording must say what the Chinese span says; if the span cannot be
        // read, what the value says. So a wrong `value` is reported once, not twice.
        let says = chinese.and_then(|c| c.says).or(value);
        let english = self.check_span_en(&entry, f, says);
        let chinese = chinese?;
        let (en_start, en_end) = english?;
        Some(CheckedFigure {
            value: value?,
            start: chinese.start,
            end: chinese.end,
            en_start,
            en_end,
            in_title: f.in_title,
        })
    }

    /// Locates a figure's Chinese span (it must occur once) and checks its one number against
    /// the value, unit and qualifier. `None` when it cannot be located or holds no single
    /// number (reported).
    fn check_span_zh(
        &mut self,
        entry: &Entry,
        f: &FigureEntry,
        value: Option<Decimal>,
    ) -> Option<ChineseSpan> {
        if f.span.is_empty() {
            return None;
        }
        let event = self.report.events.get(usize::from(f.event) - 1)?;
        let text = if f.in_title {
            &event.heading
        } else {
            &event.body
        };
        let place = SpanPlace {
            event: f.event,
            in_title: f.in_title,
        };
        let (start, end) = match occurrences(text, &f.span).as_slice() {
            [one] => *one,
            [] => {
                let problem = Problem::SpanNotFound {
                    span: f.span.clone(),
                    place,
                };
                self.push(entry.clone(), problem);
                return None;
            }
            many => {
                let problem = Problem::SpanRepeated {
                    span: f.span.clone(),
                    place,
                    count: many.len(),
                };
                self.push(entry.clone(), problem);
                return None;
            }
        };
        let token = match self.number_in_span(text, start, end, place, &f.span) {
            Ok(token) => token,
            Err(problem) => {
                self.push(entry.clone(), problem);
                return None;
            }
        };
        let says = match stated_value(f, &token, text, end) {
            Ok(says) => {
                if let Some(value) = value.filter(|&v| v != says) {
                    let problem = Problem::ValueMismatch {
                        value,
                        span: f.span.clone(),
                        says,
                    };
                    self.push(entry.clone(), problem);
                }
                Some(says)
            }
            Err(problem) => {
                self.push(entry.clone(), problem);
                None
            }
        };
        let qualifier = qualifier_after(text, token.end, end);
        if qualifier != f.qualifier {
            let problem = Problem::QualifierMismatch {
                set: f.qualifier,
                says: qualifier,
            };
            self.push(entry.clone(), problem);
        }
        Some(ChineseSpan { start, end, says })
    }

    /// Locates a figure's English wording (first occurrence) and checks it: whole words, the
    /// value `says` stated, no overlap with another figure's wording in the same text. Returns
    /// its byte range, or `None` when it cannot be located (reported, unless the event itself
    /// is missing from the data file, which is reported elsewhere).
    fn check_span_en(
        &mut self,
        entry: &Entry,
        f: &FigureEntry,
        says: Option<Decimal>,
    ) -> Option<(usize, usize)> {
        let story = self.story;
        let event = story.events.get(usize::from(f.event).checked_sub(1)?)?;
        if f.span_en.is_empty() {
            return None;
        }
        let text = if f.in_title {
            &event.title_en
        } else {
            &event.text_en
        };
        let place = SpanPlace {
            event: f.event,
            in_title: f.in_title,
        };
        let span = || f.span_en.clone();
        let Some(start) = text.find(&f.span_en) else {
            self.push(
                entry.clone(),
                Problem::EnglishSpanNotFound {
                    span: span(),
                    place,
                },
            );
            return None;
        };
        let end = start + f.span_en.len();
        if let Some(word) = word_cut(text, start).or_else(|| word_cut(text, end)) {
            let problem = Problem::EnglishSpanCutsWord {
                span: span(),
                word: word.to_owned(),
            };
            self.push(entry.clone(), problem);
        }
        if let Some(value) = says {
            if !english_numbers(&f.span_en).contains(&value) {
                let problem = Problem::EnglishSpanValue {
                    span: span(),
                    value,
                };
                self.push(entry.clone(), problem);
            }
        }
        let overlapping = self
            .en_marks
            .iter()
            .find(|m| m.place == place && m.start < end && start < m.end)
            .map(|m| m.entry.clone());
        if let Some(other) = overlapping {
            let problem = Problem::EnglishSpanOverlaps {
                span: span(),
                other,
            };
            self.push(entry.clone(), problem);
        }
        self.en_marks.push(EnglishMark {
            place,
            start,
            end,
            entry: entry.to_string(),
        });
        Some((start, end))
    }

    /// The one number a span at `start..end` of `text` holds, not counting numbers inside a
    /// `not_figures` text (`三位一体` holds one number when `一体` is excused).
    fn number_in_span(
        &self,
        text: &str,
        start: usize,
        end: usize,
        place: SpanPlace,
        span: &str,
    ) -> Result<NumberToken, Problem> {
        let tokens = scan_numbers(text);
        if let Some(cut) = tokens
            .iter()
            .find(|t| t.overlaps(start, end) && !t.is_within(start, end))
        {
            return Err(Problem::SpanCutsNumber {
                span: span.to_owned(),
                number: cut.text(text).to_owned(),
                place,
            });
        }
        let excused = self.excused_ranges(text);
        let mut inside: Vec<NumberToken> = tokens
            .into_iter()
            .filter(|t| t.is_within(start, end))
            .filter(|t| !excused.iter().any(|&(s, e)| t.is_within(s, e)))
            .collect();
        let count = inside.len();
        match inside.pop() {
            Some(token) if count == 1 => Ok(token),
            _ => Err(Problem::SpanNumbers {
                span: span.to_owned(),
                count,
            }),
        }
    }

    fn check_derived(&mut self, index: usize, d: &'a DerivedEntry) -> Option<Decimal> {
        let entry = Entry::Derived {
            index,
            id: d.id.clone(),
        };
        self.require(&entry, "id", &d.id);
        self.claim_id(&d.id, &entry);
        self.require2(&entry, "label", &d.label);
        self.require2(&entry, "formula", &d.formula);
        self.check_counter(&entry, d.unit, d.counter.as_ref());
        self.event_exists(&entry, d.event);
        let numerator = self.figure_value(&entry, "numerator", &d.numerator);
        let denominator = self.figure_value(&entry, "denominator", &d.denominator);
        let factor = self.decimal(&entry, "factor", &d.factor);
        if d.digits > MAX_DERIVED_DIGITS {
            self.push(
                entry.clone(),
                Problem::TooManyDigits {
                    digits: d.digits,
                    max: MAX_DERIVED_DIGITS,
                },
            );
        }
        let value = match (numerator, denominator, factor) {
            (Some(n), Some(den), Some(factor)) if d.digits <= MAX_DERIVED_DIGITS => {
                if den.mantissa() == 0 {
                    let id = d.denominator.clone();
                    self.push(entry.clone(), Problem::DivisionByZero { id });
                    None
                } else {
                    let value = n
                        .checked_mul(factor)
                        .and_then(|scaled| scaled.div(den, d.digits));
                    if value.is_none() {
                        self.push(entry.clone(), Problem::Overflow);
                    }
                    value
                }
            }
            _ => None,
        };
        self.figures.insert(
            &d.id,
            FigureFacts {
                value,
                unit: d.unit,
                kind: d.kind,
            },
        );
        value
    }

    /// The value of a figure referenced by id; reports unknown ids. `None` also when the
    /// figure exists but its own value is broken (reported there).
    fn figure_value(&mut self, entry: &Entry, field: &'static str, id: &str) -> Option<Decimal> {
        match self.figures.get(id) {
            Some(facts) => facts.value,
            None => {
                self.push(
                    entry.clone(),
                    Problem::UnknownFigure {
                        field,
                        id: id.to_owned(),
                    },
                );
                None
            }
        }
    }

    /// Facts about a referenced figure; reports unknown ids.
    fn reference(&mut self, entry: &Entry, field: &'static str, id: &str) -> Option<FigureFacts> {
        let facts = self.figures.get(id).copied();
        if facts.is_none() {
            self.push(
                entry.clone(),
                Problem::UnknownFigure {
                    field,
                    id: id.to_owned(),
                },
            );
        }
        facts
    }

    /// A reference that must be of `kind`.
    fn reference_of_kind(&mut self, entry: &Entry, field: &'static str, id: &str, kind: Kind) {
        if let Some(facts) = self.reference(entry, field, id) {
            if facts.kind != kind {
                self.push(
                    entry.clone(),
                    Problem::WrongKind {
                        field,
                        id: id.to_owned(),
                        found: facts.kind,
                        expected: kind,
                    },
                );
            }
        }
    }

    fn check_headline(&mut self) {
        for (index, id) in self.story.story.headline.iter().enumerate() {
            let entry = Entry::Headline {
                index,
                id: id.clone(),
            };
            self.reference(&entry, "headline", id);
        }
    }

    fn check_relations(&mut self) {
        for (index, relation) in self.story.relations.iter().enumerate() {
            let entry = Entry::Relation { index };
            match relation {
                RelationEntry::AchievedVsTarget {
                    label,
                    achieved,
                    target,
                    percent,
                } => {
                    self.require2(&entry, "label", label);
                    if let Some(id) = achieved {
                        self.reference(&entry, "achieved", id);
                    }
                    if let Some(id) = target {
                        self.reference(&entry, "target", id);
                    }
                    let facts = self.reference(&entry, "percent", percent);
                    if facts.is_some_and(|f| f.unit != Unit::Percent) {
                        self.push(
                            entry.clone(),
                            Problem::NotAPercent {
                                field: "percent",
                                id: percent.clone(),
                            },
                        );
                    }
                }
                RelationEntry::HouseholdsPeople {
                    label,
                    households,
                    people,
                } => {
                    self.require2(&entry, "label", label);
                    self.reference_of_kind(&entry, "households", households, Kind::Households);
                    self.reference_of_kind(&entry, "people", people, Kind::People);
                }
            }
        }
    }

    fn check_not_figures(&mut self) {
        for (index, n) in self.story.not_figures.iter().enumerate() {
            let entry = Entry::NotFigure {
                index,
                text: n.text.clone(),
            };
            self.require(&entry, "text", &n.text);
            self.require(&entry, "reason", &n.reason);
            if n.text.is_empty() {
                continue;
            }
            if scan_numbers(&n.text).is_empty() {
                let problem = Problem::NoNumber {
                    text: n.text.clone(),
                };
                self.push(entry.clone(), problem);
            }
            if !self.in_report(&n.text) {
                let problem = Problem::NotInSource {
                    text: n.text.clone(),
                };
                self.push(entry, problem);
            }
        }
    }

    fn check_glossary(&mut self) {
        let mut seen: HashMap<&str, String> = HashMap::new();
        for (index, item) in self.story.glossary.iter().enumerate() {
            let entry = Entry::Glossary {
                index,
                id: item.id.clone(),
            };
            self.require(&entry, "id", &item.id);
            self.require2(&entry, "term", &item.term);
            self.require2(&entry, "explanation", &item.explanation);
            if let Some(first) = seen.get(item.id.as_str()) {
                let problem = duplicate(&item.id, first);
                self.push(entry.clone(), problem);
            } else {
                seen.insert(&item.id, entry.to_string());
            }
            if !item.term.zh.is_empty() && !self.in_report(&item.term.zh) {
                let problem = Problem::TermNotInSource {
                    term: item.term.zh.clone(),
                };
                self.push(entry, problem);
            }
        }
    }

    /// Every number in the report must lie in a figure span of its own event or in a
    /// `not_figures` text.
    fn check_coverage(&mut self) {
        for (part, text) in self.parts() {
            let mut covered = self.excused_ranges(text);
            if let SourcePart::Heading(rank) | SourcePart::Body(rank) = part {
                for f in self.story.figures.iter().filter(|f| f.event == rank) {
                    if !f.span.is_empty() {
                        covered.extend(occurrences(text, &f.span));
                    }
                }
            }
            for token in scan_numbers(text) {
                if !covered.iter().any(|&(s, e)| token.is_within(s, e)) {
                    let problem = Problem::UncoveredNumber {
                        number: token.text(text).to_owned(),
                        context: context(text, token.start, token.end),
                    };
                    self.push(Entry::Source(part), problem);
                }
            }
        }
    }
}

/// A duplicate-id problem.
fn duplicate(id: &str, first: &str) -> Problem {
    Problem::DuplicateId {
        id: id.to_owned(),
        first: first.to_owned(),
    }
}

/// The word that a boundary at byte `at` of `text` falls inside, if it does (letters or
/// digits on both sides): `22 people` in `5222 people` cuts `5222`.
fn word_cut(text: &str, at: usize) -> Option<&str> {
    let is_word = |c: char| c.is_alphanumeric();
    let before = text.get(..at)?;
    let after = text.get(at..)?;
    if !(before.chars().next_back().is_some_and(is_word)
        && after.chars().next().is_some_and(is_word))
    {
        return None;
    }
    let from = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word(c))
        .last()
        .map_or(at, |(i, _)| i);
    let to = after
        .char_indices()
        .find(|&(_, c)| !is_word(c))
        .map_or(text.len(), |(i, _)| at + i);
    text.get(from..to)
}

/// Byte ranges of every (non-overlapping) occurrence of `needle` in `text`.
pub(crate) fn occurrences(text: &str, needle: &str) -> Vec<(usize, usize)> {
    if needle.is_empty() {
        return Vec::new();
    }
    text.match_indices(needle)
        .map(|(i, m)| (i, i + m.len()))
        .collect()
}

/// The value a span states for a figure of this unit: yuan and counts apply the multiplier
/// (`1925.04万` is 19250400), except when a count's counter starts with it (`30千瓦` is 30
/// 千瓦); a percent is the number before its `%`.
fn stated_value(
    f: &FigureEntry,
    token: &NumberToken,
    text: &str,
    span_end: usize,
) -> Result<Decimal, Problem> {
    let unreadable = || Problem::UnreadableNumber {
        span: f.span.clone(),
        number: token.text(text).to_owned(),
    };
    let base = token.base.ok_or_else(unreadable)?;
    let value = match (f.unit, &token.multiplier) {
        (Unit::Percent, _) => {
            let after = text.get(token.end..span_end).unwrap_or("");
            if !after.starts_with(['%', '％']) {
                return Err(Problem::NotPercent {
                    span: f.span.clone(),
                });
            }
            token.value()
        }
        (Unit::Count, Some(m))
            if f.counter
                .as_ref()
                .is_some_and(|c| c.zh.starts_with(m.text.as_str())) =>
        {
            Some(base)
        }
        _ => token.value(),
    };
    value.ok_or_else(unreadable)
}

/// What the text right after a number says about it: 左右 (about) or 以上 (at least),
/// looking to the end of the span and a little beyond.
fn qualifier_after(text: &str, number_end: usize, span_end: usize) -> Option<Qualifier> {
    let reach = text
        .get(span_end..)
        .and_then(|rest| rest.char_indices().nth(QUALIFIER_REACH))
        .map_or(text.len(), |(i, _)| span_end + i);
    let tail = text.get(number_end..reach).unwrap_or("");
    if tail.contains("左右") {
        Some(Qualifier::About)
    } else if tail.contains("以上") {
        Some(Qualifier::AtLeast)
    } else {
        None
    }
}

/// `…text around the number…`, for messages.
fn context(text: &str, start: usize, end: usize) -> String {
    let before: Vec<char> = text[..start].chars().collect();
    let after: Vec<char> = text[end..].chars().collect();
    let from = before.len().saturating_sub(CONTEXT_CHARS);
    let to = after.len().min(CONTEXT_CHARS);
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.extend(&before[from..]);
    out.push_str(&text[start..end]);
    out.extend(&after[..to]);
    if to < after.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualifiers_right_after_a_number() {
        let text = "建设30千瓦左右集体光伏电站，新增3000元以上、其他";
        let span = |s: &str| {
            let start = text.find(s).expect("present");
            (start, start + s.len())
        };
        let (s, e) = span("30千瓦");
        assert_eq!(
            qualifier_after(text, s + "30千".len(), e),
            Some(Qualifier::About)
        );
        let (s, e) = span("3000元以上");
        assert_eq!(
            qualifier_after(text, s + "3000".len(), e),
            Some(Qualifier::AtLeast)
        );
        let (s, e) = span("集体");
        assert_eq!(qualifier_after(text, s, e), None);
    }

    #[test]
    fn context_is_trimmed_with_ellipses() {
        let text = "一二三四五六七八九十甲乙丙5222丁戊己庚辛壬癸子丑寅卯";
        let start = text.find("5222").expect("present");
        assert_eq!(
            context(text, start, start + 4),
            "…四五六七八九十甲乙丙5222丁戊己庚辛壬癸子丑寅…"
        );
        assert_eq!(context("共5人", 3, 4), "共5人");
    }

    #[test]
    fn word_cuts_at_a_boundary() {
        let text = "reduced by 5222 people; “three-in-one”";
        let at = |s: &str| text.find(s).expect("present");
        assert_eq!(word_cut(text, at("22 people")), Some("5222"));
        assert_eq!(word_cut(text, at("ple;")), Some("people"));
        assert_eq!(word_cut(text, at("5222")), None);
        assert_eq!(word_cut(text, at("; ")), None);
        assert_eq!(word_cut(text, at("three")), None);
        assert_eq!(word_cut(text, at("-in")), None);
        assert_eq!(word_cut(text, 0), None);
        assert_eq!(word_cut(text, text.len()), None);
    }

    #[test]
    fn occurrences_of_a_needle() {
        assert_eq!(
            occurrences("50家企业结对帮扶50个村", "50"),
            vec![(0, 2), (23, 25)]
        );
        assert!(occurrences("abc", "").is_empty());
    }
}
