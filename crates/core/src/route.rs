//! The URL carries the view: language, theme filter, search, sort, open card, chart scale.
//!
//! Each language has a page of its own under the site's root ([`page_dir`]): 简体 the root
//! itself, 繁體 `zh-Hant/`, English `en/`. The hash carries the rest of the view:
//! `[#/[event/{rank}]][?theme=…&q=…&sort=…&scale=…&text=…]`, for example `en/#/event/2` or
//! `zh-Hant/#?theme=relocation&q=5222&sort=money` ([`Route::link`]).
//!
//! The root's bare address names no language, so a returning reader's stored choice applies
//! there; a 简体 link with a view names its language in the hash, `#/zh-Hans/event/2`, the
//! form every link had before the language pages (and still understood in any language:
//! `#/en/event/2` on the root opens the English view, which then moves to its page).
//!
//! Parsing never fails: whatever a link carries (a bad hash, 10 KB of junk, broken
//! percent-encoding, markup), each part that is not understood falls back to its default.

use crate::model::Lang;
use crate::view::{ScaleKind, Sort, TextSize};

/// Longest search text kept from a URL, in characters.
pub const MAX_QUERY_CHARS: usize = 64;
/// Longer hashes are not parsed at all: no real link is this long.
const MAX_HASH_BYTES: usize = 4096;

/// The state a URL carries. `lang` is `None` when the URL names no language, so that the
/// reader's stored choice applies.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Route {
    pub lang: Option<Lang>,
    pub theme: Option<String>,
    pub query: String,
    pub sort: Sort,
    /// Rank of the open card.
    pub open: Option<u8>,
    /// Scale of the money chart.
    pub scale: ScaleKind,
    /// The text size, when the link asks for a larger one; `None` leaves the reader's own.
    pub text: Option<TextSize>,
}

/// What the parser needs to know about the story to reject ids that do not exist.
pub trait RouteTargets {
    /// True when `id` names a theme.
    fn has_theme(&self, id: &str) -> bool;
    /// True when `rank` names an event.
    fn has_event(&self, rank: u8) -> bool;
}

impl RouteTargets for crate::model::Story {
    fn has_theme(&self, id: &str) -> bool {
        self.themes.iter().any(|t| t.id == id)
    }
    fn has_event(&self, rank: u8) -> bool {
        self.events.iter().any(|e| e.rank == rank)
    }
}

impl Route {
    /// Parses `location.hash` (with or without the leading `#`). Never fails.
    pub fn parse(hash: &str, targets: &impl RouteTargets) -> Route {
        let mut route = Route::default();
        if hash.len() > MAX_HASH_BYTES {
            return route;
        }
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));

        let mut segments = path.split('/').filter(|s| !s.is_empty());
        if let Some(first) = segments.next() {
            match Lang::parse(first) {
                Some(lang) => {
                    route.lang = Some(lang);
                    route.open = parse_event(segments.next(), segments.next(), targets);
                }
                None => route.open = parse_event(Some(first), segments.next(), targets),
            }
        }

        for pair in query.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let Some(value) = percent_decode(value) else {
                continue;
            };
            match key {
                "theme" if targets.has_theme(&value) => route.theme = Some(value),
                "q" => route.query = clean_query(&value),
                "sort" => route.sort = Sort::parse(&value).unwrap_or_default(),
                "scale" => route.scale = ScaleKind::parse(&value).unwrap_or_default(),
                "text" => route.text = TextSize::parse(&value).filter(|t| *t != TextSize::Normal),
                _ => {}
            }
        }
        route
    }

    /// The hash for this state, always starting `#/{lang}`; defaults are left out.
    #[inline]
    pub fn to_hash(&self, lang: Lang) -> String {
        let mut out = format!("#/{}", lang.as_str());
        if let Some(rank) = self.open {
            out.push_str(&format!("/event/{rank}"));
        }
        let mut params: Vec<(&str, String)> = Vec::new();
        if let Some(theme) = &self.theme {
            params.push(("theme", percent_encode(theme)));
        }
        // Spaces alone are no search (they find every event): they stay out of the URL.
        let query = self.query.trim();
        if !query.is_empty() {
            params.push(("q", percent_encode(query)));
        }
        if self.sort != Sort::default() {
            params.push(("sort", self.sort.as_str().to_owned()));
        }
        if self.scale != ScaleKind::default() {
            params.push(("scale", self.scale.as_str().to_owned()));
        }
        if let Some(text) = self.text.filter(|t| *t != TextSize::Normal) {
            params.push(("text", text.as_str().to_owned()));
        }
        for (i, (key, value)) in params.iter().enumerate() {
            out.push(if i == 0 { '?' } else { '&' });
            out.push_str(key);
            out.push('=');
            out.push_str(value);
        }
        out
    }
}

