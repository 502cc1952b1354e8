//! The register's data: each collaboration's partners and cost-sharing rule, dates, costs
//! and benefits, as held in scenario files. The checks are in `validate.rs`.

use rust_decimal::Decimal;
#[cfg(not(target_arch = "wasm32"))]
use serde::Serialize;

use super::benefits::Benefits;
use super::capital::CapitalCollaboration;
use super::period::YearMonth;
use crate::model::dec::{self, YearValues};
use crate::model::error::ModelResult;
use crate::model::json::{Item, Node, Object, Read};
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
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CollaborationRegister {
    /// The force whose share feeds the MTFP: must be one of each collaboration's partners,
    /// spelt the same way (for example "Nottinghamshire").
    pub force: String,
    /// The benefits-tracking methodology the register follows (default: the NPCC / College
    /// of Policing / Home Office methodology, [`BENEFITS_METHODOLOGY`]).
    pub benefits_methodology: String,
    /// Revenue collaborations (regional units, shared services).
    pub collaborations: Vec<Collaboration>,
    /// Capital collaborations (shared buildings), financed by MRP and interest.
    pub capital: Vec<CapitalCollaboration>,
}

/// Where a collaboration stands. (`Serialize` is for the command-line tool's output.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
#[cfg_attr(not(target_arch = "wasm32"), serde(rename_all = "snake_case"))]
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
    /// Every status.
    pub const ALL: [Status; 4] = [
        Status::Planned,
        Status::Active,
        Status::Exited,
        Status::Closed,
    ];

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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// Agreed percentages (weights are % and must sum to exactly 100).
    FixedPercent,
    /// In proportion to each partner's net revenue budget (weights are £, each positive).
    NetRevenueBudget,
    /// In proportion to the population each partner polices (weights are people, each
    /// positive).
    Population,
}

impl Basis {
    /// Every basis.
    pub const ALL: [Basis; 3] = [
        Basis::FixedPercent,
        Basis::NetRevenueBudget,
        Basis::Population,
    ];

    /// The basis as written in files.
    pub fn key(self) -> &'static str {
        match self {
            Basis::FixedPercent => "fixed_percent",
            Basis::NetRevenueBudget => "net_revenue_budget",
            Basis::Population => "population",
        }
    }
}

/// One partner and its weight under the sharing rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partner {
    /// The partner's name (a force, an OPCC, a fire service).
    pub name: String,
    /// Its weight: a % for fixed percentages, £ for net revenue budgets, people for
    /// population.
    pub weight: Decimal,
    /// Where the weight comes from.
    pub source: Source,
}

/// A cost-sharing rule: a basis and the partners' weights, applied penny-exact by
/// [`super::allocate::allocate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sharing {
    /// What the weights are.
    pub basis: Basis,
    /// The partners, each once.
    pub partners: Vec<Partner>,
}

/// A collaboration's total cost (all partners together, a full year's run rate) by year.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CostSeries {
    /// Full-year total cost (£) by financial year. Years before the first listed cost
    /// nothing; a year not listed after it takes the latest listed figure before it grown
    /// by `growth_pct` a year, compounded.
    pub by_year: YearValues,
    /// Annual growth % after the last listed year (default 0: flat cash).
    pub growth_pct: Decimal,
    /// Where the figures come from.
    pub source: Source,
}

impl CostSeries {
    /// The full-year total cost in `year`, unrounded: the figure listed for the year;
    /// otherwise the latest listed figure before it, grown by `growth_pct` for each year
    /// since (compounded), so a year missing inside the table and the years after its end
    /// follow the same rule; nothing before the first listed year.
    pub fn full_year(&self, year: FinancialYear, path: &str) -> ModelResult<Decimal> {
        self.full_year_at(year, &At::new(path, Some(year)))
    }

    /// [`CostSeries::full_year`], naming `at` on overflow.
    pub fn full_year_at(&self, year: FinancialYear, at: &At<'_>) -> ModelResult<Decimal> {
        let Some((&from, &listed)) = self.by_year.0.up_to(&year).next_back() else {
            return Ok(Decimal::ZERO);
        };
        let mut value = listed;
        for _ in 0..year.years_since(from) {
            value = at.grow(value, self.growth_pct)?;
        }
        Ok(value)
    }
}

/// One-off amounts by year (£), such as exit costs, with their source.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Amounts {
    /// Amount (£) by financial year; years not listed are zero.
    pub by_year: YearValues,
    /// Where the figures come from.
    pub source: Source,
}

/// A revenue collaboration: a regional unit or shared service whose cost the partners
/// share.
#[derive(Debug, Clone, PartialEq, Eq)]
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
    pub end: Option<YearMonth>,
    /// Where the dates come from.
    pub dates_source: Source,
    /// The collaboration's total cost for all partners.
    pub total_cost: CostSeries,
    /// One-off costs of the force's exit (£ by year), borne by the force alone and added
    /// to its contribution.
    pub exit_costs: Amounts,
    /// Cashable and non-cashable benefits to the force.
    pub benefits: Benefits,
    /// Anything else worth knowing (history, caveats).
    pub notes: String,
}

impl Sharing {
    /// The weights in partner order.
    pub fn weights(&self) -> Vec<Decimal> {
        self.partners.iter().map(|p| p.weight).collect()
    }

    /// The position of the force among the partners.
    pub fn force_index(&self, force: &str) -> Option<usize> {
        self.partners.iter().position(|p| same_name(&p.name, force))
    }
}

