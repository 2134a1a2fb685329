//! Drawing a [`Layout`] with plotters, over any backend; [`svg`] renders into a `String`
//! with plotters' SVG backend.
//!
//! Why SVG: it stays crisp on high-density screens at any zoom, its text is real text (CJK
//! included, set by the browser's own fonts), its colours come from the theme, and the same
//! string is the reader's "download SVG" (and, drawn onto a canvas, the PNG).
//!
//! Only plotters' primitives are used (rectangles, lines, single-line text at positions the
//! layout computed): nothing asks plotters to measure text, which in the browser it would do
//! with an inline `style` attribute. Plotters' SVG backend writes presentation attributes
//! only (`fill`, `stroke`, `font-size` …), never `style="…"`, so the SVG passes a strict
//! Content-Security-Policy; a host test holds that.

use super::layout::{Anchor, Layout, LineRole, Segment, TextItem, TextRole};
use super::spec::Series;
use plotters::backend::SVGBackend;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The font stack of the charts' text (system fonts only: no request leaves the app).
pub(crate) const FONT_FAMILY: &str = "system-ui, -apple-system, \"PingFang SC\", \"Hiragino Sans GB\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", sans-serif";

/// The theme colours a chart is drawn in, read from the CSS custom properties of
/// `style/tokens.css` (so light, dark and a reader's choice all apply).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    /// `--c-surface`: behind the chart.
    pub(crate) background: RGBColor,
    /// `--c-text`: value labels.
    pub(crate) text: RGBColor,
    /// `--c-text-2`: group labels, ticks, axis title.
    pub(crate) text_2: RGBColor,
    /// `--c-line`: gridlines.
    pub(crate) line: RGBColor,
    /// `--c-series-1`, `--c-series-2`.
    pub(crate) series: [RGBColor; 2],
}

impl Palette {
    /// The CSS custom properties a palette is read from, in the order [`Palette::from_css`]
    /// asks for them.
    pub(crate) const PROPERTIES: [&'static str; 6] = [
        "--c-surface",
        "--c-text",
        "--c-text-2",
        "--c-line",
        "--c-series-1",
        "--c-series-2",
    ];

    /// The light theme of `tokens.css`: used when no stylesheet answers (and on the host).
    pub const LIGHT: Palette = Palette {
        background: RGBColor(0xff, 0xff, 0xff),
        text: RGBColor(0x1d, 0x1b, 0x18),
        text_2: RGBColor(0x55, 0x50, 0x4a),
        line: RGBColor(0xd9, 0xd3, 0xc7),
        series: [RGBColor(0xa8, 0x23, 0x1b), RGBColor(0x1f, 0x5f, 0x8b)],
    };

    /// A palette from the values of `Palette::PROPERTIES` (as `getComputedStyle` gives
    /// them); a missing or unreadable value keeps the light theme's colour.
    #[inline]
    pub fn from_css(value: impl Fn(&str) -> Option<String>) -> Palette {
        let light = Palette::LIGHT;
        let get = |i: usize, fallback: RGBColor| {
            value(Palette::PROPERTIES[i])
                .and_then(|v| parse_color(&v))
                .unwrap_or(fallback)
        };
        Palette {
            background: get(0, light.background),
            text: get(1, light.text),
            text_2: get(2, light.text_2),
            line: get(3, light.line),
            series: [get(4, light.series[0]), get(5, light.series[1])],
        }
    }

    #[inline]
    fn series(&self, series: Series) -> RGBColor {
        match series {
            Series::First => self.series[0],
            Series::Second => self.series[1],
        }
    }
}

/// A CSS colour as `getComputedStyle` returns custom properties: `#rgb`, `#rrggbb`,
/// `rgb(r, g, b)` or `rgb(r g b)`; `None` for anything else.
#[inline]
pub(crate) fn parse_color(css: &str) -> Option<RGBColor> {
    let css = css.trim();
    if let Some(hex) = css.strip_prefix('#') {
        let digits: Vec<u8> = hex
            .chars()
            .map(|c| c.to_digit(16).and_then(|d| u8::try_from(d).ok()))
            .collect::<Option<_>>()?;
        return match digits.as_slice() {
            [r, g, b] => Some(RGBColor(r * 17, g * 17, b * 17)),
            [r1, r2, g1, g2, b1, b2] => Some(RGBColor(r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2)),
            _ => None,
        };
    }
    let inner = css
        .strip_prefix("rgba(")
        .or_else(|| css.strip_prefix("rgb("))?
        .strip_suffix(')')?;
    let parts: Vec<u8> = inner
        .split([',', ' ', '/'])
        .filter(|p| !p.is_empty())
        .take(3)
        .map(|p| p.trim().parse::<u8>().ok())
        .collect::<Option<_>>()?;
    match parts.as_slice() {
        [r, g, b] => Some(RGBColor(*r, *g, *b)),
        _ => None,
    }
}

