//! The story embedded in the build, decoded once.
//!
//! `build.rs` writes `$OUT_DIR/story.bin` from `data/story.toml` after validating it: the
//! story in postcard's format with its strings pooled by language ([`super::wire`]), so
//! decoding cannot fail unless the build itself is broken; a host test proves it decodes to
//! the story the pipeline builds.

use crate::model::Story;
use std::sync::OnceLock;

/// The resolved story, serialised by `build.rs`.
pub const STORY_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/story.bin"));

static STORY: OnceLock<Story> = OnceLock::new();

/// The embedded story, decoded on first use.
pub fn story() -> &'static Story {
    STORY.get_or_init(|| super::wire::decode(STORY_BYTES))
}
