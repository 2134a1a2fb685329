//! Fewer, smaller first-load files, after trunk has written them:
//!
//! - [`stylesheets`] and [`bundle_styles`]: trunk links each stylesheet of `style/`
//!   separately; one file gzips about 1.3 KB smaller than five and saves four requests;
//! - [`refresh_integrity`]: after a file changed in place (the wasm-bindgen JavaScript,
//!   minified by the hook because trunk's own minifier fails on it), every `integrity`
//!   attribute is computed again from the file it names;
//! - [`late_loader`]: trunk's loader imports the app at once and preloads it from the head,
//!   so its download competes with the first view's and, in Lighthouse's model, counts
//!   towards the largest paint. The hook replaces it with [`scripts::LATE_LOADER`], which
//!   waits until the browser has recorded the first view's largest paint, then fetches the
//!   same files with the same integrity;
//! - [`embed_start_script`]: the embed view (`page::embed`) starts the app's module with a
//!   script of its own, the same files checked by the same integrity values.
//!
//! Every edit goes through lol_html; file contents come from the caller, so the functions are
//! tested on trunk's real output (`tests/trunk_output.rs`) without a build.

use crate::dom::{self, file_name};
use crate::hash::integrity;
use crate::{scripts, Error};
use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, RewriteStrSettings};

/// trunk's links to the stylesheets of `style/`: with integrity, not the no-script one.
const STYLESHEET: &str =
    r#"link[rel="stylesheet"][integrity][href$=".css"]:not([href$="noscript.css"])"#;

/// trunk's preload of the app's JavaScript.
const MODULE_PRELOAD: &str = r#"link[rel="modulepreload"][href$=".js"]"#;

/// trunk's preload of the app's WebAssembly.
const WASM_PRELOAD: &str = r#"link[rel="preload"][href$=".wasm"]"#;

/// trunk's loader: its one inline module script.
const TRUNK_LOADER: &str = r#"script[type="module"]:not([src])"#;

/// The hrefs of the stylesheets trunk linked, in order.
pub fn stylesheets(html: &str) -> Result<Vec<String>, Error> {
    Ok(dom::select(html, STYLESHEET)?
        .into_iter()
        .filter_map(|tag| tag.get("href").map(str::to_owned))
        .collect())
}

/// Replaces the stylesheet links with one link to `name`, whose contents are `css` (the
/// linked files' contents, concatenated in link order by the caller), where the first one
/// was. Returns the page unchanged when there is at most one stylesheet.
pub fn bundle_styles(html: &str, name: &str, css: &[u8]) -> Result<String, Error> {
    if stylesheets(html)?.len() < 2 {
        return Ok(html.to_owned());
    }
    if !plain(name) {
        return Err(Error::Unexpected(format!(
            "unexpected characters in {name:?}"
        )));
    }
    // Written out rather than through set_attribute, which quotes every value.
    let link = format!(
        "<link href=./{name} integrity={} rel=stylesheet>",
        integrity(css)
    );
    let mut first = true;
    Ok(rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![element!(STYLESHEET, |el| {
                if std::mem::take(&mut first) {
                    el.replace(&link, ContentType::Html);
                } else {
                    el.remove();
                }
                Ok(())
            })],
            ..RewriteStrSettings::default()
        },
    )?)
}

/// Recomputes every `integrity` attribute of a `<link>` from the file its `href` names
/// (`read` gives a file's bytes by name; links it cannot read keep their value).
pub fn refresh_integrity(
    html: &str,
    read: impl Fn(&str) -> Option<Vec<u8>>,
) -> Result<String, Error> {
    Ok(rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![element!("link[href][integrity]", |el| {
                let href = el.get_attribute("href").unwrap_or_default();
                if let Some(bytes) = read(file_name(&href)) {
                    let fresh = integrity(&bytes);
                    if el.get_attribute("integrity").as_deref() != Some(fresh.as_str()) {
                        el.set_attribute("integrity", &fresh)?;
                    }
                }
                Ok(())
            })],
            ..RewriteStrSettings::default()
        },
    )?)
}

/// True for what may go into the generated scripts and tags: a plain file name, or an
/// integrity value (`sha384-` and base64).
fn plain(value: &str) -> bool {
    !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '+' | '/' | '='))
}