/// `#rrggbb`, for CSS and tests.
#[inline]
pub(crate) fn hex(color: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", color.0, color.1, color.2)
}

/// The chart as an SVG document.
#[inline]
pub fn svg(layout: &Layout, palette: &Palette) -> String {
    let mut out = String::new();
    let size = (layout.width as u32, layout.height as u32);
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        // Drawing into a String cannot fail; a failure would leave a partial, still valid
        // SVG, which is better than none.
        let _ = draw(&root, layout, palette);
        let _ = root.present();
    }
    out
}

/// The SVG as the page shows it: decorative inside its `role="img"` container (which carries
/// the name and description), never focusable, sized by CSS.
#[inline]
pub fn for_page(svg: &str) -> String {
    svg.replacen(
        "<svg ",
        "<svg class=\"chart__svg\" aria-hidden=\"true\" focusable=\"false\" ",
        1,
    )
}

/// Room around a downloaded chart, and its title's and source lines' font sizes.
const MARGIN: f64 = 24.0;
const TITLE_FONT: f64 = 18.0;
const SOURCE_FONT: f64 = 12.0;

/// The chart as a reader downloads it, to stand alone wherever it is reused: on its own
/// background with margins, its title above (also as the SVG's `<title>`), the chart (with
/// its axis title, which names the units), and the source below, wrapped to the chart's
/// width. Returns the SVG and its size in CSS pixels.
#[inline]
pub fn for_download(
    layout: &Layout,
    palette: &Palette,
    title: &str,
    source: &str,
) -> (String, (u32, u32)) {
    let chart = svg(layout, palette);
    let lines = super::measure::wrap(source, SOURCE_FONT, layout.width);
    let top = MARGIN + TITLE_FONT * 1.8;
    let width = (layout.width + 2.0 * MARGIN).round();
    let height =
        (top + layout.height + SOURCE_FONT * (0.8 + 1.5 * lines.len() as f64) + MARGIN).round();
    let text = |out: &mut String, y: f64, size: f64, color: RGBColor, bold: bool, line: &str| {
        out.push_str(&format!(
            "<text x=\"{MARGIN}\" y=\"{y}\" font-family=\"{}\" font-size=\"{size}\"{} fill=\"{}\">",
            crate::text::escape::escape(FONT_FAMILY),
            if bold { " font-weight=\"700\"" } else { "" },
            hex(color),
        ));
        crate::text::escape::escape_into(out, line);
        out.push_str("</text>\n");
    };
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">\n<title>{}</title>\n<rect width=\"{width}\" height=\"{height}\" fill=\"{}\"/>\n",
        crate::text::escape::escape(title),
        hex(palette.background),
    );
    text(
        &mut out,
        MARGIN + TITLE_FONT,
        TITLE_FONT,
        palette.text,
        true,
        title,
    );
    // The chart itself, placed inside the margins as a nested SVG.
    out.push_str(&chart.replacen("<svg ", &format!("<svg x=\"{MARGIN}\" y=\"{top}\" "), 1));
    let mut y = top + layout.height + SOURCE_FONT * 2.0;
    for line in &lines {
        text(&mut out, y, SOURCE_FONT, palette.text_2, false, line);
        y += SOURCE_FONT * 1.5;
    }
    out.push_str("</svg>\n");
    (out, (width as u32, height as u32))
}

