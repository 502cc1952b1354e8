//! What the outturn screen does to the workspace (issue 17): set the actuals of the
//! scenario on screen, and add a scenario it made (a plan rolled forward, a copy of the
//! hindsight scenario). Each is one undoable step, validated and saved like any edit.

use super::{Notice, Place, Workspace};
use crate::model::engine;
use crate::model::outturn::{ActualsJson, ACTUALS_SCHEMA};
use crate::model::scenario::Scenario;

/// A change of the actuals of the scenario on screen, as its change log tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutturnEdit {
    /// The whole `actuals` section after the change (`None`: no actuals), as JSON: the
    /// screen that made it has checked it (`Actuals::section`), and the workspace only
    /// keeps it.
    pub actuals: Option<ActualsJson>,
    /// What changed: "Outturn: Precept income 2022/23", "Outturn imported from a.csv".
    pub what: String,
    /// The figure before, as shown ("—" for none).
    pub from: String,
    /// The figure after, as shown.
    pub to: String,
}

fn notice(error: bool, text: String) -> Option<Notice> {
    Some(Notice {
        place: Place::Outturn,
        error,
        text,
    })
}

impl Workspace {
    /// Set the actuals of the scenario on screen (editing the baseline first makes a new
    /// scenario from it), or say beside the outturn screen why not.
    pub(super) fn outturn(&mut self, edit: OutturnEdit, now: &str) {
        let mut s = (*self.scenario).clone();
        s.actuals = edit.actuals;
        if s.actuals.is_some() {
            s.schema = s.schema.max(ACTUALS_SCHEMA);
        }
        if s == *self.scenario {
            return;
        }
        if let Err(e) = engine::project(&s) {
            self.notice = notice(true, format!("The outturn was not changed: {e}"));
            return;
        }
        self.change(s, &edit.what, &edit.from, &edit.to, now, None);
        self.refresh();
        if matches!(&self.notice, Some(n) if n.place == Place::Outturn && n.error) {
            self.notice = None;
        }
    }

    /// Add `scenario` (made on the outturn screen) beside the others and show it, as one
    /// step called `step`; or say why not.
    pub(super) fn add_made(&mut self, scenario: Scenario, step: &str) {
        if let Err(e) = engine::project(&scenario) {
            self.notice = notice(true, format!("{step}: not done, {e}"));
            return;
        }
        let mut c = self.collection().clone();
        let id = c.add(scenario, Vec::new(), &self.baseline.name);
        let name = c.get(id).map(|e| e.name.clone()).unwrap_or_default();
        self.step(c, format!("{step} ('{name}')"));
        self.notice = notice(
            false,
            format!("{step}: '{name}' is a new scenario, now on screen. Undo takes it out again."),
        );
    }
}
