//! The workspace state as Yew sees it: the pure [`crate::store::session::Workspace`] with
//! a `Reducible` that stamps each action with the time, as Yew's todomvc example does it.

use std::rc::Rc;

use yew::{hook, use_context, use_memo, Callback, Reducible, UseReducerHandle};

use crate::model::workforce::WorkforceProjection;
use crate::model::Scenario;
pub use crate::store::session::{Action, Notice, Place, View, Workspace};

/// Now, as an ISO 8601 UTC time ("2026-11-22T21:56:07.000Z"), for change logs.
pub fn now() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

impl Reducible for Workspace {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.apply(action, &now());
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// The scenario's workforce projection: `None` without a workforce section, else the
/// projection or why it failed. One value serves the Uplift headline and the workforce
/// chart.
pub type WorkforceResult = Rc<Option<Result<WorkforceProjection, String>>>;

/// [`WorkforceResult`] for `scenario`, recomputed only when what it depends on changes:
/// the workforce section, the pay awards and the years.
#[hook]
pub fn use_workforce(scenario: &Rc<Scenario>) -> WorkforceResult {
    let sc = scenario.clone();
    let a = &scenario.assumptions;
    use_memo(
        (
            scenario.workforce.clone(),
            a.officer_pay_award_pct.value.clone(),
            a.staff_pay_award_pct.value.clone(),
            scenario.horizon,
        ),
        move |_| crate::view::workforce_of(&sc).map(|r| r.map_err(|e| e.to_string())),
    )
}

/// The workspace's dispatcher: one callback for the life of the app (the reducer's own,
/// so it compares equal across renders and never re-renders what holds it). Given to
/// every component as a context.
#[derive(Clone, PartialEq)]
pub struct Dispatch(pub Callback<Action>);

impl Dispatch {
    /// Do `action` to the workspace.
    pub fn emit(&self, action: Action) {
        self.0.emit(action);
    }

    /// A callback that turns an event into an action and does it.
    pub fn reform<E: 'static>(&self, f: impl Fn(E) -> Action + 'static) -> Callback<E> {
        self.0.reform(f)
    }

    /// The callback itself, for components that take one.
    pub fn callback(&self) -> Callback<Action> {
        self.0.clone()
    }
}

/// The workspace's dispatcher, from the context the root provides (a no-op outside it).
#[hook]
pub fn use_dispatch() -> Dispatch {
    use_context::<Dispatch>().unwrap_or_else(|| Dispatch(Callback::noop()))
}

/// The whole workspace, from the context the root provides: for the components that show
/// most of it (the scenario bar, the panels' groups). A component that shows a part takes
/// that part as props instead, so it re-renders only when its part changes.
pub type WorkspaceContext = UseReducerHandle<Workspace>;
