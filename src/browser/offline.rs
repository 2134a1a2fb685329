//! Offline: registers the service worker (`sw.js`, written by the post-build hook) so the
//! app opens without a network after one visit.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Registers `./sw.js`, whose scope is the app's own folder. Does nothing where the browser
/// has no service workers or the page is not a secure origin (plain http other than
/// localhost), and nothing visible when registration fails: the app works the same online.
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let protocol = location.protocol().unwrap_or_default();
    let host = location.hostname().unwrap_or_default();
    if !may_register(&protocol, &host) {
        return;
    }
    let navigator = window.navigator();
    // A missing `serviceWorker` would throw on use, which wasm turns into an abort.
    if !js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false) {
        return;
    }
    let registration = navigator
        .service_worker()
        .register(&format!("{}sw.js", super::history::root()));
    wasm_bindgen_futures::spawn_local(async move {
        // Awaiting handles a rejection (no sw.js under `trunk serve` without the hook, say),
        // which would otherwise surface as an uncaught error.
        if let Err(err) = JsFuture::from(registration).await {
            leptos::logging::warn!("offline support unavailable: {err:?}");
        }
    });
}

/// Service workers need a secure origin; browsers treat localhost as one for development.
fn may_register(protocol: &str, host: &str) -> bool {
    match protocol {
        "https:" => true,
        "http:" => matches!(host, "localhost" | "127.0.0.1" | "[::1]"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::may_register;

    #[test]
    fn only_secure_origins_register() {
        assert!(may_register("https:", "example.org"));
        assert!(may_register("http:", "localhost"));
        assert!(may_register("http:", "127.0.0.1"));
        assert!(may_register("http:", "[::1]"));
        assert!(!may_register("http:", "example.org"));
        assert!(!may_register("http:", "192.168.1.2"));
        assert!(!may_register("file:", ""));
    }
}
