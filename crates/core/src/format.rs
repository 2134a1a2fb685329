//! Numbers and units per language: `1925.04万元` and `1.28亿元` in Chinese (GB/T 15835
//! style: Arabic digits, 万 and 亿 as units, no thousands separators), `CNY 19.25 million` in
//! English.
//!
//! All arithmetic is [`Decimal`]'s own (moving the point by powers of ten, rounding,
//! grouping), never `f64`, so no formatted value can show a float artefact, and the Chinese
//! forms keep every digit the report gives (`19250400` yuan is `1925.04万元`, never
//! `1925万元`).

use crate::model::{Counter, Decimal, Figure, Lang, Qualifier, Unit};

/// A figure's value with its unit or counter and qualifier, in `lang`: `5222人`,
/// `1.28亿元`, `30千瓦左右`, `CNY 3,000 or more`, `2,078 households`, `0.89%`.
///
/// - [`Unit::Yuan`]: see [`yuan`].
/// - [`Unit::Percent`]: the number and `%` in every language.
/// - [`Unit::Count`]: the number and the counter in `lang` (`5222人`, `2078戶`,
///   `5,222 people`); English takes the counter's singular for exactly one
///   (`1 team captain`), see [`Counter::for_value`].
///
/// Qualifiers: [`Qualifier::About`] is `…左右` / `about …`; [`Qualifier::AtLeast`] (the
/// report's 以上, which includes the number) is `…以上` / `… or more`, and in an English
/// count it comes before the noun: `20 or more households`.
#[inline]
pub(crate) fn figure_value(
    value: Decimal,
    unit: Unit,
    counter: Option<&Counter>,
    qualifier: Option<Qualifier>,
    lang: Lang,
) -> String {
    let word = counter.map_or("", |c| c.for_value(value, lang).trim());
    match (unit, qualifier, lang, counter) {
        // "1 or more households": the plural, whatever the number.
        (Unit::Count, Some(Qualifier::AtLeast), Lang::En, Some(c)) if !word.is_empty() => {
            format!("{} or more {}", number(value, lang), c.word.en.trim())
        }
        _ => {
            let bare = match unit {
                Unit::Yuan => yuan(value, lang),
                Unit::Percent => percent(value, lang),
                Unit::Count => count(value, word, lang),
            };
            qualified(bare, qualifier, lang)
        }
    }
}

/// `figure_value` for a figure of the story.
#[inline]
pub fn figure(fig: &Figure, lang: Lang) -> String {
    figure_value(
        fig.value,
        fig.unit,
        fig.counter.as_ref(),
        fig.qualifier,
        lang,
    )
}

/// A figure as a card's tile (and its poster) shows it: [`figure`], with a no-break space
/// between the number and its magnitude word (`CNY 1\u{a0}million`), so a line never ends
/// between them ("CNY 1 / million"). Running text, exports and speech keep [`figure`], and
/// so do the headline's figures, whose boxes at 320 px are too narrow for "128 million".
#[inline]
pub fn figure_boxed(fig: &Figure, lang: Lang) -> String {
    figure(fig, lang)
        .replace(" million", "\u{a0}million")
        .replace(" billion", "\u{a0}billion")
}

/// An amount of yuan, as a reader of `lang` expects it.
///
/// Chinese keeps every reported digit: below 1万 in 元 (`3000元`), below 1亿 in 万元
/// (`1925.04万元`, `110万元`, `9999.9999万元`), from 1亿 in 亿元 (`1.28亿元`,
/// `1.23456789亿元`); traditional writes 萬 and 億.
///
/// English writes `CNY 3,000` below a million, then `CNY 19.25 million` and
/// `CNY 1.5 billion`, rounded to at most two decimals with trailing zeros dropped
/// (`CNY 1.1 million`, `CNY 1 million`).
#[inline]
pub(crate) fn yuan(value: Decimal, lang: Lang) -> String {
    match lang {
        Lang::ZhHans | Lang::ZhHant => {
            let (number, big_unit) = in_chinese_units(value, lang);
            format!("{number}{big_unit}元")
        }
        Lang::En => {
            let (number, word) = in_english_units(value, EnglishWords::Long);
            match word {
                "" => format!("CNY {}", number.grouped()),
                word => format!("CNY {} {word}", number.grouped()),
            }
        }
    }
}

/// A percentage: `0.89%`, `126%` (the same in every language; English groups thousands).
#[inline]
pub(crate) fn percent(value: Decimal, lang: Lang) -> String {
    format!("{}%", number(value, lang))
}

