//! A backup a person can hold: every scenario in one file, and reading such a file back
//! (all or nothing, with the same checks as importing a scenario file).
//!
//! The file is JSON with one scenario to a line, so a thousand scenarios can be read a few
//! at a time without freezing the page, and any line can be cut out by hand:
//!
//! ```text
//! {"mtfp_backup":1,"created":"2026-12-05T10:00:00.000Z","count":2,"scenarios":[
//! {"scenario":{…the scenario file…},"log":[…]},
//! {"scenario":{…},"log":[…]}
//! ]}
//! ```
//!
//! `count` lets a cut-short file be told from a whole one. A file laid out differently
//! (pretty-printed by another tool) is read as one JSON document instead.

use std::borrow::Cow;
use std::fmt;

use super::collection::MAX_DESCRIPTION_CHARS;
use super::records;
use super::session::Restored;
use crate::format;
use crate::model::engine;
use crate::model::json::{self, Node};
use crate::model::ModelError;

/// The backup format this build writes.
pub const VERSION: u64 = 1;
/// The largest backup file read, in bytes (a thousand baseline-sized scenarios are about
/// 37 MB).
pub const MAX_BACKUP_BYTES: usize = 200_000_000;
/// The most scenarios a backup may hold.
pub const MAX_SCENARIOS: usize = 20_000;

/// The backup file of `contents`: each scenario's `{"scenario": …, "log": […]}` text (as
/// [`records::contents_json`] writes it), made at time `created`.
pub fn write(created: &str, contents: &[String]) -> String {
    let total: usize = contents.iter().map(|c| c.len().saturating_add(2)).sum();
    let mut out = String::with_capacity(total.saturating_add(128));
    out.push_str(&format!(
        "{{\"mtfp_backup\":{VERSION},\"created\":{},\"count\":{},\"scenarios\":[\n",
        json::to_string(&Node::str(created)),
        contents.len()
    ));
    for (i, c) in contents.iter().enumerate() {
        out.push_str(c);
        if i.saturating_add(1) < contents.len() {
            out.push(',');
        }
        out.push('\n');
    }
    out.push_str("]}\n");
    out
}

/// A backup file that was refused whole: its name and why. Shown as one sentence
/// ("b.json was not restored: it is incomplete: … Nothing was added.").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupError {
    /// The file's name, as the user chose it.
    pub file: String,
    /// Why it was refused.
    pub problem: BackupProblem,
}

/// Why a backup file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupProblem {
    /// Over [`MAX_BACKUP_BYTES`] (its size in bytes).
    TooLarge(usize),
    /// The browser could not read the file.
    Unreadable,
    /// Not UTF-8 text.
    NotText,
    /// Nothing in it.
    Empty,
    /// Not JSON (the parser's message).
    NotJson(String),
    /// JSON, but not a backup this version reads (why, in words).
    NotABackup(String),
    /// No list of scenarios.
    NoList,
    /// More than [`MAX_SCENARIOS`].
    TooMany,
    /// It says it holds `said` scenarios, `found` are there.
    Incomplete {
        /// What `count` says.
        said: u64,
        /// How many are there.
        found: usize,
    },
    /// Scenario `number` (from 1) could not be read (why).
    Entry {
        /// Its place in the file, from 1.
        number: usize,
        /// Why.
        why: String,
    },
    /// Scenario `number` (from 1), called `name`, cannot be projected.
    NotProjected {
        /// Its place in the file, from 1.
        number: usize,
        /// Its name.
        name: String,
        /// The projection's error.
        error: ModelError,
    },
}

impl fmt::Display for BackupProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackupProblem::TooLarge(len) => write!(
                f,
                "the file is too large ({} MB; a backup is at most {} MB)",
                format::millions_number(rust_decimal::Decimal::from(*len), 1),
                MAX_BACKUP_BYTES / 1_000_000
            ),
            BackupProblem::Unreadable => f.write_str("the browser could not read the file"),
            BackupProblem::NotText => {
                f.write_str("it is not a text file (a backup is a JSON text file)")
            }
            BackupProblem::Empty => f.write_str("the file is empty"),
            BackupProblem::NotJson(e) => {
                write!(f, "it is not a backup file (not valid JSON: {e})")
            }
            BackupProblem::NotABackup(why) => f.write_str(why),
            BackupProblem::NoList => f.write_str("it has no list of scenarios"),
            BackupProblem::TooMany => {
                write!(f, "it holds more than {MAX_SCENARIOS} scenarios")
            }
            BackupProblem::Incomplete { said, found } => write!(
                f,
                "it is incomplete: it says it holds {said} scenarios but {found} are there \
                 (was it cut short?)"
            ),
            BackupProblem::Entry { number, why } => {
                write!(f, "scenario {number} in it could not be read: {why}")
            }
            BackupProblem::NotProjected {
                number,
                name,
                error,
            } => write!(
                f,
                "scenario {number} ('{name}') cannot be projected: {error}"
            ),
        }
    }
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} was not restored: {}. Nothing was added.",
            self.file, self.problem
        )
    }
}

