//! Hand-computed workforce and Uplift cases, rule-table boundaries, and bad input.

use rust_decimal::dec;

use planner::model::dec::YearValues;
use planner::model::workforce::{
    self, baseline, Band, Group, GroupPlan, Intake, PayContext, RuleTable, UpliftPlan,
    WorkforcePlan,
};
use planner::model::FinancialYear;
use rust_decimal::Decimal;

use crate::util::d;

fn y(start: u16) -> FinancialYear {
    FinancialYear::new(start).unwrap()
}

fn years(from: u16, n: u16) -> Vec<FinancialYear> {
    (0..n).map(|i| y(from + i)).collect()
}

/// A group with no people, no rates and no flows: tests set what they need.
fn empty_group() -> GroupPlan {
    GroupPlan {
        opening_headcount: Decimal::ZERO,
        opening_fte: Decimal::ZERO,
        fte_per_head: Decimal::ONE,
        attrition_pct: Decimal::ZERO,
        retirements: YearValues::new(),
        intakes: vec![],
        serving_pay: Decimal::ZERO,
        recruit_pay: Decimal::ZERO,
        progression_years: 0,
        progression_pct: YearValues::new(),
        employer_ni_pct: YearValues::from_pairs([(y(2021), Decimal::ZERO)]),
        employer_pension_pct: YearValues::from_pairs([(y(2021), Decimal::ZERO)]),
        training_per_recruit: Decimal::ZERO,
    }
}

fn plan_with_officers(officers: GroupPlan) -> WorkforcePlan {
    WorkforcePlan {
        officers,
        staff: empty_group(),
        pcsos: empty_group(),
        ..WorkforcePlan::default()
    }
}

fn run(
    plan: &WorkforcePlan,
    ys: &[FinancialYear],
    awards: &YearValues,
) -> planner::model::ModelResult<workforce::WorkforceProjection> {
    workforce::project(
        plan,
        PayContext {
            years: ys,
            officer_award_pct: awards,
            staff_award_pct: awards,
        },
    )
}

#[test]
fn recruit_starting_in_october_costs_six_months() {
    // One recruit joins on 1 October 2021: 6 of 12 months of 2021/22.
    // Pay 24,000 × 6/12 = 12,000; NI 10% = 1,200; pension 31% = 3,720; training 4,000.
    // Total 20,920. In 2022/23 (no award, no drift) they are serving at 30,000 for the
    // whole year: 30,000 + 3,000 + 9,300 = 42,300.
    let officers = GroupPlan {
        intakes: vec![Intake {
            year: y(2021),
            start_month: 10,
            count: dec!(1),
        }],
        serving_pay: dec!(30000),
        recruit_pay: dec!(24000),
        employer_ni_pct: YearValues::from_pairs([(y(2021), dec!(10))]),
        employer_pension_pct: YearValues::from_pairs([(y(2019), dec!(31))]),
        training_per_recruit: dec!(4000),
        ..empty_group()
    };
    let p = run(
        &plan_with_officers(officers),
        &years(2021, 2),
        &YearValues::new(),
    )
    .unwrap();
    let first = p.row(Group::Officers, y(2021)).unwrap();
    assert_eq!(first.starters, dec!(1));
    assert_eq!(first.closing_headcount, dec!(1));
    assert_eq!(first.closing_fte, dec!(1));
    assert_eq!(first.average_fte, dec!(0.5));
    assert_eq!(first.pay, dec!(12000));
    assert_eq!(p.pay_cost(Group::Officers, y(2021)), Some(dec!(20920.00)));
    assert_eq!(p.pay_cost(Group::Officers, y(2022)), Some(dec!(42300.00)));
    assert_eq!(p.pay_cost(Group::Staff, y(2022)), Some(dec!(0.00)));
}

