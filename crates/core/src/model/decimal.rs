//! An exact decimal number, so that `1925.04` never prints as `1925.0400000001`, and the one
//! place numbers become text: moving the point by powers of ten, rounding half away from
//! zero, grouping thousands and fixed places all work on its digits. [`crate::format`] adds
//! the units and words of a language; geometry (`f64`) meets text only through
//! [`Decimal::from_f64`].

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// `mantissa × 10^-scale`, kept normalised (no trailing zeros in the fraction).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Decimal {
    mantissa: i64,
    scale: u8,
}

/// Why a string is not a decimal number.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not a decimal number: {0:?}")]
pub struct ParseDecimalError(pub String);

const MAX_SCALE: u8 = 12;

impl Decimal {
    /// `mantissa × 10^-scale`, normalised.
    #[inline]
    pub(crate) fn new(mantissa: i64, scale: u8) -> Decimal {
        let mut d = Decimal { mantissa, scale };
        while d.scale > 0 && d.mantissa % 10 == 0 {
            d.mantissa /= 10;
            d.scale -= 1;
        }
        d
    }

    /// A whole number.
    #[inline]
    pub fn from_int(n: i64) -> Decimal {
        Decimal::new(n, 0)
    }

    /// The digits, without the decimal point (for the validator, feature `pipeline`).
    #[cfg(feature = "pipeline")]
    #[inline]
    pub(crate) fn mantissa(self) -> i64 {
        self.mantissa
    }

    /// Multiplies by `10^exp` exactly (万 is 4, 亿 is 8); `None` on overflow.
    #[inline]
    pub(crate) fn shift(self, exp: i8) -> Option<Decimal> {
        if exp >= 0 {
            let up = exp as u8;
            if up <= self.scale {
                Some(Decimal::new(self.mantissa, self.scale - up))
            } else {
                let m = self
                    .mantissa
                    .checked_mul(10i64.checked_pow(u32::from(up - self.scale))?)?;
                Some(Decimal::new(m, 0))
            }
        } else {
            let scale = self.scale.checked_add(exp.unsigned_abs())?;
            (scale <= MAX_SCALE).then(|| Decimal::new(self.mantissa, scale))
        }
    }

    /// Divides by `10^places` exactly (19250400 in 万 is 1925.04), at any scale the type
    /// holds; `None` beyond 255 digits after the point.
    #[inline]
    pub(crate) fn shrink(self, places: u8) -> Option<Decimal> {
        Some(Decimal::new(self.mantissa, self.scale.checked_add(places)?))
    }

    /// Digits before the point, not counting a lone zero: 0 for `0.89`, 4 for `9999.5`.
    #[inline]
    pub(crate) fn int_digits(self) -> u32 {
        let all = self
            .mantissa
            .unsigned_abs()
            .checked_ilog10()
            .map_or(0, |log| log + 1);
        all.saturating_sub(u32::from(self.scale))
    }

    /// `value` rounded half away from zero to `places` digits after the point (at most 12),
    /// for the numbers of geometry, which is `f64`, in CSS and SVG (`inset`, `width="62.5%"`):
    /// `format!("{:.1}", Decimal::from_f64(x, 1))` prints exactly one decimal. NaN and the
    /// infinities are 0; beyond ±9.2 × 10^18 units of the last place, the largest that fits.
    #[inline]
    pub fn from_f64(value: f64, places: u8) -> Decimal {
        let places = places.min(MAX_SCALE);
        let unit = 10i64.pow(u32::from(places)) as f64;
        let mantissa = if value.is_finite() {
            (value * unit).round() as i64
        } else {
            0
        };
        Decimal::new(mantissa, places)
    }

    /// `self × other` exactly; `None` on overflow or beyond 12 digits after the point (for
    /// the validator's derived figures, feature `pipeline`).
    #[cfg(feature = "pipeline")]
    #[inline]
    pub(crate) fn checked_mul(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.checked_add(other.scale)?;
        let mantissa = self.mantissa.checked_mul(other.mantissa)?;
        (scale <= MAX_SCALE).then(|| Decimal::new(mantissa, scale))
    }

    /// Rounds half away from zero to `digits` places after the point, at any scale.
    #[inline]
    pub fn round(self, digits: u8) -> Decimal {
        if self.scale <= digits {
            return self;
        }
        // Beyond 10^19 (u64's reach) the dropped part is more than any mantissa: 0.
        let Some(drop) = 10u64.checked_pow(u32::from(self.scale - digits)) else {
            return Decimal::from_int(0);
        };
        let magnitude = self.mantissa.unsigned_abs();
        let (q, r) = (magnitude / drop, magnitude % drop);
        // Half or more of `drop` (`r * 2 >= drop`, without overflow) rounds away from zero.
        let q = (q + u64::from(r >= drop - r)) as i64;
        Decimal::new(if self.mantissa < 0 { -q } else { q }, digits)
    }

