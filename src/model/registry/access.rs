//! Finding an assumption's figures in a scenario: its targets, their names, and the
//! tables and fields the registry's entries read and set.

use rust_decimal::Decimal;

use super::{Kind, Target, Targets};
use crate::model::collab::{CapitalCollaboration, Collaboration, Status};
use crate::model::dec::YearValues;
use crate::model::money::{checked_add, checked_div, checked_mul, checked_sub, round_to};
use crate::model::scenario::{ExpenditureLine, FundingLine, Saving, Scenario};
use crate::model::source::Source;
use crate::model::workforce::{Group, GroupPlan, Intake, UpliftPlan};
use crate::model::year::FinancialYear;

/// The message when a target is not in the scenario.
pub(super) const MISSING: &str = "This figure no longer exists in the scenario";

/// The targets of `kind` in `s`, in the scenario's order.
pub(super) fn targets(s: &Scenario, kind: Kind) -> Vec<Target> {
    let def = kind.def();
    let all: Vec<Target> = match def.targets {
        Targets::Plan => vec![Target::Plan],
        Targets::Funding => s
            .funding
            .iter()
            .map(|l| Target::Funding(l.id.clone()))
            .collect(),
        Targets::Expenditure => s
            .expenditure
            .iter()
            .map(|l| Target::Expenditure(l.id.clone()))
            .collect(),
        Targets::Saving => s
            .savings
            .iter()
            .map(|x| Target::Saving(x.id.clone()))
            .collect(),
        Targets::Group => Group::ALL.iter().map(|g| Target::Group(*g)).collect(),
        Targets::Collaboration => s
            .collaborations
            .iter()
            .flat_map(|r| &r.collaborations)
            .map(|c| Target::Collaboration(c.id.clone()))
            .collect(),
        Targets::Capital => s
            .collaborations
            .iter()
            .flat_map(|r| &r.capital)
            .map(|c| Target::Capital(c.id.clone()))
            .collect(),
        Targets::Partner => s
            .collaborations
            .iter()
            .flat_map(|r| &r.capital)
            .flat_map(|c| (0..c.sharing.partners.len()).map(|i| Target::Partner(c.id.clone(), i)))
            .collect(),
    };
    all.into_iter().filter(|t| (def.applies)(s, t)).collect()
}

/// The name of what `target` is about (none for the plan).
pub(super) fn target_name(s: &Scenario, target: &Target) -> Option<String> {
    let name = match target {
        Target::Plan => return None,
        Target::Funding(id) => funding(s, target)
            .map(|l| l.name.clone())
            .unwrap_or_else(|| id.clone()),
        Target::Expenditure(id) => expenditure(s, target)
            .map(|l| l.name.clone())
            .unwrap_or_else(|| id.clone()),
        Target::Saving(id) => saving(s, target)
            .map(|x| x.name.clone())
            .unwrap_or_else(|| id.clone()),
        Target::Group(g) => g.name().to_string(),
        Target::Collaboration(id) => revenue(s, target)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| id.clone()),
        Target::Capital(id) => capital(s, target)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| id.clone()),
        Target::Partner(_, i) => capital(s, target)
            .and_then(|c| c.sharing.partners.get(*i))
            .map_or_else(|| "Partner".to_string(), |p| p.name.clone()),
    };
    Some(name)
}

pub(super) fn funding<'a>(s: &'a Scenario, t: &Target) -> Option<&'a FundingLine> {
    match t {
        Target::Funding(id) => s.funding.iter().find(|l| &l.id == id),
        _ => None,
    }
}

pub(super) fn funding_mut<'a>(
    s: &'a mut Scenario,
    t: &Target,
) -> Result<&'a mut FundingLine, String> {
    match t {
        Target::Funding(id) => s
            .funding
            .iter_mut()
            .find(|l| &l.id == id)
            .ok_or_else(|| MISSING.to_string()),
        _ => Err(MISSING.into()),
    }
}

pub(super) fn expenditure<'a>(s: &'a Scenario, t: &Target) -> Option<&'a ExpenditureLine> {
    match t {
        Target::Expenditure(id) => s.expenditure.iter().find(|l| &l.id == id),
        _ => None,
    }
}

pub(super) fn expenditure_mut<'a>(
    s: &'a mut Scenario,
    t: &Target,
) -> Result<&'a mut ExpenditureLine, String> {
    match t {
        Target::Expenditure(id) => s
            .expenditure
            .iter_mut()
            .find(|l| &l.id == id)
            .ok_or_else(|| MISSING.to_string()),
        _ => Err(MISSING.into()),
    }
}

pub(super) fn saving<'a>(s: &'a Scenario, t: &Target) -> Option<&'a Saving> {
    match t {
        Target::Saving(id) => s.savings.iter().find(|x| &x.id == id),
        _ => None,
    }
}

pub(super) fn saving_mut<'a>(s: &'a mut Scenario, t: &Target) -> Result<&'a mut Saving, String> {
    match t {
        Target::Saving(id) => s
            .savings
            .iter_mut()
            .find(|x| &x.id == id)
            .ok_or_else(|| MISSING.to_string()),
        _ => Err(MISSING.into()),
    }
}

pub(super) fn group<'a>(s: &'a Scenario, t: &Target) -> Option<&'a GroupPlan> {
    match (t, &s.workforce) {
        (Target::Group(g), Some(w)) => Some(crate::model::workforce::group_plan(w, *g)),
        _ => None,
    }
}

pub(super) fn group_mut<'a>(s: &'a mut Scenario, t: &Target) -> Result<&'a mut GroupPlan, String> {
    let w = s
        .workforce
        .as_mut()
        .ok_or("This scenario has no workforce plan")?;
    match t {
        Target::Group(Group::Officers) => Ok(&mut w.officers),
        Target::Group(Group::Staff) => Ok(&mut w.staff),
        Target::Group(Group::Pcsos) => Ok(&mut w.pcsos),
        _ => Err(MISSING.into()),
    }
}

