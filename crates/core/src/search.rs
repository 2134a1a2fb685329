//! Search, theme filter and sort over the ten events: pure, so host tests prove that
//! "5222", "搬迁", "搬遷" and "relocation" all find event 2.

use crate::format;
use crate::model::{Event, Kind, Lang, Provenance, Story};
use crate::text::sort_small_by_key;
use crate::view::Sort;

/// Folds text for matching: ASCII lower case (the texts are Chinese and English; full Unicode
/// case tables would add 10 KB to the bundle), full-width ASCII to half-width, and no spaces,
/// commas, quotes, apostrophes or ideographic punctuation, so "5,222" matches "5222",
/// "Ｒｅｌｏｃａｔｉｏｎ" matches "relocation" and "people's", typed with a keyboard's straight
/// apostrophe, matches the texts' typographic "people’s".
#[inline]
pub(crate) fn fold(text: &str) -> String {
    text.chars()
        .filter_map(|c| {
            let c = match c {
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                '\u{3000}' => ' ',
                _ => c,
            };
            if c.is_whitespace()
                || matches!(
                    c,
                    ',' | '，' | '、' | '。' | '“' | '”' | '"' | '\'' | '‘' | '’'
                )
            {
                None
            } else {
                Some(c.to_ascii_lowercase())
            }
        })
        .collect()
}

/// Everything a reader might type to find one event, folded: its texts in all three
/// languages, its themes, and its figures' labels and values in every format.
#[derive(Clone, Debug)]
pub struct SearchIndex {
    entries: Vec<(u8, String)>,
}

impl SearchIndex {
    /// Builds the index once for a story.
    #[inline]
    pub fn new(story: &Story) -> SearchIndex {
        let entries = story
            .events
            .iter()
            .map(|event| (event.rank, fold(&event_haystack(story, event))))
            .collect();
        SearchIndex { entries }
    }

    /// Ranks of the events whose text contains every word of `query` (all, for a blank query).
    #[inline]
    pub(crate) fn matches(&self, query: &str) -> Vec<u8> {
        let words: Vec<String> = query
            .split(|c: char| c.is_whitespace() || c == '\u{3000}')
            .map(fold)
            .filter(|w| !w.is_empty())
            .map(|w| plain_amount(&w).unwrap_or(w))
            .collect();
        self.entries
            .iter()
            .filter(|(_, hay)| words.iter().all(|w| hay.contains(w.as_str())))
            .map(|(rank, _)| *rank)
            .collect()
    }
}

/// A whole amount in 万 or 亿 (萬, 億), with or without 元, as the plain number it stands for:
/// "12800万" is "128000000", which is how the index holds every figure's value, so it finds
/// the report's "1.28亿". `None` for anything else (a decimal such as "1.28亿" is found as
/// the report writes it).
#[inline]
pub(crate) fn plain_amount(word: &str) -> Option<String> {
    let word = word.strip_suffix('元').unwrap_or(word);
    let mut chars = word.chars();
    let zeros = match chars.next_back()? {
        '万' | '萬' => "0000",
        '亿' | '億' => "00000000",
        _ => return None,
    };
    let number = chars.as_str();
    (!number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()))
        .then(|| number.to_owned() + zeros)
}

#[inline]
fn event_haystack(story: &Story, event: &Event) -> String {
    let mut hay = String::new();
    let mut push = |s: &str| {
        hay.push_str(s);
        hay.push('\n');
    };
    for lang in Lang::ALL {
        push(event.title.get(lang));
        push(event.short.get(lang));
        push(event.summary.get(lang));
        push(event.text.get(lang));
        for id in &event.themes {
            if let Some(theme) = story.theme(id) {
                push(theme.label.get(lang));
            }
        }
        for figure in story.event_figures(event.rank) {
            push(figure.label.get(lang));
            push(&format::figure(figure, lang));
        }
    }
    for figure in story.event_figures(event.rank) {
        push(&figure.value.to_string());
        if let Provenance::Reported(span) = &figure.provenance {
            push(&span.text.hans);
            push(&span.text.hant);
        }
    }
    hay
}

/// The events to show: those in `theme` (any, when `None`) that match `query`, in `sort`
/// order. Ties keep the report's order.
#[inline]
pub fn visible_events(
    story: &Story,
    index: &SearchIndex,
    theme: Option<&str>,
    query: &str,
    sort: Sort,
) -> Vec<u8> {
    let found = index.matches(query);
    let mut ranks: Vec<u8> = story
        .events
        .iter()
        .filter(|e| theme.is_none_or(|t| e.themes.iter().any(|id| id == t)))
        .map(|e| e.rank)
        .filter(|rank| found.contains(rank))
        .collect();
    match sort {
        Sort::Report => {}
        Sort::Money => sort_small_by_key(&mut ranks, |&rank| {
            std::cmp::Reverse(largest(story, rank, Kind::is_outlay))
        }),
        Sort::People => sort_small_by_key(&mut ranks, |&rank| {
            std::cmp::Reverse(largest(story, rank, |k| k == Kind::People))
        }),
    }
    ranks
}

