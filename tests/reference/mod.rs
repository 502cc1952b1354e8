//! The reference engine: the engine as it was before it was made fast (issue 13), restated
//! plainly, straight from docs/model.md, docs/workforce.md and docs/collaborations.md, so
//! the fast engine can be checked against it to the penny (`tests/engine_fast.rs`).
//!
//! Nothing here is shared with the fast path except the scenario types, the validator and
//! the checked arithmetic of `model::money::At`: every formula (the line drivers, the
//! precept, savings, reserves, the workforce flows and pay, the Uplift rule table, the
//! collaboration shares, the capital financing) is written out again, with rust_decimal's
//! own rounding. Clear rather than quick: strings and maps are fine here.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

pub mod capital;

use std::cmp::Ordering;
use std::sync::Arc;

use planner::model::collab::{CapitalCollaboration, Collaboration, CollaborationRegister};
use planner::model::dec::YearValues;
use planner::model::engine::{
    ExpenditureAmount, FundingAmount, PreceptResult, Projection, ReservesResult, SavingsResult,
    Warning, YearResult,
};
use planner::model::error::{ModelError, ModelResult};
use planner::model::money::At;
use planner::model::scenario::{Driver, FundingDriver, PayGroup, SavingKind, Scenario};
use planner::model::workforce::{Group, GroupPlan, UpliftPlan, WorkforcePlan};
use planner::model::FinancialYear;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

