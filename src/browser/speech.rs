//! Read-aloud with the device's own speech synthesis (Web Speech API: nothing leaves the
//! device): one utterance per sentence, the sentence being read highlighted
//! (`sentence--reading`) and kept in view, pause, resume and stop.
//!
//! What is said, and by which voice, comes from [`crate::speech`]; this file speaks it and
//! keeps the control ([`crate::html::listen_control`]) saying what a press will do. It never
//! moves focus and announces nothing but the "no voice" line (on a press), so a screen
//! reader's own speech is not disturbed; speech starts only on a press. One reading at a
//! time: a press elsewhere, a language change, closing the card and leaving the page stop it.

use crate::data::story;
use crate::i18n::strings;
use crate::model::Lang;
use crate::speech::{choose_voice, event_script, lead_script, Voice};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

/// The class of the sentence being read.
const READING: &str = "sentence--reading";

/// A reading under way.
struct Session {
    synth: SpeechSynthesis,
    /// The control (`.listen`) that started it.
    control: Element,
    lang: Lang,
    script: Vec<String>,
    /// The sentences' spans, in the order of `script`.
    spans: Vec<Element>,
    voice: SpeechSynthesisVoice,
    index: usize,
    paused: bool,
}

thread_local! {
    static SESSION: RefCell<Option<Session>> = const { RefCell::new(None) };
    /// What is being read, or waited for (a card's DOM id or `lead`); empty for nothing.
    static TARGET: RefCell<String> = const { RefCell::new(String::new()) };
    /// Bumped whenever a reading starts or stops: events of older utterances are ignored.
    static TURN: Cell<u32> = const { Cell::new(0) };
    static LISTENING_FOR_PAGEHIDE: Cell<bool> = const { Cell::new(false) };
}

/// The browser's speech synthesis, if it has one.
fn synth() -> Option<SpeechSynthesis> {
    let synth = web_sys::window()?.speech_synthesis().ok()?;
    (!synth.is_undefined()).then_some(synth)
}

/// Handles a click on a listen control inside the element that got it (a card list or the
/// lead's control): starts, pauses, resumes or stops. Returns the rank of a card whose
/// reading a press started, for the caller to open it.
pub fn press(ev: &web_sys::MouseEvent, lang: Lang) -> Option<u8> {
    let target: Element = ev.target()?.dyn_into().ok()?;
    let button = target.closest(".listen button").ok()??;
    let control = button.closest(".listen").ok()??;
    let id = control.get_attribute("data-listen")?;
    if button.class_name() == "listen__stop" {
        stop();
        return None;
    }
    let current = TARGET.with_borrow(|t| *t == id);
    if current {
        SESSION.with_borrow_mut(|s| {
            if let Some(s) = s {
                s.paused = !s.paused;
                if s.paused {
                    s.synth.pause();
                } else {
                    s.synth.resume();
                }
                show(&s.control, s.lang, Some(s.paused));
            }
        });
        return None;
    }
    start(control, id.clone(), lang);
    id.strip_prefix("event-")?.parse().ok()
}

/// Stops the reading, if any, and resets its control.
pub fn stop() {
    TURN.set(TURN.get().wrapping_add(1));
    TARGET.with_borrow_mut(String::clear);
    if let Some(s) = SESSION.take() {
        s.synth.cancel();
        if let Some(span) = s.spans.get(s.index) {
            let _ = span.class_list().remove_1(READING);
        }
        show(&s.control, s.lang, None);
    }
}

/// Stops a card's reading unless that card is `open` (the lead's reading goes on).
pub fn stop_unless_open(open: Option<u8>) {
    let keep = TARGET.with_borrow(|t| match t.strip_prefix("event-") {
        Some(rank) => open.is_some_and(|r| rank == r.to_string()),
        None => true,
    });
    if !keep {
        stop();
    }
}

/// Sets the control's label (read, pause or resume: `paused` is `None` when not reading),
/// shows its stop button while reading, and clears its status line.
fn show(control: &Element, lang: Lang, paused: Option<bool>) {
    let t = strings(lang);
    let label = match paused {
        None => t.listen,
        Some(false) => t.pause_reading,
        Some(true) => t.resume_reading,
    };
    let _ = control.set_attribute(
        "data-state",
        match paused {
            None => "idle",
            Some(false) => "reading",
            Some(true) => "paused",
        },
    );
    if let Ok(Some(el)) = control.query_selector(".listen__label") {
        el.set_text_content(Some(label));
    }
    if let Ok(Some(el)) = control.query_selector(".listen__stop") {
        el.toggle_attribute_with_force("hidden", paused.is_none())
            .ok();
    }
    note(control, "");
}

/// Says `text` in the control's status line.
fn note(control: &Element, text: &str) {
    if let Ok(Some(el)) = control.query_selector(".listen__note") {
        el.set_text_content(Some(text));
    }
}

