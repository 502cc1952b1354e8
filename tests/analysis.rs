//! Goal seek and sensitivity (issue 15, docs/analysis.md): every target × lever on the
//! baseline against answers checked by hand and by projecting scenarios built without the
//! analysis code; a non-monotone question refused; an unreachable one with its shortfall;
//! every sensitivity row equal to a projection of the scenario with that one change; the
//! budget book's table; and `mtfp solve` / `mtfp sensitivity`.

use std::ffi::OsString;

use planner::model::analysis::goal_seek::{solve, Bound, Lever, Question, SolveError, Target};
use planner::model::analysis::sensitivity::{
    budget_book, sensitivity, BookLine, Direction, Measure, Swings,
};
use planner::model::dec::YearValues;
use planner::model::engine::{self, Projection};
use planner::model::registry::{Change, Kind};
use planner::model::scenario::{Saving, SavingKind};
use planner::model::workforce::Intake;
use planner::model::{baseline, round_money, FinancialYear, Scenario};
use rust_decimal::dec;
use rust_decimal::Decimal;

fn y(s: &str) -> FinancialYear {
    s.parse().unwrap()
}

fn base() -> Scenario {
    baseline::nottinghamshire().unwrap()
}

/// Years of the plan from `from` to the end.
fn years_from(s: &Scenario, from: FinancialYear) -> Vec<FinancialYear> {
    s.horizon
        .year_list()
        .into_iter()
        .filter(|x| *x >= from)
        .collect()
}

/// The baseline with lever `lever` at `v` from `from`, made by hand: each table set
/// directly, not through the registry or the analysis code.
fn by_hand(lever: Lever, from: FinancialYear, v: Decimal) -> Scenario {
    let mut s = base();
    let later = years_from(&s, from);
    match lever {
        Lever::PreceptGbp => {
            for &x in &later {
                s.precept.rise_gbp.value.set(x, v);
                s.precept.rise_pct.value.0.remove(&x);
            }
        }
        Lever::PreceptPct => {
            for &x in &later {
                s.precept.rise_pct.value.set(x, v);
                s.precept.rise_gbp.value.0.remove(&x);
            }
        }
        Lever::Savings => {
            let mut amounts = YearValues::new();
            amounts.set(from, v);
            s.savings.push(Saving {
                id: "by_hand".into(),
                name: "By hand".into(),
                kind: SavingKind::Recurring,
                amounts,
                delivery: None,
                source: Default::default(),
            });
        }
        Lever::PayAward => {
            s.assumptions.officer_pay_award_pct.value.set(from, v);
            s.assumptions.staff_pay_award_pct.value.set(from, v);
        }
        Lever::GrantGrowth => {
            for line in &mut s.funding {
                if let planner::model::scenario::FundingDriver::Growth { growth_pct } =
                    &mut line.driver
                {
                    for &x in &later {
                        growth_pct.set(x, v);
                    }
                }
            }
        }
        Lever::OfficerIntake => {
            // The registry's spread, restated: in proportion to the year's intakes, whole
            // people, the remainder to the earliest.
            let w = s.workforce.as_mut().unwrap();
            for &x in &later {
                let idx: Vec<usize> = (0..w.officers.intakes.len())
                    .filter(|&i| w.officers.intakes[i].year == x)
                    .collect();
                let total: Decimal = idx.iter().map(|&i| w.officers.intakes[i].count).sum();
                let mut given = Decimal::ZERO;
                for &i in &idx {
                    let share = (v * w.officers.intakes[i].count / total).floor();
                    w.officers.intakes[i].count = share;
                    given += share;
                }
                let mut left = v - given;
                for &i in &idx {
                    if left <= Decimal::ZERO {
                        break;
                    }
                    w.officers.intakes[i].count += Decimal::ONE;
                    left -= Decimal::ONE;
                }
            }
        }
        Lever::Reserves => {
            for &x in &later {
                s.reserves.planned_use_general.value.set(x, v);
            }
        }
    }
    s
}

/// The target's shortfall in a projection, restated from docs/analysis.md §1.1.
fn shortfall(t: Target, p: &Projection) -> Decimal {
    match t {
        Target::AnnualGap(year) => p.year(year).unwrap().gap,
        Target::CumulativeGap => p.cumulative_gap(),
        Target::ReserveFloor => p
            .years
            .iter()
            .map(|x| x.reserves.floor - x.reserves.general)
            .max()
            .unwrap(),
        Target::StillToFind { year, amount } => {
            p.year(year).unwrap().savings_still_to_find - amount
        }
    }
}