/// The folder of `lang`'s page under the site's root: `""` for 简体 (the root's own page),
/// `"zh-Hant/"`, `"en/"`. The post-build step writes each page there.
#[inline]
pub fn page_dir(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhHans => "",
        Lang::ZhHant => "zh-Hant/",
        Lang::En => "en/",
    }
}

/// The language whose page `path` is, `path` being relative to the site's root (`en/`,
/// `en/index.html`); `None` for the root's page and for any other path.
#[inline]
pub fn page_lang(path: &str) -> Option<Lang> {
    let folder = path.strip_suffix("index.html").unwrap_or(path);
    Lang::ALL
        .into_iter()
        .find(|&lang| !page_dir(lang).is_empty() && page_dir(lang) == folder)
}

impl Route {
    /// The view of a URL: `path` relative to the site's root (its page), and its hash. A
    /// language in the hash (links from before the language pages) wins over the page's.
    #[inline]
    pub fn from_url(path: &str, hash: &str, targets: &impl RouteTargets) -> Route {
        let mut route = Route::parse(hash, targets);
        route.lang = route.lang.or_else(|| page_lang(path));
        route
    }

    /// The address of this view in `lang`, relative to the site's root: the language's page
    /// and the hash of the rest. 简体's page is the root, whose bare address names no
    /// language, so there the hash names it whenever it carries anything.
    #[inline]
    pub fn link(&self, lang: Lang) -> String {
        let hash = self.to_hash(lang);
        let rest = &hash[2 + lang.as_str().len()..];
        let hash = match (lang, rest) {
            (_, "") => String::new(),
            (Lang::ZhHans, _) => hash,
            (_, rest) => format!("#{rest}"),
        };
        format!("{}{hash}", page_dir(lang))
    }
}

fn parse_event(
    keyword: Option<&str>,
    rank: Option<&str>,
    targets: &impl RouteTargets,
) -> Option<u8> {
    if keyword != Some("event") {
        return None;
    }
    let rank: u8 = rank?.parse().ok()?;
    targets.has_event(rank).then_some(rank)
}

/// Drops control characters and caps the length of a search text as it is typed (spaces
/// stay, so a second word can follow).
#[inline]
pub fn limit_query(raw: &str) -> String {
    raw.chars()
        .filter(|c| !c.is_control())
        .take(MAX_QUERY_CHARS)
        .collect()
}

/// [`limit_query`], trimmed: for search text read from a URL.
#[inline]
pub fn clean_query(raw: &str) -> String {
    limit_query(raw).trim().to_owned()
}

/// Decodes `%XX` escapes and `+` as space; `None` for broken escapes or invalid UTF-8.
#[inline]
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                // Exactly two hex digits (`u8::from_str_radix` took a sign: "%+F" was 0x0F).
                let digit = |at: usize| char::from(*bytes.get(at)?).to_digit(16);
                out.push((digit(i + 1)? * 16 + digit(i + 2)?) as u8);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Encodes everything but unreserved ASCII as UTF-8 `%XX`.
