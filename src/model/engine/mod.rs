//! The MTFP engine: a validated [`Scenario`] in, a [`Projection`] out (or, for analyses
//! that project many times, only its [`Totals`]).
//!
//! Order of calculation (docs/model.md writes out every formula):
//! 1. validate the scenario (once: [`Valid`]);
//! 2. the effective pay awards of each year, shared by the pay lines and the workforce;
//! 3. run the workforce and collaboration modules if a line depends on them;
//! 4. the precept: Band D, tax base, income;
//! 5. per year: roll each line forward from last year's unrounded amount, round it to the
//!    penny, total the rounded figures, take off identified savings, and work out the gap,
//!    the cumulative and recurring gaps, and the reserves.
//!
//! How it stays quick (issue 13): the year loop ([`run`]) works on positions (a line's index,
//! a year's index) with no string built, cloned or formatted unless an error is reported;
//! the full and the totals-only projections are the same loop with a different [`run::Sink`];
//! and an [`Engine`] keeps the workforce model's people flows and pricing, and each
//! collaboration's figures, while their inputs are unchanged, validating only what changed.
//! `tests/engine_fast.rs` checks every figure against a plain restatement of docs/model.md
//! (`tests/reference/`) over thousands of generated scenarios.

mod feeds;
mod lines;
mod precept;
mod result;
mod run;

use rust_decimal::Decimal;

pub use lines::effective_pay_award;
pub use precept::{precept_income, WEEKS_PER_YEAR};
pub use result::{
    ExpenditureAmount, FundingAmount, PreceptResult, Projection, ReservesResult, SavingsResult,
    Totals, Warning, YearResult, YearTotals,
};

use super::dec::YearValues;
use super::error::ModelResult;
use super::money::round_money;
use super::scenario::{Scenario, MAX_YEARS};
use super::year::FinancialYear;
use lines::Awards;

/// The most years a plan covers: the engine keeps per-year figures in arrays this long.
pub const MAX_PLAN_YEARS: usize = MAX_YEARS as usize;

/// A figure for each year of a plan, by the year's position (base year first).
pub(crate) type PerYear = [Decimal; MAX_PLAN_YEARS];

/// The one rounding rule ([`round_money`]: to the penny, halves away from zero), with the
/// result always written with two decimal places ("2000000.00").
pub fn penny(value: Decimal) -> Decimal {
    let mut rounded = round_money(value);
    // Rounding leaves two places whenever there were more; only a figure with fewer
    // (a whole number, say) needs writing out with two.
    if rounded.scale() != 2 {
        rounded.rescale(2);
    }
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

/// The plan's years, base year first, without allocating.
#[derive(Debug, Clone, Copy)]
struct Years {
    list: [FinancialYear; MAX_PLAN_YEARS],
    len: usize,
}

impl Years {
    fn of(s: &Scenario) -> Years {
        let mut out = Years {
            list: [FinancialYear::FIRST; MAX_PLAN_YEARS],
            len: 0,
        };
        for (n, slot) in (0..u16::from(s.horizon.years)).zip(out.list.iter_mut()) {
            match s.horizon.base_year.plus(n) {
                Some(year) => {
                    *slot = year;
                    out.len += 1;
                }
                None => break,
            }
        }
        out
    }

    fn as_slice(&self) -> &[FinancialYear] {
        self.list.get(..self.len).unwrap_or_default()
    }
}

/// Project `scenario` over its horizon. Fails, naming the field and year, if the scenario
/// is invalid, a module it depends on gives no figure, or a figure overflows.
pub fn project(scenario: &Scenario) -> ModelResult<Projection> {
    project_valid(Valid::check(scenario)?)
}

/// [`project`] for a scenario already checked.
pub fn project_valid(valid: Valid<'_>) -> ModelResult<Projection> {
    let s = valid.scenario();
    let years = Years::of(s);
    let years = years.as_slice();
    let awards = Awards::new(s, years)?;
    let feeds = feeds::Feeds::compute(s, years, &awards)?;
    let mut full = run::Full::new(s, years.len());
    run::run(s, years, &awards, &feeds, &mut full, &mut run::Fresh)?;
    Ok(full.finish())
}

/// Only the totals of [`project`] (gap, cumulative gap, reserves, floor, savings still to
/// find, Band D by year): the same calculation, keeping no lines, precept detail or
/// warnings. Equal to `project(scenario)?.totals()`.
pub fn totals(scenario: &Scenario) -> ModelResult<Totals> {
    let s = Valid::check(scenario)?.scenario();
    let years = Years::of(s);
    let years = years.as_slice();
    let awards = Awards::new(s, years)?;
    let feeds = feeds::Feeds::compute(s, years, &awards)?;
    let mut out = Totals::default();
    run::run(s, years, &awards, &feeds, &mut out, &mut run::Fresh)?;
    Ok(out)
}

/// An engine for projecting many related scenarios: what-ifs, goal seeks, sensitivities and
/// risk draws. It gives the same figures as [`project`] and [`totals`] (tested), but keeps
/// the workforce model's and the collaboration register's work, per group and per
/// collaboration, while their inputs are unchanged, and validates only the parts of those
/// sections that changed since the last projection. So changing a pay award re-prices the
/// workforce without recounting it, and changing the precept reruns neither module.
///
/// ```
/// # use planner::model::{baseline, engine::Engine};
/// let mut s = baseline::nottinghamshire().unwrap();
/// let mut engine = Engine::new();
/// let before = engine.totals(&s).unwrap().cumulative_gap();
/// s.assumptions.non_pay_inflation_pct.value.set("2024/25".parse().unwrap(), 5.into());
/// let after = engine.totals(&s).unwrap().cumulative_gap();
/// assert!(after > before);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Engine {
    cache: feeds::Cache,
    /// Each line's and the precept's inputs and figures from the last run.
    kept: run::Kept,
    /// The pay award tables and plan years last seen, and their effective awards.
    awards: Option<(AwardTables, Awards)>,
}

