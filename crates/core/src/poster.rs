//! The poster (海报): a portrait picture of one event, or of the whole sheet, in the reader's
//! language and theme, with a QR code of its deep link: what readers here forward in chat
//! apps. Pure: an SVG string, drawn from the same data and formatting as the cards, that the
//! charts module turns into a PNG in the browser (as the chart downloads are).
//!
//! The picture is [`WIDTH`] × [`HEIGHT`] pixels (1080 × 1920, a phone screen at twice its
//! density). From the top: place and year, the report's title, the event's rank and heading,
//! its key figures as large numbers with their labels (derived ones marked), and at the
//! foot the QR code beside one line of source. The QR code is black on a white square in
//! every theme, so any camera reads it.

use crate::chart::draw::{hex, Palette, FONT_FAMILY};
use crate::chart::measure::wrap;
use crate::format;
use crate::i18n::{rank_label, strings};
use crate::model::{Decimal, Figure, Lang, Provenance, Story};
use crate::text::escape::escape;
use qrcode::{Color, EcLevel, QrCode};

/// Size of the picture in pixels.
pub const WIDTH: f64 = 1080.0;
pub const HEIGHT: f64 = 1920.0;
/// Margin on every side.
const MARGIN: f64 = 72.0;
/// Width of the text column.
const COLUMN: f64 = WIDTH - 2.0 * MARGIN;
/// Side of the QR code's white square, quiet zone included.
const QR_SIDE: f64 = 320.0;
/// Where the foot (QR code and source) begins.
const FOOT_TOP: f64 = HEIGHT - MARGIN - QR_SIDE;
/// Bold text runs wider than [`text_width`]'s estimate: lines are wrapped to this share of
/// the column.
const BOLD_ROOM: f64 = 0.85;

/// A length of the picture as SVG writes it: at most three places, no trailing zeros (one
/// way to write numbers, `Decimal`, and no float formatting in the browser's bundle).
fn px(v: f64) -> Decimal {
    Decimal::from_f64(v, 3)
}

/// What a poster shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    /// The whole sheet: the report's title and its headline figures.
    Sheet,
    /// One event, by rank.
    Event(u8),
}

/// A drawn poster.
#[derive(Clone, Debug, PartialEq)]
pub struct Poster {
    /// The picture, as a standalone SVG document.
    pub svg: String,
    /// The ids of the figures it shows, in order.
    pub(crate) figures: Vec<String>,
    /// The link its QR code holds.
    pub(crate) link: String,
}

