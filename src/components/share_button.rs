use crate::browser::{history, share};
use crate::data::story;
use crate::i18n::strings;
use crate::state::use_app;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Shares the current view: the system share sheet where there is one, else the clipboard,
/// with a visible confirmation.
#[component]
pub(crate) fn ShareButton() -> impl IntoView {
    let state = use_app();
    let lang = state.lang();
    let t = move || strings(lang.get());
    let on_click = move |_| {
        let lang = lang.get_untracked();
        let title = story().title.get(lang).to_owned();
        let url = history::href();
        spawn_local(async move {
            let message = match share::share(&title, &url).await {
                share::ShareOutcome::Shared => Some(strings(lang).link_shared),
                share::ShareOutcome::Copied => Some(strings(lang).link_copied),
                share::ShareOutcome::Cancelled => None,
                share::ShareOutcome::Failed => Some(strings(lang).copy_failed),
            };
            if let Some(message) = message {
                state.notify(message);
            }
        });
    };
    view! {
        <button type="button" class="button button--quiet" data-testid="share" on:click=on_click>
            <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">
                <path d="M18 16a3 3 0 0 0-2.4 1.2l-6.7-3.4a3 3 0 0 0 0-1.6l6.7-3.4A3 3 0 1 0 15 7l-6.7 3.4a3 3 0 1 0 0 3.2L15 17a3 3 0 1 0 3-1z"></path>
            </svg>
            <span>{move || t().share}</span>
        </button>
    }
}
