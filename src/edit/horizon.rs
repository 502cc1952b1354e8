//! Changing the plan's length. A longer plan carries every rate (pay awards, inflation,
//! growth, precept rise, tax base growth, referendum limit) and each group's recruitment
//! pattern forward from its last year, so new years start from a sensible planning
//! assumption the user can see and change, rather than silently at zero. A shorter plan
//! drops the figures for years it no longer covers (the scenario format only allows years
//! inside the plan); undo brings them back.

use crate::model::dec::YearValues;
use crate::model::json::{Item, Value};
use crate::model::scenario::{Driver, FundingDriver, Raw, Scenario};
use crate::model::workforce::{GroupPlan, Intake};
use crate::model::FinancialYear;

/// Fill `new_years` in `t` with its last value, if it has one.
fn carry(t: &mut YearValues, new_years: &[FinancialYear]) {
    let Some((_, last)) = t.0.iter().next_back().map(|(y, v)| (*y, *v)) else {
        return;
    };
    for y in new_years {
        if t.get(*y).is_none() {
            t.set(*y, last);
        }
    }
}

/// Drop years after `last` from `t`.
fn prune(t: &mut YearValues, last: FinancialYear) {
    t.0.retain(|y, _| *y <= last);
}

fn carry_intakes(g: &mut GroupPlan, new_years: &[FinancialYear]) {
    let Some(last_year) = g.intakes.iter().map(|i| i.year).max() else {
        return;
    };
    let pattern: Vec<Intake> = g
        .intakes
        .iter()
        .filter(|i| i.year == last_year)
        .cloned()
        .collect();
    for y in new_years {
        if g.intakes.iter().any(|i| i.year == *y) {
            continue;
        }
        g.intakes.extend(pattern.iter().map(|i| Intake {
            year: *y,
            ..i.clone()
        }));
    }
}

/// Every year-keyed table of the core scenario that validation limits to the plan's
/// years, and whether it is a rate that a longer plan carries forward.
fn tables(s: &mut Scenario) -> Vec<(&mut YearValues, bool)> {
    let mut out: Vec<(&mut YearValues, bool)> = Vec::new();
    let a = &mut s.assumptions;
    out.push((&mut a.officer_pay_award_pct.value, true));
    out.push((&mut a.staff_pay_award_pct.value, true));
    out.push((&mut a.pay_drift_pct.value, true));
    out.push((&mut a.non_pay_inflation_pct.value, true));
    let p = &mut s.precept;
    out.push((&mut p.rise_gbp.value, true));
    out.push((&mut p.rise_pct.value, true));
    out.push((&mut p.tax_base_growth_pct.value, true));
    out.push((&mut p.referendum_limit_gbp.value, true));
    for line in &mut s.expenditure {
        match &mut line.driver {
            Driver::Growth { growth_pct } => out.push((growth_pct, true)),
            Driver::Explicit { amounts } => out.push((amounts, false)),
            _ => {}
        }
        out.push((&mut line.pressures, false));
    }
    for line in &mut s.funding {
        match &mut line.driver {
            FundingDriver::Growth { growth_pct } => out.push((growth_pct, true)),
            FundingDriver::Explicit { amounts } => out.push((amounts, false)),
            _ => {}
        }
    }
    for saving in &mut s.savings {
        out.push((&mut saving.amounts, false));
    }
    out.push((&mut s.reserves.planned_use_general.value, false));
    out.push((&mut s.reserves.planned_use_earmarked.value, false));
    out
}

/// The named earmarked reserves' planned use (kept as read) cut to the plan's last year,
/// as the earmarked total is; a use that cannot be read is left for the reserves screen to
/// report.
fn prune_named_reserves(s: &mut Scenario, last: FinancialYear) {
    let Some(raw) = &s.reserves_strategy else {
        return;
    };
    let mut node = raw.to_node();
    let Value::Object(members) = &mut node.value else {
        return;
    };
    for m in members.iter_mut().filter(|m| m.key == "earmarked") {
        let Value::Array(items) = &mut m.value.value else {
            continue;
        };
        for item in items {
            let Value::Object(fields) = &mut item.value else {
                continue;
            };
            for f in fields.iter_mut().filter(|f| f.key == "planned_use") {
                if let Ok(mut uses) = YearValues::from_node(Item::root(&f.value)) {
                    prune(&mut uses, last);
                    f.value = uses.to_node();
                }
            }
        }
    }
    s.reserves_strategy = Some(Raw::of(&node));
}

/// `s` with a plan of `years` years (already range-checked by the caller).
pub fn set_years(s: &mut Scenario, years: u8) {
    let old_years = s.horizon.year_list();
    s.horizon.years = years;
    let new_list = s.horizon.year_list();
    let Some(last) = new_list.last().copied() else {
        return;
    };
    let added: Vec<FinancialYear> = new_list
        .iter()
        .filter(|y| !old_years.contains(y))
        .copied()
        .collect();
    let rises_in_pct = !s.precept.rise_pct.value.0.is_empty();
    for (table, is_rate) in tables(s) {
        prune(table, last);
        if is_rate && !added.is_empty() {
            carry(table, &added);
        }
    }
    prune_named_reserves(s, last);
    // A year has a £ rise or a % rise, never both: keep the one the scenario uses.
    if rises_in_pct {
        for y in &added {
            if s.precept.rise_gbp.value.get(*y).is_none() {
                continue;
            }
            if s.precept.rise_pct.value.get(*y).is_some() {
                s.precept.rise_gbp.value.0.remove(y);
            }
        }
    } else {
        for y in &added {
            s.precept.rise_pct.value.0.remove(y);
        }
    }
    if let Some(w) = s.workforce.as_mut() {
        for g in [&mut w.officers, &mut w.staff, &mut w.pcsos] {
            carry_intakes(g, &added);
        }
    }
}
