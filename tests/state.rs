//! Host tests of the page's state: its intents and what they derive, under a reactive
//! `Owner` as in a component, without a browser (the state made by `AppState::new` has no
//! browser part: no focus, no scroll).
#![cfg(not(target_arch = "wasm32"))]

use leptos::prelude::*;
use zezhou::data::story;
use zezhou::model::Lang;
use zezhou::route::Route;
use zezhou::state::{AppState, Panel, Stored};
use zezhou::view::{ScaleKind, Sort, TextSize};

/// Runs `test` on the state of `route` with nothing stored, under a fresh owner.
#[track_caller]
fn with_state(route: Route, test: impl FnOnce(AppState)) {
    Owner::new().with(|| test(AppState::new(route, Stored::default())));
}

/// The ranks the filters and the sort leave, in the story's order.
fn all_ranks() -> Vec<u8> {
    story().events.iter().map(|e| e.rank).collect()
}

/// A theme with fewer events than the story.
fn a_theme() -> (String, Vec<u8>) {
    let story = story();
    story
        .themes
        .iter()
        .map(|th| {
            let ranks: Vec<u8> = story
                .events
                .iter()
                .filter(|e| e.themes.contains(&th.id))
                .map(|e| e.rank)
                .collect();
            (th.id.clone(), ranks)
        })
        .find(|(_, ranks)| !ranks.is_empty() && ranks.len() < story.events.len())
        .expect("a theme that filters")
}

#[test]
fn the_visible_events_follow_the_theme_query_and_sort_intents() {
    with_state(Route::default(), |state| {
        let visible = state.visible();
        assert_eq!(visible.get_untracked(), all_ranks());

        let (theme, ranks) = a_theme();
        state.set_theme_filter(Some(theme.clone()));
        assert_eq!(visible.get_untracked(), ranks);
        assert_eq!(state.theme_filter().get_untracked(), Some(theme));

        state.set_theme_filter(None);
        state.set_query("zzzz no such words");
        assert!(visible.get_untracked().is_empty());

        state.clear_filters();
        assert_eq!(visible.get_untracked(), all_ranks());
        assert_eq!(state.query().get_untracked(), "");

        // Most money first: the same events in another order.
        state.set_sort(Sort::Money);
        let mut sorted = visible.get_untracked();
        assert_ne!(sorted, all_ranks());
        sorted.sort_unstable();
        assert_eq!(sorted, all_ranks());
        state.set_sort(Sort::Report);
        assert_eq!(visible.get_untracked(), all_ranks());
    });
}

#[test]
fn a_search_is_cut_to_what_a_link_keeps() {
    with_state(Route::default(), |state| {
        let long = "扶贫".repeat(500);
        state.set_query(&long);
        let kept = state.query().get_untracked();
        assert!(kept.len() < long.len(), "{} bytes kept", kept.len());
        assert_eq!(kept, zezhou::route::limit_query(&long));
    });
}

#[test]
fn open_toggle_and_close_event_intents() {
    with_state(Route::default(), |state| {
        let opened = state.opened();
        state.open_event(3);
        assert_eq!(opened.get_untracked(), Some(3));
        state.open_event(5);
        assert_eq!(opened.get_untracked(), Some(5));
        state.toggle_event(5);
        assert_eq!(opened.get_untracked(), None);
        state.toggle_event(2);
        assert_eq!(opened.get_untracked(), Some(2));
        state.toggle_event(4);
        assert_eq!(opened.get_untracked(), Some(4));
        state.close_event();
        assert_eq!(opened.get_untracked(), None);
    });
}

#[test]
fn going_to_a_hidden_event_clears_the_filters_and_closes_the_panel() {
    with_state(Route::default(), |state| {
        let (theme, ranks) = a_theme();
        let hidden = *all_ranks().iter().find(|r| !ranks.contains(r)).unwrap();
        let shown = ranks[0];
        state.set_theme_filter(Some(theme.clone()));

        // Shown: the filter stays.
        state.go_to_event(shown);
        assert_eq!(state.opened().get_untracked(), Some(shown));
        assert_eq!(state.theme_filter().get_untracked(), Some(theme));

        // Hidden: the filters go, so the card can be seen.
        state.open_panel(Panel::Term("x".into()));
        state.set_query("扶贫");
        state.go_to_event(hidden);
        assert_eq!(state.opened().get_untracked(), Some(hidden));
        assert_eq!(state.theme_filter().get_untracked(), None);
        assert_eq!(state.query().get_untracked(), "");
        assert!(state.visible().get_untracked().contains(&hidden));
        assert_eq!(state.panel().get_untracked(), None);
    });
}

