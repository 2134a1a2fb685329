//! Read-aloud, the plain part: a text cut into sentences, what a voice should say for each
//! sentence, and which of the device's voices reads a language.
//!
//! The browser part (the app's `browser::speech`) speaks one sentence at a time with the Web
//! Speech API and highlights the sentence's `<span class="sentence">`, which [`crate::html`]
//! writes around the same ranges `sentences` finds; so the spans and the spoken sentences
//! always correspond (a host test checks it for every card and the lead).

use crate::format;
use crate::model::{Decimal, Lang};

/// Characters that end a Chinese sentence (or clause, for `；`, which the report uses
/// between long clauses: reading and highlighting go clause by clause).
const CHINESE_ENDS: [char; 4] = ['。', '！', '？', '；'];

/// Characters that end an English sentence or clause (`;` as the Chinese `；`, which the
/// translation keeps), when a space or the end of the text follows.
const ENGLISH_ENDS: [char; 4] = ['.', '!', '?', ';'];

/// Closing quotes and brackets that belong to the sentence they close.
const CLOSERS: [char; 8] = ['”', '’', '"', '\'', ')', '）', '」', '』'];

/// Words that a full stop follows without ending the sentence (compared case-insensitively,
/// without the stop).
const ABBREVIATIONS: [&str; 12] = [
    "no", "nos", "e.g", "i.e", "mr", "mrs", "ms", "dr", "st", "vs", "approx", "cf",
];

/// The byte ranges of the sentences of `text`, in order, without the spaces between them.
///
/// Chinese (both scripts) ends a sentence after `。！？；`; English after `.` `!` `?` `;`
/// followed by a space or the end: a decimal point (`0.89`, `1.1 million`) is not followed
/// by a space, and a stop after an abbreviation (`No. 3`, `e.g.`) or before a word in lower
/// case does not end the sentence. Closing quotes go with the sentence they close. Text after
/// the last end is a sentence too; an empty text has none.
#[inline]
pub(crate) fn sentences(text: &str, lang: Lang) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let ends = if lang.is_chinese() {
            CHINESE_ENDS.contains(&c)
        } else {
            ENGLISH_ENDS.contains(&c)
        };
        if !ends {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, q)) = chars.peek() {
            if !CLOSERS.contains(&q) {
                break;
            }
            end = j + q.len_utf8();
            chars.next();
        }
        if !lang.is_chinese() && !english_end(text, i, end) {
            continue;
        }
        push_trimmed(&mut out, text, start, end);
        start = end;
    }
    push_trimmed(&mut out, text, start, text.len());
    out
}

/// True when the stop at `stop` (its closers up to `end`) ends an English sentence.
#[inline]
fn english_end(text: &str, stop: usize, end: usize) -> bool {
    let rest = &text[end..];
    let Some(next) = rest.trim_start().chars().next() else {
        return true;
    };
    if !rest.starts_with(char::is_whitespace) {
        return false;
    }
    if text[stop..].starts_with('.') {
        let word = text[..stop]
            .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“')
            .next()
            .unwrap_or("");
        let initial = word.len() == 1 && word.starts_with(|c: char| c.is_ascii_uppercase());
        if initial || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word)) {
            return false;
        }
        if next.is_ascii_lowercase() {
            return false;
        }
    }
    true
}

/// Pushes `text[start..end]` without its surrounding white space, unless nothing is left.
#[inline]
fn push_trimmed(out: &mut Vec<(usize, usize)>, text: &str, start: usize, end: usize) {
    let part = &text[start..end];
    let trimmed = part.trim_start();
    let from = start + (part.len() - trimmed.len());
    let to = from + trimmed.trim_end().len();
    if to > from {
        out.push((from, to));
    }
}

