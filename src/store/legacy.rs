//! The local-storage envelope that versions before the browser database wrote, under the
//! key `mtfp.workspace`: read once, to move what it holds into the store of
//! [`super::records`] (docs/scenarios.md, "Moving older saved work").
//!
//! ```json
//! { "schema": 2, "current": "s3", "next_id": 4,
//!   "scenarios": [ { "id": 3, "scenario": { …the scenario file… },
//!                    "log": [ { "field": "…", "from": "…", "to": "…", "at": "…" } ] } ] }
//! ```
//!
//! Each `scenario` is exactly the scenario file format (`Scenario::to_json`), read by the
//! same strict parser and validator as an imported file. Schema 1 (`{"schema": 1,
//! "scenarios": [ <scenario>… ]}`: scenarios without ids, logs or the one on screen) still
//! loads. Reading never fails: what can be read is kept and every problem is described.
//! [`encode`] writes the envelope; only tests use it now, to make older saved work.

use super::collection::{Change, Collection, Entry, Selected};
use crate::model::json::{self, Item, Node, Object, Value};
use crate::model::scenario::Scenario;

/// The local-storage key of the envelope.
pub const STORAGE_KEY: &str = "mtfp.workspace";
/// The keys (`mtfp.unreadable.<time>`) where older versions copied text they could not
/// read: moved into the store like the envelope.
pub const UNREADABLE_KEY: &str = "mtfp.unreadable";
/// The last envelope version.
pub const STORAGE_SCHEMA: u64 = 2;

/// What [`decode`] could make of stored text.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// Everything that could be read.
    pub collection: Collection,
    /// One sentence per problem, for the user.
    pub problems: Vec<String>,
    /// The stored text that could not be read, if any, to offer as a download.
    pub unreadable: Option<String>,
    /// True if the envelope says a newer version wrote it (nothing in it was read).
    pub newer: bool,
}

impl Loaded {
    fn nothing(problem: String, text: &str) -> Loaded {
        Loaded {
            collection: Collection::new(),
            problems: vec![problem],
            unreadable: Some(text.to_string()),
            newer: false,
        }
    }
}

/// The collection as an envelope of schema 2.
pub fn encode(c: &Collection) -> String {
    let mut out = format!(
        "{{\"schema\":{STORAGE_SCHEMA},\"current\":{},\"next_id\":{},\"scenarios\":[",
        json::to_string(&Node::str(&c.current().key())),
        c.next_id()
    );
    for (i, e) in c.entries().iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let Ok(scenario) = e.scenario() else { continue };
        let log = Node::array(e.log().iter().map(Change::to_node).collect());
        out.push_str(&format!(
            "{{\"id\":{},\"scenario\":{},\"log\":{}}}",
            e.id,
            scenario.to_json_compact(),
            json::to_string(&log)
        ));
    }
    out.push_str("]}");
    out
}

/// Read stored text, keeping whatever can be read.
pub fn decode(text: &str) -> Loaded {
    let value = match json::parse(text) {
        Ok(v) => v,
        Err(e) => {
            return Loaded::nothing(
                format!("The saved scenarios are not readable (not valid JSON: {e})."),
                text,
            )
        }
    };
    if !value.is_object() {
        return Loaded::nothing(
            "The saved scenarios are not readable (not a JSON object).".into(),
            text,
        );
    }
    match value.get("schema").and_then(Node::as_u64) {
        Some(1) => decode_items(&value, text, false),
        Some(STORAGE_SCHEMA) => decode_items(&value, text, true),
        Some(n) if n > STORAGE_SCHEMA => Loaded {
            newer: true,
            ..Loaded::nothing(
                format!(
                    "The scenarios saved in this browser's local storage were written by a newer \
                     version of the planner (storage schema {n}; this version reads up to \
                     {STORAGE_SCHEMA}). They are left exactly as they are: open them in the newer \
                     version, or download them below."
                ),
                text,
            )
        },
        _ => Loaded::nothing(
            "The saved scenarios are not readable (no known storage schema number).".into(),
            text,
        ),
    }
}

fn decode_items(object: &Node, text: &str, versioned: bool) -> Loaded {
    let Some(items) = object.get("scenarios").and_then(Node::as_array) else {
        return Loaded::nothing(
            "The saved scenarios are not readable (no list of scenarios).".into(),
            text,
        );
    };
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    let mut bad: Vec<Node> = Vec::new();
    let mut next_free: u32 = 1;
    for (i, item) in items.iter().enumerate() {
        let number = i.saturating_add(1);
        let (id, scenario_value, log_value) = if versioned {
            let id = item
                .get("id")
                .and_then(Node::as_u64)
                .and_then(|n| u32::try_from(n).ok())
                .filter(|n| *n > 0);
            (id, item.get("scenario"), item.get("log"))
        } else {
            (None, Some(item), None)
        };
        let name = scenario_value
            .and_then(|s| s.get("name"))
            .and_then(Node::as_str)
            .map(|n| format!(" ('{}')", n.chars().take(80).collect::<String>()))
            .unwrap_or_default();
        let parsed = match scenario_value {
            Some(v) => Scenario::from_tree(v, text).map_err(|e| e.to_string()),
            None => Err("it has no scenario".into()),
        };
        let scenario = match parsed {
            Ok(s) => s,
            Err(e) => {
                problems.push(format!(
                    "Saved scenario {number}{name} could not be read: {e}."
                ));
                bad.push(item.clone());
                continue;
            }
        };
        let log: Vec<Change> = match log_value {
            None => Vec::new(),
            Some(v) if Item::root(v).is_null() => Vec::new(),
            Some(v) => match Item::root(v).list(Change::from_node) {
                Ok(log) => log,
                Err(e) => {
                    problems.push(format!(
                        "The change log of saved scenario {number}{name} could not be read ({e}); the scenario itself was kept."
                    ));
                    let mut kept = Object::new();
                    kept.put("id", id.map_or_else(Node::null, |n| Node::int(n.into())));
                    kept.put("log", v.clone());
                    bad.push(kept.node());
                    Vec::new()
                }
            },
        };
        let id = id.unwrap_or_else(|| {
            while items_use(items, next_free) || entries.iter().any(|e: &Entry| e.id == next_free) {
                next_free = next_free.saturating_add(1);
            }
            next_free
        });
        if entries.iter().any(|e: &Entry| e.id == id) {
            problems.push(format!(
                "Saved scenario {number}{name} repeats id {id}; only the first was kept."
            ));
            bad.push(item.clone());
            continue;
        }
        entries.push(Entry::new(id, scenario, log));
    }
    let current = object
        .get("current")
        .and_then(Node::as_str)
        .and_then(Selected::from_key)
        .unwrap_or(Selected::Baseline);
    let next_id = object
        .get("next_id")
        .and_then(Node::as_u64)
        .and_then(|n| u32::try_from(n).ok())
        .unwrap_or(1);
    let unreadable = if bad.is_empty() {
        None
    } else {
        let mut kept = Object::new();
        kept.put(
            "schema",
            Node::new(Value::Number(STORAGE_SCHEMA.to_string())),
        );
        kept.put("scenarios", Node::array(bad));
        Some(json::to_string_pretty(&kept.node()))
    };
    Loaded {
        collection: Collection::from_parts(entries, current, next_id),
        problems,
        unreadable,
        newer: false,
    }
}

/// True if a versioned item in `items` claims `id` (so unversioned ones avoid it).
fn items_use(items: &[Node], id: u32) -> bool {
    items
        .iter()
        .any(|i| i.get("id").and_then(Node::as_u64) == Some(u64::from(id)))
}
