//! Link previews: the picture a chat app or a timeline shows for a shared link (Open Graph
//! and Twitter's large card), one per language, `og-{lang}.png`, drawn at build time from
//! [`zezhou::poster::title_card`]'s SVG with resvg and the build machine's CJK font, and the
//! page's `<meta>` tags that name it.
//!
//! Each PNG carries its title and language as text chunks (`Title`, `Language`), so a test
//! can tell which language's text it shows.

use crate::Error;
use zezhou::chart::draw::Palette;
use zezhou::data::story;
use zezhou::html::escape;
use zezhou::model::Lang;
use zezhou::poster::{title_card, CARD_HEIGHT, CARD_WIDTH};

/// The font family the CJK text needs; without it the picture would have no Chinese.
const CJK_FAMILY: &str = "Noto Sans CJK SC";

/// The preview picture's file name for `lang`.
pub fn file_name(lang: Lang) -> String {
    format!("og-{}.png", lang.as_str())
}

/// The preview picture of `lang`, as PNG bytes.
pub fn picture(lang: Lang) -> Result<Vec<u8>, Error> {
    let svg = title_card(story(), lang, &Palette::LIGHT);
    let mut options = resvg::usvg::Options::default();
    options.fontdb_mut().load_system_fonts();
    let has_cjk = options
        .fontdb
        .faces()
        .any(|face| face.families.iter().any(|(name, _)| name == CJK_FAMILY));
    if !has_cjk {
        return Err(Error::Unexpected(format!(
            "no \"{CJK_FAMILY}\" font for the link previews: install Debian's fonts-noto-cjk \
             (scripts/setup.sh does)"
        )));
    }
    let tree = resvg::usvg::Tree::from_str(&svg, &options)
        .map_err(|e| Error::Unexpected(format!("the title card's SVG: {e}")))?;
    let (width, height) = (CARD_WIDTH as u32, CARD_HEIGHT as u32);
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| Error::Unexpected("no pixmap for the title card".into()))?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );

    // The card is opaque, so its premultiplied pixels are its pixels.
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let png_error = |e: png::EncodingError| Error::Unexpected(format!("PNG: {e}"));
    encoder
        .add_itxt_chunk("Title".into(), story().title.get(lang).to_owned())
        .map_err(png_error)?;
    encoder
        .add_itxt_chunk("Language".into(), lang.as_str().to_owned())
        .map_err(png_error)?;
    let mut writer = encoder.write_header().map_err(png_error)?;
    writer.write_image_data(pixmap.data()).map_err(png_error)?;
    writer.finish().map_err(png_error)?;
    Ok(out)
}

/// The `<meta>` tags of `lang`'s page: title, description and picture for Open Graph and
/// Twitter's large card. `site` is the address the app is published at, when the build knows
/// it (`ZEZHOU_SITE_URL`): preview crawlers want absolute addresses; without it the picture's
/// address is relative to the page.
pub fn meta_tags(lang: Lang, site: Option<&str>) -> String {
    let story = story();
    let title = escape(story.title.get(lang));
    let description = escape(&format!(
        "{} · {} · {}",
        story.place.get(lang),
        story.year,
        story.source.get(lang)
    ));
    let base = site.map_or("./".to_owned(), |s| format!("{}/", s.trim_end_matches('/')));
    let image = format!("{base}{}", file_name(lang));
    let locale = match lang {
        Lang::ZhHans => "zh_CN",
        Lang::ZhHant => "zh_TW",
        Lang::En => "en_GB",
    };
    format!(
        "<meta property=og:type content=website>\
         <meta property=og:title content=\"{title}\">\
         <meta property=og:description content=\"{description}\">\
         <meta property=og:locale content={locale}>\
         <meta property=og:image content=\"{image}\">\
         <meta property=og:image:width content={CARD_WIDTH}>\
         <meta property=og:image:height content={CARD_HEIGHT}>\
         <meta name=twitter:card content=summary_large_image>\
         <meta name=twitter:image content=\"{image}\">"
    )
}