#[test]
fn recruits_climb_to_the_serving_average_in_equal_steps() {
    // A recruit joins in April 2021 on £20,000; serving average £40,000; four years to
    // reach it, so £25,000, £30,000, £35,000, then £40,000 in their fifth year. No awards,
    // no on-costs.
    let officers = GroupPlan {
        intakes: vec![Intake {
            year: y(2021),
            start_month: 4,
            count: dec!(1),
        }],
        serving_pay: dec!(40000),
        recruit_pay: dec!(20000),
        progression_years: 4,
        ..empty_group()
    };
    let p = run(
        &plan_with_officers(officers),
        &years(2021, 6),
        &YearValues::new(),
    )
    .unwrap();
    let costs: Vec<_> = years(2021, 6)
        .into_iter()
        .map(|yr| p.pay_cost(Group::Officers, yr).unwrap())
        .collect();
    let want = ["20000", "25000", "30000", "35000", "40000", "40000"];
    assert_eq!(costs, want.map(d).to_vec());
}

#[test]
fn start_month_convention() {
    let cases = [
        (4, 12),
        (5, 11),
        (9, 7),
        (10, 6),
        (12, 4),
        (1, 3),
        (2, 2),
        (3, 1),
    ];
    for (month, months) in cases {
        assert_eq!(
            workforce::months_in_post(month),
            Some(months),
            "month {month}"
        );
    }
    for bad in [0, 13, -1] {
        assert_eq!(workforce::months_in_post(bad), None);
    }
}

#[test]
fn september_pay_award_splits_seven_twelfths_five_twelfths() {
    // One serving officer on £40,000 in 2021/22. A 3% award on 1 September 2022 adds
    // 7/12 × 3% = 1.75% in 2022/23 (40,700) and the remaining 5/12 × 3% = 1.25% in
    // 2023/24 (40,700 × 1.0125 = 41,208.75).
    let officers = GroupPlan {
        opening_headcount: dec!(1),
        opening_fte: dec!(1),
        serving_pay: dec!(40000),
        ..empty_group()
    };
    let awards = YearValues::from_pairs([(y(2022), dec!(3))]);
    let p = run(&plan_with_officers(officers), &years(2021, 3), &awards).unwrap();
    let costs: Vec<_> = years(2021, 3)
        .into_iter()
        .map(|yr| p.pay_cost(Group::Officers, yr).unwrap())
        .collect();
    assert_eq!(costs, vec![dec!(40000.00), dec!(40700.00), dec!(41208.75)]);
}

#[test]
fn leavers_round_to_whole_people_and_leave_evenly() {
    // 110 officers, 5% attrition = 5.5 → 6 leavers (halves up); 105 × 5% = 5.25 → 5.
    // 100 heads, 90 FTE, 10% attrition: 10 leavers at 0.9 FTE each = 9 FTE; they leave
    // evenly, so serving FTE-years = 90 − 9/2 = 85.5.
    for (heads, fte, pct, leavers, avg) in [
        ("110", "110", "5", "6", "107"),
        ("105", "105", "5", "5", "102.5"),
        ("100", "90", "10", "10", "85.5"),
    ] {
        let officers = GroupPlan {
            opening_headcount: d(heads),
            opening_fte: d(fte),
            attrition_pct: d(pct),
            ..empty_group()
        };
        let p = run(
            &plan_with_officers(officers),
            &years(2021, 1),
            &YearValues::new(),
        )
        .unwrap();
        let r = p.row(Group::Officers, y(2021)).unwrap();
        assert_eq!(r.leavers, d(leavers), "{heads} at {pct}%");
        assert_eq!(r.average_fte, d(avg), "{heads} at {pct}%");
        assert_eq!(r.closing_headcount, d(heads) - d(leavers));
    }
}

fn uplift_2500() -> UpliftPlan {
    UpliftPlan {
        baseline_headcount: dec!(2000),
        allocation: YearValues::new(),
        targets: YearValues::from_pairs([(y(2022), dec!(2500))]),
        grant: YearValues::from_pairs([(y(2022), dec!(4900000))]),
        rules: vec![RuleTable::rule_2022_23(y(2020))],
    }
}

