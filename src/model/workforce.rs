//! Workforce and Operation Uplift (issue 4): officers, police staff and PCSOs year by year,
//! their pay cost, and the ring-fenced Uplift grant. Feeds the engine's pay lines and the
//! Uplift grant line when a scenario has a `workforce` section.
//!
//! Interface the engine relies on (keep these names and signatures):
//! - [`WorkforcePlan`]: the scenario's `workforce` section (serde, deny_unknown_fields).
//! - [`Group`]: officers, staff, PCSOs.
//! - [`PayContext`]: what the workforce needs from the rest of the scenario.
//! - [`project`]: plan + context → [`WorkforceProjection`].
//! - [`WorkforceProjection::pay_cost`] and [`WorkforceProjection::uplift_grant_due`].

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::dec::YearValues;
use super::error::{ModelError, ModelResult};
use super::year::FinancialYear;

/// A workforce group with its own pay cost line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// Police officers.
    Officers,
    /// Police staff.
    Staff,
    /// Police community support officers.
    Pcsos,
}

/// The scenario's `workforce` section. (Placeholder: the workforce issue fills it in.)
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkforcePlan {}

/// What the workforce projection needs from the rest of the scenario.
#[derive(Debug, Clone, Copy)]
pub struct PayContext<'a> {
    /// The years of the plan, base year first.
    pub years: &'a [FinancialYear],
    /// Officer pay award % by year, effective 1 September.
    pub officer_award_pct: &'a YearValues,
    /// Police staff (and PCSO) pay award % by year, effective 1 September.
    pub staff_award_pct: &'a YearValues,
}

/// The workforce projection. (Placeholder: the workforce issue fills it in.)
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WorkforceProjection {}

impl WorkforceProjection {
    /// Total pay cost (pay, employer NI and pension, recruit training) of `group` in `year`.
    pub fn pay_cost(&self, group: Group, year: FinancialYear) -> Option<Decimal> {
        let _ = (group, year);
        None
    }

    /// Ring-fenced Uplift grant due in `year` under the rule table.
    pub fn uplift_grant_due(&self, year: FinancialYear) -> Option<Decimal> {
        let _ = year;
        None
    }
}

/// Project the workforce over the plan's years.
pub fn project(plan: &WorkforcePlan, ctx: PayContext<'_>) -> ModelResult<WorkforceProjection> {
    let _ = (plan, ctx);
    Err(ModelError::new(
        "workforce",
        "the workforce model is not available yet",
    ))
}
