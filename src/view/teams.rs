//! Workforce, Uplift and collaboration views: the modules' own projections of a scenario,
//! and their charts.

use rust_decimal::Decimal;

use crate::charts::{ChartData, Series, SeriesKind, Unit};
use crate::format;
use crate::model::collab::{self, CollaborationProjection};
use crate::model::money::{checked_add, checked_sub};
use crate::model::scenario::Scenario;
use crate::model::workforce::{self, Group, PayContext, UpliftYear, WorkforceProjection};
use crate::model::ModelResult;

/// The workforce projection of `s`, if it has a workforce plan.
pub fn workforce_of(s: &Scenario) -> Option<ModelResult<WorkforceProjection>> {
    let years = s.horizon.year_list();
    s.workforce.as_ref().map(|plan| {
        workforce::project(
            plan,
            PayContext {
                years: &years,
                officer_award_pct: &s.assumptions.officer_pay_award_pct.value,
                staff_award_pct: &s.assumptions.staff_pay_award_pct.value,
            },
        )
    })
}

/// The collaboration register of `s` projected over its plan, if it has one.
pub fn collaborations_of(s: &Scenario) -> Option<ModelResult<CollaborationProjection>> {
    let years = s.horizon.year_list();
    s.collaborations
        .as_ref()
        .map(|register| collab::project(register, &years))
}

/// Officer headcount at 31 March against the Uplift target.
pub fn workforce_chart(w: &WorkforceProjection) -> ChartData {
    let officers: Vec<Decimal> = w
        .years
        .iter()
        .map(|y| {
            w.row(Group::Officers, *y)
                .map_or(Decimal::ZERO, |r| r.closing_headcount)
        })
        .collect();
    let uplift: Vec<&UpliftYear> = w.uplift.iter().flatten().collect();
    let mut series = vec![Series::new(
        "Officers at 31 March",
        SeriesKind::Line,
        0,
        officers,
    )];
    let target_years: Vec<Decimal> = w
        .years
        .iter()
        .map(|y| {
            uplift
                .iter()
                .find(|u| u.year == *y)
                .map_or(Decimal::ZERO, |u| u.target)
        })
        .collect();
    if !uplift.is_empty() {
        series.push(Series::new(
            "Uplift target",
            SeriesKind::Dashed,
            3,
            target_years,
        ));
    }
    let short: Vec<&&UpliftYear> = uplift.iter().filter(|u| u.actual < u.target).collect();
    let title = match (uplift.is_empty(), short.first()) {
        (true, _) => "Officer numbers by year".to_string(),
        (false, None) => "Officer numbers meet the Uplift target in every year".to_string(),
        (false, Some(u)) => format!(
            "Officer numbers fall {} short of the Uplift target in {}",
            format::count(checked_sub(u.target, u.actual).unwrap_or_default(), 0),
            u.year
        ),
    };
    ChartData {
        id: "workforce".into(),
        title,
        description: "The line shows police officer headcount at 31 March of each year; the \
                      dashed line is the Operation Uplift headcount target that the \
                      ring-fenced grant depends on."
            .into(),
        categories: w.years.iter().map(|y| y.to_string()).collect(),
        unit: Unit::People,
        series,
    }
}

/// The force's contribution to each collaboration, stacked by year.
pub fn collaboration_chart(c: &CollaborationProjection) -> ChartData {
    let years: Vec<_> = c.totals.keys().copied().collect();
    let mut series = Vec::new();
    for (i, line) in c
        .collaborations
        .iter()
        .filter(|l| l.years.iter().any(|y| !y.force_contribution.is_zero()))
        .enumerate()
    {
        series.push(Series::new(
            line.name.clone(),
            SeriesKind::Stacked,
            i,
            line.years.iter().map(|y| y.force_contribution).collect(),
        ));
    }
    let offset = series.len();
    for (i, line) in c.capital.iter().enumerate() {
        series.push(Series::new(
            format!("{} (financing)", line.name),
            SeriesKind::Stacked,
            offset + i,
            line.years.iter().map(|y| y.force.financing).collect(),
        ));
    }
    let total_last = c
        .totals
        .values()
        .last()
        .map(|t| checked_add(t.contribution, t.capital_financing).unwrap_or(t.contribution))
        .unwrap_or_default();
    let realised: Decimal = c
        .totals
        .values()
        .map(|t| t.savings_realised)
        .fold(Decimal::ZERO, |a, b| checked_add(a, b).unwrap_or(a));
    let last_year = years.last().map(|y| y.to_string()).unwrap_or_default();
    ChartData {
        id: "collaborations".into(),
        title: format!(
            "Collaborations cost the force {} in {last_year}; {} of savings realised over the plan",
            format::millions(total_last),
            format::millions(realised)
        ),
        description: "Stacked bars show the force's share of each regional collaboration's \
                      cost, and its share of the financing of the joint headquarters, by \
                      year. £ million."
            .into(),
        categories: years.iter().map(|y| y.to_string()).collect(),
        unit: Unit::Money,
        series,
    }
}

/// The Uplift position in `year` (or the last year with a target).
pub fn uplift_status(
    w: &WorkforceProjection,
    year: Option<crate::model::FinancialYear>,
) -> Option<UpliftYear> {
    let rows = w.uplift.as_ref()?;
    year.and_then(|y| rows.iter().find(|u| u.year == y))
        .or_else(|| rows.last())
        .cloned()
}