/// The app's files as trunk's loader names them: `[js, js integrity, wasm, wasm integrity]`,
/// in the order of [`scripts::LOADER_ATTRIBUTES`]. An error names what is missing.
pub fn app_files(html: &str) -> Result<[String; 4], Error> {
    let first = |selector: &str, what: &'static str| {
        dom::select(html, selector)?
            .into_iter()
            .next()
            .ok_or(Error::Missing(what))
    };
    let js = first(MODULE_PRELOAD, "modulepreload link of the app's JavaScript")?;
    let wasm = first(WASM_PRELOAD, "preload link of the app's WebAssembly")?;
    let loaders = dom::select(html, TRUNK_LOADER)?;
    let [loader] = loaders.as_slice() else {
        return Err(Error::Missing("single module script (trunk's loader)"));
    };
    let href = |tag: &dom::Tag| tag.get("href").unwrap_or_default().to_owned();
    let sri = |tag: &dom::Tag| {
        tag.get("integrity")
            .map(str::to_owned)
            .ok_or_else(|| Error::Unexpected(format!("no integrity on {}", href(tag))))
    };
    let files = [href(&js), sri(&js)?, href(&wasm), sri(&wasm)?];
    if let Some(odd) = files.iter().find(|v| !plain(v)) {
        return Err(Error::Unexpected(format!(
            "unexpected characters in {odd:?}"
        )));
    }
    if !loader
        .text
        .contains(&format!("'./{}'", file_name(&files[0])))
    {
        return Err(Error::Unexpected(format!(
            "trunk's loader does not load {}",
            files[0]
        )));
    }
    Ok(files)
}

/// `html` with trunk's loader (its module script and the two preload links of the app's
/// JavaScript and WebAssembly) replaced by `loader` ([`scripts::LATE_LOADER`], minified),
/// given the same files and integrity values in its `data-*` attributes, and the story's
/// language pools' `texts` (file, integrity: [`scripts::TEXTS_ATTRIBUTES`]). An error names
/// what is missing.
pub fn late_loader(html: &str, loader: &str, texts: &[String; 6]) -> Result<String, Error> {
    let files = app_files(html)?;
    if let Some(odd) = texts.iter().find(|v| !plain(v)) {
        return Err(Error::Unexpected(format!(
            "unexpected characters in {odd:?}"
        )));
    }
    Ok(rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!(MODULE_PRELOAD, |el| {
                    el.remove();
                    Ok(())
                }),
                element!(WASM_PRELOAD, |el| {
                    el.remove();
                    Ok(())
                }),
                element!(TRUNK_LOADER, |el| {
                    // Written out rather than through set_attribute, which quotes every value:
                    // these are plain (checked), and the page is the first load.
                    let mut tag = String::from("<script type=module");
                    let names = scripts::LOADER_ATTRIBUTES
                        .iter()
                        .chain(&scripts::TEXTS_ATTRIBUTES);
                    for (name, value) in names.zip(files.iter().chain(texts)) {
                        tag.push_str(&format!(" {name}={value}"));
                    }
                    el.replace(&format!("{tag}>{loader}</script>"), ContentType::Html);
                    Ok(())
                }),
            ],
            ..RewriteStrSettings::default()
        },
    )?)
}

/// The embed view's start script of the module whose files are `{base}.js` and
/// `{base}_bg.wasm` ([`scripts::EMBED_START_TEMPLATE`] filled in).
pub fn embed_start_script(
    base: &str,
    js_integrity: &str,
    wasm_integrity: &str,
) -> Result<String, Error> {
    let js = format!("./{base}.js");
    let wasm = format!("./{base}_bg.wasm");
    let mut script = scripts::EMBED_START_TEMPLATE.to_owned();
    for (placeholder, value) in [
        ("__JS__", &js),
        ("__JS_INTEGRITY__", &js_integrity.to_owned()),
        ("__WASM__", &wasm),
        ("__WASM_INTEGRITY__", &wasm_integrity.to_owned()),
    ] {
        if !plain(value) {
            return Err(Error::Unexpected(format!(
                "unexpected characters in {value:?}"
            )));
        }
        let json = serde_json::to_string(value).expect("a string serialises");
        script = script.replacen(&format!("\"{placeholder}\""), &json, 1);
    }
    Ok(script)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embed_start_script_loads_the_module_s_files() {
        let js = embed_start_script("zezhou-ab12", "sha384-J", "sha384-W").unwrap();
        assert!(js.contains("const js = at(\"./zezhou-ab12.js\");"), "{js}");
        assert!(
            js.contains("src: js,\n        integrity: \"sha384-J\","),
            "{js}"
        );
        assert!(js.contains("import(js)"), "{js}");
        assert!(js.contains("fetch(at(\"./zezhou-ab12_bg.wasm\"), { integrity: \"sha384-W\" })"));
        assert!(js.contains("setAttribute('data-state', 'failed')"));
        assert!(!js.contains("\"__"), "{js}");
        assert!(embed_start_script("x", "sha384-'+alert(1)+'", "y").is_err());
    }

    #[test]
    fn only_plain_names_and_integrity_values_pass() {
        assert!(plain("zezhou-1a_bg.wasm") && plain("sha384-ab+/="));
        assert!(!plain("") && !plain("a'b") && !plain("a b") && !plain("<"));
    }
}
