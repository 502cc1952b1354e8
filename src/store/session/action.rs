//! What each [`Action`] does to the workspace.

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
            Action::Change(e) => {
                let Edited {
                    scenario,
                    what,
                    from,
                    to,
                    field,
                } = *e;
                match field {
                    Some((key, text)) => {
                        next.commit(
                            Field::Screen(key),
                            text,
                            Ok(scenario),
                            (&what, &from, &to),
                            now,
                        );
                    }
                    // A row added or removed: a step, or a message at the register.
                    None => match checked(&self.scenario, scenario) {
                        Ok(Some((s, p))) => {
                            next.change(s, &what, &from, &to, now, None);
                            next.show(p);
                            next.notice = None;
                        }
                        Ok(None) => {}
                        Err(m) => next.notice = notice(Place::Register, true, m),
                    },
                }
            }
            Action::Draft(key, text, error) => {
                next.drafts.insert(
                    Field::Screen(key),
                    Draft {
                        text,
                        error: Some(error),
                    },
                );
            }
            Action::PreceptInPercent(pct) => {
                let s = edit::precept_switched(&self.scenario, pct);
                let (from, to) = if pct { ("£", "%") } else { ("%", "£") };
                next.change(s, "Precept rises given in", from, to, now, None);
                next.refresh();
            }
            Action::HeadlineYear(year) => next.headline_year = Some(year),
            Action::Reset => {
                let mut s = (*self.baseline).clone();
                s.name.clone_from(&self.scenario.name);
                s.description.clone_from(&self.scenario.description);
                if self.current() == Selected::Baseline || s == *self.scenario {
                    next.drafts.clear();
                } else {
                    next.change(
                        s,
                        "All assumptions",
                        "edited",
                        "reset to the baseline",
                        now,
                        None,
                    );
                    next.refresh();
                }
            }
            Action::Select(sel) => {
                if let Selected::Scenario(id) = sel {
                    if let Some(e) = self.collection().get(id) {
                        if let Err(why) = e.scenario() {
                            next.notice = Some(next.unreadable(e, why));
                            return next;
                        }
                    }
                }
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
                let name = c.get(id).map(|e| e.name.clone()).unwrap_or_default();
                next.step(c, format!("Create '{name}'"));
                next.view = View::Edit;
            }
            Action::Duplicate => {
                let mut c = self.collection().clone();
                let log = match self.current() {
                    Selected::Scenario(id) => {
                        c.get(id).map(|e| (*e.log()).clone()).unwrap_or_default()
                    }
                    Selected::Baseline => Vec::new(),
                };
                let mut s = (*self.scenario).clone();
                s.name = format!("Copy of {}", s.name);
                let id = c.add(s, log, &self.baseline.name);
                let name = c.get(id).map(|e| e.name.clone()).unwrap_or_default();
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
                        Err(e) => next.notice = notice(Place::Name, true, e.to_string()),
                    }
                }
            }
            Action::Describe(text) => {
                if let Selected::Scenario(id) = self.current() {
                    let mut c = self.collection().clone();
                    if c.describe(id, &text) && c != *self.collection() {
                        next.step(c, "Edit the description".into());
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
            Action::Undo => next.travel(History::undo),
            Action::Redo => next.travel(History::redo),
            Action::Seal => {
                if self.history().is_open() {
                    let mut h = (*self.store.0).clone();
                    h.seal();
                    next.store = Shared(Rc::new(h));
                }
            }
            Action::Import(file, result) => {
                let projected = result.and_then(|s| match engine::project(&s) {
                    Ok(_) => Ok(s),
                    Err(e) => Err(ImportError::new(&file, ImportProblem::NotProjected(e))),
                });
                match projected {
                    Ok(s) => {
                        let mut c = self.collection().clone();
                        let id = c.add(*s, Vec::new(), &self.baseline.name);
                        let name = c.get(id).map(|e| e.name.clone()).unwrap_or_default();
                        next.step(c, format!("Import '{name}'"));
                        next.view = View::Edit;
                        next.notice = notice(
                            Place::Import,
                            false,
                            format!("Imported '{name}' as a new scenario."),
                        );
                    }
                    Err(e) => next.notice = notice(Place::Import, true, e.to_string()),
                }
            }
            Action::OpenLink(fragment) => {
                if share::is_share_fragment(&fragment) {
                    let mut c = self.collection().clone();
                    let n = self.add_shared(&mut c, &fragment);
                    if !n.error {
                        next.step(c, "Open a shared scenario".into());
                        next.view = View::Edit;
                    }
                    next.notice = Some(n);
                }
            }
            Action::Show(view) => next.view = view,
            Action::Notify(n) => next.notice = Some(n),
            Action::DismissNotice => next.notice = None,
            Action::DismissRecovery => next.recovery = None,
            Action::Restore(Ok(restored)) => {
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
                // The restored scenarios are listed; the screen stays where it was.
                c.select(before);
                if n > 0 {
                    let plural = if n == 1 { "" } else { "s" };
                    next.step(c, format!("Restore {n} scenario{plural} from a backup"));
                }
                next.notice = notice(
                    Place::Backup,
                    false,
                    match n {
                        0 => "The backup holds no scenarios: nothing was added.".to_string(),
                        1 => "Restored 1 scenario from the backup, beside your own. Undo takes it out again.".into(),
                        n => format!(
                            "Restored {} scenarios from the backup, beside your own. Undo takes them out again.",
                            crate::format::count(n.into(), 0)
                        ),
                    },
                );
            }
            Action::Restore(Err(e)) => next.notice = notice(Place::Backup, true, e.to_string()),
            Action::Saved => {
                if matches!(&self.notice, Some(n) if n.place == Place::Storage && n.error) {
                    next.notice = None;
                }
            }
            Action::Forgotten(key) => {
                if let Some(r) = &mut next.recovery {
                    r.kept.retain(|k| k.key != key);
                    if r.kept.is_empty() && !r.newer {
                        next.recovery = None;
                    }
                }
            }
        }
        next
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
    fn step(&mut self, c: Collection, label: String) {
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