#[test]
fn a_year_at_96_and_at_80_percent_of_target() {
    // 2,400 of 2,500 = 96%: 90% of £4.9m paid = £4,410,000; £490,000 at risk.
    // 2,000 of 2,500 = 80%: taper 90% × (80 − 75) ÷ 20 = 22.5% paid = £1,102,500;
    // £3,797,500 at risk.
    for (actual, pct, paid, due, risk) in [
        ("2400", "96", "90", "4410000.00", "490000.00"),
        ("2000", "80", "22.5", "1102500.00", "3797500.00"),
    ] {
        let officers = GroupPlan {
            opening_headcount: d(actual),
            opening_fte: d(actual),
            ..empty_group()
        };
        let plan = WorkforcePlan {
            uplift: Some(uplift_2500()),
            ..plan_with_officers(officers)
        };
        let p = run(&plan, &years(2022, 1), &YearValues::new()).unwrap();
        let row = p.uplift_row(y(2022)).unwrap();
        assert_eq!(row.target, dec!(2500));
        assert_eq!(row.actual, d(actual));
        assert_eq!(row.achieved_pct, d(pct));
        assert_eq!(row.paid_pct, d(paid));
        assert_eq!(row.grant_due, d(due));
        assert_eq!(row.grant_at_risk, d(risk));
        assert_eq!(p.uplift_grant_due(y(2022)), Some(d(due)));
    }
}

#[test]
fn rule_table_boundaries() {
    let rule = RuleTable::rule_2022_23(y(2022));
    rule.validate("workforce.uplift.rules[0]").unwrap();
    let cases = [
        ("100", "100"),
        ("120", "100"),
        ("99.99", "90"),
        ("95", "90"),
        ("94.99", "89.955"),
        ("85", "45"),
        ("75", "0"),
        ("74.99", "0"),
        ("0", "0"),
    ];
    for (achieved, paid) in cases {
        assert_eq!(rule.paid_pct(d(achieved)).unwrap(), d(paid), "{achieved}%");
    }
}

#[test]
fn targets_from_allocations_then_maintenance() {
    let plan = UpliftPlan {
        baseline_headcount: dec!(2023),
        allocation: YearValues::from_pairs([
            (y(2020), dec!(107)),
            (y(2021), dec!(107)),
            (y(2022), dec!(143)),
        ]),
        targets: YearValues::from_pairs([(y(2023), dec!(2380)), (y(2024), dec!(2408))]),
        grant: YearValues::new(),
        rules: vec![RuleTable::rule_2022_23(y(2020))],
    };
    let want = [
        (2019, None),
        (2020, Some("2130")),
        (2021, Some("2237")),
        (2022, Some("2380")),
        (2023, Some("2380")),
        (2024, Some("2408")),
        (2025, Some("2408")),
    ];
    for (start, target) in want {
        assert_eq!(plan.target(y(start)).unwrap(), target.map(d), "{start}");
    }
}

fn error_path(plan: &WorkforcePlan) -> String {
    let err = run(plan, &years(2021, 2), &YearValues::new()).unwrap_err();
    assert!(!err.message.is_empty());
    err.path
}