/// Draws `layout` onto any plotters drawing area.
#[inline]
pub(crate) fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    layout: &Layout,
    palette: &Palette,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&palette.background)?;
    for segment in layout.lines.iter().filter(|s| s.role == LineRole::Grid) {
        draw_line(root, segment, palette)?;
    }
    for mark in &layout.marks {
        let color = palette.series(mark.series);
        let r = mark.rect;
        if r.w <= 0.0 {
            continue;
        }
        let corners = [px(r.x, r.y), px(r.right(), r.bottom())];
        match mark.series {
            Series::First => {
                root.draw(&Rectangle::new(corners, color.filled()))?;
            }
            // Outlined and pale: a second cue besides colour.
            Series::Second => {
                root.draw(&Rectangle::new(corners, color.mix(0.25).filled()))?;
                let inner = [
                    px(r.x + 1.0, r.y + 1.0),
                    px(r.right() - 1.0, r.bottom() - 1.0),
                ];
                root.draw(&Rectangle::new(inner, color.stroke_width(2)))?;
            }
        }
    }
    for segment in layout.lines.iter().filter(|s| s.role != LineRole::Grid) {
        draw_line(root, segment, palette)?;
    }
    for text in &layout.texts {
        // A value label sits on the chart's background, never crossed by a gridline.
        if text.role == TextRole::Value {
            let (left, right) = text.span();
            let half = text.size() * 0.7;
            let corners = [
                px(left - 2.0, text.y - half),
                px(right + 2.0, text.y + half),
            ];
            root.draw(&Rectangle::new(corners, palette.background.filled()))?;
        }
        draw_text(root, text, palette)?;
    }
    Ok(())
}

#[inline]
fn px(x: f64, y: f64) -> (i32, i32) {
    (x.round() as i32, y.round() as i32)
}

#[inline]
fn draw_line<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    segment: &Segment,
    palette: &Palette,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (from, to) = (
        px(segment.from.0, segment.from.1),
        px(segment.to.0, segment.to.1),
    );
    match segment.role {
        LineRole::Grid => root.draw(&PathElement::new(vec![from, to], palette.line)),
        LineRole::Axis => root.draw(&PathElement::new(
            vec![from, to],
            palette.text_2.stroke_width(1),
        )),
        LineRole::Reference => root.draw(&DashedPathElement::new(
            vec![from, to],
            5,
            4,
            palette.text.stroke_width(2),
        )),
    }
}

