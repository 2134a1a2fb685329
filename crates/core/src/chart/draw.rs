//! Drawing a [`Layout`] with plotters: bars, gridlines, axes and the reference line in the
//! layout's coordinate system ([`Layout::coord`], plotters' `Cartesian2d` over its linear
//! or log axis), texts at the pixels the layout chose, onto [`ChartSvg`], a plotters
//! backend that writes SVG.
//!
//! Why our own backend: plotters' SVG backend writes every colour as an attribute and every
//! size as a float. Ours writes what each shape is ([`Ink`]) as a CSS class for the page,
//! so the theme colours it (`style/charts.css`) and a theme switch redraws nothing; for a
//! download it writes the same inks as colour attributes from a [`Palette`], so the file
//! carries its colours. Its numbers are integers, and it never writes `style="…"`, so the
//! SVG passes a strict Content-Security-Policy (`style-src 'self'`).

use super::layout::{Anchor, Layout, TextItem, TextRole};
use super::spec::Series;
use crate::text::escape::{escape, escape_into};
use plotters::coord::Shift;
use plotters::prelude::{
    Color, DrawingArea, DrawingAreaErrorKind, DrawingBackend, FontDesc, FontFamily, FontStyle,
    IntoDrawingArea, PathElement, RGBColor, Rectangle, Text, TextStyle,
};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use std::convert::Infallible;

/// The font stack of the charts' text (system fonts only: no request leaves the app).
pub(crate) const FONT_FAMILY: &str = "system-ui, -apple-system, \"PingFang SC\", \"Hiragino Sans GB\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", sans-serif";

/// The theme's colours, for what is drawn outside the page: downloads, print pictures,
/// posters. Read from the CSS custom properties of `style/tokens.css` at the moment of the
/// download, so light, dark and a reader's choice all apply.
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
    /// The light theme of `tokens.css`: used when no stylesheet answers (and on the host).
    pub const LIGHT: Palette = Palette {
        background: RGBColor(0xff, 0xff, 0xff),
        text: RGBColor(0x1d, 0x1b, 0x18),
        text_2: RGBColor(0x55, 0x50, 0x4a),
        line: RGBColor(0xd9, 0xd3, 0xc7),
        series: [RGBColor(0xa8, 0x23, 0x1b), RGBColor(0x1f, 0x5f, 0x8b)],
    };

    /// A palette from the theme's custom properties, which `value` gives as
    /// `getComputedStyle` does; a missing or unreadable value keeps the light theme's colour.
    #[inline]
    pub fn from_css(value: impl Fn(&str) -> Option<String>) -> Palette {
        let light = Palette::LIGHT;
        let get = |name: &str, fallback: RGBColor| {
            value(name)
                .and_then(|v| parse_color(&v))
                .unwrap_or(fallback)
        };
        Palette {
            background: get("--c-surface", light.background),
            text: get("--c-text", light.text),
            text_2: get("--c-text-2", light.text_2),
            line: get("--c-line", light.line),
            series: [
                get("--c-series-1", light.series[0]),
                get("--c-series-2", light.series[1]),
            ],
        }
    }
}

/// A colour as `getComputedStyle` gives back a custom property of `style/tokens.css`: as
/// written there, `#rrggbb` in every theme; `None` for anything else.
#[inline]
pub(crate) fn parse_color(css: &str) -> Option<RGBColor> {
    let hex = css.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let [_, r, g, b] = u32::from_str_radix(hex, 16).ok()?.to_be_bytes();
    Some(RGBColor(r, g, b))
}

/// `#rrggbb`, for SVG and tests.
#[inline]
pub(crate) fn hex(color: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", color.0, color.1, color.2)
}

/// What a shape is, which decides its colour: the CSS class it carries on the page, the
/// palette colour it is written in for a download. It reaches the backend as the shape's
/// plotters colour (its index in the red channel), so plotters' elements carry it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ink {
    /// Behind the chart and behind value labels.
    Background,
    /// Gridlines.
    Grid,
    /// The axes.
    Axis,
    /// The 100 % line (dashed).
    Reference,
    /// Bars of the first series: solid.
    Bar1,
    /// Bars of the second series: pale, with an edge (a second cue besides colour).
    Bar2,
    /// The edge of a second-series bar.
    Bar2Edge,
    /// Group labels, values, the reference line's label.
    Label,
    /// Ticks and the axis title.
    Tick,
}

