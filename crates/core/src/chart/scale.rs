//! Scales: from data values to pixels, and the "nice" ticks that label them.
//!
//! Plain `f64` geometry (pixels do not need exact decimals), but every tick also carries its
//! exact [`Decimal`] value, so that labels go through [`crate::format`] without float
//! artefacts (`20000000`, never `19999999.999999996`).
//!
//! Nothing here panics or returns NaN, whatever the input: infinite or NaN bounds, an empty
//! series, a domain of one value, a log scale over zeros.

use crate::model::Decimal;
use crate::view::ScaleKind;

/// Largest magnitude a scale accepts; beyond it bounds are clamped so spans stay finite.
const LIMIT: f64 = 1e300;
/// Smallest positive bound a log scale accepts.
const LOG_FLOOR: f64 = 1e-300;
/// Tolerance, in steps, for a tick that lands a hair outside its domain through rounding.
const EPSILON: f64 = 1e-9;
/// More ticks than any axis could show; protects against absurd targets.
const MAX_TICKS: usize = 1000;

/// A labelled position on an axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Tick {
    /// The data value, for [`LinearScale::project`] or [`LogScale::project`].
    pub(crate) value: f64,
    /// The same value exactly, for labels; `None` only for values no [`Decimal`] can hold
    /// (beyond ±9.2 × 10^18, or finer than 10^-12).
    pub(crate) decimal: Option<Decimal>,
}

impl Tick {
    /// The tick `digits × 10^exponent`.
    #[inline]
    fn new(digits: i64, exponent: i32) -> Tick {
        Tick {
            value: times_pow10(digits as f64, exponent),
            decimal: exact(digits, exponent),
        }
    }
}

/// The smallest and largest finite values; `None` when there are none.
#[inline]
pub(crate) fn extent(values: impl IntoIterator<Item = f64>) -> Option<(f64, f64)> {
    values
        .into_iter()
        .filter(|v| v.is_finite())
        .fold(None, |acc, v| match acc {
            None => Some((v, v)),
            Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
        })
}

/// Maps values linearly from a domain onto a pixel range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct LinearScale {
    lo: f64,
    hi: f64,
    range: (f64, f64),
}

impl LinearScale {
    /// A scale over `domain` (smallest, largest) onto `range` (pixel of the smallest, pixel
    /// of the largest; reversed for a y axis that grows upwards).
    ///
    /// Bounds are made usable: non-finite ones become 0, swapped ones are put in order, and
    /// a single value `v` becomes `0..v` (bars start at zero) or `0..1` for zero.
    #[inline]
    pub(crate) fn new(domain: (f64, f64), range: (f64, f64)) -> LinearScale {
        let (lo, hi) = usable_domain(domain);
        LinearScale {
            lo,
            hi,
            range: usable_range(range),
        }
    }

    /// Like [`LinearScale::new`], with the domain widened to round numbers so that its ends
    /// are ticks.
    #[inline]
    pub(crate) fn nice(domain: (f64, f64), range: (f64, f64), target_count: usize) -> LinearScale {
        let mut scale = LinearScale::new(domain, range);
        // Twice: widening can change the step (d3 does the same).
        for _ in 0..2 {
            let step = Step::for_span(scale.hi - scale.lo, target_count);
            let lo = step.floor(scale.lo);
            let hi = step.ceil(scale.hi);
            if lo.is_finite() && hi.is_finite() && lo < hi {
                scale.lo = lo;
                scale.hi = hi;
            }
        }
        scale
    }

    /// A nice scale over a series, always including zero (every bar starts there); an empty
    /// series gives `0..1`.
    #[inline]
    pub(crate) fn for_values(
        values: impl IntoIterator<Item = f64>,
        range: (f64, f64),
        target_count: usize,
    ) -> LinearScale {
        let (lo, hi) = extent(values).unwrap_or((0.0, 1.0));
        LinearScale::nice((lo.min(0.0), hi.max(0.0)), range, target_count)
    }

    /// The pixel of `value`, clamped to the range (NaN lands on the range's start).
    #[inline]
    pub(crate) fn project(&self, value: f64) -> f64 {
        let t = (value - self.lo) / (self.hi - self.lo);
        lerp(self.range, clamp_unit(t))
    }

