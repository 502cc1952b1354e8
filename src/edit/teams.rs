//! Fields of the workforce plan and the collaboration register: intakes, attrition, Uplift
//! targets, collaboration costs and the joint headquarters' split.

use rust_decimal::Decimal;

use super::{Field, FieldSpec, FieldUnit};
use crate::model::collab::{CapitalCollaboration, Collaboration, Status};
use crate::model::money::{checked_add, checked_div, checked_mul, checked_sub, round_to};
use crate::model::scenario::Scenario;
use crate::model::workforce::{Group, GroupPlan, Intake, WorkforcePlan};
use crate::model::Source;

/// The calendar month a new intake starts when a year had none: September, when most
/// forces start their largest cohort (stated in the panel's hint).
pub const NEW_INTAKE_MONTH: i64 = 9;

fn group_name(g: Group) -> &'static str {
    match g {
        Group::Officers => "Officers",
        Group::Staff => "Police staff",
        Group::Pcsos => "PCSOs",
    }
}

fn group(plan: &WorkforcePlan, g: Group) -> &GroupPlan {
    match g {
        Group::Officers => &plan.officers,
        Group::Staff => &plan.staff,
        Group::Pcsos => &plan.pcsos,
    }
}

fn group_mut(plan: &mut WorkforcePlan, g: Group) -> &mut GroupPlan {
    match g {
        Group::Officers => &mut plan.officers,
        Group::Staff => &mut plan.staff,
        Group::Pcsos => &mut plan.pcsos,
    }
}

fn wf_source<'a>(s: &'a Scenario, key: &str) -> Option<&'a Source> {
    s.workforce.as_ref().and_then(|w| w.sources.get(key))
}

fn revenue<'a>(s: &'a Scenario, id: &str) -> Option<&'a Collaboration> {
    s.collaborations
        .as_ref()
        .and_then(|r| r.collaborations.iter().find(|c| c.id == id))
}

fn capital<'a>(s: &'a Scenario, id: &str) -> Option<&'a CapitalCollaboration> {
    s.collaborations
        .as_ref()
        .and_then(|r| r.capital.iter().find(|c| c.id == id))
}

fn revenue_mut<'a>(s: &'a mut Scenario, id: &str) -> Result<&'a mut Collaboration, String> {
    s.collaborations
        .as_mut()
        .ok_or("This scenario has no collaboration register")?
        .collaborations
        .iter_mut()
        .find(|c| c.id == id)
        .ok_or_else(|| "This figure no longer exists in the scenario".to_string())
}

fn capital_mut<'a>(s: &'a mut Scenario, id: &str) -> Result<&'a mut CapitalCollaboration, String> {
    s.collaborations
        .as_mut()
        .ok_or("This scenario has no collaboration register")?
        .capital
        .iter_mut()
        .find(|c| c.id == id)
        .ok_or_else(|| "This figure no longer exists in the scenario".to_string())
}

/// Label, unit, range and source of a workforce or collaboration field.
pub fn spec(s: &Scenario, field: &Field) -> FieldSpec {
    match field {
        Field::Attrition(g) => FieldSpec::new(
            format!("{} leaving each year", group_name(*g)),
            FieldUnit::Percent,
            0,
            100,
            wf_source(s, &format!("{}.attrition_pct", g.key())),
        ),
        Field::Intake(g, y) => FieldSpec::new(
            format!("{} recruits {y}", group_name(*g)),
            FieldUnit::People,
            0,
            5_000,
            wf_source(s, &format!("{}.intakes", g.key())),
        ),
        Field::UpliftTarget(y) => FieldSpec::new(
            format!("Uplift target {y}"),
            FieldUnit::People,
            0,
            50_000,
            wf_source(s, "uplift.targets"),
        ),
        Field::CollabCost(id, y) => {
            let c = revenue(s, id);
            FieldSpec::new(
                format!(
                    "{} total cost {y}",
                    c.map_or(id.as_str(), |c| c.name.as_str())
                ),
                FieldUnit::Pounds,
                0,
                1_000_000_000,
                c.map(|c| &c.total_cost.source),
            )
        }
        Field::CapitalShare(id, i) => {
            let c = capital(s, id);
            let partner = c.and_then(|c| c.sharing.partners.get(*i));
            FieldSpec::new(
                format!("{} share", partner.map_or("Partner", |p| p.name.as_str())),
                FieldUnit::Percent,
                0,
                100,
                partner.map(|p| &p.source),
            )
        }
        Field::CapitalInterest(id) => {
            let c = capital(s, id);
            FieldSpec::new(
                "Interest rate on the borrowing",
                FieldUnit::Percent,
                0,
                100,
                c.map(|c| &c.interest_source),
            )
        }
        _ => FieldSpec::new("Unknown field", FieldUnit::Pounds, 0, 0, None),
    }
}

