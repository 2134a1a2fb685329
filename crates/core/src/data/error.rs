//! What can be wrong with a dataset, said so that the publisher can fix it.
//!
//! Every problem names the file, the entry and what is wrong:
//!
//! ```text
//! data/story.toml: figures[3] "people-lifted": span "5223人" not found in event 1
//! ```
//!
//! Validation collects every problem before giving up, so one build shows them all.

use crate::model::{Decimal, Kind, Qualifier};
use crate::text::SplitError;
use std::fmt;
use std::path::PathBuf;

/// All the problems found in a dataset, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataErrors(pub Vec<DataError>);

impl fmt::Display for DataErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.as_slice() {
            [one] => write!(f, "{one}"),
            all => {
                write!(f, "{} problems in the dataset:", all.len())?;
                for e in all {
                    write!(f, "\n  {e}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for DataErrors {}

impl DataErrors {
    /// A single problem.
    pub(crate) fn one(file: impl Into<PathBuf>, entry: Entry, problem: Problem) -> DataErrors {
        DataErrors(vec![DataError {
            file: file.into(),
            entry,
            problem,
        }])
    }
}

/// One problem: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// The file to fix (the data file, or the source report for problems in its layout).
    pub(crate) file: PathBuf,
    /// The entry in that file.
    pub(crate) entry: Entry,
    /// What is wrong.
    pub(crate) problem: Problem,
}

impl std::error::Error for DataError {}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.entry {
            Entry::File => write!(f, "{}: {}", self.file.display(), self.problem),
            entry => write!(f, "{}: {}: {}", self.file.display(), entry, self.problem),
        }
    }
}

/// Which entry of the data file, or which part of the source report, a problem is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// The file as a whole.
    File,
    /// A place in the file where it could not be parsed, in the table it belongs to if known
    /// (`figures[3]`, `story`).
    Location {
        /// The table, e.g. `figures[3]`.
        table: Option<String>,
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
    },
    /// A whole array of tables, e.g. `[[events]]`.
    Table(&'static str),
    /// A field of `[story]`.
    Story(&'static str),
    /// `story.headline[index]`.
    Headline {
        /// Position in the list.
        index: usize,
        /// The figure id listed.
        id: String,
    },
    /// `themes[index]`.
    Theme {
        /// Position in the file.
        index: usize,
        /// Its id.
        id: String,
    },
    /// `events[index]`.
    Event {
        /// Position in the file.
        index: usize,
        /// Its rank as written.
        rank: u8,
    },
    /// `figures[index]`.
    Figure {
        /// Position in the file.
        index: usize,
        /// Its id.
        id: String,
    },
    /// `derived[index]`.
    Derived {
        /// Position in the file.
        index: usize,
        /// Its id.
        id: String,
    },
    /// `relations[index]`.
    Relation {
        /// Position in the file.
        index: usize,
    },
    /// `not_figures[index]`.
    NotFigure {
        /// Position in the file.
        index: usize,
        /// Its text.
        text: String,
    },
    /// `glossary[index]`.
    Glossary {
        /// Position in the file.
        index: usize,
        /// Its id.
        id: String,
    },
    /// A part of the source report.
    Source(SourcePart),
}

impl fmt::Display for Entry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Entry::File => f.write_str("file"),
            Entry::Location {
                table: Some(table),
                line,
                column,
            } => write!(f, "{table} (line {line}, column {column})"),
            Entry::Location {
                table: None,
                line,
                column,
            } => write!(f, "line {line}, column {column}"),
            Entry::Table(name) => write!(f, "[[{name}]]"),
            Entry::Story(field) => write!(f, "story.{field}"),
            Entry::Headline { index, id } => write!(f, "story.headline[{index}] {id:?}"),
            Entry::Theme { index, id } => write!(f, "themes[{index}] {id:?}"),
            Entry::Event { index, rank } => write!(f, "events[{index}] (rank {rank})"),
            Entry::Figure { index, id } => write!(f, "figures[{index}] {id:?}"),
            Entry::Derived { index, id } => write!(f, "derived[{index}] {id:?}"),
            Entry::Relation { index } => write!(f, "relations[{index}]"),
            Entry::NotFigure { index, text } => write!(f, "not_figures[{index}] {text:?}"),
            Entry::Glossary { index, id } => write!(f, "glossary[{index}] {id:?}"),
            Entry::Source(part) => write!(f, "source {part}"),
        }
    }
}