    /// Where bars start: zero, or the domain's end nearest to it.
    #[inline]
    pub(crate) fn baseline(&self) -> f64 {
        self.project(0.0)
    }

    /// Round-number ticks inside the domain, about `target_count` intervals apart.
    #[inline]
    pub(crate) fn ticks(&self, target_count: usize) -> Vec<Tick> {
        let step = Step::for_span(self.hi - self.lo, target_count);
        let first = (self.lo / step.size() - EPSILON).ceil();
        let last = (self.hi / step.size() + EPSILON).floor();
        // Indices must stay exact integers, and the list short.
        if !(first.abs() < 2f64.powi(52) && last.abs() < 2f64.powi(52)) || last < first {
            return endpoint_ticks(self.lo, self.hi);
        }
        let (first, last) = (first as i64, last as i64);
        if last - first >= MAX_TICKS as i64 {
            return endpoint_ticks(self.lo, self.hi);
        }
        (first..=last)
            .map(|i| match i.checked_mul(step.digits) {
                Some(digits) => Tick::new(digits, step.exponent),
                None => Tick {
                    value: i as f64 * step.size(),
                    decimal: None,
                },
            })
            .collect()
    }
}

/// Maps positive values logarithmically from a domain onto a pixel range: equal ratios,
/// equal distances. Zero and negative values sit at the range's start (the baseline).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct LogScale {
    lo: f64,
    hi: f64,
    range: (f64, f64),
}

impl LogScale {
    /// A scale over `domain` (smallest, largest) onto `range`.
    ///
    /// A log scale needs `0 < smallest < largest`: a largest bound that is not positive
    /// becomes 10; a smallest one that is not positive, or not below the largest, becomes
    /// the decade below the largest (`1.28亿` → `1亿`, `1亿` → `1000万`).
    #[inline]
    pub(crate) fn new(domain: (f64, f64), range: (f64, f64)) -> LogScale {
        let (a, b) = domain;
        let (min, max) = if a <= b { (a, b) } else { (b, a) };
        let hi = if max.is_finite() && max > 0.0 {
            max.clamp(LOG_FLOOR * 10.0, LIMIT)
        } else {
            10.0
        };
        let lo = if min.is_finite() && min > 0.0 && min < hi {
            min.max(LOG_FLOOR)
        } else {
            let decade = pow10(decade_of(hi));
            if decade < hi {
                decade
            } else {
                decade / 10.0
            }
        };
        LogScale {
            lo,
            hi,
            range: usable_range(range),
        }
    }

    /// Like [`LogScale::new`], with the smallest bound lowered to the power of ten below it
    /// and the largest raised to the next 1, 2 or 5 × 10^n (`1.1M..128M` → `1M..200M`,
    /// `1M..128M` → `100K..200M`).
    ///
    /// "Below" is strict, so that the smallest bar of a bar chart still has a length.
    #[inline]
    pub(crate) fn nice(domain: (f64, f64), range: (f64, f64)) -> LogScale {
        let scale = LogScale::new(domain, range);
        let lo = pow10(decade_of(scale.lo));
        let lo = if lo < scale.lo { lo } else { lo / 10.0 };
        let hi = nice_ceil(scale.hi);
        LogScale::new((lo, hi), range)
    }

    /// A nice scale over a series' positive values (zeros and negatives are drawn at the
    /// baseline); with no positive value at all, `1..10`.
    #[inline]
    pub(crate) fn for_values(values: impl IntoIterator<Item = f64>, range: (f64, f64)) -> LogScale {
        let positive = extent(values.into_iter().filter(|v| *v > 0.0));
        match positive {
            Some(domain) => LogScale::nice(domain, range),
            None => LogScale::new((1.0, 10.0), range),
        }
    }

    /// The pixel of `value`, clamped to the range; zero, negative and NaN values land on the
    /// range's start.
    #[inline]
    pub(crate) fn project(&self, value: f64) -> f64 {
        if value.is_nan() || value <= 0.0 {
            return self.range.0;
        }
        let (lo, hi) = (self.lo.log10(), self.hi.log10());
        let t = (value.log10() - lo) / (hi - lo);
        lerp(self.range, clamp_unit(t))
    }

