//! `cargo bench --bench engine`: how long the engine takes, natively. A plain timing
//! harness (no statistics crate): it prints the figures, it never fails on them.
//!
//! - one baseline projection: the full projection (every line, the precept, reserves,
//!   warnings) by an `Engine` that has projected the baseline before, so it keeps the
//!   workforce model's and the register's results, as the app and the analyses do;
//! - the same from nothing (`engine::project`: validation, both modules, the lines);
//! - 10,000 varied projections: each sets pay awards, non-pay inflation, the precept
//!   rise, grant growth, tax base growth, savings, officer recruits and collaboration
//!   costs (all together, drawn beforehand) on a working copy of the baseline, then
//!   projects its totals, as a risk analysis does (five batches: the median time by the
//!   clock and the median time on a CPU, which a busy machine inflates less);
//! - one assumption changed and re-projected: a pay award, then non-pay inflation, each
//!   set and the whole projection redone;
//! - a risk run (docs/risk.md): 10,000 draws of the baseline with seed 1, as `mtfp risk`.
//!
//! `cargo bench --bench engine -- varied` (or `one`, `risk`) runs only the sections named.
//! The bench profile (Cargo.toml) is the release profile at `opt-level = 3`: the native
//! figures are the speed-optimised build's; the browser's wasm stays at `opt-level = "z"`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use planner::model::engine::{self, Engine};
use planner::model::{baseline, risk, FinancialYear};
use rust_decimal::Decimal;

#[path = "support/varied.rs"]
mod varied;

use varied::{apply, draw, Draw, Rng};

/// The time this thread has spent on a CPU (Linux's /proc/thread-self/schedstat, in ns), or
/// `None` where that cannot be read.
fn thread_cpu() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs.get(runs.len() / 2).copied().unwrap_or_default()
}

