//! What each chart shows, chosen from the dataset by rules (a figure's kind, unit and
//! provenance; the story's relations), never by figure id, so another year's dataset
//! draws its own charts with no code change.
//!
//! - [`ChartKind::Money`]: every *reported* amount of money put into a programme, spent
//!   (`Kind::Spending`) or invested (`Kind::Investment`), in [`Unit::Yuan`]. Loans
//!   issued (`Kind::Loans`) are not spending and stay out (microcredit shows in the
//!   achieved chart); incomes per household (`Kind::Income`) and derived figures stay out.
//!   Largest first. Each amount is its own bar: they are of different kinds and may overlap
//!   (a county fund may pay for another programme), so they never add up to a total.
//! - [`ChartKind::Achieved`]: one bar per [`Relation::AchievedVsTarget`], its length the
//!   reported completion percentage, against a 100 % line; the achieved and target figures
//!   (when the report gives them) go along as context.
//! - [`ChartKind::HouseholdsPeople`]: one group per [`Relation::HouseholdsPeople`], a bar
//!   for the households and one for the people.

use crate::model::{Decimal, Figure, Provenance, Relation, Story, Text3, Unit};

/// The overview charts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChartKind {
    /// Money by programme.
    Money,
    /// Achieved against target.
    Achieved,
    /// Households and people.
    HouseholdsPeople,
}

impl ChartKind {
    /// Every chart, in the order the page shows them.
    pub const ALL: [ChartKind; 3] = [
        ChartKind::Money,
        ChartKind::Achieved,
        ChartKind::HouseholdsPeople,
    ];

    /// Stable identifier: DOM ids, test ids, file names.
    pub fn slug(self) -> &'static str {
        match self {
            ChartKind::Money => "money-by-programme",
            ChartKind::Achieved => "achieved-vs-target",
            ChartKind::HouseholdsPeople => "households-and-people",
        }
    }

    /// What the value axis measures.
    pub(crate) fn unit(self) -> Unit {
        match self {
            ChartKind::Money => Unit::Yuan,
            ChartKind::Achieved => Unit::Percent,
            ChartKind::HouseholdsPeople => Unit::Count,
        }
    }

    /// The value a reference line marks (100 % of the target), if the chart has one.
    pub(crate) fn reference(self) -> Option<Decimal> {
        match self {
            ChartKind::Achieved => Some(Decimal::from_int(100)),
            _ => None,
        }
    }
}

/// A colour slot of the theme (`--c-series-1` …); bars of one series also share a shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Series {
    /// Solid bars in the first series colour.
    First,
    /// Outlined bars in the second series colour.
    Second,
}

/// What a figure is in its chart: the row of an export, the line of a tooltip.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// An amount of money (money chart).
    Amount,
    /// A completion percentage (its bar's length).
    Completion,
    /// What was achieved (context of a completion).
    Achieved,
    /// The target (context of a completion).
    Target,
    /// A count of households.
    Households,
    /// A count of people.
    People,
}

impl Role {
    /// Stable identifier, used in exports.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Role::Amount => "amount",
            Role::Completion => "completion",
            Role::Achieved => "achieved",
            Role::Target => "target",
            Role::Households => "households",
            Role::People => "people",
        }
    }
}

/// One bar: the figure whose value is its length, and figures that explain it.
#[derive(Clone, Debug, PartialEq)]
pub struct Datum<'s> {
    pub figure: &'s Figure,
    pub(crate) role: Role,
    pub(crate) series: Series,
    /// Figures shown with the bar (achieved and target of a completion), with their roles.
    pub context: Vec<(Role, &'s Figure)>,
}

/// Bars under one label.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Group<'s> {
    pub(crate) label: &'s Text3,
    pub(crate) bars: Vec<Datum<'s>>,
}

/// A figure of a chart, for tables and exports.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Row<'s> {
    /// The label of its group.
    pub(crate) group: &'s Text3,
    pub(crate) role: Role,
    pub figure: &'s Figure,
}

