use crate::i18n::{lang_name, strings};
use crate::model::Lang;
use crate::state::use_app;
use leptos::prelude::*;

/// 简体 / 繁體 / English: a group of toggle buttons, the current one pressed.
#[component]
pub(crate) fn LanguageSwitch() -> impl IntoView {
    let state = use_app();
    let current = state.lang();
    view! {
        <div class="lang-switch" role="group" aria-label=move || strings(current.get()).language>
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    view! {
                        <button
                            type="button"
                            class="lang-switch__option"
                            lang=lang.as_str()
                            data-lang=lang.as_str()
                            aria-pressed=move || (current.get() == lang).to_string()
                            on:click=move |_| state.set_lang(lang)
                        >
                            {lang_name(lang)}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
