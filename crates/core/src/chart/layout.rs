//! Chart geometry: where every bar, label, tick and touch target goes, for a given width,
//! language and scale. The value axis is plotters' (its linear or logarithmic coordinate,
//! its key points for ticks); what plotters cannot do is here: labels wrapped to the width
//! (CJK included), exact tick labels that do not overlap, and 44 px touch targets.
//!
//! Every chart is a horizontal bar chart, which reads well on a narrow phone: each group's
//! label sits on its own lines above its bars (wrapped to the width, so long Chinese or
//! English labels never collide), every bar carries its value as a direct label just past
//! its end, and the value axis with its ticks runs along the bottom. Each bar has a touch
//! target of the chart's full width and at least 44 px high. Pixels are whole.
//!
//! ```
//! use zezhou_core::chart::layout::layout;
//! use zezhou_core::view::ScaleKind;
//! use zezhou_core::chart::spec::{ChartData, ChartKind};
//! use zezhou_core::data::story;
//! use zezhou_core::model::Lang;
//!
//! let data = ChartData::of(ChartKind::Money, story());
//! let chart = layout(&data, 320.0, Lang::ZhHans, ScaleKind::Log);
//! assert_eq!(chart.marks.len(), 4);
//! assert!(chart.marks.iter().all(|m| m.hit.h >= 44.0 && m.hit.right() <= 320.0));
//! ```

use super::measure::{text_width, wrap};
use super::spec::{ChartData, ChartKind, Datum, Series};
use super::strings::{axis_title, chart_strings, log_axis_title};
use crate::format;
use crate::model::{Decimal, Lang, Unit};
use crate::view::ScaleKind;
use plotters::coord::ranged1d::{BoldPoints, KeyPointHint, NoDefaultFormatting};
use plotters::coord::types::{RangedCoordf64, RangedCoordi32};
use plotters::prelude::{Cartesian2d, CoordTranslate, IntoLogRange, LogCoord, Ranged};
use std::ops::Range;

/// Font sizes in pixels.
pub(crate) const GROUP_FONT: f64 = 14.0;
pub(crate) const VALUE_FONT: f64 = 13.0;
pub(crate) const TICK_FONT: f64 = 12.0;

/// The narrowest chart laid out; a narrower container scrolls nothing, it scales the SVG.
/// Large text lays a chart out this narrow: a 320 px phone's chart at 1.5 times its text
/// (长辈模式) is laid out at about 170 px and drawn 1.5 times as large.
pub(crate) const MIN_WIDTH: f64 = 168.0;
/// Height of one line of a group label.
const LINE_H: i32 = 20;
/// Height of one bar's row: the touch target's minimum.
pub(crate) const ROW_H: i32 = 44;
/// Thickness of a bar.
const BAR_H: i32 = 24;
/// Space between groups.
const GROUP_GAP: i32 = 12;
/// Space between a bar's end and its value label.
const LABEL_GAP: i32 = 6;
const TOP_PAD: i32 = 4;
/// Height of the band above the plot for the reference line's label.
const REFERENCE_BAND: i32 = 22;
const TICK_GAP: i32 = 4;
const TICK_BAND: i32 = 18;
const TITLE_BAND: i32 = 20;
/// Least horizontal space between two tick labels.
const TICK_SPACING: f64 = 8.0;

/// An axis-aligned rectangle in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    #[inline]
    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    #[inline]
    pub(crate) fn bottom(&self) -> f64 {
        self.y + self.h
    }

    /// True when the point is inside (left and top edges included, right and bottom not,
    /// so neighbouring rows never both claim a point).
    #[inline]
    pub(crate) fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x && x < self.right() && y >= self.y && y < self.bottom()
    }

    /// This rectangle inside a `width` × `height` box, as the CSS `inset` of an absolutely
    /// positioned overlay, in percentages (so it follows the picture when it scales).
    #[inline]
    pub fn inset_percent(&self, width: f64, height: f64) -> String {
        let pct =
            |part: f64, whole: f64| format!("{:.3}", Decimal::from_f64(part / whole * 100.0, 3));
        format!(
            "{}% {}% {}% {}%",
            pct(self.y, height),
            pct(width - self.right(), width),
            pct(height - self.bottom(), height),
            pct(self.x, width)
        )
    }
}

/// Horizontal alignment of a text at its point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Anchor {
    Start,
    Middle,
    End,
}