impl BackupError {
    /// `file` refused for `problem`.
    pub fn new(file: &str, problem: BackupProblem) -> BackupError {
        BackupError {
            file: file.to_string(),
            problem,
        }
    }
}

/// Refuse a file of `len` bytes before reading it, if it is too large.
pub fn check_size(file: &str, len: usize) -> Result<(), BackupError> {
    if len > MAX_BACKUP_BYTES {
        return Err(BackupError::new(file, BackupProblem::TooLarge(len)));
    }
    Ok(())
}

/// The scenarios' texts in backup file `file`, each to be read by [`read_entry`]: quick,
/// since only the file's outline is checked here.
pub fn entries<'a>(file: &str, bytes: &'a [u8]) -> Result<Vec<Cow<'a, str>>, BackupError> {
    let refuse = |problem| BackupError::new(file, problem);
    check_size(file, bytes.len())?;
    let text = std::str::from_utf8(bytes).map_err(|_| refuse(BackupProblem::NotText))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(refuse(BackupProblem::Empty));
    }
    let (head, body) = text.split_once('\n').unwrap_or((text, ""));
    let by_lines = head.ends_with("\"scenarios\":[")
        && json::parse(&format!("{head}]}}")).is_ok_and(|h| header_ok(&h))
        && body.trim_end().ends_with("]}");
    let (count, items) = if by_lines {
        let header = json::parse(&format!("{head}]}}"))
            .map_err(|e| refuse(BackupProblem::NotJson(e.to_string())))?;
        let count = header.get("count").and_then(Node::as_u64);
        let mut items = Vec::new();
        for line in body.lines() {
            let line = line.trim();
            if line.is_empty() || line == "]}" {
                continue;
            }
            items.push(Cow::Borrowed(line.strip_suffix(',').unwrap_or(line)));
            if items.len() > MAX_SCENARIOS {
                break;
            }
        }
        (count, items)
    } else {
        let root = json::parse(text).map_err(|e| refuse(BackupProblem::NotJson(e.to_string())))?;
        if !header_ok(&root) {
            return Err(refuse(BackupProblem::NotABackup(not_backup(&root))));
        }
        let list = root
            .get("scenarios")
            .and_then(Node::as_array)
            .ok_or_else(|| refuse(BackupProblem::NoList))?;
        let items = list
            .iter()
            .take(MAX_SCENARIOS.saturating_add(1))
            .map(|n| Cow::Owned(json::to_string(n)))
            .collect();
        (root.get("count").and_then(Node::as_u64), items)
    };
    if items.len() > MAX_SCENARIOS {
        return Err(refuse(BackupProblem::TooMany));
    }
    if let Some(said) = count {
        if said != items.len() as u64 {
            return Err(refuse(BackupProblem::Incomplete {
                said,
                found: items.len(),
            }));
        }
    }
    Ok(items)
}

/// True if `root` says it is a backup this version reads.
fn header_ok(root: &Node) -> bool {
    root.get("mtfp_backup").and_then(Node::as_u64) == Some(VERSION)
}

/// Why `root` is not a backup this version reads.
fn not_backup(root: &Node) -> String {
    match root.get("mtfp_backup").and_then(Node::as_u64) {
        Some(v) if v > VERSION => format!(
            "it was made by a newer version of the planner (backup format {v}; this version \
             reads {VERSION}): restore it in the newer version"
        ),
        _ if root.get("schema").is_some() => {
            "it is a single scenario file, not a backup: use Import to add it".into()
        }
        _ => "it is not a backup made by this planner".into(),
    }
}

/// Scenario `number` (from 1) of a backup: checked as an imported scenario file is,
/// projected, and packed as the store keeps it (so saving a large restore is only a
/// write), or why it is refused.
pub fn read_entry(file: &str, number: usize, text: &str) -> Result<Restored, BackupError> {
    let mut contents = records::read_contents(text).map_err(|e| {
        BackupError::new(
            file,
            BackupProblem::Entry {
                number,
                why: e.to_string(),
            },
        )
    })?;
    if let Err(error) = engine::project(&contents.scenario) {
        let name = contents.scenario.name.clone();
        return Err(BackupError::new(
            file,
            BackupProblem::NotProjected {
                number,
                name,
                error,
            },
        ));
    }
    // Kept as the workspace keeps any scenario: a description cut to its longest.
    if contents.scenario.description.chars().count() > MAX_DESCRIPTION_CHARS {
        let mut s = (*contents.scenario).clone();
        s.description = s.description.chars().take(MAX_DESCRIPTION_CHARS).collect();
        contents.scenario = std::rc::Rc::new(s);
    }
    let packed = records::pack_contents(&contents).into();
    Ok(Restored {
        name: contents.scenario.name.clone(),
        packed,
    })
}
