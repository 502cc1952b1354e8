//! The statistics a risk run reports (docs/risk.md §3): nearest-rank percentiles of
//! Decimal figures (so every percentile is one of the drawn figures, to the penny),
//! counted shares, and Spearman's rank correlation.

use std::cmp::Ordering;

use rust_decimal::Decimal;

use crate::model::money::{checked_div, round_to};

/// The `p`th percentile (0 < p ≤ 100) of `sorted` (ascending), by nearest rank: the
/// figure at rank ⌈p × N ÷ 100⌉ (counting from 1; rank 1 when that is 0). `None` when
/// there are no figures.
pub fn percentile(sorted: &[Decimal], p: u32) -> Option<Decimal> {
    let n = sorted.len();
    let rank = (usize::try_from(p).ok()? * n).div_ceil(100).max(1);
    sorted.get(rank - 1).copied()
}

/// `count` out of `n` as a share from 0 to 1, to four places (halves away from zero),
/// written with all four (`0.7300`); zero when `n` is zero.
pub fn share(count: usize, n: usize) -> Decimal {
    let mut out = if n == 0 {
        Decimal::ZERO
    } else {
        checked_div(Decimal::from(count), Decimal::from(n))
            .map(|s| round_to(s, 4))
            .unwrap_or_default()
    };
    out.rescale(4);
    out
}

/// Each figure's rank among `values` (1 for the smallest), figures that are equal sharing
/// the average of their ranks.
pub fn ranks<T>(values: &[T], cmp: impl Fn(&T, &T) -> Ordering) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| match (values.get(a), values.get(b)) {
        (Some(x), Some(y)) => cmp(x, y).then(a.cmp(&b)),
        _ => a.cmp(&b),
    });
    let mut out = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() {
            let same = match (
                order.get(start).and_then(|&i| values.get(i)),
                order.get(end).and_then(|&i| values.get(i)),
            ) {
                (Some(x), Some(y)) => cmp(x, y) == Ordering::Equal,
                _ => false,
            };
            if !same {
                break;
            }
            end += 1;
        }
        // Ranks start+1 ..= end share their average.
        let rank = (start + 1 + end) as f64 / 2.0;
        for &i in order.get(start..end).unwrap_or_default() {
            if let Some(slot) = out.get_mut(i) {
                *slot = rank;
            }
        }
        start = end;
    }
    out
}

/// Pearson's correlation of two equally long lists (of ranks: Spearman's ρ), summed in
/// order; zero when either does not vary.
pub fn correlation(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len().min(y.len());
    if n == 0 {
        return 0.0;
    }
    let mean = |v: &[f64]| v.iter().take(n).sum::<f64>() / n as f64;
    let (mx, my) = (mean(x), mean(y));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y).take(n) {
        let (dx, dy) = (a - mx, b - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if sxx <= 0.0 || syy <= 0.0 {
        return 0.0;
    }
    sxy / (sxx * syy).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(v: i64) -> Decimal {
        Decimal::from(v)
    }

    #[test]
    fn nearest_rank_percentiles() {
        let v: Vec<Decimal> = (1..=20).map(d).collect();
        // ⌈5 × 20 ÷ 100⌉ = 1, ⌈25 × 20 ÷ 100⌉ = 5, ⌈50 × 20 ÷ 100⌉ = 10, 15, 19.
        let got: Vec<_> = [5, 25, 50, 75, 95]
            .iter()
            .map(|&p| percentile(&v, p).unwrap())
            .collect();
        assert_eq!(got, vec![d(1), d(5), d(10), d(15), d(19)]);
        assert_eq!(percentile(&[d(3)], 5), Some(d(3)));
        assert_eq!(percentile(&[], 50), None);
    }

    #[test]
    fn shares_to_four_places() {
        assert_eq!(share(1, 3), Decimal::new(3333, 4));
        assert_eq!(share(2, 3), Decimal::new(6667, 4));
        assert_eq!(share(0, 0), Decimal::ZERO);
        assert_eq!(share(73, 100).to_string(), "0.7300");
    }

    #[test]
    fn ties_share_ranks_and_correlation_of_ranks() {
        let r = ranks(&[d(10), d(30), d(10), d(20)], Decimal::cmp);
        assert_eq!(r, vec![1.5, 4.0, 1.5, 3.0]);
        assert_eq!(correlation(&[1.0, 2.0, 3.0], &[2.0, 4.0, 6.0]), 1.0);
        assert_eq!(correlation(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]), -1.0);
        assert_eq!(correlation(&[1.0, 1.0], &[1.0, 2.0]), 0.0);
    }
}
