//! The savings register worked out (docs/resilience.md §5): each saving's planned amount
//! in force by year, its delivery confidence and the part at risk; by year, planned and
//! risk-adjusted savings, the gap both ways, the structural gap (before one-off savings and
//! reserves) and the savings still to find (after them).

use rust_decimal::Decimal;
#[cfg(not(target_arch = "wasm32"))]
use serde::Serialize;

use crate::model::collab;
use crate::model::engine::{penny, Projection};
use crate::model::error::ModelResult;
use crate::model::money::At;
use crate::model::scenario::{DeliveryStatus, SavingCategory, SavingKind, Scenario};
use crate::model::year::FinancialYear;

/// Where a saving's delivery confidence comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
#[cfg_attr(not(target_arch = "wasm32"), serde(rename_all = "snake_case"))]
pub enum ConfidenceFrom {
    /// The saving's own figure.
    Own,
    /// Its status's default (`delivery_confidence`).
    Status,
    /// No status recorded: counted in full (100%).
    NoStatus,
}

/// One saving in one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct SavingYear {
    /// The year.
    pub year: FinancialYear,
    /// The amount in force this year as planned, £ to the penny.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub planned: Decimal,
    /// The part not expected to be delivered: planned × (100 − confidence) ÷ 100, £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub at_risk: Decimal,
    /// Planned − at risk, £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub risk_adjusted: Decimal,
}

/// One saving of the register, worked out.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct SavingRow {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Recurring, one-off, or the collaboration register's.
    #[cfg_attr(not(target_arch = "wasm32"), serde(serialize_with = "kind_key"))]
    pub kind: SavingKind,
    /// Who owns it ("" if not recorded).
    pub owner: String,
    /// Its category, if recorded.
    #[cfg_attr(not(target_arch = "wasm32"), serde(serialize_with = "category_key"))]
    pub category: Option<SavingCategory>,
    /// Its delivery status, if recorded.
    #[cfg_attr(not(target_arch = "wasm32"), serde(serialize_with = "status_key"))]
    pub status: Option<DeliveryStatus>,
    /// Delivery confidence, %.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub confidence: Decimal,
    /// Where the confidence comes from.
    pub confidence_from: ConfidenceFrom,
    /// The confidence's basis.
    pub confidence_basis: String,
    /// True if that basis is an estimate.
    pub confidence_estimate: bool,
    /// By year, base year first.
    pub years: Vec<SavingYear>,
    /// Planned over the plan (the sum of `years`' planned), £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub planned_total: Decimal,
    /// At risk over the plan, £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub at_risk_total: Decimal,
}

/// Recurring, one-off and total, £.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct Split {
    /// Recurring (with the collaboration register's), £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub recurring: Decimal,
    /// One-off, £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub one_off: Decimal,
    /// Recurring + one-off, £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub total: Decimal,
}

/// The register's totals and the gap, both ways, in one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct SavingsYear {
    /// The year.
    pub year: FinancialYear,
    /// Savings as planned (the projection's).
    pub planned: Split,
    /// The part at risk.
    pub at_risk: Split,
    /// Planned − at risk.
    pub risk_adjusted: Split,
    /// The annual gap as planned (the projection's), £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub gap: Decimal,
    /// The gap if savings deliver only their confidence: gap + at risk, £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub gap_risk_adjusted: Decimal,
    /// The structural gap, before one-off savings and reserves: gap + one-off savings, £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub structural_gap: Decimal,
    /// The same, risk-adjusted: risk-adjusted gap + risk-adjusted one-off savings, £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub structural_gap_risk_adjusted: Decimal,
    /// Savings still to find, after one-off savings and the planned use of reserves: gap −
    /// reserves applied, £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub still_to_find: Decimal,
    /// The same, risk-adjusted, £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub still_to_find_risk_adjusted: Decimal,
    /// The sum of the annual gaps to this year, £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub cumulative_gap: Decimal,
    /// The same, risk-adjusted, £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub cumulative_gap_risk_adjusted: Decimal,
    /// Savings at risk in this and every earlier year, £: what falls on the general
    /// reserve if they are not delivered.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub at_risk_to_date: Decimal,
}

/// The savings register worked out over the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct SavingsRegister {
    /// Each saving, in the scenario's order.
    pub savings: Vec<SavingRow>,
    /// The totals and gaps by year, base year first.
    pub years: Vec<SavingsYear>,
}

#[cfg(not(target_arch = "wasm32"))]
fn kind_key<S: serde::Serializer>(k: &SavingKind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(k.key())
}

