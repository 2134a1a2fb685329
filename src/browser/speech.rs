//! Read-aloud with the device's own speech synthesis (Web Speech API: nothing leaves the
//! device): one utterance per sentence, the sentence being read highlighted
//! (`sentence--reading`) and kept in view, pause, resume and stop.
//!
//! This runs in the charts module, not the page (the first load's budget; see the crate
//! docs, "One module, split in parts"). The page only has the sentence spans and the listen controls
//! ([`crate::html`]) and, for a press on a control, asks this module to read its target
//! ([`island::ask_charts`], an [`island::Ask::ReadAloud`] message), loading the module
//! first if need be; a press made before the module started waits on its control
//! (`data-state="busy"`), which `serve` takes up.
//!
//! The sentences are the `<span class="sentence">` that [`crate::html`] writes (a host test
//! proves they are `crate::speech::sentences`); what a voice says for each, and which voice,
//! come from [`crate::speech`]. This file speaks and keeps the control saying what a press
//! will do. It never moves focus and announces nothing but the "no voice" line after a
//! press, so a screen reader's own speech is not disturbed; speech starts only on a press.
//! One reading at a time: a press elsewhere, a language change (`<html lang>`), closing the
//! card or the filters hiding it (seen by a mutation observer) and leaving the page stop it.
//!
//! One handler function for the speech events, made once, which tells a stale utterance's
//! event from the current one by the utterance.

use crate::browser::island;
use crate::i18n::{reader_strings, strings};
use crate::model::Lang;
use crate::speech::{choose_voice, spoken, Voice};
use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Element, Event, MutationObserver, MutationObserverInit, MutationRecord, SpeechSynthesis,
    SpeechSynthesisUtterance, SpeechSynthesisVoice,
};
/// The class of the sentence being read.
const READING: &str = "sentence--reading";

/// A reading under way, or waiting for the device's voices (`voice` is `None`).
struct Reading {
    synth: SpeechSynthesis,
    /// The control (`.listen`) that started it.
    control: Element,
    lang: Lang,
    /// The body of the card being read (`None` for the lead): hidden or gone stops it.
    body: Option<Element>,
    spans: Vec<Element>,
    voice: Option<SpeechSynthesisVoice>,
    /// The utterance being spoken: only its events count.
    utterance: JsValue,
    index: usize,
    paused: bool,
}

thread_local! {
    static NOW: RefCell<Option<Reading>> = const { RefCell::new(None) };
    /// The one event handler ([`on_event`]), made on the first press.
    static HANDLER: js_sys::Function = {
        let handler = Closure::<dyn Fn(Event)>::new(on_event).into_js_value().unchecked_into();
        if let Some(w) = web_sys::window() {
            let _ = w.add_event_listener_with_callback("pagehide", &handler);
        }
        handler
    };
    /// Watches the card being read ([`on_mutation`]).
    static WATCHER: Option<MutationObserver> = {
        let callback = Closure::<dyn Fn(js_sys::Array)>::new(on_mutation).into_js_value();
        MutationObserver::new(callback.unchecked_ref()).ok()
    };
}

/// Starts serving the page's requests to read ([`island::READ_ALOUD`]), stopping on a
/// language change, and reads what was pressed before this module started, if anything.
pub(crate) fn serve() {
    island::listen(island::Ask::READ_ALOUD, |ask| match ask {
        island::Ask::ReadAloud(None) => stop(),
        island::Ask::ReadAloud(Some(target)) => {
            let selector = format!(".listen[data-listen=\"{}\"]", target.id());
            if let Ok(Some(control)) = leptos::prelude::document().query_selector(&selector) {
                play(control);
            }
        }
        _ => {}
    });
    island::watch_document_attributes(|| {
        let lang = crate::state::document_lang();
        if NOW.with_borrow(|now| now.as_ref().is_some_and(|r| Some(r.lang) != lang)) {
            stop();
        }
    });
    if let Ok(Some(control)) = leptos::prelude::document().query_selector(island::BUSY_READ) {
        play(control);
    }
}

