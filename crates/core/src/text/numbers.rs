//! Finding the numbers in Chinese text, in Arabic digits and in Chinese numerals.
//!
//! Every number the report states must be a figure or be listed as deliberately not one, so
//! the scanner is greedy: `进一步` holds the number 一, `十件大事` holds 十. Deciding which of
//! them matter is the dataset's job (`not_figures`), not the scanner's.

use crate::model::Decimal;

/// Chinese numeral characters: digits, `两`, and the units 十百千万亿.
pub(crate) const CHINESE_NUMERALS: &str = "〇零一二两三四五六七八九十百千万亿";

/// Units that multiply an Arabic number written right before them (`1.28亿`, `30千瓦`).
const MULTIPLIERS: &str = "十百千万亿";

/// How a number is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Numerals {
    /// Arabic digits, perhaps with a decimal fraction and a multiplier: `1925.04万`.
    Arabic,
    /// Chinese numerals: `四`, `二十五`, `一百零五`.
    Chinese,
}

/// A trailing unit character run after Arabic digits: `万` in `1925.04万`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Multiplier {
    /// The characters as written (`万`, `亿`, `千`).
    pub(crate) text: String,
    /// The power of ten they stand for (4 for 万, 8 for 亿, 3 for 千).
    pub(crate) exponent: u8,
}

/// One number found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberToken {
    /// Byte offset of the first character in the scanned text.
    pub(crate) start: usize,
    /// Byte offset just past the last character (multiplier included).
    pub(crate) end: usize,
    /// How it is written.
    pub(crate) numerals: Numerals,
    /// The value before any multiplier (`1925.04` for `1925.04万`); `None` when the numerals
    /// do not form a number (`十十`) or it does not fit.
    pub(crate) base: Option<Decimal>,
    /// The multiplier after Arabic digits, if any.
    pub(crate) multiplier: Option<Multiplier>,
}

// What the validator (`data::validate`, feature `pipeline`) asks of a number.
#[cfg(feature = "pipeline")]
impl NumberToken {
    /// The number as written, taken from the text it was found in.
    #[inline]
    pub(crate) fn text<'a>(&self, scanned: &'a str) -> &'a str {
        scanned.get(self.start..self.end).unwrap_or("")
    }

    /// The full value, multiplier applied (`1925.04万` is 19250400).
    #[inline]
    pub(crate) fn value(&self) -> Option<Decimal> {
        let base = self.base?;
        match &self.multiplier {
            Some(m) => base.shift(i8::try_from(m.exponent).ok()?),
            None => Some(base),
        }
    }

    /// True when the token lies entirely within `start..end`.
    #[inline]
    pub(crate) fn is_within(&self, start: usize, end: usize) -> bool {
        start <= self.start && self.end <= end
    }

    /// True when the token and `start..end` share at least one byte.
    #[inline]
    pub(crate) fn overlaps(&self, start: usize, end: usize) -> bool {
        self.start < end && start < self.end
    }
}

/// Finds every number in `text`, in order.
///
/// Arabic numbers are digit runs with an optional decimal fraction (`0.89`), followed by an
/// optional run of 十百千万亿 that multiplies them (`1.28亿`). `2016-2017` is two numbers.
/// Chinese numbers are maximal runs of `CHINESE_NUMERALS`.
#[inline]
pub fn scan_numbers(text: &str) -> Vec<NumberToken> {
    let mut tokens = Vec::new();
    let mut iter = text.char_indices().peekable();
    while let Some(&(start, c)) = iter.peek() {
        if c.is_ascii_digit() {
            let mut end = take_while(&mut iter, start, |c| c.is_ascii_digit());
            // A decimal point counts only when a digit follows it.
            if text[end..].starts_with('.')
                && text[end + 1..].starts_with(|c: char| c.is_ascii_digit())
            {
                iter.next();
                end = take_while(&mut iter, end + 1, |c| c.is_ascii_digit());
            }
            let base = text[start..end].parse::<Decimal>().ok();
            let multiplier_end = take_while(&mut iter, end, |c| MULTIPLIERS.contains(c));
            let multiplier = (multiplier_end > end).then(|| {
                let text = &text[end..multiplier_end];
                Multiplier {
                    text: text.to_owned(),
                    exponent: text.chars().map(unit_exponent).sum(),
                }
            });
            tokens.push(NumberToken {
                start,
                end: multiplier_end,
                numerals: Numerals::Arabic,
                base,
                multiplier,
            });
        } else if CHINESE_NUMERALS.contains(c) {
            let end = take_while(&mut iter, start, |c| CHINESE_NUMERALS.contains(c));
            tokens.push(NumberToken {
                start,
                end,
                numerals: Numerals::Chinese,
                base: parse_chinese_number(&text[start..end]).map(Decimal::from_int),
                multiplier: None,
            });
        } else {
            iter.next();
        }
    }
    tokens
}

