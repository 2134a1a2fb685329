//! App state: the signals the components share, and their link to the URL, storage and
//! the document. Parsing and formatting live in the pure modules ([`crate::route`],
//! [`crate::search`]); this file only wires them to signals.

use crate::browser;
use crate::browser::island::Ask;
use crate::data::story;
use crate::hooks::use_dismiss;
use crate::model::Lang;
use crate::route::{limit_query, Route};
use crate::search::{visible_events, SearchIndex};
use crate::view::{event_dom_id, Appearance, ScaleKind, Sort, TextSize};
use leptos::prelude::*;

/// The reader's choices kept across visits (a link's own choices win over them).
#[derive(Clone, Copy, Debug, Default)]
pub struct Stored {
    pub lang: Option<Lang>,
    pub appearance: Appearance,
    pub text: Option<TextSize>,
}

/// A read-only handle on one of the state's signals: components read it (tracked or not)
/// and change it only through the state's intents. A newtype around the signal, so it
/// costs what reading the signal itself costs (a leptos `ReadSignal` made from it would be
/// a second signal, and code for each type).
pub struct Read<T: 'static>(RwSignal<T>);

impl<T> Clone for Read<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Read<T> {}

impl<T: Send + Sync + 'static> Read<T> {
    /// A read-only handle on `signal`.
    pub(crate) fn of(signal: RwSignal<T>) -> Read<T> {
        Read(signal)
    }

    /// Reads the value by reference, tracked.
    pub fn with<U>(&self, f: impl FnOnce(&T) -> U) -> U {
        self.0.with(f)
    }

    /// Subscribes the running effect or memo to changes, without reading.
    pub fn track(&self) {
        self.0.track();
    }
}

impl<T: Clone + Send + Sync + 'static> Read<T> {
    /// The value, tracked.
    pub fn get(&self) -> T {
        self.0.get()
    }

    /// The value, untracked (in event handlers).
    pub fn get_untracked(&self) -> T {
        self.0.get_untracked()
    }
}

/// What the detail panel shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Panel {
    /// A figure, by id.
    Figure(String),
    /// A glossary term, by id.
    Term(String),
}

/// Sets `signal` to `value` if it differs (a set always notifies its readers).
fn change<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|now| *now != value) {
        signal.set(value);
    }
}

/// The page's state: the reader's view as signals, read through getters and changed only
/// through intents (`set_lang`, `open_event`, `open_panel`, …), so a component shows what
/// it may change and the link to URL, storage and document ([`take_over`]) is the
/// only other writer. `Copy`, so components take it from context and move it into closures.
///
/// The intents are plain signal changes, host-tested under a reactive `Owner`
/// (`tests/state.rs`); the few that also move focus or scroll do so through `Dom`, which
/// only the browser's state has.
#[derive(Clone, Copy)]
pub struct AppState {
    lang: RwSignal<Lang>,
    appearance: RwSignal<Appearance>,
    /// The size of the whole app's text (长辈模式).
    text: RwSignal<TextSize>,
    /// Theme filter (a theme id).
    theme: RwSignal<Option<String>>,
    query: RwSignal<String>,
    sort: RwSignal<Sort>,
    /// Rank of the open card.
    open: RwSignal<Option<u8>>,
    scale: RwSignal<ScaleKind>,
    /// The figure or term panel, if one is open.
    panel: RwSignal<Option<Panel>>,
    /// A short confirmation shown after sharing.
    notice: RwSignal<Option<&'static str>>,
    /// Whether the story's markup on screen (the lead, the card heads and texts) is still
    /// the build's first view, taken over as it is: until the language first changes.
    /// `None` where the view is built rather than taken over (the build, tests).
    first_markup: Option<Memo<bool>>,
    /// The ranks to show, in order: derived from theme, query and sort.
    visible: Memo<Vec<u8>>,
    /// The browser's part; `None` in the build's prerender and in host tests.
    dom: Option<Dom>,
}

/// The browser's part of the page's state: what opened the panel, to return focus to it on
/// close (an element, so not in the host-tested part).
#[derive(Clone, Copy)]
struct Dom {
    opener: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
}