impl Ink {
    const ALL: [Ink; 9] = [
        Ink::Background,
        Ink::Grid,
        Ink::Axis,
        Ink::Reference,
        Ink::Bar1,
        Ink::Bar2,
        Ink::Bar2Edge,
        Ink::Label,
        Ink::Tick,
    ];

    /// The class `style/charts.css` colours.
    fn class(self) -> &'static str {
        match self {
            Ink::Background => "chart-bg",
            Ink::Grid => "chart-grid",
            Ink::Axis => "chart-axis",
            Ink::Reference => "chart-ref",
            Ink::Bar1 => "chart-bar-1",
            Ink::Bar2 => "chart-bar-2",
            Ink::Bar2Edge => "chart-bar-2-edge",
            Ink::Label => "chart-label",
            Ink::Tick => "chart-tick",
        }
    }

    /// Its colour in `palette`.
    fn color(self, palette: &Palette) -> RGBColor {
        match self {
            Ink::Background => palette.background,
            Ink::Grid => palette.line,
            Ink::Axis | Ink::Tick => palette.text_2,
            Ink::Reference | Ink::Label => palette.text,
            Ink::Bar1 => palette.series[0],
            Ink::Bar2 | Ink::Bar2Edge => palette.series[1],
        }
    }
}

impl Color for Ink {
    fn to_backend_color(&self) -> BackendColor {
        BackendColor {
            alpha: 1.0,
            rgb: (*self as u8, 0, 0),
        }
    }
}

/// A plotters backend that writes SVG into a `String`, each shape with its [`Ink`] as a
/// class (`palette` `None`: the page's form) or as colours from a palette (a download).
pub(crate) struct ChartSvg<'a> {
    out: &'a mut String,
    size: (u32, u32),
    palette: Option<&'a Palette>,
}

impl<'a> ChartSvg<'a> {
    fn new(out: &'a mut String, size: (u32, u32), palette: Option<&'a Palette>) -> Self {
        let (w, h) = size;
        out.push_str(&format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{}\"",
            escape(FONT_FAMILY)
        ));
        if palette.is_none() {
            // Decorative inside its `role="img"` container, which carries the name and
            // description; never focusable; sized by CSS.
            out.push_str(" class=\"chart__svg\" aria-hidden=\"true\" focusable=\"false\"");
        }
        out.push_str(">\n");
        ChartSvg { out, size, palette }
    }

    /// Opens an element of `tag` in `ink`, as its fill or its stroke.
    fn open(&mut self, tag: &str, color: BackendColor, stroke: bool) {
        let ink = Ink::ALL[usize::from(color.rgb.0)];
        self.out.push('<');
        self.out.push_str(tag);
        match self.palette {
            None => {
                self.out.push_str(" class=\"");
                self.out.push_str(ink.class());
            }
            Some(palette) => {
                if ink == Ink::Bar2 {
                    self.out.push_str(" fill-opacity=\"0.25\"");
                }
                self.out
                    .push_str(if stroke { " stroke=\"" } else { " fill=\"" });
                self.out.push_str(&hex(ink.color(palette)));
            }
        }
        self.out.push('"');
        if ink == Ink::Reference {
            self.out.push_str(" stroke-dasharray=\"5 4\"");
        }
    }
}

impl DrawingBackend for ChartSvg<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    /// Nothing here is drawn pixel by pixel.
    fn draw_pixel(
        &mut self,
        _: BackendCoord,
        _: BackendColor,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        // A bar thinner than its edge's margins (a tiny value on a linear axis, in another
        // year's data) has no edge to draw: a negative width is an SVG error.
        if x1 < x0 || y1 < y0 {
            return Ok(());
        }
        self.open("rect", style.color(), !fill);
        let (w, h) = (x1 - x0, y1 - y0);
        self.out.push_str(&format!(
            " x=\"{x0}\" y=\"{y0}\" width=\"{w}\" height=\"{h}\""
        ));
        if !fill {
            let width = style.stroke_width();
            self.out
                .push_str(&format!(" fill=\"none\" stroke-width=\"{width}\""));
        }
        self.out.push_str("/>\n");
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.open("polyline", style.color(), true);
        let width = style.stroke_width();
        self.out.push_str(&format!(
            " fill=\"none\" stroke-width=\"{width}\" points=\""
        ));
        for (x, y) in path {
            self.out.push_str(&format!("{x},{y} "));
        }
        self.out.push_str("\"/>\n");
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        (x, y): BackendCoord,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.open("text", style.color(), false);
        let anchor = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Center => "middle",
            HPos::Right => "end",
        };
        // Font sizes are whole pixels (`layout::GROUP_FONT` …).
        let size = style.size() as u32;
        self.out.push_str(&format!(
            " x=\"{x}\" y=\"{y}\" dy=\"0.5ex\" text-anchor=\"{anchor}\" font-size=\"{size}\""
        ));
        if let FontStyle::Bold = style.style() {
            self.out.push_str(" font-weight=\"bold\"");
        }
        self.out.push('>');
        escape_into(self.out, text);
        self.out.push_str("</text>\n");
        Ok(())
    }
}

