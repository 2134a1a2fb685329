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
                    .map(|segment| {
                        let (panel, text) = match segment {
                            Segment::Plain(text) => return text.to_owned().into_any(),
                            Segment::Figure { id, text } => (Panel::Figure(id.to_owned()), text),
                            Segment::Term { id, text } => (Panel::Term(id.to_owned()), text),
                        };
                        // One button shape for both marks; the modifier class and data
                        // attribute say which kind it is.
                        let (class, figure, term, title) = match &panel {
                            Panel::Figure(id) => ("mark mark--figure", Some(id.clone()), None, None),
                            Panel::Term(id) => ("mark mark--term", None, Some(id.clone()), Some(what)),
                        };
                        view! {
                            <button
                                type="button"
                                class=class
                                data-figure=figure
                                data-term=term
                                title=title
                                aria-haspopup="dialog"
                                on:click=move |_| state.open_panel(panel.clone())
                            >
                                {text.to_owned()}
                            </button>
                        }
                            .into_any()
                    })
                    .collect_view()
            }}
        </p>
    }
    .into_any()
}
