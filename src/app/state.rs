//! The workspace state as Yew sees it: the pure [`crate::store::session::Workspace`] with
//! a `Reducible` that stamps each action with the time, as Yew's todomvc example does it.

use std::rc::Rc;

use yew::Reducible;

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
