//! Rolling each expenditure and funding line forward one year, at full precision.

use rust_decimal::Decimal;

use super::feeds::Feeds;
use super::{PerYear, MAX_PLAN_YEARS};
use crate::model::dec::YearValues;
use crate::model::error::{ModelError, ModelResult};
use crate::model::money::At;
use crate::model::scenario::{Driver, ExpenditureLine, FundingDriver, FundingLine, PayGroup};
use crate::model::workforce::Group;
use crate::model::year::FinancialYear;
use crate::model::Scenario;

/// Months of a financial year after a 1 September pay award (September to March).
const MONTHS_AFTER_AWARD: Decimal = Decimal::from_parts(7, 0, 0, false, 0);
/// Months of a financial year before a 1 September pay award (April to August).
const MONTHS_BEFORE_AWARD: Decimal = Decimal::from_parts(5, 0, 0, false, 0);
/// Months in a year.
const MONTHS: Decimal = Decimal::from_parts(12, 0, 0, false, 0);

/// The pay award % that falls in `year`: (7 × this year's award + 5 × last year's) ÷ 12,
/// since an award takes effect on 1 September. A year not in the table counts as 0%.
pub fn effective_pay_award(
    at: &At<'_>,
    awards: &YearValues,
    year: FinancialYear,
) -> ModelResult<Decimal> {
    let this_year = awards.get_or_zero(year);
    let last_year = year
        .previous()
        .map_or(Decimal::ZERO, |y| awards.get_or_zero(y));
    let weighted = at.add(
        at.mul(MONTHS_AFTER_AWARD, this_year)?,
        at.mul(MONTHS_BEFORE_AWARD, last_year)?,
    )?;
    at.div(weighted, MONTHS)
}

/// The effective pay awards of both groups in every year of the plan (by year index; the
/// base year's, never used, is zero): worked out once per projection and shared by the pay
/// lines and the workforce model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Awards {
    /// Officers.
    pub officers: PerYear,
    /// Staff and PCSOs.
    pub staff: PerYear,
}

impl Awards {
    pub(crate) fn new(s: &Scenario, years: &[FinancialYear]) -> ModelResult<Awards> {
        let a = &s.assumptions;
        let mut out = Awards {
            officers: [Decimal::ZERO; super::MAX_PLAN_YEARS],
            staff: [Decimal::ZERO; super::MAX_PLAN_YEARS],
        };
        for (k, &year) in years.iter().enumerate().skip(1) {
            let at = At::new("assumptions", Some(year));
            if let (Some(o), Some(st)) = (out.officers.get_mut(k), out.staff.get_mut(k)) {
                *o = effective_pay_award(&at, &a.officer_pay_award_pct.value, year)?;
                *st = effective_pay_award(&at, &a.staff_pay_award_pct.value, year)?;
            }
        }
        Ok(out)
    }

    /// The effective award of `group` in year `k`.
    pub(super) fn of(&self, group: PayGroup, k: usize) -> Decimal {
        let table = match group {
            PayGroup::Officers => &self.officers,
            PayGroup::Staff => &self.staff,
        };
        table.get(k).copied().unwrap_or(Decimal::ZERO)
    }
}

/// `a` grown by `pct`: `At::grow`, skipped when `pct` is zero (a + a × 0 ÷ 100 is `a`
/// exactly, so the figure is the same).
fn grow(at: &At<'_>, a: Decimal, pct: Decimal) -> ModelResult<Decimal> {
    if pct.is_zero() {
        Ok(a)
    } else {
        at.grow(a, pct)
    }
}

/// How a line moves from each year to the next, resolved to the plan's years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Step {
    /// Last year's amount grown by the year's % (a pay award with or without drift,
    /// non-pay inflation, the line's own growth).
    Grow(PerYear),
    /// Last year's amount (flat cash).
    Same,
    /// The year's listed amount, else last year's.
    Explicit([Option<Decimal>; MAX_PLAN_YEARS]),
    /// A module's figure for the year.
    Feed(PerYear),
}

/// Everything a line's amounts depend on, resolved to the plan's years: two lines with
/// equal inputs have equal amounts, so an [`Engine`](super::Engine) rolls a line forward
/// again only when its inputs change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct LineInputs {
    pub base: Decimal,
    pub step: Step,
    /// Pressures added in each year (zero where none).
    pub pressures: PerYear,
}

fn table(values: &YearValues, years: &[FinancialYear]) -> PerYear {
    let mut out = [Decimal::ZERO; MAX_PLAN_YEARS];
    if !values.0.is_empty() {
        for (slot, &year) in out.iter_mut().zip(years).skip(1) {
            *slot = values.get_or_zero(year);
        }
    }
    out
}

fn feed(values: Option<&PerYear>) -> PerYear {
    values.copied().unwrap_or([Decimal::ZERO; MAX_PLAN_YEARS])
}

