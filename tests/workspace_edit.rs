//! The workspace's editing and view logic, natively: parsing what people type, ranges,
//! the bridge between scenarios, headlines and chart data against the projection.

use rust_decimal::dec;

use planner::edit::{self, Field, FieldUnit};
use planner::model::baseline;
use planner::model::engine::project;
use planner::model::registry::{Kind, Target};
use planner::model::FinancialYear;
use planner::view::{self, Headlines};
use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::util::d;

fn fy(start: u16) -> FinancialYear {
    FinancialYear::new(start).unwrap()
}

#[test]
fn parses_what_people_type() {
    let ok = [
        ("1,234.50", FieldUnit::Pounds, "1234.50"),
        ("£1,234.50", FieldUnit::Pounds, "1234.50"),
        ("-£2", FieldUnit::Pounds, "-2"),
        ("\u{2212}2", FieldUnit::Pounds, "-2"),
        ("(2,000)", FieldUnit::Pounds, "-2000"),
        ("4.1%", FieldUnit::Percent, "4.1"),
        (" 7 ", FieldUnit::Percent, "7"),
        ("330,400", FieldUnit::Properties, "330400"),
    ];
    for (text, unit, want) in ok {
        assert_eq!(edit::parse_input(text, unit).unwrap(), d(want), "{text}");
    }
    for bad in ["", "abc", "1.2.3", "4%%x", "£", "1e5", "12abc"] {
        let err = edit::parse_input(bad, FieldUnit::Pounds).unwrap_err();
        assert!(!err.is_empty(), "{bad}");
    }
    assert_eq!(
        edit::parse_input("", FieldUnit::Percent).unwrap_err(),
        "Enter a number"
    );
    assert_eq!(
        edit::parse_input("abc", FieldUnit::Percent).unwrap_err(),
        "'abc' is not a number"
    );
    // A long paste is echoed cut short.
    let pasted = "x".repeat(10_000);
    assert_eq!(
        edit::parse_input(&pasted, FieldUnit::Pounds).unwrap_err(),
        format!("'{}…' is not a number", "x".repeat(39))
    );
}

#[test]
fn out_of_range_is_refused_and_the_original_kept() {
    let base = baseline::nottinghamshire().unwrap();
    let before = base.clone();
    let err = edit::apply(
        &base,
        &Field::plan(Kind::OfficerPayAward, fy(2023)),
        dec!(45),
    )
    .unwrap_err();
    assert_eq!(err, "Must be from −20% to 30%");
    assert_eq!(base, before);
    let err = edit::apply(&base, &Field::HorizonYears, dec!(11)).unwrap_err();
    assert!(err.contains("5 to 10 years"), "{err}");
    let err = edit::apply(&base, &Field::HorizonYears, dec!(6.5)).unwrap_err();
    assert!(err.contains("whole number"), "{err}");
}

#[test]
fn a_precept_rise_moves_the_gap_by_tax_base_times_the_rise() {
    let base = baseline::nottinghamshire().unwrap();
    let p0 = project(&base).unwrap();
    let y = fy(2023);
    let rise0 = edit::value(&base, &Field::plan(Kind::BandDRiseGbp, y)).unwrap();
    let s = edit::apply(&base, &Field::plan(Kind::BandDRiseGbp, y), rise0 + dec!(1)).unwrap();
    let p1 = project(&s).unwrap();
    let before = p0.year(y).unwrap();
    let after = p1.year(y).unwrap();
    // £1 more on Band D raises precept income by the tax base (to the penny).
    let extra = after.precept.income - before.precept.income;
    assert_eq!(extra, planner::model::round_money(after.precept.tax_base));
    assert_eq!(before.gap - after.gap, extra);
    assert!(p1.cumulative_gap() < p0.cumulative_gap());
}

#[test]
fn headlines_of_the_baseline_read_as_hmicfrs_did() {
    let p = project(&baseline::nottinghamshire().unwrap()).unwrap();
    let h = Headlines::of(&p, None);
    assert_eq!(h.gap_year, Some(fy(2023)));
    assert_eq!(h.annual_gap_text(), "£0.9m");
    assert_eq!(h.cumulative_gap_text(), "£8.1m");
    assert_eq!(h.last_year, Some(fy(2025)));
    // Picking a year shows that year's gap.
    let h = Headlines::of(&p, Some(fy(2025)));
    assert_eq!(h.annual_gap, p.year(fy(2025)).unwrap().gap);
    assert_eq!(
        h.band_d_week,
        p.year(fy(2025)).unwrap().precept.band_d_per_week
    );
}

