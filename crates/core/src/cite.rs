//! Citations of the report and of this app, as researchers write them: GB/T 7714-2015 in
//! Chinese (simplified or traditional), APA (7th edition) in English, each with the date the
//! reader retrieved the page. Pure: the cite action and the CSV/JSON downloads (in the
//! charts module) pass the date and the page's address.
//!
//! What is not known is said so, not made up: the newspaper's name and the date of
//! publication are unknown (the dataset's context says so), and the report's title is
//! supplied by this project, so it stands in square brackets, as the citation in the
//! dataset has it.
//!
//! ```
//! use zezhou_core::cite::{citations, Day};
//! use zezhou_core::data::story;
//! use zezhou_core::model::Lang;
//!
//! let day = Day { year: 2026, month: 11, day: 30 };
//! let c = citations(story(), Lang::ZhHans, "https://example.org/zezhou/#/zh-Hans", day);
//! assert_eq!(c.report, "高峰. [泽州县2017年脱贫攻坚十件大事][N]. [报纸名不详], [出版日期不详].");
//! assert!(c.app.ends_with("[EB/OL]. [2026-11-30]. https://example.org/zezhou/#/zh-Hans."));
//! ```

use crate::model::{Lang, Story};

/// A calendar day (the retrieval date).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Day {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Day {
    /// `2026-11-30`, as GB/T 7714 writes dates.
    #[inline]
    pub(crate) fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `November 30, 2026`, as APA writes a retrieval date.
    #[inline]
    pub(crate) fn apa(self) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let month = MONTHS[usize::from(self.month.clamp(1, 12)) - 1];
        format!("{month} {}, {}", self.day, self.year)
    }
}

/// The two citations in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citations {
    /// The report (a newspaper staff report).
    pub report: String,
    /// This app (an online resource), at `url`, retrieved on the given day.
    pub app: String,
}

impl Citations {
    /// Both, one per line, as the cite action copies them.
    #[inline]
    pub fn both(&self) -> String {
        format!("{}\n{}", self.report, self.app)
    }
}

/// The citations of the report and of this app in `lang`'s form: GB/T 7714-2015 for
/// Chinese, APA for English.
#[inline]
pub fn citations(story: &Story, lang: Lang, url: &str, retrieved: Day) -> Citations {
    let title = story.title.get(lang);
    match lang {
        Lang::ZhHans | Lang::ZhHant => {
            let hant = lang == Lang::ZhHant;
            let (unknown_paper, unknown_date, fact_sheet) = if hant {
                ("[報紙名不詳]", "[出版日期不詳]", "互動事實頁")
            } else {
                ("[报纸名不详]", "[出版日期不详]", "互动事实页")
            };
            Citations {
                // 主要责任者. 题名[N]. 报纸名, 出版日期.
                report: format!(
                    "{}. [{title}][N]. {unknown_paper}, {unknown_date}.",
                    story.byline.get(lang)
                ),
                // 题名: 其他题名信息[EB/OL]. [引用日期]. 获取和访问路径.
                app: format!(
                    "{title}: {fact_sheet}[EB/OL]. [{}]. {url}.",
                    retrieved.iso()
                ),
            }
        }
        Lang::En => {
            let title = sentence_case(title, story.place.get(Lang::En));
            Citations {
                // Author, A. (n.d.). [Supplied title] [Description].
                report: format!(
                    "{} (n.d.). [{title}] [Staff report in Chinese, {}; title supplied].",
                    apa_author(story.byline.get(Lang::En)),
                    story.source.get(Lang::ZhHans),
                ),
                // Title: Subtitle. (n.d.). Retrieved Month D, YYYY, from URL
                app: format!(
                    "{title}: An interactive fact sheet. (n.d.). Retrieved {}, from {url}",
                    retrieved.apa()
                ),
            }
        }
    }
}

/// "Gao Feng" (given name last, as the dataset writes Chinese names in English) as APA
/// writes an author: "Gao, F.".
#[inline]
fn apa_author(name: &str) -> String {
    match name.split_once(' ') {
        Some((family, given)) => {
            let initials: Vec<String> = given
                .split([' ', '-'])
                .filter_map(|part| part.chars().next())
                .map(|c| format!("{c}."))
                .collect();
            format!("{family}, {}", initials.join(" "))
        }
        None => name.to_owned(),
    }
}

