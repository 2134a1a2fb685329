use crate::data::story;
use crate::i18n::{rank_label, strings};
use crate::state::{event_dom_id, use_app};
use leptos::prelude::*;

/// The ten events as a numbered list of the report's own headings: the light first view
/// while the full cards ([`super::EventSection`]) wait for the size work (see the README).
#[component]
pub fn EventTitles() -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    view! {
        <section class="events" aria-labelledby="events-heading">
            <h2 id="events-heading" class="events__heading">
                {move || strings(lang.get()).events_heading}
            </h2>
            <ol class="titles">
                {story()
                    .events
                    .iter()
                    .map(|event| {
                        view! {
                            <li
                                class="titles__item"
                                id=event_dom_id(event.rank)
                                data-testid="event-title"
                                data-rank=event.rank
                            >
                                <span class="card__rank">{move || rank_label(event.rank, lang.get())}</span>
                                " "
                                <span class="titles__text">{move || event.title.get(lang.get()).to_owned()}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}
