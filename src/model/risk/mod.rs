//! Risk (issue 16): a seeded Monte Carlo simulation of the plan. Each draw moves every
//! varied assumption of the scenario (the registry's uncertainty ranges, or the user's)
//! from the first year after the base year, projects the totals, and the run reports
//! percentiles of the annual gap, the cumulative gap and the general reserve by year, the
//! share of draws whose general reserve is below its floor and below zero, the spread of
//! the end-of-plan cumulative gap, and which assumptions drive it. docs/risk.md is the
//! specification, to the penny.
//!
//! Long runs go in slices: [`Run::step`] does some draws and returns, so the browser can
//! breathe between slices, show progress and drop a stale run.
//!
//! ```
//! use planner::model::{baseline, risk};
//! let s = baseline::nottinghamshire().unwrap();
//! let settings = risk::Settings { draws: 1_000, seed: 42, ..risk::Settings::default() };
//! let r = risk::run(&s, &settings).unwrap();
//! let last = r.years.last().unwrap();
//! assert!(last.cumulative_gap.p5 <= last.cumulative_gap.p95);
//! ```

pub mod draw;
pub mod section;
pub mod stats;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use draw::{quantile, to_decimal, to_f64, Distribution, Draws};

use super::engine::{Engine, Totals};
use super::error::{ModelError, ModelResult};
use super::money::{checked_div, checked_mul, checked_sub, round_money};
use super::registry::{self, Analysis, Assumption, Change, Kind, Spread, Target, Unit};
use super::scenario::Scenario;
use super::workforce::Group;
use super::year::FinancialYear;

/// Fewest draws a run takes.
pub const MIN_DRAWS: usize = 1_000;
/// Most draws a run takes.
pub const MAX_DRAWS: usize = 100_000;
/// Draws a run takes unless told otherwise.
pub const DEFAULT_DRAWS: usize = 10_000;
/// The seed a run uses unless told otherwise.
pub const DEFAULT_SEED: u64 = 1;
/// The percentiles reported.
pub const PERCENTILES: [u32; 5] = [5, 25, 50, 75, 95];
/// Bars in the histogram of the end-of-plan cumulative gap.
pub const BINS: usize = 20;

/// An uncertainty range as a run uses it: three points read by the kind's [`Spread`]
/// (figures, changes, or % changes) and a distribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    /// Triangular (default) or uniform.
    pub distribution: Distribution,
    /// Low.
    pub low: Decimal,
    /// Most likely.
    pub likely: Decimal,
    /// High.
    pub high: Decimal,
}

/// A run's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// How many draws ([`MIN_DRAWS`] to [`MAX_DRAWS`]).
    pub draws: usize,
    /// The generator's seed.
    pub seed: u64,
    /// Pay awards and non-pay inflation drawn together: one "inflation environment"
    /// number places all three at the same point of their ranges.
    pub coupled: bool,
    /// A cumulative gap whose chance of being exceeded at the end of the plan is reported.
    pub threshold: Option<Decimal>,
    /// Ranges in place of the registry's, by assumption key (`officer_pay_award`,
    /// `funding_growth[core_police_grant]`) or kind key (every assumption of the kind).
    pub ranges: Vec<(String, Range)>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            draws: DEFAULT_DRAWS,
            seed: DEFAULT_SEED,
            coupled: false,
            threshold: None,
            ranges: Vec::new(),
        }
    }
}

/// One varied assumption: its range and its plan figures from the first later year.
#[derive(Debug, Clone)]
struct Varied {
    assumption: Assumption,
    label: String,
    unit: Unit,
    spread: Spread,
    range: Range,
    /// The range's points as floats (low, likely, high).
    points: (f64, f64, f64),
    coupled: bool,
    plan: Vec<(Option<FinancialYear>, Decimal)>,
}

