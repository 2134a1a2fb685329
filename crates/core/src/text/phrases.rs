//! Where a Chinese title or label may break between lines: between its phrases, never
//! inside one.
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
/// Chinese character after them, two after 万 or 亿); before an opening bracket or quote and
/// after a closing one or a comma (where a browser breaks Chinese text even between
/// phrases), never inside them. Never at either end, nor before a last lone character.
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
    // A bracket or quote belongs to the phrase it opens or closes, and punctuation ends one:
    // a break goes before an opening mark and after a closing one, never inside them.
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        if matches!(c, '（' | '“' | '‘' | '「' | '《' | '(') {
            (cut[at], cut[end]) = (true, false);
        } else if matches!(
            c,
            '）' | '”' | '’' | '」' | '》' | ')' | '、' | '，' | '；' | '：'
        ) {
            (cut[at], cut[end]) = (false, true);
        }
    }
    cut[0] = false;
    cut[len] = false;
    let mut breaks: Vec<usize> = (0..len).filter(|&i| cut[i]).collect();
    // One character is no phrase of its own at the end: "贫困户数", not "贫困户 / 数".
    if breaks
        .last()
        .is_some_and(|&at| text[at..].chars().nth(1).is_none())
    {
        breaks.pop();
    }
    breaks
}

/// The story's title in `lang` as markup: escaped, with a `<wbr>` at each phrase boundary
/// of a Chinese title ([`phrase_breaks`], the glossary's terms in that language); an English
/// title as it is, since it breaks between its words. The build's data pipeline writes it
/// into the story (`Story::title_markup`), which the page's heading sets (with
/// `word-break: keep-all`: a title's phrases are short, and it has the page's width).
pub fn title_markup(story: &Story, lang: Lang) -> String {
    let title = story.title.get(lang);
    with_breaks(title, &breaks(story, title, lang))
}

/// A figure's label in `lang` as markup: in Chinese, each phrase ([`phrase_breaks`]) a
/// `<span class="phrase">`, which the page sets as an inline block, so a line breaks
/// between phrases, and inside one only when it is wider than the line (a tile at 320 px
/// in 特大字), where it breaks evenly; in English, the label as it is.
pub fn label_markup(story: &Story, label: &str, lang: Lang) -> String {
    let breaks = breaks(story, label, lang);
    if breaks.is_empty() {
        return super::escape::escape(label);
    }
    let mut out = String::with_capacity(label.len() + 32 * (breaks.len() + 1));
    let mut from = 0;
    for at in breaks.into_iter().chain([label.len()]) {
        out.push_str(r#"<span class="phrase">"#);
        escape_into(&mut out, &label[from..at]);
        out.push_str("</span>");
        from = at;
    }
    out
}

/// Where a Chinese `text` of the story breaks between phrases (its glossary's terms in
/// `lang`); nowhere in English, which breaks between its words.
fn breaks(story: &Story, text: &str, lang: Lang) -> Vec<usize> {
    match lang {
        Lang::En => Vec::new(),
        _ => phrase_breaks(text, story.glossary.iter().map(|g| g.term.get(lang))),
    }
}

/// The page's kicker, where the story took place and its year, as markup: a Chinese place
/// may break after each of its levels (`山西省<wbr>晋城市<wbr>泽州县`: a province, a city, a
/// county), never inside one; the year stays with the place's last part
/// (`泽州县 · 2017`, no-break spaces), so it is never alone on a line.
pub fn kicker_markup(story: &Story, lang: Lang) -> String {
    let place = story.place.get(lang);
    let breaks: Vec<usize> = place
        .char_indices()
        .filter(|&(_, c)| matches!(c, '省' | '市' | '区' | '區' | '县' | '縣'))
        .map(|(at, c)| at + c.len_utf8())
        .filter(|&at| at < place.len())
        .collect();
    let mut out = with_breaks(place, &breaks);
    out.push_str(&format!("\u{a0}·\u{a0}{}", story.year));
    out
}

/// `text`, escaped, with a `<wbr>` at each of `breaks` (byte offsets, in order).
fn with_breaks(text: &str, breaks: &[usize]) -> String {
    let mut out = String::with_capacity(text.len() + 5 * breaks.len());
    let mut from = 0;
    for &at in breaks {
        escape_into(&mut out, &text[from..at]);
        out.push_str("<wbr>");
        from = at;
    }
    escape_into(&mut out, &text[from..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::escape::escape;

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
            // Brackets and quotes stay with their phrase; punctuation ends one.
            (
                "村集体经济实现“破零”“增零”的贫困村",
                &["村集体经济", "破零", "增零"],
                &["村集体经济", "实现", "“破零”", "“增零”", "的贫困村"],
            ),
            (
                "县级工作队全覆盖的村（贫困户10户以上）",
                &["县级工作队", "全覆盖", "贫困户"],
                &["县级工作队", "全覆盖", "的村", "（贫困户", "10户", "以上）"],
            ),
            (
                "渠道（公众号、小程序）",
                &[],
                &["渠道", "（公众号、", "小程序）"],
            ),
            // No one character alone at the end.
            (
                "派驻县级工作队的村的贫困户数",
                &["贫困户"],
                &["派驻县级工作队的村的", "贫困户数"],
            ),
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

    #[test]
    fn a_figure_label_breaks_between_phrases() {
        let story = crate::data::story();
        let label = |id: &str, lang| {
            let figure = story.figures.iter().find(|f| f.id == id).unwrap();
            label_markup(story, figure.label.get(lang), lang)
        };
        // A range is one phrase.
        assert_eq!(
            label("relocation-completion", Lang::ZhHans),
            r#"<span class="phrase">完成</span><span class="phrase">2016-2017年</span><span class="phrase">搬迁任务的比例</span>"#
        );
        // The bug: "2017年全 / 縣減貧人數" at 320 px.
        assert_eq!(
            label("people-lifted", Lang::ZhHant),
            r#"<span class="phrase">2017年</span><span class="phrase">全縣減貧人數</span>"#
        );
        // One phrase, or English: the label as it is.
        assert_eq!(
            label("solar-station-capacity", Lang::ZhHans),
            "建设的集体光伏电站规模"
        );
        assert_eq!(
            label("people-lifted", Lang::En),
            escape(
                story
                    .figures
                    .iter()
                    .find(|f| f.id == "people-lifted")
                    .unwrap()
                    .label
                    .en
                    .as_str()
            )
        );
    }

    #[test]
    fn the_kicker_keeps_the_year_with_the_county() {
        let story = crate::data::story();
        assert_eq!(
            kicker_markup(story, Lang::ZhHans),
            "山西省<wbr>晋城市<wbr>泽州县\u{a0}·\u{a0}2017"
        );
        assert_eq!(
            kicker_markup(story, Lang::ZhHant),
            "山西省<wbr>晉城市<wbr>澤州縣\u{a0}·\u{a0}2017"
        );
        assert_eq!(
            kicker_markup(story, Lang::En),
            format!("{}\u{a0}·\u{a0}2017", escape(story.place.en.as_str()))
        );
    }
}
