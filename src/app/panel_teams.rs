//! The Workforce and Uplift, and Collaborations groups of the assumption panel.

use yew::prelude::*;

use super::panel::{errors_in, field, group, year_grid, Row};
use super::state::{Action, Workspace};
use crate::edit::{self, Field, FieldGroup};
use crate::model::workforce::Group;
use crate::model::FinancialYear;

fn group_label(g: Group) -> &'static str {
    match g {
        Group::Officers => "Officers",
        Group::Staff => "Police staff",
        Group::Pcsos => "PCSOs",
    }
}

/// The Workforce and Uplift group, if the scenario has a workforce plan.
pub fn workforce_group(ws: &Workspace, d: &Callback<Action>, years: &[FinancialYear]) -> Html {
    let s = &ws.scenario;
    let Some(plan) = &s.workforce else {
        return html! {};
    };
    let source = |key: &str| plan.sources.get(key).cloned();
    let intakes: Vec<Row> = Group::ALL
        .iter()
        .map(|g| {
            let label = format!("{} recruits", group_label(*g));
            let source = source(&format!("{}.intakes", g.key()));
            Row::by_year(label, source, years, |y| Field::Intake(*g, y))
        })
        .collect();
    let targets = plan.uplift.as_ref().map(|_| {
        let source = source("uplift.targets");
        Row::by_year(
            "Uplift officer headcount target",
            source,
            years,
            Field::UpliftTarget,
        )
    });
    let body = html! {
        <>
            <p class="hint">
                { format!("Recruits per year, spread over that year's intakes in proportion; a year with none gets one starting in September (month {}).", edit::NEW_INTAKE_MONTH) }
            </p>
            { year_grid(ws, d, "Recruits by year and group", years, intakes) }
            { for Group::ALL.iter().map(|g| field(ws, d, Field::Attrition(*g), false)) }
            if let Some(row) = targets {
                { year_grid(ws, d, "Uplift headcount target by year", years, vec![row]) }
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
    let costs: Vec<Row> = edit::editable_collaborations(s)
        .into_iter()
        .map(|(id, name)| {
            let source = register
                .collaborations
                .iter()
                .find(|c| c.id == id)
                .map(|c| c.total_cost.source.clone());
            let label = format!("{name}: total cost, all partners £");
            Row::by_year(label, source, years, |y| Field::CollabCost(id.clone(), y))
        })
        .collect();
    let capital = register.capital.iter().map(|c| {
        html! {
            <fieldset class="subgroup">
                <legend>{ format!("{}: cost split", c.name) }</legend>
                { for (0..c.sharing.partners.len()).map(|i| field(ws, d, Field::CapitalShare(c.id.clone(), i), false)) }
                { field(ws, d, Field::CapitalInterest(c.id.clone()), false) }
            </fieldset>
        }
    });
    let body = html! {
        <>
            <p class="hint">{ "The force's share of each cost follows the collaboration's sharing rule, to the penny." }</p>
            { year_grid(ws, d, "Collaboration total costs by year, pounds", years, costs) }
            { for capital }
        </>
    };
    let errors = errors_in(ws, FieldGroup::Collaborations);
    group("Collaborations", false, errors, body)
}
