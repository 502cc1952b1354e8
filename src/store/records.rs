//! The browser store: the scenario collection kept as one record per scenario, so a save
//! writes only what changed, a thousand scenarios fit, and a record that cannot be read is
//! never written over. Pure: the app's `storage` module moves the records in and out of
//! IndexedDB (or local storage where IndexedDB is not available). docs/scenarios.md
//! describes the format, its versions, moving older saved work, and recovery.
//!
//! Every record is text under a key:
//!
//! | key | value |
//! |---|---|
//! | `meta` | `{"v":3,"current":"s7","next_id":12}` |
//! | `s<id>` | `{"v":3,"id":7,"name":"Pay 4%"}`, a newline, then the packed contents |
//! | `u<n>` | `{"v":3,"kind":"unreadable","from":"…","problem":"…"}`, a newline, then the text as it was found |
//!
//! The packed contents are `{"scenario": <the scenario file>, "log": [<changes>]}`, packed
//! by [`pack`]. The header before the newline is all that opening the app reads; a
//! scenario is unpacked and checked when it is first opened.
//!
//! Rules that keep saved work safe:
//! - A save writes the records of scenarios changed since the last save, deletes those of
//!   scenarios deleted since, and writes `meta` if it changed. Nothing else: a record this
//!   version could not read is never written or deleted by a save.
//! - A store written by a newer version (any record with `v` above [`VERSION`]) is never
//!   written at all.
//! - Older saved work (the local-storage envelope, [`super::legacy`]) is moved in by the
//!   first save; the app deletes the old copy only after reading the new records back.

use std::rc::Rc;

use super::collection::{
    Body, Change, Collection, Contents, ContentsError, Entry, ScenarioId, Selected,
};
use super::legacy;
use super::pack::{self, Unpack};
use crate::model::json::{self, Item, Node, Object};
use crate::model::scenario::Scenario;
use crate::model::vec_map::VecMap;

/// The record format this build writes and reads.
pub const VERSION: u64 = 3;
/// The key of the record that says which scenario is on screen and the next id.
pub const META: &str = "meta";
/// Where the store's records live in local storage, when IndexedDB cannot be used:
/// `mtfp.v3.` and the record's key.
pub const LOCAL_PREFIX: &str = "mtfp.v3.";
/// The local-storage key of the journal: changes not yet confirmed as saved when the page
/// was hidden or left, replayed by the next visit ([`journal`], [`read_journal`]).
pub const JOURNAL_KEY: &str = "mtfp.v3.journal";
/// The most a scenario's packed contents may unpack to (the baseline is about 37 KB).
pub const MAX_CONTENTS_BYTES: usize = 8_000_000;

/// One write to the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    /// Set record `key` to `value`.
    Put {
        /// The record's key.
        key: String,
        /// Its new text.
        value: String,
    },
    /// Delete record `key`.
    Delete {
        /// The record's key.
        key: String,
    },
}

impl Op {
    /// The key written.
    pub fn key(&self) -> &str {
        match self {
            Op::Put { key, .. } | Op::Delete { key } => key,
        }
    }
}

/// The key of scenario `id`'s record.
pub fn scenario_key(id: ScenarioId) -> String {
    format!("s{id}")
}

/// Saved work that could not be read, kept exactly where it is (or was moved to) for the
/// user to download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    /// Where it is: a record key, or a local-storage key for older saved work left in place.
    pub key: String,
    /// What it is, for the user ("Saved scenario 7").
    pub label: String,
    /// The text, exactly as found, to download.
    pub text: String,
    /// True if the user may delete it from the browser (never for work a newer version of
    /// the planner wrote: that is left exactly as it is).
    pub removable: bool,
}

