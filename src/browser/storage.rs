//! The reader's choices kept across visits, in local storage.
//!
//! Plain strings through web-sys rather than gloo-storage: gloo's typed `get`/`set` go
//! through JSON (a JSON parser in the bundle for two short tags), and its `raw()` throws
//! where storage is disabled, which must not stop the app.

const LANG: &str = "zezhou.lang";
const APPEARANCE: &str = "zezhou.appearance";
// `site/prepaint.js` reads these two keys before the first paint: keep them in step.
const TEXT_SIZE: &str = "zezhou.text";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn get(key: &str) -> Option<String> {
    let value = storage()?.get_item(key).ok()??;
    // Earlier versions stored JSON strings ("\"en\""); read those too.
    Some(value.trim_matches('"').to_owned())
}

fn set(key: &str, value: &str) {
    // Storage can be full or disabled (private browsing): the choice then lasts the visit.
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, value);
    }
}

/// The stored language tag, if any.
pub(crate) fn lang() -> Option<String> {
    get(LANG)
}

/// Stores the language tag; ignored where storage is unavailable.
pub(crate) fn set_lang(tag: &str) {
    set(LANG, tag);
}

/// The stored appearance (system, light, dark), if any.
pub(crate) fn appearance() -> Option<String> {
    get(APPEARANCE)
}

/// Stores the appearance; ignored where storage is unavailable.
pub(crate) fn set_appearance(value: &str) {
    set(APPEARANCE, value);
}

/// The stored text size (normal, large, xl), if any.
pub(crate) fn text_size() -> Option<String> {
    get(TEXT_SIZE)
}

/// Stores the text size; ignored where storage is unavailable.
pub(crate) fn set_text_size(value: &str) {
    set(TEXT_SIZE, value);
}