#[inline]
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Targets;
    impl RouteTargets for Targets {
        fn has_theme(&self, id: &str) -> bool {
            matches!(id, "relocation" | "health")
        }
        fn has_event(&self, rank: u8) -> bool {
            (1..=10).contains(&rank)
        }
    }

    #[track_caller]
    fn parse(hash: &str) -> Route {
        Route::parse(hash, &Targets)
    }

    #[test]
    fn reads_language_and_open_card() {
        let r = parse("#/zh-Hans/event/2");
        assert_eq!(r.lang, Some(Lang::ZhHans));
        assert_eq!(r.open, Some(2));
        let r = parse("#/en");
        assert_eq!(r.lang, Some(Lang::En));
        assert_eq!(r.open, None);
        // Without a language, the card still opens and the stored language applies.
        let r = parse("#/event/10");
        assert_eq!((r.lang, r.open), (None, Some(10)));
    }

    #[test]
    fn reads_filters() {
        let r = parse("#/zh-Hant?theme=relocation&q=%E6%90%AC%E9%81%B7&sort=money&scale=log");
        assert_eq!(r.lang, Some(Lang::ZhHant));
        assert_eq!(r.theme.as_deref(), Some("relocation"));
        assert_eq!(r.query, "搬遷");
        assert_eq!(r.sort, Sort::Money);
        assert_eq!(r.scale, ScaleKind::Log);
    }

    #[test]
    fn round_trips_through_the_hash() {
        let route = Route {
            lang: Some(Lang::En),
            theme: Some("health".into()),
            query: "5 222 & <b>".into(),
            sort: Sort::People,
            open: Some(5),
            scale: ScaleKind::Log,
            text: Some(TextSize::ExtraLarge),
        };
        let hash = route.to_hash(Lang::En);
        assert_eq!(parse(&hash), route, "{hash}");
    }

    #[test]
    fn each_language_has_its_page() {
        assert_eq!(page_lang(""), None);
        assert_eq!(page_lang("index.html"), None);
        assert_eq!(page_lang("en/"), Some(Lang::En));
        assert_eq!(page_lang("en/index.html"), Some(Lang::En));
        assert_eq!(page_lang("zh-Hant/"), Some(Lang::ZhHant));
        for other in [
            "en",
            "zh-Hans/",
            "EN/",
            "fr/",
            "en/x/",
            "x/en/",
            "en/index.htm",
            "404.html",
        ] {
            assert_eq!(page_lang(other), None, "{other}");
        }
        for lang in Lang::ALL {
            let page = format!("{}index.html", page_dir(lang));
            assert_eq!(page_lang(&page).unwrap_or(Lang::ZhHans), lang, "{page}");
        }
    }

    #[test]
    fn a_link_is_the_language_page_and_the_view() {
        let card = Route {
            open: Some(3),
            ..Route::default()
        };
        let filtered = Route {
            theme: Some("health".into()),
            ..Route::default()
        };
        let cases = [
            (Route::default(), Lang::ZhHans, ""),
            (Route::default(), Lang::ZhHant, "zh-Hant/"),
            (Route::default(), Lang::En, "en/"),
            (card.clone(), Lang::En, "en/#/event/3"),
            (card.clone(), Lang::ZhHant, "zh-Hant/#/event/3"),
            // The root's bare address names no language: a 简体 view says it in the hash.
            (card, Lang::ZhHans, "#/zh-Hans/event/3"),
            (filtered.clone(), Lang::En, "en/#?theme=health"),
            (filtered, Lang::ZhHans, "#/zh-Hans?theme=health"),
        ];
        for (route, lang, link) in cases {
            assert_eq!(route.link(lang), link);
            // And back: the link opens the same view in the same language.
            let (path, hash) = link.split_at(link.find('#').unwrap_or(link.len()));
            let back = Route::from_url(path, hash, &Targets);
            let lang_named = if link.is_empty() { None } else { Some(lang) };
            assert_eq!(
                back,
                Route {
                    lang: lang_named,
                    ..route
                },
                "{link}"
            );
        }
    }

    #[test]
    fn a_language_in_the_hash_wins_over_the_page() {
        // Links from before the language pages keep their view, on any page.
        let old = Route::from_url("", "#/en/event/3", &Targets);
        assert_eq!((old.lang, old.open), (Some(Lang::En), Some(3)));
        let mixed = Route::from_url("zh-Hant/", "#/en?sort=money", &Targets);
        assert_eq!((mixed.lang, mixed.sort), (Some(Lang::En), Sort::Money));
        let page = Route::from_url("zh-Hant/index.html", "#/event/2", &Targets);
        assert_eq!((page.lang, page.open), (Some(Lang::ZhHant), Some(2)));
        // The root's bare address names none: the stored choice applies.
        assert_eq!(Route::from_url("", "", &Targets).lang, None);
    }

    #[test]
    fn defaults_are_left_out_of_the_hash() {
        assert_eq!(Route::default().to_hash(Lang::ZhHans), "#/zh-Hans");
    }

    #[test]
    fn junk_opens_the_default_view() {
        let long = "x".repeat(10 * 1024);
        let junk_query = format!("#/en?q={}", "%41".repeat(5000));
        for junk in [
            "",
            "#",
            "#/",
            "#//",
            "garbage",
            "#/fr",
            "#/zh-Hans/event/0",
            "#/zh-Hans/event/11",
            "#/zh-Hans/event/999999999999",
            "#/zh-Hans/event/-1",
            "#/zh-Hans/event/",
            "#/zh-Hans/evt/2",
            "#?theme=nope",
            "#?sort=sideways&scale=cubic",
            "#?text=huge",
            "#?text=LARGE",
            "#?q=%E0%A4%A",
            "#?q=%ZZ",
            "#?q=%FF%FE",
            "#/<script>alert(1)</script>",
            "#/zh-Hans?theme=<script>",
            "#\u{0}\u{1}\u{7f}",
            "#/%00/event/%32",
            long.as_str(),
        ] {
            let r = parse(junk);
            assert_eq!(r.open, None, "{junk:?}");
            assert_eq!(r.theme, None, "{junk:?}");
            assert_eq!(r.sort, Sort::Report, "{junk:?}");
            assert_eq!(r.scale, ScaleKind::Linear, "{junk:?}");
            assert!(r.query.is_empty(), "{junk:?}");
            assert_eq!(r.text, None, "{junk:?}");
        }
        // A long but well-formed query is capped, not dropped.
        let r = parse(&junk_query);
        assert!(r.query.chars().count() <= MAX_QUERY_CHARS);
    }

    #[test]
    fn a_link_carries_a_larger_text_size_and_only_that() {
        assert_eq!(parse("#/zh-Hans?text=large").text, Some(TextSize::Large));
        assert_eq!(
            parse("#/en/event/3?text=xl").text,
            Some(TextSize::ExtraLarge)
        );
        // The normal size is no request: the reader's own choice applies.
        assert_eq!(parse("#/en?text=normal").text, None);
        let normal = Route {
            text: Some(TextSize::Normal),
            ..Route::default()
        };
        assert_eq!(normal.to_hash(Lang::En), "#/en");
        let large = Route {
            text: Some(TextSize::Large),
            ..Route::default()
        };
        assert_eq!(large.to_hash(Lang::ZhHant), "#/zh-Hant?text=large");
    }

    // Bug (issue 12): a search of spaces wrote `?q=%20%20%20` into the URL.
    #[test]
    fn blank_search_text_stays_out_of_the_hash() {
        let route = Route {
            query: "   ".into(),
            ..Route::default()
        };
        assert_eq!(route.to_hash(Lang::En), "#/en");
        let route = Route {
            query: " 搬迁 ".into(),
            ..Route::default()
        };
        assert_eq!(route.to_hash(Lang::En), "#/en?q=%E6%90%AC%E8%BF%81");
    }

    #[test]
    fn search_text_is_cleaned() {
        assert_eq!(parse("#?q=%20%20relocation%0A").query, "relocation");
        assert_eq!(parse("#?q=a+b").query, "a b");
    }

    #[test]
    fn percent_coding_is_exact() {
        assert_eq!(percent_encode("搬迁 a&b"), "%E6%90%AC%E8%BF%81%20a%26b");
        assert_eq!(
            percent_decode("%E6%90%AC%E8%BF%81").as_deref(),
            Some("搬迁")
        );
        assert_eq!(percent_decode("%E0%A4%A"), None);
        assert_eq!(percent_decode("%"), None);
        assert_eq!(percent_decode("%C3%28"), None);
    }

    #[test]
    fn an_escape_is_exactly_two_hex_digits() {
        // Bug (issue 13): "%+F" decoded to "\u{f}" (a sign taken as part of the number),
        // though the doc says broken escapes give None.
        for broken in ["%+F", "%+0", "%-1", "%-0", "% F", "%G1", "a%+Fb"] {
            assert_eq!(percent_decode(broken), None, "{broken}");
        }
        assert_eq!(percent_decode("%0f%2B").as_deref(), Some("\u{f}+"));
        // A search with such an escape is dropped, as any broken one (it read "ab").
        assert_eq!(parse("#?q=a%+Fb"), parse(""));
    }
}
