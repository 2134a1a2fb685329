//! Where a Chinese title may break between lines: between its phrases, never inside one.
//!
//! Chinese has no spaces, so a browser breaks a line between any two characters, and a
//! narrow phone splits the title inside a word ("泽州县2017年脱 / 贫攻坚十件大事"). The page
//! sets the title with `word-break: keep-all` (no break between two Chinese characters) and
//! a `<wbr>` at each phrase boundary, as BudouX does, so lines break only there. The
//! boundaries come from the story itself, not from a word list: its glossary terms
//! (脱贫攻坚) and its numbers with their unit (2017年) are phrases, and so is each run of text
//! between them (泽州县, 十件大事).

use super::escape::escape_into;
use crate::model::{Lang, Story};

/// The byte offsets inside `text` where a line may break between phrases: before and after
/// each of `terms` (the longest first; one inside another's place is not a phrase of its
/// own) and each number with its unit (digits, with a `.` or `-` between them, and the `%` or
/// Chinese character after them, two after 万 or 亿). Never at either end.
pub fn phrase_breaks<'a>(text: &str, terms: impl Iterator<Item = &'a str>) -> Vec<usize> {
    let (len, bytes) = (text.len(), text.as_bytes());
    // `phrase[i]`: byte i is inside a term found so far; `cut[i]`: a break before byte i.
    let mut phrase = vec![false; len];
    let mut cut = vec![false; len + 1];
    let mut terms: Vec<&str> = terms.filter(|t| !t.is_empty()).collect();
    super::sort_small_by_key(&mut terms, |t| std::cmp::Reverse(t.len()));
    for term in terms {
        for at in 0..len {
            let end = at + term.len();
            if text.is_char_boundary(at)
                && text[at..].starts_with(term)
                && !phrase[at..end].contains(&true)
            {
                phrase[at..end].fill(true);
                cut[at] = true;
                cut[end] = true;
            }
        }
    }
    let digit = |i: usize| i < len && bytes[i].is_ascii_digit() && !phrase[i];
    let mut at = 0;
    while at < len {
        if !digit(at) {
            at += 1;
            continue;
        }
        cut[at] = true;
        while digit(at) || (matches!(bytes.get(at), Some(b'.' | b'-')) && digit(at + 1)) {
            at += 1;
        }
        // Its unit, if no term has it: a per cent sign or one Chinese character, two after
        // a multiplier (1925.04万元).
        for _ in 0..2 {
            match text[at..].chars().next() {
                Some(c) if (c == '%' || super::clean::is_han(c)) && !phrase[at] => {
                    at += c.len_utf8();
                    if !matches!(c, '万' | '亿' | '萬' | '億') {
                        break;
                    }
                }
                _ => break,
            }
        }
        cut[at] = true;
    }
    cut[0] = false;
    cut[len] = false;
    (0..len).filter(|&i| cut[i]).collect()
}

/// The story's title in `lang` as markup: escaped, with a `<wbr>` at each phrase boundary
/// of a Chinese title ([`phrase_breaks`], the glossary's terms in that language); an
/// English title as it is, since it breaks between its words. The build's data pipeline
/// writes it into the story (`Story::title_markup`), which the page's heading sets.
pub fn title_markup(story: &Story, lang: Lang) -> String {
    let title = story.title.get(lang);
    let breaks = match lang {
        Lang::En => Vec::new(),
        _ => phrase_breaks(title, story.glossary.iter().map(|g| g.term.get(lang))),
    };
    let mut out = String::with_capacity(title.len() + 5 * breaks.len());
    let mut from = 0;
    for at in breaks {
        escape_into(&mut out, &title[from..at]);
        out.push_str("<wbr>");
        from = at;
    }
    escape_into(&mut out, &title[from..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn phrases(text: &str, terms: &[&str]) -> Vec<String> {
        let mut out = Vec::new();
        let mut from = 0;
        for at in phrase_breaks(text, terms.iter().copied()) {
            out.push(text[from..at].to_owned());
            from = at;
        }
        out.push(text[from..].to_owned());
        out
    }

    #[test]
    fn a_title_splits_at_its_terms_and_numbers() {
        // The bug: "泽州县2017年脱 / 贫攻坚十件大事" on a phone.
        let cases: &[(&str, &[&str], &[&str])] = &[
            (
                "泽州县2017年脱贫攻坚十件大事",
                &["脱贫攻坚", "扶贫"],
                &["泽州县", "2017年", "脱贫攻坚", "十件大事"],
            ),
            (
                "澤州縣2017年脫貧攻堅十件大事",
                &["脫貧攻堅"],
                &["澤州縣", "2017年", "脫貧攻堅", "十件大事"],
            ),
            // No terms: only the number and its unit.
            (
                "泽州县2017年脱贫攻坚十件大事",
                &[],
                &["泽州县", "2017年", "脱贫攻坚十件大事"],
            ),
            // A term inside a longer one is not a phrase of its own.
            (
                "易地扶贫搬迁十件大事",
                &["扶贫", "易地扶贫搬迁"],
                &["易地扶贫搬迁", "十件大事"],
            ),
            // Decimals, ranges and per cents are one number; a term's character is not a unit.
            (
                "贫困发生率降至0.89%以下",
                &[],
                &["贫困发生率降至", "0.89%", "以下"],
            ),
            ("2016-2017年任务", &[], &["2016-2017年", "任务"]),
            ("投入1925.04万元资金", &[], &["投入", "1925.04万元", "资金"]),
            ("1.28亿", &[], &["1.28亿"]),
            ("2017脱贫攻坚", &["脱贫攻坚"], &["2017", "脱贫攻坚"]),
            // A title that is one phrase, or ends in a number, has no break at its ends.
            ("脱贫攻坚", &["脱贫攻坚"], &["脱贫攻坚"]),
            ("十件大事2017", &[], &["十件大事", "2017"]),
            ("", &["脱贫攻坚"], &[""]),
        ];
        for &(text, terms, want) in cases {
            assert_eq!(phrases(text, terms), want, "{text}");
        }
    }

    #[test]
    fn the_story_title_breaks_between_phrases_in_chinese_only() {
        let story = crate::data::story();
        assert_eq!(
            title_markup(story, Lang::ZhHans),
            "泽州县<wbr>2017年<wbr>脱贫攻坚<wbr>十件大事"
        );
        assert_eq!(
            title_markup(story, Lang::ZhHant),
            "澤州縣<wbr>2017年<wbr>脫貧攻堅<wbr>十件大事"
        );
        // English breaks between its words.
        assert_eq!(title_markup(story, Lang::En), story.title.get(Lang::En));
        // The story the page embeds carries them, built by the pipeline.
        for lang in [Lang::ZhHans, Lang::ZhHant, Lang::En] {
            assert_eq!(story.title_markup.get(lang), title_markup(story, lang));
        }
    }
}
