//! The Nottinghamshire baseline: it reproduces HMICFRS's PEEL 2021/22 reading, every line
//! and assumption carries a source, and its projection matches the reviewed snapshot.

use crate::util::engine::{d, fy};
use planner::model::engine::project;
use planner::model::{baseline, Scenario};
use rust_decimal::dec;
use rust_decimal::Decimal;

/// £0.05m, the tolerance on each PEEL figure.
fn tolerance() -> Decimal {
    dec!(50000)
}

fn within(actual: Decimal, want_millions: &str) -> bool {
    let want = d(want_millions) * dec!(1000000);
    (actual - want).abs() <= tolerance()
}

#[test]
fn reproduces_peel_2021_22() {
    let p = project(&baseline::nottinghamshire().unwrap()).unwrap();
    let gap = |y: &str| p.year(fy(y)).unwrap().gap;

    // "a balanced budget for 2021/22 and for 2022/23"
    assert!(
        within(gap("2021/22"), "0.0"),
        "2021/22 gap {}",
        gap("2021/22")
    );
    assert!(
        within(gap("2022/23"), "0.0"),
        "2022/23 gap {}",
        gap("2022/23")
    );
    // "In 2023/24 there is a projected budget shortfall of £0.9m"
    assert!(
        within(gap("2023/24"), "0.9"),
        "2023/24 gap {}",
        gap("2023/24")
    );
    // "which grows in each subsequent year"
    assert!(gap("2024/25") > gap("2023/24"));
    assert!(gap("2025/26") > gap("2024/25"));
    // "a cumulative deficit of £8.1m by 2025/26": the sum of the annual gaps.
    let deficit = gap("2023/24") + gap("2024/25") + gap("2025/26");
    assert!(within(deficit, "8.1"), "cumulative deficit {deficit}");
    assert_eq!(
        p.sum_of_gaps(fy("2023/24"), fy("2025/26")).unwrap(),
        deficit
    );
    // The engine's cumulative gap runs from the base year, whose two gaps are nil.
    assert!(within(p.cumulative_gap(), "8.1"));
    assert_eq!(p.final_year().unwrap().year, fy("2025/26"));
}

#[test]
fn lands_near_the_published_2023_24_budget() {
    let p = project(&baseline::nottinghamshire().unwrap()).unwrap();
    let y = p.year(fy("2023/24")).unwrap();
    // Net budget £261.7m; council tax £89.6m; "about £208m of it pay" (facts file).
    assert!(
        within(y.total_expenditure, "261.7"),
        "{}",
        y.total_expenditure
    );
    assert!(within(y.precept.income, "89.6"), "{}", y.precept.income);
    assert_eq!(y.precept.band_d, dec!(269.19));
    let pay: Decimal = y
        .expenditure
        .iter()
        .filter(|l| l.id.ends_with("pay") || &*l.id == "overtime")
        .map(|l| l.amount)
        .sum();
    assert!((pay - dec!(208000000)).abs() < dec!(3000000), "pay {pay}");
    // No precept rise breaks a referendum limit in the baseline.
    assert!(p.warnings.iter().all(|w| w.path != "precept.rise_gbp"));
}

#[test]
fn every_figure_has_a_source() {
    let s = baseline::nottinghamshire().unwrap();
    let lines = s
        .expenditure
        .iter()
        .map(|l| (&l.id, &l.source))
        .chain(s.funding.iter().map(|l| (&l.id, &l.source)))
        .chain(s.savings.iter().map(|l| (&l.id, &l.source)));
    for (id, source) in lines {
        assert!(source.text.len() > 10, "{id} has no real source");
    }
    let a = &s.assumptions;
    for source in [
        &a.officer_pay_award_pct.source,
        &a.staff_pay_award_pct.source,
        &a.pay_drift_pct.source,
        &a.non_pay_inflation_pct.source,
        &s.precept.band_d.source,
        &s.precept.tax_base.source,
        &s.reserves.general_opening.source,
        &s.reserves.floor_pct.source,
    ] {
        assert!(source.text.len() > 10);
    }
    // Not published, so flagged: the 2021/22 split of the budget and the reserves.
    assert!(s.expenditure.iter().all(|l| l.source.estimate));
    assert!(s.reserves.general_opening.source.estimate);
    // Published: the legacy council tax grants.
    let legacy = s
        .funding
        .iter()
        .find(|l| &*l.id == "legacy_council_tax_grants")
        .unwrap();
    assert!(!legacy.source.estimate);
}

#[test]
fn round_trips_through_json() {
    let s = baseline::nottinghamshire().unwrap();
    let again = Scenario::from_json(&s.to_json()).unwrap();
    assert_eq!(again, s);
}

#[test]
fn snapshot_of_the_baseline_projection() {
    // The CSV the `mtfp project` command prints, and the whole projection as JSON.
    let mut csv = Vec::new();
    planner::cli::run(&["project".to_string()], &mut csv).unwrap();
    let p = project(&baseline::nottinghamshire().unwrap()).unwrap();
    // The reviewed files keep the names they had when this file was a test crate of its own.
    insta::with_settings!({ prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("engine_baseline__baseline_csv", String::from_utf8(csv).unwrap());
        insta::assert_snapshot!(
            "engine_baseline__baseline_projection",
            serde_json::to_string_pretty(&p).unwrap()
        );
    });
}

#[test]
fn the_baseline_extends_to_2030_31() {
    let mut s = baseline::nottinghamshire().unwrap();
    for years in 5..=10 {
        s.horizon.years = years;
        let p = project(&s).unwrap();
        assert_eq!(p.years.len(), usize::from(years));
    }
    let p = project(&s).unwrap();
    assert_eq!(p.final_year().unwrap().year, fy("2030/31"));
    // The first five years do not change when the horizon grows.
    let five = project(&baseline::nottinghamshire().unwrap()).unwrap();
    assert_eq!(&p.years[..5], &five.years[..]);
}
