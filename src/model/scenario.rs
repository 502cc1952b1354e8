//! A scenario: everything the engine needs to project a force's medium-term financial
//! plan, as the versioned JSON file (`"schema": 1`) that the browser app imports and
//! exports and the `mtfp` tool reads.
//!
//! Money is in pounds (£), percentages are per cent (`"2.5"` means 2.5%), and every
//! Decimal is written as a JSON string. Unknown fields are rejected. A file is first parsed
//! ([`Scenario::from_json`] runs serde, then [`Scenario::validate`]); only a scenario that
//! passes validation reaches the engine.

mod lines;
mod parse;
mod sections;
mod validate;

use serde::{Deserialize, Serialize};

use super::collab::CollaborationRegister;
use super::dec::YearValues;
use super::error::{ModelError, ModelResult};
use super::source::Source;
use super::workforce::WorkforcePlan;
use super::year::FinancialYear;

pub use lines::{
    Driver, ExpenditureCategory, ExpenditureLine, FundingCategory, FundingDriver, FundingLine,
    PayGroup,
};
pub use sections::{Precept, Reserves, Saving, SavingKind};
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

/// True for an empty table (not written out).
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
