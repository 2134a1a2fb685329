//! Text width without a font: an estimate that errs on the wide side, and line wrapping.
//!
//! Chart labels are placed by our own layout code, never by plotters' text measurement: on
//! the host there is no font to measure with, and in the browser plotters measures by
//! inserting a `<span style="…">`, which a strict Content-Security-Policy blocks. So widths
//! here are estimates in ems per character class, slightly generous, so a label that fits by
//! the estimate fits on screen.

/// Estimated width in pixels of `text` set at `size` pixels.
#[inline]
pub(crate) fn text_width(text: &str, size: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * size
}

/// Width of one character in ems: CJK and full-width forms are square; Latin letters,
/// digits and punctuation narrower (generous averages for system sans-serif fonts).
#[inline]
fn char_em(c: char) -> f64 {
    match c {
        ' ' | '\u{a0}' => 0.3,
        'i' | 'j' | 'l' | 'I' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.32,
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' | '/' => 0.42,
        'm' | 'w' | 'M' | 'W' | '%' | '@' => 0.9,
        'A'..='Z' => 0.7,
        '0'..='9' | 'a'..='z' | '+' | '$' | '#' => 0.6,
        c if c.is_ascii() => 0.6,
        // Curly quotes and dashes are narrow in Latin fonts but full-width in CJK ones.
        _ => 1.0,
    }
}

/// Characters a Chinese line may not start with (closing punctuation).
#[inline]
fn no_line_start(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '」'
            | '』'
            | '”'
            | '’'
            | '》'
            | '%'
    )
}

/// Characters a Chinese line may not end with (opening punctuation).
#[inline]
fn no_line_end(c: char) -> bool {
    matches!(c, '（' | '「' | '『' | '“' | '‘' | '《')
}

/// True for characters between which a line may break without a space (CJK).
#[inline]
fn breaks_anywhere(c: char) -> bool {
    !c.is_ascii() && char_em(c) >= 1.0
}

/// Splits `text` into lines no wider than `max_width` (by [`text_width`]): Latin text breaks
/// at spaces, Chinese between characters (never before closing or after opening
/// punctuation); a word wider than a line is split where it must. Always at least one line.
#[inline]
pub(crate) fn wrap(text: &str, size: f64, max_width: f64) -> Vec<String> {
    let text = text.trim();
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for token in tokens(text) {
        let candidate = format!("{line}{token}");
        if line.is_empty() || text_width(candidate.trim_end(), size) <= max_width {
            line = candidate;
        } else {
            lines.push(line.trim_end().to_owned());
            line = token.trim_start().to_owned();
        }
        // A single token wider than a line is split by characters.
        while text_width(line.trim_end(), size) > max_width && line.chars().count() > 1 {
            let (head, tail) = split_at_width(&line, size, max_width);
            lines.push(head);
            line = tail;
        }
    }
    if !line.trim().is_empty() || lines.is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    // No Chinese character alone on the last line ("…任务金 / 额）"): the one before it
    // joins it, if the two fit.
    if let [.., before, last] = lines.as_mut_slice() {
        let mut head = tokens(before);
        if head.len() > 1 && tokens(last).len() == 1 && last.chars().any(breaks_anywhere) {
            let joined = format!("{}{last}", head.pop().unwrap_or_default());
            if text_width(&joined, size) <= max_width {
                *before = head.concat().trim_end().to_owned();
                *last = joined;
            }
        }
    }
    lines
}

/// Breakable units: a Latin word with its trailing space, or one CJK character with any
/// punctuation that must stay with it.
#[inline]
fn tokens(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut prev: Option<char> = None;
    for c in text.chars() {
        let glue = match prev {
            None => true,
            Some(p) => {
                no_line_start(c)
                    || no_line_end(p)
                    || !(breaks_anywhere(c) || breaks_anywhere(p) || p == ' ')
                    // An English apostrophe is inside its word: "County’s".
                    || (p == '’' && c.is_ascii_alphabetic())
            }
        };
        if !glue && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        current.push(c);
        prev = Some(c);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// The longest head of `line` (at least one character) that fits, and the rest.
#[inline]
fn split_at_width(line: &str, size: f64, max_width: f64) -> (String, String) {
    let mut width = 0.0;
    let mut cut = 0;
    for (i, c) in line.char_indices() {
        width += char_em(c) * size;
        if width > max_width && i > 0 {
            break;
        }
        cut = i + c.len_utf8();
    }
    (line[..cut].to_owned(), line[cut..].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check_wrap(text: &str, max_width: f64, want: &[&str]) {
        let got = wrap(text, 10.0, max_width);
        assert_eq!(got, want, "{text:?} in {max_width}px");
        for line in &got {
            let fits = text_width(line, 10.0) <= max_width || line.chars().count() == 1;
            assert!(fits, "{line:?} is wider than {max_width}px");
        }
    }

    #[test]
    fn widths_are_square_for_cjk_and_narrower_for_latin() {
        for (text, want) in [
            ("", 0.0),
            ("搬迁", 20.0),
            ("搬遷", 20.0),
            ("1.28亿", 10.0 * (0.6 + 0.32 + 0.6 + 0.6 + 1.0)),
            ("127%", 10.0 * (0.6 * 3.0 + 0.9)),
            ("CNY", 21.0),
        ] {
            let got = text_width(text, 10.0);
            assert!((got - want).abs() < 1e-9, "{text:?}: {got} != {want}");
        }
    }

    #[test]
    fn wraps_chinese_between_characters_and_keeps_punctuation() {
        check_wrap("集中安置点建设投资", 200.0, &["集中安置点建设投资"]);
        check_wrap("集中安置点建设投资", 50.0, &["集中安置点", "建设投资"]);
        // A closing parenthesis never starts a line; an opening one never ends one.
        check_wrap("任务（报道）完成", 40.0, &["任务（报", "道）完成"]);
        check_wrap("任务（报道）完成", 30.0, &["任务", "（报", "道）", "完成"]);
        // The bug: the phone's completion chart read "…（報道未給出任務金 / 額）".
        check_wrap(
            "投放额与年度任务（报道未给出任务金额）",
            180.0,
            &["投放额与年度任务（报道未给出任务", "金额）"],
        );
        check_wrap("集中安置点建设投资", 80.0, &["集中安置点建设", "投资"]);
        check_wrap(
            "打造“互联网+泽州扶贫”模式",
            60.0,
            &["打造“互联网", "+泽州扶贫”", "模式"],
        );
    }

    #[test]
    fn keeps_an_english_apostrophe_inside_its_word() {
        // The bug: the link preview's title card read "Zezhou County’ / s 2017".
        assert_eq!(tokens("County’s 2017"), ["County’s ", "2017"]);
        assert_eq!(
            wrap("Zezhou County’s fight", 16.0, 160.0),
            ["Zezhou County’s", "fight"]
        );
    }

    #[test]
    fn wraps_english_at_spaces() {
        check_wrap(
            "Investment in the resettlement sites",
            120.0,
            &["Investment in the", "resettlement sites"],
        );
        check_wrap("Relocation", 200.0, &["Relocation"]);
        // A word wider than the line is split.
        check_wrap("Poverty-alleviation", 60.0, &["Poverty-all", "eviation"]);
    }

    #[test]
    fn odd_input_gives_one_line_at_least() {
        assert_eq!(wrap("", 10.0, 100.0), [""]);
        assert_eq!(wrap("   ", 10.0, 100.0), [""]);
        assert_eq!(wrap("搬", 10.0, 1.0), ["搬"]);
        assert_eq!(wrap("ab", 10.0, 0.0), ["a", "b"]);
    }
}
