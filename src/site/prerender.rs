//! The first view as HTML, rendered at build time by the same components the browser runs.
//!
//! The browser then mounts the live app off-screen and swaps it in within one task, so the
//! reader sees the static page at once and the live one without a layout shift (see
//! [`crate::start`]).

use crate::components::Page;
use crate::route::Route;
use crate::state::{AppState, Stored};
use leptos::prelude::*;

/// The default view (simplified Chinese, no filter, no card open) as HTML.
pub fn first_view() -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(AppState::new(Route::default(), Stored::default()));
        view! { <Page/> }.to_html()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::story;

    use crate::html::text_of;

    #[test]
    fn the_first_view_has_the_header_headline_and_ten_events() {
        let html = first_view();
        let text = text_of(&html);
        assert!(text.contains(&story().title.hans), "no title");
        // Regression: the report's lead paragraph was in the data but shown nowhere.
        assert!(text.contains(&story().lead.hans), "no lead paragraph");
        assert_eq!(html.matches("data-testid=\"event-card\"").count(), 10);
        for figure in story().headline_figures() {
            let shown = crate::format::figure(figure, crate::model::Lang::ZhHans);
            assert!(text.contains(&shown), "no headline figure {shown}");
        }
        for event in &story().events {
            assert!(
                text.contains(&event.title.hans),
                "no title of event {}",
                event.rank
            );
            // The full text too (hidden until a card opens; shown without JavaScript).
            assert!(
                text.contains(&event.text.hans),
                "no text of event {}",
                event.rank
            );
        }
    }

    #[test]
    fn the_first_view_has_no_inline_style_or_script() {
        let html = first_view();
        assert!(
            !html.contains(" style=\""),
            "inline style would break the CSP"
        );
        assert!(
            !html.contains("<script"),
            "inline script would break the CSP"
        );
    }
}
