//! The poster (海报), in the charts module: a press on a poster button in the page
//! ([`island::ask_charts`], an [`island::Ask::Poster`] message, loading this module at
//! once if need be) draws [`crate::poster`]'s picture in the reader's language and theme,
//! with a QR code of the deep link to that card (or to the sheet) in that language, turns
//! it into a PNG as the chart downloads do, and shares it as a file through the system share
//! sheet where the browser can share files, else downloads it.

use super::{download, history, island, share, theme};
use crate::chart::draw::Palette;
use crate::data::charts_story;
use crate::poster::{poster, Subject, HEIGHT, WIDTH};
use crate::route::Route;
use crate::state::document_lang;
use island::{Ask, Target};
use wasm_bindgen::JsCast;
// wasm-bindgen-futures' own spawn, not Leptos': a poster can be asked for before Leptos (and
// its executor) has mounted the charts.
use wasm_bindgen_futures::spawn_local;

/// Starts serving the page's requests for posters, and makes the one pressed before this
/// module started, if any.
pub fn serve() {
    island::listen(Ask::POSTER, |ask| {
        if let Ask::Poster(target) = ask {
            make(target);
        }
    });
    let waiting = leptos::prelude::document().query_selector(island::BUSY_POSTER);
    if let Ok(Some(button)) = waiting {
        let _ = button.remove_attribute("data-state");
        if let Some(target) = button
            .get_attribute(island::POSTER)
            .and_then(|id| Target::parse(&id))
        {
            make(target);
        }
    }
}

/// The poster of `target` (the lead: the whole sheet).
fn make(target: Target) {
    let lang = document_lang().unwrap_or_default();
    let id = target.id();
    let subject = match target {
        Target::Event(rank) => Subject::Event(rank),
        Target::Lead => Subject::Sheet,
    };
    let view = Route {
        open: match subject {
            Subject::Sheet => None,
            Subject::Event(rank) => Some(rank),
        },
        ..Route::default()
    };
    let link = format!("{}{}", history::root(), view.link(lang));
    let palette = Palette::from_css(theme::custom_property);
    let Some(drawn) = poster(charts_story(), subject, lang, &palette, &link) else {
        return;
    };
    let name = format!("{}-poster-{id}-{}.png", charts_story().id, lang.as_str());
    let title = charts_story().title.get(lang).to_owned();
    spawn_local(async move {
        let png = match download::png(&drawn.svg, (WIDTH as u32, HEIGHT as u32), 1).await {
            Ok(png) => png,
            Err(err) => {
                leptos::logging::warn!("poster failed: {err:?}");
                return;
            }
        };
        let options = web_sys::FilePropertyBag::new();
        options.set_type("image/png");
        let parts = js_sys::Array::of1(&png);
        let shared =
            match web_sys::File::new_with_blob_sequence_and_options(&parts, &name, &options) {
                Ok(file) => share::share_file(&file, &title).await,
                Err(_) => None,
            };
        if shared.is_none() {
            let _ = download::save_blob(&name, png.unchecked_ref());
        }
    });
}
