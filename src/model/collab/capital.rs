//! Capital collaborations (a shared headquarters): the asset's cost split between the
//! partners penny-exact, and each partner's capital financing by year.
//!
//! Financing, per partner, on its share of the cost (the "principal"):
//! - The share is treated as borrowed on the month the asset comes into use
//!   (`in_use_from`).
//! - **Interest**: in the year the asset comes into use, principal × rate × months in use
//!   ÷ 12 (a January handover carries 3 months); in each later year, the balance
//!   outstanding at the start of the year × rate. Rounded to the penny each year.
//! - **MRP** (minimum revenue provision), straight line over `life_years`: nothing in the
//!   year of handover (MRP starts the year after an asset comes into use), then
//!   `round_money(principal ÷ life_years)` a year, never more than the balance left; the
//!   last year of the life takes whatever balance remains, so MRP sums to the principal
//!   exactly.
//! - **Financing** = MRP + interest. The whole asset's financing in a year is the sum of
//!   the partners' figures, so the partners' shares sum to it exactly.

use rust_decimal::Decimal;
#[cfg(not(target_arch = "wasm32"))]
use serde::Serialize;

use super::allocate::allocate;
use super::benefits::Benefits;
use super::period::YearMonth;
use super::register::{Sharing, Status};
use super::validate::{bad, check_name_and_sharing, check_pct};
use crate::model::dec;
use crate::model::error::ModelResult;
use crate::model::json::{Item, Node, Object, Read};
use crate::model::money::{round_money, At};
use crate::model::source::Source;
use crate::model::vec_map::VecMap;
use crate::model::year::FinancialYear;

/// The longest asset life accepted, in years.
pub const MAX_LIFE_YEARS: u16 = 125;

/// A capital collaboration: an asset the partners pay for together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CapitalCollaboration {
    /// Short unique id (for example `joint_hq`).
    pub id: String,
    /// Name.
    pub name: String,
    /// What it is for.
    pub purpose: String,
    /// Where it stands.
    pub status: Status,
    /// How the asset's cost is split (editable: force, OPCC, fire service).
    pub sharing: Sharing,
    /// The asset's capital cost (£).
    pub cost: Decimal,
    /// Where the cost comes from.
    pub cost_source: Source,
    /// The month the asset comes into use (handover).
    pub in_use_from: YearMonth,
    /// Where the handover date comes from.
    pub in_use_source: Source,
    /// The asset's useful life in years: the MRP period (1 to 125).
    pub life_years: u16,
    /// Where the life comes from.
    pub life_source: Source,
    /// Interest rate on the outstanding balance, % a year (0 to 100).
    pub interest_pct: Decimal,
    /// Where the rate comes from.
    pub interest_source: Source,
    /// Benefits to the force (for example estates savings from sharing).
    pub benefits: Benefits,
    /// Anything else worth knowing.
    pub notes: String,
}

/// One partner's financing in one year (£, to the penny).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct FinancingYear {
    /// Balance outstanding at the start of the year (in the handover year: when drawn).
    pub opening_balance: Decimal,
    /// Minimum revenue provision charged in the year.
    pub mrp: Decimal,
    /// Interest charged in the year.
    pub interest: Decimal,
    /// MRP + interest.
    pub financing: Decimal,
    /// Balance outstanding at the end of the year.
    pub closing_balance: Decimal,
}

impl CapitalCollaboration {
    /// Read a capital collaboration.
    pub fn from_node(item: Item<'_>) -> Read<CapitalCollaboration> {
        let o = item.object(&[
            "id",
            "name",
            "purpose",
            "status",
            "sharing",
            "cost",
            "cost_source",
            "in_use_from",
            "in_use_source",
            "life_years",
            "life_source",
            "interest_pct",
            "interest_source",
            "benefits",
            "notes",
        ])?;
        Ok(CapitalCollaboration {
            id: o.string("id")?,
            name: o.string("name")?,
            purpose: o.string("purpose")?,
            status: o.req("status")?.variant(&Status::ALL, Status::as_str)?,
            sharing: Sharing::from_node(o.req("sharing")?)?,
            cost: o.decimal("cost")?,
            cost_source: o.or_default("cost_source", Source::from_node)?,
            in_use_from: YearMonth::from_node(o.req("in_use_from")?)?,
            in_use_source: o.or_default("in_use_source", Source::from_node)?,
            life_years: o.req("life_years")?.u16()?,
            life_source: o.or_default("life_source", Source::from_node)?,
            interest_pct: o.decimal("interest_pct")?,
            interest_source: o.or_default("interest_source", Source::from_node)?,
            benefits: o.or_default("benefits", Benefits::from_node)?,
            notes: o.text_or_empty("notes")?,
        })
    }

