//! What the risk screen (issue 16, docs/risk.md "In the planner"), its slide and its print
//! page show of a run: the CSV (byte for byte `mtfp risk --format csv`), the three fan
//! charts' data and titles, the chances as "89.6% (896 of 1,000 draws)", the histogram's
//! bars, the drivers and the registry's ranges in words, and the form's fields read.
//! Pure, so every figure and sentence is tested natively.

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::charts::{FanData, FanYear, HistogramBar};
use crate::edit::{parse_input, FieldUnit};
use crate::format;
use crate::model::engine::penny;
use crate::model::risk::{self, Band, Risk, RiskYear};

/// The CSV header of `mtfp risk` (docs/risk.md §4).
pub const CSV_HEADER: &str = "year,gap_p5,gap_p25,gap_p50,gap_p75,gap_p95,gap_plan,\
cumulative_gap_p5,cumulative_gap_p25,cumulative_gap_p50,cumulative_gap_p75,cumulative_gap_p95,cumulative_gap_plan,\
general_reserve_p5,general_reserve_p25,general_reserve_p50,general_reserve_p75,general_reserve_p95,general_reserve_plan,\
probability_below_floor,probability_below_zero";

fn band_cells(b: &Band) -> [Decimal; 6] {
    [b.p5, b.p25, b.p50, b.p75, b.p95, b.plan].map(penny)
}

/// The run as `mtfp risk --format csv` prints it, final newline included, so the file the
/// screen offers is the CLI's byte for byte.
pub fn csv(r: &Risk) -> String {
    let mut text = String::from(CSV_HEADER);
    let join = |b: &Band| {
        band_cells(b)
            .iter()
            .map(Decimal::to_string)
            .collect::<Vec<_>>()
            .join(",")
    };
    for y in &r.years {
        text.push_str(&format!(
            "\n{},{},{},{},{},{}",
            y.year,
            join(&y.gap),
            join(&y.cumulative_gap),
            join(&y.general_reserve),
            y.probability_below_floor,
            y.probability_below_zero
        ));
    }
    text.push('\n');
    text
}

/// The figures a fan chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// The annual gap.
    Gap,
    /// The cumulative gap.
    CumulativeGap,
    /// The general reserve at the end of each year.
    GeneralReserve,
}

impl Measure {
    /// Every measure, in the order the screen shows them.
    pub const ALL: [Measure; 3] = [
        Measure::Gap,
        Measure::CumulativeGap,
        Measure::GeneralReserve,
    ];

    /// Its CSV columns' prefix and the chart's key: `cumulative_gap`.
    pub fn key(self) -> &'static str {
        match self {
            Measure::Gap => "gap",
            Measure::CumulativeGap => "cumulative_gap",
            Measure::GeneralReserve => "general_reserve",
        }
    }

    /// Its name in a sentence: "the cumulative gap".
    pub fn label(self) -> &'static str {
        match self {
            Measure::Gap => "the annual gap",
            Measure::CumulativeGap => "the cumulative gap",
            Measure::GeneralReserve => "the general reserve",
        }
    }

    /// Its band in year `y`.
    pub fn band(self, y: &RiskYear) -> &Band {
        match self {
            Measure::Gap => &y.gap,
            Measure::CumulativeGap => &y.cumulative_gap,
            Measure::GeneralReserve => &y.general_reserve,
        }
    }

    /// The CSV's column names for this measure, after `year`.
    pub fn columns(self) -> [String; 6] {
        ["p5", "p25", "p50", "p75", "p95", "plan"].map(|c| format!("{}_{c}", self.key()))
    }
}

/// The headings of a band's columns, in the CSV's order.
pub const BAND_HEADINGS: [&str; 6] = [
    "5th percentile",
    "25th",
    "Median",
    "75th",
    "95th",
    "The plan",
];

/// A band's six figures to the penny, as the CSV has them.
pub fn band_figures(b: &Band) -> [Decimal; 6] {
    band_cells(b)
}

/// The fan chart of `m`, its title stating the spread in the last year of the plan.
pub fn fan(r: &Risk, m: Measure) -> FanData {
    let years: Vec<FanYear> = r
        .years
        .iter()
        .map(|y| {
            let b = m.band(y);
            FanYear {
                p5: b.p5,
                p25: b.p25,
                p50: b.p50,
                p75: b.p75,
                p95: b.p95,
                plan: b.plan,
            }
        })
        .collect();
    let last = r.years.last();
    let title = match last {
        Some(y) => {
            let b = m.band(y);
            let what = match m {
                Measure::Gap => format!("The annual gap in {}", y.year),
                Measure::CumulativeGap => format!("The cumulative gap by {}", y.year),
                Measure::GeneralReserve => format!("The general reserve at the end of {}", y.year),
            };
            format!(
                "{what}: {} to {} in 9 of 10 draws (median {}), against the plan's {}",
                format::millions(b.p5),
                format::millions(b.p95),
                format::millions(b.p50),
                format::millions(b.plan)
            )
        }
        None => "No years to show".into(),
    };
    FanData {
        id: format!("risk-{}", m.key().replace('_', "-")),
        title,
        description: format!(
            "Fan chart of {} by year over {} draws, £ million: a light band from the 5th to the \
             95th percentile, a darker band from the 25th to the 75th, the median as a solid \
             line and the plan itself as a dashed line. The data table below gives every figure.",
            m.label(),
            thousands(r.draws)
        ),
        categories: r.years.iter().map(|y| y.year.to_string()).collect(),
        years,
    }
}