/// The poster of `subject` in `lang` and `palette`, its QR code holding `link`. `None` for
/// an event that does not exist or a link too long for a QR code.
///
/// The heading and the figures take the largest sizes at which everything fits above the
/// QR code: the heading from 64 px down to 44, the figures from 96 px down to 48 (the
/// app's headline figures are 20 px on a phone, so at twice its density 40 px at least).
#[inline]
pub fn poster(
    story: &Story,
    subject: Subject,
    lang: Lang,
    palette: &Palette,
    link: &str,
) -> Option<Poster> {
    let (heading, figures): (Option<(String, &str)>, Vec<&Figure>) = match subject {
        Subject::Sheet => (None, story.headline_figures().collect()),
        Subject::Event(rank) => {
            let event = story.event(rank)?;
            let heading = (rank_label(rank, lang), event.title.get(lang));
            (Some(heading), story.card_figures(rank).collect())
        }
    };
    let qr = QrModules::of(link)?;
    let derived = strings(lang).derived;
    let entries: Vec<(String, String)> = figures
        .iter()
        .map(|f| {
            let label = match f.provenance {
                Provenance::Derived { .. } => format!("{} · {derived}", f.label.get(lang)),
                _ => f.label.get(lang).to_owned(),
            };
            // As the card's tiles show them.
            (format::figure_boxed(f, lang), label)
        })
        .collect();
    let summary = match subject {
        // An event without key figures says what happened instead.
        Subject::Event(rank) if entries.is_empty() => {
            story.event(rank).map(|e| e.summary.get(lang))
        }
        _ => None,
    };
    let content = Content {
        story,
        lang,
        palette,
        heading: heading
            .as_ref()
            .map(|(rank, title)| (rank.as_str(), *title)),
        entries: &entries,
        summary,
    };
    // One column of figures as large as fits, else two columns.
    let sizes = [64.0, 52.0, 44.0].into_iter().flat_map(|h| {
        [1, 2]
            .into_iter()
            .flat_map(move |columns| [96.0, 84.0, 72.0, 64.0, 56.0, 48.0].map(|f| (h, columns, f)))
    });
    let (mut svg, _) = sizes
        .map(|(h, columns, f)| content.draw(h, columns, f))
        .find(|(_, bottom)| *bottom <= FOOT_TOP - 40.0)
        .unwrap_or_else(|| content.draw(44.0, 2, 48.0));

    // The foot: the QR code, and beside it what it opens and the source.
    qr.draw(&mut svg, MARGIN, FOOT_TOP, QR_SIDE);
    let beside = MARGIN + QR_SIDE + 40.0;
    let width = WIDTH - MARGIN - beside;
    let call = match (subject, lang) {
        (Subject::Event(_), Lang::ZhHans) => "扫码查看本事件",
        (Subject::Event(_), Lang::ZhHant) => "掃碼查看本事件",
        (Subject::Event(_), Lang::En) => "Scan to open this event",
        (Subject::Sheet, Lang::ZhHans) => "扫码查看全部十件大事",
        (Subject::Sheet, Lang::ZhHant) => "掃碼查看全部十件大事",
        (Subject::Sheet, Lang::En) => "Scan to read all ten events",
    };
    let source = format!("{} · {}", story.source.get(lang), story.byline.get(lang));
    let (text, text_2) = (hex(palette.text), hex(palette.text_2));
    let y = svg.lines(call, 38.0, true, &text, beside, FOOT_TOP + 40.0, width);
    svg.lines(&source, 32.0, false, &text_2, beside, y + 16.0, width);

    Some(Poster {
        svg: svg.finish(),
        figures: figures.iter().map(|f| f.id.clone()).collect(),
        link: link.to_owned(),
    })
}

/// What goes above the foot.
struct Content<'a> {
    story: &'a Story,
    lang: Lang,
    palette: &'a Palette,
    /// The event's rank label and heading.
    heading: Option<(&'a str, &'a str)>,
    /// Each figure's value and label.
    entries: &'a [(String, String)],
    summary: Option<&'a str>,
}

impl Content<'_> {
    /// The picture down to the foot, with the heading at `heading_size` and the figures in
    /// `columns` at `figure_size`; and where its text ends.
    #[inline]
    fn draw(&self, heading_size: f64, columns: usize, figure_size: f64) -> (Svg, f64) {
        let (story, lang, palette) = (self.story, self.lang, self.palette);
        let mut svg = Svg::new(palette);
        let (text, text_2, accent) = (
            hex(palette.text),
            hex(palette.text_2),
            hex(palette.series[0]),
        );
        // A band of the accent colour; place and year; the report's title (the sheet's
        // heading); the event's rank and heading.
        svg.band(&accent);
        let mut y = MARGIN;
        let kicker = format!("{} · {}", story.place.get(lang), story.year);
        y = svg.lines(&kicker, 34.0, false, &text_2, MARGIN, y, COLUMN);
        let title_size = if self.heading.is_some() { 46.0 } else { 64.0 };
        let title = story.title.get(lang);
        y = svg.lines(title, title_size, true, &text, MARGIN, y + 12.0, COLUMN);
        y += 36.0;
        svg.rule(y, &hex(palette.line));
        y += 44.0;
        if let Some((rank, title)) = self.heading {
            y = svg.lines(rank, 40.0, true, &accent, MARGIN, y, COLUMN);
            y = svg.lines(title, heading_size, true, &text, MARGIN, y + 8.0, COLUMN);
            y += 48.0;
        }
        let gap = 48.0;
        let width = (COLUMN - gap * (columns - 1) as f64) / columns as f64;
        for row in self.entries.chunks(columns) {
            let mut bottom = y;
            for (i, (value, label)) in row.iter().enumerate() {
                let x = MARGIN + i as f64 * (width + gap);
                let end = svg.lines(value, figure_size, true, &accent, x, y, width);
                let size = label_size(figure_size);
                let end = svg.lines(label, size, false, &text_2, x, end + 4.0, width);
                bottom = bottom.max(end);
            }
            y = bottom + figure_size * 0.45;
        }
        if let Some(summary) = self.summary {
            y = svg.lines(summary, 44.0, false, &text_2, MARGIN, y, COLUMN);
        }
        (svg, y)
    }
}

