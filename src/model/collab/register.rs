//! The register's data: each collaboration's partners and cost-sharing rule, dates, costs
//! and benefits, as held in scenario files. The checks are in `validate.rs`.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::benefits::Benefits;
use super::capital::CapitalCollaboration;
use super::period::YearMonth;
use crate::model::dec::YearValues;
use crate::model::error::ModelResult;
use crate::model::money::At;
use crate::model::source::Source;
use crate::model::year::FinancialYear;

/// The benefits methodology HMICFRS (*The Hard Yards*, 2020) recommends every chief
/// constable use to track collaboration benefits.
pub const BENEFITS_METHODOLOGY: &str =
    "NPCC / College of Policing / Home Office collaboration benefits methodology \
     (recommended by HMICFRS, The Hard Yards, 2020)";

fn default_methodology() -> String {
    BENEFITS_METHODOLOGY.to_string()
}

/// The scenario's `collaborations` section: every collaboration the force belongs to or
/// has belonged to, revenue and capital.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CollaborationRegister {
    /// The force whose share feeds the MTFP: must be one of each collaboration's partners,
    /// spelt the same way (for example "Nottinghamshire").
    pub force: String,
    /// The benefits-tracking methodology the register follows (default: the NPCC / College
    /// of Policing / Home Office methodology, [`BENEFITS_METHODOLOGY`]).
    #[serde(default = "default_methodology")]
    pub benefits_methodology: String,
    /// Revenue collaborations (regional units, shared services).
    #[serde(default)]
    pub collaborations: Vec<Collaboration>,
    /// Capital collaborations (shared buildings), financed by MRP and interest.
    #[serde(default)]
    pub capital: Vec<CapitalCollaboration>,
}

/// Where a collaboration stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Agreed but not yet started.
    Planned,
    /// Running, the force a member.
    Active,
    /// The force has left (or is leaving: see `end`).
    Exited,
    /// The collaboration has been wound up for every partner.
    Closed,
}

impl Status {
    /// The status as written in files and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::Active => "active",
            Status::Exited => "exited",
            Status::Closed => "closed",
        }
    }
}

/// How a cost is divided between partners.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Agreed percentages (weights are % and must sum to exactly 100).
    FixedPercent,
    /// In proportion to each partner's net revenue budget (weights are £, each positive).
    NetRevenueBudget,
    /// In proportion to the population each partner polices (weights are people, each
    /// positive).
    Population,
}

/// One partner and its weight under the sharing rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// The partner's name (a force, an OPCC, a fire service).
    pub name: String,
    /// Its weight: a % for fixed percentages, £ for net revenue budgets, people for
    /// population.
    #[serde(with = "crate::model::dec::strict")]
    pub weight: Decimal,
    /// Where the weight comes from.
    #[serde(default)]
    pub source: Source,
}

/// A cost-sharing rule: a basis and the partners' weights, applied penny-exact by
/// [`super::allocate::allocate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sharing {
    /// What the weights are.
    pub basis: Basis,
    /// The partners, each once.
    pub partners: Vec<Partner>,
}

/// A collaboration's total cost (all partners together, a full year's run rate) by year.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostSeries {
    /// Full-year total cost (£) by financial year. Years before the first listed cost
    /// nothing; years after the last listed take the last figure grown by `growth_pct` a
    /// year, compounded.
    pub by_year: YearValues,
    /// Annual growth % after the last listed year (default 0: flat cash).
    #[serde(default, with = "crate::model::dec::strict")]
    pub growth_pct: Decimal,
    /// Where the figures come from.
    #[serde(default)]
    pub source: Source,
}

impl CostSeries {
    /// The full-year total cost in `year`, unrounded.
    pub fn full_year(&self, year: FinancialYear, path: &str) -> ModelResult<Decimal> {
        if let Some(v) = self.by_year.get(year) {
            return Ok(v);
        }
        let Some((&last_year, &last)) = self.by_year.0.iter().next_back() else {
            return Ok(Decimal::ZERO);
        };
        if year < last_year {
            return Ok(Decimal::ZERO);
        }
        let at = At::new(path, Some(year));
        let mut value = last;
        for _ in 0..year.years_since(last_year) {
            value = at.grow(value, self.growth_pct)?;
        }
        Ok(value)
    }
}

/// One-off amounts by year (£), such as exit costs, with their source.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Amounts {
    /// Amount (£) by financial year; years not listed are zero.
    pub by_year: YearValues,
    /// Where the figures come from.
    #[serde(default)]
    pub source: Source,
}

/// A revenue collaboration: a regional unit or shared service whose cost the partners
/// share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Collaboration {
    /// Short unique id, used in error paths and the CLI (for example `emsou`).
    pub id: String,
    /// Name as the force's papers give it.
    pub name: String,
    /// What it does.
    pub purpose: String,
    /// Where it stands.
    pub status: Status,
    /// The partners and how the cost is shared.
    pub sharing: Sharing,
    /// The first month the force is a member (from its 1st day).
    pub start: YearMonth,
    /// The month the force's membership ends, from its 1st day (left on 1 May 2018 →
    /// `2018-05`); none while open-ended. A year is charged for its months of membership
    /// only: a full-year cost × months ÷ 12.
    #[serde(default)]
    pub end: Option<YearMonth>,
    /// Where the dates come from.
    #[serde(default)]
    pub dates_source: Source,
    /// The collaboration's total cost for all partners.
    pub total_cost: CostSeries,
    /// One-off costs of the force's exit (£ by year), borne by the force alone and added
    /// to its contribution.
    #[serde(default)]
    pub exit_costs: Amounts,
    /// Cashable and non-cashable benefits to the force.
    #[serde(default)]
    pub benefits: Benefits,
    /// Anything else worth knowing (history, caveats).
    #[serde(default)]
    pub notes: String,
}

impl Sharing {
    /// The weights in partner order.
    pub fn weights(&self) -> Vec<Decimal> {
        self.partners.iter().map(|p| p.weight).collect()
    }

    /// The position of the force among the partners.
    pub fn force_index(&self, force: &str) -> Option<usize> {
        let key = force.trim().to_lowercase();
        self.partners
            .iter()
            .position(|p| p.name.trim().to_lowercase() == key)
    }
}
