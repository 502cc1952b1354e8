//! The Excel workbook export, read back with calamine as a finance lead's Excel would see it
//! without recalculating: the sheets' names, every figure against the model's projection to
//! the penny, which cells are formulas and that each gives its cached value over the cells
//! it names, number formats, frozen panes and column widths (from the sheets' XML), the
//! Assumptions sheet against the assumptions CSV, and `mtfp export-xlsx` in-process and as
//! the built binary.
// Native test code: the size rule against B-tree collections (clippy.toml) is about the wasm.

use std::collections::{BTreeSet, HashMap};
use std::ffi::OsString;
use std::io::{Cursor, Read};
use std::path::PathBuf;
use std::process::Command;

use calamine::{Data, Range, Reader, StyleRange, Xlsx};
use rust_decimal::Decimal;
use serde_json::json;

use crate::util::workbook::{evaluate, parse_ref, Ref};
use planner::cli::{self, EXIT_BAD_INPUT};
use planner::model::engine::{project, Projection, YearResult};
use planner::model::{baseline, Scenario};
use planner::store::csv;
use planner::store::workbook::{
    self, ASSUMPTIONS, MONEY_FORMAT, RESULTS, SUMMARY, TWO_PLACES_FORMAT,
};
use planner::xlsx;

/// A workbook as read back: each sheet's cached values, formulas and styles, and its XML.
struct Book {
    names: Vec<String>,
    values: HashMap<String, Range<Data>>,
    formulas: HashMap<String, Range<String>>,
    styles: HashMap<String, StyleRange>,
    xml: HashMap<String, String>,
    parts: HashMap<String, Vec<u8>>,
}

fn read(bytes: &[u8]) -> Book {
    let mut xl: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).expect("an xlsx file");
    let names = xl.sheet_names();
    let mut book = Book {
        names: names.clone(),
        values: HashMap::new(),
        formulas: HashMap::new(),
        styles: HashMap::new(),
        xml: HashMap::new(),
        parts: HashMap::new(),
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).unwrap();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        book.parts.insert(f.name().unwrap().to_string(), data);
    }
    for (i, name) in names.iter().enumerate() {
        book.values
            .insert(name.clone(), xl.worksheet_range(name).unwrap());
        book.formulas
            .insert(name.clone(), xl.worksheet_formula(name).unwrap());
        book.styles
            .insert(name.clone(), xl.worksheet_style(name).unwrap());
        let part = format!("xl/worksheets/sheet{}.xml", i + 1);
        let text = String::from_utf8(book.parts[&part].clone()).unwrap();
        book.xml.insert(name.clone(), text);
    }
    book
}

#[allow(clippy::panic)] // test helpers: a cell of the wrong kind fails the test
impl Book {
    fn value(&self, sheet: &str, row: usize, column: usize) -> Data {
        self.values[sheet]
            .get_value((row as u32, column as u32))
            .cloned()
            .unwrap_or(Data::Empty)
    }

    /// The number in a cell (a blank is 0, as in Excel).
    fn number(&self, sheet: &str, row: usize, column: usize) -> f64 {
        match self.value(sheet, row, column) {
            Data::Float(f) => f,
            Data::Int(i) => i as f64,
            Data::Empty => 0.0,
            other => panic!("{sheet}!{row},{column} is not a number: {other:?}"),
        }
    }

    fn text(&self, sheet: &str, row: usize, column: usize) -> String {
        match self.value(sheet, row, column) {
            Data::String(s) => s,
            Data::Empty => String::new(),
            other => panic!("{sheet}!{row},{column} is not text: {other:?}"),
        }
    }

    /// The formula in a cell, if it holds one.
    fn formula(&self, sheet: &str, row: usize, column: usize) -> Option<String> {
        self.formulas[sheet]
            .get_value((row as u32, column as u32))
            .filter(|f| !f.is_empty())
            .cloned()
    }

    /// The row whose cell in `column` reads `label`.
    fn row(&self, sheet: &str, column: usize, label: &str) -> usize {
        let height = self.values[sheet].end().unwrap().0 as usize;
        (0..=height)
            .find(|&r| self.value(sheet, r, column) == Data::String(label.into()))
            .unwrap_or_else(|| panic!("{sheet} has no row '{label}'"))
    }

