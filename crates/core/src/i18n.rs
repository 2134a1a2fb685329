//! Every string the interface itself shows (the story's own texts live in the dataset), in
//! the three languages. Plain data: host tests check that no string is missing.

use crate::model::{Kind, Lang};
use crate::view::Sort;

/// The interface strings of one language.
#[derive(Debug)]
pub struct Strings {
    pub skip_to_content: &'static str,
    pub language: &'static str,
    pub theme: &'static str,
    pub theme_system: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    pub theme_contrast: &'static str,
    /// The large-text mode's switch (长辈模式, the name readers here know).
    pub large_text: &'static str,
    /// Its further step.
    pub extra_large_text: &'static str,
    pub share: &'static str,
    pub link_copied: &'static str,
    pub link_shared: &'static str,
    pub copy_failed: &'static str,
    pub key_figures: &'static str,
    pub go_to_event: &'static str,
    pub events_heading: &'static str,
    pub filter_by_theme: &'static str,
    pub all_themes: &'static str,
    pub search: &'static str,
    pub search_placeholder: &'static str,
    pub sort: &'static str,
    pub no_results: &'static str,
    pub clear_filters: &'static str,
    pub read_more: &'static str,
    pub read_less: &'static str,
    pub(crate) figures_in_event: &'static str,
    pub(crate) source_sentence: &'static str,
    pub reported: &'static str,
    pub derived: &'static str,
    pub(crate) formula: &'static str,
    pub close: &'static str,
    pub charts_loading: &'static str,
    pub term: &'static str,
    pub(crate) what_is_this: &'static str,
    pub source: &'static str,
    pub byline: &'static str,
    pub translation_note: &'static str,
    /// (How to see a figure's source, a hint for screens, is in `style/layout.css`.)
    pub provenance_note: &'static str,
    pub(crate) original_text: &'static str,
    /// The listen control's labels in the page's markup ([`crate::html::listen_control`]):
    /// read, and stop. The rest of read-aloud's strings are in [`ReaderStrings`].
    pub listen: &'static str,
    /// The poster button (海报: a picture of the card, or of the sheet, with a QR code).
    pub(crate) poster: &'static str,
    pub(crate) stop_reading: &'static str,
}

const ZH_HANS: Strings = Strings {
    skip_to_content: "跳到正文",
    language: "语言",
    theme: "外观",
    theme_system: "跟随系统",
    theme_light: "浅色",
    theme_dark: "深色",
    theme_contrast: "高对比度",
    large_text: "长辈模式",
    extra_large_text: "特大字",
    share: "分享",
    link_copied: "链接已复制",
    link_shared: "已分享",
    copy_failed: "无法复制，请手动复制地址栏中的链接",
    key_figures: "关键数字",
    go_to_event: "查看事件",
    events_heading: "十件大事",
    filter_by_theme: "按主题筛选",
    all_themes: "全部",
    search: "搜索",
    search_placeholder: "搜索事件或数字，如 搬迁、5222",
    sort: "排序",
    no_results: "没有符合条件的事件。",
    clear_filters: "清除筛选",
    read_more: "展开全文",
    read_less: "收起全文",
    figures_in_event: "本条数字",
    source_sentence: "原文出处",
    reported: "原文数字",
    derived: "推算数字",
    formula: "算法",
    close: "关闭",
    charts_loading: "图表加载中……",
    term: "术语",
    what_is_this: "这是什么？",
    source: "来源",
    byline: "作者",
    translation_note: "英文翻译为本项目所作。",
    provenance_note: "每个数字均取自原文，推算数字另有标注。",
    original_text: "原文",
    listen: "朗读",
    poster: "海报",
    stop_reading: "停止",
};

