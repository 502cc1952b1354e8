//! The workspace the app shows: the scenario collection with its undo history, the
//! scenario on screen and its projection, what the user typed into each field, and the
//! messages shown beside the controls that caused them.
//!
//! Pure (the app's `Reducible` calls [`Workspace::apply`] with the time), so every journey
//! through it is tested natively in `tests/store_session.rs`.

use std::collections::BTreeMap;
use std::rc::Rc;

use super::collection::{Change, Collection, Selected};
use super::history::History;
use super::{share, storage};
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
    /// The scenario bar (create, rename, delete, undo).
    Scenarios,
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
    pub drafts: BTreeMap<Field, Draft>,
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

/// Everything the user can do to the workspace.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Text typed into a field. Editing the baseline first makes a new scenario from it.
    Edit(Field, String),
    /// Show precept rises in % (true) or £ (false).
    PreceptInPercent(bool),
    /// Pick the year for the annual-gap headline.
    HeadlineYear(FinancialYear),
    /// Put the scenario on screen back to the baseline's assumptions (keeping its name).
    Reset,
    /// Show another scenario.
    Select(Selected),
    /// A new scenario from the baseline.
    NewFromBaseline,
    /// A copy of the scenario on screen (with its change log).
    Duplicate,
    /// Rename the scenario on screen.
    Rename(String),
    /// Set the description of the scenario on screen.
    Describe(String),
    /// Delete the scenario on screen (undoable).
    Delete,
    /// Take back the last step.
    Undo,
    /// Do the last undone step again.
    Redo,
    /// Typing in a field has ended (focus left it): the next keystroke starts a new step.
    Seal,
    /// A share link was opened in a tab already showing the app (its fragment).
    OpenLink(String),
    /// A file was chosen for import: its scenario, or why it was refused.
    Import(Result<Box<Scenario>, String>),
    /// Show the edit or compare screen.
    Show(View),
    /// Show a message beside a control.
    Notify(Notice),
    /// Hide the message.
    DismissNotice,
    /// Hide the storage-recovery message.
    DismissRecovery,
}

