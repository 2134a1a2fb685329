use super::{EventCard, EventFilters};
use crate::data::story;
use crate::i18n::{result_count, strings};
use crate::state::use_app;
use leptos::prelude::*;

/// The ten events: filters, the result count, the cards (or an empty state).
#[component]
pub fn EventSection() -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let total = story().events.len();
    view! {
        <section class="events" aria-labelledby="events-heading">
            <h2 id="events-heading" class="events__heading">
                {move || strings(lang.get()).events_heading}
            </h2>
            <EventFilters/>
            <p class="events__count" role="status" aria-live="polite" data-testid="result-count">
                {move || result_count(state.visible.get().len(), total, lang.get())}
            </p>
            <Show
                when=move || !state.visible.get().is_empty()
                fallback=move || {
                    view! {
                        <div class="events__empty" data-testid="empty">
                            <p>{move || strings(lang.get()).no_results}</p>
                            <button
                                type="button"
                                class="button"
                                on:click=move |_| state.clear_filters()
                            >
                                {move || strings(lang.get()).clear_filters}
                            </button>
                        </div>
                    }
                }
            >
                <ol class="events__list">
                    <For
                        each=move || state.visible.get()
                        key=|rank| *rank
                        children=move |rank| view! { <EventCard rank=rank/> }
                    />
                </ol>
            </Show>
        </section>
    }
}
