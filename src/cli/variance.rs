//! `mtfp variance [SCENARIO.json] [--format csv|json]`: plan against actual, year by year:
//! each outturn figure and actual assumption the scenario carries beside the plan's own
//! figure, the variance (actual − plan), % of plan and whether it is adverse; a year with
//! no actuals says "not yet known" (docs/outturn.md §3).

use std::io::Write;

use rust_decimal::Decimal;
use serde::Serialize;

use super::{input, Command, Format, Options};
use crate::model::engine;
use crate::model::money::round_to;
use crate::model::outturn::variance::{self, places, Row, YearVariance, NOT_YET_KNOWN};
use crate::model::{FinancialYear, Scenario};

/// `mtfp variance`.
pub const COMMAND: Command = Command {
    name: "variance",
    summary: "plan against outturn by year: plan, actual, variance, % and adverse",
    about: "Compares the scenario's actuals (its \"actuals\" section: outturn by line, precept\n\
            income, totals, savings delivered, reserves, and actual pay awards, Band D, tax base\n\
            and officers) with the plan's own figures, year by year (docs/outturn.md). CSV: the\n\
            header\n\
            year,item,name,unit,plan,actual,variance,variance_pct,adverse,status,estimate\n\
            with variance = actual - plan (percentage points for a %), variance_pct = variance\n\
            as a % of the plan, adverse = true when spending is above plan or funding below;\n\
            a year with no actuals is one row whose status is \"not yet known\". Without a\n\
            file, the Nottinghamshire baseline against what was published since.",
    options: &[],
    examples: &[
        (
            "mtfp variance",
            "how the 2021/22 plan compares with what was published since",
        ),
        (
            "mtfp variance my-plan.json --format json",
            "a scenario's actuals against its plan, as JSON",
        ),
    ],
    run,
};

/// One row of the output.
#[derive(Debug, Serialize)]
struct Out {
    year: FinancialYear,
    item: Option<String>,
    name: Option<String>,
    unit: Option<&'static str>,
    #[serde(with = "crate::model::dec::strict_opt")]
    plan: Option<Decimal>,
    #[serde(with = "crate::model::dec::strict_opt")]
    actual: Option<Decimal>,
    #[serde(with = "crate::model::dec::strict_opt")]
    variance: Option<Decimal>,
    #[serde(with = "crate::model::dec::strict_opt")]
    variance_pct: Option<Decimal>,
    adverse: Option<bool>,
    status: &'static str,
    estimate: Option<bool>,
    source: Option<String>,
}

/// A figure to its unit's places, written with exactly that many.
fn fixed(v: Decimal, dp: u32) -> Decimal {
    let mut r = round_to(v, dp);
    r.rescale(dp);
    r
}

fn out_row(s: &Scenario, r: &Row) -> Out {
    let dp = places(r.subject.unit());
    Out {
        year: r.year,
        item: Some(r.subject.key()),
        name: Some(r.subject.label(s)),
        unit: Some(r.subject.unit().key()),
        plan: r.plan.map(|v| fixed(v, dp)),
        actual: Some(fixed(r.actual, dp)),
        variance: r.variance.map(|v| fixed(v, dp)),
        variance_pct: r.variance_pct.map(|v| fixed(v, 2)),
        adverse: Some(r.status.is_adverse()),
        status: r.status.text(),
        estimate: r.source.as_ref().map(|s| s.estimate),
        source: r.source.as_ref().map(|s| s.text.clone()),
    }
}

/// The rows `mtfp variance` prints for `years`.
fn rows(s: &Scenario, years: &[YearVariance]) -> Vec<Out> {
    let mut out = Vec::new();
    for y in years {
        if y.not_yet_known() {
            out.push(Out {
                year: y.year,
                item: None,
                name: None,
                unit: None,
                plan: None,
                actual: None,
                variance: None,
                variance_pct: None,
                adverse: None,
                status: NOT_YET_KNOWN,
                estimate: None,
                source: None,
            });
        }
        out.extend(y.rows.iter().map(|r| out_row(s, r)));
    }
    out
}

/// Run the `variance` command.
pub fn run(options: &Options, out: &mut dyn Write) -> Result<(), String> {
    let scenario = input::scenario(options)?;
    let shown = options.scenario_name();
    let projection = engine::project(&scenario).map_err(|e| format!("{shown}: {e}"))?;
    let years = variance::variance(&scenario, &projection).map_err(|e| format!("{shown}: {e}"))?;
    let text = match options.format {
        Format::Csv => crate::store::outturn::variance_csv(&scenario, &years),
        Format::Json => {
            serde_json::to_string_pretty(&rows(&scenario, &years)).map_err(|e| e.to_string())?
        }
    };
    writeln!(out, "{text}").map_err(|e| format!("cannot write the output: {e}"))
}