/// A title in APA's sentence case: the first word and proper nouns (the words of the place's
/// name, `place`) keep their capital; every other word is lowercased (ASCII letters).
#[inline]
fn sentence_case(title: &str, place: &str) -> String {
    let proper = |word: &str| {
        let bare = word
            .trim_end_matches(|c: char| c.is_ascii_punctuation())
            .trim_end_matches("'s")
            .trim_end_matches("’s");
        place.split([' ', ',']).any(|p| !p.is_empty() && p == bare)
    };
    title
        .split(' ')
        .enumerate()
        .map(|(i, word)| {
            if i == 0 || proper(word) {
                word.to_owned()
            } else {
                // ASCII only: the titles are English, and Unicode case tables would add
                // kilobytes to the module.
                word.to_ascii_lowercase()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::story;

    const DAY: Day = Day {
        year: 2026,
        month: 11,
        day: 30,
    };
    const URL: &str = "https://example.org/zezhou/#/en";

    /// GB/T 7714-2015: a newspaper article `作者. 题名[N]. 报纸名, 日期.`, and an online
    /// resource `题名[EB/OL]. [引用日期]. 地址.`, in the standard's own punctuation (Western
    /// full stops and commas followed by a space).
    #[test]
    fn chinese_citations_follow_gb_t_7714() {
        let newspaper = regex_like::gb_newspaper;
        let online = regex_like::gb_online;
        for lang in [Lang::ZhHans, Lang::ZhHant] {
            let c = citations(story(), lang, URL, DAY);
            assert!(newspaper(&c.report), "{lang:?}: {}", c.report);
            assert!(online(&c.app, "2026-11-30", URL), "{lang:?}: {}", c.app);
            assert!(c.report.contains(story().title.get(lang)));
            assert!(c.report.starts_with(story().byline.get(lang)));
        }
        let hant = citations(story(), Lang::ZhHant, URL, DAY);
        assert_eq!(
            hant.report,
            "高峰. [澤州縣2017年脫貧攻堅十件大事][N]. [報紙名不詳], [出版日期不詳]."
        );
        assert_eq!(
            hant.app,
            format!("澤州縣2017年脫貧攻堅十件大事: 互動事實頁[EB/OL]. [2026-11-30]. {URL}.")
        );
    }

    /// APA 7: `Family, I. (n.d.). [Supplied title] [Description].`, and for a page without
    /// an author `Title: Subtitle. (n.d.). Retrieved Month D, YYYY, from URL` (no full stop
    /// after the address).
    #[test]
    fn english_citations_follow_apa() {
        let c = citations(story(), Lang::En, URL, DAY);
        assert_eq!(
            c.report,
            "Gao, F. (n.d.). [Ten major events in Zezhou County’s 2017 fight against poverty] \
             [Staff report in Chinese, 本报讯; title supplied]."
        );
        assert_eq!(
            c.app,
            "Ten major events in Zezhou County’s 2017 fight against poverty: An interactive fact \
             sheet. (n.d.). Retrieved November 30, 2026, from https://example.org/zezhou/#/en"
        );
        assert!(regex_like::apa_author_date(&c.report), "{}", c.report);
        assert!(regex_like::apa_retrieved(&c.app, URL), "{}", c.app);
    }

    #[test]
    fn dates_and_names_in_each_form() {
        assert_eq!(DAY.iso(), "2026-11-30");
        assert_eq!(
            Day {
                year: 2027,
                month: 1,
                day: 5
            }
            .iso(),
            "2027-01-05"
        );
        assert_eq!(
            Day {
                year: 2027,
                month: 1,
                day: 5
            }
            .apa(),
            "January 5, 2027"
        );
        assert_eq!(apa_author("Gao Feng"), "Gao, F.");
        assert_eq!(apa_author("Ouyang Xiu-Wen"), "Ouyang, X. W.");
        assert_eq!(apa_author("Gao"), "Gao");
        assert_eq!(
            sentence_case(
                "A Report From Jincheng, Shanxi",
                "Zezhou County, Jincheng, Shanxi"
            ),
            "A report from Jincheng, Shanxi"
        );
    }

    #[test]
    fn the_cite_action_copies_both_on_two_lines() {
        let c = citations(story(), Lang::ZhHans, URL, DAY);
        let both = c.both();
        assert_eq!(
            both.lines().collect::<Vec<_>>(),
            [c.report.as_str(), c.app.as_str()]
        );
    }

    /// The patterns of the two styles, written out (no regex crate for a test).
    mod regex_like {
        /// `作者. [题名][N]. 报纸, 日期.`
        pub(crate) fn gb_newspaper(s: &str) -> bool {
            let Some((author, rest)) = s.split_once(". ") else {
                return false;
            };
            let Some((title, rest)) = rest.split_once("[N]. ") else {
                return false;
            };
            !author.is_empty()
                && !author.contains(['.', ','])
                && title.starts_with('[')
                && title.ends_with(']')
                && rest.ends_with('.')
                && rest.contains(", ")
        }

        /// `题名: 其他[EB/OL]. [YYYY-MM-DD]. URL.`
        pub(crate) fn gb_online(s: &str, date: &str, url: &str) -> bool {
            let Some((title, rest)) = s.split_once("[EB/OL]. ") else {
                return false;
            };
            !title.is_empty() && title.contains(": ") && rest == format!("[{date}]. {url}.")
        }

        /// `Family, I. (n.d.). [Title] [Description].`
        pub(crate) fn apa_author_date(s: &str) -> bool {
            let Some((author, rest)) = s.split_once(" (n.d.). ") else {
                return false;
            };
            let mut parts = author.split(", ");
            let family = parts.next().unwrap_or_default();
            let initials = parts.next().unwrap_or_default();
            family.chars().next().is_some_and(char::is_uppercase)
                && initials.len() == 2
                && initials.ends_with('.')
                && rest.starts_with('[')
                && rest.ends_with("].")
                && rest.matches("] [").count() == 1
        }

        /// `Title. (n.d.). Retrieved Month D, YYYY, from URL`
        pub(crate) fn apa_retrieved(s: &str, url: &str) -> bool {
            let Some((title, rest)) = s.split_once(". (n.d.). Retrieved ") else {
                return false;
            };
            let Some((date, from)) = rest.split_once(", from ") else {
                return false;
            };
            let words: Vec<&str> = date.split(' ').collect();
            title.chars().next().is_some_and(char::is_uppercase)
                && words.len() == 3
                && words[1].ends_with(',')
                && words[2].len() == 4
                && from == url
        }
    }
}
