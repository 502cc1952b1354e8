//! The MTFP engine: a validated [`Scenario`] in, a [`Projection`] out.
//!
//! Order of calculation (docs/model.md writes out every formula):
//! 1. validate the scenario (once: [`Valid`]);
//! 2. run the workforce and collaboration modules if a line depends on them;
//! 3. roll every expenditure and funding line forward at full precision;
//! 4. the precept: Band D, tax base, income;
//! 5. per year: round each line to the penny, total the rounded figures, take off
//!    identified savings, and work out the gap, the cumulative and recurring gaps, and the
//!    reserves.

mod lines;
mod precept;
mod result;

use rust_decimal::Decimal;

pub use lines::effective_pay_award;
pub use precept::{precept_income, WEEKS_PER_YEAR};
pub use result::{
    ExpenditureAmount, FundingAmount, PreceptResult, Projection, ReservesResult, SavingsResult,
    Warning, YearResult,
};

use super::error::ModelResult;
use super::money::{round_money, At};
use super::scenario::{SavingKind, Scenario};
use super::year::FinancialYear;
use lines::Feeds;

/// The one rounding rule ([`round_money`]: to the penny, halves away from zero), with the
/// result always written with two decimal places ("2000000.00").
pub fn penny(value: Decimal) -> Decimal {
    let mut rounded = round_money(value);
    rounded.rescale(2);
    rounded
}

/// A scenario that has passed [`Scenario::validate`]. Only [`Valid::check`] makes one, so
/// a caller that has just checked a scenario (to show the message beside a field) can
/// project it with [`project_valid`] without validating it a second time.
#[derive(Debug, Clone, Copy)]
pub struct Valid<'a>(&'a Scenario);

impl<'a> Valid<'a> {
    /// Validate `scenario`: the first problem found, naming its field, or the token.
    pub fn check(scenario: &'a Scenario) -> ModelResult<Valid<'a>> {
        scenario.validate()?;
        Ok(Valid(scenario))
    }

    /// The scenario that was checked.
    pub fn scenario(self) -> &'a Scenario {
        self.0
    }
}

/// Project `scenario` over its horizon. Fails, naming the field and year, if the scenario
/// is invalid, a module it depends on gives no figure, or a figure overflows.
pub fn project(scenario: &Scenario) -> ModelResult<Projection> {
    project_valid(Valid::check(scenario)?)
}

/// [`project`] for a scenario already checked.
pub fn project_valid(valid: Valid<'_>) -> ModelResult<Projection> {
    let scenario = valid.scenario();
    let years = scenario.horizon.year_list();
    let feeds = Feeds::new(valid, &years)?;
    // Plain loops rather than `collect::<ModelResult<Vec<_>>>()`: same result, without a
    // `GenericShunt` iterator adapter per line type in the download.
    let mut expenditure = Vec::with_capacity(scenario.expenditure.len());
    for line in &scenario.expenditure {
        expenditure.push(lines::expenditure(line, scenario, &years, &feeds)?);
    }
    let mut funding = Vec::with_capacity(scenario.funding.len());
    for line in &scenario.funding {
        funding.push(lines::funding(line, &years, &feeds)?);
    }
    let mut warnings = Vec::new();
    let precepts = precept::project(&scenario.precept, &years, &mut warnings)?;

    let r = &scenario.reserves;
    let mut general = penny(r.general_opening.value.0);
    let mut earmarked = penny(r.earmarked_opening.value.0);
    let mut cumulative = penny(Decimal::ZERO);
    let mut results = Vec::with_capacity(years.len());
    for ((index, &year), precept) in years.iter().enumerate().zip(precepts) {
        let at = At::new("totals", Some(year));
        let expenditure: Vec<ExpenditureAmount> = scenario
            .expenditure
            .iter()
            .zip(&expenditure)
            .map(|(line, amounts)| ExpenditureAmount {
                id: line.id.clone(),
                name: line.name.clone(),
                category: line.category,
                amount: amounts.get(index).copied().map_or(Decimal::ZERO, penny),
            })
            .collect();
        let funding: Vec<FundingAmount> = scenario
            .funding
            .iter()
            .zip(&funding)
            .map(|(line, amounts)| FundingAmount {
                id: line.id.clone(),
                name: line.name.clone(),
                category: line.category,
                amount: amounts.get(index).copied().map_or(Decimal::ZERO, penny),
            })
            .collect();
        // Sums of pennies are pennies; `penny` only fixes the scale of an empty sum.
        let gross = penny(at.sum(expenditure.iter().map(|l| l.amount))?);
        let savings = savings(scenario, year, &feeds)?;
        let total_expenditure = at.sub(gross, savings.total)?;
        let total_funding = at.add(
            penny(at.sum(funding.iter().map(|l| l.amount))?),
            precept.income,
        )?;
        let gap = at.sub(total_expenditure, total_funding)?;
        cumulative = at.add(cumulative, gap)?;
        let recurring_gap = at.add(gap, savings.one_off)?;

        let at = At::new("reserves", Some(year));
        let use_general = penny(r.planned_use_general.value.get_or_zero(year));
        let use_earmarked = penny(r.planned_use_earmarked.value.get_or_zero(year));
        let reserves_applied = at.add(use_general, use_earmarked)?;
        let still_to_find = at.sub(gap, reserves_applied)?;
        general = at.sub(at.sub(general, use_general)?, still_to_find)?;
        earmarked = at.sub(earmarked, use_earmarked)?;
        let floor = penny(at.pct(total_expenditure, r.floor_pct.value.0)?);
        let floor_breached = general < floor;
        if floor_breached
            && !results
                .iter()
                .any(|y: &YearResult| y.reserves.floor_breached)
        {
            warnings.push(Warning {
                path: "reserves.general".into(),
                year: Some(year),
                message: format!(
                    "the general reserve (£{general}) falls below its floor (£{floor}) this year"
                ),
            });
        }
        if earmarked < Decimal::ZERO
            && !results
                .iter()
                .any(|y: &YearResult| y.reserves.earmarked < Decimal::ZERO)
        {
            warnings.push(Warning {
                path: "reserves.planned_use_earmarked".into(),
                year: Some(year),
                message: format!("earmarked reserves would be overdrawn (£{earmarked})"),
            });
        }
        results.push(YearResult {
            year,
            expenditure,
            gross_expenditure: gross,
            savings,
            total_expenditure,
            funding,
            precept,
            total_funding,
            gap,
            cumulative_gap: cumulative,
            recurring_gap,
            reserves_applied,
            savings_still_to_find: still_to_find,
            reserves: ReservesResult {
                planned_use_general: use_general,
                planned_use_earmarked: use_earmarked,
                general,
                earmarked,
                total: at.add(general, earmarked)?,
                floor,
                floor_breached,
            },
        });
    }
    Ok(Projection {
        scenario: scenario.name.clone(),
        years: results,
        warnings,
    })
}

