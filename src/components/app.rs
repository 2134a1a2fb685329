use super::{SiteFooter, SiteHeader};
use leptos::prelude::*;

/// The whole page: header, the main region (cards and charts), footer.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"跳到正文"</a>
        <SiteHeader/>
        <main id="main" class="main" tabindex="-1"></main>
        <SiteFooter/>
    }
}