const ZH_HANT: Strings = Strings {
    skip_to_content: "跳到正文",
    language: "語言",
    theme: "外觀",
    theme_system: "跟隨系統",
    theme_light: "淺色",
    theme_dark: "深色",
    theme_contrast: "高對比度",
    large_text: "長輩模式",
    extra_large_text: "特大字",
    share: "分享",
    link_copied: "連結已複製",
    link_shared: "已分享",
    copy_failed: "無法複製，請手動複製網址列中的連結",
    key_figures: "關鍵數字",
    go_to_event: "查看事件",
    events_heading: "十件大事",
    filter_by_theme: "按主題篩選",
    all_themes: "全部",
    search: "搜尋",
    search_placeholder: "搜尋事件或數字，如 搬遷、5222",
    sort: "排序",
    no_results: "沒有符合條件的事件。",
    clear_filters: "清除篩選",
    read_more: "展開全文",
    read_less: "收起全文",
    figures_in_event: "本條數字",
    source_sentence: "原文出處",
    reported: "原文數字",
    derived: "推算數字",
    formula: "算法",
    close: "關閉",
    charts_loading: "圖表載入中……",
    term: "術語",
    what_is_this: "這是什麼？",
    source: "來源",
    byline: "作者",
    translation_note: "英文翻譯為本專案所作。",
    provenance_note: "每個數字均取自原文，推算數字另有標註。",
    original_text: "原文",
    listen: "朗讀",
    poster: "海報",
    stop_reading: "停止",
};

const EN: Strings = Strings {
    skip_to_content: "Skip to content",
    language: "Language",
    theme: "Appearance",
    theme_system: "System",
    theme_light: "Light",
    theme_dark: "Dark",
    theme_contrast: "High contrast",
    large_text: "Large text",
    extra_large_text: "Extra large",
    share: "Share",
    link_copied: "Link copied",
    link_shared: "Shared",
    copy_failed: "Could not copy: copy the address bar’s link instead",
    key_figures: "Key figures",
    go_to_event: "Go to event",
    events_heading: "The ten events",
    filter_by_theme: "Filter by theme",
    all_themes: "All",
    search: "Search",
    search_placeholder: "Search events or figures, e.g. relocation, 5222",
    sort: "Sort",
    no_results: "No events match.",
    clear_filters: "Clear filters",
    read_more: "Read full text",
    read_less: "Show less",
    figures_in_event: "Figures in this event",
    source_sentence: "Source sentence",
    reported: "Reported",
    derived: "Derived",
    formula: "Formula",
    close: "Close",
    charts_loading: "Loading the charts…",
    term: "Term",
    what_is_this: "What is this?",
    source: "Source",
    byline: "By",
    translation_note: "English translation made for this project.",
    provenance_note: "Every figure comes from the report; derived figures are marked.",
    original_text: "Original",
    listen: "Listen",
    poster: "Poster",
    stop_reading: "Stop",
};

/// Read-aloud's strings that only the charts module, which reads aloud, uses
/// (the app's `browser::speech`), apart from [`Strings`] so that the page does not carry them:
/// the read button's labels while reading, and what the control says where the device cannot
/// read this language or the browser cannot read at all.
pub struct ReaderStrings {
    pub pause: &'static str,
    pub resume: &'static str,
    pub no_voice: &'static str,
    pub no_speech: &'static str,
}

/// Read-aloud's strings in `lang`.
#[inline]
pub fn reader_strings(lang: Lang) -> &'static ReaderStrings {
    match lang {
        Lang::ZhHans => &ReaderStrings {
            pause: "暂停",
            resume: "继续朗读",
            no_voice: "这台设备没有中文语音，无法朗读。",
            no_speech: "这个浏览器不支持朗读。",
        },
        Lang::ZhHant => &ReaderStrings {
            pause: "暫停",
            resume: "繼續朗讀",
            no_voice: "這台裝置沒有中文語音，無法朗讀。",
            no_speech: "這個瀏覽器不支援朗讀。",
        },
        Lang::En => &ReaderStrings {
            pause: "Pause",
            resume: "Resume",
            no_voice: "This device has no English voice, so it cannot read aloud.",
            no_speech: "This browser cannot read aloud.",
        },
    }
}

