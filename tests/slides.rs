//! The presentation's slides: every figure against the model, and the council tax bands
//! against hand-computed figures.

use rust_decimal::dec;

use rust_decimal::Decimal;

use planner::model::{baseline, engine, FinancialYear, Projection, Scenario};
use planner::view::slides::{bands, deck, BandRow, Inputs, Slide, SlideBody, SlideId};

use crate::util::d;

fn fy(start: u16) -> FinancialYear {
    FinancialYear::new(start).unwrap()
}

/// (band, annual, rise, weekly, rise weekly) as strings.
type Row<'a> = (char, &'a str, &'a str, &'a str, &'a str);

fn check(rows: &[BandRow], want: &[Row<'_>]) {
    assert_eq!(rows.len(), 8);
    for (row, (band, annual, rise, weekly, rise_weekly)) in rows.iter().zip(want) {
        assert_eq!(row.band, *band);
        assert_eq!(row.annual, d(annual), "Band {band} annual");
        assert_eq!(row.rise, d(rise), "Band {band} rise");
        assert_eq!(row.weekly, d(weekly), "Band {band} per week");
        assert_eq!(row.rise_weekly, d(rise_weekly), "Band {band} rise per week");
    }
}

#[test]
fn bands_2023_24_by_hand() {
    // Band D £269.19 after £254.25 (+£14.94). By hand: A = 269.19 × 6 ÷ 9 = 179.46, last
    // year 169.50, rise 9.96; 179.46 ÷ 52 = 3.4511… → 3.45; 9.96 ÷ 52 = 0.1915… → 0.19.
    // F: 21.58 ÷ 52 = 0.415 exactly, a half-penny, which rounds away from zero to 0.42.
    let rows = bands(dec!(269.19), dec!(254.25)).unwrap();
    check(
        &rows,
        &[
            ('A', "179.46", "9.96", "3.45", "0.19"),
            ('B', "209.37", "11.62", "4.03", "0.22"),
            ('C', "239.28", "13.28", "4.60", "0.26"),
            ('D', "269.19", "14.94", "5.18", "0.29"),
            ('E', "329.01", "18.26", "6.33", "0.35"),
            ('F', "388.83", "21.58", "7.48", "0.42"),
            ('G', "448.65", "24.90", "8.63", "0.48"),
            ('H', "538.38", "29.88", "10.35", "0.57"),
        ],
    );
}

#[test]
fn bands_round_to_the_penny_once() {
    // £250 is not a multiple of 9p: 250 × 6 ÷ 9 = 166.666… → 166.67; × 7 ÷ 9 = 194.444…
    // → 194.44; × 11 ÷ 9 = 305.555… → 305.56. No rise: every change is zero.
    let rows = bands(dec!(250), dec!(250)).unwrap();
    check(
        &rows,
        &[
            ('A', "166.67", "0", "3.21", "0"),
            ('B', "194.44", "0", "3.74", "0"),
            ('C', "222.22", "0", "4.27", "0"),
            ('D', "250.00", "0", "4.81", "0"),
            ('E', "305.56", "0", "5.88", "0"),
            ('F', "361.11", "0", "6.94", "0"),
            ('G', "416.67", "0", "8.01", "0"),
            ('H', "500.00", "0", "9.62", "0"),
        ],
    );
}

#[test]
fn bands_match_the_published_2024_25_figures() {
    // Local press, 2024/25: Band D £282.15, Band A £188 (£188.10), B £219.45, C £250.80.
    let rows = bands(dec!(282.15), dec!(269.19)).unwrap();
    assert_eq!(rows[0].annual, dec!(188.10));
    assert_eq!(rows[1].annual, dec!(219.45));
    assert_eq!(rows[2].annual, dec!(250.80));
    assert_eq!(rows[3].rise, dec!(12.96));
    assert_eq!(rows[0].rise, dec!(8.64));
}

struct Case {
    baseline: Scenario,
    baseline_projection: Projection,
    scenario: Scenario,
    projection: Projection,
}

impl Case {
    fn baseline() -> Case {
        let b = baseline::nottinghamshire().unwrap();
        let p = engine::project(&b).unwrap();
        Case {
            baseline: b.clone(),
            baseline_projection: p.clone(),
            scenario: b,
            projection: p,
        }
    }

    fn edited(edit: impl FnOnce(&mut Scenario)) -> Case {
        let mut c = Case::baseline();
        edit(&mut c.scenario);
        c.projection = engine::project(&c.scenario).unwrap();
        c
    }

    fn deck(&self, year: Option<FinancialYear>) -> Vec<Slide> {
        deck(&Inputs {
            scenario: &self.scenario,
            projection: &self.projection,
            baseline: &self.baseline,
            baseline_projection: &self.baseline_projection,
            year,
            risk: None,
        })
    }
}

fn slide(deck: &[Slide], id: SlideId) -> &Slide {
    deck.iter().find(|s| s.id == id).unwrap()
}

fn fig<'a>(s: &'a Slide, key: &str) -> &'a str {
    &s.figure(key)
        .unwrap_or_else(|| panic!("{key} on {}", s.id.key()))
        .value
}

