//! The story embedded in the build, its texts as they arrive, and the charts' data of it.
//!
//! `build.rs` writes `$OUT_DIR/story.bin` from `data/story.toml` after validating it (with
//! `zezhou_core`'s pipeline): the story in postcard's format with its strings pooled by
//! language ([`zezhou_core::data::wire`]), so decoding cannot fail unless the build itself
//! is broken; a host test (`tests/data_embedded.rs`) proves it decodes to the story the
//! pipeline builds.
//!
//! The page embeds the story without its texts ([`PAGE_STORY`]); each language's texts are
//! a file of `dist/` ([`TEXTS`], written there by the post-build step), which the page's
//! loader fetches for the language it starts in and hands over ([`add_texts`]) before the
//! app mounts, and the others' when the app is idle. [`story`] is the story with the texts
//! that have arrived: a language not there yet has empty strings, so everything that shows
//! a language reads [`story`] again when it shows it (a reference kept from before holds the
//! texts of then), and a switch to a language waits for its texts ([`with_texts`]). The
//! charts read their part of the story, with every language ([`charts_story`]).

use crate::chart::spec::{ChartData, ChartKind};
use crate::model::{Lang, Story};
use std::cell::{Cell, RefCell};
use std::sync::OnceLock;
use zezhou_core::data::wire::{self, TEXT_POOLS};

/// The resolved story without its language pools, serialised by `build.rs`: what the page
/// embeds.
pub const PAGE_STORY: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/story.bin"));
/// Its language pools (`build.rs`), each a file of its own: 简体, 繁體 (a difference from
/// 简体), English. The post-build step writes them into `dist/`; the page fetches them.
pub const TEXTS: [&[u8]; TEXT_POOLS] = [
    include_bytes!(concat!(env!("OUT_DIR"), "/story-hans.bin")),
    include_bytes!(concat!(env!("OUT_DIR"), "/story-hant.bin")),
    include_bytes!(concat!(env!("OUT_DIR"), "/story-en.bin")),
];
/// The part of it the charts module shows (`build.rs`: without the events' bodies, the
/// lead, the context and the glossary), with its texts, what that module embeds.
pub const CHARTS_STORY: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/story-charts.bin"));

/// The language pools there from the start: none in the browser (the loader hands them
/// over), all on the host (the post-build step's first views, tests).
const START_POOLS: [Option<&[u8]>; TEXT_POOLS] = if cfg!(target_arch = "wasm32") {
    [None; TEXT_POOLS]
} else {
    [
        Some(without_index(TEXTS[0])),
        Some(without_index(TEXTS[1])),
        Some(without_index(TEXTS[2])),
    ]
};

/// A pool's bytes in its file (`wire::texts_of`, at compile time).
const fn without_index(file: &[u8]) -> &[u8] {
    match file.split_first() {
        Some((_, bytes)) => bytes,
        None => file,
    }
}

/// What to do once a language's texts are there: the last switch asked for.
type Waiting = Option<(Lang, Box<dyn FnOnce()>)>;

thread_local! {
    /// The language pools here so far, by index (each without its file's first byte).
    static POOLS: Cell<[Option<&'static [u8]>; TEXT_POOLS]> = const { Cell::new(START_POOLS) };
    /// The story decoded with them; `None` when a pool has arrived since.
    static STORY: Cell<Option<&'static Story>> = const { Cell::new(None) };
    /// The switch waiting for its language's texts ([`with_texts`]).
    static WAITING: RefCell<Waiting> = const { RefCell::new(None) };
    /// How many pools have arrived, for what depends on every language's texts (search).
    // (Reference-counted, not owned: no owner of the moment disposes of it.)
    static ARRIVED: leptos::prelude::ArcRwSignal<usize> = leptos::prelude::ArcRwSignal::new(0);
}

/// The page's story ([`PAGE_STORY`]) with the texts that have arrived ([`add_texts`]),
/// decoded on first use after each arrival. (In the browser no language is there until the
/// loader hands it over; on the host, in the post-build step and tests, all are.)
pub fn story() -> &'static Story {
    if let Some(story) = STORY.get() {
        return story;
    }
    // One story per arrival of texts, kept for good: references handed out stay valid (at
    // most four in a visit: the start, then each language's pool).
    let story: &'static Story = Box::leak(Box::new(wire::decode_with(PAGE_STORY, POOLS.get())));
    STORY.set(Some(story));
    story
}

