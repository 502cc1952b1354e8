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
//!
//! Steps 1 to 5, and the pools' FTE of step 7, do not depend on pay awards: they are worked
//! out once ([`GroupFlows`]) and priced (steps 6 and 7, [`GroupFlows::price`]) for each set of
//! awards, so a projection that changes only pay prices the same flows again. The products
//! are formed in the order above (a pool's FTE × its share still present, then × the rate),
//! so splitting the work changes no figure.

use std::ops::Range;

use rust_decimal::Decimal;
#[cfg(not(target_arch = "wasm32"))]
use serde::Serialize;

use super::plan::{in_force, months_in_post, GroupPlan};
use super::Group;
use crate::model::error::{ModelError, ModelResult};
use crate::model::money::{round_money, round_to, At};
use crate::model::year::FinancialYear;

/// One group in one year: people flows and pay cost.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
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

/// One year of a group's people flows: everything but the pay rates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FlowYear {
    pub year: FinancialYear,
    pub opening_headcount: Decimal,
    pub starters: Decimal,
    pub leavers: Decimal,
    pub closing_headcount: Decimal,
    pub opening_fte: Decimal,
    pub closing_fte: Decimal,
    pub average_fte: Decimal,
    pub serving_fte_years: Decimal,
    pub recruit_fte_years: Decimal,
    /// The established pool's FTE × its share present over the year (1 − leaver share ÷ 2),
    /// paid at the serving rate.
    established_present: Decimal,
    /// This year's entries of [`GroupFlows::cohorts`].
    cohorts: Range<usize>,
    /// Progression (drift) % in force on the serving rate (0 when none is listed).
    drift: Decimal,
    /// Employer NI and pension % in force.
    ni_pct: Decimal,
    pension_pct: Decimal,
    /// Starters × training per recruit (£).
    pub training: Decimal,
}

/// A group's people year by year, ready to be priced for any pay awards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct GroupFlows {
    pub group: Group,
    pub path: &'static str,
    pub years: Vec<FlowYear>,
    /// For each year, the cohorts still progressing: (FTE × share present, whole years
    /// since joining).
    cohorts: Vec<(Decimal, Decimal)>,
    /// `progression_years`, at least 1.
    steps: Decimal,
    serving_pay: Decimal,
    recruit_pay: Decimal,
}

/// A group's rates and pay in one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Priced {
    pub serving_rate: Decimal,
    pub recruit_rate: Decimal,
    pub pay: Decimal,
    pub employer_ni: Decimal,
    pub employer_pension: Decimal,
    pub pay_cost: Decimal,
}

fn rate_in_force(
    plan: &GroupPlan,
    path: &str,
    ni: bool,
    year: FinancialYear,
) -> ModelResult<Decimal> {
    let (table, field) = if ni {
        (&plan.employer_ni_pct, "employer_ni_pct")
    } else {
        (&plan.employer_pension_pct, "employer_pension_pct")
    };
    in_force(table, year).ok_or_else(|| {
        ModelError::new(
            format!("{path}.{field}"),
            "no rate is in force: list one from the base year or earlier",
        )
        .in_year(year)
    })
}

