//! Validation of the precept, savings and reserves sections.

use rust_decimal::Decimal;

use super::super::{SavingKind, Scenario};
use super::{amount, amounts, ids, pcts, MAX_BAND_D, MAX_PCT, MAX_TAX_BASE};
use crate::model::error::{ModelError, ModelResult};
use crate::model::money::{round_money, At};

pub(super) fn precept(s: &Scenario) -> ModelResult<()> {
    let h = &s.horizon;
    let p = &s.precept;
    let band_d = p.band_d.value.0;
    if band_d <= Decimal::ZERO || band_d > MAX_BAND_D {
        return Err(ModelError::new(
            "precept.band_d",
            format!("Band D must be more than £0 and at most £{MAX_BAND_D}, not £{band_d}"),
        ));
    }
    let tax_base = p.tax_base.value.0;
    if tax_base <= Decimal::ZERO || tax_base > MAX_TAX_BASE {
        return Err(ModelError::new(
            "precept.tax_base",
            format!(
                "the tax base (Band D equivalents) must be more than 0 and at most {MAX_TAX_BASE}, not {tax_base}"
            ),
        ));
    }
    let at = |path| At::new(path, None);
    amounts(&at("precept.rise_gbp"), &p.rise_gbp.value, h, false)?;
    pcts(&at("precept.rise_pct"), &p.rise_pct.value, h, false)?;
    pcts(
        &at("precept.tax_base_growth_pct"),
        &p.tax_base_growth_pct.value,
        h,
        false,
    )?;
    for (year, limit) in p.referendum_limit_gbp.value.iter() {
        if limit < Decimal::ZERO || limit > MAX_BAND_D {
            return Err(ModelError::new(
                "precept.referendum_limit_gbp",
                format!("a referendum limit must lie between £0 and £{MAX_BAND_D}, not £{limit}"),
            )
            .in_year(year));
        }
    }
    // Band D and the tax base must stay positive and bounded in every year.
    let mut band = band_d;
    let mut base = tax_base;
    for year in (1..u16::from(h.years)).map_while(|n| h.base_year.plus(n)) {
        let at = At::new("precept", Some(year));
        band = match (p.rise_gbp.value.get(year), p.rise_pct.value.get(year)) {
            (Some(_), Some(_)) => {
                return Err(ModelError::new(
                    "precept.rise_pct",
                    "a year may have a £ rise or a % rise, not both",
                )
                .in_year(year));
            }
            (Some(gbp), None) => at.add(band, gbp)?,
            (None, Some(pct)) => round_money(at.grow(band, pct)?),
            (None, None) => band,
        };
        if band <= Decimal::ZERO || band > MAX_BAND_D {
            return Err(ModelError::new(
                "precept.rise_gbp",
                format!("Band D would be £{band}: it must stay above £0 and at most £{MAX_BAND_D}"),
            )
            .in_year(year));
        }
        let growth = p.tax_base_growth_pct.value.get_or_zero(year);
        if !growth.is_zero() {
            base = at.grow(base, growth)?;
        }
        if base <= Decimal::ZERO || base > MAX_TAX_BASE {
            return Err(ModelError::new(
                "precept.tax_base_growth_pct",
                format!(
                    "the tax base would be {base}: it must stay above 0 and at most {MAX_TAX_BASE}"
                ),
            )
            .in_year(year));
        }
    }
    Ok(())
}

pub(super) fn savings(s: &Scenario) -> ModelResult<()> {
    let h = &s.horizon;
    ids("savings", s.savings.iter().map(|l| l.id.as_str()))?;
    let mut from_register = s
        .savings
        .iter()
        .filter(|x| x.kind == SavingKind::Collaborations);
    if let Some(second) = from_register.nth(1) {
        return Err(ModelError::new(
            format!("savings[{}].kind", second.id),
            "only one saving may take the collaboration register's savings (it would count them twice)",
        ));
    }
    for saving in &s.savings {
        let at = |field| At::item("savings", &saving.id, field, None);
        if saving.kind == SavingKind::Collaborations {
            if s.collaborations.is_none() {
                return Err(at(".kind").error(
                    "comes from the collaboration register but the scenario has no collaborations section",
                ));
            }
            if !saving.amounts.0.is_empty() {
                return Err(at(".amounts")
                    .error("collaboration savings come from the register: leave amounts empty"));
            }
        }
        amounts(&at(".amounts"), &saving.amounts, h, true)?;
    }
    Ok(())
}

pub(super) fn reserves(s: &Scenario) -> ModelResult<()> {
    let h = &s.horizon;
    let r = &s.reserves;
    for (path, value) in [
        ("reserves.general_opening", r.general_opening.value.0),
        ("reserves.earmarked_opening", r.earmarked_opening.value.0),
    ] {
        amount(&At::new(path, None), value)?;
        if value < Decimal::ZERO {
            return Err(ModelError::new(
                path,
                format!("an opening reserve cannot be negative (£{value})"),
            ));
        }
    }
    amounts(
        &At::new("reserves.planned_use_general", None),
        &r.planned_use_general.value,
        h,
        true,
    )?;
    amounts(
        &At::new("reserves.planned_use_earmarked", None),
        &r.planned_use_earmarked.value,
        h,
        true,
    )?;
    let floor = r.floor_pct.value.0;
    if floor < Decimal::ZERO || floor > MAX_PCT {
        return Err(ModelError::new(
            "reserves.floor_pct",
            format!(
                "the reserve floor must lie between 0% and 100% of net revenue spend, not {floor}%"
            ),
        ));
    }
    Ok(())
}
