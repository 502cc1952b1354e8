//! The `mtfp` command line: argument parsing and dispatch. Each subcommand lives in its own
//! file and writes to the sink it is given, so tests can run it without a process.

use std::io::Write;

mod args;
mod assumptions;
mod collaborations;
mod project;
mod workforce;

pub use args::{Format, Options};
pub use assumptions::CSV_HEADER as ASSUMPTIONS_CSV_HEADER;

const USAGE: &str = "usage: mtfp <command> [SCENARIO.json] [--format csv|json]

commands:
  project         one row per year: funding, expenditure, gap, cumulative gap, reserves
  workforce       headcount, FTE, starters, leavers and pay cost by year and group
  uplift          Operation Uplift: target, actual, % achieved, grant due, grant at risk
  collaborations  each collaboration's total cost, force share and benefits by year
  assumptions     every kind of assumption: key, label, unit, range, swing, uncertainty

With no SCENARIO.json the Nottinghamshire baseline is used.";

/// Run `mtfp` with `args` (without the program name), writing results to `out`.
/// Returns a one-line message on any failure.
pub fn run(args: &[String], out: &mut dyn Write) -> Result<(), String> {
    let Some((command, rest)) = args.split_first() else {
        return Err(format!("no command given\n{USAGE}"));
    };
    if command == "--help" || command == "-h" || command == "help" {
        return writeln!(out, "{USAGE}").map_err(|e| e.to_string());
    }
    let options = Options::parse(rest)?;
    #[allow(clippy::match_single_binding)] // arms arrive with each subcommand
    match command.as_str() {
        // Each subcommand adds its arm here, e.g. "project" => project::run(&options, out),
        "project" => project::run(&options, out),
        "workforce" => workforce::run_workforce(&options, out),
        "uplift" => workforce::run_uplift(&options, out),
        "collaborations" => collaborations::run(&options, out),
        "assumptions" => assumptions::run(&options, out),
        other => {
            let _ = (&options, &out);
            Err(format!("unknown command '{other}'\n{USAGE}"))
        }
    }
}
