//! The story embedded in the build, and the charts' data of it.
//!
//! `build.rs` writes `$OUT_DIR/story.bin` from `data/story.toml` after validating it (with
//! `zezhou_core`'s pipeline): the story in postcard's format with its strings pooled by
//! language ([`zezhou_core::data::wire`]), so decoding cannot fail unless the build itself
//! is broken; a host test (`tests/data_embedded.rs`) proves it decodes to the story the
//! pipeline builds.

use crate::chart::spec::{ChartData, ChartKind};
use crate::model::Story;
use std::sync::OnceLock;

/// The resolved story, serialised by `build.rs`.
const STORY_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/story.bin"));

/// The embedded story, decoded on first use.
pub fn story() -> &'static Story {
    static STORY: OnceLock<Story> = OnceLock::new();
    STORY.get_or_init(|| zezhou_core::data::wire::decode(STORY_BYTES))
}

/// The data of chart `kind` for the embedded story, chosen once and kept.
pub(crate) fn chart_data(kind: ChartKind) -> &'static ChartData<'static> {
    static CHARTS: OnceLock<[ChartData<'static>; 3]> = OnceLock::new();
    let charts = CHARTS.get_or_init(|| ChartKind::ALL.map(|k| ChartData::of(k, story())));
    &charts[kind as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_data_is_the_story_s() {
        for kind in ChartKind::ALL {
            assert_eq!(chart_data(kind), &ChartData::of(kind, story()));
        }
    }
}
