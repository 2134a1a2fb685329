use crate::data::story;
use crate::i18n::strings;
use crate::state::{use_app, Panel};
use crate::text::marks::{event_segments, Segment};
use leptos::prelude::*;

/// An event's full text, with its figures and glossary terms marked as buttons that open
/// the detail panel.
#[component]
pub fn EventText(
    /// The event's rank.
    rank: u8,
) -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let story = story();
    let Some(event) = story.event(rank) else {
        return ().into_any();
    };
    view! {
        <p class="event-text">
            {move || {
                let lang = lang.get();
                let what = strings(lang).what_is_this;
                event_segments(story, event, lang)
                    .into_iter()
                    .map(|segment| match segment {
                        Segment::Plain(text) => text.to_owned().into_any(),
                        Segment::Figure { id, text } => {
                            let id = id.to_owned();
                            view! {
                                <button
                                    type="button"
                                    class="mark mark--figure"
                                    data-figure=id.clone()
                                    aria-haspopup="dialog"
                                    on:click=move |_| state.open_panel(Panel::Figure(id.clone()))
                                >
                                    {text.to_owned()}
                                </button>
                            }
                                .into_any()
                        }
                        Segment::Term { id, text } => {
                            let id = id.to_owned();
                            view! {
                                <button
                                    type="button"
                                    class="mark mark--term"
                                    data-term=id.clone()
                                    aria-haspopup="dialog"
                                    title=what
                                    on:click=move |_| state.open_panel(Panel::Term(id.clone()))
                                >
                                    {text.to_owned()}
                                </button>
                            }
                                .into_any()
                        }
                    })
                    .collect_view()
            }}
        </p>
    }
    .into_any()
}
