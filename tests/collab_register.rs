//! Hand-computed tests of the collaboration register (a mid-year exit, the joint HQ's
//! financing) and the messages for bad input.

use rust_decimal::dec;

use rust_decimal::Decimal;

use planner::model::collab::baseline::{from_json, nottinghamshire};
use planner::model::collab::capital::schedule;
use planner::model::collab::{project, CollaborationRegister, YearMonth};
use planner::model::FinancialYear;

use crate::util::d;

fn fy(s: &str) -> FinancialYear {
    s.parse().unwrap()
}

fn plan() -> Vec<FinancialYear> {
    ["2021/22", "2022/23", "2023/24", "2024/25", "2025/26"]
        .iter()
        .map(|s| fy(s))
        .collect()
}

/// A register with one EMSOU-shaped collaboration; `extra` is spliced into it.
fn register(extra: &str) -> String {
    format!(
        r#"{{
  "force": "Nottinghamshire",
  "collaborations": [{{
    "id": "unit", "name": "Regional unit", "purpose": "test", "status": "exited",
    "sharing": {{ "basis": "fixed_percent", "partners": [
      {{ "name": "Nottinghamshire", "weight": "27.6" }},
      {{ "name": "Leicestershire", "weight": "23.1" }},
      {{ "name": "Derbyshire", "weight": "22.0" }},
      {{ "name": "Northamptonshire", "weight": "14.7" }},
      {{ "name": "Lincolnshire", "weight": "12.6" }} ] }},
    "start": "2015-04",
    "total_cost": {{ "by_year": {{ "2021/22": "1000000" }} }}
    {extra}
  }}]
}}"#
    )
}

#[test]
fn a_mid_year_exit_is_prorated_by_month() {
    // Leaves on 1 August 2022: April to July, 4 months of 2022/23.
    // Total 1,000,000 × 4/12 = 333,333.33; shares 27.6% 92,000.00 (91,999.999 rounded),
    // 23.1% 77,000.00, 22.0% 73,333.33, 14.7% 49,000.00, 12.6% 42,000.00: sum 333,333.33.
    let r = from_json(&register(
        r#", "end": "2022-08", "exit_costs": { "by_year": { "2022/23": "25000" } }"#,
    ))
    .unwrap();
    let p = project(&r, &plan()).unwrap();
    let line = &p.collaborations[0];
    let y = |s: &str| line.years.iter().find(|y| y.year == fy(s)).unwrap();

    assert_eq!(y("2021/22").months, 12);
    assert_eq!(y("2021/22").total_cost, dec!(1000000));
    assert_eq!(y("2021/22").force_share, dec!(276000));

    let exit = y("2022/23");
    assert_eq!(exit.months, 4);
    assert_eq!(exit.total_cost, dec!(333333.33));
    let shares: Vec<Decimal> = exit.shares.iter().map(|s| s.amount).collect();
    assert_eq!(
        shares,
        ["92000.00", "77000.00", "73333.33", "49000.00", "42000.00"].map(d)
    );
    assert_eq!(exit.force_share, dec!(92000.00));
    assert_eq!(exit.exit_cost, dec!(25000));
    assert_eq!(exit.force_contribution, dec!(117000.00));
    assert_eq!(p.force_contribution(fy("2022/23")), Some(dec!(117000.00)));

    for later in ["2023/24", "2024/25", "2025/26"] {
        assert_eq!(y(later).months, 0);
        assert_eq!(y(later).total_cost, Decimal::ZERO);
        assert_eq!(p.force_contribution(fy(later)), Some(Decimal::ZERO));
    }
    assert_eq!(p.force_contribution(fy("2030/31")), None);
}

#[test]
fn costs_after_the_last_listed_year_grow_by_the_growth_rate() {
    let r = from_json(&register("").replace(
        r#""by_year": { "2021/22": "1000000" }"#,
        r#""by_year": { "2021/22": "1000000" }, "growth_pct": "2""#,
    ))
    .unwrap();
    let p = project(&r, &plan()).unwrap();
    let totals: Vec<Decimal> = p.collaborations[0]
        .years
        .iter()
        .map(|y| y.total_cost)
        .collect();
    assert_eq!(
        totals,
        ["1000000", "1020000", "1040400", "1061208", "1082432.16"].map(d)
    );
}