/// What opening the store found.
#[derive(Debug, Clone)]
pub struct Opened {
    /// Every scenario that could be listed (each is unpacked when first opened).
    pub collection: Collection,
    /// One sentence per problem, for the user.
    pub problems: Vec<String>,
    /// Saved work that could not be read, kept for download.
    pub kept: Vec<Kept>,
    /// True if a newer version of the planner wrote the store: nothing may be written.
    pub newer: bool,
    /// Records to write with the first save: older saved work moved in, as records of
    /// what could not be read.
    pub moves: Vec<Op>,
    /// Local-storage keys of older saved work to delete once the first save is written
    /// and read back.
    pub retire: Vec<String>,
    /// What the store holds now: the first save writes the difference.
    pub saved: Saved,
}

/// What the store holds, as far as saving is concerned: each scenario record written (the
/// body it was written from) and the `meta` text.
#[derive(Debug, Clone, Default)]
pub struct Saved {
    bodies: VecMap<ScenarioId, Rc<Body>>,
    meta: Option<String>,
}

/// The writes that bring the store up to a collection, and what it holds after them.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The writes, in order; empty when nothing changed.
    pub ops: Vec<Op>,
    /// What the store holds once they are committed.
    pub saved: Saved,
}

impl Saved {
    /// The writes that make the store hold `c`: the records of scenarios added or changed
    /// since (compared by the identity of their contents, so unchanged scenarios cost
    /// nothing), deletions of the scenarios removed since, and `meta` if it changed.
    pub fn plan(&self, c: &Collection) -> Plan {
        let mut ops = Vec::new();
        let mut bodies = VecMap::new();
        for e in c.entries() {
            let same = self
                .bodies
                .get(&e.id)
                .is_some_and(|b| Rc::ptr_eq(b, &e.body));
            if !same {
                let Some(value) = record(e) else { continue };
                ops.push(Op::Put {
                    key: scenario_key(e.id),
                    value,
                });
            }
            bodies.insert(e.id, e.body.clone());
        }
        for (id, _) in self.bodies.iter() {
            if c.get(*id).is_none() {
                ops.push(Op::Delete {
                    key: scenario_key(*id),
                });
            }
        }
        let meta = meta(c);
        if self.meta.as_deref() != Some(meta.as_str()) {
            ops.push(Op::Put {
                key: META.into(),
                value: meta.clone(),
            });
        }
        Plan {
            ops,
            saved: Saved {
                bodies,
                meta: Some(meta),
            },
        }
    }
}

impl Saved {
    /// The scenarios of `c` a save would write that are not yet packed (packing is the
    /// costly part of a save: the app does it a few at a time, so that writing a thousand
    /// restored scenarios never holds the page).
    pub fn to_pack<'a>(&'a self, c: &'a Collection) -> impl Iterator<Item = &'a Entry> + 'a {
        c.entries().iter().filter(move |e| {
            let same = self
                .bodies
                .get(&e.id)
                .is_some_and(|b| Rc::ptr_eq(b, &e.body));
            !same && !e.body.is_packed()
        })
    }
}

/// Pack entry `e`'s contents now (kept with them), so a later save finds them packed.
pub fn pack_entry(e: &Entry) {
    let _ = e.body.packed(pack_contents);
}

/// The `meta` record of `c`.
pub fn meta(c: &Collection) -> String {
    let mut o = Object::new();
    o.put("v", Node::int(VERSION as i64));
    o.put("current", Node::str(&c.current().key()));
    o.put("next_id", Node::int(c.next_id().into()));
    json::to_string(&o.node())
}

/// The record of entry `e`: its header, a newline and its packed contents. None only for
/// an entry with neither contents nor a stored form, which cannot be made.
pub fn record(e: &Entry) -> Option<String> {
    let packed = e.body.packed(pack_contents)?;
    let mut o = Object::new();
    o.put("v", Node::int(VERSION as i64));
    o.put("id", Node::int(e.id.into()));
    o.put("name", Node::str(&e.name));
    Some(format!("{}\n{packed}", json::to_string(&o.node())))
}

/// The contents as the text that is packed: `{"scenario": …, "log": […]}`.
pub fn contents_json(scenario: &Scenario, log: &[Change]) -> String {
    format!(
        "{{\"scenario\":{},\"log\":{}}}",
        scenario.to_json_compact(),
        json::to_string(&Node::array(log.iter().map(Change::to_node).collect()))
    )
}

