//! `mtfp solve --target T [--year Y] [--amount £] --lever L [--from Y] [SCENARIO.json]
//! [--format csv|json]`: goal seek, the lever value that meets a target, exactly
//! (docs/analysis.md §1).

use std::io::Write;

use rust_decimal::Decimal;
use serde::Serialize;

use super::{input, Command, Format, OptSpec, Options};
use crate::edit::FieldUnit;
use crate::model::analysis::goal_seek::{self, Answer, Bound, Lever, Question, Target};
use crate::model::engine::penny;
use crate::model::FinancialYear;
use crate::store::csv::cell;
use crate::view::analysis::answer_bands;

/// `mtfp solve`.
pub const COMMAND: Command = Command {
    name: "solve",
    summary: "goal seek: the lever value that meets a target, to the penny",
    about: "Finds the smallest value of a lever (the largest, for a lever that meets the target\n\
            by going down, such as a pay award) that meets a target, to the penny, 0.01 of a\n\
            percentage point or a whole officer, searching the lever's range from the\n\
            assumption registry (docs/analysis.md §1). It checks the target moves one way as\n\
            the lever moves, and refuses if it does not. A target that cannot be met in the\n\
            range is reported with how far it falls short at the range's best end. For a Band D\n\
            rise it reports each year's referendum limit, the best reachable within the limits\n\
            and the gap left, and the rise for bands A to H.\n\
            Targets: annual-gap (no annual gap in --year), cumulative-gap (no cumulative gap by\n\
            the final year), reserve-floor (the general reserve at or above its floor every\n\
            year), still-to-find (savings still to find in --year at most --amount).\n\
            Levers: precept-gbp, precept-pct (the same Band D rise each year from --from),\n\
            savings (a recurring saving a year from --from), pay-award (officers' and staff's\n\
            award in --from), grant-growth (every line growing by a rate, each year from\n\
            --from), officer-intake (officers recruited each year from --from), reserves\n\
            (planned use of the general reserve each year from --from). --from defaults to the\n\
            first year after the base year.\n\
            CSV: target,year,amount,lever,from,value,reachable,shortfall,\n\
            exceeds_referendum_limit,within_limits_shortfall. JSON: the question, value,\n\
            reachable, shortfall (\"0.00\" when reachable), the referendum report and bands,\n\
            and scenario: the solved scenario, the file mtfp project reads.",
    options: &[
        OptSpec {
            long: "target",
            short: None,
            value: Some("TARGET"),
            help: "annual-gap, cumulative-gap, reserve-floor or still-to-find",
        },
        OptSpec {
            long: "year",
            short: None,
            value: Some("YEAR"),
            help: "the target's year (annual-gap, still-to-find), as 2023/24",
        },
        OptSpec {
            long: "amount",
            short: None,
            value: Some("AMOUNT"),
            help: "the most still to find, £ (still-to-find)",
        },
        OptSpec {
            long: "lever",
            short: None,
            value: Some("LEVER"),
            help: "precept-gbp, precept-pct, savings, pay-award, grant-growth,\n                       officer-intake or reserves",
        },
        OptSpec {
            long: "from",
            short: None,
            value: Some("YEAR"),
            help: "the first year the lever moves (default: the one after the base year)",
        },
    ],
    examples: &[
        (
            "mtfp solve --target cumulative-gap --lever precept-gbp --from 2023/24",
            "the Band D rise a year from 2023/24 that closes the baseline's cumulative gap",
        ),
        (
            "mtfp solve plan.json --target annual-gap --year 2024/25 --lever savings --format json",
            "the recurring saving from 2022/23 that balances 2024/25, with the solved scenario",
        ),
    ],
    run,
};

#[derive(Serialize)]
struct MissOut {
    #[serde(with = "crate::model::dec::strict")]
    value: Decimal,
    #[serde(with = "crate::model::dec::strict")]
    shortfall: Decimal,
}

#[derive(Serialize)]
struct RangeOut {
    #[serde(with = "crate::model::dec::strict")]
    low: Decimal,
    #[serde(with = "crate::model::dec::strict")]
    high: Decimal,
}

#[derive(Serialize)]
struct YearOut {
    year: String,
    #[serde(with = "crate::model::dec::strict")]
    band_d: Decimal,
    #[serde(with = "crate::model::dec::strict")]
    rise_gbp: Decimal,
    #[serde(with = "crate::model::dec::strict_opt")]
    referendum_limit_gbp: Option<Decimal>,
    exceeds_referendum_limit: bool,
    #[serde(with = "crate::model::dec::strict")]
    within_limits_rise_gbp: Decimal,
}

#[derive(Serialize)]
struct WithinOut {
    reachable: bool,
    #[serde(with = "crate::model::dec::strict")]
    shortfall: Decimal,
}

#[derive(Serialize)]
struct BandOut {
    band: String,
    #[serde(with = "crate::model::dec::strict")]
    annual: Decimal,
    #[serde(with = "crate::model::dec::strict")]
    rise: Decimal,
    #[serde(with = "crate::model::dec::strict")]
    weekly: Decimal,
    #[serde(with = "crate::model::dec::strict")]
    rise_weekly: Decimal,
}

#[derive(Serialize)]
struct ReferendumOut {
    exceeds_referendum_limit: bool,
    years: Vec<YearOut>,
    within_limits: WithinOut,
    bands_year: String,
    bands: Vec<BandOut>,
}

#[derive(Serialize)]
struct Out {
    question: String,
    target: &'static str,
    year: Option<String>,
    #[serde(with = "crate::model::dec::strict_opt")]
    amount: Option<Decimal>,
    lever: &'static str,
    unit: &'static str,
    from: String,
    #[serde(with = "crate::model::dec::strict")]
    value: Decimal,
    reachable: bool,
    #[serde(with = "crate::model::dec::strict")]
    shortfall: Decimal,
    bound: &'static str,
    moves_target: bool,
    one_step_beyond: Option<MissOut>,
    range: RangeOut,
    projections: usize,
    referendum: Option<ReferendumOut>,
    scenario: serde_json::Value,
}

