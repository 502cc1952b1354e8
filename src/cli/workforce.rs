//! `mtfp workforce [SCENARIO.json] [--format csv|json]`: headcount, FTE, starters, leavers
//! and pay cost by year and group; `mtfp uplift …`: Operation Uplift target, actual,
//! % achieved, grant due and grant at risk by year.
//!
//! Figures are rounded only here, for display: £ and FTE to two decimals, percentages to
//! two decimals, all halves away from zero.

use std::io::Write;

use rust_decimal::Decimal;
use serde::Serialize;

use super::{Command, Format, Options};
use crate::model::money::round_to;
use crate::model::workforce::{self, PayContext, WorkforceProjection};
use crate::model::{round_money, FinancialYear, Scenario};

/// `mtfp workforce`.
pub const WORKFORCE: Command = Command {
    name: "workforce",
    summary: "headcount, FTE, starters, leavers and pay cost by year and group",
    about: "Projects the scenario's workforce section (docs/workforce.md): for each year, each\n\
            paid group's closing headcount, FTE and average FTE, starters, leavers and pay cost\n\
            (£ and FTE to two places), then any unpaid groups (specials, volunteers) by\n\
            headcount. The scenario needs a \"workforce\" section (the baseline has one).",
    options: &[],
    examples: &[(
        "mtfp workforce my-plan.json --format json",
        "the workforce of a scenario exported from the app, as JSON",
    )],
    run: run_workforce,
};

/// `mtfp uplift`.
pub const UPLIFT: Command = Command {
    name: "uplift",
    summary: "Operation Uplift: target, actual, % achieved, grant due, grant at risk",
    about: "The Police Uplift Programme by year (docs/workforce.md): the officer target, the\n\
            officers the plan reaches, % achieved, the ring-fenced grant due and at risk, the\n\
            grant paid and % paid. The workforce section needs an \"uplift\" section.",
    options: &[],
    examples: &[(
        "mtfp uplift -o uplift.csv",
        "the baseline's Uplift figures, into a file",
    )],
    run: run_uplift,
};

/// The CSV header of `mtfp workforce`.
pub const WORKFORCE_HEADER: &str = "year,group,headcount,fte,average_fte,starters,leavers,pay_cost";

/// The CSV header of `mtfp uplift`.
pub const UPLIFT_HEADER: &str =
    "year,target,actual,percent_achieved,grant_due,grant_at_risk,grant,percent_paid";

/// One row of `mtfp workforce`, rounded for display.
#[derive(Debug, Serialize)]
struct WorkforceRow {
    year: FinancialYear,
    group: String,
    headcount: Decimal,
    fte: Option<Decimal>,
    average_fte: Option<Decimal>,
    starters: Option<Decimal>,
    leavers: Option<Decimal>,
    pay_cost: Decimal,
}

/// One row of `mtfp uplift`, rounded for display.
#[derive(Debug, Serialize)]
struct UpliftRow {
    year: FinancialYear,
    target: Decimal,
    actual: Decimal,
    percent_achieved: Decimal,
    grant_due: Decimal,
    grant_at_risk: Decimal,
    grant: Decimal,
    percent_paid: Decimal,
}

/// Load the scenario (or the baseline) and project its workforce section.
fn projection(options: &Options) -> Result<WorkforceProjection, String> {
    let scenario: Scenario = super::input::scenario(options)?;
    let shown = options.scenario_name();
    let Some(plan) = &scenario.workforce else {
        return Err(format!(
            "{shown}: the scenario has no workforce section; add a \"workforce\" section \
             (officers, staff, pcsos) to use this command"
        ));
    };
    let years = scenario.horizon.year_list();
    let ctx = PayContext {
        years: &years,
        officer_award_pct: &scenario.assumptions.officer_pay_award_pct.value,
        staff_award_pct: &scenario.assumptions.staff_pay_award_pct.value,
    };
    workforce::project(plan, ctx).map_err(|e| format!("{shown}: {e}"))
}

