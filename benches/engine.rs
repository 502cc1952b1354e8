//! `cargo bench --bench engine`: the time of one full baseline projection, and of 10,000
//! projections of the baseline with varied pay awards, inflation, grant growth and precept
//! rises. A plain timing harness (no statistics crate): it prints the figures.

use std::hint::black_box;
use std::time::{Duration, Instant};

use planner::model::dec::YearValues;
use planner::model::scenario::FundingDriver;
use planner::model::{baseline, engine, Scenario};
use rust_decimal::Decimal;

/// A cheap deterministic generator (xorshift), so every run times the same inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A percentage from `lo` to `hi` in steps of 0.01.
    fn pct(&mut self, lo: i64, hi: i64) -> Decimal {
        let span = u64::try_from((hi - lo) * 100).unwrap_or(1).max(1);
        let cents = i64::try_from(self.next() % span).unwrap_or(0);
        Decimal::new(lo * 100 + cents, 2)
    }
}

fn vary(base: &Scenario, rng: &mut Rng) -> Scenario {
    let mut s = base.clone();
    let years = s.horizon.year_list();
    let table = |rng: &mut Rng, lo, hi| {
        YearValues::from_pairs(years.iter().skip(1).map(|&y| (y, rng.pct(lo, hi))))
    };
    s.assumptions.officer_pay_award_pct.value = table(rng, 0, 8);
    s.assumptions.staff_pay_award_pct.value = table(rng, 0, 8);
    s.assumptions.non_pay_inflation_pct.value = table(rng, -1, 10);
    s.assumptions.pay_drift_pct.value = table(rng, 0, 2);
    s.precept.rise_gbp.value = table(rng, 0, 20);
    for line in &mut s.funding {
        if let FundingDriver::Growth { growth_pct } = &mut line.driver {
            *growth_pct = table(rng, -3, 8);
        }
    }
    s
}

fn time<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let out = f();
    (out, start.elapsed())
}

fn main() -> Result<(), String> {
    let base = baseline::nottinghamshire().map_err(|e| e.to_string())?;
    let project = |s: &Scenario| engine::project(s).map_err(|e| e.to_string());

    // Warm up, then time one projection as the median of 101 runs.
    for _ in 0..10 {
        black_box(project(black_box(&base))?);
    }
    let mut runs = Vec::with_capacity(101);
    for _ in 0..101 {
        let (result, elapsed) = time(|| project(black_box(&base)));
        black_box(result?);
        runs.push(elapsed);
    }
    runs.sort();
    let one = runs.get(runs.len() / 2).copied().unwrap_or_default();
    println!("one baseline projection (median of 101): {one:?}");

    let (loaded, load_time) = time(baseline::nottinghamshire);
    black_box(loaded.map_err(|e| e.to_string())?);
    println!("parse and validate the baseline file: {load_time:?}");

    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let inputs: Vec<Scenario> = (0..10_000).map(|_| vary(&base, &mut rng)).collect();
    let (total, elapsed) = time(|| {
        inputs.iter().try_fold(Decimal::ZERO, |acc, s| {
            let gap = project(s)?.cumulative_gap();
            acc.checked_add(gap).ok_or_else(|| "overflow".to_string())
        })
    });
    let total = total?;
    println!(
        "10,000 projections with varied inputs: {elapsed:?} ({:?} each; sum of their cumulative gaps £{total})",
        elapsed / 10_000
    );
    Ok(())
}