fn exact(s: &Slide, key: &str) -> Decimal {
    s.figure(key).unwrap().exact
}

#[test]
fn the_baseline_deck_states_the_model_figures() {
    let c = Case::baseline();
    let deck = c.deck(None);
    let ids: Vec<SlideId> = deck.iter().map(|s| s.id).collect();
    assert_eq!(ids, SlideId::ALL.to_vec());
    // The risk slide shows a run made beforehand (tests/risk_view.rs), none here.
    for s in deck.iter().filter(|s| s.id != SlideId::Risk) {
        assert!(
            !matches!(s.body, SlideBody::Unavailable(_)),
            "{} is unavailable",
            s.id.key()
        );
        assert!(!s.finding.is_empty());
    }
    let p = &c.projection;
    let y23 = p.year(fy(2023)).unwrap();

    let gap = slide(&deck, SlideId::GapYear);
    assert_eq!(fig(gap, "annual-gap"), "£0.9m");
    assert_eq!(exact(gap, "annual-gap"), y23.gap);
    assert_eq!(exact(gap, "spending"), y23.total_expenditure);
    assert_eq!(exact(gap, "funding"), y23.total_funding);
    assert_eq!(
        gap.finding,
        "In 2023/24 spending is set to exceed funding by £0.9m"
    );

    let plan = slide(&deck, SlideId::GapPlan);
    assert_eq!(fig(plan, "cumulative-gap"), "£8.1m");
    assert_eq!(exact(plan, "cumulative-gap"), p.cumulative_gap());
    assert_eq!(exact(plan, "recurring-gap"), p.final_recurring_gap());
    assert!(matches!(&plan.body, SlideBody::Chart(c) if c.id == "gap"));
    assert_eq!(
        plan.finding,
        "Unless savings are found, the gaps add up to £8.1m by 2025/26"
    );

    let precept = slide(&deck, SlideId::Precept);
    assert_eq!(fig(precept, "band-d-rise"), "£14.94");
    // 14.94 ÷ 52 = 0.2873… → £0.29; 269.19 ÷ 52 = 5.1767… → £5.18.
    assert_eq!(fig(precept, "band-d-rise-week"), "£0.29");
    assert_eq!(fig(precept, "band-d"), "£269.19");
    assert_eq!(fig(precept, "band-d-week"), "£5.18");
    assert_eq!(fig(precept, "band-d-rise-pct"), "5.9%");
    assert_eq!(
        precept.finding,
        "In 2023/24 a Band D home pays £14.94 more a year: 29p a week"
    );

    let bands = slide(&deck, SlideId::Bands);
    assert_eq!(fig(bands, "band-a-rise"), "£9.96");
    assert_eq!(fig(bands, "band-h-rise"), "£29.88");
    match &bands.body {
        SlideBody::Bands(rows) => assert_eq!(rows[3].annual, y23.precept.band_d),
        other => panic!("bands body {other:?}"),
    }

    let uplift = slide(&deck, SlideId::Uplift);
    assert_eq!(fig(uplift, "officers"), "2,408");
    assert_eq!(fig(uplift, "uplift-target"), "2,408");
    assert_eq!(fig(uplift, "grant-at-risk"), "£0.0m");
    match &uplift.body {
        SlideBody::Chart(chart) => {
            assert_eq!(chart.categories.first().unwrap(), "2021/22");
            assert_eq!(chart.series[0].values[1], dec!(2439));
            assert_eq!(chart.series[1].values[1], dec!(2380));
        }
        other => panic!("uplift body {other:?}"),
    }

    let collab = slide(&deck, SlideId::Collaborations);
    let register = c.scenario.collaborations.as_ref().unwrap();
    let cp = planner::model::collab::project(register, &c.scenario.horizon.year_list()).unwrap();
    let cost: Decimal = cp
        .totals
        .values()
        .map(|t| t.contribution + t.capital_financing)
        .sum();
    assert_eq!(exact(collab, "collab-cost"), cost);
    assert_eq!(exact(collab, "collab-planned"), dec!(500000));
    assert_eq!(exact(collab, "collab-realised"), Decimal::ZERO);
    assert!(collab.notes.iter().any(|n| n.estimate));

    let reserves = slide(&deck, SlideId::Reserves);
    let last = p.final_year().unwrap();
    assert_eq!(exact(reserves, "reserves-end"), last.reserves.general);
    assert_eq!(exact(reserves, "floor-end"), last.reserves.floor);

    let bridge = slide(&deck, SlideId::Bridge);
    assert_eq!(exact(bridge, "difference"), dec!(0));
    assert!(
        bridge.figure("baseline-gap").is_none(),
        "said once, not twice"
    );
    assert!(bridge.finding.starts_with("This is the baseline"));
}

