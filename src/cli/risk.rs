//! `mtfp risk [SCENARIO.json] [--draws N] [--seed S] [--coupled|--uncoupled] [--above £]
//! [--format csv|json]`: a seeded Monte Carlo run of the plan (docs/risk.md), with the
//! scenario's `risk` section (its ranges and settings) and the options over it. CSV: one row
//! per year with the percentiles of the annual gap, cumulative gap and general reserve,
//! the plan's own figures and the shares of draws below the reserve floor and below zero.
//! JSON: the same by year, with the histogram of the end-of-plan cumulative gap, the
//! shares above the plan's figure (and `--above`), the drivers of the spread and the
//! summary sentence.

use std::io::Write;

use rust_decimal::Decimal;
use serde::Serialize;

use super::{input, Command, Format, OptSpec, Options};
use crate::model::engine::penny;
use crate::model::risk::{self, Band, Risk, Settings};
use crate::model::{FinancialYear, Scenario};

/// `mtfp risk`.
pub const COMMAND: Command = Command {
    name: "risk",
    summary: "Monte Carlo: percentiles of the gap and reserve, chance of a floor breach",
    about: "Draws every varied assumption from its uncertainty range (docs/model.md §10) N\n\
            times with a seeded generator and projects each draw (docs/risk.md). Prints, by\n\
            year, the 5th, 25th, 50th, 75th and 95th percentiles of the annual gap, the\n\
            cumulative gap and the general reserve, the plan's own figures, and the share of\n\
            draws whose general reserve ends the year below its floor and below zero. JSON\n\
            adds the histogram of the end-of-plan cumulative gap, the chance it exceeds the\n\
            plan's figure (and --above), the assumptions that drive the spread, and a summary.\n\
            A scenario's risk section (docs/scenarios.md) gives its own ranges, draws, seed,\n\
            coupling and --above amount; an option given here overrides the section's.\n\
            The same seed and draws give the same figures, here and in the browser.",
    options: &[
        OptSpec {
            long: "draws",
            short: Some('n'),
            value: Some("N"),
            help: "how many draws, 1000 to 100000 (default: the scenario's, else 10000)",
        },
        OptSpec {
            long: "seed",
            short: Some('s'),
            value: Some("S"),
            help: "the seed, a whole number from 0 (default: the scenario's, else 1)",
        },
        OptSpec {
            long: "coupled",
            short: None,
            value: None,
            help: "draw pay awards and non-pay inflation together",
        },
        OptSpec {
            long: "uncoupled",
            short: None,
            value: None,
            help: "draw each assumption on its own (when the scenario says coupled)",
        },
        OptSpec {
            long: "above",
            short: None,
            value: Some("AMOUNT"),
            help: "the chance the end-of-plan cumulative gap exceeds AMOUNT (£)",
        },
    ],
    examples: &[
        (
            "mtfp risk",
            "10,000 draws of the baseline with seed 1, as CSV by year",
        ),
        (
            "mtfp risk my-plan.json --draws 100000 --seed 7 --format json",
            "a longer run of a scenario, with the drivers and the histogram",
        ),
    ],
    run,
};

#[derive(Serialize)]
struct BandOut {
    p5: Decimal,
    p25: Decimal,
    p50: Decimal,
    p75: Decimal,
    p95: Decimal,
    plan: Decimal,
}

impl From<&Band> for BandOut {
    fn from(b: &Band) -> Self {
        BandOut {
            p5: penny(b.p5),
            p25: penny(b.p25),
            p50: penny(b.p50),
            p75: penny(b.p75),
            p95: penny(b.p95),
            plan: penny(b.plan),
        }
    }
}

#[derive(Serialize)]
struct YearOut {
    year: FinancialYear,
    gap: BandOut,
    cumulative_gap: BandOut,
    general_reserve: BandOut,
    below_floor: usize,
    below_zero: usize,
    probability_below_floor: Decimal,
    probability_below_zero: Decimal,
}

#[derive(Serialize)]
struct BinOut {
    from: Decimal,
    to: Decimal,
    count: usize,
}

#[derive(Serialize)]
struct AboveOut {
    amount: Decimal,
    draws: usize,
    probability: Decimal,
}

