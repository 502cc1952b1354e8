//! A tiny evaluator for the workbook's formulas, so tests can check that every formula,
//! worked out over the cells it names, gives its cached value (the model's figure). It
//! knows exactly what `store::workbook` promises to use: cell references (`D12`, `$D12`,
//! `Results!D12`), `+`, `-` and `SUM(A1:B2)`. Anything else fails the test, so a formula
//! outside that set cannot slip in unchecked.

use std::ops::{Add, Sub};

use planner::store::workbook::{Value, Workbook};
use rust_decimal::Decimal;

/// A cell reference: sheet, row and column (from 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ref {
    pub sheet: String,
    pub row: usize,
    pub column: usize,
}

/// Parse `[Sheet!]$?COL$?ROW`, on `sheet` when no sheet is named.
pub fn parse_ref(text: &str, sheet: &str) -> Ref {
    let (sheet, cell) = match text.split_once('!') {
        Some((s, c)) => (s.trim_matches('\''), c),
        None => (sheet, text),
    };
    let cell = cell.replace('$', "");
    let letters: String = cell.chars().take_while(char::is_ascii_uppercase).collect();
    let digits = &cell[letters.len()..];
    assert!(
        !letters.is_empty() && !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()),
        "not a cell reference: {text}"
    );
    let column = letters
        .bytes()
        .fold(0usize, |n, b| n * 26 + usize::from(b - b'A' + 1))
        - 1;
    Ref {
        sheet: sheet.to_string(),
        row: digits.parse::<usize>().unwrap() - 1,
        column,
    }
}

/// Every cell `formula` (on `sheet`) reads, in order; a range gives each of its cells.
pub fn references(formula: &str, sheet: &str) -> Vec<Ref> {
    let mut out = Vec::new();
    terms(formula, sheet, &mut |_, cells| out.extend(cells));
    out
}

/// Split `formula` into signed terms, each a list of cells to add.
fn terms(formula: &str, sheet: &str, each: &mut dyn FnMut(char, Vec<Ref>)) {
    let mut rest = formula;
    let mut sign = '+';
    loop {
        let after = if let Some(inner) = rest.strip_prefix("SUM(") {
            let close = inner.find(')').expect("SUM( without )");
            let (a, b) = inner[..close].split_once(':').expect("SUM of a range");
            let (a, b) = (parse_ref(a, sheet), parse_ref(b, sheet));
            assert_eq!(a.sheet, b.sheet, "{formula}");
            let mut cells = Vec::new();
            for row in a.row..=b.row {
                for column in a.column..=b.column {
                    cells.push(Ref {
                        sheet: a.sheet.clone(),
                        row,
                        column,
                    });
                }
            }
            each(sign, cells);
            &inner[close + 1..]
        } else {
            let end = rest.find(['+', '-']).unwrap_or(rest.len());
            each(sign, vec![parse_ref(&rest[..end], sheet)]);
            &rest[end..]
        };
        let Some(op) = after.chars().next() else {
            break;
        };
        assert!(op == '+' || op == '-', "unexpected '{op}' in {formula}");
        sign = op;
        rest = &after[1..];
    }
}

/// `formula` on `sheet` worked out with `cell` giving each referenced cell's number (a blank
/// counts 0, as in Excel).
pub fn evaluate<T>(formula: &str, sheet: &str, cell: &dyn Fn(&Ref) -> T) -> T
where
    T: Copy + Default + Add<Output = T> + Sub<Output = T>,
{
    let mut total = T::default();
    terms(formula, sheet, &mut |sign, cells| {
        let sum = cells.iter().fold(T::default(), |s, r| s + cell(r));
        total = if sign == '+' {
            total + sum
        } else {
            total - sum
        };
    });
    total
}

/// The number in a cell of a workbook description: a number, a formula's cached value, 0
/// for a blank. Text fails the test.
#[allow(clippy::panic)] // a test helper
pub fn described(book: &Workbook, r: &Ref) -> Decimal {
    let sheet = book.sheet(&r.sheet).expect("a sheet of the workbook");
    match sheet.cell(r.row, r.column).map(|c| &c.value) {
        None | Some(Value::Empty) => Decimal::ZERO,
        Some(Value::Number(v)) => *v,
        Some(Value::Formula { cached, .. }) => *cached,
        Some(Value::Text(t)) => panic!("{r:?} is text: {t}"),
    }
}

/// Every formula of a description: where it is, its text and cached value.
pub fn formulas(book: &Workbook) -> Vec<(Ref, String, Decimal)> {
    let mut out = Vec::new();
    for sheet in &book.sheets {
        for (row, cells) in sheet.rows.iter().enumerate() {
            for (column, cell) in cells.iter().enumerate() {
                if let Value::Formula { formula, cached } = &cell.value {
                    let at = Ref {
                        sheet: sheet.name.clone(),
                        row,
                        column,
                    };
                    out.push((at, formula.clone(), *cached));
                }
            }
        }
    }
    out
}

/// Check that every formula of `book`, worked out over the description's cells, gives its
/// cached value exactly; returns how many there are.
pub fn check_formulas(book: &Workbook) -> usize {
    let all = formulas(book);
    for (at, formula, cached) in &all {
        let got = evaluate(formula, &at.sheet, &|r| described(book, r));
        assert_eq!(got, *cached, "{at:?}: ={formula}");
    }
    all.len()
}