/// What a voice should say for `sentence` of `lang`, where the written form would be read
/// badly:
///
/// - English money: an amount of a million yuan or more, written with every digit in the
///   text (`19,250,400 yuan`), is said in millions as the tiles show it
///   (`CNY 19.25 million`), with the word rather than the code a voice would spell out:
///   "19.25 million yuan"; smaller amounts stay as written (`3,000 yuan`);
/// - `kW` is "kilowatts"; a range of years `2016–2017` is "2016 to 2017" (English) or
///   `2016至2017` (Chinese, where a voice would say 减);
/// - Chinese `+` (`互联网+`) is 加.
///
/// Chinese figures (`1925.04万元`, `0.89%`, `1.28亿`) are what a Chinese voice reads well,
/// and stay as written.
#[inline]
pub fn spoken(sentence: &str, lang: Lang) -> String {
    let en = lang == Lang::En;
    let mut out = String::with_capacity(sentence.len() + 16);
    let mut rest = sentence;
    while let Some(c) = rest.chars().next() {
        if c.is_ascii_digit() {
            let len = rest
                .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
                .unwrap_or(rest.len());
            // A trailing comma or stop ends the clause, not the number.
            let number = rest[..len].trim_end_matches([',', '.']);
            rest = &rest[number.len()..];
            // Whole yuan only: a decimal point leaves the number as written.
            let value = number
                .bytes()
                .filter(|b| *b != b',')
                .try_fold(0i64, |n, b| {
                    b.is_ascii_digit()
                        .then(|| n.saturating_mul(10).saturating_add(i64::from(b - b'0')))
                });
            match value {
                Some(n) if en && n >= 1_000_000 && rest.starts_with(" yuan") => {
                    let shown = format::yuan(Decimal::from_int(n), Lang::En);
                    out.push_str(shown.trim_start_matches("CNY "));
                }
                _ => out.push_str(number),
            }
            // A range of numbers: 2016–2017, 2016-2017.
            if let Some(after) = rest
                .strip_prefix(['–', '-'])
                .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))
            {
                out.push_str(if en { " to " } else { "至" });
                rest = after;
            }
            continue;
        }
        let (word, len) = match c {
            'k' if en
                && rest.starts_with("kW")
                && !rest[2..].starts_with(|c: char| c.is_ascii_alphanumeric()) =>
            {
                ("kilowatts", 2)
            }
            '+' if !en => ("加", 1),
            _ => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
                continue;
            }
        };
        out.push_str(word);
        rest = &rest[len..];
    }
    out
}

/// A voice the device offers, as far as choosing one goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Voice<'a> {
    /// Its BCP 47 language tag as the browser gives it (`zh-CN`, `en_US` on some Androids).
    pub lang: &'a str,
    /// True when it speaks on the device (`localService`).
    pub local: bool,
    /// True for the system's default voice.
    pub default: bool,
}

/// Language tags that read `lang`, best first (each matched as a prefix, [`tag_matches`]).
#[inline]
fn wanted(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::ZhHans => &[
            "zh-CN", "cmn-CN", "zh-Hans", "cmn-Hans", "zh-SG", "zh", "cmn",
        ],
        Lang::ZhHant => &[
            "zh-TW", "cmn-TW", "zh-Hant", "cmn-Hant", "zh-HK", "yue", "zh-MO", "zh", "cmn",
        ],
        Lang::En => &["en"],
    }
}

/// True when `tag` is `prefix` or starts with `prefix` and a hyphen (BCP 47 prefix matching,
/// case-insensitive; `_` taken as `-`).
#[inline]
pub(crate) fn tag_matches(tag: &str, prefix: &str) -> bool {
    let tag = tag.as_bytes();
    let prefix = prefix.as_bytes();
    tag.len() >= prefix.len()
        && tag
            .iter()
            .zip(prefix)
            .all(|(a, b)| a.eq_ignore_ascii_case(b) || (*a == b'_' && *b == b'-'))
        && matches!(tag.get(prefix.len()), None | Some(b'-' | b'_'))
}