fn dp2(value: Decimal) -> Decimal {
    round_to(value, 2)
}

fn workforce_rows(p: &WorkforceProjection) -> Vec<WorkforceRow> {
    let mut rows = Vec::new();
    for &year in &p.years {
        for r in p.groups.iter().filter(|r| r.year == year) {
            rows.push(WorkforceRow {
                year,
                group: r.group.key().to_string(),
                headcount: r.closing_headcount,
                fte: Some(dp2(r.closing_fte)),
                average_fte: Some(dp2(r.average_fte)),
                starters: Some(r.starters),
                leavers: Some(r.leavers),
                pay_cost: round_money(r.pay_cost),
            });
        }
        for u in p.unpaid.iter().filter(|u| u.year == year) {
            rows.push(WorkforceRow {
                year,
                group: u.name.clone(),
                headcount: u.headcount,
                fte: None,
                average_fte: None,
                starters: None,
                leavers: None,
                pay_cost: Decimal::ZERO,
            });
        }
    }
    rows
}

fn uplift_rows(p: &WorkforceProjection) -> Vec<UpliftRow> {
    p.uplift
        .iter()
        .flatten()
        .map(|u| UpliftRow {
            year: u.year,
            target: u.target,
            actual: u.actual,
            percent_achieved: dp2(u.achieved_pct),
            grant_due: round_money(u.grant_due),
            grant_at_risk: round_money(u.grant_at_risk),
            grant: round_money(u.grant),
            percent_paid: dp2(u.paid_pct),
        })
        .collect()
}

/// A CSV field: quoted when it holds a comma, a quote or a line break.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn opt(value: Option<Decimal>, money: bool) -> String {
    match value {
        Some(v) if money => format!("{v:.2}"),
        Some(v) => v.to_string(),
        None => String::new(),
    }
}

/// The workforce table as CSV.
fn workforce_csv(rows: &[WorkforceRow]) -> String {
    let mut text = String::from(WORKFORCE_HEADER);
    for r in rows {
        text.push('\n');
        text.push_str(&format!(
            "{},{},{},{},{},{},{},{:.2}",
            r.year,
            field(&r.group),
            r.headcount,
            opt(r.fte, true),
            opt(r.average_fte, true),
            opt(r.starters, false),
            opt(r.leavers, false),
            r.pay_cost
        ));
    }
    text
}

/// The Uplift table as CSV.
fn uplift_csv(rows: &[UpliftRow]) -> String {
    let mut text = String::from(UPLIFT_HEADER);
    for r in rows {
        text.push('\n');
        text.push_str(&format!(
            "{},{},{},{:.2},{:.2},{:.2},{:.2},{:.2}",
            r.year,
            r.target,
            r.actual,
            r.percent_achieved,
            r.grant_due,
            r.grant_at_risk,
            r.grant,
            r.percent_paid
        ));
    }
    text
}

fn emit(out: &mut dyn Write, text: &str) -> Result<(), String> {
    writeln!(out, "{text}").map_err(|e| format!("cannot write the output: {e}"))
}

/// Run `mtfp workforce`.
pub fn run_workforce(options: &Options, out: &mut dyn Write) -> Result<(), String> {
    let rows = workforce_rows(&projection(options)?);
    let text = match options.format {
        Format::Csv => workforce_csv(&rows),
        Format::Json => serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?,
    };
    emit(out, &text)
}

/// Run `mtfp uplift`.
pub fn run_uplift(options: &Options, out: &mut dyn Write) -> Result<(), String> {
    let p = projection(options)?;
    if p.uplift.is_none() {
        return Err(format!(
            "{}: the workforce section has no \"uplift\" section (targets, grant, rules)",
            options.scenario_name()
        ));
    }
    let rows = uplift_rows(&p);
    let text = match options.format {
        Format::Csv => uplift_csv(&rows),
        Format::Json => serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?,
    };
    emit(out, &text)
}
