//! `mtfp roll-forward [SCENARIO.json] [--assumed]`: the scenario rolled forward a year, as
//! a scenario file to import; `--assumed` prints what the roll-forward assumed instead
//! (docs/outturn.md §5).

use std::io::Write;

use super::{input, Command, OptSpec, Options};
use crate::model::outturn::roll::{self, Rolled};
use crate::store::csv::cell;

/// `mtfp roll-forward`.
pub const COMMAND: Command = Command {
    name: "roll-forward",
    summary: "the plan rolled forward a year, as a scenario file (or what it assumed)",
    about: "Rolls the scenario forward a year (docs/outturn.md): the base year becomes the\n\
            next year, base amounts come from that year's outturn in the scenario's actuals\n\
            where entered (else the plan's own figures, flagged), the plan keeps its length and\n\
            the new final year's assumptions are carried on (flagged). Prints the rolled\n\
            scenario as JSON, ready to import (--format does not apply). With --assumed, prints\n\
            instead what it assumed as CSV: path,year,basis,detail (basis: outturn, plan,\n\
            carried_on, settlement, calibrated or dropped).",
    options: &[OptSpec {
        long: "assumed",
        short: None,
        value: None,
        help: "print what the roll-forward assumed (CSV) instead of the scenario",
    }],
    examples: &[
        (
            "mtfp roll-forward my-plan.json -o my-plan-next-year.json",
            "next year's plan, to import into the app",
        ),
        (
            "mtfp roll-forward --assumed",
            "what rolling the baseline forward to 2022/23 assumes",
        ),
    ],
    run,
};

/// The CSV header of `--assumed`.
pub const ASSUMED_HEADER: &str = "path,year,basis,detail";

/// What the roll-forward assumed, as CSV.
pub fn assumed_csv(rolled: &Rolled) -> String {
    let mut text = String::from(ASSUMED_HEADER);
    for a in &rolled.assumed {
        text.push('\n');
        let year = a.year.map(|y| y.to_string()).unwrap_or_default();
        let cells = [a.path.as_str(), &year, a.basis.key(), &a.detail];
        let line: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        text.push_str(&line.join(","));
    }
    text
}

/// Run the `roll-forward` command.
pub fn run(options: &Options, out: &mut dyn Write) -> Result<(), String> {
    let scenario = input::scenario(options)?;
    let rolled =
        roll::roll_forward(&scenario).map_err(|e| format!("{}: {e}", options.scenario_name()))?;
    let text = if options.flag("assumed") {
        assumed_csv(&rolled)
    } else {
        rolled.scenario.to_json()
    };
    writeln!(out, "{text}").map_err(|e| format!("cannot write the output: {e}"))
}