pub(super) fn uplift(s: &Scenario) -> Option<&UpliftPlan> {
    s.workforce.as_ref().and_then(|w| w.uplift.as_ref())
}

pub(super) fn uplift_mut(s: &mut Scenario) -> Result<&mut UpliftPlan, String> {
    s.workforce
        .as_mut()
        .ok_or("This scenario has no workforce plan")?
        .uplift
        .as_mut()
        .ok_or_else(|| "This scenario's workforce plan has no Uplift section".to_string())
}

/// A workforce default's source, by its key in the plan's `sources`.
pub(super) fn workforce_source<'a>(s: &'a Scenario, key: &str) -> Option<&'a Source> {
    s.workforce.as_ref().and_then(|w| w.sources.get(key))
}

pub(super) fn revenue<'a>(s: &'a Scenario, t: &Target) -> Option<&'a Collaboration> {
    match t {
        Target::Collaboration(id) => s
            .collaborations
            .as_ref()
            .and_then(|r| r.collaborations.iter().find(|c| &c.id == id)),
        _ => None,
    }
}

pub(super) fn revenue_mut<'a>(
    s: &'a mut Scenario,
    t: &Target,
) -> Result<&'a mut Collaboration, String> {
    let r = s
        .collaborations
        .as_mut()
        .ok_or("This scenario has no collaboration register")?;
    match t {
        Target::Collaboration(id) => r
            .collaborations
            .iter_mut()
            .find(|c| &c.id == id)
            .ok_or_else(|| MISSING.to_string()),
        _ => Err(MISSING.into()),
    }
}

/// Whether a revenue collaboration's costs are a planning assumption: planned or running
/// (an exited or closed one's costs are history).
pub(super) fn is_running(s: &Scenario, t: &Target) -> bool {
    revenue(s, t).is_some_and(|c| matches!(c.status, Status::Active | Status::Planned))
}

pub(super) fn capital<'a>(s: &'a Scenario, t: &Target) -> Option<&'a CapitalCollaboration> {
    let id = match t {
        Target::Capital(id) | Target::Partner(id, _) => id,
        _ => return None,
    };
    s.collaborations
        .as_ref()
        .and_then(|r| r.capital.iter().find(|c| &c.id == id))
}

pub(super) fn capital_mut<'a>(
    s: &'a mut Scenario,
    t: &Target,
) -> Result<&'a mut CapitalCollaboration, String> {
    let id = match t {
        Target::Capital(id) | Target::Partner(id, _) => id,
        _ => return Err(MISSING.into()),
    };
    s.collaborations
        .as_mut()
        .ok_or("This scenario has no collaboration register")?
        .capital
        .iter_mut()
        .find(|c| &c.id == id)
        .ok_or_else(|| MISSING.to_string())
}

/// A table's figure in `year`, 0 when not listed.
pub(super) fn in_table(t: &YearValues, year: Option<FinancialYear>) -> Option<Decimal> {
    year.map(|y| t.get_or_zero(y))
}

/// Set a table's figure in `year` (a year is needed).
pub(super) fn set_in_table(
    t: &mut YearValues,
    year: Option<FinancialYear>,
    v: Decimal,
) -> Result<(), String> {
    let y = year.ok_or("This figure is set year by year")?;
    t.set(y, v);
    Ok(())
}

/// The recruits a group takes on in `year`: the sum of the year's intakes.
pub(super) fn recruits(g: &GroupPlan, year: FinancialYear) -> Decimal {
    g.intakes
        .iter()
        .filter(|i| i.year == year)
        .map(|i| i.count)
        .fold(Decimal::ZERO, |a, b| checked_add(a, b).unwrap_or(a))
}

/// The calendar month a new intake starts when a year had none: September, when most
/// forces start their largest cohort (stated in the panel's hint).
pub const NEW_INTAKE_MONTH: i64 = 9;

/// Set a group's recruits in `year` to `total`: spread over the year's intakes in
/// proportion to their sizes (evenly if all are zero), in whole people, the remainder to
/// the earliest intakes so the counts add up exactly; a year with none gets one intake
/// starting in [`NEW_INTAKE_MONTH`].
pub(super) fn set_recruits(g: &mut GroupPlan, year: FinancialYear, total: Decimal) {
    let mut that_year: Vec<&mut Intake> = g.intakes.iter_mut().filter(|i| i.year == year).collect();
    if that_year.is_empty() {
        g.intakes.push(Intake {
            year,
            start_month: NEW_INTAKE_MONTH,
            count: total,
        });
        return;
    }
    let total = round_to(total, 0);
    let current: Decimal = that_year
        .iter()
        .map(|i| i.count)
        .fold(Decimal::ZERO, |a, b| checked_add(a, b).unwrap_or(a));
    let n = Decimal::from(that_year.len());
    let mut given = Decimal::ZERO;
    for i in that_year.iter_mut() {
        let share = if current.is_zero() {
            checked_div(total, n).unwrap_or_default()
        } else {
            checked_mul(total, i.count)
                .and_then(|x| checked_div(x, current))
                .unwrap_or_default()
        };
        i.count = share.floor();
        given = checked_add(given, i.count).unwrap_or(given);
    }
    let mut left = checked_sub(total, given).unwrap_or_default();
    for i in that_year.iter_mut() {
        if left <= Decimal::ZERO {
            break;
        }
        i.count = checked_add(i.count, Decimal::ONE).unwrap_or(i.count);
        left = checked_sub(left, Decimal::ONE).unwrap_or_default();
    }
}
