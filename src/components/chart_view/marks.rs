//! A chart's marks: a focusable, tappable button over each bar, one tab stop for all.

use super::tip::Tip;
use crate::chart::describe::mark_name;
use crate::chart::layout::Layout;
use crate::chart::spec::ChartData;
use crate::chart::strings::chart_strings;
use crate::hooks::use_roving_focus;
use crate::model::Lang;
use crate::state::Read;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The button of mark `i` in the marks' group.
pub(super) fn mark_button(marks_ref: NodeRef<html::Div>, i: usize) -> Option<web_sys::HtmlElement> {
    marks_ref
        .get_untracked()?
        .children()
        .item(i as u32)?
        .dyn_into()
        .ok()
}

/// True when `node` is inside the element `el` refers to.
pub(super) fn within(el: NodeRef<html::Div>, node: Option<&impl AsRef<web_sys::Node>>) -> bool {
    el.get_untracked()
        .zip(node)
        .is_some_and(|(el, node)| el.contains(Some(node.as_ref())))
}

/// The mark an event happened on, from its `data-index`.
fn mark_of(ev: &web_sys::Event) -> Option<usize> {
    let el: web_sys::Element = ev.target()?.dyn_into().ok()?;
    el.closest(".chart__mark")
        .ok()??
        .get_attribute("data-index")?
        .parse()
        .ok()
}

/// The marks over a chart's bars, laid out with it: a click or a key pins the tooltip on a
/// mark, a mouse over a bar opens it until it leaves; arrow keys, Home and End move between
/// marks, and a polite announcement names the mark a key moved to.
///
/// One event handler per kind of event, delegated from the marks' container: every
/// distinct closure costs code in the browser bundle.
#[component]
pub(super) fn ChartMarks(
    /// The chart's data.
    data: &'static ChartData<'static>,
    /// The chart as laid out (none before it is measured).
    layout: Memo<Option<Layout>>,
    /// The language of the marks' names.
    lang: Read<Lang>,
    /// The tooltip's state.
    tip: Tip,
    /// The marks' container.
    marks_ref: NodeRef<html::Div>,
    /// The tooltip, which the pointer may move to without closing it.
    tip_ref: NodeRef<html::Div>,
    /// Set while focus returns to a mark after closing, so that focus does not reopen.
    returning: StoredValue<bool>,
    /// What a key moved to, for the chart's live region.
    announcement: RwSignal<String>,
) -> impl IntoView {
    let count = data.bars().count();

    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some(i) = mark_of(&ev) {
            // A click pins it: it stays until dismissed.
            tip.pin(i);
        }
    };
    let on_focusin = move |ev: web_sys::FocusEvent| {
        if returning.get_value() {
            return;
        }
        if let Some(i) = mark_of(&ev) {
            // Opened by a key: it stays until dismissed, wherever the mouse goes.
            tip.pin(i);
            let figure = data.bars().nth(i).map(|d| d.figure);
            let text = figure
                .map(|f| mark_name(f, i, count, lang.get_untracked()))
                .unwrap_or_default();
            announcement.set(text);
        }
    };
    // Arrow keys, Home and End move between marks (one tab stop for all).
    let on_keydown = use_roving_focus(
        count,
        move || tip.stop_now(),
        move |next| {
            tip.move_stop(next);
            if let Some(button) = mark_button(marks_ref, next) {
                let _ = button.focus();
            }
        },
    );
    // A mouse moving over the chart opens the tooltip of the row under it.
    let on_pointermove = move |ev: web_sys::PointerEvent| {
        let (Some(marks), Some(l)) = (marks_ref.get_untracked(), layout.get_untracked()) else {
            return;
        };
        let rect = marks.get_bounding_client_rect();
        if ev.pointer_type() != "mouse" || rect.width() <= 0.0 {
            return;
        }
        let k = l.width / rect.width();
        let x = (f64::from(ev.client_x()) - rect.left()) * k;
        let y = (f64::from(ev.client_y()) - rect.top()) * k;
        match l.mark_at(x, y) {
            Some(i) => tip.hover(i),
            // Between bars, off any row: a tooltip that followed the mouse closes.
            None => {
                tip.unhover();
            }
        }
    };
    let on_leave = leave_handler(tip, marks_ref, tip_ref);

    let marks = data
        .bars()
        .enumerate()
        .map(|(i, d)| {
            view! {
                <button
                    type="button"
                    class="chart__mark"
                    class:chart__mark--active=move || tip.open() == Some(i)
                    tabindex=move || if tip.is_stop(i) { "0" } else { "-1" }
                    aria-label=move || mark_name(d.figure, i, count, lang.get())
                    data-testid="chart-mark"
                    data-figure=d.figure.id.clone()
                    data-index=i
                    style:inset=move || {
                        layout.with(|l| {
                            l.as_ref()
                                .and_then(|l| {
                                    l.marks.get(i).map(|m| m.hit.inset_percent(l.width, l.height))
                                })
                                .unwrap_or_default()
                        })
                    }
                ></button>
            }
        })
        .collect_view();

    view! {
        <div
            class="chart__marks"
            role="group"
            aria-label=move || chart_strings(lang.get()).marks
            node_ref=marks_ref
            on:click=on_click
            on:focusin=on_focusin
            on:keydown=on_keydown
            on:pointermove=on_pointermove
            on:pointerleave=on_leave
        >
            {marks}
        </div>
    }
}

/// The pointer left the bars or the tooltip (not for the other one): a tooltip that
/// followed the mouse goes with it.
pub(super) fn leave_handler(
    tip: Tip,
    marks_ref: NodeRef<html::Div>,
    tip_ref: NodeRef<html::Div>,
) -> impl Fn(web_sys::PointerEvent) + Copy + 'static {
    move |ev| {
        let to = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        if !within(tip_ref, to.as_ref()) && !within(marks_ref, to.as_ref()) {
            tip.unhover();
        }
    }
}
