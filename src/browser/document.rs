//! The document around the app: `<html lang>`, the theme and text-size attributes, the title, focus, scroll.

use wasm_bindgen::JsCast;

fn html() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

/// Sets `<html lang>`.
pub(crate) fn set_lang(tag: &str) {
    if let Some(html) = html() {
        let _ = html.set_attribute("lang", tag);
    }
}

/// Sets a view attribute of `<html>` (`data-theme`, `data-text`), or removes it for the
/// default.
pub(crate) fn set_root_attribute(name: &str, value: Option<&str>) {
    if let Some(html) = html() {
        let _ = match value {
            Some(v) => html.set_attribute(name, v),
            None => html.remove_attribute(name),
        };
    }
}

/// How large the root text is against the usual 16 px: 1.5 in 长辈模式, 2 where the
/// reader's browser sets text at 200%; 1 where it cannot be read.
pub fn root_text_scale() -> f64 {
    let size = web_sys::window().zip(html()).and_then(|(window, html)| {
        let style = window.get_computed_style(&html).ok()??;
        let size = style.get_property_value("font-size").ok()?;
        // JavaScript's parseFloat: Rust's float parser would add about 14 KB to the module.
        Some(js_sys::parse_float(&size))
    });
    size.filter(|px| px.is_finite())
        .map_or(1.0, |px| (px / 16.0).clamp(1.0, 4.0))
}

/// Today in the reader's time zone (a citation's retrieval date).
pub(crate) fn today() -> crate::cite::Day {
    let now = js_sys::Date::new_0();
    crate::cite::Day {
        year: now.get_full_year() as u16,
        month: now.get_month() as u8 + 1,
        day: now.get_date() as u8,
    }
}

/// Sets the document title.
pub(crate) fn set_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

/// The element by id.
pub(crate) fn element(id: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into()
        .ok()
}

/// Scrolls the element into view (smoothly unless the reader asked for reduced motion).
pub(crate) fn scroll_to(id: &str) {
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
pub(crate) fn show(id: &str) {
    scroll_to(id);
    if let Some(el) = element(id) {
        focus(&el);
    }
}

/// True when the reader asked the system for reduced motion.
pub(crate) fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// The element that has focus, to return focus to it later.
pub(crate) fn active_element() -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .active_element()?
        .dyn_into()
        .ok()
}

/// Moves focus to the element, if it is still in the document, without scrolling: focus
/// that returns to a figure must not carry the reader away from where they went (and a tap
/// that closed the panel must land where it was aimed).
pub(crate) fn focus(el: &web_sys::HtmlElement) {
    if el.is_connected() {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
}
