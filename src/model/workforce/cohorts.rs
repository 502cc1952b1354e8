//! People flows and pay cost of one group, year by year.
//!
//! Order of calculation for each year `y` of one group (all at full Decimal precision):
//!
//! 1. Opening headcount `H0` and FTE `F0` = last year's closing (the base year: the plan's
//!    opening figures at 31 March before it).
//! 2. Leavers `L` = round(attrition % × `H0` ÷ 100, whole people, halves up) + planned
//!    retirements of `y`. `L` may not exceed `H0` (leavers come from those in post at the
//!    start of the year). Leavers leave evenly through the year, so on average each is paid
//!    for half of it, and takes the group's FTE per head at the start of the year,
//!    `F0 ÷ H0`: leaver FTE `LF = L × F0 ÷ H0`.
//! 3. Starters `S` = the sum of `y`'s intakes; intake `i` of `c` people starting on the 1st
//!    of calendar month `m` is in post `n = months_in_post(m)` months of `y` (April 12 …
//!    March 1) at `fte_per_head` each.
//! 4. Closing headcount `H1 = H0 + S − L` (exact: whole people), closing FTE
//!    `F1 = F0 − LF + Σ c × fte_per_head`.
//! 5. Average FTE in the year = serving FTE-years + recruit FTE-years, where serving
//!    FTE-years `= F0 − LF ÷ 2` and recruit FTE-years `= Σ c × fte_per_head × n ÷ 12`.
//! 6. Pay rates: in the base year the plan's `serving_pay` and `recruit_pay`; each later
//!    year both are multiplied by `1 + (7 × award(y) + 5 × award(y−1)) ÷ 12 ÷ 100` (awards
//!    take effect on 1 September: 7/12 of a year's award falls in that financial year and
//!    5/12 in the next), and the serving rate also by `1 + progression % in force ÷ 100`.
//! 7. Pay = Σ over pools of pool FTE × (1 − LF ÷ F0 ÷ 2) × its rate + recruit FTE-years ×
//!    recruit rate. The pools: the established workforce at the serving rate, and each
//!    earlier intake still progressing, `k` years after it joined, at
//!    `recruit rate + (serving rate − recruit rate) × k ÷ progression_years`; an intake
//!    joins the established pool once `k` reaches `progression_years` (0 or 1: from its
//!    second year). Leavers come from every pool in proportion to its FTE;
//!    employer NI = pay × NI % in force ÷ 100; employer pension = pay × pension % in force
//!    ÷ 100; training = `S` × training per recruit. Pay cost = the sum of the four,
//!    rounded once to the penny (`round_money`), the figure the engine's pay line takes.
//!
//! Progression is thus in two parts: recruits climb in equal steps from the starting rate to
//! the serving average over `progression_years`; the `progression_pct` drift on the serving
//! average stands for everyone else moving up their scales.

use rust_decimal::Decimal;
use serde::Serialize;

use super::plan::{in_force, months_in_post, GroupPlan};
use super::Group;
use crate::model::dec::YearValues;
use crate::model::error::{ModelError, ModelResult};
use crate::model::money::{round_money, round_to, At};
use crate::model::year::FinancialYear;

/// One group in one year: people flows and pay cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupYear {
    /// The financial year.
    pub year: FinancialYear,
    /// The group.
    pub group: Group,
    /// Headcount at 1 April (= the previous 31 March).
    pub opening_headcount: Decimal,
    /// People who joined in the year.
    pub starters: Decimal,
    /// People who left in the year (attrition plus retirements).
    pub leavers: Decimal,
    /// Headcount at 31 March: opening + starters − leavers.
    pub closing_headcount: Decimal,
    /// FTE at 1 April.
    pub opening_fte: Decimal,
    /// FTE at 31 March (unrounded).
    pub closing_fte: Decimal,
    /// Average FTE paid over the year (unrounded): serving plus recruit FTE-years.
    pub average_fte: Decimal,
    /// FTE-years of people in post at 1 April, paid at the serving rate (unrounded).
    pub serving_fte_years: Decimal,
    /// FTE-years of the year's recruits, paid at the recruit rate (unrounded).
    pub recruit_fte_years: Decimal,
    /// Serving pay rate per FTE this year (£, unrounded).
    pub serving_rate: Decimal,
    /// Recruit starting pay rate per FTE this year (£, unrounded).
    pub recruit_rate: Decimal,
    /// Pay before on-costs (£, unrounded).
    pub pay: Decimal,
    /// Employer national insurance (£, unrounded).
    pub employer_ni: Decimal,
    /// Employer pension contributions (£, unrounded).
    pub employer_pension: Decimal,
    /// Training cost of the year's recruits (£).
    pub training: Decimal,
    /// Pay + NI + pension + training, rounded to the penny (£).
    pub pay_cost: Decimal,
}

