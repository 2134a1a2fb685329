//! The small visual on an event card: a completion bar for each of the event's
//! achieved-against-target relations (the same rule as the achieved chart), drawn against a
//! marked 100 %. An event without one shows nothing.

use super::spec::{ChartData, ChartKind, Datum};
use crate::model::{Decimal, Figure, Story};

/// One completion bar, in fractions of its track (0 to 1).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Completion<'s> {
    /// The completion percentage.
    pub(crate) figure: &'s Figure,
    /// Where the bar ends.
    pub(crate) fill: f64,
    /// Where 100 % is.
    pub(crate) target: f64,
}

/// The completion bars of the event with `rank`, in the order of the story's relations.
pub(crate) fn completions(story: &Story, rank: u8) -> Vec<Completion<'_>> {
    let data = ChartData::of(ChartKind::Achieved, story);
    data.bars()
        .filter(|d| d.figure.event == rank)
        .map(|d: &Datum| {
            let value = d.figure.value.to_f64();
            // The track ends at the first multiple of 50 % at or past both the value and
            // 100 % (the achieved chart's axis may end elsewhere: its ticks depend on its
            // width). Plain arithmetic: this runs in the page's module, which carries no chart
            // axis code.
            let end = (value.max(100.0) / 50.0).ceil() * 50.0;
            Completion {
                figure: d.figure,
                fill: value / end,
                target: 100.0 / end,
            }
        })
        .collect()
}

impl Completion<'_> {
    /// The bar as SVG markup: a track, the filled part and a marked, labelled 100 %, in
    /// percentages of its width (no viewBox, so nothing is stretched) and with CSS classes
    /// for the theme's colours; no `style` attribute. Built from the dataset only.
    pub(crate) fn svg(&self) -> String {
        let fill = format!("{:.1}", Decimal::from_f64(self.fill * 100.0, 1));
        let target = format!("{:.1}", Decimal::from_f64(self.target * 100.0, 1));
        format!(
            "<svg class=\"completion__bar\" aria-hidden=\"true\" focusable=\"false\">\
             <rect class=\"completion__track\" x=\"0\" y=\"2\" width=\"100%\" height=\"10\"></rect>\
             <rect class=\"completion__fill\" x=\"0\" y=\"2\" width=\"{fill}%\" height=\"10\"></rect>\
             <line class=\"completion__target\" x1=\"{target}%\" x2=\"{target}%\" y1=\"0\" y2=\"14\"></line>\
             <text class=\"completion__tick\" x=\"{target}%\" y=\"28\" text-anchor=\"middle\">100%</text>\
             </svg>"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::story;

    #[track_caller]
    fn check(rank: u8, want: &[(&str, f64, f64)]) {
        let got: Vec<(&str, f64, f64)> = completions(story(), rank)
            .iter()
            .map(|c| {
                let round = |x: f64| (x * 1000.0).round() / 1000.0;
                (c.figure.id.as_str(), round(c.fill), round(c.target))
            })
            .collect();
        assert_eq!(got, want, "event {rank}");
    }

    #[test]
    fn cards_one_and_two_have_completion_bars() {
        // 126 % and 127 % on a track to 150 %, 100 % at two thirds.
        check(1, &[("microcredit-completion", 0.84, 0.667)]);
        check(2, &[("relocation-completion", 0.847, 0.667)]);
    }

    #[test]
    fn the_bar_is_svg_in_percentages_without_style() {
        let svg = completions(story(), 2)[0].svg();
        assert!(svg.starts_with("<svg class=\"completion__bar\""));
        assert!(svg.contains("width=\"84.7%\""), "{svg}");
        assert!(svg.contains("x1=\"66.7%\""), "{svg}");
        assert!(!svg.contains("style="));
    }

    #[test]
    fn other_cards_have_none() {
        for rank in [0, 3, 4, 5, 6, 7, 8, 9, 10, 11] {
            check(rank, &[]);
        }
    }
}