#[test]
fn panel_intents() {
    with_state(Route::default(), |state| {
        let panel = state.panel();
        // Closing a closed panel does nothing.
        state.close_panel();
        assert_eq!(panel.get_untracked(), None);
        state.open_panel(Panel::Figure("people-lifted".into()));
        assert_eq!(
            panel.get_untracked(),
            Some(Panel::Figure("people-lifted".into()))
        );
        // Another tile while it is open: the panel shows it instead.
        state.open_panel(Panel::Term("t".into()));
        assert_eq!(panel.get_untracked(), Some(Panel::Term("t".into())));
        state.close_panel();
        assert_eq!(panel.get_untracked(), None);
    });
}

#[test]
fn the_route_follows_the_intents_and_a_hidden_card_is_not_claimed() {
    with_state(Route::default(), |state| {
        state.set_lang(Lang::En);
        state.set_scale(ScaleKind::Log);
        state.set_text_size(TextSize::Large);
        state.open_event(2);
        let route = state.route();
        assert_eq!(route.lang, Some(Lang::En));
        assert_eq!(route.scale, ScaleKind::Log);
        assert_eq!(route.text, Some(TextSize::Large));
        assert_eq!(route.open, Some(2));

        // The card is still open, but the filter hides it: the URL does not claim it.
        let (theme, ranks) = a_theme();
        let hidden = *all_ranks().iter().find(|r| !ranks.contains(r)).unwrap();
        state.open_event(hidden);
        state.set_theme_filter(Some(theme));
        assert_eq!(state.opened().get_untracked(), Some(hidden));
        assert_eq!(state.route().open, None);

        // Normal text is the default, left out of the URL.
        state.set_text_size(TextSize::Normal);
        assert_eq!(state.route().text, None);
    });
}

#[test]
fn applying_a_route_sets_the_view_and_closes_the_panel() {
    let start = Route {
        lang: Some(Lang::ZhHant),
        ..Route::default()
    };
    with_state(start, |state| {
        assert_eq!(state.lang().get_untracked(), Lang::ZhHant);
        state.open_panel(Panel::Term("t".into()));
        state.set_text_size(TextSize::ExtraLarge);
        state.apply(Route {
            lang: None,
            open: Some(7),
            scale: ScaleKind::Log,
            ..Route::default()
        });
        // No language and no text size in the link: the reader's stay.
        assert_eq!(state.lang().get_untracked(), Lang::ZhHant);
        assert_eq!(state.text_size().get_untracked(), TextSize::ExtraLarge);
        assert_eq!(state.opened().get_untracked(), Some(7));
        assert_eq!(state.scale().get_untracked(), ScaleKind::Log);
        assert_eq!(state.panel().get_untracked(), None);
    });
}

#[test]
fn stored_choices_yield_to_the_link() {
    Owner::new().with(|| {
        let stored = Stored {
            lang: Some(Lang::En),
            text: Some(TextSize::Large),
            ..Stored::default()
        };
        let state = AppState::new(Route::default(), stored);
        assert_eq!(state.lang().get_untracked(), Lang::En);
        assert_eq!(state.text_size().get_untracked(), TextSize::Large);
        let link = Route {
            lang: Some(Lang::ZhHans),
            text: Some(TextSize::Normal),
            ..Route::default()
        };
        let state = AppState::new(link, stored);
        assert_eq!(state.lang().get_untracked(), Lang::ZhHans);
        assert_eq!(state.text_size().get_untracked(), TextSize::Normal);
    });
}

#[test]
fn notice_intents() {
    with_state(Route::default(), |state| {
        assert_eq!(state.notice().get_untracked(), None);
        state.notify("copied");
        assert_eq!(state.notice().get_untracked(), Some("copied"));
        state.clear_notice();
        assert_eq!(state.notice().get_untracked(), None);
    });
}

#[test]
fn a_taken_over_first_view_keeps_its_story_markup_until_the_language_first_changes() {
    Owner::new().with(|| {
        // Built, not taken over (the build's render, tests): the components build it.
        assert!(!AppState::first_view(Lang::ZhHant).first_markup());
        let state = AppState::taking_over(AppState::first_view(Lang::ZhHant));
        assert!(state.first_markup());
        // The URL's view or a stored choice other than the language changes no story markup.
        state.set_sort(Sort::default());
        state.open_event(3);
        assert!(state.first_markup());
        state.set_lang(Lang::ZhHant);
        assert!(state.first_markup());
        state.set_lang(Lang::En);
        assert!(!state.first_markup());
        // And never again: what is on screen now is the components' own markup.
        state.set_lang(Lang::ZhHant);
        assert!(!state.first_markup());
    });
}

#[test]
fn a_memo_of_the_state_recomputes_on_an_intent() {
    // What a component's reactive closure sees: a derived value that follows the intents.
    with_state(Route::default(), |state| {
        let count = Memo::new(move |_| state.visible().get().len());
        assert_eq!(count.get_untracked(), all_ranks().len());
        state.set_query("zzzz no such words");
        assert_eq!(count.get_untracked(), 0);
    });
}