fn notice(place: Place, error: bool, text: impl Into<String>) -> Option<Notice> {
    Some(Notice {
        place,
        error,
        text: text.into(),
    })
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
            drafts: BTreeMap::new(),
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
    pub fn stored(&self) -> Result<String, String> {
        storage::encode(self.collection())
    }

    /// The workspace after `action`, done at time `now` (for change logs).
    pub fn apply(&self, action: Action, now: &str) -> Workspace {
        let mut next = self.clone();
        match action {
            Action::Edit(field, text) => next.edit(field, text, now),
            Action::PreceptInPercent(pct) => {
                let s = edit::precept_switched(&self.scenario, pct);
                let (from, to) = if pct { ("£", "%") } else { ("%", "£") };
                next.change(s, "Precept rises given in", from, to, now, None);
            }
            Action::HeadlineYear(year) => next.headline_year = Some(year),
            Action::Reset => {
                if self.current() == Selected::Baseline {
                    next.drafts.clear();
                } else {
                    let s = (*self.baseline).clone();
                    next.change(
                        s,
                        "All assumptions",
                        "edited",
                        "reset to the baseline",
                        now,
                        None,
                    );
                }
            }
            Action::Select(sel) => {
                let mut c = self.collection().clone();
                c.select(sel);
                next.untracked(c);
            }
            Action::NewFromBaseline => {
                let mut c = self.collection().clone();
                let mut s = (*self.baseline).clone();
                s.name = format!("Scenario {}", c.next_id());
                s.description = String::new();
                let id = c.add(s, Vec::new(), &self.baseline.name);
                let name = c
                    .get(id)
                    .map(|e| e.scenario.name.clone())
                    .unwrap_or_default();
                next.step(c, format!("Create '{name}'"));
                next.view = View::Edit;
            }
            Action::Duplicate => {
                let mut c = self.collection().clone();
                let log = match self.current() {
                    Selected::Scenario(id) => {
                        c.get(id).map(|e| (*e.log).clone()).unwrap_or_default()
                    }
                    Selected::Baseline => Vec::new(),
                };
                let mut s = (*self.scenario).clone();
                s.name = format!("Copy of {}", s.name);
                let id = c.add(s, log, &self.baseline.name);
                let name = c
                    .get(id)
                    .map(|e| e.scenario.name.clone())
                    .unwrap_or_default();
                next.step(c, format!("Duplicate as '{name}'"));
            }
            Action::Rename(name) => {
                if let Selected::Scenario(id) = self.current() {
                    let mut c = self.collection().clone();
                    match c.rename(id, &name, &self.baseline.name) {
                        Ok(()) if c == *self.collection() => {}
                        Ok(()) => {
                            next.step(c, format!("Rename to '{}'", name.trim()));
                            next.notice = None;
                        }
                        Err(e) => next.notice = notice(Place::Scenarios, true, e),
                    }
                }
            }
            Action::Describe(text) => {
                if let Selected::Scenario(id) = self.current() {
                    let mut c = self.collection().clone();
                    if c.describe(id, &text) && c != *self.collection() {
                        next.step(c, "Edit the description");
                    }
                }
            }
            Action::Delete => {
                if let Selected::Scenario(id) = self.current() {
                    let mut c = self.collection().clone();
                    let name = self.scenario.name.clone();
                    if c.delete(id) {
                        next.step(c, format!("Delete '{name}'"));
                        next.notice = notice(
                            Place::Scenarios,
                            false,
                            format!("Deleted '{name}'. Undo brings it back."),
                        );
                    }
                }
            }
            Action::Undo => {
                let mut h = (*self.store.0).clone();
                if h.undo() {
                    next.store = Shared(Rc::new(h));
                    next.drafts.clear();
                    next.notice = None;
                    next.refresh();
                }
            }
            Action::Redo => {
                let mut h = (*self.store.0).clone();
                if h.redo() {
                    next.store = Shared(Rc::new(h));
                    next.drafts.clear();
                    next.notice = None;
                    next.refresh();
                }
            }
            Action::Seal => {
                if self.history().is_open() {
                    let mut h = (*self.store.0).clone();
                    h.seal();
                    next.store = Shared(Rc::new(h));
                }
            }
            Action::Import(Ok(s)) => match engine::project(&s) {
                Ok(_) => {
                    let mut c = self.collection().clone();
                    let id = c.add(*s, Vec::new(), &self.baseline.name);
                    let name = c
                        .get(id)
                        .map(|e| e.scenario.name.clone())
                        .unwrap_or_default();
                    next.step(c, format!("Import '{name}'"));
                    next.view = View::Edit;
                    next.notice = notice(
                        Place::Import,
                        false,
                        format!("Imported '{name}' as a new scenario."),
                    );
                }
                Err(e) => {
                    next.notice = notice(
                        Place::Import,
                        true,
                        format!("The file was not imported: its scenario cannot be projected: {e}"),
                    );
                }
            },
            Action::Import(Err(e)) => next.notice = notice(Place::Import, true, e),
            Action::OpenLink(fragment) => {
                if share::is_share_fragment(&fragment) {
                    let mut c = self.collection().clone();
                    let n = self.add_shared(&mut c, &fragment);
                    if !n.error {
                        next.step(c, "Open a shared scenario");
                        next.view = View::Edit;
                    }
                    next.notice = Some(n);
                }
            }
            Action::Show(view) => next.view = view,
            Action::Notify(n) => next.notice = Some(n),
            Action::DismissNotice => next.notice = None,
            Action::DismissRecovery => next.recovery = None,
        }
        next
    }

    /// Typed text in a field: a valid figure changes the scenario on screen (a new one if
    /// that was the baseline); anything else stays beside the field with its message.
    fn edit(&mut self, field: Field, text: String, now: &str) {
        let spec = edit::spec(&self.scenario, &field);
        let outcome = edit::parse_input(&text, spec.unit)
            .and_then(|v| edit::apply(&self.scenario, &field, v))
            .and_then(|s| {
                s.validate().map_err(|e| e.message.clone())?;
                let p = engine::project(&s).map_err(|e| e.to_string())?;
                Ok((s, p))
            });
        match outcome {
            Ok((scenario, _)) => {
                let from = shown(&self.scenario, &field);
                let to = shown(&scenario, &field);
                let key = format!("{field:?}");
                let drafts = std::mem::take(&mut self.drafts);
                self.change(scenario, &spec.label, &from, &to, now, Some(key));
                self.drafts = drafts;
                self.drafts.insert(field, Draft { text, error: None });
            }
            Err(message) => {
                self.drafts.insert(
                    field,
                    Draft {
                        text,
                        error: Some(message),
                    },
                );
            }
        }
    }

    /// Make `scenario` the new state of the scenario on screen, logged as `what` going
    /// from `from` to `to`. Changing the baseline makes a new scenario from it first.
    /// Steps with the same `merge` key one after another are one undo step and one log
    /// entry.
    fn change(
        &mut self,
        scenario: Scenario,
        what: &str,
        from: &str,
        to: &str,
        now: &str,
        merge: Option<String>,
    ) {
        let mut c = self.collection().clone();
        let mut label = format!("Edit {what}");
        let id = match c.current() {
            Selected::Scenario(id) => id,
            Selected::Baseline => {
                let mut s = (*self.baseline).clone();
                s.name = format!("Scenario {}", c.next_id());
                s.description = "Made from the baseline by the first edit.".into();
                let id = c.add(s, Vec::new(), &self.baseline.name);
                label = format!("{label} (in a new scenario)");
                id
            }
        };
        let merge = merge.map(|k| format!("s{id}:{k}"));
        let merging = merge
            .as_deref()
            .is_some_and(|k| self.history().would_merge(k));
        let change = Change {
            field: what.to_string(),
            from: from.to_string(),
            to: to.to_string(),
            at: now.to_string(),
        };
        c.edit(id, scenario, change, merging);
        self.drafts.clear();
        let mut h = (*self.store.0).clone();
        h.push(c, label, merge);
        self.store = Shared(Rc::new(h));
        self.refresh();
    }

    /// Make `c` the collection as one undoable step called `label`.
    fn step(&mut self, c: Collection, label: impl Into<String>) {
        let mut h = (*self.store.0).clone();
        h.push(c, label, None);
        self.store = Shared(Rc::new(h));
        self.drafts.clear();
        self.refresh();
    }

    /// Make `c` the collection without an undo step (which scenario is on screen).
    fn untracked(&mut self, c: Collection) {
        let mut h = (*self.store.0).clone();
        h.seal();
        h.replace_untracked(c);
        self.store = Shared(Rc::new(h));
        self.drafts.clear();
        self.refresh();
    }

    /// Show the collection's current scenario and its projection (drafts are the
    /// caller's business).
    fn refresh(&mut self) {
        let sel = self.current();
        let Some(s) = self.scenario_of(sel) else {
            return;
        };
        if Rc::ptr_eq(&s, &self.scenario) {
            return;
        }
        match engine::project(&s) {
            Ok(p) => {
                self.scenario = s;
                self.projection = Rc::new(p);
            }
            Err(e) => {
                self.notice = notice(
                    Place::Scenarios,
                    true,
                    format!("'{}' cannot be projected: {e}", s.name),
                );
            }
        }
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
