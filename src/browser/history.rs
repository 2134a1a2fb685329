//! The URL: the site's root, the page and hash of the view; writing them as a new history
//! entry or in place. The view's form is [`crate::route`]'s.

use std::cell::OnceCell;

/// `location.hash`, or empty.
pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The full address of the current view, for sharing.
pub fn href() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

thread_local! {
    static ROOT: OnceCell<String> = const { OnceCell::new() };
}

/// The site's root, absolute, ending in `/`: where `index.html` and every file of the build
/// are, whichever language's page the reader is on.
///
/// Each page names it relative to itself, `<meta name=zezhou-root content=./>` (`../` on
/// the language pages: the post-build step). The URL's path changes with the language, and
/// relative addresses would resolve against the new one, so the first call (before the
/// app first writes the URL) makes the root and every address the head's links name
/// absolute, as resolved against the page as loaded: for later calls, for the charts
/// module, and for the icons and manifest the browser fetches when it pleases.
pub fn root() -> String {
    ROOT.with(|root| {
        root.get_or_init(|| {
            let head = leptos::prelude::document()
                .query_selector_all(super::island::ROOT_AND_LINKS)
                .ok();
            let mut root = None;
            for i in 0..head.as_ref().map_or(0, |h| h.length()) {
                let Some(el) = head
                    .as_ref()
                    .and_then(|h| h.item(i))
                    .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
                else {
                    continue;
                };
                let attr = if el.tag_name() == "META" {
                    "content"
                } else {
                    "href"
                };
                let Some(url) = el
                    .get_attribute(attr)
                    .and_then(|a| web_sys::Url::new_with_base(&a, &href()).ok())
                else {
                    continue;
                };
                let _ = el.set_attribute(attr, &url.href());
                if attr == "content" {
                    root = Some(url.href());
                }
            }
            root.unwrap_or_else(|| {
                web_sys::Url::new_with_base("./", &href())
                    .map(|u| u.href())
                    .unwrap_or_default()
            })
        })
        .clone()
    })
}

/// The current page's path relative to [`root`] (`""`, `en/`, `en/index.html`), for
/// [`crate::route::Route::from_url`].
pub fn page_path() -> String {
    let href = href();
    let page = href.split(['#', '?']).next().unwrap_or_default();
    page.strip_prefix(&root()).unwrap_or_default().to_owned()
}

/// Sets the URL to `link` (relative to [`root`], [`crate::route::Route::link`]). `push`
/// adds a history entry (the back button returns to the previous state); otherwise the
/// current entry is replaced (used while typing a search). The query goes: the only one
/// the app ever has is the crash message's `?reload`, done with once the page is back.
pub fn set_link(link: &str, push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let url = format!("{}{link}", root());
    if href() == url {
        return;
    }
    let Ok(history) = window.history() else {
        return;
    };
    let state = wasm_bindgen::JsValue::NULL;
    let _ = if push {
        history.push_state_with_url(&state, "", Some(&url))
    } else {
        history.replace_state_with_url(&state, "", Some(&url))
    };
}
