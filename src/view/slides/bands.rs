//! Council tax bands A–H as fixed ratios of Band D, and what a precept rise means for each.
//!
//! Band X = Band D × numerator ÷ 9 (A 6/9, B 7/9, C 8/9, D 9/9, E 11/9, F 13/9, G 15/9,
//! H 18/9), multiplied before dividing so the figure is exact before it is rounded once to
//! the penny by the model's rule (halves away from zero). A band's rise is this year's
//! rounded band minus last year's rounded band, so it is the change on the bill. Per week =
//! annual ÷ 52, rounded the same way.

use rust_decimal::Decimal;

use crate::model::engine::WEEKS_PER_YEAR;
use crate::model::money::{round_money, At};
use crate::model::ModelResult;

/// The bands and their ratios to Band D, in ninths.
pub const BANDS: [(char, u32); 8] = [
    ('A', 6),
    ('B', 7),
    ('C', 8),
    ('D', 9),
    ('E', 11),
    ('F', 13),
    ('G', 15),
    ('H', 18),
];

/// One council tax band in one year, £ to the penny.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BandRow {
    /// The band letter.
    pub band: char,
    /// Its ratio to Band D, in ninths (6 for Band A).
    pub ninths: u32,
    /// The precept for the band this year, £ a year.
    pub annual: Decimal,
    /// The rise on last year, £ a year.
    pub rise: Decimal,
    /// The precept per week (annual ÷ 52), £.
    pub weekly: Decimal,
    /// The rise per week (rise ÷ 52), £.
    pub rise_weekly: Decimal,
}

/// Band D × `ninths` ÷ 9, rounded to the penny.
pub fn band_amount(band_d: Decimal, ninths: u32) -> ModelResult<Decimal> {
    let at = At::new("precept.bands", None);
    let nine = Decimal::from(9u32);
    Ok(round_money(
        at.div(at.mul(band_d, Decimal::from(ninths))?, nine)?,
    ))
}

/// `annual` ÷ 52, rounded to the penny.
pub fn per_week(annual: Decimal) -> ModelResult<Decimal> {
    Ok(round_money(
        At::new("precept.bands", None).div(annual, WEEKS_PER_YEAR)?,
    ))
}

/// Every band for a year whose Band D is `band_d`, after last year's `previous_band_d`.
pub fn bands(band_d: Decimal, previous_band_d: Decimal) -> ModelResult<Vec<BandRow>> {
    let at = At::new("precept.bands", None);
    BANDS
        .iter()
        .map(|&(band, ninths)| {
            let annual = band_amount(band_d, ninths)?;
            let rise = at.sub(annual, band_amount(previous_band_d, ninths)?)?;
            Ok(BandRow {
                band,
                ninths,
                annual,
                rise,
                weekly: per_week(annual)?,
                rise_weekly: per_week(rise)?,
            })
        })
        .collect()
}
