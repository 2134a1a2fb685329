use super::{ChartsSlot, DetailPanel, EventSection, HeadlineStrip, Notice, SiteFooter, SiteHeader};
use crate::i18n::strings;
use crate::state::{use_app, AppState};
use leptos::prelude::*;

/// The app in the browser: the [`Page`] for `state`, which starts as the build rendered its
/// first view ([`crate::state::first_state`]), so that it takes that view over in place
/// ([`crate::start`]); [`crate::state::take_over`] then applies the URL and the reader's
/// stored choices.
#[component]
pub fn App(
    /// The page's state.
    state: AppState,
) -> impl IntoView {
    provide_context(state);
    view! { <Page/> }
}

/// The whole page for the state in context: header with headline figures, the events, the
/// charts, footer, and the overlays. The build renders it to HTML too (the first view).
#[component]
pub fn Page() -> impl IntoView {
    let state = use_app();
    let lang = state.lang();
    let t = move || strings(lang.get());
    view! {
        <a class="skip-link" href="#main">{move || t().skip_to_content}</a>
        <SiteHeader/>
        <HeadlineStrip/>
        <main id="main" class="main" tabindex="-1">
            <EventSection/>
            <ChartsSlot/>
        </main>
        <SiteFooter/>
        <DetailPanel/>
        <Notice/>
    }
}