impl AppState {
    /// Creates the state from a parsed route and the reader's stored choices, without the
    /// browser's part (focus and scroll): the build's prerender, tests.
    pub fn new(route: Route, stored: Stored) -> AppState {
        let theme = RwSignal::new(route.theme.clone());
        let query = RwSignal::new(route.query.clone());
        let sort = RwSignal::new(route.sort);
        // Built with the story of the moment, again when another language's texts arrive:
        // search then finds that language's words too.
        let index = StoredValue::new(None::<(usize, SearchIndex)>);
        let visible = Memo::new(move |_| {
            let theme = theme.get();
            let query = query.get();
            let sort = sort.get();
            let arrived = crate::data::texts_arrived();
            if index.with_value(|index| index.as_ref().map(|i| i.0) != Some(arrived)) {
                index.set_value(Some((arrived, SearchIndex::new(story()))));
            }
            index.with_value(|index| {
                index.as_ref().map_or_else(Vec::new, |(_, index)| {
                    visible_events(story(), index, theme.as_deref(), &query, sort)
                })
            })
        });
        AppState {
            lang: RwSignal::new(route.lang.or(stored.lang).unwrap_or_default()),
            appearance: RwSignal::new(stored.appearance),
            text: RwSignal::new(route.text.or(stored.text).unwrap_or_default()),
            theme,
            query,
            sort,
            open: RwSignal::new(route.open),
            scale: RwSignal::new(route.scale),
            panel: RwSignal::new(None),
            notice: RwSignal::new(None),
            first_markup: None,
            visible,
            dom: None,
        }
    }

    /// The state a language's page's first view is rendered in, by the build
    /// (`crates/postbuild`, the HTML) and then by the browser, which takes that HTML over
    /// ([`first_state`]): the same state, so the same tree. The language, nothing else.
    pub fn first_view(lang: Lang) -> AppState {
        let route = Route {
            lang: Some(lang),
            ..Route::default()
        };
        AppState::new(route, Stored::default())
    }

    /// `state`, taking over a first view rendered in it: its story markup stays as it is
    /// until the language first changes ([`AppState::first_markup`]).
    pub fn taking_over(state: AppState) -> AppState {
        let (lang, start) = (state.lang, state.lang.get_untracked());
        let kept =
            Memo::new(move |was: Option<&bool>| was.is_none_or(|&was| was) && lang.get() == start);
        AppState {
            first_markup: Some(kept),
            ..state
        }
    }

    /// The interface's language.
    pub fn lang(&self) -> Read<Lang> {
        Read(self.lang)
    }

    /// The appearance the reader chose.
    pub fn appearance(&self) -> Read<Appearance> {
        Read(self.appearance)
    }

    /// The size of the whole app's text (长辈模式).
    pub fn text_size(&self) -> Read<TextSize> {
        Read(self.text)
    }

    /// The theme filter (a theme id), if any.
    pub fn theme_filter(&self) -> Read<Option<String>> {
        Read(self.theme)
    }

    /// The search.
    pub fn query(&self) -> Read<String> {
        Read(self.query)
    }

    /// The cards' order.
    pub fn sort(&self) -> Read<Sort> {
        Read(self.sort)
    }

    /// The rank of the open card, if one is open.
    pub fn opened(&self) -> Read<Option<u8>> {
        Read(self.open)
    }

    /// The money chart's scale (kept in the URL for the charts module).
    pub fn scale(&self) -> Read<ScaleKind> {
        Read(self.scale)
    }

    /// The figure or term panel, if one is open.
    pub fn panel(&self) -> Read<Option<Panel>> {
        Read(self.panel)
    }

