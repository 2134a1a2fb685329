use crate::chart::spec::{is_reported, Datum};
use crate::chart::strings::role_name;
use crate::format;
use crate::i18n::{rank_label, strings};
use crate::state::use_app;
use leptos::prelude::*;

/// What a chart mark is: its label, value (reported or derived), the figures behind it, and
/// a way to its event's card. Stays until closed.
#[component]
pub fn ChartTooltip(
    /// The bar it describes.
    datum: Datum<'static>,
    /// Id of its title, which names the tooltip.
    title_id: String,
    /// Closes it.
    on_close: Callback<()>,
) -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let figure = datum.figure;
    let reported = is_reported(figure);
    let rank = figure.event;
    let t = move || strings(lang.get());
    view! {
        <p class="chart__tooltip-title" id=title_id>
            {move || figure.label.get(lang.get()).to_owned()}
        </p>
        <p class="chart__tooltip-value" data-testid="chart-tooltip-value">
            {move || format::figure(figure, lang.get())}
        </p>
        {(!datum.context.is_empty())
            .then(|| {
                view! {
                    <ul class="chart__tooltip-context">
                        {datum
                            .context
                            .iter()
                            .map(|&(role, f)| {
                                view! {
                                    <li>
                                        {move || role_name(role, lang.get())}
                                        " "
                                        <strong>{move || format::figure(f, lang.get())}</strong>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
            })}
        <p class="chart__tooltip-facts">
            <span class="badge" class:badge--derived=!reported>
                {move || if reported { t().reported } else { t().derived }}
            </span>
            " "
            <span>{move || rank_label(rank, lang.get())}</span>
        </p>
        <div class="chart__tooltip-actions">
            <button
                type="button"
                class="button chart__go"
                data-testid="chart-go"
                on:click=move |_| {
                    on_close.run(());
                    state.go_to_event(rank);
                }
            >
                {move || t().go_to_event}
            </button>
            <button
                type="button"
                class="button button--quiet chart__tooltip-close"
                data-testid="chart-tooltip-close"
                on:click=move |_| on_close.run(())
            >
                <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">
                    <path d="M6 6l12 12M18 6L6 18" fill="none" stroke="currentColor" stroke-width="2"></path>
                </svg>
                <span class="visually-hidden">{move || t().close}</span>
            </button>
        </div>
    }
}
