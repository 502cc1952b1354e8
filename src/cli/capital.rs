//! `mtfp capital [SCENARIO.json] [--format csv|json]`: the capital programme by plan year:
//! spend and how it is funded, borrowing, MRP, interest, the capital financing requirement
//! and the prudential indicators (docs/capital.md).

use std::io::Write;

use super::{input, Command, Format, Options};
use crate::model::{capital, engine};
use crate::store::csv;

/// `mtfp capital`.
pub const COMMAND: Command = Command {
    name: "capital",
    summary: "the capital programme: spend, borrowing, MRP, interest, CFR, indicators",
    about: "The scenario's capital programme, with the collaboration register's capital schemes\n\
            (the joint headquarters) linked in, one row per plan year (docs/capital.md). CSV:\n\
            year, capital_spend, its funding (capital_grant, capital_receipts,\n\
            revenue_contribution, earmarked_reserve, borrowing), mrp, interest,\n\
            financing_costs, cfr, net_revenue_stream, financing_cost_pct, external_debt,\n\
            operational_boundary, authorised_limit, over_boundary, over_limit and\n\
            receipts_held; £ to the penny, the ratio in % to two places, a limit not set left\n\
            blank. JSON: the same by year, every scheme's figures and the warnings (an\n\
            indicator breached, receipts overdrawn).",
    options: &[],
    examples: &[
        (
            "mtfp capital",
            "the baseline's capital programme and prudential indicators, as CSV",
        ),
        (
            "mtfp capital my-plan.json --format json -o capital.json",
            "a scenario's programme, every scheme by year, as JSON into a file",
        ),
    ],
    run,
};

/// Run the `capital` command.
pub fn run(options: &Options, out: &mut dyn Write) -> Result<(), String> {
    let scenario = input::scenario(options)?;
    let name = options.scenario_name();
    let projection = engine::project(&scenario).map_err(|e| format!("{name}: {e}"))?;
    let report = capital::report(&scenario, &projection).map_err(|e| format!("{name}: {e}"))?;
    let text = match options.format {
        Format::Csv => csv::capital_rows(&report)
            .iter()
            .map(|row| {
                row.iter()
                    .map(|c| csv::cell(c))
                    .collect::<Vec<_>>()
                    .join(",")
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Format::Json => serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?,
    };
    writeln!(out, "{text}").map_err(|e| format!("cannot write the output: {e}"))
}
