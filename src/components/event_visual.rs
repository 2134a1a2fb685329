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
    (!bars.is_empty()).then(|| {
        view! {
            <div class="event-visual" data-testid="event-visual">
                {bars
                    .into_iter()
                    .map(|bar| {
                        let figure = bar.figure;
                        // The bar is our own markup from the dataset (see `Completion::svg`).
                        view! {
                            <div class="completion">
                                <p class="completion__label">
                                    {move || {
                                        let lang = lang.get();
                                        format!(
                                            "{} {}",
                                            figure.label.get(lang),
                                            format::figure(figure, lang),
                                        )
                                    }}
                                </p>
                                <div inner_html=bar.svg()></div>
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
        }
    })
}
