//! The scenario collection: the baseline (never stored, never edited) and any number of
//! named scenarios, each with its own log of assumption changes.

use std::rc::Rc;

use crate::model::json::{Item, Node, Object, Read};
use crate::model::scenario::Scenario;

/// A named scenario's id: stable for the life of the collection, never reused.
pub type ScenarioId = u32;

/// Which scenario is on screen (or picked for a comparison).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Selected {
    /// The read-only baseline.
    Baseline,
    /// A named scenario.
    Scenario(ScenarioId),
}

impl Selected {
    /// A token for DOM ids and storage: `baseline` or `s7`.
    pub fn key(self) -> String {
        match self {
            Selected::Baseline => "baseline".into(),
            Selected::Scenario(id) => format!("s{id}"),
        }
    }

    /// The inverse of [`Selected::key`].
    pub fn from_key(key: &str) -> Option<Selected> {
        if key == "baseline" {
            return Some(Selected::Baseline);
        }
        key.strip_prefix('s')
            .and_then(|n| n.parse().ok())
            .map(Selected::Scenario)
    }
}

/// One assumption change in a scenario's log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// What changed, as people read it ("Officer pay award 2024/25").
    pub field: String,
    /// The value before, as shown ("2.5%").
    pub from: String,
    /// The value after.
    pub to: String,
    /// When, as the caller gave it (the app passes an ISO 8601 UTC time).
    pub at: String,
}

impl Change {
    /// Read `{"field": …, "from": …, "to": …, "at": …}`.
    pub fn from_node(item: Item<'_>) -> Read<Change> {
        let o = item.object(&["field", "from", "to", "at"])?;
        Ok(Change {
            field: o.string("field")?,
            from: o.string("from")?,
            to: o.string("to")?,
            at: o.string("at")?,
        })
    }

    /// Write `{"field": …, "from": …, "to": …, "at": …}`.
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("field", Node::str(&self.field));
        o.put("from", Node::str(&self.from));
        o.put("to", Node::str(&self.to));
        o.put("at", Node::str(&self.at));
        o.node()
    }
}

/// A named scenario: the scenario itself (its `name` and `description` are the scenario
/// file's own) and its change log, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Its id.
    pub id: ScenarioId,
    /// The scenario (shared between undo snapshots until it changes).
    pub scenario: Rc<Scenario>,
    /// Its change log, oldest first.
    pub log: Rc<Vec<Change>>,
}

/// The named scenarios, which one is on screen, and the next id to hand out.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Collection {
    entries: Vec<Entry>,
    current: Option<ScenarioId>,
    next_id: ScenarioId,
}

/// The longest name kept, in characters (longer names are cut).
pub const MAX_NAME_CHARS: usize = 80;
/// The longest description kept, in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 2_000;

