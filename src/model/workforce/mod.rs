//! Workforce and Operation Uplift (issue 4): officers, police staff and PCSOs year by year,
//! their pay cost, and the ring-fenced Uplift grant. Feeds the engine's pay lines and the
//! Uplift grant line when a scenario has a `workforce` section.
//!
//! Interface the engine relies on (keep these names and signatures):
//! - [`WorkforcePlan`]: the scenario's `workforce` section (unknown fields rejected).
//! - [`Group`]: officers, staff, PCSOs.
//! - [`PayContext`]: what the workforce needs from the rest of the scenario.
//! - [`project`]: plan + context → [`WorkforceProjection`].
//! - [`WorkforceProjection::pay_cost`] and [`WorkforceProjection::uplift_grant_due`].
//!
//! Conventions (written out in full in [`cohorts`] and [`uplift`]):
//! - Opening headcount and FTE are at 31 March immediately before the base year.
//! - Intakes start on the 1st of a calendar month (1 = January … 12 = December) and are
//!   paid from then to 31 March; leavers leave evenly through the year.
//! - Fractional attrition is rounded to whole people (halves up); every flow is whole
//!   people, so opening + starters − leavers = closing exactly.
//! - Pay awards take effect on 1 September: a financial year carries 7/12 of its own award
//!   and 5/12 of the previous year's. Officers take the officer award; staff and PCSOs the
//!   staff award.
//! - Pay cost is rounded once to the penny per group and year; FTE and % are kept at full
//!   precision and rounded only for display.

use rust_decimal::Decimal;
#[cfg(not(target_arch = "wasm32"))]
use serde::Serialize;

use super::dec::YearValues;
use super::error::{ModelError, ModelResult};
use super::year::FinancialYear;

pub mod baseline;
pub mod cohorts;
pub mod plan;
pub mod uplift;

pub use cohorts::GroupYear;
pub use plan::{in_force, months_in_post, GroupPlan, Intake, UnpaidGroup, WorkforcePlan};
pub use uplift::{Band, RuleTable, UpliftPlan, UpliftYear};

/// A workforce group with its own pay cost line. (`Serialize` is for the command-line
/// tool's output only.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
#[cfg_attr(not(target_arch = "wasm32"), serde(rename_all = "snake_case"))]
pub enum Group {
    /// Police officers.
    Officers,
    /// Police staff.
    Staff,
    /// Police community support officers.
    Pcsos,
}

impl Group {
    /// The three paid groups in the order they are shown.
    pub const ALL: [Group; 3] = [Group::Officers, Group::Staff, Group::Pcsos];

    /// The group's place in [`Group::ALL`].
    pub fn index(self) -> usize {
        match self {
            Group::Officers => 0,
            Group::Staff => 1,
            Group::Pcsos => 2,
        }
    }

    /// The group as people name it: "Officers", "Police staff", "PCSOs".
    pub fn name(self) -> &'static str {
        match self {
            Group::Officers => "Officers",
            Group::Staff => "Police staff",
            Group::Pcsos => "PCSOs",
        }
    }

    /// The group's section in a scenario file, for messages: `workforce.officers`.
    pub fn path(self) -> &'static str {
        match self {
            Group::Officers => "workforce.officers",
            Group::Staff => "workforce.staff",
            Group::Pcsos => "workforce.pcsos",
        }
    }

    /// The group's key in scenario files and CSV output.
    pub fn key(self) -> &'static str {
        match self {
            Group::Officers => "officers",
            Group::Staff => "staff",
            Group::Pcsos => "pcsos",
        }
    }
}

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

/// Unpaid people in one year (headcount only).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct UnpaidYear {
    /// The financial year.
    pub year: FinancialYear,
    /// Who they are, e.g. "Special constables".
    pub name: String,
    /// Headcount at 31 March.
    pub headcount: Decimal,
}

/// The workforce projection: per year and group, people and pay; the Uplift table.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct WorkforceProjection {
    /// The plan's years, base year first.
    pub years: Vec<FinancialYear>,
    /// One row per year and paid group: year by year, officers, staff, PCSOs.
    pub groups: Vec<GroupYear>,
    /// Unpaid headcount rows (specials, volunteers), year by year.
    pub unpaid: Vec<UnpaidYear>,
    /// The Uplift table, one row per year with a target; `None` without an `uplift`
    /// section.
    pub uplift: Option<Vec<UpliftYear>>,
}

impl WorkforceProjection {
    /// The row of `group` in `year`.
    pub fn row(&self, group: Group, year: FinancialYear) -> Option<&GroupYear> {
        self.groups
            .iter()
            .find(|r| r.group == group && r.year == year)
    }

    /// Total pay cost (pay, employer NI and pension, recruit training) of `group` in `year`,
    /// rounded to the penny.
    pub fn pay_cost(&self, group: Group, year: FinancialYear) -> Option<Decimal> {
        self.row(group, year).map(|r| r.pay_cost)
    }

    /// Ring-fenced Uplift grant due in `year` under the rule table: `None` if the plan has
    /// no `uplift` section or `year` is outside the plan; zero in a year with no target.
    pub fn uplift_grant_due(&self, year: FinancialYear) -> Option<Decimal> {
        let rows = self.uplift.as_ref()?;
        if !self.years.contains(&year) {
            return None;
        }
        Some(
            rows.iter()
                .find(|r| r.year == year)
                .map_or(Decimal::ZERO, |r| r.grant_due),
        )
    }

