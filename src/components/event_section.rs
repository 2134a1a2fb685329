use super::{EventCard, EventFilters};
use crate::browser;
use crate::data::story;
use crate::i18n::{result_count, strings};
use crate::state::{use_app, AppState, Panel};
use leptos::either::Either;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The panel a click inside a card (or the lead) asks for: the closest button with
/// `data-figure` or `data-term` (a tile or a mark in [`crate::html`]'s markup).
fn panel_of(ev: &web_sys::MouseEvent) -> Option<Panel> {
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let button = target.closest("[data-figure], [data-term]").ok()??;
    match button.get_attribute("data-figure") {
        Some(id) => Some(Panel::Figure(id)),
        None => button.get_attribute("data-term").map(Panel::Term),
    }
}

/// Opens the panel a click on a tile or a mark asks for; a mark is a link, which it cancels.
pub(super) fn open_from_click(state: AppState, ev: &web_sys::MouseEvent) {
    if let Some(panel) = panel_of(ev) {
        ev.prevent_default();
        state.open_panel(panel);
    }
}

/// Space on a mark does what Enter does, as on any button (a mark is a link in the role of
/// a button, and a link answers Enter only).
pub(super) fn space_clicks(ev: &web_sys::KeyboardEvent) {
    if ev.key() != " " {
        return;
    }
    let mark = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|el| el.get_attribute("role").as_deref() == Some("button"));
    if let Some(mark) = mark {
        ev.prevent_default();
        mark.click();
    }
}

/// The ten events: filters, the result count, the cards (or an empty state).
#[component]
pub(crate) fn EventSection() -> impl IntoView {
    let state = use_app();
    let lang = state.lang();
    let visible = state.visible();
    let opened = state.opened();
    let total = story().events.len();
    // The list or the empty state: each is built only when the other was shown.
    let empty = Memo::new(move |_| visible.with(|v| v.is_empty()));
    view! {
        <section class="events" aria-labelledby="events-heading">
            <h2 id="events-heading" class="events__heading">
                {move || strings(lang.get()).events_heading}
            </h2>
            <EventFilters/>
            <p class="events__count" role="status" aria-live="polite" data-testid="result-count">
                {move || result_count(visible.get().len(), total, lang.get())}
            </p>
            // `Show` without its type-erased children: an `AnyView` would bring its
            // hydration code for streamed server rendering, which this app has none of.
            {move || {
                if empty.get() {
                    Either::Left(
                        view! {
                            <div class="events__empty" data-testid="empty">
                                <p>{move || strings(lang.get()).no_results}</p>
                                <button
                                    type="button"
                                    class="button"
                                    on:click=move |_| {
                                        state.clear_filters();
                                        // The button goes with the empty state: focus goes to
                                        // the search box, before the cards, not to the body.
                                        if let Some(search) = browser::document::element("search") {
                                            browser::document::focus(&search);
                                        }
                                    }
                                >
                                    {move || strings(lang.get()).clear_filters}
                                </button>
                            </div>
                        },
                    )
                } else {
                    Either::Right(
                        view! {
                            <ol
                                class="events__list"
                                on:click=move |ev| {
                                    // A listen control reads its card, open (the charts module reads).
                                    if let Some(rank) = browser::island::ask_charts(&ev) {
                                        if Some(rank) != opened.get_untracked() {
                                            state.open_event(rank);
                                        }
                                    }
                                    open_from_click(state, &ev)
                                }
                                on:keydown=move |ev| space_clicks(&ev)
                            >
                                <For
                                    each=move || visible.get()
                                    key=|rank| *rank
                                    children=move |rank| view! { <EventCard rank=rank/> }
                                />
                            </ol>
                        },
                    )
                }
            }}
        </section>
    }
}