/// The varied assumptions of `s`, in registry order, with their ranges.
fn varied(s: &Scenario, settings: &Settings) -> ModelResult<Vec<Varied>> {
    let from = s
        .horizon
        .base_year
        .plus(1)
        .ok_or_else(|| ModelError::new("horizon.base_year", "the plan has no later year"))?;
    let mut out = Vec::new();
    for a in registry::assumptions(s) {
        let Analysis::Varied { uncertainty, .. } = a.about().analysis else {
            continue;
        };
        let def = a.def();
        let key = a.key();
        let range = settings
            .ranges
            .iter()
            .find(|(k, _)| *k == key)
            .or_else(|| settings.ranges.iter().find(|(k, _)| k == def.key))
            .map(|(_, r)| *r)
            .unwrap_or(Range {
                distribution: Distribution::Triangular,
                low: uncertainty.low.value,
                likely: uncertainty.likely.value,
                high: uncertainty.high.value,
            });
        let plan: Vec<(Option<FinancialYear>, Decimal)> = if def.years.is_single() {
            a.get(s, None).map(|v| (None, v)).into_iter().collect()
        } else {
            a.years(s)
                .into_iter()
                .filter(|y| *y >= from)
                .filter_map(|y| a.get(s, Some(y)).map(|v| (Some(y), v)))
                .collect()
        };
        if plan.is_empty() {
            continue;
        }
        out.push(Varied {
            label: a.label(s),
            unit: def.unit,
            spread: uncertainty.spread,
            points: (to_f64(range.low), to_f64(range.likely), to_f64(range.high)),
            range,
            coupled: settings.coupled
                && matches!(
                    a.kind,
                    Kind::OfficerPayAward | Kind::StaffPayAward | Kind::NonPayInflation
                ),
            plan,
            assumption: a,
        });
    }
    Ok(out)
}

impl Varied {
    /// The move drawn at `u`: the point of the range at `u`, to its places, read by the
    /// spread. A range of figures moves the plan's figures by (drawn − most likely).
    fn change(&self, u: f64) -> ModelResult<Change> {
        let (low, likely, high) = self.points;
        let places = match self.spread {
            Spread::Percent => 2,
            Spread::Value | Spread::By => self.unit.places(),
        };
        let x = to_decimal(
            quantile(self.range.distribution, low, likely, high, u),
            places,
        )
        .ok_or_else(|| ModelError::new(self.assumption.key(), "the drawn figure is too large"))?;
        Ok(match self.spread {
            Spread::Value => Change::By(
                checked_sub(x, self.range.likely)
                    .ok_or_else(|| ModelError::overflow(self.assumption.key(), None))?,
            ),
            Spread::By => Change::By(x),
            Spread::Percent => Change::Percent(x),
        })
    }

    /// Set the assumption's figures on `work` (a copy of `base` that earlier draws
    /// changed) moved by `change`, each kept within the valid range, so that `work` is as
    /// if `base` had been moved; a zero change leaves the plan's figure as it is.
    fn set(&self, work: &mut Scenario, base: &Scenario, change: Change) -> ModelResult<()> {
        restore_intakes(work, base, &self.assumption);
        let def = self.assumption.def();
        let zero = match change {
            Change::By(d) | Change::Percent(d) => d.is_zero(),
        };
        for &(year, plan) in &self.plan {
            let v = if zero {
                plan
            } else {
                change
                    .apply(plan, self.unit)
                    .ok_or_else(|| ModelError::overflow(self.assumption.key(), year))?
                    .max(def.min)
                    .min(def.max)
            };
            if self.assumption.get(work, year) != Some(v) {
                (def.set)(work, &self.assumption.target, year, v)
                    .map_err(|m| ModelError::new(self.assumption.key(), m))?;
            }
        }
        Ok(())
    }
}

/// Setting recruits spreads them over the year's intakes in proportion to their sizes, so
/// the result depends on the sizes before: a group's intakes are put back as the plan has
/// them before its recruits are set (every other kind's setting depends only on the figure).
fn restore_intakes(work: &mut Scenario, base: &Scenario, a: &Assumption) {
    let (Kind::Recruits, Target::Group(g)) = (a.kind, &a.target) else {
        return;
    };
    if let (Some(w), Some(b)) = (work.workforce.as_mut(), base.workforce.as_ref()) {
        let (to, from) = match g {
            Group::Officers => (&mut w.officers, &b.officers),
            Group::Staff => (&mut w.staff, &b.staff),
            Group::Pcsos => (&mut w.pcsos, &b.pcsos),
        };
        if to.intakes != from.intakes {
            to.intakes.clone_from(&from.intakes);
        }
    }
}

