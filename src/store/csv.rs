//! CSV exports of a projection's results and of a scenario's assumptions (read from the
//! assumption registry), safe to open in Excel.
//!
//! A downloaded file is [`file`]`(table)`: the UTF-8 byte-order mark, then the table, so
//! Excel on Windows reads "£" as "£" (without the mark it guesses the local code page and
//! shows "Â£"). Lines end CRLF, as Excel writes them.
//!
//! Money is written as plain numbers to the penny (`1234567.89`, no £ or commas) so a
//! spreadsheet reads them as numbers. Any text cell that a spreadsheet could take for a
//! formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is written with
//! a leading `'`, so it shows as text and never runs. A cell that is purely a number
//! (`-1234.56`) is left alone: it cannot be a formula, and finance needs it as a number.

use rust_decimal::Decimal;

use crate::model::capital::CapitalReport;
use crate::model::engine::Projection;
use crate::model::money::round_to;
use crate::model::registry::{self, Target, Unit, Years};
use crate::model::scenario::Scenario;
use crate::model::{round_money, FinancialYear, Source};

/// True if `text` is a plain decimal number: an optional `-`, digits, an optional point
/// and more digits.
fn is_number(text: &str) -> bool {
    let t = text.strip_prefix('-').unwrap_or(text);
    let mut parts = t.splitn(2, '.');
    let whole = parts.next().unwrap_or("");
    let frac = parts.next();
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// One CSV cell: neutralised against formula injection, quoted when needed.
pub fn cell(text: &str) -> String {
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_number(text);
    let text = if risky {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The UTF-8 byte-order mark (bytes EF BB BF) every exported CSV file starts with.
pub const BOM: &str = "\u{feff}";

/// The MIME type of an exported CSV file.
pub const MIME: &str = "text/csv";

/// A CSV file as downloaded: the byte-order mark, then `table` (as [`results`] or
/// [`assumptions`] writes it). Every CSV the app exports goes through here.
pub fn file(table: &str) -> String {
    format!("{BOM}{table}")
}

fn row(cells: &[String]) -> String {
    let mut line = cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

fn money(v: Decimal) -> String {
    format!("{:.2}", round_money(v))
}

/// The projection by line and year: a header of years, then one row per line with its
/// section. £ to the penny.
pub fn results(p: &Projection) -> String {
    let years: Vec<FinancialYear> = p.year_list();
    let mut header = vec!["Section".to_string(), "Line".to_string()];
    header.extend(years.iter().map(ToString::to_string));
    let mut out = format!("Scenario,{}\r\n", cell(&p.scenario));
    out.push_str(&row(&header));
    let mut line =
        |section: &str, name: &str, f: &dyn Fn(&crate::model::YearResult) -> Option<Decimal>| {
            let mut cells = vec![section.to_string(), name.to_string()];
            cells.extend(p.years.iter().map(|y| f(y).map(money).unwrap_or_default()));
            out.push_str(&row(&cells));
        };
    let first = p.years.first();
    for l in first.map(|y| y.funding.as_slice()).unwrap_or_default() {
        line("Funding", &l.name, &|y| {
            y.funding_line(&l.id).map(|a| a.amount)
        });
    }
    line("Funding", "Precept income", &|y| Some(y.precept.income));
    line("Funding", "Total funding", &|y| Some(y.total_funding));
    for l in first.map(|y| y.expenditure.as_slice()).unwrap_or_default() {
        line("Expenditure", &l.name, &|y| {
            y.expenditure_line(&l.id).map(|a| a.amount)
        });
    }
    line("Expenditure", "Gross expenditure", &|y| {
        Some(y.gross_expenditure)
    });
    line("Expenditure", "Recurring savings", &|y| {
        Some(y.savings.recurring)
    });
    line("Expenditure", "One-off savings", &|y| {
        Some(y.savings.one_off)
    });
    line("Expenditure", "Net revenue spend", &|y| {
        Some(y.total_expenditure)
    });
    line("Gap", "Annual gap", &|y| Some(y.gap));
    line("Gap", "Cumulative gap", &|y| Some(y.cumulative_gap));
    line("Gap", "Recurring gap", &|y| Some(y.recurring_gap));
    line("Gap", "Planned use of reserves", &|y| {
        Some(y.reserves_applied)
    });
    line("Gap", "Savings still to find", &|y| {
        Some(y.savings_still_to_find)
    });
    line("Reserves", "General reserve (year end)", &|y| {
        Some(y.reserves.general)
    });
    line("Reserves", "Earmarked reserves (year end)", &|y| {
        Some(y.reserves.earmarked)
    });
    line("Reserves", "General reserve floor", &|y| {
        Some(y.reserves.floor)
    });
    line("Precept", "Band D (£ a year)", &|y| Some(y.precept.band_d));
    line("Precept", "Band D rise (£)", &|y| Some(y.precept.rise_gbp));
    line("Precept", "Band D rise (%)", &|y| Some(y.precept.rise_pct));
    line("Precept", "Tax base (Band D equivalents)", &|y| {
        Some(y.precept.tax_base)
    });
    out
}

/// Every assumption of a scenario, one value per row: section, assumption, unit, year
/// (blank for a plan-wide figure), value, its source, and its registry key. Every row comes
/// from the assumption registry ([`crate::model::registry`]): plan-wide rates give every
/// year they apply to; a line's, saving's or collaboration's figures by year give the years
/// with a figure other than zero.
pub fn assumptions(s: &Scenario) -> String {
    let mut out = format!("Scenario,{}\r\n", cell(&s.name));
    for cells in assumption_rows(s) {
        out.push_str(&row(&cells));
    }
    out
}

/// The table [`assumptions`] writes, as plain text cells (not yet neutralised or quoted):
/// the header row, then one row per value. The workbook's Assumptions sheet
/// ([`super::workbook`]) is made of the same rows, so the two always agree.
pub fn assumption_rows(s: &Scenario) -> Vec<Vec<String>> {
    let mut out = vec![vec![
        "Section".into(),
        "Assumption".into(),
        "Unit".into(),
        "Year".into(),
        "Value".into(),
        "Source".into(),
        "Key".into(),
    ]];
    let base = s.horizon.base_year.to_string();
    out.push(vec![
        "Plan".into(),
        "Base year".into(),
        String::new(),
        String::new(),
        base.clone(),
        String::new(),
        "horizon.base_year".into(),
    ]);
    out.push(vec![
        "Plan".into(),
        "Years".into(),
        "years".into(),
        String::new(),
        s.horizon.years.to_string(),
        String::new(),
        "horizon.years".into(),
    ]);
    for a in registry::assumptions(s) {
        let def = a.def();
        let label = a.label(s);
        let source = a.source(s).map(source_text).unwrap_or_default();
        let value = |v: Decimal| match def.unit {
            Unit::Pounds => money(v),
            Unit::Percent | Unit::Properties | Unit::Years | Unit::People => v.to_string(),
        };
        let mut one = |year: String, v: Decimal| {
            out.push(vec![
                def.section.name().into(),
                label.clone(),
                def.unit.name().into(),
                year,
                value(v),
                source.clone(),
                a.key(),
            ]);
        };
        match def.years {
            Years::Single | Years::BaseYear => {
                if let Some(v) = a.get(s, None) {
                    let year = if def.years == Years::BaseYear {
                        base.clone()
                    } else {
                        String::new()
                    };
                    one(year, v);
                }
            }
            Years::All | Years::Later => {
                let every_year = a.target == Target::Plan;
                for y in a.years(s) {
                    match a.get(s, Some(y)) {
                        Some(v) if every_year || !v.is_zero() => one(y.to_string(), v),
                        _ => {}
                    }
                }
            }
        }
    }
    out
}

/// The columns of the capital programme's table: `mtfp capital` (CSV) and the app's
/// "Capital programme (CSV)" export print the same (docs/capital.md, "`mtfp capital`").
pub const CAPITAL_COLUMNS: [&str; 19] = [
    "year",
    "capital_spend",
    "capital_grant",
    "capital_receipts",
    "revenue_contribution",
    "earmarked_reserve",
    "borrowing",
    "mrp",
    "interest",
    "financing_costs",
    "cfr",
    "net_revenue_stream",
    "financing_cost_pct",
    "external_debt",
    "operational_boundary",
    "authorised_limit",
    "over_boundary",
    "over_limit",
    "receipts_held",
];

/// The capital programme by year as plain text cells: the header ([`CAPITAL_COLUMNS`]),
/// then one row per plan year; £ to the penny, the ratio to two places, a limit not set
/// blank.
pub fn capital_rows(report: &CapitalReport) -> Vec<Vec<String>> {
    let mut out = vec![CAPITAL_COLUMNS.iter().map(|c| (*c).to_string()).collect()];
    let opt = |v: Option<Decimal>| v.map(money).unwrap_or_default();
    for y in &report.years {
        out.push(vec![
            y.year.to_string(),
            money(y.capital_spend),
            money(y.capital_grant),
            money(y.capital_receipts),
            money(y.revenue_contribution),
            money(y.earmarked_reserve),
            money(y.borrowing),
            money(y.mrp),
            money(y.interest),
            money(y.financing_costs),
            money(y.cfr),
            money(y.net_revenue_stream),
            y.financing_cost_pct
                .map(|p| format!("{:.2}", round_to(p, 2)))
                .unwrap_or_default(),
            money(y.external_debt),
            opt(y.operational_boundary),
            opt(y.authorised_limit),
            y.over_boundary.to_string(),
            y.over_limit.to_string(),
            money(y.receipts_held),
        ]);
    }
    out
}

/// The capital programme as the app's CSV export: the scenario's name, then
/// [`capital_rows`].
pub fn capital(report: &CapitalReport) -> String {
    let mut out = format!("Scenario,{}\r\n", cell(&report.scenario));
    for cells in capital_rows(report) {
        out.push_str(&row(&cells));
    }
    out
}

/// A source as the Source column shows it: an estimate says so, once.
fn source_text(s: &Source) -> String {
    let says_so = s
        .text
        .trim_start()
        .get(..8)
        .is_some_and(|w| w.eq_ignore_ascii_case("estimate"));
    if s.estimate && !says_so {
        format!("Estimate: {}", s.text)
    } else {
        s.text.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_starts_with_the_byte_order_mark() {
        let f = file("Scenario,Plan £\r\n");
        assert_eq!(f.as_bytes().get(..3), Some(&[0xEF, 0xBB, 0xBF][..]));
        assert_eq!(f.get(3..), Some("Scenario,Plan £\r\n"));
    }

    #[test]
    fn cells_are_neutralised_and_quoted() {
        assert_eq!(cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(cell("+1+1"), "'+1+1");
        assert_eq!(cell("-1+cmd"), "'-1+cmd");
        assert_eq!(cell("@x"), "'@x");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(cell("\r=x"), "\"'\r=x\"");
        assert_eq!(cell("-1234.56"), "-1234.56");
        assert_eq!(cell("-"), "'-");
        assert_eq!(cell("-1."), "'-1.");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=a,b"), "\"'=a,b\"");
    }
}
