//! The hindsight scenario (docs/outturn.md §4): Nottinghamshire's 2021/22 plan with what is
//! now known. Its Band D and pay awards are the published ones, every check against the
//! published figures passes, and the bridge from the plan's £8.1m adds up to the hindsight
//! figure to the penny.

use rust_decimal::dec;

use crate::util::engine::fy;
use planner::model::engine::project;
use planner::model::outturn::hindsight::{self, Published};
use planner::model::{baseline, Scenario};
use planner::view::outturn::hindsight_bridge;

fn both() -> (Scenario, Scenario) {
    (
        baseline::nottinghamshire().unwrap(),
        hindsight::nottinghamshire().unwrap(),
    )
}

#[test]
fn band_d_and_pay_awards_are_the_published_ones() {
    let (_, h) = both();
    assert_eq!(h.name, "2021/22 plan with what is now known");
    let p = project(&h).unwrap();
    let band_d: Vec<_> = p.years.iter().skip(1).map(|y| y.precept.band_d).collect();
    assert_eq!(
        band_d,
        [dec!(254.25), dec!(269.19), dec!(282.15), dec!(296.10)]
    );
    let awards: Vec<_> = ["2022/23", "2023/24", "2024/25", "2025/26"]
        .iter()
        .map(|y| {
            h.assumptions
                .officer_pay_award_pct
                .value
                .get(fy(y))
                .unwrap()
        })
        .collect();
    assert_eq!(awards, [dec!(5), dec!(7), dec!(4.75), dec!(4.2)]);
    // Every change is cited; estimates say so.
    for c in hindsight::changes() {
        assert!(!c.source.is_empty());
        assert_eq!(
            c.estimate,
            c.source.starts_with("Estimate") || c.source.starts_with("As "),
            "{}",
            c.source
        );
    }
    assert!(h
        .assumptions
        .officer_pay_award_pct
        .source
        .text
        .contains("4.75% (policing press 2024)"));
}

#[test]
fn every_check_against_the_published_figures_passes() {
    let (_, h) = both();
    let p = project(&h).unwrap();
    let checks = hindsight::checks(&h, &p).unwrap();
    assert_eq!(checks.len(), 14);
    for c in &checks {
        assert!(c.ok, "{c:?}");
    }
    // 2023/24: net revenue spend £261.7m, council tax within £89.4m–£89.6m.
    let first = &checks[0];
    assert_eq!(
        (first.what, first.model),
        ("Net revenue spend", dec!(261728737.15))
    );
    assert_eq!(
        checks[1].published,
        Published::Millions(dec!(89.4), dec!(89.6))
    );
    assert_eq!(checks[1].model, dec!(89616675.46));
    // Main grant (core + formula): £163,198,250.75 in 2024/25 and £169,203,946.38 in 2025/26.
    assert_eq!(checks[10].model, dec!(163198250.75));
    assert_eq!(checks[11].model, dec!(169203946.38));
    // A check that fails says so: the plan's own 2025/26 main grant is not £169.2m.
    let b = baseline::nottinghamshire().unwrap();
    let pb = project(&b).unwrap();
    let plan_checks = hindsight::checks(&b, &pb).unwrap();
    assert!(!plan_checks[11].ok, "{:?}", plan_checks[11]);
}

#[test]
fn the_bridge_adds_up_to_the_difference_to_the_penny() {
    let (b, h) = both();
    let (pb, ph) = (project(&b).unwrap(), project(&h).unwrap());
    assert_eq!(pb.cumulative_gap(), dec!(8088692.75));
    assert_eq!(ph.cumulative_gap(), dec!(12682855.07));
    let steps = hindsight_bridge(&b, &pb, &h, &ph).unwrap();
    let named: Vec<_> = steps.iter().map(|s| (s.group, s.change)).collect();
    assert_eq!(
        named,
        [
            ("Funding and grants", dec!(-8523084.15)),
            ("Precept", dec!(2871388.99)),
            ("Pay and inflation", dec!(10245857.48)),
        ]
    );
    let sum: rust_decimal::Decimal = steps.iter().map(|s| s.change).sum();
    assert_eq!(sum, ph.cumulative_gap() - pb.cumulative_gap());
    // The first years are the plan's: nothing published changes them.
    for y in 0..3 {
        assert_eq!(ph.years[y].gap, pb.years[y].gap);
    }
}

#[test]
fn mtfp_project_hindsight_projects_it() {
    let mut out = Vec::new();
    planner::cli::run(&["project".into(), "--hindsight".into()], &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.ends_with("2025/26,289254734.85,296579653.20,7324918.35,12682855.07,14317144.93\n"),
        "{text}"
    );
    let mut out = Vec::new();
    let e = planner::cli::run(
        &["project".into(), "x.json".into(), "--hindsight".into()],
        &mut out,
    )
    .unwrap_err();
    assert!(e.contains("give no SCENARIO.json"), "{e}");
}
