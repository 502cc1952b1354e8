//! Hand-computed projections: every expected figure below was worked out on paper from
//! docs/model.md, not taken from the engine.

use crate::util::engine::{fy, scenario, small};
use planner::model::dec::YearValues;
use planner::model::engine::{effective_pay_award, project};
use planner::model::At;
use rust_decimal::dec;
use serde_json::json;

#[test]
fn pay_award_falls_seven_twelfths_in_its_own_year_and_five_twelfths_in_the_next() {
    let awards = YearValues::from_pairs([(fy("2022/23"), dec!(5)), (fy("2023/24"), dec!(7))]);
    let at = At::new("test", None);
    // (7 × 7 + 5 × 5) ÷ 12 = 74/12 = 6.1666…%
    let e = effective_pay_award(&at, &awards, fy("2023/24")).unwrap();
    assert_eq!((e * dec!(12)).round_dp(20), dec!(74));
    // (7 × 0 + 5 × 7) ÷ 12 = 35/12 %
    let e = effective_pay_award(&at, &awards, fy("2024/25")).unwrap();
    assert_eq!((e * dec!(12)).round_dp(20), dec!(35));
    // First year of an award with none before it: 7/12 of 5% = 2.91666…%
    let e = effective_pay_award(&at, &awards, fy("2022/23")).unwrap();
    assert_eq!((e * dec!(12)).round_dp(20), dec!(35));
}

#[test]
fn small_scenario_by_hand() {
    let p = project(&scenario(&small())).unwrap();
    let years: Vec<String> = p.years.iter().map(|y| y.year.to_string()).collect();
    assert_eq!(
        years,
        ["2022/23", "2023/24", "2024/25", "2025/26", "2026/27"]
    );

    // Officer pay: 120,000 × (1 + 74/1200) = 127,400; then × (1 + 35/1200) = 131,115.833…
    let officers: Vec<_> = p
        .years
        .iter()
        .map(|y| y.expenditure_line("officers").unwrap().amount)
        .collect();
    assert_eq!(
        officers,
        [
            dec!(120000),
            dec!(127400),
            dec!(131115.83),
            dec!(131115.83),
            dec!(131115.83)
        ]
    );
    // ICT: 10% inflation in 2023/24 only.
    let y = p.year(fy("2023/24")).unwrap();
    assert_eq!(y.expenditure_line("ict").unwrap().amount, dec!(1100));

    // Base year: 121,000 spent, 100,000 grant + 105 × £200 precept = 121,000: balanced.
    let base = p.base_year().unwrap();
    assert_eq!(base.total_expenditure, dec!(121000));
    assert_eq!(base.precept.income, dec!(21000));
    assert_eq!(base.total_funding, dec!(121000));
    assert_eq!(base.gap, dec!(0));

    assert_eq!(y.total_expenditure, dec!(128500));
    assert_eq!(y.gap, dec!(7500));
    assert_eq!(y.cumulative_gap, dec!(7500));
    let y3 = p.year(fy("2024/25")).unwrap();
    assert_eq!(y3.gap, dec!(11215.83));
    assert_eq!(y3.cumulative_gap, dec!(18715.83));
    // Three more years at 11,215.83: 7,500 + 3 × 11,215.83 = 41,147.49.
    assert_eq!(p.cumulative_gap(), dec!(41147.49));
    assert_eq!(p.final_recurring_gap(), dec!(11215.83));

    // Reserves: £5,000 general, no planned use, so the gap falls on it:
    // 5,000 − 7,500 = −2,500 < floor 2% × 128,500 = 2,570.
    assert_eq!(y.reserves.general, dec!(-2500));
    assert_eq!(y.reserves.floor, dec!(2570));
    assert!(!base.reserves.floor_breached);
    assert_eq!(p.first_floor_breach(), Some(fy("2023/24")));
    assert!(p.warnings.iter().any(|w| w.path == "reserves.general"));
}

