//! How the scenario collection is kept in the browser's local storage: a versioned
//! envelope, written after every change and read when the app opens.
//!
//! ```json
//! { "schema": 2, "current": "s3", "next_id": 4,
//!   "scenarios": [ { "id": 3, "scenario": { …the scenario file… },
//!                    "log": [ { "field": "…", "from": "…", "to": "…", "at": "…" } ] } ] }
//! ```
//!
//! Each `scenario` is exactly the scenario file format (`Scenario::to_json`), so a stored
//! scenario is read by the same strict parser and validator as an imported file.
//! Schema 1 (`{"schema": 1, "scenarios": [ <scenario>… ]}`: scenarios without ids, logs or
//! the one on screen) still loads. Reading never fails: what can be read is kept, every
//! problem is described, and the text that could not be read is handed back so the app can
//! keep it for the user to download.

use std::collections::HashMap;
use std::rc::Rc;

use serde_json::{json, Map, Value};

use super::collection::{Change, Collection, Entry, ScenarioId, Selected};
use crate::model::scenario::Scenario;

/// The local-storage key of the collection. Every key the app uses starts with `mtfp`, so
/// the fatal-error banner's "Download my work" includes it.
pub const STORAGE_KEY: &str = "mtfp.workspace";
/// The key where text that could not be read is kept, for the user to download.
pub const UNREADABLE_KEY: &str = "mtfp.unreadable";
/// The envelope version this build writes.
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
}

impl Loaded {
    fn nothing(problem: String, text: &str) -> Loaded {
        Loaded {
            collection: Collection::new(),
            problems: vec![problem],
            unreadable: Some(text.to_string()),
        }
    }
}

/// Each scenario's stored JSON, kept while the scenario is unchanged (the same `Rc`), so
/// saving after a keystroke writes out only the scenario that changed.
#[derive(Debug, Default)]
pub struct EncodeCache {
    scenarios: HashMap<ScenarioId, (Rc<Scenario>, String)>,
}

/// The collection as stored text.
pub fn encode(c: &Collection) -> Result<String, String> {
    encode_cached(c, &mut EncodeCache::default())
}

/// The collection as stored text, reusing `cache` for unchanged scenarios.
pub fn encode_cached(c: &Collection, cache: &mut EncodeCache) -> Result<String, String> {
    let fail = |e: serde_json::Error| format!("the scenarios cannot be saved: {e}");
    cache.scenarios.retain(|id, _| c.get(*id).is_some());
    let mut out = format!(
        "{{\"schema\":{STORAGE_SCHEMA},\"current\":{},\"next_id\":{},\"scenarios\":[",
        serde_json::to_string(&c.current().key()).map_err(fail)?,
        c.next_id()
    );
    for (i, e) in c.entries().iter().enumerate() {
        let fresh = match cache.scenarios.get(&e.id) {
            Some((s, text)) if Rc::ptr_eq(s, &e.scenario) => text.clone(),
            _ => {
                let text = serde_json::to_string(&*e.scenario).map_err(fail)?;
                cache
                    .scenarios
                    .insert(e.id, (e.scenario.clone(), text.clone()));
                text
            }
        };
        if i > 0 {
            out.push(',');
        }
        out.push_str(&format!(
            "{{\"id\":{},\"scenario\":{fresh},\"log\":{}}}",
            e.id,
            serde_json::to_string(&*e.log).map_err(fail)?
        ));
    }
    out.push_str("]}");
    Ok(out)
}

/// Read stored text, keeping whatever can be read.
pub fn decode(text: &str) -> Loaded {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return Loaded::nothing(
                format!("The saved scenarios are not readable (not valid JSON: {e})."),
                text,
            )
        }
    };
    let Some(object) = value.as_object() else {
        return Loaded::nothing(
            "The saved scenarios are not readable (not a JSON object).".into(),
            text,
        );
    };
    match object.get("schema").and_then(Value::as_u64) {
        Some(1) => decode_items(object, text, false),
        Some(STORAGE_SCHEMA) => decode_items(object, text, true),
        Some(n) if n > STORAGE_SCHEMA => Loaded::nothing(
            format!(
                "The saved scenarios were written by a newer version of the planner (storage \
                 schema {n}; this version reads up to {STORAGE_SCHEMA})."
            ),
            text,
        ),
        _ => Loaded::nothing(
            "The saved scenarios are not readable (no known storage schema number).".into(),
            text,
        ),
    }
}

fn decode_items(object: &Map<String, Value>, text: &str, versioned: bool) -> Loaded {
    let Some(items) = object.get("scenarios").and_then(Value::as_array) else {
        return Loaded::nothing(
            "The saved scenarios are not readable (no list of scenarios).".into(),
            text,
        );
    };
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    let mut bad: Vec<Value> = Vec::new();
    let mut next_free: u32 = 1;
    for (i, item) in items.iter().enumerate() {
        let number = i.saturating_add(1);
        let (id, scenario_value, log_value) = if versioned {
            let id = item
                .get("id")
                .and_then(Value::as_u64)
                .and_then(|n| u32::try_from(n).ok())
                .filter(|n| *n > 0);
            (id, item.get("scenario"), item.get("log"))
        } else {
            (None, Some(item), None)
        };
        let name = scenario_value
            .and_then(|s| s.get("name"))
            .and_then(Value::as_str)
            .map(|n| format!(" ('{}')", n.chars().take(80).collect::<String>()))
            .unwrap_or_default();
        let parsed = match scenario_value {
            Some(v) => Scenario::from_json(&v.to_string()).map_err(|e| e.to_string()),
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
            None | Some(Value::Null) => Vec::new(),
            Some(v) => match serde_json::from_value(v.clone()) {
                Ok(log) => log,
                Err(e) => {
                    problems.push(format!(
                        "The change log of saved scenario {number}{name} could not be read ({e}); the scenario itself was kept."
                    ));
                    bad.push(json!({ "id": id, "log": v }));
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
        entries.push(Entry {
            id,
            scenario: Rc::new(scenario),
            log: Rc::new(log),
        });
    }
    let current = object
        .get("current")
        .and_then(Value::as_str)
        .and_then(Selected::from_key)
        .unwrap_or(Selected::Baseline);
    let next_id = object
        .get("next_id")
        .and_then(Value::as_u64)
        .and_then(|n| u32::try_from(n).ok())
        .unwrap_or(1);
    let unreadable = if bad.is_empty() {
        None
    } else {
        serde_json::to_string_pretty(&json!({ "schema": STORAGE_SCHEMA, "scenarios": bad })).ok()
    };
    Loaded {
        collection: Collection::from_parts(entries, current, next_id),
        problems,
        unreadable,
    }
}

/// True if a versioned item in `items` claims `id` (so unversioned ones avoid it).
fn items_use(items: &[Value], id: u32) -> bool {
    items
        .iter()
        .any(|i| i.get("id").and_then(Value::as_u64) == Some(u64::from(id)))
}
