use crate::chart::card::completions;
use crate::data::story;
use crate::format;
use crate::state::use_app;
use leptos::prelude::*;

/// A card's at-a-glance visual: a completion bar against a marked 100 % for each of the
/// event's achieved-against-target figures; nothing for an event without one.
#[component]
pub fn EventVisual(
    /// The event's rank.
    rank: u8,
) -> impl IntoView {
    let lang = use_app().lang;
    let bars = completions(story(), rank);
    if bars.is_empty() {
        return ().into_any();
    }
    view! {
        <div class="event-visual" data-testid="event-visual">
            {bars
                .into_iter()
                .map(|bar| {
                    let figure = bar.figure;
                    // Percentages of the SVG's width: no viewBox, so the text is not stretched.
                    let fill = format!("{:.1}%", bar.fill * 100.0);
                    let target = format!("{:.1}%", bar.target * 100.0);
                    view! {
                        <div class="completion">
                            <p class="completion__label">
                                <span>{move || figure.label.get(lang.get()).to_owned()}</span>
                                " "
                                <strong class="completion__value">
                                    {move || format::figure(figure, lang.get())}
                                </strong>
                            </p>
                            <svg class="completion__bar" aria-hidden="true" focusable="false">
                                <rect class="completion__track" x="0" y="2" width="100%" height="10"></rect>
                                <rect class="completion__fill" x="0" y="2" width=fill height="10"></rect>
                                <line
                                    class="completion__target"
                                    x1=target.clone()
                                    x2=target.clone()
                                    y1="0"
                                    y2="14"
                                ></line>
                                <text class="completion__tick" x=target y="28" text-anchor="middle">
                                    "100%"
                                </text>
                            </svg>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
    .into_any()
}
