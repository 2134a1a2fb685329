//! Each chart's text description, generated from its data in the reader's language: what a
//! sighted reader takes from the picture (the largest amount and how it compares; who met
//! their target; how many people per household), for screen readers and for everyone.
//!
//! Ratios are computed with [`Decimal`], never typed, and said to be "about" only when they
//! are rounded.
//!
//! ```
//! use zezhou_core::chart::describe::describe;
//! use zezhou_core::chart::spec::{ChartData, ChartKind};
//! use zezhou_core::data::story;
//! use zezhou_core::model::Lang;
//!
//! let text = describe(&ChartData::of(ChartKind::Money, story()), Lang::ZhHans);
//! assert!(text.contains("集中安置点建设投资最多，为1.28亿元"));
//! ```

use super::spec::{is_reported, ChartData, ChartKind, Datum, Role};
use super::strings::role_name;
use crate::format;
use crate::model::{Decimal, Figure, Lang};

/// The description of `data` in `lang`.
#[inline]
pub fn describe(data: &ChartData, lang: Lang) -> String {
    match data.kind {
        ChartKind::Money => money(data, lang),
        ChartKind::Achieved => achieved(data, lang),
        ChartKind::HouseholdsPeople => households_people(data, lang),
    }
}

/// What a chart mark says to a screen reader (its name, and the live announcement when the
/// keyboard moves to it): label, value, provenance, position. `position` counts from 0.
#[inline]
pub fn mark_name(figure: &Figure, position: usize, count: usize, lang: Lang) -> String {
    let t = crate::i18n::strings(lang);
    let (label, value, n) = (label(figure, lang), value(figure, lang), position + 1);
    match (lang, is_reported(figure)) {
        (Lang::En, true) => format!("{label}: {value} (reported) {n}/{count}"),
        (Lang::En, false) => format!("{label}: {value} (derived) {n}/{count}"),
        (_, true) => format!("{label}：{value}（{}） {n}/{count}", t.reported),
        (_, false) => format!("{label}：{value}（{}） {n}/{count}", t.derived),
    }
}

/// `a / b`, rounded to `digits`, and whether that is exact.
#[inline]
fn ratio(a: Decimal, b: Decimal, digits: u8) -> Option<(Decimal, bool)> {
    let r = a.div(b, digits)?;
    let exact = a.div(b, digits + 6) == Some(r);
    Some((r, exact))
}

#[inline]
fn value(figure: &Figure, lang: Lang) -> String {
    format::figure(figure, lang)
}

#[inline]
fn label(figure: &Figure, lang: Lang) -> &str {
    figure.label.get(lang)
}

#[inline]
fn money(data: &ChartData, lang: Lang) -> String {
    let amounts: Vec<&Figure> = data.bars().map(|d| d.figure).collect();
    let n = amounts.len();
    let (Some(top), Some(bottom)) = (amounts.first(), amounts.last()) else {
        return match lang {
            Lang::ZhHans => "没有金额数据。".to_owned(),
            Lang::ZhHant => "沒有金額數據。".to_owned(),
            Lang::En => "No amounts to show.".to_owned(),
        };
    };
    // What the amounts are, and that they must not be added: they are of different kinds
    // (spending, investment) and may overlap (a county fund may pay for another programme).
    let intro = match lang {
        Lang::ZhHans => format!(
            "共{n}项金额，为各项目的支出或投资；口径不同，可能相互包含，不能相加。贷款发放额不是支出，不在此图。"
        ),
        Lang::ZhHant => format!(
            "共{n}項金額，為各項目的支出或投資；口徑不同，可能相互包含，不能相加。貸款發放額不是支出，不在此圖。"
        ),
        Lang::En if n == 1 => {
            "One amount, spent or invested. Loans issued are not spending and are not shown."
                .to_owned()
        }
        Lang::En => format!(
            "{n} amounts, each spent on or invested in a programme. They are of different kinds and may overlap, so they are not additive. Loans issued are not spending and are not shown."
        ),
    };
    let lead = match lang {
        Lang::ZhHans => format!("{}最多，为{}", label(top, lang), value(top, lang)),
        Lang::ZhHant => format!("{}最多，為{}", label(top, lang), value(top, lang)),
        Lang::En => format!("The largest is {}: {}", label(top, lang), value(top, lang)),
    };
    // Compared with the next amount and with the smallest.
    let mut others = Vec::new();
    if let Some(second) = amounts.get(1) {
        others.push(*second);
    }
    if n > 2 {
        others.push(*bottom);
    }
    let comparisons: Vec<String> = others
        .iter()
        .filter_map(|other| {
            let (r, exact) = ratio(top.value, other.value, 1)?;
            let times = format::number(r, lang);
            let (l, v) = (label(other, lang), value(other, lang));
            Some(match (lang, exact) {
                (Lang::ZhHans | Lang::ZhHant, true) => format!("是{l}（{v}）的{times}倍"),
                (Lang::ZhHans, false) => format!("约为{l}（{v}）的{times}倍"),
                (Lang::ZhHant, false) => format!("約為{l}（{v}）的{times}倍"),
                (Lang::En, true) => format!("{times} times {l} ({v})"),
                (Lang::En, false) => format!("about {times} times {l} ({v})"),
            })
        })
        .collect();
    match lang {
        Lang::ZhHans | Lang::ZhHant if comparisons.is_empty() => format!("{intro}{lead}。"),
        Lang::ZhHans | Lang::ZhHant => format!("{intro}{lead}，{}。", comparisons.join("，")),
        Lang::En if comparisons.is_empty() => format!("{intro} {lead}."),
        Lang::En => format!("{intro} {lead}, {}.", comparisons.join(", and ")),
    }
}

