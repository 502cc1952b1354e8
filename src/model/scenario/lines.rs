//! Expenditure and funding lines, their categories and their drivers.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::no_years;
use crate::model::dec::YearValues;
use crate::model::source::Source;
use crate::model::workforce;

/// Which pay award a pay line follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PayGroup {
    /// The police officer award (set by the Home Office on PRRB advice).
    Officers,
    /// The police staff award (Police Staff Council); also used for PCSOs.
    Staff,
}

/// Spending categories, as a police budget book groups them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExpenditureCategory {
    /// Police officer pay (with employer pension and NI unless shown separately).
    OfficerPay,
    /// Police staff pay (with employer pension and NI unless shown separately).
    StaffPay,
    /// PCSO pay.
    PcsoPay,
    /// Overtime.
    Overtime,
    /// Employer pension and NI shown apart from pay.
    PensionsAndNi,
    /// Premises: rent, rates, energy, maintenance.
    Premises,
    /// Transport: fleet, fuel, travel.
    Transport,
    /// Supplies and services.
    SuppliesAndServices,
    /// ICT.
    Ict,
    /// Payments to third parties.
    ThirdParty,
    /// Contributions to regional and national collaborations.
    Collaboration,
    /// The Police and Crime Commissioner's office and commissioned services.
    OpccCommissioning,
    /// Capital financing: minimum revenue provision (MRP) and interest.
    CapitalFinancing,
    /// Anything else.
    Other,
}

/// How an expenditure line moves from one year to the next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Driver {
    /// Grows by the pay award (7/12 of this year's + 5/12 of last year's), plus pay drift
    /// when `drift` is true.
    PayAward {
        /// Whose award applies.
        group: PayGroup,
        /// Whether incremental pay drift is added.
        #[serde(default)]
        drift: bool,
    },
    /// Grows by the scenario's non-pay inflation.
    NonPayInflation,
    /// Stays at the base amount (cash terms).
    FlatCash,
    /// Grows by its own % each year (a year not listed: 0%).
    Growth {
        /// Growth % by year.
        growth_pct: YearValues,
    },
    /// Amounts by year after the base year; a year not listed keeps the previous year's.
    Explicit {
        /// £ by year.
        amounts: YearValues,
    },
    /// The workforce model's pay cost of a group.
    Workforce {
        /// The workforce group.
        group: workforce::Group,
    },
    /// The force's revenue contribution to its collaborations (collaboration register).
    CollaborationContribution,
    /// Capital financing of collaborative capital schemes (collaboration register).
    CollaborationCapitalFinancing,
}

impl Driver {
    /// True for drivers that roll last year's amount forward (and so accept pressures).
    pub fn rolls_forward(&self) -> bool {
        matches!(
            self,
            Driver::PayAward { .. }
                | Driver::NonPayInflation
                | Driver::FlatCash
                | Driver::Growth { .. }
        )
    }
}

/// A spending line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpenditureLine {
    /// Unique id among expenditure lines (used in error paths: `expenditure[ict]`).
    pub id: String,
    /// Name shown to people.
    pub name: String,
    /// Budget book category.
    pub category: ExpenditureCategory,
    /// The base year's budget (£).
    #[serde(with = "crate::model::dec::strict")]
    pub base_amount: Decimal,
    /// How the line moves in later years.
    pub driver: Driver,
    /// Unavoidable pressures or investments (£) added in a year and carried, with the
    /// line's own growth, into every later year. Rolling drivers only.
    #[serde(default, skip_serializing_if = "no_years")]
    pub pressures: YearValues,
    /// Where the figures come from.
    pub source: Source,
}

/// Funding categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FundingCategory {
    /// Home Office core police grant.
    CorePoliceGrant,
    /// Ex-DCLG formula grant.
    FormulaGrant,
    /// Legacy council tax grants (freeze and support grants, flat cash).
    LegacyCouncilTaxGrants,
    /// Ring-fenced Uplift grant.
    UpliftGrant,
    /// Police pensions grant.
    PensionsGrant,
    /// Other ring-fenced and specific grants.
    SpecificGrant,
    /// Fees, charges and other income.
    OtherIncome,
    /// Council tax collection fund surplus (+) or deficit (−).
    CollectionFund,
}

/// How a funding line moves from one year to the next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum FundingDriver {
    /// Stays at the base amount.
    FlatCash,
    /// Grows by its own % each year (a year not listed: 0%).
    Growth {
        /// Growth % by year.
        growth_pct: YearValues,
    },
    /// Amounts by year after the base year; a year not listed keeps the previous year's.
    Explicit {
        /// £ by year.
        amounts: YearValues,
    },
    /// The ring-fenced Uplift grant due under the workforce model's rule table.
    UpliftGrant,
}

/// A funding line (the precept has its own section).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FundingLine {
    /// Unique id among funding lines.
    pub id: String,
    /// Name shown to people.
    pub name: String,
    /// Category.
    pub category: FundingCategory,
    /// The base year's amount (£).
    #[serde(with = "crate::model::dec::strict")]
    pub base_amount: Decimal,
    /// How the line moves in later years.
    pub driver: FundingDriver,
    /// Where the figures come from.
    pub source: Source,
}
