//! Validation: the checks that turn a parsed scenario into one the engine can trust.
//!
//! Bounds are wide enough for any police force and narrow enough that no projection of a
//! valid scenario can overflow Decimal: amounts within ±£1 trillion, percentages within
//! −100..=100, at most 10 years.

mod sections;

use std::collections::HashSet;

use rust_decimal::Decimal;

use super::{schema, Driver, FundingDriver, Horizon, Scenario, FIRST_SCHEMA, SCHEMA_VERSION};
use crate::model::dec::YearValues;
use crate::model::error::{ModelError, ModelResult};
use crate::model::json::shorten;
use crate::model::money::{within, At};

/// Fewest years a plan may cover, base year included.
pub const MIN_YEARS: u8 = 5;
/// Most years a plan may cover, base year included.
pub const MAX_YEARS: u8 = 10;
/// Lowest percentage accepted for any rate (a cut to nothing).
pub const MIN_PCT: Decimal = Decimal::from_parts(100, 0, 0, true, 0);
/// Highest percentage accepted for any rate (a doubling in one year).
pub const MAX_PCT: Decimal = Decimal::ONE_HUNDRED;
/// Largest amount (£, either sign) accepted anywhere: £1 trillion.
const MAX_AMOUNT_POUNDS: u64 = 1_000_000_000_000;
/// Largest tax base accepted (Band D equivalents): 100 million.
const MAX_TAX_BASE: Decimal = Decimal::from_parts(100_000_000, 0, 0, false, 0);
/// Largest Band D accepted (£ a year): £100,000.
const MAX_BAND_D: Decimal = Decimal::from_parts(100_000, 0, 0, false, 0);

/// Validate a whole scenario.
pub(super) fn scenario(s: &Scenario) -> ModelResult<()> {
    core(s)?;
    // The workforce plan and collaboration register are checked here too, so a bad
    // section is refused when the file is read, not only when it is projected.
    if let Some(w) = &s.workforce {
        w.validate()?;
    }
    if let Some(r) = &s.collaborations {
        r.validate()?;
    }
    if let Some(p) = &s.capital_programme {
        crate::model::capital::validate(s, p)?;
    }
    // The schema-2 sections kept as read are checked where they are read
    // (`Scenario::sections`, `Scenario::from_json_checked`).
    Ok(())
}

/// Validate everything but the workforce plan and the collaboration register.
pub(super) fn core(s: &Scenario) -> ModelResult<()> {
    if s.schema > SCHEMA_VERSION {
        return Err(ModelError::new("", schema::newer_message(s.schema)));
    }
    if s.schema < FIRST_SCHEMA {
        return Err(ModelError::new(
            "schema",
            format!(
                "{} is not a scenario schema (this version reads {})",
                s.schema,
                schema::readable()
            ),
        ));
    }
    if s.name.trim().is_empty() {
        return Err(ModelError::new("name", "a scenario needs a name"));
    }
    horizon(&s.horizon)?;
    let h = &s.horizon;
    let a = &s.assumptions;
    let at = |path| At::new(path, None);
    pcts(
        &at("assumptions.officer_pay_award_pct"),
        &a.officer_pay_award_pct.value,
        h,
        true,
    )?;
    pcts(
        &at("assumptions.staff_pay_award_pct"),
        &a.staff_pay_award_pct.value,
        h,
        true,
    )?;
    pcts(
        &at("assumptions.pay_drift_pct"),
        &a.pay_drift_pct.value,
        h,
        false,
    )?;
    pcts(
        &at("assumptions.non_pay_inflation_pct"),
        &a.non_pay_inflation_pct.value,
        h,
        false,
    )?;
    expenditure(s)?;
    funding(s)?;
    sections::precept(s)?;
    sections::savings(s)?;
    sections::reserves(s)?;
    crate::model::outturn::validate(s)
}

fn horizon(h: &Horizon) -> ModelResult<()> {
    if !(MIN_YEARS..=MAX_YEARS).contains(&h.years) {
        return Err(ModelError::new(
            "horizon.years",
            format!(
                "a plan covers {MIN_YEARS} to {MAX_YEARS} years (base year included), not {}",
                h.years
            ),
        ));
    }
    if h.last_year().is_none() {
        return Err(ModelError::new(
            "horizon.years",
            "the plan would run past 2098/99",
        ));
    }
    Ok(())
}

pub(super) fn ids<'a>(section: &str, ids: impl Iterator<Item = &'a str>) -> ModelResult<()> {
    unique_ids(section, &ids.collect::<Vec<&str>>())
}

/// [`ids`] once for every kind of list (not a copy per iterator type).
fn unique_ids(section: &str, ids: &[&str]) -> ModelResult<()> {
    // Lines are few: each id is compared with those before it, with nothing allocated.
    for (index, &id) in ids.iter().enumerate() {
        if id.trim().is_empty() {
            return Err(ModelError::new(
                format!("{section}[{index}].id"),
                "every line needs an id",
            ));
        }
        let repeated = if ids.len() <= 64 {
            ids.get(..index).unwrap_or_default().contains(&id)
        } else {
            let before: HashSet<&str> = ids.iter().take(index).copied().collect();
            before.contains(id)
        };
        if repeated {
            return Err(ModelError::new(
                format!("{section}[{id}].id"),
                format!("the id '{}' is used by more than one line", shorten(id)),
            ));
        }
    }
    Ok(())
}

