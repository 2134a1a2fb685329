//! The reader's view choices and the names the page, its markup and its state share: the
//! lowest module after [`crate::model`] (which holds [`Lang`](crate::model::Lang), the
//! story's own axis), so that every other module, here and in the app, can use them without
//! importing one above it.

/// How the cards are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    /// The report's own order, 1 to 10.
    #[default]
    Report,
    /// Most money first.
    Money,
    /// Most people first.
    People,
}

impl Sort {
    /// Every order, as the sort control lists them.
    pub const ALL: [Sort; 3] = [Sort::Report, Sort::Money, Sort::People];

    /// Stable identifier used in URLs and CSS.
    #[inline]
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Report => "report",
            Sort::Money => "money",
            Sort::People => "people",
        }
    }

    /// The order named by [`Sort::as_str`]; `None` for anything else.
    #[inline]
    pub(crate) fn parse(s: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|o| o.as_str() == s)
    }
}

/// The size of the whole app's text: the reader's own choice, kept across visits and in
/// shared links. Larger sizes also bring wider spacing, larger targets and simpler chrome
/// (`style/elder.css`, 长辈模式).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TextSize {
    #[default]
    Normal,
    /// 1.5 times the normal size: 长辈模式.
    Large,
    /// A further step, 1.75 times.
    ExtraLarge,
}

impl TextSize {
    pub(crate) const ALL: [TextSize; 3] = [TextSize::Normal, TextSize::Large, TextSize::ExtraLarge];

    /// Stable identifier, used in URLs, storage and `<html data-text>`.
    #[inline]
    pub fn as_str(self) -> &'static str {
        match self {
            TextSize::Normal => "normal",
            TextSize::Large => "large",
            TextSize::ExtraLarge => "xl",
        }
    }

    /// Parses a stored or linked value; `None` for anything else.
    #[inline]
    pub fn parse(s: &str) -> Option<TextSize> {
        TextSize::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// Light, dark, whatever the system says, or high contrast (text and controls at WCAG AAA
/// contrast, 7:1).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Appearance {
    #[default]
    System,
    Light,
    Dark,
    Contrast,
}

impl Appearance {
    /// Every choice, as the switch cycles through them.
    pub const ALL: [Appearance; 4] = [
        Appearance::System,
        Appearance::Light,
        Appearance::Dark,
        Appearance::Contrast,
    ];

    /// Stable identifier, stored and used as `<html data-theme>`.
    #[inline]
    pub fn as_str(self) -> &'static str {
        match self {
            Appearance::System => "system",
            Appearance::Light => "light",
            Appearance::Dark => "dark",
            Appearance::Contrast => "contrast",
        }
    }

    /// Parses a stored value; `None` for anything else.
    #[inline]
    pub fn parse(s: &str) -> Option<Appearance> {
        Appearance::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// Linear or logarithmic: how the money chart spaces its values (a reader's switch, and in
/// the URL as `scale=log`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ScaleKind {
    /// Equal distances for equal differences; bars from zero. The default.
    #[default]
    Linear,
    /// Equal distances for equal ratios; for values that differ 100-fold or more.
    Log,
}

impl ScaleKind {
    /// Both kinds, in the order a switch shows them.
    pub const ALL: [ScaleKind; 2] = [ScaleKind::Linear, ScaleKind::Log];

    /// Stable identifier: URLs and CSS modifier classes.
    #[inline]
    pub fn as_str(self) -> &'static str {
        match self {
            ScaleKind::Linear => "linear",
            ScaleKind::Log => "log",
        }
    }

    /// The kind named by [`ScaleKind::as_str`]; `None` for anything else.
    #[inline]
    pub fn parse(s: &str) -> Option<ScaleKind> {
        ScaleKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// The DOM id of an event's card; its title and body ids add `-title` and `-body`.
#[inline]
pub fn event_dom_id(rank: u8) -> String {
    format!("event-{rank}")
}
