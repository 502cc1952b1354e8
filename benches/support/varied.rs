//! The varied projections both engine benchmarks time (`cargo bench --bench engine` and the
//! browser's `planner-bench`): draws of every varied assumption, set on a working copy of
//! the baseline as a risk analysis would. Both include this file (`#[path]`), so they time
//! the same work.

use planner::model::scenario::FundingDriver;
use planner::model::workforce::Intake;
use planner::model::Scenario;
use rust_decimal::Decimal;

/// A cheap deterministic generator (xorshift), so every run times the same inputs.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A figure from `lo` to `hi` in steps of 0.01.
    pub fn pct(&mut self, lo: i64, hi: i64) -> Decimal {
        let span = u64::try_from((hi - lo) * 100).unwrap_or(1).max(1);
        let cents = i64::try_from(self.next() % span).unwrap_or(0);
        Decimal::new(lo * 100 + cents, 2)
    }
}

/// One draw: a figure for every varied assumption in every later year.
pub struct Draw {
    officer_award: Vec<Decimal>,
    staff_award: Vec<Decimal>,
    inflation: Vec<Decimal>,
    rise: Vec<Decimal>,
    grant: Vec<Decimal>,
    tax_base: Vec<Decimal>,
    saving: Vec<Decimal>,
    recruits: Vec<Decimal>,
    collab_cost: Vec<Decimal>,
}

pub fn draw(rng: &mut Rng, n: usize) -> Draw {
    let mut v = |lo, hi| (0..n).map(|_| rng.pct(lo, hi)).collect::<Vec<_>>();
    Draw {
        officer_award: v(0, 8),
        staff_award: v(0, 8),
        inflation: v(-1, 10),
        rise: v(0, 20),
        grant: v(-3, 8),
        tax_base: v(-1, 3),
        saving: v(0, 3),
        recruits: v(50, 250),
        collab_cost: v(-10, 10),
    }
}

/// Set a draw on `s` (a copy of `base`), year by year after the base year.
pub fn apply(s: &mut Scenario, base: &Scenario, d: &Draw) {
    let years = s.horizon.year_list();
    for (k, &y) in years.iter().enumerate().skip(1) {
        let at = |v: &[Decimal]| v.get(k).copied().unwrap_or_default();
        s.assumptions
            .officer_pay_award_pct
            .value
            .set(y, at(&d.officer_award));
        s.assumptions
            .staff_pay_award_pct
            .value
            .set(y, at(&d.staff_award));
        s.assumptions
            .non_pay_inflation_pct
            .value
            .set(y, at(&d.inflation));
        s.precept.rise_gbp.value.set(y, at(&d.rise));
        s.precept.tax_base_growth_pct.value.set(y, at(&d.tax_base));
        for line in &mut s.funding {
            if let FundingDriver::Growth { growth_pct } = &mut line.driver {
                growth_pct.set(y, at(&d.grant));
            }
        }
        if let Some(saving) = s.savings.first_mut() {
            saving
                .amounts
                .set(y, at(&d.saving) * Decimal::from(1_000_000));
        }
        if let Some(w) = s.workforce.as_mut() {
            // The year's officer recruits, in one September intake.
            w.officers.intakes.retain(|i| i.year != y);
            w.officers.intakes.push(Intake {
                year: y,
                start_month: 9,
                count: at(&d.recruits).trunc(),
            });
        }
        // Every collaboration's cost moved by the same % from the baseline's.
        if let (Some(r), Some(b)) = (s.collaborations.as_mut(), base.collaborations.as_ref()) {
            for (c, was) in r.collaborations.iter_mut().zip(&b.collaborations) {
                if let Some(cost) = was.total_cost.by_year.get(y) {
                    let factor = Decimal::ONE + at(&d.collab_cost) / Decimal::ONE_HUNDRED;
                    c.total_cost.by_year.set(y, (cost * factor).round_dp(2));
                }
            }
        }
    }
}
