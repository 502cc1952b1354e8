//! Money arithmetic: checked operations and the one rounding rule.
//!
//! Calculations run at full Decimal precision. Figures are rounded once, by
//! [`round_money`], where they are shown or stored: to the penny, halves away from zero
//! (0.005 → 0.01, −0.005 → −0.01), the rule most finance people expect from a
//! spreadsheet. Never use `round_dp` (banker's rounding) on money.

use rust_decimal::{Decimal, RoundingStrategy};

use super::error::{ModelError, ModelResult};
use super::year::FinancialYear;

/// The planner's one rounding rule for money: two decimal places, half away from zero.
pub const MONEY_ROUNDING: RoundingStrategy = RoundingStrategy::MidpointAwayFromZero;

/// Round a money figure to the penny with [`MONEY_ROUNDING`].
pub fn round_money(value: Decimal) -> Decimal {
    round_to(value, 2)
}

/// 10⁰ to 10²⁸, the divisors of a Decimal's mantissa for each scale.
// Worked out when compiling: an index out of range would fail the build, not panic.
#[allow(clippy::indexing_slicing)]
const POWERS_OF_TEN: [u128; 29] = {
    let mut out = [1u128; 29];
    let mut i = 1;
    while i < out.len() {
        out[i] = out[i - 1] * 10;
        i += 1;
    }
    out
};

/// Round a figure that is not money (a headcount, a percentage) to `dp` places with the
/// same half-away-from-zero rule.
///
/// Exactly `value.round_dp_with_strategy(dp, MONEY_ROUNDING)` (the same digits, scale and
/// sign, a negative zero included; property-tested), worked out in one integer division of
/// the mantissa rather than rust_decimal's nine digits at a time, which made rounding the
/// engine's longest figures (28 significant digits) its costliest step.
#[inline(never)]
pub fn round_to(value: Decimal, dp: u32) -> Decimal {
    let scale = value.scale();
    let Some(&divisor) = scale
        .checked_sub(dp)
        .and_then(|places| POWERS_OF_TEN.get(places as usize))
    else {
        // Already `dp` places or fewer: kept as it is.
        return value;
    };
    let mantissa = value.mantissa().unsigned_abs();
    let (quotient, remainder) = (mantissa / divisor, mantissa % divisor);
    // Half away from zero: up when the part dropped is at least half the divisor.
    let rounded = if remainder >= divisor - remainder {
        quotient + 1
    } else {
        quotient
    };
    match i128::try_from(rounded)
        .ok()
        .and_then(|m| Decimal::try_from_i128_with_scale(m, dp).ok())
    {
        Some(mut out) => {
            // rust_decimal keeps the sign of a zero, but a figure that rounds to zero
            // comes out as +0.
            out.set_sign_negative(value.is_sign_negative() && (rounded != 0 || mantissa == 0));
            out
        }
        None => value.round_dp_with_strategy(dp, MONEY_ROUNDING),
    }
}

/// True when `−bound ≤ value ≤ bound`: the mantissa compared with the bound scaled to its
/// places, in integers, where Decimal's general comparison first rescales one side
/// (validation compares every figure of a scenario with its limits).
pub fn within(value: Decimal, bound: u64) -> bool {
    match POWERS_OF_TEN.get(value.scale() as usize) {
        Some(&p) => value.mantissa().unsigned_abs() <= u128::from(bound).saturating_mul(p),
        None => value.abs() <= Decimal::from(bound),
    }
}

/// True when `value` has no fractional part (3, 3.00, −2), false for 2.5.
///
/// Compares with the truncated value instead of testing `fract()` for zero: `fract` goes
/// through Decimal's panicking `-`, which would bring one more copy of the addition code
/// into the wasm.
pub fn is_whole(value: Decimal) -> bool {
    value.trunc() == value
}

// Decimal's checked operations are `#[inline(always)]`, so each
// call would carry its own copy of the arithmetic in the wasm. These four keep one copy
// each: call them rather than the methods.

/// `a + b`, or `None` on overflow.
#[inline(never)]
pub fn checked_add(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_add(b)
}

