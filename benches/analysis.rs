//! `cargo bench --bench analysis`: how long goal seek and sensitivity take natively
//! (issue 15; the browser's figures come from `scripts/bench-browser.sh`). A plain timing
//! harness: it prints the figures, it never fails on them.
//!
//! - goal seek: the PCC's question, "what Band D rise from 2023/24 closes the cumulative
//!   gap?", on the baseline, from nothing (a new engine each time, as the app asks it);
//!   and the officer intake that keeps the general reserve above its floor (the workforce
//!   recounted at each step);
//! - the full tornado: every varied assumption moved down and up (registry swings) and
//!   projected, then ranked;
//! - the budget book's table.

use std::hint::black_box;
use std::time::{Duration, Instant};

use planner::model::analysis::goal_seek::{solve, Lever, Question, Target};
use planner::model::analysis::sensitivity::{budget_book, sensitivity, Measure, Swings};
use planner::model::baseline;

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs.get(runs.len() / 2).copied().unwrap_or_default()
}

/// The median of `n` timings of `f`, after 3 runs to warm up.
fn time_each<T>(n: usize, mut f: impl FnMut() -> T) -> Duration {
    for _ in 0..3 {
        black_box(f());
    }
    let mut runs = Vec::with_capacity(n);
    for _ in 0..n {
        let start = Instant::now();
        black_box(f());
        runs.push(start.elapsed());
    }
    median(runs)
}

fn main() -> Result<(), String> {
    let base = baseline::nottinghamshire().map_err(|e| e.to_string())?;
    let from = "2023/24".parse().map_err(|_| "year")?;
    let pcc = Question {
        target: Target::CumulativeGap,
        lever: Lever::PreceptGbp,
        from,
    };
    let answer = solve(&base, &pcc).map_err(|e| e.to_string())?;
    let t = time_each(51, || solve(black_box(&base), &pcc).map(|a| a.value));
    println!(
        "goal seek, the PCC's question (Band D rise from 2023/24 closing the cumulative gap: £{}, {} projections; median of 51): {t:?}",
        answer.value, answer.projections
    );
    let intake = Question {
        target: Target::ReserveFloor,
        lever: Lever::OfficerIntake,
        from,
    };
    let answer = solve(&base, &intake).map_err(|e| e.to_string())?;
    let t = time_each(51, || solve(black_box(&base), &intake).map(|a| a.value));
    println!(
        "goal seek, officer intake keeping the reserve above its floor ({} officers, {} projections; median of 51): {t:?}",
        answer.value, answer.projections
    );
    let swings = Swings::registry();
    let s = sensitivity(&base, &swings).map_err(|e| e.to_string())?;
    let t = time_each(51, || {
        sensitivity(black_box(&base), &swings).map(|s| s.ranked(Measure::CumulativeGap).len())
    });
    println!(
        "full tornado ({} rows, ranked; median of 51): {t:?}",
        s.rows.len()
    );
    let t = time_each(51, || budget_book(black_box(&base)).map(|c| c.len()));
    println!("budget book's table (median of 51): {t:?}");
    Ok(())
}