/// Consumes characters while `keep` holds; returns the byte offset after the last one taken,
/// or `from` if none was.
#[inline]
fn take_while(
    iter: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
    from: usize,
    keep: impl Fn(char) -> bool,
) -> usize {
    let mut end = from;
    while let Some(&(i, c)) = iter.peek() {
        if !keep(c) {
            break;
        }
        end = i + c.len_utf8();
        iter.next();
    }
    end
}

/// The power of ten a unit character stands for.
#[inline]
fn unit_exponent(c: char) -> u8 {
    match c {
        '十' => 1,
        '百' => 2,
        '千' => 3,
        '万' => 4,
        '亿' => 8,
        _ => 0,
    }
}

/// The value of a Chinese digit character.
#[inline]
fn digit_value(c: char) -> Option<i64> {
    let v = match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    };
    Some(v)
}

/// Reads a number written in Chinese numerals: `四` is 4, `十` is 10, `二十五` is 25,
/// `一百零五` is 105, `三千万` is 30000000; digits without units read positionally
/// (`二〇一七` is 2017). `None` for malformed runs (`十十`, `万万`) or overflow.
#[inline]
pub(crate) fn parse_chinese_number(text: &str) -> Option<i64> {
    if text.is_empty() {
        return None;
    }
    if !text.chars().any(|c| MULTIPLIERS.contains(c)) {
        return text.chars().try_fold(0i64, |acc, c| {
            acc.checked_mul(10)?.checked_add(digit_value(c)?)
        });
    }
    // total: whole 亿 groups; wan: whole 万 groups below 亿; section: below 万; digit: pending.
    let (mut total, mut wan, mut section) = (0i64, 0i64, 0i64);
    let mut digit: Option<i64> = None;
    // The smallest unit used so far in the current section, so `十十` or `百千` are rejected.
    let mut last_unit = u8::MAX;
    // 4 once 万 closed a group since the last 亿, so `万万` is rejected (`万亿` is fine).
    let mut last_big = u8::MAX;
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if let Some(d) = digit_value(c) {
            if digit.is_some_and(|p| p != 0) && d != 0 {
                return None; // two digits in a row (`二三`) mixed with units
            }
            digit = Some(d);
            prev = Some(c);
            continue;
        }
        let exp = unit_exponent(c);
        match c {
            '十' | '百' | '千' => {
                if exp >= last_unit {
                    return None;
                }
                last_unit = exp;
                let d = match digit.take() {
                    Some(0) | None => 1,
                    Some(d) => d,
                };
                section = section.checked_add(d.checked_mul(10i64.pow(u32::from(exp)))?)?;
            }
            '万' => {
                if last_big <= 4 {
                    return None;
                }
                last_big = 4;
                let group = section.checked_add(digit.take().unwrap_or(0))?;
                let group = if group == 0 { 1 } else { group };
                wan = wan.checked_add(group.checked_mul(10_000)?)?;
                section = 0;
                last_unit = u8::MAX;
            }
            '亿' => {
                if prev == Some('亿') {
                    return None;
                }
                let group = wan
                    .checked_add(section)?
                    .checked_add(digit.take().unwrap_or(0))?;
                let group = if group == 0 { 1 } else { group };
                total = total.checked_add(group.checked_mul(100_000_000)?)?;
                wan = 0;
                section = 0;
                last_unit = u8::MAX;
                last_big = u8::MAX;
            }
            _ => return None,
        }
        prev = Some(c);
    }
    total
        .checked_add(wan)?
        .checked_add(section)?
        .checked_add(digit.unwrap_or(0))
}

/// English number words read by [`english_numbers`], by value: enough for the small counts a
/// report writes in Chinese numerals (四个, 三位一体).
const ENGLISH_NUMBER_WORDS: [&str; 21] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// Scale words after digits in English, with their power of ten (`19.2504 million`).
const ENGLISH_SCALES: [(&str, i8); 3] = [("thousand", 3), ("million", 6), ("billion", 9)];

