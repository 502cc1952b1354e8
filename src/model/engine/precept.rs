//! The council tax precept: Band D, tax base and income, year by year.

use rust_decimal::Decimal;

use super::result::PreceptResult;
use super::{penny, PerYear, MAX_PLAN_YEARS};
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

impl PreceptResult {
    /// All zero (a placeholder before a run).
    pub(super) const EMPTY: PreceptResult = PreceptResult {
        band_d: Decimal::ZERO,
        rise_gbp: Decimal::ZERO,
        rise_pct: Decimal::ZERO,
        band_d_per_week: Decimal::ZERO,
        tax_base: Decimal::ZERO,
        income: Decimal::ZERO,
        referendum_limit_gbp: None,
        exceeds_referendum_limit: false,
    };
}

/// A year's Band D rise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rise {
    None,
    Pounds(Decimal),
    Percent(Decimal),
}

/// Everything the precept depends on, resolved to the plan's years: an
/// [`Engine`](super::Engine) works the precept out again only when these change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Inputs {
    band_d: Decimal,
    tax_base: Decimal,
    rise: [Rise; MAX_PLAN_YEARS],
    growth: PerYear,
    limit: [Option<Decimal>; MAX_PLAN_YEARS],
}

impl Inputs {
    pub(super) fn of(p: &Precept, years: &[FinancialYear]) -> Inputs {
        let mut out = Inputs {
            band_d: p.band_d.value.0,
            tax_base: p.tax_base.value.0,
            rise: [Rise::None; MAX_PLAN_YEARS],
            growth: [Decimal::ZERO; MAX_PLAN_YEARS],
            limit: [None; MAX_PLAN_YEARS],
        };
        for (k, &year) in years.iter().enumerate() {
            if let Some(limit) = out.limit.get_mut(k) {
                // Money that is set and published: held to the penny like Band D.
                *limit = p.referendum_limit_gbp.value.get(year).map(penny);
            }
            if k == 0 {
                continue;
            }
            if let (Some(rise), Some(growth)) = (out.rise.get_mut(k), out.growth.get_mut(k)) {
                *rise = match (p.rise_gbp.value.get(year), p.rise_pct.value.get(year)) {
                    (Some(gbp), _) => Rise::Pounds(gbp),
                    (None, Some(pct)) => Rise::Percent(pct),
                    (None, None) => Rise::None,
                };
                *growth = p.tax_base_growth_pct.value.get_or_zero(year);
            }
        }
        out
    }
}

/// The precept in every year, base year first, into `out`. With `detail` false only what
/// the totals need is worked out (Band D, its £ rise, income and the referendum flag); the
/// rise in %, Band D per week and the tax base shown are left zero.
pub(super) fn project(
    p: &Inputs,
    years: &[FinancialYear],
    detail: bool,
    out: &mut [PreceptResult],
) -> ModelResult<()> {
    let mut band_d = penny(p.band_d);
    let mut tax_base = p.tax_base;
    for ((index, &year), slot) in years.iter().enumerate().zip(out.iter_mut()) {
        let at = At::new("precept", Some(year));
        let previous = band_d;
        if index > 0 {
            band_d = match p.rise.get(index).copied().unwrap_or(Rise::None) {
                Rise::Pounds(gbp) => penny(at.add(band_d, gbp)?),
                Rise::Percent(pct) => penny(at.grow(band_d, pct)?),
                Rise::None => band_d,
            };
            let growth = p.growth.get(index).copied().unwrap_or(Decimal::ZERO);
            if !growth.is_zero() {
                tax_base = at.grow(tax_base, growth)?;
            }
        }
        let rise_gbp = at.sub(band_d, previous)?;
        let limit = p.limit.get(index).copied().flatten();
        let exceeds = index > 0 && limit.is_some_and(|l| rise_gbp > l);
        *slot = PreceptResult {
            band_d,
            rise_gbp,
            income: precept_income(&at, tax_base, band_d)?,
            referendum_limit_gbp: limit,
            exceeds_referendum_limit: exceeds,
            ..PreceptResult::EMPTY
        };
        if detail {
            slot.rise_pct = round_to(
                at.mul(at.div(rise_gbp, previous)?, Decimal::ONE_HUNDRED)?,
                2,
            );
            slot.band_d_per_week = penny(at.div(band_d, WEEKS_PER_YEAR)?);
            slot.tax_base = two_places(tax_base);
        }
    }
    Ok(())
}