/// The part of the story the charts show ([`CHARTS_STORY`]), with every language's texts:
/// what the charts, the citations, the poster and the embed view read. Only the charts' code
/// uses it, so its bytes are in the charts' part of the module (`crate::start_charts`), and
/// the charts never wait for a language's texts.
pub fn charts_story() -> &'static Story {
    static STORY: OnceLock<Story> = OnceLock::new();
    STORY.get_or_init(|| wire::decode(CHARTS_STORY))
}

/// Takes a language pool's file (`wire::split`: the page's loader fetched it with its
/// integrity): the story gains its texts, and a switch waiting for them happens. A pool here
/// already is left as it is. Malformed bytes panic when the story is next read.
pub fn add_texts(file: Vec<u8>) {
    let mut pools = POOLS.get();
    if pools[wire::texts_of(&file).0].is_some() {
        return;
    }
    let (pool, bytes) = wire::texts_of(Box::leak(file.into_boxed_slice()));
    pools[pool] = Some(bytes);
    POOLS.set(pools);
    STORY.set(None);
    ARRIVED.with(|arrived| leptos::prelude::Update::update(arrived, |n| *n += 1));
    let ready = WAITING.with_borrow_mut(|waiting| match waiting.take() {
        Some((lang, then)) if has_texts(lang) => Some(then),
        other => {
            *waiting = other;
            None
        }
    });
    if let Some(then) = ready {
        then();
    }
}

/// On this thread, the story as a page in `lang` starts with it in the browser: with only
/// `lang`'s texts. For host tests (the post-build step's first views).
#[doc(hidden)]
pub fn start_with_texts_of(lang: Lang) {
    let mut pools = [None; TEXT_POOLS];
    for &pool in wire::pools_of(lang) {
        pools[pool] = Some(without_index(TEXTS[pool]));
    }
    POOLS.set(pools);
    STORY.set(None);
}

/// True when `lang`'s texts are here.
pub fn has_texts(lang: Lang) -> bool {
    let pools = POOLS.get();
    wire::pools_of(lang).iter().all(|&p| pools[p].is_some())
}

/// Does `then` (a switch to `lang`) now if `lang`'s texts are here, else when they arrive,
/// asking the page's loader for them at once; a later call replaces a waiting one (the last
/// switch asked for wins). If they never arrive (offline and never cached, a file that fails
/// its integrity), nothing happens and the page stays as it is; a later call asks again.
pub fn with_texts(lang: Lang, then: impl FnOnce() + 'static) {
    if has_texts(lang) {
        WAITING.set(None);
        then();
    } else {
        WAITING.set(Some((lang, Box::new(then))));
        ask_for_texts();
    }
}

/// Asks the page's loader for `lang`'s texts now if they are not here: for what shows them
/// beside another language's (an English panel shows the 简体 original).
pub fn want_texts(lang: Lang) {
    if !has_texts(lang) {
        ask_for_texts();
    }
}

/// The number of language pools that have arrived, tracked: what reads it runs again when
/// another arrives.
pub fn texts_arrived() -> usize {
    use leptos::prelude::Get;
    ARRIVED.with(|arrived| arrived.get())
}

/// The window event that asks the page's loader (`crates/postbuild/src/js/late-loader.js`)
/// for every language's texts now, rather than when the page is idle.
pub const WANT_TEXTS: &str = "zezhou-texts";

fn ask_for_texts() {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        if let Ok(event) = web_sys::Event::new(WANT_TEXTS) {
            let _ = window.dispatch_event(&event);
        }
    }
}

