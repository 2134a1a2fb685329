//! The theme as the page computes it: CSS custom properties on `<html>`, and a watch on the
//! system's light or dark preference.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The computed value of the custom property `name` (`--c-series-1`) on `<html>`, trimmed;
/// `None` when there is none.
pub(crate) fn custom_property(name: &str) -> Option<String> {
    let window = web_sys::window()?;
    let html = window.document()?.document_element()?;
    let style = window.get_computed_style(&html).ok()??;
    let value = style.get_property_value(name).ok()?;
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

/// Calls `on_change` whenever the system switches between light and dark, until the
/// returned watch is dropped.
pub(crate) fn watch_color_scheme(on_change: impl Fn() + 'static) -> Option<ColorSchemeWatch> {
    let query = web_sys::window()?
        .match_media("(prefers-color-scheme: dark)")
        .ok()??;
    let callback = Closure::<dyn Fn()>::new(on_change);
    query
        .add_event_listener_with_callback("change", callback.as_ref().unchecked_ref())
        .ok()?;
    Some(ColorSchemeWatch { query, callback })
}

/// A running watch of [`watch_color_scheme`]; stops when dropped.
pub(crate) struct ColorSchemeWatch {
    query: web_sys::MediaQueryList,
    callback: Closure<dyn Fn()>,
}

impl Drop for ColorSchemeWatch {
    fn drop(&mut self) {
        let _ = self
            .query
            .remove_event_listener_with_callback("change", self.callback.as_ref().unchecked_ref());
    }
}
