//! Chart geometry: where every bar, label, tick, line and touch target goes, for a given
//! width, language and scale. Pure: the drawing ([`super::draw`]) and the components only
//! follow it.
//!
//! Every chart is a horizontal bar chart, which reads well on a narrow phone: each group's
//! label sits on its own lines above its bars (wrapped to the width, so long Chinese or
//! English labels never collide), every bar carries its value as a direct label just past
//! its end, and the value axis with its ticks runs along the bottom. Each bar has a touch
//! target of the chart's full width and at least 44 px high.
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
use super::scale::{Scale, Tick};
use super::spec::{ChartData, ChartKind, Datum, Series};
use super::strings::{axis_title, chart_strings, log_axis_title};
use crate::format;
use crate::model::{Decimal, Lang, Unit};
use crate::view::ScaleKind;

/// Font sizes in pixels.
pub(crate) const GROUP_FONT: f64 = 14.0;
pub(crate) const VALUE_FONT: f64 = 13.0;
pub(crate) const TICK_FONT: f64 = 12.0;

/// The narrowest chart laid out; a narrower container scrolls nothing, it scales the SVG.
/// Large text lays a chart out this narrow: a 320 px phone's chart at 1.5 times its text
/// (长辈模式) is laid out at about 170 px and drawn 1.5 times as large.
pub(crate) const MIN_WIDTH: f64 = 168.0;
/// Height of one line of a group label.
const LINE_H: f64 = 20.0;
/// Height of one bar's row: the touch target's minimum.
pub(crate) const ROW_H: f64 = 44.0;
/// Thickness of a bar.
const BAR_H: f64 = 24.0;
/// Space between groups.
const GROUP_GAP: f64 = 12.0;
/// Space between a bar's end and its value label.
const LABEL_GAP: f64 = 6.0;
const TOP_PAD: f64 = 4.0;
/// Height of the band above the plot for the reference line's label.
const REFERENCE_BAND: f64 = 22.0;
const TICK_GAP: f64 = 4.0;
const TICK_BAND: f64 = 18.0;
const TITLE_BAND: f64 = 20.0;
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
    pub(crate) x: f64,
    pub(crate) y: f64,
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
        let w = text_width(&self.text, self.size());
        match self.anchor {
            Anchor::Start => (self.x, self.x + w),
            Anchor::Middle => (self.x - w / 2.0, self.x + w / 2.0),
            Anchor::End => (self.x - w, self.x),
        }
    }
}

/// What a line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LineRole {
    /// A tick's gridline.
    Grid,
    /// The axes: where bars start, and the value axis.
    Axis,
    /// The 100 % line (drawn dashed).
    Reference,
}

/// A straight line.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Segment {
    pub(crate) from: (f64, f64),
    pub(crate) to: (f64, f64),
    pub(crate) role: LineRole,
}

/// One bar and what it answers to: its rectangle, its value label, its touch target.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// Index of its group in [`ChartData::groups`].
    pub(crate) group: usize,
    /// Index of its bar in the group.
    pub(crate) bar: usize,
    pub rect: Rect,
    pub(crate) series: Series,
    /// Its direct value label, as drawn.
    pub(crate) label: String,
    /// Where a tap, click or hover selects it: the chart's full width, its row (and its
    /// group's label, for a group's first bar); never less than `ROW_H` high.
    pub hit: Rect,
}

/// Everything a chart draws, in pixels, for one width, language and scale.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    /// The scale actually used (the money chart follows the reader's switch; the others are
    /// linear).
    pub(crate) scale: ScaleKind,
    pub(crate) lines: Vec<Segment>,
    pub marks: Vec<Mark>,
    pub(crate) texts: Vec<TextItem>,
}

impl Layout {
    /// The mark whose touch target holds the point, if any.
    #[inline]
    pub fn mark_at(&self, x: f64, y: f64) -> Option<usize> {
        self.marks.iter().position(|m| m.hit.contains(x, y))
    }
}

