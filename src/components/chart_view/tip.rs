//! The tooltip's state: which mark it is open on, which mark holds the tab stop, and
//! whether it follows the mouse. Plain signals, host-tested under a reactive `Owner`.

use leptos::prelude::*;

/// Which mark the tooltip is open on, and which mark holds the tab stop.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Marks {
    open: Option<usize>,
    stop: usize,
}

/// The tooltip of one chart. `Copy`, so the chart's handlers share it.
#[derive(Clone, Copy)]
pub(super) struct Tip {
    marks: RwSignal<Marks>,
    /// True while the open tooltip follows the mouse (opened by hover, not by a click, a
    /// tap or a key): it closes when the pointer leaves the bar.
    hovering: StoredValue<bool>,
}

impl Tip {
    pub(super) fn new() -> Tip {
        Tip {
            marks: RwSignal::new(Marks::default()),
            hovering: StoredValue::new(false),
        }
    }

    /// The mark it is open on (tracked).
    pub(super) fn open(&self) -> Option<usize> {
        self.marks.with(|m| m.open)
    }

    /// The mark it is open on, untracked (in handlers).
    pub(super) fn open_now(&self) -> Option<usize> {
        self.marks.with_untracked(|m| m.open)
    }

    /// True when mark `i` holds the group's tab stop (tracked).
    pub(super) fn is_stop(&self, i: usize) -> bool {
        self.marks.with(|m| m.stop == i)
    }

    /// The mark that holds the tab stop, untracked (in handlers).
    pub(super) fn stop_now(&self) -> usize {
        self.marks.with_untracked(|m| m.stop)
    }

    /// Opens it on mark `i`, pinned (a click, a tap or a key): it stays until dismissed,
    /// wherever the mouse goes. The mark takes the tab stop.
    pub(super) fn pin(&self, i: usize) {
        self.hovering.set_value(false);
        self.show(i);
    }

    /// The mouse is over mark `i`: it opens there and follows the mouse, unless it is open
    /// there already (pinned or not).
    pub(super) fn hover(&self, i: usize) {
        if self.open_now() != Some(i) {
            self.hovering.set_value(true);
            self.show(i);
        }
    }

    /// The mouse left the bars: if it followed the mouse, it closes. True if it did.
    pub(super) fn unhover(&self) -> bool {
        if !self.hovering.get_value() {
            return false;
        }
        self.hovering.set_value(false);
        self.close().is_some()
    }

    /// Gives the tab stop to mark `i`, the tooltip staying as it is (roving focus).
    pub(super) fn move_stop(&self, i: usize) {
        self.marks.update(|m| m.stop = i);
    }

    /// Closes it; returns the mark it was open on, if it was open.
    pub(super) fn close(&self) -> Option<usize> {
        let i = self.open_now()?;
        self.marks.update(|m| m.open = None);
        Some(i)
    }

    fn show(&self, i: usize) {
        self.marks.update(|m| {
            m.open = Some(i);
            m.stop = i;
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `test` with a fresh tip under a reactive owner, as a component would.
    fn with_tip(test: impl FnOnce(Tip)) {
        Owner::new().with(|| test(Tip::new()));
    }

    #[test]
    fn a_pinned_tooltip_stays_when_the_mouse_leaves() {
        with_tip(|tip| {
            tip.pin(2);
            assert_eq!(tip.open_now(), Some(2));
            assert_eq!(tip.stop_now(), 2);
            assert!(!tip.unhover());
            assert_eq!(tip.open_now(), Some(2));
        });
    }

    #[test]
    fn a_hovered_tooltip_follows_the_mouse_and_goes_with_it() {
        with_tip(|tip| {
            tip.hover(1);
            tip.hover(3);
            assert_eq!(tip.open_now(), Some(3));
            assert_eq!(tip.stop_now(), 3);
            assert!(tip.unhover());
            assert_eq!(tip.open_now(), None);
            // The tab stop stays on the last mark shown.
            assert_eq!(tip.stop_now(), 3);
        });
    }

    #[test]
    fn hovering_a_pinned_mark_keeps_it_pinned() {
        with_tip(|tip| {
            tip.pin(1);
            tip.hover(1);
            assert!(!tip.unhover());
            assert_eq!(tip.open_now(), Some(1));
            // Another mark under the mouse: it follows the mouse from there.
            tip.hover(2);
            assert!(tip.unhover());
        });
    }

    #[test]
    fn closing_tells_which_mark_it_was_open_on() {
        with_tip(|tip| {
            assert_eq!(tip.close(), None);
            tip.pin(4);
            assert_eq!(tip.close(), Some(4));
            assert_eq!(tip.close(), None);
        });
    }

    #[test]
    fn moving_the_tab_stop_leaves_the_tooltip() {
        with_tip(|tip| {
            tip.pin(0);
            tip.move_stop(5);
            assert_eq!(tip.stop_now(), 5);
            assert_eq!(tip.open_now(), Some(0));
        });
    }

    #[test]
    fn the_marks_follow_it_reactively() {
        with_tip(|tip| {
            let active = Memo::new(move |_| (tip.open(), tip.is_stop(2)));
            assert_eq!(active.get_untracked(), (None, false));
            tip.pin(2);
            assert_eq!(active.get_untracked(), (Some(2), true));
            tip.close();
            assert_eq!(active.get_untracked(), (None, true));
        });
    }
}
