//! The Workforce and Uplift, and Collaborations groups of the assumption panel: registry
//! assumptions, like the other groups.

use yew::prelude::*;

use super::panel::{errors_in, field, group, year_grid, Row};
use super::state::{Action, Workspace};
use crate::edit::{self, Field, FieldGroup};
use crate::model::registry::{self, Assumption, Kind, Target};
use crate::model::FinancialYear;

/// The scenario's assumptions of `kind`.
fn of_kind(s: &crate::model::Scenario, kind: Kind) -> Vec<Assumption> {
    registry::assumptions(s)
        .into_iter()
        .filter(|a| a.kind == kind)
        .collect()
}

/// The Workforce and Uplift group, if the scenario has a workforce plan.
pub fn workforce_group(ws: &Workspace, d: &Callback<Action>, years: &[FinancialYear]) -> Html {
    let s = &ws.scenario;
    if s.workforce.is_none() {
        return html! {};
    }
    let intakes: Vec<Row> = of_kind(s, Kind::Recruits)
        .into_iter()
        .map(|a| Row::assumption(s, a, years))
        .collect();
    let targets: Vec<Row> = of_kind(s, Kind::UpliftTarget)
        .into_iter()
        .map(|a| Row::assumption(s, a, years))
        .collect();
    let attrition = of_kind(s, Kind::Attrition);
    let body = html! {
        <>
            <p class="hint">
                { format!("Recruits per year, spread over that year's intakes in proportion; a year with none gets one starting in September (month {}).", edit::NEW_INTAKE_MONTH) }
            </p>
            { year_grid(ws, d, "Recruits by year and group", years, intakes) }
            { for attrition.into_iter().map(|a| field(ws, d, Field::Assumption(a, None), false)) }
            if !targets.is_empty() {
                { year_grid(ws, d, "Uplift headcount target by year", years, targets) }
            }
        </>
    };
    let errors = errors_in(ws, FieldGroup::Workforce);
    group("Workforce and Uplift", false, errors, body)
}

/// The Collaborations group, if the scenario has a collaboration register.
pub fn collaborations_group(ws: &Workspace, d: &Callback<Action>, years: &[FinancialYear]) -> Html {
    let s = &ws.scenario;
    let Some(register) = &s.collaborations else {
        return html! {};
    };
    let costs: Vec<Row> = of_kind(s, Kind::CollaborationCost)
        .into_iter()
        .map(|a| Row::assumption(s, a, years))
        .collect();
    let capital = register.capital.iter().map(|c| {
        let shares = (0..c.sharing.partners.len())
            .map(|i| Field::of(Kind::CapitalShare, Target::Partner(c.id.clone(), i), None));
        let interest = Field::of(Kind::CapitalInterest, Target::Capital(c.id.clone()), None);
        html! {
            <fieldset class="subgroup">
                <legend>{ format!("{}: cost split", c.name) }</legend>
                { for shares.map(|f| field(ws, d, f, false)) }
                { field(ws, d, interest, false) }
            </fieldset>
        }
    });
    let body = html! {
        <>
            <p class="hint">{ "Each collaboration's total cost for all partners; the force's share of it follows the collaboration's sharing rule, to the penny." }</p>
            { year_grid(ws, d, "Collaboration total costs by year, pounds", years, costs) }
            { for capital }
        </>
    };
    let errors = errors_in(ws, FieldGroup::Collaborations);
    group("Collaborations", false, errors, body)
}