/// Scenario `e`'s `{"scenario": …, "log": […]}` text, for a backup: a scenario read from
/// the store is only unpacked, never checked again, so a backup of a thousand is quick; one
/// that cannot be read has none (it has its own download).
pub fn backup_text(e: &Entry) -> Option<String> {
    if e.body.is_packed() {
        e.body
            .packed(|_| String::new())
            .and_then(|p| unpack_text(&p).ok())
    } else {
        let c = e.body.contents().ok()?;
        Some(contents_json(&c.scenario, &c.log))
    }
}

/// The contents packed as a scenario record holds them.
pub fn pack_contents(c: &Contents) -> String {
    pack::pack(&contents_json(&c.scenario, &c.log), pack::STORE_LEVEL)
}

/// The contents packed in a scenario record, checked, or why they cannot be read.
pub fn unpack_contents(packed: &str) -> Result<Contents, ContentsError> {
    let text = unpack_text(packed)?;
    read_contents(&text)
}

/// The text of a scenario record's packed contents.
pub fn unpack_text(packed: &str) -> Result<String, ContentsError> {
    pack::unpack(packed, MAX_CONTENTS_BYTES).map_err(|e| match e {
        Unpack::NotBase64 | Unpack::NotDeflate => ContentsError::Damaged,
        Unpack::TooLarge => ContentsError::TooLarge,
        Unpack::NotText => ContentsError::NotText,
    })
}

/// Read `{"scenario": …, "log": […]}`: the scenario checked as an imported file is.
pub fn read_contents(text: &str) -> Result<Contents, ContentsError> {
    let node = json::parse(text)
        .map_err(|e| ContentsError::NotContents(format!("not valid JSON ({e})")))?;
    let root = Item::root(&node);
    let located = |e: Box<json::ReadError>| e.locate(text, "contents").to_string();
    let o = root
        .object(&["scenario", "log"])
        .map_err(|e| ContentsError::NotContents(located(e)))?;
    let scenario_node = o
        .req("scenario")
        .map_err(|e| ContentsError::NotContents(located(e)))?;
    let scenario =
        Scenario::from_tree(scenario_node.node, text).map_err(ContentsError::Scenario)?;
    let log = match o.opt("log") {
        None => Vec::new(),
        Some(l) => l
            .list(Change::from_node)
            .map_err(|e| ContentsError::Log(e.locate(text, "log").message))?,
    };
    Ok(Contents {
        scenario: Rc::new(scenario),
        log: Rc::new(log),
    })
}

/// A record's header and the text after its newline.
fn split(value: &str) -> (&str, &str) {
    value.split_once('\n').unwrap_or((value, ""))
}

/// The version a record says it has, if its header says.
fn version_of(header: &Node) -> Option<u64> {
    header.get("v").and_then(Node::as_u64)
}

/// What one record holds.
enum Record {
    Meta(Selected, ScenarioId),
    Scenario(ScenarioId, String, Rc<str>),
    Kept,
}

/// Read record `key`, or why it cannot be read; `Ok(None)` for a record of a newer version.
fn read_record(key: &str, value: &str) -> Result<Option<Record>, String> {
    let (head, rest) = if key == META {
        (value, "")
    } else {
        split(value)
    };
    let header = json::parse(head).map_err(|_| "its header is not readable".to_string())?;
    match version_of(&header) {
        Some(v) if v > VERSION => return Ok(None),
        Some(VERSION) => {}
        _ => return Err("it has no version this planner knows".into()),
    }
    if key == META {
        let current = header
            .get("current")
            .and_then(Node::as_str)
            .and_then(Selected::from_key)
            .unwrap_or(Selected::Baseline);
        let next_id = header
            .get("next_id")
            .and_then(Node::as_u64)
            .and_then(|n| ScenarioId::try_from(n).ok())
            .unwrap_or(1);
        return Ok(Some(Record::Meta(current, next_id)));
    }
    if key.starts_with('u') {
        return Ok(Some(Record::Kept));
    }
    let id = key
        .strip_prefix('s')
        .and_then(|n| n.parse::<ScenarioId>().ok())
        .filter(|id| *id > 0)
        .ok_or_else(|| "its key is not one this planner writes".to_string())?;
    if header.get("id").and_then(Node::as_u64) != Some(u64::from(id)) {
        return Err("its id does not match its key".into());
    }
    let name = header
        .get("name")
        .and_then(Node::as_str)
        .filter(|n| !n.trim().is_empty())
        .ok_or_else(|| "it has no name".to_string())?;
    if rest.is_empty() {
        return Err("it has no contents".into());
    }
    Ok(Some(Record::Scenario(id, name.to_string(), rest.into())))
}