fn year(options: &Options, name: &str) -> Result<Option<FinancialYear>, String> {
    options
        .value(name)
        .map(|y| {
            y.parse::<FinancialYear>().map_err(|_| {
                format!(
                    "--{name} '{}' is not a financial year: write it as 2023/24",
                    crate::model::json::shorten(y)
                )
            })
        })
        .transpose()
}

/// The question the options ask of `first` (the first year after the base year).
fn question(options: &Options, first: FinancialYear) -> Result<Question, String> {
    let target = options
        .value("target")
        .ok_or("--target is needed: annual-gap, cumulative-gap, reserve-floor or still-to-find")?;
    let amount = options
        .value("amount")
        .map(|a| {
            crate::edit::parse_input(a, FieldUnit::Pounds)
                .map_err(|e| format!("--amount '{}': {e}", crate::model::json::shorten(a)))
        })
        .transpose()?;
    let target = Target::from_key(target, year(options, "year")?, amount)?;
    let lever = options.value("lever").ok_or(
        "--lever is needed: precept-gbp, precept-pct, savings, pay-award, grant-growth, officer-intake or reserves",
    )?;
    let lever = Lever::from_key(lever).ok_or_else(|| {
        format!(
            "unknown lever '{}': use {}",
            crate::model::json::shorten(lever),
            Lever::ALL.map(Lever::key).join(", ")
        )
    })?;
    let from = year(options, "from")?.unwrap_or(first);
    Ok(Question {
        target,
        lever,
        from,
    })
}

fn out(a: &Answer, last: FinancialYear) -> Result<Out, String> {
    let q = a.question;
    let referendum = a.referendum.as_ref().map(|r| {
        let (bands_year, rows) = answer_bands(a).unwrap_or((q.from, Vec::new()));
        ReferendumOut {
            exceeds_referendum_limit: r.breached(),
            years: r
                .years
                .iter()
                .map(|y| YearOut {
                    year: y.year.to_string(),
                    band_d: penny(y.band_d),
                    rise_gbp: penny(y.rise_gbp),
                    referendum_limit_gbp: y.limit.map(penny),
                    exceeds_referendum_limit: y.exceeds,
                    within_limits_rise_gbp: penny(y.within_rise),
                })
                .collect(),
            within_limits: WithinOut {
                reachable: r.within.reachable,
                shortfall: penny(r.within.shortfall),
            },
            bands_year: bands_year.to_string(),
            bands: rows
                .iter()
                .map(|b| BandOut {
                    band: b.band.to_string(),
                    annual: penny(b.annual),
                    rise: penny(b.rise),
                    weekly: penny(b.weekly),
                    rise_weekly: penny(b.rise_weekly),
                })
                .collect(),
        }
    });
    let scenario = serde_json::from_str(&a.scenario.to_json()).map_err(|e| e.to_string())?;
    Ok(Out {
        question: q.text(last),
        target: q.target.key(),
        year: q.target.year().map(|y| y.to_string()),
        amount: match q.target {
            Target::StillToFind { amount, .. } => Some(penny(amount)),
            _ => None,
        },
        lever: q.lever.key(),
        unit: q.lever.unit().key(),
        from: q.from.to_string(),
        value: a.value,
        reachable: a.reachable,
        shortfall: penny(a.shortfall),
        bound: match a.bound {
            Bound::Smallest => "smallest",
            Bound::Largest => "largest",
        },
        moves_target: a.moves,
        one_step_beyond: a.miss.map(|(value, shortfall)| MissOut {
            value,
            shortfall: penny(shortfall),
        }),
        range: RangeOut {
            low: a.range.0,
            high: a.range.1,
        },
        projections: a.projections,
        referendum,
        scenario,
    })
}

/// Run `mtfp solve`.
pub fn run(options: &Options, sink: &mut dyn Write) -> Result<(), String> {
    let scenario = input::scenario(options)?;
    let base = scenario.horizon.base_year;
    let last = scenario.horizon.last_year().unwrap_or(base);
    let q = question(options, base.plus(1).unwrap_or(base))?;
    let name = options.scenario_name();
    let a = goal_seek::solve(&scenario, &q).map_err(|e| format!("{name}: cannot answer: {e}"))?;
    let o = out(&a, last)?;
    let text = match options.format {
        Format::Json => {
            let mut t = serde_json::to_string_pretty(&o).map_err(|e| e.to_string())?;
            t.push('\n');
            t
        }
        Format::Csv => {
            let opt = |v: Option<String>| v.unwrap_or_default();
            let cells = [
                o.target.to_string(),
                opt(o.year.clone()),
                opt(o.amount.map(|a| a.to_string())),
                o.lever.to_string(),
                o.from.clone(),
                o.value.to_string(),
                o.reachable.to_string(),
                o.shortfall.to_string(),
                opt(o
                    .referendum
                    .as_ref()
                    .map(|r| r.exceeds_referendum_limit.to_string())),
                opt(o
                    .referendum
                    .as_ref()
                    .map(|r| r.within_limits.shortfall.to_string())),
            ];
            format!(
                "{CSV_HEADER}\n{}\n",
                cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(",")
            )
        }
    };
    sink.write_all(text.as_bytes())
        .map_err(|e| format!("cannot write the output: {e}"))
}

/// The CSV header of `mtfp solve`.
pub const CSV_HEADER: &str = "target,year,amount,lever,from,value,reachable,shortfall,exceeds_referendum_limit,within_limits_shortfall";