fn step(lever: Lever) -> Decimal {
    match lever {
        Lever::OfficerIntake => Decimal::ONE,
        _ => dec!(0.01),
    }
}

fn targets() -> [Target; 4] {
    [
        Target::AnnualGap(y("2023/24")),
        Target::CumulativeGap,
        Target::ReserveFloor,
        Target::StillToFind {
            year: y("2024/25"),
            amount: dec!(1000000),
        },
    ]
}

/// What each target × lever gives on the baseline, from 2023/24: the answer, or `None` when
/// it cannot be reached. Each reachable answer is checked below by projecting the baseline
/// changed by hand at the answer (met) and one step beyond it (missed). The savings and
/// reserves answers, and the precept's annual gap, are also worked out by hand below.
const EXPECTED: [[Option<&str>; 7]; 4] = [
    // precept-gbp, precept-pct, savings, pay-award, grant-growth, officer-intake, reserves
    [
        Some("17.63"),
        Some("6.94"),
        Some("892549.07"),
        Some("6.22"),
        Some("3.63"),
        None,
        None,
    ],
    [
        Some("18.11"),
        Some("6.81"),
        Some("2696230.92"),
        Some("5.52"),
        Some("4.04"),
        Some("56"),
        None,
    ],
    [
        Some("18.23"),
        Some("6.91"),
        Some("2749784.92"),
        Some("5.50"),
        Some("4.32"),
        Some("24"),
        None,
    ],
    [
        Some("16.63"),
        Some("6.34"),
        Some("1797013.53"),
        Some("6.15"),
        Some("4.33"),
        Some("68"),
        Some("1797013.53"),
    ],
];

#[test]
fn every_target_and_lever_on_the_baseline() {
    let s = base();
    let from = y("2023/24");
    for (t, row) in targets().into_iter().zip(EXPECTED) {
        for (lever, expected) in Lever::ALL.into_iter().zip(row) {
            let q = Question {
                target: t,
                lever,
                from,
            };
            let a = solve(&s, &q).unwrap_or_else(|e| panic!("{q:?}: {e}"));
            let what = format!("{} × {}", t.key(), lever.key());
            match expected {
                Some(v) => {
                    assert!(a.reachable, "{what}: {a:?}");
                    assert_eq!(a.value.to_string(), v, "{what}");
                    assert_eq!(a.shortfall, Decimal::ZERO, "{what}");
                    // Met at the answer, missed one step beyond, in scenarios made by hand.
                    let beyond = match a.bound {
                        Bound::Smallest => a.value - step(lever),
                        Bound::Largest => a.value + step(lever),
                    };
                    let at = engine::project(&by_hand(lever, from, a.value)).unwrap();
                    let miss = engine::project(&by_hand(lever, from, beyond)).unwrap();
                    assert!(
                        shortfall(t, &at) <= Decimal::ZERO,
                        "{what}: met at {}",
                        a.value
                    );
                    assert!(
                        shortfall(t, &miss) > Decimal::ZERO,
                        "{what}: missed at {beyond}"
                    );
                    assert_eq!(a.miss, Some((beyond, shortfall(t, &miss))), "{what}");
                    // The answer's own projection is the hand-made scenario's.
                    if lever != Lever::Savings {
                        assert_eq!(a.projection.years, at.years, "{what}");
                    }
                    let expected_bound = match lever {
                        Lever::PayAward | Lever::OfficerIntake => Bound::Largest,
                        _ => Bound::Smallest,
                    };
                    assert_eq!(a.bound, expected_bound, "{what}");
                }
                None => assert!(!a.reachable, "{what}: {a:?}"),
            }
        }
    }
}