/// A label for record `key` ("Saved scenario 7").
fn label(key: &str) -> String {
    match key.strip_prefix('s') {
        Some(id) if key != META => format!("Saved scenario {id}"),
        _ if key == META => "The list of saved scenarios".into(),
        _ => "Saved data that an earlier visit could not read".into(),
    }
}

/// The text a kept record offers for download: for a record of unreadable text moved in
/// from older saved work, that text exactly; otherwise the record itself.
fn kept_text(key: &str, value: &str) -> String {
    if key.starts_with('u') {
        let (head, rest) = split(value);
        if json::parse(head).is_ok_and(|h| version_of(&h) == Some(VERSION)) {
            return rest.to_string();
        }
    }
    value.to_string()
}

/// The problem a kept record of unreadable text reports.
fn kept_problem(value: &str) -> Option<String> {
    let (head, _) = split(value);
    let header = json::parse(head).ok()?;
    let problem = header.get("problem").and_then(Node::as_str)?;
    Some(problem.to_string())
}

/// A record of text that could not be read, moved in from `from`.
fn unreadable_record(from: &str, problem: &str, text: &str) -> String {
    let mut o = Object::new();
    o.put("v", Node::int(VERSION as i64));
    o.put("kind", Node::str("unreadable"));
    o.put("from", Node::str(from));
    o.put("problem", Node::str(problem));
    format!("{}\n{text}", json::to_string(&o.node()))
}

/// Open the store: `records` as the backend holds them (key, text), `legacy` the app's
/// keys in local storage from before the database (`mtfp.workspace`,
/// `mtfp.unreadable.<time>`), `journal` the text under [`JOURNAL_KEY`], if any.
///
/// Never fails: what can be read is listed, what cannot is kept as it is and described.
/// The journal's changes are laid over the records (they are newer) and written by the
/// first save, as is older saved work moved in.
pub fn open(
    records: &[(String, String)],
    legacy: &[(String, String)],
    journal: Option<&str>,
) -> Opened {
    open_store(records, legacy, journal, false)
}

/// [`open`], for a store that a newer version of the planner has upgraded past this
/// build (the browser's database said so): what can be read is listed, nothing is written.
pub fn open_newer(records: &[(String, String)], legacy: &[(String, String)]) -> Opened {
    open_store(records, legacy, None, true)
}

/// The journal's changes laid over the records (the key-value view the workspace opens
/// from); a journal that cannot be read is a problem, and is not applied.
fn replay_journal(
    records: &[(String, String)],
    journal: Option<&str>,
    problems: &mut Vec<String>,
) -> VecMap<String, String> {
    let mut view: VecMap<String, String> = VecMap::new();
    for (k, v) in records {
        view.insert(k.clone(), v.clone());
    }
    match journal.map(read_journal) {
        Some(Ok(ops)) => {
            for op in ops {
                match op {
                    Op::Put { key, value } => {
                        view.insert(key, value);
                    }
                    Op::Delete { key } => {
                        view.remove(&key);
                    }
                }
            }
        }
        Some(Err(e)) => problems.push(format!(
            "Changes made just before the planner was last closed could not be read ({e}); \
             they were not applied."
        )),
        None => {}
    }
    view
}