/// What a text is, which decides its size, colour and weight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TextRole {
    /// A group's label (one line of it).
    Group,
    /// A bar's value.
    Value,
    /// A tick's value.
    Tick,
    /// What the value axis measures.
    AxisTitle,
    /// The reference line's label.
    Reference,
}

/// A single line of text; `y` is its vertical middle.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct TextItem {
    pub(crate) text: String,
    pub(crate) x: i32,
    pub(crate) y: i32,
    pub(crate) anchor: Anchor,
    pub(crate) role: TextRole,
}

impl TextItem {
    /// Font size in pixels.
    #[inline]
    pub(crate) fn size(&self) -> f64 {
        match self.role {
            TextRole::Group => GROUP_FONT,
            TextRole::Value => VALUE_FONT,
            TextRole::Tick | TextRole::AxisTitle | TextRole::Reference => TICK_FONT,
        }
    }

    /// Estimated left and right edges.
    #[inline]
    pub(crate) fn span(&self) -> (f64, f64) {
        let (x, w) = (f64::from(self.x), text_width(&self.text, self.size()));
        match self.anchor {
            Anchor::Start => (x, x + w),
            Anchor::Middle => (x - w / 2.0, x + w / 2.0),
            Anchor::End => (x - w, x),
        }
    }
}

/// One bar and what it answers to: its rectangle, its value label, its touch target.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// The value it stands for.
    pub(crate) value: f64,
    pub rect: Rect,
    pub(crate) series: Series,
    /// Where a tap, click or hover selects it: the chart's full width, its row (and its
    /// group's label, for a group's first bar); never less than `ROW_H` high.
    pub hit: Rect,
}

/// Everything a chart draws, for one width, language and scale.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    /// The scale actually used (the money chart follows the reader's switch; the others are
    /// linear).
    pub(crate) scale: ScaleKind,
    /// The value axis' domain, and the pixels it spans.
    pub(crate) domain: (f64, f64),
    pub(crate) plot: (i32, i32),
    /// Where the value axis runs.
    pub(crate) plot_bottom: i32,
    /// The vertical extent of each group's bars: gridlines run there, never through labels.
    pub(crate) blocks: Vec<(i32, i32)>,
    /// Where gridlines go, in values.
    pub(crate) ticks: Vec<f64>,
    /// The 100 % line's value, for the achieved chart.
    pub(crate) reference: Option<f64>,
    pub marks: Vec<Mark>,
    pub(crate) texts: Vec<TextItem>,
}

impl Layout {
    /// The mark whose touch target holds the point, if any.
    #[inline]
    pub fn mark_at(&self, x: f64, y: f64) -> Option<usize> {
        self.marks.iter().position(|m| m.hit.contains(x, y))
    }

    /// The chart's coordinate system: plotters' cartesian coordinates of the value axis
    /// across and pixels down.
    #[inline]
    pub(crate) fn coord(&self) -> Cartesian2d<Axis, RangedCoordi32> {
        let h = self.height as i32;
        let axis = Axis::new(self.scale, self.domain);
        Cartesian2d::new(axis, 0..h, (self.plot.0..self.plot.1, 0..h))
    }
}

/// The value axis: plotters' linear or logarithmic coordinate, as the reader's switch says.
pub(crate) enum Axis {
    Linear(RangedCoordf64),
    Log(LogCoord<f64>),
}

impl Axis {
    #[inline]
    fn new(kind: ScaleKind, (lo, hi): (f64, f64)) -> Axis {
        match kind {
            ScaleKind::Linear => Axis::Linear((lo..hi).into()),
            ScaleKind::Log => Axis::Log((lo..hi).log_scale().into()),
        }
    }
}

impl Ranged for Axis {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;

    #[inline]
    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        match self {
            Axis::Linear(a) => a.map(value, limit),
            Axis::Log(a) => a.map(value, limit),
        }
    }

    #[inline]
    fn key_points<H: KeyPointHint>(&self, hint: H) -> Vec<f64> {
        match self {
            Axis::Linear(a) => a.key_points(hint),
            Axis::Log(a) => a.key_points(hint),
        }
    }

    #[inline]
    fn range(&self) -> Range<f64> {
        match self {
            Axis::Linear(a) => a.range(),
            Axis::Log(a) => a.range(),
        }
    }
}