/// A plain number: `5222` and `1925.04` in Chinese, `5,222` and `1,925.04` in English.
#[inline]
pub(crate) fn number(value: Decimal, lang: Lang) -> String {
    match lang {
        Lang::ZhHans | Lang::ZhHant => value.to_string(),
        Lang::En => value.grouped(),
    }
}

/// A short amount of yuan without the currency, for axis ticks and labels on bars (the
/// axis title names the currency): `1.28亿`, `2791.86万`, `5000万`, `3000`, `0` in Chinese
/// (萬 and 億 in traditional), `19.25M`, `128M`, `1.1M`, `3K` in English.
///
/// Rounded to at most two decimals in its unit, trailing zeros dropped; a value that
/// rounds up to the next unit moves there (`99999999` is `1亿`, not `10000万`).
#[inline]
pub(crate) fn compact_yuan(value: Decimal, lang: Lang) -> String {
    match lang {
        Lang::ZhHans | Lang::ZhHant => {
            let (number, big_unit) = compact_chinese_units(value, lang);
            format!("{number}{big_unit}")
        }
        Lang::En => {
            let (number, suffix) = in_english_units(value, EnglishWords::Short);
            format!("{}{suffix}", number.grouped())
        }
    }
}

/// `bare` with the report's 左右 or 以上 in `lang`.
#[inline]
fn qualified(bare: String, qualifier: Option<Qualifier>, lang: Lang) -> String {
    match (qualifier, lang) {
        (None, _) => bare,
        (Some(Qualifier::About), Lang::ZhHans | Lang::ZhHant) => format!("{bare}左右"),
        (Some(Qualifier::AtLeast), Lang::ZhHans | Lang::ZhHant) => format!("{bare}以上"),
        (Some(Qualifier::About), Lang::En) => format!("about {bare}"),
        (Some(Qualifier::AtLeast), Lang::En) => format!("{bare} or more"),
    }
}

/// A count with its counter: `5222人` (Chinese writes them together), `5,222 people`.
#[inline]
fn count(value: Decimal, word: &str, lang: Lang) -> String {
    let n = number(value, lang);
    match word {
        "" => n,
        word if lang.is_chinese() => format!("{n}{word}"),
        word => format!("{n} {word}"),
    }
}

/// 万 (10^4) in the script of `lang`.
#[inline]
fn wan(lang: Lang) -> &'static str {
    if lang == Lang::ZhHant {
        "萬"
    } else {
        "万"
    }
}

/// 亿 (10^8) in the script of `lang`.
#[inline]
fn yi(lang: Lang) -> &'static str {
    if lang == Lang::ZhHant {
        "億"
    } else {
        "亿"
    }
}

/// The value in the largest of 1, 万, 亿 that keeps it at 1 or more, with every digit.
#[inline]
fn in_chinese_units(value: Decimal, lang: Lang) -> (Decimal, &'static str) {
    let (places, big_unit) = match value.int_digits() {
        0..=4 => return (value, ""),
        5..=8 => (4, wan(lang)),
        _ => (8, yi(lang)),
    };
    // Five digits or more before the point leave at most 14 after it: the shift fits.
    value.shrink(places).map_or((value, ""), |v| (v, big_unit))
}

/// Like [`in_chinese_units`], rounded to two decimals; a value that rounds to 10000万
/// becomes 1亿.
#[inline]
fn compact_chinese_units(value: Decimal, lang: Lang) -> (Decimal, &'static str) {
    on_ladder(value, &[(0, ""), (4, wan(lang)), (8, yi(lang))], true)
}

/// English magnitude words: `million` in running text, `M` on a chart.
#[derive(Clone, Copy, PartialEq, Eq)]
enum EnglishWords {
    Long,
    Short,
}

/// Millions and billions (two decimals at most) from a million up; below, as is (running
/// text) or in thousands from a thousand up (charts).
#[inline]
fn in_english_units(value: Decimal, words: EnglishWords) -> (Decimal, &'static str) {
    match words {
        EnglishWords::Long => on_ladder(value, &[(0, ""), (6, "million"), (9, "billion")], false),
        EnglishWords::Short => on_ladder(value, &[(0, ""), (3, "K"), (6, "M"), (9, "B")], true),
    }
}

