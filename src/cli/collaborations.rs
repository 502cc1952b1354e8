//! `mtfp collaborations [SCENARIO.json] [--format csv|json]`: per collaboration and year,
//! the total cost, the force's share, exit costs and planned and realised cashable
//! benefits; history years (before the plan's base year) are shown where they hold a
//! figure, and a `total` row per plan year gives what feeds the MTFP.
//!
//! For capital collaborations (`kind` = `capital`) the cost is the year's capital
//! financing (MRP + interest): `total_cost` for the whole asset, `force_share` the force's.

use std::io::Write;

use rust_decimal::Decimal;
use serde::Serialize;

use super::{input, Command, Format, Options};
use crate::model::collab::{
    self, BenefitsYear, CollaborationProjection, CollaborationRegister, YearMonth,
};
use crate::model::{round_money, FinancialYear};

/// `mtfp collaborations`.
pub const COMMAND: Command = Command {
    name: "collaborations",
    summary: "each collaboration's total cost, force share and benefits by year",
    about: "The scenario's collaboration register (docs/collaborations.md), one row per\n\
            collaboration and year: total cost, the force's share, exit costs, planned and\n\
            realised cashable savings; history years (before the plan) where they hold a\n\
            figure, then a total row per plan year (what feeds the MTFP). Capital\n\
            collaborations show the year's financing (MRP and interest). Without a file, the\n\
            baseline's register.",
    options: &[],
    examples: &[(
        "mtfp collaborations my-plan.json --format json -o register.json",
        "a scenario's register projected, as JSON, into a file",
    )],
    run,
};

/// The CSV header row.
pub const CSV_HEADER: &str = "id,name,kind,status,year,period,months,total_cost,force_share,\
exit_cost,force_total,cashable_planned,cashable_realised,realised_pct,benefits_status";

/// The JSON output: the projection over history and plan years, with the plan's years.
#[derive(Debug, Serialize)]
pub struct Output<'a> {
    /// The plan's years (base year first); earlier years are history.
    pub plan_years: &'a [FinancialYear],
    /// The register projected over history and plan years.
    pub projection: &'a CollaborationProjection,
}

/// Run the `collaborations` command.
pub fn run(options: &Options, out: &mut dyn Write) -> Result<(), String> {
    let (register, plan_years) = load(options)?;
    let years = with_history(&register, &plan_years);
    let projection = collab::project(&register, &years)
        .map_err(|e| format!("{}: {e}", options.scenario_name()))?;
    let text = match options.format {
        Format::Csv => csv(&register, &projection, &plan_years),
        Format::Json => serde_json::to_string_pretty(&Output {
            plan_years: &plan_years,
            projection: &projection,
        })
        .map_err(|e| e.to_string())?,
    };
    writeln!(out, "{text}").map_err(|e| format!("cannot write the output: {e}"))
}

/// The register and plan years: from the scenario file, or the baseline.
fn load(options: &Options) -> Result<(CollaborationRegister, Vec<FinancialYear>), String> {
    let scenario = input::scenario(options)?;
    let years = scenario.horizon.year_list();
    let register = match (scenario.collaborations, &options.scenario) {
        (Some(register), _) => register,
        (None, None) => collab::baseline::nottinghamshire()
            .map_err(|e| format!("the baseline collaboration register: {e}"))?,
        (None, Some(_)) => {
            return Err(format!(
                "{}: the scenario has no collaborations section, so there is no register to show",
                options.scenario_name()
            ))
        }
    };
    Ok((register, years))
}

/// The plan's years preceded by every year from the earliest start in the register.
fn with_history(register: &CollaborationRegister, plan: &[FinancialYear]) -> Vec<FinancialYear> {
    let Some(&base) = plan.first() else {
        return Vec::new();
    };
    let earliest = register
        .collaborations
        .iter()
        .map(|c| c.start)
        .chain(register.capital.iter().map(|c| c.in_use_from))
        .filter_map(YearMonth::financial_year)
        .min()
        .unwrap_or(base)
        .min(base);
    let mut years: Vec<FinancialYear> = (0..base.years_since(earliest))
        .filter_map(|n| u16::try_from(n).ok().and_then(|n| earliest.plus(n)))
        .collect();
    years.extend_from_slice(plan);
    years
}