/// Size of a link preview's picture (Open Graph's and Twitter's large card).
pub const CARD_WIDTH: f64 = 1200.0;
pub const CARD_HEIGHT: f64 = 630.0;

/// The picture a shared link shows in a chat app or a timeline (Open Graph and Twitter
/// card): the report's title in `lang`, place and year, three headline figures and the
/// source, [`CARD_WIDTH`] × [`CARD_HEIGHT`]. The build renders it to PNG (`crates/postbuild`).
#[inline]
pub fn title_card(story: &Story, lang: Lang, palette: &Palette) -> String {
    let margin = 64.0;
    let column = CARD_WIDTH - 2.0 * margin;
    let mut svg = Svg::sized(palette, CARD_WIDTH, CARD_HEIGHT);
    let (text, text_2, accent) = (
        hex(palette.text),
        hex(palette.text_2),
        hex(palette.series[0]),
    );
    svg.band(&accent);
    let kicker = format!("{} · {}", story.place.get(lang), story.year);
    let mut y = svg.lines(&kicker, 30.0, false, &text_2, margin, 56.0, column);
    let title = story.title.get(lang);
    let size = if wrap(title, 60.0, column * BOLD_ROOM).len() > 2 {
        48.0
    } else {
        60.0
    };
    y = svg.lines(title, size, true, &text, margin, y + 8.0, column);
    // Three headline figures side by side, and the source under them.
    let gap = 40.0;
    let width = (column - 2.0 * gap) / 3.0;
    let top = y + 40.0;
    let mut bottom = top;
    for (i, figure) in story.headline_figures().take(3).enumerate() {
        let x = margin + i as f64 * (width + gap);
        let value = format::figure(figure, lang);
        let end = svg.lines(&value, 44.0, true, &accent, x, top, width);
        let end = svg.lines(
            figure.label.get(lang),
            24.0,
            false,
            &text_2,
            x,
            end + 4.0,
            width,
        );
        bottom = bottom.max(end);
    }
    let source = format!("{} · {}", story.source.get(lang), story.byline.get(lang));
    let y = (bottom + 24.0).max(CARD_HEIGHT - margin - 36.0);
    svg.lines(&source, 26.0, false, &text_2, margin, y, column);
    svg.finish()
}

/// A figure label's size beside a value of `size`: never below 34 px (17 px on a phone).
#[inline]
fn label_size(size: f64) -> f64 {
    (size * 0.4).max(34.0)
}

/// The SVG being written.
struct Svg {
    out: String,
    width: f64,
}

impl Svg {
    #[inline]
    fn new(palette: &Palette) -> Svg {
        Svg::sized(palette, WIDTH, HEIGHT)
    }

