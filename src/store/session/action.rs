//! What each [`Action`] does to the workspace.

mod capital;

pub use crate::edit::capital::CapitalChange;

use std::rc::Rc;

use super::{shown, Draft, Notice, Place, Shared, View, Workspace};
use crate::edit::{self, Field};
use crate::model::engine::{self, Projection};
use crate::model::scenario::Scenario;
use crate::model::FinancialYear;
use crate::store::backup::BackupError;
use crate::store::collection::{Change, Collection, Selected};
use crate::store::history::History;
use crate::store::import::{ImportError, ImportProblem};
use crate::store::records;
use crate::store::share;

/// Everything the user can do to the workspace.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Text typed into a field. Editing the baseline first makes a new scenario from it.
    Edit(Field, String),
    /// A change made on a screen loaded on demand: the changed scenario and what changed.
    Change(Box<Edited>),
    /// Text typed into a screen's field (its key) that could not be used, and why.
    Draft(String, String, String),
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
    /// A file was chosen for import (its name, and its scenario or why it was refused).
    Import(String, Result<Box<Scenario>, ImportError>),
    /// Add this scenario under this name, beside the others, and show it (an analysis's
    /// answer applied as a new scenario).
    AddScenario(String, Box<Scenario>),
    /// Show the edit or compare screen.
    Show(View),
    /// Show a message beside a control.
    Notify(Notice),
    /// Hide the message.
    DismissNotice,
    /// Hide the storage-recovery message.
    DismissRecovery,
    /// A backup file was read: every scenario in it with its change log, or why the file
    /// was refused. All are added beside the user's own, as one step.
    Restore(Result<Vec<Restored>, BackupError>),
    /// A save reached the browser's storage: a message about an earlier failed save goes.
    Saved,
    /// Saved work that could not be read (the key it was kept under) was deleted from the
    /// browser at the user's request.
    Forgotten(String),
    /// A change to the capital programme (the capital view: `action/capital.rs`).
    Capital(Box<CapitalChange>),
    /// The outturn screen changed the actuals of the scenario on screen (one undoable step).
    Outturn(Box<super::OutturnEdit>),
    /// The outturn screen made a scenario (a plan rolled forward, a copy of the hindsight
    /// scenario): added beside the others and shown, as one undoable step named by the
    /// text.
    AddMade(Box<Scenario>, String),
}

/// A change made on a screen loaded on demand (the savings register, the reserves
/// strategy), which works out the changed scenario itself: the workspace checks and
/// projects it, logs it and makes it an undo step, as it does its own edits.
#[derive(Debug, Clone, PartialEq)]
pub struct Edited {
    /// The scenario on screen, changed.
    pub scenario: Scenario,
    /// What changed, for the change log and the undo button ("A: delivery status").
    pub what: String,
    /// How it read before.
    pub from: String,
    /// How it reads after.
    pub to: String,
    /// The field typed into (its key) and the text typed; `None` for a row added or removed.
    pub field: Option<(String, String)>,
}

/// `s`, if it differs from `now`: checked and projected, or why it cannot be (the message
/// alone: it is shown beside the field). `None` when nothing changed (the same figure
/// written another way).
fn checked(now: &Scenario, s: Scenario) -> Result<Option<(Scenario, Projection)>, String> {
    if s == *now {
        return Ok(None);
    }
    let valid = engine::Valid::check(&s).map_err(|e| e.message.clone())?;
    let p = engine::project_valid(valid).map_err(|e| e.to_string())?;
    Ok(Some((s, p)))
}

/// A scenario read from a backup file, with its change log, checked (it projects without
/// error) and packed for storage: the workspace lists it by name and reads it only when it
/// is shown, so restoring a thousand scenarios never holds the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    /// The scenario's name (as its packed contents hold it).
    pub name: String,
    /// The scenario and its change log, packed as the store keeps them.
    pub packed: Rc<str>,
}

fn notice(place: Place, error: bool, text: impl Into<String>) -> Option<Notice> {
    Some(Notice {
        place,
        error,
        text: text.into(),
    })
}

