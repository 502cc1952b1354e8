//! `mtfp reserves [SCENARIO.json] [--format csv|json]`: the reserves strategy by year, each
//! reserve's balance, the minimum and each resilience indicator with its reading
//! (docs/resilience.md §9).

use std::io::Write;

use super::{Command, Format, Options};
use crate::store::resilience_csv;

/// `mtfp reserves`.
pub const COMMAND: Command = Command {
    name: "reserves",
    summary: "reserves by year: each reserve, the minimum, the indicators and their RAG",
    about: "The reserves strategy (docs/resilience.md). CSV: an `opening` row, then one row per\n\
            year: the general reserve as planned, the savings at risk to date, the general\n\
            reserve risk-adjusted, each earmarked reserve's balance (`reserve:ID`), earmarked\n\
            and usable reserves, the % floor, the risk-based minimum, the minimum that governs,\n\
            whether the general reserve is below it, and each indicator's figure and its\n\
            red/amber/green reading. JSON: the strategy in full.",
    options: &[],
    examples: &[
        (
            "mtfp reserves",
            "the baseline's reserves and indicators, as CSV",
        ),
        (
            "mtfp reserves my-plan.json --format json -o reserves.json",
            "a scenario's reserves strategy, as JSON, into a file",
        ),
    ],
    run,
};

/// Run the `reserves` command.
pub fn run(options: &Options, out: &mut dyn Write) -> Result<(), String> {
    let report = super::savings::report(options)?;
    let text = match options.format {
        Format::Csv => {
            let mut t = resilience_csv::table(&resilience_csv::reserves_rows(&report), "\n");
            t.pop();
            t
        }
        Format::Json => {
            serde_json::to_string_pretty(&report.reserves).map_err(|e| e.to_string())?
        }
    };
    writeln!(out, "{text}").map_err(|e| format!("cannot write the output: {e}"))
}
