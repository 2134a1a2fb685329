//! Leptos components, one per file. They wire signals to the pure modules and draw.

/// True in the browser, false when the build renders the first view to HTML: controls that
/// only work with the live app (the marks in an event's text) are left out of the HTML.
const LIVE: bool = cfg!(target_arch = "wasm32");

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
pub use appearance_switch::AppearanceSwitch;
pub use chart_downloads::{ChartDownloads, EmbedButton};
pub use chart_table::ChartTable;
pub use chart_tooltip::ChartTooltip;
pub use chart_view::ChartView;
pub use charts_section::{use_palette, ChartsApp, ChartsSection, EmbedApp};
pub use charts_slot::ChartsSlot;
pub use cite_box::CiteBox;
pub use detail_panel::DetailPanel;
pub use event_card::EventCard;
pub use event_filters::EventFilters;
pub use event_section::EventSection;
pub use headline_strip::HeadlineStrip;
pub use language_switch::LanguageSwitch;
pub use notice::Notice;
pub use scale_switch::ScaleSwitch;
pub use share_button::ShareButton;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use text_size_switch::TextSizeSwitch;