#[test]
fn precept_by_hand() {
    let mut s = small();
    s["precept"] = json!({
        "band_d": {"value": "200", "source": crate::util::engine::src()},
        "rise_gbp": {"value": {"2023/24": "5"}, "source": crate::util::engine::src()},
        "rise_pct": {"value": {"2024/25": "2.5"}, "source": crate::util::engine::src()},
        "tax_base": {"value": "1000.5", "source": crate::util::engine::src()},
        "tax_base_growth_pct": {"value": {"2023/24": "1"}, "source": crate::util::engine::src()},
        "referendum_limit_gbp": {"value": {"2023/24": "4.99", "2024/25": "6"}, "source": crate::util::engine::src()}
    });
    let p = project(&scenario(&s)).unwrap();

    let y = &p.year(fy("2023/24")).unwrap().precept;
    // Band D 200 + 5 = 205; tax base 1000.5 × 1.01 = 1010.505;
    // income 1010.505 × 205 = 207,153.525 → 207,153.53 (half away from zero).
    assert_eq!(y.band_d, dec!(205));
    assert_eq!(y.tax_base, dec!(1010.51));
    assert_eq!(y.income, dec!(207153.53));
    assert_eq!(y.rise_gbp, dec!(5));
    assert_eq!(y.rise_pct, dec!(2.5));
    // 205 ÷ 52 = 3.9423… → 3.94
    assert_eq!(y.band_d_per_week, dec!(3.94));
    assert!(y.exceeds_referendum_limit);
    assert_eq!(y.referendum_limit_gbp, Some(dec!(4.99)));

    // A % rise: 205 × 1.025 = 210.125 → 210.13; rise £5.13 is within the £6 limit.
    let y = &p.year(fy("2024/25")).unwrap().precept;
    assert_eq!(y.band_d, dec!(210.13));
    assert_eq!(y.rise_gbp, dec!(5.13));
    assert!(!y.exceeds_referendum_limit);
    // 1010.505 × 210.13 = 212,206.05 + 131.36565 = 212,337.41565 → 212,337.42
    assert_eq!(y.income, dec!(212337.42));
    let referendum: Vec<_> = p
        .warnings
        .iter()
        .filter(|w| w.path == "precept.rise_gbp")
        .collect();
    assert_eq!(referendum.len(), 1);
    assert_eq!(referendum[0].year, Some(fy("2023/24")));
}

