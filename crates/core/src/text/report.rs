//! Splitting a cleaned "十件大事"-style report into its parts.
//!
//! The shape, as newspapers print such lists:
//!
//! ```text
//! 本报讯 lead paragraph …
//! 1、heading。body …
//! 2、heading。body …
//! …
//! N、heading。body … byline
//! ```
//!
//! Any number of events works. The byline is either the last words of the last line, after
//! whitespace, or a short last line of its own. Extra lines before the first event belong to
//! the lead; extra lines after an event belong to that event's body.

/// Characters that end a sentence; a byline never contains them.
const SENTENCE_ENDS: &[char] = &['。', '！', '？', '”', '；', '，'];

/// The longest text taken for a byline or a dateline, in characters.
const MAX_BYLINE_CHARS: usize = 30;

/// A report split into its parts (all text as given, typically cleaned simplified Chinese).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceReport {
    /// The newspaper dateline the lead starts with (`本报讯`), if there is one.
    pub dateline: Option<String>,
    /// The lead paragraph as printed, dateline included; several lines are joined with `\n`.
    pub lead: String,
    /// The numbered events, ranks 1..=n in order.
    pub events: Vec<SourceEvent>,
    /// The author's name after the last event (`高峰`), if there is one.
    pub byline: Option<String>,
}

/// One numbered event of the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceEvent {
    /// The number before `、`.
    pub rank: u8,
    /// The text between `N、` and the first `。`, without the `。`.
    pub heading: String,
    /// Everything after the heading's `。`; continuation lines are joined with `\n`.
    pub body: String,
    /// The 1-based line number where the event starts.
    pub(crate) line: usize,
}

/// Why a text cannot be split into lead, events and byline.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SplitError {
    /// Nothing but whitespace.
    #[error("the report is empty")]
    Empty,
    /// The first line is already an event.
    #[error("line {line}: the report starts with event {rank}; a lead paragraph must come first")]
    MissingLead {
        /// Where the first event starts.
        line: usize,
        /// Its rank.
        rank: u8,
    },
    /// No line looks like `N、heading。body`.
    #[error("no events found: expected lines like `1、heading。body` after the lead")]
    NoEvents,
    /// An event number that is not the next one.
    #[error("line {line}: event {found} comes where event {expected} was expected")]
    RankOutOfOrder {
        /// The line of the event.
        line: usize,
        /// The rank that should come next.
        expected: usize,
        /// The rank written.
        found: String,
    },
    /// The heading is not closed by `。`.
    #[error("line {line}: event {rank} has no `。` ending its heading")]
    MissingHeadingEnd {
        /// The line of the event.
        line: usize,
        /// Its rank.
        rank: u8,
    },
    /// `N、。`
    #[error("line {line}: event {rank} has an empty heading")]
    EmptyHeading {
        /// The line of the event.
        line: usize,
        /// Its rank.
        rank: u8,
    },
    /// `N、heading。` with nothing after it.
    #[error("line {line}: event {rank} has no text after its heading")]
    EmptyBody {
        /// The line of the event.
        line: usize,
        /// Its rank.
        rank: u8,
    },
}

/// Splits a cleaned report into dateline, lead, events and byline.
pub fn split_report(text: &str) -> Result<SourceReport, SplitError> {
    let mut lines: Vec<(usize, String)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim().to_owned()))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return Err(SplitError::Empty);
    }
    let byline = take_byline(&mut lines);

    let mut lead: Vec<String> = Vec::new();
    let mut events: Vec<SourceEvent> = Vec::new();
    for (line, content) in lines {
        let Some((rank_text, rest)) = event_number(&content) else {
            match events.last_mut() {
                Some(event) => {
                    event.body.push('\n');
                    event.body.push_str(&content);
                }
                None => lead.push(content),
            }
            continue;
        };
        let expected = events.len() + 1;
        let rank = rank_text
            .parse::<u8>()
            .ok()
            .filter(|&r| usize::from(r) == expected)
            .ok_or_else(|| SplitError::RankOutOfOrder {
                line,
                expected,
                found: rank_text.to_owned(),
            })?;
        if lead.is_empty() {
            return Err(SplitError::MissingLead { line, rank });
        }
        let (heading, body) = rest
            .split_once('。')
            .ok_or(SplitError::MissingHeadingEnd { line, rank })?;
        if heading.trim().is_empty() {
            return Err(SplitError::EmptyHeading { line, rank });
        }
        if body.trim().is_empty() {
            return Err(SplitError::EmptyBody { line, rank });
        }
        events.push(SourceEvent {
            rank,
            heading: heading.trim().to_owned(),
            body: body.trim().to_owned(),
            line,
        });
    }
    if events.is_empty() {
        return Err(SplitError::NoEvents);
    }
    let lead = lead.join("\n");
    Ok(SourceReport {
        dateline: dateline(&lead),
        lead,
        events,
        byline,
    })
}

