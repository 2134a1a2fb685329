use super::{ChartView, CiteBox};
use crate::browser::theme::{custom_property, watch_color_scheme};
use crate::chart::draw::Palette;
use crate::chart::spec::ChartKind;
use crate::chart::strings::chart_strings;
use crate::data::story;
use crate::state::{provide_charts_state, use_charts};
use leptos::prelude::*;

/// The root of the charts module (a second WebAssembly module, loaded after the first
/// view): its state, then the charts and how to cite the report and the page.
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
    let palette = use_palette();
    let source = move || {
        let lang = lang.get();
        format!(
            "{}{}",
            chart_strings(lang).source_prefix,
            story().citation.get(lang)
        )
    };
    let sheet = move || format!("./{}", crate::route::page_dir(lang.get()));
    view! {
        <ChartView kind=kind palette=palette/>
        <p class="embed__source">{source}</p>
        <a class="embed__link" href=sheet target="_blank" rel="noopener" data-testid="embed-sheet">
            {move || story().title.get(lang.get()).to_owned()}
            " →"
        </a>
    }
}

/// The theme's colours for charts, read on mount and again on every appearance change and
/// every switch of the system between light and dark.
pub fn use_palette() -> RwSignal<Palette> {
    let state = use_charts();
    let palette = RwSignal::new(Palette::LIGHT);
    let read_palette = move || {
        let now = Palette::from_css(custom_property);
        if palette.get_untracked() != now {
            palette.set(now);
        }
    };
    // On mount and on every appearance change; a frame later, once `<html data-theme>` is
    // set and the style recomputed.
    Effect::new(move |_| {
        state.track_colours();
        request_animation_frame(read_palette);
    });
    // The system's light/dark switch (browser only: effects do not run in the build's
    // prerender).
    let watch = StoredValue::new_local(None);
    Effect::new(move |_| {
        watch.set_value(watch_color_scheme(move || {
            request_animation_frame(read_palette)
        }));
    });
    on_cleanup(move || watch.set_value(None));
    palette
}

/// The overview charts, drawn in the theme's colours and redrawn when the reader's
/// appearance choice or the system's light/dark preference changes.
#[component]
pub fn ChartsSection() -> impl IntoView {
    let state = use_charts();
    let lang = state.lang();
    let palette = use_palette();

    view! {
        <section class="charts" aria-labelledby="charts-heading" data-testid="charts">
            <h2 id="charts-heading" class="charts__heading">
                {move || chart_strings(lang.get()).heading}
            </h2>
            <div class="charts__list">
                {ChartKind::ALL
                    .into_iter()
                    .map(|kind| view! { <ChartView kind=kind palette=palette/> })
                    .collect_view()}
            </div>
        </section>
    }
}