/// The data of chart `kind` for the embedded story, chosen once and kept: for the charts
/// module, whose story has every text from the start.
pub(crate) fn chart_data(kind: ChartKind) -> &'static ChartData<'static> {
    static CHARTS: OnceLock<[ChartData<'static>; 3]> = OnceLock::new();
    let charts = CHARTS.get_or_init(|| ChartKind::ALL.map(|k| ChartData::of(k, charts_story())));
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
        let whole = wire::decode_with(PAGE_STORY, TEXTS.map(|t| Some(wire::texts_of(t).1)));
        let part = zezhou_core::data::wire::decode(CHARTS_STORY);
        assert_eq!(&whole, story());
        let page = PAGE_STORY.len() + TEXTS.iter().map(|t| t.len()).sum::<usize>();
        assert!(
            CHARTS_STORY.len() * 2 < page,
            "{} of {page}",
            CHARTS_STORY.len(),
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

    /// The page's start in the browser: 简体's texts only (as the loader hands them over).
    fn start_with_simplified() {
        POOLS.set([None; TEXT_POOLS]);
        STORY.set(None);
        add_texts(TEXTS[0].to_vec());
    }

    #[test]
    fn the_story_gains_each_language_s_texts_as_they_arrive() {
        let whole = wire::decode_with(PAGE_STORY, TEXTS.map(|t| Some(wire::texts_of(t).1)));
        start_with_simplified();
        let first = story();
        assert_eq!(first.lead.hans, whole.lead.hans);
        assert!(first.lead.en.is_empty() && first.lead.hant.is_empty());
        assert_eq!(first.events.len(), whole.events.len());
        assert!(has_texts(Lang::ZhHans) && !has_texts(Lang::ZhHant) && !has_texts(Lang::En));
        // A file that arrives twice changes nothing.
        let arrived = texts_arrived();
        add_texts(TEXTS[0].to_vec());
        assert!(std::ptr::eq(story(), first));
        assert_eq!(texts_arrived(), arrived);
        add_texts(TEXTS[2].to_vec());
        assert_eq!(texts_arrived(), arrived + 1);
        assert_eq!(story().lead.en, whole.lead.en);
        assert!(story().lead.hant.is_empty() && has_texts(Lang::En));
        // The story of before keeps its texts of then.
        assert!(first.lead.en.is_empty());
        add_texts(TEXTS[1].to_vec());
        assert_eq!(story(), &whole);
    }

    #[test]
    fn a_switch_waits_for_its_language_s_texts_and_the_last_one_wins() {
        use std::rc::Rc;
        start_with_simplified();
        let done = Rc::new(RefCell::new(Vec::new()));
        let to = |lang: Lang| {
            let done = done.clone();
            move || done.borrow_mut().push(lang)
        };
        // Here already: at once.
        with_texts(Lang::ZhHans, to(Lang::ZhHans));
        assert_eq!(*done.borrow(), [Lang::ZhHans]);
        // Not here: once its texts are; a later switch replaces it.
        with_texts(Lang::En, to(Lang::En));
        with_texts(Lang::ZhHant, to(Lang::ZhHant));
        add_texts(TEXTS[2].to_vec());
        assert_eq!(*done.borrow(), [Lang::ZhHans]);
        add_texts(TEXTS[1].to_vec());
        assert_eq!(*done.borrow(), [Lang::ZhHans, Lang::ZhHant]);
        // A switch to a language here drops one that waits.
        start_with_simplified();
        with_texts(Lang::En, to(Lang::En));
        with_texts(Lang::ZhHans, to(Lang::ZhHans));
        add_texts(TEXTS[2].to_vec());
        assert_eq!(*done.borrow(), [Lang::ZhHans, Lang::ZhHant, Lang::ZhHans]);
    }

    #[test]
    fn chart_data_is_the_story_s() {
        for kind in ChartKind::ALL {
            assert_eq!(chart_data(kind), &ChartData::of(kind, story()));
        }
    }
}
