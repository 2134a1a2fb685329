use super::{ChartView, CiteBox};
use crate::chart::spec::ChartKind;
use crate::chart::strings::chart_strings;
use crate::data::charts_story;
use crate::state::{provide_charts_state, use_charts};
use leptos::prelude::*;

/// The root of the charts module (a part of the app's module, loaded after the first view,
/// `crate::start_charts`): its state, then the charts and how to cite the report and the
/// page.
#[component]
pub fn ChartsApp() -> impl IntoView {
    provide_charts_state();
    view! {
        <ChartsSection/>
        <CiteBox/>
    }
}

/// The embed view (`embed.html#/{lang}/{chart}`, [`crate::chart::embed`]): one chart alone,
/// as wide as the iframe it is in, with its title, description, scale and table toggle,
/// the source and a link to the whole fact sheet (a new tab: the iframe is someone else's
/// page).
#[component]
pub fn EmbedApp() -> impl IntoView {
    let (lang, kind) = crate::chart::embed::parse(&crate::browser::history::hash());
    crate::browser::document::set_lang(lang.unwrap_or_default().as_str());
    let state = provide_charts_state();
    let lang = state.lang();
    let source = move || {
        let lang = lang.get();
        format!(
            "{}{}",
            chart_strings(lang).source_prefix,
            charts_story().citation.get(lang)
        )
    };
    let sheet = move || format!("./{}", crate::route::page_dir(lang.get()));
    view! {
        <ChartView kind=kind/>
        <p class="embed__source">{source}</p>
        <a class="embed__link" href=sheet target="_blank" rel="noopener" data-testid="embed-sheet">
            {move || charts_story().title.get(lang.get()).to_owned()}
            " →"
        </a>
    }
}

/// The overview charts. The theme colours them through their classes
/// (`style/charts.css`), so neither the reader's appearance choice nor the system's
/// light/dark switch redraws them.
#[component]
pub fn ChartsSection() -> impl IntoView {
    let lang = use_charts().lang();

    view! {
        <section class="charts" aria-labelledby="charts-heading" data-testid="charts">
            <h2 id="charts-heading" class="charts__heading">
                {move || chart_strings(lang.get()).heading}
            </h2>
            <div class="charts__list">
                {ChartKind::ALL
                    .into_iter()
                    .map(|kind| view! { <ChartView kind=kind/> })
                    .collect_view()}
            </div>
        </section>
    }
}
