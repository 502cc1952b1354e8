//! The workspace the app shows: the scenario collection with its undo history, the
//! scenario on screen and its projection, what the user typed into each field, and the
//! messages shown beside the controls that caused them.
//!
//! Pure (the app's `Reducible` calls [`Workspace::apply`] with the time), so every journey
//! through it is tested natively in `tests/store_session.rs`.

mod action;

use std::rc::Rc;

use super::collection::{Collection, Selected};
use super::history::History;
use super::{share, storage};
use crate::edit::{self, Field};
use crate::model::engine::{self, Projection};
use crate::model::scenario::Scenario;
use crate::model::vec_map::VecMap;
use crate::model::FinancialYear;

pub use action::Action;

/// What the user typed into a field and, if it could not be used, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// The text as typed.
    pub text: String,
    /// The message shown beside the field, if the text was rejected.
    pub error: Option<String>,
}

/// Which screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// The assumption panel, headlines and charts of one scenario.
    #[default]
    Edit,
    /// Scenarios side by side.
    Compare,
}

/// Where a message belongs on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The scenario bar (create, delete, undo, saving).
    Scenarios,
    /// The scenario's name box.
    Name,
    /// The import button.
    Import,
    /// Opening a share link.
    Share,
    /// Making a share link.
    Link,
    /// The export menu.
    Export,
}

/// A message shown beside the control it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Where it belongs.
    pub place: Place,
    /// True for a problem, false for news ("Imported …").
    pub error: bool,
    /// The message.
    pub text: String,
}

/// What could not be read from storage when the app opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    /// One sentence per problem.
    pub problems: Vec<String>,
    /// The text that could not be read, for download.
    pub unreadable: Option<String>,
}

/// A pointer-compared `Rc`: two workspaces share it or they differ, without comparing a
/// whole undo history on every render.
#[derive(Debug, Clone)]
pub struct Shared<T>(pub Rc<T>);

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The whole workspace.
#[derive(Debug, Clone, PartialEq)]
pub struct Workspace {
    /// The read-only baseline, for comparisons and the bridge chart.
    pub baseline: Rc<Scenario>,
    /// Its projection.
    pub baseline_projection: Rc<Projection>,
    /// The scenario on screen as last accepted (always projects without error).
    pub scenario: Rc<Scenario>,
    /// Its projection: what the headlines and charts show.
    pub projection: Rc<Projection>,
    /// Text typed into fields of the scenario on screen, by field.
    pub drafts: VecMap<Field, Draft>,
    /// The year whose annual gap the headline shows.
    pub headline_year: Option<FinancialYear>,
    /// The named scenarios and their undo history.
    pub store: Shared<History<Collection>>,
    /// Which screen is showing.
    pub view: View,
    /// The latest message, beside the control it is about.
    pub notice: Option<Notice>,
    /// What could not be read from storage, until dismissed.
    pub recovery: Option<Recovery>,
}

impl Workspace {
    /// A workspace on `baseline` with no named scenarios, or the reason its projection
    /// failed.
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
            drafts: VecMap::new(),
            headline_year,
            store: Shared(Rc::new(History::new(Collection::new()))),
            view: View::Edit,
            notice: None,
            recovery: None,
        })
    }

    /// A workspace on `baseline` with the scenarios in `stored` (local storage's text, if
    /// any) and the scenario in a share-link `fragment` (if any) added beside them.
    pub fn open(
        baseline: Scenario,
        stored: Option<&str>,
        fragment: Option<&str>,
    ) -> Result<Workspace, String> {
        let mut ws = Workspace::new(baseline)?;
        let mut collection = Collection::new();
        if let Some(text) = stored.filter(|t| !t.trim().is_empty()) {
            let loaded = storage::decode(text);
            collection = loaded.collection;
            if !loaded.problems.is_empty() {
                ws.recovery = Some(Recovery {
                    problems: loaded.problems,
                    unreadable: loaded.unreadable,
                });
            }
        }
        ws.store = Shared(Rc::new(History::new(collection)));
        if let Some(fragment) = fragment.filter(|f| share::is_share_fragment(f)) {
            let mut c = ws.collection().clone();
            ws.notice = Some(ws.add_shared(&mut c, fragment));
            ws.store = Shared(Rc::new(History::new(c)));
        }
        ws.refresh();
        Ok(ws)
    }

    /// Add the scenario of share-link `fragment` to `c` (beside the others, under a name
    /// of its own, and on screen); the message to show either way.
    fn add_shared(&self, c: &mut Collection, fragment: &str) -> Notice {
        let decoded = share::decode(fragment).and_then(|s| {
            engine::project(&s)
                .map_err(|e| format!("This share link's scenario cannot be projected: {e}"))?;
            Ok(s)
        });
        match decoded {
            Ok(mut s) => {
                s.name = format!("{} (shared)", s.name.trim());
                c.add(s, Vec::new(), &self.baseline.name);
                let name = ws_name(c, &self.baseline);
                Notice {
                    place: Place::Share,
                    error: false,
                    text: format!("Opened the shared scenario '{name}' beside your own scenarios."),
                }
            }
            Err(e) => Notice {
                place: Place::Share,
                error: true,
                text: e,
            },
        }
    }

    /// The collection as it stands.
    pub fn collection(&self) -> &Collection {
        self.store.0.present()
    }

    /// The undo history.
    pub fn history(&self) -> &History<Collection> {
        &self.store.0
    }

    /// Which scenario is on screen.
    pub fn current(&self) -> Selected {
        self.collection().current()
    }

    /// The scenario `sel`, if it exists.
    pub fn scenario_of(&self, sel: Selected) -> Option<Rc<Scenario>> {
        self.collection().scenario(sel, &self.baseline).cloned()
    }

    /// The text to show in `field`: what was typed, else the scenario's value.
    pub fn text(&self, field: &Field) -> String {
        match self.drafts.get(field) {
            Some(draft) => draft.text.clone(),
            None => shown(&self.scenario, field),
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

    /// The collection as local-storage text.
    pub fn stored(&self) -> String {
        storage::encode(self.collection())
    }
}

fn ws_name(c: &Collection, baseline: &Rc<Scenario>) -> String {
    c.scenario(c.current(), baseline)
        .map(|s| s.name.clone())
        .unwrap_or_default()
}

/// A field's value as its input shows it.
fn shown(s: &Scenario, field: &Field) -> String {
    edit::value(s, field)
        .map(|v| edit::display_value(v, edit::spec(s, field).unit))
        .unwrap_or_default()
}
