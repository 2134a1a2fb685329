//! The link between the page and the charts, a part of the app's module that the page loads
//! after the first view (see the crate docs, "One module, split in parts"):
//!
//! - the page starts the charts ([`crate::start_charts`], which fetches their part the first
//!   time) when their slot comes near the screen, or at once when the reader asks for
//!   something only that part does (read-aloud, the poster);
//! - the two talk through the document: the charts follow `<html lang>`, its text size
//!   (`data-text`) and the URL; each asks the other for things with typed messages
//!   ([`Ask`], the core's `island`: window events with a string `detail`, encoded and read
//!   back there, host-tested): the charts ask the page to open a card or keep the scale, the
//!   page asks the charts to read aloud or make a poster.

use std::cell::Cell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

pub use crate::island::{
    Ask, Target, BUSY, BUSY_POSTER, BUSY_READ, CHARTS_ROOT, LISTEN, POSTER, ROOT_AND_LINKS,
    ROOT_META,
};

/// Sends `ask` to whoever listens on the window. True when a listener ([`listen`]) took it:
/// the other module has started.
pub fn emit(ask: &Ask) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&JsValue::from_str(&ask.detail()));
    init.set_cancelable(true);
    web_sys::CustomEvent::new_with_event_init_dict(ask.name(), &init)
        .and_then(|event| window.dispatch_event(&event))
        // `dispatchEvent` is false when a listener cancelled the event, as `listen` does.
        .is_ok_and(|not_taken| !not_taken)
}

/// Calls `on_ask` with every message named `name` (one of [`Ask`]'s names) that reads as
/// one ([`Ask::parse`]), for the life of the page, and tells the sender it was taken (see
/// [`emit`]).
pub fn listen(name: &'static str, on_ask: impl Fn(Ask) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = Closure::<dyn Fn(web_sys::CustomEvent)>::new(move |ev: web_sys::CustomEvent| {
        ev.prevent_default();
        if let Some(ask) = ev.detail().as_string().and_then(|d| Ask::parse(name, &d)) {
            on_ask(ask);
        }
    });
    let _ = window.add_event_listener_with_callback(name, callback.as_ref().unchecked_ref());
    callback.forget();
}

/// Calls `on_change` whenever `<html>`'s `lang` or `data-text` changes, for the life of the
/// page. (A theme change needs nothing: the charts take their colours from the stylesheet.)
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
    let filter = js_sys::Array::of2(&"lang".into(), &"data-text".into());
    init.set_attribute_filter(&filter);
    if observer.observe_with_options(&html, &init).is_ok() {
        callback.forget();
    }
}

thread_local! {
    /// Whether the charts were started (they are, once).
    static REQUESTED: Cell<bool> = const { Cell::new(false) };
}

/// Starts the charts ([`crate::start_charts`]: the first time, the browser fetches their
/// part of the module), unless they were started already.
pub fn load_charts() {
    if REQUESTED.replace(true) {
        return;
    }
    crate::start_charts(false);
}

/// Starts the charts ([`load_charts`]) when their slot is within about a
/// screen of the viewport. Does nothing where there is no slot. (Not when the reader
/// prints: printing does not wait for a module, and charts mounting halfway through would
/// race the print's layout; a reader who prints first gets the build's picture of the
/// charts, see `crates/postbuild/src/print.rs`.)
pub fn load_charts_when_near() {
    let Some(slot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(CHARTS_ROOT))
    else {
        return;
    };
    let on_intersect = Closure::<dyn Fn(js_sys::Array)>::new(|entries: js_sys::Array| {
        let near = entries.iter().any(|e| {
            e.unchecked_into::<web_sys::IntersectionObserverEntry>()
                .is_intersecting()
        });
        if near {
            load_charts();
        }
    });
    let init = web_sys::IntersectionObserverInit::new();
    init.set_root_margin("100% 0px");
    match web_sys::IntersectionObserver::new_with_options(
        on_intersect.as_ref().unchecked_ref(),
        &init,
    ) {
        Ok(observer) => observer.observe(&slot),
        // No IntersectionObserver: load now.
        Err(_) => load_charts(),
    }
    on_intersect.forget();
}

/// The page's part of what the charts module does for a press in the cards or the lead
/// ([`crate::html::listen_control`]): read aloud (a listen control's button) or draw a
/// poster (`button[data-poster]`). It asks that module with a message ([`Ask::ReadAloud`]
/// with the control's target or none to stop, [`Ask::Poster`] with the poster's target). Before the
/// module has started, the control shows that it is busy (`data-state="busy"`, which is
/// also the request the module takes up when it starts: one waits, the last pressed) and
/// the module is loaded now. Returns the rank of the card a read press was for, for the
/// caller to open it.
pub fn ask_charts(ev: &web_sys::MouseEvent) -> Option<u8> {
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let button = target.closest(".listen button").ok()??;
    let (ask, control) = match button.get_attribute(POSTER) {
        Some(id) => (Ask::Poster(Target::parse(&id)?), button),
        None if button.has_attribute("data-stop") => (Ask::ReadAloud(None), button),
        None => {
            let control = button.parent_element()?;
            let target = Target::parse(&control.get_attribute(LISTEN)?)?;
            (Ask::ReadAloud(Some(target)), control)
        }
    };
    if !emit(&ask) {
        let document = leptos::prelude::document();
        if let Ok(Some(waiting)) = document.query_selector(BUSY) {
            let _ = waiting.remove_attribute("data-state");
        }
        let _ = control.set_attribute("data-state", "busy");
        load_charts();
    }
    match ask {
        Ask::ReadAloud(Some(Target::Event(rank))) => Some(rank),
        _ => None,
    }
}
