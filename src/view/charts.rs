//! The workspace's charts as [`ChartData`]: each with a title that states the finding.

use rust_decimal::Decimal;

use super::bridge::BridgeStep;
use crate::charts::{ChartData, Series, SeriesKind, Unit};
use crate::format;
use crate::model::engine::Projection;
use crate::model::money::{checked_add, checked_sub};

fn years(p: &Projection) -> Vec<String> {
    p.years.iter().map(|y| y.year.to_string()).collect()
}

/// £50,000: the smallest gap that shows as £0.1m.
fn visible() -> Decimal {
    Decimal::new(50_000, 0)
}

/// Funding against net spending, by year.
pub fn funding_expenditure_chart(p: &Projection) -> ChartData {
    let first_short = p.years.iter().find(|y| y.gap >= visible());
    let title = match first_short {
        Some(y) => format!("Spending outgrows funding from {}", y.year),
        None => "Funding covers spending in every year of the plan".to_string(),
    };
    ChartData {
        id: "funding-expenditure".into(),
        title,
        description: "Bars compare total funding (grants, other income and precept) with net \
                      revenue spending (after identified savings) for each year, in £ million."
            .into(),
        categories: years(p),
        unit: Unit::Money,
        series: vec![
            Series::new(
                "Funding",
                SeriesKind::Bar,
                0,
                p.years.iter().map(|y| y.total_funding).collect(),
            ),
            Series::new(
                "Net spending",
                SeriesKind::Bar,
                1,
                p.years.iter().map(|y| y.total_expenditure).collect(),
            ),
        ],
    }
}

/// Annual gap bars and the cumulative gap line.
pub fn gap_chart(p: &Projection) -> ChartData {
    let last = p.final_year();
    let title = match last {
        Some(l) if p.cumulative_gap() >= visible() => format!(
            "A cumulative deficit of {} by {}, unless savings are found",
            format::millions(p.cumulative_gap()),
            l.year
        ),
        Some(l) => format!("No cumulative deficit by {}", l.year),
        None => "No years to show".to_string(),
    };
    ChartData {
        id: "gap".into(),
        title,
        description: "Bars show each year's gap between spending and funding; the line adds \
                      them up from the first year (the cumulative deficit). £ million; a \
                      negative figure is a surplus."
            .into(),
        categories: years(p),
        unit: Unit::Money,
        series: vec![
            Series::new(
                "Annual gap",
                SeriesKind::Bar,
                3,
                p.years.iter().map(|y| y.gap).collect(),
            ),
            Series::new(
                "Cumulative gap",
                SeriesKind::Line,
                0,
                p.years.iter().map(|y| y.cumulative_gap).collect(),
            ),
        ],
    }
}

/// The general reserve against its floor.
pub fn reserves_chart(p: &Projection) -> ChartData {
    let title = match p.first_floor_breach() {
        Some(y) => format!("The general reserve falls below its floor in {y}"),
        None => "The general reserve stays above its floor".to_string(),
    };
    ChartData {
        id: "reserves".into(),
        title,
        description: "The line shows the general reserve at the end of each year, after \
                      planned use and any gap left unmet; the dashed line is the minimum \
                      the reserves policy allows. £ million."
            .into(),
        categories: years(p),
        unit: Unit::Money,
        series: vec![
            Series::new(
                "General reserve",
                SeriesKind::Line,
                2,
                p.years.iter().map(|y| y.reserves.general).collect(),
            ),
            Series::new(
                "Floor",
                SeriesKind::Dashed,
                3,
                p.years.iter().map(|y| y.reserves.floor).collect(),
            ),
        ],
    }
}

/// A group's name short enough for a crowded bridge's axis (the description names them
/// in full).
fn short_group(group: &str) -> &str {
    match group {
        "Plan horizon" => "Horizon",
        "Funding and grants" => "Funding",
        "Pay and inflation" => "Pay",
        "Spending lines" => "Spending",
        "Workforce and Uplift" => "Workforce",
        "Savings and reserves" => "Savings",
        other => other,
    }
}

/// The bridge from the baseline's cumulative gap to this scenario's.
pub fn bridge_chart(
    baseline: &Projection,
    scenario: &Projection,
    steps: &[BridgeStep],
) -> ChartData {
    let mut categories = vec!["Baseline".to_string()];
    let mut totals = vec![baseline.cumulative_gap()];
    let mut up = vec![Decimal::ZERO];
    let mut down = vec![Decimal::ZERO];
    let mut up_base = vec![Decimal::ZERO];
    let mut down_base = vec![Decimal::ZERO];
    let mut running = baseline.cumulative_gap();
    for step in steps {
        categories.push(short_group(step.group).to_string());
        totals.push(Decimal::ZERO);
        let next = checked_add(running, step.change).unwrap_or(running);
        if step.change >= Decimal::ZERO {
            up.push(step.change);
            up_base.push(running);
            down.push(Decimal::ZERO);
            down_base.push(Decimal::ZERO);
        } else {
            down.push(step.change);
            down_base.push(running);
            up.push(Decimal::ZERO);
            up_base.push(Decimal::ZERO);
        }
        running = next;
    }
    categories.push("This scenario".to_string());
    totals.push(scenario.cumulative_gap());
    up.push(Decimal::ZERO);
    up_base.push(Decimal::ZERO);
    down.push(Decimal::ZERO);
    down_base.push(Decimal::ZERO);

    let diff =
        checked_sub(scenario.cumulative_gap(), baseline.cumulative_gap()).unwrap_or(Decimal::ZERO);
    let title = if steps.is_empty() {
        "This scenario is the baseline: nothing has moved the gap".to_string()
    } else {
        let biggest = steps
            .iter()
            .max_by_key(|s| s.change.abs())
            .map(|s| s.group.to_lowercase())
            .unwrap_or_default();
        let direction = if diff >= Decimal::ZERO {
            "adds"
        } else {
            "takes"
        };
        let preposition = if diff >= Decimal::ZERO { "to" } else { "off" };
        format!(
            "This scenario {direction} {} {preposition} the cumulative gap; {biggest} moves it most",
            format::millions(diff.abs())
        )
    };
    let mut increase = Series::new("Increases the gap", SeriesKind::Floating, 3, up);
    increase.bases = up_base;
    let mut decrease = Series::new("Reduces the gap", SeriesKind::Floating, 2, down);
    decrease.bases = down_base;
    ChartData {
        id: "bridge".into(),
        title,
        description: "A bridge from the baseline's cumulative gap to this scenario's: each \
                      floating bar is how far one group of assumptions moves it, applied in \
                      the order shown: plan horizon, funding and grants, precept, pay and \
                      inflation, spending lines, workforce and Uplift, collaborations, savings \
                      and reserves. £ million."
            .into(),
        categories,
        unit: Unit::Money,
        series: vec![
            Series::new("Cumulative gap", SeriesKind::Floating, 0, totals),
            increase,
            decrease,
        ],
    }
}
