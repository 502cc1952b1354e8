//! Importing a scenario file: all or nothing. The file is checked whole (size, UTF-8 text,
//! JSON, schema, every field and range) before anything in the app changes, and a rejected
//! file comes back as one message naming the problem.

use rust_decimal::Decimal;

use crate::format;
use crate::model::scenario::{Scenario, MAX_FILE_BYTES};

/// The largest scenario file accepted, in bytes (the baseline is about 45 KB).
pub const MAX_IMPORT_BYTES: usize = MAX_FILE_BYTES;

/// Why a file was refused, starting with the file's name.
fn refuse(file: &str, why: impl std::fmt::Display) -> String {
    format!("{file} was not imported: {why}")
}

/// The scenario in `bytes`, the contents of the file called `file`, or a message. The
/// model's reader ([`Scenario::from_bytes`]) checks the text, the JSON, the schema (first,
/// so a file from a newer planner says so) and every field.
pub fn scenario(file: &str, bytes: &[u8]) -> Result<Scenario, String> {
    check_size(file, bytes.len())?;
    Scenario::from_bytes(bytes).map_err(|e| refuse(file, e))
}

/// Refuse a file of `len` bytes before reading it, if it is too large.
pub fn check_size(file: &str, len: usize) -> Result<(), String> {
    match size_problem(len) {
        Some(problem) => Err(refuse(file, problem)),
        None => Ok(()),
    }
}

/// Why a file of `len` bytes is too large to read, if it is.
pub fn size_problem(len: usize) -> Option<String> {
    (len > MAX_IMPORT_BYTES).then(|| {
        format!(
            "the file is too large ({} MB; a scenario file is at most {} MB)",
            // Megabytes (millions of bytes) to one place, rounded as every figure is.
            format::millions_number(Decimal::from(len), 1),
            MAX_IMPORT_BYTES / 1_000_000
        )
    })
}

/// Why a file found to be over the limit while reading it (its size unknown) is refused.
pub fn size_problem_over() -> String {
    format!(
        "the file is too large (over {0} MB; a scenario file is at most {0} MB)",
        MAX_IMPORT_BYTES / 1_000_000
    )
}
