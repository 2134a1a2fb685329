use crate::format;
use crate::model::{Figure, Provenance};
use crate::state::{use_app, Panel};
use leptos::prelude::*;

/// A figure as a tile: value and label; opens the figure panel.
#[component]
pub fn FigureTile(
    /// The figure to show.
    figure: &'static Figure,
) -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let derived = matches!(figure.provenance, Provenance::Derived { .. });
    let id = figure.id.clone();
    view! {
        <button
            type="button"
            class="tile"
            class:tile--derived=derived
            data-testid="figure-tile"
            data-figure=figure.id.clone()
            aria-haspopup="dialog"
            on:click=move |_| state.open_panel(Panel::Figure(id.clone()))
        >
            <span class="tile__value">{move || format::figure(figure, lang.get())}</span>
            <span class="tile__label">{move || figure.label.get(lang.get()).to_owned()}</span>
        </button>
    }
}