/// The current value of a workforce or collaboration field.
pub fn value(s: &Scenario, field: &Field) -> Option<Decimal> {
    match field {
        Field::Attrition(g) => s.workforce.as_ref().map(|w| group(w, *g).attrition_pct),
        Field::Intake(g, y) => s.workforce.as_ref().map(|w| {
            group(w, *g)
                .intakes
                .iter()
                .filter(|i| i.year == *y)
                .map(|i| i.count)
                .fold(Decimal::ZERO, |a, b| checked_add(a, b).unwrap_or(a))
        }),
        Field::UpliftTarget(y) => s
            .workforce
            .as_ref()
            .and_then(|w| w.uplift.as_ref())
            .and_then(|u| u.target(*y).ok().flatten()),
        Field::CollabCost(id, y) => {
            revenue(s, id).and_then(|c| c.total_cost.full_year(*y, "").ok())
        }
        Field::CapitalShare(id, i) => capital(s, id)
            .and_then(|c| c.sharing.partners.get(*i))
            .map(|p| p.weight),
        Field::CapitalInterest(id) => capital(s, id).map(|c| c.interest_pct),
        _ => None,
    }
}

/// Spread `total` recruits over a year's intakes in proportion to their current sizes
/// (evenly if they are all zero), in whole people, the remainder going to the earliest
/// intakes so the counts add up exactly.
fn spread(intakes: &mut [&mut Intake], total: Decimal) {
    let current: Decimal = intakes
        .iter()
        .map(|i| i.count)
        .fold(Decimal::ZERO, |a, b| checked_add(a, b).unwrap_or(a));
    let n = Decimal::from(intakes.len());
    let mut given = Decimal::ZERO;
    for i in intakes.iter_mut() {
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
    for i in intakes.iter_mut() {
        if left <= Decimal::ZERO {
            break;
        }
        i.count = checked_add(i.count, Decimal::ONE).unwrap_or(i.count);
        left = checked_sub(left, Decimal::ONE).unwrap_or_default();
    }
}

/// Set a workforce or collaboration field on `s`.
pub fn apply(s: &mut Scenario, field: &Field, v: Decimal) -> Result<(), String> {
    let no_workforce = || "This scenario has no workforce plan".to_string();
    let missing = || "This figure no longer exists in the scenario".to_string();
    match field {
        Field::Attrition(g) => {
            let w = s.workforce.as_mut().ok_or_else(no_workforce)?;
            group_mut(w, *g).attrition_pct = v;
        }
        Field::Intake(g, y) => {
            let w = s.workforce.as_mut().ok_or_else(no_workforce)?;
            let plan = group_mut(w, *g);
            let mut that_year: Vec<&mut Intake> =
                plan.intakes.iter_mut().filter(|i| i.year == *y).collect();
            if that_year.is_empty() {
                plan.intakes.push(Intake {
                    year: *y,
                    start_month: NEW_INTAKE_MONTH,
                    count: v,
                });
            } else {
                spread(&mut that_year, round_to(v, 0));
            }
        }
        Field::UpliftTarget(y) => {
            let w = s.workforce.as_mut().ok_or_else(no_workforce)?;
            let u = w
                .uplift
                .as_mut()
                .ok_or("This scenario's workforce plan has no Uplift section")?;
            u.targets.set(*y, v);
        }
        Field::CollabCost(id, y) => {
            let c = revenue_mut(s, id)?;
            c.total_cost.by_year.set(*y, v);
        }
        Field::CapitalShare(id, i) => {
            let c = capital_mut(s, id)?;
            c.sharing.partners.get_mut(*i).ok_or_else(missing)?.weight = v;
        }
        Field::CapitalInterest(id) => {
            let c = capital_mut(s, id)?;
            c.interest_pct = v;
        }
        _ => return Err(missing()),
    }
    Ok(())
}

/// The collaborations whose costs the panel offers for editing: those planned or running
/// (an exited or closed one's history is not a planning assumption). (id, name) pairs.
pub fn editable_collaborations(s: &Scenario) -> Vec<(String, String)> {
    s.collaborations
        .iter()
        .flat_map(|r| r.collaborations.iter())
        .filter(|c| matches!(c.status, Status::Active | Status::Planned))
        .map(|c| (c.id.clone(), c.name.clone()))
        .collect()
}
