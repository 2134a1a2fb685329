//! Hooks the components share, each written once: dismissing a popup (Escape, or a tap
//! outside it), roving focus (one tab stop for a group, arrow keys between its items) and
//! an element's width.
//!
//! `use_width` cleans up after itself and `use_roving_focus` only returns a key handler;
//! `use_dismiss` returns a [`Dismiss`] whose `stop` removes its listeners, which a component
//! calls on cleanup (the panel's, which lives as long as the page, keeps them). They are for
//! the browser: the components that call them are not in the build's prerender (the width's
//! observer waits for an effect, which does not run there). The keys' logic is plain
//! ([`roving_step`]), so host tests cover it.

use crate::browser::resize::{observe_width, WidthObserver};
use crate::state::Read;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How a popup was dismissed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dismissal {
    /// The Escape key.
    Escape,
    /// A tap or click on something outside it.
    Outside,
}

/// Dismisses a popup (a tooltip, a panel) on Escape or on a tap or click outside it, until
/// [`Dismiss::stop`] (listeners on the window: browser only). The page's panel lives as long
/// as the page and never stops it, so its first load carries no cleanup.
///
/// - `is_open`: whether it is open now (read untracked, at the key or tap);
/// - `inside`: whether a tapped element is not "outside" (the popup itself, and the
///   controls that open it: their tap is part of the opening gesture);
/// - `on_dismiss`: closes it, told how (Escape may return focus where a tap must not).
pub(crate) fn use_dismiss(
    is_open: impl Fn() -> bool + Copy + 'static,
    inside: impl Fn(&web_sys::Element) -> bool + 'static,
    on_dismiss: impl Fn(Dismissal) + Copy + 'static,
) -> Dismiss {
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && is_open() {
            on_dismiss(Dismissal::Escape);
        }
    });
    let taps = window_event_listener(leptos::ev::pointerdown, move |ev| {
        if !is_open() {
            return;
        }
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        if !target.is_some_and(|el| inside(&el)) {
            on_dismiss(Dismissal::Outside);
        }
    });
    Dismiss { keys, taps }
}

/// A running [`use_dismiss`].
pub(crate) struct Dismiss {
    keys: WindowListenerHandle,
    taps: WindowListenerHandle,
}

impl Dismiss {
    /// Stops listening.
    pub(crate) fn stop(self) {
        self.keys.remove();
        self.taps.remove();
    }
}

/// Where a key moves roving focus from item `now` of `count`: arrow keys to the next or
/// previous item (stopping at the ends), Home and End to the first and last. `None` for any
/// other key (which then does what it always does).
pub(crate) fn roving_step(key: &str, now: usize, count: usize) -> Option<usize> {
    let last = count.saturating_sub(1);
    Some(match key {
        "ArrowRight" | "ArrowDown" => (now + 1).min(last),
        "ArrowLeft" | "ArrowUp" => now.saturating_sub(1),
        "Home" => 0,
        "End" => last,
        _ => return None,
    })
}

/// Roving focus over a group of `count` items with one tab stop: returns the group's
/// keydown handler. `stop` is the item that holds the tab stop; `move_to` gives it to
/// another item and focuses it.
pub(crate) fn use_roving_focus(
    count: usize,
    stop: impl Fn() -> usize + 'static,
    move_to: impl Fn(usize) + 'static,
) -> impl Fn(web_sys::KeyboardEvent) + 'static {
    move |ev| {
        if let Some(next) = roving_step(&ev.key(), stop(), count) {
            ev.prevent_default();
            move_to(next);
        }
    }
}

/// The width of the element `node` refers to, in whole CSS pixels rounded down, kept up to
/// date by a resize observer; 0 until measured. The element's size must not depend on what
/// the width draws (see [`observe_width`]).
pub(crate) fn use_width(node: NodeRef<html::Div>) -> Read<f64> {
    let width = RwSignal::new(0.0f64);
    let observer = StoredValue::new_local(None::<WidthObserver>);
    Effect::new(move |_| {
        let Some(el) = node.get() else {
            return;
        };
        observer.set_value(observe_width(&el, move |w| {
            let w = w.floor();
            if w > 0.0 && w != width.get_untracked() {
                width.set(w);
            }
        }));
    });
    on_cleanup(move || observer.set_value(None));
    Read::of(width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_move_one_item_and_stop_at_the_ends() {
        assert_eq!(roving_step("ArrowRight", 0, 3), Some(1));
        assert_eq!(roving_step("ArrowDown", 1, 3), Some(2));
        assert_eq!(roving_step("ArrowRight", 2, 3), Some(2));
        assert_eq!(roving_step("ArrowLeft", 2, 3), Some(1));
        assert_eq!(roving_step("ArrowUp", 1, 3), Some(0));
        assert_eq!(roving_step("ArrowLeft", 0, 3), Some(0));
    }

    #[test]
    fn home_and_end_go_to_the_first_and_last() {
        assert_eq!(roving_step("Home", 2, 3), Some(0));
        assert_eq!(roving_step("End", 0, 3), Some(2));
        // An empty group has no item to move to beyond the first.
        assert_eq!(roving_step("End", 0, 0), Some(0));
    }

    #[test]
    fn other_keys_are_left_alone() {
        for key in ["Enter", " ", "Tab", "Escape", "a"] {
            assert_eq!(roving_step(key, 1, 3), None, "{key}");
        }
    }
}