#[test]
fn answers_worked_out_by_hand() {
    let s = base();
    let p = engine::project(&s).unwrap();
    let from = y("2023/24");
    let ask = |target, lever| {
        solve(
            &s,
            &Question {
                target,
                lever,
                from,
            },
        )
        .unwrap()
    };
    // A recurring saving from 2023/24 lowers the 2023/24 gap pound for pound: the answer is
    // that gap, £892,549.07.
    let gap = p.year(from).unwrap().gap;
    assert_eq!(gap, dec!(892549.07));
    assert_eq!(ask(Target::AnnualGap(from), Lever::Savings).value, gap);
    // It lowers the gap of 2023/24, 2024/25 and 2025/26 alike: a third of the cumulative gap
    // £8,088,692.75 (the 2022/23 surplus included), rounded up to the penny.
    let third = p.cumulative_gap() / dec!(3);
    assert_eq!(
        ask(Target::CumulativeGap, Lever::Savings).value,
        third.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::ToPositiveInfinity)
    );
    // Still to find in 2024/25 at most £1m: £2,797,013.53 less £1m, by savings or by using
    // the general reserve alike.
    let stf = p.year(y("2024/25")).unwrap().savings_still_to_find;
    let t = Target::StillToFind {
        year: y("2024/25"),
        amount: dec!(1000000),
    };
    assert_eq!(ask(t, Lever::Savings).value, stf - dec!(1000000));
    assert_eq!(ask(t, Lever::Reserves).value, stf - dec!(1000000));
    // The 2023/24 gap by a Band D rise: income rises by the tax base T × the extra rise, so
    // the rise must be at least 14.94 + gap ÷ T: £14.94 + £2.681… = £17.63 to the penny up.
    let tax_base = dec!(327130) * dec!(1.01) * dec!(1.0076);
    let need = dec!(14.94) + gap / tax_base;
    assert_eq!(
        ask(Target::AnnualGap(from), Lever::PreceptGbp).value,
        need.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::ToPositiveInfinity)
    );
}

#[test]
fn the_precept_answer_closes_the_gap_and_one_penny_less_does_not() {
    // The PCC's question: what Band D rise from 2023/24 closes the cumulative gap?
    let from = y("2023/24");
    let a = solve(
        &base(),
        &Question {
            target: Target::CumulativeGap,
            lever: Lever::PreceptGbp,
            from,
        },
    )
    .unwrap();
    assert_eq!(a.value, dec!(18.11));
    let closes = engine::project(&by_hand(Lever::PreceptGbp, from, dec!(18.11))).unwrap();
    let short = engine::project(&by_hand(Lever::PreceptGbp, from, dec!(18.10))).unwrap();
    assert!(closes.cumulative_gap() <= Decimal::ZERO);
    assert_eq!(short.cumulative_gap(), dec!(17817.08));
    assert_eq!(a.scenario, by_hand(Lever::PreceptGbp, from, dec!(18.11)));
    // A Band D of £272.36, £290.47, £308.58: above the £15 and £13 limits; none for 2025/26.
    let r = a.referendum.unwrap();
    let rows: Vec<(String, Decimal, Option<Decimal>, bool, Decimal)> = r
        .years
        .iter()
        .map(|x| {
            (
                x.year.to_string(),
                x.band_d,
                x.limit,
                x.exceeds,
                x.within_rise,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "2023/24".into(),
                dec!(272.36),
                Some(dec!(15.00)),
                true,
                dec!(15.00)
            ),
            (
                "2024/25".into(),
                dec!(290.47),
                Some(dec!(13.00)),
                true,
                dec!(13.00)
            ),
            ("2025/26".into(), dec!(308.58), None, false, dec!(18.11)),
        ]
    );
    assert!(r.breached());
    // Within the limits: £15.00, £13.00 and £18.11 leave a gap, as projecting it by hand shows.
    let mut within = by_hand(Lever::PreceptGbp, from, dec!(18.11));
    within.precept.rise_gbp.value.set(y("2023/24"), dec!(15));
    within.precept.rise_gbp.value.set(y("2024/25"), dec!(13));
    let left = engine::project(&within).unwrap().cumulative_gap();
    assert_eq!(left, dec!(6588381.29));
    assert!(!r.within.reachable);
    assert_eq!(r.within.shortfall, left);
    // A rise within every limit reports itself as the best within the limits.
    let a = solve(
        &base(),
        &Question {
            target: Target::AnnualGap(y("2025/26")),
            lever: Lever::PreceptGbp,
            from: y("2025/26"),
        },
    )
    .unwrap();
    let r = a.referendum.unwrap();
    assert!(!r.breached());
    assert!(r.within.reachable);
    assert_eq!(r.within.scenario, a.scenario);
}

#[test]
fn an_unreachable_target_says_by_how_much_it_falls_short() {
    let s = base();
    let from = y("2023/24");
    // Recruiting no officers at all from 2023/24 still leaves a 2023/24 gap (the Uplift
    // grant is lost as the headcount falls): £30,728.20 at 0 officers.
    let a = solve(
        &s,
        &Question {
            target: Target::AnnualGap(from),
            lever: Lever::OfficerIntake,
            from,
        },
    )
    .unwrap();
    assert!(!a.reachable);
    assert_eq!(a.value, Decimal::ZERO);
    assert_eq!(a.bound, Bound::Largest);
    let zero = engine::project(&by_hand(Lever::OfficerIntake, from, Decimal::ZERO)).unwrap();
    assert_eq!(a.shortfall, zero.year(from).unwrap().gap);
    assert_eq!(a.shortfall, dec!(30728.20));
    assert!(a.moves);
    // Planned use of the general reserve does not move the gap at all.
    let a = solve(
        &s,
        &Question {
            target: Target::CumulativeGap,
            lever: Lever::Reserves,
            from,
        },
    )
    .unwrap();
    assert!(!a.reachable);
    assert!(!a.moves);
    assert_eq!(a.shortfall, dec!(8088692.75));
}

