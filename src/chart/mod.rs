//! Charts: specs, scales, ticks, series and drawing over any plotters backend.
//!
//! The geometry here (projection, "nice" ticks) is plain Rust with no leptos, web-sys or gloo,
//! so host tests cover it exactly; components only draw what it computed.
//!
//! - [`scale`]: linear and logarithmic scales from data values to pixels, with their ticks.

pub mod scale;