#[test]
fn a_larger_precept_rise_moves_every_precept_figure_and_the_bridge() {
    let c = Case::edited(|s| s.precept.rise_gbp.value.set(fy(2023), dec!(34.94)));
    let deck = c.deck(Some(fy(2023)));
    let precept = slide(&deck, SlideId::Precept);
    assert_eq!(fig(precept, "band-d-rise"), "£34.94");
    // 34.94 ÷ 52 = 0.6719… → £0.67; Band D 254.25 + 34.94 = 289.19; ÷ 52 = 5.5613… → £5.56.
    assert_eq!(fig(precept, "band-d-rise-week"), "£0.67");
    assert_eq!(fig(precept, "band-d"), "£289.19");
    assert_eq!(fig(precept, "band-d-week"), "£5.56");
    assert!(precept.notes.iter().any(|n| n
        .text
        .contains("above the 2023/24 referendum limit of £15.00")));
    let bands = slide(&deck, SlideId::Bands);
    // Band A: 289.19 × 6 ÷ 9 = 192.79333… → 192.79; last year 169.50; rise 23.29.
    assert_eq!(fig(bands, "band-a-rise"), "£23.29");
    // Band H: 578.38 − 508.50 = 69.88.
    assert_eq!(fig(bands, "band-h-rise"), "£69.88");

    let bridge = slide(&deck, SlideId::Bridge);
    let diff = c.projection.cumulative_gap() - c.baseline_projection.cumulative_gap();
    assert!(diff < Decimal::ZERO);
    assert_eq!(exact(bridge, "difference"), diff);
    assert_eq!(
        exact(bridge, "baseline-gap"),
        c.baseline_projection.cumulative_gap()
    );
    assert!(
        bridge.finding.starts_with("This scenario takes £"),
        "{}",
        bridge.finding
    );
    assert!(bridge.finding.ends_with("precept moves it most"));
}

