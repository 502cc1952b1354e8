//! [`Action::Capital`](super::Action::Capital): a change to the capital programme from
//! the capital view. Applied to a copy of the scenario on screen, checked and projected;
//! a change that cannot be used leaves the scenario as it was, with its message beside
//! the capital editor (`Place::Capital`). Like any edit it is one undoable step (typing
//! into one field merges), logged, and saved by autosave; editing the baseline makes a
//! new scenario first.

use super::super::{Place, Workspace};
use super::notice;
use crate::edit::capital::{self, CapitalEdit};
use crate::model::engine;

impl Workspace {
    /// Apply `edit` at time `now`.
    pub(super) fn capital(&mut self, edit: &CapitalEdit, now: &str) {
        let template = self.baseline.capital_programme.as_ref();
        let outcome = capital::apply(&self.scenario, edit, template).and_then(|a| {
            let valid = engine::Valid::check(&a.scenario).map_err(|e| e.to_string())?;
            let p = engine::project_valid(valid).map_err(|e| e.to_string())?;
            Ok((a, p))
        });
        match outcome {
            Ok((a, _)) if a.scenario == *self.scenario => {}
            Ok((a, projection)) => {
                self.change(a.scenario, &a.what, &a.from, &a.to, now, a.merge);
                self.show(projection);
                if self
                    .notice
                    .as_ref()
                    .is_some_and(|n| n.place == Place::Capital)
                {
                    self.notice = None;
                }
            }
            Err(message) => self.notice = notice(Place::Capital, true, message),
        }
    }
}