/// Percentiles of one figure in one year, and the plan's own figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Band {
    /// 5th percentile.
    pub p5: Decimal,
    /// 25th.
    pub p25: Decimal,
    /// Median.
    pub p50: Decimal,
    /// 75th.
    pub p75: Decimal,
    /// 95th.
    pub p95: Decimal,
    /// The deterministic plan's figure.
    pub plan: Decimal,
}

impl Band {
    /// The band of `values` (sorted here) around `plan`.
    fn of(values: &mut [Decimal], plan: Decimal) -> Band {
        sort_figures(values);
        let p = |q| stats::percentile(values, q).unwrap_or_default();
        Band {
            p5: p(5),
            p25: p(25),
            p50: p(50),
            p75: p(75),
            p95: p(95),
            plan,
        }
    }
}

/// Sort `values` ascending. A run's figures are all pennies, written to two places: figures
/// written to the same places are in the order of their integer mantissas, which compare
/// several times quicker than Decimals (finishing a run sorts fifteen lists of 10,000 in
/// one browser task). Two such figures with equal mantissas are the same figure, bit for
/// bit, unless one is a negative zero: with one of those, or mixed places, Decimal's own
/// order is used. Either way the sorted list is the same.
fn sort_figures(values: &mut [Decimal]) {
    let scale = values.first().map_or(0, |v| v.scale());
    if values
        .iter()
        .all(|v| v.scale() == scale && !(v.is_zero() && v.is_sign_negative()))
    {
        values.sort_unstable_by_key(|v| v.mantissa());
    } else {
        values.sort_unstable();
    }
}

/// One year of a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RiskYear {
    /// The year.
    pub year: FinancialYear,
    /// The annual gap.
    pub gap: Band,
    /// The cumulative gap.
    pub cumulative_gap: Band,
    /// The general reserve at the end of the year.
    pub general_reserve: Band,
    /// Draws whose general reserve ends the year below its floor.
    pub below_floor: usize,
    /// Draws whose general reserve ends the year below zero.
    pub below_zero: usize,
    /// `below_floor` ÷ draws, to four places.
    pub probability_below_floor: Decimal,
    /// `below_zero` ÷ draws, to four places.
    pub probability_below_zero: Decimal,
}

/// One bar of the histogram of the end-of-plan cumulative gap: draws from `from` (in)
/// to `to` (out; in, for the last bar).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bin {
    /// Lower edge, to the penny.
    pub from: Decimal,
    /// Upper edge, to the penny.
    pub to: Decimal,
    /// Draws in the bar.
    pub count: usize,
}

/// How much one assumption drives the spread of the end-of-plan cumulative gap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Driver {
    /// The assumption's key.
    pub key: String,
    /// Its label.
    pub label: String,
    /// Spearman's rank correlation of its draws with the end-of-plan cumulative gap, to
    /// two places (−1 to 1: positive when a higher figure widens the gap).
    pub correlation: Decimal,
}

/// What a run found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Risk {
    /// Draws made.
    pub draws: usize,
    /// The seed.
    pub seed: u64,
    /// Whether pay and inflation were drawn together.
    pub coupled: bool,
    /// Each year of the plan, base year first.
    pub years: Vec<RiskYear>,
    /// The histogram of the end-of-plan cumulative gap.
    pub histogram: Vec<Bin>,
    /// Draws whose end-of-plan cumulative gap exceeds the plan's.
    pub above_plan: usize,
    /// `above_plan` ÷ draws, to four places.
    pub probability_above_plan: Decimal,
    /// The chosen amount, draws whose end-of-plan cumulative gap exceeds it, and their
    /// share.
    pub above_threshold: Option<(Decimal, usize, Decimal)>,
    /// The varied assumptions, most influential first.
    pub drivers: Vec<Driver>,
    /// The finding in a sentence, for the PCC's slide.
    pub summary: String,
}

