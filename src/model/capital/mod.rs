//! The capital programme (issue 19): schemes with their spend, funding and asset lives, and
//! what borrowing for them costs the revenue budget year by year: minimum revenue provision
//! (MRP) and interest, the capital financing requirement (CFR) and the prudential
//! indicators the Police and Crime Commissioner approves with the budget.
//!
//! The scenario's optional `capital_programme` section (schema 2). Every rule, to the penny:
//! `docs/capital.md`.
//!
//! - [`CapitalProgramme`]: the section; [`Scheme`] each scheme.
//! - [`schedule`]: each scheme's borrowing, MRP and interest by year, and what the engine
//!   reads ([`schedule::Feed`]: the financing and revenue-contribution lines and the
//!   earmarked reserves used).
//! - [`report`]: the whole programme by year, with the collaboration register's capital
//!   schemes (the joint headquarters) linked in, the CFR and the prudential indicators
//!   (`mtfp capital`, the capital view, its slide and print page).
//!
//! The joint headquarters is counted once: its financing reaches the revenue plan through
//! the collaboration register's line (`collaboration_capital_financing`), never through
//! the programme's (`capital_programme_financing`), which carries only the programme's own
//! schemes and its existing debt; the report adds the register's capital schemes to the
//! programme's spend, borrowing, MRP, interest and CFR, each once.

mod file;
pub mod report;
pub mod schedule;
mod validate;

use rust_decimal::Decimal;

use super::dec::{Dec, YearValues};
use super::scenario::Sourced;
use super::source::Source;
use super::year::FinancialYear;

pub use report::{report, CapitalReport};
pub(crate) use validate::programme as validate;
pub(crate) use validate::{lines as validate_lines, own as validate_own};

/// The earliest scenario schema that may carry a capital programme.
pub const PROGRAMME_SCHEMA: u32 = 2;

/// The longest asset life accepted, in years (as for capital collaborations).
pub const MAX_LIFE_YEARS: u16 = super::collab::capital::MAX_LIFE_YEARS;

/// What a scheme buys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// Buildings and land: custody suites, stations, headquarters.
    Estates,
    /// Vehicles.
    Fleet,
    /// Computers, networks, systems.
    Ict,
    /// Operational equipment (body-worn video, radios, firearms…).
    Equipment,
}

impl Category {
    /// Every category, in the order the app lists them.
    pub const ALL: [Category; 4] = [
        Category::Estates,
        Category::Fleet,
        Category::Ict,
        Category::Equipment,
    ];

    /// The category as written in files.
    pub fn key(self) -> &'static str {
        match self {
            Category::Estates => "estates",
            Category::Fleet => "fleet",
            Category::Ict => "ict",
            Category::Equipment => "equipment",
        }
    }

    /// The category as people read it.
    pub fn label(self) -> &'static str {
        match self {
            Category::Estates => "Estates",
            Category::Fleet => "Fleet",
            Category::Ict => "ICT",
            Category::Equipment => "Equipment",
        }
    }
}

/// How MRP spreads a scheme's borrowing over its asset's life (the statutory guidance's
/// Option 3, the asset life method: docs/capital.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MrpMethod {
    /// Equal instalments over the life.
    StraightLine,
    /// Instalments rising each year at the borrowing rate of the year the asset comes into
    /// use, like the principal repaid on an annuity loan.
    Annuity,
}

impl MrpMethod {
    /// Both methods.
    pub const ALL: [MrpMethod; 2] = [MrpMethod::StraightLine, MrpMethod::Annuity];

    /// The method as written in files.
    pub fn key(self) -> &'static str {
        match self {
            MrpMethod::StraightLine => "straight_line",
            MrpMethod::Annuity => "annuity",
        }
    }

    /// The method as people read it.
    pub fn label(self) -> &'static str {
        match self {
            MrpMethod::StraightLine => "Straight line",
            MrpMethod::Annuity => "Annuity",
        }
    }
}

/// When a scheme's asset comes into use (MRP starts the year after).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InUse {
    /// The whole scheme in this year (a building handed over).
    Year(FinancialYear),
    /// Each year's spend in the year it is spent (a rolling programme of vehicles or
    /// laptops): each year's borrowing is its own tranche.
    EachYear,
}

/// How a scheme is paid for, by source. Borrowing is not listed: it is whatever of a
/// year's spend the other sources leave.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Funding {
    /// Capital grant (£ by year).
    pub capital_grant: YearValues,
    /// Capital receipts applied (£ by year): proceeds of selling assets, held until applied.
    pub capital_receipts: YearValues,
    /// Revenue contributions (£ by year): a charge on the revenue budget that year.
    pub revenue_contribution: YearValues,
    /// Earmarked reserves used (£ by year): drawn from earmarked reserves that year.
    pub earmarked_reserve: YearValues,
}

/// A source of capital funding, as the programme's totals, table and chart show them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FundingSource {
    /// Capital grant.
    CapitalGrant,
    /// Capital receipts.
    CapitalReceipts,
    /// Revenue contributions.
    RevenueContribution,
    /// Earmarked reserves.
    EarmarkedReserve,
    /// Borrowing (the rest).
    Borrowing,
}

