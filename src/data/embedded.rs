//! The story embedded in the build, decoded once.
//!
//! `build.rs` writes `$OUT_DIR/story.postcard` (serde's postcard format: compact, and its
//! decoder is small in the bundle) from `data/story.toml` after validating it, so decoding
//! cannot fail unless the build itself is broken; a host test proves it decodes.

use crate::model::Story;
use std::sync::OnceLock;

/// The resolved story, serialised by `build.rs`.
pub const STORY_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/story.postcard"));

static STORY: OnceLock<Story> = OnceLock::new();

/// The embedded story, decoded on first use.
pub fn story() -> &'static Story {
    STORY.get_or_init(|| {
        postcard::from_bytes(STORY_BYTES)
            .expect("story.postcard is written by build.rs from a validated Story")
    })
}
