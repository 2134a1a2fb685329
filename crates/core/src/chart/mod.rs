//! Charts: which figures they show, their geometry, their drawing, their descriptions and
//! their data exports.
//!
//! Everything here is plain Rust with no leptos, web-sys or gloo, so host tests cover it
//! exactly; the components (`components/chart_*.rs`) only draw what it computed and wire
//! events.
//!
//! - [`spec`]: which figures each chart shows, chosen by rules over the data.
//! - `scale`: linear and logarithmic scales from data values to pixels, with their ticks.
//! - `measure`: text widths (estimated, font-free) and line wrapping.
//! - [`layout`]: bars, labels, ticks, touch targets and tooltip placement, in pixels.
//! - [`draw`]: the layout drawn with plotters (SVG into a `String`), in the theme's colours.
//! - [`describe`]: each chart's text description, in three languages.
//! - [`export`]: CSV and JSON of a chart's data, with units, sources and the citation.
//! - `card`: the small completion bars on event cards.
//! - [`strings`]: the charts' interface strings.
//!
//! # Why SVG, and why it is inserted as markup
//!
//! Plotters' SVG backend renders each chart into a `String`: SVG is crisp on high-density
//! screens and at any zoom, its text is real text set in the reader's system fonts (CJK
//! included), its colours follow the theme (read from the CSS custom properties and redrawn
//! when the theme changes), and the same string is what "download SVG" saves and what the PNG
//! is rasterised from. The component inserts that string with `inner_html`: acceptable here
//! because the SVG is generated only from the embedded dataset, never from anything a reader
//! types or a URL carries, and plotters escapes every text it writes. The SVG holds no
//! `style="…"` attribute (presentation attributes only), so a strict Content-Security-Policy
//! (`style-src 'self'`) does not block any of it.

pub(crate) mod card;
pub mod describe;
pub mod draw;
pub mod embed;
pub mod export;
pub mod layout;
pub(crate) mod measure;
pub(crate) mod scale;
pub mod spec;
pub mod strings;
