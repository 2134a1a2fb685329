//! A chart's data as CSV and JSON, for the reader's downloads: every figure with its exact
//! value, unit, kind, event, provenance and source span, and the citations of the report
//! and of this app ([`crate::cite`]), with the day the reader downloaded them.
//!
//! CSV is UTF-8 with a byte-order mark (so spreadsheet programs read the Chinese right),
//! RFC 4180 quoting and CRLF line ends; its last two rows are the citations.
//!
//! ```
//! use zezhou_core::chart::export::{csv, file_name};
//! use zezhou_core::chart::spec::{ChartData, ChartKind};
//! use zezhou_core::cite::{citations, Day};
//! use zezhou_core::data::story;
//! use zezhou_core::model::Lang;
//!
//! let data = ChartData::of(ChartKind::Money, story());
//! let day = Day { year: 2026, month: 11, day: 30 };
//! let cite = citations(story(), Lang::En, "https://example.org/zezhou/#/en", day);
//! assert_eq!(file_name(story(), ChartKind::Money, "csv"), "zezhou-2017-money-by-programme.csv");
//! assert!(csv(&data, Lang::En, &cite).contains(",128000000,yuan,"));
//! ```

use super::describe::describe;
use super::spec::{is_reported, ChartData, ChartKind};
use super::strings::title;
use crate::cite::Citations;
use crate::format;
use crate::model::{Figure, Lang, Provenance, Story, Unit};
use serde::Serialize;

/// The byte-order mark that starts the CSV.
pub(crate) const BOM: char = '\u{feff}';

/// The CSV columns, in order.
pub(crate) const CSV_COLUMNS: [&str; 15] = [
    "chart",
    "group",
    "role",
    "figure_id",
    "label",
    "value",
    "unit",
    "counter",
    "formatted",
    "kind",
    "event",
    "provenance",
    "source_zh",
    "source_en",
    "formula",
];

/// What a download of chart `kind` is called: `zezhou-2017-money-by-programme.csv`.
#[inline]
pub fn file_name(story: &Story, kind: ChartKind, extension: &str) -> String {
    format!("{}-{}.{extension}", story.id, kind.slug())
}

#[inline]
fn unit_name(unit: Unit) -> &'static str {
    match unit {
        Unit::Yuan => "yuan",
        Unit::Percent => "percent",
        Unit::Count => "count",
    }
}

#[inline]
fn provenance_name(figure: &Figure) -> &'static str {
    if is_reported(figure) {
        "reported"
    } else {
        "derived"
    }
}

/// The span in simplified Chinese and in English, or the formula (in `lang`).
#[inline]
fn source(figure: &Figure, lang: Lang) -> (String, String, String) {
    match &figure.provenance {
        Provenance::Reported(span) => (span.text.hans.clone(), span.text.en.clone(), String::new()),
        Provenance::Derived { formula, .. } => {
            (String::new(), String::new(), formula.get(lang).to_owned())
        }
    }
}

