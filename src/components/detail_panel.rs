use crate::data::story;
use crate::html::{figure_panel, term_panel};
use crate::i18n::strings;
use crate::state::{use_app, Panel};
use leptos::html;
use leptos::prelude::*;

/// The figure or glossary panel: a non-modal dialog that closes with Escape, a tap outside
/// (`crate::hooks::use_dismiss`, in [`crate::state::take_over`]) or its close button, and returns focus to what
/// opened it.
#[component]
pub(crate) fn DetailPanel() -> impl IntoView {
    let state = use_app();
    let lang = state.lang();
    let panel = state.panel();
    let t = move || strings(lang.get());
    let close_ref = NodeRef::<html::Button>::new();

    // Focus moves into the panel when it opens.
    Effect::new(move |_| {
        if panel.get().is_some() {
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
            hidden=move || panel.get().is_none()
        >
            <div class="panel__head">
                <p class="panel__kicker">
                    {move || match panel.get() {
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
            <div
                class="panel__body"
                inner_html=move || {
                    let lang = lang.get();
                    // An English panel shows the 简体 original beside: once 简体's texts are
                    // here (the English page starts without them), asked for now.
                    crate::data::texts_arrived();
                    if lang == crate::model::Lang::En && panel.get().is_some() {
                        crate::data::want_texts(crate::model::Lang::ZhHans);
                    }
                    let story = story();
                    match panel.get()? {
                        Panel::Figure(id) => story.figure(&id).map(|f| figure_panel(story, f, lang)),
                        Panel::Term(id) => {
                            story.glossary.iter().find(|g| g.id == id).map(|g| term_panel(g, lang))
                        }
                    }
                }
            ></div>
        </div>
    }
}
