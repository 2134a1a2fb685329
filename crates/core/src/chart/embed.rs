//! Embedding a chart in another site, as newsrooms do: the embed view's address
//! (`embed.html#/{lang}/{chart}`, beside the app's `index.html`, so under any sub-path) and
//! the `<iframe>` snippet the embed action copies, with a plain link after it for sites
//! that strip iframes.
//!
//! ```
//! use zezhou_core::chart::embed::{parse, snippet};
//! use zezhou_core::chart::spec::ChartKind;
//! use zezhou_core::data::story;
//! use zezhou_core::model::Lang;
//!
//! let html = snippet(story(), "https://example.org/zezhou/", Lang::En, ChartKind::Money);
//! assert!(html.starts_with(r#"<iframe src="https://example.org/zezhou/embed.html#/en/money-by-programme""#));
//! assert_eq!(parse("#/en/money-by-programme"), (Some(Lang::En), ChartKind::Money));
//! ```

use super::spec::ChartKind;
use super::strings::title;
use crate::model::{Lang, Story};
use crate::text::escape::escape;

/// The embed view's file, beside `index.html`.
pub const PAGE: &str = "embed.html";
/// Height the snippet gives the iframe: the tallest chart on a phone, with its title,
/// description and actions.
pub(crate) const HEIGHT: u32 = 640;

/// The folder of a page's address (`https://host/a/index.html?x#y` → `https://host/a/`).
#[inline]
pub(crate) fn folder(page: &str) -> &str {
    let page = page.split(['#', '?']).next().unwrap_or(page);
    match page.rfind('/') {
        Some(i) => &page[..=i],
        None => page,
    }
}

/// The embed view's address for `kind` in `lang`, from the app's page address.
#[inline]
pub(crate) fn address(page: &str, lang: Lang, kind: ChartKind) -> String {
    format!("{}{PAGE}#/{}/{}", folder(page), lang.as_str(), kind.slug())
}

/// The embed view's language and chart from its hash. Never fails: an unknown chart is the
/// first one, an unknown language `None` (the embed view then uses the default).
#[inline]
pub fn parse(hash: &str) -> (Option<Lang>, ChartKind) {
    let mut parts = hash
        .trim_start_matches('#')
        .split('/')
        .filter(|p| !p.is_empty());
    let lang = parts.next().and_then(Lang::parse);
    let kind = parts
        .next()
        .and_then(|slug| ChartKind::ALL.into_iter().find(|k| k.slug() == slug))
        .unwrap_or(ChartKind::Money);
    (lang, kind)
}

/// The snippet the embed action copies: an iframe of the embed view that takes the width it
/// is given, and after it a link to the fact sheet's page in `lang` (all a site that strips
/// iframes shows).
#[inline]
pub fn snippet(story: &Story, page: &str, lang: Lang, kind: ChartKind) -> String {
    let chart = title(kind, lang);
    let sheet = story.title.get(lang);
    let link = match lang {
        Lang::En => format!("{chart} ({sheet})"),
        Lang::ZhHans | Lang::ZhHant => format!("{chart}（{sheet}）"),
    };
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{HEIGHT}\" loading=\"lazy\" \
         style=\"border:0;max-width:100%\"></iframe>\n<p><a href=\"{}{}\">{}</a></p>",
        escape(&address(page, lang, kind)),
        escape(chart),
        escape(folder(page)),
        crate::route::page_dir(lang),
        escape(&link)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::story;

    #[test]
    fn the_embed_view_sits_beside_the_app_under_any_sub_path() {
        for (page, want) in [
            ("https://example.org/", "https://example.org/embed.html"),
            (
                "https://example.org/zezhou/",
                "https://example.org/zezhou/embed.html",
            ),
            (
                "https://example.org/a/b/zezhou/index.html?utm=x#/en/event/2",
                "https://example.org/a/b/zezhou/embed.html",
            ),
            (
                "http://127.0.0.1:8080/zezhou/#/zh-Hant",
                "http://127.0.0.1:8080/zezhou/embed.html",
            ),
        ] {
            let got = address(page, Lang::ZhHant, ChartKind::Achieved);
            assert_eq!(got, format!("{want}#/zh-Hant/achieved-vs-target"), "{page}");
        }
    }

    #[test]
    fn the_hash_names_language_and_chart_and_junk_falls_back() {
        for kind in ChartKind::ALL {
            for lang in Lang::ALL {
                let hash = format!("#/{}/{}", lang.as_str(), kind.slug());
                assert_eq!(parse(&hash), (Some(lang), kind));
            }
        }
        for junk in [
            "",
            "#",
            "#/fr/nope",
            "#/<script>",
            "#//",
            "#/en/money-by-programme/x/y",
        ] {
            let (_, kind) = parse(junk);
            assert!(ChartKind::ALL.contains(&kind), "{junk}");
        }
        assert_eq!(
            parse("#/xx/households-and-people"),
            (None, ChartKind::HouseholdsPeople)
        );
    }

    #[test]
    fn the_snippet_is_an_iframe_and_a_fallback_link_escaped() {
        let page = "https://example.org/z\"ez/?q=<b>#/en";
        let html = snippet(story(), page, Lang::ZhHans, ChartKind::Money);
        let (iframe, link) = html.split_once('\n').unwrap();
        assert!(iframe.starts_with(
            "<iframe src=\"https://example.org/z&quot;ez/embed.html#/zh-Hans/money-by-programme\""
        ));
        assert!(iframe.contains("title=\"各项目支出与投资\""));
        assert!(iframe.contains("width=\"100%\""));
        assert!(iframe.ends_with("></iframe>"));
        assert_eq!(
            link,
            "<p><a href=\"https://example.org/z&quot;ez/\">各项目支出与投资（泽州县2017年脱贫攻坚十件大事）</a></p>"
        );
        // Each language's link is its page.
        let en = snippet(
            story(),
            "https://example.org/zezhou/",
            Lang::En,
            ChartKind::Money,
        );
        assert!(
            en.contains("<a href=\"https://example.org/zezhou/en/\">"),
            "{en}"
        );
        assert!(!html.contains("<b>"));
    }
}