#[test]
fn chart_data_is_the_projection() {
    let p = project(&baseline::nottinghamshire().unwrap()).unwrap();
    let gap = view::gap_chart(&p);
    assert_eq!(
        gap.categories,
        ["2021/22", "2022/23", "2023/24", "2024/25", "2025/26"]
    );
    let annual: Vec<Decimal> = p.years.iter().map(|y| y.gap).collect();
    assert_eq!(gap.series[0].values, annual);
    assert_eq!(
        gap.title,
        "A cumulative deficit of £8.1m by 2025/26, unless savings are found"
    );
    let fe = view::funding_expenditure_chart(&p);
    assert_eq!(fe.title, "Spending outgrows funding from 2023/24");
    let svg = planner::charts::to_svg(&gap, 720, 400).unwrap();
    assert!(svg.contains("<rect"), "bars drawn");
    assert!(svg.contains("2023/24"), "year labels drawn");
}

#[test]
fn bridge_of_the_baseline_to_itself_is_empty() {
    let s = baseline::nottinghamshire().unwrap();
    let p = project(&s).unwrap();
    let steps = view::bridge(&s, &p, &s, &p).unwrap();
    assert!(steps.is_empty());
    let chart = view::bridge_chart(&p, &p, &steps);
    assert_eq!(chart.categories, ["Baseline", "This scenario"]);
}

#[test]
fn bridge_names_the_group_that_moved_the_gap() {
    let s = baseline::nottinghamshire().unwrap();
    let p = project(&s).unwrap();
    let t = edit::apply(&s, &Field::plan(Kind::OfficerPayAward, fy(2024)), dec!(6)).unwrap();
    let q = project(&t).unwrap();
    let steps = view::bridge(&s, &p, &t, &q).unwrap();
    assert_eq!(steps.len(), 1);
    assert_eq!(steps[0].group, "Pay and inflation");
    assert_eq!(steps[0].change, q.cumulative_gap() - p.cumulative_gap());
}

#[test]
fn switching_precept_units_keeps_band_d() {
    let s = baseline::nottinghamshire().unwrap();
    let p = project(&s).unwrap();
    let pct = edit::precept_switched(&s, true);
    assert!(edit::precept_in_percent(&pct));
    let q = project(&pct).unwrap();
    for (a, b) in p.years.iter().zip(&q.years) {
        // % rises are kept to 0.01%, so Band D may move by at most a penny or two a year.
        assert!(
            (a.precept.band_d - b.precept.band_d).abs() <= dec!(0.05),
            "{}",
            a.year
        );
    }
    let back = edit::precept_switched(&pct, false);
    assert!(!edit::precept_in_percent(&back));
}

proptest! {
    #[test]
    fn shown_values_parse_back_exactly(units in -10_000_000_000i64..10_000_000_000i64, dp in 0u32..3) {
        let v = Decimal::new(units, dp);
        for unit in [FieldUnit::Pounds, FieldUnit::Percent, FieldUnit::Properties] {
            let shown = edit::display_value(v, unit);
            prop_assert_eq!(edit::parse_input(&shown, unit).unwrap(), v.normalize());
        }
    }

    #[test]
    fn bridge_steps_add_up_to_the_difference(award in -5i64..15, rise in -10i64..20, floor in 0i64..10) {
        let s = baseline::nottinghamshire().unwrap();
        let p = project(&s).unwrap();
        let t = edit::apply(&s, &Field::plan(Kind::OfficerPayAward, fy(2024)), Decimal::from(award)).unwrap();
        let t = edit::apply(&t, &Field::plan(Kind::BandDRiseGbp, fy(2025)), Decimal::from(rise)).unwrap();
        let t = edit::apply(&t, &Field::single(Kind::ReserveFloor), Decimal::from(floor)).unwrap();
        let q = project(&t).unwrap();
        let steps = view::bridge(&s, &p, &t, &q).unwrap();
        let total: Decimal = steps.iter().map(|s| s.change).sum();
        prop_assert_eq!(total, q.cumulative_gap() - p.cumulative_gap());
    }
}

