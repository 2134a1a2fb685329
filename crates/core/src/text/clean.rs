//! Cleaning the source report: pinyin annotations out, Chinese punctuation in.
//!
//! The report as received carries pinyin after many characters (`報(bào)`), ASCII
//! punctuation where Chinese uses full-width marks, and genuine parentheticals that must
//! survive (`鄉(鎮)`). Cleaning is script-neutral: it works on traditional or simplified text.

/// The longest pinyin syllable (`zhuang`, `shuang`) has six letters; anything longer in
/// parentheses is a word, not an annotation.
const MAX_SYLLABLE_LETTERS: usize = 6;

/// Cleans a raw report: normalises line endings, drops a byte-order mark and trailing spaces,
/// removes pinyin annotations and makes punctuation full-width.
pub fn clean_source(raw: &str) -> String {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let lines: Vec<&str> = raw.lines().map(str::trim_end).collect();
    let text = lines.join("\n");
    full_width_punctuation(&remove_pinyin_annotations(text.trim_end()))
}

/// True for a CJK ideograph (including 〇), the characters pinyin annotations follow.
pub(crate) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3007}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// True for a letter that can appear in a pinyin annotation: lowercase latin letters and the
/// tone-marked vowels (ā á ǎ à … ǖ ǘ ǚ ǜ ü).
pub fn is_pinyin_letter(c: char) -> bool {
    c.is_ascii_lowercase() || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ".contains(c)
}

/// Removes pinyin annotations: an ASCII `(`, one to six pinyin letters and `)` directly after
/// a Han character. `報(bào)` becomes `報`; `鄉(xiāng)(鎮(zhèn))` becomes `鄉(鎮)`, because
/// `(鎮` is not an annotation.
pub fn remove_pinyin_annotations(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous: Option<char> = None;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '(' && previous.is_some_and(is_han) {
            if let Some(len) = annotation_len(rest) {
                // The annotation is dropped; the Han character before it stays `previous`.
                rest = &rest[len..];
                continue;
            }
        }
        out.push(c);
        previous = Some(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The byte length of a pinyin annotation at the start of `text` (which starts with `(`).
fn annotation_len(text: &str) -> Option<usize> {
    let inner = text.strip_prefix('(')?;
    let close = inner.find(')')?;
    let syllable = &inner[..close];
    let letters = syllable.chars().count();
    let is_syllable =
        (1..=MAX_SYLLABLE_LETTERS).contains(&letters) && syllable.chars().all(is_pinyin_letter);
    is_syllable.then_some(close + 2)
}

/// Replaces ASCII `,` `;` `:` `(` `)` with their full-width forms `，` `；` `：` `（` `）`,
/// except between two ASCII digits (`1,000`, `10:30`), where they belong to a number.
/// Decimal points, `%` and `-` are never touched, so `1925.04`, `0.89%` and `2016-2017` stay.
pub fn full_width_punctuation(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for (i, &c) in chars.iter().enumerate() {
        let full = match c {
            ',' => '，',
            ';' => '；',
            ':' => '：',
            '(' => '（',
            ')' => '）',
            other => {
                out.push(other);
                continue;
            }
        };
        let before = i.checked_sub(1).and_then(|j| chars.get(j));
        let after = chars.get(i + 1);
        let inside_number =
            before.is_some_and(char::is_ascii_digit) && after.is_some_and(char::is_ascii_digit);
        out.push(if inside_number { c } else { full });
    }
    out
}

/// True when `text` still holds something that looks like a pinyin annotation: an ASCII or
/// full-width opening parenthesis directly followed by a pinyin letter.
pub fn has_pinyin_annotation(text: &str) -> bool {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if matches!(c, '(' | '（') && chars.peek().is_some_and(|&n| is_pinyin_letter(n)) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_annotations_after_han_characters() {
        for (raw, clean) in [
            ("本報(bào)訊", "本報訊"),
            ("脫貧攻堅(jiān)", "脫貧攻堅"),
            ("6個(gè)貧困村", "6個貧困村"),
            ("管(guǎn)理(lǐ)", "管理"),
            ("綠(lǜ)色", "綠色"),
        ] {
            assert_eq!(remove_pinyin_annotations(raw), clean, "{raw}");
        }
    }

    #[test]
    fn keeps_genuine_parentheticals() {
        for (raw, clean) in [
            ("17個(gè)鄉(xiāng)(鎮(zhèn))黨委", "17個鄉(鎮)黨委"),
            ("105個(gè)市(縣)幫扶", "105個市(縣)幫扶"),
            ("the (big) one", "the (big) one"),
            ("互聯網(internet)", "互聯網(internet)"),
            ("x(ab)", "x(ab)"),
            ("(bào)", "(bào)"),
        ] {
            assert_eq!(remove_pinyin_annotations(raw), clean, "{raw}");
        }
    }

    #[test]
    fn makes_punctuation_full_width_outside_numbers() {
        for (raw, clean) in [
            ("改善,是", "改善，是"),
            ("0.89%;縣級", "0.89%；縣級"),
            ("鄉(鎮)", "鄉（鎮）"),
            ("如下:一", "如下：一"),
            ("1925.04萬元", "1925.04萬元"),
            ("2016-2017年", "2016-2017年"),
            ("1,000人", "1,000人"),
            ("10:30", "10:30"),
            ("2017,年", "2017，年"),
        ] {
            assert_eq!(full_width_punctuation(raw), clean, "{raw}");
        }
    }

    #[test]
    fn cleans_a_whole_report_line() {
        let raw =
            "\u{feff}本報(bào)訊 關(guān)注,17個(gè)鄉(xiāng)(鎮(zhèn))。  \r\n2、下。 高峰\n";
        assert_eq!(
            clean_source(raw),
            "本報訊 關注，17個鄉（鎮）。\n2、下。 高峰"
        );
    }

    #[test]
    fn detects_leftover_annotations() {
        assert!(has_pinyin_annotation("報(bào)"));
        assert!(has_pinyin_annotation("報（bao）"));
        assert!(!has_pinyin_annotation("鄉（鎮）"));
    }
}
