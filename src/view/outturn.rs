//! What the outturn screen shows, computed from the scenario (issue 17): the hindsight
//! bridge from the plan's cumulative gap to the hindsight figure by assumption group, and
//! the chart of plan against actual for one item.

use rust_decimal::Decimal;

use super::bridge::{bridge, BridgeStep};
use super::charts::bridge_chart;
use crate::charts::{ChartData, Series, SeriesKind, Unit};
use crate::format;
use crate::model::engine::Projection;
use crate::model::money::{checked_sub, At};
use crate::model::outturn::variance::{Subject, YearVariance};
use crate::model::outturn::Item;
use crate::model::registry::Unit as ItemUnit;
use crate::model::scenario::Scenario;
use crate::model::ModelResult;

/// The hindsight bridge: the steps from the plan's cumulative gap to the hindsight
/// scenario's, by assumption group in the bridge's fixed order ([`super::GROUPS`]). The
/// steps add up to the difference to the penny.
pub fn hindsight_bridge(
    plan: &Scenario,
    plan_p: &Projection,
    hindsight: &Scenario,
    hindsight_p: &Projection,
) -> ModelResult<Vec<BridgeStep>> {
    bridge(plan, plan_p, hindsight, hindsight_p)
}

/// The hindsight bridge as a chart: the plan's cumulative gap, each group's step, and the
/// hindsight figure.
pub fn hindsight_bridge_chart(
    plan_p: &Projection,
    hindsight_p: &Projection,
    steps: &[BridgeStep],
) -> ChartData {
    let mut chart = bridge_chart(plan_p, hindsight_p, steps);
    chart.id = "hindsight-bridge".into();
    if let Some(first) = chart.categories.first_mut() {
        *first = "The plan".into();
    }
    if let Some(last) = chart.categories.last_mut() {
        *last = "Hindsight".into();
    }
    let diff =
        checked_sub(hindsight_p.cumulative_gap(), plan_p.cumulative_gap()).unwrap_or(Decimal::ZERO);
    let biggest = steps
        .iter()
        .max_by_key(|s| s.change.abs())
        .map(|s| s.group.to_lowercase())
        .unwrap_or_default();
    chart.title = if steps.is_empty() {
        "What is now known leaves the plan's cumulative gap as it was".into()
    } else {
        format!(
            "What is now known {} the cumulative gap by {} ({} to {}); {biggest} moves it most",
            if diff >= Decimal::ZERO {
                "raises"
            } else {
                "lowers"
            },
            format::millions(diff.abs()),
            format::millions(plan_p.cumulative_gap()),
            format::millions(hindsight_p.cumulative_gap()),
        )
    };
    chart.description = "A bridge from the 2021/22 plan's cumulative gap to the same plan with \
                         what is now known: each floating bar is how far one group of published \
                         actuals moves it, applied in the order shown (funding and grants, \
                         precept, then pay and inflation). £ million."
        .into();
    chart
}

/// The money items (and officers) with an actual in some year, the one with the most
/// years first: what the chart can show.
pub fn chartable(s: &Scenario, years: &[YearVariance]) -> Vec<Item> {
    let mut counts: Vec<(Item, usize)> = Vec::new();
    for r in years.iter().flat_map(|y| &y.rows) {
        let Subject::Item(item) = &r.subject else {
            continue;
        };
        if !matches!(item.unit(), ItemUnit::Pounds | ItemUnit::People) || item == &Item::BandD {
            continue;
        }
        if r.plan.is_none() {
            continue;
        }
        match counts.iter_mut().find(|(i, _)| i == item) {
            Some((_, n)) => *n = n.saturating_add(1),
            None => counts.push((item.clone(), 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.order(s).cmp(&b.0.order(s))));
    counts.into_iter().map(|(i, _)| i).collect()
}

/// Plan against actual for `item`, in each year it has an actual.
pub fn variance_chart(s: &Scenario, years: &[YearVariance], item: &Item) -> ChartData {
    let rows: Vec<_> = years
        .iter()
        .flat_map(|y| &y.rows)
        .filter(|r| r.subject == Subject::Item(item.clone()))
        .filter_map(|r| Some((r.year, r.plan?, r.actual, r.variance?)))
        .collect();
    let unit = if item.unit() == ItemUnit::People {
        Unit::People
    } else {
        Unit::Money
    };
    let label = item.label(s);
    let at = At::new("outturn", None);
    let total = at
        .sum(rows.iter().map(|(.., v)| *v))
        .unwrap_or(Decimal::ZERO);
    let known: Vec<String> = rows.iter().map(|(y, ..)| y.to_string()).collect();
    let span = match (known.first(), known.last()) {
        (Some(a), Some(b)) if a != b => format!("{a} to {b}"),
        (Some(a), _) => a.clone(),
        _ => String::new(),
    };
    let amount = |v: Decimal| match unit {
        Unit::Money => format::millions_dp(v, 2),
        Unit::People => format::count(v, 0),
    };
    let title = if rows.is_empty() {
        format!("{label}: no actuals yet")
    } else if total.is_zero() {
        format!("{label} came in on plan ({span})")
    } else {
        let (dir, what) = if total > Decimal::ZERO {
            ("above", amount(total))
        } else {
            ("below", amount(total.abs()))
        };
        format!("{label} came in {what} {dir} plan over {span}")
    };
    ChartData {
        id: "variance".into(),
        title,
        description: format!(
            "Bars compare the plan's figure for {label} with the actual, in each year an \
             actual is known{}.",
            if unit == Unit::Money {
                ", £ million"
            } else {
                ""
            }
        ),
        categories: known,
        unit,
        series: vec![
            Series::new(
                "Plan",
                SeriesKind::Bar,
                0,
                rows.iter().map(|(_, p, ..)| *p).collect(),
            ),
            Series::new(
                "Actual",
                SeriesKind::Bar,
                1,
                rows.iter().map(|(_, _, a, _)| *a).collect(),
            ),
        ],
    }
}

/// A figure as the outturn screen shows it: £ to the penny with separators, % to two
/// places, the tax base to two places, people whole.
pub fn figure_text(unit: ItemUnit, v: Decimal) -> String {
    match unit {
        ItemUnit::Pounds => format::pounds(v),
        ItemUnit::Percent => format::percent(v, 2),
        ItemUnit::Properties => format::count(v, 2),
        ItemUnit::People | ItemUnit::Years => format::count(v, 0),
    }
}

/// A signed difference: "+£1,395,469.47", "−£216,675.46", "+2.25 pp" (percentage points
/// for a %), "£0.00" when none.
pub fn variance_text(unit: ItemUnit, v: Decimal) -> String {
    let body = match unit {
        ItemUnit::Percent => format!("{} pp", format::count(v.abs(), 2)),
        _ => figure_text(unit, v.abs()),
    };
    let places = crate::model::outturn::variance::places(unit);
    let rounded = crate::model::money::round_to(v, places);
    if rounded > Decimal::ZERO {
        format!("+{body}")
    } else if rounded < Decimal::ZERO {
        format!("{}{body}", format::MINUS)
    } else {
        body
    }
}

/// A variance as a % of plan, signed: "+1.66%", "−0.24%".
pub fn pct_text(v: Decimal) -> String {
    let text = format::percent(v.abs(), 2);
    let rounded = crate::model::money::round_to(v, 2);
    if rounded > Decimal::ZERO {
        format!("+{text}")
    } else if rounded < Decimal::ZERO {
        format!("{}{text}", format::MINUS)
    } else {
        text
    }
}
