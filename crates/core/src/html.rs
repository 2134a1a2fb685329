//! The story's static content as HTML: a card's head and full text, and the figure and
//! term panels, in one language. Plain functions from the dataset to markup, so they are
//! tested on the host; the components set them as `inner_html` and handle clicks on the
//! `data-figure` / `data-term` buttons inside by delegation.
//!
//! Why strings rather than Leptos views: every distinct view and reactive closure costs
//! code in the browser bundle, and this content only ever changes as a whole (with the
//! language). Rendered as strings, the ten cards and the panel cost a few kilobytes instead
//! of tens (see the README's size table). Every text goes through [`escape`].
//!
//! ```
//! use zezhou_core::data::story;
//! use zezhou_core::html::card_head;
//! use zezhou_core::model::Lang;
//!
//! let story = story();
//! let head = card_head(story, story.event(2).unwrap(), Lang::ZhHans);
//! assert!(head.contains(r#"<h3 class="card__title" id="event-2-title"><span class="sentence">啃下"#));
//! ```

use crate::chart::card::completions;
use crate::format;
use crate::i18n::{kind_name, rank_label, strings};
use crate::model::{Event, Figure, GlossaryEntry, Lang, Provenance, Story};
use crate::speech::sentences;
pub use crate::text::escape::{escape, escape_into};
use crate::text::marks::{
    event_segments, heading_segments, lead_segments, source_sentence, Segment,
};
use crate::text::phrases;
use crate::view::event_dom_id;

/// The start of a sentence's span (see `Html::marked`).
const SENTENCE: &str = r#"<span class="sentence">"#;

/// A small writer: `raw` appends markup as written, `attr` an attribute with its value
/// escaped, `text` escaped text, `element` a whole element with escaped text.
struct Html(String);

impl Html {
    #[inline]
    fn new() -> Html {
        Html(String::with_capacity(1024))
    }

    #[inline]
    fn raw(&mut self, markup: &str) -> &mut Html {
        self.0.push_str(markup);
        self
    }

    #[inline]
    fn text(&mut self, text: &str) -> &mut Html {
        escape_into(&mut self.0, text);
        self
    }

    /// ` name="value"`, the value escaped.
    #[inline]
    fn attr(&mut self, name: &str, value: &str) -> &mut Html {
        self.0.push(' ');
        self.0.push_str(name);
        self.0.push_str("=\"");
        escape_into(&mut self.0, value);
        self.0.push('"');
        self
    }

