use crate::data::story;
use crate::i18n::{sort_name, strings};
use crate::state::use_app;
use crate::view::Sort;
use leptos::prelude::*;

/// Theme chips, the search box and the sort order.
#[component]
pub(crate) fn EventFilters() -> impl IntoView {
    let state = use_app();
    let lang = state.lang();
    let (theme, query, current) = (state.theme_filter(), state.query(), state.sort());
    let t = move || strings(lang.get());
    let chip = move |id: Option<String>| {
        let pressed_id = id.clone();
        let click_id = id.clone();
        let label = move || match &id {
            Some(id) => story()
                .theme(id)
                .map(|th| th.label.get(lang.get()).to_owned())
                .unwrap_or_default(),
            None => t().all_themes.to_owned(),
        };
        view! {
            <button
                type="button"
                class="chip"
                data-theme-id=pressed_id.clone().unwrap_or_default()
                aria-pressed=move || (theme.get() == pressed_id).to_string()
                on:click=move |_| state.set_theme_filter(click_id.clone())
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="filters">
            <div class="filters__themes" role="group" aria-label=move || t().filter_by_theme>
                {chip(None)}
                {story().themes.iter().map(|th| chip(Some(th.id.clone()))).collect_view()}
            </div>
            <div class="filters__row">
                <label class="search">
                    <span class="visually-hidden">{move || t().search}</span>
                    <svg class="icon search__icon" viewBox="0 0 24 24" aria-hidden="true">
                        <path d="M10.5 3a7.5 7.5 0 0 1 5.9 12.1l4.7 4.8-1.4 1.4-4.8-4.7A7.5 7.5 0 1 1 10.5 3zm0 2a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11z"></path>
                    </svg>
                    <input
                        type="search"
                        id="search"
                        class="search__input"
                        data-testid="search"
                        enterkeyhint="search"
                        autocomplete="off"
                        placeholder=move || t().search_placeholder
                        prop:value=move || query.get()
                        on:input=move |ev| state.set_query(&event_target_value(&ev))
                    />
                </label>
                <label class="select">
                    <span class="select__label">{move || t().sort}</span>
                    <select
                        class="select__control"
                        data-testid="sort"
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            if let Some(sort) = Sort::ALL.into_iter().find(|s| s.as_str() == value) {
                                state.set_sort(sort);
                            }
                        }
                    >
                        {Sort::ALL
                            .into_iter()
                            .map(|sort| {
                                view! {
                                    <option value=sort.as_str() prop:selected=move || current.get() == sort>
                                        {move || sort_name(sort, lang.get())}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
            </div>
        </div>
    }
}