/// Everything the flow of one group needs besides its plan.
pub(crate) struct GroupInput<'a> {
    pub group: Group,
    pub plan: &'a GroupPlan,
    pub path: &'a str,
    pub awards: &'a YearValues,
}

fn rate_in_force(
    table: &YearValues,
    path: &str,
    field: &str,
    year: FinancialYear,
) -> ModelResult<Decimal> {
    in_force(table, year).ok_or_else(|| {
        ModelError::new(
            format!("{path}.{field}"),
            "no rate is in force: list one from the base year or earlier",
        )
        .in_year(year)
    })
}

/// Project one group over consecutive `years` (base year first).
pub(crate) fn project_group(
    input: &GroupInput<'_>,
    years: &[FinancialYear],
) -> ModelResult<Vec<GroupYear>> {
    let GroupInput {
        group,
        plan,
        path,
        awards,
    } = *input;
    let twelve = Decimal::from(12);
    let mut rows: Vec<GroupYear> = Vec::with_capacity(years.len());
    let mut headcount = plan.opening_headcount;
    let mut fte = plan.opening_fte;
    let mut serving_rate = plan.serving_pay;
    let mut recruit_rate = plan.recruit_pay;
    // FTE of the established workforce, and of each recruit cohort still progressing
    // (by the index of its joining year): used only to price the year's pay.
    let mut established = plan.opening_fte;
    let mut progressing: Vec<(usize, Decimal)> = Vec::new();
    let steps = Decimal::from(plan.progression_years.max(1));
    for (i, &year) in years.iter().enumerate() {
        let at = At::new(path, Some(year));
        if i > 0 {
            let this = awards.get_or_zero(year);
            let last = year
                .previous()
                .map_or(Decimal::ZERO, |p| awards.get_or_zero(p));
            let blend = at.div(
                at.add(
                    at.mul(this, Decimal::from(7))?,
                    at.mul(last, Decimal::from(5))?,
                )?,
                twelve,
            )?;
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
        for (k, intake) in plan
            .intakes
            .iter()
            .enumerate()
            .filter(|(_, i)| i.year == year)
        {
            let months = months_in_post(intake.start_month).ok_or_else(|| {
                ModelError::new(
                    format!("{path}.intakes[{k}].start_month"),
                    "not a month: use 1 (January) to 12 (December)",
                )
                .in_year(year)
            })?;
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
        let serving_fte_years = at.sub(fte, at.div(leaver_fte, Decimal::TWO)?)?;
        let average_fte = at.add(serving_fte_years, recruit_fte_years)?;

        // Cohorts that have progressed `progression_years` join the established pool.
        let mut still = Vec::with_capacity(progressing.len());
        for (joined, f) in progressing {
            if Decimal::from(i.saturating_sub(joined)) >= steps {
                established = at.add(established, f)?;
            } else {
                still.push((joined, f));
            }
        }
        progressing = still;
        // Leavers come from every pool in proportion to its FTE.
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
        let employer_ni = at.pct(
            pay,
            rate_in_force(&plan.employer_ni_pct, path, "employer_ni_pct", year)?,
        )?;
        let employer_pension = at.pct(
            pay,
            rate_in_force(
                &plan.employer_pension_pct,
                path,
                "employer_pension_pct",
                year,
            )?,
        )?;
        let training = at.mul(starters, plan.training_per_recruit)?;
        let pay_cost = round_money(at.sum([pay, employer_ni, employer_pension, training])?);

        rows.push(GroupYear {
            year,
            group,
            opening_headcount: headcount,
            starters,
            leavers,
            closing_headcount,
            opening_fte: fte,
            closing_fte,
            average_fte,
            serving_fte_years,
            recruit_fte_years,
            serving_rate,
            recruit_rate,
            pay,
            employer_ni,
            employer_pension,
            training,
            pay_cost,
        });
        headcount = closing_headcount;
        fte = closing_fte;
    }
    Ok(rows)
}
