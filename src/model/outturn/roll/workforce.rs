//! The workforce section rolled forward: each group opens the new base year with the old
//! plan's closing figures (officers: the outturn at 31 March where entered), priced so its
//! pay follows the old plan's (docs/outturn.md §5.6).

use rust_decimal::Decimal;

use super::{annotate, shown, Basis, Ctx};
use crate::model::dec::YearValues;
use crate::model::error::{ModelError, ModelResult};
use crate::model::money::{round_money, round_to, At};
use crate::model::outturn::actuals::Item;
use crate::model::outturn::settlement;
use crate::model::scenario::Scenario;
use crate::model::workforce::Group;
use crate::model::workforce::{
    self, in_force, GroupPlan, GroupYear, PayContext, WorkforcePlan, WorkforceProjection,
};
use crate::model::year::FinancialYear;

/// Progression % is calibrated to this many places (as the baseline's: 0.001%).
const PROGRESSION_PLACES: u32 = 3;

fn project(
    plan: &WorkforcePlan,
    s: &Scenario,
    years: &[FinancialYear],
) -> ModelResult<WorkforceProjection> {
    let ctx = PayContext {
        years,
        officer_award_pct: &s.assumptions.officer_pay_award_pct.value,
        staff_award_pct: &s.assumptions.staff_pay_award_pct.value,
    };
    workforce::project(plan, ctx)
}

fn group_mut(plan: &mut WorkforcePlan, g: Group) -> &mut GroupPlan {
    match g {
        Group::Officers => &mut plan.officers,
        Group::Staff => &mut plan.staff,
        Group::Pcsos => &mut plan.pcsos,
    }
}

fn row(w: &WorkforceProjection, g: Group, y: FinancialYear) -> ModelResult<&GroupYear> {
    w.row(g, y).ok_or_else(|| {
        ModelError::new(
            g.path(),
            "the workforce model gives no figure for this year",
        )
        .in_year(y)
    })
}

fn set_source(plan: &mut WorkforcePlan, key: &str, text: String, estimate: bool) {
    let mut source = plan.sources.get(key).cloned().unwrap_or_default();
    annotate(&mut source, &text, estimate);
    plan.sources.insert(key.to_string(), source);
}

