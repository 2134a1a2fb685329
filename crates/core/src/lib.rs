//! The pure core of 泽州县2017年脱贫攻坚十件大事, the fact sheet: everything that is not
//! state, a component or the browser.
//!
//! This crate does not depend on leptos, web-sys, gloo, js-sys or wasm-bindgen, so the one
//! rule of the app (the story, its data, text, formatting, charts' geometry and markup never
//! touch the browser) is a compile error to break, and host tests cover all of it exactly.
//! The app (the workspace's root package) re-exports these modules and wires them to
//! signals and the DOM.
//!
//! # Map
//!
//! Lower modules first; each uses only those above it in this table.
//!
//! | module | what lives there |
//! |---|---|
//! | [`model`] | the story as plain types: events, figures, themes, glossary, the language; exact decimals |
//! | [`view`] | the reader's view choices (sort, text size, appearance, chart scale) and the DOM names the page, its markup and its state share |
//! | [`text`] | cleaning the source report, splitting it, scanning its numbers; marks in a text; escaping for markup |
//! | [`data`] | the story's wire format and decoder, lookups; with `pipeline`, the build-time pipeline and validation |
//! | [`format`](mod@format) | numbers and units per language (万元, 亿元, million) |
//! | [`i18n`] | the interface's own strings in three languages |
//! | [`route`] | URL hash <-> view state (language, filter, search, sort, open card, scale, text size), junk-proof |
//! | [`search`] | search, theme filter and sort over the events |
//! | [`cite`] | citations of the report and the app: GB/T 7714-2015 (Chinese), APA (English) |
//! | [`speech`] | read-aloud, the plain part: sentences, what a voice says for each, the voice for a language |
//! | [`chart`] | charts: figures chosen by rules over a story, scales, layout, plotters SVG drawing, descriptions, CSV/JSON exports, the embed view's address and snippet |
//! | [`html`] | the story's static content as HTML strings, escaped; figures and glossary terms marked as buttons |
//! | [`poster`] | the poster of an event or of the sheet (SVG with a QR code of its deep link); the link preview's title card |
//!
//! # Features
//!
//! - `pipeline` (the app's `build.rs`, and the tests): `data::pipeline` reads
//!   `data/story.toml` and its source report, cleans and converts the text (simplified,
//!   traditional with OpenCC), validates every figure against its source span
//!   (`data::validate`) and resolves the [`model::Story`]. The browser bundle never
//!   carries it.
//!
//! # Why so many `#[inline]`
//!
//! The functions of the modules the browser runs carry `#[inline]` (not `route`, which is
//! being reworked, nor `chart::card` and `chart::spec`, which measured better without). A
//! crate of its own is compiled apart from the app: without the attribute, rustc and LLVM
//! optimise its functions before they see their callers, and the standard library's small
//! generic helpers they use (`Vec::reserve`, `fmt::Write::write_char`) are compiled once in
//! each crate. Measured (gzip -9) on the release build of the split: the page's first load
//! grew from 147,392 B to 147,860 B and the charts module from 198,895 B to 199,886 B. With
//! the attribute the functions are compiled in the app, as when this was one crate: 147,306 B
//! and 199,219 B. Marking only some functions was worse than marking none, so a new function
//! here should carry it too; `tests/e2e/size.test.mjs` prints the figures to check.
//!
//! ```
//! use zezhou_core::data::story;
//! use zezhou_core::format;
//! use zezhou_core::model::Lang;
//!
//! let people = story().figure("people-lifted").unwrap();
//! assert_eq!(format::figure(people, Lang::En), "5,222 people");
//! ```

pub mod chart;
pub mod cite;
pub mod data;
pub mod format;
pub mod html;
pub mod i18n;
pub mod island;
pub mod model;
pub mod poster;
pub mod route;
pub mod search;
pub mod speech;
pub mod text;
pub mod view;