/// A part of the source report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourcePart {
    /// The lead paragraph (dateline included).
    Lead,
    /// The heading of the event with this rank.
    Heading(u8),
    /// The body of the event with this rank.
    Body(u8),
}

impl fmt::Display for SourcePart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourcePart::Lead => f.write_str("lead"),
            SourcePart::Heading(rank) => write!(f, "event {rank} heading"),
            SourcePart::Body(rank) => write!(f, "event {rank}"),
        }
    }
}

/// Where in an event a span is looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpanPlace {
    /// The event's rank.
    pub(crate) event: u8,
    /// In the heading (`in_title = true`) rather than the body.
    pub(crate) in_title: bool,
}

impl fmt::Display for SpanPlace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.in_title {
            write!(f, "the heading of event {}", self.event)
        } else {
            write!(f, "event {}", self.event)
        }
    }
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// The file cannot be read.
    #[error("cannot read the file: {0}")]
    Read(String),
    /// The file is not valid TOML for the schema (syntax, unknown field, wrong type …).
    #[error("{0}")]
    Parse(String),
    /// The source report does not have the expected layout.
    #[error("{0}")]
    Split(SplitError),
    /// The script converter could not be loaded.
    #[error("{0}")]
    Script(String),
    /// A text that must be written is empty.
    #[error("`{field}` is empty")]
    EmptyText {
        /// The field, e.g. `label.en`.
        field: String,
    },
    /// An id used twice.
    #[error("id {id:?} is already used by {first}")]
    DuplicateId {
        /// The id.
        id: String,
        /// The entry that used it first.
        first: String,
    },
    /// A theme id that `[[themes]]` does not define.
    #[error("theme {id:?} is not defined in [[themes]]")]
    UnknownTheme {
        /// The id.
        id: String,
    },
    /// An event without themes.
    #[error("lists no themes; give it at least one")]
    NoThemes,
    /// The data file and the source disagree on the number of events.
    #[error("the data file lists {data} events but the source report has {report}")]
    EventCount {
        /// Events in the data file.
        data: usize,
        /// Events in the source report.
        report: usize,
    },
    /// Events out of order.
    #[error("rank {found} where {expected} was expected (events follow the report's order)")]
    RankOutOfOrder {
        /// The rank that should come here.
        expected: usize,
        /// The rank written.
        found: u8,
    },
    /// A figure in an event the source does not have.
    #[error("event {rank} does not exist (the source report has {events} events)")]
    UnknownEvent {
        /// The rank given.
        rank: u8,
        /// How many events there are.
        events: usize,
    },
    /// Not a decimal number.
    #[error("{field} {text:?} is not a decimal number")]
    BadDecimal {
        /// The field.
        field: &'static str,
        /// What is written.
        text: String,
    },
    /// `unit = "count"` without a counter.
    #[error("unit \"count\" needs a counter (人, 户, 个 …)")]
    MissingCounter,
    /// The English counter for a count of one is the plural.
    #[error(
        "counter.one {one:?} is a plural: give the English for a count of one (\"1 household\")"
    )]
    PluralForOne {
        /// The singular as written.
        one: String,
    },
    /// The span is not in the text.
    #[error("span {span:?} not found in {place}")]
    SpanNotFound {
        /// The span.
        span: String,
        /// Where it was looked for.
        place: SpanPlace,
    },
    /// The span is ambiguous.
    #[error("span {span:?} occurs {count} times in {place}; lengthen it so it occurs once")]
    SpanRepeated {
        /// The span.
        span: String,
        /// Where.
        place: SpanPlace,
        /// How often.
        count: usize,
    },
    /// The English wording of a figure is not in the English text.
    #[error("span_en {span:?} not found in the English text of {place}")]
    EnglishSpanNotFound {
        /// The English span.
        span: String,
        /// Where it was looked for.
        place: SpanPlace,
    },
    /// The English wording starts or ends inside a word.
    #[error("span_en {span:?} starts or ends inside the word {word:?}; make it whole words")]
    EnglishSpanCutsWord {
        /// The English span.
        span: String,
        /// The word it cuts.
        word: String,
    },
    /// The English wording does not state the figure's value.
    #[error("span_en {span:?} does not state the value {value} (write it in digits, e.g. \"5222\", \"19.2504 million\", \"0.89%\", or as a word from zero to twenty)")]
    EnglishSpanValue {
        /// The English span.
        span: String,
        /// The figure's value.
        value: Decimal,
    },
    /// Two figures mark overlapping English text.
    #[error("span_en {span:?} overlaps the English span of {other} (the first occurrence is marked; lengthen one so each marks its own words)")]
    EnglishSpanOverlaps {
        /// The English span.
        span: String,
        /// The entry that marked the overlapping text first.
        other: String,
    },
    /// The span starts or ends inside a number.
    #[error("span {span:?} cuts the number {number:?} in {place}")]
    SpanCutsNumber {
        /// The span.
        span: String,
        /// The number it cuts.
        number: String,
        /// Where.
        place: SpanPlace,
    },
    /// The span holds no number or several.
    #[error("span {span:?} holds {count} numbers; it must hold exactly one")]
    SpanNumbers {
        /// The span.
        span: String,
        /// How many numbers it holds.
        count: usize,
    },
    /// A number that cannot be read (`十十`).
    #[error("the number {number:?} in span {span:?} cannot be read")]
    UnreadableNumber {
        /// The span.
        span: String,
        /// The number as written.
        number: String,
    },
    /// A percent figure whose number is not followed by `%`.
    #[error("span {span:?} has no % after its number, but the unit is percent")]
    NotPercent {
        /// The span.
        span: String,
    },
    /// The value disagrees with the span.
    #[error("value {value} does not match span {span:?}, which says {says}")]
    ValueMismatch {
        /// The value in the data file.
        value: Decimal,
        /// The span.
        span: String,
        /// What the span says, in the unit's base (yuan, not 万元).
        says: Decimal,
    },
    /// The qualifier disagrees with the text (左右, 以上).
    #[error("qualifier is {}, but the text after the number says {}", qualifier_name(*.set), qualifier_name(*.says))]
    QualifierMismatch {
        /// What the data file sets.
        set: Option<Qualifier>,
        /// What the text says.
        says: Option<Qualifier>,
    },
    /// A reference to a figure id that does not exist.
    #[error("{field} {id:?} is not a figure id")]
    UnknownFigure {
        /// The field holding the reference.
        field: &'static str,
        /// The id.
        id: String,
    },
    /// A reference to a figure of the wrong unit or kind.
    #[error("{field} {id:?} is a {} figure; expected {}", found.as_str(), expected.as_str())]
    WrongKind {
        /// The field holding the reference.
        field: &'static str,
        /// The id.
        id: String,
        /// Its kind.
        found: Kind,
        /// The kind needed.
        expected: Kind,
    },
    /// A relation's completion rate that is not a percentage.
    #[error("{field} {id:?} is not a percent figure (unit must be \"percent\")")]
    NotAPercent {
        /// The field holding the reference.
        field: &'static str,
        /// The id.
        id: String,
    },
    /// A derived figure asking for more digits after the point than are kept.
    #[error("digits = {digits}; at most {max} digits after the point are allowed")]
    TooManyDigits {
        /// The digits asked for.
        digits: u8,
        /// The most allowed.
        max: u8,
    },
    /// Dividing by a zero figure.
    #[error("denominator {id:?} is zero")]
    DivisionByZero {
        /// The denominator's id.
        id: String,
    },
    /// A derived value too large to compute exactly.
    #[error("the derived value does not fit in an exact decimal")]
    Overflow,
    /// A `not_figures` text that the source does not contain.
    #[error("{text:?} does not occur in the source report")]
    NotInSource {
        /// The text.
        text: String,
    },
    /// A `not_figures` text without a number: it excuses nothing.
    #[error("{text:?} holds no number, so it is not needed")]
    NoNumber {
        /// The text.
        text: String,
    },
    /// A glossary term that cannot be marked in the text.
    #[error("term {term:?} does not occur in the source report")]
    TermNotInSource {
        /// The term.
        term: String,
    },
    /// A number in the source that is neither a figure nor excused.
    #[error("number {number:?} is in no figure span and no not_figures text: {context}")]
    UncoveredNumber {
        /// The number as written.
        number: String,
        /// The text around it.
        context: String,
    },
    /// The byline differs from the source's.
    #[error("byline {data:?} differs from the source report's byline {report:?}")]
    BylineMismatch {
        /// The data file's.
        data: String,
        /// The source report's.
        report: String,
    },
}

/// 左右 / 以上 / nothing, for messages.
fn qualifier_name(q: Option<Qualifier>) -> &'static str {
    match q {
        Some(Qualifier::About) => "\"about\" (左右)",
        Some(Qualifier::AtLeast) => "\"at_least\" (以上)",
        None => "not set",
    }
}
