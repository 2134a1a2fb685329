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

/// The resolved story, serialised by `build.rs`: what the page embeds.
pub const PAGE_STORY: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/story.bin"));
/// The part of it the charts module shows (`build.rs`: without the events' bodies, the
/// lead, the context and the glossary), what that module embeds.
pub const CHARTS_STORY: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/story-charts.bin"));

thread_local! {
    /// The bytes this module's entry point embeds ([`embed`]).
    static BYTES: std::cell::Cell<Option<&'static [u8]>> = const { std::cell::Cell::new(None) };
}

/// Names the story bytes this module embeds: the page [`PAGE_STORY`], the charts module
/// [`CHARTS_STORY`]. Each entry point calls it first, so each binary carries only its own
/// (the other's is never referenced, so the linker leaves it out).
pub fn embed(bytes: &'static [u8]) {
    BYTES.set(Some(bytes));
}

/// The embedded story, decoded on first use. In the browser, from the bytes the entry point
/// named ([`embed`]); on the host (the post-build step, tests), the page's.
pub fn story() -> &'static Story {
    static STORY: OnceLock<Story> = OnceLock::new();
    STORY.get_or_init(|| {
        // (Each entry point names its bytes before anything reads the story.)
        #[cfg(target_arch = "wasm32")]
        let bytes = BYTES.get().unwrap_or_default();
        #[cfg(not(target_arch = "wasm32"))]
        let bytes = BYTES.get().unwrap_or(PAGE_STORY);
        zezhou_core::data::wire::decode(bytes)
    })
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

    /// What the charts module shows, from its part of the story and from the whole: every
    /// chart's data, description, CSV and JSON, every poster, the citations and the embed
    /// snippets, in each language.
    #[test]
    fn the_charts_module_s_part_of_the_story_shows_what_the_whole_story_shows() {
        use crate::chart::describe::describe;
        use crate::chart::draw::Palette;
        use crate::chart::export::{csv, json};
        use crate::cite::{citations, Day};
        use crate::model::Lang;
        use crate::poster::{poster, Subject};
        let whole = zezhou_core::data::wire::decode(PAGE_STORY);
        let part = zezhou_core::data::wire::decode(CHARTS_STORY);
        assert_eq!(&whole, story());
        assert!(
            CHARTS_STORY.len() * 2 < PAGE_STORY.len(),
            "{} of {}",
            CHARTS_STORY.len(),
            PAGE_STORY.len()
        );
        let day = Day {
            year: 2026,
            month: 11,
            day: 30,
        };
        for lang in Lang::ALL {
            let cite = citations(&whole, lang, "https://example.org/", day);
            assert_eq!(cite, citations(&part, lang, "https://example.org/", day));
            for kind in ChartKind::ALL {
                let (a, b) = (ChartData::of(kind, &whole), ChartData::of(kind, &part));
                assert_eq!(a, b, "{kind:?}");
                assert_eq!(describe(&a, lang), describe(&b, lang));
                assert_eq!(csv(&a, lang, &cite), csv(&b, lang, &cite));
                assert_eq!(json(&a, &whole, lang, &cite), json(&b, &part, lang, &cite));
                assert_eq!(
                    crate::chart::embed::snippet(&whole, "https://example.org/", lang, kind),
                    crate::chart::embed::snippet(&part, "https://example.org/", lang, kind)
                );
            }
            let subjects = std::iter::once(Subject::Sheet)
                .chain(whole.events.iter().map(|e| Subject::Event(e.rank)));
            for subject in subjects {
                let drawn = |story| {
                    poster(
                        story,
                        subject,
                        lang,
                        &Palette::LIGHT,
                        "https://example.org/",
                    )
                };
                assert_eq!(drawn(&whole).map(|p| p.svg), drawn(&part).map(|p| p.svg));
            }
        }
    }

    #[test]
    fn chart_data_is_the_story_s() {
        for kind in ChartKind::ALL {
            assert_eq!(chart_data(kind), &ChartData::of(kind, story()));
        }
    }
}