/// 12345 as "12,345".
pub fn thousands(n: usize) -> String {
    format::count(Decimal::from(n), 0)
}

/// A share of the draws as people read it: "89.6% (896 of 1,000 draws)".
pub fn chance(count: usize, probability: Decimal, draws: usize) -> String {
    format!(
        "{} ({} of {} draws)",
        percent(probability),
        thousands(count),
        thousands(draws)
    )
}

/// A share to four places as a % to one: 0.8960 → "89.6%".
pub fn percent(probability: Decimal) -> String {
    format::percent(
        crate::model::money::checked_mul(probability, Decimal::ONE_HUNDRED).unwrap_or_default(),
        1,
    )
}

/// The histogram's bars.
pub fn histogram(r: &Risk) -> Vec<HistogramBar> {
    r.histogram
        .iter()
        .map(|b| (b.from, b.to, b.count))
        .collect()
}

/// The plan's own end-of-plan cumulative gap.
pub fn plan_final(r: &Risk) -> Decimal {
    r.years
        .last()
        .map_or(Decimal::ZERO, |y| y.cumulative_gap.plan)
}

/// A driver's correlation with its sign explained: "+0.62: a higher figure widens the gap".
pub fn driver_text(correlation: Decimal) -> String {
    let sign = if correlation > Decimal::ZERO {
        "+"
    } else if correlation < Decimal::ZERO {
        "\u{2212}"
    } else {
        ""
    };
    let effect = if correlation > Decimal::ZERO {
        "a higher figure widens the gap"
    } else if correlation < Decimal::ZERO {
        "a higher figure narrows the gap"
    } else {
        "no pull either way"
    };
    format!("{sign}{:.2}: {effect}", correlation.abs())
}

/// The draws typed: a whole number from 1,000 to 100,000, commas allowed.
pub fn parse_draws(text: &str) -> Result<usize, String> {
    let t: String = text.trim().chars().filter(|c| *c != ',').collect();
    let n: usize = t
        .parse()
        .map_err(|_| "Enter a whole number of draws, such as 10,000".to_string())?;
    if (risk::MIN_DRAWS..=risk::MAX_DRAWS).contains(&n) {
        Ok(n)
    } else {
        Err(format!(
            "Use {} to {} draws",
            thousands(risk::MIN_DRAWS),
            thousands(risk::MAX_DRAWS)
        ))
    }
}

/// The seed typed: a whole number from 0 to 18,446,744,073,709,551,615.
pub fn parse_seed(text: &str) -> Result<u64, String> {
    u64::from_str(text.trim())
        .map_err(|_| "Enter a whole number from 0 (at most 18446744073709551615)".to_string())
}

/// The amount typed, if any: a sum in £ (a leading £ and commas allowed).
pub fn parse_amount(text: &str) -> Result<Option<Decimal>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_input(text, FieldUnit::Pounds).map(Some)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn fields_read_as_mtfp_risk_reads_its_options() {
        assert_eq!(parse_draws("10,000"), Ok(10_000));
        assert_eq!(parse_draws(" 1000 "), Ok(1_000));
        assert_eq!(parse_draws("999"), Err("Use 1,000 to 100,000 draws".into()));
        assert_eq!(
            parse_draws("100,001"),
            Err("Use 1,000 to 100,000 draws".into())
        );
        assert!(parse_draws("ten").is_err());
        assert!(parse_draws("1.5e3").is_err());
        assert_eq!(parse_seed("42"), Ok(42));
        assert_eq!(parse_seed("18446744073709551615"), Ok(u64::MAX));
        assert!(parse_seed("-1").is_err());
        assert!(parse_seed("").is_err());
        assert_eq!(parse_amount(""), Ok(None));
        assert_eq!(parse_amount("£20,000,000"), Ok(Some(dec!(20000000))));
        assert!(parse_amount("lots").is_err());
    }

    #[test]
    fn chances_and_drivers_read_as_people_say_them() {
        assert_eq!(
            chance(896, dec!(0.8960), 1000),
            "89.6% (896 of 1,000 draws)"
        );
        assert_eq!(chance(0, dec!(0.0000), 10000), "0.0% (0 of 10,000 draws)");
        assert_eq!(
            driver_text(dec!(0.62)),
            "+0.62: a higher figure widens the gap"
        );
        assert_eq!(
            driver_text(dec!(-0.05)),
            "\u{2212}0.05: a higher figure narrows the gap"
        );
        assert_eq!(driver_text(dec!(0)), "0.00: no pull either way");
    }
}
