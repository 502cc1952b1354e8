//! Actuals in and out as CSV (docs/outturn.md §7): a template with the plan's lines and
//! years to fill in, its import (all or nothing: every bad row is refused with its row,
//! column and reason, and nothing is imported until every row is good), and the variance
//! table as `mtfp variance` prints it.
//!
//! A cell a spreadsheet could run as a formula (`=HYPERLINK(…)`, `+…`, `@…`, a leading tab
//! or carriage return, or `-` not followed by a plain number) is refused on import, as the
//! exports neutralise such text ([`super::csv::cell`]).

use std::fmt;

use rust_decimal::Decimal;

use super::csv::{cell, BOM};
use crate::edit::parse_input;
use crate::model::engine::Projection;
use crate::model::json::{decode, shorten};
use crate::model::money::round_to;
use crate::model::outturn::variance::{places, YearVariance, NOT_YET_KNOWN};
use crate::model::outturn::{Actuals, Figure, Item};
use crate::model::scenario::{Scenario, MAX_FILE_BYTES};
use crate::model::{FinancialYear, Source};

/// The template's header.
pub const TEMPLATE_HEADER: &str = "year,item,name,unit,plan,actual,source,estimate";

/// The header of the variance table (as `mtfp variance` prints it).
pub const VARIANCE_HEADER: &str =
    "year,item,name,unit,plan,actual,variance,variance_pct,adverse,status,estimate";

/// At most this many problems are listed; the rest are counted.
const LISTED: usize = 20;

/// A figure to `dp` places, written with exactly that many.
pub fn fixed(v: Decimal, dp: u32) -> String {
    let mut r = round_to(v, dp);
    r.rescale(dp);
    r.to_string()
}

fn line(cells: &[String]) -> String {
    let mut out = cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(",");
    out.push_str("\r\n");
    out
}

/// The template for `s` (projected as `p`): a row for each year of the plan and each item
/// it can carry, with the plan's figure and any actual already entered.
pub fn template(s: &Scenario, p: &Projection) -> String {
    let actuals = Actuals::of(s).unwrap_or_default();
    let mut out = format!("{BOM}{TEMPLATE_HEADER}\r\n");
    let items = Item::all(s);
    for year in s.horizon.year_list() {
        for item in &items {
            let dp = places(item.unit());
            let plan = crate::model::outturn::variance::plan_value(s, p, None, year, item)
                .ok()
                .flatten();
            let entered = actuals.get(year, item);
            out.push_str(&line(&[
                year.to_string(),
                item.key(),
                item.label(s),
                item.unit().key().to_string(),
                plan.map(|v| fixed(v, dp)).unwrap_or_default(),
                entered
                    .map(|f| f.value.normalize().to_string())
                    .unwrap_or_default(),
                entered.map(|f| f.source.text.clone()).unwrap_or_default(),
                entered
                    .map(|f| f.source.estimate.to_string())
                    .unwrap_or_default(),
            ]));
        }
    }
    out
}

/// One refused row: where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The row, counting the header as row 1.
    pub row: usize,
    /// The column's name (empty for the whole row).
    pub column: String,
    /// Why.
    pub reason: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.column.is_empty() {
            write!(f, "row {}: {}", self.row, self.reason)
        } else {
            write!(
                f,
                "row {}, column {}: {}",
                self.row, self.column, self.reason
            )
        }
    }
}

/// A refused file: its name and every problem found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvError {
    /// The file's name.
    pub file: String,
    /// Every problem, in row order.
    pub problems: Vec<Problem>,
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} was not imported (nothing was changed): ", self.file)?;
        let listed: Vec<String> = self
            .problems
            .iter()
            .take(LISTED)
            .map(ToString::to_string)
            .collect();
        write!(f, "{}", listed.join("; "))?;
        if self.problems.len() > LISTED {
            write!(
                f,
                "; and {} more",
                self.problems.len().saturating_sub(LISTED)
            )?;
        }
        Ok(())
    }
}

