use crate::chart::spec::{is_reported, Datum};
use crate::chart::strings::role_name;
use crate::format;
use crate::i18n::{kind_name, rank_label, strings};
use crate::model::Lang;
use crate::state::use_charts;
use leptos::prelude::*;

/// What a chart mark is: its label, value (reported or derived), the figures behind it, and
/// a way to its event's card. Stays until closed; drawn again when the language changes.
#[component]
pub(crate) fn ChartTooltip(
    /// The bar it describes.
    datum: &'static Datum<'static>,
    /// The language to write it in.
    lang: Lang,
    /// Id of its title, which names the tooltip.
    title_id: String,
    /// Closes it; `true` returns focus to its mark.
    on_close: Callback<bool>,
) -> impl IntoView {
    let state = use_charts();
    let t = strings(lang);
    let figure = datum.figure;
    let reported = is_reported(figure);
    let rank = figure.event;
    view! {
        <p class="chart__tooltip-title" id=title_id>{figure.label.get(lang).to_owned()}</p>
        <p class="chart__tooltip-value" data-testid="chart-tooltip-value">
            {format::figure(figure, lang)}
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
                                        {role_name(role, lang)}
                                        " "
                                        <strong>{format::figure(f, lang)}</strong>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
            })}
        <p class="chart__tooltip-facts">
            <span class="badge" class:badge--derived=!reported>
                {if reported { t.reported } else { t.derived }}
            </span>
            " "
            <span>{kind_name(figure.kind, lang)}</span>
            " · "
            <span>{rank_label(rank, lang)}</span>
        </p>
        <div class="chart__tooltip-actions">
            <button
                type="button"
                class="button chart__go"
                data-testid="chart-go"
                on:click=move |_| {
                    on_close.run(false);
                    state.go_to_event(rank);
                }
            >
                {t.go_to_event}
            </button>
            <button
                type="button"
                class="button button--quiet chart__tooltip-close"
                data-testid="chart-tooltip-close"
                aria-label=t.close
                on:click=move |_| on_close.run(true)
            >
                <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">
                    <path d="M6 6l12 12M18 6L6 18" fill="none" stroke="currentColor" stroke-width="2"></path>
                </svg>
            </button>
        </div>
    }
}
