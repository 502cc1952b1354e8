//! Scenarios side by side: differences from the reference, overlaid charts and the bridge
//! between any two.

use planner::edit::{self, Field};
use planner::model::engine::project;
use planner::model::registry::Kind;
use planner::model::{baseline, FinancialYear};
use planner::store::compare::{self, Side};
use rust_decimal::Decimal;

#[test]
fn differences_bridge_and_charts_agree_with_the_projections() {
    let base = baseline::nottinghamshire().unwrap();
    let bp = project(&base).unwrap();
    let field = Field::plan(Kind::BandDRiseGbp, FinancialYear::new(2023).unwrap());
    let mut higher = edit::apply(&base, &field, Decimal::new(2494, 2)).unwrap();
    higher.name = "Higher precept".into();
    let hp = project(&higher).unwrap();
    let mut longer = edit::apply(&base, &Field::HorizonYears, Decimal::from(7)).unwrap();
    longer.name = "Seven years".into();
    let lp = project(&longer).unwrap();
    let sides = [
        Side {
            name: &base.name,
            scenario: &base,
            projection: &bp,
        },
        Side {
            name: &higher.name,
            scenario: &higher,
            projection: &hp,
        },
        Side {
            name: &longer.name,
            scenario: &longer,
            projection: &lp,
        },
    ];
    let headlines = compare::headlines(&sides, None);
    let cumulative = headlines
        .iter()
        .find(|m| m.key == "cumulative-gap")
        .unwrap();
    let diffs = cumulative.differences();
    assert_eq!(diffs[0], None, "the reference has no difference");
    assert_eq!(diffs[1], Some(hp.cumulative_gap() - bp.cumulative_gap()));
    assert!(diffs[1].unwrap() < Decimal::ZERO);
    // Tables span every year; charts only the years all three plans cover.
    assert_eq!(compare::years(&sides).len(), 7);
    let chart = compare::overlay_chart("compare-gap", "Annual gap", &sides, |y| y.gap);
    assert_eq!(chart.categories.len(), 5);
    assert!(chart.series.iter().all(|s| s.values.len() == 5));
    let rows = compare::line(&sides, &compare::years(&sides), |y| y.gap);
    assert_eq!(rows[0][6], None);
    assert!(rows[2][6].is_some());
    // The bridge is labelled with both names and adds up to the difference.
    let bridge = compare::bridge_chart(sides[0], sides[1]).unwrap();
    assert_eq!(
        bridge.categories.first().unwrap(),
        "Nottinghamshire baseline"
    );
    assert_eq!(bridge.categories.last().unwrap(), "Higher precept");
    assert!(
        bridge
            .title
            .starts_with("'Higher precept' (against 'Nottinghamshire baseline') takes"),
        "{}",
        bridge.title
    );
    let same = compare::bridge_chart(sides[1], sides[1]).unwrap();
    assert!(same.title.contains("have the same cumulative gap"));
}