#[test]
fn a_target_that_is_not_monotone_in_the_lever_is_refused() {
    // With £1m more recurring savings from 2023/24 the cumulative gap crosses £0 where
    // recruiting one more officer in 2023/24 brings back Uplift grant: 74 officers a year
    // meet it, 75 miss it, 76 meet it again. The search must not answer.
    let mut s = base();
    let mut amounts = YearValues::new();
    amounts.set(y("2023/24"), dec!(1000000));
    s.savings.push(Saving {
        id: "extra".into(),
        name: "Extra".into(),
        kind: SavingKind::Recurring,
        amounts,
        delivery: None,
        source: Default::default(),
    });
    let q = Question {
        target: Target::CumulativeGap,
        lever: Lever::OfficerIntake,
        from: y("2023/24"),
    };
    let e = solve(&s, &q).unwrap_err();
    let SolveError::NotMonotone { points, .. } = &e else {
        panic!("{e:?}")
    };
    // The three values it names are in order and really turn.
    let [(a, ma), (b, mb), (c, mc)] = *points;
    assert!(a < b && b < c, "{points:?}");
    assert!(mb > ma && mc < mb, "{points:?}");
    let text = e.to_string();
    assert!(
        text.starts_with("the target does not move one way as the lever moves"),
        "{text}"
    );
    assert!(text.contains("(it rises, then falls)"), "{text}");
    // Each figure it names is the projection's.
    for (v, m) in [(a, ma), (b, mb), (c, mc)] {
        let mut t = s.clone();
        let spread = by_hand(Lever::OfficerIntake, y("2023/24"), v);
        t.workforce = spread.workforce;
        assert_eq!(engine::project(&t).unwrap().cumulative_gap(), m);
    }
}

#[test]
fn questions_that_do_not_fit_the_scenario_are_refused() {
    let s = base();
    let ask = |target, lever, from| {
        solve(
            &s,
            &Question {
                target,
                lever,
                from,
            },
        )
    };
    let e = ask(Target::CumulativeGap, Lever::Savings, y("2021/22")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "the lever moves from a year of the plan after the base year (2022/23 to 2025/26); 2021/22 is not one"
    );
    let e = ask(
        Target::AnnualGap(y("2030/31")),
        Lever::Savings,
        y("2022/23"),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "2030/31 is not a year of the plan (2021/22 to 2025/26)"
    );
    let mut no_workforce = base();
    no_workforce.workforce = None;
    no_workforce
        .expenditure
        .retain(|l| !matches!(l.driver, planner::model::scenario::Driver::Workforce { .. }));
    no_workforce.funding.retain(|l| {
        !matches!(
            l.driver,
            planner::model::scenario::FundingDriver::UpliftGrant
        )
    });
    let e = solve(
        &no_workforce,
        &Question {
            target: Target::CumulativeGap,
            lever: Lever::OfficerIntake,
            from: y("2023/24"),
        },
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "this scenario has no workforce plan, so no officer intake"
    );
}

#[test]
fn the_savings_lever_adds_a_saving_of_its_own() {
    let s = base();
    let a = solve(
        &s,
        &Question {
            target: Target::CumulativeGap,
            lever: Lever::Savings,
            from: y("2023/24"),
        },
    )
    .unwrap();
    let added = a.scenario.savings.last().unwrap();
    assert_eq!(added.id, "goal_seek");
    assert_eq!(added.kind, SavingKind::Recurring);
    assert_eq!(added.amounts.get(y("2023/24")), Some(dec!(2696230.92)));
    assert!(added.source.estimate);
    // Asked again of the solved scenario, the next saving gets an id of its own, and none
    // is needed.
    let again = solve(
        &a.scenario,
        &Question {
            target: Target::CumulativeGap,
            lever: Lever::Savings,
            from: y("2023/24"),
        },
    )
    .unwrap();
    assert_eq!(again.value, dec!(0.00));
    assert_eq!(again.scenario.savings.last().unwrap().id, "goal_seek_2");
    assert!(again.miss.is_none(), "met across the whole range");
}

