//! The workspace the app shows: the scenario collection with its undo history, the
//! scenario on screen and its projection, what the user typed into each field, and the
//! messages shown beside the controls that caused them.
//!
//! Pure (the app's `Reducible` calls [`Workspace::apply`] with the time), so every journey
//! through it is tested natively in `tests/store_session.rs`.

mod action;
mod outturn;

use std::rc::Rc;

use super::collection::{Collection, Selected};
use super::history::History;
use super::records::{self, Kept};
use super::share;
use crate::edit::{self, Field};
use crate::model::engine::{self, Projection};
use crate::model::scenario::Scenario;
use crate::model::vec_map::VecMap;
use crate::model::{FinancialYear, ModelError};

pub use action::{Action, CapitalChange, Edited, Restored};
pub use outturn::OutturnEdit;

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
    /// The capital programme (issue 19).
    Capital,
    /// Analyses of the scenario on screen: what closes the gap, what matters most.
    Analysis,
    /// The savings register.
    Savings,
    /// The reserves strategy.
    Reserves,
    /// Plan against outturn: actuals, variance, hindsight, roll forward (issue 17).
    Outturn,
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
    /// Saving to the browser's storage (cleared by the next successful save).
    Storage,
    /// Backing up or restoring all scenarios.
    Backup,
    /// The capital programme's editor.
    Capital,
    /// The savings register's and reserves strategy's rows.
    Register,
    /// The outturn screen (actuals, roll forward).
    Outturn,
}

impl Place {
    /// Every place.
    pub const ALL: [Place; 11] = [
        Place::Scenarios,
        Place::Name,
        Place::Import,
        Place::Share,
        Place::Link,
        Place::Export,
        Place::Storage,
        Place::Backup,
        Place::Capital,
        Place::Register,
        Place::Outturn,
    ];

    /// Its name (in the page's ids, `notice-import`, and in messages between modules).
    pub fn key(self) -> &'static str {
        match self {
            Place::Scenarios => "scenarios",
            Place::Name => "name",
            Place::Import => "import",
            Place::Share => "share",
            Place::Link => "link",
            Place::Export => "export",
            Place::Storage => "storage",
            Place::Backup => "backup",
            Place::Capital => "capital",
            Place::Register => "register",
            Place::Outturn => "outturn",
        }
    }

    /// The place named `key`.
    pub fn from_key(key: &str) -> Option<Place> {
        Place::ALL.into_iter().find(|p| p.key() == key)
    }
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

/// Saved work that could not be read: what went wrong, and what is kept for download.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Recovery {
    /// One sentence per problem.
    pub problems: Vec<String>,
    /// Each piece of saved work that could not be read, kept as it is, to download.
    pub kept: Vec<Kept>,
    /// True if a newer version of the planner wrote the store, so nothing is saved.
    pub newer: bool,
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
    pub fn new(baseline: Scenario) -> Result<Workspace, ModelError> {
        let projection = engine::project(&baseline)?;
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

    /// A workspace on `baseline` with the scenarios of `collection` (as the store opened
    /// them), what could not be read (`recovery`), and the scenario in a share-link
    /// `fragment` (if any) added beside them.
    pub fn open(
        baseline: Scenario,
        mut collection: Collection,
        recovery: Recovery,
        fragment: Option<&str>,
    ) -> Result<Workspace, ModelError> {
        let mut ws = Workspace::new(baseline)?;
        if !recovery.problems.is_empty() || !recovery.kept.is_empty() {
            ws.recovery = Some(recovery);
        }
        // The scenario last on screen may turn out unreadable when it is unpacked: then the
        // baseline opens, and the scenario is listed with the rest of the unreadable work.
        if let Selected::Scenario(id) = collection.current() {
            if let Some(e) = collection.get(id) {
                if let Err(why) = e.scenario() {
                    ws.notice = Some(ws.unreadable(e, why));
                    collection.select(Selected::Baseline);
                }
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
            engine::project(&s).map_err(share::ShareError::NotProjected)?;
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
                text: e.to_string(),
            },
        }
    }

    /// A stored scenario that turned out unreadable when opened: it joins the saved work
    /// kept for download (it stays in storage as it is), and the message to show.
    fn unreadable(&mut self, e: &super::Entry, why: &super::ContentsError) -> Notice {
        let key = records::scenario_key(e.id);
        let recovery = self.recovery.get_or_insert_with(Recovery::default);
        if !recovery.kept.iter().any(|k| k.key == key) {
            recovery.problems.push(format!(
                "Saved scenario {} ('{}') could not be read: {why}.",
                e.id, e.name
            ));
            recovery.kept.push(Kept {
                key,
                label: format!("Saved scenario {} ('{}')", e.id, e.name),
                text: records::record(e).unwrap_or_default(),
                // Still listed: deleted like any other scenario.
                removable: false,
            });
        }
        Notice {
            place: Place::Scenarios,
            error: true,
            text: format!(
                "'{}' could not be read: {why}. It is kept unchanged in this browser; download it \
                 from the message about unreadable work at the top of the page.",
                e.name
            ),
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