fn clip(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

impl Collection {
    /// An empty collection showing the baseline.
    pub fn new() -> Collection {
        Collection {
            entries: Vec::new(),
            current: None,
            next_id: 1,
        }
    }

    /// Rebuild a collection from stored parts. Duplicate ids keep the first; a current id
    /// that is missing falls back to the baseline; `next_id` is raised past every id.
    pub fn from_parts(entries: Vec<Entry>, current: Selected, next_id: ScenarioId) -> Collection {
        let mut kept: Vec<Entry> = Vec::new();
        for e in entries {
            if !kept.iter().any(|k| k.id == e.id) {
                kept.push(e);
            }
        }
        let max = kept.iter().map(|e| e.id).max().unwrap_or(0);
        let mut c = Collection {
            entries: kept,
            current: None,
            next_id: next_id.max(max.saturating_add(1)).max(1),
        };
        c.select(current);
        c
    }

    /// The named scenarios, in the order they were created.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The next id to be handed out.
    pub fn next_id(&self) -> ScenarioId {
        self.next_id
    }

    /// The scenario on screen.
    pub fn current(&self) -> Selected {
        self.current.map_or(Selected::Baseline, Selected::Scenario)
    }

    /// The named scenario `id`.
    pub fn get(&self, id: ScenarioId) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// The scenario `sel`: the baseline is passed in, since it is never stored.
    pub fn scenario<'a>(
        &'a self,
        sel: Selected,
        baseline: &'a Rc<Scenario>,
    ) -> Option<&'a Rc<Scenario>> {
        match sel {
            Selected::Baseline => Some(baseline),
            Selected::Scenario(id) => self.get(id).map(|e| &e.scenario),
        }
    }

    /// Show `sel`; an unknown id shows the baseline.
    pub fn select(&mut self, sel: Selected) {
        self.current = match sel {
            Selected::Scenario(id) if self.get(id).is_some() => Some(id),
            _ => None,
        };
    }

    /// `wanted`, or `wanted (2)`, `wanted (3)`… whichever no scenario (nor the baseline,
    /// `taken`) is called yet.
    pub fn unique_name(&self, wanted: &str, taken: &str) -> String {
        let wanted = clip(wanted.trim(), MAX_NAME_CHARS);
        let wanted = if wanted.is_empty() {
            "Scenario".to_string()
        } else {
            wanted
        };
        let used = |n: &str| n == taken || self.entries.iter().any(|e| e.scenario.name == n);
        if !used(&wanted) {
            return wanted;
        }
        (2..)
            .map(|i| format!("{wanted} ({i})"))
            .find(|n| !used(n))
            .unwrap_or(wanted)
    }

    /// Add `scenario` under a name no other scenario has, with `log`, and show it.
    pub fn add(
        &mut self,
        mut scenario: Scenario,
        log: Vec<Change>,
        baseline_name: &str,
    ) -> ScenarioId {
        scenario.name = self.unique_name(&scenario.name, baseline_name);
        scenario.description = clip(&scenario.description, MAX_DESCRIPTION_CHARS);
        let id = self.next_id;
        self.next_id = self.next_id.saturating_add(1);
        self.entries.push(Entry {
            id,
            scenario: Rc::new(scenario),
            log: Rc::new(log),
        });
        self.current = Some(id);
        id
    }

    /// Replace scenario `id` with `scenario` (its name and description are kept), logging
    /// `change`. With `merge`, the change continues the log's last entry (same field, typed
    /// in several keystrokes): that entry keeps its `from` and takes the new `to` and `at`.
    /// False if there is no such scenario.
    pub fn edit(
        &mut self,
        id: ScenarioId,
        mut scenario: Scenario,
        change: Change,
        merge: bool,
    ) -> bool {
        let Some(e) = self.entries.iter_mut().find(|e| e.id == id) else {
            return false;
        };
        scenario.name = e.scenario.name.clone();
        scenario.description = e.scenario.description.clone();
        let mut log = (*e.log).clone();
        match log.last_mut() {
            Some(last) if merge && last.field == change.field => {
                last.to = change.to;
                last.at = change.at;
            }
            _ => log.push(change),
        }
        e.scenario = Rc::new(scenario);
        e.log = Rc::new(log);
        true
    }

    /// Rename scenario `id` (trimmed, cut to [`MAX_NAME_CHARS`]). The name must be new and
    /// not empty.
    pub fn rename(
        &mut self,
        id: ScenarioId,
        name: &str,
        baseline_name: &str,
    ) -> Result<(), String> {
        let name = clip(name.trim(), MAX_NAME_CHARS);
        if name.is_empty() {
            return Err("A scenario needs a name".into());
        }
        let clash = name == baseline_name
            || self
                .entries
                .iter()
                .any(|e| e.id != id && e.scenario.name == name);
        if clash {
            return Err(format!("There is already a scenario called '{name}'"));
        }
        let e = self
            .entries
            .iter_mut()
            .find(|e| e.id == id)
            .ok_or_else(|| "That scenario no longer exists".to_string())?;
        let mut s = (*e.scenario).clone();
        s.name = name;
        e.scenario = Rc::new(s);
        Ok(())
    }

    /// Set scenario `id`'s description (cut to [`MAX_DESCRIPTION_CHARS`]).
    pub fn describe(&mut self, id: ScenarioId, description: &str) -> bool {
        let Some(e) = self.entries.iter_mut().find(|e| e.id == id) else {
            return false;
        };
        let mut s = (*e.scenario).clone();
        s.description = clip(description, MAX_DESCRIPTION_CHARS);
        e.scenario = Rc::new(s);
        true
    }

    /// Delete scenario `id`; if it was on screen, show the one before it (or the baseline).
    pub fn delete(&mut self, id: ScenarioId) -> bool {
        let Some(at) = self.entries.iter().position(|e| e.id == id) else {
            return false;
        };
        self.entries.remove(at);
        if self.current == Some(id) {
            self.current = at
                .checked_sub(1)
                .and_then(|i| self.entries.get(i))
                .or_else(|| self.entries.first())
                .map(|e| e.id);
        }
        true
    }
}