/// A chart's data: groups of bars, in the order drawn (top to bottom).
#[derive(Clone, Debug, PartialEq)]
pub struct ChartData<'s> {
    pub(crate) kind: ChartKind,
    pub(crate) groups: Vec<Group<'s>>,
}

impl<'s> ChartData<'s> {
    /// The data of chart `kind`, chosen from `story` by the rules in the module docs.
    pub fn of(kind: ChartKind, story: &'s Story) -> ChartData<'s> {
        let groups = match kind {
            ChartKind::Money => money(story),
            ChartKind::Achieved => achieved(story),
            ChartKind::HouseholdsPeople => households_people(story),
        };
        ChartData { kind, groups }
    }

    /// Every bar, top to bottom.
    pub fn bars(&self) -> impl Iterator<Item = &Datum<'s>> + '_ {
        self.groups.iter().flat_map(|g| g.bars.iter())
    }

    /// Every figure of the chart with its group and role: each bar's figure, then its
    /// context figures. The rows of the data table and of the exports.
    pub fn rows(&self) -> Vec<Row<'s>> {
        let mut rows = Vec::new();
        for group in &self.groups {
            for datum in &group.bars {
                rows.push(Row {
                    group: group.label,
                    role: datum.role,
                    figure: datum.figure,
                });
                rows.extend(datum.context.iter().map(|(role, figure)| Row {
                    group: group.label,
                    role: *role,
                    figure,
                }));
            }
        }
        rows
    }
}

/// True for a figure the report states (not one computed from others).
pub fn is_reported(figure: &Figure) -> bool {
    matches!(figure.provenance, Provenance::Reported(_))
}

fn money(story: &Story) -> Vec<Group<'_>> {
    // Largest first; equal amounts keep the report's order. (An insertion, not a library
    // sort: a handful of figures, and much less code in the browser bundle.)
    let mut amounts: Vec<&Figure> = Vec::new();
    for f in story
        .figures
        .iter()
        .filter(|f| f.kind.is_outlay() && f.unit == Unit::Yuan && is_reported(f))
    {
        let at = amounts.partition_point(|a| a.value >= f.value);
        amounts.insert(at, f);
    }
    amounts
        .into_iter()
        .map(|figure| Group {
            label: &figure.label,
            bars: vec![Datum {
                figure,
                role: Role::Amount,
                series: Series::First,
                context: Vec::new(),
            }],
        })
        .collect()
}

fn achieved(story: &Story) -> Vec<Group<'_>> {
    story
        .relations
        .iter()
        .filter_map(|relation| match relation {
            Relation::AchievedVsTarget {
                label,
                achieved,
                target,
                percent,
            } => {
                let figure = story.figure(percent)?;
                let context = [(Role::Achieved, achieved), (Role::Target, target)]
                    .into_iter()
                    .filter_map(|(role, id)| Some((role, story.figure(id.as_deref()?)?)))
                    .collect();
                Some(Group {
                    label,
                    bars: vec![Datum {
                        figure,
                        role: Role::Completion,
                        series: Series::First,
                        context,
                    }],
                })
            }
            Relation::HouseholdsPeople { .. } => None,
        })
        .collect()
}

