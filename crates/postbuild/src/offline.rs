//! Offline support, written at build time: the service worker (`sw.js`) and the page static
//! hosts serve for a missing path (`404.html`).
//!
//! Both are plain text made from the files of one build, so they are tested here on the host;
//! the post-build hook writes them into the staging dir after every other file is final.
//!
//! - [`service_worker`]: precaches every file of the build under a cache named after a hash of
//!   those files, so a new build gets a new cache and the old one is dropped when it activates.
//! - [`not_found_page`]: finds the app from any mistyped path under it, wherever the site is
//!   deployed, without a rebuild.

use crate::hash::{csp_hash, short_hex};
use crate::scripts::{NOT_FOUND, NOT_FOUND_STYLE, SERVICE_WORKER_TEMPLATE as WORKER_TEMPLATE};
use sha2::{Digest, Sha256};

/// The web app manifest the build copies; the 404 page recognises the app by its `name`.
const MANIFEST: &str = include_str!("../../../public/manifest.webmanifest");

/// Files of the build that the worker must not precache: itself, and the page for missing
/// paths (it never belongs to the app's own URLs).
const NOT_PRECACHED: [&str; 2] = ["sw.js", "404.html"];

/// The text of `sw.js` for a build made of `files` (paths relative to the dist root, with `/`
/// separators, and their bytes, as they will be served).
///
/// The precache list holds each page by its folder's address (`./`, `./en/`: the address a
/// reader opens) and every file but `sw.js` and `404.html`, as relative URLs; the cache version is a short SHA-256 over those files' names and
/// contents, so any change to any of them names a new cache.
pub fn service_worker(files: &[(String, Vec<u8>)]) -> String {
    let mut precached: Vec<(String, &[u8])> = files
        .iter()
        .map(|(path, bytes)| (path.replace('\\', "/"), bytes.as_slice()))
        .filter(|(path, _)| !NOT_PRECACHED.contains(&path.as_str()))
        .collect();
    precached.sort_by(|a, b| a.0.cmp(&b.0));

    let folders: std::collections::BTreeSet<String> = std::iter::once("./".to_owned())
        .chain(
            precached
                .iter()
                .filter_map(|(path, _)| path.strip_suffix("index.html"))
                .map(|folder| format!("./{}", url_path(folder))),
        )
        .collect();
    let mut urls: Vec<String> = folders.into_iter().collect();
    urls.extend(
        precached
            .iter()
            .map(|(path, _)| format!("./{}", url_path(path))),
    );
    let list = serde_json::to_string(&urls).expect("a list of strings serialises");

    WORKER_TEMPLATE
        .replace(
            "\"__CACHE_VERSION__\"",
            &format!("\"{}\"", build_version(&precached)),
        )
        .replace("[\"__PRECACHE__\"]", &list)
}

/// A short hex digest of the files' names and contents, independent of their order.
fn build_version(files: &[(String, &[u8])]) -> String {
    let mut hasher = Sha256::new();
    for (path, bytes) in files {
        // Lengths first, so no two different file sets feed the same byte stream.
        hasher.update((path.len() as u64).to_le_bytes());
        hasher.update(path.as_bytes());
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(bytes);
    }
    short_hex(&hasher.finalize())
}

/// `path` as a URL path: unreserved characters and `/` as they are, the rest percent-encoded.
fn url_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A self-contained `404.html`: with JavaScript it says it is opening the app and lands on it
/// (see the script above); without, it says only that the page does not exist, in Chinese
/// and English, and links to `./`: the folder of the missing page, which is the app's for a
/// mistyped name in it (`/some/path/typo`), wherever the app is deployed (a link to `/`
/// would leave an app under a sub-path). Its one script and one stylesheet are allowed by
/// hash in its own strict CSP.
pub fn not_found_page() -> String {
    let name = app_name();
    let (script, style) = (NOT_FOUND.trim_end(), NOT_FOUND_STYLE.trim_end());
    let csp = format!(
        "default-src 'none'; script-src {}; style-src {}; connect-src 'self'; \
         base-uri 'none'; form-action 'none'",
        csp_hash(script),
        csp_hash(style),
    );
    let title = zezhou::html::escape(&name);
    format!(
        r#"<!DOCTYPE html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="robots" content="noindex">
<meta name="application-name" content="{title}">
<title>页面不存在 · {title}</title>
<style>{style}</style>
</head>
<body>
<main>
<h1>页面不存在</h1>
<p lang="en">This page does not exist.</p>
<p id="opening" hidden>正在打开{title}…… <span lang="en">Opening the fact sheet…</span></p>
<p><a href="./">打开首页 <span lang="en">· Go to the home page</span></a></p>
</main>
<script>{script}</script>
</body>
</html>
"#
    )
}

