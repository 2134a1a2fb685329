use crate::data::story;
use crate::model::Lang;
use leptos::prelude::*;

/// The footer: the source attribution (本报讯, byline) and the provenance note.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let story = story();
    let lang = Lang::ZhHans;
    view! {
        <footer class="site-footer">
            <p class="site-footer__source">
                {story.source.get(lang).to_owned()} " · " {story.byline.get(lang).to_owned()}
            </p>
        </footer>
    }
}