    /// The confirmation on show, if any.
    pub fn notice(&self) -> Read<Option<&'static str>> {
        Read(self.notice)
    }

    /// Whether the story's markup on screen is still the build's first view (tracked): the
    /// components then leave it as it is rather than build the same again.
    pub fn first_markup(&self) -> bool {
        self.first_markup.is_some_and(|kept| kept.get())
    }

    /// The ranks to show, in order: derived from the theme filter, the search and the sort.
    pub fn visible(&self) -> Memo<Vec<u8>> {
        self.visible
    }

    /// The route for the current state (tracks every signal it reads).
    pub fn route(&self) -> Route {
        Route {
            lang: Some(self.lang.get()),
            theme: self.theme.get(),
            query: self.query.get(),
            sort: self.sort.get(),
            // A card the filters hide is not in view: the URL does not claim it.
            open: self.open.get().filter(|r| self.visible.get().contains(r)),
            scale: self.scale.get(),
            text: Some(self.text.get()).filter(|t| *t != TextSize::Normal),
        }
    }

    /// Applies a route read from the URL (back button, a pasted link). Only what differs
    /// changes: what did not re-renders nothing (the take-over applies the whole URL).
    pub fn apply(&self, route: Route) {
        // (The same language asks for nothing: a switch waiting for its texts stays.)
        if let Some(lang) = route.lang.filter(|l| *l != self.lang.get_untracked()) {
            self.set_lang(lang);
        }
        change(self.theme, route.theme);
        change(self.query, route.query);
        change(self.sort, route.sort);
        change(self.open, route.open);
        change(self.scale, route.scale);
        if let Some(text) = route.text {
            change(self.text, text);
        }
        change(self.panel, None);
    }

    /// Switches the interface's language: at once when its texts and markup are here, else
    /// when they arrive ([`crate::data::with_texts`], [`crate::markup::with_markup`]; the last
    /// switch asked for wins).
    pub fn set_lang(&self, lang: Lang) {
        let signal = self.lang;
        crate::data::with_texts(lang, move || {
            crate::markup::with_markup(lang, move || change(signal, lang));
        });
    }

    /// Sets the appearance (system, light, dark, high contrast).
    pub fn set_appearance(&self, appearance: Appearance) {
        self.appearance.set(appearance);
    }

    /// Sets the size of the whole app's text.
    pub fn set_text_size(&self, text: TextSize) {
        self.text.set(text);
    }

    /// Shows only the events of a theme, or all (`None`).
    pub fn set_theme_filter(&self, theme: Option<String>) {
        self.theme.set(theme);
    }

    /// Searches the events, for what the reader typed (cut to the length a URL keeps).
    pub fn set_query(&self, typed: &str) {
        self.query.set(limit_query(typed));
    }

    /// Orders the cards.
    pub fn set_sort(&self, sort: Sort) {
        self.sort.set(sort);
    }

    /// Sets the money chart's scale (the charts module asks for it).
    pub fn set_scale(&self, scale: ScaleKind) {
        self.scale.set(scale);
    }

    /// Clears the theme filter and the search.
    pub fn clear_filters(&self) {
        self.theme.set(None);
        self.query.set(String::new());
    }

    /// Opens card `rank` in place (closing any other).
    pub fn open_event(&self, rank: u8) {
        self.open.set(Some(rank));
    }

    /// Closes the open card.
    pub fn close_event(&self) {
        self.open.set(None);
    }

    /// Opens card `rank`, or closes it if it is open (its toggle).
    pub fn toggle_event(&self, rank: u8) {
        self.open.update(|open| {
            *open = if *open == Some(rank) {
                None
            } else {
                Some(rank)
            }
        });
    }

    /// Opens a card, scrolls to it and moves focus to it (from a headline figure or a chart
    /// mark): the filters are cleared if they hide it, and the panel closes.
    pub fn go_to_event(&self, rank: u8) {
        if !self.visible.get_untracked().contains(&rank) {
            self.clear_filters();
        }
        self.open.set(Some(rank));
        self.panel.set(None);
        if self.dom.is_some() {
            request_animation_frame(move || browser::document::show(&event_dom_id(rank)));
        }
    }

    /// Opens the panel, remembering the focused element to return to on close.
    pub fn open_panel(&self, panel: Panel) {
        if self.panel.get_untracked().is_none() {
            if let Some(dom) = self.dom {
                dom.opener.set_value(browser::document::active_element());
            }
        }
        self.panel.set(Some(panel));
    }

    /// Closes the panel and returns focus to what opened it.
    pub fn close_panel(&self) {
        if self.panel.get_untracked().is_none() {
            return;
        }
        self.panel.set(None);
        if let Some(dom) = self.dom {
            if let Some(el) = dom.opener.get_value() {
                browser::document::focus(&el);
            }
            dom.opener.set_value(None);
        }
    }

    /// Shows a short confirmation (after sharing).
    pub fn notify(&self, message: &'static str) {
        self.notice.set(Some(message));
    }

    /// Hides the confirmation.
    pub fn clear_notice(&self) {
        self.notice.set(None);
    }
}