    /// Where bars start: the range's start (a log scale has no zero).
    #[inline]
    pub(crate) fn baseline(&self) -> f64 {
        self.range.0
    }

    /// Ticks inside the domain: 1, 2 and 5 × 10^n when about `target_count` of them fit,
    /// else powers of ten, else every second (third …) power of ten.
    #[inline]
    pub(crate) fn ticks(&self, target_count: usize) -> Vec<Tick> {
        let target = target_count.max(1);
        let first = decade_of(self.lo);
        let last = decade_of(self.hi);
        let inside =
            |t: &Tick| t.value >= self.lo * (1.0 - EPSILON) && t.value <= self.hi * (1.0 + EPSILON);
        let with_halves: Vec<Tick> = (first..=last)
            .flat_map(|e| [1, 2, 5].map(|m| Tick::new(m, e)))
            .filter(inside)
            .collect();
        if with_halves.len() <= target + 1 {
            return with_halves;
        }
        let decades = usize::try_from(last - first + 1).unwrap_or(usize::MAX);
        let every = decades.div_ceil(target).max(1) as i32;
        (first..=last)
            .filter(|e| e.rem_euclid(every) == 0)
            .map(|e| Tick::new(1, e))
            .filter(inside)
            .collect()
    }
}

/// A linear or a log scale, as the reader's [`ScaleKind`] switch chooses.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Scale {
    /// See [`LinearScale`].
    Linear(LinearScale),
    /// See [`LogScale`].
    Log(LogScale),
}

impl Scale {
    /// A nice scale of `kind` over a series (see [`LinearScale::for_values`] and
    /// [`LogScale::for_values`]).
    #[inline]
    pub(crate) fn for_values(
        kind: ScaleKind,
        values: &[f64],
        range: (f64, f64),
        target_count: usize,
    ) -> Scale {
        let values = values.iter().copied();
        match kind {
            ScaleKind::Linear => {
                Scale::Linear(LinearScale::for_values(values, range, target_count))
            }
            ScaleKind::Log => Scale::Log(LogScale::for_values(values, range)),
        }
    }

    /// The pixel of `value`, clamped to the range.
    #[inline]
    pub(crate) fn project(&self, value: f64) -> f64 {
        match self {
            Scale::Linear(s) => s.project(value),
            Scale::Log(s) => s.project(value),
        }
    }

    /// Where bars start.
    #[inline]
    pub(crate) fn baseline(&self) -> f64 {
        match self {
            Scale::Linear(s) => s.baseline(),
            Scale::Log(s) => s.baseline(),
        }
    }

    /// About `target_count` ticks inside the domain.
    #[inline]
    pub(crate) fn ticks(&self, target_count: usize) -> Vec<Tick> {
        match self {
            Scale::Linear(s) => s.ticks(target_count),
            Scale::Log(s) => s.ticks(target_count),
        }
    }
}

/// A tick step: `digits × 10^exponent` with digits 1, 2 or 5.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Step {
    digits: i64,
    exponent: i32,
}

impl Step {
    /// The 1-2-5 step nearest (geometrically) to `span / target_count`.
    #[inline]
    fn for_span(span: f64, target_count: usize) -> Step {
        let raw = span / target_count.max(1) as f64;
        if !(raw.is_finite() && raw > 0.0) {
            return Step {
                digits: 1,
                exponent: 0,
            };
        }
        let exponent = decade_of(raw);
        let ratio = raw / pow10(exponent);
        // Thresholds at the geometric means of 1-2, 2-5 and 5-10, as d3 does.
        let (digits, exponent) = if ratio >= 50f64.sqrt() {
            (1, exponent + 1)
        } else if ratio >= 10f64.sqrt() {
            (5, exponent)
        } else if ratio >= 2f64.sqrt() {
            (2, exponent)
        } else {
            (1, exponent)
        };
        Step { digits, exponent }
    }

    #[inline]
    fn size(self) -> f64 {
        times_pow10(self.digits as f64, self.exponent)
    }