impl FundingSource {
    /// Every source, borrowing last.
    pub const ALL: [FundingSource; 5] = [
        FundingSource::CapitalGrant,
        FundingSource::CapitalReceipts,
        FundingSource::RevenueContribution,
        FundingSource::EarmarkedReserve,
        FundingSource::Borrowing,
    ];

    /// The source as written in files and the `mtfp capital` columns.
    pub fn key(self) -> &'static str {
        match self {
            FundingSource::CapitalGrant => "capital_grant",
            FundingSource::CapitalReceipts => "capital_receipts",
            FundingSource::RevenueContribution => "revenue_contribution",
            FundingSource::EarmarkedReserve => "earmarked_reserve",
            FundingSource::Borrowing => "borrowing",
        }
    }

    /// The source as people read it.
    pub fn label(self) -> &'static str {
        match self {
            FundingSource::CapitalGrant => "Capital grant",
            FundingSource::CapitalReceipts => "Capital receipts",
            FundingSource::RevenueContribution => "Revenue contributions",
            FundingSource::EarmarkedReserve => "Earmarked reserves",
            FundingSource::Borrowing => "Borrowing",
        }
    }
}

impl Funding {
    /// The table of `source` (borrowing has none: it is worked out).
    pub fn table(&self, source: FundingSource) -> Option<&YearValues> {
        match source {
            FundingSource::CapitalGrant => Some(&self.capital_grant),
            FundingSource::CapitalReceipts => Some(&self.capital_receipts),
            FundingSource::RevenueContribution => Some(&self.revenue_contribution),
            FundingSource::EarmarkedReserve => Some(&self.earmarked_reserve),
            FundingSource::Borrowing => None,
        }
    }

    /// The table of `source`, to change (none for borrowing).
    pub fn table_mut(&mut self, source: FundingSource) -> Option<&mut YearValues> {
        match source {
            FundingSource::CapitalGrant => Some(&mut self.capital_grant),
            FundingSource::CapitalReceipts => Some(&mut self.capital_receipts),
            FundingSource::RevenueContribution => Some(&mut self.revenue_contribution),
            FundingSource::EarmarkedReserve => Some(&mut self.earmarked_reserve),
            FundingSource::Borrowing => None,
        }
    }
}

/// One capital scheme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scheme {
    /// Unique id among schemes (paths: `capital_programme.schemes[custody_suite]`).
    pub id: String,
    /// Name shown to people.
    pub name: String,
    /// What it buys.
    pub category: Category,
    /// Capital spend (£ by year). Years before the plan's base year are history: their
    /// borrowing is already debt when the plan starts.
    pub spend: YearValues,
    /// How the spend is paid for, other than by borrowing.
    pub funding: Funding,
    /// When the asset comes into use.
    pub in_use: InUse,
    /// The asset's useful life in years: the MRP period (1 to 125).
    pub life_years: u16,
    /// How MRP spreads the borrowing over the life.
    pub mrp_method: MrpMethod,
    /// Where the figures come from.
    pub source: Source,
    /// Anything else worth knowing.
    pub notes: String,
}

/// Debt from before the plan that no scheme lists: its CFR when the plan starts, and its
/// MRP and interest by year as the budget sets them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExistingDebt {
    /// CFR at the start of the base year, other than the schemes' and the register's (£).
    pub opening_cfr: Sourced<Dec>,
    /// MRP on it by year (£).
    pub mrp: Sourced<YearValues>,
    /// Interest on it by year (£).
    pub interest: Sourced<YearValues>,
}

/// Capital receipts: held until a scheme applies them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Receipts {
    /// Receipts held, not yet applied, at the start of the base year (£).
    pub opening: Sourced<Dec>,
    /// Receipts expected from selling assets, by year (£).
    pub expected: Sourced<YearValues>,
}

/// The scenario's `capital_programme` section.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CapitalProgramme {
    /// The rate new and outstanding borrowing costs, % a year, by year (a year not listed
    /// takes the latest year listed before it).
    pub borrowing_rate_pct: Sourced<YearValues>,
    /// Debt from before the plan that no scheme lists.
    pub existing_debt: ExistingDebt,
    /// Capital receipts held and expected.
    pub receipts: Receipts,
    /// The operational boundary for external debt, £ by year (set by the PCC).
    pub operational_boundary: Sourced<YearValues>,
    /// The authorised limit for external debt, £ by year (set by the PCC).
    pub authorised_limit: Sourced<YearValues>,
    /// The schemes.
    pub schemes: Vec<Scheme>,
}

impl CapitalProgramme {
    /// The scheme `id`, if any.
    pub fn scheme(&self, id: &str) -> Option<&Scheme> {
        self.schemes.iter().find(|s| s.id == id)
    }

    /// The borrowing rate (%) in `year`: the rate listed for it, else the latest listed
    /// before it, else the earliest listed; 0 if none is listed.
    pub fn rate(&self, year: FinancialYear) -> Decimal {
        let table = &self.borrowing_rate_pct.value.0;
        table
            .up_to(&year)
            .next_back()
            .or_else(|| table.iter().next())
            .map_or(Decimal::ZERO, |(_, v)| *v)
    }
}