/// The largest reported figure of a kind that `of` accepts in an event, for sorting (`None`
/// sorts last). "Most money" counts money spent or invested, as the money chart does, not
/// loans issued.
#[inline]
pub(crate) fn largest(
    story: &Story,
    rank: u8,
    of: fn(Kind) -> bool,
) -> Option<crate::model::Decimal> {
    story
        .event_figures(rank)
        .filter(|f| of(f.kind) && matches!(f.provenance, Provenance::Reported(_)))
        .map(|f| f.value)
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::story;

    #[track_caller]
    fn find(query: &str) -> Vec<u8> {
        SearchIndex::new(story()).matches(query)
    }

    #[test]
    fn finds_relocation_in_every_script_and_by_figure() {
        for query in [
            "5222",
            "2551",
            "搬迁",
            "搬遷",
            "relocation",
            "RELOCATION",
            "Ｒｅｌｏｃａｔｉｏｎ",
            "1.28亿",
        ] {
            let found = find(query);
            assert!(!found.is_empty(), "{query:?} finds nothing");
            if query != "5222" {
                assert!(found.contains(&2), "{query:?} misses event 2: {found:?}");
            }
        }
        assert_eq!(find("5222"), vec![1]);
        assert!(find("5,222").contains(&1));
    }

    // Bug (issue 12): "12800万" found nothing, although "1.28亿", the same amount, did.
    #[test]
    fn an_amount_is_found_however_it_is_written() {
        for query in [
            "12800万",
            "12800万元",
            "12800萬元",
            "1.28亿",
            "1.28億",
            "128000000",
            "12,800万",
        ] {
            assert_eq!(find(query), vec![2], "{query:?}");
        }
        assert!(find("12800亿").is_empty());
        assert_eq!(plain_amount("12800万"), Some("128000000".into()));
        assert_eq!(plain_amount("3億元"), Some("300000000".into()));
        for other in ["万", "万元", "1.28亿", "搬迁", "a万", "5222"] {
            assert_eq!(plain_amount(other), None, "{other:?}");
        }
    }

    #[test]
    fn blank_query_finds_all_and_nonsense_finds_none() {
        assert_eq!(find("").len(), 10);
        assert_eq!(find("   ").len(), 10);
        assert!(find("zzzzqqq").is_empty());
        assert!(find("<script>").is_empty());
    }

    #[test]
    fn every_word_must_match() {
        assert!(find("搬迁 2551").contains(&2));
        assert!(find("搬迁 zzzz").is_empty());
    }

    #[test]
    fn filters_by_theme_and_sorts() {
        let s = story();
        let index = SearchIndex::new(s);
        let all = visible_events(s, &index, None, "", Sort::Report);
        assert_eq!(all, (1..=10).collect::<Vec<u8>>());
        let relocation = visible_events(s, &index, Some("relocation"), "", Sort::Report);
        assert!(relocation.contains(&2));
        assert!(relocation.len() < 10);
        let by_money = visible_events(s, &index, None, "", Sort::Money);
        assert_eq!(by_money[0], 2, "relocation's 1.28亿 is the most money");
        assert_eq!(by_money.len(), 10);
        let by_people = visible_events(s, &index, None, "", Sort::People);
        assert_eq!(by_people[0], 1, "5222 people lifted is the most people");
    }

    #[test]
    fn folding_is_exact() {
        assert_eq!(fold("5,222 People"), "5222people");
        assert_eq!(fold("Ｒｅｌｏ　ｃａｔｉｏｎ"), "relocation");
        assert_eq!(fold("“雙簽”"), "雙簽");
        assert_eq!(fold("People's ‘x’"), "peoplesx");
    }

    // The English texts write apostrophes as ’ (households’); a reader types '.
    #[test]
    fn an_apostrophe_is_found_however_it_is_typed() {
        let event_9 = &story().event(9).expect("event 9").text.en;
        assert!(event_9.contains("poor households’ farm"), "{event_9}");
        for query in ["households' farm", "households’ farm", "HOUSEHOLDS'FARM"] {
            assert!(find(query).contains(&9), "{query:?}");
        }
        assert_eq!(find("households' farm sideline"), vec![9]);
    }
}