/// The index of the voice that should read `lang`, if any: the best language match (for
/// simplified Chinese zh-CN, for traditional zh-TW then zh-HK, for English any en-*; another
/// Chinese voice before none), then a voice on the device before a network one, then the
/// system's default, then the first.
#[inline]
pub fn choose_voice(voices: &[Voice], lang: Lang) -> Option<usize> {
    let wanted = wanted(lang);
    voices
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            let rank = wanted.iter().position(|w| tag_matches(v.lang, w))?;
            Some(((rank, !v.local, !v.default, i), i))
        })
        .min()
        .map(|(_, i)| i)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Event, Story};

    /// What a card says, in order: its heading, then each sentence of its text, spoken
    /// ([`spoken`]). The tests' reference for what read-aloud says (the browser speaks the
    /// sentences of [`sentences`] one by one, [`spoken`]).
    pub(crate) fn event_script(event: &Event, lang: Lang) -> Vec<String> {
        let mut script = vec![spoken(event.title.get(lang), lang)];
        script.extend(script_of(event.text.get(lang), lang));
        script
    }

    /// What the lead says: each of its sentences, spoken.
    pub(crate) fn lead_script(story: &Story, lang: Lang) -> Vec<String> {
        script_of(story.lead.get(lang), lang).collect()
    }

    fn script_of(text: &str, lang: Lang) -> impl Iterator<Item = String> + '_ {
        sentences(text, lang)
            .into_iter()
            .map(move |(a, b)| spoken(&text[a..b], lang))
    }
    use crate::data::story;

    /// The sentences of `text` as strings.
    #[track_caller]
    fn split(text: &str, lang: Lang) -> Vec<&str> {
        sentences(text, lang)
            .into_iter()
            .map(|(a, b)| &text[a..b])
            .collect()
    }

    #[test]
    fn chinese_splits_after_full_stops_and_semicolons() {
        let text = "全县共减贫2078户5222人，贫困发生率降至0.89%；投入1925.04万元。实现“破零”。好！";
        assert_eq!(
            split(text, Lang::ZhHans),
            [
                "全县共减贫2078户5222人，贫困发生率降至0.89%；",
                "投入1925.04万元。",
                "实现“破零”。",
                "好！"
            ]
        );
        // A closing quote after the stop goes with its sentence.
        assert_eq!(
            split("他说：“好。”然后走了", Lang::ZhHans),
            ["他说：“好。”", "然后走了"]
        );
        assert!(split("", Lang::ZhHant).is_empty());
    }

    #[test]
    fn english_keeps_decimals_abbreviations_and_lower_case_together() {
        assert_eq!(
            split(
                "Incidence fell to 0.89%. It cost 1.1 million yuan; No. 3 is e.g. this. Mr. Gao said “yes.” Then approx. ten.",
                Lang::En
            ),
            [
                "Incidence fell to 0.89%.",
                "It cost 1.1 million yuan;",
                "No. 3 is e.g. this.",
                "Mr. Gao said “yes.”",
                "Then approx. ten."
            ]
        );
        assert_eq!(split("No end", Lang::En), ["No end"]);
        assert_eq!(split("Ends. ", Lang::En), ["Ends."]);
        assert_eq!(
            split("A version 2.0 app. Next", Lang::En),
            ["A version 2.0 app.", "Next"]
        );
    }

    #[test]
    fn every_text_of_the_story_splits_into_whole_sentences() {
        let story = story();
        for lang in Lang::ALL {
            let mut texts: Vec<&str> = vec![story.lead.get(lang)];
            texts.extend(story.events.iter().map(|e| e.text.get(lang)));
            for text in texts {
                let parts = split(text, lang);
                assert!(!parts.is_empty());
                // Nothing but white space is left out, and nothing is cut twice.
                let joined: String = parts.concat();
                let without_spaces: String = text.split_whitespace().collect();
                assert_eq!(
                    joined.split_whitespace().collect::<String>(),
                    without_spaces
                );
                for part in &parts {
                    let last = part.trim_end_matches(CLOSERS).chars().last().unwrap();
                    let ends: &[char] = if lang.is_chinese() {
                        &CHINESE_ENDS
                    } else {
                        &ENGLISH_ENDS
                    };
                    assert!(
                        ends.contains(&last),
                        "{lang:?}: {part:?} does not end a sentence"
                    );
                }
            }
        }
        // The report's own sentences, counted: event 1 in three clauses in Chinese and four
        // in English (which ends its first clause with a full stop); the lead in three.
        let one = story.event(1).unwrap();
        for (lang, n) in [(Lang::ZhHans, 3), (Lang::ZhHant, 3), (Lang::En, 4)] {
            assert_eq!(split(one.text.get(lang), lang).len(), n, "{lang:?}");
            assert_eq!(split(story.lead.get(lang), lang).len(), 3, "{lang:?}");
        }
        assert_eq!(
            split(one.text.get(Lang::En), Lang::En)[0],
            "In 2017 the county lifted 2,078 households (5,222 people) out of poverty;"
        );
        assert_eq!(
            split(one.text.get(Lang::En), Lang::En)[1],
            "6 poor villages exited poverty, and the poverty incidence fell to 0.89%."
        );
    }

    #[test]
    fn english_money_is_said_in_millions_of_yuan() {
        assert_eq!(
            spoken("The county put 19,250,400 yuan into it.", Lang::En),
            "The county put 19.25 million yuan into it."
        );
        assert_eq!(
            spoken(
                "loans of 27,918,600 yuan were issued, 126% of the task.",
                Lang::En
            ),
            "loans of 27.92 million yuan were issued, 126% of the task."
        );
        // What is already said well stays.
        for same in [
            "investing 128 million yuan.",
            "1.1 million yuan was spent",
            "up 3,000 yuan on average",
            "fell to 0.89%.",
            "2,078 households (5,222 people)",
        ] {
            assert_eq!(spoken(same, Lang::En), same);
        }
        // Only whole amounts in yuan: a decimal, or another unit, stays as written.
        assert_eq!(spoken("1,234,567.5 yuan", Lang::En), "1,234,567.5 yuan");
        assert_eq!(spoken("In 2,000,000 years", Lang::En), "In 2,000,000 years");
        assert_eq!(
            spoken("about 30 kW, and", Lang::En),
            "about 30 kilowatts, and"
        );
        assert_eq!(
            spoken("the 2016–2017 task", Lang::En),
            "the 2016 to 2017 task"
        );
    }

    #[test]
    fn chinese_figures_stay_as_written_but_ranges_and_plus_are_words() {
        for same in [
            "投入1925.04万元",
            "降至0.89%；",
            "投资1.28亿，",
            "30千瓦左右",
            "2078户5222人",
        ] {
            assert_eq!(spoken(same, Lang::ZhHans), same);
        }
        assert_eq!(
            spoken("完成2016-2017年2000人任务", Lang::ZhHans),
            "完成2016至2017年2000人任务"
        );
        assert_eq!(
            spoken("開啟“互聯網+澤州扶貧”模式", Lang::ZhHant),
            "開啟“互聯網加澤州扶貧”模式"
        );
    }

    #[test]
    fn the_story_is_spoken_without_abbreviations() {
        let story = story();
        for event in &story.events {
            let en = event_script(event, Lang::En);
            assert_eq!(en[0], event.title.get(Lang::En));
            for line in &en {
                assert!(!line.contains(" kW"), "{line}");
                // No amount of yuan of a million or more is read digit group by digit group.
                for (i, _) in line.match_indices(" yuan") {
                    let amount = line[..i].rsplit(' ').next().unwrap();
                    assert!(amount.matches(',').count() < 2, "{line}");
                }
            }
            for lang in [Lang::ZhHans, Lang::ZhHant] {
                for line in event_script(event, lang) {
                    assert!(!line.contains('-') && !line.contains('+'), "{line}");
                }
            }
        }
        let first = event_script(story.event(1).unwrap(), Lang::En);
        assert!(first[3].contains("19.25 million yuan"), "{first:?}");
        assert!(first[4].contains("27.92 million yuan"), "{first:?}");
        assert_eq!(lead_script(story, Lang::ZhHans).len(), 3);
    }

    fn voice(lang: &str, local: bool) -> Voice<'_> {
        Voice {
            lang,
            local,
            default: false,
        }
    }

    #[test]
    fn a_voice_is_chosen_by_language_prefix_and_prefers_the_device() {
        let voices = [
            voice("en-US", false),
            voice("en-GB", true),
            voice("zh-HK", true),
            voice("zh-TW", false),
            voice("zh_CN", true),
            voice("de-DE", true),
        ];
        assert_eq!(choose_voice(&voices, Lang::En), Some(1));
        assert_eq!(choose_voice(&voices, Lang::ZhHans), Some(4));
        assert_eq!(choose_voice(&voices, Lang::ZhHant), Some(3));
        // Traditional without a Taiwan voice: Hong Kong's.
        assert_eq!(choose_voice(&voices[..3], Lang::ZhHant), Some(2));
        // Simplified with only a Hong Kong voice: a Chinese voice before none.
        assert_eq!(choose_voice(&voices[..3], Lang::ZhHans), Some(2));
        // No voice for the language, or none at all.
        assert_eq!(choose_voice(&voices[..2], Lang::ZhHans), None);
        assert_eq!(choose_voice(&voices[5..], Lang::En), None);
        assert_eq!(choose_voice(&[], Lang::En), None);
        // Prefix matching is by subtag: "eng" is not English, "zh-Hant-TW" is traditional.
        assert_eq!(choose_voice(&[voice("eng", true)], Lang::En), None);
        assert_eq!(
            choose_voice(&[voice("zh-Hant-TW", true)], Lang::ZhHant),
            Some(0)
        );
        // The default voice among equals.
        let equals = [
            voice("en-US", true),
            Voice {
                default: true,
                ..voice("en-AU", true)
            },
        ];
        assert_eq!(choose_voice(&equals, Lang::En), Some(1));
    }

    #[test]
    fn tags_match_by_subtag() {
        assert!(tag_matches("zh-CN", "zh"));
        assert!(tag_matches("ZH-cn", "zh-CN"));
        assert!(tag_matches("zh_CN", "zh-CN"));
        assert!(tag_matches("en", "en"));
        assert!(!tag_matches("eng", "en"));
        assert!(!tag_matches("zh", "zh-CN"));
    }

    /// The example the module's docs once carried.
    #[test]
    fn the_module_example_sentences_and_spoken_forms() {
        use crate::model::Lang;
        use crate::speech::{sentences, spoken};
        let text = "The incidence fell to 0.89%. The county put 19,250,400 yuan into the fight.";
        let parts: Vec<&str> = sentences(text, Lang::En)
            .into_iter()
            .map(|(a, b)| &text[a..b])
            .collect();
        assert_eq!(
            parts,
            [
                "The incidence fell to 0.89%.",
                "The county put 19,250,400 yuan into the fight."
            ]
        );
        assert_eq!(
            spoken(parts[1], Lang::En),
            "The county put 19.25 million yuan into the fight."
        );
    }
}