/// A run in progress: [`Run::step`] until [`Run::is_done`], then [`Run::finish`].
#[derive(Debug, Clone)]
pub struct Run {
    settings: Settings,
    base: Scenario,
    work: Scenario,
    engine: Engine,
    draws: Draws,
    varied: Vec<Varied>,
    plan: Totals,
    done: usize,
    /// Per year: gaps, cumulative gaps, general reserves of every draw so far.
    gaps: Vec<Vec<Decimal>>,
    cumulative: Vec<Vec<Decimal>>,
    reserves: Vec<Vec<Decimal>>,
    below_floor: Vec<usize>,
    below_zero: Vec<usize>,
    /// Per varied assumption: the uniform number each draw used.
    positions: Vec<Vec<f64>>,
    /// Each draw's end-of-plan cumulative gap, in draw order.
    finals: Vec<Decimal>,
    /// Pieces of finishing done ahead ([`Run::finish_step`]).
    finishing: Finishing,
}

/// The work of finishing a run done ahead in pieces, so that no piece is long: each
/// year's lists sorted, the outcome's ranks, each varied assumption's correlation.
#[derive(Debug, Clone, Default)]
struct Finishing {
    /// Pieces done, in the order [`Run::finish_step`] does them.
    done: usize,
    /// The ranks of the end-of-plan cumulative gaps, once worked out.
    outcome: Option<Vec<f64>>,
    /// Each varied assumption's correlation, in order, as far as worked out.
    correlations: Vec<f64>,
}

impl Run {
    /// A run of `s` with `settings`: checks the settings and projects the plan itself.
    pub fn new(s: &Scenario, settings: &Settings) -> ModelResult<Run> {
        if !(MIN_DRAWS..=MAX_DRAWS).contains(&settings.draws) {
            return Err(ModelError::new(
                "risk.draws",
                format!("{} draws: use {MIN_DRAWS} to {MAX_DRAWS}", settings.draws),
            ));
        }
        let mut engine = Engine::new();
        let plan = engine.totals(s)?;
        let varied = varied(s, settings)?;
        let years = plan.years().len();
        let n = settings.draws;
        let lists = || vec![Vec::with_capacity(n); years];
        Ok(Run {
            settings: settings.clone(),
            base: s.clone(),
            work: s.clone(),
            engine,
            draws: Draws::new(settings.seed),
            positions: vec![Vec::with_capacity(n); varied.len()],
            varied,
            plan,
            done: 0,
            gaps: lists(),
            cumulative: lists(),
            reserves: lists(),
            below_floor: vec![0; years],
            below_zero: vec![0; years],
            finals: Vec::with_capacity(n),
            finishing: Finishing::default(),
        })
    }

    /// Draws made so far.
    pub fn done(&self) -> usize {
        self.done
    }

    /// Draws the run makes in all.
    pub fn total(&self) -> usize {
        self.settings.draws
    }

    /// Whether every draw is made.
    pub fn is_done(&self) -> bool {
        self.done >= self.settings.draws
    }

    /// Make up to `n` more draws.
    pub fn step(&mut self, n: usize) -> ModelResult<()> {
        let end = self.settings.draws.min(self.done.saturating_add(n));
        while self.done < end {
            self.one().map_err(|e| ModelError {
                message: format!("draw {}: {}", self.done + 1, e.message),
                ..e
            })?;
            self.done += 1;
        }
        Ok(())
    }

    /// One draw: a uniform number per varied assumption (after one for the inflation
    /// environment when coupled), set on the working copy, then the totals projected.
    fn one(&mut self) -> ModelResult<()> {
        let environment = self.settings.coupled.then(|| self.draws.uniform());
        for (v, positions) in self.varied.iter().zip(&mut self.positions) {
            let own = self.draws.uniform();
            let u = match (v.coupled, environment) {
                (true, Some(e)) => e,
                _ => own,
            };
            positions.push(u);
            v.set(&mut self.work, &self.base, v.change(u)?)?;
        }
        let t = self.engine.totals(&self.work)?;
        self.finals.push(t.cumulative_gap());
        for (k, y) in t.years().iter().enumerate() {
            if let (Some(g), Some(c), Some(r), Some(f), Some(z)) = (
                self.gaps.get_mut(k),
                self.cumulative.get_mut(k),
                self.reserves.get_mut(k),
                self.below_floor.get_mut(k),
                self.below_zero.get_mut(k),
            ) {
                g.push(y.gap);
                c.push(y.cumulative_gap);
                r.push(y.general_reserve);
                *f += usize::from(y.floor_breached);
                *z += usize::from(
                    y.general_reserve.is_sign_negative() && !y.general_reserve.is_zero(),
                );
            }
        }
        Ok(())
    }