#[test]
fn the_chosen_year_sets_the_this_year_slides() {
    let c = Case::baseline();
    let deck = c.deck(Some(fy(2025)));
    let y = c.projection.year(fy(2025)).unwrap();
    let gap = slide(&deck, SlideId::GapYear);
    assert_eq!(exact(gap, "annual-gap"), y.gap);
    assert!(gap.finding.starts_with("In 2025/26"));
    assert_eq!(
        exact(slide(&deck, SlideId::Precept), "band-d"),
        y.precept.band_d
    );
    // A year outside the plan falls back to the first year with a gap.
    let deck = c.deck(Some(fy(2040)));
    assert!(slide(&deck, SlideId::GapYear)
        .finding
        .starts_with("In 2023/24"));
}

#[test]
fn a_scenario_without_a_register_says_so_instead_of_failing() {
    let mut c = Case::baseline();
    c.scenario.collaborations = None;
    // The engine needs the register for its collaboration lines; the slide only reports.
    let deck = c.deck(None);
    let collab = slide(&deck, SlideId::Collaborations);
    assert!(matches!(collab.body, SlideBody::Unavailable(_)));
    assert!(collab.finding.contains("cannot be shown"));
}

#[test]
fn slide_keys_round_trip() {
    for id in SlideId::ALL {
        assert_eq!(SlideId::from_key(id.key()), Some(id));
    }
    assert_eq!(SlideId::from_key("nope"), None);
}

#[test]
fn the_pack_lists_the_key_assumptions_with_their_sources() {
    let b = baseline::nottinghamshire().unwrap();
    let list = planner::view::slides::key_assumptions(&b);
    let get = |label: &str| list.iter().find(|a| a.label == label).unwrap();
    assert_eq!(get("Band D, 2021/22").value, "£244.26");
    assert!(
        get("Band D, 2021/22").source.estimate,
        "derived: 254.25 − 9.99"
    );
    assert!(get("Band D rise")
        .value
        .starts_with("2022/23 £9.99, 2023/24 £14.94"));
    assert!(!get("Band D rise").source.estimate);
    assert!(get("Officer pay award (from 1 September)")
        .value
        .contains("2023/24 7.0%"));
    assert_eq!(
        get("General reserve floor (% of net revenue spend)").value,
        planner::format::percent(b.reserves.floor_pct.value.0, 1)
    );
    assert_eq!(get("General reserve at start, 2021/22").value, "£7.0m");
    // Labels, units and sources are the registry's.
    let award =
        planner::model::registry::Assumption::plan(planner::model::registry::Kind::OfficerPayAward);
    assert_eq!(
        &get("Officer pay award (from 1 September)").source,
        award.source(&b).unwrap()
    );
    assert!(list.iter().all(|a| !a.source.text.is_empty()));
}