    /// The largest multiple of the step at or below `v`.
    #[inline]
    fn floor(self, v: f64) -> f64 {
        self.multiple((v / self.size() + EPSILON).floor())
    }

    /// The smallest multiple of the step at or above `v`.
    #[inline]
    fn ceil(self, v: f64) -> f64 {
        self.multiple((v / self.size() - EPSILON).ceil())
    }

    /// `index × step`, computed so that round numbers come out exactly.
    #[inline]
    fn multiple(self, index: f64) -> f64 {
        times_pow10(index * self.digits as f64, self.exponent)
    }
}

/// `n` such that `10^n <= v < 10^(n+1)`, for positive finite `v`; 0 otherwise.
#[inline]
fn decade_of(v: f64) -> i32 {
    if !(v.is_finite() && v > 0.0) {
        return 0;
    }
    let mut n = v.log10().floor() as i32;
    // log10 may be off by one ulp at exact powers of ten.
    if pow10(n) > v {
        n -= 1;
    } else if pow10(n + 1) <= v {
        n += 1;
    }
    n
}

/// The smallest 1, 2 or 5 × 10^n at or above positive `v`.
#[inline]
fn nice_ceil(v: f64) -> f64 {
    let n = decade_of(v);
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| times_pow10(m, n))
        .find(|c| *c >= v * (1.0 - EPSILON))
        .unwrap_or(v)
}

/// `10^n`.
#[inline]
fn pow10(n: i32) -> f64 {
    times_pow10(1.0, n)
}

/// `x × 10^n`, dividing for negative `n` so that `3 × 10^-1` is exactly the double nearest
/// 0.3 (multiplying by 0.1 is not).
#[inline]
fn times_pow10(x: f64, n: i32) -> f64 {
    if n >= 0 {
        x * 10f64.powi(n)
    } else {
        x / 10f64.powi(n.saturating_neg())
    }
}

/// `digits × 10^exponent` as a [`Decimal`], when one can hold it.
#[inline]
fn exact(digits: i64, exponent: i32) -> Option<Decimal> {
    if exponent >= 0 {
        let factor = 10i64.checked_pow(u32::try_from(exponent).ok()?)?;
        Some(Decimal::from_int(digits.checked_mul(factor)?))
    } else {
        let scale = u8::try_from(exponent.unsigned_abs()).ok()?;
        // Decimal's own limit: 12 places.
        (scale <= 12).then(|| Decimal::new(digits, scale))
    }
}

/// The domain's ends as ticks: the fallback when round ticks cannot be counted.
#[inline]
fn endpoint_ticks(lo: f64, hi: f64) -> Vec<Tick> {
    vec![
        Tick {
            value: lo,
            decimal: None,
        },
        Tick {
            value: hi,
            decimal: None,
        },
    ]
}

#[inline]
fn usable_domain((a, b): (f64, f64)) -> (f64, f64) {
    let finite = |v: f64| {
        if v.is_finite() {
            v.clamp(-LIMIT, LIMIT)
        } else {
            0.0
        }
    };
    let (a, b) = (finite(a), finite(b));
    let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
    if lo < hi {
        (lo, hi)
    } else if lo > 0.0 {
        (0.0, lo)
    } else if lo < 0.0 {
        (lo, 0.0)
    } else {
        (0.0, 1.0)
    }
}

#[inline]
fn usable_range((a, b): (f64, f64)) -> (f64, f64) {
    let finite = |v: f64| if v.is_finite() { v } else { 0.0 };
    (finite(a), finite(b))
}

/// Clamps to `0..=1`; NaN becomes 0.
#[inline]
fn clamp_unit(t: f64) -> f64 {
    if t.is_nan() {
        0.0
    } else {
        t.clamp(0.0, 1.0)
    }
}

#[inline]
fn lerp((a, b): (f64, f64), t: f64) -> f64 {
    a + t * (b - a)
}

#[cfg(test)]
mod tests {
    use super::*;

    // What the tests read of a scale; the charts only project values and draw ticks.

    /// Ticks at round numbers (1, 2 or 5 times a power of ten) covering `min..=max`: the first
    /// at or below `min`, the last at or above `max`, about `target_count` intervals apart.
    fn nice_ticks(min: f64, max: f64, target_count: usize) -> Vec<Tick> {
        let scale = LinearScale::nice((min, max), (0.0, 1.0), target_count);
        scale.ticks(target_count)
    }

