//! The scenario's `workforce` section: what a user edits, and its validation.
//!
//! Counts of people (headcount, starters, retirements) are whole numbers written as
//! decimal strings like every other figure in a scenario file; a start month is a JSON
//! integer, 1 (January) to 12 (December).

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::uplift::UpliftPlan;
use crate::model::dec::YearValues;
use crate::model::error::{ModelError, ModelResult};
use crate::model::source::Source;
use crate::model::year::FinancialYear;

/// The scenario's `workforce` section: the three paid groups, unpaid headcount (specials,
/// volunteers), Operation Uplift, and where each default figure comes from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkforcePlan {
    /// Police officers.
    pub officers: GroupPlan,
    /// Police staff (excluding PCSOs).
    pub staff: GroupPlan,
    /// Police community support officers.
    pub pcsos: GroupPlan,
    /// Special constables and volunteers: headcount only, no pay cost.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unpaid: Vec<UnpaidGroup>,
    /// Operation Uplift targets, grant and rule tables; absent when not modelled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uplift: Option<UpliftPlan>,
    /// Where each default figure comes from, keyed by its field path inside this section
    /// (for example `officers.opening_headcount`). Optional in user scenarios.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sources: BTreeMap<String, Source>,
}

/// One paid workforce group: its people flows and its cost per FTE.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupPlan {
    /// Headcount (people) at 31 March immediately before the base year, e.g. 31 March
    /// 2021 for a plan whose base year is 2021/22. A whole number.
    #[serde(with = "crate::model::dec::strict")]
    pub opening_headcount: Decimal,
    /// Full-time equivalents at that same 31 March; never above the headcount.
    #[serde(with = "crate::model::dec::strict")]
    pub opening_fte: Decimal,
    /// FTE-to-headcount ratio of starters (1 = everyone joins full time), above 0, at
    /// most 1. Leavers leave at the group's FTE per head at the start of their year.
    #[serde(with = "crate::model::dec::strict")]
    pub fte_per_head: Decimal,
    /// Leavers other than planned retirements, % of the opening headcount of each year
    /// (0 to 100). Rounded to whole people, halves up.
    #[serde(with = "crate::model::dec::strict")]
    pub attrition_pct: Decimal,
    /// Planned retirements by year, whole people, on top of attrition. Years not listed:
    /// none.
    #[serde(default)]
    pub retirements: YearValues,
    /// Recruit intakes. Intakes in years outside the plan are ignored.
    #[serde(default)]
    pub intakes: Vec<Intake>,
    /// Average pay per FTE of serving people in the base year (£ a year, before employer
    /// NI and pension): the mix of ranks or grades and scale points in post.
    #[serde(with = "crate::model::dec::strict")]
    pub serving_pay: Decimal,
    /// Starting pay per FTE of a recruit in the base year (£ a year): the first point of
    /// the scale. Recruits are paid this in the year they join and join the serving
    /// average from the next year.
    #[serde(with = "crate::model::dec::strict")]
    pub recruit_pay: Decimal,
    /// Years a recruit takes to climb from the starting rate to the serving average, in
    /// equal steps each 1 April (officers: the constable scale has 7 points). 0 or 1: paid
    /// the serving average from their second year. At most 40.
    #[serde(default)]
    pub progression_years: u32,
    /// Incremental progression (pay drift) % a year on the serving average as people move
    /// up their scales, on top of pay awards, by the year a rate starts (as
    /// `employer_ni_pct`). Applies from the year after the base year; none listed: 0%.
    #[serde(default)]
    pub progression_pct: YearValues,
    /// Employer national insurance, % of pay, by the year a rate starts: a rate applies
    /// from its year until the next listed year.
    pub employer_ni_pct: YearValues,
    /// Employer pension contribution, % of pay, by the year a rate starts (as
    /// `employer_ni_pct`).
    pub employer_pension_pct: YearValues,
    /// Training and kit cost per recruit (£, flat cash), charged in the year they start.
    #[serde(default, with = "crate::model::dec::strict")]
    pub training_per_recruit: Decimal,
}

/// A cohort of recruits joining on the first day of a month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Intake {
    /// The financial year the cohort joins in.
    pub year: FinancialYear,
    /// The calendar month they start, 1 = January … 12 = December. They are costed from
    /// the 1st of that month to 31 March: April → 12 months, October → 6, March → 1.
    pub start_month: i64,
    /// How many people join (whole people).
    #[serde(with = "crate::model::dec::strict")]
    pub count: Decimal,
}

/// Unpaid people counted by headcount only (special constables, police support
/// volunteers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnpaidGroup {
    /// What they are, e.g. "Special constables".
    pub name: String,
    /// Headcount at 31 March by year; a year not listed carries the latest earlier value.
    pub headcount: YearValues,
}

/// Months a starter is paid in their first financial year, joining on the 1st of
/// calendar month `month` (1–12): April 12, May 11 … March 1.
pub fn months_in_post(month: i64) -> Option<u32> {
    match month {
        4..=12 => u32::try_from(16 - month).ok(),
        1..=3 => u32::try_from(4 - month).ok(),
        _ => None,
    }
}