#[test]
fn every_sensitivity_row_is_a_projection_with_that_one_change() {
    let s = base();
    let sens = sensitivity(&s, &Swings::registry()).unwrap();
    let plan = engine::project(&s).unwrap();
    assert_eq!(sens.from, y("2022/23"));
    assert_eq!(sens.plan.cumulative_gap, plan.cumulative_gap());
    assert_eq!(sens.rows.len() % 2, 0);
    let mut moved_count = 0;
    for r in &sens.rows {
        let mut moved = s.clone();
        let made = r.assumption.shift(&mut moved, r.change, sens.from);
        match (&r.outcome, made) {
            (Ok(f), Ok(())) => {
                let p = engine::project(&moved).unwrap();
                assert_eq!(f.cumulative_gap, p.cumulative_gap(), "{}", r.key);
                assert_eq!(
                    f.final_general_reserve,
                    p.final_year().unwrap().reserves.general,
                    "{}",
                    r.key
                );
                moved_count += 1;
            }
            (Err(a), Err(b)) => assert_eq!(a, &b),
            (a, b) => panic!("{}: {a:?} against {b:?}", r.key),
        }
        let swing = Swings::registry().get(r.assumption.kind).unwrap();
        let expected = match r.direction {
            Direction::Low => swing.negated(),
            Direction::High => swing,
        };
        assert_eq!(r.change, expected);
    }
    assert!(moved_count > 40, "{moved_count}");
    // Two rows checked against changes made by hand: officer pay award one point higher
    // in 2022/23 to 2025/26, and the core grant's growth one point lower.
    let row = |key: &str, d: Direction| {
        sens.rows
            .iter()
            .find(|r| r.key == key && r.direction == d)
            .unwrap()
            .outcome
            .clone()
            .unwrap()
    };
    let mut by_hand = s.clone();
    for x in years_from(&s, y("2022/23")) {
        let v = by_hand
            .assumptions
            .officer_pay_award_pct
            .value
            .get_or_zero(x);
        by_hand
            .assumptions
            .officer_pay_award_pct
            .value
            .set(x, v + Decimal::ONE);
    }
    assert_eq!(
        row("officer_pay_award", Direction::High).cumulative_gap,
        engine::project(&by_hand).unwrap().cumulative_gap()
    );
    let mut by_hand = s.clone();
    for line in &mut by_hand.funding {
        if line.id == "core_police_grant" {
            if let planner::model::scenario::FundingDriver::Growth { growth_pct } = &mut line.driver
            {
                for x in years_from(&s, y("2022/23")) {
                    let v = growth_pct.get_or_zero(x);
                    growth_pct.set(x, v - Decimal::ONE);
                }
            }
        }
    }
    assert_eq!(
        row("funding_growth[core_police_grant]", Direction::Low).cumulative_gap,
        engine::project(&by_hand).unwrap().cumulative_gap()
    );
}

#[test]
fn the_tornado_ranks_by_the_larger_effect_either_way() {
    let s = base();
    let sens = sensitivity(&s, &Swings::registry()).unwrap();
    for m in [Measure::CumulativeGap, Measure::FinalGeneralReserve] {
        let bars = sens.ranked(m);
        assert_eq!(bars.len() * 2, sens.rows.len());
        for w in bars.windows(2) {
            assert!(w[0].effect >= w[1].effect);
        }
        for b in &bars {
            let size = |r: &planner::model::analysis::sensitivity::Row| {
                r.delta(&sens.plan, m).map_or(Decimal::ZERO, |d| d.abs())
            };
            assert_eq!(b.effect, size(b.low).max(size(b.high)));
            assert_eq!(b.low.key, b.high.key);
        }
    }
    let top: Vec<&str> = sens
        .ranked(Measure::CumulativeGap)
        .iter()
        .take(3)
        .map(|b| b.low.key.as_str())
        .collect();
    assert_eq!(
        top,
        [
            "attrition[officers]",
            "officer_pay_award",
            "funding_growth[core_police_grant]"
        ]
    );
}

