//! Finding things in a story by id or rank, for the UI and for exports.

use crate::model::{Event, Figure, Story, Theme};

impl Story {
    /// The figure (reported or derived) with this id.
    #[inline]
    pub fn figure(&self, id: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.id == id)
    }

    /// The figures of the event with this rank, in data-file order (reported, then derived).
    #[inline]
    pub fn event_figures(&self, rank: u8) -> impl Iterator<Item = &Figure> + '_ {
        self.figures.iter().filter(move |f| f.event == rank)
    }

    /// The figures a card shows as tiles (and its poster as large numbers): the event's key
    /// figures and every derived one, which is marked as derived.
    #[inline]
    pub(crate) fn card_figures(&self, rank: u8) -> impl Iterator<Item = &Figure> + '_ {
        self.event_figures(rank)
            .filter(|f| f.key || matches!(f.provenance, crate::model::Provenance::Derived { .. }))
    }

    /// The event with this rank (1-based).
    #[inline]
    pub fn event(&self, rank: u8) -> Option<&Event> {
        self.events.iter().find(|e| e.rank == rank)
    }

    /// The theme with this id.
    #[inline]
    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }

    /// The figures of the header strip, in order; unknown ids (impossible after validation)
    /// are skipped.
    #[inline]
    pub fn headline_figures(&self) -> impl Iterator<Item = &Figure> + '_ {
        self.headline.iter().filter_map(|id| self.figure(id))
    }
}
