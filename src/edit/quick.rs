//! Quick what-ifs: one figure that sets a whole row from a year on ("what if pay awards
//! are 4% every year from 2024/25?"), for the sliders at the top of the panel. The year
//! grids below still hold each year's figure for fine-tuning. Each what-if is made of
//! registry assumptions, whose unit, range, source and setting it shares.

use rust_decimal::Decimal;

use super::{precept_in_percent, Field, FieldSpec, FieldUnit};
use crate::model::registry::{self, Assumption, Kind};
use crate::model::scenario::Scenario;
use crate::model::FinancialYear;

/// The first year the quick what-ifs change: the fourth year of the plan (the first three
/// are usually set or settled: the base year's budget, then settled grant and pay
/// deals), or the last year of a shorter plan.
pub fn quick_from_year(s: &Scenario) -> Option<FinancialYear> {
    let years = s.horizon.year_list();
    years.get(3).or(years.last()).copied()
}

/// The assumptions a quick what-if sets: both pay awards, the precept rise in the unit
/// the scenario uses, or every grant that grows by a rate.
fn assumptions(s: &Scenario, field: &Field) -> Vec<Assumption> {
    match field {
        Field::PayAwardsFrom(_) => vec![
            Assumption::plan(Kind::OfficerPayAward),
            Assumption::plan(Kind::StaffPayAward),
        ],
        Field::PreceptRiseFrom(_) if precept_in_percent(s) => {
            vec![Assumption::plan(Kind::BandDRisePct)]
        }
        Field::PreceptRiseFrom(_) => vec![Assumption::plan(Kind::BandDRiseGbp)],
        Field::GrantGrowthFrom(_) => registry::assumptions(s)
            .into_iter()
            .filter(|a| a.kind == Kind::FundingGrowth)
            .collect(),
        Field::Assumption(..) | Field::HorizonYears | Field::Screen(_) => Vec::new(),
    }
}

fn from_year(field: &Field) -> Option<FinancialYear> {
    match field {
        Field::PayAwardsFrom(y) | Field::PreceptRiseFrom(y) | Field::GrantGrowthFrom(y) => Some(*y),
        _ => None,
    }
}

/// The per-year field a quick what-if shows in its first year, whose unit, range, source
/// and figure it shares (none if no grant grows by a rate).
fn per_year(s: &Scenario, field: &Field) -> Option<Field> {
    let first = assumptions(s, field).into_iter().next()?;
    Some(Field::Assumption(first, from_year(field)))
}

/// Label, unit, range and source of a quick what-if: its per-year field's, under its own
/// label.
pub fn spec(s: &Scenario, field: &Field) -> FieldSpec {
    let label = match field {
        Field::PayAwardsFrom(y) => format!("Pay award, officers and staff, each year from {y}"),
        Field::PreceptRiseFrom(y) => format!("Band D rise each year from {y}"),
        Field::GrantGrowthFrom(y) => format!("Grant growth each year from {y}"),
        Field::Assumption(..) | Field::HorizonYears | Field::Screen(_) => "Unknown field".into(),
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
    let from = from_year(field).ok_or("This figure no longer exists in the scenario")?;
    let all = assumptions(s, field);
    if all.is_empty() {
        return Err("No grant in this scenario grows by a rate".into());
    }
    for a in all {
        a.set_from(s, from, v)?;
    }
    Ok(())
}