    /// `self / other` rounded to `digits` places; `None` when `other` is zero.
    #[inline]
    pub(crate) fn div(self, other: Decimal, digits: u8) -> Option<Decimal> {
        if other.mantissa == 0 {
            return None;
        }
        // Bring both to a common scale, then scale the numerator for the wanted digits + 1.
        // Checked, so absurd inputs give `None` rather than a panic.
        let pow = |e: u32| 10i128.checked_pow(e);
        let a = i128::from(self.mantissa).checked_mul(pow(u32::from(other.scale))?)?;
        let b = i128::from(other.mantissa).checked_mul(pow(u32::from(self.scale))?)?;
        let num = a.checked_mul(pow(u32::from(digits) + 1)?)?;
        let q = num / b; // one extra digit for rounding
        let rounded = (q + 5 * q.signum()) / 10;
        i64::try_from(rounded).ok().map(|m| Decimal::new(m, digits))
    }

    /// The whole number this is, if it is one (for the JSON download's number).
    #[inline]
    pub(crate) fn whole(self) -> Option<i64> {
        (self.scale == 0).then_some(self.mantissa)
    }

    /// Converts to `f64` for drawing (never for display).
    #[inline]
    pub(crate) fn to_f64(self) -> f64 {
        self.mantissa as f64 / 10f64.powi(i32::from(self.scale))
    }

    /// `1,925.04`: as [`Display`](fmt::Display), with commas between groups of three digits
    /// before the point (English).
    #[inline]
    pub(crate) fn grouped(self) -> String {
        self.text(0, true)
    }

    /// The number as text with at least `places` digits after the point (zeros added) and,
    /// if `group`, commas between groups of three digits before it; a minus sign unless zero.
    /// Works on the digits, so any scale prints (`-0.000…01` with 40 places).
    #[inline]
    fn text(self, places: usize, group: bool) -> String {
        let digits = self.mantissa.unsigned_abs().to_string();
        let scale = usize::from(self.scale);
        let int = digits.len().saturating_sub(scale);
        let mut out = String::with_capacity(digits.len() + int / 3 + places + 3);
        if self.mantissa < 0 {
            out.push('-');
        }
        if int == 0 {
            out.push('0');
        }
        for (i, c) in digits[..int].chars().enumerate() {
            if group && i > 0 && (int - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        if scale.max(places) > 0 {
            out.push('.');
            for _ in digits.len()..scale {
                out.push('0');
            }
            out.push_str(&digits[int..]);
            for _ in scale..places {
                out.push('0');
            }
        }
        out
    }
}

impl fmt::Display for Decimal {
    /// `1925.04`, `-0.5`, `0`; with a precision, rounded half away from zero to exactly that
    /// many places (`{:.3}` of 25 is `25.000`, `{:.1}` of -1.25 is `-1.3`).
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match f.precision() {
            Some(places) => self
                .round(u8::try_from(places).unwrap_or(u8::MAX))
                .text(places, false),
            None => self.text(0, false),
        };
        f.write_str(&text)
    }
}

impl FromStr for Decimal {
    type Err = ParseDecimalError;

