//! 泽州县2017年脱贫攻坚十件大事: an interactive fact sheet in Rust and WebAssembly.
//!
//! # Map
//!
//! A Cargo workspace of three crates:
//!
//! - `crates/core` (`zezhou_core`): the pure core, everything that is not state, a
//!   component or the browser. It does not depend on leptos, web-sys, gloo, js-sys or
//!   wasm-bindgen, so the rule below is a compile error to break. This crate re-exports its
//!   modules, so `crate::model::…` and `zezhou::chart::…` name them here;
//! - this crate (`zezhou`, the workspace's root package): state, components, the browser
//!   layer, both entry points and the embedded story;
//! - `crates/postbuild`: trunk's post-build hook, host only (below).
//!
//! | module | crate | what lives there |
//! |---|---|---|
//! | [`model`] | core | the story as plain types: events, figures, themes, glossary, the language; exact decimals |
//! | [`view`] | core | the reader's view choices (sort, text size, appearance, chart scale) and the DOM names the page, its markup and its state share: low, so every module can use them |
//! | [`text`] | core | cleaning the source report, splitting it, scanning its numbers; marks in a text ([`text::marks`]); where a Chinese title, figure label or place may break ([`text::phrases`]); escaping for markup |
//! | [`format`](mod@format) | core | numbers and units per language (万元, 亿元, million) |
//! | [`i18n`] | core | the interface's own strings in three languages |
//! | [`island`] | core | the contract between the page and the charts module: the messages each asks of the other ([`island::Ask`]), encoded and read back, and the DOM names both read |
//! | [`route`] | core | URL <-> view state: each language's page (`route::page_dir`: the root, `zh-Hant/`, `en/`) and the hash (filter, search, sort, open card, scale, text size), junk-proof |
//! | [`search`] | core | search, theme filter and sort over the events |
//! | [`cite`] | core | citations of the report and the app: GB/T 7714-2015 (Chinese), APA (English), with the retrieval date |
//! | [`speech`] | core | read-aloud, the plain part: sentences, what a voice says for each (English money in millions), the voice for a language |
//! | [`chart`] | core | charts: figures chosen by rules over a story, layout on plotters' coordinates (linear or log axis, key points), drawing through plotters onto an SVG backend with CSS classes, descriptions, CSV/JSON exports, the embed view's address and snippet ([`chart::embed`]) |
//! | [`html`] | core | the story's static content as HTML strings (the lead, card heads and texts, panel contents), escaped; figures and glossary terms marked as buttons in the lead, headings and texts |
//! | [`poster`] | core | the poster (海报) of an event or of the sheet: a 1080×1920 SVG with its key figures and a QR code of its deep link; the link preview's title card |
//! | `data` (core) | core | the story's wire format and decoder, lookups by id and rank; with the `pipeline` feature, the build-time pipeline and validation |
//! | [`data`] | app | the embedded story with the texts that have arrived ([`data::story`]; a language's texts are a file the page's loader fetches and hands over, [`data::add_texts`]; a switch waits for them, [`data::with_texts`]); the charts' part of it, with every language ([`data::charts_story`]), and their data (`data::chart_data`) |
//! | [`markup`] | app | the story's markup in another language than the first view's: a split-off part of the module, loaded when idle; a switch waits for it ([`markup::with_markup`]) |
//! | [`state`] | app | the shared state: signals read through getters and changed through intents (`open_event`, `set_lang`, …); their link to URL, storage and document |
//! | [`components`] | app | Leptos components, one per file |
//! | `hooks` | app | hooks the components share, written once: dismissal (Escape, a tap outside), roving focus among a chart's marks, an element's width |
//! | [`browser`] | app | thin wrappers over gloo / web-sys: storage, history, share, offline, downloads, resize, theme colours, the link to the charts module, read-aloud with the Web Speech API and the poster's PNG and share (both in the charts module) |
//!
//! # The one rule
//!
//! The core never imports leptos, web-sys or gloo, so a host `cargo test` covers it fast and
//! exactly; it is a crate of its own that does not depend on them, so breaking the rule does
//! not compile. Components only wire signals to it. Inside the core, no module imports one
//! above it: shared view types live in [`view`], escaping in [`text::escape`], and the
//! charts take the story they chart as an argument.
//!
//! # Build
//!
//! `build.rs` runs the core's data pipeline (its `pipeline` feature, a build-dependency):
//! it reads `data/story.toml` and the raw report beside it, cleans and converts the text
//! (simplified, traditional), validates every figure against its source span and writes the
//! resolved story (postcard, a compact serde format, with its strings pooled by language:
//! `zezhou_core::data::wire`) into `OUT_DIR`: the page's part without its texts, which the
//! page embeds, and each language's texts apart ([`data::TEXTS`]), which the post-build step
//! writes into `dist/`. The page's loader fetches the texts of the language the app starts
//! in, with their integrity, at once with the WebAssembly and hands them over (the page
//! module's export `texts`, `src/main.rs`) before the app mounts; the others' once the app
//! is live and the page idle. [`data::story`] decodes the story again as texts arrive.
//!
//! After trunk's build, its post-build hook (`crates/postbuild`, a host-only crate of the
//! workspace that uses this one as a library) minifies the JavaScript, gives the
//! WebAssembly's imports and the exports its JavaScript reads short names in both files
//! (`crates/postbuild/src/imports.rs`), joins the stylesheets, writes the story's texts by
//! language (`story-{hans,hant,en}-….bin`), replaces trunk's loader with one that starts
//! the app after the first view's largest paint and fetches the texts it starts with
//! (`crates/postbuild/src/js/late-loader.js`), renders [`components::Page`] to
//! HTML in each language into its page (`index.html`, `zh-Hant/index.html`,
//! `en/index.html`: the first view a reader sees before, or without, WebAssembly, with the
//! language's title, description, link-preview tags and, when the build knows the site's
//! address, `hreflang` alternates; the pages
//! one folder down reach the root's files through `../`),
//! adds a strict Content-Security-Policy with the hash of every inline script (under `trunk
//! serve`, trunk's reload script too), and writes `404.html`, the service worker (`sw.js`)
//! and the charts' print pictures from the build's files. It edits the HTML with lol_html.
//! [`start`] then takes that first view over in place (hydration, by tachys: the wasm's
//! first render is the build's render in the same state, `state::AppState::first_view`, so
//! every node, and with it the reader's scroll and focus, stays; the story's markup, marks
//! and tile buttons included, is left as the build wrote it until the language changes,
//! `state::AppState::first_markup`), and in the task after it applies what only the
//! browser knows (`state::take_over`: the URL's view, stored choices). Until the app is
//! ready, the marks and tiles take no taps (`style/components.css`). So that nothing moves meanwhile, the pre-paint script
//! (`crates/postbuild/src/js/prepaint.js`) sends a link in another language to that
//! language's page before the first paint, and keeps the events hidden while a link's view
//! (an open card, a filter, a search, a sort) waits to be applied.
//!
//! # One module, split in parts
//!
//! The first load has a budget of 150 KB gzipped (README, "Status and figures"), so the app
//! is one WebAssembly module (one Leptos runtime, one allocator, one story) whose parts the
//! page does not need at first are split points (`wasm_split_helpers`, the macro behind
//! Leptos' `#[lazy]`, used for its `fallible` option): the post-build step splits
//! each off into a file of its own (`crates/postbuild/src/split.rs`, the tool behind
//! `cargo leptos --split`), which the page fetches on the first call, checked by its
//! integrity value, and which shares the page's memory and everything else:
//!
//! - the page ([`start`], `src/main.rs`): header, headline figures, the ten cards with
//!   filters, search and sort, the figure and term panel. The cards' and the panel's text is
//!   markup from [`html`] set as `inner_html` (one delegated click opens the panel from a
//!   tile or mark), because every Leptos view and reactive closure costs code; Leptos keeps
//!   everything that changes piecemeal (open card, filters, controls, the panel's frame);
//! - the charts ([`start_charts`], `charts-{hash}.wasm`), which the page loads when they come
//!   near the screen (`browser::island`): `components::ChartsApp` mounted into the page's
//!   `#charts-root`. They read the part of the story they show, with every language's texts
//!   ([`data::charts_story`], `build.rs`: `story-charts.bin`), follow `<html lang>`, its
//!   text size and the URL ([`state::provide_charts_state`]), and ask the page to open a
//!   card or keep the scale in the URL with window events (`browser::island`, typed in the
//!   core's `island`);
//! - read-aloud is in the charts' part too (`browser::speech`: voices, utterances,
//!   highlighting, pause, resume and stop). The page has only the sentence spans and the
//!   listen controls ([`html`]) and, for a press, asks that part with a window event
//!   (`browser::island::ask_charts`); before it has started, the press waits on its control
//!   (busy) and the page starts the charts at once, which then take it up. Starting them
//!   early mounts the charts far below, and moves nothing on screen;
//! - the poster (`browser::poster`) is asked for the same way (a poster button beside each
//!   listen control, `browser::island::ask_charts`); the how-to-cite box
//!   (`components::CiteBox`) and each chart's embed action are in that part too;
//! - the story's markup in another language ([`markup`], `markup-{hash}.wasm`): the page
//!   keeps the first view's markup as the build wrote it, so it builds markup only when the
//!   reader switches language; loaded once the page is idle, or at the first switch;
//! - the embed view (`embed.html`, written by the post-build step): the same module, which
//!   mounts `components::EmbedApp` (one chart) when `<html data-embed>`, and no page.
//!
//! What two parts share and the page does not (`shared-{hash}.wasm`) comes with either.
//! Without the `split` feature (the WebAssembly unit tests, which nothing splits) the split
//! points are ordinary functions.
//!
//! Charts: plotters does the charting. Each chart's value axis is plotters' linear or
//! logarithmic coordinate with its key points as ticks, and its bars, gridlines and axes are
//! plotters elements in that coordinate system ([`chart::layout`], [`chart::draw`]); our own
//! code does only what plotters cannot: labels wrapped to the width (CJK included, widths
//! from our estimate, `chart::measure`, because plotters' browser measuring inserts styled
//! spans that the CSP blocks), exact tick labels that do not overlap, and 44 px touch targets.
//! plotters draws onto a backend of ours that writes SVG with a CSS class per shape, set as
//! the chart's markup: crisp at any pixel ratio, its text set by the browser (no font
//! files), its colours from `style/charts.css`, so a theme switch redraws nothing. A
//! download writes the theme's colours of the moment into the file instead. Marks for taps
//! and keys are buttons laid over it from the same layout.