    #[inline]
    fn sized(palette: &Palette, width: f64, height: f64) -> Svg {
        let (w, h) = (px(width), px(height));
        let out = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" \
             viewBox=\"0 0 {w} {h}\" font-family=\"{}\">\
             <rect width=\"{w}\" height=\"{h}\" fill=\"{}\"/>",
            escape(FONT_FAMILY),
            hex(palette.background)
        );
        Svg { out, width }
    }

    /// Writes `text` wrapped to `width` from `top` (the top of its first line) and returns
    /// the bottom of its last line.
    #[allow(clippy::too_many_arguments)]
    #[inline]
    fn lines(
        &mut self,
        text: &str,
        size: f64,
        bold: bool,
        fill: &str,
        x: f64,
        top: f64,
        width: f64,
    ) -> f64 {
        let room = if bold { width * BOLD_ROOM } else { width };
        let line_height = if size >= 56.0 { 1.2 } else { 1.4 } * size;
        let mut y = top;
        for line in wrap(text, size, room) {
            // The baseline sits about four fifths down the line.
            let baseline = y + (line_height + size * 0.7) / 2.0;
            self.out.push_str(&format!(
                "<text x=\"{}\" y=\"{:.1}\" font-size=\"{}\"{weight} fill=\"{fill}\">{}</text>",
                px(x),
                Decimal::from_f64(baseline, 1),
                px(size),
                escape(&line),
                weight = if bold { " font-weight=\"700\"" } else { "" },
            ));
            y += line_height;
        }
        y
    }

    #[inline]
    fn band(&mut self, colour: &str) {
        self.out.push_str(&format!(
            "<rect width=\"{}\" height=\"16\" fill=\"{colour}\"/>",
            px(self.width)
        ));
    }

    #[inline]
    fn rule(&mut self, y: f64, colour: &str) {
        self.out.push_str(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"3\" fill=\"{colour}\"/>",
            px(MARGIN),
            px(y),
            px(COLUMN)
        ));
    }

    #[inline]
    fn finish(mut self) -> String {
        self.out.push_str("</svg>");
        self.out
    }
}

/// The dark modules of a QR code (error correction M: a phone photo of a screen loses a
/// little), with its side in modules.
struct QrModules {
    side: usize,
    dark: Vec<bool>,
}

impl QrModules {
    #[inline]
    fn of(link: &str) -> Option<QrModules> {
        let code = QrCode::with_error_correction_level(link.as_bytes(), EcLevel::M).ok()?;
        let side = code.width();
        let dark = code
            .to_colors()
            .into_iter()
            .map(|c| c == Color::Dark)
            .collect();
        Some(QrModules { side, dark })
    }

