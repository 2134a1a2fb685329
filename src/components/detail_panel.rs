use crate::data::story;
use crate::format;
use crate::i18n::{kind_name, strings};
use crate::model::{Figure, GlossaryEntry, Lang, Provenance};
use crate::state::{use_app, Panel};
use leptos::html;
use leptos::prelude::*;

/// The figure or glossary panel: a non-modal dialog that closes with Escape, a tap outside
/// or its close button (see [`crate::state::provide_app_state`]), and returns focus to what
/// opened it.
#[component]
pub fn DetailPanel() -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let t = move || strings(lang.get());
    let close_ref = NodeRef::<html::Button>::new();

    // Focus moves into the panel when it opens.
    Effect::new(move |_| {
        if state.panel.get().is_some() {
            request_animation_frame(move || {
                if let Some(button) = close_ref.get_untracked() {
                    let _ = button.focus();
                }
            });
        }
    });

    view! {
        <div
            class="panel"
            role="dialog"
            aria-modal="false"
            aria-labelledby="panel-title"
            data-testid="panel"
            hidden=move || state.panel.get().is_none()
        >
            <div class="panel__head">
                <p class="panel__kicker">
                    {move || match state.panel.get() {
                        Some(Panel::Term(_)) => t().term,
                        _ => "",
                    }}
                </p>
                <button
                    type="button"
                    class="panel__close"
                    node_ref=close_ref
                    data-testid="panel-close"
                    on:click=move |_| state.close_panel()
                >
                    <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">
                        <path d="M6 6l12 12M18 6L6 18" fill="none" stroke="currentColor" stroke-width="2"></path>
                    </svg>
                    <span class="visually-hidden">{move || t().close}</span>
                </button>
            </div>
            {move || match state.panel.get() {
                Some(Panel::Figure(id)) => {
                    story().figure(&id).map(|f| figure_view(f, lang.get()).into_any())
                }
                Some(Panel::Term(id)) => {
                    story()
                        .glossary
                        .iter()
                        .find(|g| g.id == id)
                        .map(|g| term_view(g, lang.get()).into_any())
                }
                None => None,
            }}
        </div>
    }
}

fn figure_view(figure: &'static Figure, lang: Lang) -> impl IntoView {
    let t = strings(lang);
    let story = story();
    let (badge, derived) = match &figure.provenance {
        Provenance::Reported(_) => (t.reported, false),
        Provenance::Derived { .. } => (t.derived, true),
    };
    let event_title = story
        .event(figure.event)
        .map(|e| e.title.get(lang).to_owned());
    let sentence = crate::text::marks::source_sentence(story, figure, lang);
    let original = (lang == Lang::En)
        .then(|| crate::text::marks::source_sentence(story, figure, Lang::ZhHans))
        .flatten();
    view! {
        <h2 class="panel__title" id="panel-title">{figure.label.get(lang).to_owned()}</h2>
        <p class="panel__value" data-testid="panel-value">{format::figure(figure, lang)}</p>
        <p class="panel__facts">
            <span class="badge" class:badge--derived=derived>{badge}</span>
            " "
            <span class="panel__kind">{kind_name(figure.kind, lang)}</span>
        </p>
        {match &figure.provenance {
            Provenance::Derived { formula, .. } => {
                Some(
                    view! {
                        <p class="panel__formula">
                            <span class="panel__label">{t.formula}</span>
                            " "
                            {formula.get(lang).to_owned()}
                        </p>
                    },
                )
            }
            Provenance::Reported(_) => None,
        }}
        {sentence
            .map(|(before, span, after)| {
                view! {
                    <figure class="panel__source">
                        <figcaption class="panel__label">{t.source_sentence}</figcaption>
                        <blockquote class="panel__quote" data-testid="panel-source">
                            {before.to_owned()}
                            <mark class="panel__mark">{span.to_owned()}</mark>
                            {after.to_owned()}
                        </blockquote>
                        {original
                            .map(|(before, span, after)| {
                                view! {
                                    <blockquote class="panel__quote panel__quote--original" lang="zh-Hans">
                                        <span class="panel__label">{t.original_text}</span>
                                        " "
                                        {before.to_owned()}
                                        <mark class="panel__mark">{span.to_owned()}</mark>
                                        {after.to_owned()}
                                    </blockquote>
                                }
                            })}
                    </figure>
                }
            })}
        {event_title.map(|title| view! { <p class="panel__event">{title}</p> })}
    }
}

fn term_view(entry: &'static GlossaryEntry, lang: Lang) -> impl IntoView {
    view! {
        <h2 class="panel__title" id="panel-title">{entry.term.get(lang).to_owned()}</h2>
        {(lang == Lang::En)
            .then(|| view! { <p class="panel__original" lang="zh-Hans">{entry.term.hans.clone()}</p> })}
        <p class="panel__explanation">{entry.explanation.get(lang).to_owned()}</p>
    }
}