pub mod browser;
pub mod components;
pub mod data;
mod hooks;
pub mod markup;
pub mod state;

pub use zezhou_core::{
    chart, cite, format, html, i18n, island, model, poster, route, search, speech, text, view,
};

use route::Route;

/// Browser entry point: installs the panic hook, then takes the prerendered first view over
/// in short tasks: the state (`mount`), the take-over in place (`hydrate`), what only
/// the browser knows ([`state::take_over`]), and the rest (`ready`).
pub fn start() {
    browser::crash::install_panic_hook();
    // The embed view (`embed.html`, `<html data-embed>`): one chart alone, no page.
    #[cfg(target_arch = "wasm32")]
    if leptos::prelude::document()
        .document_element()
        .is_some_and(|html| html.has_attribute("data-embed"))
    {
        start_charts(true);
        return;
    }
    // A test-only build (`--features crash-test`) panics once the app is live when the URL
    // it was opened with has `crash-test` (read now: the app tidies the URL as it starts), to
    // prove the reader then sees a message rather than a dead page.
    #[cfg(feature = "crash-test")]
    CRASH_TEST.set(browser::history::hash().contains("crash-test"));
    // Each step in a task of its own, apart from the module's instantiation: short tasks
    // instead of one long one. (The loader already waited for the first view's largest
    // paint, see `crates/postbuild/src/js/late-loader.js`.)
    later(mount);
}

