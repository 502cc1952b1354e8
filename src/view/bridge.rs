//! The bridge from one scenario's cumulative gap to another's, by assumption group.
//!
//! Attribution by sequential substitution: start from the `from` scenario, copy in the `to`
//! scenario's assumptions one group at a time (in [`GROUPS`] order), and record how much
//! each step moves the cumulative gap. The steps always add up exactly to the difference
//! between the two scenarios; the order is fixed and stated, since with interacting
//! assumptions another order would split the same total differently.

use rust_decimal::Decimal;

use crate::model::engine::{self, Projection};
use crate::model::scenario::Scenario;
use crate::model::{At, ModelResult};

/// The assumption groups, in the order they are substituted.
pub const GROUPS: [&str; 7] = [
    "Plan horizon",
    "Funding and grants",
    "Precept",
    "Pay and inflation",
    "Spending lines",
    "Workforce and Uplift",
    "Collaborations",
];
/// The last group (savings and reserves) takes whatever is left, which is the whole
/// scenario.
pub const LAST_GROUP: &str = "Savings and reserves";

/// One step of the bridge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BridgeStep {
    /// The assumption group.
    pub group: &'static str,
    /// How much it moves the cumulative gap, £ (positive: a larger gap).
    pub change: Decimal,
}

/// Copy `group` from `to` into `s`; false if it was already the same (nothing to do).
fn copy_group(s: &mut Scenario, to: &Scenario, group: &str) -> bool {
    fn set<T: PartialEq + Clone>(slot: &mut T, value: &T) -> bool {
        if slot == value {
            return false;
        }
        *slot = value.clone();
        true
    }
    match group {
        "Plan horizon" => set(&mut s.horizon, &to.horizon),
        "Funding and grants" => set(&mut s.funding, &to.funding),
        "Precept" => set(&mut s.precept, &to.precept),
        "Pay and inflation" => set(&mut s.assumptions, &to.assumptions),
        "Spending lines" => set(&mut s.expenditure, &to.expenditure),
        "Workforce and Uplift" => set(&mut s.workforce, &to.workforce),
        "Collaborations" => set(&mut s.collaborations, &to.collaborations),
        _ => false,
    }
}

/// The steps from `from` to `to`, with the two projections' cumulative gaps.
/// Groups that change nothing are left out.
pub fn bridge(
    from: &Scenario,
    from_projection: &Projection,
    to: &Scenario,
    to_projection: &Projection,
) -> ModelResult<Vec<BridgeStep>> {
    let at = At::new("bridge", None);
    let mut current = from.clone();
    // Names and descriptions do not move figures.
    current.name.clone_from(&to.name);
    current.description.clone_from(&to.description);
    let mut current_gap = from_projection.cumulative_gap();
    let mut steps = Vec::new();
    // Only groups that differ are projected, and once `current` has become `to` its
    // projection is already known: a typical edit touches one group, so the bridge costs
    // no projection at all rather than seven.
    for group in GROUPS {
        if !copy_group(&mut current, to, group) {
            continue;
        }
        let gap = if current == *to {
            to_projection.cumulative_gap()
        } else {
            engine::project(&current)?.cumulative_gap()
        };
        let change = at.sub(gap, current_gap)?;
        if !change.is_zero() {
            steps.push(BridgeStep { group, change });
        }
        current_gap = gap;
    }
    let change = at.sub(to_projection.cumulative_gap(), current_gap)?;
    if !change.is_zero() {
        steps.push(BridgeStep {
            group: LAST_GROUP,
            change,
        });
    }
    Ok(steps)
}