/// The charts module's state (see [`crate::browser::island`]): the language and theme
/// follow the document, the scale the URL; what the charts ask of the page goes to it as
/// window events.
#[derive(Clone, Copy)]
pub struct ChartsState {
    lang: RwSignal<Lang>,
    scale: RwSignal<ScaleKind>,
    /// The root text size against 16 px ([`browser::document::root_text_scale`]): charts
    /// are laid out this many times narrower and drawn this many times larger.
    text_scale: RwSignal<f64>,
}

impl ChartsState {
    /// A state in `lang` with `scale`.
    pub fn new(lang: Lang, scale: ScaleKind) -> ChartsState {
        ChartsState {
            lang: RwSignal::new(lang),
            scale: RwSignal::new(scale),
            text_scale: RwSignal::new(1.0),
        }
    }

    /// The language of the document.
    pub fn lang(&self) -> Read<Lang> {
        Read(self.lang)
    }

    /// The money chart's scale.
    pub fn scale(&self) -> Read<ScaleKind> {
        Read(self.scale)
    }

    /// The root text size against 16 px: charts are laid out this many times narrower and
    /// drawn this many times larger.
    pub fn text_scale(&self) -> Read<f64> {
        Read(self.text_scale)
    }

    /// Sets the money chart's scale, and tells the page (which keeps it in the URL).
    pub fn set_scale(&self, scale: ScaleKind) {
        self.scale.set(scale);
        browser::island::emit(&Ask::SetScale(scale));
    }

    /// Asks the page to open and show the card of event `rank`.
    pub fn go_to_event(&self, rank: u8) {
        if !browser::island::emit(&Ask::GoToEvent(rank)) {
            // No page listens: the embed view. The card opens in the fact sheet, in a new tab.
            let view = Route {
                open: Some(rank),
                ..Route::default()
            };
            let href = format!("./{}", view.link(self.lang.get_untracked()));
            if let Some(window) = web_sys::window() {
                let _ = window.open_with_url_and_target(&href, "_blank");
            }
        }
    }
}

/// The charts' state from context (provided by [`provide_charts_state`]).
pub fn use_charts() -> ChartsState {
    expect_context::<ChartsState>()
}

/// The language `<html lang>` says, if it is one of ours.
pub(crate) fn document_lang() -> Option<Lang> {
    let html = leptos::prelude::document().document_element()?;
    Lang::parse(&html.get_attribute("lang")?)
}

/// Provides the charts' state, read from the document and the URL, and keeps it in step:
/// `<html lang>` and the text size by a mutation observer, the scale by `hashchange` (the
/// back button). Call once, in the charts' root component.
pub fn provide_charts_state() -> ChartsState {
    let route = Route::parse(&browser::history::hash(), crate::data::charts_story());
    let state = ChartsState::new(document_lang().unwrap_or_default(), route.scale);
    state.text_scale.set(browser::document::root_text_scale());
    provide_context(state);
    browser::island::watch_document_attributes(move || {
        if let Some(lang) = document_lang().filter(|l| *l != state.lang.get_untracked()) {
            state.lang.set(lang);
        }
        let scale = browser::document::root_text_scale();
        if scale != state.text_scale.get_untracked() {
            state.text_scale.set(scale);
        }
    });
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        let scale = Route::parse(&browser::history::hash(), crate::data::charts_story()).scale;
        if scale != state.scale.get_untracked() {
            state.scale.set(scale);
        }
    });
    state
}

/// The state from context (provided by [`crate::components::App`]).
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// The state the build rendered this page's first view in (its language, every other
/// choice at its default), so that the live app takes that view over node for node
/// (hydration needs the same tree): for [`crate::components::App`], which provides it; then,
/// in a task of its own, [`take_over`].
pub fn first_state() -> AppState {
    AppState {
        dom: Some(Dom {
            opener: StoredValue::new_local(None),
        }),
        ..AppState::taking_over(AppState::first_view(document_lang().unwrap_or_default()))
    }
}

