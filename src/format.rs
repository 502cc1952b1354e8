//! Figures as finance people read them: £8.1m, £261.7m, £1,234,567.89, 4.1%.
//!
//! Negative figures carry a true minus sign (−, U+2212) in front of the pound sign, so a
//! surplus can never be mistaken for a gap. Rounding uses the model's one rule
//! ([`crate::model::MONEY_ROUNDING`], half away from zero).

use rust_decimal::Decimal;

use crate::model::money::{checked_div, round_to};

/// The minus sign used for negative figures.
pub const MINUS: char = '\u{2212}';

/// One million, as a Decimal.
const MILLION: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

fn sign(negative: bool) -> &'static str {
    if negative {
        "\u{2212}"
    } else {
        ""
    }
}

/// Digits of a non-negative whole number with thousands separators: 1234567 → "1,234,567".
fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    let len = digits.len();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A non-negative number rounded to `dp` places with thousands separators.
fn grouped(value: Decimal, dp: u32) -> String {
    let rounded = round_to(value.abs(), dp);
    let text = format!("{:.*}", dp as usize, rounded);
    match text.split_once('.') {
        Some((whole, frac)) => format!("{}.{}", group_thousands(whole), frac),
        None => group_thousands(&text),
    }
}

/// Pounds and pence with separators: `£1,234,567.89`, `−£0.50`.
pub fn pounds(value: Decimal) -> String {
    let negative = round_to(value, 2).is_sign_negative() && !round_to(value, 2).is_zero();
    format!("{}£{}", sign(negative), grouped(value, 2))
}

/// Whole pounds with separators: `£1,234,568`.
pub fn pounds_whole(value: Decimal) -> String {
    let negative = !round_to(value, 0).is_zero() && value.is_sign_negative();
    format!("{}£{}", sign(negative), grouped(value, 0))
}

/// Millions to one decimal place: `£8.1m`, `£261.7m`, `−£0.9m`, `£0.0m`.
pub fn millions(value: Decimal) -> String {
    millions_dp(value, 1)
}

/// Millions to `dp` decimal places: `millions_dp(x, 2)` → `£8.10m`.
pub fn millions_dp(value: Decimal, dp: u32) -> String {
    let m = checked_div(value, MILLION).unwrap_or(Decimal::ZERO);
    let negative = !round_to(m, dp).is_zero() && m.is_sign_negative();
    format!("{}£{}m", sign(negative), grouped(m, dp))
}

/// A percentage to `dp` places: `percent(4.1, 1)` → `4.1%`.
pub fn percent(value: Decimal, dp: u32) -> String {
    let negative = !round_to(value, dp).is_zero() && value.is_sign_negative();
    format!("{}{}%", sign(negative), grouped(value, dp))
}

/// A count with separators: `2,408`; fractional counts (FTE) to `dp` places.
pub fn count(value: Decimal, dp: u32) -> String {
    let negative = !round_to(value, dp).is_zero() && value.is_sign_negative();
    format!("{}{}", sign(negative), grouped(value, dp))
}

/// A value in £m as a plain number for axes and CSV-like tables: 8.1 → "8.1".
pub fn millions_number(value: Decimal, dp: u32) -> String {
    let m = checked_div(value, MILLION).unwrap_or(Decimal::ZERO);
    let negative = !round_to(m, dp).is_zero() && m.is_sign_negative();
    format!("{}{}", sign(negative), grouped(m, dp))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn millions_as_finance_reads_them() {
        let cases = [
            ("8100000", "£8.1m"),
            ("261700000", "£261.7m"),
            ("899999", "£0.9m"),
            ("-900000", "\u{2212}£0.9m"),
            ("-40000", "£0.0m"),
            ("0", "£0.0m"),
            ("1234567890", "£1,234.6m"),
            ("50000", "£0.1m"),
        ];
        for (input, want) in cases {
            assert_eq!(millions(d(input)), want, "{input}");
        }
    }

    #[test]
    fn pounds_with_pence() {
        let cases = [
            ("1234567.891", "£1,234,567.89"),
            ("1234567.895", "£1,234,567.90"),
            ("0.5", "£0.50"),
            ("-0.5", "\u{2212}£0.50"),
            ("-0.001", "£0.00"),
            ("999.999", "£1,000.00"),
            ("254.25", "£254.25"),
        ];
        for (input, want) in cases {
            assert_eq!(pounds(d(input)), want, "{input}");
        }
        assert_eq!(pounds_whole(d("1234567.5")), "£1,234,568");
    }

    #[test]
    fn percentages_and_counts() {
        assert_eq!(percent(d("4.08"), 1), "4.1%");
        assert_eq!(percent(d("-2.5"), 1), "\u{2212}2.5%");
        assert_eq!(percent(d("35.3"), 1), "35.3%");
        assert_eq!(count(d("2408"), 0), "2,408");
        assert_eq!(count(d("2380.55"), 1), "2,380.6");
        assert_eq!(millions_number(d("-2750000"), 2), "\u{2212}2.75");
    }
}
