//! The assumption panel, grouped as a finance lead thinks: quick what-ifs, funding,
//! precept, pay and inflation, workforce, collaborations, savings and reserves, spending
//! lines, plan horizon. Each group is its own component that re-renders only when its part
//! of the scenario changes.

mod groups;
mod widgets;

use yew::prelude::*;

use std::rc::Rc;

use super::state::{use_dispatch, Action, Workspace, WorkspaceContext};
use crate::edit::{Field, FieldGroup};
use crate::model::engine::Warning;
use crate::store::session::Draft;
use groups::{
    collaborations_group, funding_group, horizon_group, pay_group, precept_group, savings_group,
    spending_group, workforce_group,
};
pub(super) use widgets::{errors_in, field, field_with_note, group, year_grid, Row};

/// A DOM id for a field's input, stable across renders.
pub fn dom_id(field: &Field) -> String {
    field.key()
}

/// Whether the part of two workspaces a group shows is the same. A group re-renders only
/// when its part, the plan's years or its own fields' drafts change, so a keystroke in one
/// group leaves the others' hundred-odd inputs alone. Compared in place: nothing is copied
/// to decide.
type Same = fn(&Workspace, &Workspace) -> bool;

/// How a group is drawn.
type GroupView = fn(&Workspace, &Callback<Action>) -> Html;

/// A group: which fields are its own, what it shows, and how it is drawn.
type GroupSpec = (FieldGroup, Same, GroupView);

/// The projection's warnings about the precept (shown in the precept group).
fn precept_warnings(ws: &Workspace) -> impl Iterator<Item = &Warning> {
    ws.projection
        .warnings
        .iter()
        .filter(|w| w.path.starts_with("precept"))
}

const GROUPS: [GroupSpec; 9] = [
    (
        FieldGroup::Quick,
        |a, b| {
            let (a, b) = (&a.scenario, &b.scenario);
            a.assumptions == b.assumptions && a.precept == b.precept && a.funding == b.funding
        },
        super::quick::quick_group,
    ),
    (
        FieldGroup::Funding,
        |a, b| a.scenario.funding == b.scenario.funding,
        funding_group,
    ),
    (
        FieldGroup::Precept,
        |a, b| {
            a.scenario.precept == b.scenario.precept && precept_warnings(a).eq(precept_warnings(b))
        },
        precept_group,
    ),
    (
        FieldGroup::Pay,
        |a, b| a.scenario.assumptions == b.scenario.assumptions,
        pay_group,
    ),
    (
        FieldGroup::Workforce,
        |a, b| a.scenario.workforce == b.scenario.workforce,
        workforce_group,
    ),
    (
        FieldGroup::Collaborations,
        |a, b| a.scenario.collaborations == b.scenario.collaborations,
        collaborations_group,
    ),
    (
        FieldGroup::Savings,
        |a, b| {
            a.scenario.savings == b.scenario.savings && a.scenario.reserves == b.scenario.reserves
        },
        savings_group,
    ),
    (
        FieldGroup::Spending,
        |a, b| a.scenario.expenditure == b.scenario.expenditure,
        spending_group,
    ),
    (FieldGroup::Horizon, |_, _| true, horizon_group),
];

/// The drafts (typed text) of a group's fields.
fn drafts_of(ws: &Workspace, group: FieldGroup) -> impl Iterator<Item = (&Field, &Draft)> {
    ws.drafts.iter().filter(move |(f, _)| f.group() == group)
}

/// A group is given the whole workspace but compares only its part of it ([`Same`]), its
/// fields' drafts and the plan's years: so it re-renders only when what it shows changes.
#[derive(Properties)]
struct GroupProps {
    group: FieldGroup,
    same: Same,
    ws: Workspace,
    dispatch: Callback<Action>,
    view: GroupView,
}

impl PartialEq for GroupProps {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&self.ws, &other.ws);
        let shows_same = Rc::ptr_eq(&a.scenario, &b.scenario)
            || (a.scenario.horizon == b.scenario.horizon && (self.same)(a, b));
        shows_same
            && self.group == other.group
            && drafts_of(a, self.group).eq(drafts_of(b, self.group))
    }
}

#[component]
fn Group(props: &GroupProps) -> Html {
    (props.view)(&props.ws, &props.dispatch)
}

/// The assumption panel: it shows most of the workspace, so it reads it from the context.
#[component]
pub fn AssumptionPanel() -> Html {
    let Some(ws) = use_context::<WorkspaceContext>() else {
        return html! {};
    };
    let d = &use_dispatch().callback();
    html! {
        <aside id="assumptions" aria-labelledby="assumptions-title">
            <h2 id="assumptions-title">{ "Assumptions" }</h2>
            <p class="panel-note">{ "Every figure recalculates the plan as you type. Badges show each default's source; hover for the citation." }</p>
            { for GROUPS.iter().map(|&(group, same, view)| html! {
                <Group {group} {same} ws={(*ws).clone()} dispatch={d.clone()} {view} />
            }) }
        </aside>
    }
}