/// The chart as an SVG document: with CSS classes for the page (`palette` `None`), or in
/// `palette`'s colours.
#[inline]
pub(crate) fn svg(layout: &Layout, palette: Option<&Palette>) -> String {
    let mut out = String::new();
    {
        let size = (layout.width as u32, layout.height as u32);
        let root = ChartSvg::new(&mut out, size, palette).into_drawing_area();
        // Writing into a String cannot fail.
        let _ = draw(&root, layout);
    }
    out.push_str("</svg>\n");
    out
}

/// The chart as the page shows it: coloured by the theme's stylesheet, so that a change of
/// theme needs no redraw.
#[inline]
pub fn for_page(layout: &Layout) -> String {
    svg(layout, None)
}

/// Room around a downloaded chart, and its title's and source lines' font sizes.
const MARGIN: u32 = 24;
const TITLE_FONT: u32 = 18;
const SOURCE_FONT: u32 = 12;

/// The chart as a reader downloads it, to stand alone wherever it is reused: in `palette`'s
/// colours (the theme's at the moment of the download) on its own background with margins,
/// its title above (also as the SVG's `<title>`), the chart (with its axis title, which
/// names the units), and the source below, wrapped to the chart's width. Returns the SVG and
/// its size in CSS pixels.
#[inline]
pub fn for_download(
    layout: &Layout,
    palette: &Palette,
    title: &str,
    source: &str,
) -> (String, (u32, u32)) {
    let chart = svg(layout, Some(palette));
    let lines = super::measure::wrap(source, f64::from(SOURCE_FONT), layout.width);
    let top = MARGIN + TITLE_FONT * 9 / 5;
    let line_h = SOURCE_FONT * 3 / 2;
    let chart_h = layout.height as u32;
    let width = layout.width as u32 + 2 * MARGIN;
    let height = top + chart_h + SOURCE_FONT * 4 / 5 + line_h * lines.len() as u32 + MARGIN;
    let text = |out: &mut String, y: u32, size: u32, color: RGBColor, bold: bool, line: &str| {
        out.push_str(&format!(
            "<text x=\"{MARGIN}\" y=\"{y}\" font-size=\"{size}\"{} fill=\"{}\">",
            if bold { " font-weight=\"700\"" } else { "" },
            hex(color),
        ));
        escape_into(out, line);
        out.push_str("</text>\n");
    };
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"{}\">\n<title>{}</title>\n<rect width=\"{width}\" height=\"{height}\" fill=\"{}\"/>\n",
        escape(FONT_FAMILY),
        escape(title),
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
    let mut y = top + chart_h + SOURCE_FONT * 2;
    for line in &lines {
        text(&mut out, y, SOURCE_FONT, palette.text_2, false, line);
        y += line_h;
    }
    out.push_str("</svg>\n");
    (out, (width, height))
}

