//! The workspace state: the scenario being edited, its last valid projection, and what the
//! user has typed into each field. One `Reducible` type, as Yew's todomvc example does it.

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::Reducible;

use crate::edit::{self, Field};
use crate::model::engine::{self, Projection};
use crate::model::scenario::Scenario;
use crate::model::FinancialYear;

/// What the user typed into a field and, if it could not be used, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// The text as typed.
    pub text: String,
    /// The message shown beside the field, if the text was rejected.
    pub error: Option<String>,
}

/// The whole workspace.
#[derive(Debug, Clone, PartialEq)]
pub struct Workspace {
    /// The read-only baseline, for comparisons and the bridge chart.
    pub baseline: Rc<Scenario>,
    /// Its projection.
    pub baseline_projection: Rc<Projection>,
    /// The scenario as last accepted (always projects without error).
    pub scenario: Rc<Scenario>,
    /// Its projection: what the headlines and charts show.
    pub projection: Rc<Projection>,
    /// Text typed into fields, by field.
    pub drafts: BTreeMap<Field, Draft>,
    /// The year whose annual gap the headline shows.
    pub headline_year: Option<FinancialYear>,
}

/// Everything the user can do to the workspace.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Text typed into a field.
    Edit(Field, String),
    /// Show precept rises in % (true) or £ (false).
    PreceptInPercent(bool),
    /// Pick the year for the annual-gap headline.
    HeadlineYear(FinancialYear),
    /// Back to the baseline.
    Reset,
}

impl Workspace {
    /// A workspace on `baseline`, or the reason its projection failed.
    pub fn new(baseline: Scenario) -> Result<Workspace, String> {
        let projection = engine::project(&baseline).map_err(|e| e.to_string())?;
        // The headline year is fixed when the workspace opens, so it does not jump about
        // as the figures change; the user can pick another.
        let headline_year = crate::view::default_headline_year(&projection);
        let baseline = Rc::new(baseline);
        let projection = Rc::new(projection);
        Ok(Workspace {
            baseline: baseline.clone(),
            baseline_projection: projection.clone(),
            scenario: baseline,
            projection,
            drafts: BTreeMap::new(),
            headline_year,
        })
    }

    /// The text to show in `field`: what was typed, else the scenario's value.
    pub fn text(&self, field: &Field) -> String {
        match self.drafts.get(field) {
            Some(draft) => draft.text.clone(),
            None => edit::value(&self.scenario, field)
                .map(|v| edit::display_value(v, edit::spec(&self.scenario, field).unit))
                .unwrap_or_default(),
        }
    }

    /// The message beside `field`, if its text was rejected.
    pub fn error(&self, field: &Field) -> Option<String> {
        self.drafts.get(field).and_then(|d| d.error.clone())
    }

    /// How many fields hold text that was rejected.
    pub fn error_count(&self) -> usize {
        self.drafts.values().filter(|d| d.error.is_some()).count()
    }

    fn edited(&self, field: Field, text: String) -> Workspace {
        let mut next = self.clone();
        let spec = edit::spec(&self.scenario, &field);
        let outcome = edit::parse_input(&text, spec.unit)
            .and_then(|v| edit::apply(&self.scenario, &field, v))
            .and_then(|s| {
                s.validate().map_err(|e| e.message.clone())?;
                let p = engine::project(&s).map_err(|e| e.to_string())?;
                Ok((s, p))
            });
        match outcome {
            Ok((scenario, projection)) => {
                next.scenario = Rc::new(scenario);
                next.projection = Rc::new(projection);
                next.drafts.insert(field, Draft { text, error: None });
            }
            Err(message) => {
                next.drafts.insert(
                    field,
                    Draft {
                        text,
                        error: Some(message),
                    },
                );
            }
        }
        next
    }

    fn with_scenario(&self, scenario: Scenario) -> Workspace {
        let mut next = self.clone();
        if let Ok(p) = engine::project(&scenario) {
            next.scenario = Rc::new(scenario);
            next.projection = Rc::new(p);
            next.drafts.clear();
        }
        next
    }
}

impl Reducible for Workspace {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Edit(field, text) => Rc::new(self.edited(field, text)),
            Action::PreceptInPercent(pct) => {
                let s = edit::precept_switched(&self.scenario, pct);
                Rc::new(self.with_scenario(s))
            }
            Action::HeadlineYear(year) => {
                let mut next = (*self).clone();
                next.headline_year = Some(year);
                Rc::new(next)
            }
            Action::Reset => {
                let mut next = (*self).clone();
                next.scenario = self.baseline.clone();
                next.projection = self.baseline_projection.clone();
                next.drafts.clear();
                Rc::new(next)
            }
        }
    }
}
