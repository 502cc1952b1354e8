//! Prints an `.xlsx` file as JSON, read back with calamine as the native tests read it, for
//! the end-to-end test of the app's workbook export (`e2e/workbook.test.mjs`):
//!
//! ```text
//! cargo run --example workbook_dump FILE.xlsx
//! {"sheets":["Summary",…],"values":{"Summary":[[…],…]},"formulas":{"Summary":[[…],…]}}
//! ```
//!
//! Values are the cached ones (text, number or null for a blank), rows and columns from A1;
//! a formula is its text without "=", or null.

// A native tool: the size rule against B-tree maps (clippy.toml) is about the wasm.
#![allow(clippy::disallowed_types)]

use std::collections::BTreeMap;

use calamine::{open_workbook, Data, Reader, Xlsx};
use serde_json::{json, Value};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: workbook_dump FILE.xlsx")?;
    let mut book: Xlsx<_> = open_workbook(&path)?;
    let sheets = book.sheet_names();
    let mut values = BTreeMap::new();
    let mut formulas = BTreeMap::new();
    for name in &sheets {
        let range = book.worksheet_range(name)?;
        let (rows, columns) = range.end().map_or((0, 0), |(r, c)| (r + 1, c + 1));
        let grid: Vec<Vec<Value>> = (0..rows)
            .map(|r| {
                (0..columns)
                    .map(|c| match range.get_value((r, c)) {
                        Some(Data::String(s)) => json!(s),
                        Some(Data::Float(f)) => json!(f),
                        Some(Data::Int(i)) => json!(i),
                        Some(Data::Bool(b)) => json!(b),
                        _ => Value::Null,
                    })
                    .collect()
            })
            .collect();
        values.insert(name.clone(), grid);
        let range = book.worksheet_formula(name)?;
        let grid: Vec<Vec<Value>> = (0..rows)
            .map(|r| {
                (0..columns)
                    .map(|c| match range.get_value((r, c)) {
                        Some(f) if !f.is_empty() => json!(f),
                        _ => Value::Null,
                    })
                    .collect()
            })
            .collect();
        formulas.insert(name.clone(), grid);
    }
    println!(
        "{}",
        json!({"sheets": sheets, "values": values, "formulas": formulas})
    );
    Ok(())
}