    /// The Uplift row of `year`, if it has a target.
    pub fn uplift_row(&self, year: FinancialYear) -> Option<&UpliftYear> {
        self.uplift.as_ref()?.iter().find(|r| r.year == year)
    }
}

/// Project the workforce over the plan's years. Validates the plan first.
pub fn project(plan: &WorkforcePlan, ctx: PayContext<'_>) -> ModelResult<WorkforceProjection> {
    plan.validate()?;
    project_validated(plan, ctx)
}

/// The pay award % falling in each of `years` (by index), for pricing.
pub(crate) fn effective_awards(
    awards: &YearValues,
    years: &[FinancialYear],
) -> ModelResult<Vec<Decimal>> {
    let mut out = Vec::with_capacity(years.len());
    for (i, &year) in years.iter().enumerate() {
        out.push(if i == 0 {
            Decimal::ZERO
        } else {
            let at = crate::model::money::At::new("assumptions", Some(year));
            crate::model::engine::effective_pay_award(&at, awards, year)?
        });
    }
    Ok(out)
}

/// [`project`] for a plan already validated: the engine's, whose scenario has passed
/// `Scenario::validate` (which validates the plan too), so each projection checks it once.
pub(crate) fn project_validated(
    plan: &WorkforcePlan,
    ctx: PayContext<'_>,
) -> ModelResult<WorkforceProjection> {
    let years = ctx.years;
    let flows = Flows::new(plan, years)?;
    let officer = effective_awards(ctx.officer_award_pct, years)?;
    let staff = effective_awards(ctx.staff_award_pct, years)?;
    let [officers, staff_flows, pcsos] = &flows.groups;
    let per_group = [
        officers.rows(&officer)?,
        staff_flows.rows(&staff)?,
        pcsos.rows(&staff)?,
    ];
    let mut groups = Vec::with_capacity(years.len().saturating_mul(3));
    for i in 0..years.len() {
        for rows in &per_group {
            groups.extend(rows.get(i).cloned());
        }
    }

    let mut unpaid = Vec::new();
    for &year in years {
        for g in &plan.unpaid {
            if let Some(headcount) = in_force(&g.headcount, year) {
                unpaid.push(UnpaidYear {
                    year,
                    name: g.name.clone(),
                    headcount,
                });
            }
        }
    }

    Ok(WorkforceProjection {
        years: years.to_vec(),
        groups,
        unpaid,
        uplift: flows.uplift,
    })
}

/// What the workforce model works out before pay awards are known: each paid group's
/// people year by year ([`cohorts::GroupFlows`]) and the Uplift table (which reads only the
/// officers' headcount). The engine keeps these while only pay awards change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Flows {
    /// Officers, staff, PCSOs.
    pub groups: [cohorts::GroupFlows; 3],
    /// The Uplift table (`None` without an `uplift` section).
    pub uplift: Option<Vec<UpliftYear>>,
}

impl Flows {
    /// The flows of a validated plan over consecutive `years`.
    pub(crate) fn new(plan: &WorkforcePlan, years: &[FinancialYear]) -> ModelResult<Flows> {
        check_years(years)?;
        let [officers, staff, pcsos] = Group::ALL;
        let groups = [
            cohorts::GroupFlows::new(officers, group_plan(plan, officers), officers.path(), years)?,
            cohorts::GroupFlows::new(staff, group_plan(plan, staff), staff.path(), years)?,
            cohorts::GroupFlows::new(pcsos, group_plan(plan, pcsos), pcsos.path(), years)?,
        ];
        let uplift = match &plan.uplift {
            None => None,
            Some(u) => Some(uplift_rows(u, &groups[0])?),
        };
        Ok(Flows { groups, uplift })
    }
}

/// The plan's years must follow one another.
pub(crate) fn check_years(years: &[FinancialYear]) -> ModelResult<()> {
    if years.is_empty() {
        return Err(ModelError::new("workforce", "the plan has no years"));
    }
    for pair in years.windows(2) {
        if let [a, b] = pair {
            if a.plus(1) != Some(*b) {
                return Err(ModelError::new(
                    "workforce",
                    format!("the plan's years must follow one another ({a} then {b})"),
                ));
            }
        }
    }
    Ok(())
}

/// The plan of a paid group.
pub(crate) fn group_plan(plan: &WorkforcePlan, group: Group) -> &GroupPlan {
    match group {
        Group::Officers => &plan.officers,
        Group::Staff => &plan.staff,
        Group::Pcsos => &plan.pcsos,
    }
}

/// The Uplift table: a row for each year of the officers' flows that has a target. A year
/// with a grant but no target is an error.
pub(crate) fn uplift_rows(
    u: &UpliftPlan,
    officers: &cohorts::GroupFlows,
) -> ModelResult<Vec<UpliftYear>> {
    let mut rows = Vec::with_capacity(officers.years.len());
    for row in &officers.years {
        match u.assess(row.year, row.closing_headcount)? {
            Some(assessed) => rows.push(assessed),
            None if !u.grant.get_or_zero(row.year).is_zero() => {
                return Err(ModelError::new(
                    "workforce.uplift.targets",
                    "this year has an Uplift grant but no headcount target",
                )
                .in_year(row.year));
            }
            None => {}
        }
    }
    Ok(rows)
}
