//! `mtfp s25 [SCENARIO.json] [--format json]`: the section 25 statement, as text or JSON
//! (docs/resilience.md §8).

use std::io::Write;

use super::{input, Command, Format, Options};
use crate::model::engine;
use crate::model::resilience::{self, uncertainty};
use crate::view::s25;

/// `mtfp s25`.
pub const COMMAND: Command = Command {
    name: "s25",
    summary: "the section 25 statement: uncertainty, savings at risk, reserves, s27 trigger",
    about: "A summary for the chief finance officer's section 25 report (docs/resilience.md):\n\
            the gap as planned and risk-adjusted, the estimates with the widest uncertainty\n\
            (each assumption's registry range, one at a time), the savings at risk, the\n\
            general reserve against its minimum, the years an indicator reads red, and the\n\
            section 27 trigger. Plain text by default; --format json gives every figure to\n\
            the penny with the text (there is no CSV).",
    options: &[],
    examples: &[
        ("mtfp s25", "the baseline's statement, as text"),
        (
            "mtfp s25 my-plan.json --format json",
            "a scenario's statement with every figure, as JSON",
        ),
    ],
    run,
};

/// Run the `s25` command.
pub fn run(options: &Options, out: &mut dyn Write) -> Result<(), String> {
    if options.format_given && options.format == Format::Csv {
        return Err("s25 prints text, or JSON with --format json: there is no CSV".into());
    }
    let scenario = input::scenario(options)?;
    let named = |e: crate::model::ModelError| format!("{}: {e}", options.scenario_name());
    let projection = engine::project(&scenario).map_err(named)?;
    let report = resilience::report(&scenario, &projection).map_err(named)?;
    let spreads = uncertainty::from_registry(&scenario).map_err(named)?;
    let statement = s25::statement(&scenario, &projection, &report, &spreads).map_err(named)?;
    let text = match options.format {
        Format::Json => statement.to_json(),
        Format::Csv => statement.text().trim_end().to_string(),
    };
    writeln!(out, "{text}").map_err(|e| format!("cannot write the output: {e}"))
}
