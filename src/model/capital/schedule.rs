//! Each scheme's borrowing, MRP and interest by year, and what the engine reads from the
//! programme. Every rule, in the order worked out: docs/capital.md, "Borrowing, MRP and
//! interest".
//!
//! For a scheme, by year y (from its first year of spend, or the first year asked for if
//! earlier, to the last year asked for):
//! 1. spend s(y) and each listed source of funding, rounded to the penny; borrowing
//!    b(y) = s(y) − grant − receipts − revenue contribution − earmarked reserve (validation
//!    makes sure it is not negative);
//! 2. tranches: all the borrowing, in use in the scheme's `in_use` year; or, for a rolling
//!    programme (`each_year`), each year's borrowing, in use that year;
//! 3. each tranche's MRP over the asset's life L from the year after it comes into use:
//!    straight line `round_money(B ÷ L)` a year, or annuity `round_money(B × i × f^(k−1) ÷
//!    (f^L − 1))` in its k-th year (i = the in-use year's borrowing rate ÷ 100, f = 1 + i,
//!    powers by repeated multiplication), never more than the tranche's balance left, the
//!    last year of the life taking whatever remains;
//! 4. interest `round_money((O(y−1) + b(y) ÷ 2) × r(y) ÷ 100)`, O the scheme's borrowing
//!    outstanding at the end of a year (all borrowing to date less all MRP to date), r(y)
//!    the year's borrowing rate: a year's new borrowing is taken, on average, half way
//!    through it.

use rust_decimal::Decimal;

use super::{CapitalProgramme, InUse, MrpMethod, Scheme};
use crate::model::error::ModelResult;
use crate::model::money::{round_money, At};
use crate::model::year::FinancialYear;

/// One scheme's figures in one year (£, to the penny).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SchemeYear {
    /// Capital spend.
    pub spend: Decimal,
    /// Capital grant.
    pub grant: Decimal,
    /// Capital receipts applied.
    pub receipts: Decimal,
    /// Revenue contribution.
    pub revenue: Decimal,
    /// Earmarked reserves used.
    pub reserve: Decimal,
    /// Borrowing: the spend the other sources leave.
    pub borrowing: Decimal,
    /// Minimum revenue provision.
    pub mrp: Decimal,
    /// Interest.
    pub interest: Decimal,
    /// The scheme's borrowing outstanding at the end of the year.
    pub closing: Decimal,
}

/// A scheme's figures for every year from `start` on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemeSchedule {
    /// The first year (the scheme's first year of spend, if before the years asked for).
    pub start: FinancialYear,
    /// One entry per year from `start`.
    pub years: Vec<SchemeYear>,
}

impl SchemeSchedule {
    /// The figures of `year` (all zero outside the schedule; the closing balance of a year
    /// after it is the last one's).
    pub fn get(&self, year: FinancialYear) -> SchemeYear {
        let k = year.years_since(self.start);
        if k < 0 {
            return SchemeYear::default();
        }
        match usize::try_from(k).ok().and_then(|k| self.years.get(k)) {
            Some(y) => *y,
            None => SchemeYear {
                closing: self.years.last().map_or(Decimal::ZERO, |y| y.closing),
                ..SchemeYear::default()
            },
        }
    }

    /// The borrowing outstanding at the end of `year` (0 before the schedule starts).
    pub fn closing(&self, year: FinancialYear) -> Decimal {
        self.get(year).closing
    }
}

/// The scheme's path in messages: `capital_programme.schemes[id]`.
pub fn path(scheme: &Scheme) -> String {
    format!("capital_programme.schemes[{}]", scheme.id)
}

/// The years from `start` to `last`, both included.
fn span(start: FinancialYear, last: FinancialYear) -> Vec<FinancialYear> {
    let n = u16::try_from(last.years_since(start).saturating_add(1)).unwrap_or(0);
    (0..n).map_while(|k| start.plus(k)).collect()
}

/// Add one tranche's MRP into `mrp` (by year from `start`): `amount` borrowed, in use in
/// `in_use`, over `life` years by `method` at `rate` % (annuity only).
#[allow(clippy::too_many_arguments)]
fn tranche(
    at: &At<'_>,
    amount: Decimal,
    in_use: FinancialYear,
    life: u16,
    method: MrpMethod,
    rate: Decimal,
    start: FinancialYear,
    mrp: &mut [Decimal],
) -> ModelResult<()> {
    if amount.is_zero() || life == 0 {
        return Ok(());
    }
    // The annuity's i and f^L − 1 (f = 1 + i), or None for equal instalments.
    let annuity = match method {
        MrpMethod::Annuity if !rate.is_zero() => {
            let i = at.div(rate, Decimal::ONE_HUNDRED)?;
            let f = at.add(Decimal::ONE, i)?;
            let mut power = Decimal::ONE;
            for _ in 0..life {
                power = at.mul(power, f)?;
            }
            Some((i, f, at.sub(power, Decimal::ONE)?))
        }
        _ => None,
    };
    let even = round_money(at.div(amount, Decimal::from(life))?);
    let mut paid = Decimal::ZERO;
    // f^(k−1) in the k-th year.
    let mut power = Decimal::ONE;
    for k in 1..=life {
        let Some(year) = in_use.plus(k) else { break };
        let at = at.in_year(year);
        let left = at.sub(amount, paid)?;
        let due = if k == life {
            left
        } else {
            let instalment = match annuity {
                Some((i, _, denominator)) => {
                    round_money(at.div(at.mul(at.mul(amount, i)?, power)?, denominator)?)
                }
                None => even,
            };
            instalment.min(left)
        };
        let slot = usize::try_from(year.years_since(start))
            .ok()
            .and_then(|k| mrp.get_mut(k));
        match slot {
            Some(slot) => *slot = at.add(*slot, due)?,
            // Past the last year asked for: nothing more is needed.
            None => break,
        }
        paid = at.add(paid, due)?;
        if let Some((_, f, _)) = annuity {
            power = at.mul(power, f)?;
        }
    }
    Ok(())
}

