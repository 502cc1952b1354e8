//! The estimates with the widest uncertainty, for the section 25 statement
//! (docs/resilience.md §8): each varied assumption in the registry taken to its low and
//! its high figure, one at a time, and the plan re-projected; ranked by how far apart the
//! two cumulative gaps are.
//!
//! **Hook for the risk simulation (issue 16).** A simulation gives ranges that come from
//! every assumption drawn together. It hands them over as [`Spread`]s with
//! [`SpreadFrom::Simulation`] (its own `low`/`high`, say the 10th and 90th percentiles of
//! the cumulative gap attributed to that assumption, or a `key` of its own such as
//! `simulation` for the whole plan), and [`with_simulation`] puts them in place of the
//! registry's ranges for the same key; the statement says which came from where.

use rust_decimal::Decimal;
#[cfg(not(target_arch = "wasm32"))]
use serde::Serialize;

use crate::model::engine::Engine;
use crate::model::error::ModelResult;
use crate::model::money::At;
use crate::model::registry::{self, Analysis, Assumption, Change, Point, Spread as Reads};
use crate::model::scenario::Scenario;

/// Where a range comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
#[cfg_attr(not(target_arch = "wasm32"), serde(rename_all = "snake_case"))]
pub enum SpreadFrom {
    /// The registry's low and high figures, one assumption at a time.
    Registry,
    /// The risk simulation (issue 16).
    Simulation,
}

/// How far one estimate's uncertainty moves the plan's cumulative gap.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct Spread {
    /// The assumption's key (`officer_pay_award`, `funding_growth[core_police_grant]`).
    pub key: String,
    /// What people call it.
    pub label: String,
    /// The cumulative gap at the end of the plan with the low figure, £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub low: Decimal,
    /// The same with the high figure, £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub high: Decimal,
    /// |high − low|, £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub width: Decimal,
    /// Where the low and high figures come from.
    pub basis: String,
    /// True if the scenario's own figure is an estimate.
    pub estimate: bool,
    /// Registry or simulation.
    pub from: SpreadFrom,
}

/// `a` in `s` set to `point` of its range (as the range reads) from the year after the
/// base year on; `None` if the move leaves its valid range.
fn moved(s: &Scenario, a: &Assumption, reads: Reads, point: Point) -> Option<Scenario> {
    let from = s.horizon.base_year.plus(1)?;
    let mut out = s.clone();
    let done = match reads {
        Reads::Value => a.set_from(&mut out, from, point.value),
        Reads::By => a.shift(&mut out, Change::By(point.value), from),
        Reads::Percent => a.shift(&mut out, Change::Percent(point.value), from),
    };
    done.ok().map(|()| out)
}

/// Every varied assumption of `s` with the cumulative gap at its low and its high figure,
/// widest first (ties by key). An assumption whose move leaves its valid range, or whose
/// plan cannot be projected, is left out.
pub fn from_registry(s: &Scenario) -> ModelResult<Vec<Spread>> {
    let mut engine = Engine::new();
    let at = At::new("uncertainty", None);
    let mut out = Vec::new();
    let mut units = Vec::new();
    for a in registry::assumptions(s) {
        let Analysis::Varied { uncertainty: u, .. } = a.about().analysis else {
            continue;
        };
        let gap = |point: Point, engine: &mut Engine| {
            moved(s, &a, u.spread, point)
                .and_then(|m| engine.totals(&m).ok())
                .map(|t| t.cumulative_gap())
        };
        let (Some(low), Some(high)) = (gap(u.low, &mut engine), gap(u.high, &mut engine)) else {
            continue;
        };
        let width = at.sub(high, low)?.abs();
        if width.is_zero() {
            continue;
        }
        out.push(Spread {
            key: a.key(),
            label: a.label(s),
            low,
            high,
            width,
            basis: format!("low: {}; high: {}", u.low.basis, u.high.basis),
            estimate: a.source(s).is_some_and(|x| x.estimate),
            from: SpreadFrom::Registry,
        });
        units.push(a.def().unit);
    }
    // Two kinds may share a label (a Band D rise in £ and in %): the unit tells them apart.
    let labels: Vec<String> = out.iter().map(|x| x.label.clone()).collect();
    for (x, a) in out.iter_mut().zip(&units) {
        if labels.iter().filter(|l| **l == x.label).count() > 1 {
            x.label = format!("{} ({})", x.label, a.label());
        }
    }
    rank(&mut out);
    Ok(out)
}

/// Widest first, ties by key.
fn rank(spreads: &mut [Spread]) {
    spreads.sort_by(|a, b| b.width.cmp(&a.width).then_with(|| a.key.cmp(&b.key)));
}

/// The registry's ranges with the simulation's in place of those with the same key (and
/// any of its own added), ranked again.
pub fn with_simulation(registry: Vec<Spread>, simulated: Vec<Spread>) -> Vec<Spread> {
    let mut out: Vec<Spread> = registry
        .into_iter()
        .filter(|r| !simulated.iter().any(|s| s.key == r.key))
        .collect();
    out.extend(simulated);
    rank(&mut out);
    out
}
