//! The register projected over a run of years: per collaboration and year, the total
//! cost, each partner's share, the force's contribution and benefits; per capital
//! collaboration, each partner's financing; and the force's totals by year, which the
//! engine reads.

use rust_decimal::Decimal;
#[cfg(not(target_arch = "wasm32"))]
use serde::Serialize;

use super::benefits::BenefitsYear;
use super::capital::FinancingYear;
use super::register::Status;
use crate::model::vec_map::VecMap;
use crate::model::year::FinancialYear;

/// A partner's share of an amount (£, to the penny).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct PartnerShare {
    /// The partner.
    pub partner: String,
    /// Its share (£).
    pub amount: Decimal,
}

/// A revenue collaboration in one year.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct CollaborationYear {
    /// The financial year.
    pub year: FinancialYear,
    /// Months of the force's membership in the year (0 to 12).
    pub months: u8,
    /// Total cost for all partners for those months (£).
    pub total_cost: Decimal,
    /// Each partner's share of the total (£); they sum to it exactly.
    pub shares: Vec<PartnerShare>,
    /// The force's share (£).
    pub force_share: Decimal,
    /// The force's exit costs in the year (£).
    pub exit_cost: Decimal,
    /// Force share + exit costs (£): what the MTFP's collaboration line carries.
    pub force_contribution: Decimal,
    /// Benefits to the force in the year.
    pub benefits: BenefitsYear,
}

/// A revenue collaboration projected over the years asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct CollaborationLine {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its status.
    pub status: Status,
    /// One entry per year, in the order asked for.
    pub years: Vec<CollaborationYear>,
}

/// A capital collaboration in one year.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct CapitalYear {
    /// The financial year.
    pub year: FinancialYear,
    /// Financing of the whole asset, all partners (£).
    pub total_financing: Decimal,
    /// Each partner's financing (£); they sum to the total exactly.
    pub shares: Vec<PartnerShare>,
    /// The force's financing in detail.
    pub force: FinancingYear,
    /// Benefits to the force in the year.
    pub benefits: BenefitsYear,
}

/// A capital collaboration projected over the years asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct CapitalLine {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its status.
    pub status: Status,
    /// Each partner's share of the capital cost (£); they sum to the cost exactly.
    pub cost_shares: Vec<PartnerShare>,
    /// One entry per year, in the order asked for.
    pub years: Vec<CapitalYear>,
}

/// The force's totals in one year (£).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct YearTotals {
    /// Revenue contributions to all collaborations, exit costs included.
    pub contribution: Decimal,
    /// Capital financing (MRP + interest) of capital collaborations.
    pub capital_financing: Decimal,
    /// Cashable savings planned.
    pub savings_planned: Decimal,
    /// Cashable savings realised.
    pub savings_realised: Decimal,
}

/// The register projected over the plan.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct CollaborationProjection {
    /// The force whose shares these are.
    pub force: String,
    /// The benefits methodology followed.
    pub benefits_methodology: String,
    /// Revenue collaborations.
    pub collaborations: Vec<CollaborationLine>,
    /// Capital collaborations.
    pub capital: Vec<CapitalLine>,
    /// The force's totals by year.
    pub totals: VecMap<FinancialYear, YearTotals>,
}

impl CollaborationProjection {
    /// The force's revenue contribution to all collaborations in `year` (£), exit costs
    /// included; `None` for a year not projected.
    pub fn force_contribution(&self, year: FinancialYear) -> Option<Decimal> {
        self.totals.get(&year).map(|t| t.contribution)
    }

    /// The force's capital financing (MRP plus interest) for capital collaborations (£).
    pub fn capital_financing(&self, year: FinancialYear) -> Option<Decimal> {
        self.totals.get(&year).map(|t| t.capital_financing)
    }

    /// Realised cashable savings from collaborations in `year` (£), fed to the engine: the
    /// savings realised in that year (an annual figure, not a running total).
    pub fn realised_savings(&self, year: FinancialYear) -> Option<Decimal> {
        self.totals.get(&year).map(|t| t.savings_realised)
    }

    /// Planned cashable savings from collaborations in `year` (£).
    pub fn planned_savings(&self, year: FinancialYear) -> Option<Decimal> {
        self.totals.get(&year).map(|t| t.savings_planned)
    }
}