/// The interface strings in `lang`.
#[inline]
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::ZhHans => &ZH_HANS,
        Lang::ZhHant => &ZH_HANT,
        Lang::En => &EN,
    }
}

/// The language's own name, as the switcher shows it (always in its own script).
#[inline]
pub fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhHans => "简体",
        Lang::ZhHant => "繁體",
        Lang::En => "English",
    }
}

/// The name of a sort order.
#[inline]
pub fn sort_name(sort: Sort, lang: Lang) -> &'static str {
    match (sort, lang) {
        (Sort::Report, Lang::ZhHans) => "原文顺序",
        (Sort::Report, Lang::ZhHant) => "原文順序",
        (Sort::Report, Lang::En) => "Report order",
        (Sort::Money, Lang::ZhHans) => "按金额",
        (Sort::Money, Lang::ZhHant) => "按金額",
        (Sort::Money, Lang::En) => "Most money",
        (Sort::People, Lang::ZhHans) => "按人数",
        (Sort::People, Lang::ZhHant) => "按人數",
        (Sort::People, Lang::En) => "Most people",
    }
}

/// What a figure kind is called.
#[inline]
pub fn kind_name(kind: Kind, lang: Lang) -> &'static str {
    let [hans, hant, en] = match kind {
        Kind::Spending => ["支出", "支出", "Spending"],
        Kind::Investment => ["投资", "投資", "Investment"],
        Kind::Loans => ["贷款发放", "貸款發放", "Loans issued"],
        Kind::People => ["人数", "人數", "People"],
        Kind::Households => ["户数", "戶數", "Households"],
        Kind::Villages => ["村数", "村數", "Villages"],
        Kind::Percent => ["比例", "比例", "Percentage"],
        Kind::Count => ["数量", "數量", "Count"],
        Kind::Power => ["功率", "功率", "Power"],
        Kind::Duration => ["时长", "時長", "Duration"],
        Kind::Income => ["收入", "收入", "Income"],
    };
    match lang {
        Lang::ZhHans => hans,
        Lang::ZhHant => hant,
        Lang::En => en,
    }
}

/// "Showing 3 of 10 events", announced to screen readers when the list changes.
#[inline]
pub fn result_count(shown: usize, total: usize, lang: Lang) -> String {
    match lang {
        Lang::ZhHans => format!("显示 {shown} / {total} 件大事"),
        Lang::ZhHant => format!("顯示 {shown} / {total} 件大事"),
        Lang::En if shown == 1 => format!("Showing 1 of {total} events"),
        Lang::En => format!("Showing {shown} of {total} events"),
    }
}

/// The rank badge of a card: 第2件 / No. 2.
#[inline]
pub fn rank_label(rank: u8, lang: Lang) -> String {
    match lang {
        Lang::ZhHans | Lang::ZhHant => format!("第{rank}件"),
        Lang::En => format!("No. {rank}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_is_present_in_every_language() {
        for lang in Lang::ALL {
            let debug = format!("{:?}", strings(lang));
            assert!(!debug.contains("\"\""), "{lang:?} has an empty string");
            for sort in Sort::ALL {
                assert!(!sort_name(sort, lang).is_empty());
            }
        }
    }

    #[test]
    fn traditional_strings_use_traditional_characters() {
        let hant = format!("{:?}", strings(Lang::ZhHant));
        for simplified in [
            "语", "观", "随", "浅", "链", "复", "键", "数", "题", "选", "条", "关", "术",
        ] {
            assert!(!hant.contains(simplified), "繁體 string has {simplified}");
        }
    }

    #[test]
    fn counts_read_naturally() {
        assert_eq!(result_count(3, 10, Lang::ZhHans), "显示 3 / 10 件大事");
        assert_eq!(result_count(1, 10, Lang::En), "Showing 1 of 10 events");
        assert_eq!(rank_label(2, Lang::En), "No. 2");
        assert_eq!(rank_label(10, Lang::ZhHant), "第10件");
    }
}