#[test]
fn bad_input_names_the_field() {
    let base = baseline::nottinghamshire().unwrap();
    let mut cases: Vec<(WorkforcePlan, &str)> = Vec::new();

    let mut p = base.clone();
    p.officers.opening_headcount = dec!(-1);
    cases.push((p, "workforce.officers.opening_headcount"));

    let mut p = base.clone();
    p.officers.opening_headcount = dec!(2182.5);
    cases.push((p, "workforce.officers.opening_headcount"));

    let mut p = base.clone();
    p.officers.attrition_pct = dec!(100.01);
    cases.push((p, "workforce.officers.attrition_pct"));

    let mut p = base.clone();
    p.officers.attrition_pct = dec!(-1);
    cases.push((p, "workforce.officers.attrition_pct"));

    let mut p = base.clone();
    p.staff.opening_fte = p.staff.opening_headcount + Decimal::ONE;
    cases.push((p, "workforce.staff.opening_fte"));

    let mut p = base.clone();
    p.staff.fte_per_head = dec!(1.1);
    cases.push((p, "workforce.staff.fte_per_head"));

    for month in [0, 13] {
        let mut p = base.clone();
        if let Some(first) = p.pcsos.intakes.first_mut() {
            first.start_month = month;
        }
        cases.push((p, "workforce.pcsos.intakes[0].start_month"));
    }

    let mut p = base.clone();
    p.officers.retirements.set(y(2021), dec!(3000));
    cases.push((p, "workforce.officers.retirements"));

    let mut p = base.clone();
    p.officers.employer_pension_pct = YearValues::from_pairs([(y(2024), dec!(35.3))]);
    cases.push((p, "workforce.officers.employer_pension_pct"));

    let mut p = base.clone();
    p.staff.employer_ni_pct.set(y(2023), dec!(150));
    cases.push((p, "workforce.staff.employer_ni_pct"));

    // Overlapping bands: the third starts at 90% but the second runs to 95%.
    let mut p = base.clone();
    if let Some(u) = p.uplift.as_mut() {
        if let Some(b) = u.rules.first_mut().and_then(|t| t.bands.get_mut(2)) {
            b.from_pct = dec!(90);
        }
    }
    cases.push((p, "workforce.uplift.rules[0].bands[2].from_pct"));

    // Unordered bands: highest first.
    let mut p = base.clone();
    if let Some(u) = p.uplift.as_mut() {
        if let Some(t) = u.rules.first_mut() {
            t.bands.reverse();
        }
    }
    cases.push((p, "workforce.uplift.rules[0].bands[0].from_pct"));

    // A gap between bands.
    let mut p = base.clone();
    if let Some(u) = p.uplift.as_mut() {
        if let Some(t) = u.rules.first_mut() {
            t.bands.remove(1);
        }
    }
    cases.push((p, "workforce.uplift.rules[0].bands[1].from_pct"));

    // A band that ends before it starts.
    let mut p = base.clone();
    if let Some(u) = p.uplift.as_mut() {
        if let Some(t) = u.rules.first_mut() {
            t.bands = vec![
                Band {
                    from_pct: dec!(0),
                    to_pct: Some(dec!(0)),
                    paid_pct: dec!(0),
                    taper_to_pct: None,
                },
                Band {
                    from_pct: dec!(0),
                    to_pct: None,
                    paid_pct: dec!(100),
                    taper_to_pct: None,
                },
            ];
        }
    }
    cases.push((p, "workforce.uplift.rules[0].bands[0].to_pct"));

    let mut p = base.clone();
    if let Some(u) = p.uplift.as_mut() {
        u.targets.set(y(2023), Decimal::ZERO);
    }
    cases.push((p, "workforce.uplift.targets"));

    for (plan, want) in &cases {
        assert_eq!(error_path(plan), *want);
    }
}

#[test]
fn huge_figures_overflow_as_errors() {
    let mut p = baseline::nottinghamshire().unwrap();
    p.officers.serving_pay = Decimal::MAX;
    let err = run(&p, &years(2021, 2), &YearValues::new()).unwrap_err();
    assert!(err.path.starts_with("workforce.officers"), "{err}");

    let mut p = baseline::nottinghamshire().unwrap();
    p.officers.progression_pct = YearValues::from_pairs([(y(2022), dec!(50))]);
    let awards = YearValues::from_pairs((2021..2098).map(|s| (y(s), dec!(1000000000))));
    assert!(run(&p, &years(2021, 10), &awards).is_err());
}

#[test]
fn bad_json_is_an_error_not_a_panic() {
    let text = baseline::NOTTINGHAMSHIRE_JSON;
    for bad in [
        &text[..text.len() / 2],
        r#"{"officers": {}}"#,
        &text.replacen(
            "\"opening_headcount\":\"2182\"",
            "\"opening_headcount\":2182",
            1,
        ),
        &text.replacen(
            "\"attrition_pct\":\"3.0\"",
            "\"attrition_pct\":\"3.0\",\"bonus\":\"1\"",
            1,
        ),
        &text.replacen("\"start_month\":5", "\"start_month\":\"May\"", 1),
    ] {
        let err = baseline::from_json(bad).unwrap_err();
        assert_eq!(err.path, "workforce");
    }
}

#[test]
fn plan_round_trips_through_json() {
    let plan = baseline::nottinghamshire().unwrap();
    let text = planner::model::json::to_string(&plan.to_node());
    assert_eq!(baseline::from_json(&text).unwrap(), plan);
}
