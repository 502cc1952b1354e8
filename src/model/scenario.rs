//! A scenario: everything the engine needs to project a force's medium-term financial
//! plan, as the versioned JSON file (`"schema": 1`) that the browser app imports and
//! exports and the `mtfp` tool reads.
//!
//! Money is in pounds (£), percentages are per cent (`"2.5"` means 2.5%), and every
//! Decimal is written as a JSON string. Unknown fields are rejected. A file is first parsed
//! ([`Scenario::from_json`] runs serde, then [`Scenario::validate`]); only a scenario that
//! passes validation reaches the engine.

mod parse;
mod validate;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::collab::CollaborationRegister;
use super::dec::{Dec, YearValues};
use super::error::{ModelError, ModelResult};
use super::source::Source;
use super::workforce::{self, WorkforcePlan};
use super::year::FinancialYear;

pub use validate::{MAX_PCT, MAX_YEARS, MIN_PCT, MIN_YEARS};

/// The scenario file format version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// A whole medium-term financial plan scenario (schema 1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// File format version; must be [`SCHEMA_VERSION`].
    pub schema: u32,
    /// Short name shown in the app and the CLI ("Nottinghamshire baseline").
    pub name: String,
    /// What the scenario is for and what it changes.
    #[serde(default)]
    pub description: String,
    /// The plan's years.
    pub horizon: Horizon,
    /// Pay awards, pay drift and non-pay inflation by year.
    pub assumptions: Assumptions,
    /// Spending lines, as a police budget book groups them.
    pub expenditure: Vec<ExpenditureLine>,
    /// Funding lines other than the precept.
    pub funding: Vec<FundingLine>,
    /// Council tax precept: Band D, rises, tax base, referendum limits.
    pub precept: Precept,
    /// Savings already identified.
    #[serde(default)]
    pub savings: Vec<Saving>,
    /// Reserves: opening balances, planned use, the general reserve floor.
    pub reserves: Reserves,
    /// Officers, staff and PCSOs by year (drives `workforce` lines and the Uplift grant).
    #[serde(default)]
    pub workforce: Option<WorkforcePlan>,
    /// Collaboration register (drives collaboration and capital financing lines).
    #[serde(default)]
    pub collaborations: Option<CollaborationRegister>,
}

/// The plan's years: `years` financial years starting with `base_year`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Horizon {
    /// The first year: its budget is the one already set (the lines' base amounts).
    pub base_year: FinancialYear,
    /// How many years the plan covers, base year included ([`MIN_YEARS`]..=[`MAX_YEARS`]).
    pub years: u8,
}

impl Horizon {
    /// The plan's years, base year first. Years past 2098/99 are dropped (validation
    /// rejects such a horizon).
    pub fn year_list(&self) -> Vec<FinancialYear> {
        (0..u16::from(self.years))
            .map_while(|n| self.base_year.plus(n))
            .collect()
    }

    /// The last year of the plan, if within the supported range.
    pub fn last_year(&self) -> Option<FinancialYear> {
        u16::from(self.years)
            .checked_sub(1)
            .and_then(|n| self.base_year.plus(n))
    }

    /// True if `year` is one of the plan's years.
    pub fn contains(&self, year: FinancialYear) -> bool {
        year >= self.base_year && self.last_year().is_some_and(|last| year <= last)
    }
}

/// A value together with where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sourced<T> {
    /// The value.
    pub value: T,
    /// Its citation, or the reasoning behind an estimate.
    pub source: Source,
}

impl<T> Sourced<T> {
    /// A value with its source.
    pub fn new(value: T, source: Source) -> Self {
        Sourced { value, source }
    }
}

/// Scenario-wide rates, each a percentage by financial year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assumptions {
    /// Police officer pay award %, effective 1 September of each year. The base year's
    /// award is needed too: 5/12 of it falls in the following year.
    pub officer_pay_award_pct: Sourced<YearValues>,
    /// Police staff (and PCSO) pay award %, effective 1 September of each year.
    pub staff_pay_award_pct: Sourced<YearValues>,
    /// Incremental pay drift %: the rise in the pay bill as people move up their scales,
    /// added on pay lines that ask for it.
    pub pay_drift_pct: Sourced<YearValues>,
    /// General non-pay inflation %.
    pub non_pay_inflation_pct: Sourced<YearValues>,
}

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
    /// An amount given for every year after the base year.
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
    /// An amount given for every year after the base year.
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

/// The council tax precept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Precept {
    /// Band D (£ a year) in the base year.
    pub band_d: Sourced<Dec>,
    /// Band D rise in £ by year after the base year.
    #[serde(default)]
    pub rise_gbp: Sourced<YearValues>,
    /// Band D rise in % by year (a year may have a £ rise or a % rise, not both).
    #[serde(default)]
    pub rise_pct: Sourced<YearValues>,
    /// Tax base in the base year (Band D equivalent properties).
    pub tax_base: Sourced<Dec>,
    /// Tax base growth % by year after the base year.
    #[serde(default)]
    pub tax_base_growth_pct: Sourced<YearValues>,
    /// Referendum limit on the Band D rise (£) by year: a larger rise gets a warning.
    #[serde(default)]
    pub referendum_limit_gbp: Sourced<YearValues>,
}

/// Whether a saving recurs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SavingKind {
    /// Taken in the year listed and in every later year.
    Recurring,
    /// Taken in the year listed only.
    OneOff,
    /// The collaboration register's realised cashable savings, year by year (no amounts).
    Collaborations,
}

/// A saving already identified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Saving {
    /// Unique id among savings.
    pub id: String,
    /// Name shown to people.
    pub name: String,
    /// Recurring, one-off, or from the collaboration register.
    pub kind: SavingKind,
    /// New savings (£, positive) by the year they start.
    #[serde(default)]
    pub amounts: YearValues,
    /// Where the figures come from.
    pub source: Source,
}

/// Reserves policy and balances.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reserves {
    /// General reserve at the start of the base year (£).
    pub general_opening: Sourced<Dec>,
    /// Earmarked reserves at the start of the base year (£).
    pub earmarked_opening: Sourced<Dec>,
    /// Planned use of the general reserve to meet the gap (£, negative = contribution).
    #[serde(default)]
    pub planned_use_general: Sourced<YearValues>,
    /// Planned use of earmarked reserves to meet the gap (£, negative = contribution).
    #[serde(default)]
    pub planned_use_earmarked: Sourced<YearValues>,
    /// The general reserve must stay at or above this % of the year's net revenue spend.
    pub floor_pct: Sourced<Dec>,
}

fn no_years(values: &YearValues) -> bool {
    values.0.is_empty()
}

impl Scenario {
    /// Read a scenario file: parse it strictly, then validate it. Any failure is one
    /// error whose message names the field (and line and column for a parse failure).
    pub fn from_json(text: &str) -> ModelResult<Scenario> {
        let scenario = parse::from_json(text)?;
        scenario.validate()?;
        Ok(scenario)
    }

    /// Write the scenario as pretty-printed JSON (the same format it is read from).
    pub fn to_json(&self) -> ModelResult<String> {
        serde_json::to_string_pretty(self)
            .map_err(|e| ModelError::new("scenario", format!("cannot be written: {e}")))
    }

    /// Check every range and cross-reference the engine relies on. The first problem found
    /// is returned, naming its field.
    pub fn validate(&self) -> ModelResult<()> {
        validate::scenario(self)
    }
}