/// The records of CSV `text`: fields split on commas, `"…"` quoting with `""` for a quote,
/// lines ending LF or CRLF. An unclosed quote is an error naming its row.
fn records(text: &str) -> Result<Vec<Vec<String>>, Problem> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let mut started = false;
    while let Some(c) = chars.next() {
        started = true;
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                other => field.push(other),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                started = false;
            }
            other => field.push(other),
        }
    }
    if quoted {
        return Err(Problem {
            row: rows.len().saturating_add(1),
            column: String::new(),
            reason: "a quoted cell is never closed (a \" is missing)".into(),
        });
    }
    if started || !row.is_empty() || !field.is_empty() {
        row.push(field);
        rows.push(row);
    }
    Ok(rows)
}

/// Why `text` looks like a spreadsheet formula, if it does.
fn formula(text: &str) -> Option<String> {
    let t = text.trim_start_matches(' ');
    let first = t.chars().next()?;
    let number = |s: &str| {
        let s = s.strip_prefix('-').unwrap_or(s);
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '£' | '%'))
    };
    let risky = matches!(first, '=' | '+' | '@' | '\t' | '\r') || (first == '-' && !number(t));
    risky.then(|| {
        format!(
            "'{}' looks like a spreadsheet formula (it starts with '{}'): the planner reads \
             figures and plain text only",
            shorten(t.trim()),
            first.escape_default()
        )
    })
}

/// The columns the import reads, by their place in the header.
struct Columns {
    year: usize,
    item: usize,
    actual: usize,
    source: Option<usize>,
    estimate: Option<usize>,
}

fn columns(header: &[String]) -> Result<Columns, Problem> {
    let find = |name: &str| {
        header
            .iter()
            .position(|h| h.trim().trim_start_matches(BOM).eq_ignore_ascii_case(name))
    };
    match (find("year"), find("item"), find("actual")) {
        (Some(year), Some(item), Some(actual)) => Ok(Columns {
            year,
            item,
            actual,
            source: find("source"),
            estimate: find("estimate"),
        }),
        _ => Err(Problem {
            row: 1,
            column: String::new(),
            reason: format!(
                "the first row must name the columns: year, item and actual at least (as the \
                 template's: {TEMPLATE_HEADER})"
            ),
        }),
    }
}