/// A press on the read button of `control` (a `.listen`): starts reading its target, or
/// pauses or resumes it when it is the one being read.
fn play(control: Element) {
    let same = NOW.with_borrow_mut(|now| match now {
        Some(r) if r.control == control => {
            if r.voice.is_some() {
                r.paused = !r.paused;
                if r.paused {
                    r.synth.pause();
                } else {
                    r.synth.resume();
                }
                show(&r.control, r.lang, Some(r.paused));
            }
            true
        }
        _ => false,
    });
    if same {
        return;
    }
    stop();
    let lang = crate::state::document_lang().unwrap_or_default();
    if let Some(id) = control.get_attribute(island::LISTEN) {
        start(control, &id, lang);
    }
}

/// Stops the reading, if any, and resets its control.
pub(crate) fn stop() {
    if let Some(r) = NOW.take() {
        WATCHER.with(|w| w.as_ref().map(MutationObserver::disconnect));
        r.synth.cancel();
        if let Some(span) = r.spans.get(r.index) {
            let _ = span.class_list().remove_1(READING);
        }
        show(&r.control, r.lang, None);
    }
}

/// Sets the control's label (read, pause or resume: `paused` is `None` when not reading),
/// shows its stop button while reading, and clears its status line (and its busy state).
fn show(control: &Element, lang: Lang, paused: Option<bool>) {
    let t = reader_strings(lang);
    let (label, state) = match paused {
        None => (strings(lang).listen, "idle"),
        Some(false) => (t.pause, "reading"),
        Some(true) => (t.resume, "paused"),
    };
    let _ = control.set_attribute("data-state", state);
    if let Ok(Some(el)) = control.query_selector(".listen__label") {
        el.set_text_content(Some(label));
    }
    if let Ok(Some(el)) = control.query_selector("[data-stop]") {
        let _ = el.toggle_attribute_with_force("hidden", paused.is_none());
    }
    note(control, "");
}

/// Says `text` in the control's status line.
fn note(control: &Element, text: &str) {
    if let Some(el) = control.last_element_child() {
        el.set_text_content(Some(text));
    }
}

/// Starts reading the card `id` (or the lead), once the device's voices are known.
fn start(control: Element, id: &str, lang: Lang) {
    let synth = web_sys::window()
        .and_then(|w| w.speech_synthesis().ok())
        .filter(|s| !s.is_undefined());
    let Some(synth) = synth else {
        show(&control, lang, None);
        note(&control, reader_strings(lang).no_speech);
        return;
    };
    let document = leptos::prelude::document();
    let root = if id == "lead" {
        document.query_selector(".site-header__lead").ok().flatten()
    } else {
        document.get_element_by_id(id)
    };
    let mut spans = Vec::new();
    if let Some(list) = root
        .as_ref()
        .and_then(|r| r.query_selector_all(".sentence").ok())
    {
        for i in 0..list.length() {
            if let Some(node) = list.item(i) {
                spans.push(node.unchecked_into());
            }
        }
    }
    let body = root
        .as_ref()
        .filter(|_| id != "lead")
        .and_then(|card| card.query_selector(".card__body").ok().flatten());
    if let Some(body) = &body {
        watch(body);
    }
    let waiting = synth.get_voices().length() == 0;
    NOW.set(Some(Reading {
        synth: synth.clone(),
        control,
        lang,
        body,
        spans,
        voice: None,
        utterance: JsValue::UNDEFINED,
        index: 0,
        paused: false,
    }));
    if waiting {
        // Chromium lists its voices only after `voiceschanged`: wait for it, a second at
        // most, before saying there is none.
        HANDLER.with(|h| synth.set_onvoiceschanged(Some(h)));
        gloo_timers::callback::Timeout::new(1000, begin).forget();
    } else {
        begin();
    }
}

