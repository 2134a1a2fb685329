use super::{EventText, EventVisual, FigureTile};
use crate::data::story;
use crate::i18n::{rank_label, strings};
use crate::state::{event_dom_id, use_app};
use leptos::prelude::*;

/// One event: rank, theme, title, summary, key figures; expands in place to its full text.
#[component]
pub fn EventCard(
    /// The event's rank (1-based position in the report).
    rank: u8,
) -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let story = story();
    let Some(event) = story.event(rank) else {
        return ().into_any();
    };
    let is_open = Memo::new(move |_| state.open.get() == Some(rank));
    let toggle = move |_| {
        state.open.update(|open| {
            *open = if *open == Some(rank) {
                None
            } else {
                Some(rank)
            }
        });
    };
    let dom_id = event_dom_id(rank);
    let body_id = format!("{dom_id}-body");
    let title_id = format!("{dom_id}-title");
    let labelled_by = title_id.clone();
    let main_theme = event.themes.first().and_then(|id| story.theme(id));
    let key_figures: Vec<_> = story.event_figures(rank).filter(|f| f.key).collect();
    view! {
        <li class="events__item">
            <article
                id=dom_id
                class="card"
                class:card--open=is_open
                aria-labelledby=labelled_by
                data-testid="event-card"
                data-rank=rank
            >
                <div class="card__meta">
                    <span class="card__rank">{move || rank_label(rank, lang.get())}</span>
                    {main_theme
                        .map(|theme| {
                            view! {
                                <span class="card__theme" data-theme-id=theme.id.clone()>
                                    {move || theme.label.get(lang.get()).to_owned()}
                                </span>
                            }
                        })}
                </div>
                <h3 class="card__title" id=title_id>
                    {move || event.title.get(lang.get()).to_owned()}
                </h3>
                <p class="card__summary">{move || event.summary.get(lang.get()).to_owned()}</p>
                {(!key_figures.is_empty())
                    .then(|| {
                        view! {
                            <ul class="card__figures" aria-label=move || strings(lang.get()).figures_in_event>
                                {key_figures
                                    .into_iter()
                                    .map(|figure| view! { <li><FigureTile figure=figure/></li> })
                                    .collect_view()}
                            </ul>
                        }
                    })}
                <EventVisual rank=rank/>
                <div class="card__body" id=body_id.clone() hidden=move || !is_open.get()>
                    <EventText rank=rank/>
                </div>
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
    .into_any()
}
