//! From a data file and its source report to the resolved [`Story`] (feature `pipeline`: build.rs
//! and the tests).
//!
//! 1. read the data file ([`StoryFile`]) and the source report it names;
//! 2. clean the source (pinyin out, full-width punctuation) and convert it to simplified,
//!    the form the report was published in;
//! 3. split it into lead, events and byline;
//! 4. validate the data file against it ([`validate`]), collecting every problem;
//! 5. resolve everything into three scripts: traditional is generated from simplified.
//!
//! `build.rs` runs [`build_story`] on `data/story.toml`; the tests run it on fixtures.

use super::error::{DataError, DataErrors, Entry, Problem};
use super::validate::{validate, Validated};
use crate::model::raw::{CounterEntry, RelationEntry, StoryFile, Text2};
use crate::model::{
    Counter, Event, Figure, GlossaryEntry, Lang, Provenance, Relation, SourceSpan, Story, Text3,
    Theme,
};
use crate::text::script::{aligned_slice, ScriptConverter};
use crate::text::{clean_source, split_report, SourceReport, SplitError};
use std::path::{Path, PathBuf};

/// Reads, checks and resolves the story described by `data_file` (TOML). Every problem is
/// reported, each naming its file, entry and what is wrong.
pub fn build_story(data_file: &Path) -> Result<Story, DataErrors> {
    let converter = ScriptConverter::new()
        .map_err(|e| DataErrors::one(data_file, Entry::File, Problem::Script(e.to_string())))?;
    let story_file = read_story_file(data_file)?;
    let source_file = source_path(data_file, &story_file);
    let report = read_source(&source_file, &converter)?;
    let checked = validate(&story_file, &report).map_err(|problems| {
        DataErrors(
            problems
                .into_iter()
                .map(|(entry, problem)| DataError {
                    file: data_file.to_owned(),
                    entry,
                    problem,
                })
                .collect(),
        )
    })?;
    Ok(resolve(&story_file, &report, &checked, &converter))
}

/// The source report's path: `story.source_file`, relative to the data file.
pub fn source_path(data_file: &Path, story_file: &StoryFile) -> PathBuf {
    data_file
        .parent()
        .unwrap_or_else(|| Path::new(""))
        .join(&story_file.story.source_file)
}

/// Reads and parses a data file.
pub fn read_story_file(data_file: &Path) -> Result<StoryFile, DataErrors> {
    let text = read(data_file)?;
    parse_story_file(data_file, &text)
}

/// Parses the TOML of a data file; a syntax error, unknown field or wrong type is reported
/// with its line, column and the table it is in (`figures[3]`).
pub fn parse_story_file(data_file: &Path, text: &str) -> Result<StoryFile, DataErrors> {
    toml::from_str(text).map_err(|e| {
        let entry = match e.span() {
            Some(span) => toml_location(text, span.start),
            None => Entry::File,
        };
        DataErrors::one(
            data_file,
            entry,
            Problem::Parse(e.message().trim().to_owned()),
        )
    })
}

/// Reads a source report, cleans it, converts it to simplified characters and splits it.
pub(crate) fn read_source(
    source_file: &Path,
    converter: &ScriptConverter,
) -> Result<SourceReport, DataErrors> {
    let raw = read(source_file)?;
    prepare_source(&raw, converter)
        .map_err(|e| DataErrors::one(source_file, Entry::File, Problem::Split(e)))
}

/// Cleans a raw report (any script), converts it to simplified characters and splits it.
pub fn prepare_source(raw: &str, converter: &ScriptConverter) -> Result<SourceReport, SplitError> {
    split_report(&converter.simplified(&clean_source(raw)))
}

/// A file's text, or the problem reading it.
fn read(path: &Path) -> Result<String, DataErrors> {
    std::fs::read_to_string(path)
        .map_err(|e| DataErrors::one(path, Entry::File, Problem::Read(e.to_string())))
}

/// Line, column and enclosing table of a byte offset in a TOML text.
fn toml_location(text: &str, offset: usize) -> Entry {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    // The last table header up to the offset's line (a missing field is reported at its
    // table's header); arrays of tables are counted.
    let line_end = text
        .get(offset..)
        .and_then(|rest| rest.find('\n'))
        .map_or(text.len(), |i| offset + i);
    let mut table = None;
    let mut counts: Vec<(String, usize)> = Vec::new();
    for header in text
        .get(..line_end)
        .unwrap_or(before)
        .lines()
        .map(str::trim)
    {
        if let Some(name) = header
            .strip_prefix("[[")
            .and_then(|h| h.split_once("]]"))
            .map(|(n, _)| n.trim().to_owned())
        {
            let index = match counts.iter_mut().find(|(n, _)| *n == name) {
                Some((_, count)) => {
                    *count += 1;
                    *count - 1
                }
                None => {
                    counts.push((name.clone(), 1));
                    0
                }
            };
            table = Some(format!("{name}[{index}]"));
        } else if let Some(name) = header
            .strip_prefix('[')
            .and_then(|h| h.split_once(']'))
            .map(|(n, _)| n.trim().to_owned())
        {
            table = Some(name);
        }
    }
    Entry::Location {
        table,
        line,
        column,
    }
}