/// Identified savings in `year`: recurring savings from every year up to and including
/// this one, the register's realised collaboration savings, and this year's one-offs.
fn savings(s: &Scenario, year: FinancialYear, feeds: &Feeds) -> ModelResult<SavingsResult> {
    let at = At::new("savings", Some(year));
    let mut recurring = Decimal::ZERO;
    let mut one_off = Decimal::ZERO;
    for saving in &s.savings {
        match saving.kind {
            SavingKind::Recurring => {
                let to_date = at.sum(
                    saving
                        .amounts
                        .iter()
                        .filter(|(y, _)| *y <= year)
                        .map(|(_, v)| v),
                )?;
                recurring = at.add(recurring, to_date)?;
            }
            SavingKind::OneOff => {
                one_off = at.add(one_off, saving.amounts.get_or_zero(year))?;
            }
            SavingKind::Collaborations => {
                let path = format!("savings[{}]", saving.id);
                recurring = at.add(recurring, feeds.collab_savings(&path, year)?)?;
            }
        }
    }
    let recurring = penny(recurring);
    let one_off = penny(one_off);
    Ok(SavingsResult {
        recurring,
        one_off,
        total: at.add(recurring, one_off)?,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::model::baseline;

    /// `project_valid` projects the workforce plan and collaboration register without
    /// checking them again, so `Valid::check` itself must refuse a bad section.
    #[test]
    fn check_refuses_a_bad_workforce_plan_or_collaboration_register() {
        let mut s = baseline::nottinghamshire().unwrap();
        if let Some(w) = s.workforce.as_mut() {
            w.officers.attrition_pct = Decimal::from(140);
        }
        let e = Valid::check(&s).unwrap_err().to_string();
        assert!(e.contains("workforce.officers.attrition_pct"), "{e}");

        let mut s = baseline::nottinghamshire().unwrap();
        if let Some(c) = s
            .collaborations
            .as_mut()
            .and_then(|r| r.collaborations.first_mut())
        {
            c.name.clear();
        }
        let e = Valid::check(&s).unwrap_err().to_string();
        assert!(e.contains("the name is empty"), "{e}");
    }

    #[test]
    fn check_refuses_a_plan_length_out_of_range() {
        let mut s = baseline::nottinghamshire().unwrap();
        s.horizon.years = 40;
        let e = Valid::check(&s).unwrap_err().to_string();
        assert!(e.contains("horizon.years"), "{e}");
    }
}