/// The presentation keeps the ticked slides as a sorted list, searched by binary search:
/// `SlideId::ALL` (its starting value) must be in `Ord` order.
#[test]
fn all_slides_are_in_sort_order() {
    assert!(SlideId::ALL.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn the_analysis_slides_state_the_goal_seek_and_the_tornado() {
    use planner::model::analysis::goal_seek::{solve, Lever, Question, Target};
    use planner::model::analysis::sensitivity::{sensitivity, Measure, Swings};
    let c = Case::baseline();
    let deck = c.deck(None);
    let closes = slide(&deck, SlideId::ClosesGap);
    assert_eq!(
        closes.finding,
        "A Band D rise of £18.11 a year from 2023/24 would close the £8.1m gap by 2025/26, above the referendum limits"
    );
    let ask = |lever| {
        solve(
            &c.scenario,
            &Question {
                target: Target::CumulativeGap,
                lever,
                from: fy(2023),
            },
        )
        .unwrap()
    };
    let rise = ask(Lever::PreceptGbp);
    assert_eq!(exact(closes, "closing-rise"), rise.value);
    assert_eq!(fig(closes, "closing-rise"), "£18.11");
    // £18.11 ÷ 52 = £0.348…, 35p a week.
    assert_eq!(fig(closes, "closing-rise-week"), "35p");
    assert_eq!(
        exact(closes, "within-limits-gap"),
        rise.referendum.unwrap().within.shortfall
    );
    assert_eq!(fig(closes, "within-limits-gap"), "£6.6m");
    assert_eq!(exact(closes, "closing-savings"), ask(Lever::Savings).value);
    assert_eq!(fig(closes, "closing-savings"), "£2.7m");
    assert!(closes.notes.iter().any(|n| n.text
        == "Referendum limits per Band D: 2023/24 £15.00 (exceeded), 2024/25 £13.00 (exceeded), 2025/26 none given."));

    let most = slide(&deck, SlideId::MattersMost);
    let sens = sensitivity(&c.scenario, &Swings::registry()).unwrap();
    let ranked = sens.ranked(Measure::CumulativeGap);
    let SlideBody::Tornado(chart) = &most.body else {
        panic!("{:?}", most.body)
    };
    assert_eq!(chart.bars.len(), 8);
    for (bar, b) in chart.bars.iter().zip(&ranked) {
        assert_eq!(
            bar.low,
            b.low.delta(&sens.plan, Measure::CumulativeGap).unwrap()
        );
        assert_eq!(
            bar.high,
            b.high.delta(&sens.plan, Measure::CumulativeGap).unwrap()
        );
    }
    assert_eq!(chart.bars[0].label, "Officers leaving each year");
    assert_eq!(
        most.finding,
        "Officers leaving each year matters most: ±1 percentage point moves the cumulative gap by up to £18.2m"
    );
    assert_eq!(fig(most, "matters-1"), "£18.2m");
    assert_eq!(
        most.figure("matters-1").unwrap().label,
        "Officers leaving each year (±1 percentage point)"
    );
    assert_eq!(exact(most, "matters-2"), ranked[1].effect);
    // The bars name the assumption; the notes give each one's swing.
    assert!(most.notes.iter().any(|n| n
        .text
        .starts_with("The swings: Officers leaving each year ±1 percentage point; ")));

    // A plan with no gap to close says so.
    let c = Case::edited(|s| {
        for y in [2023, 2024, 2025] {
            s.precept.rise_gbp.value.set(fy(y), dec!(40));
        }
    });
    let closes = slide(&c.deck(None), SlideId::ClosesGap).clone();
    assert_eq!(
        closes.finding,
        "There is no cumulative gap to close by 2025/26"
    );
}

#[test]
fn the_tornado_says_which_assumptions_it_shows() {
    use planner::model::analysis::sensitivity::{sensitivity, Measure, Swings};
    use planner::view::analysis::tornado;
    let c = Case::baseline();
    let sens = sensitivity(&c.scenario, &Swings::registry()).unwrap();
    let ranked = sens.ranked(Measure::CumulativeGap);
    let still = ranked.iter().filter(|b| b.effect.is_zero()).count();
    assert!(still > 0);
    let moving = ranked.len() - still;
    let all = tornado(&sens, Measure::CumulativeGap, None);
    assert_eq!(all.bars.len(), moving);
    assert!(
        all.description.starts_with(&format!(
            "Each of the {moving} assumptions that move it ({still} of {} do not), moved down and up",
            ranked.len()
        )),
        "{}",
        all.description
    );
    let top = tornado(&sens, Measure::CumulativeGap, Some(8));
    assert!(
        top.description.starts_with(&format!(
            "The 8 assumptions with the largest effect, of {}, moved down and up",
            ranked.len()
        )),
        "{}",
        top.description
    );
}
