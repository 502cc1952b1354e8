//! The scenario collection: the baseline (never stored, never edited) and any number of
//! named scenarios, each with its own log of assumption changes.

use std::cell::OnceCell;
use std::rc::Rc;

use crate::model::json::{Item, Node, Object, Read};
use crate::model::scenario::Scenario;
use crate::model::ModelError;

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

/// A named scenario: its id, its name, and its contents (the scenario and its change log),
/// which may still be packed as they were stored: a browser holding a thousand scenarios
/// unpacks and checks only the ones that are opened.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Its id.
    pub id: ScenarioId,
    /// Its name: the scenario's own `name`, kept here so listing scenarios unpacks none.
    pub name: String,
    /// The scenario and its log (shared between undo snapshots until they change).
    pub body: Rc<Body>,
}

impl PartialEq for Entry {
    fn eq(&self, other: &Entry) -> bool {
        self.id == other.id && self.name == other.name && self.body == other.body
    }
}

impl Entry {
    /// An entry for `scenario` with its change log.
    pub fn new(id: ScenarioId, scenario: Scenario, log: Vec<Change>) -> Entry {
        Entry {
            id,
            name: scenario.name.clone(),
            body: Rc::new(Body::ready(Rc::new(scenario), Rc::new(log))),
        }
    }

    /// The scenario, unpacked and checked on first use; why it cannot be read, if so.
    pub fn scenario(&self) -> Result<&Rc<Scenario>, &ContentsError> {
        self.body.contents().map(|c| &c.scenario)
    }

    /// The change log, oldest first (empty for a scenario that cannot be read).
    pub fn log(&self) -> Rc<Vec<Change>> {
        self.body
            .contents()
            .map(|c| c.log.clone())
            .unwrap_or_default()
    }
}

/// A scenario and its change log, unpacked.
#[derive(Debug, Clone, PartialEq)]
pub struct Contents {
    /// The scenario (checked: it passed validation).
    pub scenario: Rc<Scenario>,
    /// Its change log, oldest first.
    pub log: Rc<Vec<Change>>,
}

/// What [`Body`] unpacks its stored text with: the text in, the contents or why they
/// cannot be read out. The browser store's format lives in [`super::records`].
pub type Unpacker = fn(&str) -> Result<Contents, ContentsError>;

/// Why a stored scenario's contents cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentsError {
    /// Its packed data is damaged or cut short.
    Damaged,
    /// It unpacks to more than the store allows.
    TooLarge,
    /// It unpacks, but not to text.
    NotText,
    /// Its text is not the contents' JSON (why, with the line and column).
    NotContents(String),
    /// Its scenario fails the reader or the validator.
    Scenario(ModelError),
    /// Its change log cannot be read (why).
    Log(String),
    /// Where it is kept, it is no longer there (another module asked the workspace for it).
    Gone,
}

impl std::fmt::Display for ContentsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ContentsError::Damaged => f.write_str("its stored data is damaged"),
            ContentsError::TooLarge => f.write_str("its stored data is too large"),
            ContentsError::NotText => f.write_str("its stored data is not text"),
            ContentsError::NotContents(why) => f.write_str(why),
            ContentsError::Scenario(e) => write!(f, "{e}"),
            ContentsError::Log(why) => write!(f, "its change log: {why}"),
            ContentsError::Gone => f.write_str("the workspace no longer has it"),
        }
    }
}

/// A named scenario's contents, either as made in this session or as stored. Each form
/// is worked out from the other once, when first needed, and kept: a stored scenario is
/// unpacked when it is opened; a new one is packed when it is saved.
pub struct Body {
    packed: OnceCell<Rc<str>>,
    contents: OnceCell<Result<Contents, ContentsError>>,
    unpack: Unpacker,
}

impl std::fmt::Debug for Body {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Body")
            .field("packed", &self.packed.get().map(|p| p.len()))
            .field("contents", &self.contents.get())
            .finish()
    }
}

impl PartialEq for Body {
    /// Same contents (unpacking either side if need be); two stored forms that cannot be
    /// read are equal only if their text is.
    fn eq(&self, other: &Body) -> bool {
        if std::ptr::eq(self, other) {
            return true;
        }
        match (self.contents(), other.contents()) {
            (Ok(a), Ok(b)) => a == b,
            (Err(_), Err(_)) => self.packed.get() == other.packed.get(),
            _ => false,
        }
    }
}

impl Body {
    /// Contents made in this session (packed when first saved).
    pub fn ready(scenario: Rc<Scenario>, log: Rc<Vec<Change>>) -> Body {
        Body {
            packed: OnceCell::new(),
            contents: OnceCell::from(Ok(Contents { scenario, log })),
            unpack: |_| Err(ContentsError::Gone),
        }
    }