#[cfg(not(target_arch = "wasm32"))]
fn category_key<S: serde::Serializer>(c: &Option<SavingCategory>, s: S) -> Result<S::Ok, S::Error> {
    match c {
        Some(c) => s.serialize_str(c.key()),
        None => s.serialize_none(),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn status_key<S: serde::Serializer>(c: &Option<DeliveryStatus>, s: S) -> Result<S::Ok, S::Error> {
    match c {
        Some(c) => s.serialize_str(c.key()),
        None => s.serialize_none(),
    }
}

impl SavingsRegister {
    /// The totals of `year`, if it is in the plan.
    pub fn year(&self, year: FinancialYear) -> Option<&SavingsYear> {
        self.years.iter().find(|y| y.year == year)
    }

    /// The final year's totals.
    pub fn final_year(&self) -> Option<&SavingsYear> {
        self.years.last()
    }

    /// Planned savings over the plan (the sum of each year's), £.
    pub fn planned_total(&self) -> ModelResult<Decimal> {
        At::new("savings", None).sum(self.years.iter().map(|y| y.planned.total))
    }

    /// Savings at risk over the plan, £.
    pub fn at_risk_total(&self) -> Decimal {
        self.years
            .last()
            .map_or(Decimal::ZERO, |y| y.at_risk_to_date)
    }
}

/// The savings register of `s`, projected as `p`.
pub fn register(s: &Scenario, p: &Projection) -> ModelResult<SavingsRegister> {
    let years = p.year_list();
    // The collaboration register's realised savings, for a saving that takes them.
    let realised = match (
        &s.collaborations,
        s.savings
            .iter()
            .any(|x| x.kind == SavingKind::Collaborations),
    ) {
        (Some(r), true) => Some(collab::project(r, &years)?),
        _ => None,
    };
    let sections = s.sections()?;
    let table = sections.confidence_table();
    let mut rows = Vec::with_capacity(s.savings.len());
    for (i, saving) in s.savings.iter().enumerate() {
        let delivery = sections.delivery_at(i);
        let own = delivery.and_then(|d| d.confidence);
        let status = delivery.and_then(|d| d.status);
        let (confidence, from, basis) = match (own, status) {
            (Some(own), _) => (
                own,
                ConfidenceFrom::Own,
                delivery.map(|d| d.source.clone()).unwrap_or_default(),
            ),
            (None, Some(status)) => {
                let c = table.of(status).cloned().unwrap_or_default();
                (c.value.0, ConfidenceFrom::Status, c.source)
            }
            (None, None) => (
                Decimal::ONE_HUNDRED,
                ConfidenceFrom::NoStatus,
                crate::model::Source::published(
                    "No delivery status recorded: counted in full, as the plan does.",
                ),
            ),
        };
        let mut out = Vec::with_capacity(years.len());
        let (mut planned_total, mut at_risk_total) = (Decimal::ZERO, Decimal::ZERO);
        for &year in &years {
            let at = At::item("savings", &saving.id, "", Some(year));
            let in_force = match saving.kind {
                SavingKind::Recurring => at.sum(saving.amounts.0.up_to(&year).map(|(_, v)| *v))?,
                SavingKind::OneOff => saving.amounts.get_or_zero(year),
                SavingKind::Collaborations => realised
                    .as_ref()
                    .and_then(|r| r.realised_savings(year))
                    .unwrap_or(Decimal::ZERO),
            };
            let planned = penny(in_force);
            let held_back = at.sub(Decimal::ONE_HUNDRED, confidence)?;
            let at_risk = penny(at.pct(in_force, held_back)?);
            let risk_adjusted = at.sub(planned, at_risk)?;
            planned_total = at.add(planned_total, planned)?;
            at_risk_total = at.add(at_risk_total, at_risk)?;
            out.push(SavingYear {
                year,
                planned,
                at_risk,
                risk_adjusted,
            });
        }
        rows.push(SavingRow {
            id: saving.id.clone(),
            name: saving.name.clone(),
            kind: saving.kind,
            owner: delivery.map(|d| d.owner.clone()).unwrap_or_default(),
            category: delivery.map(|d| d.category),
            status,
            confidence,
            confidence_from: from,
            confidence_basis: basis.text,
            confidence_estimate: basis.estimate,
            years: out,
            planned_total: penny(planned_total),
            at_risk_total: penny(at_risk_total),
        });
    }

    let mut totals = Vec::with_capacity(years.len());
    let (mut cumulative, mut cumulative_ra, mut to_date) =
        (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for (k, y) in p.years.iter().enumerate() {
        let at = At::new("savings", Some(y.year));
        let mut at_risk = Split::default();
        for (row, saving) in rows.iter().zip(&s.savings) {
            let x = row.years.get(k).map_or(Decimal::ZERO, |v| v.at_risk);
            if saving.kind == SavingKind::OneOff {
                at_risk.one_off = at.add(at_risk.one_off, x)?;
            } else {
                at_risk.recurring = at.add(at_risk.recurring, x)?;
            }
        }
        at_risk.recurring = penny(at_risk.recurring);
        at_risk.one_off = penny(at_risk.one_off);
        at_risk.total = at.add(at_risk.recurring, at_risk.one_off)?;
        let planned = Split {
            recurring: y.savings.recurring,
            one_off: y.savings.one_off,
            total: y.savings.total,
        };
        let risk_adjusted = Split {
            recurring: at.sub(planned.recurring, at_risk.recurring)?,
            one_off: at.sub(planned.one_off, at_risk.one_off)?,
            total: at.sub(planned.total, at_risk.total)?,
        };
        let gap_ra = at.add(y.gap, at_risk.total)?;
        cumulative = at.add(cumulative, y.gap)?;
        cumulative_ra = at.add(cumulative_ra, gap_ra)?;
        to_date = at.add(to_date, at_risk.total)?;
        totals.push(SavingsYear {
            year: y.year,
            planned,
            at_risk,
            risk_adjusted,
            gap: y.gap,
            gap_risk_adjusted: gap_ra,
            structural_gap: at.add(y.gap, planned.one_off)?,
            structural_gap_risk_adjusted: at.add(gap_ra, risk_adjusted.one_off)?,
            still_to_find: at.sub(y.gap, y.reserves_applied)?,
            still_to_find_risk_adjusted: at.sub(gap_ra, y.reserves_applied)?,
            cumulative_gap: penny(cumulative),
            cumulative_gap_risk_adjusted: penny(cumulative_ra),
            at_risk_to_date: penny(to_date),
        });
    }
    Ok(SavingsRegister {
        savings: rows,
        years: totals,
    })
}