/// `w` (the workforce of `s`) rolled forward; `r` is the rolled scenario so far (its pay
/// awards price the new plan).
pub(super) fn roll(
    c: &mut Ctx<'_>,
    s: &Scenario,
    w: &WorkforcePlan,
    r: &Scenario,
) -> ModelResult<WorkforcePlan> {
    let (y0, b, last, z) = (c.y0, c.b, c.last, c.z);
    let old_years = s.horizon.year_list();
    let new_years = r.horizon.year_list();
    let old = project(w, s, &old_years)?;
    let mut new = w.clone();
    for g in Group::ALL {
        let key = g.key();
        let closing = row(&old, g, y0)?;
        let at_b = row(&old, g, b)?;
        let (headcount, fte) = (closing.closing_headcount, closing.closing_fte);
        let actual = (g == Group::Officers)
            .then(|| {
                c.actuals
                    .get(y0, &Item::Officers)
                    .map(|f| (f.value, f.source.clone()))
            })
            .flatten();
        let gp = group_mut(&mut new, g);
        let at = At::new(g.path(), Some(b));
        match actual {
            Some((count, source)) => {
                gp.opening_headcount = count;
                gp.opening_fte = if headcount.is_zero() {
                    at.mul(count, gp.fte_per_head)?
                } else {
                    at.div(at.mul(fte, count)?, headcount)?.normalize()
                };
                c.note(
                    format!("{}.opening_headcount", g.path()),
                    Some(y0),
                    Basis::Outturn,
                    format!(
                        "{} at 31 March (outturn); FTE {} in the plan's proportion",
                        shown(count),
                        shown(round_to(gp.opening_fte, 2))
                    ),
                );
                let text = format!(
                    "Rolled forward: {} at 31 March {} (outturn: {}).",
                    shown(count),
                    y0.start_year().saturating_add(1),
                    source.text
                );
                set_source(
                    &mut new,
                    &format!("{key}.opening_headcount"),
                    text,
                    source.estimate,
                );
            }
            None => {
                gp.opening_headcount = headcount;
                gp.opening_fte = fte.normalize();
                c.note(
                    format!("{}.opening_headcount", g.path()),
                    Some(y0),
                    Basis::Plan,
                    format!(
                        "{} at 31 March, FTE {} (the plan's closing figures: no outturn entered)",
                        shown(headcount),
                        shown(round_to(fte, 2))
                    ),
                );
                set_source(
                    &mut new,
                    &format!("{key}.opening_headcount"),
                    format!("Rolled forward: the plan's closing headcount of {y0} (review)."),
                    true,
                );
            }
        }
        // Everyone in post is priced at the average the old plan paid them in the new
        // base year (recruits still climbing the scale included).
        let gp = group_mut(&mut new, g);
        let serving = if at_b.serving_fte_years.is_zero() {
            at_b.serving_rate
        } else {
            at.div(
                at.sub(at_b.pay, at.mul(at_b.recruit_fte_years, at_b.recruit_rate)?)?,
                at_b.serving_fte_years,
            )?
        };
        gp.serving_pay = round_money(serving);
        gp.recruit_pay = round_money(at_b.recruit_rate);
        c.note(
            format!("{}.serving_pay", g.path()),
            Some(b),
            Basis::Calibrated,
            format!(
                "{} per FTE: what the plan paid those in post in {b}; recruits {}",
                super::pounds(gp.serving_pay),
                super::pounds(gp.recruit_pay)
            ),
        );
        let (sp, rp) = (gp.serving_pay, gp.recruit_pay);
        set_source(
            &mut new,
            &format!("{key}.serving_pay"),
            format!("Rolled forward: £{sp}, the plan's average pay per FTE in post in {b}."),
            true,
        );
        set_source(
            &mut new,
            &format!("{key}.recruit_pay"),
            format!("Rolled forward: £{rp}, the plan's recruit rate in {b}."),
            true,
        );
        let gp = group_mut(&mut new, g);
        gp.retirements.0.retain(|y, _| *y >= b);
        let mut carried = Vec::new();
        if let (Some(v), None) = (gp.retirements.get(last), gp.retirements.get(z)) {
            gp.retirements.set(z, v);
            carried.push((
                "retirements",
                format!("{} carried on from {last}", shown(v)),
            ));
        }
        gp.intakes.retain(|i| i.year >= b);
        if !gp.intakes.iter().any(|i| i.year == z) {
            let copies: Vec<_> = gp
                .intakes
                .iter()
                .filter(|i| i.year == last)
                .map(|i| workforce::Intake {
                    year: z,
                    ..i.clone()
                })
                .collect();
            let total = copies
                .iter()
                .fold(Decimal::ZERO, |n, i| n.saturating_add(i.count));
            if !copies.is_empty() {
                gp.intakes.extend(copies);
                carried.push((
                    "intakes",
                    format!("{} recruits carried on from {last}", shown(total)),
                ));
            }
        }
        for (field, detail) in carried {
            c.note(
                format!("{}.{field}", g.path()),
                Some(z),
                Basis::CarriedOn,
                detail,
            );
            set_source(
                &mut new,
                &format!("{key}.{field}"),
                format!("Rolled forward: {z} carried on from {last} (review)."),
                true,
            );
        }
    }
    uplift(c, &mut new);
    calibrate_progression(c, r, &old, &mut new, &new_years)?;
    Ok(new)
}