/// The money rule, by rust_decimal itself: two places, halves away from zero.
pub fn round_money(v: Decimal) -> Decimal {
    v.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

fn round_to(v: Decimal, dp: u32) -> Decimal {
    v.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

fn penny(v: Decimal) -> Decimal {
    let mut r = round_money(v);
    r.rescale(2);
    r
}

fn in_force(values: &YearValues, year: FinancialYear) -> Option<Decimal> {
    values
        .iter()
        .filter(|(y, _)| *y <= year)
        .last()
        .map(|(_, v)| v)
}

/// (7 × a(y) + 5 × a(y − 1)) ÷ 12.
fn effective(at: &At, awards: &YearValues, year: FinancialYear) -> ModelResult<Decimal> {
    let this = awards.get_or_zero(year);
    let last = year
        .previous()
        .map_or(Decimal::ZERO, |y| awards.get_or_zero(y));
    at.div(
        at.add(
            at.mul(Decimal::from(7), this)?,
            at.mul(Decimal::from(5), last)?,
        )?,
        Decimal::from(12),
    )
}

// ---------------------------------------------------------------------------------------
// Workforce (docs/workforce.md)

/// Pay cost by group (officers, staff, PCSOs) and year index, the officers' closing
/// headcount by year index.
struct Workforce {
    pay: [Vec<Decimal>; 3],
    uplift_due: Option<Vec<Decimal>>,
}

fn months_in_post(month: i64) -> Option<u32> {
    match month {
        4..=12 => u32::try_from(16 - month).ok(),
        1..=3 => u32::try_from(4 - month).ok(),
        _ => None,
    }
}

/// One group: (pay cost, closing headcount) per year.
fn group(
    plan: &GroupPlan,
    path: &str,
    awards: &YearValues,
    years: &[FinancialYear],
) -> ModelResult<Vec<(Decimal, Decimal)>> {
    let twelve = Decimal::from(12);
    let mut out = Vec::new();
    let mut headcount = plan.opening_headcount;
    let mut fte = plan.opening_fte;
    let mut serving_rate = plan.serving_pay;
    let mut recruit_rate = plan.recruit_pay;
    let mut established = plan.opening_fte;
    let mut progressing: Vec<(usize, Decimal)> = Vec::new();
    let steps = Decimal::from(plan.progression_years.max(1));
    for (i, &year) in years.iter().enumerate() {
        let at = At::new(path, Some(year));
        if i > 0 {
            let blend = effective(&at, awards, year)?;
            let drift = in_force(&plan.progression_pct, year).unwrap_or(Decimal::ZERO);
            serving_rate = at.grow(at.grow(serving_rate, blend)?, drift)?;
            recruit_rate = at.grow(recruit_rate, blend)?;
        }
        let attrition = round_to(at.pct(headcount, plan.attrition_pct)?, 0);
        let retiring = plan.retirements.get_or_zero(year);
        let leavers = at.add(attrition, retiring)?;
        if leavers > headcount {
            return Err(ModelError::new(
                format!("{path}.retirements"),
                format!(
                    "{leavers} leavers ({attrition} from attrition plus {retiring} retirements) \
                     exceed the {headcount} people in post at the start of the year"
                ),
            )
            .in_year(year));
        }
        let leaver_fte = if headcount.is_zero() {
            Decimal::ZERO
        } else {
            at.div(at.mul(leavers, fte)?, headcount)?
        };
        let mut starters = Decimal::ZERO;
        let mut starter_fte = Decimal::ZERO;
        let mut recruit_fte_years = Decimal::ZERO;
        for intake in plan.intakes.iter().filter(|i| i.year == year) {
            let months = months_in_post(intake.start_month).unwrap();
            let f = at.mul(intake.count, plan.fte_per_head)?;
            starters = at.add(starters, intake.count)?;
            starter_fte = at.add(starter_fte, f)?;
            recruit_fte_years = at.add(
                recruit_fte_years,
                at.div(at.mul(f, Decimal::from(months))?, twelve)?,
            )?;
        }
        let closing_headcount = at.sub(at.add(headcount, starters)?, leavers)?;
        let closing_fte = at.add(at.sub(fte, leaver_fte)?, starter_fte)?;
        let mut still = Vec::new();
        for (joined, f) in progressing {
            if Decimal::from(i.saturating_sub(joined)) >= steps {
                established = at.add(established, f)?;
            } else {
                still.push((joined, f));
            }
        }
        progressing = still;
        let (kept, present) = if fte.is_zero() {
            (Decimal::ONE, Decimal::ONE)
        } else {
            let gone = at.div(leaver_fte, fte)?;
            (
                at.sub(Decimal::ONE, gone)?,
                at.sub(Decimal::ONE, at.div(gone, Decimal::TWO)?)?,
            )
        };
        let mut pay = at.mul(at.mul(established, present)?, serving_rate)?;
        let gap = at.sub(serving_rate, recruit_rate)?;
        for (joined, f) in &mut progressing {
            let years_in = Decimal::from(i.saturating_sub(*joined));
            let rate = at.add(recruit_rate, at.div(at.mul(gap, years_in)?, steps)?)?;
            pay = at.add(pay, at.mul(at.mul(*f, present)?, rate)?)?;
            *f = at.mul(*f, kept)?;
        }
        established = at.mul(established, kept)?;
        pay = at.add(pay, at.mul(recruit_fte_years, recruit_rate)?)?;
        progressing.push((i, starter_fte));
        let no_rate = |field: &str| {
            ModelError::new(
                format!("{path}.{field}"),
                "no rate is in force: list one from the base year or earlier",
            )
            .in_year(year)
        };
        let ni = in_force(&plan.employer_ni_pct, year).ok_or_else(|| no_rate("employer_ni_pct"))?;
        let employer_ni = at.pct(pay, ni)?;
        let pension = in_force(&plan.employer_pension_pct, year)
            .ok_or_else(|| no_rate("employer_pension_pct"))?;
        let employer_pension = at.pct(pay, pension)?;
        let training = at.mul(starters, plan.training_per_recruit)?;
        let cost = round_money(at.sum([pay, employer_ni, employer_pension, training])?);
        out.push((cost, closing_headcount));
        headcount = closing_headcount;
        fte = closing_fte;
    }
    Ok(out)
}

fn uplift_target(u: &UpliftPlan, year: FinancialYear) -> ModelResult<Option<Decimal>> {
    if let Some(t) = in_force(&u.targets, year) {
        return Ok(Some(t));
    }
    let allocated: Vec<Decimal> = u
        .allocation
        .iter()
        .filter(|(y, _)| *y <= year)
        .map(|(_, v)| v)
        .collect();
    if allocated.is_empty() {
        return Ok(None);
    }
    let at = At::new("workforce.uplift.allocation", Some(year));
    Ok(Some(at.add(u.baseline_headcount, at.sum(allocated)?)?))
}

fn paid_pct(u: &UpliftPlan, year: FinancialYear, achieved: Decimal) -> ModelResult<Decimal> {
    let table = u
        .rules
        .iter()
        .rev()
        .find(|t| t.from <= year)
        .ok_or_else(|| {
            ModelError::new(
                "workforce.uplift.rules",
                "no rule table is in force: add one from this year or earlier",
            )
            .in_year(year)
        })?;
    let Some(band) = table
        .bands
        .iter()
        .find(|b| achieved >= b.from_pct && b.to_pct.is_none_or(|to| achieved < to))
    else {
        return Ok(Decimal::ZERO);
    };
    match (band.taper_to_pct, band.to_pct) {
        (Some(end), Some(to)) => {
            let at = At::new("workforce.uplift.rules", None);
            let share = at.div(at.sub(achieved, band.from_pct)?, at.sub(to, band.from_pct)?)?;
            at.add(band.paid_pct, at.mul(at.sub(end, band.paid_pct)?, share)?)
        }
        _ => Ok(band.paid_pct),
    }
}

fn workforce(
    plan: &WorkforcePlan,
    s: &Scenario,
    years: &[FinancialYear],
) -> ModelResult<Workforce> {
    let a = &s.assumptions;
    let officers = group(
        &plan.officers,
        "workforce.officers",
        &a.officer_pay_award_pct.value,
        years,
    )?;
    let staff = group(
        &plan.staff,
        "workforce.staff",
        &a.staff_pay_award_pct.value,
        years,
    )?;
    let pcsos = group(
        &plan.pcsos,
        "workforce.pcsos",
        &a.staff_pay_award_pct.value,
        years,
    )?;
    let uplift_due = match &plan.uplift {
        None => None,
        Some(u) => {
            let mut due = Vec::new();
            for (&year, &(_, actual)) in years.iter().zip(&officers) {
                let at = At::new("workforce.uplift", Some(year));
                let grant = u.grant.get_or_zero(year);
                match uplift_target(u, year)? {
                    Some(target) => {
                        let achieved = at.mul(at.div(actual, target)?, Decimal::ONE_HUNDRED)?;
                        let paid = paid_pct(u, year, achieved)?;
                        due.push(round_money(at.pct(round_money(grant), paid)?));
                    }
                    None if !grant.is_zero() => {
                        return Err(ModelError::new(
                            "workforce.uplift.targets",
                            "this year has an Uplift grant but no headcount target",
                        )
                        .in_year(year));
                    }
                    None => due.push(Decimal::ZERO),
                }
            }
            Some(due)
        }
    };
    let costs = |rows: &[(Decimal, Decimal)]| rows.iter().map(|r| r.0).collect::<Vec<_>>();
    Ok(Workforce {
        pay: [costs(&officers), costs(&staff), costs(&pcsos)],
        uplift_due,
    })
}

// ---------------------------------------------------------------------------------------
// Collaborations (docs/collaborations.md)

struct Collab {
    contribution: Vec<Decimal>,
    capital: Vec<Decimal>,
    realised: Vec<Decimal>,
}

fn months(year: FinancialYear, c: &Collaboration) -> u8 {
    let first = i32::from(year.start_year()) * 12 + 3;
    let after = first + 12;
    let index = |ym: planner::model::collab::YearMonth| {
        i32::from(ym.year()) * 12 + i32::from(ym.month()) - 1
    };
    let from = first.max(index(c.start));
    let to = c.end.map_or(after, |e| after.min(index(e)));
    u8::try_from((to - from).clamp(0, 12)).unwrap()
}

/// The full-year cost: the latest listed year at or before `year`, grown by `growth_pct`
/// for each year since; nothing before the first listed year.
fn full_year(c: &Collaboration, year: FinancialYear, path: &str) -> ModelResult<Decimal> {
    let Some((from, value)) = c
        .total_cost
        .by_year
        .iter()
        .filter(|(y, _)| *y <= year)
        .last()
    else {
        return Ok(Decimal::ZERO);
    };
    let at = At::new(path, Some(year));
    let mut v = value;
    for _ in 0..year.years_since(from) {
        v = at.grow(v, c.total_cost.growth_pct)?;
    }
    Ok(v)
}

fn allocate(
    amount: Decimal,
    weights: &[Decimal],
    path: &str,
    year: Option<FinancialYear>,
) -> ModelResult<Vec<Decimal>> {
    let at = At::new(path, year);
    let total = round_money(amount);
    let sum = at.sum(weights.iter().copied())?;
    let mut shares = Vec::new();
    let mut leftovers = Vec::new();
    for (i, w) in weights.iter().enumerate() {
        let exact = at.mul(total, at.div(*w, sum)?)?;
        let rounded = round_money(exact);
        shares.push(rounded);
        if !w.is_zero() {
            leftovers.push((i, at.sub(exact, rounded)?));
        }
    }
    let remainder = at.sub(total, at.sum(shares.iter().copied())?)?;
    let step = match remainder.cmp(&Decimal::ZERO) {
        Ordering::Equal => return Ok(shares),
        Ordering::Greater => Decimal::new(1, 2),
        Ordering::Less => Decimal::new(-1, 2),
    };
    leftovers.sort_by(|a, b| {
        let by = if step.is_sign_positive() {
            b.1.cmp(&a.1)
        } else {
            a.1.cmp(&b.1)
        };
        by.then(a.0.cmp(&b.0))
    });
    let count = at.div(remainder, step)?.to_usize().unwrap();
    for (i, _) in leftovers.iter().take(count) {
        shares[*i] = at.add(shares[*i], step)?;
    }
    Ok(shares)
}

fn force_index(names: impl Iterator<Item = String>, force: &str) -> usize {
    let key = force.trim().to_lowercase();
    names
        .into_iter()
        .position(|n| n.trim().to_lowercase() == key)
        .unwrap()
}

/// The force's financing of a capital collaboration by year.
fn financing(
    c: &CapitalCollaboration,
    force: &str,
    years: &[FinancialYear],
) -> ModelResult<Vec<Decimal>> {
    let path = format!("capital[{}]", c.id);
    let weights: Vec<Decimal> = c.sharing.partners.iter().map(|p| p.weight).collect();
    let shares = allocate(c.cost, &weights, &format!("{path}.sharing"), None)?;
    let i = force_index(c.sharing.partners.iter().map(|p| p.name.clone()), force);
    let principal = round_money(shares[i]);
    let first = c.in_use_from.financial_year().unwrap();
    let rate = c.interest_pct;
    let annual = round_money(
        At::new(&path, Some(first)).div(principal, Decimal::from(c.life_years.max(1)))?,
    );
    let mut balance = principal;
    let mut out = Vec::new();
    let mut year = first;
    let last = *years.last().unwrap();
    let mut by_year = Vec::new();
    while year <= last {
        let at = At::new(&path, Some(year));
        let opening = balance;
        let k = year.years_since(first);
        let (mrp, interest) = if k == 0 {
            let m = Decimal::from(c.in_use_from.months_left_in_financial_year());
            (
                Decimal::ZERO,
                round_money(at.div(at.pct(at.mul(opening, m)?, rate)?, Decimal::from(12))?),
            )
        } else {
            let mrp = if k >= i32::from(c.life_years) {
                opening
            } else {
                annual.min(opening)
            };
            (mrp, round_money(at.pct(opening, rate)?))
        };
        balance = at.sub(opening, mrp)?;
        by_year.push((year, at.add(mrp, interest)?));
        match year.plus(1) {
            Some(next) => year = next,
            None => break,
        }
    }
    for y in years {
        out.push(
            by_year
                .iter()
                .find(|(x, _)| x == y)
                .map_or(Decimal::ZERO, |(_, f)| *f),
        );
    }
    Ok(out)
}

fn collab(r: &CollaborationRegister, years: &[FinancialYear]) -> ModelResult<Collab> {
    let n = years.len();
    let mut out = Collab {
        contribution: vec![Decimal::ZERO; n],
        capital: vec![Decimal::ZERO; n],
        realised: vec![Decimal::ZERO; n],
    };
    for c in &r.collaborations {
        let path = format!("collaborations[{}]", c.id);
        let weights: Vec<Decimal> = c.sharing.partners.iter().map(|p| p.weight).collect();
        let fi = force_index(c.sharing.partners.iter().map(|p| p.name.clone()), &r.force);
        for (k, &year) in years.iter().enumerate() {
            let at = At::new("collaborations.totals", Some(year));
            let cost_path = format!("{path}.total_cost");
            let m = months(year, c);
            let total = if m == 0 {
                Decimal::ZERO
            } else {
                let full = full_year(c, year, &cost_path)?;
                let a = At::new(&cost_path, Some(year));
                round_money(a.div(a.mul(full, Decimal::from(m))?, Decimal::from(12))?)
            };
            let shares = allocate(total, &weights, &format!("{path}.sharing"), Some(year))?;
            let exit = round_money(c.exit_costs.by_year.get_or_zero(year));
            let contribution = At::new(&cost_path, Some(year)).add(shares[fi], exit)?;
            out.contribution[k] = at.add(out.contribution[k], contribution)?;
            out.realised[k] = at.add(
                out.realised[k],
                round_money(c.benefits.cashable_realised.get_or_zero(year)),
            )?;
        }
    }
    for c in &r.capital {
        let f = financing(c, &r.force, years)?;
        for (k, &year) in years.iter().enumerate() {
            let at = At::new("collaborations.totals", Some(year));
            out.capital[k] = at.add(out.capital[k], f[k])?;
            out.realised[k] = at.add(
                out.realised[k],
                round_money(c.benefits.cashable_realised.get_or_zero(year)),
            )?;
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// The engine (docs/model.md)

fn no_figure(path: &str, what: &str, year: FinancialYear) -> ModelError {
    ModelError::new(path, format!("{what} gives no figure for this year")).in_year(year)
}

/// Project `s` as docs/model.md says, or fail as the engine does.
pub fn project(s: &Scenario) -> ModelResult<Projection> {
    s.validate()?;
    let years = s.horizon.year_list();
    let a = &s.assumptions;
    let uses_workforce = s
        .expenditure
        .iter()
        .any(|l| matches!(l.driver, Driver::Workforce { .. }))
        || s.funding
            .iter()
            .any(|l| l.driver == FundingDriver::UpliftGrant);
    let uses_collab = s.expenditure.iter().any(|l| {
        matches!(
            l.driver,
            Driver::CollaborationContribution | Driver::CollaborationCapitalFinancing
        )
    }) || s
        .savings
        .iter()
        .any(|x| x.kind == SavingKind::Collaborations);
    let wf = match (&s.workforce, uses_workforce) {
        (Some(plan), true) => Some(workforce(plan, s, &years)?),
        _ => None,
    };
    let co = match (&s.collaborations, uses_collab) {
        (Some(r), true) => Some(collab(r, &years)?),
        _ => None,
    };
    let cp = s
        .capital_programme
        .as_ref()
        .map(|p| capital::feed(p, &years));

    // Lines, unrounded, every year.
    let mut exp = Vec::new();
    for line in &s.expenditure {
        let path = format!("expenditure[{}]", line.id);
        let driver_path = format!("{path}.driver");
        let mut amounts = vec![line.base_amount];
        let mut prev = line.base_amount;
        for (k, &year) in years.iter().enumerate().skip(1) {
            let at = At::new(&path, Some(year));
            let value = match &line.driver {
                Driver::PayAward { group, drift } => {
                    let awards = match group {
                        PayGroup::Officers => &a.officer_pay_award_pct.value,
                        PayGroup::Staff => &a.staff_pay_award_pct.value,
                    };
                    let mut pct = effective(&at, awards, year)?;
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
                Driver::Workforce { group } => {
                    let g = match group {
                        Group::Officers => 0,
                        Group::Staff => 1,
                        Group::Pcsos => 2,
                    };
                    wf.as_ref()
                        .map(|w| w.pay[g][k])
                        .ok_or_else(|| no_figure(&driver_path, "the workforce model", year))?
                }
                Driver::CollaborationContribution => co
                    .as_ref()
                    .map(|c| c.contribution[k])
                    .ok_or_else(|| no_figure(&driver_path, "the collaboration register", year))?,
                Driver::CollaborationCapitalFinancing => co
                    .as_ref()
                    .map(|c| c.capital[k])
                    .ok_or_else(|| no_figure(&driver_path, "the collaboration register", year))?,
                Driver::CapitalProgrammeFinancing => cp.as_ref().map(|c| c.0[k]).unwrap(),
                Driver::CapitalProgrammeRevenue => cp.as_ref().map(|c| c.1[k]).unwrap(),
            };
            prev = at.add(value, line.pressures.get_or_zero(year))?;
            amounts.push(prev);
        }
        exp.push(amounts);
    }
    let mut fund = Vec::new();
    for line in &s.funding {
        let path = format!("funding[{}]", line.id);
        let driver_path = format!("{path}.driver");
        let mut amounts = vec![line.base_amount];
        let mut prev = line.base_amount;
        for (k, &year) in years.iter().enumerate().skip(1) {
            let at = At::new(&path, Some(year));
            prev = match &line.driver {
                FundingDriver::FlatCash => prev,
                FundingDriver::Growth { growth_pct } => {
                    at.grow(prev, growth_pct.get_or_zero(year))?
                }
                FundingDriver::Explicit { amounts } => amounts.get(year).unwrap_or(prev),
                FundingDriver::UpliftGrant => wf
                    .as_ref()
                    .and_then(|w| w.uplift_due.as_ref())
                    .map(|d| d[k])
                    .ok_or_else(|| {
                        no_figure(&driver_path, "the workforce model's Uplift grant", year)
                    })?,
            };
            amounts.push(prev);
        }
        fund.push(amounts);
    }

    // The precept.
    let p = &s.precept;
    let mut warnings = Vec::new();
    let mut precepts = Vec::new();
    let mut band_d = penny(p.band_d.value.0);
    let mut tax_base = p.tax_base.value.0;
    for (k, &year) in years.iter().enumerate() {
        let at = At::new("precept", Some(year));
        let previous = band_d;
        if k > 0 {
            band_d = match (p.rise_gbp.value.get(year), p.rise_pct.value.get(year)) {
                (Some(gbp), _) => penny(at.add(band_d, gbp)?),
                (None, Some(pct)) => penny(at.grow(band_d, pct)?),
                (None, None) => band_d,
            };
            tax_base = at.grow(tax_base, p.tax_base_growth_pct.value.get_or_zero(year))?;
        }
        let rise_gbp = at.sub(band_d, previous)?;
        let rise_pct = round_to(
            at.mul(at.div(rise_gbp, previous)?, Decimal::ONE_HUNDRED)?,
            2,
        );
        let limit = p.referendum_limit_gbp.value.get(year).map(penny);
        let exceeds = k > 0 && limit.is_some_and(|l| rise_gbp > l);
        if exceeds {
            warnings.push(Warning {
                path: "precept.rise_gbp".into(),
                year: Some(year),
                message: format!(
                    "the Band D rise of £{rise_gbp} is above the referendum limit of £{}",
                    limit.unwrap()
                ),
            });
        }
        let mut shown_base = round_to(tax_base, 2);
        shown_base.rescale(2);
        precepts.push(PreceptResult {
            band_d,
            rise_gbp,
            rise_pct,
            band_d_per_week: penny(at.div(band_d, Decimal::from(52))?),
            tax_base: shown_base,
            income: penny(at.mul(tax_base, band_d)?),
            referendum_limit_gbp: limit,
            exceeds_referendum_limit: exceeds,
        });
    }

    // Year by year.
    let r = &s.reserves;
    let mut general = penny(r.general_opening.value.0);
    let mut earmarked = penny(r.earmarked_opening.value.0);
    let mut cumulative = penny(Decimal::ZERO);
    let mut results: Vec<YearResult> = Vec::new();
    for (k, (&year, precept)) in years.iter().zip(precepts).enumerate() {
        let at = At::new("totals", Some(year));
        let expenditure: Vec<ExpenditureAmount> = s
            .expenditure
            .iter()
            .zip(&exp)
            .map(|(l, a)| ExpenditureAmount {
                id: Arc::from(l.id.as_str()),
                name: Arc::from(l.name.as_str()),
                category: l.category,
                amount: penny(a[k]),
            })
            .collect();
        let funding: Vec<FundingAmount> = s
            .funding
            .iter()
            .zip(&fund)
            .map(|(l, a)| FundingAmount {
                id: Arc::from(l.id.as_str()),
                name: Arc::from(l.name.as_str()),
                category: l.category,
                amount: penny(a[k]),
            })
            .collect();
        let gross = penny(at.sum(expenditure.iter().map(|l| l.amount))?);
        // Savings (§5).
        let sat = At::new("savings", Some(year));
        let mut recurring = Decimal::ZERO;
        let mut one_off = Decimal::ZERO;
        for saving in &s.savings {
            match saving.kind {
                SavingKind::Recurring => {
                    let to_date = sat.sum(
                        saving
                            .amounts
                            .iter()
                            .filter(|(y, _)| *y <= year)
                            .map(|(_, v)| v),
                    )?;
                    recurring = sat.add(recurring, to_date)?;
                }
                SavingKind::OneOff => {
                    one_off = sat.add(one_off, saving.amounts.get_or_zero(year))?
                }
                SavingKind::Collaborations => {
                    let path = format!("savings[{}]", saving.id);
                    let c = co.as_ref().ok_or_else(|| {
                        ModelError::new(path, "is driven by the collaboration register but the scenario has no collaborations section")
                    })?;
                    recurring = sat.add(recurring, c.realised[k])?;
                }
            }
        }
        let recurring = penny(recurring);
        let one_off = penny(one_off);
        let savings = SavingsResult {
            recurring,
            one_off,
            total: sat.add(recurring, one_off)?,
        };
        let total_expenditure = at.sub(gross, savings.total)?;
        let total_funding = at.add(
            penny(at.sum(funding.iter().map(|l| l.amount))?),
            precept.income,
        )?;
        let gap = at.sub(total_expenditure, total_funding)?;
        cumulative = at.add(cumulative, gap)?;
        let recurring_gap = at.add(gap, savings.one_off)?;
        let at = At::new("reserves", Some(year));
        let use_general = penny(r.planned_use_general.value.get_or_zero(year));
        let use_earmarked = penny(r.planned_use_earmarked.value.get_or_zero(year));
        let reserves_applied = at.add(use_general, use_earmarked)?;
        let still_to_find = at.sub(gap, reserves_applied)?;
        general = at.sub(at.sub(general, use_general)?, still_to_find)?;
        earmarked = at.sub(earmarked, use_earmarked)?;
        // Earmarked reserves used for capital, from the year after the base.
        let for_capital = match (&cp, k) {
            (Some(c), 1..) => penny(c.2[k]),
            _ => penny(Decimal::ZERO),
        };
        earmarked = at.sub(earmarked, for_capital)?;
        let floor = penny(at.pct(total_expenditure, r.floor_pct.value.0)?);
        let floor_breached = general < floor;
        if floor_breached && !results.iter().any(|y| y.reserves.floor_breached) {
            warnings.push(Warning {
                path: "reserves.general".into(),
                year: Some(year),
                message: format!(
                    "the general reserve (£{general}) falls below its floor (£{floor}) this year"
                ),
            });
        }
        if earmarked < Decimal::ZERO
            && !results.iter().any(|y| y.reserves.earmarked < Decimal::ZERO)
        {
            warnings.push(Warning {
                path: "reserves.planned_use_earmarked".into(),
                year: Some(year),
                message: format!("earmarked reserves would be overdrawn (£{earmarked})"),
            });
        }
        results.push(YearResult {
            year,
            expenditure,
            gross_expenditure: gross,
            savings,
            total_expenditure,
            funding,
            precept,
            total_funding,
            gap,
            cumulative_gap: cumulative,
            recurring_gap,
            reserves_applied,
            savings_still_to_find: still_to_find,
            reserves: ReservesResult {
                planned_use_general: use_general,
                planned_use_earmarked: use_earmarked,
                capital_use_earmarked: for_capital,
                general,
                earmarked,
                total: at.add(general, earmarked)?,
                floor,
                floor_breached,
            },
        });
    }
    // Warnings in year order: the precept's first, as the engine lists them.
    Ok(Projection {
        scenario: s.name.clone(),
        years: results,
        warnings,
    })
}
