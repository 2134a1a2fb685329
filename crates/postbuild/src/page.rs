//! Finishing trunk's `index.html`: the prerendered first view, the no-script and
//! no-WebAssembly fallbacks, the embed view, and a strict
//! Content-Security-Policy with the hash of every inline script, placed before any script.

use crate::dom;
use crate::hash::{csp_hash, integrity};
use crate::Error;
use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, text, RewriteStrSettings};
use std::cell::RefCell;
use std::fmt;
use zezhou::data::story;
use zezhou::html::escape;
use zezhou::model::Lang;

/// The policy: only this origin, WebAssembly compilation allowed, inline scripts only by
/// hash, no inline styles at all.
pub fn content_security_policy(script_hashes: &[String]) -> String {
    let mut script_src = String::from("'self' 'wasm-unsafe-eval'");
    for hash in script_hashes {
        script_src.push(' ');
        script_src.push_str(hash);
    }
    [
        "default-src 'self'".to_owned(),
        format!("script-src {script_src}"),
        "style-src 'self'".to_owned(),
        "img-src 'self' data: blob:".to_owned(),
        "font-src 'self'".to_owned(),
        "connect-src 'self'".to_owned(),
        "manifest-src 'self'".to_owned(),
        "worker-src 'self'".to_owned(),
        "object-src 'none'".to_owned(),
        "base-uri 'none'".to_owned(),
        "form-action 'none'".to_owned(),
    ]
    .join("; ")
}

/// Where the embed view's start script is ([`crate::scripts::EMBED_START_TEMPLATE`]) and
/// its integrity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Start {
    /// The script's file name.
    pub file: String,
    /// Its integrity value.
    pub integrity: String,
}

/// What [`finish`] puts into trunk's page.
pub struct Finish<'a> {
    /// The page's language: its `<html lang>`, title and description.
    pub lang: Lang,
    /// Its description ([`crate::preview::description`]).
    pub description: &'a str,
    /// The `hreflang` alternates ([`crate::preview::alternates`]), or nothing.
    pub alternates: &'a str,
    /// The link preview's `<meta>` tags ([`crate::preview::meta_tags`]).
    pub preview: &'a str,
    /// The first view as HTML, for `#app`, with its hydration markers.
    pub first_view: &'a str,
    /// The note above it (before `#app`) for browsers without JavaScript or WebAssembly.
    pub note: &'a StaticNote,
    /// The no-script stylesheet's content, for its integrity.
    pub noscript_css: &'a [u8],
    /// `crate::scripts::HEAD_SCRIPTS`, minified.
    pub head_scripts: &'a [String],
}

/// trunk's page with the first view in `#app`; after the stylesheet (whose rules the
/// no-script one overrides) the no-script stylesheet and
/// `crate::scripts::HEAD_SCRIPTS`; and, right after `<meta charset>`, the policy with the hash of
/// every inline script the page then has.
pub fn finish(index: &str, parts: &Finish) -> Result<String, Error> {
    let apps = dom::select(index, "#app")?;
    if apps.len() != 1
        || !apps[0].text.trim().is_empty()
        || !dom::select(index, "#app *")?.is_empty()
    {
        return Err(Error::Missing("single empty <div id=\"app\">"));
    }
    if dom::select(index, r#"link[rel="stylesheet"]"#)?.len() != 1 {
        return Err(Error::Missing("single stylesheet link"));
    }
    // The site's root relative to the page (`../` in the language pages' copies: [`in_folder`]),
    // read by the app's `browser::history::root`.
    let mut head = format!(
        "<meta name=description content=\"{}\"><meta name=zezhou-root content=./>",
        escape(parts.description)
    );
    head.push_str(parts.preview);
    head.push_str(parts.alternates);
    head.push_str(&format!(
        "<noscript><link rel=stylesheet href=./noscript.css integrity={}></noscript>",
        integrity(parts.noscript_css)
    ));
    for script in parts.head_scripts {
        head.push_str(&format!("<script>{script}</script>"));
    }
    // The first view exactly as rendered, with Leptos' hydration markers (`<!>`): the live
    // app takes it over node for node (`zezhou::start`), so nothing but it goes in `#app`.
    let app = parts.first_view;
    let note = parts.note.to_string();
    let title = escape(story().title.get(parts.lang));
    let html = rewrite_str(
        index,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!("html", |el| {
                    el.set_attribute("lang", parts.lang.as_str())?;
                    Ok(())
                }),
                element!("title", |el| {
                    el.set_inner_content(&title, ContentType::Html);
                    Ok(())
                }),
                element!("meta[name=description], meta[name=zezhou-root]", |el| {
                    el.remove();
                    Ok(())
                }),
                element!("#app", |el| {
                    el.before(&note, ContentType::Html);
                    el.set_inner_content(app, ContentType::Html);
                    Ok(())
                }),
                element!(r#"link[rel="stylesheet"]"#, |el| {
                    el.after(&head, ContentType::Html);
                    Ok(())
                }),
            ],
            ..RewriteStrSettings::default()
        },
    )?;
    with_policy(&html)
}

