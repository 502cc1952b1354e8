//! The engine's Nottinghamshire baseline drives its collaboration line and the joint HQ's
//! capital financing from the register, and still reproduces HMICFRS's PEEL figures.

use rust_decimal::dec;

use rust_decimal::Decimal;

use planner::model::scenario::{Driver, SavingKind};
use planner::model::{baseline, collab, engine, YearResult};

use crate::util::d;

fn line(y: &YearResult, id: &str) -> Decimal {
    y.expenditure.iter().find(|l| &*l.id == id).unwrap().amount
}

#[test]
fn the_baseline_lines_come_from_the_register() {
    let scenario = baseline::nottinghamshire().unwrap();
    let register = scenario.collaborations.clone().unwrap();
    assert_eq!(register, collab::baseline::nottinghamshire().unwrap());
    let driver = |id: &str| {
        &scenario
            .expenditure
            .iter()
            .find(|l| &*l.id == id)
            .unwrap()
            .driver
    };
    assert_eq!(driver("collaboration"), &Driver::CollaborationContribution);
    assert_eq!(
        driver("hq_capital_financing"),
        &Driver::CollaborationCapitalFinancing
    );

    let years = scenario.horizon.year_list();
    let register = collab::project(&register, &years).unwrap();
    let projection = engine::project(&scenario).unwrap();
    for y in &projection.years {
        // The base year is the line's base amount, which must agree with the register.
        assert_eq!(
            Some(line(y, "collaboration")),
            register.force_contribution(y.year),
            "{}",
            y.year
        );
        assert_eq!(
            Some(line(y, "hq_capital_financing")),
            register.capital_financing(y.year),
            "{}",
            y.year
        );
    }
    // Total capital financing is unchanged by splitting out the HQ: £4.5m, then £5.0m.
    let totals: Vec<Decimal> = projection
        .years
        .iter()
        .map(|y| line(y, "capital_financing") + line(y, "hq_capital_financing"))
        .collect();
    assert_eq!(
        totals,
        ["4500000", "5000000", "5000000", "5000000", "5000000"].map(d)
    );
    // No realised collaboration savings are claimed in the baseline plan.
    assert!(!scenario
        .savings
        .iter()
        .any(|s| s.kind == SavingKind::Collaborations));
}

#[test]
fn the_baseline_still_reproduces_the_peel_gaps() {
    let projection = engine::project(&baseline::nottinghamshire().unwrap()).unwrap();
    let gaps: Vec<Decimal> = projection.years.iter().map(|y| y.gap).collect();
    let near =
        |value: Decimal, millions: &str| (value - d(millions) * dec!(1000000)).abs() <= dec!(50000);
    assert!(near(gaps[0], "0.0"), "{gaps:?}");
    assert!(near(gaps[1], "0.0"), "{gaps:?}");
    assert!(near(gaps[2], "0.9"), "{gaps:?}");
    assert!(gaps[3] > gaps[2] && gaps[4] > gaps[3], "{gaps:?}");
    assert!(near(gaps[2] + gaps[3] + gaps[4], "8.1"), "{gaps:?}");
}