/// `a − b`, or `None` on overflow.
#[inline(never)]
pub fn checked_sub(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_sub(b)
}

/// `a × b`, or `None` on overflow.
#[inline(never)]
pub fn checked_mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_mul(b)
}

/// `a ÷ b`, or `None` on overflow or division by zero.
#[inline(never)]
pub fn checked_div(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_div(b)
}

/// A place in the model where arithmetic happens, so that an overflow names its field and
/// year. `At::new("expenditure[ict]", Some(year)).add(a, b)?`
#[derive(Debug, Clone, Copy)]
pub struct At<'a> {
    /// The field reported on overflow.
    path: Path<'a>,
    /// The year reported on overflow.
    pub year: Option<FinancialYear>,
}

/// A field path, written out only when an error needs it.
#[derive(Debug, Clone, Copy)]
enum Path<'a> {
    /// The whole path.
    Plain(&'a str),
    /// `section[id]field`, e.g. `expenditure`, `ict`, `.driver`.
    Item(&'a str, &'a str, &'a str),
}

impl<'a> At<'a> {
    /// Arithmetic at `path` in `year`.
    pub fn new(path: &'a str, year: Option<FinancialYear>) -> Self {
        At {
            path: Path::Plain(path),
            year,
        }
    }

    /// Arithmetic at the path `section[id]field` (`collaborations[emsou].total_cost`), which is
    /// put together only if an error is reported: no string is built on the way.
    pub fn item(
        section: &'a str,
        id: &'a str,
        field: &'a str,
        year: Option<FinancialYear>,
    ) -> Self {
        At {
            path: Path::Item(section, id, field),
            year,
        }
    }

    /// The same place in another year.
    pub fn in_year(self, year: FinancialYear) -> Self {
        At {
            year: Some(year),
            ..self
        }
    }

    /// The field path, written out.
    pub fn path(&self) -> String {
        match self.path {
            Path::Plain(p) => p.to_string(),
            Path::Item(section, id, field) => format!("{section}[{id}]{field}"),
        }
    }

    /// An error at this place with `message`.
    pub fn error(&self, message: impl Into<String>) -> ModelError {
        ModelError::new(self.path(), message).with_year(self.year)
    }

    fn overflow(&self) -> ModelError {
        ModelError::overflow(self.path(), self.year)
    }

    /// `a + b`, or an overflow error.
    pub fn add(&self, a: Decimal, b: Decimal) -> ModelResult<Decimal> {
        checked_add(a, b).ok_or_else(|| self.overflow())
    }

    /// `a − b`, or an overflow error.
    pub fn sub(&self, a: Decimal, b: Decimal) -> ModelResult<Decimal> {
        checked_sub(a, b).ok_or_else(|| self.overflow())
    }

    /// `a × b`, or an overflow error.
    pub fn mul(&self, a: Decimal, b: Decimal) -> ModelResult<Decimal> {
        checked_mul(a, b).ok_or_else(|| self.overflow())
    }

    /// `a ÷ b`, or an error on overflow or division by zero.
    pub fn div(&self, a: Decimal, b: Decimal) -> ModelResult<Decimal> {
        if b.is_zero() {
            return Err(self.error("division by zero"));
        }
        checked_div(a, b).ok_or_else(|| self.overflow())
    }

    /// `a × pct ÷ 100`: a percentage of an amount.
    pub fn pct(&self, a: Decimal, pct: Decimal) -> ModelResult<Decimal> {
        self.div(self.mul(a, pct)?, Decimal::ONE_HUNDRED)
    }

    /// `a × (1 + pct ÷ 100)`: an amount grown by a percentage.
    pub fn grow(&self, a: Decimal, pct: Decimal) -> ModelResult<Decimal> {
        self.add(a, self.pct(a, pct)?)
    }

    /// The sum of `values`, or an overflow error.
    pub fn sum(&self, values: impl IntoIterator<Item = Decimal>) -> ModelResult<Decimal> {
        values
            .into_iter()
            .try_fold(Decimal::ZERO, |acc, v| self.add(acc, v))
    }
}

impl ModelError {
    fn with_year(mut self, year: Option<FinancialYear>) -> Self {
        self.year = year;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn is_whole_agrees_with_fract() {
        for s in [
            "0", "-0", "3", "3.00", "-2", "2.5", "-2.5", "0.001", "-0.000", "1e3", "7.10",
        ] {
            let v = Decimal::from_str(s)
                .or_else(|_| Decimal::from_scientific(s))
                .unwrap();
            assert_eq!(is_whole(v), v.fract().is_zero(), "{s}");
        }
        assert!(is_whole(Decimal::MAX) && is_whole(Decimal::MIN));
    }

    #[test]
    fn rounding_rule_is_half_away_from_zero() {
        let cases = [
            ("0.005", "0.01"),
            ("0.015", "0.02"),
            ("0.025", "0.03"),
            ("-0.005", "-0.01"),
            ("1.234", "1.23"),
            ("1.2349999", "1.23"),
            ("8100000.004", "8100000.00"),
        ];
        for (input, want) in cases {
            assert_eq!(round_money(d(input)), d(want), "{input}");
        }
    }

    /// The one-division rounding gives exactly rust_decimal's half-away-from-zero rounding:
    /// the same digits, scale and sign (a negative zero too) for any Decimal and places.
    #[cfg(not(target_arch = "wasm32"))]
    mod same_as_rust_decimal {
        use super::*;
        use proptest::prelude::*;

        fn any_decimal() -> impl Strategy<Value = Decimal> {
            (
                any::<u32>(),
                any::<u32>(),
                any::<u32>(),
                any::<bool>(),
                0u32..=28,
            )
                .prop_map(|(lo, mid, hi, negative, scale)| {
                    Decimal::from_parts(lo, mid, hi, negative, scale)
                })
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(20_000))]
            #[test]
            fn round_to_is_rust_decimals_rule(v in any_decimal(), dp in 0u32..=30) {
                let want = v.round_dp_with_strategy(dp, MONEY_ROUNDING);
                let got = round_to(v, dp);
                prop_assert_eq!(got.serialize(), want.serialize(), "{} to {} places", v, dp);
            }

            #[test]
            fn halves_and_near_halves(units in -1_000_000i64..1_000_000, extra in 0u32..20) {
                // n.xy5, n.xy5 ± one unit in the last place, at several scales.
                let base = Decimal::new(units * 10 + 5, 3);
                let mut v = base;
                v.rescale(3 + extra);
                let tiny = Decimal::new(1, 3 + extra);
                for x in [v, v + tiny, v - tiny, -v] {
                    let want = x.round_dp_with_strategy(2, MONEY_ROUNDING);
                    prop_assert_eq!(round_money(x).serialize(), want.serialize(), "{}", x);
                }
            }
        }
    }

    #[test]
    fn within_agrees_with_comparison() {
        let cases = [
            "0",
            "-100",
            "-100.0001",
            "100",
            "100.00",
            "99.999",
            "1e12",
            "-1000000000000.01",
            "0.0000000000000000000000000001",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "-7.9228162514264337593543950335",
        ];
        for text in cases {
            let v = Decimal::from_str(text)
                .or_else(|_| Decimal::from_scientific(text))
                .unwrap();
            for bound in [0u64, 100, 1_000_000_000_000, u64::MAX] {
                assert_eq!(
                    within(v, bound),
                    v.abs() <= Decimal::from(bound),
                    "{text} within {bound}"
                );
            }
        }
    }

    #[test]
    fn checked_ops_report_where() {
        let y = FinancialYear::new(2023);
        let at = At::new("expenditure[ict]", y);
        let err = at.mul(Decimal::MAX, d("2")).unwrap_err();
        assert_eq!(err.path, "expenditure[ict]");
        assert_eq!(err.year, y);
        assert!(at.div(d("1"), Decimal::ZERO).is_err());
        assert_eq!(at.pct(d("200"), d("2.5")).unwrap(), d("5"));
        assert_eq!(at.grow(d("200"), d("2.5")).unwrap(), d("205"));
        assert_eq!(at.sum([d("1.1"), d("2.2")]).unwrap(), d("3.3"));
    }
}