/// What the backend itself holds, as far as saving goes: its meta record, and the scenario
/// records the journal deleted or replaced (still there until the first save deletes or
/// rewrites them).
fn saved_in_backend(records: &[(String, String)], view: &VecMap<String, String>) -> Saved {
    let mut saved = Saved::default();
    for (key, value) in records {
        if key == META {
            saved.meta = Some(value.clone());
        } else if let Ok(Some(Record::Scenario(id, _, packed))) = read_record(key, value) {
            if view.get(key) != Some(value) {
                saved
                    .bodies
                    .insert(id, Rc::new(Body::stored(packed, unpack_contents)));
            }
        }
    }
    saved
}

/// The workspace's scenarios as the view of the store holds them, and what could not be
/// read in it.
struct Reading {
    entries: Vec<Entry>,
    current: Selected,
    next_id: ScenarioId,
    problems: Vec<String>,
    kept: Vec<Kept>,
    newer: bool,
    /// The highest `u<n>` key in use (unreadable work kept aside).
    unreadable_n: u32,
}

impl Reading {
    /// Read every record of `view`; a scenario record the backend holds as it is, is
    /// counted as saved in `saved`.
    fn read(
        view: &VecMap<String, String>,
        records: &[(String, String)],
        saved: &mut Saved,
        problems: Vec<String>,
        newer: bool,
    ) -> Reading {
        let mut r = Reading {
            entries: Vec::new(),
            current: Selected::Baseline,
            next_id: 1,
            problems,
            kept: Vec::new(),
            newer,
            unreadable_n: 0,
        };
        for (key, value) in view.iter() {
            if let Some(n) = key.strip_prefix('u').and_then(|n| n.parse::<u32>().ok()) {
                r.unreadable_n = r.unreadable_n.max(n);
            }
            match read_record(key, value) {
                Ok(None) => r.newer = true,
                Ok(Some(Record::Meta(c, n))) => {
                    r.current = c;
                    r.next_id = n;
                }
                Ok(Some(Record::Scenario(id, name, packed))) => {
                    let body = Rc::new(Body::stored(packed, unpack_contents));
                    // A scenario as the backend holds it is saved; one from the journal is
                    // written again by the first save.
                    if records.iter().any(|(k, v)| k == key && v == value) {
                        saved.bodies.insert(id, body.clone());
                    }
                    r.entries.push(Entry { id, name, body });
                }
                Ok(Some(Record::Kept)) => {
                    let problem =
                        kept_problem(value).unwrap_or_else(|| "it could not be read".into());
                    r.problems.push(format!("{}: {problem}.", label(key)));
                    r.kept.push(Kept {
                        key: key.clone(),
                        label: label(key),
                        text: kept_text(key, value),
                        removable: true,
                    });
                }
                Err(why) => r.unreadable(key, value, &why),
            }
        }
        r
    }

    /// Record `key` could not be read (`why`): kept aside for download, its id never used
    /// again, so no new scenario is ever saved over it.
    fn unreadable(&mut self, key: &str, value: &str, why: &str) {
        self.problems
            .push(format!("{} could not be read: {why}.", label(key)));
        self.kept.push(Kept {
            key: key.to_string(),
            label: label(key),
            text: value.to_string(),
            removable: !self.newer,
        });
        if let Some(id) = key
            .strip_prefix('s')
            .and_then(|n| n.parse::<ScenarioId>().ok())
        {
            self.next_id = self.next_id.max(id.saturating_add(1));
        }
    }

    /// A newer version wrote the store: everything as it was found goes first, to take to
    /// the newer version or keep, with the reason; older saved work is kept as it is.
    fn keep_for_newer(&mut self, records: &[(String, String)], legacy: &[(String, String)]) {
        let mut all = Object::new();
        for (key, value) in records {
            all.put(key, Node::str(value));
        }
        self.kept.insert(
            0,
            Kept {
                key: String::new(),
                label: "Your saved scenarios, as the newer version wrote them".into(),
                text: json::to_string_pretty(&all.node()),
                removable: false,
            },
        );
        self.problems.insert(
            0,
            "Your saved scenarios were written by a newer version of the planner. This version \
             will not change them: open them in the newer version, or download them below. \
             Changes made here are not saved."
                .into(),
        );
        for (key, text) in legacy {
            self.kept.push(Kept {
                key: key.clone(),
                label: format!("Older saved work ({key})"),
                text: text.clone(),
                removable: false,
            });
        }
    }
}

