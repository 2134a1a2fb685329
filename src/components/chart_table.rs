use crate::chart::spec::{is_reported, ChartKind};
use crate::chart::strings::{chart_strings, title};
use crate::data::chart_data;
use crate::format;
use crate::i18n::{kind_name, rank_label, strings};
use crate::model::{Figure, Lang, Provenance};
use crate::state::use_charts;
use leptos::prelude::*;

/// A chart's data as a real table, shown and hidden by a toggle button.
#[component]
pub(crate) fn ChartTable(
    /// Which chart.
    kind: ChartKind,
) -> impl IntoView {
    let lang = use_charts().lang();
    let shown = RwSignal::new(false);
    let table_id = format!("chart-{}-table", kind.slug());
    let caption_id = format!("chart-{}-caption", kind.slug());
    let labelled_by = caption_id.clone();
    view! {
        <button
            type="button"
            class="button chart__table-toggle"
            aria-expanded=move || shown.get().to_string()
            aria-controls=table_id.clone()
            data-testid="chart-table-toggle"
            on:click=move |_| shown.update(|s| *s = !*s)
        >
            {move || {
                let t = chart_strings(lang.get());
                if shown.get() { t.hide_table } else { t.show_table }
            }}
        </button>
        // A region the keyboard can scroll, should the table be wider than a small screen.
        <div
            class="chart__table-wrap"
            id=table_id
            role="region"
            tabindex="0"
            aria-labelledby=labelled_by
            hidden=move || !shown.get()
        >
            {move || table(kind, lang.get(), caption_id.clone())}
        </div>
    }
}

/// The table in one language (drawn again, whole, when the language changes).
fn table(kind: ChartKind, lang: Lang, caption_id: String) -> impl IntoView {
    let t = chart_strings(lang);
    let (reported, derived) = (strings(lang).reported, strings(lang).derived);
    view! {
        <table class="chart__table" data-testid="chart-table">
            <caption id=caption_id>{title(kind, lang)}</caption>
            <thead>
                <tr>
                    <th scope="col">{t.col_item}</th>
                    <th scope="col">{t.col_value}</th>
                    <th scope="col">{t.col_source}</th>
                </tr>
            </thead>
            <tbody>
                {chart_data(kind)
                    .rows()
                    .into_iter()
                    .map(|row| {
                        let figure = row.figure;
                        view! {
                            <tr data-figure=figure.id.clone()>
                                <th scope="row">
                                    {figure.label.get(lang).to_owned()}
                                    <span class="chart__table-note">{rank_label(figure.event, lang)}</span>
                                </th>
                                <td>
                                    <span class="chart__table-value">{format::figure(figure, lang)}</span>
                                    <span class="chart__table-note">
                                        {if is_reported(figure) { reported } else { derived }}
                                        " · "
                                        {kind_name(figure.kind, lang)}
                                    </span>
                                </td>
                                <td>{source_text(figure, lang)}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// The figure's source span in `lang`, or its formula.
fn source_text(figure: &Figure, lang: Lang) -> String {
    match &figure.provenance {
        Provenance::Reported(span) => span.text.get(lang).to_owned(),
        Provenance::Derived { formula, .. } => formula.get(lang).to_owned(),
    }
}
