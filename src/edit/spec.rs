//! What each field is called, in what unit, within what range, from what source; and
//! its current value: an assumption's from the registry, the plan's length and the quick
//! what-ifs from here.

use rust_decimal::Decimal;

use super::{quick, Field, FieldSpec, FieldUnit};
use crate::model::scenario::{Scenario, MAX_YEARS, MIN_YEARS};

/// The label, unit, range and source of `field` in `scenario`.
pub fn spec(scenario: &Scenario, field: &Field) -> FieldSpec {
    match field {
        Field::Assumption(a, year) => {
            let def = a.def();
            let label = a.label(scenario);
            FieldSpec {
                label: match year {
                    Some(y) => format!("{label} {y}"),
                    None => label,
                },
                unit: def.unit,
                min: def.min,
                max: def.max,
                source: a.source(scenario).cloned(),
            }
        }
        Field::HorizonYears => FieldSpec::new(
            "Plan length",
            FieldUnit::Years,
            MIN_YEARS.into(),
            MAX_YEARS.into(),
            None,
        ),
        Field::PayAwardsFrom(_) | Field::PreceptRiseFrom(_) | Field::GrantGrowthFrom(_) => {
            quick::spec(scenario, field)
        }
        Field::Screen(_) => FieldSpec::new("", FieldUnit::Pounds, 0, 0, None),
    }
}

/// The current value of `field`, if the scenario has one (a year not listed reads as 0).
pub fn value(scenario: &Scenario, field: &Field) -> Option<Decimal> {
    match field {
        Field::Assumption(a, year) => a.get(scenario, *year),
        Field::HorizonYears => Some(Decimal::from(scenario.horizon.years)),
        Field::PayAwardsFrom(_) | Field::PreceptRiseFrom(_) | Field::GrantGrowthFrom(_) => {
            quick::value(scenario, field)
        }
        Field::Screen(_) => None,
    }
}
