//! [`Action::Capital`](super::Action::Capital): a change to the capital programme from
//! the capital view, which works it out from one edited field (`edit::capital`, in the
//! module loaded on demand) and sends the programme as it would be, with any revenue line
//! the programme now needs. Here it is put into a copy of the scenario on screen, checked
//! and projected; a change that cannot be used leaves the scenario as it was, its message
//! beside the capital editor (`Place::Capital`). Like any edit it is one undoable step
//! (changes to one field in a row merge), logged, and saved by autosave; editing the
//! baseline makes a new scenario first. Only the programme and the lines it needs are
//! taken from the change, so nothing else of the scenario can go back to an older state.

use super::super::{Place, Workspace};
use super::notice;
use crate::edit::capital::CapitalChange;
use crate::model::capital::PROGRAMME_SCHEMA;
use crate::model::engine;

impl Workspace {
    /// Apply `change` at time `now`.
    pub(super) fn capital(&mut self, change: CapitalChange, now: &str) {
        let mut s = (*self.scenario).clone();
        s.schema = s.schema.max(PROGRAMME_SCHEMA);
        s.capital_programme = Some(change.programme);
        for line in change.lines {
            if !s.expenditure.iter().any(|l| l.driver == line.driver) {
                s.expenditure.push(line);
            }
        }
        if s == *self.scenario {
            return;
        }
        let outcome = engine::Valid::check(&s)
            .and_then(engine::project_valid)
            .map_err(|e| e.message);
        match outcome {
            Ok(projection) => {
                self.change(s, &change.what, &change.from, &change.to, now, change.merge);
                self.show(projection);
                if self
                    .notice
                    .as_ref()
                    .is_some_and(|n| n.place == Place::Capital)
                {
                    self.notice = None;
                }
            }
            Err(message) => {
                let what = change.what.trim_start_matches("Capital: ");
                self.notice = notice(Place::Capital, true, format!("{what}: {message}"));
            }
        }
    }
}