#[test]
fn a_swing_changed_by_the_user_moves_its_rows() {
    let s = base();
    let mut swings = Swings::registry();
    swings.set(Kind::OfficerPayAward, Change::By(dec!(2)));
    let sens = sensitivity(&s, &swings).unwrap();
    let high = sens
        .rows
        .iter()
        .find(|r| r.key == "officer_pay_award" && r.direction == Direction::High)
        .unwrap();
    assert_eq!(high.change, Change::By(dec!(2)));
    let mut moved = s.clone();
    high.assumption
        .shift(&mut moved, Change::By(dec!(2)), y("2022/23"))
        .unwrap();
    assert_eq!(
        high.outcome.as_ref().unwrap().cumulative_gap,
        engine::project(&moved).unwrap().cumulative_gap()
    );
    // A swing that takes a figure out of its range leaves that row unmoved, with why.
    let mut swings = Swings::registry();
    swings.set(Kind::Attrition, Change::By(dec!(50)));
    let sens = sensitivity(&s, &swings).unwrap();
    let low = sens
        .rows
        .iter()
        .find(|r| r.key == "attrition[officers]" && r.direction == Direction::Low)
        .unwrap();
    assert_eq!(low.outcome, Err("must be from 0 to 100".to_string()));
    assert_eq!(low.delta(&sens.plan, Measure::CumulativeGap), None);
}

#[test]
fn the_budget_book_table_by_hand() {
    let s = base();
    let p = engine::project(&s).unwrap();
    let cells = budget_book(&s).unwrap();
    assert_eq!(cells.len(), 5 * 4);
    let cell = |line: BookLine, year: &str| {
        cells
            .iter()
            .find(|c| c.line == line && c.year == y(year))
            .unwrap()
            .effect
            .unwrap()
    };
    // 1% of 2023/24's officer pay and overtime lines.
    let y24 = p.year(y("2023/24")).unwrap();
    let bill = y24.expenditure_line("officer_pay").unwrap().amount
        + y24.expenditure_line("overtime").unwrap().amount;
    assert_eq!(
        cell(BookLine::OfficerPay, "2023/24"),
        round_money(bill / dec!(100))
    );
    assert_eq!(cell(BookLine::OfficerPay, "2023/24"), dec!(1506259.62));
    // £1 on Band D: about the tax base, 332,912.35 in 2023/24.
    assert_eq!(cell(BookLine::BandD, "2023/24"), dec!(332912.35));
    // 1% on the tax base: 1% of precept income, give or take a penny of rounding.
    let one_pct = round_money(y24.precept.income / dec!(100));
    assert!((cell(BookLine::TaxBase, "2023/24") - one_pct).abs() <= dec!(0.01));
    // 1 point of non-pay inflation in 2024/25 alone, by hand.
    let mut moved = s.clone();
    let v = moved
        .assumptions
        .non_pay_inflation_pct
        .value
        .get_or_zero(y("2024/25"));
    moved
        .assumptions
        .non_pay_inflation_pct
        .value
        .set(y("2024/25"), v + Decimal::ONE);
    let after = engine::project(&moved).unwrap();
    assert_eq!(
        cell(BookLine::NonPayInflation, "2024/25"),
        after.year(y("2024/25")).unwrap().total_expenditure
            - p.year(y("2024/25")).unwrap().total_expenditure
    );
    // Ten officers more from April 2025, by hand.
    let mut moved = s.clone();
    moved
        .workforce
        .as_mut()
        .unwrap()
        .officers
        .intakes
        .push(Intake {
            year: y("2025/26"),
            start_month: 4,
            count: dec!(10),
        });
    let after = engine::project(&moved).unwrap();
    assert_eq!(
        cell(BookLine::TenOfficers, "2025/26"),
        after.final_year().unwrap().total_expenditure - p.final_year().unwrap().total_expenditure
    );
}

fn mtfp(args: &[&str]) -> Result<String, (u8, String)> {
    let args: Vec<OsString> = args.iter().map(OsString::from).collect();
    let mut out = Vec::new();
    planner::cli::run_os(args, &mut std::io::empty(), &mut out).map_err(|f| (f.code, f.message))?;
    Ok(String::from_utf8(out).unwrap())
}