#[test]
fn the_joint_hq_financing_is_mrp_plus_interest() {
    // £18.5m, force 65% = £12,025,000; handed over January 2022; 50-year life; 2.5%.
    // 2021/22: interest 12,025,000 × 2.5% × 3/12 = 75,156.25; no MRP in the handover year.
    // 2022/23: MRP 12,025,000 / 50 = 240,500 + interest 12,025,000 × 2.5% = 300,625.
    // 2023/24: MRP 240,500 + interest 11,784,500 × 2.5% = 294,612.50.
    let p = project(&nottinghamshire().unwrap(), &plan()).unwrap();
    let hq = p.capital.iter().find(|c| c.id == "joint_hq").unwrap();
    assert_eq!(hq.cost_shares[0].amount, dec!(12025000.00));
    let sum: Decimal = hq.cost_shares.iter().map(|s| s.amount).sum();
    assert_eq!(sum, dec!(18500000));
    let want = [
        ("2021/22", "0", "75156.25", "75156.25"),
        ("2022/23", "240500.00", "300625.00", "541125.00"),
        ("2023/24", "240500.00", "294612.50", "535112.50"),
        ("2024/25", "240500.00", "288600.00", "529100.00"),
        ("2025/26", "240500.00", "282587.50", "523087.50"),
    ];
    for ((year, mrp, interest, financing), y) in want.iter().zip(&hq.years) {
        assert_eq!(y.year, fy(year));
        assert_eq!(y.force.mrp, d(mrp), "{year}");
        assert_eq!(y.force.interest, d(interest), "{year}");
        assert_eq!(y.force.financing, d(financing), "{year}");
        assert_eq!(p.capital_financing(fy(year)), Some(d(financing)));
        let partners: Decimal = y.shares.iter().map(|s| s.amount).sum();
        assert_eq!(partners, y.total_financing);
    }
}

#[test]
fn mrp_repays_the_principal_exactly_over_the_life() {
    // 1,000,000 over 3 years: 333,333.33 twice, then the 333,333.34 left.
    let s = schedule(
        dec!(1000000),
        YearMonth::new(2021, 4).unwrap(),
        3,
        dec!(5),
        fy("2026/27"),
        "t",
    )
    .unwrap();
    let mrp: Vec<Decimal> = s.values().map(|y| y.mrp).collect();
    assert_eq!(
        mrp,
        ["0", "333333.33", "333333.33", "333333.34", "0", "0"].map(d)
    );
    let interest: Vec<Decimal> = s.values().map(|y| y.interest).collect();
    // Handover in April: a full year of interest, then on each opening balance.
    assert_eq!(
        interest,
        ["50000", "50000", "33333.33", "16666.67", "0", "0"].map(d)
    );
    assert_eq!(s.values().last().unwrap().closing_balance, Decimal::ZERO);
}

#[test]
fn realised_savings_feed_the_engine() {
    let r = from_json(&register(
        r#", "benefits": { "status": "at_risk",
             "cashable_planned": { "2021/22": "200000", "2022/23": "300000" },
             "cashable_realised": { "2021/22": "150000" },
             "non_cashable": [ { "description": "Officer time released", "measure": "hours",
                                 "planned": { "2021/22": "1000" }, "realised": { "2021/22": "800" } } ] }"#,
    ))
    .unwrap();
    let p = project(&r, &plan()).unwrap();
    assert_eq!(p.realised_savings(fy("2021/22")), Some(dec!(150000)));
    assert_eq!(p.realised_savings(fy("2022/23")), Some(Decimal::ZERO));
    assert_eq!(p.planned_savings(fy("2022/23")), Some(dec!(300000)));
    let b = &p.collaborations[0].years[0].benefits;
    assert_eq!(b.realised_pct, Some(dec!(75.0)));
    assert_eq!(b.non_cashable[0].realised_pct, Some(dec!(80.0)));
    assert_eq!(
        p.collaborations[0].years[1].benefits.realised_pct,
        Some(dec!(0))
    );
}

fn error_of(json: &str) -> String {
    from_json(json).unwrap_err().to_string()
}