/// Draws `layout` onto any plotters drawing area: the shapes in its coordinates, the texts
/// at its pixels.
#[inline]
pub(crate) fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    layout: &Layout,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&Ink::Background)?;
    let plot = root.apply_coord_spec(layout.coord());
    let (lo, hi) = layout.domain;
    let across = |x: f64, ink: Ink, width: u32| {
        let blocks = layout.blocks.iter();
        blocks.map(move |&(top, bottom)| {
            PathElement::new(vec![(x, top), (x, bottom)], ink.stroke_width(width))
        })
    };
    for &tick in &layout.ticks {
        for line in across(tick, Ink::Grid, 1) {
            plot.draw(&line)?;
        }
    }
    for mark in &layout.marks {
        let corners = [
            (lo, mark.rect.y as i32),
            (mark.value, mark.rect.bottom() as i32),
        ];
        match mark.series {
            Series::First => plot.draw(&Rectangle::new(corners, Ink::Bar1.filled()))?,
            Series::Second => {
                plot.draw(&Rectangle::new(corners, Ink::Bar2.filled()))?;
                let mut edge = Rectangle::new(corners, Ink::Bar2Edge.stroke_width(2));
                plot.draw(edge.set_margin(1, 1, 1, 1))?;
            }
        }
    }
    for line in across(lo, Ink::Axis, 1).chain(
        layout
            .reference
            .into_iter()
            .flat_map(|x| across(x, Ink::Reference, 2)),
    ) {
        plot.draw(&line)?;
    }
    let bottom = layout.plot_bottom;
    plot.draw(&PathElement::new(
        vec![(lo, bottom), (hi, bottom)],
        Ink::Axis.stroke_width(1),
    ))?;
    for text in &layout.texts {
        // A value label sits on the chart's background, never crossed by a gridline.
        if text.role == TextRole::Value {
            let (left, right) = text.span();
            let half = (text.size() * 0.7) as i32;
            let corners = [
                ((left - 2.0) as i32, text.y - half),
                ((right + 2.0).ceil() as i32, text.y + half),
            ];
            root.draw(&Rectangle::new(corners, Ink::Background.filled()))?;
        }
        root.draw(&Text::new(
            text.text.as_str(),
            (text.x, text.y),
            style(text),
        ))?;
    }
    Ok(())
}