#[test]
fn a_longer_plan_carries_rates_forward_and_a_shorter_one_drops_them() {
    let base = baseline::nottinghamshire().unwrap();
    let long = edit::apply(&base, &Field::HorizonYears, dec!(8)).unwrap();
    let last = fy(2025);
    for y in [fy(2026), fy(2027), fy(2028)] {
        for k in [
            Kind::OfficerPayAward,
            Kind::StaffPayAward,
            Kind::NonPayInflation,
        ] {
            let f = |y| Field::plan(k, y);
            assert_eq!(
                edit::value(&long, &f(y)),
                edit::value(&base, &f(last)),
                "{y}"
            );
        }
        assert_eq!(
            edit::value(&long, &Field::plan(Kind::BandDRiseGbp, y)),
            edit::value(&base, &Field::plan(Kind::BandDRiseGbp, last))
        );
        // Recruitment continues, so officer numbers hold rather than drain away.
        assert_eq!(
            edit::value(
                &long,
                &Field::of(
                    Kind::Recruits,
                    Target::Group(planner::model::workforce::Group::Officers),
                    Some(y)
                )
            ),
            edit::value(
                &base,
                &Field::of(
                    Kind::Recruits,
                    Target::Group(planner::model::workforce::Group::Officers),
                    Some(last)
                )
            )
        );
    }
    let p = project(&long).unwrap();
    assert_eq!(p.years.len(), 8);
    // Back to five years: the later figures go and the plan projects as the baseline did.
    let short = edit::apply(&long, &Field::HorizonYears, dec!(5)).unwrap();
    assert_eq!(project(&short).unwrap(), project(&base).unwrap());
    // A figure entered for a later year does not stop the plan being shortened.
    let long = edit::apply(
        &long,
        &Field::of(
            Kind::Saving,
            Target::Saving(base.savings[0].id.clone()),
            Some(fy(2027)),
        ),
        dec!(1000000),
    )
    .unwrap();
    let short = edit::apply(&long, &Field::HorizonYears, dec!(6)).unwrap();
    assert_eq!(project(&short).unwrap().years.len(), 6);
}

#[test]
fn recruits_are_spread_over_a_years_intakes_exactly() {
    use planner::model::workforce::Group;
    let base = baseline::nottinghamshire().unwrap();
    let y = fy(2021); // three officer intakes: 95, 96, 96
    assert_eq!(
        edit::value(
            &base,
            &Field::of(Kind::Recruits, Target::Group(Group::Officers), Some(y))
        ),
        Some(dec!(287))
    );
    let s = edit::apply(
        &base,
        &Field::of(Kind::Recruits, Target::Group(Group::Officers), Some(y)),
        dec!(100),
    )
    .unwrap();
    let counts: Vec<Decimal> = s
        .workforce
        .as_ref()
        .unwrap()
        .officers
        .intakes
        .iter()
        .filter(|i| i.year == y)
        .map(|i| i.count)
        .collect();
    assert_eq!(counts, [dec!(34), dec!(33), dec!(33)]);
    assert_eq!(
        edit::value(
            &s,
            &Field::of(Kind::Recruits, Target::Group(Group::Officers), Some(y))
        ),
        Some(dec!(100))
    );
    // Fewer recruits, fewer officers at 31 March, and a lower pay bill.
    let p0 = view::workforce_of(&base).unwrap().unwrap();
    let p1 = view::workforce_of(&s).unwrap().unwrap();
    let closing = |p: &planner::model::workforce::WorkforceProjection| {
        p.row(Group::Officers, y).unwrap().closing_headcount
    };
    assert_eq!(closing(&p0) - closing(&p1), dec!(187));
    // The base year's budget is set, so the saving shows from the next year on, net of the
    // Uplift grant now at risk.
    let next = fy(2022);
    assert!(
        project(&s).unwrap().year(next).unwrap().gap
            < project(&base).unwrap().year(next).unwrap().gap
    );
    // Half people are refused.
    assert!(edit::apply(
        &base,
        &Field::of(Kind::Recruits, Target::Group(Group::Staff), Some(y)),
        dec!(10.5)
    )
    .is_err());
}

#[test]
fn the_hq_split_must_still_sum_to_a_hundred() {
    let base = baseline::nottinghamshire().unwrap();
    let s = edit::apply(
        &base,
        &Field::of(
            Kind::CapitalShare,
            Target::Partner("joint_hq".into(), 0),
            None,
        ),
        dec!(70),
    )
    .unwrap();
    let err = project(&s).unwrap_err();
    assert!(err.path.contains("joint_hq"), "{err}");
    let s = edit::apply(
        &s,
        &Field::of(
            Kind::CapitalShare,
            Target::Partner("joint_hq".into(), 2),
            None,
        ),
        dec!(25),
    )
    .unwrap();
    let hq = |s: &planner::model::scenario::Scenario| {
        project(s)
            .unwrap()
            .year(fy(2023))
            .unwrap()
            .expenditure_line("hq_capital_financing")
            .unwrap()
            .amount
    };
    assert!(
        hq(&s) > hq(&base),
        "a larger force share costs the force more"
    );
}