    #[inline]
    fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark[y * self.side + x]
    }

    /// Draws the code on a white square of `side` pixels at (`x`, `y`), with the quiet zone
    /// of four modules the standard asks for; each row's runs of dark modules are one path.
    #[inline]
    fn draw(&self, svg: &mut Svg, x: f64, y: f64, side: f64) {
        let modules = self.side + 8;
        let unit = side / modules as f64;
        let side = px(side);
        svg.out.push_str(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{side}\" height=\"{side}\" fill=\"#ffffff\"/>\
             <path fill=\"#000000\" transform=\"translate({:.3} {:.3}) scale({:.5})\" d=\"",
            px(x),
            px(y),
            Decimal::from_f64(x + 4.0 * unit, 3),
            Decimal::from_f64(y + 4.0 * unit, 3),
            Decimal::from_f64(unit, 5),
        ));
        for row in 0..self.side {
            let mut col = 0;
            while col < self.side {
                if !self.is_dark(col, row) {
                    col += 1;
                    continue;
                }
                let start = col;
                while col < self.side && self.is_dark(col, row) {
                    col += 1;
                }
                svg.out.push_str(&format!(
                    "M{start} {row}h{}v1h-{}z",
                    col - start,
                    col - start
                ));
            }
        }
        svg.out.push_str("\"/>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::measure::text_width;
    use crate::data::story;

    const LINK: &str = "https://example.org/zezhou/#/zh-Hans/event/2";

    fn event_poster(rank: u8, lang: Lang) -> Poster {
        poster(story(), Subject::Event(rank), lang, &Palette::LIGHT, LINK).unwrap()
    }

    /// The `<text>` contents of an SVG, in order.
    fn texts(svg: &str) -> Vec<String> {
        svg.split("<text ")
            .skip(1)
            .map(|t| {
                t.split_once('>')
                    .unwrap()
                    .1
                    .split_once("</text>")
                    .unwrap()
                    .0
                    .to_owned()
            })
            .collect()
    }

    /// The baseline of every `<text>` of an SVG, in order.
    fn baselines(svg: &str) -> Vec<f64> {
        svg.split("<text ")
            .skip(1)
            .map(|t| {
                let y = t.split("y=\"").nth(1).unwrap();
                y.split_once('"').unwrap().0.parse().unwrap()
            })
            .collect()
    }

    /// The QR path's modules read back from the SVG, as a bitmap a decoder reads.
    fn decode(svg: &str) -> String {
        let d = svg
            .split(" d=\"")
            .nth(1)
            .unwrap()
            .split_once('"')
            .unwrap()
            .0;
        let mut dark = std::collections::HashSet::new();
        let mut side = 0;
        for run in d.split('M').skip(1) {
            let (start, rest) = run.split_once(' ').unwrap();
            let (row, rest) = rest.split_once('h').unwrap();
            let len: usize = rest.split_once('v').unwrap().0.parse().unwrap();
            let (start, row): (usize, usize) = (start.parse().unwrap(), row.parse().unwrap());
            for x in start..start + len {
                dark.insert((x, row));
                side = side.max(x + 1).max(row + 1);
            }
        }
        // With a quiet zone of four modules and two pixels a module.
        let size = (side + 8) * 2;
        let mut image = rqrr::PreparedImage::prepare_from_greyscale(size, size, |x, y| {
            let (mx, my) = ((x / 2).wrapping_sub(4), (y / 2).wrapping_sub(4));
            if dark.contains(&(mx, my)) {
                0
            } else {
                255
            }
        });
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1);
        grids[0].decode().unwrap().1
    }

    #[test]
    fn an_event_poster_shows_its_heading_and_the_cards_figures() {
        for lang in Lang::ALL {
            for event in &story().events {
                let p = event_poster(event.rank, lang);
                let want: Vec<String> = story()
                    .card_figures(event.rank)
                    .map(|f| f.id.clone())
                    .collect();
                assert_eq!(p.figures, want, "{lang:?} event {}", event.rank);
                // Wrapped lines join with a space in English, with nothing in Chinese.
                let all = texts(&p.svg).join(if lang == Lang::En { " " } else { "" });
                for f in story().card_figures(event.rank) {
                    let value = escape(&format::figure_boxed(f, lang));
                    assert!(all.contains(&value), "{lang:?} {}: {value}", event.rank);
                }
                if p.figures.is_empty() {
                    assert!(all.contains(&escape(event.summary.get(lang))), "{all}");
                }
                assert!(
                    all.contains(&escape(event.title.get(lang)).replace(' ', "")) || {
                        // Wrapped over lines: the words are all there.
                        let joined = texts(&p.svg).join(" ");
                        event
                            .title
                            .get(lang)
                            .split(' ')
                            .all(|w| joined.contains(&escape(w)))
                    }
                );
                assert!(all.contains(&rank_label(event.rank, lang)));
            }
        }
    }

    #[test]
    fn the_poster_is_a_portrait_picture_whose_text_stays_inside() {
        for lang in Lang::ALL {
            for subject in [Subject::Sheet, Subject::Event(1), Subject::Event(7)] {
                let p = poster(story(), subject, lang, &Palette::LIGHT, LINK).unwrap();
                assert!(p.svg.starts_with(
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1080\" height=\"1920\""
                ));
                assert!(
                    !p.svg.contains("style="),
                    "no inline styles: the CSP forbids them"
                );
                // Every baseline above the foot, or in it beside the QR code.
                for y in baselines(&p.svg) {
                    assert!(
                        y < HEIGHT - MARGIN + 1.0,
                        "{lang:?} {subject:?}: text at {y}"
                    );
                }
                for line in texts(&p.svg) {
                    let w = text_width(&line, 38.0).min(text_width(&line, 96.0));
                    assert!(w.is_finite());
                }
            }
        }
    }

    #[test]
    fn figures_are_at_least_twice_the_apps_headline_size() {
        // The app's headline figures are 20 px; the picture is at twice a phone's density.
        for lang in Lang::ALL {
            for event in &story().events {
                let p = event_poster(event.rank, lang);
                let Some(first) = story().card_figures(event.rank).next() else {
                    continue;
                };
                let value = format::figure_boxed(first, lang);
                // The value's first line (an English value may wrap).
                let value = escape(&value);
                let size: f64 = p
                    .svg
                    .split("<text ")
                    .skip(1)
                    .find(|t| {
                        let content = t
                            .split_once('>')
                            .unwrap()
                            .1
                            .split_once("</text>")
                            .unwrap()
                            .0;
                        !content.is_empty() && value.starts_with(content)
                    })
                    .and_then(|t| t.split("font-size=\"").nth(1))
                    .and_then(|t| t.split_once('"'))
                    .and_then(|(s, _)| s.parse().ok())
                    .unwrap();
                assert!(size >= 40.0, "{lang:?} event {}: {size}", event.rank);
            }
        }
    }

    /// Every line above the foot ends above it, in every language, for every event: no text
    /// runs into the QR code.
    #[test]
    fn nothing_runs_into_the_qr_code() {
        for lang in Lang::ALL {
            let subjects = story().events.iter().map(|e| Subject::Event(e.rank));
            for subject in subjects.chain([Subject::Sheet]) {
                let p = poster(story(), subject, lang, &Palette::LIGHT, LINK).unwrap();
                let head = p.svg.split("<path ").next().unwrap();
                for part in head.split("<text ").skip(1) {
                    let attr = |name: &str| -> f64 {
                        let v = part.split(&format!("{name}=\"")).nth(1).unwrap();
                        v.split_once('"').unwrap().0.parse().unwrap()
                    };
                    let bottom = attr("y") + attr("font-size") * 0.3;
                    assert!(
                        bottom < FOOT_TOP,
                        "{lang:?} {subject:?}: a line ends at {bottom}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_qr_code_holds_the_link() {
        for link in [
            LINK,
            "https://example.org/a/very/deep/sub/path/zezhou/#/en/event/10",
        ] {
            let p = poster(story(), Subject::Event(2), Lang::En, &Palette::LIGHT, link).unwrap();
            assert_eq!(decode(&p.svg), link);
            assert_eq!(p.link, link);
        }
        let sheet = poster(story(), Subject::Sheet, Lang::ZhHant, &Palette::LIGHT, LINK).unwrap();
        assert_eq!(decode(&sheet.svg), LINK);
    }

    #[test]
    fn the_sheet_poster_shows_the_headline_figures() {
        let p = poster(story(), Subject::Sheet, Lang::ZhHans, &Palette::LIGHT, LINK).unwrap();
        let want: Vec<String> = story().headline_figures().map(|f| f.id.clone()).collect();
        assert_eq!(p.figures, want);
        assert!(texts(&p.svg).iter().any(|t| t == "扫码查看全部十件大事"));
    }

    #[test]
    fn the_title_card_is_in_each_language_and_its_text_stays_inside() {
        for lang in Lang::ALL {
            let svg = title_card(story(), lang, &Palette::LIGHT);
            assert!(svg.starts_with(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"630\""
            ));
            let all = texts(&svg).join(if lang == Lang::En { " " } else { "" });
            assert!(
                all.contains(&escape(story().title.get(lang))),
                "{lang:?}: {all}"
            );
            for f in story().headline_figures().take(3) {
                assert!(all.contains(&escape(&format::figure(f, lang))), "{lang:?}");
            }
            let ys = baselines(&svg);
            for y in &ys {
                assert!(*y < CARD_HEIGHT - 20.0, "{lang:?}: text at {y}");
            }
            // The source line comes last, below every figure's label.
            let source = ys.last().unwrap();
            for y in &ys[..ys.len() - 1] {
                assert!(
                    y + 30.0 < *source,
                    "{lang:?}: a line at {y}, the source at {source}"
                );
            }
        }
    }

    #[test]
    fn no_poster_for_an_event_that_does_not_exist() {
        assert_eq!(
            poster(story(), Subject::Event(11), Lang::En, &Palette::LIGHT, LINK),
            None
        );
    }
}
