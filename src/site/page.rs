//! Finishing trunk's `index.html`: the prerendered first view, the no-script and
//! no-WebAssembly fallbacks, and a strict Content-Security-Policy with the hash of every
//! inline script, placed before any script.

use super::offline::csp_hash as script_hash;
use std::fmt;

/// Why trunk's page could not be finished.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PageError {
    /// The page lacks a marker the build relies on.
    #[error("index.html has no {0}: has index.html or trunk's output changed?")]
    Missing(&'static str),
}

/// The script that runs before the first paint: sets `<html class="no-wasm">` where the
/// browser has no WebAssembly, so the static first view shows every text and a note instead
/// of waiting for an app that cannot start; and puts the reader's text size (长辈模式) and
/// theme on `<html>`, so the first view is drawn in them from its first frame.
pub const PREPAINT_SCRIPT: &str = include_str!("prepaint.js");

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

/// The texts of every inline `<script>` (one without `src`), in order.
pub fn inline_scripts(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find("<script") {
        let after = &rest[open..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let tag = &after[..tag_end];
        let body = &after[tag_end + 1..];
        let Some(close) = body.find("</script>") else {
            break;
        };
        if !tag.contains(" src=") && !tag.contains(" src ") {
            out.push(&body[..close]);
        }
        rest = &body[close..];
    }
    out
}

/// Subresource integrity for a file: `sha384-…`, as browsers check it.
pub fn integrity(bytes: &[u8]) -> String {
    use base64::Engine;
    use sha2::{Digest, Sha384};
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes))
    )
}

/// Trunk's page with the first view in `#app`, the fallbacks (`noscript_css` is the
/// no-script stylesheet's content, for its integrity), and the policy.
pub fn finish(
    index: &str,
    first_view: &str,
    lang_note: &StaticNote,
    noscript_css: &[u8],
) -> Result<String, PageError> {
    let empty_app = ["<div id=app></div>", "<div id=\"app\"></div>"]
        .into_iter()
        .find(|m| index.contains(m))
        .ok_or(PageError::Missing("empty <div id=\"app\">"))?;
    let app = format!("<div id=\"app\">{lang_note}{first_view}</div>");
    let html = index.replacen(empty_app, &app, 1);

    // Without script: every card's text shows, the controls that need the app hide.
    let head_end = ["</head>", "<body>", "<body"]
        .into_iter()
        .find_map(|m| html.find(m))
        .ok_or(PageError::Missing("</head> or <body>"))?;
    let fallbacks = format!(
        "<noscript><link rel=\"stylesheet\" href=\"./noscript.css\" integrity=\"{}\"></noscript><script>{PREPAINT_SCRIPT}</script>",
        integrity(noscript_css)
    );
    let html = format!("{}{fallbacks}{}", &html[..head_end], &html[head_end..]);

    // The policy goes right after <meta charset>, before any script.
    let hashes: Vec<String> = inline_scripts(&html).into_iter().map(script_hash).collect();
    let meta = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        content_security_policy(&hashes)
    );
    let charset = html
        .find("<meta charset")
        .ok_or(PageError::Missing("<meta charset>"))?;
    let charset_end = charset
        + html[charset..]
            .find('>')
            .ok_or(PageError::Missing("end of <meta charset>"))?
        + 1;
    Ok(format!(
        "{}{meta}{}",
        &html[..charset_end],
        &html[charset_end..]
    ))
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

/// The note, in the default language and English.
pub const STATIC_NOTE: StaticNote = StaticNote {
    text: "此为静态版本：筛选、图表等互动功能需要支持 JavaScript 和 WebAssembly 的较新浏览器。This is the static version: the interactive one needs a browser with JavaScript and WebAssembly.",
};

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = "<!doctype html><html lang=zh-Hans><meta charset=utf-8><title>t</title><script type=module>import init from './a.js';\nawait init();</script><link href=./a.css integrity=sha384-x rel=stylesheet></head><body><div id=app></div></body></html>";

    #[test]
    fn finds_inline_scripts_only() {
        let html = "<script src=./x.js></script><script type=module>a()</script><p></p><script>b()</script>";
        assert_eq!(inline_scripts(html), vec!["a()", "b()"]);
    }

    #[test]
    fn integrity_is_sha384_in_base64() {
        // printf 'p{}' | openssl dgst -sha384 -binary | base64
        assert_eq!(
            integrity(b"p{}"),
            "sha384-l5tjHW8LADNSE1AyPUmwbkf/3UM+JeWJSCHSxsox6miUwcatnR+pEle0o/Ibe1pq"
        );
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
    }

    #[test]
    fn finishes_the_page_with_the_policy_before_any_script() {
        let html = finish(TRUNK, "<header>first</header>", &STATIC_NOTE, b"p{}").unwrap();
        let csp = html.find("Content-Security-Policy").unwrap();
        assert!(csp < html.find("<script").unwrap());
        assert!(html.contains("<div id=\"app\"><p class=\"static-note\" hidden>"));
        assert!(html.contains("<header>first</header></div>"));
        for script in inline_scripts(&html) {
            assert!(
                html.contains(&script_hash(script)),
                "unhashed script {script:?}"
            );
        }
        assert_eq!(inline_scripts(&html).len(), 2);
        assert!(html.contains(&format!(
            "<noscript><link rel=\"stylesheet\" href=\"./noscript.css\" integrity=\"{}\"></noscript>",
            integrity(b"p{}")
        )));
    }

    #[test]
    fn a_page_without_the_app_element_is_an_error() {
        let broken = TRUNK.replace("<div id=app></div>", "");
        assert_eq!(
            finish(&broken, "", &STATIC_NOTE, b""),
            Err(PageError::Missing("empty <div id=\"app\">"))
        );
    }
}
