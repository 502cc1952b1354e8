//! Risk analysis (issue 16, docs/risk.md): a seeded run is reproducible; collapsed ranges
//! give the plan itself; percentiles are ordered; shares are counted; the distributions'
//! samples have the right mean and bounds; and the run's figures equal a plain restatement
//! of docs/risk.md (a fresh copy of the scenario per draw, projected from nothing).

use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};
use rust_decimal::dec;
use rust_decimal::Decimal;

use planner::model::engine::{self, Totals};
use planner::model::registry::{self, Analysis, Change, Spread, Unit};
use planner::model::risk::draw::{quantile, Distribution, Draws};
use planner::model::risk::{self, Range, Risk, Run, Settings};
use planner::model::{baseline, FinancialYear, Scenario};

fn base() -> Scenario {
    baseline::nottinghamshire().unwrap()
}

fn settings(draws: usize, seed: u64) -> Settings {
    Settings {
        draws,
        seed,
        ..Settings::default()
    }
}

#[test]
fn the_same_seed_gives_the_same_figures_and_another_seed_others() {
    let s = base();
    let a = risk::run(&s, &settings(1_000, 42)).unwrap();
    let b = risk::run(&s, &settings(1_000, 42)).unwrap();
    assert_eq!(a, b);
    let c = risk::run(&s, &settings(1_000, 43)).unwrap();
    assert_ne!(a.years, c.years);
    // In slices of any size, the same figures.
    let mut run = Run::new(&s, &settings(1_000, 42)).unwrap();
    while !run.is_done() {
        run.step(77).unwrap();
    }
    assert_eq!(run.done(), 1_000);
    assert_eq!(run.finish().unwrap(), a);
}

/// These figures are also asserted by the browser test `risk_in_wasm_equals_native`
/// (tests/web.rs): the same seed gives the same pennies in wasm.
#[test]
fn finishing_in_pieces_gives_the_figures_of_finishing_at_once() {
    // The browser finishes a run in pieces (Run::finish_step) between looks at the clock.
    let s = base();
    let mut at_once = Run::new(&s, &settings(1_000, 7)).unwrap();
    at_once.step(1_000).unwrap();
    let mut pieces = at_once.clone();
    // Nothing is done ahead before the last draw.
    let mut early = Run::new(&s, &settings(1_000, 7)).unwrap();
    early.step(10).unwrap();
    assert!(!early.finish_step());
    let mut n = 0;
    while pieces.finish_step() {
        n += 1;
    }
    let years = s.horizon.year_list().len();
    let varied = at_once.clone().finish().unwrap().drivers.len();
    assert_eq!(
        n,
        3 * years + 1 + varied,
        "each list, the outcome's ranks, each assumption"
    );
    assert!(!pieces.finish_step(), "and nothing more");
    assert_eq!(pieces.finish().unwrap(), at_once.finish().unwrap());
}

#[test]
fn seed_42_on_the_baseline_gives_these_figures() {
    let r = risk::run(&base(), &settings(1_000, 42)).unwrap();
    let last = r.years.last().unwrap();
    assert_eq!(
        (
            last.cumulative_gap.p5,
            last.cumulative_gap.p50,
            last.cumulative_gap.p95,
            last.general_reserve.p50,
            last.below_floor,
        ),
        native_seed_42()
    );
}

fn native_seed_42() -> (Decimal, Decimal, Decimal, Decimal, usize) {
    (
        dec!(-10215485.11),
        dec!(32309139.50),
        dec!(76005020.31),
        dec!(-25310952.69),
        896,
    )
}

