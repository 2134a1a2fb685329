//! The contract between the page and the charts module (a part of the app's module that the
//! page loads when the charts come near the screen; the app's `browser::island` carries it):
//! what one asks of the other, as typed messages with their window events' names and
//! details, and the DOM names both read. Messages, not calls: the page never waits for, nor
//! holds a reference into, the charts' part.
//!
//! A message travels as a `CustomEvent` on the window whose name is [`Ask::name`] and whose
//! `detail` is the string [`Ask::detail`]; the receiver reads it back with [`Ask::parse`],
//! which refuses anything it does not know.
//!
//! ```
//! use zezhou_core::island::{Ask, Target};
//!
//! let ask = Ask::ReadAloud(Some(Target::Event(3)));
//! assert_eq!((ask.name(), ask.detail().as_str()), ("zezhou:read-aloud", "event-3"));
//! assert_eq!(Ask::parse(ask.name(), &ask.detail()), Some(ask));
//! ```

use crate::view::ScaleKind;

/// What a read-aloud control or a poster button is about: the lead (the whole sheet) or an
/// event's card. In the markup: `data-listen` and `data-poster` ([`Target::id`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// The report's lead; for a poster, the whole sheet.
    Lead,
    /// The card of the event of this rank.
    Event(u8),
}

impl Target {
    /// Its id in the markup and in messages: `lead`, `event-3`.
    #[inline]
    pub fn id(self) -> String {
        match self {
            Target::Lead => "lead".to_owned(),
            Target::Event(rank) => format!("event-{rank}"),
        }
    }

    /// The target an id names; `None` for anything else.
    #[inline]
    pub fn parse(id: &str) -> Option<Target> {
        if id == "lead" {
            return Some(Target::Lead);
        }
        rank(id.strip_prefix("event-")?).map(Target::Event)
    }
}

/// What one module asks of the other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ask {
    /// Charts → page: open and show the card of the event of this rank.
    GoToEvent(u8),
    /// Charts → page: the money chart's scale now (the page keeps it in the URL).
    SetScale(ScaleKind),
    /// Page → charts: read this target aloud, or (`None`) stop reading.
    ReadAloud(Option<Target>),
    /// Page → charts: make and share this target's poster.
    Poster(Target),
}

impl Ask {
    /// [`Ask::GoToEvent`]'s event name.
    pub const GO_TO_EVENT: &'static str = "zezhou:go-to-event";
    /// [`Ask::SetScale`]'s event name.
    pub const SET_SCALE: &'static str = "zezhou:set-scale";
    /// [`Ask::ReadAloud`]'s event name.
    pub const READ_ALOUD: &'static str = "zezhou:read-aloud";
    /// [`Ask::Poster`]'s event name.
    pub const POSTER: &'static str = "zezhou:poster";
    /// Every message's event name, in the order of the variants.
    pub const NAMES: [&'static str; 4] = [
        Ask::GO_TO_EVENT,
        Ask::SET_SCALE,
        Ask::READ_ALOUD,
        Ask::POSTER,
    ];

    /// The window event's name.
    #[inline]
    pub fn name(&self) -> &'static str {
        Ask::NAMES[match self {
            Ask::GoToEvent(_) => 0,
            Ask::SetScale(_) => 1,
            Ask::ReadAloud(_) => 2,
            Ask::Poster(_) => 3,
        }]
    }

    /// The window event's detail.
    #[inline]
    pub fn detail(&self) -> String {
        match *self {
            Ask::GoToEvent(rank) => rank.to_string(),
            Ask::SetScale(scale) => scale.as_str().to_owned(),
            Ask::ReadAloud(None) => "stop".to_owned(),
            Ask::ReadAloud(Some(target)) | Ask::Poster(target) => target.id(),
        }
    }

    /// The message of a window event named `name` with `detail`; `None` for a name or
    /// detail that is not one of ours.
    #[inline]
    pub fn parse(name: &str, detail: &str) -> Option<Ask> {
        match Ask::NAMES.iter().position(|n| *n == name)? {
            0 => rank(detail).map(Ask::GoToEvent),
            1 => ScaleKind::parse(detail).map(Ask::SetScale),
            2 if detail == "stop" => Some(Ask::ReadAloud(None)),
            2 => Target::parse(detail).map(|t| Ask::ReadAloud(Some(t))),
            _ => Target::parse(detail).map(Ask::Poster),
        }
    }
}

