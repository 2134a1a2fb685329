use crate::i18n::strings;
use crate::markup;
use crate::state::use_app;
use crate::view::event_dom_id;
use leptos::prelude::*;

/// One event: rank, theme, title, summary, key figures; expands in place to its full text.
///
/// The head and the text are markup from [`crate::html`], per language ([`crate::markup`]); the tiles and marks
/// in them open the panel through the list's delegated click ([`super::EventSection`]).
#[component]
pub fn EventCard(
    /// The event's rank (1-based position in the report).
    rank: u8,
) -> impl IntoView {
    let state = use_app();
    let lang = state.lang();
    let opened = state.opened();
    let is_open = Memo::new(move |_| opened.get() == Some(rank));
    let toggle = move |_| state.toggle_event(rank);
    let dom_id = event_dom_id(rank);
    let body_id = format!("{dom_id}-body");
    view! {
        <li class="events__item">
            <article
                id=dom_id.clone()
                class="card"
                class:card--open=is_open
                aria-labelledby=format!("{dom_id}-title")
                tabindex="-1"
                data-testid="event-card"
                data-rank=rank
            >
                <div
                    class="card__head"
                    inner_html=move || super::story_markup(state.first_markup(), || markup::head(lang.get(), rank))
                ></div>
                <div
                    class="card__body"
                    id=body_id.clone()
                    hidden=move || !is_open.get()
                    inner_html=move || super::story_markup(state.first_markup(), || markup::text(lang.get(), rank))
                ></div>
                <button
                    type="button"
                    class="card__toggle"
                    aria-expanded=move || is_open.get().to_string()
                    aria-controls=body_id
                    on:click=toggle
                >
                    <span>
                        {move || {
                            let t = strings(lang.get());
                            if is_open.get() { t.read_less } else { t.read_more }
                        }}
                    </span>
                    <svg class="icon card__chevron" viewBox="0 0 24 24" aria-hidden="true">
                        <path d="M6 9l6 6 6-6" fill="none" stroke="currentColor" stroke-width="2"></path>
                    </svg>
                </button>
            </article>
        </li>
    }
}
