//! The story's data: its wire format, lookups, and (with the `pipeline` feature) the
//! build-time pipeline and validation.
//!
//! - [`wire`]: the format `build.rs` embeds the story in, and its decoder (the app's
//!   `data::story` decodes the embedded bytes with it);
//! - lookups on [`Story`](crate::model::Story) by id and rank live in `lookup.rs`;
//! - with `pipeline` (build.rs, tests): `pipeline` reads `data/story.toml` and its source
//!   report and resolves the story, `validate` proves it matches its source, `error` says
//!   what is wrong; `story` is this repository's story built by them, for tests and
//!   examples.

mod lookup;
pub mod wire;

#[cfg(feature = "pipeline")]
pub(crate) mod error;
#[cfg(feature = "pipeline")]
pub mod pipeline;
#[cfg(feature = "pipeline")]
pub mod validate;

#[cfg(feature = "pipeline")]
pub use error::{DataError, DataErrors, Entry, Problem};
#[cfg(feature = "pipeline")]
pub use pipeline::build_story;

/// This repository's story (`data/story.toml`), built by the pipeline once: the dataset of
/// the tests and examples. (The app embeds the same story at build time and decodes it.)
#[cfg(feature = "pipeline")]
pub fn story() -> &'static crate::model::Story {
    static STORY: std::sync::OnceLock<crate::model::Story> = std::sync::OnceLock::new();
    STORY.get_or_init(|| {
        let data_file =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/story.toml");
        build_story(&data_file).unwrap_or_else(|e| panic!("{e}"))
    })
}