#[cfg(feature = "crash-test")]
thread_local! {
    static CRASH_TEST: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `step` in a task of its own.
fn later(step: impl FnOnce() + 'static) {
    gloo_timers::callback::Timeout::new(0, step).forget();
}

/// The page's state as the build rendered the first view, in a task of its own: the story
/// decoded and its search index built now (the memo of the visible events is lazy), not in
/// the hydration's task.
fn mount() {
    let state = state::first_state();
    leptos::prelude::WithUntracked::with_untracked(&state.visible(), |_| ());
    later(move || hydrate(state));
}

/// The live app takes the HTML first view over (hydration: the build rendered it from the
/// same components in the same state, so every node stays, and with it the reader's scroll
/// and focus); then, in the next task, the URL and the stored choices apply.
fn hydrate(state: state::AppState) {
    let Some(first_view) = leptos::prelude::document().get_element_by_id("app") else {
        leptos::logging::error!("no #app element to mount into");
        return;
    };
    let first_view: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(first_view);
    let owner = take_over_in_place(first_view, move || {
        leptos::prelude::view! { <components::App state=state/> }
    });
    later(move || {
        // A link to a card (shared, or reloaded) lands on it: the loader brought its card
        // into view (`crates/postbuild/src/js/late-loader.js`); where the URL's view moves it
        // (a sort, a filter), the page follows it by the difference ([`ready`]).
        let open = Route::from_url(
            &browser::history::page_path(),
            &browser::history::hash(),
            data::story(),
        )
        .open;
        let was = open.and_then(card_top);
        owner.with(|| state::take_over(state));
        // The view's changes are made in this task's microtasks.
        later(move || ready(state, was));
    });
}

/// Hydrates `parent`'s children with the view `app` returns, under a new reactive owner
/// kept for the page's life, and returns that owner: Leptos' `hydrate_from` without its
/// shared context, which carries server data this app has none of.
fn take_over_in_place<V: leptos::prelude::IntoView + 'static>(
    parent: web_sys::HtmlElement,
    app: impl FnOnce() -> V,
) -> leptos::prelude::Owner {
    use leptos::tachys::view::{PositionState, RenderHtml};
    // wasm-bindgen's futures run the reactive system (an error: it already does).
    #[cfg(target_arch = "wasm32")]
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = leptos::prelude::Owner::new();
    let view = owner.with(move || {
        let cursor =
            leptos::tachys::hydration::Cursor::new(wasm_bindgen::JsCast::unchecked_into(parent));
        app()
            .into_view()
            .hydrate::<true>(&cursor, &PositionState::default())
    });
    // The page lives as long as the document: its view and owner are never dropped.
    std::mem::forget((owner.clone(), view));
    owner
}

