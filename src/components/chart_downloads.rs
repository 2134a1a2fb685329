use crate::browser::download::{save_png, save_text};
use crate::chart::draw::{for_download, svg, Palette};
use crate::chart::export::{csv, file_name, json};
use crate::chart::layout::Layout;
use crate::chart::spec::{ChartData, ChartKind};
use crate::chart::strings::{chart_strings, title};
use crate::data::story;
use crate::state::use_app;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The chart's downloads, made in the browser: the picture as SVG and PNG (twice its size
/// on screen), its data as CSV and JSON.
#[component]
pub fn ChartDownloads(
    /// Which chart.
    kind: ChartKind,
    /// The chart as drawn now.
    layout: Memo<Option<Layout>>,
    /// The colours it is drawn in.
    palette: Signal<Palette>,
) -> impl IntoView {
    let lang = use_app().lang;
    let picture = move || {
        let layout = layout.get_untracked()?;
        let text = for_download(
            &svg(&layout, &palette.get_untracked()),
            title(kind, lang.get_untracked()),
        );
        Some((text, (layout.width as u32, layout.height as u32)))
    };
    let report = |result: Result<(), wasm_bindgen::JsValue>| {
        if let Err(err) = result {
            leptos::logging::warn!("download failed: {err:?}");
        }
    };
    let save_svg = move |_| {
        if let Some((text, _)) = picture() {
            report(save_text(
                &file_name(story(), kind, "svg"),
                "image/svg+xml;charset=utf-8",
                &text,
            ));
        }
    };
    let save_png_file = move |_| {
        if let Some((text, size)) = picture() {
            spawn_local(async move {
                report(save_png(&file_name(story(), kind, "png"), &text, size, 2).await);
            });
        }
    };
    let save_csv = move |_| {
        let data = ChartData::of(kind, story());
        let text = csv(&data, story(), lang.get_untracked());
        report(save_text(
            &file_name(story(), kind, "csv"),
            "text/csv;charset=utf-8",
            &text,
        ));
    };
    let save_json = move |_| {
        let data = ChartData::of(kind, story());
        let text = json(&data, story(), lang.get_untracked());
        report(save_text(
            &file_name(story(), kind, "json"),
            "application/json;charset=utf-8",
            &text,
        ));
    };
    let t = move || chart_strings(lang.get());
    view! {
        <div class="chart__downloads" role="group" aria-label=move || t().download>
            <span class="chart__downloads-label" aria-hidden="true">{move || t().download}</span>
            <button type="button" class="button chart__download" data-testid="download-svg" on:click=save_svg>
                <span class="visually-hidden">{move || t().download}" "</span>
                "SVG"
            </button>
            <button type="button" class="button chart__download" data-testid="download-png" on:click=save_png_file>
                <span class="visually-hidden">{move || t().download}" "</span>
                "PNG"
            </button>
            <button type="button" class="button chart__download" data-testid="download-csv" on:click=save_csv>
                <span class="visually-hidden">{move || t().download}" "</span>
                "CSV"
            </button>
            <button type="button" class="button chart__download" data-testid="download-json" on:click=save_json>
                <span class="visually-hidden">{move || t().download}" "</span>
                "JSON"
            </button>
        </div>
    }
}
