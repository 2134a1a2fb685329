//! The embedded dataset, its build-time pipeline and validation.
//!
//! - [`story`]: the story embedded in the build (all targets), parsed once; [`wire`] is its
//!   format;
//! - lookups on [`Story`](crate::model::Story) by id and rank live in `lookup.rs`;
//! - host only: [`pipeline`] reads `data/story.toml` and its source report and resolves the
//!   story, [`validate`] proves it matches its source, [`error`] says what is wrong.
//!
//! `build.rs` includes `error`, `pipeline`, `validate` and `wire` by path (with `model` and `text`),
//! so they only refer to `crate::model`, `crate::text` and `crate::data::{error, validate}`.

pub mod embedded;
mod lookup;
pub mod wire;

#[cfg(not(target_arch = "wasm32"))]
pub mod error;
#[cfg(not(target_arch = "wasm32"))]
pub mod pipeline;
#[cfg(not(target_arch = "wasm32"))]
pub mod validate;

pub use embedded::story;
#[cfg(not(target_arch = "wasm32"))]
pub use error::{DataError, DataErrors, Entry, Problem};
#[cfg(not(target_arch = "wasm32"))]
pub use pipeline::build_story;
