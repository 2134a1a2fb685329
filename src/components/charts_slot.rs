use crate::browser::island::CHARTS_ROOT;
use crate::i18n::strings;
use crate::state::use_app;
use leptos::prelude::*;

/// Where the charts go: the charts module (loaded when this comes near the screen, see
/// [`crate::browser::island`]) replaces the note inside with [`super::ChartsApp`].
#[component]
pub(crate) fn ChartsSlot() -> impl IntoView {
    let lang = use_app().lang();
    view! {
        <div class="charts-slot" id=CHARTS_ROOT data-testid="charts-slot" aria-busy="true">
            <p class="charts-slot__loading">{move || strings(lang.get()).charts_loading}</p>
        </div>
    }
}