#[inline]
fn draw_text<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    text: &TextItem,
    palette: &Palette,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (color, weight) = match text.role {
        TextRole::Value => (palette.text, FontStyle::Bold),
        TextRole::Group => (palette.text, FontStyle::Normal),
        TextRole::Reference => (palette.text, FontStyle::Bold),
        TextRole::Tick | TextRole::AxisTitle => (palette.text_2, FontStyle::Normal),
    };
    let h = match text.anchor {
        Anchor::Start => HPos::Left,
        Anchor::Middle => HPos::Center,
        Anchor::End => HPos::Right,
    };
    // Plotters' SVG backend writes font-size as size / 1.24.
    let font = FontDesc::new(FontFamily::Name(FONT_FAMILY), text.size() * 1.24, weight);
    let style = TextStyle::from(font)
        .color(&color)
        .pos(Pos::new(h, VPos::Center));
    root.draw(&Text::new(text.text.as_str(), px(text.x, text.y), style))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::layout::layout;
    use crate::chart::spec::{ChartData, ChartKind};
    use crate::data::story;
    use crate::model::Lang;
    use crate::view::ScaleKind;

    #[test]
    fn colours_parse_as_computed_style_gives_them() {
        for (css, want) in [
            ("#a8231b", Some(RGBColor(0xa8, 0x23, 0x1b))),
            (" #FF8F80 ", Some(RGBColor(0xff, 0x8f, 0x80))),
            ("#fff", Some(RGBColor(255, 255, 255))),
            ("rgb(31, 95, 139)", Some(RGBColor(31, 95, 139))),
            ("rgb(31 95 139 / 50%)", Some(RGBColor(31, 95, 139))),
            ("rgba(1,2,3,0.5)", Some(RGBColor(1, 2, 3))),
            ("", None),
            ("red", None),
            ("#12345", None),
            ("#ggg", None),
            ("rgb(300, 0, 0)", None),
            ("rgb(1, 2)", None),
        ] {
            assert_eq!(parse_color(css), want, "{css:?}");
        }
    }

    #[test]
    fn palette_falls_back_to_the_light_theme() {
        assert_eq!(Palette::from_css(|_| None), Palette::LIGHT);
        let dark = Palette::from_css(|p| (p == "--c-series-1").then(|| "#ff8f80".to_owned()));
        assert_eq!(hex(dark.series[0]), "#ff8f80");
        assert_eq!(dark.text, Palette::LIGHT.text);
    }

    #[test]
    fn svg_has_every_label_and_no_style_attribute() {
        for kind in ChartKind::ALL {
            for lang in Lang::ALL {
                let data = ChartData::of(kind, story());
                let layout = layout(&data, 360.0, lang, ScaleKind::Log);
                let svg = svg(&layout, &Palette::LIGHT);
                assert!(svg.starts_with("<svg "), "{kind:?}");
                assert!(svg.trim_end().ends_with("</svg>"), "{kind:?}");
                // A strict CSP (style-src 'self') blocks inline style attributes.
                assert!(
                    !svg.contains("style="),
                    "{kind:?} {lang:?} has a style attribute"
                );
                for text in &layout.texts {
                    let escaped = text.text.replace('&', "&amp;").replace('"', "&quot;");
                    assert!(svg.contains(&escaped), "{kind:?} misses {:?}", text.text);
                }
            }
        }
    }

    #[test]
    fn page_form() {
        let raw = "<svg width=\"10\" height=\"5\">\n<rect/>\n</svg>\n";
        assert_eq!(
            for_page(raw),
            "<svg class=\"chart__svg\" aria-hidden=\"true\" focusable=\"false\" width=\"10\" height=\"5\">\n<rect/>\n</svg>\n"
        );
    }

    // Bug (issue 12): a downloaded chart carried no title, source or margin (its text started
    // at x = 0), so it could not be reused as it is.
    #[test]
    fn a_download_stands_alone_with_title_source_and_margins() {
        let data = ChartData::of(ChartKind::Money, story());
        let layout = layout(&data, 360.0, Lang::ZhHans, ScaleKind::Linear);
        let source = story().citation.get(Lang::ZhHans);
        let (svg, (w, h)) = for_download(&layout, &Palette::LIGHT, "各项目 & <投入>", source);
        assert_eq!(w, (360.0 + 2.0 * MARGIN) as u32);
        assert!(f64::from(h) > layout.height + 2.0 * MARGIN + TITLE_FONT);
        assert!(svg.starts_with(&format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\""
        )));
        assert!(svg.contains("<title>各项目 &amp; &lt;投入&gt;</title>"));
        assert!(
            svg.contains(">各项目 &amp; &lt;投入&gt;</text>"),
            "the title is drawn"
        );
        assert!(
            svg.contains("<svg x=\"24\" y=\""),
            "the chart sits inside the margins"
        );
        // The source, whole, over one or more lines inside the width.
        let lines = crate::chart::measure::wrap(source, SOURCE_FONT, layout.width);
        assert_eq!(lines.concat().replace(' ', ""), source.replace(' ', ""));
        for line in &lines {
            assert!(
                svg.contains(&format!(">{}</text>", crate::text::escape::escape(line))),
                "{line}"
            );
        }
        // Every text of its own (around the chart) starts inside the margin.
        let (head, rest) = svg.split_once("<svg x=").unwrap();
        let (_, tail) = rest.split_once("</svg>").unwrap();
        for x in format!("{head}{tail}").split("<text x=\"").skip(1) {
            let x: f64 = x.split('"').next().unwrap().parse().unwrap();
            assert!(x >= MARGIN, "text at x = {x}");
        }
        assert!(!svg.contains("style="));
    }

    // Bug (issue 12): a gridline crossed the "1.28亿" label.
    #[test]
    fn value_labels_sit_on_the_background() {
        let data = ChartData::of(ChartKind::Money, story());
        let layout = layout(&data, 360.0, Lang::ZhHans, ScaleKind::Linear);
        let svg = svg(&layout, &Palette::LIGHT);
        let label = svg.find(">\n1.28亿\n<").expect("the label");
        let before = &svg[..label];
        let rect = before.rfind("<rect").expect("a rect before it");
        assert!(
            before[rect..].contains("fill=\"#FFFFFF\"")
                || before[rect..].contains("fill=\"#ffffff\""),
            "{}",
            &before[rect..]
        );
        assert!(!before[rect..].contains("<line") && !before[rect..].contains("<polyline"));
    }

    #[test]
    fn svg_is_drawn_in_the_palette() {
        let data = ChartData::of(ChartKind::HouseholdsPeople, story());
        let layout = layout(&data, 360.0, Lang::ZhHans, ScaleKind::Linear);
        let dark = Palette {
            series: [RGBColor(0xff, 0x8f, 0x80), RGBColor(0x7f, 0xb8, 0xe6)],
            ..Palette::LIGHT
        };
        let light_svg = svg(&layout, &Palette::LIGHT);
        let dark_svg = svg(&layout, &dark);
        assert!(light_svg.contains("fill=\"#A8231B\""));
        assert!(dark_svg.contains("fill=\"#FF8F80\""));
        assert!(dark_svg.contains("stroke=\"#7FB8E6\""));
        assert!(!dark_svg.contains("#A8231B"));
    }
}
