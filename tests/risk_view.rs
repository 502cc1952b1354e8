//! The risk screen's pure parts (issue 16, docs/risk.md "In the planner"): the CSV the
//! screen offers is `mtfp risk --format csv` byte for byte, the fan charts' figures and
//! titles are the run's, and the risk slide states the run's summary with the chance below
//! the floor by year.

use std::ffi::OsString;

use planner::model::risk::{self, Settings};
use planner::model::{baseline, engine};
use planner::view::risk::{band_figures, csv, fan, Measure};
use planner::view::slides::{deck, Inputs, SlideBody, SlideId};
use rust_decimal::dec;

fn mtfp(args: &[&str]) -> String {
    let args: Vec<OsString> = args.iter().map(OsString::from).collect();
    let mut out = Vec::new();
    planner::cli::run_os(args, &mut std::io::empty(), &mut out)
        .map_err(|f| f.message)
        .unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn the_screens_csv_is_mtfp_risks_byte_for_byte() {
    let s = baseline::nottinghamshire().unwrap();
    for (coupled, above) in [(false, None), (true, Some(dec!(20000000)))] {
        let settings = Settings {
            draws: 1_000,
            seed: 42,
            coupled,
            threshold: above,
            ..Settings::default()
        };
        let r = risk::run(&s, &settings).unwrap();
        let mut args = vec![
            "risk", "--draws", "1,000", "--seed", "42", "--format", "csv",
        ];
        if coupled {
            args.push("--coupled");
        }
        assert_eq!(csv(&r), mtfp(&args), "coupled {coupled}");
    }
}

#[test]
fn the_fans_and_the_slide_are_the_runs_figures() {
    let s = baseline::nottinghamshire().unwrap();
    let settings = Settings {
        draws: 1_000,
        seed: 42,
        ..Settings::default()
    };
    let r = risk::run(&s, &settings).unwrap();
    let last = r.years.last().unwrap();
    // docs/risk.md §4's worked figures.
    assert_eq!(
        band_figures(&last.cumulative_gap),
        [
            dec!(-10215485.11),
            band_figures(&last.cumulative_gap)[1],
            dec!(32309139.50),
            band_figures(&last.cumulative_gap)[3],
            dec!(76005020.31),
            dec!(8088692.75)
        ]
    );
    let f = fan(&r, Measure::CumulativeGap);
    assert_eq!(f.id, "risk-cumulative-gap");
    assert_eq!(f.categories.len(), r.years.len());
    assert_eq!(f.years.last().unwrap().p50, last.cumulative_gap.p50);
    assert_eq!(
        f.title,
        "The cumulative gap by 2025/26: \u{2212}£10.2m to £76.0m in 9 of 10 draws (median £32.3m), against the plan's £8.1m"
    );
    let g = fan(&r, Measure::GeneralReserve);
    assert_eq!(
        g.years.first().unwrap().plan,
        r.years[0].general_reserve.plan
    );

    let p = engine::project(&s).unwrap();
    let slides = deck(&Inputs {
        scenario: &s,
        projection: &p,
        baseline: &s,
        baseline_projection: &p,
        year: None,
        risk: Some(&r),
    });
    let slide = slides.iter().find(|x| x.id == SlideId::Risk).unwrap();
    assert_eq!(slide.finding, r.summary);
    let SlideBody::Fan(chart, rows) = &slide.body else {
        panic!("{:?}", slide.body)
    };
    assert_eq!(chart, &f);
    let end = rows.last().unwrap();
    assert_eq!(
        (end.year.as_str(), end.chance.as_str(), end.draws.as_str()),
        ("2025/26", "89.6%", "896 of 1,000")
    );
    assert!(slide
        .notes
        .iter()
        .any(|n| n.text.contains("mtfp risk --draws 1000 --seed 42 gives")));
    // Without a run, the slide says how to make one.
    let none = deck(&Inputs {
        scenario: &s,
        projection: &p,
        baseline: &s,
        baseline_projection: &p,
        year: None,
        risk: None,
    });
    let slide = none.iter().find(|x| x.id == SlideId::Risk).unwrap();
    assert!(
        matches!(&slide.body, SlideBody::Unavailable(why) if why.contains("How likely is a breach"))
    );
}
