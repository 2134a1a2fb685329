use super::{ChartsSlot, DetailPanel, EventSection, HeadlineStrip, Notice, SiteFooter, SiteHeader};
use crate::i18n::strings;
use crate::state::{provide_app_state, use_app};
use leptos::prelude::*;

/// The app in the browser: reads the URL and the reader's stored choices, keeps them in
/// step with the state, and shows the [`Page`], in two tasks: the page without the cards,
/// then the cards (shorter tasks keep the page responsive while it starts; it is
/// built off-screen, see [`crate::start`], so the reader sees it whole).
#[component]
pub fn App() -> impl IntoView {
    let state = provide_app_state();
    state.defer_cards();
    gloo_timers::callback::Timeout::new(0, move || state.show_cards()).forget();
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
