use crate::data::story;
use crate::model::Lang;
use leptos::prelude::*;

/// The page header: title, place, year, source and byline.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let story = story();
    let lang = Lang::ZhHans;
    view! {
        <header class="site-header">
            <p class="site-header__kicker">
                {story.place.get(lang).to_owned()} " · " {story.year}
            </p>
            <h1 class="site-header__title">{story.title.get(lang).to_owned()}</h1>
        </header>
    }
}
