//! When the app panics: a readable message with a reload link, in the reader's language,
//! instead of a page that silently stops working.

use crate::model::Lang;

/// Installs a panic hook that logs the panic to the console and then shows the message.
/// With `panic = "abort"` the module stops right after, so the message uses a plain link to
/// reload, which needs no WebAssembly.
pub(crate) fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        // As a JavaScript Error, so the console shows where it came from.
        web_sys::console::error_1(&js_sys::Error::new(&info.to_string()));
        show_message();
    }));
}

/// The message and the reload link's text in `lang`.
pub(crate) fn message(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::ZhHans => ("抱歉，页面出错了。请重新加载；问题仍在时，原文和数字仍可在下方阅读。", "重新加载"),
        Lang::ZhHant => ("抱歉，頁面出錯了。請重新載入；問題仍在時，原文和數字仍可在下方閱讀。", "重新載入"),
        Lang::En => (
            "Sorry, something went wrong. Please reload; if it happens again, the report and its figures are still readable below.",
            "Reload",
        ),
    }
}

fn show_message() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    // The report is readable below: the part a link's view hid until the app applied it
    // (`data-pending`, src/lib.rs) shows again.
    if let Some(html) = document.document_element() {
        let _ = html.remove_attribute("data-pending");
    }
    let lang = reader_lang(&document);
    let (text, reload) = message(lang);
    let build = || -> Option<web_sys::Element> {
        let alert = document.create_element("div").ok()?;
        alert.set_class_name("crash");
        alert.set_attribute("role", "alert").ok()?;
        alert.set_attribute("data-testid", "crash").ok()?;
        let p = document.create_element("p").ok()?;
        p.set_text_content(Some(text));
        let link = document.create_element("a").ok()?;
        link.set_class_name("button crash__reload");
        link.set_attribute("href", &reload_url()).ok()?;
        link.set_text_content(Some(reload));
        alert.append_child(&p).ok()?;
        alert.append_child(&link).ok()?;
        Some(alert)
    };
    if let Some(alert) = build() {
        let _ = body.prepend_with_node_1(&alert);
    }
}

/// A link that loads the page again in the same view: a query of its own before the hash.
/// The page's own URL would only be a same-document navigation to its hash, which reloads
/// nothing (bug, issue 13; found when the crash test clicked the link). Relative, and
/// toggled so that a second crash's link differs from the page it is on; plain string work,
/// since this is in the first load.
fn reload_url() -> String {
    let query = if super::history::href().contains("?reload") {
        "?"
    } else {
        "?reload"
    };
    let mut url = String::from(query);
    url.push_str(&super::history::hash());
    url
}

/// The reader's language without touching the app's state (which may be what panicked):
/// the URL's, else the stored choice, else `<html lang>`.
fn reader_lang(document: &web_sys::Document) -> Lang {
    let hash = super::history::hash();
    let from_url = hash
        .trim_start_matches('#')
        .split(['/', '?'])
        .find(|s| !s.is_empty())
        .and_then(Lang::parse);
    from_url
        .or_else(|| super::storage::lang().and_then(|t| Lang::parse(&t)))
        .or_else(|| {
            document
                .document_element()
                .and_then(|html| html.get_attribute("lang"))
                .and_then(|tag| Lang::parse(&tag))
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_speaks_every_language() {
        for lang in Lang::ALL {
            let (text, reload) = message(lang);
            assert!(!text.is_empty() && !reload.is_empty());
        }
        assert_eq!(message(Lang::ZhHant).1, "重新載入");
    }
}
