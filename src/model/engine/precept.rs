//! The council tax precept: Band D, tax base and income, year by year.

use rust_decimal::Decimal;

use super::penny;
use super::result::{PreceptResult, Warning};
use crate::model::error::ModelResult;
use crate::model::money::{round_to, At};
use crate::model::scenario::Precept;
use crate::model::year::FinancialYear;

/// Weeks used for "Band D per week" (some reports use 52.14; the planner uses 52).
pub const WEEKS_PER_YEAR: Decimal = Decimal::from_parts(52, 0, 0, false, 0);

/// A figure that is not money (tax base, a %) shown to two places, halves away from zero.
fn two_places(value: Decimal) -> Decimal {
    let mut shown = round_to(value, 2);
    shown.rescale(2);
    shown
}

/// Precept income = tax base × Band D, at full precision, then rounded to the penny.
pub fn precept_income(at: &At<'_>, tax_base: Decimal, band_d: Decimal) -> ModelResult<Decimal> {
    Ok(penny(at.mul(tax_base, band_d)?))
}

/// The precept in every year, base year first. Rises above a referendum limit are added
/// to `warnings`.
pub(super) fn project(
    p: &Precept,
    years: &[FinancialYear],
    warnings: &mut Vec<Warning>,
) -> ModelResult<Vec<PreceptResult>> {
    let mut out = Vec::with_capacity(years.len());
    let mut band_d = penny(p.band_d.value.0);
    let mut tax_base = p.tax_base.value.0;
    for (index, &year) in years.iter().enumerate() {
        let at = At::new("precept", Some(year));
        let previous = band_d;
        if index > 0 {
            band_d = match (p.rise_gbp.value.get(year), p.rise_pct.value.get(year)) {
                (Some(gbp), _) => penny(at.add(band_d, gbp)?),
                (None, Some(pct)) => penny(at.grow(band_d, pct)?),
                (None, None) => band_d,
            };
            tax_base = at.grow(tax_base, p.tax_base_growth_pct.value.get_or_zero(year))?;
        }
        let rise_gbp = at.sub(band_d, previous)?;
        let rise_pct = round_to(
            at.mul(at.div(rise_gbp, previous)?, Decimal::ONE_HUNDRED)?,
            2,
        );
        let limit = p.referendum_limit_gbp.value.get(year);
        let exceeds = index > 0 && limit.is_some_and(|l| rise_gbp > l);
        if exceeds {
            warnings.push(Warning {
                path: "precept.rise_gbp".into(),
                year: Some(year),
                message: format!(
                    "the Band D rise of £{rise_gbp} is above the referendum limit of £{}",
                    limit.unwrap_or_default()
                ),
            });
        }
        out.push(PreceptResult {
            band_d,
            rise_gbp,
            rise_pct,
            band_d_per_week: penny(at.div(band_d, WEEKS_PER_YEAR)?),
            tax_base: two_places(tax_base),
            income: precept_income(&at, tax_base, band_d)?,
            referendum_limit_gbp: limit,
            exceeds_referendum_limit: exceeds,
        });
    }
    Ok(out)
}
