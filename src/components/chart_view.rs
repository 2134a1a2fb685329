use super::{ChartDownloads, ChartTable, ChartTooltip, EmbedButton, ScaleSwitch};
use crate::browser::resize::{observe_width, WidthObserver};
use crate::chart::describe::{describe, mark_name};
use crate::chart::draw::for_page;
use crate::chart::layout::{layout as chart_layout, place_tooltip, Layout, Placement, Rect};
use crate::chart::spec::ChartKind;
use crate::chart::strings::{chart_strings, title};
use crate::data::chart_data;
use crate::state::use_charts;
use crate::view::ScaleKind;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The tooltip: which mark it is open on, and which mark holds the tab stop.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Tip {
    open: Option<usize>,
    stop: usize,
}

/// One chart: title, description, the picture (a named image) with a focusable, tappable
/// mark over each bar and a tooltip, a live region for keyboard moves, downloads and the
/// data table. Redrawn to its container's width and in the reader's language; the theme
/// colours the drawing by its classes (`style/charts.css`), so a theme switch redraws nothing.
///
/// Few reactive closures and one event handler per kind of event (delegated from the
/// marks' container): every distinct closure costs code in the browser bundle.
#[component]
pub(crate) fn ChartView(
    /// Which chart.
    kind: ChartKind,
) -> impl IntoView {
    let state = use_charts();
    let lang = state.lang;
    let data = chart_data(kind);
    let count = data.bars().count();

    let slug = kind.slug();
    let title_id = format!("chart-{slug}-title");
    let desc_id = format!("chart-{slug}-desc");
    let tip_title_id = format!("chart-{slug}-tip-title");
    let (labelled_by, described_by, tip_labelled_by) =
        (title_id.clone(), desc_id.clone(), tip_title_id.clone());

    let box_ref = NodeRef::<html::Div>::new();
    // A line as wide as the box and never taller: the resize observer watches it, so that a
    // redraw (which changes the box's height) never notifies the observer again.
    let ruler_ref = NodeRef::<html::Div>::new();
    let marks_ref = NodeRef::<html::Div>::new();
    let tip_ref = NodeRef::<html::Div>::new();
    // The box's width in whole pixels, rounded down (the drawing then scales up, never
    // down, so touch targets keep their 44 px); 0 until measured.
    let width = RwSignal::new(0.0f64);
    let tip = RwSignal::new(Tip::default());
    // Where the tooltip sits, and for which mark (it is shown once placed for the open one).
    let placement = RwSignal::new(None::<(usize, Placement)>);
    let announcement = RwSignal::new(String::new());
    // Set while focus returns to a mark after closing, so that focus does not reopen.
    let returning = StoredValue::new(false);
    // True while the open tooltip follows the mouse (opened by hover, not by a click, a
    // tap or a key): it closes when the pointer leaves the bar.
    let hovering = StoredValue::new(false);

    let layout: Memo<Option<Layout>> = Memo::new(move |_| {
        let w = width.get();
        let scale = match kind {
            ChartKind::Money => state.scale.get(),
            _ => ScaleKind::Linear,
        };
        // Larger text (长辈模式, or the browser's text size): laid out narrower, drawn larger.
        let w = (w / state.text_scale.get()).floor();
        (w > 0.0).then(|| chart_layout(data, w, lang.get(), scale))
    });

    let mark_button = move |i: usize| -> Option<web_sys::HtmlElement> {
        marks_ref
            .get_untracked()?
            .children()
            .item(i as u32)?
            .dyn_into()
            .ok()
    };
    let open = move |i: usize| {
        tip.update(|t| {
            t.open = Some(i);
            t.stop = i;
        });
    };
    let close = move |refocus: bool| {
        let Some(i) = tip.get_untracked().open else {
            return;
        };
        tip.update(|t| t.open = None);
        if let Some(button) = mark_button(i).filter(|_| refocus) {
            returning.set_value(true);
            let _ = button.focus();
            returning.set_value(false);
        }
    };
    let on_close = Callback::new(close);

    // Browser-only wiring, in an effect (effects do not run in the build's prerender):
    // the width observer, and the window's Escape key and taps outside.
    let observer = StoredValue::new_local(None::<WidthObserver>);
    Effect::new(move |_| {
        let Some(el) = ruler_ref.get() else {
            return;
        };
        observer.set_value(observe_width(&el, move |w| {
            let w = w.floor();
            if w > 0.0 && w != width.get_untracked() {
                width.set(w);
            }
        }));
        let keys = window_event_listener(leptos::ev::keydown, move |ev| {
            if ev.key() == "Escape" && tip.get_untracked().open.is_some() {
                let focused = crate::browser::document::active_element();
                let inside = tip_ref
                    .get_untracked()
                    .zip(focused)
                    .is_some_and(|(t, el)| t.contains(Some(&el)));
                close(inside);
            }
        });
        let taps = window_event_listener(leptos::ev::pointerdown, move |ev| {
            if tip.get_untracked().open.is_none() {
                return;
            }
            let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
            let inside = |el: Option<web_sys::HtmlDivElement>| {
                el.zip(target.as_ref())
                    .is_some_and(|(el, t)| el.contains(Some(t)))
            };
            // Taps on the tooltip or on a mark (which opens its own) are not "elsewhere".
            if !inside(tip_ref.get_untracked()) && !inside(marks_ref.get_untracked()) {
                close(false);
            }
        });
        on_cleanup(move || {
            keys.remove();
            taps.remove();
        });
    });
    on_cleanup(move || observer.set_value(None));

    // Place the tooltip above or below its mark's row, inside the chart, once it has a size.
    Effect::new(move |_| {
        lang.track(); // the tooltip's size changes with its language
        let Some(i) = tip.with(|t| t.open) else {
            return;
        };
        let Some(l) = layout.get() else {
            return;
        };
        request_animation_frame(move || {
            let (Some(el), Some(bx), Some(mark)) = (
                tip_ref.get_untracked(),
                box_ref.get_untracked(),
                l.marks.get(i),
            ) else {
                return;
            };
            let outer = bx.get_bounding_client_rect();
            let k = outer.width() / l.width;
            let r = mark.hit;
            let hit = Rect {
                x: r.x * k,
                y: r.y * k,
                w: r.w * k,
                h: r.h * k,
            };
            let bounds = Rect {
                x: 0.0,
                y: 0.0,
                w: outer.width(),
                h: outer.height(),
            };
            let size = (f64::from(el.offset_width()), f64::from(el.offset_height()));
            // A pixel apart, so that rounding never lets it touch the row.
            let at = Some((
                i,
                place_tooltip(hit, mark.rect.right() * k, size, bounds, 1.0),
            ));
            if placement.get_untracked() != at {
                placement.set(at);
            }
        });
    });

    // The mark an event happened on, from its `data-index`.
    let mark_of = |ev: &web_sys::Event| -> Option<usize> {
        let el: web_sys::Element = ev.target()?.dyn_into().ok()?;
        el.closest(".chart__mark")
            .ok()??
            .get_attribute("data-index")?
            .parse()
            .ok()
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some(i) = mark_of(&ev) {
            // A click pins it: it stays until dismissed.
            hovering.set_value(false);
            open(i);
        }
    };
    // The pointer left the bars (not for the tooltip, or back from it): a tooltip that
    // followed the mouse goes with it.
    let on_leave = move |ev: web_sys::PointerEvent| {
        let to = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let within = |el: Option<web_sys::HtmlDivElement>| {
            el.zip(to.as_ref())
                .is_some_and(|(el, t)| el.contains(Some(t)))
        };
        if hovering.get_value()
            && !within(tip_ref.get_untracked())
            && !within(marks_ref.get_untracked())
        {
            hovering.set_value(false);
            close(false);
        }
    };
    let on_focusin = move |ev: web_sys::FocusEvent| {
        if returning.get_value() {
            return;
        }
        if let Some(i) = mark_of(&ev) {
            // Opened by a key: it stays until dismissed, wherever the mouse goes.
            hovering.set_value(false);
            open(i);
            let figure = data.bars().nth(i).map(|d| d.figure);
            let text = figure
                .map(|f| mark_name(f, i, count, lang.get_untracked()))
                .unwrap_or_default();
            announcement.set(text);
        }
    };
    // Arrow keys, Home and End move between marks (one tab stop for all).
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let now = tip.get_untracked().stop;
        let last = count.saturating_sub(1);
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => (now + 1).min(last),
            "ArrowLeft" | "ArrowUp" => now.saturating_sub(1),
            "Home" => 0,
            "End" => last,
            _ => return,
        };
        ev.prevent_default();
        tip.update(|t| t.stop = next);
        if let Some(button) = mark_button(next) {
            let _ = button.focus();
        }
    };
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
            Some(i) if tip.get_untracked().open != Some(i) => {
                hovering.set_value(true);
                open(i);
            }
            Some(_) => {}
            // Between bars, off any row: a tooltip that followed the mouse closes.
            None => {
                if hovering.get_value() {
                    hovering.set_value(false);
                    close(false);
                }
            }
        }
    };

    let marks = data
        .bars()
        .enumerate()
        .map(|(i, d)| {
            view! {
                <button
                    type="button"
                    class="chart__mark"
                    class:chart__mark--active=move || tip.with(|t| t.open == Some(i))
                    tabindex=move || if tip.with(|t| t.stop == i) { "0" } else { "-1" }
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
        <figure class="chart" data-testid="chart" data-chart=slug>
            {move || {
                let lang = lang.get();
                view! {
                    <h3 class="chart__title" id=title_id.clone()>{title(kind, lang)}</h3>
                    <p class="chart__description" id=desc_id.clone() data-testid="chart-description">
                        {describe(data, lang)}
                    </p>
                }
            }}
            {(kind == ChartKind::Money).then(|| view! { <ScaleSwitch/> })}
            <div class="chart__box" node_ref=box_ref>
                <div class="chart__ruler" node_ref=ruler_ref></div>
                <div
                    class="chart__image"
                    role="img"
                    aria-labelledby=labelled_by
                    aria-describedby=described_by
                    data-testid="chart-image"
                    inner_html=move || layout.with(|l| l.as_ref().map(for_page))
                ></div>
                // Marks and tooltip exist once the chart is measured and drawn (so not in the
                // build's prerendered HTML, which has no picture yet).
                <Show when=move || { width.get() > 0.0 }>
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
                        {marks.clone()}
                    </div>
                    <div
                        class="chart__tooltip"
                        class:chart__tooltip--placed=move || {
                            let open = tip.with(|t| t.open);
                            open.is_some() && placement.with(|p| p.map(|(i, _)| i)) == open
                        }
                        role="group"
                        aria-labelledby=tip_labelled_by.clone()
                        data-testid="chart-tooltip"
                        node_ref=tip_ref
                        on:pointerleave=on_leave
                        hidden=move || tip.with(|t| t.open.is_none())
                        style:inset=move || {
                            placement
                                .get()
                                .map(|(_, p)| {
                                    // Rounded away from the row it belongs to.
                                    let y = if p.above { p.y.floor() } else { p.y.ceil() };
                                    let px = |v: f64| crate::model::Decimal::from_f64(v, 0);
                                    format!("{}px auto auto {}px", px(y), px(p.x))
                                })
                                .unwrap_or_default()
                        }
                    >
                        {
                            let tip_title_id = tip_title_id.clone();
                            move || {
                                let lang = lang.get();
                                let datum = tip.with(|t| t.open).and_then(|i| data.bars().nth(i));
                                datum.map(|datum| {
                                    view! {
                                        <ChartTooltip
                                            datum=datum
                                            lang=lang
                                            title_id=tip_title_id.clone()
                                            on_close=on_close
                                        />
                                    }
                                })
                            }
                        }
                    </div>
                </Show>
            </div>
            <p class="visually-hidden" aria-live="polite" data-testid="chart-live">
                {move || announcement.get()}
            </p>
            <div class="chart__actions">
                <ChartDownloads kind=kind layout=layout/>
                <EmbedButton kind=kind/>
                <ChartTable kind=kind/>
            </div>
        </figure>
    }
}