/// Starts reading what `control` belongs to (`id`), once the voices are known.
fn start(control: Element, id: String, lang: Lang) {
    stop();
    let Some(synth) = synth() else {
        note(&control, strings(lang).no_speech);
        return;
    };
    if !LISTENING_FOR_PAGEHIDE.replace(true) {
        let on_hide = Closure::<dyn Fn()>::new(stop);
        if let Some(w) = web_sys::window() {
            let _ =
                w.add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
        }
        on_hide.forget();
    }
    TARGET.set(id);
    let turn = TURN.get();
    if synth.get_voices().length() > 0 {
        begin(control, lang, synth, turn);
        return;
    }
    // Chromium lists its voices only after `voiceschanged`: wait for it, a second at most.
    let waiting = synth.clone();
    let done = Cell::new(false);
    let go = Rc::new(move || {
        if !done.replace(true) {
            synth.set_onvoiceschanged(None);
            begin(control.clone(), lang, synth.clone(), turn);
        }
    });
    let again = go.clone();
    let on_change = Closure::<dyn Fn()>::new(move || again());
    waiting.set_onvoiceschanged(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    gloo_timers::callback::Timeout::new(1000, move || go()).forget();
}

/// Picks the voice and reads from the first sentence, or says there is no voice.
fn begin(control: Element, lang: Lang, synth: SpeechSynthesis, turn: u32) {
    if TURN.get() != turn {
        return;
    }
    let voices: Vec<SpeechSynthesisVoice> = synth
        .get_voices()
        .iter()
        .map(JsCast::unchecked_into)
        .collect();
    let tags: Vec<String> = voices.iter().map(SpeechSynthesisVoice::lang).collect();
    let offered: Vec<Voice> = voices
        .iter()
        .zip(&tags)
        .map(|(v, tag)| Voice {
            lang: tag,
            local: v.local_service(),
            default: v.default(),
        })
        .collect();
    let Some(chosen) = choose_voice(&offered, lang) else {
        TARGET.with_borrow_mut(String::clear);
        note(&control, strings(lang).no_voice);
        return;
    };
    let id = TARGET.with_borrow(Clone::clone);
    let document = leptos::prelude::document();
    let (script, root) = match id.strip_prefix("event-").and_then(|r| r.parse().ok()) {
        Some(rank) => (
            story().event(rank).map(|e| event_script(e, lang)),
            document.get_element_by_id(&id),
        ),
        None => (
            Some(lead_script(story(), lang)),
            document.query_selector(".site-header__lead").ok().flatten(),
        ),
    };
    let mut spans = Vec::new();
    if let Some(list) = root.and_then(|r| r.query_selector_all(".sentence").ok()) {
        for i in 0..list.length() {
            if let Some(node) = list.item(i) {
                spans.push(node.unchecked_into());
            }
        }
    }
    // The synthesis may still be paused from an earlier reading that was stopped.
    if synth.paused() {
        synth.resume();
    }
    show(&control, lang, Some(false));
    SESSION.set(Some(Session {
        synth,
        control,
        lang,
        script: script.unwrap_or_default(),
        spans,
        voice: voices[chosen].clone(),
        index: 0,
        paused: false,
    }));
    speak(turn);
}

/// Speaks the session's current sentence and highlights it; when it ends, the next.
fn speak(turn: u32) {
    let next = SESSION.with_borrow(|s| {
        let s = s.as_ref()?;
        let text = s.script.get(s.index)?;
        let utterance = SpeechSynthesisUtterance::new_with_text(text).ok()?;
        utterance.set_voice(Some(&s.voice));
        utterance.set_lang(&s.voice.lang());
        let on_end = Closure::once_into_js(move || advance(turn));
        utterance.set_onend(Some(on_end.unchecked_ref()));
        let on_error = Closure::once_into_js(move || {
            if TURN.get() == turn {
                stop();
            }
        });
        utterance.set_onerror(Some(on_error.unchecked_ref()));
        if let Some(span) = s.spans.get(s.index) {
            let _ = span.class_list().add_1(READING);
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            span.scroll_into_view_with_scroll_into_view_options(&options);
        }
        Some((s.synth.clone(), utterance))
    });
    match next {
        Some((synth, utterance)) => synth.speak(&utterance),
        None => stop(),
    }
}

/// After a sentence: the next one, or the end of the reading.
fn advance(turn: u32) {
    if TURN.get() != turn {
        return;
    }
    SESSION.with_borrow_mut(|s| {
        if let Some(s) = s {
            if let Some(span) = s.spans.get(s.index) {
                let _ = span.class_list().remove_1(READING);
            }
            s.index += 1;
        }
    });
    speak(turn);
}