    /// Write a capital collaboration.
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("id", Node::str(&self.id));
        o.put("name", Node::str(&self.name));
        o.put("purpose", Node::str(&self.purpose));
        o.put("status", Node::str(self.status.as_str()));
        o.put("sharing", self.sharing.to_node());
        o.put("cost", dec::to_node(self.cost));
        o.put("cost_source", self.cost_source.to_node());
        o.put("in_use_from", self.in_use_from.to_node());
        o.put("in_use_source", self.in_use_source.to_node());
        o.put("life_years", Node::int(self.life_years.into()));
        o.put("life_source", self.life_source.to_node());
        o.put("interest_pct", dec::to_node(self.interest_pct));
        o.put("interest_source", self.interest_source.to_node());
        o.put("benefits", self.benefits.to_node());
        o.put("notes", Node::str(&self.notes));
        o.node()
    }

    /// The path in error messages: `capital[joint_hq]`.
    pub fn path(&self) -> String {
        format!("capital[{}]", self.id)
    }

    /// Check every field; the error names the collaboration and the field.
    pub fn validate(&self, force: &str) -> ModelResult<()> {
        let path = || self.path();
        let name = self.name.as_str();
        check_name_and_sharing(&path, &self.id, name, &self.sharing, force)?;
        if self.cost.is_sign_negative() && !self.cost.is_zero() {
            return Err(bad(
                &format!("{}.cost", path()),
                name,
                format!("a cost cannot be negative ({})", self.cost),
            ));
        }
        if self.life_years == 0 || self.life_years > MAX_LIFE_YEARS {
            return Err(bad(
                &format!("{}.life_years", path()),
                name,
                format!(
                    "an asset life of {} years is outside 1 to {MAX_LIFE_YEARS}",
                    self.life_years
                ),
            ));
        }
        let rate_path = || format!("{}.interest_pct", path());
        if self.interest_pct.is_sign_negative() && !self.interest_pct.is_zero() {
            return Err(bad(
                &rate_path(),
                name,
                "an interest rate cannot be negative",
            ));
        }
        check_pct(self.interest_pct, &rate_path, name, "an interest rate")?;
        if self.in_use_from.financial_year().is_none() {
            return Err(bad(
                &format!("{}.in_use_from", path()),
                name,
                "the handover is outside the years the planner covers",
            ));
        }
        self.benefits
            .validate(&|| format!("{}.benefits", path()), name)
    }

    /// Each partner's share of the cost, penny-exact, in partner order.
    pub fn cost_shares(&self) -> ModelResult<Vec<Decimal>> {
        allocate(
            self.cost,
            &self.sharing.weights(),
            &format!("{}.sharing", self.path()),
            None,
        )
    }
}

/// The financing schedule of `principal` (£) from the year the asset comes into use to
/// `last` inclusive; years before handover are absent (zero).
pub fn schedule(
    principal: Decimal,
    in_use_from: YearMonth,
    life_years: u16,
    interest_pct: Decimal,
    last: FinancialYear,
    path: &str,
) -> ModelResult<VecMap<FinancialYear, FinancingYear>> {
    let mut out = VecMap::new();
    let Some(first) = in_use_from.financial_year() else {
        return Ok(out);
    };
    let principal = round_money(principal);
    let annual_mrp =
        round_money(At::new(path, Some(first)).div(principal, Decimal::from(life_years.max(1)))?);
    let mut balance = principal;
    let mut year = first;
    while year <= last {
        let at = At::new(path, Some(year));
        let opening = balance;
        let years_in_use = year.years_since(first);
        let (mrp, interest) = if years_in_use == 0 {
            let months = Decimal::from(in_use_from.months_left_in_financial_year());
            let interest = at.div(at.pct(at.mul(opening, months)?, interest_pct)?, 12.into())?;
            (Decimal::ZERO, round_money(interest))
        } else {
            let mrp = if years_in_use >= i32::from(life_years) {
                opening
            } else {
                annual_mrp.min(opening)
            };
            (mrp, round_money(at.pct(opening, interest_pct)?))
        };
        balance = at.sub(opening, mrp)?;
        out.insert(
            year,
            FinancingYear {
                opening_balance: opening,
                mrp,
                interest,
                financing: at.add(mrp, interest)?,
                closing_balance: balance,
            },
        );
        match year.plus(1) {
            Some(next) => year = next,
            None => break,
        }
    }
    Ok(out)
}
