//! `mtfp sensitivity [SCENARIO.json] [--rank cumulative-gap|final-general-reserve]
//! [--budget-book] [--format csv|json]`: every assumption the registry varies, moved by its
//! swing down and up, with the plan's cumulative gap and final general reserve each way
//! (docs/analysis.md §2); or the budget book's table.

use std::io::Write;

use rust_decimal::Decimal;
use serde::Serialize;

use super::{input, Command, Format, OptSpec, Options};
use crate::model::analysis::sensitivity::{self, BookCell, Measure, Sensitivity, Swings};
use crate::store::analysis::{
    budget_book_table, change_parts, change_text, sensitivity_table, to_csv,
};

/// `mtfp sensitivity`.
pub const COMMAND: Command = Command {
    name: "sensitivity",
    summary: "each assumption moved by its swing: its effect on the gap and the reserve",
    about: "Moves every assumption the registry varies (mtfp assumptions) by its swing, down\n\
            and up, one at a time, in every year from the first after the base year, and\n\
            projects the plan each time (docs/analysis.md §2). One row per assumption and\n\
            direction, ranked by the larger effect on the cumulative gap (or, with --rank\n\
            final-general-reserve, on the general reserve at the end of the plan). CSV: the\n\
            header\n\
            rank,key,label,direction,change,change_kind,change_text,cumulative_gap,\n\
            delta_cumulative_gap,final_general_reserve,delta_final_general_reserve,note\n\
            (£ to the penny; each row's figures are mtfp project of the scenario with that one\n\
            change made; note says why a move could not be made). --budget-book prints the\n\
            budget book's table instead: line,label,year,on,effect (what 1 percentage point on\n\
            officer pay, £1 on Band D, 1% on the tax base, 1 point on non-pay inflation and 10\n\
            officers add to spending or funding in each year). JSON: both, with the plan's own\n\
            figures.",
    options: &[
        OptSpec {
            long: "rank",
            short: None,
            value: Some("MEASURE"),
            help: "rank by cumulative-gap (default) or final-general-reserve",
        },
        OptSpec {
            long: "budget-book",
            short: None,
            value: None,
            help: "CSV: the budget book's table instead of the rows",
        },
    ],
    examples: &[
        (
            "mtfp sensitivity",
            "the baseline's assumptions ranked by their effect on the cumulative gap",
        ),
        (
            "mtfp sensitivity my-plan.json --rank final-general-reserve --format json",
            "ranked by the effect on the general reserve at the end of the plan, as JSON",
        ),
        (
            "mtfp sensitivity --budget-book",
            "what 1% on pay, £1 on Band D… are worth in each year",
        ),
    ],
    run,
};

#[derive(Serialize)]
struct PlanOut {
    #[serde(with = "crate::model::dec::strict")]
    cumulative_gap: Decimal,
    #[serde(with = "crate::model::dec::strict")]
    final_general_reserve: Decimal,
}

#[derive(Serialize)]
struct RowOut {
    rank: usize,
    key: String,
    label: String,
    direction: &'static str,
    change: String,
    change_kind: &'static str,
    change_text: String,
    #[serde(with = "crate::model::dec::strict_opt")]
    cumulative_gap: Option<Decimal>,
    #[serde(with = "crate::model::dec::strict_opt")]
    delta_cumulative_gap: Option<Decimal>,
    #[serde(with = "crate::model::dec::strict_opt")]
    final_general_reserve: Option<Decimal>,
    #[serde(with = "crate::model::dec::strict_opt")]
    delta_final_general_reserve: Option<Decimal>,
    note: Option<String>,
}

#[derive(Serialize)]
struct BookOut {
    line: &'static str,
    label: &'static str,
    year: String,
    on: &'static str,
    #[serde(with = "crate::model::dec::strict_opt")]
    effect: Option<Decimal>,
}

#[derive(Serialize)]
struct Out {
    from: String,
    rank_by: &'static str,
    plan: PlanOut,
    rows: Vec<RowOut>,
    budget_book: Vec<BookOut>,
}

fn rows(s: &Sensitivity, by: Measure) -> Vec<RowOut> {
    let mut out = Vec::new();
    for (rank, bar) in s.ranked(by).iter().enumerate() {
        for r in [bar.low, bar.high] {
            let (change, change_kind) = change_parts(r.change);
            let f = r.outcome.as_ref().ok();
            out.push(RowOut {
                rank: rank + 1,
                key: r.key.clone(),
                label: r.label.clone(),
                direction: r.direction.key(),
                change,
                change_kind,
                change_text: change_text(r),
                cumulative_gap: f.map(|f| crate::model::engine::penny(f.cumulative_gap)),
                delta_cumulative_gap: r
                    .delta(&s.plan, Measure::CumulativeGap)
                    .map(crate::model::engine::penny),
                final_general_reserve: f
                    .map(|f| crate::model::engine::penny(f.final_general_reserve)),
                delta_final_general_reserve: r
                    .delta(&s.plan, Measure::FinalGeneralReserve)
                    .map(crate::model::engine::penny),
                note: r
                    .outcome
                    .as_ref()
                    .err()
                    .map(|why| format!("not moved: {why}")),
            });
        }
    }
    out
}

fn book(cells: &[BookCell]) -> Vec<BookOut> {
    cells
        .iter()
        .map(|c| BookOut {
            line: c.line.key(),
            label: c.line.label(),
            year: c.year.to_string(),
            on: if c.line.is_funding() {
                "funding"
            } else {
                "spending"
            },
            effect: c.effect.map(crate::model::engine::penny),
        })
        .collect()
}

/// Run `mtfp sensitivity`.
pub fn run(options: &Options, out: &mut dyn Write) -> Result<(), String> {
    let by = match options.value("rank") {
        None => Measure::CumulativeGap,
        Some(key) => Measure::from_key(key).ok_or_else(|| {
            format!(
                "unknown measure '{}' for --rank: use cumulative-gap or final-general-reserve",
                crate::model::json::shorten(key)
            )
        })?,
    };
    let scenario = input::scenario(options)?;
    let name = options.scenario_name();
    let text = if options.flag("budget-book") && options.format == Format::Csv {
        let cells = sensitivity::budget_book(&scenario).map_err(|e| format!("{name}: {e}"))?;
        to_csv(&budget_book_table(&cells), "\n")
    } else {
        let s = sensitivity::sensitivity(&scenario, &Swings::registry())
            .map_err(|e| format!("{name}: {e}"))?;
        match options.format {
            Format::Csv => to_csv(&sensitivity_table(&s, by), "\n"),
            Format::Json => {
                let cells =
                    sensitivity::budget_book(&scenario).map_err(|e| format!("{name}: {e}"))?;
                let o = Out {
                    from: s.from.to_string(),
                    rank_by: by.key(),
                    plan: PlanOut {
                        cumulative_gap: crate::model::engine::penny(s.plan.cumulative_gap),
                        final_general_reserve: crate::model::engine::penny(
                            s.plan.final_general_reserve,
                        ),
                    },
                    rows: rows(&s, by),
                    budget_book: book(&cells),
                };
                let mut t = serde_json::to_string_pretty(&o).map_err(|e| e.to_string())?;
                t.push('\n');
                t
            }
        }
    };
    out.write_all(text.as_bytes())
        .map_err(|e| format!("cannot write the output: {e}"))
}
