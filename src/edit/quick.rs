//! Quick what-ifs: one figure that sets a whole row from a year on ("what if pay awards
//! are 4% every year from 2024/25?"), for the sliders at the top of the panel. The year
//! grids below still hold each year's figure for fine-tuning.

use rust_decimal::Decimal;

use super::{precept_in_percent, Field, FieldSpec, FieldUnit};
use crate::model::scenario::{FundingDriver, Scenario};
use crate::model::FinancialYear;

/// The first year the quick what-ifs change: the fourth year of the plan (the first three
/// are usually set or settled: the base year's budget, then settled grant and pay
/// deals), or the last year of a shorter plan.
pub fn quick_from_year(s: &Scenario) -> Option<FinancialYear> {
    let years = s.horizon.year_list();
    years.get(3).or(years.last()).copied()
}

fn from_years(s: &Scenario, from: FinancialYear) -> Vec<FinancialYear> {
    s.horizon
        .year_list()
        .into_iter()
        .filter(|y| *y >= from)
        .collect()
}

/// The per-year field a quick what-if sets in its first year, whose unit, range, source and
/// figure it shares: the officer pay award, the precept rise in the unit the scenario uses,
/// or the first grant that grows by a rate (none if no grant does).
fn per_year(s: &Scenario, field: &Field) -> Option<Field> {
    match field {
        Field::PayAwardsFrom(y) => Some(Field::OfficerPayAward(*y)),
        Field::PreceptRiseFrom(y) if precept_in_percent(s) => Some(Field::PreceptRisePct(*y)),
        Field::PreceptRiseFrom(y) => Some(Field::PreceptRiseGbp(*y)),
        Field::GrantGrowthFrom(y) => s
            .funding
            .iter()
            .find(|l| matches!(l.driver, FundingDriver::Growth { .. }))
            .map(|l| Field::FundingGrowth(l.id.clone(), *y)),
        _ => None,
    }
}

/// Label, unit, range and source of a quick what-if: its per-year field's, under its own
/// label.
pub fn spec(s: &Scenario, field: &Field) -> FieldSpec {
    let label = match field {
        Field::PayAwardsFrom(y) => format!("Pay award, officers and staff, each year from {y}"),
        Field::PreceptRiseFrom(y) => format!("Band D rise each year from {y}"),
        Field::GrantGrowthFrom(y) => format!("Grant growth each year from {y}"),
        _ => "Unknown field".into(),
    };
    match per_year(s, field) {
        Some(f) => FieldSpec {
            label,
            ..super::spec(s, &f)
        },
        // No grant grows by a rate: the what-if is not offered (see `value`).
        None => FieldSpec::new(label, FieldUnit::Percent, 0, 0, None),
    }
}

/// The figure in the first year of a quick what-if.
pub fn value(s: &Scenario, field: &Field) -> Option<Decimal> {
    super::value(s, &per_year(s, field)?)
}

/// Set every year from the what-if's first year to `v`.
pub fn apply(s: &mut Scenario, field: &Field, v: Decimal) -> Result<(), String> {
    match field {
        Field::PayAwardsFrom(from) => {
            for y in from_years(s, *from) {
                s.assumptions.officer_pay_award_pct.value.set(y, v);
                s.assumptions.staff_pay_award_pct.value.set(y, v);
            }
        }
        Field::PreceptRiseFrom(from) => {
            let pct = precept_in_percent(s);
            for y in from_years(s, *from) {
                if pct {
                    s.precept.rise_pct.value.set(y, v);
                    s.precept.rise_gbp.value.0.remove(&y);
                } else {
                    s.precept.rise_gbp.value.set(y, v);
                    s.precept.rise_pct.value.0.remove(&y);
                }
            }
        }
        Field::GrantGrowthFrom(from) => {
            let years = from_years(s, *from);
            let mut any = false;
            for line in &mut s.funding {
                if let FundingDriver::Growth { growth_pct } = &mut line.driver {
                    any = true;
                    for y in &years {
                        growth_pct.set(*y, v);
                    }
                }
            }
            if !any {
                return Err("No grant in this scenario grows by a rate".into());
            }
        }
        _ => return Err("This figure no longer exists in the scenario".into()),
    }
    Ok(())
}