/// Builds the story the app embeds from a validated data file and its report.
pub(crate) fn resolve(
    file: &StoryFile,
    report: &SourceReport,
    checked: &Validated,
    converter: &ScriptConverter,
) -> Story {
    let t3 = |t: &Text2| Text3 {
        hans: t.zh.clone(),
        hant: converter.traditional(&t.zh),
        en: t.en.clone(),
    };
    let from_source = |hans: &str, en: &str| Text3 {
        hans: hans.to_owned(),
        hant: converter.traditional(hans),
        en: en.to_owned(),
    };
    let counter = |c: &CounterEntry| Counter {
        word: Text3 {
            hans: c.zh.clone(),
            hant: converter.traditional(&c.zh),
            en: c.other.clone(),
        },
        one: c.one.clone(),
    };
    let meta = &file.story;

    let events: Vec<Event> = file
        .events
        .iter()
        .zip(&report.events)
        .map(|(e, source)| Event {
            rank: e.rank,
            title: from_source(&source.heading, &e.title_en),
            short: t3(&e.short),
            summary: t3(&e.summary),
            text: from_source(&source.body, &e.text_en),
            themes: e.themes.clone(),
        })
        .collect();

    let reported = file.figures.iter().zip(&checked.figures).map(|(f, c)| {
        let (hans, hant) = usize::from(f.event)
            .checked_sub(1)
            .and_then(|i| events.get(i))
            .map(|e| {
                if c.in_title {
                    (e.title.hans.as_str(), e.title.hant.as_str())
                } else {
                    (e.text.hans.as_str(), e.text.hant.as_str())
                }
            })
            .unwrap_or_default();
        let span_hant = aligned_slice(hans, hant, c.start, c.end)
            .map_or_else(|| converter.traditional(&f.span), str::to_owned);
        Figure {
            id: f.id.clone(),
            event: f.event,
            value: c.value,
            unit: f.unit,
            kind: f.kind,
            counter: f.counter.as_ref().map(counter),
            label: t3(&f.label),
            qualifier: f.qualifier,
            provenance: Provenance::Reported(SourceSpan {
                text: Text3 {
                    hans: f.span.clone(),
                    hant: span_hant,
                    en: f.span_en.clone(),
                },
                start: c.start,
                end: c.end,
                en_start: c.en_start,
                en_end: c.en_end,
                in_title: c.in_title,
            }),
            key: f.key,
        }
    });
    let derived = file
        .derived
        .iter()
        .zip(&checked.derived)
        .map(|(d, &value)| Figure {
            id: d.id.clone(),
            event: d.event,
            value,
            unit: d.unit,
            kind: d.kind,
            counter: d.counter.as_ref().map(counter),
            label: t3(&d.label),
            qualifier: None,
            provenance: Provenance::Derived {
                formula: t3(&d.formula),
                inputs: vec![d.numerator.clone(), d.denominator.clone()],
            },
            key: false,
        });
    let figures: Vec<Figure> = reported.chain(derived).collect();

    let relations = file
        .relations
        .iter()
        .map(|r| match r {
            RelationEntry::AchievedVsTarget {
                label,
                achieved,
                target,
                percent,
            } => Relation::AchievedVsTarget {
                label: t3(label),
                achieved: achieved.clone(),
                target: target.clone(),
                percent: percent.clone(),
            },
            RelationEntry::HouseholdsPeople {
                label,
                households,
                people,
            } => Relation::HouseholdsPeople {
                label: t3(label),
                households: households.clone(),
                people: people.clone(),
            },
        })
        .collect();

    let mut story = Story {
        id: meta.id.clone(),
        title: t3(&meta.title),
        title_markup: Text3::default(),
        place: t3(&meta.place),
        year: meta.year,
        source: t3(&meta.source),
        byline: t3(&meta.byline),
        context: t3(&meta.context),
        // The dateline (本报讯) is shown with the byline; the lead is the report's words after it.
        lead: from_source(
            report
                .dateline
                .as_deref()
                .and_then(|d| report.lead.strip_prefix(d))
                .unwrap_or(&report.lead)
                .trim_start(),
            &meta.lead_en,
        ),
        themes: file
            .themes
            .iter()
            .map(|t| Theme {
                id: t.id.clone(),
                label: t3(&t.label),
            })
            .collect(),
        events,
        figures,
        relations,
        glossary: file
            .glossary
            .iter()
            .map(|g| GlossaryEntry {
                id: g.id.clone(),
                term: t3(&g.term),
                forms: g.en_forms.clone(),
                explanation: t3(&g.explanation),
            })
            .collect(),
        headline: meta.headline.clone(),
        citation: t3(&meta.citation),
    };
    // From the title and the glossary just resolved.
    let markup = |lang| crate::text::phrases::title_markup(&story, lang);
    story.title_markup = Text3 {
        hans: markup(Lang::ZhHans),
        hant: markup(Lang::ZhHant),
        en: markup(Lang::En),
    };
    story
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_toml_errors_in_their_table() {
        let text =
            "[story]\nid = 1\n[[figures]]\nid = \"a\"\n[[figures]]\nid = \"b\"\ncolour = 2\n";
        let offset = text.find("colour").expect("present");
        assert_eq!(
            toml_location(text, offset),
            Entry::Location {
                table: Some("figures[1]".into()),
                line: 7,
                column: 1
            }
        );
        assert_eq!(
            toml_location(text, text.find("1\n").expect("present")),
            Entry::Location {
                table: Some("story".into()),
                line: 2,
                column: 6
            }
        );
    }

    #[test]
    fn a_missing_field_is_located_in_its_own_table() {
        // Bug: toml reports a missing field at its table's `[[figures]]` header, and that
        // header was not counted, so the message named the table before (figures[0]).
        let text = "[[figures]]\nid = \"a\"\n\n[[figures]]\nid = \"b\"\n";
        let offset = text.rfind("[[figures]]").expect("present");
        assert_eq!(
            toml_location(text, offset),
            Entry::Location {
                table: Some("figures[1]".into()),
                line: 4,
                column: 1
            }
        );
    }
}
