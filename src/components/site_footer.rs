use crate::data::story;
use crate::i18n::strings;
use crate::state::use_app;
use leptos::prelude::*;

/// The footer: the source attribution (本报讯, byline), the publication context, and notes
/// on provenance and translation.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let state = use_app();
    let lang = state.lang();
    let t = move || strings(lang.get());
    view! {
        <footer class="site-footer">
            <p class="site-footer__source">
                <span class="site-footer__label">{move || t().source}</span>
                " "
                {move || story().source.get(lang.get()).to_owned()}
                " · "
                {move || story().byline.get(lang.get()).to_owned()}
            </p>
            <p>{move || story().context.get(lang.get()).to_owned()}</p>
            // A hint for screens follows the note from the stylesheet (style/layout.css), so
            // that print leaves it out.
            <p class="site-footer__provenance">{move || t().provenance_note}</p>
            <p>{move || t().translation_note}</p>
        </footer>
    }
}