/// The schedule of `scheme` in programme `p` from `first` (or its first year of spend, if
/// earlier) to `last`.
pub fn scheme(
    p: &CapitalProgramme,
    scheme: &Scheme,
    first: FinancialYear,
    last: FinancialYear,
) -> ModelResult<SchemeSchedule> {
    let path = path(scheme);
    let start = scheme
        .spend
        .0
        .keys()
        .next()
        .copied()
        .map_or(first, |y| y.min(first));
    let years = span(start, last);
    let mut out: Vec<SchemeYear> = Vec::with_capacity(years.len());
    for &year in &years {
        let at = At::new(&path, Some(year));
        let spend = round_money(scheme.spend.get_or_zero(year));
        let f = &scheme.funding;
        let grant = round_money(f.capital_grant.get_or_zero(year));
        let receipts = round_money(f.capital_receipts.get_or_zero(year));
        let revenue = round_money(f.revenue_contribution.get_or_zero(year));
        let reserve = round_money(f.earmarked_reserve.get_or_zero(year));
        let borrowing = at.sub(spend, at.sum([grant, receipts, revenue, reserve])?)?;
        out.push(SchemeYear {
            spend,
            grant,
            receipts,
            revenue,
            reserve,
            borrowing,
            ..SchemeYear::default()
        });
    }
    // MRP, tranche by tranche.
    let mut mrp = vec![Decimal::ZERO; years.len()];
    let at = At::new(&path, None);
    let life = scheme.life_years;
    match scheme.in_use {
        InUse::Year(in_use) => {
            let amount = at.sum(out.iter().map(|y| y.borrowing))?;
            let rate = p.rate(in_use);
            tranche(
                &at,
                amount,
                in_use,
                life,
                scheme.mrp_method,
                rate,
                start,
                &mut mrp,
            )?;
        }
        InUse::EachYear => {
            for (y, &year) in out.iter().zip(&years) {
                tranche(
                    &at,
                    y.borrowing,
                    year,
                    life,
                    scheme.mrp_method,
                    p.rate(year),
                    start,
                    &mut mrp,
                )?;
            }
        }
    }
    // Interest and the balance outstanding.
    let mut balance = Decimal::ZERO;
    for ((y, &year), m) in out.iter_mut().zip(&years).zip(mrp) {
        let at = At::new(&path, Some(year));
        let average = at.add(balance, at.div(y.borrowing, Decimal::TWO)?)?;
        y.interest = round_money(at.pct(average, p.rate(year))?);
        y.mrp = m;
        balance = at.sub(at.add(balance, y.borrowing)?, m)?;
        y.closing = balance;
    }
    Ok(SchemeSchedule { start, years: out })
}

/// What the engine reads from the programme, by plan year (base year first; £, to the
/// penny).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Feed {
    /// MRP and interest on the existing debt and the programme's own schemes: the
    /// `capital_programme_financing` line.
    pub financing: Vec<Decimal>,
    /// Revenue contributions to the schemes: the `capital_programme_revenue` line.
    pub revenue: Vec<Decimal>,
    /// Earmarked reserves the schemes use: taken from earmarked reserves.
    pub reserve: Vec<Decimal>,
}

/// The engine's figures from programme `p` over the plan's `years`. The programme is
/// valid.
pub fn feed(p: &CapitalProgramme, years: &[FinancialYear]) -> ModelResult<Feed> {
    let mut out = Feed {
        financing: Vec::with_capacity(years.len()),
        revenue: vec![Decimal::ZERO; years.len()],
        reserve: vec![Decimal::ZERO; years.len()],
    };
    let debt = &p.existing_debt;
    for &year in years {
        let at = At::new("capital_programme.existing_debt", Some(year));
        out.financing.push(at.add(
            round_money(debt.mrp.value.get_or_zero(year)),
            round_money(debt.interest.value.get_or_zero(year)),
        )?);
    }
    let (Some(&first), Some(&last)) = (years.first(), years.last()) else {
        return Ok(out);
    };
    for s in &p.schemes {
        let schedule = scheme(p, s, first, last)?;
        let path = path(s);
        for (k, &year) in years.iter().enumerate() {
            let at = At::new(&path, Some(year));
            let y = schedule.get(year);
            if let (Some(f), Some(r), Some(e)) = (
                out.financing.get_mut(k),
                out.revenue.get_mut(k),
                out.reserve.get_mut(k),
            ) {
                *f = at.add(*f, at.add(y.mrp, y.interest)?)?;
                *r = at.add(*r, y.revenue)?;
                *e = at.add(*e, y.reserve)?;
            }
        }
    }
    Ok(out)
}
