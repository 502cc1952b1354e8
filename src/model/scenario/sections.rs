//! The precept, savings and reserves sections of a scenario.

use serde::{Deserialize, Serialize};

use super::Sourced;
use crate::model::dec::{Dec, YearValues};
use crate::model::source::Source;

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
