//! The first view as HTML, rendered at build time by the same components the browser runs.
//!
//! The browser's live app then takes this view over in place (Leptos hydration, see
//! `zezhou::start`): it renders `Page` in the same state (the page's language, every other
//! choice at its default, `zezhou::state::AppState::first_view`), so the two trees are the same
//! node for node, hydration markers (`<!>`) included; what only the browser knows applies
//! after (`zezhou::state::take_over`).

use leptos::prelude::*;
use zezhou::components::Page;
use zezhou::model::Lang;
use zezhou::state::AppState;

/// The default view in `lang` (no filter, no card open, `AppState::first_view`) as HTML:
/// the first view of `lang`'s page.
pub fn first_view(lang: Lang) -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(AppState::first_view(lang));
        view! { <Page/> }.to_html()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use zezhou::data::story;

    /// The text content of some markup: tags dropped, entities decoded.
    fn text_of(html: &str) -> String {
        let text = std::cell::RefCell::new(String::new());
        lol_html::rewrite_str(
            html,
            lol_html::RewriteStrSettings {
                document_content_handlers: vec![lol_html::doc_text!(|t| {
                    text.borrow_mut().push_str(t.as_str());
                    Ok(())
                })],
                ..lol_html::RewriteStrSettings::default()
            },
        )
        .unwrap();
        text.into_inner()
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    #[test]
    fn the_first_view_has_the_header_headline_and_ten_events() {
        let html = first_view(Lang::ZhHans);
        let text = text_of(&html);
        assert!(text.contains(&story().title.hans), "no title");
        // Regression: the report's lead paragraph was in the data but shown nowhere.
        assert!(text.contains(&story().lead.hans), "no lead paragraph");
        assert_eq!(html.matches("data-testid=\"event-card\"").count(), 10);
        for figure in story().headline_figures() {
            let shown = zezhou::format::figure(figure, zezhou::model::Lang::ZhHans);
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
    fn each_language_page_has_its_own_first_view() {
        for lang in Lang::ALL {
            let text = text_of(&first_view(lang));
            assert!(text.contains(story().title.get(lang)), "{lang:?}: no title");
            for event in &story().events {
                assert!(
                    text.contains(event.title.get(lang)),
                    "{lang:?}: no event {}",
                    event.rank
                );
            }
        }
        // Not the same page three times.
        let en = text_of(&first_view(Lang::En));
        assert!(!en.contains(&story().events[0].title.hans));
    }

    /// The live app renders what a page renders with every text, with only its language's
    /// (the page fetches no other before the app is live).
    #[test]
    fn each_language_s_first_view_needs_only_its_texts() {
        for lang in Lang::ALL {
            let whole = first_view(lang);
            // Another thread: the story there starts as the browser's does.
            let alone = std::thread::spawn(move || {
                zezhou::data::start_with_texts_of(lang);
                assert!(!story().lead.get(lang).is_empty());
                (first_view(lang), story().lead.clone())
            })
            .join()
            .unwrap();
            assert_eq!(alone.0, whole, "{lang:?}");
            if lang == Lang::En {
                assert!(alone.1.hans.is_empty());
            }
        }
    }

    #[test]
    fn the_first_view_has_no_inline_style_or_script() {
        let html = first_view(Lang::ZhHans);
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
