//! `mtfp project [SCENARIO.json] [--format csv|json]`: one row per year with funding,
//! expenditure, gap, cumulative gap and reserves (CSV), or the whole projection with every
//! line (JSON).

use std::io::Write;

use rust_decimal::Decimal;

use super::{input, Command, Format, OptSpec, Options};
use crate::model::outturn::hindsight;
use crate::model::{engine, round_money, Projection, Scenario};

/// `mtfp project`.
pub const COMMAND: Command = Command {
    name: "project",
    summary: "one row per year: funding, expenditure, gap, cumulative gap, reserves",
    about: "Projects the scenario year by year. CSV: the header\n\
            year,funding,expenditure,gap,cumulative_gap,reserves\n\
            and one row per plan year, £ to the penny (reserves: general plus earmarked at the\n\
            year end). JSON: the whole projection, every line of every year (docs/model.md §7).\n\
            With --hindsight, the built-in \"2021/22 plan with what is now known\": the\n\
            Nottinghamshire baseline with every published actual assumption applied\n\
            (docs/outturn.md §4).",
    options: &[OptSpec {
        long: "hindsight",
        short: None,
        value: None,
        help: "project the built-in hindsight scenario instead (no SCENARIO.json)",
    }],
    examples: &[
        (
            "mtfp project my-plan.json -o my-plan-gap.csv",
            "the gap by year of a scenario exported from the app, into a file",
        ),
        (
            "mtfp project - --format json < my-plan.json",
            "the whole projection, the scenario read from standard input",
        ),
        (
            "mtfp project --hindsight",
            "the 2021/22 plan with the pay awards, grant and precept since published",
        ),
    ],
    run,
};

/// The CSV header row.
pub const CSV_HEADER: &str = "year,funding,expenditure,gap,cumulative_gap,reserves";

/// Run the `project` command.
pub fn run(options: &Options, out: &mut dyn Write) -> Result<(), String> {
    let scenario = if options.flag("hindsight") {
        if options.scenario.is_some() {
            return Err(
                "--hindsight projects the built-in hindsight scenario: give no \
                        SCENARIO.json with it"
                    .into(),
            );
        }
        hindsight::nottinghamshire().map_err(|e| format!("the hindsight scenario: {e}"))?
    } else {
        load(options)?
    };
    let projection =
        engine::project(&scenario).map_err(|e| format!("{}: {e}", options.scenario_name()))?;
    let text = match options.format {
        Format::Csv => csv(&projection),
        Format::Json => serde_json::to_string_pretty(&projection).map_err(|e| e.to_string())?,
    };
    writeln!(out, "{text}").map_err(|e| format!("cannot write the output: {e}"))
}

/// The scenario named on the command line, or the Nottinghamshire baseline
/// ([`input::scenario`]).
pub fn load(options: &Options) -> Result<Scenario, String> {
    input::scenario(options)
}

fn money(value: Decimal) -> String {
    format!("{:.2}", round_money(value))
}

/// The projection as CSV: a header and one row per year, £ to two decimals. `reserves` is
/// general plus earmarked reserves at the end of the year.
pub fn csv(projection: &Projection) -> String {
    let mut text = String::from(CSV_HEADER);
    for y in &projection.years {
        text.push('\n');
        text.push_str(&format!(
            "{},{},{},{},{},{}",
            y.year,
            money(y.total_funding),
            money(y.total_expenditure),
            money(y.gap),
            money(y.cumulative_gap),
            money(y.reserves.total)
        ));
    }
    text
}