#[test]
fn collapsed_ranges_give_the_plan_in_every_percentile() {
    let s = base();
    let ranges = registry::assumptions(&s)
        .into_iter()
        .filter_map(|a| match a.about().analysis {
            Analysis::Varied { uncertainty, .. } => {
                let v = uncertainty.likely.value;
                Some((
                    a.key(),
                    Range {
                        distribution: Distribution::Triangular,
                        low: v,
                        likely: v,
                        high: v,
                    },
                ))
            }
            Analysis::Fixed { .. } => None,
        })
        .collect();
    let r = risk::run(
        &s,
        &Settings {
            ranges,
            ..settings(1_000, 9)
        },
    )
    .unwrap();
    let plan = engine::totals(&s).unwrap();
    assert_eq!(r.years.len(), plan.years().len());
    for (y, p) in r.years.iter().zip(plan.years()) {
        for (band, want) in [
            (y.gap, p.gap),
            (y.cumulative_gap, p.cumulative_gap),
            (y.general_reserve, p.general_reserve),
        ] {
            for got in [band.p5, band.p25, band.p50, band.p75, band.p95, band.plan] {
                assert_eq!(got, want, "{}", y.year);
            }
        }
        let all_or_none = if p.floor_breached { 1_000 } else { 0 };
        assert_eq!(y.below_floor, all_or_none, "{}", y.year);
    }
    assert_eq!(r.above_plan, 0);
    assert!(r.drivers.iter().all(|d| d.correlation.is_zero()));
}

#[test]
fn percentiles_are_ordered_and_shares_are_counted() {
    let r = risk::run(&base(), &settings(2_000, 5)).unwrap();
    for y in &r.years {
        for b in [y.gap, y.cumulative_gap, y.general_reserve] {
            assert!(
                b.p5 <= b.p25 && b.p25 <= b.p50 && b.p50 <= b.p75 && b.p75 <= b.p95,
                "{} {b:?}",
                y.year
            );
        }
        assert_eq!(
            y.probability_below_floor,
            risk::stats::share(y.below_floor, 2_000)
        );
        assert!(y.below_zero <= y.below_floor || y.general_reserve.p5 < Decimal::ZERO);
    }
    assert_eq!(r.histogram.iter().map(|b| b.count).sum::<usize>(), 2_000);
    assert_eq!(r.histogram.len(), risk::BINS);
    // 1,234 of 2,000 is 0.617; 1 of 3 is 0.3333 (four places, halves away from zero).
    assert_eq!(risk::stats::share(1_234, 2_000), dec!(0.6170));
    assert_eq!(risk::stats::share(1, 3), dec!(0.3333));
    assert_eq!(risk::stats::share(1, 8), dec!(0.1250));
}

#[test]
fn distributions_have_the_right_mean_and_bounds() {
    let mut d = Draws::new(11);
    let n = 200_000;
    let (mut tri, mut uni) = (0.0, 0.0);
    for _ in 0..n {
        let t = quantile(Distribution::Triangular, 0.0, 2.5, 7.0, d.uniform());
        let u = quantile(Distribution::Uniform, -5.0, 0.0, 15.0, d.uniform());
        assert!((0.0..=7.0).contains(&t) && (-5.0..=15.0).contains(&u));
        tri += t;
        uni += u;
    }
    // Triangular mean (a + c + b) ÷ 3 = 3.1667, sd 1.44: the sample mean of 200,000
    // is within 0.01 (over 3 standard errors). Uniform mean 5, sd 5.77: within 0.04.
    assert!(
        (tri / n as f64 - 9.5 / 3.0).abs() < 0.01,
        "{}",
        tri / n as f64
    );
    assert!((uni / n as f64 - 5.0).abs() < 0.04, "{}", uni / n as f64);
}

#[test]
fn bad_settings_are_refused() {
    let e = risk::run(&base(), &settings(999, 1)).unwrap_err();
    assert_eq!(e.path, "risk.draws");
    assert!(risk::run(&base(), &settings(100_001, 1)).is_err());
}

#[test]
fn coupling_places_pay_and_inflation_at_one_point() {
    let s = base();
    let coupled = risk::run(
        &s,
        &Settings {
            coupled: true,
            ..settings(1_000, 3)
        },
    )
    .unwrap();
    let key = |r: &Risk, k: &str| {
        r.drivers
            .iter()
            .find(|d| d.key == k)
            .map(|d| d.correlation)
            .unwrap()
    };
    // One number places all three, so their correlations with the outcome are equal.
    let pay = key(&coupled, "officer_pay_award");
    assert_eq!(pay, key(&coupled, "staff_pay_award"));
    assert_eq!(pay, key(&coupled, "non_pay_inflation"));
    assert!(coupled.coupled);
}

