//! The big numbers at the top of the workspace.

use rust_decimal::Decimal;

use crate::format;
use crate::model::engine::Projection;
use crate::model::FinancialYear;

/// Headline figures, already formatted for display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Headlines {
    /// The year the annual gap is shown for.
    pub gap_year: Option<FinancialYear>,
    /// The annual gap in that year, £ (negative: a surplus).
    pub annual_gap: Decimal,
    /// The first and last years of the plan.
    pub first_year: Option<FinancialYear>,
    /// The last year of the plan.
    pub last_year: Option<FinancialYear>,
    /// Sum of the annual gaps over the plan, £.
    pub cumulative_gap: Decimal,
    /// The final year's recurring gap, £.
    pub final_recurring_gap: Decimal,
    /// General reserve at the end of the plan, £.
    pub general_reserve_end: Decimal,
    /// The floor in the final year, £.
    pub floor_end: Decimal,
    /// First year the general reserve ends below its floor.
    pub floor_breach: Option<FinancialYear>,
    /// Band D in the gap year, £ a year.
    pub band_d: Decimal,
    /// Band D in the gap year, £ a week (÷ 52).
    pub band_d_week: Decimal,
    /// Band D rise in the gap year, £.
    pub band_d_rise: Decimal,
    /// Band D rise in the gap year, %.
    pub band_d_rise_pct: Decimal,
}

/// The year the annual-gap headline shows by default: the first year with a gap of £0.05m
/// or more (it rounds to at least £0.1m), else the final year.
pub fn default_headline_year(p: &Projection) -> Option<FinancialYear> {
    let threshold = Decimal::new(50_000, 0);
    p.years
        .iter()
        .find(|y| y.gap >= threshold)
        .or(p.years.last())
        .map(|y| y.year)
}

impl Headlines {
    /// Headlines of `p`, with the annual gap for `year` (or the default year).
    pub fn of(p: &Projection, year: Option<FinancialYear>) -> Headlines {
        let gap_year = year
            .filter(|y| p.year(*y).is_some())
            .or_else(|| default_headline_year(p));
        let gy = gap_year.and_then(|y| p.year(y));
        let last = p.final_year();
        Headlines {
            gap_year,
            annual_gap: gy.map_or(Decimal::ZERO, |y| y.gap),
            first_year: p.base_year().map(|y| y.year),
            last_year: last.map(|y| y.year),
            cumulative_gap: p.cumulative_gap(),
            final_recurring_gap: p.final_recurring_gap(),
            general_reserve_end: last.map_or(Decimal::ZERO, |y| y.reserves.general),
            floor_end: last.map_or(Decimal::ZERO, |y| y.reserves.floor),
            floor_breach: p.first_floor_breach(),
            band_d: gy.map_or(Decimal::ZERO, |y| y.precept.band_d),
            band_d_week: gy.map_or(Decimal::ZERO, |y| y.precept.band_d_per_week),
            band_d_rise: gy.map_or(Decimal::ZERO, |y| y.precept.rise_gbp),
            band_d_rise_pct: gy.map_or(Decimal::ZERO, |y| y.precept.rise_pct),
        }
    }

    /// "£0.9m".
    pub fn annual_gap_text(&self) -> String {
        format::millions(self.annual_gap)
    }

    /// "£8.1m".
    pub fn cumulative_gap_text(&self) -> String {
        format::millions(self.cumulative_gap)
    }
}
