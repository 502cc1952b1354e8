//! Rolling each expenditure and funding line forward, year by year, at full precision.

use rust_decimal::Decimal;

use super::Valid;
use crate::model::collab::{self, CollaborationProjection};
use crate::model::dec::YearValues;
use crate::model::error::{ModelError, ModelResult};
use crate::model::money::At;
use crate::model::scenario::{
    Driver, ExpenditureLine, FundingDriver, FundingLine, PayGroup, SavingKind, Scenario,
};
use crate::model::workforce::{self, PayContext, WorkforceProjection};
use crate::model::year::FinancialYear;

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

/// The outputs of the workforce and collaboration modules, computed only when a line
/// needs them.
pub(super) struct Feeds {
    workforce: Option<WorkforceProjection>,
    collab: Option<CollaborationProjection>,
}

impl Feeds {
    /// Run the modules the scenario's lines depend on. The scenario is [`Valid`], so its
    /// workforce plan and register are valid too and are not checked again.
    pub(super) fn new(valid: Valid<'_>, years: &[FinancialYear]) -> ModelResult<Feeds> {
        let s = valid.scenario();
        let needs_workforce = s
            .expenditure
            .iter()
            .any(|l| matches!(l.driver, Driver::Workforce { .. }))
            || s.funding
                .iter()
                .any(|l| l.driver == FundingDriver::UpliftGrant);
        let needs_collab = s.expenditure.iter().any(|l| {
            matches!(
                l.driver,
                Driver::CollaborationContribution | Driver::CollaborationCapitalFinancing
            )
        }) || s
            .savings
            .iter()
            .any(|x| x.kind == SavingKind::Collaborations);
        let workforce = match (&s.workforce, needs_workforce) {
            (Some(plan), true) => Some(workforce::project_validated(
                plan,
                PayContext {
                    years,
                    officer_award_pct: &s.assumptions.officer_pay_award_pct.value,
                    staff_award_pct: &s.assumptions.staff_pay_award_pct.value,
                },
            )?),
            _ => None,
        };
        let collab = match (&s.collaborations, needs_collab) {
            (Some(register), true) => Some(collab::project_validated(register, years)?),
            _ => None,
        };
        Ok(Feeds { workforce, collab })
    }

    fn workforce(&self, path: &str) -> ModelResult<&WorkforceProjection> {
        self.workforce.as_ref().ok_or_else(|| {
            ModelError::new(
                path,
                "is driven by the workforce model but the scenario has no workforce section",
            )
        })
    }

    fn collab(&self, path: &str) -> ModelResult<&CollaborationProjection> {
        self.collab.as_ref().ok_or_else(|| {
            ModelError::new(
                path,
                "is driven by the collaboration register but the scenario has no collaborations section",
            )
        })
    }

    /// Realised collaboration savings in `year` (zero when there is no register).
    pub(super) fn collab_savings(&self, path: &str, year: FinancialYear) -> ModelResult<Decimal> {
        self.collab(path)?.realised_savings(year).ok_or_else(|| {
            ModelError::new(path, "the collaboration register gives no realised savings")
                .in_year(year)
        })
    }
}

fn missing(path: &str, what: &str, year: FinancialYear) -> ModelError {
    ModelError::new(path, format!("{what} gives no figure for this year")).in_year(year)
}

/// One expenditure line's amount in every year, unrounded, base year first.
pub(super) fn expenditure(
    line: &ExpenditureLine,
    s: &Scenario,
    years: &[FinancialYear],
    feeds: &Feeds,
) -> ModelResult<Vec<Decimal>> {
    let path = format!("expenditure[{}]", line.id);
    let driver_path = format!("{path}.driver");
    let a = &s.assumptions;
    roll_forward(&path, line.base_amount, years, |at, prev, year| {
        let value = match &line.driver {
            Driver::PayAward { group, drift } => {
                let awards = match group {
                    PayGroup::Officers => &a.officer_pay_award_pct.value,
                    PayGroup::Staff => &a.staff_pay_award_pct.value,
                };
                let mut pct = effective_pay_award(at, awards, year)?;
                if *drift {
                    pct = at.add(pct, a.pay_drift_pct.value.get_or_zero(year))?;
                }
                at.grow(prev, pct)?
            }
            Driver::NonPayInflation => {
                at.grow(prev, a.non_pay_inflation_pct.value.get_or_zero(year))?
            }
            Driver::FlatCash => prev,
            Driver::Growth { growth_pct } => at.grow(prev, growth_pct.get_or_zero(year))?,
            Driver::Explicit { amounts } => amounts.get(year).unwrap_or(prev),
            Driver::Workforce { group } => feeds
                .workforce(&driver_path)?
                .pay_cost(*group, year)
                .ok_or_else(|| missing(&driver_path, "the workforce model", year))?,
            Driver::CollaborationContribution => feeds
                .collab(&driver_path)?
                .force_contribution(year)
                .ok_or_else(|| missing(&driver_path, "the collaboration register", year))?,
            Driver::CollaborationCapitalFinancing => feeds
                .collab(&driver_path)?
                .capital_financing(year)
                .ok_or_else(|| missing(&driver_path, "the collaboration register", year))?,
        };
        at.add(value, line.pressures.get_or_zero(year))
    })
}