/// Picks the voice of a reading that waits for one and reads its first sentence, or says
/// there is no voice for the language.
fn begin() {
    let chosen = NOW.with_borrow_mut(|now| {
        let r = now.as_mut().filter(|r| r.voice.is_none())?;
        r.synth.set_onvoiceschanged(None);
        let voices = r.synth.get_voices();
        let voices: Vec<SpeechSynthesisVoice> = voices.iter().map(JsCast::unchecked_into).collect();
        let tags: Vec<String> = voices.iter().map(SpeechSynthesisVoice::lang).collect();
        let offered: Vec<Voice> = voices
            .iter()
            .zip(&tags)
            .map(|(v, lang)| Voice {
                lang,
                local: v.local_service(),
                default: v.default(),
            })
            .collect();
        match choose_voice(&offered, r.lang) {
            Some(i) => {
                r.voice = Some(voices[i].clone());
                // The synthesis may still be paused from a reading that was stopped.
                r.synth.resume();
                show(&r.control, r.lang, Some(false));
                Some(true)
            }
            None => {
                show(&r.control, r.lang, None);
                note(&r.control, reader_strings(r.lang).no_voice);
                Some(false)
            }
        }
    });
    match chosen {
        Some(true) => speak(),
        Some(false) => {
            NOW.take();
        }
        None => {}
    }
}

/// Speaks the current sentence and highlights it, or ends the reading after the last.
fn speak() {
    let next = NOW.with_borrow_mut(|now| {
        let r = now.as_mut()?;
        let span = r.spans.get(r.index)?;
        let text = spoken(&span.text_content().unwrap_or_default(), r.lang);
        let utterance = SpeechSynthesisUtterance::new_with_text(&text).ok()?;
        let voice = r.voice.as_ref()?;
        utterance.set_voice(Some(voice));
        utterance.set_lang(&voice.lang());
        HANDLER.with(|h| {
            utterance.set_onend(Some(h));
            utterance.set_onerror(Some(h));
        });
        let _ = span.class_list().add_1(READING);
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        span.scroll_into_view_with_scroll_into_view_options(&options);
        r.utterance = utterance.clone().into();
        Some((r.synth.clone(), utterance))
    });
    match next {
        Some((synth, utterance)) => synth.speak(&utterance),
        None => stop(),
    }
}

/// Every event read-aloud listens to: the voices arriving, the current utterance ending
/// (the next sentence) or failing (stop), and the page being left (stop).
fn on_event(ev: Event) {
    match ev.type_().as_str() {
        "voiceschanged" => begin(),
        "end" => {
            let current = NOW.with_borrow_mut(|now| {
                let r = now
                    .as_mut()
                    .filter(|r| ev.target().is_some_and(|t| JsValue::from(t) == r.utterance))?;
                if let Some(span) = r.spans.get(r.index) {
                    let _ = span.class_list().remove_1(READING);
                }
                r.index += 1;
                Some(())
            });
            if current.is_some() {
                speak();
            }
        }
        "error" => {
            let current = NOW.with_borrow(|now| {
                now.as_ref()
                    .is_some_and(|r| ev.target().is_some_and(|t| JsValue::from(t) == r.utterance))
            });
            if current {
                stop();
            }
        }
        _ => stop(),
    }
}

/// Watches a card's `body` for being hidden (the card closed) and the document for the
/// card leaving it (the filters hid it), until [`stop`].
fn watch(body: &Element) {
    WATCHER.with(|watcher| {
        let (Some(watcher), Some(page)) = (watcher, leptos::prelude::document().body()) else {
            return;
        };
        let init = MutationObserverInit::new();
        init.set_attribute_filter(&js_sys::Array::of1(&"hidden".into()));
        let _ = watcher.observe_with_options(body, &init);
        let init = MutationObserverInit::new();
        init.set_child_list(true);
        init.set_subtree(true);
        let _ = watcher.observe_with_options(&page, &init);
    });
}

/// Stops a card's reading when its body was hidden or has left the document. (A press on
/// a closed card's listen control opens the card after the reading started: its body was
/// hidden then, and only a change to `hidden` that leaves it hidden counts.)
fn on_mutation(records: js_sys::Array) {
    let hidden = records
        .iter()
        .any(|r| r.unchecked_into::<MutationRecord>().type_() == "attributes");
    let gone = NOW.with_borrow(|now| {
        now.as_ref()
            .and_then(|r| r.body.as_ref())
            .is_some_and(|b| !b.is_connected() || (hidden && b.has_attribute("hidden")))
    });
    if gone {
        stop();
    }
}