/// The Uplift grant table from the new base year; the new final year's grant carried on,
/// unless the grant had ended by then.
fn uplift(c: &mut Ctx<'_>, new: &mut WorkforcePlan) {
    let (b, last, z) = (c.b, c.last, c.z);
    let Some(u) = new.uplift.as_mut() else {
        return;
    };
    u.grant.0.retain(|y, _| *y >= b);
    if z > settlement::last_uplift_year() {
        c.note(
            "workforce.uplift.grant",
            Some(z),
            Basis::Settlement,
            format!(
                "none in {z}: the ring-fenced Uplift grant ended after {}",
                settlement::last_uplift_year()
            ),
        );
        set_source(
            new,
            "uplift.grant",
            format!(
                "Rolled forward: no grant in {z}, the Uplift grant having ended after {} ({}).",
                settlement::last_uplift_year(),
                settlement::STRUCTURE_SOURCE
            ),
            false,
        );
    } else if let (Some(v), None) = (u.grant.get(last), u.grant.get(z)) {
        u.grant.set(z, v);
        c.note(
            "workforce.uplift.grant",
            Some(z),
            Basis::CarriedOn,
            format!("{} carried on from {last}", super::pounds(v)),
        );
        set_source(
            new,
            "uplift.grant",
            format!("Rolled forward: {z} carried on from {last} (review)."),
            true,
        );
    }
}

/// Each later year's progression % worked out, group by group, so the new plan pays the
/// average FTE what the old plan paid it; the new final year keeps the last one.
fn calibrate_progression(
    c: &mut Ctx<'_>,
    r: &Scenario,
    old: &WorkforceProjection,
    new: &mut WorkforcePlan,
    years: &[FinancialYear],
) -> ModelResult<()> {
    let (b, last, z) = (c.b, c.last, c.z);
    for &y in years.iter().filter(|y| **y > b && **y <= last) {
        let at = At::new("workforce", Some(y));
        let mut trial = new.clone();
        for g in Group::ALL {
            group_mut(&mut trial, g)
                .progression_pct
                .set(y, Decimal::ZERO);
        }
        let pay0 = project(&trial, r, years)?;
        for g in Group::ALL {
            group_mut(&mut trial, g)
                .progression_pct
                .set(y, Decimal::ONE);
        }
        let pay1 = project(&trial, r, years)?;
        for g in Group::ALL {
            let (o, n0, n1) = (row(old, g, y)?, row(&pay0, g, y)?, row(&pay1, g, y)?);
            // The old plan's pay per average FTE, on the new plan's FTE.
            let target = if o.average_fte.is_zero() {
                o.pay
            } else {
                at.mul(at.div(o.pay, o.average_fte)?, n0.average_fte)?
            };
            let slope = at.sub(n1.pay, n0.pay)?;
            let gp = group_mut(new, g);
            let kept = in_force(&gp.progression_pct, y).unwrap_or(Decimal::ZERO);
            let pct = if slope.is_zero() {
                kept
            } else {
                round_to(at.div(at.sub(target, n0.pay)?, slope)?, PROGRESSION_PLACES)
            };
            let pct = if pct.abs() <= Decimal::from(50) {
                pct
            } else {
                kept
            };
            gp.progression_pct.set(y, pct.normalize());
            c.note(
                format!("{}.progression_pct", g.path()),
                Some(y),
                Basis::Calibrated,
                format!(
                    "{}% (was {}%), so pay per FTE follows the plan's",
                    shown(pct),
                    shown(kept)
                ),
            );
        }
    }
    for g in Group::ALL {
        let gp = group_mut(new, g);
        drop_before(&mut gp.progression_pct, b);
        if let Some(v) = in_force(&gp.progression_pct, last) {
            c.note(
                format!("{}.progression_pct", g.path()),
                Some(z),
                Basis::CarriedOn,
                format!("{}% carried on from {last}", shown(v)),
            );
        }
        let text = format!("Rolled forward: recalibrated for {} to {last} so pay per FTE follows the plan's; {z} carries {last}'s on (review).", b.plus(1).unwrap_or(b));
        set_source(new, &format!("{}.progression_pct", g.key()), text, true);
    }
    Ok(())
}

/// Drop entries before `from` that no year from `from` on reads (the one in force at `from`
/// is kept).
fn drop_before(table: &mut YearValues, from: FinancialYear) {
    let keep_from = table.0.up_to(&from).next_back().map_or(from, |(y, _)| *y);
    table.0.retain(|y, _| *y >= keep_from);
}
