//! The story's markup (the place above the title, the lead, the headline's labels, each
//! card's head and text: [`crate::html`]) in another language than the first view's.
//!
//! The page takes over the first view's markup as the build wrote it
//! ([`crate::state::AppState::first_markup`]), so it builds markup only when the reader
//! switches language. The code that builds it is a split point (the macro behind Leptos'
//! `#[lazy]`): a part of the module the page loads on the first switch, or before, once the
//! page is idle ([`preload`]), like the other languages' texts. A switch first has the language's markup built ([`with_markup`],
//! after its texts, [`crate::data::with_texts`]), then changes the language; the components
//! read it here ([`lead`], [`head`], [`text`]).

use crate::model::Lang;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// One language's markup of the story.
pub struct StoryMarkup {
    /// The place and year above the title.
    kicker: String,
    lead: String,
    /// Each headline figure's label, in the headline's order.
    headline: Vec<String>,
    /// Each event's rank, head and text, in the story's order.
    events: Vec<(u8, String, String)>,
}

/// Builds `lang`'s markup from the story as it is (its texts for `lang` are there). A split
/// point (`fallible`: a part that cannot load is an error, not a panic), see the module docs.
#[cfg_attr(
    all(target_arch = "wasm32", feature = "split"),
    wasm_split_helpers::wasm_split(markup, preload(preload_markup), fallible)
)]
fn markup(lang: Lang) -> Result<StoryMarkup, wasm_split_helpers::SplitLoaderError> {
    let story = crate::data::story();
    Ok(StoryMarkup {
        kicker: crate::text::phrases::kicker_markup(story, lang),
        lead: crate::html::lead(story, lang),
        headline: story
            .headline_figures()
            .map(|f| crate::html::figure_label(story, f, lang))
            .collect(),
        events: story
            .events
            .iter()
            .map(|e| {
                let head = crate::html::card_head(story, e, lang);
                (e.rank, head, crate::html::card_text(story, e, lang))
            })
            .collect(),
    })
}

thread_local! {
    /// Each language's markup once built, by [`Lang::ALL`]'s order.
    static BUILT: RefCell<[Option<Rc<StoryMarkup>>; 3]> = const { RefCell::new([None, None, None]) };
    /// The language the last switch asked for ([`with_markup`]).
    static WANTED: Cell<Option<Lang>> = const { Cell::new(None) };
}

fn index(lang: Lang) -> usize {
    Lang::ALL
        .iter()
        .position(|l| *l == lang)
        .unwrap_or_default()
}

fn store(lang: Lang, markup: StoryMarkup) -> Rc<StoryMarkup> {
    let markup = Rc::new(markup);
    BUILT.with_borrow_mut(|built| built[index(lang)] = Some(markup.clone()));
    markup
}

/// `lang`'s markup: built already, or (where nothing is split off: the host, the unit
/// tests) built now.
fn get(lang: Lang) -> Option<Rc<StoryMarkup>> {
    let built = BUILT.with_borrow(|built| built[index(lang)].clone());
    #[cfg(not(all(target_arch = "wasm32", feature = "split")))]
    let built = built.or_else(|| markup(lang).ok().map(|m| store(lang, m)));
    built
}

/// Runs `then` once `lang`'s markup is built (its texts must be there): at once when it is;
/// else in the browser after the part of the module that builds it has loaded, the first
/// time, unless another switch was asked for meanwhile (the last one wins). When that part
/// cannot load, nothing changes (as when a language's texts cannot).
pub fn with_markup(lang: Lang, then: impl FnOnce() + 'static) {
    WANTED.set(Some(lang));
    #[cfg(all(target_arch = "wasm32", feature = "split"))]
    if get(lang).is_none() {
        wasm_bindgen_futures::spawn_local(async move {
            match markup(lang).await {
                Ok(built) => {
                    store(lang, built);
                    if WANTED.get() == Some(lang) {
                        then();
                    }
                }
                Err(_) => leptos::logging::warn!("the markup for {} cannot load", lang.as_str()),
            }
        });
        return;
    }
    let _ = get(lang);
    then();
}

/// Loads the part of the module that builds markup once the browser is idle, so that a later
/// switch need not wait for it (the page calls it once live, as its loader fetches the other
/// languages' texts then).
pub fn preload() {
    #[cfg(all(target_arch = "wasm32", feature = "split"))]
    {
        use wasm_bindgen::JsCast;
        let load = wasm_bindgen::closure::Closure::once_into_js(|| {
            wasm_bindgen_futures::spawn_local(async {
                let _ = preload_markup().await;
            });
        });
        let Some(window) = web_sys::window() else {
            return;
        };
        // (WebKit has no requestIdleCallback.)
        if window.request_idle_callback(load.unchecked_ref()).is_err() {
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(load.unchecked_ref(), 1000);
        }
    }
}

/// The place and year above the title in `lang`, once built.
pub fn kicker(lang: Lang) -> Option<String> {
    get(lang).map(|m| m.kicker.clone())
}

/// The lead's markup in `lang`, once built.
pub fn lead(lang: Lang) -> Option<String> {
    get(lang).map(|m| m.lead.clone())
}

/// The label of the headline's figure `at` (from 0) in `lang`, once built.
pub fn headline_label(lang: Lang, at: usize) -> Option<String> {
    get(lang).and_then(|m| m.headline.get(at).cloned())
}

/// Event `rank`'s head in `lang`, once built.
pub fn head(lang: Lang, rank: u8) -> Option<String> {
    get(lang).and_then(|m| m.events.iter().find(|e| e.0 == rank).map(|e| e.1.clone()))
}

/// Event `rank`'s text in `lang`, once built.
pub fn text(lang: Lang, rank: u8) -> Option<String> {
    get(lang).and_then(|m| m.events.iter().find(|e| e.0 == rank).map(|e| e.2.clone()))
}
