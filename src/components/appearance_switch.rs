use crate::i18n::strings;
use crate::state::use_app;
use crate::view::Appearance;
use leptos::prelude::*;

/// System / light / dark / high contrast: a select, so the current choice is always named.
#[component]
pub(crate) fn AppearanceSwitch() -> impl IntoView {
    let state = use_app();
    let (lang, appearance) = (state.lang(), state.appearance());
    let t = move || strings(lang.get());
    let name = move |a: Appearance| match a {
        Appearance::System => t().theme_system,
        Appearance::Light => t().theme_light,
        Appearance::Dark => t().theme_dark,
        Appearance::Contrast => t().theme_contrast,
    };
    view! {
        <label class="select">
            <span class="select__label">{move || t().theme}</span>
            <select
                class="select__control"
                data-testid="appearance"
                on:change=move |ev| {
                    if let Some(a) = Appearance::parse(&event_target_value(&ev)) {
                        state.set_appearance(a);
                    }
                }
            >
                {Appearance::ALL
                    .into_iter()
                    .map(|a| {
                        view! {
                            <option value=a.as_str() selected=move || appearance.get() == a>
                                {move || name(a)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
