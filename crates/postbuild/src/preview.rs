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
use zezhou::route::page_dir;

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

/// What `lang`'s page says it is, for search results and link previews (`<meta
/// name=description>`, `og:description`): the title, the first event's summary (the
/// headline figures) and where every figure comes from, in the language's own words.
pub fn description(lang: Lang) -> String {
    let story = story();
    let figures = story
        .events
        .first()
        .map(|e| e.summary.get(lang))
        .unwrap_or_default();
    let (title, source, byline) = (
        story.title.get(lang),
        story.source.get(lang),
        story.byline.get(lang),
    );
    match lang {
        Lang::ZhHans => {
            format!("{title}：{figures}每个数字都可追溯到报道原文（{source} · {byline}）。")
        }
        Lang::ZhHant => {
            format!("{title}：{figures}每個數字都可追溯到報道原文（{source} · {byline}）。")
        }
        Lang::En => format!(
            "{title}: {figures} Every figure traced to its sentence in the report ({source}, {byline})."
        ),
    }
}

/// The site's address with one trailing `/`, when the build knows it; else `./`, the root
/// relative to the root's own page (the language pages' copies get `../`:
/// `crate::page::in_folder`).
fn base(site: Option<&str>) -> String {
    site.map_or("./".to_owned(), |s| format!("{}/", s.trim_end_matches('/')))
}

/// The `<meta>` tags of `lang`'s page: title, description and picture for Open Graph and
/// Twitter's large card. `site` is the address the app is published at, when the build knows
/// it (`ZEZHOU_SITE_URL`): preview crawlers want absolute addresses, and then `og:url` names
/// the page; without it the picture's address is relative.
pub fn meta_tags(lang: Lang, site: Option<&str>) -> String {
    let story = story();
    let title = escape(story.title.get(lang));
    let description = escape(&description(lang));
    let base = base(site);
    let image = format!("{base}{}", file_name(lang));
    let locale = |lang| match lang {
        Lang::ZhHans => "zh_CN",
        Lang::ZhHant => "zh_TW",
        Lang::En => "en_GB",
    };
    let mut tags = String::new();
    if site.is_some() {
        tags.push_str(&format!(
            "<meta property=og:url content=\"{}\">",
            escape(&format!("{base}{}", page_dir(lang)))
        ));
    }
    for other in Lang::ALL.into_iter().filter(|&l| l != lang) {
        tags.push_str(&format!(
            "<meta property=og:locale:alternate content={}>",
            locale(other)
        ));
    }
    format!(
        "{tags}<meta property=og:type content=website>\
         <meta property=og:title content=\"{title}\">\
         <meta property=og:description content=\"{description}\">\
         <meta property=og:locale content={}>\
         <meta property=og:image content=\"{image}\">\
         <meta property=og:image:width content={CARD_WIDTH}>\
         <meta property=og:image:height content={CARD_HEIGHT}>\
         <meta name=twitter:card content=summary_large_image>\
         <meta name=twitter:image content=\"{image}\">",
        locale(lang)
    )
}

/// The `hreflang` alternates every page carries when the build knows the site's address:
/// each language's page, and the root as the default (whose bare address applies the
/// reader's stored choice). Absolute, as search engines require (a relative one is invalid:
/// Lighthouse's SEO audit fails it), so without the site's address there are none.
pub fn alternates(site: &str) -> String {
    let base = base(Some(site));
    let mut links = String::new();
    for lang in Lang::ALL {
        links.push_str(&format!(
            "<link rel=alternate hreflang={} href=\"{}\">",
            lang.as_str(),
            escape(&format!("{base}{}", page_dir(lang)))
        ));
    }
    links.push_str(&format!(
        "<link rel=alternate hreflang=x-default href=\"{}\">",
        escape(&base)
    ));
    links
}
