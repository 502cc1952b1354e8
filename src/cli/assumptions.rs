//! `mtfp assumptions [SCENARIO.json] [--format csv|json]`: every kind of assumption in the
//! registry (`model::registry`) with its key, label, unit, valid range, the years it
//! applies to, its sensitivity swing and uncertainty range with their bases, or why it is
//! not varied. JSON also lists the scenario's own assumptions of each kind (key, label,
//! source); with no SCENARIO.json, the Nottinghamshire baseline's.

use std::io::Write;

use rust_decimal::Decimal;
use serde::Serialize;

use super::{input, Command, Format, Options};
use crate::model::registry::{self, Analysis, Change, Def, Kind, Spread};
use crate::store::csv::cell;

/// `mtfp assumptions`.
pub const COMMAND: Command = Command {
    name: "assumptions",
    summary: "every kind of assumption: key, label, unit, range, swing, uncertainty",
    about: "Lists every kind of assumption the planner knows (docs/model.md §10): its key (used\n\
            in files, CSV, links and analyses), label, unit, valid range, the years it applies\n\
            to, the swing sensitivity analysis moves it by and the uncertainty range risk\n\
            analysis draws it from, each with its basis, or why it is not varied. JSON also\n\
            lists the scenario's own assumptions of each kind (key, label, source).",
    options: &[],
    examples: &[
        (
            "mtfp assumptions",
            "the registry as CSV, one row per kind of assumption",
        ),
        (
            "mtfp assumptions my-plan.json --format json",
            "as JSON, with my-plan.json's own assumptions and their sources",
        ),
    ],
    run,
};

/// The CSV header of `mtfp assumptions`.
pub const CSV_HEADER: &str = "key,label,unit,min,max,years,section,swing,swing_basis,spread,low,likely,high,low_basis,likely_basis,high_basis,not_varied_because";

#[derive(Serialize)]
struct SwingOut {
    /// `by` (added, in the unit) or `percent` (of the figure).
    change: &'static str,
    /// The move up; the move down is its opposite.
    #[serde(with = "crate::model::dec::strict")]
    value: Decimal,
    /// As people read it: "1 percentage points".
    text: String,
    basis: &'static str,
}

#[derive(Serialize)]
struct PointOut {
    #[serde(with = "crate::model::dec::strict")]
    value: Decimal,
    basis: &'static str,
}

#[derive(Serialize)]
struct UncertaintyOut {
    /// `value` (the figures themselves), `by` (added to the plan's) or `percent` (% of it).
    spread: &'static str,
    low: PointOut,
    likely: PointOut,
    high: PointOut,
}

#[derive(Serialize)]
struct InstanceOut {
    key: String,
    label: String,
    source: Option<String>,
    estimate: bool,
}

#[derive(Serialize)]
struct KindOut {
    key: &'static str,
    label: &'static str,
    detail: &'static str,
    unit: &'static str,
    #[serde(with = "crate::model::dec::strict")]
    min: Decimal,
    #[serde(with = "crate::model::dec::strict")]
    max: Decimal,
    years: &'static str,
    section: &'static str,
    path: &'static str,
    swing: Option<SwingOut>,
    uncertainty: Option<UncertaintyOut>,
    not_varied_because: Option<&'static str>,
    instances: Vec<InstanceOut>,
}

fn change(c: Change) -> (&'static str, Decimal) {
    match c {
        Change::By(v) => ("by", v),
        Change::Percent(v) => ("percent", v),
    }
}

fn spread(s: Spread) -> &'static str {
    match s {
        Spread::Value => "value",
        Spread::By => "by",
        Spread::Percent => "percent",
    }
}

fn kind_out(def: &Def, s: &crate::model::Scenario) -> KindOut {
    let about = def.kind.about();
    let (swing, uncertainty, fixed) = match about.analysis {
        Analysis::Varied { swing, uncertainty } => {
            let (how, value) = change(swing.change);
            let point = |p: registry::Point| PointOut {
                value: p.value,
                basis: p.basis,
            };
            (
                Some(SwingOut {
                    change: how,
                    value,
                    text: swing.change.text(def.unit),
                    basis: swing.basis,
                }),
                Some(UncertaintyOut {
                    spread: spread(uncertainty.spread),
                    low: point(uncertainty.low),
                    likely: point(uncertainty.likely),
                    high: point(uncertainty.high),
                }),
                None,
            )
        }
        Analysis::Fixed { reason } => (None, None, Some(reason)),
    };
    let instances = registry::assumptions(s)
        .into_iter()
        .filter(|a| a.kind == def.kind)
        .map(|a| {
            let source = a.source(s);
            InstanceOut {
                key: a.key(),
                label: a.label(s),
                source: source.map(|x| x.text.clone()),
                estimate: source.is_some_and(|x| x.estimate),
            }
        })
        .collect();
    KindOut {
        key: def.key,
        label: def.label,
        detail: about.detail,
        unit: def.unit.key(),
        min: def.min,
        max: def.max,
        years: def.years.key(),
        section: def.section.name(),
        path: about.path,
        swing,
        uncertainty,
        not_varied_because: fixed,
        instances,
    }
}

fn csv_row(k: &KindOut) -> String {
    let dec = |v: Decimal| v.normalize().to_string();
    let (swing, swing_basis) = k
        .swing
        .as_ref()
        .map(|w| (w.text.clone(), w.basis))
        .unwrap_or_default();
    let u = k.uncertainty.as_ref();
    let point = |f: fn(&UncertaintyOut) -> &PointOut| {
        u.map(|u| (dec(f(u).value), f(u).basis)).unwrap_or_default()
    };
    let (low, low_basis) = point(|u| &u.low);
    let (likely, likely_basis) = point(|u| &u.likely);
    let (high, high_basis) = point(|u| &u.high);
    let cells = [
        k.key.to_string(),
        k.label.to_string(),
        k.unit.to_string(),
        dec(k.min),
        dec(k.max),
        k.years.to_string(),
        k.section.to_string(),
        swing,
        swing_basis.to_string(),
        u.map(|u| u.spread.to_string()).unwrap_or_default(),
        low,
        likely,
        high,
        low_basis.to_string(),
        likely_basis.to_string(),
        high_basis.to_string(),
        k.not_varied_because.unwrap_or_default().to_string(),
    ];
    cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(",")
}

/// Run `mtfp assumptions`.
pub fn run(options: &Options, out: &mut dyn Write) -> Result<(), String> {
    let scenario = input::scenario(options)?;
    let kinds: Vec<KindOut> = Kind::ALL
        .iter()
        .map(|k| kind_out(&k.def(), &scenario))
        .collect();
    let text = match options.format {
        Format::Csv => {
            let mut text = String::from(CSV_HEADER);
            for k in &kinds {
                text.push('\n');
                text.push_str(&csv_row(k));
            }
            text
        }
        Format::Json => serde_json::to_string_pretty(&kinds).map_err(|e| e.to_string())?,
    };
    writeln!(out, "{text}").map_err(|e| format!("cannot write the output: {e}"))
}
