//! An exact decimal number, so that `1925.04` never prints as `1925.0400000001`.

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

    /// The digits, without the decimal point.
    #[inline]
    pub(crate) fn mantissa(self) -> i64 {
        self.mantissa
    }

    /// Digits after the decimal point.
    #[inline]
    pub(crate) fn scale(self) -> u8 {
        self.scale
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

    /// `self × other` exactly; `None` on overflow or beyond 12 digits after the point (for
    /// the validator's derived figures, feature `pipeline`).
    #[cfg(feature = "pipeline")]
    #[inline]
    pub(crate) fn checked_mul(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.checked_add(other.scale)?;
        let mantissa = self.mantissa.checked_mul(other.mantissa)?;
        (scale <= MAX_SCALE).then(|| Decimal::new(mantissa, scale))
    }

    /// Rounds half away from zero to `digits` places after the point.
    #[inline]
    pub fn round(self, digits: u8) -> Decimal {
        if self.scale <= digits {
            return self;
        }
        let drop = 10i64.pow(u32::from(self.scale - digits));
        let q = self.mantissa / drop;
        let r = self.mantissa % drop;
        let q = if r.abs() * 2 >= drop {
            q + self.mantissa.signum()
        } else {
            q
        };
        Decimal::new(q, digits)
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

    /// Converts to `f64` for drawing (never for display).
    #[inline]
    pub(crate) fn to_f64(self) -> f64 {
        self.mantissa as f64 / 10f64.powi(i32::from(self.scale))
    }

    /// The integer part and the fraction digits as text (`"1925"`, `"04"`).
    #[inline]
    pub(crate) fn split(self) -> (i64, String) {
        let p = 10i64.pow(u32::from(self.scale));
        let int = self.mantissa / p;
        let frac = (self.mantissa % p).abs();
        let frac = if self.scale == 0 {
            String::new()
        } else {
            format!("{:0width$}", frac, width = usize::from(self.scale))
        };
        (int, frac)
    }
}

impl fmt::Display for Decimal {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (int, frac) = self.split();
        if self.mantissa < 0 && int == 0 {
            f.write_str("-")?;
        }
        write!(f, "{int}")?;
        if !frac.is_empty() {
            write!(f, ".{frac}")?;
        }
        Ok(())
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
    fn orders_across_scales() {
        assert!(d("1.28") > d("1.2"));
        assert!(d("0.89") < d("1"));
        assert_eq!(d("1.50").cmp(&d("1.5")), Ordering::Equal);
    }
}
