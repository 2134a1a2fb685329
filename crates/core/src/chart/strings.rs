//! The charts' own interface strings, in the three languages (the figures' labels come from
//! the dataset). Plain data; host tests check none is missing.

use super::spec::{ChartKind, Role};
use crate::model::Lang;

/// The chart strings of one language.
#[derive(Debug)]
pub struct ChartStrings {
    /// Heading of the charts section.
    pub heading: &'static str,
    /// What the scale switch is called.
    pub scale: &'static str,
    pub linear: &'static str,
    pub log: &'static str,
    /// The reference line of the achieved chart.
    pub(crate) target_line: &'static str,
    pub show_table: &'static str,
    pub hide_table: &'static str,
    /// Label of the download buttons' group.
    pub download: &'static str,
    /// Name of the group of focusable marks, with how to move between them.
    pub marks: &'static str,
    /// Table column heads.
    pub col_item: &'static str,
    pub col_value: &'static str,
    pub col_source: &'static str,
    /// The citations' box: heading, the style they follow, the copy action and its outcome.
    pub cite_heading: &'static str,
    pub cite_style: &'static str,
    pub cite_copy: &'static str,
    pub cite_copied: &'static str,
    pub cite_failed: &'static str,
    /// Before the source on a downloaded or embedded chart.
    pub source_prefix: &'static str,
    /// The embed action, and what it says once the snippet is copied.
    pub embed: &'static str,
    pub embed_copied: &'static str,
    pub embed_failed: &'static str,
}

const ZH_HANS: ChartStrings = ChartStrings {
    heading: "图表",
    scale: "刻度",
    linear: "线性",
    log: "对数",
    target_line: "任务 100%",
    show_table: "显示数据表",
    hide_table: "隐藏数据表",
    download: "下载",
    marks: "图中数据，可用方向键切换",
    col_item: "项目",
    col_value: "数值",
    col_source: "原文",
    cite_heading: "如何引用",
    cite_style: "按 GB/T 7714-2015 著录：本报道，及本页（含引用日期）。",
    cite_copy: "复制引用",
    cite_copied: "引用已复制",
    cite_failed: "无法复制，请选中文字手动复制",
    source_prefix: "来源：",
    embed: "嵌入",
    embed_copied: "嵌入代码已复制",
    embed_failed: "无法复制：浏览器不允许写入剪贴板",
};

const ZH_HANT: ChartStrings = ChartStrings {
    heading: "圖表",
    scale: "刻度",
    linear: "線性",
    log: "對數",
    target_line: "任務 100%",
    show_table: "顯示數據表",
    hide_table: "隱藏數據表",
    download: "下載",
    marks: "圖中數據，可用方向鍵切換",
    col_item: "項目",
    col_value: "數值",
    col_source: "原文",
    cite_heading: "如何引用",
    cite_style: "按 GB/T 7714-2015 著錄：本報道，及本頁（含引用日期）。",
    cite_copy: "複製引用",
    cite_copied: "引用已複製",
    cite_failed: "無法複製，請選取文字手動複製",
    source_prefix: "來源：",
    embed: "嵌入",
    embed_copied: "嵌入代碼已複製",
    embed_failed: "無法複製：瀏覽器不允許寫入剪貼簿",
};

const EN: ChartStrings = ChartStrings {
    heading: "Charts",
    scale: "Scale",
    linear: "Linear",
    log: "Logarithmic",
    target_line: "Target 100%",
    show_table: "Show table",
    hide_table: "Hide table",
    download: "Download",
    marks: "Chart marks: use the arrow keys to move",
    col_item: "Item",
    col_value: "Value",
    col_source: "Source",
    cite_heading: "How to cite",
    cite_style:
        "In APA style (7th edition): the report, and this page with the date you retrieved it.",
    cite_copy: "Copy citation",
    cite_copied: "Citation copied",
    cite_failed: "Could not copy: select the text to copy it",
    source_prefix: "Source: ",
    embed: "Embed",
    embed_copied: "Embed code copied",
    embed_failed: "Could not copy: the browser refused the clipboard",
};

/// The chart strings in `lang`.
#[inline]
pub fn chart_strings(lang: Lang) -> &'static ChartStrings {
    match lang {
        Lang::ZhHans => &ZH_HANS,
        Lang::ZhHant => &ZH_HANT,
        Lang::En => &EN,
    }
}

#[inline]
fn pick(lang: Lang, [hans, hant, en]: [&'static str; 3]) -> &'static str {
    match lang {
        Lang::ZhHans => hans,
        Lang::ZhHant => hant,
        Lang::En => en,
    }
}

/// A chart's title.
#[inline]
pub fn title(kind: ChartKind, lang: Lang) -> &'static str {
    pick(
        lang,
        match kind {
            ChartKind::Money => [
                "各项目支出与投资",
                "各項目支出與投資",
                "Spending and investment by programme",
            ],
            ChartKind::Achieved => ["任务完成情况", "任務完成情況", "Achieved against target"],
            ChartKind::HouseholdsPeople => ["户数与人数", "戶數與人數", "Households and people"],
        },
    )
}

/// What a chart's value axis measures.
#[inline]
pub(crate) fn axis_title(kind: ChartKind, lang: Lang) -> &'static str {
    pick(
        lang,
        match kind {
            ChartKind::Money => ["金额（元）", "金額（元）", "Amount (CNY)"],
            ChartKind::Achieved => ["完成任务的比例", "完成任務的比例", "Share of the target"],
            ChartKind::HouseholdsPeople => ["户数、人数", "戶數、人數", "Households, people"],
        },
    )
}

/// The money axis's title on a logarithmic scale, which must say so.
#[inline]
pub(crate) fn log_axis_title(lang: Lang) -> &'static str {
    pick(
        lang,
        [
            "金额（元，对数刻度）",
            "金額（元，對數刻度）",
            "Amount (CNY, log scale)",
        ],
    )
}

/// What a figure is in its chart, for tooltips, tables and exports.
#[inline]
pub fn role_name(role: Role, lang: Lang) -> &'static str {
    pick(
        lang,
        match role {
            Role::Amount => ["金额", "金額", "Amount"],
            Role::Completion => ["完成比例", "完成比例", "Completion"],
            Role::Achieved => ["完成", "完成", "Achieved"],
            Role::Target => ["任务", "任務", "Target"],
            Role::Households => ["户数", "戶數", "Households"],
            Role::People => ["人数", "人數", "People"],
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::spec::Role;

    #[test]
    fn every_string_is_present_in_every_language() {
        let roles = [
            Role::Amount,
            Role::Completion,
            Role::Achieved,
            Role::Target,
            Role::Households,
            Role::People,
        ];
        for lang in Lang::ALL {
            let debug = format!("{:?}", chart_strings(lang));
            assert!(!debug.contains("\"\""), "{lang:?} has an empty string");
            for kind in ChartKind::ALL {
                assert!(!title(kind, lang).is_empty());
                assert!(!axis_title(kind, lang).is_empty());
            }
            for role in roles {
                assert!(!role_name(role, lang).is_empty());
            }
        }
    }

    #[test]
    fn traditional_strings_use_traditional_characters() {
        let mut hant = format!("{:?}", chart_strings(Lang::ZhHant));
        for kind in ChartKind::ALL {
            hant.push_str(title(kind, Lang::ZhHant));
            hant.push_str(axis_title(kind, Lang::ZhHant));
        }
        for simplified in [
            "图", "数", "线", "对", "务", "隐", "显", "载", "项", "额", "户", "说", "键",
        ] {
            assert!(!hant.contains(simplified), "繁體 string has {simplified}");
        }
    }
}
