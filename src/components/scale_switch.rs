use crate::chart::strings::chart_strings;
use crate::state::use_charts;
use crate::view::ScaleKind;
use leptos::prelude::*;

/// Linear / logarithmic: toggle buttons bound to the shared scale (kept in the URL).
#[component]
pub(crate) fn ScaleSwitch() -> impl IntoView {
    let state = use_charts();
    let lang = state.lang();
    let scale = state.scale();
    // Built once; only its words follow the language (a view rebuilt per language left its
    // buttons' click handlers behind: the charts' memory grew with every switch).
    let t = move || chart_strings(lang.get());
    view! {
        <div class="scale-switch" role="group" aria-label=move || t().scale data-testid="scale-switch">
            <span class="scale-switch__label" aria-hidden="true">{move || t().scale}</span>
            {ScaleKind::ALL
                .into_iter()
                .map(|kind| {
                    view! {
                        <button
                            type="button"
                            class="scale-switch__option"
                            data-scale=kind.as_str()
                            data-testid=format!("scale-{}", kind.as_str())
                            aria-pressed=move || (scale.get() == kind).to_string()
                            on:click=move |_| state.set_scale(kind)
                        >
                            {move || match kind {
                                ScaleKind::Linear => t().linear,
                                ScaleKind::Log => t().log,
                            }}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