/// Attributes that hold an address relative to the page.
pub const ADDRESSES: [&str; 7] = [
    "href",
    "src",
    "data-js",
    "data-wasm",
    "data-hans",
    "data-hant",
    "data-en",
];
/// `<meta>` whose `content` is an address relative to the page.
const ADDRESS_METAS: &str =
    r#"meta[property="og:image"], meta[name="twitter:image"], meta[name="zezhou-root"]"#;

/// `page` (a finished root page) as a page one folder down (`en/index.html`): every address
/// relative to the page now starts `../`, so the files of the root are found from there.
/// Addresses with a scheme, absolute paths, fragments and `data:` stay as they are; so does
/// `<meta name=zezhou-charts>`, which names a file of the root (`zezhou::browser::island`).
pub fn in_folder(page: &str) -> Result<String, Error> {
    fn down(address: &str) -> Option<String> {
        let scheme = address
            .split_once(':')
            .is_some_and(|(s, _)| !s.is_empty() && !s.contains(['/', '?', '#']));
        if scheme || address.starts_with(['/', '#']) || address.is_empty() {
            return None;
        }
        Some(format!(
            "../{}",
            address.strip_prefix("./").unwrap_or(address)
        ))
    }
    let noscript = RefCell::new(String::new());
    Ok(rewrite_str(
        page,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!("*", |el| {
                    for name in ADDRESSES {
                        if let Some(to) = el.get_attribute(name).as_deref().and_then(down) {
                            el.set_attribute(name, &to)?;
                        }
                    }
                    Ok(())
                }),
                element!(ADDRESS_METAS, |el| {
                    if let Some(to) = el.get_attribute("content").as_deref().and_then(down) {
                        el.set_attribute("content", &to)?;
                    }
                    Ok(())
                }),
                // lol_html reads `<noscript>` as text (a scripting parser's view): its
                // stylesheet link is rewritten as markup of its own.
                text!("noscript", |chunk| {
                    noscript.borrow_mut().push_str(chunk.as_str());
                    if chunk.last_in_text_node() {
                        let inner = in_folder(&noscript.take()).map_err(|e| e.to_string())?;
                        chunk.replace(&inner, ContentType::Html);
                    } else {
                        chunk.remove();
                    }
                    Ok(())
                }),
            ],
            ..RewriteStrSettings::default()
        },
    )?)
}

/// The embed view (`embed.html`, see `zezhou::chart::embed`), from the finished `index`: the
/// same head (stylesheet, pre-paint script), not the page's loader and preloads, and in
/// place of the first view the slot the app's module mounts one chart into, started at once
/// by `start` (after `<meta name=zezhou-root>`); a policy of its own.
pub fn embed(index: &str, start: &Start) -> Result<String, Error> {
    let start = format!(
        "<script type=module src=./{} integrity={}></script>",
        start.file, start.integrity
    );
    let html = rewrite_str(
        index,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!("html", |el| {
                    el.set_attribute("data-embed", "")?;
                    Ok(())
                }),
                element!(
                    r#"meta[http-equiv="Content-Security-Policy"], script[type="module"], link[rel="modulepreload"], link[rel="preload"]"#,
                    |el| {
                        el.remove();
                        Ok(())
                    }
                ),
                // (trunk's release page has no `<head>` tag to append to.)
                element!("meta[name=zezhou-root]", |el| {
                    el.after(&start, ContentType::Html);
                    Ok(())
                }),
                // The page's note on its static first view is not the embed's.
                element!(".static-note", |el| {
                    el.remove();
                    Ok(())
                }),
                element!("#app", |el| {
                    el.replace(
                        "<main id=charts-root class=embed aria-busy=true></main>",
                        ContentType::Html,
                    );
                    Ok(())
                }),
            ],
            ..RewriteStrSettings::default()
        },
    )?;
    with_policy(&html)
}