/// After the take-over: applies what only the browser knows (the URL's view, the reader's
/// stored choices) and keeps URL, storage and document in step with the state from then on.
/// Call under the app's owner (its effects belong to it). The pre-paint script has
/// put the text size and theme on `<html>` already, and sent a link in another language to
/// that language's page (`crates/postbuild/src/js/prepaint.js`), so this changes what the
/// controls say, and what the URL's view changes is still hidden (`data-pending`).
pub fn take_over(state: AppState) {
    let url = || {
        Route::from_url(
            &browser::history::page_path(),
            &browser::history::hash(),
            story(),
        )
    };
    let route = url();
    let stored = Stored {
        lang: browser::storage::lang().and_then(|t| Lang::parse(&t)),
        appearance: browser::storage::appearance()
            .and_then(|a| Appearance::parse(&a))
            .unwrap_or_default(),
        text: browser::storage::text_size().and_then(|t| TextSize::parse(&t)),
    };
    // What `AppState::new` would start from: a link's own choices win over the stored ones.
    change(state.appearance, stored.appearance);
    change(state.text, route.text.or(stored.text).unwrap_or_default());
    if let Some(lang) = route
        .lang
        .or(stored.lang)
        .filter(|l| *l != state.lang.get_untracked())
    {
        state.set_lang(lang);
    }
    state.apply(route);

    // State -> URL. Opening a card adds a history entry: a card is a place the reader went,
    // and the back button returns from it. Every other change (language, theme, search,
    // sort, scale, closing a card) adjusts the view in place and replaces the entry, so
    // that Back is not spent undoing taps on controls that show their own state.
    let previous = StoredValue::new(None::<Route>);
    Effect::new(move |_| {
        let route = state.route();
        let lang = route.lang.unwrap_or_default();
        let push = route.open.is_some()
            && previous.with_value(|prev| prev.as_ref().is_some_and(|p| p.open != route.open));
        browser::history::set_link(&route.link(lang), push);
        previous.set_value(Some(route));
    });

    // URL -> state: the back button (the page may change with the hash), or a link pasted
    // into the same tab (browsers fire `popstate` for a new hash too, before `hashchange`).
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        let route = url();
        if route != previous.get_value().unwrap_or_default() {
            previous.set_value(Some(route.clone()));
            state.apply(route);
        }
    });

    // Language: storage, <html lang>.
    Effect::new(move |_| {
        let lang = state.lang.get();
        browser::storage::set_lang(lang.as_str());
        browser::document::set_lang(lang.as_str());
    });

    // Appearance: storage, <html data-theme>.
    Effect::new(move |_| {
        let appearance = state.appearance.get();
        browser::storage::set_appearance(appearance.as_str());
        browser::document::set_root_attribute(
            "data-theme",
            match appearance {
                Appearance::System => None,
                other => Some(other.as_str()),
            },
        );
    });

    // Text size: storage, <html data-text> (which the pre-paint script set from the same
    // sources before the first paint, `crates/postbuild/src/js/prepaint.js`).
    Effect::new(move |_| {
        let text = state.text.get();
        browser::storage::set_text_size(text.as_str());
        browser::document::set_root_attribute(
            "data-text",
            match text {
                TextSize::Normal => None,
                other => Some(other.as_str()),
            },
        );
    });

    // The document title follows the view.
    Effect::new(move |_| {
        let lang = state.lang.get();
        let story = story();
        let title = story.title.get(lang);
        let full = match state.open.get().and_then(|rank| story.event(rank)) {
            Some(event) => format!("{} · {title}", event.title.get(lang)),
            None => title.to_owned(),
        };
        browser::document::set_title(&full);
    });

    // Escape, or a tap or click outside the panel, closes it; the marks and tiles that open
    // it are part of the opening gesture, not outside.
    let _ = use_dismiss(
        move || state.panel.get_untracked().is_some(),
        |el| {
            el.closest(".panel, [aria-haspopup=dialog]")
                .ok()
                .flatten()
                .is_some()
        },
        move |_| state.close_panel(),
    );

    // What the charts (a second module) ask of the page.
    browser::island::listen(Ask::GO_TO_EVENT, move |ask| {
        if let Ask::GoToEvent(rank) = ask {
            if story().event(rank).is_some() {
                state.go_to_event(rank);
            }
        }
    });
    browser::island::listen(Ask::SET_SCALE, move |ask| {
        if let Ask::SetScale(scale) = ask {
            state.set_scale(scale);
        }
    });
}
