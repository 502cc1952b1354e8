//! `mtfp export-xlsx [SCENARIO.json] -o FILE.xlsx`: the scenario's Excel workbook, the same
//! file the app's Import / export menu offers ("Workbook (Excel)"): the same description
//! (`store::workbook`) written by the same writer (`crate::xlsx`).

use std::io::Write;

use super::{input, Command, Options};

/// `mtfp export-xlsx`.
pub const COMMAND: Command = Command {
    name: "export-xlsx",
    summary: "the scenario as an Excel workbook, totals as formulas (needs -o FILE.xlsx)",
    about: "Writes the scenario's Excel workbook (.xlsx), as the app's \"Workbook (Excel)\"\n\
            export does: a Summary sheet, a Results sheet with every line and total by year\n\
            (totals as formulas over the lines, each with the model's figure to the penny),\n\
            and an Assumptions sheet with every value and its source (docs/scenarios.md, \"The\n\
            Excel workbook\"). The file is binary, so -o FILE is required (use -o /dev/stdout\n\
            to send it down a pipe); --format does not apply.",
    options: &[],
    examples: &[
        (
            "mtfp export-xlsx my-plan.json -o my-plan.xlsx",
            "a scenario exported from the app, as a workbook",
        ),
        (
            "mtfp export-xlsx -o baseline.xlsx",
            "the Nottinghamshire baseline's workbook",
        ),
    ],
    run,
};

/// Run the `export-xlsx` command.
pub fn run(options: &Options, out: &mut dyn Write) -> Result<(), String> {
    if options.output.is_none() {
        return Err(
            "export-xlsx writes a binary file: name it with -o FILE.xlsx (or -o /dev/stdout \
             to send it down a pipe)"
                .into(),
        );
    }
    let scenario = input::scenario(options)?;
    let bytes = crate::xlsx::scenario_workbook(&scenario)
        .map_err(|e| format!("{}: {e}", options.scenario_name()))?;
    out.write_all(&bytes)
        .map_err(|e| format!("cannot write the output: {e}"))
}
