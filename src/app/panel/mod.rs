//! The assumption panel, grouped as a finance lead thinks: quick what-ifs, funding,
//! precept, pay and inflation, workforce, collaborations, savings and reserves, spending
//! lines, plan horizon. Each group is its own component that re-renders only when its part
//! of the scenario changes.

mod groups;
mod widgets;

use yew::prelude::*;

use super::state::{Action, Workspace};
use crate::edit::{Field, FieldGroup};
use groups::{
    collaborations_group, funding_group, horizon_group, pay_group, precept_group, savings_group,
    spending_group, workforce_group,
};
pub(super) use widgets::{errors_in, field, field_with_note, group, year_grid, Row};

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub ws: Workspace,
    pub dispatch: Callback<Action>,
}

/// A DOM id for a field's input, stable across renders.
pub fn dom_id(field: &Field) -> String {
    field.key()
}

/// The part of the scenario a group shows: a group re-renders only when its part, the
/// plan's years or its own fields' drafts change, so a keystroke in one group leaves the
/// others' hundred-odd inputs alone.
#[derive(Clone, PartialEq)]
#[allow(clippy::large_enum_variant)] // a short-lived prop, built once per render per group
enum Part {
    Quick(
        crate::model::scenario::Assumptions,
        crate::model::scenario::Precept,
        Vec<crate::model::scenario::FundingLine>,
    ),
    Funding(Vec<crate::model::scenario::FundingLine>),
    Precept(
        crate::model::scenario::Precept,
        Vec<crate::model::engine::Warning>,
    ),
    Pay(crate::model::scenario::Assumptions),
    Workforce(Option<crate::model::workforce::WorkforcePlan>),
    Collaborations(Option<crate::model::collab::CollaborationRegister>),
    Savings(
        Vec<crate::model::scenario::Saving>,
        crate::model::scenario::Reserves,
    ),
    Spending(Vec<crate::model::scenario::ExpenditureLine>),
    Horizon,
}

/// How a group is drawn.
type GroupView = fn(&Workspace, &Callback<Action>) -> Html;
/// A group: its part of the scenario, which fields are its own, and how it is drawn.
type GroupSpec = (Part, FieldGroup, GroupView);

#[derive(Properties)]
struct GroupProps {
    part: Part,
    horizon: crate::model::scenario::Horizon,
    drafts: Vec<(Field, crate::store::session::Draft)>,
    ws: Workspace,
    dispatch: Callback<Action>,
    view: GroupView,
}

impl PartialEq for GroupProps {
    fn eq(&self, other: &Self) -> bool {
        // `ws` is deliberately left out: everything the group shows from it is in `part`,
        // `horizon` and `drafts`. `view` too: the part's variant already says which group.
        self.part == other.part && self.horizon == other.horizon && self.drafts == other.drafts
    }
}

#[component]
fn Group(props: &GroupProps) -> Html {
    (props.view)(&props.ws, &props.dispatch)
}

#[component]
pub fn AssumptionPanel(props: &PanelProps) -> Html {
    let ws = &props.ws;
    let d = &props.dispatch;
    let s = &ws.scenario;
    let drafts = |group: FieldGroup| -> Vec<(Field, crate::store::session::Draft)> {
        ws.drafts
            .iter()
            .filter(|(f, _)| f.group() == group)
            .map(|(f, dr)| (f.clone(), dr.clone()))
            .collect()
    };
    let precept_warnings: Vec<crate::model::engine::Warning> = ws
        .projection
        .warnings
        .iter()
        .filter(|w| w.path.starts_with("precept"))
        .cloned()
        .collect();
    let groups: Vec<GroupSpec> = vec![
        (
            Part::Quick(s.assumptions.clone(), s.precept.clone(), s.funding.clone()),
            FieldGroup::Quick,
            super::quick::quick_group,
        ),
        (
            Part::Funding(s.funding.clone()),
            FieldGroup::Funding,
            funding_group,
        ),
        (
            Part::Precept(s.precept.clone(), precept_warnings),
            FieldGroup::Precept,
            precept_group,
        ),
        (Part::Pay(s.assumptions.clone()), FieldGroup::Pay, pay_group),
        (
            Part::Workforce(s.workforce.clone()),
            FieldGroup::Workforce,
            workforce_group,
        ),
        (
            Part::Collaborations(s.collaborations.clone()),
            FieldGroup::Collaborations,
            collaborations_group,
        ),
        (
            Part::Savings(s.savings.clone(), s.reserves.clone()),
            FieldGroup::Savings,
            savings_group,
        ),
        (
            Part::Spending(s.expenditure.clone()),
            FieldGroup::Spending,
            spending_group,
        ),
        (Part::Horizon, FieldGroup::Horizon, horizon_group),
    ];
    html! {
        <aside id="assumptions" aria-labelledby="assumptions-title">
            <h2 id="assumptions-title">{ "Assumptions" }</h2>
            <p class="panel-note">{ "Every figure recalculates the plan as you type. Badges show each default's source; hover for the citation." }</p>
            { for groups.into_iter().map(|(part, group, view)| html! {
                <Group part={part} horizon={s.horizon} drafts={drafts(group)} ws={ws.clone()} dispatch={d.clone()} view={view} />
            }) }
        </aside>
    }
}