    /// Contents made in this session together with their stored form, already packed
    /// (a restored backup is packed while it is read, so saving it is only a write).
    pub fn both(contents: Contents, packed: Rc<str>, unpack: Unpacker) -> Body {
        Body {
            packed: OnceCell::from(packed),
            contents: OnceCell::from(Ok(contents)),
            unpack,
        }
    }

    /// Contents as stored, `packed`, to be read by `unpack` when first needed.
    pub fn stored(packed: Rc<str>, unpack: Unpacker) -> Body {
        Body {
            packed: OnceCell::from(packed),
            contents: OnceCell::new(),
            unpack,
        }
    }

    /// The contents, unpacked on first use, or why they cannot be read.
    pub fn contents(&self) -> Result<&Contents, &ContentsError> {
        self.contents
            .get_or_init(|| match self.packed.get() {
                Some(text) => (self.unpack)(text),
                None => Err(ContentsError::Gone),
            })
            .as_ref()
    }

    /// True once the stored form exists (read from storage, or packed for a save).
    pub fn is_packed(&self) -> bool {
        self.packed.get().is_some()
    }

    /// True once the contents have been unpacked (or were made here).
    pub fn is_unpacked(&self) -> bool {
        self.contents.get().is_some()
    }

    /// The stored form, made by `pack` from the contents on first use. A body always has
    /// one form or the other, so this only fails for a body that was made with neither.
    pub fn packed(&self, pack: impl FnOnce(&Contents) -> String) -> Option<Rc<str>> {
        if let Some(p) = self.packed.get() {
            return Some(p.clone());
        }
        let contents = self.contents.get()?.as_ref().ok()?;
        Some(self.packed.get_or_init(|| pack(contents).into()).clone())
    }
}

/// The named scenarios, which one is on screen, and the next id to hand out.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Collection {
    entries: Vec<Entry>,
    current: Option<ScenarioId>,
    next_id: ScenarioId,
}

/// Why a scenario could not be renamed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameError {
    /// The new name is empty.
    Empty,
    /// Another scenario (or the baseline) is already called this.
    Taken(String),
    /// The scenario no longer exists, or cannot be read.
    Gone,
}