impl Workspace {
    /// The workspace after `action`, done at time `now` (for change logs).
    pub fn apply(&self, action: Action, now: &str) -> Workspace {
        let mut next = self.clone();
        match action {
            Action::Edit(field, text) => next.edit(field, text, now),
            Action::Change(e) => next.changed_on_screen(*e, now),
            Action::Draft(key, text, error) => {
                let draft = Draft {
                    text,
                    error: Some(error),
                };
                next.drafts.insert(Field::Screen(key), draft);
            }
            Action::PreceptInPercent(pct) => next.precept_in_percent(pct, now),
            Action::HeadlineYear(year) => next.headline_year = Some(year),
            Action::Reset => next.reset(now),
            Action::Select(sel) => next.select(sel),
            Action::NewFromBaseline => next.new_from_baseline(),
            Action::Duplicate => next.duplicate(),
            Action::Rename(name) => next.rename(&name),
            Action::Describe(text) => next.describe(&text),
            Action::Delete => next.delete(),
            Action::Undo => next.travel(History::undo),
            Action::Redo => next.travel(History::redo),
            Action::Seal => next.seal(),
            Action::Import(file, result) => next.import(&file, result),
            Action::AddScenario(name, s) => next.add_scenario(name, s),
            Action::OpenLink(fragment) => next.open_link(&fragment),
            Action::Show(view) => next.view = view,
            Action::Notify(n) => next.notice = Some(n),
            Action::DismissNotice => next.notice = None,
            Action::DismissRecovery => next.recovery = None,
            Action::Restore(Ok(restored)) => next.restore(restored),
            Action::Restore(Err(e)) => next.notice = notice(Place::Backup, true, e.to_string()),
            Action::Saved => {
                if matches!(&next.notice, Some(n) if n.place == Place::Storage && n.error) {
                    next.notice = None;
                }
            }
            Action::Capital(change) => next.capital(*change, now),
            Action::Forgotten(key) => next.forgotten(&key),
            Action::Outturn(edit) => next.outturn(*edit, now),
            Action::AddMade(scenario, step) => next.add_made(*scenario, &step),
        }
        next
    }

    /// A change made on a screen loaded on demand: with the field typed into, as that
    /// field's edit (a message beside it if refused); a row added or removed is a step, or
    /// a message at the register.
    fn changed_on_screen(&mut self, e: Edited, now: &str) {
        let Edited {
            scenario,
            what,
            from,
            to,
            field,
        } = e;
        if let Some((key, text)) = field {
            let field = Field::Screen(key);
            self.commit(field, text, Ok(scenario), (&what, &from, &to), now);
            return;
        }
        match checked(&self.scenario, scenario) {
            Ok(Some((s, p))) => {
                self.change(s, &what, &from, &to, now, None);
                self.show(p);
                self.notice = None;
            }
            Ok(None) => {}
            Err(m) => self.notice = notice(Place::Register, true, m),
        }
    }

    /// Precept rises given in % (`pct`) or in £: each year's rise written the other way.
    fn precept_in_percent(&mut self, pct: bool, now: &str) {
        let s = edit::precept_switched(&self.scenario, pct);
        let (from, to) = if pct { ("£", "%") } else { ("%", "£") };
        self.change(s, "Precept rises given in", from, to, now, None);
        self.refresh();
    }

    /// Every assumption back to the baseline's (the name and description kept).
    fn reset(&mut self, now: &str) {
        let mut s = (*self.baseline).clone();
        s.name.clone_from(&self.scenario.name);
        s.description.clone_from(&self.scenario.description);
        if self.current() == Selected::Baseline || s == *self.scenario {
            self.drafts.clear();
        } else {
            self.change(
                s,
                "All assumptions",
                "edited",
                "reset to the baseline",
                now,
                None,
            );
            self.refresh();
        }
    }

    /// Show `sel`, unless it cannot be read (then say why and stay).
    fn select(&mut self, sel: Selected) {
        if let Selected::Scenario(id) = sel {
            // The history shared, not copied: what is read from it outlives changes to self.
            let store = self.store.clone();
            if let Some(e) = store.0.present().get(id) {
                if let Err(why) = e.scenario() {
                    let n = self.unreadable(e, why);
                    self.notice = Some(n);
                    return;
                }
            }
        }
        let mut c = self.collection().clone();
        c.select(sel);
        self.untracked(c);
    }

    /// A new scenario from the baseline, shown for editing.
    fn new_from_baseline(&mut self) {
        let mut c = self.collection().clone();
        let mut s = (*self.baseline).clone();
        s.name = format!("Scenario {}", c.next_id());
        s.description = String::new();
        let id = c.add(s, Vec::new(), &self.baseline.name);
        let name = c.get(id).map(|e| e.name.clone()).unwrap_or_default();
        self.step(c, format!("Create '{name}'"));
        self.view = View::Edit;
    }