/// Years of a table must lie in the plan: from the base year when `base_ok`, otherwise
/// from the year after it.
fn years_in_plan(at: &At<'_>, values: &YearValues, h: &Horizon, base_ok: bool) -> ModelResult<()> {
    for (year, _) in values.iter() {
        let first_ok = if base_ok {
            year >= h.base_year
        } else {
            year > h.base_year
        };
        if !first_ok || !h.contains(year) {
            let from = if base_ok {
                h.base_year.to_string()
            } else {
                h.base_year
                    .plus(1)
                    .map(|y| y.to_string())
                    .unwrap_or_default()
            };
            let to = h.last_year().map(|y| y.to_string()).unwrap_or_default();
            return Err(at.in_year(year).error(format!(
                "{year} is outside the years this table covers ({from} to {to})"
            )));
        }
    }
    Ok(())
}

fn pct(at: &At<'_>, value: Decimal) -> ModelResult<()> {
    if !within(value, 100) {
        return Err(at.error(format!(
            "{value}% is not a plausible rate: it must lie between {MIN_PCT}% and {MAX_PCT}%"
        )));
    }
    Ok(())
}

fn pcts(at: &At<'_>, values: &YearValues, h: &Horizon, base_ok: bool) -> ModelResult<()> {
    years_in_plan(at, values, h, base_ok)?;
    values
        .iter()
        .try_for_each(|(year, v)| pct(&at.in_year(year), v))
}

pub(super) fn amount(at: &At<'_>, value: Decimal) -> ModelResult<()> {
    if !within(value, MAX_AMOUNT_POUNDS) {
        return Err(at.error(format!(
            "£{value} is beyond any police budget (the limit is £1 trillion)"
        )));
    }
    Ok(())
}

pub(super) fn amounts(
    at: &At<'_>,
    values: &YearValues,
    h: &Horizon,
    base_ok: bool,
) -> ModelResult<()> {
    years_in_plan(at, values, h, base_ok)?;
    values
        .iter()
        .try_for_each(|(year, v)| amount(&at.in_year(year), v))
}

/// Explicit amounts are for years after the base year (a year not listed keeps the
/// previous year's amount, so a table lists only changes and survives a longer horizon).
fn explicit(at: &At<'_>, values: &YearValues, h: &Horizon) -> ModelResult<()> {
    amounts(at, values, h, false)
}

fn expenditure(s: &Scenario) -> ModelResult<()> {
    let h = &s.horizon;
    ids("expenditure", s.expenditure.iter().map(|l| l.id.as_str()))?;
    for line in &s.expenditure {
        let at = |field| At::item("expenditure", &line.id, field, None);
        amount(&at(".base_amount"), line.base_amount)?;
        match &line.driver {
            Driver::Growth { growth_pct } => {
                pcts(&at(".driver.growth_pct"), growth_pct, h, false)?;
            }
            Driver::Explicit { amounts } => {
                explicit(&at(".driver.amounts"), amounts, h)?;
            }
            Driver::Workforce { .. } if s.workforce.is_none() => {
                return Err(at(".driver").error(
                    "is driven by the workforce model but the scenario has no workforce section",
                ));
            }
            Driver::CollaborationContribution | Driver::CollaborationCapitalFinancing
                if s.collaborations.is_none() =>
            {
                return Err(at(".driver").error(
                    "is driven by the collaboration register but the scenario has no collaborations section",
                ));
            }
            Driver::CapitalProgrammeFinancing | Driver::CapitalProgrammeRevenue
                if s.capital_programme.is_none() =>
            {
                return Err(at(".driver").error(NO_PROGRAMME));
            }
            _ => {}
        }
        if !line.driver.rolls_forward() && !line.pressures.0.is_empty() {
            return Err(at(".pressures").error(
                "pressures only apply to lines rolled forward by pay award, inflation, flat cash or growth",
            ));
        }
        amounts(&at(".pressures"), &line.pressures, h, false)?;
    }
    Ok(())
}

/// The message for a line driven by the capital programme in a scenario without one.
pub(crate) const NO_PROGRAMME: &str =
    "is driven by the capital programme but the scenario has no capital_programme section";

fn funding(s: &Scenario) -> ModelResult<()> {
    let h = &s.horizon;
    ids("funding", s.funding.iter().map(|l| l.id.as_str()))?;
    for line in &s.funding {
        let at = |field| At::item("funding", &line.id, field, None);
        amount(&at(".base_amount"), line.base_amount)?;
        match &line.driver {
            FundingDriver::Growth { growth_pct } => {
                pcts(&at(".driver.growth_pct"), growth_pct, h, false)?;
            }
            FundingDriver::Explicit { amounts } => {
                explicit(&at(".driver.amounts"), amounts, h)?;
            }
            FundingDriver::UpliftGrant if s.workforce.is_none() => {
                return Err(at(".driver").error(
                    "is the Uplift grant from the workforce model but the scenario has no workforce section",
                ));
            }
            _ => {}
        }
    }
    Ok(())
}