    fn number_format(&self, sheet: &str, row: usize, column: usize) -> String {
        self.styles[sheet]
            .get((row as u32, column as u32))
            .and_then(|s| s.number_format.as_ref())
            .map(|f| f.format_code.clone())
            .unwrap_or_else(|| "General".into())
    }

    fn bold(&self, sheet: &str, row: usize, column: usize) -> bool {
        self.styles[sheet]
            .get((row as u32, column as u32))
            .and_then(|s| s.font.as_ref())
            .is_some_and(|f| f.is_bold())
    }
}

/// A figure read back is the model's, to the penny, and exactly the nearest double to it.
fn assert_penny(read: f64, model: Decimal, at: &str) {
    assert_eq!(format!("{read:.2}"), format!("{model:.2}"), "{at}");
    assert_eq!(read, model.to_string().parse::<f64>().unwrap(), "{at}");
}

fn baseline_scenario() -> Scenario {
    baseline::nottinghamshire().unwrap()
}

/// A small scenario using what the baseline does not: savings of both kinds, planned use
/// of both reserves (a contribution too), a % precept rise, a pressure, a name with a comma
/// and quotes.
fn rich_scenario() -> Scenario {
    let mut s = crate::util::engine::small();
    s["name"] = json!("Rich plan, \"stress\" case");
    s["description"] = json!("Savings, reserves and a % rise.");
    s["expenditure"][1]["pressures"] = json!({"2024/25": "123.45"});
    s["savings"] = json!([
        {"id": "r", "name": "Efficiency", "kind": "recurring", "amounts": {"2023/24": "1500.50", "2025/26": "10"}, "source": crate::util::engine::src()},
        {"id": "o", "name": "Asset sale", "kind": "one_off", "amounts": {"2024/25": "800"}, "source": crate::util::engine::src()}
    ]);
    s["reserves"]["planned_use_general"] =
        json!({"value": {"2023/24": "250.25"}, "source": crate::util::engine::src()});
    s["reserves"]["planned_use_earmarked"] = json!({"value": {"2022/23": "-100", "2025/26": "40"}, "source": crate::util::engine::src()});
    s["precept"]["rise_pct"] =
        json!({"value": {"2023/24": "2.99"}, "source": crate::util::engine::src()});
    crate::util::engine::scenario(&s)
}

fn export(s: &Scenario) -> (Projection, Book) {
    let p = project(s).unwrap();
    let bytes = xlsx::write(&workbook::workbook(s, &p)).unwrap();
    (p, read(&bytes))
}

/// Results rows that are not in the results CSV: what the reserves' formulas need.
const EXTRA_ROWS: [&str; 5] = [
    "General reserve (start of year)",
    "Planned use of general reserve",
    "Earmarked reserves (start of year)",
    "Planned use of earmarked reserves",
    "Total reserves (year end)",
];

