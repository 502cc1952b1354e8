//! `mtfp project [SCENARIO.json] [--format csv|json]`: one row per year with funding,
//! expenditure, gap, cumulative gap and reserves (CSV), or the whole projection with every
//! line (JSON).

use std::io::Write;

use rust_decimal::Decimal;

use super::{Format, Options};
use crate::model::{baseline, engine, round_money, Projection, Scenario};

/// The CSV header row.
pub const CSV_HEADER: &str = "year,funding,expenditure,gap,cumulative_gap,reserves";

/// Run the `project` command.
pub fn run(options: &Options, out: &mut dyn Write) -> Result<(), String> {
    let scenario = load(options)?;
    let projection = engine::project(&scenario).map_err(|e| e.to_string())?;
    let text = match options.format {
        Format::Csv => csv(&projection),
        Format::Json => serde_json::to_string_pretty(&projection).map_err(|e| e.to_string())?,
    };
    writeln!(out, "{text}").map_err(|e| format!("cannot write the output: {e}"))
}

/// The scenario named on the command line, or the Nottinghamshire baseline.
pub fn load(options: &Options) -> Result<Scenario, String> {
    match &options.scenario {
        None => baseline::nottinghamshire().map_err(|e| format!("the baseline: {e}")),
        Some(path) => {
            let shown = path.display();
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("{shown}: cannot read the file: {e}"))?;
            Scenario::from_json(&text).map_err(|e| format!("{shown}: {e}"))
        }
    }
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
