//! Every script the step writes, each a `.js` file of its own in `src/js/`, included at
//! compile time and written for people (comments, one statement a line): [`minify`] makes it
//! small for the page with esbuild, as the step does with the wasm-bindgen JavaScript. The
//! inline ones are constants that read their parameters from the page, so each one's CSP hash
//! is a constant of the source (and of esbuild's version); the page's policy hashes every
//! inline script it finds in the finished page (`page::with_policy`), whatever its origin.

use crate::Error;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// Classic scripts that go in the page's `<head>` (after the stylesheet), in this order, each
/// inline, minified and allowed by its hash. To add one, add a line
/// `include_str!("js/name.js"),` here: the page and its policy follow.
pub const HEAD_SCRIPTS: &[&str] = &[
    // Before the first paint: sets `<html class="no-wasm">` where the browser has no
    // WebAssembly, so the static first view shows every text and a note instead of waiting
    // for an app that cannot start; and puts the reader's text size (长辈模式: a link's
    // `text=`, else storage) and theme on `<html>`, so the first view is drawn in them from
    // its first frame. A link in another language than the page's goes to that language's
    // page before anything is drawn, and a link's view (an open card, a filter) keeps the
    // events hidden (`data-pending`) until the live app has applied it.
    include_str!("js/prepaint.js"),
];

/// The page's loader (a module script in place of trunk's), run after the first view's
/// largest paint (where the browser reports it; else a frame later; at the latest after a
/// second): it fetches the app's JavaScript and WebAssembly checked against their integrity
/// values (a module `<script>` with `integrity` for the JavaScript, whose evaluated module
/// `import()` then takes from the module map, because WebKit ignores integrity on
/// modulepreload; `fetch` with `integrity` for the WebAssembly), starts the app, and does
/// nothing without WebAssembly (the HTML first view stays). When the app cannot load (a file
/// that fails its integrity check, a network error), the page falls back to the static view
/// as it does without WebAssembly (`no-wasm`).
///
/// First of all, a link to a card (`#/…/event/7`) brings the first view's card into view, so
/// that the live app, which opens the card in place, needs no jump from the top.
///
/// It reads the files and their integrity values from its own element's `data-js`,
/// `data-js-integrity`, `data-wasm` and `data-wasm-integrity` ([`LOADER_ATTRIBUTES`]).
///
/// The story's texts are files of their own, one per language pool (`data-hans`,
/// `data-hant`, `data-en` and their `-integrity`, [`TEXTS_ATTRIBUTES`]; written by
/// [`crate::run`]): it fetches those of the language the app starts in (the hash's, the
/// page's, on the root's page the reader's stored one, as `src/state.rs` finds it) with
/// their integrity, at once with the app's files, and hands them to the WebAssembly (its
/// export `texts`) before the app mounts; when one fails, the static view stays, as when the
/// WebAssembly fails. The other languages' follow once the app is live and the page idle, or
/// at once when the app asks (a window event `zezhou-texts`: a switch to a language whose
/// texts are not here yet).
pub const LATE_LOADER: &str = include_str!("js/late-loader.js");

/// The loader element's attributes that carry its parameters, in the order written.
pub const LOADER_ATTRIBUTES: [&str; 4] = [
    "data-js",
    "data-js-integrity",
    "data-wasm",
    "data-wasm-integrity",
];

/// The loader element's attributes that name the story's language pools' files and their
/// integrity values, in the order written: 简体, 繁體, English (`zezhou::data::TEXTS`).
pub const TEXTS_ATTRIBUTES: [&str; 6] = [
    "data-hans",
    "data-hans-integrity",
    "data-hant",
    "data-hant-integrity",
    "data-en",
    "data-en-integrity",
];

/// The story's language pools' file names in `dist/` before their hash: `story-hans-….bin`.
pub const TEXTS_NAMES: [&str; 3] = ["hans", "hant", "en"];

/// The embed view's start script (`embed.html`), an external file `embed-{hash}.js` that the
/// page imports with integrity: it fetches the app's module (its JavaScript and WebAssembly)
/// checked against their integrity values, as the page's loader does, and the module then
/// shows one chart (`zezhou::start`); when they cannot load, it marks the charts' slot
/// `data-state="failed"` (the page's CSS then hides it, rather than leave "loading" there
/// for good).
///
/// A template (its quoted placeholders `"__JS__"`, `"__JS_INTEGRITY__"`, `"__WASM__"`,
/// `"__WASM_INTEGRITY__"` become JSON strings): as an external file checked by integrity it
/// needs no CSP hash.
pub const EMBED_START_TEMPLATE: &str = include_str!("js/embed-start.js");

