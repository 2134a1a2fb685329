//! Read-aloud with the device's own speech synthesis (Web Speech API: nothing leaves the
//! device): one utterance per sentence, the sentence being read highlighted
//! (`sentence--reading`) and kept in view, pause, resume and stop.
//!
//! The sentences are the `<span class="sentence">` that [`crate::html`] writes (a host test
//! proves they are [`crate::speech::sentences`]); what a voice says for each, and which voice,
//! come from [`crate::speech`]. This file speaks and keeps the control
//! ([`crate::html::listen_control`]) saying what a press will do. It never moves focus and
//! announces nothing but the "no voice" line after a press, so a screen reader's own speech
//! is not disturbed; speech starts only on a press. One reading at a time: a press
//! elsewhere, a language change, closing the card and leaving the page stop it.
//!
//! Small on purpose (the first load's budget): one handler function for every event, made
//! once, which tells a stale utterance's event from the current one by the utterance.

use crate::i18n::strings;
use crate::model::Lang;
use crate::speech::{choose_voice, spoken, Voice};
use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

/// The class of the sentence being read.
const READING: &str = "sentence--reading";

/// A reading under way, or waiting for the device's voices (`voice` is `None`).
struct Reading {
    synth: SpeechSynthesis,
    /// The control (`.listen`) that started it.
    control: Element,
    lang: Lang,
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
}

/// Handles a click on a listen control inside the element that got it (the card list, the
/// lead's control): starts, pauses, resumes or stops. Returns the rank of the card whose
/// reading a press started, for the caller to open it.
pub fn press(ev: &web_sys::MouseEvent, lang: Lang) -> Option<u8> {
    let target: Element = ev.target()?.dyn_into().ok()?;
    let button = target.closest(".listen button").ok()??;
    let control = button.parent_element()?;
    if button.has_attribute("data-stop") {
        stop();
        return None;
    }
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
        return None;
    }
    stop();
    let id = control.get_attribute("data-listen")?;
    start(control, &id, lang);
    id.strip_prefix("event-")?.parse().ok()
}

/// Stops the reading, if any, and resets its control.
pub fn stop() {
    if let Some(r) = NOW.take() {
        r.synth.cancel();
        if let Some(span) = r.spans.get(r.index) {
            let _ = span.class_list().remove_1(READING);
        }
        show(&r.control, r.lang, None);
    }
}

/// Stops a card's reading unless that card is `open` (the lead's reading goes on).
pub fn stop_unless_open(open: Option<u8>) {
    let id = open.map(crate::html::event_dom_id);
    let other = NOW.with_borrow(|now| {
        now.as_ref()
            .and_then(|r| r.control.get_attribute("data-listen"))
            .is_some_and(|t| t != "lead" && Some(&t) != id.as_ref())
    });
    if other {
        stop();
    }
}

/// Sets the control's label (read, pause or resume: `paused` is `None` when not reading),
/// shows its stop button while reading, and clears its status line.
fn show(control: &Element, lang: Lang, paused: Option<bool>) {
    let t = strings(lang);
    let (label, state) = match paused {
        None => (t.listen, "idle"),
        Some(false) => (t.pause_reading, "reading"),
        Some(true) => (t.resume_reading, "paused"),
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
        note(&control, strings(lang).no_speech);
        return;
    };
    let document = leptos::prelude::document();
    let root = if id == "lead" {
        document.query_selector(".site-header__lead").ok().flatten()
    } else {
        document.get_element_by_id(id)
    };
    let mut spans = Vec::new();
    if let Some(list) = root.and_then(|r| r.query_selector_all(".sentence").ok()) {
        for i in 0..list.length() {
            if let Some(node) = list.item(i) {
                spans.push(node.unchecked_into());
            }
        }
    }
    let waiting = synth.get_voices().length() == 0;
    NOW.set(Some(Reading {
        synth: synth.clone(),
        control,
        lang,
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
                note(&r.control, strings(r.lang).no_voice);
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
