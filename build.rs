//! Build script: validates `data/story.toml` against its source report and writes the
//! resolved story (postcard, strings pooled by language: `crates/core/src/data/wire.rs`):
//! its texts apart (`wire::split`), each language pool to `$OUT_DIR/story-hans.bin`,
//! `story-hant.bin` and `story-en.bin` (the post-build step makes them files of `dist/`,
//! which the page fetches for its language) and the rest to `$OUT_DIR/story.bin`, which the
//! page embeds (`src/data/mod.rs`); and the part of it the charts module shows, whole, to
//! `$OUT_DIR/story-charts.bin`: the same story without the texts only the page shows (the
//! events' bodies, the lead, the context, the glossary).
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
    let mut charts = story.clone();
    charts.lead = Default::default();
    charts.context = Default::default();
    charts.glossary.clear();
    for event in &mut charts.events {
        event.text = Default::default();
    }
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let pooled = |story: &zezhou_core::model::Story| match postcard::to_allocvec(story) {
        Ok(bytes) => data::wire::pool(&bytes),
        Err(e) => fail(&data_file, &format!("cannot serialise the story: {e}")),
    };
    let (page, texts) = data::wire::split(&pooled(&story));
    let [hans, hant, en] = texts;
    for (bytes, name) in [
        (page, "story.bin"),
        (hans, "story-hans.bin"),
        (hant, "story-hant.bin"),
        (en, "story-en.bin"),
        (pooled(&charts), "story-charts.bin"),
    ] {
        let out = out_dir.join(name);
        if let Err(e) = std::fs::write(&out, bytes) {
            fail(&data_file, &format!("cannot write {}: {e}", out.display()));
        }
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
