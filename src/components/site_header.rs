use super::{AppearanceSwitch, LanguageSwitch, ShareButton};
use crate::data::story;
use crate::i18n::strings;
use crate::state::use_app;
use leptos::prelude::*;

/// The page header: place and year, title, source and byline, and the view controls.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let state = use_app();
    let story = story();
    let lang = state.lang;
    view! {
        <header class="site-header">
            <div class="site-header__bar">
                <LanguageSwitch/>
                <div class="site-header__actions">
                    <AppearanceSwitch/>
                    <ShareButton/>
                </div>
            </div>
            <p class="site-header__kicker">
                {move || story.place.get(lang.get()).to_owned()} " · " {story.year}
            </p>
            <h1 class="site-header__title">{move || story.title.get(lang.get()).to_owned()}</h1>
            <p class="site-header__source">
                {move || story.source.get(lang.get()).to_owned()}
                " · "
                {move || strings(lang.get()).byline}
                " "
                {move || story.byline.get(lang.get()).to_owned()}
            </p>
        </header>
    }
}
