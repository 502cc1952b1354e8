//! Penny-exact cost sharing: the partners' shares always sum exactly to the total.
//!
//! The rule, in order:
//! 1. the total is rounded to the penny with [`round_money`];
//! 2. each partner's exact share is `total × weight ÷ sum of weights` at full Decimal
//!    precision, then rounded to the penny with [`round_money`];
//! 3. the remainder (total − sum of rounded shares, a whole number of pennies, at most
//!    half a penny per partner) is handed out one penny at a time by largest remainder:
//!    if pennies are missing, partners whose rounding lost the most (exact − rounded,
//!    largest first) gain a penny each; if there are pennies too many, partners whose
//!    rounding gained the most (most negative first) give one back. Ties go in the order
//!    the partners are listed. A partner with zero weight always gets exactly zero.
//!
//! So every share is within one penny of its exact value and the shares sum to the total.

use std::cmp::Ordering;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::model::error::ModelResult;
use crate::model::money::{is_whole, round_money, At};
use crate::model::year::FinancialYear;

/// One penny.
const PENNY: Decimal = Decimal::from_parts(1, 0, 0, false, 2);

/// Split `amount` (£) between partners in proportion to `weights` (any non-negative
/// figures: percentages, net revenue budgets, populations), penny-exact. Returns one share
/// per weight, in the same order; they sum exactly to `round_money(amount)`.
///
/// Errors (naming `path` and `year`): no weights, a negative weight, weights summing to
/// zero, or an overflow.
pub fn allocate(
    amount: Decimal,
    weights: &[Decimal],
    path: &str,
    year: Option<FinancialYear>,
) -> ModelResult<Vec<Decimal>> {
    let at = At::new(path, year);
    let fractions = fractions(weights, &at)?;
    let mut shares = Vec::with_capacity(weights.len());
    allocate_into(amount, &fractions, &at, &mut shares, &mut Vec::new())?;
    Ok(shares)
}

/// Each weight's fraction of their sum (weight ÷ sum of weights, at full precision): the
/// part of any amount a partner bears. Checked here once for a sharing rule's every use.
pub fn fractions(weights: &[Decimal], at: &At<'_>) -> ModelResult<Vec<Decimal>> {
    if weights.is_empty() {
        return Err(at.error("there are no partners to share the cost between"));
    }
    if weights.iter().any(|w| w.is_sign_negative() && !w.is_zero()) {
        return Err(at.error("a partner's share is negative"));
    }
    let weight_sum = at.sum(weights.iter().copied())?;
    if weight_sum.is_zero() {
        return Err(at.error("the partners' shares add up to zero"));
    }
    let mut out = Vec::with_capacity(weights.len());
    for w in weights {
        out.push(at.div(*w, weight_sum)?);
    }
    Ok(out)
}

/// [`allocate`] by `fractions` (from [`fractions`]) into `shares`, with `leftovers` as
/// working space: nothing is allocated once both have room.
pub fn allocate_into(
    amount: Decimal,
    fractions: &[Decimal],
    at: &At<'_>,
    shares: &mut Vec<Decimal>,
    leftovers: &mut Vec<(usize, Decimal)>,
) -> ModelResult<()> {
    shares.clear();
    let total = round_money(amount);
    if total.is_zero() {
        // Nothing to share: every share is zero (as total × fraction would be).
        shares.resize(fractions.len(), Decimal::ZERO);
        return Ok(());
    }
    // (index, exact − rounded) for partners with a positive weight.
    leftovers.clear();
    for (i, f) in fractions.iter().enumerate() {
        let exact = at.mul(total, *f)?;
        let rounded = round_money(exact);
        shares.push(rounded);
        if !f.is_zero() {
            leftovers.push((i, at.sub(exact, rounded)?));
        }
    }

    let remainder = at.sub(total, at.sum(shares.iter().copied())?)?;
    let step = match remainder.cmp(&Decimal::ZERO) {
        Ordering::Equal => return Ok(()),
        Ordering::Greater => PENNY,
        Ordering::Less => -PENNY,
    };
    // Largest leftover first when pennies are missing, most negative first when there are
    // too many; ties in partner order. (One sort call for both: each call is its own copy of
    // the sort in the wasm. Partner order breaks every tie, so no two entries compare equal
    // and the smaller unstable sort gives the same order a stable one would.)
    let gives_first = |a: &(usize, Decimal), b: &(usize, Decimal)| {
        let by_leftover = if step.is_sign_positive() {
            b.1.cmp(&a.1)
        } else {
            a.1.cmp(&b.1)
        };
        by_leftover.then(a.0.cmp(&b.0))
    };
    leftovers.sort_unstable_by(gives_first);
    let pennies = at.div(remainder, step)?;
    let count = pennies.to_usize().unwrap_or(usize::MAX);
    if !is_whole(pennies) || count > leftovers.len() {
        // Cannot happen with a penny-rounded total: each rounding is at most half a penny.
        return Err(at.error("the shares could not be balanced to the penny"));
    }
    for (i, _) in leftovers.iter().take(count) {
        if let Some(share) = shares.get_mut(*i) {
            *share = at.add(*share, step)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn ds(v: &[&str]) -> Vec<Decimal> {
        v.iter().map(|s| d(s)).collect()
    }

    #[test]
    fn hand_computed_splits() {
        let cases: [(&str, &[&str], &[&str]); 6] = [
            // £100 in thirds: 33.33 each, the penny left goes to the first listed.
            ("100", &["1", "1", "1"], &["33.34", "33.33", "33.33"]),
            // EMSOU shares of £1m.
            (
                "1000000",
                &["27.6", "23.1", "22.0", "14.7", "12.6"],
                &["276000", "231000", "220000", "147000", "126000"],
            ),
            // £0.05 by 50/50: 0.025 rounds up twice to 0.03 + 0.03, one penny taken back.
            ("0.05", &["50", "50"], &["0.02", "0.03"]),
            // Zero weight gets nothing.
            ("10", &["0", "3"], &["0", "10"]),
            // Negative amount (a credit) shares the same way.
            ("-100", &["1", "1", "1"], &["-33.34", "-33.33", "-33.33"]),
            // Amount rounded to the penny first.
            ("99.999", &["1"], &["100.00"]),
        ];
        for (amount, weights, want) in cases {
            let got = allocate(d(amount), &ds(weights), "t", None).unwrap();
            assert_eq!(got, ds(want), "{amount} {weights:?}");
        }
    }

    #[test]
    fn rejects_bad_weights() {
        assert!(allocate(d("1"), &[], "t", None).is_err());
        assert!(allocate(d("1"), &ds(&["0", "0"]), "t", None).is_err());
        let e = allocate(d("1"), &ds(&["-1", "2"]), "x.partners", None).unwrap_err();
        assert_eq!(e.path, "x.partners");
    }
}
