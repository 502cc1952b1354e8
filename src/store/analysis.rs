//! The analyses' tables as CSV (docs/analysis.md §2.4): the sensitivity rows and the budget
//! book's table, written by one function each for `mtfp sensitivity` and the analysis
//! screen's downloads, so the two always agree. £ to the penny, as plain numbers.

use rust_decimal::Decimal;

use super::csv::cell;
use crate::model::analysis::sensitivity::{BookCell, Measure, Row, Sensitivity};
use crate::model::registry::Change;
use crate::model::round_money;

/// The header of the sensitivity table.
pub const SENSITIVITY_HEADER: [&str; 12] = [
    "rank",
    "key",
    "label",
    "direction",
    "change",
    "change_kind",
    "change_text",
    "cumulative_gap",
    "delta_cumulative_gap",
    "final_general_reserve",
    "delta_final_general_reserve",
    "note",
];

/// The header of the budget book's table.
pub const BUDGET_BOOK_HEADER: [&str; 5] = ["line", "label", "year", "on", "effect"];

fn money(v: Decimal) -> String {
    format!("{:.2}", round_money(v))
}

/// A move as a signed figure and its kind: `("-1", "by")`, `("10", "percent")`.
pub fn change_parts(c: Change) -> (String, &'static str) {
    match c {
        Change::By(v) => (v.normalize().to_string(), "by"),
        Change::Percent(v) => (v.normalize().to_string(), "percent"),
    }
}

/// A move as people read it, with its direction: "up 1 percentage point", "down 10%",
/// "down £1" (a word, not a sign: a cell starting with + or − would read as a formula).
pub fn change_text(r: &Row) -> String {
    let negative = match r.change {
        Change::By(v) | Change::Percent(v) => v.is_sign_negative() && !v.is_zero(),
    };
    let magnitude = match r.change {
        Change::By(v) => Change::By(v.abs()),
        Change::Percent(v) => Change::Percent(v.abs()),
    };
    format!(
        "{} {}",
        if negative { "down" } else { "up" },
        magnitude.text(r.unit)
    )
}

/// The sensitivity rows, ranked by their effect on `by` (a bar's low row, then its high
/// row): the cells of each row, header first.
pub fn sensitivity_table(s: &Sensitivity, by: Measure) -> Vec<Vec<String>> {
    let mut out = vec![SENSITIVITY_HEADER.iter().map(|h| h.to_string()).collect()];
    for (rank, bar) in s.ranked(by).iter().enumerate() {
        for r in [bar.low, bar.high] {
            let (change, kind) = change_parts(r.change);
            let (figures, note) = match &r.outcome {
                Ok(f) => (
                    [
                        money(f.cumulative_gap),
                        r.delta(&s.plan, Measure::CumulativeGap)
                            .map(money)
                            .unwrap_or_default(),
                        money(f.final_general_reserve),
                        r.delta(&s.plan, Measure::FinalGeneralReserve)
                            .map(money)
                            .unwrap_or_default(),
                    ],
                    String::new(),
                ),
                Err(why) => (Default::default(), format!("not moved: {why}")),
            };
            let mut row = vec![
                (rank + 1).to_string(),
                r.key.clone(),
                r.label.clone(),
                r.direction.key().to_string(),
                change,
                kind.to_string(),
                change_text(r),
            ];
            row.extend(figures);
            row.push(note);
            out.push(row);
        }
    }
    out
}

/// The budget book's table: one row per line and year, header first; a cell the
/// scenario cannot give (no workforce plan for officers) is left empty.
pub fn budget_book_table(cells: &[BookCell]) -> Vec<Vec<String>> {
    let mut out = vec![BUDGET_BOOK_HEADER.iter().map(|h| h.to_string()).collect()];
    for c in cells {
        out.push(vec![
            c.line.key().to_string(),
            c.line.label().to_string(),
            c.year.to_string(),
            if c.line.is_funding() {
                "funding"
            } else {
                "spending"
            }
            .to_string(),
            c.effect.map(money).unwrap_or_default(),
        ]);
    }
    out
}

/// A table as CSV text, each line ended by `eol` (`"\n"` for `mtfp`, `"\r\n"` for a
/// download, as Excel writes them); every cell made safe by [`cell`].
pub fn to_csv(table: &[Vec<String>], eol: &str) -> String {
    let mut out = String::new();
    for row in table {
        out.push_str(&row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(","));
        out.push_str(eol);
    }
    out
}