#[test]
fn drivers_pressures_savings_and_reserves_by_hand() {
    let mut s = small();
    s["expenditure"] = json!([
        {"id": "flat", "name": "Flat", "category": "other", "base_amount": "1000",
         "driver": {"kind": "flat_cash"}, "pressures": {"2024/25": "50"}, "source": crate::util::engine::src()},
        {"id": "grow", "name": "Grow", "category": "premises", "base_amount": "1000",
         "driver": {"kind": "growth", "growth_pct": {"2023/24": "10", "2024/25": "-50"}},
         "pressures": {"2023/24": "0.004"}, "source": crate::util::engine::src()},
        {"id": "fixed", "name": "Fixed", "category": "capital_financing", "base_amount": "10",
         "driver": {"kind": "explicit", "amounts": {"2023/24": "20", "2024/25": "30", "2026/27": "50"}},
         "source": crate::util::engine::src()}
    ]);
    s["funding"] = json!([
        {"id": "grant", "name": "Grant", "category": "core_police_grant", "base_amount": "1000",
         "driver": {"kind": "growth", "growth_pct": {"2023/24": "2"}}, "source": crate::util::engine::src()}
    ]);
    s["precept"]["tax_base"]["value"] = json!("5.05");
    s["savings"] = json!([
        {"id": "r", "name": "Recurring", "kind": "recurring", "amounts": {"2023/24": "100", "2025/26": "10"}, "source": crate::util::engine::src()},
        {"id": "o", "name": "One-off", "kind": "one_off", "amounts": {"2024/25": "30"}, "source": crate::util::engine::src()}
    ]);
    s["reserves"]["planned_use_general"] =
        json!({"value": {"2023/24": "40"}, "source": crate::util::engine::src()});
    s["reserves"]["planned_use_earmarked"] =
        json!({"value": {"2024/25": "-25"}, "source": crate::util::engine::src()});
    let p = project(&scenario(&s)).unwrap();

    // Base: 1000 + 1000 + 10 = 2010 spent; 1000 + 5.05 × 200 = 2010 funded.
    let base = p.base_year().unwrap();
    assert_eq!(base.gross_expenditure, dec!(2010));
    assert_eq!(base.total_funding, dec!(2010));
    assert_eq!(base.gap, dec!(0));

    // 2023/24: flat 1000; grow 1000 × 1.1 + 0.004 = 1100.004 → 1100.00; fixed 20.
    // Gross 2120, less recurring savings 100 = 2020. Funding 1020 + 1010 = 2030. Gap −10.
    let y = p.year(fy("2023/24")).unwrap();
    assert_eq!(y.expenditure_line("grow").unwrap().amount, dec!(1100));
    assert_eq!(y.gross_expenditure, dec!(2120));
    assert_eq!(y.savings.recurring, dec!(100));
    assert_eq!(y.total_expenditure, dec!(2020));
    assert_eq!(y.total_funding, dec!(2030));
    assert_eq!(y.gap, dec!(-10));
    // Planned use of general reserve 40 against a gap of −10: 50 still to find is −50.
    assert_eq!(y.reserves_applied, dec!(40));
    assert_eq!(y.savings_still_to_find, dec!(-50));
    // General: 5000 − 40 − (−50) = 5010.
    assert_eq!(y.reserves.general, dec!(5010));

    // 2024/25: flat 1000 + 50 = 1050; grow 1100.004 × 0.5 = 550.002 → 550.00; fixed 30.
    // Gross 1630; savings 100 recurring + 30 one-off; net 1500. Funding 2030. Gap −530.
    let y = p.year(fy("2024/25")).unwrap();
    assert_eq!(y.expenditure_line("flat").unwrap().amount, dec!(1050));
    assert_eq!(y.expenditure_line("grow").unwrap().amount, dec!(550));
    assert_eq!(y.savings.one_off, dec!(30));
    assert_eq!(y.savings.total, dec!(130));
    assert_eq!(y.total_expenditure, dec!(1500));
    assert_eq!(y.gap, dec!(-530));
    // Recurring gap: the one-off saving does not recur.
    assert_eq!(y.recurring_gap, dec!(-500));
    assert_eq!(y.cumulative_gap, dec!(-540));
    // Earmarked: 0 − (−25) = 25 (a contribution). Still to find: −530 − (−25) = −505.
    assert_eq!(y.reserves.earmarked, dec!(25));
    assert_eq!(y.savings_still_to_find, dec!(-505));
    assert_eq!(y.reserves.general, dec!(5515));
    assert_eq!(y.reserves.total, dec!(5540));

    // Earmarked reserves are never overdrawn here, so no warning about them.
    assert!(p
        .warnings
        .iter()
        .all(|w| w.path != "reserves.planned_use_earmarked"));

    // 2025/26: recurring savings 110 in force; the explicit line keeps 2024/25's 30.
    let y = p.year(fy("2025/26")).unwrap();
    assert_eq!(y.expenditure_line("fixed").unwrap().amount, dec!(30));
    let last = p.final_year().unwrap();
    assert_eq!(last.expenditure_line("fixed").unwrap().amount, dec!(50));
    assert_eq!(y.savings.recurring, dec!(110));
    assert_eq!(y.savings.one_off, dec!(0));
}

#[test]
fn overdrawn_earmarked_reserves_are_a_warning() {
    let mut s = small();
    s["reserves"]["earmarked_opening"]["value"] = json!("100");
    s["reserves"]["planned_use_earmarked"] = json!({"value": {"2023/24": "60", "2024/25": "60", "2025/26": "60"}, "source": crate::util::engine::src()});
    let p = project(&scenario(&s)).unwrap();
    assert_eq!(p.year(fy("2024/25")).unwrap().reserves.earmarked, dec!(-20));
    let warnings: Vec<_> = p
        .warnings
        .iter()
        .filter(|w| w.path == "reserves.planned_use_earmarked")
        .collect();
    // Once, in the first year it happens.
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].year, Some(fy("2024/25")));
}