/// One CSV field, quoted when it holds a comma, a quote, a line break or edge spaces.
#[inline]
pub(crate) fn csv_field(field: &str) -> String {
    let needs_quotes =
        field.contains([',', '"', '\n', '\r']) || field.starts_with(' ') || field.ends_with(' ');
    if needs_quotes {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

#[inline]
fn csv_line(fields: &[String]) -> String {
    let fields: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
    format!("{}\r\n", fields.join(","))
}

/// The chart's data as CSV, labels in `lang`; values exact, in the unit's base (yuan, the
/// percentage, the count).
#[inline]
pub fn csv(data: &ChartData, lang: Lang, cite: &Citations) -> String {
    let mut out = String::new();
    out.push(BOM);
    out.push_str(&csv_line(&CSV_COLUMNS.map(str::to_owned)));
    for row in data.rows() {
        let f = row.figure;
        let (source_zh, source_en, formula) = source(f, lang);
        out.push_str(&csv_line(&[
            data.kind.slug().to_owned(),
            row.group.get(lang).to_owned(),
            row.role.as_str().to_owned(),
            f.id.clone(),
            f.label.get(lang).to_owned(),
            f.value.to_string(),
            unit_name(f.unit).to_owned(),
            f.counter
                .as_ref()
                .map(|c| c.for_value(f.value, lang).to_owned())
                .unwrap_or_default(),
            format::figure(f, lang),
            f.kind.as_str().to_owned(),
            f.event.to_string(),
            provenance_name(f).to_owned(),
            source_zh,
            source_en,
            formula,
        ]));
    }
    // The citations, padded to the table's width so every row has the same columns.
    for text in [&cite.report, &cite.app] {
        let mut citation = vec![String::new(); CSV_COLUMNS.len()];
        citation[0] = "citation".to_owned();
        citation[1] = text.clone();
        out.push_str(&csv_line(&citation));
    }
    out
}

/// The chart's data as pretty-printed JSON: title, description and citation in `lang`, and
/// every figure with its exact value (as a number and as the exact decimal text), unit,
/// kind, event, provenance and source span in three languages (or formula). (Serialised
/// from structs whose fields are in alphabetical order, as a JSON object's keys are written
/// sorted; the number is the decimal's nearest `f64`, or a whole number: nothing is parsed.)
#[inline]
pub fn json(data: &ChartData, story: &Story, lang: Lang, cite: &Citations) -> String {
    let figures = data
        .rows()
        .into_iter()
        .map(|row| {
            let f = row.figure;
            let (source_span, formula) = match &f.provenance {
                Provenance::Reported(span) => (
                    Some(SpanJson {
                        en: span.text.en.as_str(),
                        hans: span.text.hans.as_str(),
                        hant: span.text.hant.as_str(),
                    }),
                    None,
                ),
                Provenance::Derived { formula, .. } => (None, Some(formula.get(lang))),
            };
            FigureJson {
                counter: f.counter.as_ref().map(|c| c.for_value(f.value, lang)),
                event: f.event,
                formatted: format::figure(f, lang),
                formula,
                group: row.group.get(lang),
                id: f.id.as_str(),
                kind: f.kind.as_str(),
                label: f.label.get(lang),
                provenance: provenance_name(f),
                role: row.role.as_str(),
                source_span,
                unit: unit_name(f.unit),
                value: match f.value.whole() {
                    Some(n) => Number::Whole(n),
                    None => Number::Fraction(f.value.to_f64()),
                },
                value_exact: f.value.to_string(),
            }
        })
        .collect();
    let doc = DocJson {
        chart: data.kind.slug(),
        citation: CitationJson {
            app: &cite.app,
            report: &cite.report,
        },
        description: describe(data, lang),
        figures,
        language: lang.as_str(),
        source: SourceJson {
            byline: story.byline.get(lang),
            item: story.source.get(lang),
            place: story.place.get(lang),
            title: story.title.get(lang),
            year: story.year,
        },
        story: story.id.as_str(),
        title: title(data.kind, lang),
    };
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

#[derive(Serialize)]
struct DocJson<'a> {
    chart: &'a str,
    citation: CitationJson<'a>,
    description: String,
    figures: Vec<FigureJson<'a>>,
    language: &'a str,
    source: SourceJson<'a>,
    story: &'a str,
    title: &'a str,
}

#[derive(Serialize)]
struct CitationJson<'a> {
    app: &'a str,
    report: &'a str,
}

#[derive(Serialize)]
struct SourceJson<'a> {
    byline: &'a str,
    item: &'a str,
    place: &'a str,
    title: &'a str,
    year: u16,
}

#[derive(Serialize)]
struct FigureJson<'a> {
    counter: Option<&'a str>,
    event: u8,
    formatted: String,
    formula: Option<&'a str>,
    group: &'a str,
    id: &'a str,
    kind: &'a str,
    label: &'a str,
    provenance: &'a str,
    role: &'a str,
    source_span: Option<SpanJson<'a>>,
    unit: &'a str,
    value: Number,
    value_exact: String,
}

#[derive(Serialize)]
struct SpanJson<'a> {
    en: &'a str,
    #[serde(rename = "zh-Hans")]
    hans: &'a str,
    #[serde(rename = "zh-Hant")]
    hant: &'a str,
}

/// A figure's value as a JSON number: whole, or with a fraction.
#[derive(Serialize)]
#[serde(untagged)]
enum Number {
    Whole(i64),
    Fraction(f64),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::story;
    use serde_json::Value;

