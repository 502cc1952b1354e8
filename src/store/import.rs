//! Importing a scenario file: all or nothing. The file is checked whole (size, text, JSON,
//! schema, every field and range) before anything in the app changes, and a rejected file
//! comes back as one message naming the problem.

use rust_decimal::Decimal;

use crate::format;
use crate::model::json;
use crate::model::scenario::{Scenario, SCHEMA_VERSION};

/// The largest scenario file accepted, in bytes (the baseline is about 45 KB).
pub const MAX_IMPORT_BYTES: usize = 2_000_000;

/// Why a file was refused, starting with the file's name.
fn refuse(file: &str, why: impl std::fmt::Display) -> String {
    format!("{file} was not imported: {why}")
}

/// The scenario in `bytes`, the contents of the file called `file`, or a message.
pub fn scenario(file: &str, bytes: &[u8]) -> Result<Scenario, String> {
    check_size(file, bytes.len())?;
    let text = std::str::from_utf8(bytes).map_err(|_| {
        refuse(
            file,
            "it is not a text file (a scenario is a JSON text file)",
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(refuse(file, "the file is empty"));
    }
    let node = json::parse(text).map_err(|e| refuse(file, Scenario::json_error(text, &e)))?;
    // A clear word on the version before the field-by-field complaints.
    if !node.is_object() {
        return Err(refuse(
            file,
            "it is JSON but not a scenario (a scenario file is one JSON object)",
        ));
    }
    match node.get("schema") {
        None => {
            return Err(refuse(
                file,
                "schema: missing (a scenario file says \"schema\": 1)",
            ))
        }
        Some(v) if v.as_u64() != Some(u64::from(SCHEMA_VERSION)) => {
            return Err(refuse(
                file,
                format!(
                    "schema: this planner reads scenario schema {SCHEMA_VERSION}, the file has {}",
                    json::to_string(v)
                ),
            ))
        }
        Some(_) => {}
    }
    Scenario::from_tree(&node, text).map_err(|e| refuse(file, e))
}

/// Refuse a file of `len` bytes before reading it, if it is too large.
pub fn check_size(file: &str, len: usize) -> Result<(), String> {
    if len > MAX_IMPORT_BYTES {
        return Err(refuse(
            file,
            format!(
                "the file is too large ({} MB; a scenario file is at most {} MB)",
                // Megabytes (millions of bytes) to one place, rounded as every figure is.
                format::millions_number(Decimal::from(len), 1),
                MAX_IMPORT_BYTES / 1_000_000
            ),
        ));
    }
    Ok(())
}
