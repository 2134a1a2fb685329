use super::cite_box::citations_today;
use crate::browser::download::{save_png, save_text};
use crate::browser::theme::custom_property;
use crate::browser::{history, share};
use crate::chart::draw::{for_download, Palette};
use crate::chart::export::{csv, file_name, json};
use crate::chart::layout::Layout;
use crate::chart::spec::ChartKind;
use crate::chart::strings::{chart_strings, title};
use crate::data::chart_data;
use crate::data::charts_story;
use crate::state::use_charts;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What a download holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Svg,
    Png,
    Csv,
    Json,
}

impl Format {
    const ALL: [Format; 4] = [Format::Svg, Format::Png, Format::Csv, Format::Json];

    fn extension(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Format::Svg => "SVG",
            Format::Png => "PNG",
            Format::Csv => "CSV",
            Format::Json => "JSON",
        }
    }
}

/// The chart's downloads, made in the browser: the picture as SVG and PNG (twice its size
/// on screen) in the theme's colours of the moment, its data as CSV and JSON.
#[component]
pub fn ChartDownloads(
    /// Which chart.
    kind: ChartKind,
    /// The chart as drawn now.
    layout: Memo<Option<Layout>>,
) -> impl IntoView {
    let lang = use_charts().lang();
    let save = move |format: Format| {
        let lang = lang.get_untracked();
        let name = file_name(charts_story(), kind, format.extension());
        let picture = || {
            let layout = layout.get_untracked()?;
            let source =
                chart_strings(lang).source_prefix.to_owned() + charts_story().citation.get(lang);
            // The file carries its colours: the theme's, read as it is saved.
            let palette = Palette::from_css(custom_property);
            Some(for_download(&layout, &palette, title(kind, lang), &source))
        };
        let result = match format {
            Format::Svg => picture().map_or(Ok(()), |(text, _)| {
                save_text(&name, "image/svg+xml;charset=utf-8", &text)
            }),
            Format::Png => {
                if let Some((text, size)) = picture() {
                    spawn_local(async move {
                        if let Err(err) = save_png(&name, &text, size, 2).await {
                            leptos::logging::warn!("PNG download failed: {err:?}");
                        }
                    });
                }
                Ok(())
            }
            Format::Csv => save_text(
                &name,
                "text/csv;charset=utf-8",
                &csv(chart_data(kind), lang, &citations_today(lang)),
            ),
            Format::Json => save_text(
                &name,
                "application/json;charset=utf-8",
                &json(
                    chart_data(kind),
                    charts_story(),
                    lang,
                    &citations_today(lang),
                ),
            ),
        };
        if let Err(err) = result {
            leptos::logging::warn!("download failed: {err:?}");
        }
    };
    move || {
        let download = chart_strings(lang.get()).download;
        view! {
            <div class="chart__downloads" role="group" aria-label=download>
                <span class="chart__downloads-label" aria-hidden="true">{download}</span>
                {Format::ALL
                    .into_iter()
                    .map(|format| {
                        view! {
                            <button
                                type="button"
                                class="button chart__download"
                                data-testid=format!("download-{}", format.extension())
                                on:click=move |_| save(format)
                            >
                                <span class="visually-hidden">{download} " "</span>
                                {format.label()}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        }
    }
}

/// The embed action: copies the chart's `<iframe>` snippet for another site
/// ([`crate::chart::embed::snippet`]), with a fallback link, and says so.
#[component]
pub fn EmbedButton(kind: ChartKind) -> impl IntoView {
    let lang = use_charts().lang();
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        let lang = lang.get_untracked();
        let snippet = crate::chart::embed::snippet(charts_story(), &history::root(), lang, kind);
        spawn_local(async move { copied.set(Some(share::copy(&snippet).await)) });
    };
    view! {
        <button type="button" class="button chart__embed" data-testid="embed" on:click=copy>
            {move || chart_strings(lang.get()).embed}
        </button>
        <span class="chart__embed-status" role="status" data-testid="embed-status">
            {move || match copied.get() {
                Some(true) => chart_strings(lang.get()).embed_copied,
                Some(false) => chart_strings(lang.get()).embed_failed,
                None => "",
            }}
        </span>
    }
}
