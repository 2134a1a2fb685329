use crate::data::story;
use crate::format;
use crate::i18n::strings;
use crate::markup;
use crate::state::use_app;
use crate::view::event_dom_id;
use leptos::prelude::*;

/// The headline figures under the header; each is a link to the card it comes from (a plain
/// `#event-N` jump without the app; with it, the card also opens).
#[component]
pub(crate) fn HeadlineStrip() -> impl IntoView {
    let state = use_app();
    let lang = state.lang();
    view! {
        <section class="headline" aria-labelledby="headline-heading">
            <h2 id="headline-heading" class="headline__heading">
                {move || strings(lang.get()).key_figures}
            </h2>
            <ul class="headline__list">
                {story()
                    .headline_figures()
                    .enumerate()
                    .map(|(at, figure)| {
                        let rank = figure.event;
                        // The figure of the story of the moment, with the texts here now.
                        let current = move || story().headline_figures().nth(at);
                        view! {
                            <li class="headline__item">
                                <a
                                    class="headline__figure"
                                    href=format!("#{}", event_dom_id(rank))
                                    data-testid="headline-figure"
                                    data-figure=figure.id.clone()
                                    on:click=move |ev| {
                                        ev.prevent_default();
                                        state.go_to_event(rank);
                                    }
                                >
                                    <span class="headline__value">
                                        {move || current().map(|f| format::figure(f, lang.get())).unwrap_or_default()}
                                    </span>
                                    // Chinese breaks between the label's phrases
                                    // (`html::figure_label`): the build's markup, then
                                    // the markup part's in another language.
                                    <span
                                        class="headline__label"
                                        inner_html=move || {
                                            super::story_markup(state.first_markup(), || {
                                                markup::headline_label(lang.get(), at)
                                            })
                                        }
                                    ></span>
                                    <span class="visually-hidden">
                                        {move || {
                                            format!(
                                                " · {} {}",
                                                strings(lang.get()).go_to_event,
                                                crate::i18n::rank_label(rank, lang.get()),
                                            )
                                        }}
                                    </span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