fn open_store(
    records: &[(String, String)],
    legacy: &[(String, String)],
    journal: Option<&str>,
    newer_database: bool,
) -> Opened {
    let mut problems = Vec::new();
    let newer = newer_database
        || records
            .iter()
            .any(|(k, v)| read_record(k, v).is_ok_and(|r| r.is_none()));
    // The journal's changes are laid over the records, unless a newer version owns the
    // store.
    let view = replay_journal(records, journal.filter(|_| !newer), &mut problems);
    let mut saved = saved_in_backend(records, &view);
    let mut r = Reading::read(&view, records, &mut saved, problems, newer);
    let mut moves = Vec::new();
    let mut retire = Vec::new();
    if r.newer {
        r.keep_for_newer(records, legacy);
    }
    let mut collection = Collection::from_parts(r.entries, r.current, r.next_id);
    if !r.newer {
        move_legacy(
            legacy,
            &mut collection,
            &mut LegacyOut {
                problems: &mut r.problems,
                kept: &mut r.kept,
                moves: &mut moves,
                retire: &mut retire,
                unreadable_n: &mut r.unreadable_n,
            },
        );
    }
    Opened {
        collection,
        problems: r.problems,
        kept: r.kept,
        newer: r.newer,
        moves,
        retire,
        saved,
    }
}

/// Where moving older saved work reports to.
struct LegacyOut<'a> {
    problems: &'a mut Vec<String>,
    kept: &'a mut Vec<Kept>,
    moves: &'a mut Vec<Op>,
    retire: &'a mut Vec<String>,
    unreadable_n: &'a mut u32,
}

/// Move older saved work (local-storage keys from before the database) into `c`:
/// scenarios that can be read join the collection (a scenario already moved by an earlier
/// visit, with the same id and contents, is not added twice; one whose id is taken by
/// other contents gets a new id); text that cannot be read becomes a record of its own.
/// A store from a newer version is left where it is, untouched.
fn move_legacy(legacy: &[(String, String)], c: &mut Collection, out: &mut LegacyOut<'_>) {
    for (key, text) in legacy {
        if key == legacy::STORAGE_KEY {
            let loaded = legacy::decode(text);
            if loaded.newer {
                out.problems.extend(loaded.problems);
                out.kept.push(Kept {
                    key: key.clone(),
                    label: format!("Older saved work ({key})"),
                    text: text.clone(),
                    removable: false,
                });
                continue;
            }
            let had_current = c.entries().is_empty();
            let mut entries = c.entries().to_vec();
            let mut next_id = c.next_id().max(loaded.collection.next_id());
            let mut current = c.current();
            for e in loaded.collection.entries() {
                let same = entries
                    .iter()
                    .find(|x| x.id == e.id)
                    .map(|x| x.body == e.body && x.name == e.name);
                match same {
                    Some(true) => {}
                    Some(false) => {
                        let mut moved = e.clone();
                        moved.id = next_id;
                        next_id = next_id.saturating_add(1);
                        entries.push(moved);
                    }
                    None => entries.push(e.clone()),
                }
            }
            if had_current {
                current = loaded.collection.current();
            }
            next_id = next_id.max(loaded.collection.next_id());
            *c = Collection::from_parts(entries, current, next_id);
            let moved_before = out.kept.iter().any(|k| k.text == *text);
            if loaded.unreadable.is_some() && !moved_before {
                let problem = loaded.problems.join(" ");
                *out.unreadable_n = out.unreadable_n.saturating_add(1);
                let record_key = format!("u{}", out.unreadable_n);
                out.moves.push(Op::Put {
                    key: record_key.clone(),
                    value: unreadable_record(key, &problem, text),
                });
                out.kept.push(Kept {
                    key: record_key,
                    label: "Saved data that could not be read in full".into(),
                    text: text.clone(),
                    removable: true,
                });
            }
            out.problems.extend(loaded.problems);
            out.retire.push(key.clone());
        } else if key.starts_with(legacy::UNREADABLE_KEY) {
            if out.kept.iter().any(|k| k.text == *text) {
                // Moved by an earlier visit whose deletion of the older copy failed.
                out.retire.push(key.clone());
                continue;
            }
            *out.unreadable_n = out.unreadable_n.saturating_add(1);
            let record_key = format!("u{}", out.unreadable_n);
            let problem = "an earlier version of the planner could not read it";
            out.moves.push(Op::Put {
                key: record_key.clone(),
                value: unreadable_record(key, problem, text),
            });
            out.problems.push(format!(
                "Saved data that an earlier visit could not read is still kept: {problem}."
            ));
            out.kept.push(Kept {
                key: record_key,
                label: "Saved data that an earlier visit could not read".into(),
                text: text.clone(),
                removable: true,
            });
            out.retire.push(key.clone());
        }
    }
}