#[test]
fn mtfp_solve_answers_the_pccs_question() {
    let text = mtfp(&[
        "solve",
        "--target",
        "cumulative-gap",
        "--lever",
        "precept-gbp",
        "--from",
        "2023/24",
        "--format",
        "json",
    ])
    .unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["target"], "cumulative-gap");
    assert_eq!(v["lever"], "precept-gbp");
    assert_eq!(v["from"], "2023/24");
    assert_eq!(v["value"], "18.11");
    assert_eq!(v["reachable"], true);
    assert_eq!(v["shortfall"], "0.00");
    assert_eq!(v["referendum"]["within_limits"]["shortfall"], "6588381.29");
    assert_eq!(v["referendum"]["bands"][0]["rise"], "12.07");
    assert_eq!(v["referendum"]["bands"][0]["rise_weekly"], "0.23");
    assert_eq!(v["referendum"]["bands"][3]["rise_weekly"], "0.35");
    // The solved scenario is a scenario file `mtfp project` reads, and it closes the gap.
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("analysis");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("solved.json");
    std::fs::write(&file, serde_json::to_string(&v["scenario"]).unwrap()).unwrap();
    let csv = mtfp(&["project", file.to_str().unwrap()]).unwrap();
    let last = csv.lines().last().unwrap();
    let cumulative: Decimal = last.split(',').nth(4).unwrap().parse().unwrap();
    assert!(cumulative <= Decimal::ZERO, "{csv}");
    let csv = mtfp(&[
        "solve",
        "--target",
        "cumulative-gap",
        "--lever",
        "precept-gbp",
        "--from",
        "2023/24",
    ])
    .unwrap();
    assert_eq!(
        csv,
        "target,year,amount,lever,from,value,reachable,shortfall,exceeds_referendum_limit,within_limits_shortfall\n\
         cumulative-gap,,,precept-gbp,2023/24,18.11,true,0.00,true,6588381.29\n"
    );
}

#[test]
fn mtfp_solve_refuses_clearly() {
    let bad = |args: &[&str]| mtfp(args).unwrap_err();
    assert_eq!(
        bad(&["solve", "--lever", "savings"]),
        (
            2,
            "--target is needed: annual-gap, cumulative-gap, reserve-floor or still-to-find".into()
        )
    );
    assert_eq!(
        bad(&["solve", "--target", "annual-gap", "--lever", "savings"]).1,
        "the annual-gap target needs a year"
    );
    assert_eq!(
        bad(&[
            "solve",
            "--target",
            "still-to-find",
            "--year",
            "2024/25",
            "--lever",
            "savings"
        ])
        .1,
        "the still-to-find target needs an amount (£)"
    );
    assert_eq!(
        bad(&["solve", "--target", "cumulative-gap", "--lever", "magic"]).1,
        "unknown lever 'magic': use precept-gbp, precept-pct, savings, pay-award, grant-growth, officer-intake, reserves"
    );
    assert_eq!(
        bad(&[
            "solve",
            "--target",
            "cumulative-gap",
            "--lever",
            "savings",
            "--from",
            "2023"
        ])
        .1,
        "--from '2023' is not a financial year: write it as 2023/24"
    );
    let (code, message) = bad(&[
        "solve",
        "--target",
        "cumulative-gap",
        "--lever",
        "savings",
        "--from",
        "2021/22",
    ]);
    assert_eq!(code, 2);
    assert_eq!(
        message,
        "the baseline: cannot answer: the lever moves from a year of the plan after the base year (2022/23 to 2025/26); 2021/22 is not one"
    );
    // £1m, written as a finance lead types it.
    let ok = mtfp(&[
        "solve",
        "--target",
        "still-to-find",
        "--year",
        "2024/25",
        "--amount",
        "£1,000,000",
        "--lever",
        "reserves",
        "--from",
        "2023/24",
    ])
    .unwrap();
    assert!(
        ok.ends_with("still-to-find,2024/25,1000000.00,reserves,2023/24,1797013.53,true,0.00,,\n"),
        "{ok}"
    );
}

