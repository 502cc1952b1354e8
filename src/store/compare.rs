//! Scenarios side by side: headline figures and lines by year with their differences from
//! the first scenario picked, overlaid charts, and the bridge between any two.

use rust_decimal::Decimal;

use crate::charts::{ChartData, Series, SeriesKind, Unit};
use crate::format;
use crate::model::engine::{Projection, YearResult};
use crate::model::money::checked_sub;
use crate::model::scenario::Scenario;
use crate::model::{FinancialYear, ModelResult};
use crate::view;

/// One scenario in a comparison.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    /// Its name.
    pub name: &'a str,
    /// The scenario.
    pub scenario: &'a Scenario,
    /// Its projection.
    pub projection: &'a Projection,
}

/// A figure for each scenario compared (None: not in that scenario's plan).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measure {
    /// What it is.
    pub label: String,
    /// Machine name, for page ids and tests.
    pub key: &'static str,
    /// One figure per scenario, £.
    pub values: Vec<Option<Decimal>>,
    /// Shown in £ (Band D), not £ million.
    pub pounds: bool,
}

impl Measure {
    /// Each scenario's figure minus the first scenario's (None for the first itself).
    pub fn differences(&self) -> Vec<Option<Decimal>> {
        let first = self.values.first().copied().flatten();
        self.values
            .iter()
            .enumerate()
            .map(|(i, v)| match (i, v, first) {
                (0, _, _) => None,
                (_, Some(v), Some(f)) => checked_sub(*v, f),
                _ => None,
            })
            .collect()
    }
}

/// The headline figures of each side; the annual gap in `year`.
pub fn headlines(sides: &[Side], year: Option<FinancialYear>) -> Vec<Measure> {
    let m = |label: String, key, f: &dyn Fn(&Projection) -> Option<Decimal>| Measure {
        label,
        key,
        values: sides.iter().map(|s| f(s.projection)).collect(),
        pounds: key == "band-d-end",
    };
    let year_text = year
        .map(|y| y.to_string())
        .unwrap_or_else(|| "the final year".into());
    vec![
        m(format!("Annual gap in {year_text}"), "annual-gap", &|p| {
            year.map_or(p.final_year(), |y| p.year(y)).map(|r| r.gap)
        }),
        m(
            "Cumulative deficit over the plan".into(),
            "cumulative-gap",
            &|p| Some(p.cumulative_gap()),
        ),
        m(
            "Recurring gap in the final year".into(),
            "recurring-gap",
            &|p| Some(p.final_recurring_gap()),
        ),
        m(
            "General reserve at the end of the plan".into(),
            "reserves-end",
            &|p| p.final_year().map(|y| y.reserves.general),
        ),
        m("Band D in the final year".into(), "band-d-end", &|p| {
            p.final_year().map(|y| y.precept.band_d)
        }),
    ]
}

/// A year's figure of one line.
pub type LineOf = fn(&YearResult) -> Decimal;

/// The lines compared year by year: (label, key, figure of a year).
pub const LINES: [(&str, &str, LineOf); 5] = [
    ("Total funding", "funding", |y| y.total_funding),
    ("Net revenue spend", "spending", |y| y.total_expenditure),
    ("Annual gap", "gap", |y| y.gap),
    ("Cumulative gap", "cumulative", |y| y.cumulative_gap),
    ("General reserve (year end)", "reserve", |y| {
        y.reserves.general
    }),
];

/// Every year in any side's plan, in order.
pub fn years(sides: &[Side]) -> Vec<FinancialYear> {
    // Kept in order as they are added (plans are a handful of years; a sort would add its
    // own copy of the sort code to the wasm for this one list).
    let mut all: Vec<FinancialYear> = Vec::new();
    for year in sides.iter().flat_map(|s| s.projection.year_list()) {
        if let Err(at) = all.binary_search(&year) {
            all.insert(at, year);
        }
    }
    all
}

/// Line `f` for each side over `years`.
pub fn line(
    sides: &[Side],
    years: &[FinancialYear],
    f: fn(&YearResult) -> Decimal,
) -> Vec<Vec<Option<Decimal>>> {
    sides
        .iter()
        .map(|s| years.iter().map(|y| s.projection.year(*y).map(f)).collect())
        .collect()
}

/// Years in every side's plan (a chart line needs a figure in each year it spans).
pub fn common_years(sides: &[Side]) -> Vec<FinancialYear> {
    years(sides)
        .into_iter()
        .filter(|y| sides.iter().all(|s| s.projection.year(*y).is_some()))
        .collect()
}

/// One line per side of `f` by year, drawn over each other, over the years every side's
/// plan covers (the tables show the rest).
pub fn overlay_chart(
    id: &str,
    what: &str,
    sides: &[Side],
    f: fn(&YearResult) -> Decimal,
) -> ChartData {
    let years = common_years(sides);
    let series = sides
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let kind = if i == 0 {
                SeriesKind::Dashed
            } else {
                SeriesKind::Line
            };
            let values = years
                .iter()
                .filter_map(|y| s.projection.year(*y).map(f))
                .collect();
            Series::new(s.name, kind, i, values)
        })
        .collect();
    let last = years.last().map(|y| y.to_string()).unwrap_or_default();
    let final_of = |s: &Side| s.projection.final_year().map_or(Decimal::ZERO, f);
    let title = match sides.iter().max_by_key(|s| final_of(s)) {
        Some(top) if sides.len() > 1 => format!(
            "{what}: '{}' is highest by {last}, at {}",
            top.name,
            format::millions(final_of(top))
        ),
        _ => what.to_string(),
    };
    ChartData {
        id: id.into(),
        title,
        description: format!(
            "{what} by year for each scenario compared, one line each; the first scenario is dashed. £ million."
        ),
        categories: years.iter().map(ToString::to_string).collect(),
        unit: Unit::Money,
        series,
    }
}

/// The bridge from `from`'s cumulative gap to `to`'s, by assumption group.
pub fn bridge_chart(from: Side, to: Side) -> ModelResult<ChartData> {
    let steps = view::bridge(from.scenario, from.projection, to.scenario, to.projection)?;
    let mut chart = view::bridge_chart(from.projection, to.projection, &steps);
    chart.id = "compare-bridge".into();
    if let Some(first) = chart.categories.first_mut() {
        *first = from.name.to_string();
    }
    if let Some(last) = chart.categories.last_mut() {
        *last = to.name.to_string();
    }
    chart.title = if steps.is_empty() {
        format!(
            "'{}' and '{}' have the same cumulative gap",
            from.name, to.name
        )
    } else {
        chart.title.replacen(
            "This scenario",
            &format!("'{}' (against '{}')", to.name, from.name),
            1,
        )
    };
    chart.description = format!(
        "A bridge from the cumulative gap of '{}' to that of '{}': each floating bar is how far one group of assumptions moves it, applied in the order shown. £ million.",
        from.name, to.name
    );
    Ok(chart)
}
