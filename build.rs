//! Build script: validates `data/story.toml` against its source report and writes the
//! resolved story to `$OUT_DIR/story.bin` (postcard, strings pooled by language:
//! `src/data/wire.rs`), which `src/data/embedded.rs` embeds.
//!
//! The pure modules are included by path, in the same tree as in the library, so that
//! `crate::model::…`, `crate::text::…` and `crate::data::…` resolve here too. A dataset
//! that does not match its source fails the build with every problem listed.

// Included modules carry API the build script itself does not use.
#![allow(dead_code, unused_imports)]

#[path = "src/model/mod.rs"]
mod model;

#[path = "src/text/mod.rs"]
mod text;

#[path = "src/data"]
mod data {
    pub mod error;
    pub mod pipeline;
    pub mod validate;
    pub mod wire;
}

use std::path::{Path, PathBuf};

fn main() {
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let data_file = manifest_dir.join("data").join("story.toml");
    for watched in [
        "data",
        "src/model",
        "src/text",
        "src/data/error.rs",
        "src/data/pipeline.rs",
        "src/data/validate.rs",
        "src/data/wire.rs",
    ] {
        println!("cargo:rerun-if-changed={watched}");
    }

    let story = match data::pipeline::build_story(&data_file) {
        Ok(story) => story,
        Err(errors) => fail(&data_file, &errors.to_string()),
    };
    let bytes = match postcard::to_allocvec(&story) {
        Ok(bytes) => bytes,
        Err(e) => fail(&data_file, &format!("cannot serialise the story: {e}")),
    };
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let out = out_dir.join("story.bin");
    if let Err(e) = std::fs::write(&out, data::wire::pool(&bytes)) {
        fail(&data_file, &format!("cannot write {}: {e}", out.display()));
    }
}

/// Prints what is wrong and stops the build.
fn fail(data_file: &Path, message: &str) -> ! {
    eprintln!();
    eprintln!("error: the dataset {} does not build:", data_file.display());
    for line in message.lines() {
        eprintln!("  {line}");
    }
    eprintln!();
    std::process::exit(1)
}