    /// Do one piece of finishing ahead of [`Run::finish`], after the last draw: sort one
    /// year's list of one figure, or rank the outcomes, or work out one assumption's
    /// correlation. False once nothing is left to do ahead. The browser calls it between
    /// looks at the clock, so that finishing 100,000 draws never holds the page; finishing
    /// without it gives the same figures.
    pub fn finish_step(&mut self) -> bool {
        if !self.is_done() {
            return false;
        }
        let lists = self.gaps.len() + self.cumulative.len() + self.reserves.len();
        let k = self.finishing.done;
        if k < lists {
            let list = self
                .gaps
                .iter_mut()
                .chain(&mut self.cumulative)
                .chain(&mut self.reserves)
                .nth(k);
            if let Some(list) = list {
                sort_figures(list);
            }
        } else if k == lists {
            self.finishing.outcome = Some(stats::ranks(&self.finals, Decimal::cmp));
        } else if let (Some(u), Some(outcome)) = (
            self.positions.get(k - lists - 1),
            self.finishing.outcome.as_ref(),
        ) {
            let rho = stats::correlation(&stats::ranks(u, f64::total_cmp), outcome);
            self.finishing.correlations.push(rho);
        } else {
            return false;
        }
        self.finishing.done += 1;
        true
    }

    /// The findings of the draws made (all of them, after [`Run::is_done`]).
    pub fn finish(mut self) -> ModelResult<Risk> {
        let n = self.done;
        let mut years = Vec::with_capacity(self.plan.years().len());
        for (k, p) in self.plan.years().iter().enumerate() {
            let band = |lists: &mut Vec<Vec<Decimal>>, plan| {
                lists
                    .get_mut(k)
                    .map_or(Band::default(), |v| Band::of(v, plan))
            };
            let below_floor = self.below_floor.get(k).copied().unwrap_or(0);
            let below_zero = self.below_zero.get(k).copied().unwrap_or(0);
            years.push(RiskYear {
                year: p.year,
                gap: band(&mut self.gaps, p.gap),
                cumulative_gap: band(&mut self.cumulative, p.cumulative_gap),
                general_reserve: band(&mut self.reserves, p.general_reserve),
                below_floor,
                below_zero,
                probability_below_floor: stats::share(below_floor, n),
                probability_below_zero: stats::share(below_zero, n),
            });
        }
        let finals = std::mem::take(&mut self.finals);
        let plan_final = self.plan.cumulative_gap();
        let above_plan = finals.iter().filter(|v| **v > plan_final).count();
        let above_threshold = self.settings.threshold.map(|t| {
            let count = finals.iter().filter(|v| **v > t).count();
            (t, count, stats::share(count, n))
        });
        let drivers = self.drivers(&finals);
        let summary = summary(&years, n);
        Ok(Risk {
            draws: n,
            seed: self.settings.seed,
            coupled: self.settings.coupled,
            histogram: histogram(&finals)?,
            above_plan,
            probability_above_plan: stats::share(above_plan, n),
            above_threshold,
            drivers,
            summary,
            years,
        })
    }

    /// Each varied assumption's rank correlation with the end-of-plan cumulative gap,
    /// largest first by size (ties in registry order).
    fn drivers(&self, finals: &[Decimal]) -> Vec<Driver> {
        let ahead = &self.finishing;
        let outcome = match &ahead.outcome {
            Some(o) => std::borrow::Cow::Borrowed(o),
            None => std::borrow::Cow::Owned(stats::ranks(finals, Decimal::cmp)),
        };
        let mut out: Vec<Driver> = self
            .varied
            .iter()
            .zip(&self.positions)
            .enumerate()
            .map(|(i, (v, u))| {
                let rho = ahead.correlations.get(i).copied().unwrap_or_else(|| {
                    stats::correlation(&stats::ranks(u, f64::total_cmp), &outcome)
                });
                Driver {
                    key: v.assumption.key(),
                    label: v.label.clone(),
                    correlation: to_decimal(rho, 2).unwrap_or_default(),
                }
            })
            .collect();
        out.sort_by_key(|d| std::cmp::Reverse(d.correlation.abs()));
        out
    }
}

