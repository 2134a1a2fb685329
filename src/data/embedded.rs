//! The story embedded in the build, parsed once.
//!
//! `build.rs` writes `$OUT_DIR/story.json` from `data/story.toml` after validating it, so
//! parsing it cannot fail unless the build itself is broken; a host test proves it parses.

use crate::model::Story;
use std::sync::OnceLock;

/// The resolved story as JSON, as `build.rs` wrote it.
pub const STORY_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/story.json"));

static STORY: OnceLock<Story> = OnceLock::new();

/// The embedded story, parsed on first use.
pub fn story() -> &'static Story {
    STORY.get_or_init(|| {
        serde_json::from_str(STORY_JSON)
            .expect("story.json is written by build.rs from a validated Story")
    })
}
