//! The document around the app: `<html lang>`, the theme attribute, the title, focus, scroll.

use wasm_bindgen::JsCast;

fn html() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

/// Sets `<html lang>`.
pub fn set_lang(tag: &str) {
    if let Some(html) = html() {
        let _ = html.set_attribute("lang", tag);
    }
}

/// Sets `<html data-theme>`, or removes it to follow the system.
pub fn set_theme(theme: Option<&str>) {
    if let Some(html) = html() {
        let _ = match theme {
            Some(t) => html.set_attribute("data-theme", t),
            None => html.remove_attribute("data-theme"),
        };
    }
}

/// Sets the document title.
pub fn set_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

/// The element by id.
pub fn element(id: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into()
        .ok()
}

/// Scrolls the element into view (smoothly unless the reader asked for reduced motion).
pub fn scroll_to(id: &str) {
    let Some(el) = element(id) else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Start);
    options.set_behavior(if prefers_reduced_motion() {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    });
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Scrolls to the element and moves focus to it without a second jump, so that keyboard and
/// screen-reader users land where the page went (the element needs a `tabindex`).
pub fn show(id: &str) {
    scroll_to(id);
    if let Some(el) = element(id) {
        focus(&el);
    }
}

/// True when the reader asked the system for reduced motion.
pub fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// The element that has focus, to return focus to it later.
pub fn active_element() -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .active_element()?
        .dyn_into()
        .ok()
}

/// Moves focus to the element, if it is still in the document, without scrolling: focus
/// that returns to a figure must not carry the reader away from where they went (and a tap
/// that closed the panel must land where it was aimed).
pub fn focus(el: &web_sys::HtmlElement) {
    if el.is_connected() {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
}