/// The figures in the actuals CSV `bytes` (the file `file`), checked against `s`; or every
/// problem found. Rows whose `actual` is blank change nothing.
pub fn import(file: &str, bytes: &[u8], s: &Scenario) -> Result<Vec<Figure>, CsvError> {
    let fail = |problems| CsvError {
        file: file.to_string(),
        problems,
    };
    let whole = |reason: String| {
        fail(vec![Problem {
            row: 1,
            column: String::new(),
            reason,
        }])
    };
    if bytes.len() > MAX_FILE_BYTES {
        return Err(whole(format!(
            "the file is too large ({} bytes; at most {MAX_FILE_BYTES})",
            bytes.len()
        )));
    }
    let text = decode(bytes).map_err(whole)?;
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let rows = records(text).map_err(|p| fail(vec![p]))?;
    let Some((header, body)) = rows.split_first() else {
        return Err(whole("the file is empty".into()));
    };
    let cols = columns(header).map_err(|p| fail(vec![p]))?;
    let h = s.horizon;
    let range = format!(
        "{} to {}",
        h.base_year,
        h.last_year().map(|y| y.to_string()).unwrap_or_default()
    );
    let mut problems = Vec::new();
    let mut figures: Vec<(usize, Figure)> = Vec::new();
    for (n, cells) in body.iter().enumerate() {
        let row = n.saturating_add(2);
        let mut bad = |column: &str, reason: String| {
            problems.push(Problem {
                row,
                column: column.to_string(),
                reason,
            });
        };
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut injected = false;
        for (i, c) in cells.iter().enumerate() {
            if let Some(why) = formula(c) {
                let name = header
                    .get(i)
                    .map_or_else(|| format!("{}", i + 1), |h| h.trim().to_string());
                bad(&name, why);
                injected = true;
            }
        }
        if injected {
            continue;
        }
        let get = |i: usize| cells.get(i).map_or("", |c| c.trim());
        let actual = get(cols.actual);
        if actual.is_empty() {
            continue;
        }
        let year = match get(cols.year).parse::<FinancialYear>() {
            Ok(y) if h.contains(y) => Some(y),
            Ok(y) => {
                bad("year", format!("{y} is not a year of this plan ({range})"));
                None
            }
            Err(_) => {
                bad(
                    "year",
                    format!(
                        "'{}' is not a financial year: write it as 2022/23",
                        shorten(get(cols.year))
                    ),
                );
                None
            }
        };
        let key = get(cols.item);
        let item = match Item::from_key(key) {
            Some(i @ Item::Expenditure(_)) | Some(i @ Item::Funding(_))
                if !Item::all(s).contains(&i) =>
            {
                bad(
                    "item",
                    format!("'{}' is not a line of this plan", shorten(key)),
                );
                None
            }
            Some(i) => Some(i),
            None => {
                bad(
                    "item",
                    format!(
                        "'{}' is not an item: use the template's item column (a line such as \
                         expenditure[ict], or precept_income, band_d…)",
                        shorten(key)
                    ),
                );
                None
            }
        };
        let value = item.as_ref().and_then(|i| {
            match parse_input(actual, i.unit()).and_then(|v| i.check(v).map(|()| v)) {
                Ok(v) => Some(v),
                Err(e) => {
                    bad("actual", e);
                    None
                }
            }
        });
        let estimate = match cols.estimate.map(get).unwrap_or("") {
            "" => Some(false),
            e if ["true", "yes", "y", "1"]
                .iter()
                .any(|t| e.eq_ignore_ascii_case(t)) =>
            {
                Some(true)
            }
            e if ["false", "no", "n", "0"]
                .iter()
                .any(|t| e.eq_ignore_ascii_case(t)) =>
            {
                Some(false)
            }
            e => {
                bad("estimate", format!("'{}' is not true or false", shorten(e)));
                None
            }
        };
        let (Some(year), Some(item), Some(value), Some(estimate)) = (year, item, value, estimate)
        else {
            continue;
        };
        if let Some((first, _)) = figures
            .iter()
            .find(|(_, f)| f.year == year && f.item == item)
        {
            bad(
                "",
                format!(
                    "{year} {} is given twice (first in row {first})",
                    shorten(&item.key())
                ),
            );
            continue;
        }
        let text = cols.source.map(get).unwrap_or("");
        let source = Source {
            text: if text.is_empty() {
                format!("Imported from {file}")
            } else {
                text.to_string()
            },
            estimate,
        };
        figures.push((
            row,
            Figure {
                year,
                item,
                value,
                source,
            },
        ));
    }
    if !problems.is_empty() {
        return Err(fail(problems));
    }
    Ok(figures.into_iter().map(|(_, f)| f).collect())
}

/// `actuals` with `figures` entered (each replacing any of the same year and item).
pub fn merged(actuals: Option<&Actuals>, figures: Vec<Figure>) -> Actuals {
    let mut a = actuals.cloned().unwrap_or_default();
    for f in figures {
        a.set(f);
    }
    a
}

fn opt(v: Option<String>) -> String {
    v.unwrap_or_default()
}

/// The variance table of `s` as `mtfp variance` prints it (without a byte-order mark; lines
/// end LF).
pub fn variance_csv(s: &Scenario, years: &[YearVariance]) -> String {
    let mut out = String::from(VARIANCE_HEADER);
    for y in years {
        if y.not_yet_known() {
            out.push('\n');
            out.push_str(&format!("{},,,,,,,,,{NOT_YET_KNOWN},", y.year));
        }
        for r in &y.rows {
            let dp = places(r.subject.unit());
            let cells = [
                r.year.to_string(),
                r.subject.key(),
                r.subject.label(s),
                r.subject.unit().key().to_string(),
                opt(r.plan.map(|v| fixed(v, dp))),
                fixed(r.actual, dp),
                opt(r.variance.map(|v| fixed(v, dp))),
                opt(r.variance_pct.map(|v| fixed(v, 2))),
                r.status.is_adverse().to_string(),
                r.status.text().to_string(),
                opt(r.source.as_ref().map(|s| s.estimate.to_string())),
            ];
            out.push('\n');
            out.push_str(&cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(","));
        }
    }
    out
}
