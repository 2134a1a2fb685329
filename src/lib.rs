//! 泽州县2017年脱贫攻坚十件大事: an interactive fact sheet in Rust and WebAssembly.
//!
//! # Map
//!
//! | module | what lives there |
//! |---|---|
//! | [`model`] | the story as plain types: events, figures, themes, glossary; exact decimals |
//! | [`text`] | cleaning the source report, splitting it, scanning its numbers |
//! | [`data`] | the embedded dataset; the build-time pipeline and validation (host only) |
//! | [`format`] | numbers and units per language (万元, 亿元, million) |
//! | [`chart`] | chart geometry: scales, ticks |
//! | [`route`] | URL hash <-> view state (language, filter, search, sort, open card), junk-proof |
//! | [`components`] | Leptos components, one per file |
//!
//! # The one rule
//!
//! `model`, `data`, `text`, `format` and `chart`'s geometry never import leptos, web-sys or
//! gloo, so a host `cargo test` covers them fast and exactly. Components only wire signals
//! to them.
//!
//! # Build
//!
//! `build.rs` reads `data/story.toml` and the raw report beside it, cleans and converts the
//! text (simplified, traditional), validates every figure against its source span and writes
//! the resolved story as JSON into `OUT_DIR`; [`data::story`] parses it once at start-up.

pub mod chart;
pub mod components;
pub mod data;
pub mod format;
pub mod model;
pub mod route;
pub mod text;

/// Browser entry point: installs the panic hook and mounts [`components::App`] into
/// `#app`, then marks `<html data-app="ready">` so tests and styles know the app is live.
pub fn start() {
    console_error_panic_hook::set_once();
    let document = leptos::prelude::document();
    let Some(root) = document.get_element_by_id("app") else {
        leptos::logging::error!("no #app element to mount into");
        return;
    };
    let root: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(root);
    leptos::mount::mount_to(root, components::App).forget();
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("data-app", "ready");
    }
}
