//! Browser unit tests: components mounted in headless Chromium by wasm-bindgen-test.
//! Run with `cargo test --target wasm32-unknown-unknown --test web` (scripts/test.sh does).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use zezhou::components::{SiteFooter, SiteHeader};
use zezhou::data::story;
use zezhou::model::Lang;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts `view` into a fresh `<div>` in the document and returns that element.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let document = document();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host.clone(), view).forget();
    host
}

#[wasm_bindgen_test]
fn header_shows_the_story_title() {
    let host = mount(SiteHeader);
    let h1 = host.query_selector("h1").unwrap().expect("an h1");
    assert_eq!(h1.text_content().unwrap(), story().title.get(Lang::ZhHans));
}

#[wasm_bindgen_test]
fn footer_credits_the_source_and_byline() {
    let host = mount(SiteFooter);
    let text = host.text_content().unwrap();
    assert!(text.contains("本报讯"), "{text}");
    assert!(text.contains("高峰"), "{text}");
}
