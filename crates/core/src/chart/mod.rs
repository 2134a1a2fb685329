//! Charts: which figures they show, their geometry, their drawing, their descriptions and
//! their data exports.
//!
//! Everything here is plain Rust with no leptos, web-sys or gloo, so host tests cover it
//! exactly; the components (`components/chart_*.rs`) only draw what it computed and wire
//! events.
//!
//! - [`spec`]: which figures each chart shows, chosen by rules over the data.
//! - [`layout`]: the chart's geometry on plotters' coordinates (its linear or log axis and
//!   key points), and what plotters cannot do: wrapped labels, exact tick labels that do not
//!   overlap, 44 px touch targets, tooltip placement.
//! - `measure`: text widths (estimated, font-free) and line wrapping.
//! - [`draw`]: the layout drawn through plotters onto its SVG backend: CSS classes for the
//!   page, the theme's colours for a download.
//! - [`describe`]: each chart's text description, in three languages.
//! - [`export`]: CSV and JSON of a chart's data, with units, sources and the citation.
//! - `card`: the small completion bars on event cards.
//! - [`strings`]: the charts' interface strings.
//!
//! # Why SVG, and why it is inserted as markup
//!
//! Each chart is an SVG string: crisp on high-density screens and at any zoom, its text is
//! real text set in the reader's system fonts (CJK included). On the page every shape
//! carries a class and `style/charts.css` colours it from the theme's custom properties, so
//! a theme switch (light, dark, high contrast, forced colours) restyles the same nodes and
//! redraws nothing. A download writes the same shapes in the theme's colours at that moment,
//! so the file (and the PNG rasterised from it) stands alone. The component inserts the
//! string with `inner_html`: acceptable here because the SVG is generated only from the
//! embedded dataset, never from anything a reader types or a URL carries, and every text is
//! escaped. The SVG holds no `style` attribute or element, so a strict
//! Content-Security-Policy (`style-src 'self'`) blocks none of it.

pub(crate) mod card;
pub mod describe;
pub mod draw;
pub mod embed;
pub mod export;
pub mod layout;
pub(crate) mod measure;
pub mod spec;
pub mod strings;
