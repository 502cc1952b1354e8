//! The scenario a subcommand works on: a file, standard input (`-`) or the baseline. A
//! file is read only up to the import's limit ([`MAX_FILE_BYTES`]): a larger one is
//! refused by its size before it is read, so a huge file costs nothing to refuse.

use std::io::Read;

use super::Options;
use crate::model::scenario::MAX_FILE_BYTES;
use crate::model::{baseline, outturn, Scenario};
use crate::store::import;

/// The scenario named on the command line, or the Nottinghamshire baseline. Messages
/// start with the file's name ("standard input" for `-`).
pub fn scenario(options: &Options) -> Result<Scenario, String> {
    let shown = options.scenario_name();
    let bytes = match (&options.scenario, &options.stdin) {
        (None, _) => return baseline::nottinghamshire().map_err(|e| format!("the baseline: {e}")),
        (Some(_), Some(bytes)) if options.reads_stdin() => bytes.clone(),
        (Some(_), None) if options.reads_stdin() => {
            return Err("standard input: nothing was read".into())
        }
        (Some(path), _) => {
            let file = std::fs::File::open(path)
                .map_err(|e| format!("{shown}: cannot read the file: {e}"))?;
            let len = file
                .metadata()
                .map_err(|e| format!("{shown}: cannot read the file: {e}"))?
                .len();
            if let Some(problem) = import::size_problem(usize::try_from(len).unwrap_or(usize::MAX))
            {
                return Err(format!("{shown}: {problem}"));
            }
            read_at_most(file).map_err(|e| format!("{shown}: {e}"))?
        }
    };
    outturn::read_file(&bytes).map_err(|e| format!("{shown}: {e}"))
}

/// Everything `reader` gives, up to [`MAX_FILE_BYTES`]; more is refused having read one
/// byte past the limit (a file that grew, a device, or a pipe).
pub fn read_at_most(reader: impl Read) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let limit = u64::try_from(MAX_FILE_BYTES).unwrap_or(u64::MAX);
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read the file: {e}"))?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(import::ImportProblem::TooLarge(None).to_string());
    }
    Ok(bytes)
}
