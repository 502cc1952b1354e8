//! `planner-bench`: the engine benchmark in the browser, built by
//! `scripts/bench-browser.sh` for wasm32 with the release profile the app ships with, and
//! run by `e2e/bench.mjs` in headless Chromium. It prints nothing and never fails: it
//! returns the figures, the same ones `cargo bench --bench engine` prints natively.
//!
//! `analysis_bench` times goal seek (the PCC's question) and the full tornado (issue 15),
//! as `cargo bench --bench analysis` does natively.
//!
//! The page's clock (`performance.now()`) is coarse (100 µs outside a cross-origin
//! isolated page), so each figure is the median over batches of the time per projection.

#[cfg(target_arch = "wasm32")]
#[path = "../../benches/support/varied.rs"]
mod varied;

#[cfg(target_arch = "wasm32")]
mod web {
    use std::hint::black_box;

    use planner::model::engine::{self, Engine};
    use planner::model::{baseline, risk, FinancialYear};
    use rust_decimal::Decimal;
    use wasm_bindgen::prelude::*;

    use super::varied::{apply, draw, Draw, Rng};

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = performance)]
        pub fn now() -> f64;
    }

    /// Microseconds per call of `f`: the median over `batches` batches of `per_batch` calls.
    fn per_call(batches: usize, per_batch: usize, mut f: impl FnMut()) -> f64 {
        for _ in 0..per_batch {
            f();
        }
        let mut times: Vec<f64> = (0..batches)
            .map(|_| {
                let start = now();
                for _ in 0..per_batch {
                    f();
                }
                (now() - start) * 1000.0 / per_batch as f64
            })
            .collect();
        times.sort_by(f64::total_cmp);
        times.get(times.len() / 2).copied().unwrap_or(f64::NAN)
    }

    /// Run the engine benchmark; the figures as JSON (µs per projection, and the 10,000
    /// varied projections' total in ms), or an error message.
    #[wasm_bindgen]
    pub fn engine_bench() -> Result<String, JsValue> {
        let err = |e: planner::model::ModelError| JsValue::from_str(&e.to_string());
        let base = baseline::nottinghamshire().map_err(err)?;
        let mut engine = Engine::new();
        engine.project(&base).map_err(err)?;
        let full = per_call(21, 200, || {
            black_box(engine.project(black_box(&base)).ok());
        });
        let totals = per_call(21, 200, || {
            black_box(engine.totals(black_box(&base)).ok());
        });
        let cold = per_call(11, 20, || {
            black_box(engine::project(black_box(&base)).ok());
        });
        let year: FinancialYear = "2024/25".parse().map_err(|_| JsValue::from_str("year"))?;
        let mut s = base.clone();
        let mut flip = false;
        let pay = per_call(21, 100, || {
            flip = !flip;
            let v = if flip {
                Decimal::new(35, 1)
            } else {
                Decimal::new(25, 1)
            };
            s.assumptions.officer_pay_award_pct.value.set(year, v);
            black_box(engine.project(&s).ok());
        });
        let inflation = per_call(21, 100, || {
            flip = !flip;
            let v = if flip {
                Decimal::from(4)
            } else {
                Decimal::from(3)
            };
            s.assumptions.non_pay_inflation_pct.value.set(year, v);
            black_box(engine.project(&s).ok());
        });
        let n = base.horizon.year_list().len();
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let draws: Vec<Draw> = (0..10_000).map(|_| draw(&mut rng, n)).collect();
        let mut work = base.clone();
        let mut engine = Engine::new();
        let mut sum = Decimal::ZERO;
        let start = now();
        for d in &draws {
            apply(&mut work, &base, d);
            let t = engine.totals(black_box(&work)).map_err(err)?;
            sum = sum
                .checked_add(t.cumulative_gap())
                .ok_or_else(|| JsValue::from_str("overflow"))?;
        }
        let varied_ms = now() - start;
        // A risk run of 10,000 draws on the baseline (seed 1), as `mtfp risk` makes it.
        let start = now();
        let r = risk::run(&base, &risk::Settings::default()).map_err(err)?;
        let risk_ms = now() - start;
        let risk_p50 = r
            .years
            .last()
            .map_or(Decimal::ZERO, |y| y.cumulative_gap.p50);
        Ok(format!(
            "{{\"full_us\":{full:.2},\"totals_us\":{totals:.2},\"cold_us\":{cold:.2},\"pay_change_us\":{pay:.2},\"inflation_change_us\":{inflation:.2},\"varied_10000_ms\":{varied_ms:.1},\"varied_sum\":\"{sum}\",\"risk_10000_ms\":{risk_ms:.1},\"risk_p50\":\"{risk_p50}\"}}"
        ))
    }
}

#[cfg(target_arch = "wasm32")]
mod analysis {
    use std::hint::black_box;

    use planner::model::analysis::goal_seek::{solve, Lever, Question, Target};
    use planner::model::analysis::sensitivity::{budget_book, sensitivity, Measure, Swings};
    use planner::model::baseline;
    use wasm_bindgen::prelude::*;

    use super::web::now;

    /// Milliseconds for `f`: the median of `n` runs, after 2 to warm up.
    fn median_ms(n: usize, mut f: impl FnMut()) -> f64 {
        f();
        f();
        let mut times: Vec<f64> = (0..n)
            .map(|_| {
                let start = now();
                f();
                now() - start
            })
            .collect();
        times.sort_by(f64::total_cmp);
        times.get(times.len() / 2).copied().unwrap_or(f64::NAN)
    }

    /// Time goal seek and sensitivity on the baseline; the figures as JSON (ms), or an
    /// error message.
    #[wasm_bindgen]
    pub fn analysis_bench() -> Result<String, JsValue> {
        let base = baseline::nottinghamshire().map_err(|e| JsValue::from_str(&e.to_string()))?;
        let from = "2023/24".parse().map_err(|_| JsValue::from_str("year"))?;
        let ask = |target, lever| Question {
            target,
            lever,
            from,
        };
        let pcc = ask(Target::CumulativeGap, Lever::PreceptGbp);
        let answer = solve(&base, &pcc).map_err(|e| JsValue::from_str(&e.to_string()))?;
        let goal_seek = median_ms(21, || {
            black_box(solve(black_box(&base), &pcc).ok());
        });
        let intake = ask(Target::ReserveFloor, Lever::OfficerIntake);
        let intake_ms = median_ms(11, || {
            black_box(solve(black_box(&base), &intake).ok());
        });
        let swings = Swings::registry();
        let tornado = median_ms(21, || {
            black_box(
                sensitivity(black_box(&base), &swings)
                    .map(|s| s.ranked(Measure::CumulativeGap).len())
                    .ok(),
            );
        });
        let book = median_ms(21, || {
            black_box(budget_book(black_box(&base)).ok());
        });
        Ok(format!(
            "{{\"goal_seek_ms\":{goal_seek:.2},\"goal_seek_value\":\"{}\",\"goal_seek_projections\":{},\"intake_goal_seek_ms\":{intake_ms:.2},\"tornado_ms\":{tornado:.2},\"budget_book_ms\":{book:.2}}}",
            answer.value, answer.projections
        ))
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