/// [`BINS`] bars of equal width from the smallest to the largest of `values` (one bar when
/// they are all equal); a figure on an edge counts in the bar above it, the largest in the
/// last bar.
fn histogram(values: &[Decimal]) -> ModelResult<Vec<Bin>> {
    let (Some(&lo), Some(&hi)) = (values.iter().min(), values.iter().max()) else {
        return Ok(Vec::new());
    };
    if lo == hi {
        return Ok(vec![Bin {
            from: round_money(lo),
            to: round_money(hi),
            count: values.len(),
        }]);
    }
    let at = crate::model::money::At::new("risk.histogram", None);
    let bins = Decimal::from(BINS);
    let width = at.div(at.sub(hi, lo)?, bins)?;
    let mut counts = [0usize; BINS];
    for &v in values {
        let k = checked_div(at.sub(v, lo)?, width)
            .map(|q| q.floor())
            .and_then(|q| q.to_usize())
            .unwrap_or(BINS - 1)
            .min(BINS - 1);
        if let Some(c) = counts.get_mut(k) {
            *c += 1;
        }
    }
    let mut out = Vec::with_capacity(BINS);
    for (k, &count) in counts.iter().enumerate() {
        let edge = |i: usize| -> ModelResult<Decimal> {
            Ok(round_money(at.add(lo, at.mul(width, Decimal::from(i))?)?))
        };
        out.push(Bin {
            from: edge(k)?,
            to: if k + 1 == BINS {
                round_money(hi)
            } else {
                edge(k + 1)?
            },
            count,
        });
    }
    Ok(out)
}

/// The finding in a sentence: the year most at risk of a general reserve below its floor
/// (the earliest of equals), as a count, a % and "about 1 in N".
fn summary(years: &[RiskYear], n: usize) -> String {
    let worst = years.iter().fold(None::<&RiskYear>, |best, y| match best {
        Some(b) if b.below_floor >= y.below_floor => Some(b),
        _ => Some(y),
    });
    match worst {
        Some(y) if y.below_floor > 0 => {
            let pct = checked_mul(stats::share(y.below_floor, n), Decimal::ONE_HUNDRED)
                .map_or(Decimal::ZERO, round_to_whole);
            let odds = if y.below_floor * 2 <= n {
                let one_in = checked_div(Decimal::from(n), Decimal::from(y.below_floor))
                    .map_or(Decimal::ZERO, round_to_whole);
                format!(", about 1 in {one_in}")
            } else {
                String::new()
            };
            format!(
                "In {} of {} draws ({pct}%{odds}) the general reserve is below its floor at the end of {}, the year most at risk.",
                thousands(y.below_floor),
                thousands(n),
                y.year
            )
        }
        _ => format!(
            "In none of {} draws does the general reserve fall below its floor.",
            thousands(n)
        ),
    }
}

fn round_to_whole(v: Decimal) -> Decimal {
    crate::model::money::round_to(v, 0)
}

/// 12345 as "12,345".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Run `settings.draws` draws of `s` at once (the CLI; the browser steps a [`Run`]).
pub fn run(s: &Scenario, settings: &Settings) -> ModelResult<Risk> {
    let mut r = Run::new(s, settings)?;
    r.step(settings.draws)?;
    r.finish()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn figure() -> impl Strategy<Value = Decimal> {
        (
            -2_000i64..2_000,
            prop_oneof![Just(2u32), Just(2u32), Just(2u32), 0u32..6],
            any::<bool>(),
        )
            .prop_map(|(m, scale, negative_zero)| {
                let mut d = Decimal::new(m, scale);
                if negative_zero && m == 0 {
                    d.set_sign_negative(true);
                }
                d
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]
        /// The quick sort of a run's figures leaves the same list, bit for bit, as
        /// Decimal's own sort: pennies only (the usual case), mixed places, negative zeros.
        #[test]
        fn figures_sort_as_decimals_do(
            mut v in proptest::collection::vec(figure(), 0..200),
            pennies in any::<bool>(),
        ) {
            if pennies {
                for d in &mut v {
                    d.rescale(2);
                }
            }
            let mut want = v.clone();
            want.sort_unstable();
            sort_figures(&mut v);
            let bits = |v: &[Decimal]| v.iter().map(|d| d.serialize()).collect::<Vec<_>>();
            prop_assert_eq!(bits(&v), bits(&want));
        }
    }
}