// A restatement of docs/risk.md, step by step: a fresh copy of the scenario per draw,
// set through the registry, projected by `engine::totals` (no caching engine).

fn uniform(rng: &mut ChaCha8Rng) -> f64 {
    (rng.next_u64() >> 11) as f64 / 9_007_199_254_740_992.0
}

fn as_f64(d: Decimal) -> f64 {
    let mut x = d.mantissa() as f64;
    for _ in 0..d.scale() {
        x /= 10.0;
    }
    x
}

fn triangular(a: f64, c: f64, b: f64, u: f64) -> f64 {
    if b <= a {
        return a;
    }
    if u < (c - a) / (b - a) {
        a + (u * (b - a) * (c - a)).sqrt()
    } else {
        b - ((1.0 - u) * (b - a) * (b - c)).sqrt()
    }
}

fn reference_draws(s: &Scenario, seed: u64, n: usize) -> Vec<Totals> {
    let from = s.horizon.base_year.plus(1).unwrap();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut out = Vec::new();
    for _ in 0..n {
        let mut copy = s.clone();
        for a in registry::assumptions(s) {
            let Analysis::Varied { uncertainty, .. } = a.about().analysis else {
                continue;
            };
            let def = a.def();
            let years: Vec<Option<FinancialYear>> = if def.years.is_single() {
                vec![None]
            } else {
                a.years(s)
                    .into_iter()
                    .filter(|y| *y >= from)
                    .map(Some)
                    .collect()
            };
            let figures: Vec<(Option<FinancialYear>, Decimal)> = years
                .into_iter()
                .filter_map(|y| a.get(s, y).map(|v| (y, v)))
                .collect();
            if figures.is_empty() {
                continue;
            }
            let u = uniform(&mut rng);
            let (low, likely, high) = (
                uncertainty.low.value,
                uncertainty.likely.value,
                uncertainty.high.value,
            );
            let x = triangular(as_f64(low), as_f64(likely), as_f64(high), u);
            let places = match uncertainty.spread {
                Spread::Percent => 2,
                _ => def.unit.places(),
            };
            let drawn = Decimal::new((x * 10f64.powi(places as i32)).round() as i64, places);
            let change = match uncertainty.spread {
                Spread::Value => Change::By(drawn - likely),
                Spread::By => Change::By(drawn),
                Spread::Percent => Change::Percent(drawn),
            };
            let zero = matches!(change, Change::By(d) | Change::Percent(d) if d.is_zero());
            if zero {
                continue;
            }
            for (y, v) in figures {
                let moved = change.apply(v, def.unit).unwrap().clamp(def.min, def.max);
                (def.set)(&mut copy, &a.target, y, moved).unwrap();
            }
        }
        out.push(engine::totals(&copy).unwrap());
    }
    out
}