#[test]
fn bad_input_names_the_collaboration_and_field() {
    let shares = register("").replace(r#""weight": "12.6""#, r#""weight": "12.5""#);
    let twice = register("").replace("Lincolnshire", "Leicestershire");
    let cases: Vec<(String, &str)> = vec![
        (
            shares,
            "collaborations[unit].sharing.partners: Regional unit: the shares add up to 99.9%, not 100%",
        ),
        (
            twice,
            "collaborations[unit].sharing.partners: Regional unit: partner 'Leicestershire' is listed twice",
        ),
        (
            register(r#", "end": "2015-03""#),
            "collaborations[unit].end: Regional unit: the end (2015-03) is not after the start (2015-04)",
        ),
        (
            register("").replace(r#""1000000""#, r#""-5""#),
            "collaborations[unit].total_cost (2021/22): Regional unit: a cost cannot be negative (-5)",
        ),
        (
            register(r#", "exit_costs": { "by_year": { "2022/23": "-1" } }"#),
            "collaborations[unit].exit_costs (2022/23): Regional unit: an exit cost cannot be negative (-1)",
        ),
        (
            register("").replace(r#""weight": "27.6""#, r#""weight": "-27.6""#),
            "collaborations[unit].sharing.partners[Nottinghamshire].weight: Regional unit: a share cannot be negative (-27.6)",
        ),
        (
            register("").replace("\"force\": \"Nottinghamshire\"", "\"force\": \"Rutland\""),
            "collaborations[unit].sharing.partners: Regional unit: the force 'Rutland' is not among the partners",
        ),
        (
            register(r#", "benefits": { "cashable_realised": { "2021/22": "-3" } }"#),
            "collaborations[unit].benefits.cashable_realised (2021/22): Regional unit: a realised saving cannot be negative (-3)",
        ),
        (
            register("").replace(r#""basis": "fixed_percent""#, r#""basis": "population""#)
                .replace(r#""weight": "12.6""#, r#""weight": "0""#),
            "collaborations[unit].sharing.partners[Lincolnshire].weight: Regional unit: a net revenue budget or population must be more than zero",
        ),
    ];
    for (json, want) in cases {
        assert_eq!(error_of(&json), want);
    }
}

#[test]
fn bad_files_are_rejected_with_the_field() {
    for (json, want) in [
        (register(r#", "colour": "red""#), "unknown field `colour`"),
        (
            register(r#", "end": "2022-13""#),
            "'2022-13' is not a month",
        ),
        (
            register("").replace(r#""1000000""#, "1000000"),
            "a decimal number written as a string",
        ),
        (
            register("").replace(r#""exited""#, r#""gone""#),
            "unknown variant `gone`",
        ),
    ] {
        let e = error_of(&json);
        assert!(e.contains(want), "{e}");
    }
}

#[test]
fn the_register_must_name_a_force_and_unique_ids() {
    let e = project(&CollaborationRegister::default(), &plan()).unwrap_err();
    assert_eq!(e.path, "collaborations.force");
    let mut r = from_json(&register("")).unwrap();
    let again = r.collaborations[0].clone();
    r.collaborations.push(again);
    let e = project(&r, &plan()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "collaborations[unit].id: the id 'unit' is used twice"
    );
}

#[test]
fn the_baseline_register_round_trips_and_is_sourced() {
    let r = nottinghamshire().unwrap();
    let json = planner::model::json::to_string(&r.to_node());
    assert_eq!(from_json(&json).unwrap(), r);
    // EMOpSS: left 1 May 2018, one month of 2018/19, nothing in the plan.
    let years: Vec<FinancialYear> = ["2017/18", "2018/19"]
        .iter()
        .map(|s| fy(s))
        .chain(plan())
        .collect();
    let p = project(&r, &years).unwrap();
    let emopss = p.collaborations.iter().find(|c| c.id == "emopss").unwrap();
    assert_eq!(emopss.years[1].months, 1);
    assert!(emopss.years[2..]
        .iter()
        .all(|y| y.force_contribution.is_zero()));
    // Every figure has a source; estimates are flagged.
    for c in &r.collaborations {
        assert!(!c.total_cost.source.text.is_empty(), "{}", c.id);
        assert!(!c.dates_source.text.is_empty(), "{}", c.id);
        for partner in &c.sharing.partners {
            assert!(!partner.source.text.is_empty(), "{} {}", c.id, partner.name);
        }
    }
    let emsou = r.collaborations.iter().find(|c| c.id == "emsou").unwrap();
    assert!(
        !emsou.sharing.partners[0].source.estimate,
        "EMSOU shares are published"
    );
    assert!(
        emsou.total_cost.source.estimate,
        "EMSOU costs are estimates"
    );
    assert!(r
        .benefits_methodology
        .contains("NPCC / College of Policing / Home Office"));
}

#[test]
fn baseline_contributions_are_the_mtfp_collaboration_line() {
    // The baseline MTFP's collaboration line: £8.0m in 2021/22 grown with non-pay
    // inflation (4%, 7.5%, 3%, 2%). The register's totals reproduce it to the penny.
    let p = project(&nottinghamshire().unwrap(), &plan()).unwrap();
    let want = ["8000000", "8320000", "8944000", "9212320", "9396566.40"];
    for (year, want) in plan().into_iter().zip(want) {
        assert_eq!(p.force_contribution(year), Some(d(want)), "{year}");
        assert_eq!(p.realised_savings(year), Some(Decimal::ZERO), "{year}");
    }
    // MFSS: the force leaves on 1 April 2022; its exit costs fall in 2022/23.
    let mfss = p.collaborations.iter().find(|c| c.id == "mfss").unwrap();
    assert_eq!(mfss.years[0].force_share, dec!(300000));
    assert_eq!(mfss.years[1].months, 0);
    assert_eq!(mfss.years[1].force_contribution, dec!(300000));
    assert!(mfss.years[2..]
        .iter()
        .all(|y| y.force_contribution.is_zero()));
}
