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

/// Label, unit and range of a quick what-if.
pub fn spec(s: &Scenario, field: &Field) -> FieldSpec {
    let a = &s.assumptions;
    match field {
        Field::PayAwardsFrom(y) => FieldSpec::new(
            format!("Pay award, officers and staff, each year from {y}"),
            FieldUnit::Percent,
            -20,
            30,
            Some(&a.officer_pay_award_pct.source),
        ),
        Field::PreceptRiseFrom(y) if precept_in_percent(s) => FieldSpec::new(
            format!("Band D rise each year from {y}"),
            FieldUnit::Percent,
            -50,
            100,
            Some(&s.precept.rise_pct.source),
        ),
        Field::PreceptRiseFrom(y) => FieldSpec::new(
            format!("Band D rise each year from {y}"),
            FieldUnit::Pounds,
            -500,
            500,
            Some(&s.precept.rise_gbp.source),
        ),
        Field::GrantGrowthFrom(y) => FieldSpec::new(
            format!("Grant growth each year from {y}"),
            FieldUnit::Percent,
            -50,
            50,
            s.funding
                .iter()
                .find(|l| matches!(l.driver, FundingDriver::Growth { .. }))
                .map(|l| &l.source),
        ),
        _ => FieldSpec::new("Unknown field", FieldUnit::Percent, 0, 0, None),
    }
}

/// The figure in the first year of a quick what-if.
pub fn value(s: &Scenario, field: &Field) -> Option<Decimal> {
    match field {
        Field::PayAwardsFrom(y) => Some(s.assumptions.officer_pay_award_pct.value.get_or_zero(*y)),
        Field::PreceptRiseFrom(y) if precept_in_percent(s) => {
            Some(s.precept.rise_pct.value.get_or_zero(*y))
        }
        Field::PreceptRiseFrom(y) => Some(s.precept.rise_gbp.value.get_or_zero(*y)),
        Field::GrantGrowthFrom(y) => s.funding.iter().find_map(|l| match &l.driver {
            FundingDriver::Growth { growth_pct } => Some(growth_pct.get_or_zero(*y)),
            _ => None,
        }),
        _ => None,
    }
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
