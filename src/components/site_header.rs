use super::event_section::{open_from_click, space_clicks};
use super::{AppearanceSwitch, LanguageSwitch, ShareButton, TextSizeSwitch};
use crate::browser;
use crate::data::story;
use crate::html::listen_control;
use crate::i18n::strings;
use crate::markup;
use crate::state::use_app;
use leptos::prelude::*;

/// The page header: place and year, title, source and byline, the report's lead paragraph
/// (its glossary terms open the panel) and its listen control, and the view controls
/// (language, 长辈模式, appearance, share).
#[component]
pub fn SiteHeader() -> impl IntoView {
    let state = use_app();
    let lang = state.lang();
    view! {
        // One click handler for the lead's marks and its listen control.
        <header
            class="site-header"
            on:click=move |ev| {
                browser::island::ask_charts(&ev);
                open_from_click(state, &ev)
            }
        >
            <div class="site-header__bar">
                <LanguageSwitch/>
                <TextSizeSwitch/>
                <div class="site-header__actions">
                    <AppearanceSwitch/>
                    <ShareButton/>
                </div>
            </div>
            // The year never alone on a line (`text::phrases::kicker_markup`): the build's
            // markup, then the markup part's in another language.
            <p
                class="site-header__kicker"
                inner_html=move || super::story_markup(state.first_markup(), || markup::kicker(lang.get()))
            ></p>
            // Chinese breaks between the title's phrases only (`<wbr>`, `text::phrases`).
            <h1
                class="site-header__title"
                inner_html=move || story().title_markup.get(lang.get()).to_owned()
            ></h1>
            <p class="site-header__source">
                {move || story().source.get(lang.get()).to_owned()}
                " · "
                {move || strings(lang.get()).byline}
                " "
                {move || story().byline.get(lang.get()).to_owned()}
            </p>
            <p
                class="site-header__lead"
                data-testid="lead"
                inner_html=move || super::story_markup(state.first_markup(), || markup::lead(lang.get()))
                on:keydown=move |ev| space_clicks(&ev)
            ></p>
            <div
                class="site-header__listen"
                inner_html=move || listen_control("lead", lang.get())
            ></div>
        </header>
    }
}