/// One funding line's amount in every year, unrounded, base year first.
pub(super) fn funding(
    line: &FundingLine,
    years: &[FinancialYear],
    feeds: &Feeds,
) -> ModelResult<Vec<Decimal>> {
    let path = format!("funding[{}]", line.id);
    let driver_path = format!("{path}.driver");
    roll_forward(&path, line.base_amount, years, |at, prev, year| {
        Ok(match &line.driver {
            FundingDriver::FlatCash => prev,
            FundingDriver::Growth { growth_pct } => at.grow(prev, growth_pct.get_or_zero(year))?,
            FundingDriver::Explicit { amounts } => amounts.get(year).unwrap_or(prev),
            FundingDriver::UpliftGrant => feeds
                .workforce(&driver_path)?
                .uplift_grant_due(year)
                .ok_or_else(|| missing(&driver_path, "the workforce model's Uplift grant", year))?,
        })
    })
}

/// A line's amount in every year, base year first: `base`, then each later year's amount
/// worked out by `next` from the year before's.
fn roll_forward(
    path: &str,
    base: Decimal,
    years: &[FinancialYear],
    mut next: impl FnMut(&At, Decimal, FinancialYear) -> ModelResult<Decimal>,
) -> ModelResult<Vec<Decimal>> {
    let mut out = Vec::with_capacity(years.len());
    let mut prev = base;
    out.push(prev);
    for &year in years.iter().skip(1) {
        prev = next(&At::new(path, Some(year)), prev, year)?;
        out.push(prev);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario(driver: &str) -> Scenario {
        let text = format!(
            r#"{{"schema": 1, "name": "t",
            "horizon": {{"base_year": "2022/23", "years": 5}},
            "assumptions": {{
                "officer_pay_award_pct": {{"value": {{}}, "source": {{"text": "t"}}}},
                "staff_pay_award_pct": {{"value": {{}}, "source": {{"text": "t"}}}},
                "pay_drift_pct": {{"value": {{}}, "source": {{"text": "t"}}}},
                "non_pay_inflation_pct": {{"value": {{}}, "source": {{"text": "t"}}}}}},
            "expenditure": [{{"id": "x", "name": "x", "category": "other",
                "base_amount": "1", "driver": {driver}, "source": {{"text": "t"}}}}],
            "funding": [],
            "precept": {{"band_d": {{"value": "1", "source": {{"text": "t"}}}},
                         "tax_base": {{"value": "1", "source": {{"text": "t"}}}}}},
            "reserves": {{"general_opening": {{"value": "0", "source": {{"text": "t"}}}},
                          "earmarked_opening": {{"value": "0", "source": {{"text": "t"}}}},
                          "floor_pct": {{"value": "0", "source": {{"text": "t"}}}}}}}}"#
        );
        let node = crate::model::json::parse(&text).unwrap();
        Scenario::from_node(crate::model::json::Item::root(&node)).unwrap()
    }

    fn years() -> Vec<FinancialYear> {
        (2022..2027).filter_map(FinancialYear::new).collect()
    }

    #[test]
    fn a_module_without_a_figure_is_an_error_naming_the_line_and_year() {
        let feeds = Feeds {
            workforce: Some(WorkforceProjection::default()),
            collab: Some(CollaborationProjection::default()),
        };
        for driver in [
            r#"{"kind": "workforce", "group": "pcsos"}"#,
            r#"{"kind": "collaboration_contribution"}"#,
            r#"{"kind": "collaboration_capital_financing"}"#,
        ] {
            let s = scenario(driver);
            let line = s.expenditure.first().unwrap();
            let err = expenditure(line, &s, &years(), &feeds).unwrap_err();
            assert_eq!(err.path, "expenditure[x].driver", "{driver}");
            assert_eq!(err.year, FinancialYear::new(2023), "{driver}");
            assert!(err.message.contains("gives no figure"), "{err}");
        }
    }

    #[test]
    fn a_module_that_did_not_run_is_an_error_naming_the_line() {
        let feeds = Feeds {
            workforce: None,
            collab: None,
        };
        let s = scenario(r#"{"kind": "workforce", "group": "officers"}"#);
        let line = s.expenditure.first().unwrap();
        let err = expenditure(line, &s, &years(), &feeds).unwrap_err();
        assert_eq!(err.path, "expenditure[x].driver");
        assert!(err.message.contains("no workforce section"), "{err}");
    }
}