    /// Text cut into segments, figures and terms as marks that open the panel, each sentence
    /// (a byte range of the text, from [`crate::speech::sentences`]) in a
    /// `<span class="sentence">` that read-aloud highlights; marks nest inside sentences.
    ///
    /// A mark is a link in the role of a button, not a `<button>`: a button lays out as one
    /// unbreakable block, and a long mark ("19,250,400 yuan") would stand alone, centred,
    /// and leave its comma on the next line; a link wraps like the text. The click handler
    /// of the list or the lead opens the panel and cancels the link (the app's `components`'s
    /// `panel_of`); the `href` makes it focusable, and Enter activates it. A mark right after
    /// another ("2078户5222人") says so (`data-next`), to be drawn apart from it.
    #[inline]
    fn marked(
        &mut self,
        segments: &[Segment],
        lang: Lang,
        sentences: &[(usize, usize)],
    ) -> &mut Html {
        let mut after_mark = false;
        // Where the segment starts in the text, and the next sentence to open or close.
        let mut pos = 0;
        let mut next = sentences.iter().peekable();
        let mut open = false;
        for segment in segments {
            let (class, attr, id, text) = match *segment {
                Segment::Plain(text) => {
                    let base = pos;
                    let end = base + text.len();
                    while let Some(&&(from, to)) = next.peek() {
                        // A sentence closes at the end of the text before a mark, but one
                        // that starts there opens with the mark.
                        let (at, here) = if open {
                            (to, to <= end)
                        } else {
                            (from, from < end)
                        };
                        if !here {
                            break;
                        }
                        self.text(&text[pos - base..at - base]);
                        if open {
                            self.raw("</span>");
                            next.next();
                        } else {
                            self.raw(SENTENCE);
                        }
                        open = !open;
                        pos = at;
                    }
                    self.text(&text[pos - base..]);
                    pos = end;
                    after_mark = false;
                    continue;
                }
                Segment::Figure { id, text } => ("mark mark--figure", "data-figure", id, text),
                Segment::Term { id, text } => ("mark mark--term", "data-term", id, text),
            };
            if !open && next.peek().is_some_and(|&&(from, _)| from <= pos) {
                self.raw(SENTENCE);
                open = true;
            }
            self.raw("<a")
                .attr("class", class)
                .attr(attr, id)
                .raw(r##" href="#" role="button""##);
            if attr == "data-term" {
                self.attr("title", strings(lang).what_is_this);
            }
            if after_mark {
                self.raw(" data-next");
            }
            after_mark = true;
            self.attr("aria-haspopup", "dialog")
                .raw(">")
                .text(text)
                .raw("</a>");
            pos += text.len();
            // A sentence that ends in a mark (never seen: a mark holds no full stop) ends
            // after it.
            if open && next.peek().is_some_and(|&&(_, to)| to <= pos) {
                self.raw("</span>");
                next.next();
                open = false;
            }
        }
        if open {
            self.raw("</span>");
        }
        self
    }

    /// `<tag class="class">text</tag>`.
    #[inline]
    fn element(&mut self, tag: &str, class: &str, text: &str) -> &mut Html {
        self.raw("<").raw(tag).attr("class", class).raw(">");
        self.text(text).raw("</").raw(tag).raw(">")
    }
}

/// A card's head: rank and theme, title (its figures and terms marked), summary, the key
/// figures and the derived ones as tiles (buttons with `data-figure` that open the panel; a
/// derived one says so in words) and the completion bars. The same markup in the build's
/// first view and the live app, which takes it over as it is.
#[inline]
pub fn card_head(story: &Story, event: &Event, lang: Lang) -> String {
    let t = strings(lang);
    let mut h = Html::new();
    h.raw(r#"<div class="card__meta">"#).element(
        "span",
        "card__rank",
        &rank_label(event.rank, lang),
    );
    if let Some(theme) = event.themes.first().and_then(|id| story.theme(id)) {
        h.raw("<span")
            .attr("class", "card__theme")
            .attr("data-theme-id", &theme.id)
            .raw(">")
            .text(theme.label.get(lang))
            .raw("</span>");
    }
    h.raw("</div><h3")
        .attr("class", "card__title")
        .attr("id", &format!("{}-title", event_dom_id(event.rank)))
        .raw(">");
    // The heading is the first sentence read aloud.
    let whole = [(0, event.title.get(lang).len())];
    h.marked(&heading_segments(story, event, lang), lang, &whole);
    h.raw("</h3>")
        .element("p", "card__summary", event.summary.get(lang));
    let mut tiles = story.card_figures(event.rank).peekable();
    if tiles.peek().is_some() {
        h.raw(r#"<ul class="card__figures""#)
            .attr("aria-label", t.figures_in_event)
            .raw(">");
        for figure in tiles {
            let derived = matches!(figure.provenance, Provenance::Derived { .. });
            let class = if derived {
                "tile tile--derived"
            } else {
                "tile"
            };
            h.raw("<li><button")
                .attr("type", "button")
                .attr("class", class)
                .attr("data-testid", "figure-tile")
                .attr("data-figure", &figure.id)
                .attr("aria-haspopup", "dialog")
                .raw(">")
                .element("span", "tile__value", &format::figure_boxed(figure, lang))
                // Chinese breaks between the label's phrases (`text::phrases`).
                .raw(r#"<span class="tile__label">"#)
                .raw(&figure_label(story, figure, lang))
                .raw("</span>");
            if derived {
                h.element("span", "tile__badge", t.derived);
            }
            h.raw("</button></li>");
        }
        h.raw("</ul>");
    }
    let bars = completions(story, event.rank);
    if !bars.is_empty() {
        h.raw(r#"<div class="event-visual" data-testid="event-visual">"#);
        for bar in bars {
            let label = format!(
                "{} {}",
                bar.figure.label.get(lang),
                format::figure(bar.figure, lang)
            );
            // The bar is our own markup from the dataset (see `Completion::svg`).
            h.raw(r#"<div class="completion">"#)
                .element("p", "completion__label", &label)
                .raw("<div>")
                .raw(&bar.svg())
                .raw("</div></div>");
        }
        h.raw("</div>");
    }
    h.raw(&listen_control(&event_dom_id(event.rank), lang));
    h.0
}

/// A card's full text: its figures and glossary terms are links in the role of buttons
/// (`data-figure`, `data-term`) that open the panel, each sentence a span read-aloud
/// highlights. Until the app is ready (and without JavaScript) the links take no taps
/// (`style/components.css`).
#[inline]
pub fn card_text(story: &Story, event: &Event, lang: Lang) -> String {
    let mut h = Html::new();
    h.raw(r#"<p class="event-text">"#);
    h.marked(
        &event_segments(story, event, lang),
        lang,
        &sentences(event.text.get(lang), lang),
    );
    h.raw("</p>");
    h.0
}

/// The report's lead paragraph, the content of its `<p>`: its glossary terms are marks
/// that open the panel, as in [`card_text`].
#[inline]
pub fn lead(story: &Story, lang: Lang) -> String {
    let mut h = Html::new();
    let text = story.lead.get(lang);
    h.marked(&lead_segments(story, lang), lang, &sentences(text, lang));
    h.0
}

/// The read-aloud control of a card (`target` is its DOM id) or of the lead (`lead`): a
/// button that reads, pauses and resumes (its label says which), a stop button shown while
/// reading, and a status line for "this device has no voice for this language". The same
/// markup in the HTML first view (hidden there without WebAssembly) and the live app, where
/// a press asks the charts module to read (the app's `browser::island::ask_charts`), and
/// `browser::speech` there sets its label.
#[inline]
pub fn listen_control(target: &str, lang: Lang) -> String {
    let t = strings(lang);
    let mut h = Html::new();
    // The poster button first: the stop button that shows while reading, and the read
    // button's changing label, then move nothing that was already there.
    h.raw(r#"<div class="listen""#)
        .attr(crate::island::LISTEN, target)
        .raw(r#"><button type="button" class="button listen__poster" data-testid="poster""#)
        .attr(crate::island::POSTER, target)
        .raw(r#"><svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M5 3h14v18H5zM8 14h3v3H8zm5 0h3v3h-3zM8 6h8v5H8z" fill="none" stroke="currentColor" stroke-width="2"></path></svg><span>"#)
        .text(t.poster)
        .raw(r#"</span></button><button type="button" class="button listen__play" data-testid="listen"><svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M3 9h4l5-4v14l-5-4H3zm13 0a4 4 0 0 1 0 6m2-9a8 8 0 0 1 0 12" fill="none" stroke="currentColor" stroke-width="2"></path></svg><span class="listen__label">"#)
        .text(t.listen)
        .raw(r#"</span></button><button type="button" class="button listen__stop" data-stop data-testid="listen-stop" hidden>"#)
        .text(t.stop_reading)
        .raw(r#"</button><span class="listen__note" role="status" data-testid="listen-note"></span></div>"#);
    h.0
}

/// A figure's label as a tile or the headline shows it: in Chinese, phrase by phrase
/// ([`phrases::label_markup`]), so a line breaks between them.
#[inline]
pub fn figure_label(story: &Story, figure: &Figure, lang: Lang) -> String {
    phrases::label_markup(story, figure.label.get(lang), lang)
}

/// The panel's content for a figure: label, value, reported or derived, kind, formula (for
/// a derived figure), the source sentence with the span highlighted (and the Chinese
/// original beside an English one), and the event it belongs to.
#[inline]
pub fn figure_panel(story: &Story, figure: &Figure, lang: Lang) -> String {
    let t = strings(lang);
    let mut h = Html::new();
    h.raw(r#"<h2 class="panel__title" id="panel-title">"#)
        .text(figure.label.get(lang))
        .raw(r#"</h2><p class="panel__value" data-testid="panel-value">"#)
        .text(&format::figure(figure, lang))
        .raw(r#"</p><p class="panel__facts">"#);
    match &figure.provenance {
        Provenance::Reported(_) => h.element("span", "badge", t.reported),
        Provenance::Derived { .. } => h.element("span", "badge badge--derived", t.derived),
    };
    h.raw(" ")
        .element("span", "panel__kind", kind_name(figure.kind, lang))
        .raw("</p>");
    if let Provenance::Derived { formula, .. } = &figure.provenance {
        h.raw(r#"<p class="panel__formula">"#)
            .element("span", "panel__label", t.formula)
            .raw(" ")
            .text(formula.get(lang))
            .raw("</p>");
    }
    let quote = |h: &mut Html, (before, span, after): (&str, &str, &str)| {
        h.text(before)
            .element("mark", "panel__mark", span)
            .text(after);
    };
    if let Some(sentence) = source_sentence(story, figure, lang) {
        h.raw(r#"<figure class="panel__source">"#)
            .element("figcaption", "panel__label", t.source_sentence)
            .raw(r#"<blockquote class="panel__quote" data-testid="panel-source">"#);
        quote(&mut h, sentence);
        h.raw("</blockquote>");
        if lang == Lang::En {
            if let Some(original) = source_sentence(story, figure, Lang::ZhHans) {
                h.raw(r#"<blockquote class="panel__quote panel__quote--original" lang="zh-Hans">"#)
                    .element("span", "panel__label", t.original_text)
                    .raw(" ");
                quote(&mut h, original);
                h.raw("</blockquote>");
            }
        }
        h.raw("</figure>");
    }
    if let Some(event) = story.event(figure.event) {
        h.element("p", "panel__event", event.title.get(lang));
    }
    h.0
}

/// The panel's content for a glossary term: the term (and its Chinese beside English), and
/// the explanation.
#[inline]
pub fn term_panel(entry: &GlossaryEntry, lang: Lang) -> String {
    let mut h = Html::new();
    h.raw(r#"<h2 class="panel__title" id="panel-title">"#)
        .text(entry.term.get(lang))
        .raw("</h2>");
    // (Once 简体's texts are here: the English page starts without them.)
    if lang == Lang::En && !entry.term.hans.is_empty() {
        h.raw(r#"<p class="panel__original" lang="zh-Hans">"#)
            .text(&entry.term.hans)
            .raw("</p>");
    }
    h.element("p", "panel__explanation", entry.explanation.get(lang));
    h.0
}

/// The text content of some markup: tags (and the comments Leptos leaves) dropped,
/// entities decoded. For tests.
#[cfg(test)]
pub(crate) fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::story;

    /// Every `<tag` has its `</tag>` in order (void elements aside), so the markup nests.
    fn assert_balanced(html: &str) {
        let mut stack: Vec<String> = Vec::new();
        let mut rest = html;
        while let Some(i) = rest.find('<') {
            rest = &rest[i + 1..];
            let end = rest.find('>').expect("unclosed tag");
            let tag = &rest[..end];
            rest = &rest[end + 1..];
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(stack.pop().as_deref(), Some(name), "in {html}");
            } else {
                let name: String = tag.chars().take_while(|c| c.is_alphanumeric()).collect();
                stack.push(name);
            }
        }
        assert!(stack.is_empty(), "unclosed {stack:?} in {html}");
    }

    #[test]
    fn escaping_covers_text_and_attributes() {
        assert_eq!(
            escape(r#"<script>"a" & 'b'</script>"#),
            "&lt;script&gt;&quot;a&quot; &amp; 'b'&lt;/script&gt;"
        );
        assert_eq!(escape("1925.04万元"), "1925.04万元");
    }

    #[test]
    fn every_card_in_every_language_is_balanced_and_says_its_text() {
        let story = story();
        for lang in Lang::ALL {
            for event in &story.events {
                let head = card_head(story, event, lang);
                assert_balanced(&head);
                // A button per tile, then the listen control.
                let control = listen_control(&event_dom_id(event.rank), lang);
                let tiles = head.strip_suffix(control.as_str()).expect("the control");
                assert_eq!(
                    tiles.matches("<button").count(),
                    story.card_figures(event.rank).count(),
                    "{head}"
                );
                let head_text = text_of(&head);
                assert!(head_text.contains(event.title.get(lang)), "{head_text}");
                assert!(head_text.contains(event.summary.get(lang)));
                let body = card_text(story, event, lang);
                assert_balanced(&body);
                assert_eq!(text_of(&body), event.text.get(lang), "event {}", event.rank);
                assert!(body.contains(r#"role="button""#), "event {}", event.rank);
            }
        }
    }

    /// The texts of the sentence spans in `html`, in order.
    fn sentence_texts(html: &str) -> Vec<String> {
        html.split(SENTENCE)
            .skip(1)
            .map(|part| text_of(&part[..part.find("</span>").expect("closed")]))
            .collect()
    }

    // Read-aloud highlights the span of the sentence it says: the spans must be the
    // sentences it says, in the same order, in every card, the lead and every language.
    #[test]
    fn sentence_spans_are_the_sentences_read_aloud() {
        use crate::speech::spoken;
        use crate::speech::tests::{event_script, lead_script};
        let story = story();
        let said = |texts: Vec<String>, lang| -> Vec<String> {
            texts.iter().map(|t| spoken(t, lang)).collect()
        };
        for lang in Lang::ALL {
            for event in &story.events {
                let mut spans = sentence_texts(&card_head(story, event, lang));
                assert_eq!(spans, [event.title.get(lang)]);
                let body = card_text(story, event, lang);
                assert!(!body.contains("<span class=\"sentence\"> "), "{body}");
                spans.extend(sentence_texts(&body));
                assert_eq!(
                    said(spans, lang),
                    event_script(event, lang),
                    "event {}",
                    event.rank
                );
            }
            let spans = sentence_texts(&lead(story, lang));
            assert_eq!(said(spans, lang), lead_script(story, lang));
        }
        // Marks nest inside their sentence.
        let body = card_text(story, story.event(1).unwrap(), Lang::ZhHans);
        assert!(
            body.starts_with(r#"<p class="event-text"><span class="sentence">全县2017年共减贫<a class="mark mark--figure""#),
            "{body}"
        );
    }

    #[test]
    fn the_listen_control_is_a_labelled_button_with_stop_and_a_status_line() {
        let html = listen_control("event-2", Lang::ZhHans);
        assert_balanced(&html);
        assert!(html.contains(r#"data-listen="event-2""#));
        assert!(
            html.contains(r#"<span class="listen__label">朗读</span></button>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"data-stop data-testid="listen-stop" hidden>停止</button>"#),
            "{html}"
        );
        assert!(html.contains(r#"role="status""#));
        assert!(listen_control("lead", Lang::En).contains(">Listen<"));
        let head = card_head(story(), story().event(2).unwrap(), Lang::En);
        assert!(head.ends_with(&listen_control("event-2", Lang::En)));
    }

    #[test]
    fn a_card_head_has_rank_theme_tiles_and_bars() {
        let story = story();
        let head = card_head(story, story.event(2).unwrap(), Lang::ZhHans);
        assert!(
            head.contains(r#"<span class="card__rank">第2件</span>"#),
            "{head}"
        );
        assert!(head.contains(r#"class="card__theme" data-theme-id=""#));
        assert!(head.contains(r#"data-testid="figure-tile" data-figure="#));
        assert!(head.contains(r#"aria-label="本条数字""#));
        assert!(head.contains(r#"<div class="event-visual" data-testid="event-visual">"#));
        // Its derived figures too, marked in words as well as by the dashed border.
        assert!(head.contains(r#"class="tile tile--derived""#), "{head}");
        assert!(head.contains(r#"<span class="tile__badge">推算数字</span>"#));
        let en = card_head(story, story.event(3).unwrap(), Lang::En);
        assert!(en.contains("No. 3"));
        assert!(
            !en.contains("event-visual"),
            "event 3 has no completion bar"
        );
    }

    #[test]
    fn marks_carry_their_ids_and_terms_say_what_they_are() {
        let story = story();
        let body = card_text(story, story.event(2).unwrap(), Lang::ZhHans);
        assert!(
            body.contains(r#"class="mark mark--figure" data-figure=""#),
            "{body}"
        );
        assert!(body.contains(">2551人</a>"), "{body}");
        assert!(body.contains(r##"href="#" role="button""##), "{body}");
        let en = card_text(story, story.event(2).unwrap(), Lang::En);
        assert!(en.contains(r#"class="mark mark--term" data-term=""#));
        assert!(en.contains(r#"title="What is this?""#), "{en}");
    }

    // Bug (issue 12): adjacent figures ("2078户5222人") looked like one highlighted block.
    #[test]
    fn a_mark_right_after_another_says_so() {
        let story = story();
        let event = story.event(1).expect("event 1");
        let body = card_text(story, event, Lang::ZhHans);
        let second = body.find(">5222人<").expect("5222人 is marked");
        let open = body[..second].rfind("<a ").expect("its mark");
        assert!(
            body[open..second].contains(" data-next"),
            "{}",
            &body[open..second]
        );
        let first = body.find(">2078户<").expect("2078户 is marked");
        let open = body[..first].rfind("<a ").expect("its mark");
        assert!(
            !body[open..first].contains(" data-next"),
            "{}",
            &body[open..first]
        );
    }

    #[test]
    fn a_figure_panel_highlights_its_source_sentence() {
        let story = story();
        let fig = story
            .figures
            .iter()
            .find(|f| f.event == 2 && format::figure(f, Lang::ZhHans) == "2551人")
            .expect("2551人 in event 2");
        let html = figure_panel(story, fig, Lang::ZhHans);
        assert_balanced(&html);
        assert!(html.contains(r#"<p class="panel__value" data-testid="panel-value">2551人</p>"#));
        assert!(
            html.contains(r#"<mark class="panel__mark">2551人</mark>"#),
            "{html}"
        );
        assert!(html.contains("原文数字"));
        assert!(!html.contains("panel__quote--original"));
        let en = figure_panel(story, fig, Lang::En);
        assert_balanced(&en);
        assert!(
            en.contains(r#"panel__quote--original" lang="zh-Hans""#),
            "{en}"
        );
    }

    #[test]
    fn a_derived_figure_panel_has_its_formula_and_no_quote() {
        let story = story();
        let fig = story
            .figures
            .iter()
            .find(|f| matches!(f.provenance, Provenance::Derived { .. }))
            .expect("a derived figure");
        for lang in Lang::ALL {
            let html = figure_panel(story, fig, lang);
            assert_balanced(&html);
            assert!(html.contains("badge badge--derived"));
            assert!(html.contains("panel__formula"));
            assert!(!html.contains("panel__source"));
        }
    }

    #[test]
    fn a_term_panel_explains_and_shows_the_chinese_beside_english() {
        let entry = &story().glossary[0];
        let zh = term_panel(entry, Lang::ZhHant);
        assert_balanced(&zh);
        assert!(!zh.contains("panel__original"));
        let en = term_panel(entry, Lang::En);
        assert!(en.contains(&format!(
            r#"<p class="panel__original" lang="zh-Hans">{}</p>"#,
            escape(&entry.term.hans)
        )));
        assert!(text_of(&en).contains(entry.explanation.get(Lang::En)));
    }
}