/// A Results row worked out by the model: its label and the model's figure.
type ModelRow = (&'static str, fn(&YearResult) -> Decimal);

/// The Results sheet's rows worked out by the model, each with the model's figure.
fn model_rows() -> Vec<ModelRow> {
    vec![
        ("Precept income", |y| y.precept.income),
        ("Total funding", |y| y.total_funding),
        ("Gross expenditure", |y| y.gross_expenditure),
        ("Recurring savings", |y| y.savings.recurring),
        ("One-off savings", |y| y.savings.one_off),
        ("Net revenue spend", |y| y.total_expenditure),
        ("Annual gap", |y| y.gap),
        ("Cumulative gap", |y| y.cumulative_gap),
        ("Recurring gap", |y| y.recurring_gap),
        ("Planned use of reserves", |y| y.reserves_applied),
        ("Savings still to find", |y| y.savings_still_to_find),
        ("Planned use of general reserve", |y| {
            y.reserves.planned_use_general
        }),
        ("General reserve (year end)", |y| y.reserves.general),
        ("Planned use of earmarked reserves", |y| {
            y.reserves.planned_use_earmarked
        }),
        ("Earmarked reserves (year end)", |y| y.reserves.earmarked),
        ("Total reserves (year end)", |y| y.reserves.total),
        ("General reserve floor", |y| y.reserves.floor),
        ("Band D (£ a year)", |y| y.precept.band_d),
        ("Band D rise (£)", |y| y.precept.rise_gbp),
        ("Band D rise (%)", |y| y.precept.rise_pct),
        ("Tax base (Band D equivalents)", |y| {
            planner::model::round_money(y.precept.tax_base)
        }),
    ]
}

#[test]
fn sheet_names_are_stable() {
    assert_eq!(
        [SUMMARY, RESULTS, ASSUMPTIONS],
        ["Summary", "Results", "Assumptions"]
    );
    for s in [baseline_scenario(), rich_scenario()] {
        let (_, book) = export(&s);
        assert_eq!(book.names, ["Summary", "Results", "Assumptions"]);
    }
}

#[test]
fn every_results_figure_is_the_models_to_the_penny() {
    for s in [baseline_scenario(), rich_scenario()] {
        let (p, book) = export(&s);
        let header = book.row(RESULTS, 0, "Section");
        assert_eq!(header, 3);
        assert_eq!(book.text(RESULTS, 0, 0), format!("Results: {}", s.name));
        for (i, y) in p.years.iter().enumerate() {
            assert_eq!(book.text(RESULTS, header, 2 + i), y.year.to_string());
        }
        // Lines, in the model's order, straight under the header.
        let first = &p.years[0];
        for (k, line) in first.funding.iter().enumerate() {
            assert_eq!(book.text(RESULTS, header + 1 + k, 0), "Funding");
            assert_eq!(book.text(RESULTS, header + 1 + k, 1), &*line.name);
            for (i, y) in p.years.iter().enumerate() {
                let model = y.funding_line(&line.id).unwrap().amount;
                assert_penny(
                    book.number(RESULTS, header + 1 + k, 2 + i),
                    model,
                    &line.name,
                );
            }
        }
        let start = book.row(RESULTS, 1, "Total funding") + 1;
        for (k, line) in first.expenditure.iter().enumerate() {
            assert_eq!(book.text(RESULTS, start + k, 0), "Expenditure");
            assert_eq!(book.text(RESULTS, start + k, 1), &*line.name);
            for (i, y) in p.years.iter().enumerate() {
                let model = y.expenditure_line(&line.id).unwrap().amount;
                assert_penny(book.number(RESULTS, start + k, 2 + i), model, &line.name);
            }
        }
        for (label, figure) in model_rows() {
            let row = book.row(RESULTS, 1, label);
            for (i, y) in p.years.iter().enumerate() {
                let at = format!("{label} {}", y.year);
                assert_penny(book.number(RESULTS, row, 2 + i), figure(y), &at);
            }
        }
        // Each reserve at the start of a year: the opening balance, then last year's end.
        for (label, opening, end) in [
            (
                "General reserve (start of year)",
                s.reserves.general_opening.value.0,
                "General reserve (year end)",
            ),
            (
                "Earmarked reserves (start of year)",
                s.reserves.earmarked_opening.value.0,
                "Earmarked reserves (year end)",
            ),
        ] {
            let (row, end) = (book.row(RESULTS, 1, label), book.row(RESULTS, 1, end));
            assert_penny(book.number(RESULTS, row, 2), opening, label);
            for i in 1..p.years.len() {
                assert_eq!(
                    book.number(RESULTS, row, 2 + i),
                    book.number(RESULTS, end, 1 + i)
                );
            }
        }
        // Every row has its source or how it is worked out in the last column.
        let basis = 2 + p.years.len();
        assert_eq!(book.text(RESULTS, header, basis), "How it is worked out");
        let last = book.row(RESULTS, 1, "Tax base (Band D equivalents)");
        for row in header + 1..=last {
            assert!(!book.text(RESULTS, row, basis).is_empty(), "row {row}");
        }
    }
}

#[test]
fn the_baselines_workbook_shows_the_peel_figures() {
    // The PEEL reading (docs/model.md §9), as the workbook shows it: £0.89m gap in 2023/24,
    // £8.09m cumulative by 2025/26, £261.7m net revenue spend and £89.6m council tax in
    // 2023/24, the general reserve below its floor from 2023/24.
    let (p, book) = export(&baseline_scenario());
    let summary = |label: &str, column: usize| {
        let row = book.row(SUMMARY, 0, label);
        book.number(SUMMARY, row, column)
    };
    let y2324 = 3; // column D: 2021/22 is B
    assert_eq!(
        book.text(SUMMARY, book.row(SUMMARY, 0, "£"), y2324),
        "2023/24"
    );
    assert_eq!((summary("Annual gap", y2324) / 1e4).round() / 1e2, 0.89);
    assert_eq!((summary("Cumulative gap", 5) / 1e4).round() / 1e2, 8.09);
    assert_eq!(
        (summary("Net revenue spend", y2324) / 1e5).round() / 10.0,
        261.7
    );
    let precept = book.row(RESULTS, 1, "Precept income");
    assert_eq!(
        (book.number(RESULTS, precept, 4) / 1e5).round() / 10.0,
        89.6
    );
    assert_penny(
        summary("Cumulative gap", 5),
        p.cumulative_gap(),
        "cumulative",
    );
    // How each line is worked out, and whether its figure is an estimate.
    let basis = 2 + p.years.len();
    let premises = book.row(RESULTS, 1, "Premises");
    assert_eq!(
        book.text(RESULTS, premises, basis),
        "Base year: its base amount; then last year's × (1 + non-pay inflation). Figures and \
         source: Assumptions sheet (estimate)"
    );
    let legacy = book.row(RESULTS, 1, "Legacy council tax grants");
    assert_eq!(
        book.text(RESULTS, legacy, basis),
        "Base year: its base amount; then last year's (flat cash). Figures and source: \
         Assumptions sheet (source)"
    );
    // The description, in lines no wider than the table (five columns of 20).
    let first = book.row(SUMMARY, 0, "Description");
    let mut lines = Vec::new();
    for row in first.. {
        let line = book.text(SUMMARY, row, 1);
        if line.is_empty() {
            break;
        }
        assert!(line.chars().count() <= 100, "{line}");
        lines.push(line);
    }
    let s = baseline_scenario();
    let words: Vec<&str> = s.description.split_whitespace().collect();
    assert_eq!(lines.join(" "), words.join(" "));
    assert!(lines.len() > 3);
    let warnings = book.row(SUMMARY, 0, "Warnings");
    let first = book.text(SUMMARY, warnings + 1, 0);
    assert!(
        first.starts_with("reserves.general (2023/24): the general reserve (£"),
        "{first}"
    );
}

#[test]
fn results_sheet_holds_the_results_csv_rows_in_order() {
    for s in [baseline_scenario(), rich_scenario()] {
        let (p, book) = export(&s);
        let table = csv::results(&p);
        let csv_rows: Vec<&str> = table
            .split("\r\n")
            .skip(2)
            .filter(|l| !l.is_empty())
            .collect();
        let header = book.row(RESULTS, 0, "Section");
        let last = book.row(RESULTS, 1, "Tax base (Band D equivalents)");
        let mut sheet_rows = Vec::new();
        for row in header + 1..=last {
            let label = book.text(RESULTS, row, 1);
            if EXTRA_ROWS.contains(&label.as_str()) {
                continue;
            }
            let mut cells = vec![csv::cell(&book.text(RESULTS, row, 0)), csv::cell(&label)];
            for i in 0..p.years.len() {
                cells.push(format!("{:.2}", book.number(RESULTS, row, 2 + i)));
            }
            sheet_rows.push(cells.join(","));
        }
        assert_eq!(sheet_rows, csv_rows);
    }
}

/// The Results rows whose every year is a formula, and those whose years after the base
/// year are.
const FORMULA_ROWS: [&str; 11] = [
    "Total funding",
    "Gross expenditure",
    "Net revenue spend",
    "Annual gap",
    "Cumulative gap",
    "Recurring gap",
    "Planned use of reserves",
    "Savings still to find",
    "General reserve (year end)",
    "Earmarked reserves (year end)",
    "Total reserves (year end)",
];
const LATER_FORMULA_ROWS: [&str; 3] = [
    "General reserve (start of year)",
    "Earmarked reserves (start of year)",
    "Band D rise (£)",
];

#[test]
fn totals_are_formulas_and_nothing_else_is() {
    for s in [baseline_scenario(), rich_scenario()] {
        let (p, book) = export(&s);
        let years = p.years.len();
        let header = book.row(RESULTS, 0, "Section");
        let last = book.row(RESULTS, 1, "Tax base (Band D equivalents)");
        for row in header + 1..=last {
            let label = book.text(RESULTS, row, 1);
            for i in 0..years {
                let expected = FORMULA_ROWS.contains(&label.as_str())
                    || (i > 0 && LATER_FORMULA_ROWS.contains(&label.as_str()));
                assert_eq!(
                    book.formula(RESULTS, row, 2 + i).is_some(),
                    expected,
                    "{label} in year {i}"
                );
            }
            // Labels, sections and the basis column are text, never formulas.
            for column in [0, 1, 2 + years] {
                assert_eq!(book.formula(RESULTS, row, column), None);
            }
        }
        // Every figure on the Summary reads the Results row of the same name.
        let top = book.row(SUMMARY, 0, "£");
        let bottom = book.row(SUMMARY, 0, "Warnings") - 1;
        for row in top + 1..bottom {
            let label = book.text(SUMMARY, row, 0);
            let results_row = book.row(RESULTS, 1, &label);
            for i in 0..years {
                let f = book.formula(SUMMARY, row, 1 + i).unwrap();
                let r = parse_ref(&f, SUMMARY);
                assert_eq!(
                    f,
                    format!("Results!{}", workbook::cell_ref(results_row, 2 + i))
                );
                assert_eq!(
                    (r.sheet.as_str(), r.row, r.column),
                    (RESULTS, results_row, 2 + i)
                );
            }
        }
        // The Assumptions sheet holds values only.
        assert!(book.formulas[ASSUMPTIONS]
            .cells()
            .all(|(_, _, f)| f.is_empty()));
    }
}

#[test]
fn the_baselines_formulas_read_as_reviewed() {
    // 5 funding lines (rows 5-9), precept income (10), total funding (11), 13 expenditure
    // lines (12-24), then the rows in the order of docs/scenarios.md.
    let (_, book) = export(&baseline_scenario());
    let f = |label: &str, column: usize| {
        book.formula(RESULTS, book.row(RESULTS, 1, label), column)
            .unwrap()
    };
    let expected = [
        ("Total funding", 2, "SUM(C5:C10)"),
        ("Gross expenditure", 2, "SUM(C12:C24)"),
        ("Net revenue spend", 3, "D25-D26-D27"),
        ("Annual gap", 4, "E28-E11"),
        ("Cumulative gap", 2, "SUM($C29:C29)"),
        ("Cumulative gap", 6, "SUM($C29:G29)"),
        ("Recurring gap", 4, "E29+E27"),
        ("Planned use of reserves", 4, "E35+E38"),
        ("Savings still to find", 4, "E29-E32"),
        ("General reserve (start of year)", 4, "D36"),
        ("General reserve (year end)", 4, "E34-E35-E33"),
        ("Earmarked reserves (start of year)", 4, "D39"),
        ("Earmarked reserves (year end)", 4, "E37-E38"),
        ("Total reserves (year end)", 4, "E36+E39"),
        ("Band D rise (£)", 4, "E42-D42"),
    ];
    for (label, column, formula) in expected {
        assert_eq!(f(label, column), formula, "{label}");
    }
}

#[test]
fn every_formula_gives_its_cached_value_over_the_cells_it_names() {
    for s in [baseline_scenario(), rich_scenario()] {
        let (p, book) = export(&s);
        let years = p.years.len();
        // In the description, exactly (Decimal): 14 rows on Results (3 not in the base
        // year) and 9 on the Summary.
        let described = workbook::workbook(&s, &p);
        assert_eq!(
            crate::util::workbook::check_formulas(&described),
            11 * years + 3 * (years - 1) + 9 * years
        );
        // In the file: each formula worked out over the values read back, as Excel would
        // (in doubles) and exactly (in Decimal), gives the cached value to the penny.
        let mut checked = 0;
        for name in &book.names {
            for (row, column, formula) in book.formulas[name].cells() {
                if formula.is_empty() {
                    continue;
                }
                let (row, column) = (
                    row + book.formulas[name].start().unwrap().0 as usize,
                    column + book.formulas[name].start().unwrap().1 as usize,
                );
                let cached = book.number(name, row, column);
                let cell = |r: &Ref| book.number(&r.sheet, r.row, r.column);
                let as_excel = evaluate(formula, name, &cell);
                let exact = evaluate(formula, name, &|r: &Ref| {
                    cell(r).to_string().parse::<Decimal>().unwrap()
                });
                let at = format!("{name} row {row} column {column}: ={formula}");
                assert_eq!(exact.to_string().parse::<f64>().unwrap(), cached, "{at}");
                assert_eq!(format!("{as_excel:.2}"), format!("{cached:.2}"), "{at}");
                checked += 1;
            }
        }
        assert_eq!(checked, 11 * years + 3 * (years - 1) + 9 * years);
    }
}

#[test]
fn number_formats_fonts_panes_and_widths() {
    let (p, book) = export(&baseline_scenario());
    let years = p.years.len();
    for label in [
        "Total funding",
        "Precept income",
        "Annual gap",
        "General reserve floor",
    ] {
        let row = book.row(RESULTS, 1, label);
        for i in 0..years {
            assert_eq!(
                book.number_format(RESULTS, row, 2 + i),
                MONEY_FORMAT,
                "{label}"
            );
        }
    }
    for label in ["Band D rise (%)", "Tax base (Band D equivalents)"] {
        let row = book.row(RESULTS, 1, label);
        assert_eq!(book.number_format(RESULTS, row, 2), TWO_PLACES_FORMAT);
    }
    assert_eq!(MONEY_FORMAT, "\"£\"#,##0.00;-\"£\"#,##0.00");
    let total = book.row(RESULTS, 1, "Total funding");
    let line = total - 1;
    assert!(book.bold(RESULTS, total, 1) && book.bold(RESULTS, total, 2));
    assert!(!book.bold(RESULTS, line, 1) && !book.bold(RESULTS, line, 2));
    assert!(book.bold(RESULTS, 3, 0), "the header is bold");
    let summary_row = book.row(SUMMARY, 0, "Cumulative gap");
    assert_eq!(book.number_format(SUMMARY, summary_row, 1), MONEY_FORMAT);
    // £ assumptions in money, rates in General.
    let band_d = book.row(ASSUMPTIONS, 1, "Band D");
    assert_eq!(book.number_format(ASSUMPTIONS, band_d, 4), MONEY_FORMAT);
    let drift = book.row(ASSUMPTIONS, 1, "Pay drift");
    assert_eq!(book.number_format(ASSUMPTIONS, drift, 4), "General");

    // Frozen panes: the title and header rows, and the labels.
    for (sheet, x, y, top_left) in [
        (SUMMARY, "1", "3", "B4"),
        (RESULTS, "2", "4", "C5"),
        (ASSUMPTIONS, "2", "3", "C4"),
    ] {
        let xml = &book.xml[sheet];
        let doc = roxmltree::Document::parse(xml).unwrap();
        let pane = doc
            .descendants()
            .find(|n| n.has_tag_name("pane"))
            .unwrap_or_else(|| panic!("{sheet} has no pane"));
        assert_eq!(pane.attribute("state"), Some("frozen"), "{sheet}");
        assert_eq!(pane.attribute("xSplit"), Some(x), "{sheet}");
        assert_eq!(pane.attribute("ySplit"), Some(y), "{sheet}");
        assert_eq!(pane.attribute("topLeftCell"), Some(top_left), "{sheet}");
    }
    // Column widths (characters, as Excel stores them with its padding): labels wide
    // enough for the longest, year columns for £999,999,999.99, the basis wide.
    let widths = |sheet: &str| -> Vec<(usize, usize, f64)> {
        let doc = roxmltree::Document::parse(&book.xml[sheet]).unwrap();
        doc.descendants()
            .filter(|n| n.has_tag_name("col"))
            .map(|n| {
                (
                    n.attribute("min").unwrap().parse().unwrap(),
                    n.attribute("max").unwrap().parse().unwrap(),
                    n.attribute("width").unwrap().parse().unwrap(),
                )
            })
            .collect()
    };
    let results = widths(RESULTS);
    let width_of = |cols: &[(usize, usize, f64)], column: usize| {
        cols.iter()
            .find(|(min, max, _)| (*min..=*max).contains(&(column + 1)))
            .map(|c| c.2)
            .unwrap()
    };
    assert!(width_of(&results, 1) >= 42.0);
    for i in 0..years {
        assert!(width_of(&results, 2 + i) >= "-£999,999,999.99".chars().count() as f64);
    }
    assert!(width_of(&results, 2 + years) >= 110.0);
    let assumptions = widths(ASSUMPTIONS);
    assert!(width_of(&assumptions, 5) >= 90.0, "the Source column");
    // Excel works every formula out again when it opens the file.
    let workbook_xml = String::from_utf8(book.parts["xl/workbook.xml"].clone()).unwrap();
    assert!(workbook_xml.contains("fullCalcOnLoad=\"1\""));
    // Printed A4 landscape, one page wide, the frozen rows and columns on every page.
    for (i, (sheet, titles)) in [
        (SUMMARY, "Summary!$A:$A,Summary!$1:$3"),
        (RESULTS, "Results!$A:$B,Results!$1:$4"),
        (ASSUMPTIONS, "Assumptions!$A:$B,Assumptions!$1:$3"),
    ]
    .into_iter()
    .enumerate()
    {
        let doc = roxmltree::Document::parse(&book.xml[sheet]).unwrap();
        let setup = doc
            .descendants()
            .find(|n| n.has_tag_name("pageSetup"))
            .unwrap();
        assert_eq!(setup.attribute("paperSize"), Some("9"), "A4");
        assert_eq!(setup.attribute("orientation"), Some("landscape"));
        assert_eq!(setup.attribute("fitToHeight"), Some("0"));
        assert!(doc
            .descendants()
            .any(|n| n.has_tag_name("pageSetUpPr") && n.attribute("fitToPage") == Some("1")));
        let defined = format!(
            "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"{i}\">{titles}</definedName>"
        );
        assert!(workbook_xml.contains(&defined), "{sheet}");
    }
}

#[test]
fn assumptions_sheet_is_the_assumptions_csv_with_numbers_as_numbers() {
    for s in [baseline_scenario(), rich_scenario()] {
        let (_, book) = export(&s);
        let table = csv::assumption_rows(&s);
        assert_eq!(
            book.text(ASSUMPTIONS, 0, 0),
            format!("Assumptions: {}", s.name)
        );
        let header = &table[0];
        for (c, h) in header.iter().enumerate() {
            assert_eq!(&book.text(ASSUMPTIONS, 2, c), h);
        }
        let value = header.iter().position(|h| h == "Value").unwrap();
        let source = header.iter().position(|h| h == "Source").unwrap();
        assert_eq!(
            book.values[ASSUMPTIONS].end().unwrap().0 as usize,
            2 + table.len() - 1
        );
        let mut sourced = 0;
        for (k, row) in table.iter().enumerate().skip(1) {
            for (c, text) in row.iter().enumerate() {
                match book.value(ASSUMPTIONS, 2 + k, c) {
                    Data::Float(f) => {
                        assert_eq!(c, value, "only values are numbers: {text}");
                        assert_eq!(f, text.parse::<f64>().unwrap(), "{row:?}");
                    }
                    Data::String(t) => assert_eq!(&t, text),
                    Data::Empty => assert!(text.is_empty()),
                    other => panic!("{other:?}"),
                }
            }
            sourced += usize::from(!row[source].is_empty());
        }
        assert!(sourced > table.len() / 2, "most values have a source");
    }
}

// ---- mtfp export-xlsx ----

fn dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("workbook");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `mtfp ARGS…` in-process with `stdin`: what it wrote to standard output, or the exit
/// code and message.
fn mtfp(args: &[&str], stdin: &[u8]) -> Result<Vec<u8>, (u8, String)> {
    let args: Vec<OsString> = args.iter().map(OsString::from).collect();
    let mut out = Vec::new();
    cli::run_os(args, &mut &stdin[..], &mut out).map_err(|f| (f.code, f.message))?;
    Ok(out)
}

/// The parts of an xlsx file that hold its contents (all but the creation time).
fn contents(book: &Book) -> Vec<(String, Vec<u8>)> {
    let mut parts: Vec<(String, Vec<u8>)> = book
        .parts
        .iter()
        .filter(|(name, _)| name.as_str() != "docProps/core.xml")
        .map(|(n, b)| (n.clone(), b.clone()))
        .collect();
    parts.sort();
    parts
}

#[test]
fn export_xlsx_writes_the_apps_workbook_to_a_file() {
    let path = dir().join("baseline.xlsx");
    let _ = std::fs::remove_file(&path);
    let out = mtfp(&["export-xlsx", "-o", path.to_str().unwrap()], b"").unwrap();
    assert!(out.is_empty(), "nothing on standard output");
    let written = read(&std::fs::read(&path).unwrap());
    assert_eq!(written.names, [SUMMARY, RESULTS, ASSUMPTIONS]);
    // The same description, the same writer: the same workbook as the library gives.
    let s = baseline_scenario();
    let library = read(&xlsx::scenario_workbook(&s).unwrap());
    assert_eq!(contents(&written), contents(&library));
    let p = project(&s).unwrap();
    let direct = read(&xlsx::write(&workbook::workbook(&s, &p)).unwrap());
    assert_eq!(contents(&written), contents(&direct));
}

#[test]
fn export_xlsx_reads_standard_input() {
    let s = rich_scenario();
    let path = dir().join("rich.xlsx");
    mtfp(
        &["export-xlsx", "-", "--output", path.to_str().unwrap()],
        s.to_json().as_bytes(),
    )
    .unwrap();
    let book = read(&std::fs::read(&path).unwrap());
    assert_eq!(book.text(SUMMARY, 0, 0), "Rich plan, \"stress\" case");
    let about = book.row(SUMMARY, 0, "Description");
    assert_eq!(
        book.text(SUMMARY, about, 1),
        "Savings, reserves and a % rise."
    );
    let base = book.row(SUMMARY, 0, "Base year");
    assert_eq!(book.text(SUMMARY, base, 1), "2022/23");
    assert_eq!(book.text(SUMMARY, base + 1, 1), "5 (2022/23 to 2026/27)");
}

#[test]
fn export_xlsx_refuses_to_write_binary_without_a_file_and_bad_scenarios() {
    let (code, message) = mtfp(&["export-xlsx"], b"").unwrap_err();
    assert_eq!(code, EXIT_BAD_INPUT);
    assert_eq!(
        message,
        "export-xlsx writes a binary file: name it with -o FILE.xlsx (or -o /dev/stdout to \
         send it down a pipe)"
    );
    let out = dir().join("never.xlsx");
    let (code, message) = mtfp(
        &["export-xlsx", "-", "-o", out.to_str().unwrap()],
        b"{\"schema\": 99}",
    )
    .unwrap_err();
    assert_eq!(code, EXIT_BAD_INPUT);
    assert!(
        message.starts_with("standard input: this scenario was written by a newer version"),
        "{message}"
    );
    assert!(!out.exists(), "nothing is written for a bad scenario");
    let help = String::from_utf8(mtfp(&["export-xlsx", "--help"], b"").unwrap()).unwrap();
    assert!(help.contains("-o FILE is required"), "{help}");
}

#[test]
fn the_built_mtfp_writes_a_workbook() {
    let bin = env!("CARGO_BIN_EXE_mtfp");
    let scenario = dir().join("plan.json");
    std::fs::write(&scenario, rich_scenario().to_json()).unwrap();
    let path = dir().join("plan.xlsx");
    let _ = std::fs::remove_file(&path);
    let run = Command::new(bin)
        .args([
            "export-xlsx",
            scenario.to_str().unwrap(),
            "-o",
            path.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(run.status.success(), "{run:?}");
    assert!(run.stdout.is_empty() && run.stderr.is_empty());
    let book = read(&std::fs::read(&path).unwrap());
    let (p, _) = export(&rich_scenario());
    let gap = book.row(RESULTS, 1, "Cumulative gap");
    assert_penny(
        book.number(RESULTS, gap, 1 + p.years.len()),
        p.cumulative_gap(),
        "cumulative gap",
    );
    // Without -o: exit 2, one line, nothing on standard output.
    let run = Command::new(bin)
        .args(["export-xlsx", scenario.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(run.stdout.is_empty());
    let stderr = String::from_utf8(run.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("mtfp: export-xlsx writes a binary file"),
        "{stderr}"
    );
    // Down a pipe with -o /dev/stdout.
    if std::path::Path::new("/dev/stdout").exists() {
        let run = Command::new(bin)
            .args(["export-xlsx", "-o", "/dev/stdout"])
            .output()
            .unwrap();
        assert!(run.status.success(), "{run:?}");
        assert!(run.stdout.starts_with(b"PK\x03\x04"), "a zip file");
        let names: BTreeSet<String> = read(&run.stdout).names.into_iter().collect();
        assert_eq!(names.len(), 3);
    }
}