#[test]
fn a_run_equals_the_documents_restatement() {
    let s = base();
    let n = 40;
    let draws = reference_draws(&s, 2024, n);
    let mut run = Run::new(&s, &settings(1_000, 2024)).unwrap();
    run.step(n).unwrap();
    let r = run.finish().unwrap();
    assert_eq!(r.draws, n);
    for (k, y) in r.years.iter().enumerate() {
        let mut cumulative: Vec<Decimal> =
            draws.iter().map(|t| t.years()[k].cumulative_gap).collect();
        cumulative.sort();
        let mut reserve: Vec<Decimal> =
            draws.iter().map(|t| t.years()[k].general_reserve).collect();
        reserve.sort();
        // Nearest rank of 40: P5 is the 2nd, P25 the 10th, P50 the 20th, P75 the 30th, P95
        // the 38th.
        for (got, want) in [
            (y.cumulative_gap.p5, cumulative[1]),
            (y.cumulative_gap.p25, cumulative[9]),
            (y.cumulative_gap.p50, cumulative[19]),
            (y.cumulative_gap.p75, cumulative[29]),
            (y.cumulative_gap.p95, cumulative[37]),
            (y.general_reserve.p5, reserve[1]),
            (y.general_reserve.p95, reserve[37]),
        ] {
            assert_eq!(got, want, "{}", y.year);
        }
        let below = draws.iter().filter(|t| t.years()[k].floor_breached).count();
        assert_eq!(y.below_floor, below, "{}", y.year);
        assert_eq!(y.probability_below_floor, risk::stats::share(below, n));
        let negative = draws
            .iter()
            .filter(|t| t.years()[k].general_reserve < Decimal::ZERO)
            .count();
        assert_eq!(y.below_zero, negative, "{}", y.year);
    }
    let plan = engine::totals(&s).unwrap().cumulative_gap();
    let above = draws.iter().filter(|t| t.cumulative_gap() > plan).count();
    assert_eq!(r.above_plan, above);
    assert_eq!(Unit::Pounds.places(), 2);
}

/// `mtfp ARGS…`: standard output, or the exit code and message.
fn mtfp(args: &[&str]) -> Result<String, (u8, String)> {
    let args: Vec<std::ffi::OsString> = args.iter().map(std::ffi::OsString::from).collect();
    let mut out = Vec::new();
    planner::cli::run_os(args, &mut &b""[..], &mut out).map_err(|f| (f.code, f.message))?;
    Ok(String::from_utf8(out).unwrap())
}

#[test]
fn mtfp_risk_prints_the_run_by_year_as_csv_and_json() {
    let csv = mtfp(&["risk", "--draws", "1,000", "--seed", "42"]).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 6, "{csv}");
    assert!(lines[0].starts_with("year,gap_p5,"));
    assert!(lines[0].contains(",cumulative_gap_p50,"));
    assert!(lines[0].ends_with(",probability_below_floor,probability_below_zero"));
    // The figures the native and browser tests assert, as printed.
    assert_eq!(
        lines[5],
        "2025/26,-3602614.87,6961018.55,13737436.17,22030487.18,33424215.64,4400088.26,\
         -10215485.11,14966152.92,32309139.50,50478985.80,76005020.31,8088692.75,\
         -69574956.89,-43499257.00,-25310952.69,-7983823.92,16830211.95,-1088692.75,\
         0.8960,0.8480"
    );
    let json: serde_json::Value = serde_json::from_str(
        &mtfp(&[
            "risk",
            "-n",
            "1000",
            "-s",
            "42",
            "--above",
            "£20,000,000",
            "--format",
            "json",
        ])
        .unwrap(),
    )
    .unwrap();
    assert_eq!(json["draws"], 1000);
    assert_eq!(json["seed"], 42);
    let last = &json["years"][4];
    assert_eq!(last["year"], "2025/26");
    assert_eq!(last["cumulative_gap"]["p50"], "32309139.50");
    assert_eq!(last["probability_below_floor"], "0.8960");
    assert_eq!(json["above"]["amount"], "20000000.00");
    assert_eq!(
        json["final_cumulative_gap_histogram"]
            .as_array()
            .unwrap()
            .len(),
        20
    );
    assert!(json["summary"].as_str().unwrap().starts_with("In "));
    assert!(json["drivers"].as_array().unwrap().len() > 10);
}

#[test]
fn mtfp_risk_refuses_bad_options() {
    for (args, says) in [
        (
            vec!["risk", "--draws", "999"],
            "--draws 999: use 1000 to 100000",
        ),
        (
            vec!["risk", "--draws", "many"],
            "not a whole number of draws",
        ),
        (
            vec!["risk", "--seed", "-1"],
            "--seed -1: not a whole number from 0",
        ),
        (vec!["risk", "--above", "lots"], "not an amount of money"),
    ] {
        let (code, message) = mtfp(&args).unwrap_err();
        assert_eq!(code, planner::cli::EXIT_BAD_INPUT, "{args:?}");
        assert!(message.contains(says), "{message}");
    }
}
