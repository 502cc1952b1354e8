//! Importing a scenario file: all or nothing. The file is checked whole (size, UTF-8 text,
//! JSON, schema, every field and range) before anything in the app changes, and a rejected
//! file comes back as an [`ImportError`]: which file, and why.

use std::fmt;

use rust_decimal::Decimal;

use crate::format;
use crate::model::outturn;
use crate::model::scenario::{Scenario, MAX_FILE_BYTES};
use crate::model::ModelError;

/// The largest scenario file accepted, in bytes (the baseline is about 45 KB).
pub const MAX_IMPORT_BYTES: usize = MAX_FILE_BYTES;

/// A scenario file that was refused: its name and why. Shown as one sentence naming the
/// file ("plan.json was not imported: the file is too large (2.5 MB; …)").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// The file's name, as the user chose it.
    pub file: String,
    /// Why it was refused.
    pub problem: ImportProblem,
}

/// Why a scenario file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportProblem {
    /// Over [`MAX_IMPORT_BYTES`]; its size in bytes, when known before reading.
    TooLarge(Option<usize>),
    /// The browser could not read the file.
    Unreadable,
    /// The model's reader refused it (text, JSON, schema or a field).
    Scenario(ModelError),
    /// It reads, but its scenario cannot be projected.
    NotProjected(ModelError),
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let limit = MAX_IMPORT_BYTES / 1_000_000;
        match self {
            // Megabytes (millions of bytes) to one place, rounded as every figure is.
            ImportProblem::TooLarge(Some(len)) => write!(
                f,
                "the file is too large ({} MB; a scenario file is at most {limit} MB)",
                format::millions_number(Decimal::from(*len), 1)
            ),
            ImportProblem::TooLarge(None) => write!(
                f,
                "the file is too large (over {limit} MB; a scenario file is at most {limit} MB)"
            ),
            ImportProblem::Unreadable => f.write_str("the browser could not read the file"),
            ImportProblem::Scenario(e) => write!(f, "{e}"),
            ImportProblem::NotProjected(e) => {
                write!(f, "its scenario cannot be projected: {e}")
            }
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} was not imported: {}", self.file, self.problem)
    }
}

impl ImportError {
    /// `file` refused for `problem`.
    pub fn new(file: &str, problem: ImportProblem) -> ImportError {
        ImportError {
            file: file.to_string(),
            problem,
        }
    }
}

/// The scenario in `bytes`, the contents of the file called `file`, or why it is refused.
/// The model's full reader ([`outturn::read_file`]: [`Scenario::from_bytes_checked`], then
/// the `actuals` section in full) checks the text, the JSON, the schema (first, so a file
/// from a newer planner says so) and every field, including the schema-2 sections the
/// workspace keeps as read.
pub fn scenario(file: &str, bytes: &[u8]) -> Result<Scenario, ImportError> {
    check_size(file, bytes.len())?;
    outturn::read_file(bytes).map_err(|e| ImportError::new(file, ImportProblem::Scenario(e)))
}

/// Refuse a file of `len` bytes before reading it, if it is too large.
pub fn check_size(file: &str, len: usize) -> Result<(), ImportError> {
    match size_problem(len) {
        Some(problem) => Err(ImportError::new(file, problem)),
        None => Ok(()),
    }
}

/// Why a file of `len` bytes is too large to read, if it is.
pub fn size_problem(len: usize) -> Option<ImportProblem> {
    (len > MAX_IMPORT_BYTES).then_some(ImportProblem::TooLarge(Some(len)))
}
