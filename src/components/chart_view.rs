//! One chart. Its parts: the tooltip's state ([`tip`]), the marks over the bars and
//! their pointer, focus and keys ([`marks`]), the tooltip's place ([`placement`]);
//! dismissal, roving focus and the width come from [`crate::hooks`].

mod marks;
mod placement;
mod tip;

use super::{ChartDownloads, ChartTable, ChartTooltip, EmbedButton, ScaleSwitch};
use crate::chart::describe::describe;
use crate::chart::draw::for_page;
use crate::chart::layout::{layout as chart_layout, Layout};
use crate::chart::spec::ChartKind;
use crate::chart::strings::title;
use crate::data::chart_data;
use crate::hooks::{use_dismiss, use_width, Dismissal};
use crate::state::use_charts;
use crate::view::ScaleKind;
use leptos::html;
use leptos::prelude::*;
use marks::{leave_handler, mark_button, within, ChartMarks};
use placement::use_placement;
use tip::Tip;

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
    let lang = state.lang();
    let data = chart_data(kind);

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
    let width = use_width(ruler_ref);
    let tip = Tip::new();
    let announcement = RwSignal::new(String::new());
    // Set while focus returns to a mark after closing, so that focus does not reopen.
    let returning = StoredValue::new(false);

    let (scale, text_scale) = (state.scale(), state.text_scale());
    let layout: Memo<Option<Layout>> = Memo::new(move |_| {
        let w = width.get();
        let scale = match kind {
            ChartKind::Money => scale.get(),
            _ => ScaleKind::Linear,
        };
        // Larger text (长辈模式, or the browser's text size): laid out narrower, drawn larger.
        let w = (w / text_scale.get()).floor();
        (w > 0.0).then(|| chart_layout(data, w, lang.get(), scale))
    });

    // Closes the tooltip; `true` returns focus to its mark.
    let close = move |refocus: bool| {
        let Some(i) = tip.close() else {
            return;
        };
        if let Some(button) = mark_button(marks_ref, i).filter(|_| refocus) {
            returning.set_value(true);
            let _ = button.focus();
            returning.set_value(false);
        }
    };
    let on_close = Callback::new(close);
    // Escape closes it (returning focus to the mark if focus was in it); so does a tap
    // elsewhere than on the tooltip or a mark (which opens its own).
    let dismiss = use_dismiss(
        move || tip.open_now().is_some(),
        move |el| within(tip_ref, Some(el)) || within(marks_ref, Some(el)),
        move |how| {
            let focused = crate::browser::document::active_element();
            close(how == Dismissal::Escape && within(tip_ref, focused.as_ref()));
        },
    );
    on_cleanup(move || dismiss.stop());
    let placement = use_placement(tip, layout, lang, tip_ref, box_ref);
    let on_leave = leave_handler(tip, marks_ref, tip_ref);

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
                    <ChartMarks
                        data=data
                        layout=layout
                        lang=lang
                        tip=tip
                        marks_ref=marks_ref
                        tip_ref=tip_ref
                        returning=returning
                        announcement=announcement
                    />
                    <div
                        class="chart__tooltip"
                        class:chart__tooltip--placed=move || {
                            let open = tip.open();
                            open.is_some() && placement.with(|p| p.map(|(i, _)| i)) == open
                        }
                        role="group"
                        aria-labelledby=tip_labelled_by.clone()
                        data-testid="chart-tooltip"
                        node_ref=tip_ref
                        on:pointerleave=on_leave
                        hidden=move || tip.open().is_none()
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
                                let datum = tip.open().and_then(|i| data.bars().nth(i));
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