/// `("12", "rest")` for a line `12、rest`.
fn event_number(line: &str) -> Option<(&str, &str)> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = line[digits..].strip_prefix('、')?;
    (digits > 0).then(|| (&line[..digits], rest))
}

/// Removes the byline from the end of the report and returns it: a short last line of its
/// own, or the last words of the last line after whitespace.
fn take_byline(lines: &mut Vec<(usize, String)>) -> Option<String> {
    let several = lines.len() > 1;
    let (_, last) = lines.last()?;
    if several && event_number(last).is_none() && looks_like_name(last) {
        return lines.pop().map(|(_, l)| l);
    }
    let (_, last) = lines.last_mut()?;
    let cut = last.rfind(char::is_whitespace)?;
    let name = last[cut..].trim().to_owned();
    if !looks_like_name(&name) {
        return None;
    }
    last.truncate(cut);
    let kept = last.trim_end().len();
    last.truncate(kept);
    Some(name)
}

/// Short, and no sentence punctuation.
fn looks_like_name(text: &str) -> bool {
    !text.is_empty() && text.chars().count() <= MAX_BYLINE_CHARS && !text.contains(SENTENCE_ENDS)
}

/// `本报讯` in `本报讯 脱贫攻坚…`: a short first word ending in 讯/电 (or a closing
/// parenthesis, as in `本报讯（记者 …）`) before whitespace.
fn dateline(lead: &str) -> Option<String> {
    let (first, rest) = lead.split_once(char::is_whitespace)?;
    let is_dateline = looks_like_name(first)
        && first.ends_with(['讯', '訊', '电', '電', '）', ')'])
        && !rest.trim().is_empty();
    is_dateline.then(|| first.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str =
        "本报讯 引言有2017年。\n1、第一件。正文一。\n2、第二件，含3个数。正文二；还有。 张三";

    #[test]
    fn splits_lead_events_and_byline() {
        let report = split_report(SMALL).expect("splits");
        assert_eq!(report.dateline.as_deref(), Some("本报讯"));
        assert_eq!(report.lead, "本报讯 引言有2017年。");
        assert_eq!(report.byline.as_deref(), Some("张三"));
        assert_eq!(report.events.len(), 2);
        assert_eq!(report.events[1].rank, 2);
        assert_eq!(report.events[1].heading, "第二件，含3个数");
        assert_eq!(report.events[1].body, "正文二；还有。");
        assert_eq!(report.events[1].line, 3);
    }

    #[test]
    fn a_byline_on_its_own_line() {
        let report =
            split_report("本报讯 引言。\n1、一。正文。\n\n（记者 李四）\n").expect("splits");
        assert_eq!(report.byline.as_deref(), Some("（记者 李四）"));
        assert_eq!(report.events[0].body, "正文。");
    }

    #[test]
    fn no_byline_when_the_last_words_are_a_sentence() {
        let report = split_report("引言。\n1、一。正文 后文。").expect("splits");
        assert_eq!(report.byline, None);
        assert_eq!(report.dateline, None);
        assert_eq!(report.events[0].body, "正文 后文。");
    }

    #[test]
    fn continuation_lines_join_their_paragraph() {
        let report = split_report("引言。\n引言续。\n1、一。正文。\n正文续。").expect("splits");
        assert_eq!(report.lead, "引言。\n引言续。");
        assert_eq!(report.events[0].body, "正文。\n正文续。");
    }

    #[test]
    fn typed_errors() {
        for (text, error) in [
            ("  \n ", SplitError::Empty),
            (
                "1、一。正文。",
                SplitError::MissingLead { line: 1, rank: 1 },
            ),
            ("引言。\n没有事件。", SplitError::NoEvents),
            (
                "引言。\n1、一。正文。\n3、三。正文。",
                SplitError::RankOutOfOrder {
                    line: 3,
                    expected: 2,
                    found: "3".into(),
                },
            ),
            (
                "引言。\n1、没有句号",
                SplitError::MissingHeadingEnd { line: 2, rank: 1 },
            ),
            (
                "引言。\n1、。正文。",
                SplitError::EmptyHeading { line: 2, rank: 1 },
            ),
            (
                "引言。\n1、标题。",
                SplitError::EmptyBody { line: 2, rank: 1 },
            ),
        ] {
            assert_eq!(split_report(text), Err(error), "{text:?}");
        }
    }
}
