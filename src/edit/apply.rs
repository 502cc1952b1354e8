//! Setting a field on a copy of the scenario.

use rust_decimal::Decimal;

use super::{horizon, quick, spec, Field, FieldUnit};
use crate::model::dec::YearValues;
use crate::model::money::{checked_add, checked_div, checked_mul, is_whole};
use crate::model::registry::Kind;
use crate::model::scenario::{Driver, FundingDriver, Scenario, MAX_YEARS, MIN_YEARS};

/// A copy of `scenario` with `field` set to `v`, or a message if `v` is out of range or the
/// field does not exist. The original is untouched.
pub fn apply(scenario: &Scenario, field: &Field, v: Decimal) -> Result<Scenario, String> {
    let spec = spec(scenario, field);
    if v < spec.min || v > spec.max {
        return Err(format!("Must be from {}", spec.range_text()));
    }
    if spec.unit == FieldUnit::Years && !is_whole(v) {
        return Err("Must be a whole number of years".into());
    }
    if spec.unit == FieldUnit::People && !is_whole(v) {
        return Err("Must be a whole number of people".into());
    }
    if let Field::Assumption(a, _) = field {
        let total = matches!(a.kind, Kind::EarmarkedReserves | Kind::PlannedUseEarmarked);
        let named = scenario
            .reserves_strategy
            .as_ref()
            .is_some_and(|r| r.has_entries("earmarked"));
        if total && named {
            return Err(
                "The named earmarked reserves add up to this: change them on the \
                        Reserves screen"
                    .into(),
            );
        }
    }
    let mut s = scenario.clone();
    match field {
        Field::Assumption(a, year) => (a.def().set)(&mut s, &a.target, *year, v)?,
        Field::HorizonYears => {
            let years = u8::try_from(v.trunc().mantissa())
                .map_err(|_| format!("Must be from {MIN_YEARS} to {MAX_YEARS} years"))?;
            horizon::set_years(&mut s, years);
        }
        Field::PayAwardsFrom(_) | Field::PreceptRiseFrom(_) | Field::GrantGrowthFrom(_) => {
            quick::apply(&mut s, field, v)?
        }
        Field::Screen(_) => return Err("This figure is set on its own screen".into()),
    }
    Ok(s)
}

/// True if the precept rises are given in % (otherwise in £).
pub fn precept_in_percent(scenario: &Scenario) -> bool {
    !scenario.precept.rise_pct.value.0.is_empty() && scenario.precept.rise_gbp.value.0.is_empty()
}

/// Does a line with this driver take a growth % per year?
pub fn funding_has_growth(driver: &FundingDriver) -> bool {
    matches!(driver, FundingDriver::Growth { .. })
}

/// Does a line with this driver roll forward from its base amount?
pub fn expenditure_rolls(driver: &Driver) -> bool {
    driver.rolls_forward()
}

/// A copy of `scenario` with its precept rises restated in % (`to_percent`) or in £, year
/// by year from the base-year Band D, so the Band D path is unchanged to the penny (or to
/// 0.01% when going to %).
pub fn precept_switched(scenario: &Scenario, to_percent: bool) -> Scenario {
    let mut s = scenario.clone();
    if to_percent == precept_in_percent(scenario) {
        return s;
    }
    let hundred = Decimal::ONE_HUNDRED;
    let mut band_d = scenario.precept.band_d.value.0;
    let mut gbp = YearValues::new();
    let mut pct = YearValues::new();
    for year in scenario.horizon.year_list().into_iter().skip(1) {
        let rise = match (
            scenario.precept.rise_gbp.value.get(year),
            scenario.precept.rise_pct.value.get(year),
        ) {
            (Some(g), _) => g,
            (None, Some(p)) => crate::model::round_money(
                checked_mul(band_d, p)
                    .and_then(|x| checked_div(x, hundred))
                    .unwrap_or_default(),
            ),
            (None, None) => Decimal::ZERO,
        };
        let as_pct = if band_d.is_zero() {
            Decimal::ZERO
        } else {
            crate::model::money::round_to(
                checked_mul(rise, hundred)
                    .and_then(|x| checked_div(x, band_d))
                    .unwrap_or_default(),
                2,
            )
        };
        gbp.set(year, rise);
        pct.set(year, as_pct);
        band_d = checked_add(band_d, rise).unwrap_or(band_d);
    }
    if to_percent {
        s.precept.rise_pct.value = pct;
        s.precept.rise_gbp.value = YearValues::new();
    } else {
        s.precept.rise_gbp.value = gbp;
        s.precept.rise_pct.value = YearValues::new();
    }
    s
}