/// Lays out `data` at `width` pixels (at least `MIN_WIDTH`) in `lang`; `scale` applies to
/// the money chart only.
#[inline]
pub fn layout(data: &ChartData, width: f64, lang: Lang, scale: ScaleKind) -> Layout {
    let width = width.max(MIN_WIDTH).floor();
    let scale = match data.kind {
        ChartKind::Money => scale,
        _ => ScaleKind::Linear,
    };
    let labels: Vec<String> = data.bars().map(|d| value_label(d, lang)).collect();
    // Room for the longest value label right of the longest bar.
    let reserve = labels
        .iter()
        .map(|l| text_width(l, VALUE_FONT))
        .fold(0.0, f64::max)
        + f64::from(LABEL_GAP)
        + 2.0;
    let plot = (1, (width - reserve).max(width * 0.5) as i32);
    let reference = data.kind.reference().map(Decimal::to_f64);

    let mut texts = Vec::new();
    let mut marks = Vec::new();
    let mut blocks = Vec::new();
    let mut y = TOP_PAD
        + if reference.is_some() {
            REFERENCE_BAND
        } else {
            0
        };
    for group in &data.groups {
        let group_top = y;
        for line in wrap(group.label.get(lang), GROUP_FONT, width) {
            texts.push(text(
                line,
                0,
                y + LINE_H / 2,
                Anchor::Start,
                TextRole::Group,
            ));
            y += LINE_H;
        }
        let block_top = y;
        for (b, datum) in group.bars.iter().enumerate() {
            let hit_top = if b == 0 { group_top } else { y };
            marks.push(Mark {
                value: datum.figure.value.to_f64(),
                rect: rect(0, y + (ROW_H - BAR_H) / 2, 0, BAR_H),
                series: datum.series,
                hit: rect(0, hit_top, width as i32, y + ROW_H - hit_top),
            });
            y += ROW_H;
        }
        blocks.push((block_top, y));
        y += GROUP_GAP;
    }
    let plot_bottom = y - GROUP_GAP;

    // The value axis: as many ticks as fit without their labels touching.
    let max = marks
        .iter()
        .map(|m| m.value)
        .chain(reference)
        .fold(0.0, f64::max);
    let min = marks.iter().map(|m| m.value).fold(max, f64::min);
    let tick_y = plot_bottom + TICK_GAP + TICK_BAND / 2;
    let (domain, ticks) = axis(
        scale,
        (min, max),
        plot,
        width,
        data.kind.unit(),
        lang,
        tick_y,
    );
    let title_y = tick_y + TICK_BAND / 2 + TITLE_BAND / 2;
    let mut layout = Layout {
        width,
        height: f64::from(title_y + TITLE_BAND / 2 + TOP_PAD),
        scale,
        domain,
        plot,
        plot_bottom,
        blocks,
        ticks: ticks.iter().map(|(v, _)| *v).collect(),
        reference,
        marks,
        texts,
    };
    layout.texts.extend(ticks.into_iter().map(|(_, t)| t));

    // Bars, through the axis, and their value labels.
    let coord = layout.coord();
    for (mark, label) in layout.marks.iter_mut().zip(labels) {
        let (x0, _) = coord.translate(&(domain.0, 0));
        let (x1, _) = coord.translate(&(mark.value, 0));
        (mark.rect.x, mark.rect.w) = (f64::from(x0), f64::from(x1 - x0));
        let y = mark.rect.y as i32 + BAR_H / 2;
        let x = x1 + LABEL_GAP;
        layout
            .texts
            .push(text(label, x, y, Anchor::Start, TextRole::Value));
    }
    // The 100 % line, labelled above the plot.
    if let Some(reference) = reference {
        let x = f64::from(coord.translate(&(reference, 0)).0);
        let label = chart_strings(lang).target_line.to_owned();
        let half = text_width(&label, TICK_FONT) / 2.0;
        let x = x.clamp(half, (width - half).max(half)).round() as i32;
        let y = TOP_PAD + REFERENCE_BAND / 2 - 1;
        layout
            .texts
            .push(text(label, x, y, Anchor::Middle, TextRole::Reference));
    }
    let title = match scale {
        ScaleKind::Log => log_axis_title(lang),
        ScaleKind::Linear => axis_title(data.kind, lang),
    };
    let title = text(
        title.to_owned(),
        0,
        title_y,
        Anchor::Start,
        TextRole::AxisTitle,
    );
    layout.texts.push(title);
    layout
}