    impl LinearScale {
        /// The smallest and largest value shown.
        fn domain(&self) -> (f64, f64) {
            (self.lo, self.hi)
        }

        /// Pixels of the smallest and largest value.
        fn range(&self) -> (f64, f64) {
            self.range
        }

        /// The value at pixel `px`, clamped to the domain.
        fn invert(&self, px: f64) -> f64 {
            let t = unlerp(self.range, px);
            self.lo + clamp_unit(t) * (self.hi - self.lo)
        }
    }

    impl LogScale {
        /// The smallest and largest value shown (both positive).
        fn domain(&self) -> (f64, f64) {
            (self.lo, self.hi)
        }

        /// Pixels of the smallest and largest value.
        fn range(&self) -> (f64, f64) {
            self.range
        }

        /// The value at pixel `px`, clamped to the domain.
        fn invert(&self, px: f64) -> f64 {
            let t = clamp_unit(unlerp(self.range, px));
            let (lo, hi) = (self.lo.log10(), self.hi.log10());
            10f64.powf(lo + t * (hi - lo)).clamp(self.lo, self.hi)
        }
    }

    impl Scale {
        /// Which kind this is.
        fn kind(&self) -> ScaleKind {
            match self {
                Scale::Linear(_) => ScaleKind::Linear,
                Scale::Log(_) => ScaleKind::Log,
            }
        }

        /// The smallest and largest value shown.
        fn domain(&self) -> (f64, f64) {
            match self {
                Scale::Linear(s) => s.domain(),
                Scale::Log(s) => s.domain(),
            }
        }

        /// Pixels of the smallest and largest value.
        fn range(&self) -> (f64, f64) {
            match self {
                Scale::Linear(s) => s.range(),
                Scale::Log(s) => s.range(),
            }
        }

        /// The value at pixel `px`, clamped to the domain.
        fn invert(&self, px: f64) -> f64 {
            match self {
                Scale::Linear(s) => s.invert(px),
                Scale::Log(s) => s.invert(px),
            }
        }
    }

    /// Where `px` lies between `a` and `b` (0 at `a`, 1 at `b`); 0 for an empty range.
    fn unlerp((a, b): (f64, f64), px: f64) -> f64 {
        if a == b {
            0.0
        } else {
            (px - a) / (b - a)
        }
    }

    fn values(ticks: &[Tick]) -> Vec<f64> {
        ticks.iter().map(|t| t.value).collect()
    }

    fn labels(ticks: &[Tick]) -> Vec<String> {
        ticks
            .iter()
            .map(|t| t.decimal.map_or_else(|| "?".to_owned(), |d| d.to_string()))
            .collect()
    }

    #[track_caller]
    fn assert_close(got: f64, want: f64) {
        assert!(
            (got - want).abs() <= 1e-9 * want.abs().max(1.0),
            "got {got}, want {want}"
        );
    }

    #[track_caller]
    fn assert_sane(ticks: &[Tick]) {
        assert!(!ticks.is_empty(), "no ticks");
        assert!(ticks.len() <= MAX_TICKS + 1, "{} ticks", ticks.len());
        for pair in ticks.windows(2) {
            assert!(pair[0].value < pair[1].value, "not increasing: {ticks:?}");
        }
        assert!(ticks.iter().all(|t| t.value.is_finite()), "{ticks:?}");
    }