/// The value in force in `year` for a table keyed by the year each value starts: the
/// entry for the latest listed year at or before `year`.
pub fn in_force(values: &YearValues, year: FinancialYear) -> Option<Decimal> {
    values.0.range(..=year).next_back().map(|(_, v)| *v)
}

pub(crate) fn err(path: &str, field: &str, message: impl Into<String>) -> ModelError {
    ModelError::new(format!("{path}.{field}"), message)
}

pub(crate) fn whole_non_negative(path: &str, field: &str, v: Decimal) -> ModelResult<()> {
    if v.is_sign_negative() && !v.is_zero() {
        return Err(err(path, field, format!("must not be negative (got {v})")));
    }
    if !v.fract().is_zero() {
        return Err(err(
            path,
            field,
            format!("must be a whole number of people (got {v})"),
        ));
    }
    Ok(())
}

pub(crate) fn pct_0_100(path: &str, field: &str, v: Decimal) -> ModelResult<()> {
    if v < Decimal::ZERO || v > Decimal::ONE_HUNDRED {
        return Err(err(
            path,
            field,
            format!("must be a percentage from 0 to 100 (got {v})"),
        ));
    }
    Ok(())
}

fn non_negative_money(path: &str, field: &str, v: Decimal) -> ModelResult<()> {
    if v < Decimal::ZERO {
        return Err(err(path, field, format!("must not be negative (got £{v})")));
    }
    Ok(())
}

impl WorkforcePlan {
    /// Check every figure, naming the first bad field (`workforce.officers.attrition_pct`).
    pub fn validate(&self) -> ModelResult<()> {
        self.officers.validate("workforce.officers")?;
        self.staff.validate("workforce.staff")?;
        self.pcsos.validate("workforce.pcsos")?;
        for (i, group) in self.unpaid.iter().enumerate() {
            let path = format!("workforce.unpaid[{i}]");
            for (year, v) in group.headcount.iter() {
                whole_non_negative(&path, "headcount", v).map_err(|e| e.in_year(year))?;
            }
        }
        if let Some(uplift) = &self.uplift {
            uplift.validate("workforce.uplift")?;
        }
        Ok(())
    }
}

impl GroupPlan {
    /// Check this group's figures; `path` is e.g. `workforce.officers`.
    pub fn validate(&self, path: &str) -> ModelResult<()> {
        whole_non_negative(path, "opening_headcount", self.opening_headcount)?;
        if self.opening_fte < Decimal::ZERO {
            return Err(err(path, "opening_fte", "must not be negative"));
        }
        if self.opening_fte > self.opening_headcount {
            return Err(err(
                path,
                "opening_fte",
                format!(
                    "FTE {} is above the headcount {}: FTE can never exceed the people in post",
                    self.opening_fte, self.opening_headcount
                ),
            ));
        }
        if self.fte_per_head <= Decimal::ZERO || self.fte_per_head > Decimal::ONE {
            return Err(err(
                path,
                "fte_per_head",
                format!(
                    "must be above 0 and at most 1 (got {}): FTE can never exceed headcount",
                    self.fte_per_head
                ),
            ));
        }
        if self.attrition_pct > Decimal::ONE_HUNDRED {
            return Err(err(
                path,
                "attrition_pct",
                format!(
                    "attrition of {}% is over 100%: no more than everyone can leave",
                    self.attrition_pct
                ),
            ));
        }
        pct_0_100(path, "attrition_pct", self.attrition_pct)?;
        for (year, v) in self.retirements.iter() {
            whole_non_negative(path, "retirements", v).map_err(|e| e.in_year(year))?;
        }
        for (i, intake) in self.intakes.iter().enumerate() {
            let ipath = format!("{path}.intakes[{i}]");
            if months_in_post(intake.start_month).is_none() {
                return Err(err(
                    &ipath,
                    "start_month",
                    format!(
                        "{} is not a month: use 1 (January) to 12 (December)",
                        intake.start_month
                    ),
                )
                .in_year(intake.year));
            }
            whole_non_negative(&ipath, "count", intake.count)
                .map_err(|e| e.in_year(intake.year))?;
        }
        non_negative_money(path, "serving_pay", self.serving_pay)?;
        non_negative_money(path, "recruit_pay", self.recruit_pay)?;
        non_negative_money(path, "training_per_recruit", self.training_per_recruit)?;
        if self.progression_years > 40 {
            return Err(err(
                path,
                "progression_years",
                format!("must be 0 to 40 years (got {})", self.progression_years),
            ));
        }
        for (year, v) in self.progression_pct.iter() {
            if v < Decimal::from(-50) || v > Decimal::from(50) {
                return Err(err(
                    path,
                    "progression_pct",
                    format!("must be between -50% and 50% a year (got {v})"),
                )
                .in_year(year));
            }
        }
        for (field, table) in [
            ("employer_ni_pct", &self.employer_ni_pct),
            ("employer_pension_pct", &self.employer_pension_pct),
        ] {
            if table.0.is_empty() {
                return Err(err(
                    path,
                    field,
                    "give at least one rate, from the base year",
                ));
            }
            for (year, v) in table.iter() {
                pct_0_100(path, field, v).map_err(|e| e.in_year(year))?;
            }
        }
        Ok(())
    }
}