fn households_people(story: &Story) -> Vec<Group<'_>> {
    story
        .relations
        .iter()
        .filter_map(|relation| match relation {
            Relation::HouseholdsPeople {
                label,
                households,
                people,
            } => {
                let bar = |role, series, id: &str| {
                    story.figure(id).map(|figure| Datum {
                        figure,
                        role,
                        series,
                        context: Vec::new(),
                    })
                };
                let bars: Vec<Datum> = [
                    bar(Role::Households, Series::Second, households),
                    bar(Role::People, Series::First, people),
                ]
                .into_iter()
                .flatten()
                .collect();
                (!bars.is_empty()).then_some(Group { label, bars })
            }
            Relation::AchievedVsTarget { .. } => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    // What the tests ask of a chart's data.
    impl ChartData<'_> {
        /// True when the dataset has nothing for this chart.
        fn is_empty(&self) -> bool {
            self.bars().next().is_none()
        }
    }
    use crate::data::story;
    use crate::model::Kind;

    fn ids(data: &ChartData) -> Vec<(String, &'static str)> {
        data.bars()
            .map(|d| (d.figure.id.clone(), d.role.as_str()))
            .collect()
    }

    #[track_caller]
    fn check(kind: ChartKind, want: &[(&str, &str)]) {
        let data = ChartData::of(kind, story());
        let want: Vec<(String, &str)> = want.iter().map(|(i, r)| (i.to_string(), *r)).collect();
        assert_eq!(ids(&data), want, "{kind:?}");
    }

    #[test]
    fn money_is_every_amount_spent_or_invested_largest_first() {
        check(
            ChartKind::Money,
            &[
                ("relocation-investment", "amount"),
                ("county-special-fund", "amount"),
                ("insurance-investment", "amount"),
                ("internet-investment", "amount"),
            ],
        );
        // Incomes per household are yuan too, and loans issued are money too, but neither
        // is a programme's spending.
        let data = ChartData::of(ChartKind::Money, story());
        assert!(data.bars().all(|d| d.figure.kind.is_outlay()));
    }

    /// What a figure is, for the rule that a chart never mixes natures: money spent or
    /// invested is one nature (outlay); loans issued, incomes, percentages, people and
    /// households are each their own.
    fn nature(kind: Kind) -> &'static str {
        if kind.is_outlay() {
            "outlay"
        } else {
            kind.as_str()
        }
    }

    #[test]
    fn no_chart_mixes_figures_of_different_natures() {
        // Regression: the money chart put microcredit loans issued beside spending and
        // investment. Bars in the same role of a chart must be of one nature.
        for kind in ChartKind::ALL {
            let data = ChartData::of(kind, story());
            assert!(!data.is_empty(), "{kind:?}");
            let mut seen: Vec<(Role, &str, &str)> = Vec::new();
            for bar in data.bars() {
                let n = nature(bar.figure.kind);
                if let Some((_, first, id)) = seen.iter().find(|(r, ..)| *r == bar.role) {
                    assert_eq!(
                        n, *first,
                        "{kind:?} puts {} ({n}) beside {id} ({first})",
                        bar.figure.id
                    );
                } else {
                    seen.push((bar.role, n, &bar.figure.id));
                }
            }
        }
    }

    #[test]
    fn achieved_comes_from_the_relations() {
        check(
            ChartKind::Achieved,
            &[
                ("relocation-completion", "completion"),
                ("microcredit-completion", "completion"),
            ],
        );
        let data = ChartData::of(ChartKind::Achieved, story());
        let context: Vec<Vec<(&str, &str)>> = data
            .bars()
            .map(|d| {
                d.context
                    .iter()
                    .map(|(r, f)| (r.as_str(), f.id.as_str()))
                    .collect()
            })
            .collect();
        assert_eq!(
            context,
            [
                vec![
                    ("achieved", "relocation-people"),
                    ("target", "relocation-target-people")
                ],
                // The report gives no target amount for microcredit.
                vec![("achieved", "microcredit-issued")],
            ]
        );
    }

    #[test]
    fn households_and_people_pair_up() {
        check(
            ChartKind::HouseholdsPeople,
            &[
                ("households-lifted", "households"),
                ("people-lifted", "people"),
                ("relocation-households", "households"),
                ("relocation-people", "people"),
            ],
        );
    }

    #[test]
    fn a_story_without_relations_or_money_gives_empty_charts() {
        let mut bare = story().clone();
        bare.relations.clear();
        bare.figures.retain(|f| !f.kind.is_outlay());
        for kind in ChartKind::ALL {
            assert!(ChartData::of(kind, &bare).is_empty(), "{kind:?}");
        }
    }
}
