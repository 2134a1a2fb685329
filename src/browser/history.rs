//! The URL hash: read it, and write it as a new history entry or in place.

/// `location.hash`, or empty.
pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Sets the hash. `push` adds a history entry (the back button returns to the previous
/// state); otherwise the current entry is replaced (used while typing a search).
pub fn set_hash(hash: &str, push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if window.location().hash().ok().as_deref() == Some(hash) {
        return;
    }
    let Ok(history) = window.history() else {
        return;
    };
    let state = wasm_bindgen::JsValue::NULL;
    let _ = if push {
        history.push_state_with_url(&state, "", Some(hash))
    } else {
        history.replace_state_with_url(&state, "", Some(hash))
    };
}

/// The full address of the current view, for sharing.
pub fn href() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// The page's address without its view or query (no hash, no `?reload` left by the crash
/// message's link): what a citation, a poster's QR code and an embed snippet name.
pub fn page() -> String {
    let href = href();
    href.split(['#', '?']).next().unwrap_or_default().to_owned()
}