/// The top of event `rank`'s card on screen.
fn card_top(rank: u8) -> Option<f64> {
    browser::document::element(&view::event_dom_id(rank))
        .map(|card| card.get_bounding_client_rect().top())
}

/// After the take-over: the region the URL's view changed shown again (the pre-paint script
/// hid it, `data-pending`), the open card in its place with focus on it, and the rest started
/// (service worker, charts when near).
fn ready(state: state::AppState, was: Option<f64>) {
    let html = leptos::prelude::document().document_element();
    // Shown first: a hidden card takes no focus.
    if let Some(html) = &html {
        let _ = html.remove_attribute("data-pending");
    }
    if let Some(rank) = state.opened().get_untracked() {
        if let Some(card) = browser::document::element(&view::event_dom_id(rank)) {
            let moved = was.zip(card_top(rank)).map_or(0.0, |(was, now)| now - was);
            if moved.abs() >= 1.0 {
                if let Some(window) = web_sys::window() {
                    window.scroll_by_with_x_and_y(0.0, moved);
                }
            }
            browser::document::focus(&card);
        }
    }
    if let Some(html) = html {
        let _ = html.set_attribute("data-app", "ready");
    }
    // The moment the first view is interactive, for the benchmark (scripts/bench.sh).
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("app-interactive");
    }
    #[cfg(feature = "crash-test")]
    if CRASH_TEST.get() {
        panic!("crash test: a forced panic");
    }
    browser::offline::register_service_worker();
    browser::island::load_charts_when_near();
    markup::preload();
}

/// Starts the charts (and read-aloud, the poster), which live in a part of this module that
/// the browser loads the first time they are asked for (`charts`): in the page when they
/// come near the screen (`browser::island`), or alone in the embed view (`embed`). When that
/// part cannot load (a file that fails its integrity check, a network error), the slot says
/// so (`data-state="failed"`, which the page's CSS hides) and the page goes on.
pub fn start_charts(embed: bool) {
    #[cfg(all(target_arch = "wasm32", feature = "split"))]
    wasm_bindgen_futures::spawn_local(async move {
        if charts(embed).await.is_err() {
            charts_failed();
        }
    });
    // (Unsplit, as on the host or in the WebAssembly unit tests: the same code, at once.)
    #[cfg(not(all(target_arch = "wasm32", feature = "split")))]
    let _ = charts(embed);
}

/// Marks the charts' slot as failed (see [`start_charts`]).
#[cfg(all(target_arch = "wasm32", feature = "split"))]
fn charts_failed() {
    if let Some(root) = leptos::prelude::document().get_element_by_id(browser::island::CHARTS_ROOT)
    {
        let _ = root.set_attribute("data-state", "failed");
    }
}

/// Mounts `components::ChartsApp` (or `components::EmbedApp`) in place of the charts slot's
/// note, and starts read-aloud and the poster. A split point (the macro behind Leptos'
/// `#[lazy]`, here `fallible`: a part that cannot load is an error, not a panic), so this and
/// everything only it uses is a WebAssembly module of its own that the post-build step
/// splits off the page's (`crates/postbuild/src/split.rs`) and the page loads on the first
/// call, sharing its memory, its Leptos runtime and its allocator.
#[cfg_attr(
    all(target_arch = "wasm32", feature = "split"),
    wasm_split_helpers::wasm_split(charts, fallible)
)]
fn charts(embed: bool) -> Result<(), wasm_split_helpers::SplitLoaderError> {
    // Read-aloud first: it needs no slot (the page may have asked for it with the charts
    // still far below).
    browser::speech::serve();
    browser::poster::serve();
    let Some(root) = leptos::prelude::document().get_element_by_id(browser::island::CHARTS_ROOT)
    else {
        leptos::logging::error!("no charts slot to mount into");
        return Ok(());
    };
    root.set_inner_html("");
    let root: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(root);
    if embed {
        leptos::mount::mount_to(root.clone(), components::EmbedApp).forget();
    } else {
        leptos::mount::mount_to(root.clone(), components::ChartsApp).forget();
    }
    let _ = root.set_attribute("data-state", "ready");
    let _ = root.remove_attribute("aria-busy");
    Ok(())
}