/// The app's name, from the manifest the build ships.
fn app_name() -> String {
    let manifest: serde_json::Value =
        serde_json::from_str(MANIFEST).expect("public/manifest.webmanifest is JSON (tested)");
    manifest["name"]
        .as_str()
        .expect("the manifest has a name (tested)")
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(files: &[(&str, &str)]) -> Vec<(String, Vec<u8>)> {
        files
            .iter()
            .map(|(path, text)| ((*path).to_owned(), text.as_bytes().to_vec()))
            .collect()
    }

    fn sample() -> Vec<(String, Vec<u8>)> {
        build(&[
            ("index.html", "<!DOCTYPE html>"),
            ("en/index.html", "<!DOCTYPE html>"),
            ("zezhou-1a2b.js", "export {}"),
            ("zezhou-1a2b_bg.wasm", "\0asm"),
            ("tokens-3c4d.css", ":root{}"),
            ("manifest.webmanifest", "{}"),
            ("icons/icon-192.png", "png"),
            ("sw.js", "old worker"),
            ("404.html", "<!DOCTYPE html>"),
        ])
    }

    /// The array literal the template's `__PRECACHE__` became.
    #[track_caller]
    fn precache_of(worker: &str) -> Vec<String> {
        let start = worker
            .find("const PRECACHE = ")
            .expect("a PRECACHE constant")
            + 17;
        let end = start + worker[start..].find(";\n").expect("PRECACHE ends");
        serde_json::from_str(&worker[start..end]).expect("PRECACHE is a JSON array")
    }

    #[track_caller]
    fn version_of(worker: &str) -> String {
        let start = worker
            .find("const VERSION = \"")
            .expect("a VERSION constant")
            + 17;
        let end = start + worker[start..].find('"').expect("VERSION ends");
        worker[start..end].to_owned()
    }

    #[test]
    fn the_template_has_each_placeholder_once() {
        assert_eq!(WORKER_TEMPLATE.matches("\"__CACHE_VERSION__\"").count(), 1);
        assert_eq!(WORKER_TEMPLATE.matches("[\"__PRECACHE__\"]").count(), 1);
    }

    #[test]
    fn the_worker_precaches_the_page_and_every_file_but_itself_and_404() {
        let worker = service_worker(&sample());
        assert!(!worker.contains("__PRECACHE__"));
        assert!(!worker.contains("__CACHE_VERSION__"));
        assert_eq!(
            precache_of(&worker),
            [
                "./",
                "./en/",
                "./en/index.html",
                "./icons/icon-192.png",
                "./index.html",
                "./manifest.webmanifest",
                "./tokens-3c4d.css",
                "./zezhou-1a2b.js",
                "./zezhou-1a2b_bg.wasm",
            ]
        );
    }

    #[test]
    fn the_worker_never_reaches_outside_its_origin() {
        let worker = service_worker(&sample());
        assert!(!worker.contains("importScripts("));
        assert!(!worker.contains("http:") && !worker.contains("https:"));
    }

    #[test]
    fn urls_are_relative_and_percent_encoded() {
        let files = build(&[("a b/é.png", "x"), ("windows\\path.css", "y")]);
        assert_eq!(
            precache_of(&service_worker(&files)),
            ["./", "./a%20b/%C3%A9.png", "./windows/path.css"]
        );
    }

    #[test]
    fn the_cache_version_follows_names_and_contents_not_order() {
        let base = version_of(&service_worker(&sample()));
        assert_eq!(base.len(), 16);
        assert!(base.bytes().all(|b| b.is_ascii_hexdigit()));

        let mut reversed = sample();
        reversed.reverse();
        assert_eq!(
            version_of(&service_worker(&reversed)),
            base,
            "order matters"
        );

        let mut changed = sample();
        changed[1].1.push(b' ');
        assert_ne!(
            version_of(&service_worker(&changed)),
            base,
            "content ignored"
        );

        let mut renamed = sample();
        renamed[1].0 = "zezhou-9f9f.js".into();
        assert_ne!(version_of(&service_worker(&renamed)), base, "name ignored");

        let mut added = sample();
        added.push(("extra.txt".into(), Vec::new()));
        assert_ne!(
            version_of(&service_worker(&added)),
            base,
            "new file ignored"
        );
    }

    #[test]
    fn neither_the_old_worker_nor_404_changes_the_version() {
        let base = version_of(&service_worker(&sample()));
        let mut other = sample();
        for (path, bytes) in &mut other {
            if path == "sw.js" || path == "404.html" {
                bytes.extend_from_slice(b" changed");
            }
        }
        assert_eq!(version_of(&service_worker(&other)), base);
    }

    #[test]
    fn the_manifest_names_the_app_and_lists_its_icons() {
        let manifest: serde_json::Value = serde_json::from_str(MANIFEST).unwrap();
        assert_eq!(manifest["name"], "泽州县2017年脱贫攻坚十件大事");
        assert_eq!(manifest["lang"], "zh-Hans");
        assert_eq!(manifest["start_url"], "./");
        assert_eq!(manifest["scope"], "./");
        assert_eq!(manifest["display"], "standalone");
        assert_eq!(manifest["theme_color"], "#a8231b");
        assert_eq!(manifest["background_color"], "#f7f5f0");
        let icons = manifest["icons"].as_array().unwrap();
        let has = |size: &str, purpose: &str| {
            icons.iter().any(|i| {
                i["sizes"] == size
                    && i["type"] == "image/png"
                    && i["purpose"].as_str().unwrap_or("any") == purpose
            })
        };
        assert!(has("192x192", "any") && has("512x512", "any") && has("512x512", "maskable"));
        for icon in icons {
            let path = format!(
                "{}/../../public/{}",
                env!("CARGO_MANIFEST_DIR"),
                icon["src"].as_str().unwrap()
            );
            assert!(std::path::Path::new(&path).is_file(), "missing {path}");
        }
    }

    /// The content of the one `<tag>…</tag>` element in `html`.
    #[track_caller]
    fn only_element<'a>(html: &'a str, tag: &str) -> &'a str {
        let open = format!("<{tag}>");
        let close = format!("</{tag}>");
        assert_eq!(html.matches(&format!("<{tag}")).count(), 1, "one <{tag}>");
        let start = html.find(&open).expect("opening tag") + open.len();
        let end = html.find(&close).expect("closing tag");
        &html[start..end]
    }

    #[track_caller]
    fn csp_of(html: &str) -> &str {
        let meta = r#"<meta http-equiv="Content-Security-Policy" content=""#;
        assert_eq!(html.matches("Content-Security-Policy").count(), 1);
        let start = html.find(meta).expect("a CSP meta") + meta.len();
        let end = start + html[start..].find('"').unwrap();
        &html[start..end]
    }

    #[test]
    fn the_404_page_allows_exactly_its_own_script_and_style() {
        let html = not_found_page();
        let csp = csp_of(&html);
        let directive = |name: &str| {
            csp.split(';')
                .map(str::trim)
                .find_map(|d| d.strip_prefix(name).map(str::trim))
                .unwrap_or_else(|| panic!("no {name} in {csp}"))
                .to_owned()
        };
        assert_eq!(directive("default-src"), "'none'");
        assert_eq!(
            directive("script-src"),
            csp_hash(only_element(&html, "script"))
        );
        assert_eq!(
            directive("style-src"),
            csp_hash(only_element(&html, "style"))
        );
        assert_eq!(directive("connect-src"), "'self'");
        assert!(!csp.contains("unsafe"));
        // The CSP must come before anything it governs.
        assert!(html.find("Content-Security-Policy") < html.find("<style>"));
    }

    #[test]
    fn the_404_page_is_self_contained() {
        let html = not_found_page();
        for banned in [" style=", " src=", "<link", "http:", "https:", " on"] {
            assert!(!html.contains(banned), "404.html contains {banned:?}");
        }
    }

    #[test]
    fn the_404_page_looks_for_our_manifest_and_keeps_the_view() {
        let script = only_element(&not_found_page(), "script").to_owned();
        assert!(
            script.contains("document.querySelector('meta[name=\"application-name\"]').content")
        );
        assert!(not_found_page()
            .contains("<meta name=\"application-name\" content=\"泽州县2017年脱贫攻坚十件大事\">"));
        assert!(script.contains("'manifest.webmanifest'"));
        assert!(script.contains("location.replace(folder + location.hash)"));
    }

    #[test]
    fn the_404_page_speaks_both_languages_and_links_home_without_script() {
        let html = not_found_page();
        assert!(html.contains("<html lang=\"zh-Hans\">"));
        assert!(html.contains("页面不存在"));
        assert!(html.contains("This page does not exist"));
        // Bug (issue 12): the link went to "/", wrong under a sub-path, and the page said
        // it was opening the app even where no script would.
        assert!(html.contains("<a href=\"./\">"), "{html}");
        assert!(html.contains("<p id=\"opening\" hidden>"), "{html}");
        assert!(!html.contains("href=\"/\""), "{html}");
    }
}