/// What the effective pay awards are worked out from.
#[derive(Debug, Clone, PartialEq, Eq)]
struct AwardTables {
    base_year: FinancialYear,
    years: u8,
    officers: YearValues,
    staff: YearValues,
}

impl Engine {
    /// An engine with nothing kept yet.
    pub fn new() -> Engine {
        Engine::default()
    }

    /// [`project`] `scenario`.
    pub fn project(&mut self, scenario: &Scenario) -> ModelResult<Projection> {
        let mut full = run::Full::new(scenario, usize::from(scenario.horizon.years));
        self.run(scenario, &mut full)?;
        Ok(full.finish())
    }

    /// [`totals`] of `scenario`.
    pub fn totals(&mut self, scenario: &Scenario) -> ModelResult<Totals> {
        let mut out = Totals::default();
        self.run(scenario, &mut out)?;
        Ok(out)
    }

    fn run<S: run::Sink>(&mut self, s: &Scenario, sink: &mut S) -> ModelResult<()> {
        s.validate_core()?;
        let years = Years::of(s);
        let years = years.as_slice();
        let a = &s.assumptions;
        let awards = match &mut self.awards {
            Some((seen, awards))
                if seen.base_year == s.horizon.base_year
                    && seen.years == s.horizon.years
                    && seen.officers == a.officer_pay_award_pct.value
                    && seen.staff == a.staff_pay_award_pct.value =>
            {
                *awards
            }
            Some((seen, kept)) => {
                *kept = Awards::new(s, years)?;
                seen.base_year = s.horizon.base_year;
                seen.years = s.horizon.years;
                seen.officers.clone_from(&a.officer_pay_award_pct.value);
                seen.staff.clone_from(&a.staff_pay_award_pct.value);
                *kept
            }
            empty => {
                let awards = Awards::new(s, years)?;
                *empty = Some((
                    AwardTables {
                        base_year: s.horizon.base_year,
                        years: s.horizon.years,
                        officers: a.officer_pay_award_pct.value.clone(),
                        staff: a.staff_pay_award_pct.value.clone(),
                    },
                    awards,
                ));
                awards
            }
        };
        let feeds = self.cache.feeds(s, years, &awards)?;
        run::run(s, years, &awards, &feeds, sink, &mut self.kept)
    }
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