/// An expenditure line's inputs.
pub(super) fn expenditure_inputs(
    line: &ExpenditureLine,
    s: &Scenario,
    years: &[FinancialYear],
    awards: &Awards,
    feeds: &Feeds,
) -> ModelResult<LineInputs> {
    let a = &s.assumptions;
    let step = match &line.driver {
        Driver::PayAward { group, drift } => {
            let mut pct = [Decimal::ZERO; MAX_PLAN_YEARS];
            for (k, (slot, &year)) in pct.iter_mut().zip(years).enumerate().skip(1) {
                *slot = awards.of(*group, k);
                if *drift {
                    let at = At::item("expenditure", &line.id, "", Some(year));
                    *slot = at.add(*slot, a.pay_drift_pct.value.get_or_zero(year))?;
                }
            }
            Step::Grow(pct)
        }
        Driver::NonPayInflation => Step::Grow(table(&a.non_pay_inflation_pct.value, years)),
        Driver::FlatCash => Step::Same,
        Driver::Growth { growth_pct } => Step::Grow(table(growth_pct, years)),
        Driver::Explicit { amounts } => {
            let mut listed = [None; MAX_PLAN_YEARS];
            for (slot, &year) in listed.iter_mut().zip(years).skip(1) {
                *slot = amounts.get(year);
            }
            Step::Explicit(listed)
        }
        Driver::Workforce { group } => Step::Feed(feed(feeds.pay(*group))),
        Driver::CollaborationContribution => {
            Step::Feed(feed(feeds.collab.as_ref().map(|c| &c.contribution)))
        }
        Driver::CollaborationCapitalFinancing => {
            Step::Feed(feed(feeds.collab.as_ref().map(|c| &c.capital)))
        }
        Driver::CapitalProgrammeFinancing => {
            Step::Feed(feed(feeds.capital.as_ref().map(|c| &c.financing)))
        }
        Driver::CapitalProgrammeRevenue => {
            Step::Feed(feed(feeds.capital.as_ref().map(|c| &c.revenue)))
        }
    };
    Ok(LineInputs {
        base: line.base_amount,
        step,
        pressures: table(&line.pressures, years),
    })
}

/// A funding line's inputs.
pub(super) fn funding_inputs(
    line: &FundingLine,
    years: &[FinancialYear],
    feeds: &Feeds,
) -> LineInputs {
    let step = match &line.driver {
        FundingDriver::FlatCash => Step::Same,
        FundingDriver::Growth { growth_pct } => Step::Grow(table(growth_pct, years)),
        FundingDriver::Explicit { amounts } => {
            let mut listed = [None; MAX_PLAN_YEARS];
            for (slot, &year) in listed.iter_mut().zip(years).skip(1) {
                *slot = amounts.get(year);
            }
            Step::Explicit(listed)
        }
        FundingDriver::UpliftGrant => Step::Feed(feed(feeds.uplift_due.as_ref())),
    };
    LineInputs {
        base: line.base_amount,
        step,
        pressures: [Decimal::ZERO; MAX_PLAN_YEARS],
    }
}

/// A line's stored amount in every year (rounded to the penny), from its inputs: the base
/// year's is the base amount; each later year's is worked out from the year before's
/// unrounded amount. `at` names the line for an overflow.
pub(super) fn roll(
    inputs: &LineInputs,
    years: &[FinancialYear],
    at: &At<'_>,
) -> ModelResult<PerYear> {
    let mut out = [Decimal::ZERO; MAX_PLAN_YEARS];
    let mut amount = inputs.base;
    for (k, (slot, &year)) in out.iter_mut().zip(years).enumerate() {
        if k > 0 {
            let at = at.in_year(year);
            let nth = |v: &PerYear| v.get(k).copied().unwrap_or(Decimal::ZERO);
            amount = match &inputs.step {
                Step::Grow(pct) => grow(&at, amount, nth(pct))?,
                Step::Same => amount,
                Step::Explicit(listed) => listed.get(k).copied().flatten().unwrap_or(amount),
                Step::Feed(values) => nth(values),
            };
            let pressure = nth(&inputs.pressures);
            if !pressure.is_zero() {
                amount = at.add(amount, pressure)?;
            }
        }
        *slot = super::penny(amount);
    }
    Ok(out)
}

fn missing(path: String, what: &str, year: FinancialYear) -> ModelError {
    ModelError::new(path, format!("{what} gives no figure for this year")).in_year(year)
}

/// Before the year loop: every line driven by a module has that module's figures, or the
/// error naming the first such line (expenditure first): the module did not run (the
/// scenario has no such section) or gives no figure from the plan's second year, where the
/// line first reads it.
pub(super) fn check_feeds(s: &Scenario, years: &[FinancialYear], feeds: &Feeds) -> ModelResult<()> {
    let Some(&year) = years.get(1) else {
        return Ok(());
    };
    const NO_WORKFORCE: &str =
        "is driven by the workforce model but the scenario has no workforce section";
    const NO_REGISTER: &str =
        "is driven by the collaboration register but the scenario has no collaborations section";
    let path = |section: &str, id: &str| format!("{section}[{id}].driver");
    for line in &s.expenditure {
        let problem = match &line.driver {
            Driver::Workforce { group } if feeds.pay(*group).is_none() => {
                Some((feeds.workforce_ran, NO_WORKFORCE, "the workforce model"))
            }
            Driver::CollaborationContribution | Driver::CollaborationCapitalFinancing
                if feeds.collab.is_none() =>
            {
                Some((false, NO_REGISTER, ""))
            }
            Driver::CapitalProgrammeFinancing | Driver::CapitalProgrammeRevenue
                if feeds.capital.is_none() =>
            {
                Some((false, crate::model::scenario::NO_PROGRAMME, ""))
            }
            _ => None,
        };
        if let Some((ran, no_section, module)) = problem {
            let path = path("expenditure", &line.id);
            return Err(if ran {
                missing(path, module, year)
            } else {
                ModelError::new(path, no_section)
            });
        }
    }
    for line in &s.funding {
        if line.driver == FundingDriver::UpliftGrant && feeds.uplift_due.is_none() {
            let path = path("funding", &line.id);
            return Err(if feeds.workforce_ran {
                missing(path, "the workforce model's Uplift grant", year)
            } else {
                ModelError::new(path, NO_WORKFORCE)
            });
        }
    }
    Ok(())
}

impl Feeds {
    /// The pay cost of `group` by year, if the workforce model ran.
    pub(super) fn pay(&self, group: Group) -> Option<&PerYear> {
        self.pay.as_ref().and_then(|p| p.get(group.index()))
    }
}
