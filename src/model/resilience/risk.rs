//! The general reserve's risk-based minimum from the risk register (docs/resilience.md
//! §6): the expected cost of the risks, or a percentile of the cost of those that happen,
//! each risk happening or not independently of the others.

use rust_decimal::Decimal;

use crate::model::engine::penny;
use crate::model::error::ModelResult;
use crate::model::money::{round_money, At};
use crate::model::scenario::strategy::Risk;

/// The expected cost: Σ round_money(impact × likelihood ÷ 100), in the register's order.
pub fn expected(risks: &[Risk]) -> ModelResult<Decimal> {
    let at = At::new("reserves_strategy.risks", None);
    let mut sum = Decimal::ZERO;
    for r in risks {
        sum = at.add(sum, round_money(at.pct(r.impact, r.likelihood_pct)?))?;
    }
    Ok(penny(sum))
}

/// Every total cost the risks can add up to, with its probability, cheapest first: each
/// risk either happens (probability q = likelihood ÷ 100, adding round_money(impact)) or
/// not (1 − q). Equal totals are merged. At most 2ⁿ entries for n risks.
pub fn distribution(risks: &[Risk]) -> ModelResult<Vec<(Decimal, Decimal)>> {
    let at = At::new("reserves_strategy.risks", None);
    let mut dist: Vec<(Decimal, Decimal)> = vec![(Decimal::ZERO, Decimal::ONE)];
    for r in risks {
        let q = at.div(r.likelihood_pct, Decimal::ONE_HUNDRED)?;
        if q.is_zero() {
            continue;
        }
        let not_q = at.sub(Decimal::ONE, q)?;
        let impact = round_money(r.impact);
        let mut next = Vec::with_capacity(dist.len().saturating_mul(2));
        for &(loss, p) in &dist {
            if !not_q.is_zero() {
                next.push((loss, at.mul(p, not_q)?));
            }
            next.push((at.add(loss, impact)?, at.mul(p, q)?));
        }
        next.sort_by_key(|e| e.0);
        let mut merged: Vec<(Decimal, Decimal)> = Vec::with_capacity(next.len());
        for (loss, p) in next {
            match merged.last_mut() {
                Some(last) if last.0 == loss => last.1 = at.add(last.1, p)?,
                _ => merged.push((loss, p)),
            }
        }
        dist = merged;
    }
    Ok(dist)
}

/// The `pct`th percentile of the cost of the risks that happen: the smallest total whose
/// probability of not being exceeded is at least `pct` ÷ 100 (the largest total if rounding
/// leaves the probabilities just short).
pub fn percentile(risks: &[Risk], pct: Decimal) -> ModelResult<Decimal> {
    let at = At::new("reserves_strategy.minimum.percentile", None);
    let want = at.div(pct, Decimal::ONE_HUNDRED)?;
    let dist = distribution(risks)?;
    let mut cumulative = Decimal::ZERO;
    for &(loss, p) in &dist {
        cumulative = at.add(cumulative, p)?;
        if cumulative >= want {
            return Ok(penny(loss));
        }
    }
    Ok(penny(dist.last().map_or(Decimal::ZERO, |d| d.0)))
}