/// The value in the largest unit of `rungs` (digits to shift, word; smallest first) that
/// keeps it at 1 or more, rounded to two decimals (the first rung only if `round_plain`).
/// A value that rounds up to the next rung moves there: 999.999 million is 1 billion.
#[inline]
fn on_ladder(
    value: Decimal,
    rungs: &[(u8, &'static str)],
    round_plain: bool,
) -> (Decimal, &'static str) {
    let n = value.int_digits();
    let i = rungs
        .iter()
        .rposition(|&(shift, _)| n > u32::from(shift))
        .unwrap_or(0);
    // `shrink` fails only past 255 places, which a value with digits before the point
    // (any rung above the first) never reaches; then the value stays in its own unit.
    let in_rung = |(shift, word): (u8, &'static str)| Some((value.shrink(shift)?.round(2), word));
    match (rungs.get(i), rungs.get(i + 1)) {
        (Some(&(0, word)), _) if !round_plain => (value, word),
        (Some(&rung), next) => {
            let Some(rounded) = in_rung(rung) else {
                return (value, "");
            };
            match next {
                Some(&next) if rounded.0.int_digits() > u32::from(next.0 - rung.0) => {
                    in_rung(next).unwrap_or(rounded)
                }
                _ => rounded,
            }
        }
        (None, _) => (value, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, Provenance, Text3};

    #[track_caller]
    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn counter(hans: &str, hant: &str, one: &str, other: &str) -> Counter {
        Counter {
            word: Text3 {
                hans: hans.to_owned(),
                hant: hant.to_owned(),
                en: other.to_owned(),
            },
            one: one.to_owned(),
        }
    }

    /// Checks one value in simplified, traditional and English, in that order.
    #[track_caller]
    fn check(
        value: &str,
        unit: Unit,
        counter: Option<&Counter>,
        qualifier: Option<Qualifier>,
        want: [&str; 3],
    ) {
        let got = Lang::ALL.map(|lang| figure_value(d(value), unit, counter, qualifier, lang));
        assert_eq!(got, want, "{value} {unit:?} {qualifier:?}");
    }

    #[track_caller]
    fn check_each(f: fn(Decimal, Lang) -> String, cases: &[(&str, [&str; 3])]) {
        for (value, want) in cases {
            let got = Lang::ALL.map(|lang| f(d(value), lang));
            assert_eq!(&got, want, "{value}");
        }
    }

    #[test]
    fn money_in_the_report() {
        for (value, want) in [
            (
                "19250400",
                ["1925.04万元", "1925.04萬元", "CNY 19.25 million"],
            ),
            (
                "27918600",
                ["2791.86万元", "2791.86萬元", "CNY 27.92 million"],
            ),
            ("128000000", ["1.28亿元", "1.28億元", "CNY 128 million"]),
            ("1100000", ["110万元", "110萬元", "CNY 1.1 million"]),
            ("1000000", ["100万元", "100萬元", "CNY 1 million"]),
            ("3000", ["3000元", "3000元", "CNY 3,000"]),
        ] {
            check(value, Unit::Yuan, None, None, want);
        }
    }

    #[test]
    fn money_at_unit_boundaries() {
        for (value, want) in [
            ("0", ["0元", "0元", "CNY 0"]),
            ("9999", ["9999元", "9999元", "CNY 9,999"]),
            ("10000", ["1万元", "1萬元", "CNY 10,000"]),
            ("10001", ["1.0001万元", "1.0001萬元", "CNY 10,001"]),
            ("999999", ["99.9999万元", "99.9999萬元", "CNY 999,999"]),
            ("1005000", ["100.5万元", "100.5萬元", "CNY 1.01 million"]),
            (
                "99999999",
                ["9999.9999万元", "9999.9999萬元", "CNY 100 million"],
            ),
            ("100000000", ["1亿元", "1億元", "CNY 100 million"]),
            (
                "123456789",
                ["1.23456789亿元", "1.23456789億元", "CNY 123.46 million"],
            ),
            (
                "999999999",
                ["9.99999999亿元", "9.99999999億元", "CNY 1 billion"],
            ),
            ("1500000000", ["15亿元", "15億元", "CNY 1.5 billion"]),
            (
                "1234567890000",
                ["12345.6789亿元", "12345.6789億元", "CNY 1,234.57 billion"],
            ),
            ("3000.5", ["3000.5元", "3000.5元", "CNY 3,000.5"]),
            ("0.05", ["0.05元", "0.05元", "CNY 0.05"]),
            (
                "19250400.5",
                ["1925.04005万元", "1925.04005萬元", "CNY 19.25 million"],
            ),
        ] {
            check(value, Unit::Yuan, None, None, want);
        }
    }

    #[test]
    fn counts_take_their_counter_in_the_script() {
        let people = counter("人", "人", "person", "people");
        let households = counter("户", "戶", "household", "households");
        let villages = counter("个", "個", "village", "villages");
        let captains = counter("个", "個", "team captain", "team captains");
        for (value, unit_word, want) in [
            ("5222", &people, ["5222人", "5222人", "5,222 people"]),
            ("2551", &people, ["2551人", "2551人", "2,551 people"]),
            (
                "2078",
                &households,
                ["2078户", "2078戶", "2,078 households"],
            ),
            ("784", &households, ["784户", "784戶", "784 households"]),
            ("6", &villages, ["6个", "6個", "6 villages"]),
            // English: the singular for exactly one, the plural for any other number.
            ("1", &captains, ["1个", "1個", "1 team captain"]),
            ("2", &captains, ["2个", "2個", "2 team captains"]),
            ("1", &people, ["1人", "1人", "1 person"]),
            ("1.5", &people, ["1.5人", "1.5人", "1.5 people"]),
            ("0", &people, ["0人", "0人", "0 people"]),
        ] {
            check(value, Unit::Count, Some(unit_word), None, want);
        }
        check("89", Unit::Count, None, None, ["89", "89", "89"]);
        let blank = counter("", "", " ", " ");
        check(
            "12000",
            Unit::Count,
            Some(&blank),
            None,
            ["12000", "12000", "12,000"],
        );
    }

    #[test]
    fn percentages_read_the_same_everywhere() {
        for (value, want) in [
            ("0.89", ["0.89%", "0.89%", "0.89%"]),
            ("126", ["126%", "126%", "126%"]),
            ("127", ["127%", "127%", "127%"]),
            ("0", ["0%", "0%", "0%"]),
        ] {
            check(value, Unit::Percent, None, None, want);
        }
    }

    #[test]
    fn qualifiers_follow_the_language() {
        let kw = counter("千瓦", "千瓦", "kW", "kW");
        let households = counter("户", "戶", "household", "households");
        check(
            "30",
            Unit::Count,
            Some(&kw),
            Some(Qualifier::About),
            ["30千瓦左右", "30千瓦左右", "about 30 kW"],
        );
        check(
            "3000",
            Unit::Yuan,
            None,
            Some(Qualifier::AtLeast),
            ["3000元以上", "3000元以上", "CNY 3,000 or more"],
        );
        check(
            "20",
            Unit::Count,
            Some(&households),
            Some(Qualifier::AtLeast),
            ["20户以上", "20戶以上", "20 or more households"],
        );
        // "1 or more" is plural, as "2 or more" is.
        check(
            "1",
            Unit::Count,
            Some(&households),
            Some(Qualifier::AtLeast),
            ["1户以上", "1戶以上", "1 or more households"],
        );
        check(
            "1100000",
            Unit::Yuan,
            None,
            Some(Qualifier::About),
            ["110万元左右", "110萬元左右", "about CNY 1.1 million"],
        );
    }

    #[test]
    fn figure_reads_its_own_fields() {
        let fig = Figure {
            id: "relocation-households".to_owned(),
            event: 2,
            value: d("784"),
            unit: Unit::Count,
            kind: Kind::Households,
            counter: Some(counter("户", "戶", "household", "households")),
            label: Text3::default(),
            qualifier: None,
            provenance: Provenance::Derived {
                formula: Text3::default(),
                inputs: Vec::new(),
            },
            key: true,
        };
        let got = Lang::ALL.map(|lang| figure(&fig, lang));
        assert_eq!(got, ["784户", "784戶", "784 households"]);
    }

    #[test]
    fn plain_numbers_group_thousands_only_in_english() {
        check_each(
            number,
            &[
                ("5222", ["5222", "5222", "5,222"]),
                ("1925.04", ["1925.04", "1925.04", "1,925.04"]),
                ("0.89", ["0.89", "0.89", "0.89"]),
                ("999", ["999", "999", "999"]),
                ("1000", ["1000", "1000", "1,000"]),
                ("123456789", ["123456789", "123456789", "123,456,789"]),
                ("-5222", ["-5222", "-5222", "-5,222"]),
                ("-0.5", ["-0.5", "-0.5", "-0.5"]),
            ],
        );
    }

    #[test]
    fn compact_yuan_for_labels_and_ticks() {
        check_each(
            compact_yuan,
            &[
                // Bars.
                ("128000000", ["1.28亿", "1.28億", "128M"]),
                ("27918600", ["2791.86万", "2791.86萬", "27.92M"]),
                ("19250400", ["1925.04万", "1925.04萬", "19.25M"]),
                ("1100000", ["110万", "110萬", "1.1M"]),
                ("1000000", ["100万", "100萬", "1M"]),
                ("3000", ["3000", "3000", "3K"]),
                // Ticks.
                ("0", ["0", "0", "0"]),
                ("20000000", ["2000万", "2000萬", "20M"]),
                ("50000000", ["5000万", "5000萬", "50M"]),
                ("100000000", ["1亿", "1億", "100M"]),
                ("150000000", ["1.5亿", "1.5億", "150M"]),
                ("500000", ["50万", "50萬", "500K"]),
                ("100000", ["10万", "10萬", "100K"]),
                ("5000", ["5000", "5000", "5K"]),
                ("500", ["500", "500", "500"]),
                ("0.5", ["0.5", "0.5", "0.5"]),
                ("1500000000", ["15亿", "15億", "1.5B"]),
                // Rounding, and moving up a unit when rounding reaches it.
                ("123456789", ["1.23亿", "1.23億", "123.46M"]),
                ("99999999", ["1亿", "1億", "100M"]),
                ("9999.999", ["1万", "1萬", "10K"]),
                ("999999", ["100万", "100萬", "1M"]),
                ("999999999", ["10亿", "10億", "1B"]),
                ("999.999", ["1000", "1000", "1K"]),
                ("0.004", ["0", "0", "0"]),
                ("-0.004", ["0", "0", "0"]),
                ("-3000", ["-3000", "-3000", "-3K"]),
            ],
        );
    }

    #[test]
    fn odd_values_never_panic() {
        let extremes = [
            Decimal::new(i64::MIN, 0),
            Decimal::new(i64::MAX, 0),
            Decimal::new(i64::MIN, 12),
            Decimal::new(1, 40),
            Decimal::new(-1, 255),
        ];
        for value in extremes {
            for lang in Lang::ALL {
                for unit in [Unit::Yuan, Unit::Percent, Unit::Count] {
                    let text = figure_value(value, unit, None, Some(Qualifier::About), lang);
                    assert!(!text.is_empty());
                }
                assert!(!compact_yuan(value, lang).is_empty());
            }
        }
        assert_eq!(
            yuan(Decimal::new(i64::MIN, 0), Lang::ZhHans),
            "-92233720368.54775808亿元"
        );
        assert_eq!(
            number(Decimal::new(-1, 40), Lang::En),
            "-0.0000000000000000000000000000000000000001"
        );
        check(
            "-3000",
            Unit::Yuan,
            None,
            None,
            ["-3000元", "-3000元", "CNY -3,000"],
        );
        check(
            "-19250400",
            Unit::Yuan,
            None,
            None,
            ["-1925.04万元", "-1925.04萬元", "CNY -19.25 million"],
        );
    }

    /// Every figure of the story in three languages, and 1,247 values in all three languages
    /// as a plain number, an amount of yuan and a compact amount (the boundaries of 万, 亿,
    /// thousand, million and billion and of rounding, at scales 0 to 12, and pseudo-random
    /// values), format exactly as before `Decimal` did the arithmetic: the table was written
    /// once by the string arithmetic (`Digits`) these functions used then.
    #[test]
    fn every_value_formats_as_before() {
        let table = include_str!("../tests/fixtures/numbers/format.tsv");
        let (mut figures, mut values) = (0, 0);
        for row in table.lines() {
            let cells: Vec<&str> = row.split('\t').collect();
            if let Some(id) = cells[0].strip_prefix("figure ") {
                let fig = crate::data::story().figure(id).unwrap();
                let got = Lang::ALL.map(|lang| figure(fig, lang));
                assert_eq!(got[..], cells[1..], "{id}");
                figures += 1;
            } else {
                let value = d(cells[0]);
                assert_eq!(value.to_string(), cells[0]);
                let mut got = Vec::new();
                for f in [number, yuan, compact_yuan] {
                    got.extend(Lang::ALL.map(|lang| f(value, lang)));
                }
                assert_eq!(got[..], cells[1..], "{value}");
                values += 1;
            }
        }
        assert_eq!(figures, crate::data::story().figures.len());
        assert!(values > 1200, "{values}");
    }

    /// The example the module's docs once carried.
    #[test]
    fn the_module_example_money_in_three_languages() {
        use crate::format::figure_value;
        use crate::model::{Decimal, Lang, Unit};
        let money: Decimal = "19250400".parse().unwrap();
        assert_eq!(
            figure_value(money, Unit::Yuan, None, None, Lang::ZhHans),
            "1925.04万元"
        );
        assert_eq!(
            figure_value(money, Unit::Yuan, None, None, Lang::ZhHant),
            "1925.04萬元"
        );
        assert_eq!(
            figure_value(money, Unit::Yuan, None, None, Lang::En),
            "CNY 19.25 million"
        );
    }
}