#[derive(Serialize)]
struct DriverOut {
    key: String,
    label: String,
    correlation: Decimal,
}

#[derive(Serialize)]
struct RiskOut {
    draws: usize,
    seed: u64,
    coupled: bool,
    years: Vec<YearOut>,
    final_cumulative_gap_histogram: Vec<BinOut>,
    above_plan: AboveOut,
    above: Option<AboveOut>,
    drivers: Vec<DriverOut>,
    summary: String,
}

/// The run's settings: the scenario's `risk` section (docs/risk.md §4; none: the
/// defaults), each option given overriding it.
fn settings(options: &Options, scenario: &Scenario) -> Result<Settings, String> {
    let mut s = Settings::of(scenario).map_err(|e| format!("{}: {e}", options.scenario_name()))?;
    if let Some(v) = options.value("draws") {
        s.draws = v
            .trim()
            .replace(',', "")
            .parse()
            .map_err(|_| format!("--draws {v}: not a whole number of draws"))?;
        if !(risk::MIN_DRAWS..=risk::MAX_DRAWS).contains(&s.draws) {
            return Err(format!(
                "--draws {v}: use {} to {}",
                risk::MIN_DRAWS,
                risk::MAX_DRAWS
            ));
        }
    }
    if let Some(v) = options.value("seed") {
        s.seed = v
            .trim()
            .parse()
            .map_err(|_| format!("--seed {v}: not a whole number from 0"))?;
    }
    if options.flag("coupled") && options.flag("uncoupled") {
        return Err("--coupled and --uncoupled: choose one".into());
    }
    if options.flag("coupled") {
        s.coupled = true;
    }
    if options.flag("uncoupled") {
        s.coupled = false;
    }
    if let Some(v) = options.value("above") {
        let amount: Decimal = v
            .trim()
            .trim_start_matches('£')
            .replace(',', "")
            .parse()
            .map_err(|_| format!("--above {v}: not an amount of money"))?;
        s.threshold = Some(amount);
    }
    Ok(s)
}

fn out(r: &Risk) -> RiskOut {
    let plan_final = r
        .years
        .last()
        .map_or(Decimal::ZERO, |y| y.cumulative_gap.plan);
    RiskOut {
        draws: r.draws,
        seed: r.seed,
        coupled: r.coupled,
        years: r
            .years
            .iter()
            .map(|y| YearOut {
                year: y.year,
                gap: (&y.gap).into(),
                cumulative_gap: (&y.cumulative_gap).into(),
                general_reserve: (&y.general_reserve).into(),
                below_floor: y.below_floor,
                below_zero: y.below_zero,
                probability_below_floor: y.probability_below_floor,
                probability_below_zero: y.probability_below_zero,
            })
            .collect(),
        final_cumulative_gap_histogram: r
            .histogram
            .iter()
            .map(|b| BinOut {
                from: penny(b.from),
                to: penny(b.to),
                count: b.count,
            })
            .collect(),
        above_plan: AboveOut {
            amount: penny(plan_final),
            draws: r.above_plan,
            probability: r.probability_above_plan,
        },
        above: r
            .above_threshold
            .map(|(amount, draws, probability)| AboveOut {
                amount: penny(amount),
                draws,
                probability,
            }),
        drivers: r
            .drivers
            .iter()
            .map(|d| DriverOut {
                key: d.key.clone(),
                label: d.label.clone(),
                correlation: d.correlation,
            })
            .collect(),
        summary: r.summary.clone(),
    }
}

/// Run `mtfp risk`.
pub fn run(options: &Options, sink: &mut dyn Write) -> Result<(), String> {
    let scenario = input::scenario(options)?;
    let settings = settings(options, &scenario)?;
    let r =
        risk::run(&scenario, &settings).map_err(|e| format!("{}: {e}", options.scenario_name()))?;
    // The CSV is the risk screen's download, which ends its last line itself.
    let text = match options.format {
        Format::Csv => crate::view::risk::csv(&r),
        Format::Json => serde_json::to_string_pretty(&out(&r)).map_err(|e| e.to_string())? + "\n",
    };
    write!(sink, "{text}").map_err(|e| format!("cannot write the output: {e}"))
}