    /// A copy of the scenario on screen, with its change log.
    fn duplicate(&mut self) {
        let mut c = self.collection().clone();
        let log = match self.current() {
            Selected::Scenario(id) => c.get(id).map(|e| (*e.log()).clone()).unwrap_or_default(),
            Selected::Baseline => Vec::new(),
        };
        let mut s = (*self.scenario).clone();
        s.name = format!("Copy of {}", s.name);
        let id = c.add(s, log, &self.baseline.name);
        let name = c.get(id).map(|e| e.name.clone()).unwrap_or_default();
        self.step(c, format!("Duplicate as '{name}'"));
    }

    /// Rename the scenario on screen, or say beside the name box why not.
    fn rename(&mut self, name: &str) {
        if let Selected::Scenario(id) = self.current() {
            let mut c = self.collection().clone();
            match c.rename(id, name, &self.baseline.name) {
                Ok(()) if c == *self.collection() => {}
                Ok(()) => {
                    self.step(c, format!("Rename to '{}'", name.trim()));
                    self.notice = None;
                }
                Err(e) => self.notice = notice(Place::Name, true, e.to_string()),
            }
        }
    }

    /// Set the description of the scenario on screen.
    fn describe(&mut self, text: &str) {
        if let Selected::Scenario(id) = self.current() {
            let mut c = self.collection().clone();
            if c.describe(id, text) && c != *self.collection() {
                self.step(c, "Edit the description".into());
            }
        }
    }

    /// Delete the scenario on screen (undo brings it back).
    fn delete(&mut self) {
        if let Selected::Scenario(id) = self.current() {
            let mut c = self.collection().clone();
            let name = self.scenario.name.clone();
            if c.delete(id) {
                self.step(c, format!("Delete '{name}'"));
                self.notice = notice(
                    Place::Scenarios,
                    false,
                    format!("Deleted '{name}'. Undo brings it back."),
                );
            }
        }
    }

    /// Typing in a field has ended: the next keystroke starts a new step.
    fn seal(&mut self) {
        if self.history().is_open() {
            let mut h = (*self.store.0).clone();
            h.seal();
            self.store = Shared(Rc::new(h));
        }
    }

    /// Add an imported file's scenario (if it projects) and show it, or say why not.
    fn import(&mut self, file: &str, result: Result<Box<Scenario>, ImportError>) {
        let projected = result.and_then(|s| match engine::project(&s) {
            Ok(_) => Ok(s),
            Err(e) => Err(ImportError::new(file, ImportProblem::NotProjected(e))),
        });
        match projected {
            Ok(s) => {
                let mut c = self.collection().clone();
                let id = c.add(*s, Vec::new(), &self.baseline.name);
                let name = c.get(id).map(|e| e.name.clone()).unwrap_or_default();
                self.step(c, format!("Import '{name}'"));
                self.view = View::Edit;
                self.notice = notice(
                    Place::Import,
                    false,
                    format!("Imported '{name}' as a new scenario."),
                );
            }
            Err(e) => self.notice = notice(Place::Import, true, e.to_string()),
        }
    }

    /// Add a scenario made on screen (an analysis's answer) under `name`, if it projects,
    /// and show it; or say why not.
    fn add_scenario(&mut self, name: String, mut s: Box<Scenario>) {
        match engine::project(&s) {
            Ok(_) => {
                let mut c = self.collection().clone();
                s.name = name;
                let id = c.add(*s, Vec::new(), &self.baseline.name);
                let name = c.get(id).map(|e| e.name.clone()).unwrap_or_default();
                self.step(c, format!("Add '{name}'"));
                self.view = View::Edit;
                self.notice = notice(
                    Place::Scenarios,
                    false,
                    format!("Added '{name}' as a new scenario. Undo takes it out again."),
                );
            }
            Err(e) => {
                self.notice = notice(
                    Place::Scenarios,
                    true,
                    format!("The scenario could not be added: {e}"),
                )
            }
        }
    }

    /// Add the scenario a share link carries (in a tab already showing the app).
    fn open_link(&mut self, fragment: &str) {
        if share::is_share_fragment(fragment) {
            let mut c = self.collection().clone();
            let n = self.add_shared(&mut c, fragment);
            if !n.error {
                self.step(c, "Open a shared scenario".into());
                self.view = View::Edit;
            }
            self.notice = Some(n);
        }
    }

