use super::{ChartDownloads, ChartTable, ChartTooltip, ScaleSwitch};
use crate::browser::resize::{observe_width, WidthObserver};
use crate::chart::describe::{describe, mark_name};
use crate::chart::draw::{for_page, svg, Palette};
use crate::chart::layout::{layout as chart_layout, place_tooltip, Layout, Placement, Rect};
use crate::chart::scale::ScaleKind;
use crate::chart::spec::{ChartData, ChartKind, Datum};
use crate::chart::strings::{chart_strings, title};
use crate::data::story;
use crate::model::Lang;
use crate::state::use_app;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Milliseconds of quiet after a resize before the chart is redrawn.
const RESIZE_DEBOUNCE_MS: u32 = 120;

/// One chart: title, description, the picture (a named image) with a focusable, tappable
/// mark over each bar and a tooltip, a live region for keyboard moves, downloads and the
/// data table. Redrawn to its container's width, in the reader's language and theme.
#[component]
pub fn ChartView(
    /// Which chart.
    kind: ChartKind,
    /// The theme colours to draw in.
    #[prop(into)]
    palette: Signal<Palette>,
) -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let data = StoredValue::new(ChartData::of(kind, story()));
    let bars: Vec<Datum<'static>> = data.with_value(|d| d.bars().cloned().collect());
    let count = bars.len();
    let bars = StoredValue::new(bars);

    let slug = kind.slug();
    let title_id = format!("chart-{slug}-title");
    let desc_id = format!("chart-{slug}-desc");
    let tip_title_id = format!("chart-{slug}-tip-title");
    let tip_labelled_by = tip_title_id.clone();

    // Width of the container, measured on mount and after every (debounced) resize.
    let box_ref = NodeRef::<html::Div>::new();
    let marks_ref = NodeRef::<html::Div>::new();
    let tip_ref = NodeRef::<html::Div>::new();
    let width = RwSignal::new(None::<f64>);
    let observer = StoredValue::new_local(None::<WidthObserver>);
    Effect::new(move |_| {
        if let Some(el) = box_ref.get() {
            // Whole pixels, rounded down: the drawing then scales up (never down) to the box,
            // so touch targets keep their 44 px.
            let watch = observe_width(&el, RESIZE_DEBOUNCE_MS, move |w| {
                let w = Some(w.floor());
                if w != width.get_untracked() && w > Some(0.0) {
                    width.set(w);
                }
            });
            observer.set_value(watch);
        }
    });
    on_cleanup(move || observer.set_value(None));

    let layout: Memo<Option<Layout>> = Memo::new(move |_| {
        let w = width.get()?;
        let scale = match kind {
            ChartKind::Money => state.scale.get(),
            _ => ScaleKind::Linear,
        };
        let lang = lang.get();
        Some(data.with_value(|d| chart_layout(d, w, lang, scale)))
    });
    let picture = Memo::new(move |_| {
        let palette = palette.get();
        layout.with(|l| l.as_ref().map(|l| for_page(&svg(l, &palette))))
    });

    // The open tooltip (a mark index), the mark in the tab order, the announcement.
    let active = RwSignal::new(None::<usize>);
    let current = RwSignal::new(0usize);
    let announcement = RwSignal::new(String::new());
    let placement = RwSignal::new(None::<(usize, Placement)>);
    // Set while focus returns to a mark after closing, so that focus does not reopen.
    let returning = StoredValue::new(false);

    let mark_button = move |i: usize| -> Option<web_sys::HtmlElement> {
        let marks = marks_ref.get_untracked()?;
        marks.children().item(i as u32)?.dyn_into().ok()
    };
    let close = move |refocus: bool| {
        let Some(i) = active.get_untracked() else {
            return;
        };
        active.set(None);
        if refocus {
            if let Some(button) = mark_button(i) {
                returning.set_value(true);
                let _ = button.focus();
                returning.set_value(false);
            }
        }
    };
    let on_close = Callback::new(move |()| close(true));

    let describe_mark = move |i: usize, lang: Lang| -> String {
        bars.with_value(|bars| {
            bars.get(i)
                .map(|d| mark_name(d.figure, i, count, lang))
                .unwrap_or_default()
        })
    };

    // Place the tooltip above or below its mark's row, inside the chart, once it has a size.
    Effect::new(move |_| {
        let Some(i) = active.get() else {
            placement.set(None);
            return;
        };
        let Some(l) = layout.get() else {
            return;
        };
        request_animation_frame(move || {
            let (Some(tip), Some(bx)) = (tip_ref.get_untracked(), box_ref.get_untracked()) else {
                return;
            };
            let Some(mark) = l.marks.get(i) else {
                return;
            };
            let outer = bx.get_bounding_client_rect();
            let (bw, bh) = (outer.width(), outer.height());
            let k = if l.width > 0.0 { bw / l.width } else { 1.0 };
            let hit = Rect {
                x: mark.hit.x * k,
                y: mark.hit.y * k,
                w: mark.hit.w * k,
                h: mark.hit.h * k,
            };
            let size = (
                f64::from(tip.offset_width()),
                f64::from(tip.offset_height()),
            );
            let bounds = Rect {
                x: 0.0,
                y: 0.0,
                w: bw,
                h: bh,
            };
            let p = place_tooltip(hit, mark.rect.right() * k, size, bounds, 0.0);
            placement.set(Some((i, p)));
        });
    });

    // Escape closes the tooltip; so does a tap or click anywhere but a mark or the tooltip.
    // Registered in an effect: in the browser only, not in the build's prerender.
    Effect::new(move |_| {
        let keys = window_event_listener(leptos::ev::keydown, move |ev| {
            if ev.key() == "Escape" && active.get_untracked().is_some() {
                let inside = tip_ref.get_untracked().is_some_and(|tip| {
                    let focused = crate::browser::document::active_element();
                    focused.is_some_and(|el| tip.contains(Some(&el)))
                });
                close(inside);
            }
        });
        let taps = window_event_listener(leptos::ev::pointerdown, move |ev| {
            if active.get_untracked().is_none() {
                return;
            }
            let target = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            let in_tip = tip_ref
                .get_untracked()
                .zip(target.as_ref())
                .is_some_and(|(tip, t)| tip.contains(Some(t)));
            let on_mark = target
                .and_then(|t| t.closest(".chart__mark").ok().flatten())
                .zip(marks_ref.get_untracked())
                .is_some_and(|(mark, marks)| marks.contains(Some(&mark)));
            if !in_tip && !on_mark {
                close(false);
            }
        });
        on_cleanup(move || {
            keys.remove();
            taps.remove();
        });
    });

    let open = move |i: usize| {
        current.set(i);
        if active.get_untracked() != Some(i) {
            active.set(Some(i));
        }
    };
    // Arrow keys, Home and End move between marks (roving tab stop).
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if count == 0 {
            return;
        }
        let now = current.get_untracked();
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => (now + 1).min(count - 1),
            "ArrowLeft" | "ArrowUp" => now.saturating_sub(1),
            "Home" => 0,
            "End" => count - 1,
            _ => return,
        };
        ev.prevent_default();
        current.set(next);
        if let Some(button) = mark_button(next) {
            let _ = button.focus();
        }
    };
    // A mouse moving over the chart opens the tooltip of the row under it.
    let on_pointermove = move |ev: web_sys::PointerEvent| {
        if ev.pointer_type() != "mouse" {
            return;
        }
        let (Some(marks), Some(l)) = (marks_ref.get_untracked(), layout.get_untracked()) else {
            return;
        };
        let rect = marks.get_bounding_client_rect();
        if rect.width() <= 0.0 {
            return;
        }
        let k = l.width / rect.width();
        let x = (f64::from(ev.client_x()) - rect.left()) * k;
        let y = (f64::from(ev.client_y()) - rect.top()) * k;
        if let Some(i) = l.mark_at(x, y) {
            open(i);
        }
    };

    let position = move |f: fn(&Layout, &Rect) -> f64, i: usize| {
        move || {
            layout.with(|l| {
                l.as_ref()
                    .and_then(|l| l.marks.get(i).map(|m| format!("{:.3}%", f(l, &m.hit))))
                    .unwrap_or_default()
            })
        }
    };
    let mark_buttons = move || {
        (0..count)
            .map(|i| {
                let figure_id = bars.with_value(|b| b[i].figure.id.clone());
                view! {
                    <button
                        type="button"
                        class="chart__mark"
                        class:chart__mark--active=move || active.get() == Some(i)
                        tabindex=move || if current.get() == i { "0" } else { "-1" }
                        aria-label=move || describe_mark(i, lang.get())
                        data-testid="chart-mark"
                        data-figure=figure_id
                        style:left=position(|l, r| r.x / l.width * 100.0, i)
                        style:top=position(|l, r| r.y / l.height * 100.0, i)
                        style:width=position(|l, r| r.w / l.width * 100.0, i)
                        style:height=position(|l, r| r.h / l.height * 100.0, i)
                        on:click=move |_| open(i)
                        on:focus=move |_| {
                            if !returning.get_value() {
                                open(i);
                                announcement.set(describe_mark(i, lang.get_untracked()));
                            }
                        }
                    ></button>
                }
            })
            .collect_view()
    };

    let tip_placed =
        move || matches!((placement.get(), active.get()), (Some((p, _)), Some(a)) if p == a);
    let tip_px = move |f: fn(&Placement) -> f64| {
        move || {
            placement
                .get()
                .map(|(_, p)| format!("{:.1}px", f(&p)))
                .unwrap_or_default()
        }
    };

    view! {
        <figure class="chart" data-testid="chart" data-chart=slug>
            <h3 class="chart__title" id=title_id.clone()>{move || title(kind, lang.get())}</h3>
            <p class="chart__description" id=desc_id.clone() data-testid="chart-description">
                {move || data.with_value(|d| describe(d, lang.get()))}
            </p>
            {(kind == ChartKind::Money).then(|| view! { <ScaleSwitch/> })}
            <div
                class="chart__box"
                class:chart__box--log=move || layout.with(|l| l.as_ref().is_some_and(|l| l.scale == ScaleKind::Log))
                node_ref=box_ref
            >
                <div
                    class="chart__image"
                    role="img"
                    aria-labelledby=title_id
                    aria-describedby=desc_id
                    data-testid="chart-image"
                    inner_html=move || picture.get().unwrap_or_default()
                ></div>
                // Marks and tooltip exist once the chart is measured and drawn (so not in the
                // build's prerendered HTML, which has no picture yet).
                <Show when=move || width.get().is_some()>
                    <div
                        class="chart__marks"
                        role="group"
                        aria-label=move || chart_strings(lang.get()).marks
                        node_ref=marks_ref
                        on:keydown=on_keydown
                        on:pointermove=on_pointermove
                    >
                        {mark_buttons()}
                    </div>
                    <div
                        class="chart__tooltip"
                        class:chart__tooltip--placed=tip_placed
                        class:chart__tooltip--below=move || placement.get().is_some_and(|(_, p)| !p.above)
                        role="group"
                        aria-labelledby=tip_labelled_by.clone()
                        data-testid="chart-tooltip"
                        node_ref=tip_ref
                        hidden=move || active.get().is_none()
                        style:left=tip_px(|p| p.x)
                        style:top=tip_px(|p| p.y)
                    >
                        {
                            let tip_title_id = tip_title_id.clone();
                            move || {
                                active
                                    .get()
                                    .and_then(|i| bars.with_value(|b| b.get(i).cloned()))
                                    .map(|datum| {
                                        view! {
                                            <ChartTooltip
                                                datum=datum
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
                <ChartDownloads kind=kind layout=layout palette=palette/>
                <ChartTable kind=kind/>
            </div>
        </figure>
    }
}