/// A rank written in digits only (`u8::from_str` would take a sign).
#[inline]
fn rank(digits: &str) -> Option<u8> {
    if !digits.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// The id of the element the charts module mounts into.
pub const CHARTS_ROOT: &str = "charts-root";
/// The `<meta>` that names the site's root relative to the page (the post-build step).
pub const ROOT_META: &str = "meta[name=zezhou-root]";
/// [`ROOT_META`] and every link of the head: what the page makes absolute before its address
/// first changes (the app's `browser::history::root`).
pub const ROOT_AND_LINKS: &str = "meta[name=zezhou-root], link[href]";
/// A listen control's attribute: its [`Target::id`].
pub const LISTEN: &str = "data-listen";
/// A poster button's attribute: its [`Target::id`].
pub const POSTER: &str = "data-poster";

/// The control whose press waits for the charts module to start (a listen control or a
/// poster button, `data-state="busy"`): the one request the module takes up when it starts.
pub const BUSY: &str = "[data-state=busy]";
/// [`BUSY`] when it is a listen control: a read that waits.
pub const BUSY_READ: &str = ".listen[data-state=busy]";
/// [`BUSY`] when it is a poster button: a poster that waits.
pub const BUSY_POSTER: &str = "button[data-poster][data-state=busy]";

#[cfg(test)]
mod tests {
    use super::*;

    fn every_ask() -> Vec<Ask> {
        let targets = [
            Target::Lead,
            Target::Event(1),
            Target::Event(10),
            Target::Event(255),
        ];
        let mut asks = vec![
            Ask::GoToEvent(1),
            Ask::GoToEvent(255),
            Ask::SetScale(ScaleKind::Linear),
            Ask::SetScale(ScaleKind::Log),
            Ask::ReadAloud(None),
        ];
        asks.extend(targets.iter().map(|t| Ask::ReadAloud(Some(*t))));
        asks.extend(targets.iter().map(|t| Ask::Poster(*t)));
        asks
    }

    #[test]
    fn every_message_reads_back_as_itself() {
        for ask in every_ask() {
            assert_eq!(Ask::parse(ask.name(), &ask.detail()), Some(ask), "{ask:?}");
        }
    }

    #[test]
    fn the_wire_form_is_the_markup_s() {
        // The page's markup names its controls' targets this way (`data-listen`,
        // `data-poster`): the detail of a press is the attribute as it is.
        assert_eq!(Ask::Poster(Target::Event(3)).detail(), "event-3");
        assert_eq!(Ask::ReadAloud(Some(Target::Lead)).detail(), "lead");
        assert_eq!(Ask::ReadAloud(None).detail(), "stop");
        assert_eq!(Ask::GoToEvent(7).detail(), "7");
        assert_eq!(Ask::SetScale(ScaleKind::Log).detail(), "log");
        assert_eq!(
            Target::parse(&Target::Event(9).id()),
            Some(Target::Event(9))
        );
    }

    #[test]
    fn anything_else_is_refused() {
        for (name, detail) in [
            ("zezhou:go-to-event", ""),
            ("zezhou:go-to-event", "+3"),
            ("zezhou:go-to-event", "-1"),
            ("zezhou:go-to-event", "256"),
            ("zezhou:go-to-event", "lead"),
            ("zezhou:go-to-event", "3 "),
            ("zezhou:set-scale", "cubic"),
            ("zezhou:set-scale", "LOG"),
            ("zezhou:read-aloud", ""),
            ("zezhou:read-aloud", "event-"),
            ("zezhou:read-aloud", "event-+3"),
            ("zezhou:read-aloud", "event-3x"),
            ("zezhou:read-aloud", "Stop"),
            ("zezhou:poster", "stop"),
            ("zezhou:poster", "<script>"),
            ("zezhou:other", "lead"),
            ("", ""),
        ] {
            assert_eq!(Ask::parse(name, detail), None, "{name} {detail:?}");
        }
    }

    #[test]
    fn the_dom_names_agree() {
        assert!(ROOT_AND_LINKS.starts_with(&format!("{ROOT_META}, ")));
        assert!(BUSY_READ.ends_with(BUSY) && BUSY_POSTER.ends_with(BUSY));
        assert!(BUSY_POSTER.contains(&format!("[{POSTER}]")));
    }

    #[test]
    fn each_message_has_a_name_of_its_own() {
        let mut names: Vec<&str> = Ask::NAMES.to_vec();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Ask::NAMES.len());
        for ask in every_ask() {
            assert!(ask.name().starts_with("zezhou:"));
        }
    }
}
