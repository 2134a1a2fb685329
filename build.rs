//! Build script: validates `data/story.toml` against its source report and writes the
//! resolved story to `$OUT_DIR/story.bin` (postcard, strings pooled by language:
//! `crates/core/src/data/wire.rs`), which `src/data/mod.rs` embeds.
//!
//! The data pipeline is `zezhou_core`'s (feature `pipeline`). A dataset that does not match
//! its source fails the build with every problem listed.

use std::path::{Path, PathBuf};
use zezhou_core::data;

fn main() {
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let data_file = manifest_dir.join("data").join("story.toml");
    // The core crate is a build-dependency: cargo reruns this script when it changes.
    println!("cargo:rerun-if-changed=data");

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