impl std::fmt::Display for NameError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NameError::Empty => f.write_str("A scenario needs a name"),
            NameError::Taken(name) => write!(
                f,
                "There is already a scenario called '{}'",
                crate::model::json::shorten(name)
            ),
            NameError::Gone => f.write_str("That scenario no longer exists or cannot be read"),
        }
    }
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

    /// Rebuild a collection from stored parts, in id order (the order they were made).
    /// Duplicate ids keep the first; a current id that is missing falls back to the
    /// baseline; `next_id` is raised past every id.
    pub fn from_parts(entries: Vec<Entry>, current: Selected, next_id: ScenarioId) -> Collection {
        let mut kept = entries;
        // Stable: of two entries with one id, the first given stays first and is kept.
        kept.sort_by_key(|e| e.id);
        kept.dedup_by_key(|e| e.id);
        let max = kept.last().map_or(0, |e| e.id);
        let mut c = Collection {
            entries: kept,
            current: None,
            next_id: next_id.max(max.saturating_add(1)).max(1),
        };
        c.select(current);
        c
    }

    /// The named scenarios, in the order they were created (which is id order).
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
        let at = self.position(id)?;
        self.entries.get(at)
    }

    /// Where entry `id` is (entries are kept in id order).
    fn position(&self, id: ScenarioId) -> Option<usize> {
        self.entries.binary_search_by_key(&id, |e| e.id).ok()
    }

    /// The entry `id`, to change.
    fn get_mut(&mut self, id: ScenarioId) -> Option<&mut Entry> {
        let at = self.position(id)?;
        self.entries.get_mut(at)
    }

    /// The scenario `sel`: the baseline is passed in, since it is never stored. None for
    /// an id not in the collection or a stored scenario that cannot be read.
    pub fn scenario<'a>(
        &'a self,
        sel: Selected,
        baseline: &'a Rc<Scenario>,
    ) -> Option<&'a Rc<Scenario>> {
        match sel {
            Selected::Baseline => Some(baseline),
            Selected::Scenario(id) => self.get(id).and_then(|e| e.scenario().ok()),
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
        let used = |n: &str| n == taken || self.entries.iter().any(|e| e.name == n);
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
        // The highest id so far: pushing keeps the entries in id order.
        self.entries.push(Entry::new(id, scenario, log));
        self.current = Some(id);
        id
    }

    /// Add `contents` packed as `packed` (by [`super::records`]'s rule, read back with
    /// `unpack`) and show it. If its name is taken it gets a new one, and then its packed
    /// form no longer matches and is made again when saved.
    pub fn add_packed(
        &mut self,
        contents: Contents,
        packed: Rc<str>,
        unpack: Unpacker,
        baseline_name: &str,
    ) -> ScenarioId {
        let name = self.unique_name(&contents.scenario.name, baseline_name);
        if name != contents.scenario.name
            || contents.scenario.description.chars().count() > MAX_DESCRIPTION_CHARS
        {
            let log = Rc::try_unwrap(contents.log).unwrap_or_else(|l| (*l).clone());
            let scenario = Rc::try_unwrap(contents.scenario).unwrap_or_else(|s| (*s).clone());
            return self.add(scenario, log, baseline_name);
        }
        let id = self.next_id;
        self.next_id = self.next_id.saturating_add(1);
        self.entries.push(Entry {
            id,
            name,
            body: Rc::new(Body::both(contents, packed, unpack)),
        });
        self.current = Some(id);
        id
    }

    /// Add the scenario called `name` whose contents are `packed` (by [`super::records`]'s
    /// rule, read back with `unpack`), read only when it is first shown; the screen stays
    /// where it was. If its name is taken it is read now and added under a new name (its
    /// packed form is then made again when saved); if it cannot be read it is not added.
    pub fn add_stored(
        &mut self,
        name: &str,
        packed: Rc<str>,
        unpack: Unpacker,
        baseline_name: &str,
    ) -> Option<ScenarioId> {
        let current = self.current;
        let unique = self.unique_name(name, baseline_name);
        let id = if unique == name {
            let id = self.next_id;
            self.next_id = self.next_id.saturating_add(1);
            self.entries.push(Entry {
                id,
                name: unique,
                body: Rc::new(Body::stored(packed, unpack)),
            });
            Some(id)
        } else {
            unpack(&packed)
                .ok()
                .map(|c| self.add_packed(c, packed, unpack, baseline_name))
        };
        self.current = current;
        id
    }

    /// Replace scenario `id` with `scenario` (its name and description are kept), logging
    /// `change`. With `merge`, the change continues the log's last entry (same field, typed
    /// in several keystrokes): that entry keeps its `from` and takes the new `to` and `at`.
    /// False if there is no such scenario, or it cannot be read.
    pub fn edit(
        &mut self,
        id: ScenarioId,
        mut scenario: Scenario,
        change: Change,
        merge: bool,
    ) -> bool {
        let Some(e) = self.get_mut(id) else {
            return false;
        };
        let Ok(now) = e.body.contents() else {
            return false;
        };
        scenario.name.clone_from(&now.scenario.name);
        scenario.description.clone_from(&now.scenario.description);
        let mut log = (*now.log).clone();
        match log.last_mut() {
            Some(last) if merge && last.field == change.field => {
                last.to = change.to;
                last.at = change.at;
            }
            _ => log.push(change),
        }
        e.body = Rc::new(Body::ready(Rc::new(scenario), Rc::new(log)));
        true
    }

    /// Change the scenario of entry `id` with `f`, keeping its log; false if there is no
    /// such scenario or it cannot be read.
    fn update(&mut self, id: ScenarioId, f: impl FnOnce(&mut Scenario)) -> bool {
        let Some(e) = self.get_mut(id) else {
            return false;
        };
        let Ok(now) = e.body.contents() else {
            return false;
        };
        let mut s = (*now.scenario).clone();
        f(&mut s);
        let log = now.log.clone();
        e.name.clone_from(&s.name);
        e.body = Rc::new(Body::ready(Rc::new(s), log));
        true
    }

    /// Rename scenario `id` (trimmed, cut to [`MAX_NAME_CHARS`]). The name must be new and
    /// not empty.
    pub fn rename(
        &mut self,
        id: ScenarioId,
        name: &str,
        baseline_name: &str,
    ) -> Result<(), NameError> {
        let name = clip(name.trim(), MAX_NAME_CHARS);
        if name.is_empty() {
            return Err(NameError::Empty);
        }
        let clash =
            name == baseline_name || self.entries.iter().any(|e| e.id != id && e.name == name);
        if clash {
            return Err(NameError::Taken(name));
        }
        if self.get(id).is_some_and(|e| e.name == name) {
            return Ok(());
        }
        if self.update(id, |s| s.name = name) {
            Ok(())
        } else {
            Err(NameError::Gone)
        }
    }

    /// Set scenario `id`'s description (cut to [`MAX_DESCRIPTION_CHARS`]).
    pub fn describe(&mut self, id: ScenarioId, description: &str) -> bool {
        let description = clip(description, MAX_DESCRIPTION_CHARS);
        let same = self
            .get(id)
            .and_then(|e| e.scenario().ok())
            .is_some_and(|s| s.description == description);
        !same && self.update(id, |s| s.description = description)
    }

    /// Delete scenario `id`; if it was on screen, show the one before it (or the baseline).
    pub fn delete(&mut self, id: ScenarioId) -> bool {
        let Some(at) = self.position(id) else {
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