    /// Add a backup's scenarios beside the user's own as one step; the screen stays where
    /// it was.
    fn restore(&mut self, restored: Vec<Restored>) {
        let mut c = self.collection().clone();
        let n = restored.len();
        let before = self.current();
        for r in restored {
            c.add_stored(
                &r.name,
                r.packed,
                records::unpack_contents,
                &self.baseline.name,
            );
        }
        c.select(before);
        if n > 0 {
            let plural = if n == 1 { "" } else { "s" };
            self.step(c, format!("Restore {n} scenario{plural} from a backup"));
        }
        self.notice = notice(
            Place::Backup,
            false,
            match n {
                0 => "The backup holds no scenarios: nothing was added.".to_string(),
                1 => "Restored 1 scenario from the backup, beside your own. Undo takes it out \
                      again."
                    .into(),
                n => format!(
                    "Restored {} scenarios from the backup, beside your own. Undo takes them \
                     out again.",
                    crate::format::count(n.into(), 0)
                ),
            },
        );
    }

    /// Saved work that could not be read (kept under `key`) was deleted from the browser.
    fn forgotten(&mut self, key: &str) {
        if let Some(r) = &mut self.recovery {
            r.kept.retain(|k| k.key != key);
            if r.kept.is_empty() && !r.newer {
                self.recovery = None;
            }
        }
    }

    /// Typed text in a field: a valid figure changes the scenario on screen (a new one if
    /// that was the baseline); anything else stays beside the field with its message.
    fn edit(&mut self, field: Field, text: String, now: &str) {
        let spec = edit::spec(&self.scenario, &field);
        let changed = edit::parse_input(&text, spec.unit)
            .and_then(|v| edit::apply(&self.scenario, &field, v));
        let shown_as = |s: &Result<Scenario, String>| match s {
            Ok(s) => shown(s, &field),
            Err(_) => String::new(),
        };
        let (from, to) = (shown(&self.scenario, &field), shown_as(&changed));
        self.commit(field, text, changed, (&spec.label, &from, &to), now);
    }

    /// Text typed into `field` made `changed` (or could not be used): a scenario that
    /// validates and projects becomes the one on screen, logged as `what` going from `from`
    /// to `to`; anything else stays beside the field with its message.
    fn commit(
        &mut self,
        field: Field,
        text: String,
        changed: Result<Scenario, String>,
        (what, from, to): (&str, &str, &str),
        now: &str,
    ) {
        match changed.and_then(|s| checked(&self.scenario, s)) {
            Ok(None) => {
                // Nothing to log or undo.
                self.drafts.insert(field, Draft { text, error: None });
            }
            Ok(Some((scenario, projection))) => {
                let key = field.key();
                let drafts = std::mem::take(&mut self.drafts);
                self.change(scenario, what, from, to, now, Some(key));
                // The edit has just been projected: show that, not a second projection.
                self.show(projection);
                // Other fields' accepted text is dropped, so they show the scenario's figure:
                // a quick what-if that sets a whole row must not leave an older figure typed
                // in one of its cells. Rejected text stays beside its field.
                self.drafts = drafts;
                self.drafts.retain(|_, d| d.error.is_some());
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

    /// Make `scenario` the new state of the scenario on screen (shown once the caller calls
    /// `refresh` or `show`), logged as `what` going from `from` to `to`. Changing the baseline makes a new scenario from it first.
    /// Steps with the same `merge` key one after another are one undo step and one log
    /// entry.
    pub(super) fn change(
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
        // The caller shows the result: `refresh` projects it, `show` takes a projection
        // already made.
    }

    /// Show the collection's current scenario with `projection`, already computed for it.
    fn show(&mut self, projection: Projection) {
        if let Some(s) = self.scenario_of(self.current()) {
            self.scenario = s;
            self.projection = Rc::new(projection);
        }
    }

    /// Undo or redo (`go` is `History::undo` or `History::redo`): show where it leads,
    /// with no drafts or message left over. One copy for both actions.
    fn travel(&mut self, go: fn(&mut History<Collection>) -> bool) {
        let mut h = (*self.store.0).clone();
        if go(&mut h) {
            self.store = Shared(Rc::new(h));
            self.drafts.clear();
            self.notice = None;
            self.refresh();
        }
    }

    /// Make `c` the collection as one undoable step called `label`.
    pub(super) fn step(&mut self, c: Collection, label: String) {
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
    pub(super) fn refresh(&mut self) {
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