/// Lays out `data` at `width` pixels (at least `MIN_WIDTH`) in `lang`; `scale` applies to
/// the money chart only.
#[inline]
pub fn layout(data: &ChartData, width: f64, lang: Lang, scale: ScaleKind) -> Layout {
    let width = if width.is_finite() {
        width.max(MIN_WIDTH).floor()
    } else {
        MIN_WIDTH
    };
    let scale_kind = match data.kind {
        ChartKind::Money => scale,
        _ => ScaleKind::Linear,
    };
    let unit = data.kind.unit();
    let labels: Vec<Vec<String>> = data
        .groups
        .iter()
        .map(|g| g.bars.iter().map(|d| value_label(d, lang)).collect())
        .collect();

    // Room for the longest value label right of the longest bar.
    let reserve = labels
        .iter()
        .flatten()
        .map(|l| text_width(l, VALUE_FONT))
        .fold(0.0, f64::max)
        + LABEL_GAP
        + 2.0;
    let x0 = 1.0;
    let x1 = (width - reserve).max(width * 0.5);

    let mut values: Vec<f64> = data.bars().map(|d| d.figure.value.to_f64()).collect();
    let reference = data.kind.reference();
    values.extend(reference.map(Decimal::to_f64));

    let mut texts = Vec::new();
    let mut lines = Vec::new();
    let mut marks = Vec::new();

    let mut y = TOP_PAD;
    let reference_top = y;
    if reference.is_some() {
        y += REFERENCE_BAND;
    }
    let plot_top = y;
    // The vertical extent of each group's bars: gridlines run there, never through labels.
    let mut blocks: Vec<(f64, f64)> = Vec::new();
    for (g, group) in data.groups.iter().enumerate() {
        let group_top = y;
        for line in wrap(group.label.get(lang), GROUP_FONT, width) {
            texts.push(TextItem {
                text: line,
                x: 0.0,
                y: y + LINE_H / 2.0,
                anchor: Anchor::Start,
                role: TextRole::Group,
            });
            y += LINE_H;
        }
        let block_top = y;
        for (b, datum) in group.bars.iter().enumerate() {
            let hit_top = if b == 0 { group_top } else { y };
            marks.push(Mark {
                group: g,
                bar: b,
                rect: Rect {
                    x: x0,
                    y: y + (ROW_H - BAR_H) / 2.0,
                    w: 0.0,
                    h: BAR_H,
                },
                series: datum.series,
                label: labels[g][b].clone(),
                hit: Rect {
                    x: 0.0,
                    y: hit_top,
                    w: width,
                    h: y + ROW_H - hit_top,
                },
            });
            y += ROW_H;
        }
        blocks.push((block_top, y));
        if g + 1 < data.groups.len() {
            y += GROUP_GAP;
        }
    }
    let plot_bottom = y.max(plot_top + ROW_H);

    // The value axis: as many ticks as fit without their labels touching.
    let (scale, ticks) = axis(scale_kind, &values, (x0, x1), width, unit, lang);
    let tick_y = plot_bottom + TICK_GAP + TICK_BAND / 2.0;
    for (tick, text) in ticks {
        let x = scale.project(tick.value);
        lines.extend(blocks.iter().map(|&(top, bottom)| Segment {
            from: (x, top),
            to: (x, bottom),
            role: LineRole::Grid,
        }));
        texts.push(TextItem {
            text,
            x,
            y: tick_y,
            anchor: Anchor::Middle,
            role: TextRole::Tick,
        });
    }
    fit_ticks(&mut texts, width);
    lines.extend(blocks.iter().map(|&(top, bottom)| Segment {
        from: (x0, top),
        to: (x0, bottom),
        role: LineRole::Axis,
    }));
    lines.push(Segment {
        from: (x0, plot_bottom),
        to: (x1, plot_bottom),
        role: LineRole::Axis,
    });

    // Bars and their value labels.
    let baseline = scale.baseline();
    for mark in &mut marks {
        let datum = &data.groups[mark.group].bars[mark.bar];
        let end = scale.project(datum.figure.value.to_f64());
        mark.rect.x = baseline.min(end);
        mark.rect.w = (end - baseline).abs();
        texts.push(TextItem {
            text: mark.label.clone(),
            x: mark.rect.right() + LABEL_GAP,
            y: mark.rect.y + BAR_H / 2.0,
            anchor: Anchor::Start,
            role: TextRole::Value,
        });
    }

    // The 100 % line, labelled above the plot.
    if let Some(reference) = reference {
        let x = scale.project(reference.to_f64());
        lines.extend(blocks.iter().map(|&(top, bottom)| Segment {
            from: (x, top),
            to: (x, bottom),
            role: LineRole::Reference,
        }));
        let text = chart_strings(lang).target_line.to_owned();
        let half = text_width(&text, TICK_FONT) / 2.0;
        texts.push(TextItem {
            text,
            x: x.clamp(half, (width - half).max(half)),
            y: reference_top + REFERENCE_BAND / 2.0 - 1.0,
            anchor: Anchor::Middle,
            role: TextRole::Reference,
        });
    }

    let title_y = plot_bottom + TICK_GAP + TICK_BAND + TITLE_BAND / 2.0;
    let title = match scale_kind {
        ScaleKind::Log => log_axis_title(lang),
        ScaleKind::Linear => axis_title(data.kind, lang),
    };
    texts.push(TextItem {
        text: title.to_owned(),
        x: 0.0,
        y: title_y,
        anchor: Anchor::Start,
        role: TextRole::AxisTitle,
    });

    Layout {
        width,
        height: (title_y + TITLE_BAND / 2.0 + TOP_PAD).ceil(),
        scale: scale_kind,
        lines,
        marks,
        texts,
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

/// A tick's label in the unit of the axis.
#[inline]
fn tick_label(tick: &Tick, unit: Unit, lang: Lang) -> String {
    let Some(value) = tick.decimal else {
        return format!("{}", tick.value);
    };
    match unit {
        Unit::Yuan => format::compact_yuan(value, lang),
        Unit::Percent => format::percent(value, lang),
        Unit::Count => format::number(value, lang),
    }
}

/// The scale over `values` and its labelled ticks: the most ticks (up to one per 64 px) whose
/// labels do not overlap.
#[inline]
fn axis(
    kind: ScaleKind,
    values: &[f64],
    range: (f64, f64),
    width: f64,
    unit: Unit,
    lang: Lang,
) -> (Scale, Vec<(Tick, String)>) {
    let most = (((range.1 - range.0) / 64.0).floor() as usize).clamp(2, 8);
    let mut fallback = None;
    for target in (1..=most).rev() {
        let scale = Scale::for_values(kind, values, range, target);
        let ticks: Vec<(Tick, String)> = scale
            .ticks(target)
            .into_iter()
            .map(|t| {
                let label = tick_label(&t, unit, lang);
                (t, label)
            })
            .collect();
        let mut texts: Vec<TextItem> = ticks
            .iter()
            .map(|(t, label)| TextItem {
                text: label.clone(),
                x: scale.project(t.value),
                y: 0.0,
                anchor: Anchor::Middle,
                role: TextRole::Tick,
            })
            .collect();
        fit_ticks(&mut texts, width);
        if !overlaps(&texts) {
            return (scale, ticks);
        }
        fallback.get_or_insert((scale, ticks));
    }
    // Unreachable in practice (one interval always fits); keep the coarsest anyway.
    fallback.unwrap_or_else(|| (Scale::for_values(kind, values, range, 1), Vec::new()))
}

/// Pulls the first and last tick labels inside the chart (start- or end-anchored).
#[inline]
fn fit_ticks(texts: &mut [TextItem], width: f64) {
    for text in texts.iter_mut().filter(|t| t.role == TextRole::Tick) {
        let (left, right) = text.span();
        if left < 0.0 {
            text.x = 0.0;
            text.anchor = Anchor::Start;
        } else if right > width {
            text.x = width;
            text.anchor = Anchor::End;
        }
    }
}

/// True when two tick labels come closer than [`TICK_SPACING`] (ticks come in order).
#[inline]
fn overlaps(texts: &[TextItem]) -> bool {
    let spans: Vec<(f64, f64)> = texts
        .iter()
        .filter(|t| t.role == TextRole::Tick)
        .map(TextItem::span)
        .collect();
    spans.windows(2).any(|w| w[0].1 + TICK_SPACING > w[1].0)
}

impl Rect {
    /// This rectangle inside a `width` × `height` box, as the CSS `inset` of an absolutely
    /// positioned overlay, in percentages (so it follows the picture when it scales).
    #[inline]
    pub fn inset_percent(&self, width: f64, height: f64) -> String {
        let pct = |part: f64, whole: f64| {
            if whole > 0.0 {
                format!("{:.3}", Decimal::from_f64(part / whole * 100.0, 3))
            } else {
                "0.000".to_owned()
            }
        };
        format!(
            "{}% {}% {}% {}%",
            pct(self.y, height),
            pct(width - self.right(), width),
            pct(height - self.bottom(), height),
            pct(self.x, width)
        )
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
        layout
            .texts
            .iter()
            .filter(|t| t.role == role)
            .map(|t| t.text.as_str())
            .collect()
    }

    /// Every text and mark inside the chart, tick labels apart, touch targets tall enough
    /// and not overlapping, no line through a label.
    #[track_caller]
    fn check_fits(layout: &Layout) {
        for t in layout.texts.iter().filter(|t| t.role == TextRole::Group) {
            let (l, r) = t.span();
            let (top, bottom) = (t.y - LINE_H / 2.0, t.y + LINE_H / 2.0);
            for line in &layout.lines {
                let (x, y0, y1) = (line.from.0, line.from.1, line.to.1);
                let crosses = x >= l && x <= r && y0 < bottom && y1 > top;
                assert!(!crosses, "{line:?} crosses {t:?}");
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
                t.y > 0.0 && t.y < layout.height,
                "{t:?} below {}",
                layout.height
            );
        }
        for m in &layout.marks {
            assert!(m.rect.x >= 0.0 && m.rect.right() <= layout.width, "{m:?}");
            assert!(m.hit.h >= ROW_H, "{m:?}");
            assert!(
                m.hit.y <= m.rect.y && m.hit.bottom() >= m.rect.bottom(),
                "{m:?}"
            );
        }
        for pair in layout.marks.windows(2) {
            assert!(pair[0].hit.bottom() <= pair[1].hit.y, "{pair:?}");
        }
        assert!(!overlaps(&layout.texts), "tick labels overlap");
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
        let w: Vec<f64> = layout.marks.iter().map(|m| m.rect.w).collect();
        // 1.28亿 against 100万: 128 times as long.
        assert!((w[0] / w[3] - 128.0).abs() < 0.01, "{w:?}");
        assert!(w.windows(2).all(|p| p[0] >= p[1]), "{w:?}");
    }

    #[test]
    fn log_scale_keeps_small_bars_readable() {
        let linear = chart(ChartKind::Money, 320.0, Lang::ZhHans, ScaleKind::Linear);
        let log = chart(ChartKind::Money, 320.0, Lang::ZhHans, ScaleKind::Log);
        assert_eq!(log.scale, ScaleKind::Log);
        let smallest = |l: &Layout| l.marks[3].rect.w;
        assert!(smallest(&linear) < 2.0, "{}", smallest(&linear));
        assert!(smallest(&log) > 40.0, "{}", smallest(&log));
        // Ticks at powers of ten (or 1-2-5 steps) on the log axis.
        let ticks = texts(&log, TextRole::Tick);
        assert!(
            ticks.contains(&"100万") && ticks.contains(&"1亿"),
            "{ticks:?}"
        );
    }

    #[test]
    fn only_the_money_chart_follows_the_scale_switch() {
        for kind in [ChartKind::Achieved, ChartKind::HouseholdsPeople] {
            assert_eq!(
                chart(kind, 360.0, Lang::En, ScaleKind::Log).scale,
                ScaleKind::Linear
            );
        }
    }

    #[test]
    fn tick_labels_follow_the_language() {
        for (lang, want) in [
            (Lang::ZhHans, ["0", "5000万", "1亿", "1.5亿"]),
            (Lang::ZhHant, ["0", "5000萬", "1億", "1.5億"]),
            (Lang::En, ["0", "50M", "100M", "150M"]),
        ] {
            let layout = chart(ChartKind::Money, 360.0, lang, ScaleKind::Linear);
            assert_eq!(texts(&layout, TextRole::Tick), want, "{lang:?}");
        }
        let layout = chart(
            ChartKind::HouseholdsPeople,
            1000.0,
            Lang::En,
            ScaleKind::Linear,
        );
        assert!(texts(&layout, TextRole::Tick).contains(&"5,000"));
        let layout = chart(ChartKind::Achieved, 360.0, Lang::En, ScaleKind::Linear);
        assert!(texts(&layout, TextRole::Tick).contains(&"100%"));
    }

    #[test]
    fn achieved_chart_has_a_labelled_target_line_at_100_percent() {
        let layout = chart(ChartKind::Achieved, 360.0, Lang::ZhHans, ScaleKind::Linear);
        assert_eq!(texts(&layout, TextRole::Value), ["127%", "126%"]);
        assert_eq!(texts(&layout, TextRole::Reference), ["任务 100%"]);
        let line = layout
            .lines
            .iter()
            .find(|l| l.role == LineRole::Reference)
            .unwrap();
        // The bars pass the line: 127 % and 126 % are beyond 100 %.
        for mark in &layout.marks {
            assert!(mark.rect.right() > line.from.0, "{mark:?}");
        }
        // 127 % is 1.27 times the distance to 100 %.
        let to_100 = line.from.0 - layout.marks[0].rect.x;
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
        assert_eq!(
            series,
            [Series::Second, Series::First, Series::Second, Series::First]
        );
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
        let label = layout
            .texts
            .iter()
            .find(|t| t.role == TextRole::Group)
            .unwrap();
        assert_eq!(layout.mark_at(5.0, label.y), Some(0));
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
        let lines = texts(&layout, TextRole::Group);
        assert!(lines.len() > 5, "{lines:?}");
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
        let r = Rect {
            x: 0.0,
            y: 50.0,
            w: 300.0,
            h: 44.0,
        };
        assert_eq!(
            r.inset_percent(300.0, 200.0),
            "25.000% 0.000% 53.000% 0.000%"
        );
        assert_eq!(r.inset_percent(0.0, 0.0), "0.000% 0.000% 0.000% 0.000%");
    }

    #[track_caller]
    fn check_place(target: Rect, size: (f64, f64), want: (f64, f64, bool)) {
        let bounds = Rect {
            x: 0.0,
            y: 0.0,
            w: 300.0,
            h: 400.0,
        };
        let p = place_tooltip(target, target.x + target.w / 2.0, size, bounds, 8.0);
        assert_eq!((p.x, p.y, p.above), want);
        let tip = Rect {
            x: p.x,
            y: p.y,
            w: size.0,
            h: size.1,
        };
        let overlap = tip.x < target.right()
            && target.x < tip.right()
            && tip.y < target.bottom()
            && target.y < tip.bottom();
        assert!(!overlap, "{tip:?} covers {target:?}");
    }

    #[test]
    fn tooltips_go_above_or_below_never_on_the_target() {
        let row = |y| Rect {
            x: 0.0,
            y,
            w: 300.0,
            h: 44.0,
        };
        // Room above: above, centred, clamped to the left edge.
        check_place(row(200.0), (120.0, 100.0), (90.0, 92.0, true));
        // No room above: below.
        check_place(row(40.0), (120.0, 100.0), (90.0, 92.0, false));
        // Room on neither side: the larger side, still not on the target.
        check_place(row(150.0), (120.0, 250.0), (90.0, 202.0, false));
        check_place(row(250.0), (120.0, 300.0), (90.0, -58.0, true));
        // Wider than the bounds: pinned to the left edge.
        let narrow = Rect {
            x: 250.0,
            y: 200.0,
            w: 40.0,
            h: 44.0,
        };
        check_place(narrow, (400.0, 50.0), (0.0, 142.0, true));
        check_place(narrow, (100.0, 50.0), (200.0, 142.0, true));
    }
}
