//! `mtfp savings [SCENARIO.json] [--format csv|json]`: the savings register by saving and
//! year (planned, at risk, risk-adjusted) and, per year, the gap both ways, the structural
//! gap and savings still to find (docs/resilience.md §9).

use std::io::Write;

use super::{input, Command, Format, Options};
use crate::model::{engine, resilience};
use crate::store::resilience_csv;

/// `mtfp savings`.
pub const COMMAND: Command = Command {
    name: "savings",
    summary: "the savings register: planned, at risk and risk-adjusted; the gap both ways",
    about: "The savings register (docs/resilience.md). CSV: one row per saving and year with\n\
            its owner, category, kind, delivery status and confidence, the amount planned, the\n\
            part at risk (planned × (100 − confidence) ÷ 100) and the risk-adjusted rest; then a\n\
            `total` row per year with the gap as planned and risk-adjusted, the structural gap\n\
            (before one-off savings and reserves) and savings still to find (after them), £ to\n\
            the penny. JSON: the register in full.",
    options: &[],
    examples: &[
        ("mtfp savings", "the baseline's savings register, as CSV"),
        (
            "mtfp savings my-plan.json --format json",
            "a scenario's register with every figure, as JSON",
        ),
    ],
    run,
};

/// Run the `savings` command.
pub fn run(options: &Options, out: &mut dyn Write) -> Result<(), String> {
    let report = report(options)?;
    let text = match options.format {
        Format::Csv => {
            let mut t = resilience_csv::table(&resilience_csv::savings_rows(&report), "\n");
            t.pop();
            t
        }
        Format::Json => serde_json::to_string_pretty(&report.savings).map_err(|e| e.to_string())?,
    };
    writeln!(out, "{text}").map_err(|e| format!("cannot write the output: {e}"))
}

/// The scenario named on the command line (or the baseline), projected and worked out.
pub fn report(options: &Options) -> Result<resilience::Report, String> {
    let scenario = input::scenario(options)?;
    let named = |e: crate::model::ModelError| format!("{}: {e}", options.scenario_name());
    let projection = engine::project(&scenario).map_err(named)?;
    resilience::report(&scenario, &projection).map_err(named)
}