/// A text's size, weight, alignment and ink.
#[inline]
fn style(text: &TextItem) -> TextStyle<'static> {
    let (ink, weight) = match text.role {
        TextRole::Value | TextRole::Reference => (&Ink::Label, FontStyle::Bold),
        TextRole::Group => (&Ink::Label, FontStyle::Normal),
        TextRole::Tick | TextRole::AxisTitle => (&Ink::Tick, FontStyle::Normal),
    };
    let h = match text.anchor {
        Anchor::Start => HPos::Left,
        Anchor::Middle => HPos::Center,
        Anchor::End => HPos::Right,
    };
    TextStyle::from(FontDesc::new(FontFamily::SansSerif, text.size(), weight))
        .color(ink)
        .pos(Pos::new(h, VPos::Center))
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
    fn a_bar_thinner_than_its_edge_writes_no_rectangle() {
        let mut out = String::new();
        let mut svg = ChartSvg::new(&mut out, (100, 100), None);
        let ink = Ink::Bar2Edge.stroke_width(2);
        // An edge inset by 1 px on each side of a 1 px bar: right of its left side.
        svg.draw_rect((11, 20), (10, 40), &ink, false).unwrap();
        svg.draw_rect((10, 20), (30, 40), &ink, false).unwrap();
        assert_eq!(out.matches("<rect").count(), 1, "{out}");
        assert!(!out.contains("width=\"-"), "{out}");
    }

    fn money(lang: Lang, scale: ScaleKind) -> Layout {
        layout(
            &ChartData::of(ChartKind::Money, story()),
            360.0,
            lang,
            scale,
        )
    }

    #[test]
    fn colours_parse_as_computed_style_gives_them() {
        for (css, want) in [
            ("#a8231b", Some(RGBColor(0xa8, 0x23, 0x1b))),
            ("#FF8F80", Some(RGBColor(0xff, 0x8f, 0x80))),
            ("", None),
            ("red", None),
            ("#12345", None),
            ("#+12345", None),
            ("#gggggg", None),
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

    /// The attribute values of `name` in `svg`.
    fn values<'s>(svg: &'s str, name: &str) -> Vec<&'s str> {
        let key = format!(" {name}=\"");
        svg.split(key.as_str())
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .collect()
    }

    // Issue 13: the page's SVG carried its colours as attributes, so a theme switch had to
    // read a palette from CSS and redraw every chart.
    #[test]
    fn the_page_s_svg_has_classes_every_label_and_no_colour_or_style() {
        for kind in ChartKind::ALL {
            for lang in Lang::ALL {
                let data = ChartData::of(kind, story());
                let layout = layout(&data, 360.0, lang, ScaleKind::Log);
                let svg = for_page(&layout);
                assert!(svg.starts_with("<svg xmlns"), "{kind:?}");
                assert!(svg.contains(" class=\"chart__svg\" aria-hidden=\"true\""));
                assert!(svg.trim_end().ends_with("</svg>"), "{kind:?}");
                // A strict CSP (style-src 'self') blocks inline style attributes.
                assert!(!svg.contains("style="), "{kind:?} {lang:?}");
                assert!(!svg.contains(" fill=\"#") && !svg.contains(" stroke=\"#"));
                let classes = values(&svg, "class");
                assert!(classes.contains(&"chart-bar-1") && classes.contains(&"chart-grid"));
                for text in &layout.texts {
                    assert!(
                        svg.contains(&escape(&text.text)),
                        "{kind:?} misses {text:?}"
                    );
                }
                // Whole pixels: no float formatting.
                for name in ["x", "y", "width", "height", "points", "font-size"] {
                    for v in values(&svg, name) {
                        assert!(!v.contains('.'), "{name}=\"{v}\" in {kind:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_download_carries_the_palette_s_colours() {
        let layout = layout(
            &ChartData::of(ChartKind::HouseholdsPeople, story()),
            360.0,
            Lang::ZhHans,
            ScaleKind::Linear,
        );
        let dark = Palette {
            series: [RGBColor(0xff, 0x8f, 0x80), RGBColor(0x7f, 0xb8, 0xe6)],
            ..Palette::LIGHT
        };
        let (light, _) = for_download(&layout, &Palette::LIGHT, "t", "s");
        let (dark, _) = for_download(&layout, &dark, "t", "s");
        assert!(light.contains("fill=\"#a8231b\""));
        assert!(dark.contains("fill=\"#ff8f80\""));
        assert!(dark.contains("stroke=\"#7fb8e6\""));
        assert!(!dark.contains("#a8231b") && !dark.contains("class="));
    }

    // Bug (issue 12): a downloaded chart carried no title, source or margin (its text started
    // at x = 0), so it could not be reused as it is.
    #[test]
    fn a_download_stands_alone_with_title_source_and_margins() {
        let layout = money(Lang::ZhHans, ScaleKind::Linear);
        let source = story().citation.get(Lang::ZhHans);
        let (svg, (w, h)) = for_download(&layout, &Palette::LIGHT, "各项目 & <投入>", source);
        assert_eq!(w, 360 + 2 * MARGIN);
        assert!(f64::from(h) > layout.height + f64::from(2 * MARGIN + TITLE_FONT));
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
        let lines = crate::chart::measure::wrap(source, f64::from(SOURCE_FONT), layout.width);
        assert_eq!(lines.concat().replace(' ', ""), source.replace(' ', ""));
        for line in &lines {
            assert!(svg.contains(&format!(">{}</text>", escape(line))), "{line}");
        }
        // Every text of its own (around the chart) starts inside the margin.
        let (head, rest) = svg.split_once("<svg x=").unwrap();
        let (_, tail) = rest.split_once("</svg>").unwrap();
        for x in values(&format!("{head}{tail}"), "x") {
            assert!(x.parse::<u32>().unwrap() >= MARGIN, "text at x = {x}");
        }
        assert!(!svg.contains("style="));
    }

    // Bug (issue 12): a gridline crossed the "1.28亿" label.
    #[test]
    fn value_labels_sit_on_the_background() {
        let svg = for_page(&money(Lang::ZhHans, ScaleKind::Linear));
        let label = svg.find(">1.28亿<").expect("the label");
        let before = &svg[..label];
        let rect = before.rfind("<rect").expect("a rect before it");
        assert!(
            before[rect..].contains("class=\"chart-bg\""),
            "{}",
            &before[rect..]
        );
        assert!(!before[rect..].contains("<polyline"));
    }

    // The log axis is plotters' log coordinate: equal ratios, equal distances.
    #[test]
    fn bars_follow_the_axis_plotters_maps() {
        let log = money(Lang::En, ScaleKind::Log);
        let svg = for_page(&log);
        let widths: Vec<i32> = svg
            .lines()
            .filter(|l| l.contains("chart-bar-1"))
            .map(|l| values(l, "width")[0].parse().unwrap())
            .collect();
        let want: Vec<i32> = log.marks.iter().map(|m| m.rect.w as i32).collect();
        assert_eq!(widths, want);
        // 1.28亿 is 128 times 100万: log10(128) ≈ 2.1 decades of the axis' 3.3.
        let decade = f64::from(log.plot.1 - log.plot.0) / (2e8f64 / 1e5).log10();
        let ratio = f64::from(widths[0] - widths[3]) / decade;
        assert!((ratio - 128f64.log10()).abs() < 0.02, "{ratio}");
    }
}
