//! The charts as static pictures for print, written by the build: a reader who prints before
//! the charts module has loaded (it loads when the charts come near the screen) still gets
//! the charts on paper. The print stylesheet (`style/charts.css`) shows the picture in the
//! language of `<html lang>` in the charts' slot until the live charts replace its content;
//! the browser fetches it only to print, and the print waits for it.

use zezhou::chart::draw::{for_download, Palette};
use zezhou::chart::layout::layout;
use zezhou::chart::spec::{ChartData, ChartKind};
use zezhou::chart::strings::title;
use zezhou::data::story;
use zezhou::model::Lang;
use zezhou::view::ScaleKind;

/// The width the charts are drawn at for paper, in CSS px: with margins, within the text
/// column of an A4 or Letter page (a picture in CSS `content` keeps its own size).
pub const PRINT_WIDTH: f64 = 600.0;

/// The picture's file in `dist/`, as `style/charts.css` names it.
pub fn file_name(lang: Lang) -> String {
    format!("print-charts-{}.svg", lang.as_str())
}

/// Every chart in `lang`, one under the other, each with its title, on white (paper), and
/// the source once at the end: one SVG document.
pub fn print_charts(lang: Lang) -> String {
    let mut body = String::new();
    let mut height = 0u32;
    let mut width = 0u32;
    let last = ChartKind::ALL.len() - 1;
    for (i, kind) in ChartKind::ALL.into_iter().enumerate() {
        let data = ChartData::of(kind, story());
        let chart = layout(&data, PRINT_WIDTH, lang, ScaleKind::default());
        let source = if i == last {
            story().citation.get(lang)
        } else {
            ""
        };
        let (svg, (w, h)) = for_download(&chart, &Palette::LIGHT, title(kind, lang), source);
        body.push_str(&svg.replacen("<svg ", &format!("<svg y=\"{height}\" "), 1));
        height += h;
        width = width.max(w);
    }
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">\n{body}</svg>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_chart_prints_with_its_title_in_each_language() {
        for lang in Lang::ALL {
            let svg = print_charts(lang);
            assert!(svg.starts_with("<svg xmlns="));
            for kind in ChartKind::ALL {
                let title = zezhou::html::escape(title(kind, lang));
                assert!(
                    svg.contains(&format!(">{title}</text>")),
                    "{lang:?} {kind:?}"
                );
            }
            assert!(!svg.contains("style="));
            assert_eq!(svg.matches("<svg ").count(), 1 + 2 * ChartKind::ALL.len());
        }
        assert!(print_charts(Lang::ZhHans).contains("1.28亿"));
        assert!(print_charts(Lang::En).contains("128M"));
    }

    #[test]
    fn the_print_stylesheet_names_each_picture() {
        let css = include_str!("../../../style/charts.css");
        for lang in Lang::ALL {
            let rule = format!(
                "html[lang=\"{}\"] {{\n  --print-charts: url({});",
                lang.as_str(),
                file_name(lang)
            );
            assert!(css.contains(&rule), "{rule}");
        }
    }
}