/// `html` with the policy, allowing every inline script it has by hash, right after its
/// `<meta charset>` (before any script).
pub fn with_policy(html: &str) -> Result<String, Error> {
    if dom::select(html, "meta[charset]")?.len() != 1 {
        return Err(Error::Missing("<meta charset>"));
    }
    if !dom::select(html, r#"meta[http-equiv="Content-Security-Policy"]"#)?.is_empty() {
        return Err(Error::Unexpected("the page has a policy already".into()));
    }
    let hashes: Vec<String> = dom::inline_scripts(html)?
        .iter()
        .map(|s| csp_hash(s))
        .collect();
    let meta = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        content_security_policy(&hashes)
    );
    Ok(rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![element!("meta[charset]", |el| {
                el.after(&meta, ContentType::Html);
                Ok(())
            })],
            ..RewriteStrSettings::default()
        },
    )?)
}

/// The note a browser without JavaScript or WebAssembly shows above the static first view.
pub struct StaticNote {
    /// The note's text.
    pub text: &'static str,
}

impl fmt::Display for StaticNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<p class=\"static-note\" hidden>{}</p>", self.text)
    }
}

impl StaticNote {
    /// The note in `lang`, for that language's page.
    pub fn of(lang: Lang) -> StaticNote {
        StaticNote {
            text: match lang {
                Lang::ZhHans => "此为静态版本：筛选、图表等互动功能需要支持 JavaScript 和 WebAssembly 的较新浏览器。",
                Lang::ZhHant => "此為靜態版本：篩選、圖表等互動功能需要支援 JavaScript 和 WebAssembly 的較新瀏覽器。",
                Lang::En => "This is the static version: filters, charts and the other interactive parts need a newer browser with JavaScript and WebAssembly.",
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_one_folder_down_reaches_the_root_files() {
        let page = r##"<html><head><meta name=zezhou-root content=./><link href=./style-1.css rel=stylesheet><link href=manifest.webmanifest rel=manifest><link href=icons/a.png rel=apple-touch-icon><script type=module data-js=./app-1.js data-wasm=./app-1_bg.wasm>const x = "./not-an-attribute";</script><meta name=zezhou-charts content=charts-1-start.js><meta property=og:image content="./og-en.png"><meta name=twitter:image content="https://example.org/og-en.png"><meta name=description content="./words"><noscript><link rel=stylesheet href=./noscript.css></noscript></head><body><a href="#main">skip</a><a href="/abs">a</a><a href="mailto:x@example.org">m</a><img src="data:image/png;base64,AA"><a href="./">home</a></body></html>"##;
        let down = in_folder(page).unwrap();
        for expected in [
            r#"content="../">"#,
            r#"href="../style-1.css""#,
            r#"href="../manifest.webmanifest""#,
            r#"href="../icons/a.png""#,
            r#"data-js="../app-1.js""#,
            r#"data-wasm="../app-1_bg.wasm""#,
            r#"const x = "./not-an-attribute";"#,
            "content=charts-1-start.js",
            r#"content="../og-en.png""#,
            r#"content="https://example.org/og-en.png""#,
            r#"content="./words""#,
            r#"href="../noscript.css""#,
            r##"href="#main""##,
            r#"href="/abs""#,
            r#"href="mailto:x@example.org""#,
            r#"src="data:image/png;base64,AA""#,
            r#"href="../""#,
        ] {
            assert!(down.contains(expected), "no {expected} in {down}");
        }
        assert!(!down.contains("../.."), "{down}");
    }

    #[test]
    fn the_policy_is_strict() {
        let csp = content_security_policy(&["'sha256-abc'".to_owned()]);
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc'"));
        assert!(csp.contains("style-src 'self'"));
        assert!(csp.contains("object-src 'none'"));
        assert!(csp.contains("base-uri 'none'"));
        assert!(!csp.contains("unsafe-inline"));
        assert!(!csp.contains("'unsafe-eval'"));
        assert!(!csp.contains('"'));
    }
}
