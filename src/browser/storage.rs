//! The reader's choices kept across visits, in local storage.

use gloo_storage::{LocalStorage, Storage};

const LANG: &str = "zezhou.lang";
const APPEARANCE: &str = "zezhou.appearance";

/// The stored language tag, if any.
pub fn lang() -> Option<String> {
    LocalStorage::get::<String>(LANG).ok()
}

/// Stores the language tag; ignored where storage is unavailable.
pub fn set_lang(tag: &str) {
    let _ = LocalStorage::set(LANG, tag);
}

/// The stored appearance (system, light, dark), if any.
pub fn appearance() -> Option<String> {
    LocalStorage::get::<String>(APPEARANCE).ok()
}

/// Stores the appearance; ignored where storage is unavailable.
pub fn set_appearance(value: &str) {
    let _ = LocalStorage::set(APPEARANCE, value);
}