/// The median of `n` timings of `f`, after 20 runs to warm up.
fn time_each<T>(n: usize, mut f: impl FnMut() -> T) -> Duration {
    for _ in 0..20 {
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

/// Whether the section `name` is to run: every section when no filter is given
/// (`cargo bench --bench engine -- varied risk` runs only those two; `one` is the single
/// projections and the file's parsing).
fn wanted(name: &str) -> bool {
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    filters.is_empty() || filters.iter().any(|f| f == name)
}

fn main() -> Result<(), String> {
    let base = baseline::nottinghamshire().map_err(|e| e.to_string())?;
    if wanted("one") {
        single(&base)?;
    }
    if wanted("varied") {
        varied_projections(&base)?;
    }
    if wanted("risk") {
        risk_run(&base)?;
    }
    Ok(())
}

/// One projection: full, totals only, from nothing, and after one assumption changed; the
/// baseline file parsed and validated.
fn single(base: &planner::model::Scenario) -> Result<(), String> {
    let base = base.clone();
    let err = |e: planner::model::ModelError| e.to_string();
    let mut engine = Engine::new();
    let one = time_each(1001, || engine.project(black_box(&base)).map_err(err));
    println!("one baseline projection, full, modules kept (median of 1,001): {one:?}");
    let totals = time_each(1001, || engine.totals(black_box(&base)).map_err(err));
    println!("one baseline projection, totals only, modules kept (median of 1,001): {totals:?}");
    let cold = time_each(1001, || engine::project(black_box(&base)).map_err(err));
    println!("one baseline projection from nothing (validation and both modules; median of 1,001): {cold:?}");

    // One assumption changed, then the whole projection redone: a pay award (the
    // workforce re-priced) and non-pay inflation (no module rerun), alternating values.
    let year: FinancialYear = "2024/25".parse().map_err(|_| "year")?;
    let mut s = base.clone();
    let mut flip = false;
    let pay = time_each(1001, || {
        flip = !flip;
        s.assumptions.officer_pay_award_pct.value.set(
            year,
            if flip {
                Decimal::new(35, 1)
            } else {
                Decimal::new(25, 1)
            },
        );
        engine.project(&s).map_err(err)
    });
    let inflation = time_each(1001, || {
        flip = !flip;
        s.assumptions.non_pay_inflation_pct.value.set(
            year,
            if flip {
                Decimal::from(4)
            } else {
                Decimal::from(3)
            },
        );
        engine.project(&s).map_err(err)
    });
    println!("change one assumption and re-project, full (median of 1,001): pay award {pay:?}, non-pay inflation {inflation:?}");

    let (loaded, load_time) = {
        let start = Instant::now();
        let loaded = baseline::nottinghamshire();
        (loaded, start.elapsed())
    };
    black_box(loaded.map_err(err)?);
    println!("parse and validate the baseline file: {load_time:?}");
    Ok(())
}

/// 10,000 varied projections (five batches).
fn varied_projections(base: &planner::model::Scenario) -> Result<(), String> {
    let base = base.clone();
    let err = |e: planner::model::ModelError| e.to_string();

    // 10,000 draws, every varied assumption set on a working copy, then projected: five
    // batches, each from a fresh engine, timed by the clock and by the thread's time on
    // a CPU (which leaves out time spent waiting while other processes ran: the machine
    // is shared, so the clock's figure swings with its load).
    let n = base.horizon.year_list().len();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let draws: Vec<Draw> = (0..10_000).map(|_| draw(&mut rng, n)).collect();
    let mut walls = Vec::new();
    let mut cpus = Vec::new();
    let mut sum = Decimal::ZERO;
    for _ in 0..5 {
        let mut work = base.clone();
        let mut engine = Engine::new();
        let cpu_start = thread_cpu();
        let start = Instant::now();
        sum = Decimal::ZERO;
        for d in &draws {
            apply(&mut work, &base, d);
            let t = engine.totals(black_box(&work)).map_err(err)?;
            sum = sum.checked_add(t.cumulative_gap()).ok_or("overflow")?;
        }
        walls.push(start.elapsed());
        if let (Some(a), Some(b)) = (cpu_start, thread_cpu()) {
            cpus.push(b.saturating_sub(a));
        }
    }
    let cpu = if cpus.is_empty() {
        "not measured".to_string()
    } else {
        format!("{:?}", median(cpus))
    };
    println!(
        "10,000 varied projections (set every assumption, then project the totals; median of 5): {:?} by the clock, {cpu} on a CPU (sum of their cumulative gaps £{sum})",
        median(walls)
    );

    Ok(())
}

/// A risk run: 10,000 draws of the baseline (seed 1), as `mtfp risk` makes them.
fn risk_run(base: &planner::model::Scenario) -> Result<(), String> {
    let err = |e: planner::model::ModelError| e.to_string();
    let mut risk_cpu = Vec::new();
    let mut risk_wall = Vec::new();
    let mut finishes = Vec::new();
    let mut p50 = Decimal::ZERO;
    for _ in 0..3 {
        let cpu_start = thread_cpu();
        let start = Instant::now();
        let settings = risk::Settings::default();
        let mut run = risk::Run::new(base, &settings).map_err(err)?;
        run.step(settings.draws).map_err(err)?;
        let finish = Instant::now();
        let r = run.finish().map_err(err)?;
        finishes.push(finish.elapsed());
        risk_wall.push(start.elapsed());
        if let (Some(a), Some(b)) = (cpu_start, thread_cpu()) {
            risk_cpu.push(b.saturating_sub(a));
        }
        p50 = r
            .years
            .last()
            .map_or(Decimal::ZERO, |y| y.cumulative_gap.p50);
    }
    let cpu = if risk_cpu.is_empty() {
        "not measured".to_string()
    } else {
        format!("{:?}", median(risk_cpu))
    };
    println!(
        "risk: 10,000 draws of the baseline, seed 1 (median of 3): {:?} by the clock, {cpu} on a CPU (2025/26 median cumulative gap £{p50}); finishing it (Run::finish: percentiles, histogram, drivers' ranks) {:?} by the clock",
        median(risk_wall),
        median(finishes)
    );
    Ok(())
}