#[test]
fn mtfp_sensitivity_rows_are_projections_and_rank_either_way() {
    let text = mtfp(&["sensitivity", "--format", "json"]).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let s = base();
    let sens = sensitivity(&s, &Swings::registry()).unwrap();
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), sens.rows.len());
    assert_eq!(v["plan"]["cumulative_gap"], "8088692.75");
    let first = &rows[0];
    assert_eq!(first["rank"], 1);
    assert_eq!(first["key"], "attrition[officers]");
    assert_eq!(first["direction"], "low");
    assert_eq!(first["change"], "-1");
    assert_eq!(first["change_kind"], "by");
    assert_eq!(first["change_text"], "down 1 percentage point");
    // Officers leaving one point less often: the row's figures are `mtfp project` of the
    // baseline with every year's officer attrition (a single figure) one point lower.
    let mut moved = s.clone();
    let w = moved.workforce.as_mut().unwrap();
    w.officers.attrition_pct -= Decimal::ONE;
    let p = engine::project(&moved).unwrap();
    assert_eq!(first["cumulative_gap"], p.cumulative_gap().to_string());
    assert_eq!(
        first["final_general_reserve"],
        p.final_year().unwrap().reserves.general.to_string()
    );
    assert_eq!(
        first["delta_cumulative_gap"],
        (p.cumulative_gap() - dec!(8088692.75)).to_string()
    );
    let csv = mtfp(&["sensitivity"]).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        planner::store::analysis::SENSITIVITY_HEADER.join(",")
    );
    assert_eq!(lines.len(), rows.len() + 1);
    assert!(
        lines[1].starts_with(
            "1,attrition[officers],Officers leaving each year,low,-1,by,down 1 percentage point,"
        ),
        "{}",
        lines[1]
    );
    // Ranked by the final general reserve instead.
    let by_reserve = mtfp(&[
        "sensitivity",
        "--rank",
        "final-general-reserve",
        "--format",
        "json",
    ])
    .unwrap();
    let v: serde_json::Value = serde_json::from_str(&by_reserve).unwrap();
    assert_eq!(v["rank_by"], "final-general-reserve");
    let ranked = sens.ranked(Measure::FinalGeneralReserve);
    assert_eq!(v["rows"][0]["key"], ranked[0].low.key);
    assert_eq!(
        mtfp(&["sensitivity", "--rank", "vibes"]).unwrap_err().1,
        "unknown measure 'vibes' for --rank: use cumulative-gap or final-general-reserve"
    );
    let book = mtfp(&["sensitivity", "--budget-book"]).unwrap();
    assert_eq!(
        book.lines().take(2).collect::<Vec<_>>(),
        [
            "line,label,year,on,effect",
            "officer_pay_1pp,\"1 percentage point on officer pay, a full year\",2022/23,spending,1405909.36"
        ]
    );
}

#[test]
fn the_tornado_is_drawn_ranked_either_way_two_bars_an_assumption() {
    use planner::charts::tornado_svg;
    use planner::view::analysis::tornado;
    let sens = sensitivity(&base(), &Swings::registry()).unwrap();
    for m in [Measure::CumulativeGap, Measure::FinalGeneralReserve] {
        let data = tornado(&sens, m, None);
        let moving = sens
            .ranked(m)
            .iter()
            .filter(|b| !b.effect.is_zero())
            .count();
        assert_eq!(data.bars.len(), moving);
        for legend in [false, true] {
            let svg = tornado_svg(&data, 780, legend).unwrap();
            assert!(svg.matches("<rect").count() >= 2 * moving, "{m:?}");
        }
    }
}

/// A pace that counts its ticks and stops the analysis after `stop_after` of them.
struct Counting {
    ticks: Vec<(usize, usize)>,
    stop_after: usize,
}

impl planner::model::analysis::Pace for Counting {
    async fn tick(&mut self, done: usize, total: usize) -> bool {
        self.ticks.push((done, total));
        self.ticks.len() < self.stop_after
    }
}

#[test]
fn a_pace_sees_every_projection_changes_no_figure_and_can_cancel() {
    use planner::model::analysis::goal_seek::solve_paced;
    use planner::model::analysis::run;
    use planner::model::analysis::sensitivity::{sensitivity_paced, SensitivityError};
    let s = base();
    let q = Question {
        target: Target::CumulativeGap,
        lever: Lever::PreceptGbp,
        from: y("2023/24"),
    };
    let flat = solve(&s, &q).unwrap();
    let mut pace = Counting {
        ticks: Vec::new(),
        stop_after: usize::MAX,
    };
    let paced = run(solve_paced(&s, &q, &mut pace)).unwrap();
    assert_eq!(paced.value, flat.value);
    assert_eq!(paced.scenario, flat.scenario);
    // One tick a projection, counting up.
    assert_eq!(pace.ticks.len(), flat.projections);
    assert!(pace.ticks.windows(2).all(|w| w[0].0 < w[1].0));
    // Cancel (the pace says stop) ends the search with no answer.
    let mut pace = Counting {
        ticks: Vec::new(),
        stop_after: 3,
    };
    assert!(matches!(
        run(solve_paced(&s, &q, &mut pace)),
        Err(SolveError::Stopped)
    ));
    assert_eq!(pace.ticks.len(), 3);

    let swings = Swings::registry();
    let flat = sensitivity(&s, &swings).unwrap();
    let mut pace = Counting {
        ticks: Vec::new(),
        stop_after: usize::MAX,
    };
    let paced = run(sensitivity_paced(&s, &swings, &mut pace)).unwrap();
    assert_eq!(paced.rows, flat.rows);
    assert!(pace.ticks.len() >= flat.rows.len());
    let mut pace = Counting {
        ticks: Vec::new(),
        stop_after: 5,
    };
    assert!(matches!(
        run(sensitivity_paced(&s, &swings, &mut pace)),
        Err(SensitivityError::Stopped)
    ));
}