    /// Splits CSV text into records and fields (RFC 4180), for checking the output.
    fn parse_csv(text: &str) -> Vec<Vec<String>> {
        let mut records = Vec::new();
        let mut record = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') => quoted = true,
                (false, ',') => record.push(std::mem::take(&mut field)),
                (false, '\r') => {}
                (false, '\n') => {
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                }
                (false, c) => field.push(c),
            }
        }
        records
    }

    #[test]
    fn fields_are_quoted_only_when_needed() {
        for (field, want) in [
            ("plain", "plain"),
            ("", ""),
            ("1.28亿元", "1.28亿元"),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("cr\r", "\"cr\r\""),
            (" edge", "\" edge\""),
            ("“curly” quotes", "“curly” quotes"),
        ] {
            assert_eq!(csv_field(field), want, "{field:?}");
        }
    }

    /// The citations as a download on 2026-11-30 carries them.
    fn cite(lang: Lang) -> Citations {
        let day = crate::cite::Day {
            year: 2026,
            month: 11,
            day: 30,
        };
        crate::cite::citations(story(), lang, "https://example.org/zezhou/", day)
    }

    #[test]
    fn csv_has_bom_header_values_and_citation() {
        let data = ChartData::of(ChartKind::Money, story());
        let text = csv(&data, Lang::ZhHans, &cite(Lang::ZhHans));
        let body = text.strip_prefix(BOM).expect("starts with a BOM");
        assert!(body.ends_with("\r\n"));
        let records = parse_csv(body);
        assert_eq!(records[0], CSV_COLUMNS);
        assert!(records.iter().all(|r| r.len() == CSV_COLUMNS.len()));
        let first = &records[1];
        assert_eq!(first[3], "relocation-investment");
        assert_eq!(first[5], "128000000");
        assert_eq!(first[6], "yuan");
        assert_eq!(first[8], "1.28亿元");
        assert_eq!(first[10], "2");
        assert_eq!(first[11], "reported");
        assert_eq!(first[12], "1.28亿");
        assert_eq!(first[13], "128 million yuan");
        let last = &records[records.len() - 2..];
        assert_eq!(
            [&last[0][..2], &last[1][..2]],
            [
                ["citation", &cite(Lang::ZhHans).report],
                ["citation", &cite(Lang::ZhHans).app]
            ]
        );
        assert_eq!(records.len(), 1 + 4 + 2);
    }

    #[test]
    fn csv_round_trips_awkward_labels() {
        // The English labels hold commas and curly quotes; a crafted story adds the rest.
        let mut odd = story().clone();
        for f in odd
            .figures
            .iter_mut()
            .filter(|f| f.id == "internet-investment")
        {
            f.label.en = "Internet, \"plus\"\nmodel".to_owned();
        }
        let data = ChartData::of(ChartKind::Money, &odd);
        let records = parse_csv(csv(&data, Lang::En, &cite(Lang::En)).trim_start_matches(BOM));
        let row = records
            .iter()
            .find(|r| r[3] == "internet-investment")
            .unwrap();
        assert_eq!(row[4], "Internet, \"plus\"\nmodel");
        assert!(records.iter().all(|r| r.len() == CSV_COLUMNS.len()));
    }

    #[test]
    fn csv_carries_context_and_derived_formulas() {
        let data = ChartData::of(ChartKind::Achieved, story());
        let records = parse_csv(csv(&data, Lang::En, &cite(Lang::En)).trim_start_matches(BOM));
        let roles: Vec<(&str, &str)> = records[1..records.len() - 2]
            .iter()
            .map(|r| (r[2].as_str(), r[3].as_str()))
            .collect();
        assert_eq!(
            roles,
            [
                ("completion", "relocation-completion"),
                ("achieved", "relocation-people"),
                ("target", "relocation-target-people"),
                ("completion", "microcredit-completion"),
                ("achieved", "microcredit-issued"),
            ]
        );
    }

    #[test]
    fn json_parses_with_units_sources_and_citation() {
        for kind in ChartKind::ALL {
            for lang in Lang::ALL {
                let data = ChartData::of(kind, story());
                let doc: Value =
                    serde_json::from_str(&json(&data, story(), lang, &cite(lang))).unwrap();
                assert_eq!(doc["citation"]["report"], cite(lang).report);
                assert_eq!(doc["citation"]["app"], cite(lang).app);
                assert_eq!(doc["chart"], kind.slug());
                assert_eq!(doc["language"], lang.as_str());
                let figures = doc["figures"].as_array().unwrap();
                assert!(!figures.is_empty());
                for f in figures {
                    assert!(f["unit"].is_string() && f["value"].is_number(), "{f}");
                    assert!(f["source_span"]["zh-Hans"].is_string(), "{f}");
                }
            }
        }
        let data = ChartData::of(ChartKind::Money, story());
        let doc: Value =
            serde_json::from_str(&json(&data, story(), Lang::En, &cite(Lang::En))).unwrap();
        let first = &doc["figures"][0];
        assert_eq!(first["value"], 128_000_000);
        assert_eq!(first["value_exact"], "128000000");
        assert_eq!(first["formatted"], "CNY 128 million");
        assert_eq!(first["source_span"]["en"], "128 million yuan");
    }
}