    #[test]
    fn scale_kind_round_trips_through_its_name() {
        for kind in ScaleKind::ALL {
            assert_eq!(ScaleKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(ScaleKind::default(), ScaleKind::Linear);
        for junk in ["", "LOG", "cubic", "log "] {
            assert_eq!(ScaleKind::parse(junk), None, "{junk:?}");
        }
    }

    #[test]
    fn nice_ticks_use_1_2_5_steps() {
        for (min, max, target, want) in [
            (
                0.0,
                128_000_000.0,
                5,
                &[
                    "0",
                    "20000000",
                    "40000000",
                    "60000000",
                    "80000000",
                    "100000000",
                    "120000000",
                    "140000000",
                ][..],
            ),
            (
                0.0,
                128_000_000.0,
                3,
                &["0", "50000000", "100000000", "150000000"][..],
            ),
            (
                0.0,
                5222.0,
                5,
                &["0", "1000", "2000", "3000", "4000", "5000", "6000"][..],
            ),
            (0.0, 127.0, 4, &["0", "50", "100", "150"][..]),
            (0.0, 0.89, 4, &["0", "0.2", "0.4", "0.6", "0.8", "1"][..]),
            (0.1, 0.3, 2, &["0.1", "0.2", "0.3"][..]),
            (-3.0, 7.0, 5, &["-4", "-2", "0", "2", "4", "6", "8"][..]),
            (
                1_000_000.0,
                1_100_000.0,
                2,
                &["1000000", "1050000", "1100000"][..],
            ),
        ] {
            let ticks = nice_ticks(min, max, target);
            assert_sane(&ticks);
            assert_eq!(labels(&ticks), want, "({min}, {max}, {target})");
            let first = ticks.first().map_or(f64::NAN, |t| t.value);
            let last = ticks.last().map_or(f64::NAN, |t| t.value);
            assert!(
                first <= min && last >= max,
                "({min}, {max}): {first}..{last}"
            );
        }
    }

    #[test]
    fn tick_values_are_the_doubles_nearest_their_decimals() {
        // 0.1 × 3 is 0.30000000000000004; a tick must be exactly 0.3.
        let ticks = nice_ticks(0.0, 1.0, 10);
        assert_eq!(ticks[3].value, 0.3);
        assert_eq!(ticks[7].value, 0.7);
        for t in &ticks {
            let d = t.decimal.map(|d| d.to_string());
            assert_eq!(d, Some(t.value.to_string()), "{t:?}");
        }
    }

    #[test]
    fn nice_domain_ends_on_ticks() {
        let s = LinearScale::nice((0.0, 128_000_000.0), (300.0, 0.0), 5);
        assert_eq!(s.domain(), (0.0, 140_000_000.0));
        assert_eq!(s.range(), (300.0, 0.0));
        let s = LinearScale::nice((3.0, 97.0), (0.0, 100.0), 5);
        assert_eq!(s.domain(), (0.0, 100.0));
    }

    #[test]
    fn linear_projection_is_monotonic_and_clamped() {
        let s = LinearScale::new((0.0, 100.0), (0.0, 200.0));
        for (value, px) in [
            (0.0, 0.0),
            (50.0, 100.0),
            (100.0, 200.0),
            (25.0, 50.0),
            (-10.0, 0.0),
            (1e9, 200.0),
            (f64::NAN, 0.0),
            (f64::INFINITY, 200.0),
            (f64::NEG_INFINITY, 0.0),
        ] {
            assert_eq!(s.project(value), px, "{value}");
        }
        let upwards = LinearScale::new((0.0, 100.0), (300.0, 0.0));
        let pixels: Vec<f64> = (0..=100).map(|v| upwards.project(f64::from(v))).collect();
        assert!(pixels.windows(2).all(|w| w[0] > w[1]));
        assert_eq!(upwards.baseline(), 300.0);
        assert_close(upwards.invert(150.0), 50.0);
        assert_eq!(upwards.invert(-40.0), 100.0);
    }

    #[test]
    fn degenerate_linear_domains_stay_finite() {
        for (domain, want) in [
            ((5.0, 5.0), (0.0, 5.0)),
            ((-5.0, -5.0), (-5.0, 0.0)),
            ((0.0, 0.0), (0.0, 1.0)),
            ((10.0, 0.0), (0.0, 10.0)),
            ((f64::NAN, f64::NAN), (0.0, 1.0)),
            ((f64::NEG_INFINITY, f64::INFINITY), (0.0, 1.0)),
            ((f64::NAN, 8.0), (0.0, 8.0)),
        ] {
            let s = LinearScale::new(domain, (0.0, 100.0));
            assert_eq!(s.domain(), want, "{domain:?}");
            for v in [-1.0, 0.0, 1.0, 7.0, f64::NAN] {
                assert!(s.project(v).is_finite(), "{domain:?} {v}");
            }
            assert_sane(&s.ticks(5));
        }
        for (min, max) in [
            (-f64::MAX, f64::MAX),
            (0.0, f64::MIN_POSITIVE),
            (1e20, 1e20 + 1e5),
        ] {
            let s = LinearScale::nice((min, max), (0.0, 100.0), 5);
            let (lo, hi) = s.domain();
            assert!(lo.is_finite() && hi.is_finite() && lo < hi, "{min} {max}");
            assert_sane(&s.ticks(5));
            assert_sane(&nice_ticks(min, max, 0));
            assert!(s.project(max).is_finite());
        }
    }

    #[test]
    fn empty_series_get_a_usable_scale() {
        let s = LinearScale::for_values([], (0.0, 100.0), 5);
        assert_eq!(s.domain(), (0.0, 1.0));
        let s = LinearScale::for_values([f64::NAN], (0.0, 100.0), 5);
        assert_eq!(s.domain(), (0.0, 1.0));
        let s = LogScale::for_values([], (0.0, 100.0));
        assert_eq!(s.domain(), (1.0, 10.0));
        let s = LogScale::for_values([0.0, -4.0], (0.0, 100.0));
        assert_eq!(s.domain(), (1.0, 10.0));
        assert_eq!(extent([]), None);
        assert_eq!(extent([3.0, f64::NAN, -1.0]), Some((-1.0, 3.0)));
    }

    #[test]
    fn linear_scale_over_a_series_starts_at_zero() {
        let money = [
            19_250_400.0,
            27_918_600.0,
            128_000_000.0,
            1_100_000.0,
            1_000_000.0,
        ];
        let s = LinearScale::for_values(money, (0.0, 300.0), 5);
        assert_eq!(s.domain(), (0.0, 140_000_000.0));
        assert_eq!(s.baseline(), 0.0);
    }

    #[test]
    fn log_ticks_for_the_money_chart() {
        let s = LogScale::nice((1_000_000.0, 128_000_000.0), (0.0, 300.0));
        assert_eq!(s.domain(), (100_000.0, 200_000_000.0));
        for (target, want) in [
            (
                12,
                &[
                    "100000",
                    "200000",
                    "500000",
                    "1000000",
                    "2000000",
                    "5000000",
                    "10000000",
                    "20000000",
                    "50000000",
                    "100000000",
                    "200000000",
                ][..],
            ),
            (5, &["100000", "1000000", "10000000", "100000000"][..]),
            (2, &["1000000", "100000000"][..]),
        ] {
            let ticks = s.ticks(target);
            assert_sane(&ticks);
            assert_eq!(labels(&ticks), want, "target {target}");
        }
        let s = LogScale::nice((1_100_000.0, 128_000_000.0), (0.0, 300.0));
        let ticks = s.ticks(10);
        assert_eq!(
            labels(&ticks),
            [
                "1000000",
                "2000000",
                "5000000",
                "10000000",
                "20000000",
                "50000000",
                "100000000",
                "200000000"
            ]
        );
    }

    #[test]
    fn log_domain_starts_a_power_of_ten_below_the_minimum() {
        for (domain, want) in [
            ((1_100_000.0, 128_000_000.0), (1_000_000.0, 200_000_000.0)),
            // Strictly below, so that the smallest bar keeps a length.
            ((1_000_000.0, 128_000_000.0), (100_000.0, 200_000_000.0)),
            ((3000.0, 128_000_000.0), (1000.0, 200_000_000.0)),
            ((0.89, 127.0), (0.1, 200.0)),
            ((0.05, 0.4), (0.01, 0.5)),
            ((100.0, 1000.0), (10.0, 1000.0)),
            // No positive lower bound: a decade below the upper one, then a power of ten below.
            ((0.0, 128_000_000.0), (10_000_000.0, 200_000_000.0)),
            ((-5.0, 100.0), (1.0, 100.0)),
            // One value.
            ((100.0, 100.0), (1.0, 100.0)),
            ((0.0, 0.0), (0.1, 10.0)),
            ((f64::NAN, f64::INFINITY), (0.1, 10.0)),
        ] {
            let s = LogScale::nice(domain, (0.0, 100.0));
            let (lo, hi) = s.domain();
            assert_close(lo, want.0);
            assert_close(hi, want.1);
        }
        let ticks = LogScale::nice((0.89, 127.0), (0.0, 100.0)).ticks(5);
        assert_eq!(labels(&ticks), ["0.1", "1", "10", "100"]);
    }

    #[test]
    fn log_scale_over_a_series_skips_zeros() {
        let s = LogScale::for_values([0.0, 1_100_000.0, 128_000_000.0], (300.0, 0.0));
        assert_eq!(s.domain(), (1_000_000.0, 200_000_000.0));
        let s = LogScale::for_values([], (300.0, 0.0));
        assert_eq!(s.domain(), (1.0, 10.0));
        assert_eq!(s.project(0.0), 300.0);
        assert_eq!(s.baseline(), 300.0);
    }

    #[test]
    fn log_projection_is_monotonic_and_clamped() {
        let s = LogScale::new((1.0, 1000.0), (0.0, 300.0));
        for (value, px) in [
            (1.0, 0.0),
            (10.0, 100.0),
            (100.0, 200.0),
            (1000.0, 300.0),
            (0.5, 0.0),
            (0.0, 0.0),
            (-1.0, 0.0),
            (f64::NAN, 0.0),
            (1e9, 300.0),
            (f64::INFINITY, 300.0),
        ] {
            assert_close(s.project(value), px);
        }
        let pixels: Vec<f64> = (1..=1000).map(|v| s.project(f64::from(v))).collect();
        assert!(pixels.windows(2).all(|w| w[0] < w[1]));
        assert_close(s.invert(200.0), 100.0);
        assert_eq!(s.invert(-5.0), 1.0);
    }

    #[test]
    fn wide_log_domains_thin_their_ticks() {
        let s = LogScale::new((1e-6, 1e12), (0.0, 100.0));
        let ticks = s.ticks(5);
        assert_sane(&ticks);
        assert!(ticks.len() <= 6, "{:?}", values(&ticks));
        let s = LogScale::new((LOG_FLOOR / 10.0, f64::MAX), (0.0, 100.0));
        assert_sane(&s.ticks(5));
        assert_sane(&s.ticks(0));
    }

    #[test]
    fn either_scale_through_one_type() {
        let money = [19_250_400.0, 128_000_000.0, 1_000_000.0];
        let linear = Scale::for_values(ScaleKind::Linear, &money, (300.0, 0.0), 5);
        let log = Scale::for_values(ScaleKind::Log, &money, (300.0, 0.0), 5);
        assert_eq!(linear.kind(), ScaleKind::Linear);
        assert_eq!(log.kind(), ScaleKind::Log);
        assert_eq!(linear.domain(), (0.0, 140_000_000.0));
        assert_eq!(log.domain(), (100_000.0, 200_000_000.0));
        assert_eq!(log.range(), (300.0, 0.0));
        // The smallest bar (100万元) is a sliver on the linear scale, a third of the log one.
        let small_linear = linear.baseline() - linear.project(1_000_000.0);
        let small_log = log.baseline() - log.project(1_000_000.0);
        assert!(small_linear < 3.0, "{small_linear}");
        assert!(small_log > 90.0, "{small_log}");
        assert_close(log.invert(log.project(19_250_400.0)), 19_250_400.0);
        assert_eq!(linear.ticks(5).len(), 8);
        assert_eq!(log.ticks(5).len(), 4);
    }

    /// The example the module's docs once carried.
    #[test]
    fn the_module_example_money_axis() {
        use crate::chart::scale::LinearScale;
        // Money by programme, 0 to 1.28亿 yuan, on a 300 px tall axis drawn upwards.
        let y = LinearScale::nice((0.0, 128_000_000.0), (300.0, 0.0), 5);
        assert_eq!(y.domain(), (0.0, 140_000_000.0));
        assert_eq!(y.project(70_000_000.0), 150.0);
        let ticks: Vec<f64> = y.ticks(5).iter().map(|t| t.value).collect();
        assert_eq!(ticks[1], 20_000_000.0);
    }
}