#[inline]
fn text(text: String, x: i32, y: i32, anchor: Anchor, role: TextRole) -> TextItem {
    TextItem {
        text,
        x,
        y,
        anchor,
        role,
    }
}

#[inline]
fn rect(x: i32, y: i32, w: i32, h: i32) -> Rect {
    let f = f64::from;
    Rect {
        x: f(x),
        y: f(y),
        w: f(w),
        h: f(h),
    }
}

/// A bar's direct label: short money (`1.28亿`, `27.92M`; the axis title names the
/// currency), a percentage, or a count with its counter (`5222人`, `2,078 households`).
#[inline]
pub(crate) fn value_label(datum: &Datum, lang: Lang) -> String {
    let figure = datum.figure;
    match figure.unit {
        Unit::Yuan => format::compact_yuan(figure.value, lang),
        _ => format::figure(figure, lang),
    }
}

/// The value axis over values from `min` to `max`: its domain, and its ticks with their
/// labels, the most (up to one per 64 px) whose labels do not overlap. Ticks are plotters'
/// key points: on a linear axis from zero (every bar starts there) to one step past the
/// largest value; on a log axis the powers of ten from the one below the smallest value to
/// the next 1, 2 or 5 × 10^n above the largest (strictly below, so the smallest bar keeps
/// a length: `1M..128M` → `100K..200M`).
#[inline]
fn axis(
    scale: ScaleKind,
    (min, max): (f64, f64),
    plot: (i32, i32),
    width: f64,
    unit: Unit,
    lang: Lang,
    y: i32,
) -> ((f64, f64), Vec<(f64, TextItem)>) {
    let most = ((plot.1 - plot.0) / 64).clamp(2, 8) as usize;
    let decade = |v: f64| 10f64.powi(v.log10().floor() as i32);
    let log = (
        if decade(min) < min {
            decade(min)
        } else {
            decade(min) / 10.0
        },
        [1.0, 2.0, 5.0, 10.0]
            .map(|m| m * decade(max))
            .into_iter()
            .find(|&v| v >= max)
            .unwrap_or(max),
    );
    let mut target = most + 1;
    loop {
        let (domain, mut values) = match scale {
            ScaleKind::Linear => {
                let values = linear_ticks(max, target.max(2));
                ((0.0, values[values.len() - 1]), values)
            }
            ScaleKind::Log => (
                log,
                Axis::new(scale, log).key_points(BoldPoints(target.max(2))),
            ),
        };
        // The last resort: the axis' ends alone.
        if target == 1 {
            values = vec![values[0], values[values.len() - 1]];
        }
        let axis = Axis::new(scale, domain);
        let ticks: Vec<(f64, TextItem)> = values
            .into_iter()
            .map(|v| {
                let x = axis.map(&v, plot);
                let mut t = text(
                    tick_label(v, unit, lang),
                    x,
                    y,
                    Anchor::Middle,
                    TextRole::Tick,
                );
                // The first and last labels are pulled inside the chart.
                let (left, right) = t.span();
                if left < 0.0 {
                    (t.x, t.anchor) = (0, Anchor::Start);
                } else if right > width {
                    (t.x, t.anchor) = (width as i32, Anchor::End);
                }
                (v, t)
            })
            .collect();
        let apart = ticks
            .windows(2)
            .all(|w| w[0].1.span().1 + TICK_SPACING <= w[1].1.span().0);
        if apart || target == 1 {
            return (domain, ticks);
        }
        target -= 1;
    }
}

/// Round ticks from zero past `max`: plotters' key points on `0..max` (at most `points` of
/// them), and one step more when the last falls short, so that the axis ends on a tick.
#[inline]
fn linear_ticks(max: f64, points: usize) -> Vec<f64> {
    let mut ticks = RangedCoordf64::from(0.0..max).key_points(points);
    if let [.., a, b] = ticks[..] {
        if b < max {
            ticks.push(b + (b - a));
        }
    }
    ticks
}

/// A tick's label in the unit of the axis, from the exact decimal the key point stands for
/// (`0.30000000000000004` is 0.3: key points are round, six places hold them).
#[inline]
fn tick_label(value: f64, unit: Unit, lang: Lang) -> String {
    let exact = Decimal::from_f64(value, 6);
    match unit {
        Unit::Yuan => format::compact_yuan(exact, lang),
        Unit::Percent => format::percent(exact, lang),
        Unit::Count => format::number(exact, lang),
    }
}