/// True if `records` (read back from the backend) hold exactly what `ops` wrote.
pub fn confirmed(ops: &[Op], records: &[(String, String)]) -> bool {
    ops.iter().all(|op| {
        let found = records.iter().find(|(k, _)| k == op.key()).map(|(_, v)| v);
        match op {
            Op::Put { value, .. } => found == Some(value),
            Op::Delete { .. } => found.is_none(),
        }
    })
}

/// The journal of `ops`: written to local storage as the page is hidden or left, while
/// they are not yet confirmed as saved, and replayed by [`open`] on the next visit.
pub fn journal(ops: &[Op]) -> String {
    let items = ops
        .iter()
        .map(|op| {
            let mut o = Object::new();
            match op {
                Op::Put { key, value } => {
                    o.put("put", Node::str(key));
                    o.put("value", Node::str(value));
                }
                Op::Delete { key } => o.put("delete", Node::str(key)),
            }
            o.node()
        })
        .collect();
    let mut o = Object::new();
    o.put("v", Node::int(VERSION as i64));
    o.put("ops", Node::array(items));
    json::to_string(&o.node())
}

/// The writes in a journal, or why it cannot be read.
pub fn read_journal(text: &str) -> Result<Vec<Op>, String> {
    let node = json::parse(text).map_err(|e| format!("not valid JSON: {e}"))?;
    if version_of(&node) != Some(VERSION) {
        return Err("it has no version this planner knows".into());
    }
    let ops = node
        .get("ops")
        .and_then(Node::as_array)
        .ok_or_else(|| "it has no list of changes".to_string())?;
    let mut out = Vec::with_capacity(ops.len());
    for op in ops {
        let put = op.get("put").and_then(Node::as_str);
        let value = op.get("value").and_then(Node::as_str);
        let delete = op.get("delete").and_then(Node::as_str);
        out.push(match (put, value, delete) {
            (Some(key), Some(value), None) => Op::Put {
                key: key.into(),
                value: value.into(),
            },
            (None, None, Some(key)) => Op::Delete { key: key.into() },
            _ => return Err("a change in it is not one this planner writes".into()),
        });
    }
    Ok(out)
}

/// A store held in memory, record by record: what the native tests save to, and what the
/// app keeps its records in when the browser offers no storage at all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Memory(VecMap<String, String>);

impl Memory {
    /// Carry out `ops`, in order.
    pub fn apply(&mut self, ops: &[Op]) {
        for op in ops {
            match op {
                Op::Put { key, value } => {
                    self.0.insert(key.clone(), value.clone());
                }
                Op::Delete { key } => {
                    self.0.remove(key);
                }
            }
        }
    }

    /// Every record, in key order.
    pub fn records(&self) -> Vec<(String, String)> {
        self.0.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
    }
}
