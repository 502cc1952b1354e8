//! Draws: the seeded generator, uniform numbers, triangular and uniform distributions, and
//! a drawn float turned into a Decimal at an assumption's places (docs/risk.md §2).
//!
//! Floats appear only here, and only for the draw itself: IEEE 754 `+ − × ÷` and `sqrt`
//! are correctly rounded, so the same seed gives the same bits natively and in wasm. A
//! drawn figure is rounded to its unit's places and becomes a Decimal before anything is
//! projected.

use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};
use rust_decimal::Decimal;

/// The shape of an uncertainty range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Distribution {
    /// Triangular on low, most likely, high (the default).
    #[default]
    Triangular,
    /// Uniform from low to high (the most likely figure is not used).
    Uniform,
}

impl Distribution {
    /// The key in files and the CLI: `triangular`, `uniform`.
    pub fn key(self) -> &'static str {
        match self {
            Distribution::Triangular => "triangular",
            Distribution::Uniform => "uniform",
        }
    }

    /// The distribution with key `key`.
    pub fn from_key(key: &str) -> Option<Distribution> {
        match key {
            "triangular" => Some(Distribution::Triangular),
            "uniform" => Some(Distribution::Uniform),
            _ => None,
        }
    }
}

/// The seeded generator: rand_chacha's ChaCha8 seeded by rand_core's `seed_from_u64`,
/// both portable (the same numbers on every platform).
#[derive(Debug, Clone)]
pub struct Draws(ChaCha8Rng);

impl Draws {
    /// The generator for `seed`.
    pub fn new(seed: u64) -> Draws {
        Draws(ChaCha8Rng::seed_from_u64(seed))
    }

    /// A uniform number in [0, 1): the top 53 bits of the next 64-bit output, × 2⁻⁵³.
    pub fn uniform(&mut self) -> f64 {
        (self.0.next_u64() >> 11) as f64 * TWO_TO_MINUS_53
    }
}

/// 2⁻⁵³.
const TWO_TO_MINUS_53: f64 = 1.0 / 9_007_199_254_740_992.0;

/// A Decimal as a float: its mantissa ÷ 10^scale (exact for the registry's short figures).
pub fn to_f64(d: Decimal) -> f64 {
    let mut x = d.mantissa() as f64;
    for _ in 0..d.scale() {
        x /= 10.0;
    }
    x
}

/// The point of a range at cumulative probability `u` (the inverse of the distribution's
/// cumulative distribution function). Low above high is read as the other way round.
pub fn quantile(dist: Distribution, low: f64, likely: f64, high: f64, u: f64) -> f64 {
    let (a, b) = if low <= high {
        (low, high)
    } else {
        (high, low)
    };
    let span = b - a;
    if span <= 0.0 {
        return a;
    }
    match dist {
        Distribution::Uniform => a + u * span,
        Distribution::Triangular => {
            // Held within [a, b] (`max`/`min`, which cannot panic as `clamp` can).
            let c = likely.max(a).min(b);
            let split = (c - a) / span;
            if u < split {
                a + (u * span * (c - a)).sqrt()
            } else {
                b - ((1.0 - u) * span * (b - c)).sqrt()
            }
        }
    }
}

/// `x` rounded to `places` decimal places (halves away from zero, as `f64::round`), as a
/// Decimal; `None` if it is not a finite figure of at most 18 digits.
pub fn to_decimal(x: f64, places: u32) -> Option<Decimal> {
    let mut scaled = x;
    for _ in 0..places {
        scaled *= 10.0;
    }
    let whole = scaled.round();
    if !whole.is_finite() || whole.abs() >= 1e18 {
        return None;
    }
    Some(Decimal::new(whole as i64, places))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_at_the_ends_and_the_mode() {
        let t = Distribution::Triangular;
        assert_eq!(quantile(t, 0.0, 2.5, 7.0, 0.0), 0.0);
        assert_eq!(quantile(t, 0.0, 2.5, 7.0, 1.0), 7.0);
        // F(c) = (c − a) ÷ (b − a): u = 0.5 with c in the middle is the middle.
        assert_eq!(quantile(t, 1.0, 2.0, 3.0, 0.5), 2.0);
        assert_eq!(quantile(Distribution::Uniform, 2.0, 9.0, 4.0, 0.25), 2.5);
        assert_eq!(quantile(t, 3.0, 3.0, 3.0, 0.7), 3.0);
    }

    #[test]
    fn decimals_at_places() {
        assert_eq!(to_decimal(2.345, 2), Some(Decimal::new(235, 2)));
        assert_eq!(to_decimal(-0.5, 0), Some(Decimal::new(-1, 0)));
        assert_eq!(to_decimal(f64::NAN, 2), None);
        assert_eq!(to_f64(Decimal::new(-75, 1)), -7.5);
    }

    #[test]
    fn same_seed_same_numbers() {
        let mut a = Draws::new(7);
        let mut b = Draws::new(7);
        let xs: Vec<f64> = (0..5).map(|_| a.uniform()).collect();
        let ys: Vec<f64> = (0..5).map(|_| b.uniform()).collect();
        assert_eq!(xs, ys);
        assert!(xs.iter().all(|x| (0.0..1.0).contains(x)));
        assert_ne!(Draws::new(8).uniform(), xs[0]);
    }
}
