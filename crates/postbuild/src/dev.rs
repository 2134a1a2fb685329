//! `trunk serve`: its reload script, admitted by the page's policy.
//!
//! trunk's dev server puts its reload script (trunk 0.21.14's `src/autoreload.js`) inline at
//! the end of `<body>` before this hook runs, with two placeholders it fills in per response:
//! `'{{__TRUNK_ADDRESS__}}'` becomes the request's `Host` header as a string (or
//! `window.location.host` without one) and `{{__TRUNK_WS_BASE__}}` the server's WebSocket
//! path, anywhere in the page. A hash of the script as staged allows nothing the browser
//! sees, and a hash of the served text would depend on the host name the developer typed.
//! So [`admit_trunk_reload`] makes the script's text constant: the address literal becomes
//! `window.location.host` (trunk's own fallback, and what the Host header of a page's own
//! origin says) and the base literal reads the script element's `data-ws-base`, where the
//! server's placeholder fill lands instead. It works on the literals, quoted as trunk writes
//! them (`'…'`) or as `trunk serve --release` minifies them (`` `…` ``). The policy (`page::with_policy`) then hashes the
//! constant text: exactly trunk's script is allowed, nothing else.

use crate::{dom, Error};
use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, RewriteStrSettings};

/// What marks trunk's reload script.
const MARKER: &str = "{{__TRUNK_ADDRESS__}}";

/// trunk's per-response placeholders, and the expression each literal becomes.
const CONSTANT_LITERALS: [(&str, &str); 2] = [
    ("{{__TRUNK_ADDRESS__}}", "window.location.host"),
    (
        "{{__TRUNK_WS_BASE__}}",
        "document.currentScript.dataset.wsBase",
    ),
];

/// What [`admit_trunk_reload`] found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reload {
    /// No reload script: not `trunk serve`.
    Absent,
    /// trunk's reload script, made constant.
    Admitted,
    /// A reload script without each placeholder once as a string literal (another trunk?):
    /// left as it is, so the policy blocks it and the page does not reload on save; the text
    /// says which placeholder.
    Unknown(String),
}

/// `html` with trunk's reload script, where it has one (`trunk serve`), made constant (see
/// the module docs), and what was found.
pub fn admit_trunk_reload(html: &str) -> Result<(String, Reload), Error> {
    let scripts = dom::inline_scripts(html)?;
    let Some(index) = scripts.iter().position(|s| s.contains(MARKER)) else {
        return Ok((html.to_owned(), Reload::Absent));
    };
    let mut text = scripts[index].clone();
    for (placeholder, expression) in CONSTANT_LITERALS {
        let literals: Vec<String> = ['\'', '`', '"']
            .iter()
            .map(|q| format!("{q}{placeholder}{q}"))
            .filter(|literal| text.contains(literal.as_str()))
            .collect();
        match literals.as_slice() {
            [literal] if text.matches(literal.as_str()).count() == 1 => {
                text = text.replacen(literal.as_str(), expression, 1);
            }
            _ => {
                let why = format!(
                    "trunk's reload script does not have {placeholder} once as a string \
                     (not trunk 0.21.14?): the policy blocks it, so no reload on save; \
                     see crates/postbuild/src/dev.rs"
                );
                return Ok((html.to_owned(), Reload::Unknown(why)));
            }
        }
    }
    let mut seen = 0;
    let html = rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![element!("script:not([src])", |el| {
                if seen == index {
                    el.set_attribute("data-ws-base", "{{__TRUNK_WS_BASE__}}")?;
                    el.set_inner_content(&text, ContentType::Html);
                }
                seen += 1;
                Ok(())
            })],
            ..RewriteStrSettings::default()
        },
    )?;
    Ok((html, Reload::Admitted))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scripts::TRUNK_AUTORELOAD;

    /// trunk's page as its dev server stages it: the reload script at the end of the body,
    /// its protocol placeholder already filled (empty: "use the page's").
    fn served(reload: &str) -> String {
        format!(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><script type=\"module\">x()</script></head>\
             <body><div id=\"app\"></div><script>{}</script></body></html>",
            reload.replace("{{__TRUNK_WS_PROTOCOL__}}", "")
        )
    }

    #[test]
    fn the_reload_script_becomes_constant_and_reads_its_base() {
        let (html, found) = admit_trunk_reload(&served(TRUNK_AUTORELOAD)).unwrap();
        assert_eq!(found, Reload::Admitted);
        let scripts = dom::inline_scripts(&html).unwrap();
        assert_eq!(scripts[0], "x()");
        let reload = &scripts[1];
        assert!(!reload.contains("{{"), "{reload}");
        assert!(reload.contains("const address = window.location.host;"));
        assert!(reload
            .contains("const url = protocol + '://' + address + base + '.well-known/trunk/ws';"));
        assert!(reload.contains("const base = document.currentScript.dataset.wsBase;"));
        // The only placeholder left is the one the server fills, in the attribute.
        assert_eq!(html.matches("{{__TRUNK_WS_BASE__}}").count(), 1);
        let tag = &dom::select(&html, "script[data-ws-base]").unwrap()[0];
        assert_eq!(tag.get("data-ws-base"), Some("{{__TRUNK_WS_BASE__}}"));
        // Whatever the server then fills in, the script's text (and so its hash) is the same.
        let filled = html.replace("{{__TRUNK_WS_BASE__}}", "/some/base/");
        assert_eq!(&dom::inline_scripts(&filled).unwrap()[1], reload);
    }

    #[test]
    fn a_page_without_the_reload_script_is_left_alone() {
        let html = served("console.log(1)");
        assert_eq!(admit_trunk_reload(&html).unwrap(), (html, Reload::Absent));
    }

    #[test]
    fn the_minified_reload_script_of_trunk_serve_release_becomes_constant_too() {
        // As trunk serve --release writes it (minify-js quotes with backticks).
        let minified = "(()=>{const a=`{{__TRUNK_ADDRESS__}}`;const b=`{{__TRUNK_WS_BASE__}}`;\
                        const u=`ws://`+a+b+`.well-known/trunk/ws`})()";
        let (html, found) = admit_trunk_reload(&served(minified)).unwrap();
        assert_eq!(found, Reload::Admitted);
        assert_eq!(
            dom::inline_scripts(&html).unwrap()[1],
            "(()=>{const a=window.location.host;const b=document.currentScript.dataset.wsBase;\
             const u=`ws://`+a+b+`.well-known/trunk/ws`})()"
        );
    }

    #[test]
    fn another_reload_script_is_left_alone_and_reported() {
        let changed = served(&TRUNK_AUTORELOAD.replace(
            "'{{__TRUNK_ADDRESS__}}'",
            "'{{__TRUNK_ADDRESS__}}' || '{{__TRUNK_ADDRESS__}}'",
        ));
        let (html, found) = admit_trunk_reload(&changed).unwrap();
        assert_eq!(html, changed);
        let Reload::Unknown(why) = found else {
            panic!("{found:?}");
        };
        assert!(
            why.contains("TRUNK_ADDRESS") && why.contains("src/dev.rs"),
            "{why}"
        );
    }
}
