//! Collaboration costs and benefits register (issue 5): regional units, shared services and
//! the joint headquarters, each partner's share penny-exact, benefits tracked. Feeds the
//! engine's collaboration, capital financing and savings lines when a scenario has a
//! `collaborations` section.
//!
//! Interface the engine relies on (keep these names and signatures):
//! - [`CollaborationRegister`]: the scenario's `collaborations` section.
//! - [`project`]: register + years → [`CollaborationProjection`].
//! - [`CollaborationProjection::force_contribution`], [`CollaborationProjection::capital_financing`]
//!   and [`CollaborationProjection::realised_savings`].

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::error::{ModelError, ModelResult};
use super::year::FinancialYear;

/// The scenario's `collaborations` section. (Placeholder: the collaboration issue fills it in.)
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CollaborationRegister {}

/// The register projected over the plan. (Placeholder.)
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CollaborationProjection {}

impl CollaborationProjection {
    /// The force's revenue contribution to all collaborations in `year` (£).
    pub fn force_contribution(&self, year: FinancialYear) -> Option<Decimal> {
        let _ = year;
        None
    }

    /// The force's capital financing (MRP plus interest) for capital collaborations (£).
    pub fn capital_financing(&self, year: FinancialYear) -> Option<Decimal> {
        let _ = year;
        None
    }

    /// Realised cashable savings from collaborations in `year` (£), fed to the engine.
    pub fn realised_savings(&self, year: FinancialYear) -> Option<Decimal> {
        let _ = year;
        None
    }
}

/// Project the register over the plan's years.
pub fn project(
    register: &CollaborationRegister,
    years: &[FinancialYear],
) -> ModelResult<CollaborationProjection> {
    let _ = (register, years);
    Err(ModelError::new(
        "collaborations",
        "the collaboration register is not available yet",
    ))
}