/// Where a tooltip goes: above or below its mark's touch target, so it never covers what
/// the finger or pointer is on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    pub x: f64,
    pub y: f64,
    pub above: bool,
}

/// Places a tooltip of `size` (width, height) next to `target` inside `bounds`: above when
/// it fits there, else below when it fits there, else on the side with more room (it may
/// then leave `bounds`, but still never overlaps `target`). Horizontally centred on the
/// target's `focus_x`, kept inside `bounds`.
#[inline]
pub fn place_tooltip(
    target: Rect,
    focus_x: f64,
    size: (f64, f64),
    bounds: Rect,
    gap: f64,
) -> Placement {
    let (w, h) = size;
    let room_above = target.y - bounds.y;
    let room_below = bounds.bottom() - target.bottom();
    let above = if room_above >= h + gap {
        true
    } else if room_below >= h + gap {
        false
    } else {
        room_above >= room_below
    };
    let y = if above {
        target.y - gap - h
    } else {
        target.bottom() + gap
    };
    let max_x = (bounds.right() - w).max(bounds.x);
    let x = (focus_x - w / 2.0).clamp(bounds.x, max_x);
    Placement { x, y, above }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::story;

    fn chart(kind: ChartKind, width: f64, lang: Lang, scale: ScaleKind) -> Layout {
        layout(&ChartData::of(kind, story()), width, lang, scale)
    }

    fn texts(layout: &Layout, role: TextRole) -> Vec<&str> {
        let texts = layout.texts.iter().filter(|t| t.role == role);
        texts.map(|t| t.text.as_str()).collect()
    }

    /// Every text and mark inside the chart, tick labels apart, touch targets tall enough
    /// and not overlapping, no gridline through a group label.
    #[track_caller]
    fn check_fits(layout: &Layout) {
        for t in layout.texts.iter().filter(|t| t.role == TextRole::Group) {
            let (top, bottom) = (t.y - LINE_H / 2, t.y + LINE_H / 2);
            for &(y0, y1) in &layout.blocks {
                assert!(y1 <= top || y0 >= bottom, "{t:?} in the bars at {y0}..{y1}");
            }
        }
        for t in &layout.texts {
            let (l, r) = t.span();
            assert!(
                l >= -0.5 && r <= layout.width + 0.5,
                "{t:?} leaves {}",
                layout.width
            );
            assert!(
                t.y > 0 && f64::from(t.y) < layout.height,
                "{t:?} below {}",
                layout.height
            );
        }
        for m in &layout.marks {
            assert!(m.rect.x >= 0.0 && m.rect.right() <= layout.width, "{m:?}");
            assert!(m.hit.h >= f64::from(ROW_H), "{m:?}");
            assert!(
                m.hit.y <= m.rect.y && m.hit.bottom() >= m.rect.bottom(),
                "{m:?}"
            );
        }
        for pair in layout.marks.windows(2) {
            assert!(pair[0].hit.bottom() <= pair[1].hit.y, "{pair:?}");
        }
        let ticks: Vec<(f64, f64)> = layout
            .texts
            .iter()
            .filter(|t| t.role == TextRole::Tick)
            .map(TextItem::span)
            .collect();
        assert!(ticks.len() >= 2, "{ticks:?}");
        for w in ticks.windows(2) {
            assert!(
                w[0].1 + TICK_SPACING <= w[1].0,
                "tick labels overlap: {ticks:?}"
            );
        }
    }

    #[test]
    fn money_labels_every_bar_in_each_language() {
        for (lang, want) in [
            (Lang::ZhHans, ["1.28亿", "1925.04万", "110万", "100万"]),
            (Lang::ZhHant, ["1.28億", "1925.04萬", "110萬", "100萬"]),
            (Lang::En, ["128M", "19.25M", "1.1M", "1M"]),
        ] {
            let layout = chart(ChartKind::Money, 360.0, lang, ScaleKind::Linear);
            assert_eq!(texts(&layout, TextRole::Value), want, "{lang:?}");
        }
    }

    #[test]
    fn every_chart_fits_from_a_small_phone_to_a_desktop() {
        for kind in ChartKind::ALL {
            for lang in Lang::ALL {
                for scale in ScaleKind::ALL {
                    for width in [
                        0.0, 168.0, 190.0, 216.0, 240.0, 288.0, 320.0, 360.0, 412.0, 768.0, 1200.0,
                    ] {
                        let layout = chart(kind, width, lang, scale);
                        assert_eq!(layout.width, width.max(MIN_WIDTH));
                        check_fits(&layout);
                    }
                }
            }
        }
    }

    #[test]
    fn linear_bars_are_proportional_to_their_values() {
        let layout = chart(ChartKind::Money, 400.0, Lang::ZhHans, ScaleKind::Linear);
        let (first, rest) = layout.marks.split_first().unwrap();
        for m in rest {
            // Whole pixels: within one of the exact length.
            let exact = first.rect.w * m.value / first.value;
            assert!((m.rect.w - exact).abs() <= 1.0, "{m:?}");
            assert!(m.rect.w <= first.rect.w);
        }
    }

    #[test]
    fn log_scale_keeps_small_bars_readable() {
        let linear = chart(ChartKind::Money, 320.0, Lang::ZhHans, ScaleKind::Linear);
        let log = chart(ChartKind::Money, 320.0, Lang::ZhHans, ScaleKind::Log);
        assert_eq!(log.scale, ScaleKind::Log);
        let smallest = |l: &Layout| l.marks[3].rect.w;
        assert!(smallest(&linear) <= 2.0, "{}", smallest(&linear));
        assert!(smallest(&log) > 40.0, "{}", smallest(&log));
        // A decade below the smallest (strictly, so it keeps a length), a 1-2-5 step above
        // the largest; ticks at powers of ten.
        assert_eq!(log.domain, (100_000.0, 200_000_000.0));
        assert_eq!(
            texts(&log, TextRole::Tick),
            ["10万", "100万", "1000万", "1亿"]
        );
        let log = chart(ChartKind::Money, 768.0, Lang::En, ScaleKind::Log);
        assert_eq!(texts(&log, TextRole::Tick), ["100K", "1M", "10M", "100M"]);
    }

    #[test]
    fn only_the_money_chart_follows_the_scale_switch() {
        for kind in [ChartKind::Achieved, ChartKind::HouseholdsPeople] {
            let layout = chart(kind, 360.0, Lang::En, ScaleKind::Log);
            assert_eq!(layout.scale, ScaleKind::Linear);
        }
    }

    #[test]
    fn ticks_are_exact_round_numbers_in_the_language() {
        for (lang, want) in [
            (Lang::ZhHans, ["0", "5000万", "1亿", "1.5亿"]),
            (Lang::ZhHant, ["0", "5000萬", "1億", "1.5億"]),
            (Lang::En, ["0", "50M", "100M", "150M"]),
        ] {
            let layout = chart(ChartKind::Money, 360.0, lang, ScaleKind::Linear);
            assert_eq!(texts(&layout, TextRole::Tick), want, "{lang:?}");
            // The axis ends on its last tick.
            assert_eq!(layout.domain, (0.0, 150_000_000.0));
        }
        let people = chart(
            ChartKind::HouseholdsPeople,
            1000.0,
            Lang::En,
            ScaleKind::Linear,
        );
        assert!(texts(&people, TextRole::Tick).contains(&"5,000"));
        let achieved = chart(ChartKind::Achieved, 360.0, Lang::En, ScaleKind::Linear);
        assert_eq!(
            texts(&achieved, TextRole::Tick),
            ["0%", "50%", "100%", "150%"]
        );
        // Key points computed in floating point are labelled as the decimals they stand for.
        assert_eq!(linear_ticks(0.89, 6)[3], 0.6000000000000001);
        assert_eq!(tick_label(0.6000000000000001, Unit::Count, Lang::En), "0.6");
        assert_eq!(linear_ticks(127.0, 5), [0.0, 50.0, 100.0, 150.0]);
    }

    #[test]
    fn achieved_chart_has_a_labelled_target_line_at_100_percent() {
        let layout = chart(ChartKind::Achieved, 360.0, Lang::ZhHans, ScaleKind::Linear);
        assert_eq!(texts(&layout, TextRole::Value), ["127%", "126%"]);
        assert_eq!(texts(&layout, TextRole::Reference), ["任务 100%"]);
        let line = f64::from(layout.coord().translate(&(100.0, 0)).0);
        // The bars pass the line: 127 % and 126 % are beyond 100 %.
        for mark in &layout.marks {
            assert!(mark.rect.right() > line, "{mark:?}");
        }
        // 127 % is 1.27 times the distance to 100 %.
        let to_100 = line - layout.marks[0].rect.x;
        assert!((layout.marks[0].rect.w / to_100 - 1.27).abs() < 0.01);
    }

    #[test]
    fn households_and_people_label_their_counters() {
        let layout = chart(
            ChartKind::HouseholdsPeople,
            360.0,
            Lang::En,
            ScaleKind::Linear,
        );
        assert_eq!(
            texts(&layout, TextRole::Value),
            [
                "2,078 households",
                "5,222 people",
                "784 households",
                "2,551 people"
            ]
        );
        let series: Vec<Series> = layout.marks.iter().map(|m| m.series).collect();
        let (first, second) = (Series::First, Series::Second);
        assert_eq!(series, [second, first, second, first]);
    }

    #[test]
    fn hit_testing_finds_the_row_under_the_point() {
        let layout = chart(
            ChartKind::HouseholdsPeople,
            360.0,
            Lang::ZhHans,
            ScaleKind::Linear,
        );
        for (i, mark) in layout.marks.iter().enumerate() {
            let mid = mark.rect.y + mark.rect.h / 2.0;
            // On the bar, right of it (over the label or empty space), and at the row's edges.
            for (x, y) in [
                (mark.rect.x + 1.0, mid),
                (layout.width - 1.0, mid),
                (0.0, mark.hit.y),
                (10.0, mark.hit.bottom() - 0.01),
            ] {
                assert_eq!(layout.mark_at(x, y), Some(i), "({x}, {y})");
            }
        }
        // The first bar of a group also answers on its group's label.
        let label = layout.texts.iter().find(|t| t.role == TextRole::Group);
        assert_eq!(layout.mark_at(5.0, f64::from(label.unwrap().y)), Some(0));
        // Outside the chart, or on the axis below the last bar: nothing.
        let last = layout.marks.last().unwrap();
        for (x, y) in [
            (-1.0, 30.0),
            (layout.width, 30.0),
            (10.0, last.hit.bottom() + 1.0),
        ] {
            assert_eq!(layout.mark_at(x, y), None, "({x}, {y})");
        }
    }

    #[test]
    fn long_labels_wrap_instead_of_overflowing() {
        let layout = chart(ChartKind::Money, 240.0, Lang::En, ScaleKind::Linear);
        assert!(texts(&layout, TextRole::Group).len() > 5);
        check_fits(&layout);
    }

    #[test]
    fn css_numbers_without_float_formatting() {
        for (value, decimals, want) in [
            (12.3456, 2, "12.35"),
            (0.0, 3, "0.000"),
            (100.0, 1, "100.0"),
            (-1.25, 1, "-1.3"),
            (7.6, 0, "8"),
            (f64::NAN, 2, "0.00"),
        ] {
            let got = format!(
                "{:.*}",
                usize::from(decimals),
                Decimal::from_f64(value, decimals)
            );
            assert_eq!(got, want, "{value}");
        }
        let r = rect(0, 50, 300, 44);
        let inset = r.inset_percent(300.0, 200.0);
        assert_eq!(inset, "25.000% 0.000% 53.000% 0.000%");
    }

    #[track_caller]
    fn check_place(target: Rect, size: (f64, f64), want: (f64, f64, bool)) {
        let bounds = rect(0, 0, 300, 400);
        let p = place_tooltip(target, target.x + target.w / 2.0, size, bounds, 8.0);
        assert_eq!((p.x, p.y, p.above), want);
        let (x, y) = (p.x, p.y);
        let overlap = x < target.right()
            && target.x < x + size.0
            && y < target.bottom()
            && target.y < y + size.1;
        assert!(!overlap, "{p:?} covers {target:?}");
    }

    #[test]
    fn tooltips_go_above_or_below_never_on_the_target() {
        let row = |y| rect(0, y, 300, 44);
        // Room above: above, centred, clamped to the left edge.
        check_place(row(200), (120.0, 100.0), (90.0, 92.0, true));
        // No room above: below.
        check_place(row(40), (120.0, 100.0), (90.0, 92.0, false));
        // Room on neither side: the larger side, still not on the target.
        check_place(row(150), (120.0, 250.0), (90.0, 202.0, false));
        check_place(row(250), (120.0, 300.0), (90.0, -58.0, true));
        // Wider than the bounds: pinned to the left edge.
        let narrow = rect(250, 200, 40, 44);
        check_place(narrow, (400.0, 50.0), (0.0, 142.0, true));
        check_place(narrow, (100.0, 50.0), (200.0, 142.0, true));
    }
}
