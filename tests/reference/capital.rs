//! The capital programme's figures for the engine (docs/capital.md), restated plainly from
//! the document: tables read year by year, Decimal's own operators, maps rather than
//! arrays. Nothing is shared with `model::capital` but the scenario types.

use std::collections::BTreeMap;

use planner::model::capital::{CapitalProgramme, InUse, MrpMethod};
use planner::model::FinancialYear;
use rust_decimal::Decimal;

use super::round_money as rm;

/// The borrowing rate in `year`: listed, else the latest listed before, else the earliest
/// listed, else 0.
pub fn rate(p: &CapitalProgramme, year: FinancialYear) -> Decimal {
    let t = &p.borrowing_rate_pct.value;
    let mut before = None;
    let mut earliest = None;
    for (y, v) in t.iter() {
        if earliest.is_none() {
            earliest = Some(v);
        }
        if y <= year {
            before = Some(v);
        }
    }
    before.or(earliest).unwrap_or(Decimal::ZERO)
}

/// One tranche's MRP by year: `amount` in use in `in_use`, over `life` years.
fn tranche(
    amount: Decimal,
    in_use: FinancialYear,
    life: u16,
    method: MrpMethod,
    rate: Decimal,
) -> BTreeMap<FinancialYear, Decimal> {
    let mut out = BTreeMap::new();
    if amount.is_zero() {
        return out;
    }
    let l = Decimal::from(life);
    let annuity = method == MrpMethod::Annuity && !rate.is_zero();
    let i = rate / Decimal::ONE_HUNDRED;
    let f = Decimal::ONE + i;
    let mut f_l = Decimal::ONE;
    for _ in 0..life {
        f_l *= f;
    }
    let mut paid = Decimal::ZERO;
    for k in 1..=life {
        let left = amount - paid;
        let due = if k == life {
            left
        } else {
            let instalment = if annuity {
                let mut p = Decimal::ONE;
                for _ in 1..k {
                    p *= f;
                }
                rm(amount * i * p / (f_l - Decimal::ONE))
            } else {
                rm(amount / l)
            };
            instalment.min(left)
        };
        out.insert(in_use.plus(k).unwrap(), due);
        paid += due;
    }
    out
}

/// By scheme, by year from its first year of spend (or `first`) to `last`:
/// (borrowing, MRP, interest, revenue contribution, earmarked reserve).
pub fn schemes(
    p: &CapitalProgramme,
    first: FinancialYear,
    last: FinancialYear,
) -> Vec<BTreeMap<FinancialYear, [Decimal; 5]>> {
    let mut out = Vec::new();
    for s in &p.schemes {
        let start = s
            .spend
            .iter()
            .map(|(y, _)| y)
            .min()
            .unwrap_or(first)
            .min(first);
        let mut years = Vec::new();
        let mut y = start;
        while y <= last {
            years.push(y);
            y = y.plus(1).unwrap();
        }
        let f = &s.funding;
        let borrowing: BTreeMap<FinancialYear, Decimal> = years
            .iter()
            .map(|&y| {
                let b = rm(s.spend.get_or_zero(y))
                    - rm(f.capital_grant.get_or_zero(y))
                    - rm(f.capital_receipts.get_or_zero(y))
                    - rm(f.revenue_contribution.get_or_zero(y))
                    - rm(f.earmarked_reserve.get_or_zero(y));
                (y, b)
            })
            .collect();
        let mut mrp: BTreeMap<FinancialYear, Decimal> = BTreeMap::new();
        let tranches: Vec<(Decimal, FinancialYear)> = match s.in_use {
            InUse::Year(u) => vec![(borrowing.values().copied().sum(), u)],
            InUse::EachYear => borrowing.iter().map(|(y, b)| (*b, *y)).collect(),
        };
        for (amount, u) in tranches {
            for (y, m) in tranche(amount, u, s.life_years, s.mrp_method, rate(p, u)) {
                *mrp.entry(y).or_default() += m;
            }
        }
        let mut balance = Decimal::ZERO;
        let mut rows = BTreeMap::new();
        for &y in &years {
            let b = borrowing[&y];
            let m = mrp.get(&y).copied().unwrap_or_default();
            let interest = rm((balance + b / Decimal::TWO) * rate(p, y) / Decimal::ONE_HUNDRED);
            balance = balance + b - m;
            rows.insert(
                y,
                [
                    b,
                    m,
                    interest,
                    rm(f.revenue_contribution.get_or_zero(y)),
                    rm(f.earmarked_reserve.get_or_zero(y)),
                ],
            );
        }
        out.push(rows);
    }
    out
}

/// The engine's figures by plan year: (financing, revenue contributions, reserve use).
pub fn feed(
    p: &CapitalProgramme,
    years: &[FinancialYear],
) -> (Vec<Decimal>, Vec<Decimal>, Vec<Decimal>) {
    let (first, last) = (years[0], *years.last().unwrap());
    let all = schemes(p, first, last);
    let mut financing = Vec::new();
    let mut revenue = Vec::new();
    let mut reserve = Vec::new();
    for &y in years {
        let d = &p.existing_debt;
        let mut f = rm(d.mrp.value.get_or_zero(y)) + rm(d.interest.value.get_or_zero(y));
        let mut r = Decimal::ZERO;
        let mut e = Decimal::ZERO;
        for rows in &all {
            let [_, m, i, rc, er] = rows[&y];
            f += m + i;
            r += rc;
            e += er;
        }
        financing.push(f);
        revenue.push(r);
        reserve.push(e);
    }
    (financing, revenue, reserve)
}