#[test]
fn workforce_and_collaboration_charts_state_their_finding() {
    let s = baseline::nottinghamshire().unwrap();
    let w = view::workforce_of(&s).unwrap().unwrap();
    let chart = view::workforce_chart(&w);
    assert_eq!(
        chart.title,
        "Officer numbers meet the Uplift target in every year"
    );
    assert_eq!(chart.series[0].values[0], dec!(2344));
    let c = view::collaborations_of(&s).unwrap().unwrap();
    let chart = view::collaboration_chart(&c);
    // 2025/26: EMSOU £6,699,027.98 + EMCJS £2,116,567.92 + legal £580,970.50 (the MTFP
    // line, £9,396,566.40) + the HQ's financing £523,087.50 = £9,919,653.90, so £9.9m.
    assert!(
        chart
            .title
            .starts_with("Collaborations cost the force £9.9m in 2025/26"),
        "{}",
        chart.title
    );
    // The stacked bars add up to the force's total collaboration cost each year.
    let p = project(&s).unwrap();
    for (i, y) in p.years.iter().enumerate() {
        let stacked: Decimal = chart.series.iter().map(|s| s.values[i]).sum();
        let lines = y.expenditure_line("collaboration").unwrap().amount
            + y.expenditure_line("hq_capital_financing").unwrap().amount;
        assert_eq!(stacked, lines, "{}", y.year);
    }
}

#[test]
fn quick_what_ifs_set_every_year_from_the_fourth() {
    let base = baseline::nottinghamshire().unwrap();
    let from = edit::quick_from_year(&base).unwrap();
    assert_eq!(from, fy(2024));
    // A what-if takes its unit, range, source and figure from the field it sets in its
    // first year: the officer pay award (−20% to 30%), the Band D rise in £ (£12.96 in
    // 2024/25, local press).
    let quick = edit::spec(&base, &Field::PayAwardsFrom(from));
    let grid = edit::spec(&base, &Field::plan(Kind::OfficerPayAward, from));
    assert_eq!((quick.min, quick.max), (dec!(-20), dec!(30)));
    assert_eq!((quick.unit, quick.source), (grid.unit, grid.source));
    assert_eq!(
        edit::value(&base, &Field::PreceptRiseFrom(from)),
        Some(dec!(12.96))
    );
    let s = edit::apply(&base, &Field::PayAwardsFrom(from), dec!(4)).unwrap();
    for y in [fy(2024), fy(2025)] {
        assert_eq!(
            edit::value(&s, &Field::plan(Kind::OfficerPayAward, y)),
            Some(dec!(4))
        );
        assert_eq!(
            edit::value(&s, &Field::plan(Kind::StaffPayAward, y)),
            Some(dec!(4))
        );
    }
    // Earlier years are untouched.
    assert_eq!(
        edit::value(&s, &Field::plan(Kind::OfficerPayAward, fy(2023))),
        edit::value(&base, &Field::plan(Kind::OfficerPayAward, fy(2023)))
    );
    assert!(project(&s).unwrap().cumulative_gap() > project(&base).unwrap().cumulative_gap());

    let s = edit::apply(&base, &Field::PreceptRiseFrom(from), dec!(20)).unwrap();
    assert_eq!(
        edit::value(&s, &Field::plan(Kind::BandDRiseGbp, fy(2025))),
        Some(dec!(20))
    );
    let p = project(&s).unwrap();
    assert_eq!(p.year(fy(2025)).unwrap().precept.rise_gbp, dec!(20.00));
    // In % mode the what-if is a % rise.
    let pct = edit::precept_switched(&base, true);
    assert_eq!(
        edit::spec(&pct, &Field::PreceptRiseFrom(from)).unit,
        FieldUnit::Percent
    );
    let s = edit::apply(&pct, &Field::PreceptRiseFrom(from), dec!(3)).unwrap();
    assert_eq!(
        edit::value(&s, &Field::plan(Kind::BandDRisePct, fy(2025))),
        Some(dec!(3))
    );

    let s = edit::apply(&base, &Field::GrantGrowthFrom(from), dec!(0)).unwrap();
    for l in base
        .funding
        .iter()
        .filter(|l| edit::funding_has_growth(&l.driver))
    {
        assert_eq!(
            edit::value(
                &s,
                &Field::of(
                    Kind::FundingGrowth,
                    Target::Funding(l.id.clone()),
                    Some(fy(2025))
                )
            ),
            Some(dec!(0))
        );
    }
    assert!(project(&s).unwrap().cumulative_gap() > project(&base).unwrap().cumulative_gap());
}

#[test]
fn a_bad_workforce_or_register_section_is_refused_when_the_file_is_read() {
    let base = baseline::nottinghamshire().unwrap();
    let mut s = base.clone();
    s.workforce.as_mut().unwrap().officers.attrition_pct = dec!(120);
    let err = planner::model::scenario::Scenario::from_json(&s.to_json()).unwrap_err();
    assert!(
        err.path.contains("workforce.officers.attrition_pct"),
        "{err}"
    );
    let mut s = base;
    s.collaborations.as_mut().unwrap().capital[0]
        .sharing
        .partners[0]
        .weight = dec!(70);
    let err = planner::model::scenario::Scenario::from_json(&s.to_json()).unwrap_err();
    assert!(err.path.contains("joint_hq"), "{err}");
}
