//! Savings you can track, reserves with a strategy (issue 18; docs/resilience.md): the
//! savings register worked out with each saving's delivery confidence, and the reserves
//! strategy worked out with the general reserve's minimum and the resilience indicators.
//!
//! Pure, like the engine, and read from a scenario and its projection: none of it changes
//! the projection (`mtfp project`). The section 25 statement is built from it
//! (`crate::view::s25`); `mtfp savings`, `mtfp reserves` and the app's savings and reserves
//! screens show it.

pub mod reserves;
pub mod risk;
pub mod savings;
pub mod uncertainty;

pub use reserves::{outlook, Minimum, Rag, Reading, ReserveRow, ReservesOutlook, ReservesYear};
pub use savings::{
    register, ConfidenceFrom, SavingRow, SavingYear, SavingsRegister, SavingsYear, Split,
};

use super::engine::Projection;
use super::error::ModelResult;
use super::scenario::Scenario;

/// The savings register and reserves strategy of a scenario, worked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The savings register.
    pub savings: SavingsRegister,
    /// The reserves strategy.
    pub reserves: ReservesOutlook,
}

/// The report of `s`, projected as `p`.
pub fn report(s: &Scenario, p: &Projection) -> ModelResult<Report> {
    let savings = register(s, p)?;
    let reserves = outlook(s, p, &savings)?;
    Ok(Report { savings, reserves })
}
