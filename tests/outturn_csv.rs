//! Actuals from CSV (docs/outturn.md §7): the template lists the plan's lines and years; a
//! good file imports; each file of the catalogue in `tests/fixtures/bad-actuals/` (also
//! used by the browser journey) is refused whole, naming the row, the column and why.

use rust_decimal::dec;

use crate::util::engine::fy;
use planner::model::baseline;
use planner::model::engine::project;
use planner::model::outturn::{Actuals, Item};
use planner::store::outturn::{import, merged, template, TEMPLATE_HEADER};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/bad-actuals/");

fn file(name: &str) -> Vec<u8> {
    std::fs::read(format!("{DIR}{name}")).unwrap()
}

#[test]
fn the_template_lists_every_line_and_year_and_reads_back() {
    let s = baseline::nottinghamshire().unwrap();
    let p = project(&s).unwrap();
    let t = template(&s, &p);
    assert!(t.starts_with(&format!("\u{feff}{TEMPLATE_HEADER}\r\n")));
    let rows: Vec<&str> = t.trim_end().split("\r\n").skip(1).collect();
    assert_eq!(rows.len(), 5 * Item::all(&s).len());
    assert_eq!(Item::all(&s).len(), 13 + 5 + 11);
    assert!(rows.contains(&"2022/23,expenditure[ict],ICT,gbp,9360000.00,,,"));
    assert!(rows.contains(&"2022/23,precept_income,Precept income,gbp,84004530.53,85400000,Council tax income: Home Office statistics via local press,false"));
    // The template imports as it stands: the figures already entered, nothing else.
    let back = import("template.csv", t.as_bytes(), &s).unwrap();
    assert_eq!(
        merged(Some(&Actuals::of(&s).unwrap()), back),
        Actuals::of(&s).unwrap()
    );
}

#[test]
fn a_good_file_imports_its_figures() {
    let s = baseline::nottinghamshire().unwrap();
    let figures = import("good.csv", &file("good.csv"), &s).unwrap();
    let got: Vec<_> = figures
        .iter()
        .map(|f| (f.year, f.item.key(), f.value, f.source.text.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                fy("2022/23"),
                "expenditure[ict]".to_string(),
                dec!(9412345.67),
                "Outturn report 2022/23"
            ),
            (
                fy("2022/23"),
                "funding[core_police_grant]".to_string(),
                dec!(92041150),
                "Imported from good.csv"
            ),
            (
                fy("2024/25"),
                "officer_pay_award".to_string(),
                dec!(4.75),
                "Policing press (2024)"
            ),
        ]
    );
    let a = merged(Some(&Actuals::of(&s).unwrap()), figures);
    assert_eq!(
        a.value(fy("2022/23"), &Item::Expenditure("ict".into())),
        Some(dec!(9412345.67))
    );
    assert_eq!(a.figures.len(), Actuals::of(&s).unwrap().figures.len() + 2);
}

#[test]
fn every_bad_file_is_refused_whole_with_its_row_column_and_reason() {
    let s = baseline::nottinghamshire().unwrap();
    let catalogue: serde_json::Value =
        serde_json::from_str(&String::from_utf8(file("catalogue.json")).unwrap()).unwrap();
    for entry in catalogue.as_array().unwrap() {
        let name = entry["file"].as_str().unwrap();
        let e = import(name, &file(name), &s).unwrap_err();
        let p = e
            .problems
            .iter()
            .find(|p| p.row == entry["row"].as_u64().unwrap() as usize)
            .unwrap_or_else(|| panic!("{name}: {e}"));
        assert_eq!(p.column, entry["column"].as_str().unwrap(), "{name}: {e}");
        assert!(
            p.reason.contains(entry["expect"].as_str().unwrap()),
            "{name}: {e}"
        );
        let text = e.to_string();
        assert!(
            text.starts_with(&format!(
                "{name} was not imported (nothing was changed): row "
            )),
            "{text}"
        );
    }
    // Every bad row of a file is named, not only the first.
    let e = import("several.csv", &file("several.csv"), &s).unwrap_err();
    let rows: Vec<(usize, &str)> = e
        .problems
        .iter()
        .map(|p| (p.row, p.column.as_str()))
        .collect();
    assert_eq!(rows, [(3, ""), (4, "actual"), (5, "actual"), (6, "actual")]);
    assert!(e.problems[1].reason.contains("Band D must be more than £0"));
    assert!(e.problems[2]
        .reason
        .contains("looks like a spreadsheet formula (it starts with '@')"));
    assert!(e.problems[3]
        .reason
        .contains("officers must be a whole number"));
    // Not UTF-8, and empty.
    let e = import(
        "latin1.csv",
        b"year,item,actual\n2022/23,band_d,\xa3254.25\n",
        &s,
    )
    .unwrap_err();
    assert!(e.to_string().contains("not UTF-8"), "{e}");
    let e = import("empty.csv", b"", &s).unwrap_err();
    assert!(e.to_string().contains("the file is empty"), "{e}");
}

#[test]
fn negative_figures_are_not_formulas() {
    let s = baseline::nottinghamshire().unwrap();
    let f = import("neg.csv", b"year,item,actual\n2022/23,funding[core_police_grant],-1000\n2023/24,expenditure[ict],(2000)\n", &s).unwrap();
    assert_eq!(
        f.iter().map(|f| f.value).collect::<Vec<_>>(),
        [dec!(-1000), dec!(-2000)]
    );
    let e = import(
        "neg.csv",
        b"year,item,actual,source\n2022/23,band_d,254.25,-cmd\n",
        &s,
    )
    .unwrap_err();
    assert_eq!(
        (e.problems[0].row, e.problems[0].column.as_str()),
        (2, "source")
    );
}