/// The values of every number an English text states, in order:
/// - digits with optional thousands commas and a decimal fraction (`255,000`, `19.2504`),
///   multiplied by a scale word after one space (`thousand`, `million`, `billion`);
/// - the whole words `zero` to `twenty`, in any case (`Two`; `three-in-one` holds 3 and 1).
///
/// Used to check that a figure's English wording states its value.
#[inline]
pub fn english_numbers(text: &str) -> Vec<Decimal> {
    let bytes = text.as_bytes();
    let is_word = |i: usize| bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric());
    let digits_from = |i: usize| bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts_word = i == 0 || !is_word(i - 1);
        if bytes[i].is_ascii_digit() && starts_word {
            let mut end = i + digits_from(i);
            let mut plain: String = text[i..end].to_owned();
            // Thousands groups: a comma followed by exactly three digits.
            while bytes.get(end) == Some(&b',') && digits_from(end + 1) == 3 {
                plain.push_str(&text[end + 1..end + 4]);
                end += 4;
            }
            if bytes.get(end) == Some(&b'.') && end + 1 < bytes.len() && digits_from(end + 1) > 0 {
                let fraction = digits_from(end + 1);
                plain.push_str(&text[end..end + 1 + fraction]);
                end += 1 + fraction;
            }
            let scale = ENGLISH_SCALES.iter().find_map(|&(word, exp)| {
                let rest = text.get(end..)?.strip_prefix(' ')?.strip_prefix(word)?;
                (!rest.starts_with(|c: char| c.is_ascii_alphanumeric())).then_some(exp)
            });
            if let Some(value) = plain
                .parse::<Decimal>()
                .ok()
                .and_then(|d| d.shift(scale.unwrap_or(0)))
            {
                out.push(value);
            }
            i = end;
        } else if bytes[i].is_ascii_alphabetic() && starts_word {
            let len = bytes[i..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            let word = text[i..i + len].to_ascii_lowercase();
            if let Some(n) = ENGLISH_NUMBER_WORDS.iter().position(|w| *w == word) {
                out.extend(i64::try_from(n).ok().map(Decimal::from_int));
            }
            i += len;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn dec(s: &str) -> Decimal {
        s.parse().expect("test decimal")
    }

    /// (text, value) of every number in `text`.
    #[track_caller]
    fn found(text: &str) -> Vec<(&str, Option<Decimal>)> {
        scan_numbers(text)
            .into_iter()
            .map(|t| (t.text(text), t.value()))
            .collect()
    }

    #[test]
    fn reads_chinese_numbers() {
        for (text, value) in [
            ("一", 1),
            ("四", 4),
            ("两", 2),
            ("十", 10),
            ("十七", 17),
            ("二十五", 25),
            ("一百零五", 105),
            ("三千", 3000),
            ("一千二百三十四", 1234),
            ("三千万", 30_000_000),
            ("一亿二千万", 120_000_000),
            ("二〇一七", 2017),
            ("零", 0),
            ("万", 10_000),
            ("一万亿", 1_000_000_000_000),
        ] {
            assert_eq!(parse_chinese_number(text), Some(value), "{text}");
        }
        for bad in ["", "十十", "百千", "万万", "亿亿", "二三十"] {
            assert_eq!(parse_chinese_number(bad), None, "{bad}");
        }
    }

    #[test]
    fn finds_arabic_numbers_with_fractions_and_multipliers() {
        assert_eq!(
            found("投入1925.04万元，降至0.89%，投资1.28亿，2016-2017年"),
            vec![
                ("1925.04万", Some(dec("19250400"))),
                ("0.89", Some(dec("0.89"))),
                ("1.28亿", Some(dec("128000000"))),
                ("2016", Some(dec("2016"))),
                ("2017", Some(dec("2017"))),
            ]
        );
    }

    #[test]
    fn keeps_the_base_apart_from_the_multiplier() {
        let tokens = scan_numbers("30千瓦左右");
        assert_eq!(tokens.len(), 1);
        assert_eq!(tokens[0].base, Some(dec("30")));
        assert_eq!(
            tokens[0].multiplier,
            Some(Multiplier {
                text: "千".into(),
                exponent: 3
            })
        );
    }

    #[test]
    fn finds_chinese_numerals_inside_words() {
        assert_eq!(
            found("“一个大队长、四个全覆盖”，进一步，三位一体"),
            vec![
                ("一", Some(dec("1"))),
                ("四", Some(dec("4"))),
                ("一", Some(dec("1"))),
                ("三", Some(dec("3"))),
                ("一", Some(dec("1"))),
            ]
        );
    }

    #[test]
    fn a_trailing_dot_is_not_a_decimal_point() {
        assert_eq!(found("共89.个"), vec![("89", Some(dec("89")))]);
        assert_eq!(found("第3."), vec![("3", Some(dec("3")))]);
    }

    #[test]
    fn byte_ranges_point_into_the_text() {
        let text = "减贫2078户5222人";
        let tokens = scan_numbers(text);
        assert_eq!(tokens.len(), 2);
        assert_eq!(&text[tokens[1].start..tokens[1].end], "5222");
        assert!(tokens[1].is_within(tokens[1].start, text.len()));
        assert!(!tokens[0].overlaps(tokens[1].start, text.len()));
    }

    #[test]
    fn reads_english_numbers() {
        for (text, values) in [
            ("5222 people", &["5222"][..]),
            ("19.2504 million yuan", &["19250400"]),
            ("128 million yuan", &["128000000"]),
            ("255,000 yuan", &["255000"]),
            ("12,000 people", &["12000"]),
            ("0.89%", &["0.89"]),
            ("about 30 kW", &["30"]),
            ("1.1 million", &["1100000"]),
            ("2 billion", &["2000000000"]),
            ("Two stations", &["2"]),
            ("“three-in-one”", &["3", "1"]),
            ("four full coverages", &["4"]),
            ("2016-2017", &["2016", "2017"]),
            // Not numbers: words that only contain a number word, a lone comma, a trailing point.
            ("someone, fourteenth, often", &[]),
            ("1,00 and 3. ", &["1", "0", "3"]),
            ("2 millions", &["2"]),
            ("A4 paper", &[]),
        ] {
            let expected: Vec<Decimal> = values.iter().map(|v| dec(v)).collect();
            assert_eq!(english_numbers(text), expected, "{text}");
        }
    }
}
