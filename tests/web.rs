//! Browser unit tests: components mounted in headless Chromium by wasm-bindgen-test.
//! Run with `cargo test --target wasm32-unknown-unknown --test web` (scripts/test.sh does).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use zezhou::components::{EventCard, SiteFooter, SiteHeader};
use zezhou::data::story;
use zezhou::model::Lang;
use zezhou::route::Route;
use zezhou::state::{AppState, Stored};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts `view` with a fresh app state into a new `<div>`; returns the element and state.
fn mount<V: IntoView + 'static>(
    lang: Lang,
    view: impl FnOnce() -> V + 'static,
) -> (web_sys::HtmlElement, AppState) {
    // As the page's loader does: the story's texts, as it hands them over (each language's, here all at once; a second time changes nothing).
    for texts in zezhou::data::TEXTS {
        zezhou::data::add_texts(texts.to_vec());
    }
    let document = document();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let state = AppState::new(
        Route::default(),
        Stored {
            lang: Some(lang),
            ..Stored::default()
        },
    );
    leptos::mount::mount_to(host.clone(), move || {
        provide_context(state);
        view()
    })
    .forget();
    (host, state)
}

fn text(el: &web_sys::Element, selector: &str) -> String {
    el.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn header_shows_the_story_title_and_follows_the_language() {
    let (host, state) = mount(Lang::ZhHans, SiteHeader);
    assert_eq!(text(&host, "h1"), story().title.hans);
    state.set_lang(Lang::En);
    // Reactive updates reach the DOM on the next tick.
    leptos::task::tick().await;
    assert_eq!(text(&host, "h1"), story().title.en);
}

#[wasm_bindgen_test]
fn footer_credits_the_source_and_byline() {
    let (host, _) = mount(Lang::ZhHans, SiteFooter);
    let text = host.text_content().unwrap();
    assert!(text.contains("本报讯"), "{text}");
    assert!(text.contains("高峰"), "{text}");
}

#[wasm_bindgen_test]
async fn a_card_opens_and_marks_its_figures() {
    let (host, state) = mount(Lang::ZhHans, || view! { <EventCard rank=2/> });
    let body = host.query_selector(".card__body").unwrap().unwrap();
    assert!(body.has_attribute("hidden"));
    state.open_event(2);
    leptos::task::tick().await;
    assert!(!body.has_attribute("hidden"));
    let figures = host.query_selector_all(".mark--figure").unwrap();
    assert!(figures.length() >= 5, "{} figure marks", figures.length());
    assert_eq!(text(&host, ".card__title"), "啃下易地扶贫搬迁硬骨头");
}