/// The script of `404.html`: probes each folder above the missing path, longest first, for
/// the app's manifest (recognised by the name in the page's `<meta name="application-name">`),
/// and goes to the first folder that has it, keeping the hash (the view).
pub const NOT_FOUND: &str = include_str!("js/not-found.js");

/// The stylesheet of `404.html`: the app's colours (style/tokens.css), light and dark.
pub const NOT_FOUND_STYLE: &str = include_str!("not-found.css");

/// The service worker, with `"__CACHE_VERSION__"` and `["__PRECACHE__"]` for the build to
/// fill (`offline::service_worker`).
pub const SERVICE_WORKER_TEMPLATE: &str = include_str!("js/sw.js");

/// trunk 0.21.14's reload script (`src/autoreload.js` in its crate), as trunk's dev server
/// injects it: kept to test `dev::admit_trunk_reload` on the real text.
#[cfg(test)]
pub const TRUNK_AUTORELOAD: &str = include_str!("js/trunk-autoreload.js");

/// How a script runs, for the minifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A classic `<script>`.
    Classic,
    /// A module (`type=module`, or an imported file): may use top-level `await`.
    Module,
}

/// `script` minified by `esbuild` (comments and spaces gone, names shortened), without a
/// final newline; as written (without its final newline) when there is no esbuild.
pub fn minify(script: &str, kind: Kind, esbuild: Option<&Path>) -> Result<String, Error> {
    let Some(esbuild) = esbuild else {
        return Ok(script.trim_end().to_owned());
    };
    let failed = || Error::Minify(esbuild.to_owned());
    let mut command = Command::new(esbuild);
    command.args(["--minify", "--log-level=warning"]);
    if kind == Kind::Module {
        command.arg("--format=esm");
    }
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|_| failed())?;
    child
        .stdin
        .take()
        .ok_or_else(failed)?
        .write_all(script.as_bytes())
        .map_err(|_| failed())?;
    let out = child.wait_with_output().map_err(|_| failed())?;
    if !out.status.success() {
        return Err(failed());
    }
    Ok(String::from_utf8(out.stdout)
        .map_err(|_| failed())?
        .trim_end()
        .to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_inline_script_can_close_its_element_early() {
        for script in HEAD_SCRIPTS.iter().chain([&LATE_LOADER, &NOT_FOUND]) {
            assert!(
                !script.to_ascii_lowercase().contains("</script"),
                "{script}"
            );
            assert!(!script.contains("<!--"), "{script}");
        }
    }

    #[test]
    fn the_loader_reads_every_parameter_it_is_given() {
        for name in LOADER_ATTRIBUTES {
            // data-js-integrity → dataset.jsIntegrity
            let mut key = String::new();
            let mut upper = false;
            for c in name.trim_start_matches("data-").chars() {
                match (c, upper) {
                    ('-', _) => upper = true,
                    (c, true) => {
                        key.push(c.to_ascii_uppercase());
                        upper = false;
                    }
                    (c, false) => key.push(c),
                }
            }
            assert!(LATE_LOADER.contains(&format!("app.{key}")), "{key}");
        }
        assert!(LATE_LOADER.contains("document.querySelector('[data-wasm]')"));
        // The pools' files: by their names, each with its integrity.
        assert!(LATE_LOADER
            .contains("fetch(new URL(app[pool], page), { integrity: app[pool + 'Integrity'] })"));
        for (pair, name) in TEXTS_ATTRIBUTES.chunks(2).zip(TEXTS_NAMES) {
            assert_eq!(
                pair,
                [format!("data-{name}"), format!("data-{name}-integrity")]
            );
            assert!(LATE_LOADER.contains(&format!("'{name}'")), "{name}");
        }
        assert!(LATE_LOADER.contains("bindings.texts("));
        assert!(LATE_LOADER.contains("addEventListener('zezhou-texts', rest)"));
    }

    #[test]
    fn the_embed_template_has_each_placeholder_once() {
        for p in [
            "\"__JS__\"",
            "\"__JS_INTEGRITY__\"",
            "\"__WASM__\"",
            "\"__WASM_INTEGRITY__\"",
        ] {
            assert_eq!(EMBED_START_TEMPLATE.matches(p).count(), 1, "{p}");
        }
    }
}