impl GroupFlows {
    /// Steps 1 to 5 of one group over consecutive `years` (base year first).
    pub(crate) fn new(
        group: Group,
        plan: &GroupPlan,
        path: &'static str,
        years: &[FinancialYear],
    ) -> ModelResult<GroupFlows> {
        let twelve = Decimal::from(12);
        let mut out = GroupFlows {
            group,
            path,
            years: Vec::with_capacity(years.len()),
            cohorts: Vec::new(),
            steps: Decimal::from(plan.progression_years.max(1)),
            serving_pay: plan.serving_pay,
            recruit_pay: plan.recruit_pay,
        };
        let mut headcount = plan.opening_headcount;
        let mut fte = plan.opening_fte;
        // FTE of the established workforce, and of each recruit cohort still progressing
        // (by the index of its joining year).
        let mut established = plan.opening_fte;
        let mut progressing: Vec<(usize, Decimal)> = Vec::new();
        for (i, &year) in years.iter().enumerate() {
            let at = At::new(path, Some(year));
            let drift = in_force(&plan.progression_pct, year).unwrap_or(Decimal::ZERO);
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
            let mut kept_on = 0;
            for n in 0..progressing.len() {
                if let Some(&(joined, f)) = progressing.get(n) {
                    if Decimal::from(i.saturating_sub(joined)) >= out.steps {
                        established = at.add(established, f)?;
                    } else if let Some(slot) = progressing.get_mut(kept_on) {
                        *slot = (joined, f);
                        kept_on += 1;
                    }
                }
            }
            progressing.truncate(kept_on);
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
            let established_present = at.mul(established, present)?;
            let first = out.cohorts.len();
            for (joined, f) in &mut progressing {
                let years_in = Decimal::from(i.saturating_sub(*joined));
                out.cohorts.push((at.mul(*f, present)?, years_in));
                *f = at.mul(*f, kept)?;
            }
            established = at.mul(established, kept)?;
            progressing.push((i, starter_fte));
            let ni_pct = rate_in_force(plan, path, true, year)?;
            let pension_pct = rate_in_force(plan, path, false, year)?;
            out.years.push(FlowYear {
                year,
                opening_headcount: headcount,
                starters,
                leavers,
                closing_headcount,
                opening_fte: fte,
                closing_fte,
                average_fte,
                serving_fte_years,
                recruit_fte_years,
                established_present,
                cohorts: first..out.cohorts.len(),
                drift,
                ni_pct,
                pension_pct,
                training: at.mul(starters, plan.training_per_recruit)?,
            });
            headcount = closing_headcount;
            fte = closing_fte;
        }
        Ok(out)
    }

    /// Steps 6 and 7: price the flows with `effective` (the pay award % falling in each
    /// year, [`crate::model::engine::effective_pay_award`], by year index; the base year's
    /// is not used), handing each year's figures to `each`.
    pub(crate) fn price(
        &self,
        effective: &[Decimal],
        each: &mut dyn FnMut(usize, &Priced),
    ) -> ModelResult<()> {
        let mut serving_rate = self.serving_pay;
        let mut recruit_rate = self.recruit_pay;
        for (i, y) in self.years.iter().enumerate() {
            let at = At::new(self.path, Some(y.year));
            if i > 0 {
                let blend = effective.get(i).copied().unwrap_or(Decimal::ZERO);
                serving_rate = at.grow(at.grow(serving_rate, blend)?, y.drift)?;
                recruit_rate = at.grow(recruit_rate, blend)?;
            }
            let mut pay = at.mul(y.established_present, serving_rate)?;
            let gap = at.sub(serving_rate, recruit_rate)?;
            for (f_present, years_in) in self.cohorts.get(y.cohorts.clone()).unwrap_or_default() {
                let rate = at.add(recruit_rate, at.div(at.mul(gap, *years_in)?, self.steps)?)?;
                pay = at.add(pay, at.mul(*f_present, rate)?)?;
            }
            pay = at.add(pay, at.mul(y.recruit_fte_years, recruit_rate)?)?;
            let employer_ni = at.pct(pay, y.ni_pct)?;
            let employer_pension = at.pct(pay, y.pension_pct)?;
            let pay_cost = round_money(at.sum([pay, employer_ni, employer_pension, y.training])?);
            each(
                i,
                &Priced {
                    serving_rate,
                    recruit_rate,
                    pay,
                    employer_ni,
                    employer_pension,
                    pay_cost,
                },
            );
        }
        Ok(())
    }

    /// The group's rows, priced with `effective`.
    pub(crate) fn rows(&self, effective: &[Decimal]) -> ModelResult<Vec<GroupYear>> {
        let mut rows = Vec::with_capacity(self.years.len());
        self.price(effective, &mut |i, p| {
            if let Some(y) = self.years.get(i) {
                rows.push(GroupYear {
                    year: y.year,
                    group: self.group,
                    opening_headcount: y.opening_headcount,
                    starters: y.starters,
                    leavers: y.leavers,
                    closing_headcount: y.closing_headcount,
                    opening_fte: y.opening_fte,
                    closing_fte: y.closing_fte,
                    average_fte: y.average_fte,
                    serving_fte_years: y.serving_fte_years,
                    recruit_fte_years: y.recruit_fte_years,
                    serving_rate: p.serving_rate,
                    recruit_rate: p.recruit_rate,
                    pay: p.pay,
                    employer_ni: p.employer_ni,
                    employer_pension: p.employer_pension,
                    training: y.training,
                    pay_cost: p.pay_cost,
                });
            }
        })?;
        Ok(rows)
    }
}