#[inline]
fn achieved(data: &ChartData, lang: Lang) -> String {
    let bars: Vec<&Datum> = data.bars().collect();
    let hundred = Decimal::from_int(100);
    let n = bars.len();
    if n == 0 {
        return match lang {
            Lang::ZhHans => "没有任务完成数据。".to_owned(),
            Lang::ZhHant => "沒有任務完成數據。".to_owned(),
            Lang::En => "No targets to show.".to_owned(),
        };
    }
    let met = bars.iter().filter(|d| d.figure.value >= hundred).count();
    let intro = match (lang, met == n) {
        (Lang::ZhHans, true) => format!("{n}项均完成并超过任务（虚线为任务的100%）。"),
        (Lang::ZhHant, true) => format!("{n}項均完成並超過任務（虛線為任務的100%）。"),
        (Lang::ZhHans, false) => format!("{n}项中{met}项达到任务（虚线为任务的100%）。"),
        (Lang::ZhHant, false) => format!("{n}項中{met}項達到任務（虛線為任務的100%）。"),
        (Lang::En, true) if n == 2 => {
            "Both met and passed their targets (the dashed line marks 100%).".to_owned()
        }
        (Lang::En, true) => {
            format!("All {n} met and passed their targets (the dashed line marks 100%).")
        }
        (Lang::En, false) => {
            format!("{met} of {n} met their targets (the dashed line marks 100%).")
        }
    };
    let items: Vec<String> = data
        .groups
        .iter()
        .flat_map(|g| g.bars.iter().map(move |d| (g.label.get(lang), d)))
        .map(|(group, d)| {
            let details: Vec<String> = d
                .context
                .iter()
                .map(|(role, f)| format!("{}{}", context_name(*role, lang), value(f, lang)))
                .collect();
            let p = value(d.figure, lang);
            match (lang, details.is_empty()) {
                (Lang::ZhHans | Lang::ZhHant, true) => format!("{group}：{p}"),
                (Lang::ZhHans | Lang::ZhHant, false) => {
                    format!("{group}：{p}（{}）", details.join("，"))
                }
                (Lang::En, true) => format!("{group}: {p}"),
                (Lang::En, false) => format!("{group}: {p} ({})", details.join(", ")),
            }
        })
        .collect();
    match lang {
        Lang::ZhHans | Lang::ZhHant => format!("{intro}{}。", items.join("；")),
        Lang::En => format!("{intro} {}.", items.join("; ")),
    }
}

/// "完成" / "achieved " before a context figure's value.
#[inline]
fn context_name(role: Role, lang: Lang) -> &'static str {
    match (role, lang) {
        (Role::Target, Lang::En) => "target ",
        (_, Lang::En) => "achieved ",
        _ => role_name(role, lang),
    }
}