/// Whether two names are the same partner: equal once trimmed and lower-cased. Names in
/// plain ASCII (nearly all) are compared without building lower-cased copies.
pub fn same_name(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (a, b) = (a.trim(), b.trim());
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}

impl CollaborationRegister {
    /// Read the `collaborations` section.
    pub fn from_node(item: Item<'_>) -> Read<CollaborationRegister> {
        let o = item.object(&["force", "benefits_methodology", "collaborations", "capital"])?;
        Ok(CollaborationRegister {
            force: o.string("force")?,
            benefits_methodology: match o.opt("benefits_methodology") {
                Some(i) => i.string()?,
                None => default_methodology(),
            },
            collaborations: o
                .or_default("collaborations", |i| i.entries(Collaboration::from_node))?,
            capital: o.or_default("capital", |i| i.entries(CapitalCollaboration::from_node))?,
        })
    }

    /// Write the `collaborations` section.
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("force", Node::str(&self.force));
        o.put(
            "benefits_methodology",
            Node::str(&self.benefits_methodology),
        );
        o.put(
            "collaborations",
            Node::array(
                self.collaborations
                    .iter()
                    .map(Collaboration::to_node)
                    .collect(),
            ),
        );
        o.put(
            "capital",
            Node::array(
                self.capital
                    .iter()
                    .map(CapitalCollaboration::to_node)
                    .collect(),
            ),
        );
        o.node()
    }
}

impl Partner {
    /// Read a partner.
    pub fn from_node(item: Item<'_>) -> Read<Partner> {
        let o = item.object(&["name", "weight", "source"])?;
        Ok(Partner {
            name: o.string("name")?,
            weight: o.decimal("weight")?,
            source: o.or_default("source", Source::from_node)?,
        })
    }

    /// Write a partner.
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("name", Node::str(&self.name));
        o.put("weight", dec::to_node(self.weight));
        o.put("source", self.source.to_node());
        o.node()
    }
}

impl Sharing {
    /// Read a cost-sharing rule.
    pub fn from_node(item: Item<'_>) -> Read<Sharing> {
        let o = item.object(&["basis", "partners"])?;
        Ok(Sharing {
            basis: o.req("basis")?.variant(&Basis::ALL, Basis::key)?,
            partners: o.req("partners")?.entries(Partner::from_node)?,
        })
    }

    /// Write a cost-sharing rule.
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("basis", Node::str(self.basis.key()));
        o.put(
            "partners",
            Node::array(self.partners.iter().map(Partner::to_node).collect()),
        );
        o.node()
    }
}

impl CostSeries {
    /// Read a cost series.
    pub fn from_node(item: Item<'_>) -> Read<CostSeries> {
        let o = item.object(&["by_year", "growth_pct", "source"])?;
        Ok(CostSeries {
            by_year: o.year_values("by_year")?,
            growth_pct: o.or_default("growth_pct", dec::from_node)?,
            source: o.or_default("source", Source::from_node)?,
        })
    }

    /// Write a cost series.
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("by_year", self.by_year.to_node());
        o.put("growth_pct", dec::to_node(self.growth_pct));
        o.put("source", self.source.to_node());
        o.node()
    }
}

impl Amounts {
    /// Read one-off amounts by year.
    pub fn from_node(item: Item<'_>) -> Read<Amounts> {
        let o = item.object(&["by_year", "source"])?;
        Ok(Amounts {
            by_year: o.year_values("by_year")?,
            source: o.or_default("source", Source::from_node)?,
        })
    }

    /// Write one-off amounts by year.
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("by_year", self.by_year.to_node());
        o.put("source", self.source.to_node());
        o.node()
    }
}

impl Collaboration {
    /// Read a revenue collaboration.
    pub fn from_node(item: Item<'_>) -> Read<Collaboration> {
        let o = item.object(&[
            "id",
            "name",
            "purpose",
            "status",
            "sharing",
            "start",
            "end",
            "dates_source",
            "total_cost",
            "exit_costs",
            "benefits",
            "notes",
        ])?;
        Ok(Collaboration {
            id: o.string("id")?,
            name: o.string("name")?,
            purpose: o.string("purpose")?,
            status: o.req("status")?.variant(&Status::ALL, Status::as_str)?,
            sharing: Sharing::from_node(o.req("sharing")?)?,
            start: YearMonth::from_node(o.req("start")?)?,
            end: o.nullable("end", YearMonth::from_node)?,
            dates_source: o.or_default("dates_source", Source::from_node)?,
            total_cost: CostSeries::from_node(o.req("total_cost")?)?,
            exit_costs: o.or_default("exit_costs", Amounts::from_node)?,
            benefits: o.or_default("benefits", Benefits::from_node)?,
            notes: o.text_or_empty("notes")?,
        })
    }

    /// Write a revenue collaboration.
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("id", Node::str(&self.id));
        o.put("name", Node::str(&self.name));
        o.put("purpose", Node::str(&self.purpose));
        o.put("status", Node::str(self.status.as_str()));
        o.put("sharing", self.sharing.to_node());
        o.put("start", self.start.to_node());
        o.put(
            "end",
            self.end
                .as_ref()
                .map_or_else(Node::null, YearMonth::to_node),
        );
        o.put("dates_source", self.dates_source.to_node());
        o.put("total_cost", self.total_cost.to_node());
        o.put("exit_costs", self.exit_costs.to_node());
        o.put("benefits", self.benefits.to_node());
        o.put("notes", Node::str(&self.notes));
        o.node()
    }
}
