//! The link between the page and the charts, which are a second WebAssembly module loaded
//! after the first view (see the crate docs, "Two modules"):
//!
//! - the page loads the charts' start script when their slot comes near the screen, from
//!   the URL and with the integrity value the build hook put in `<meta name="zezhou-charts">`; that script fetches the module checked the same way;
//! - the two talk through the document: the charts follow `<html lang>` and
//!   `<html data-theme>` and the URL; they ask the page for things with window events
//!   ([`GO_TO_EVENT`], [`SET_SCALE`]) whose `detail` is a string.

use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Event asking the page to open and show an event's card; detail: the rank.
pub const GO_TO_EVENT: &str = "zezhou:go-to-event";
/// Event telling the page the money chart's scale; detail: `linear` or `log`.
pub const SET_SCALE: &str = "zezhou:set-scale";
/// The id of the element the charts mount into.
pub const CHARTS_ROOT: &str = "charts-root";

/// Sends `name` with `detail` to whoever listens on the window.
pub fn emit(name: &str, detail: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&JsValue::from_str(detail));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = window.dispatch_event(&event);
    }
}

/// Calls `on_detail` with the detail of every `name` event on the window, for the life of
/// the page.
pub fn listen(name: &str, on_detail: impl Fn(String) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = Closure::<dyn Fn(web_sys::CustomEvent)>::new(move |ev: web_sys::CustomEvent| {
        if let Some(detail) = ev.detail().as_string() {
            on_detail(detail);
        }
    });
    let _ = window.add_event_listener_with_callback(name, callback.as_ref().unchecked_ref());
    callback.forget();
}

/// Calls `on_change` whenever `<html>`'s `lang`, `data-theme` or `data-text` changes, for
/// the life of the page.
pub fn watch_document_attributes(on_change: impl Fn() + 'static) {
    let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let callback = Closure::<dyn Fn()>::new(on_change);
    let Ok(observer) = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    let init = web_sys::MutationObserverInit::new();
    init.set_attributes(true);
    let filter = js_sys::Array::of3(&"lang".into(), &"data-theme".into(), &"data-text".into());
    init.set_attribute_filter(&filter);
    if observer.observe_with_options(&html, &init).is_ok() {
        callback.forget();
    }
}

/// Loads the charts' start script once, when their slot is within about a screen of the
/// viewport. Does nothing where there is no slot or no URL. (Not when the reader prints:
/// printing does not wait for a module, and charts mounting halfway through would race the
/// print's layout; a reader who prints first gets the build's picture of the charts, see
/// `site::print`.)
pub fn load_charts_when_near() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let meta = document
        .query_selector("meta[name=zezhou-charts]")
        .ok()
        .flatten();
    let src = meta.as_ref().and_then(|m| m.get_attribute("content"));
    let integrity = meta.and_then(|m| m.get_attribute("data-integrity"));
    let (Some(src), Some(slot)) = (src, document.get_element_by_id(CHARTS_ROOT)) else {
        return;
    };
    let loaded = Rc::new(Cell::new(false));
    let load = {
        move || {
            if loaded.replace(true) {
                return;
            }
            let Some(document) = web_sys::window().and_then(|w| w.document()) else {
                return;
            };
            let Ok(script) = document.create_element("script") else {
                return;
            };
            let _ = script.set_attribute("type", "module");
            if let Some(integrity) = &integrity {
                let _ = script.set_attribute("integrity", integrity);
            }
            let _ = script.set_attribute("src", &src);
            if let Some(head) = document.head() {
                let _ = head.append_child(&script);
            }
        }
    };
    let on_intersect = {
        let load = load.clone();
        Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let near = entries.iter().any(|e| {
                e.unchecked_into::<web_sys::IntersectionObserverEntry>()
                    .is_intersecting()
            });
            if near {
                load();
            }
        })
    };
    let init = web_sys::IntersectionObserverInit::new();
    init.set_root_margin("100% 0px");
    match web_sys::IntersectionObserver::new_with_options(
        on_intersect.as_ref().unchecked_ref(),
        &init,
    ) {
        Ok(observer) => observer.observe(&slot),
        // No IntersectionObserver: load now.
        Err(_) => load(),
    }
    on_intersect.forget();
}