    #[inline]
    fn from_str(s: &str) -> Result<Decimal, ParseDecimalError> {
        let err = || ParseDecimalError(s.to_owned());
        let (neg, body) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (int, frac) = body.split_once('.').unwrap_or((body, ""));
        let digits_ok = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
        if int.is_empty() || !digits_ok(int) || !digits_ok(frac) || body.ends_with('.') {
            return Err(err());
        }
        let scale = u8::try_from(frac.len()).map_err(|_| err())?;
        if scale > MAX_SCALE {
            return Err(err());
        }
        let m: i64 = format!("{int}{frac}").parse().map_err(|_| err())?;
        Ok(Decimal::new(if neg { -m } else { m }, scale))
    }
}

impl Ord for Decimal {
    #[inline]
    fn cmp(&self, other: &Decimal) -> Ordering {
        let s = self.scale.max(other.scale);
        let a = i128::from(self.mantissa) * 10i128.pow(u32::from(s - self.scale));
        let b = i128::from(other.mantissa) * 10i128.pow(u32::from(s - other.scale));
        a.cmp(&b)
    }
}

impl PartialOrd for Decimal {
    #[inline]
    fn partial_cmp(&self, other: &Decimal) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Serialize for Decimal {
    #[inline]
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Decimal {
    #[inline]
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn parses_and_prints_without_artefacts() {
        for (input, shown) in [
            ("1925.04", "1925.04"),
            ("0.89", "0.89"),
            ("5222", "5222"),
            ("1.280", "1.28"),
            ("-0.5", "-0.5"),
        ] {
            assert_eq!(d(input).to_string(), shown, "{input}");
        }
    }

    #[test]
    fn rejects_junk() {
        for bad in [
            "",
            ".",
            "1.",
            ".5",
            "1e5",
            "1,000",
            "--1",
            "12a",
            "1.0000000000001",
        ] {
            assert!(bad.parse::<Decimal>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn shifts_exactly_by_powers_of_ten() {
        assert_eq!(d("1925.04").shift(4), Some(d("19250400")));
        assert_eq!(d("1.28").shift(8), Some(d("128000000")));
        assert_eq!(d("19250400").shift(-4), Some(d("1925.04")));
        assert_eq!(d("128000000").shift(-8), Some(d("1.28")));
        assert_eq!(d("9").shift(30), None);
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(d("1925.04").round(1), d("1925"));
        assert_eq!(d("2.555").round(2), d("2.56"));
        assert_eq!(d("-2.555").round(2), d("-2.56"));
        assert_eq!(d("19.2504").round(2), d("19.25"));
    }

    #[test]
    fn divides_with_rounding() {
        assert_eq!(d("5222").div(d("2078"), 2), Some(d("2.51")));
        assert_eq!(d("2551").div(d("2000"), 4), Some(d("1.2755")));
        assert_eq!(d("1").div(d("0"), 2), None);
        // Regression: digits beyond i128 used to panic on overflow instead of giving None.
        assert_eq!(d("1").div(d("3"), 200), None);
    }

    #[test]
    fn multiplies_exactly() {
        assert_eq!(d("2551").checked_mul(d("100")), Some(d("255100")));
        assert_eq!(d("1.5").checked_mul(d("0.2")), Some(d("0.3")));
        assert_eq!(d("-2").checked_mul(d("1.25")), Some(d("-2.5")));
        assert_eq!(d("9223372036854775807").checked_mul(d("2")), None);
    }

    #[test]
    fn rounds_at_any_scale() {
        assert_eq!(d("9.999").round(2), d("10"));
        assert_eq!(d("-0.004").round(2), d("0"));
        assert_eq!(d("0.005").round(2), d("0.01"));
        assert_eq!(d("-0.005").round(2), d("-0.01"));
        assert_eq!(d("0.0049999").round(2), d("0"));
        // Dropping 19 digits (10^19 is past i64) and more (past u64).
        assert_eq!(
            Decimal::new(5_000_000_000_000_000_000, 21).round(2),
            d("0.01")
        );
        assert_eq!(
            Decimal::new(-4_999_999_999_999_999_999, 21).round(2),
            d("0")
        );
        assert_eq!(Decimal::new(i64::MIN, 21).round(2), d("-0.01"));
        assert_eq!(Decimal::new(i64::MAX, 40).round(2), d("0"));
        assert_eq!(Decimal::new(-1, 255).round(0), d("0"));
        assert_eq!(
            Decimal::new(i64::MIN, 1).round(0),
            Decimal::new(i64::MIN / 10 - 1, 0)
        );
    }

    #[test]
    fn digits_before_the_point_and_shifts_down() {
        for (value, want) in [
            ("0", 0),
            ("0.89", 0),
            ("1", 1),
            ("9999.5", 4),
            ("-10000", 5),
        ] {
            assert_eq!(d(value).int_digits(), want, "{value}");
        }
        assert_eq!(Decimal::new(i64::MIN, 0).int_digits(), 19);
        assert_eq!(Decimal::new(i64::MIN, 12).int_digits(), 7);
        assert_eq!(Decimal::new(1, 40).int_digits(), 0);
        assert_eq!(d("19250400").shrink(4), Some(d("1925.04")));
        assert_eq!(d("-19250400.5").shrink(8), Some(d("-0.192504005")));
        // Beyond the 12 places `shift` allows (parsing), up to the 255 the type holds.
        assert_eq!(
            Decimal::new(i64::MIN, 12).shrink(8),
            Some(Decimal::new(i64::MIN, 20))
        );
        assert_eq!(Decimal::new(7, 250).shrink(5), Some(Decimal::new(7, 255)));
        assert_eq!(Decimal::new(7, 251).shrink(5), None);
    }

    #[test]
    fn prints_plain_grouped_and_at_fixed_places() {
        for (value, plain, grouped) in [
            ("0", "0", "0"),
            ("999", "999", "999"),
            ("1000", "1000", "1,000"),
            ("1925.04", "1925.04", "1,925.04"),
            ("-123456789.5", "-123456789.5", "-123,456,789.5"),
            ("-0.05", "-0.05", "-0.05"),
            ("100000.000001", "100000.000001", "100,000.000001"),
        ] {
            assert_eq!(d(value).to_string(), plain, "{value}");
            assert_eq!(d(value).grouped(), grouped, "{value}");
        }
        assert_eq!(
            Decimal::new(i64::MIN, 0).grouped(),
            "-9,223,372,036,854,775,808"
        );
        assert_eq!(
            Decimal::new(i64::MIN, 12).to_string(),
            "-9223372.036854775808"
        );
        assert_eq!(
            Decimal::new(-12, 30).to_string(),
            format!("-0.{}12", "0".repeat(28))
        );
        for (value, places, want) in [
            ("25", 3, "25.000"),
            ("0", 3, "0.000"),
            ("0", 0, "0"),
            ("12.3456", 2, "12.35"),
            ("-1.25", 1, "-1.3"),
            ("-0.04", 1, "0.0"),
            ("9.96", 1, "10.0"),
            ("7.5", 0, "8"),
            ("1925.04", 5, "1925.04000"),
        ] {
            assert_eq!(format!("{:.*}", places, d(value)), want, "{value} {places}");
        }
    }

    #[test]
    fn from_f64_rounds_geometry_to_fixed_places() {
        for (value, places, want) in [
            (12.3456, 2, "12.35"),
            (0.0, 3, "0.000"),
            (-0.0, 1, "0.0"),
            (100.0, 1, "100.0"),
            (-1.25, 1, "-1.3"),
            (7.6, 0, "8"),
            (-0.0004, 3, "0.000"),
            (f64::NAN, 2, "0.00"),
            (f64::INFINITY, 0, "0"),
            (1e300, 3, "9223372036854775.807"),
            (-1e300, 0, "-9223372036854775808"),
        ] {
            let got = format!(
                "{:.*}",
                usize::from(places),
                Decimal::from_f64(value, places)
            );
            assert_eq!(got, want, "{value} {places}");
        }
        // More places than the type's 12 are 12.
        assert_eq!(Decimal::from_f64(0.5, 30), d("0.5"));
    }

    /// `format!("{:.N}", Decimal::from_f64(x, N))` prints what `chart::layout::fixed` (the
    /// integer arithmetic on `f64` it replaces) printed, for the percentages of the charts'
    /// overlays, halves, NaN, the infinities and pseudo-random values: the table was written
    /// once by that function.
    #[test]
    fn from_f64_prints_as_the_chart_code_did() {
        let table = include_str!("../../tests/fixtures/numbers/fixed.tsv");
        let mut rows = 0;
        for row in table.lines() {
            let cells: Vec<&str> = row.split('\t').collect();
            let [value, places, want] = cells[..] else {
                panic!("bad row {row:?}");
            };
            let value: f64 = value.parse().unwrap();
            let places: u8 = places.parse().unwrap();
            let got = format!(
                "{:.*}",
                usize::from(places),
                Decimal::from_f64(value, places)
            );
            assert_eq!(got, want, "{value:?} at {places} places");
            rows += 1;
        }
        assert!(rows > 2000, "{rows}");
    }

    /// Properties over pseudo-random values at every scale: text parses back to the same
    /// value, grouping only adds commas, and rounding moves a value by at most half a unit of
    /// its last place.
    #[test]
    fn text_and_rounding_hold_for_any_value() {
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..5000 {
            let digits = 1 + (next() % 18) as u32;
            let m = (next() % 10u64.pow(digits)) as i64;
            let m = if next() % 3 == 0 { -m } else { m };
            let value = Decimal::new(m, (next() % 13) as u8);
            let text = value.to_string();
            assert_eq!(text.parse::<Decimal>(), Ok(value), "{text}");
            assert_eq!(value.grouped().replace(',', ""), text);
            let places = (next() % 13) as u8;
            let rounded = value.round(places);
            assert!(rounded.scale <= places, "{text} {places}");
            // |rounded - value| * 2 <= 10^-places, in units of 10^-12 (i128: no overflow).
            let units = |x: Decimal| i128::from(x.mantissa) * 10i128.pow(u32::from(12 - x.scale));
            let gap = (units(rounded) - units(value)).abs() * 2;
            assert!(gap <= 10i128.pow(u32::from(12 - places)), "{text} {places}");
            // Ties go away from zero.
            if gap == 10i128.pow(u32::from(12 - places)) {
                assert!(units(rounded).abs() > units(value).abs(), "{text} {places}");
            }
        }
    }

    #[test]
    fn orders_across_scales() {
        assert!(d("1.28") > d("1.2"));
        assert!(d("0.89") < d("1"));
        assert_eq!(d("1.50").cmp(&d("1.5")), Ordering::Equal);
    }
}
