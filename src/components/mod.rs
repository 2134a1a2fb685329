//! Leptos components, one per file. They wire signals to the pure modules and draw.

/// The story's markup for an `inner_html` (the lead, a card's head or text): `None` while
/// the build's first view of it is still on screen ([`crate::state::AppState::first_markup`],
/// read and so tracked here), so that the take-over keeps that markup, every node of it,
/// and builds none; once the language has changed, `markup()`, from [`crate::markup`].
fn story_markup(first_markup: bool, markup: impl FnOnce() -> Option<String>) -> Option<String> {
    if first_markup {
        None
    } else {
        markup()
    }
}

mod app;
mod appearance_switch;
mod chart_downloads;
mod chart_table;
mod chart_tooltip;
mod chart_view;
mod charts_section;
mod charts_slot;
mod cite_box;
mod detail_panel;
mod event_card;
mod event_filters;
mod event_section;
mod headline_strip;
mod language_switch;
mod notice;
mod scale_switch;
mod share_button;
mod site_footer;
mod site_header;
mod text_size_switch;

pub use app::{App, Page};
pub(crate) use appearance_switch::AppearanceSwitch;
pub(crate) use chart_downloads::{ChartDownloads, EmbedButton};
pub(crate) use chart_table::ChartTable;
pub(crate) use chart_tooltip::ChartTooltip;
pub(crate) use chart_view::ChartView;
pub(crate) use charts_section::{ChartsApp, EmbedApp};
pub(crate) use charts_slot::ChartsSlot;
pub(crate) use cite_box::CiteBox;
pub(crate) use detail_panel::DetailPanel;
pub use event_card::EventCard;
pub(crate) use event_filters::EventFilters;
pub(crate) use event_section::EventSection;
pub(crate) use headline_strip::HeadlineStrip;
pub(crate) use language_switch::LanguageSwitch;
pub(crate) use notice::Notice;
pub(crate) use scale_switch::ScaleSwitch;
pub(crate) use share_button::ShareButton;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub(crate) use text_size_switch::TextSizeSwitch;