fn money(value: Decimal) -> String {
    format!("{:.2}", round_money(value))
}

/// A CSV field, quoted when it holds a comma, quote or line break.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

struct Row<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'a str,
    status: &'a str,
    year: FinancialYear,
    plan: bool,
    months: u8,
    total_cost: Decimal,
    force_share: Decimal,
    exit_cost: Decimal,
    force_total: Decimal,
    benefits: &'a BenefitsYear,
    benefits_status: &'a str,
}

impl Row<'_> {
    fn is_empty(&self) -> bool {
        self.total_cost.is_zero()
            && self.exit_cost.is_zero()
            && self.benefits.cashable_planned.is_zero()
            && self.benefits.cashable_realised.is_zero()
            && self
                .benefits
                .non_cashable
                .iter()
                .all(|b| b.planned.is_zero() && b.realised.is_zero())
    }

    fn line(&self) -> String {
        format!(
            "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
            field(self.id),
            field(self.name),
            self.kind,
            self.status,
            self.year,
            if self.plan { "plan" } else { "history" },
            self.months,
            money(self.total_cost),
            money(self.force_share),
            money(self.exit_cost),
            money(self.force_total),
            money(self.benefits.cashable_planned),
            money(self.benefits.cashable_realised),
            self.benefits
                .realised_pct
                .map_or_else(String::new, |p| format!("{p:.1}")),
            self.benefits_status,
        )
    }
}

/// The register as CSV: one row per collaboration and year (history rows only where a
/// figure is not zero), then a `total` row per plan year.
pub fn csv(
    register: &CollaborationRegister,
    projection: &CollaborationProjection,
    plan_years: &[FinancialYear],
) -> String {
    let mut rows = Vec::new();
    for (line, c) in projection
        .collaborations
        .iter()
        .zip(&register.collaborations)
    {
        for y in &line.years {
            rows.push(Row {
                id: &line.id,
                name: &line.name,
                kind: "revenue",
                status: line.status.as_str(),
                year: y.year,
                plan: plan_years.contains(&y.year),
                months: y.months,
                total_cost: y.total_cost,
                force_share: y.force_share,
                exit_cost: y.exit_cost,
                force_total: y.force_contribution,
                benefits: &y.benefits,
                benefits_status: c.benefits.status.as_str(),
            });
        }
    }
    for (line, c) in projection.capital.iter().zip(&register.capital) {
        for y in &line.years {
            let months = collab::period::months_in_year(y.year, c.in_use_from, None);
            rows.push(Row {
                id: &line.id,
                name: &line.name,
                kind: "capital",
                status: line.status.as_str(),
                year: y.year,
                plan: plan_years.contains(&y.year),
                months,
                total_cost: y.total_financing,
                force_share: y.force.financing,
                exit_cost: Decimal::ZERO,
                force_total: y.force.financing,
                benefits: &y.benefits,
                benefits_status: c.benefits.status.as_str(),
            });
        }
    }
    let mut text = String::from(CSV_HEADER);
    for row in rows.iter().filter(|r| r.plan || !r.is_empty()) {
        text.push('\n');
        text.push_str(&row.line());
    }
    for &year in plan_years {
        let Some(t) = projection.totals.get(&year) else {
            continue;
        };
        let force_total = t.contribution.checked_add(t.capital_financing);
        let realised_pct = collab::benefits::realised_pct(
            t.savings_planned,
            t.savings_realised,
            "collaborations.totals",
            Some(year),
        )
        .ok()
        .flatten();
        text.push_str(&format!(
            "\ntotal,All collaborations,all,,{year},plan,,,{},,{},{},{},{},",
            money(t.contribution),
            force_total.map_or_else(String::new, money),
            money(t.savings_planned),
            money(t.savings_realised),
            realised_pct.map_or_else(String::new, |p| format!("{p:.1}")),
        ));
    }
    text
}
