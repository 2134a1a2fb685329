use super::{ChartView, CiteBox};
use crate::browser::theme::{custom_property, watch_color_scheme};
use crate::chart::draw::Palette;
use crate::chart::spec::ChartKind;
use crate::chart::strings::chart_strings;
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

/// The overview charts, drawn in the theme's colours and redrawn when the reader's
/// appearance choice or the system's light/dark preference changes.
#[component]
pub fn ChartsSection() -> impl IntoView {
    let state = use_charts();
    let lang = state.lang;
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
        state.colours.track();
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