#[inline]
fn households_people(data: &ChartData, lang: Lang) -> String {
    let items: Vec<String> = data
        .groups
        .iter()
        .map(|g| {
            let group = g.label.get(lang);
            let of = |role| g.bars.iter().find(|d| d.role == role).map(|d| d.figure);
            let (households, people) = (of(Role::Households), of(Role::People));
            let values: Vec<String> = [households, people]
                .into_iter()
                .flatten()
                .map(|f| value(f, lang))
                .collect();
            let average = households
                .zip(people)
                .and_then(|(h, p)| ratio(p.value, h.value, 2))
                .map(|(r, exact)| {
                    let r = format::number(r, lang);
                    match (lang, exact) {
                        (Lang::ZhHans, true) => format!("，平均每户{r}人"),
                        (Lang::ZhHans, false) => format!("，平均每户约{r}人"),
                        (Lang::ZhHant, true) => format!("，平均每戶{r}人"),
                        (Lang::ZhHant, false) => format!("，平均每戶約{r}人"),
                        (Lang::En, true) => format!(", {r} people per household"),
                        (Lang::En, false) => format!(", about {r} people per household"),
                    }
                })
                .unwrap_or_default();
            match lang {
                Lang::ZhHans | Lang::ZhHant => format!("{group}：{}{average}", values.join("，")),
                Lang::En => format!("{group}: {}{average}", values.join(" and ")),
            }
        })
        .collect();
    match lang {
        Lang::ZhHans if items.is_empty() => "没有户数与人数数据。".to_owned(),
        Lang::ZhHant if items.is_empty() => "沒有戶數與人數數據。".to_owned(),
        Lang::En if items.is_empty() => "No households and people to show.".to_owned(),
        Lang::ZhHans | Lang::ZhHant => format!("{}。", items.join("；")),
        Lang::En => format!("{}.", items.join("; ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::story;

    /// The description in simplified, traditional and English.
    #[track_caller]
    fn check(kind: ChartKind, want: [&str; 3]) {
        let data = ChartData::of(kind, story());
        let got = Lang::ALL.map(|lang| describe(&data, lang));
        for (got, want) in got.iter().zip(want) {
            assert_eq!(got, want);
        }
    }

    #[test]
    fn money_names_the_largest_and_compares_it() {
        check(
            ChartKind::Money,
            [
                "共4项金额，为各项目的支出或投资；口径不同，可能相互包含，不能相加。贷款发放额不是支出，不在此图。集中安置点建设投资最多，为1.28亿元，约为县级财政专项扶贫资金投入（1925.04万元）的6.6倍，是打造“互联网+泽州扶贫”模式的投资（100万元）的128倍。",
                "共4項金額，為各項目的支出或投資；口徑不同，可能相互包含，不能相加。貸款發放額不是支出，不在此圖。集中安置點建設投資最多，為1.28億元，約為縣級財政專項扶貧資金投入（1925.04萬元）的6.6倍，是打造“互聯網+澤州扶貧”模式的投資（100萬元）的128倍。",
                "4 amounts, each spent on or invested in a programme. They are of different kinds and may overlap, so they are not additive. Loans issued are not spending and are not shown. The largest is Investment in building the resettlement sites: CNY 128 million, about 6.6 times Special poverty-alleviation funds spent from the county budget (CNY 19.25 million), and 128 times Investment in the “Internet Plus Zezhou poverty alleviation” model (CNY 1 million).",
            ],
        );
    }

    #[test]
    fn achieved_says_who_met_the_target() {
        check(
            ChartKind::Achieved,
            [
                "2项均完成并超过任务（虚线为任务的100%）。易地扶贫搬迁：安置人数与2016-2017年任务：127%（完成2551人，任务2000人）；扶贫小额信贷：投放额与年度任务（报道未给出任务金额）：126%（完成2791.86万元）。",
                "2項均完成並超過任務（虛線為任務的100%）。易地扶貧搬遷：安置人數與2016-2017年任務：127%（完成2551人，任務2000人）；扶貧小額信貸：投放額與年度任務（報道未給出任務金額）：126%（完成2791.86萬元）。",
                "Both met and passed their targets (the dashed line marks 100%). Poverty-alleviation relocation: people resettled against the 2016–2017 task: 127% (achieved 2,551 people, target 2,000 people); Microcredit: loans issued against the annual task (the report gives no task amount): 126% (achieved CNY 27.92 million).",
            ],
        );
    }

    #[test]
    fn households_and_people_give_the_average_household() {
        check(
            ChartKind::HouseholdsPeople,
            [
                "2017年减贫户数与人数：2078户，5222人，平均每户约2.51人；易地扶贫搬迁安置户数与人数：784户，2551人，平均每户约3.25人。",
                "2017年減貧戶數與人數：2078戶，5222人，平均每戶約2.51人；易地扶貧搬遷安置戶數與人數：784戶，2551人，平均每戶約3.25人。",
                "Households and people lifted out of poverty in 2017: 2,078 households and 5,222 people, about 2.51 people per household; Households and people resettled: 784 households and 2,551 people, about 3.25 people per household.",
            ],
        );
    }

    #[test]
    fn marks_name_label_value_provenance_and_position() {
        let data = ChartData::of(ChartKind::Money, story());
        let second = data.groups[1].bars[0].figure;
        let got = Lang::ALL.map(|lang| mark_name(second, 1, 4, lang));
        assert_eq!(
            got,
            [
                "县级财政专项扶贫资金投入：1925.04万元（原文数字） 2/4",
                "縣級財政專項扶貧資金投入：1925.04萬元（原文數字） 2/4",
                "Special poverty-alleviation funds spent from the county budget: CNY 19.25 million (reported) 2/4",
            ]
        );
        let derived = story().figure("people-per-household-lifted").unwrap();
        assert!(mark_name(derived, 0, 1, Lang::En).contains("(derived) 1/1"));
    }

    #[test]
    fn ratios_are_exact_or_said_to_be_about() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(
            ratio(d("128000000"), d("1000000"), 1),
            Some((d("128"), true))
        );
        assert_eq!(
            ratio(d("128000000"), d("19250400"), 1),
            Some((d("6.6"), false))
        );
        assert_eq!(ratio(d("5222"), d("2078"), 2), Some((d("2.51"), false)));
        assert_eq!(ratio(d("3"), d("2"), 1), Some((d("1.5"), true)));
        assert_eq!(ratio(d("1"), d("0"), 1), None);
    }

    #[test]
    fn empty_charts_say_so() {
        let mut bare = story().clone();
        bare.relations.clear();
        bare.figures.clear();
        for kind in ChartKind::ALL {
            for lang in Lang::ALL {
                let text = describe(&ChartData::of(kind, &bare), lang);
                assert!(!text.is_empty(), "{kind:?} {lang:?}");
            }
        }
    }
}
