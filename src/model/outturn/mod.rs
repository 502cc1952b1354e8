//! Plan against outturn (issue 17): what a scenario knows happened, and what follows from
//! it.
//!
//! - [`Actuals`] (the scenario's optional `actuals` section, schema 2): outturn figures by
//!   line and year (spending and funding lines, precept income, totals, savings delivered,
//!   reserves at the year end), actual assumption values (pay awards, Band D, tax base,
//!   officers at 31 March), and the status of each grant in the settlement (confirmed,
//!   indicative or assumed). Read, written and validated here, with the scenario.
//! - [`variance`]: plan against actual by year, line and total, with the sign rules.
//! - [`hindsight`]: Nottinghamshire's 2021/22 plan with what is now known, and its checks
//!   against the published figures.
//! - [`roll`]: a scenario rolled forward a year, and what that assumed.
//! - [`settlement`]: the funding rules after 2025/26 and the referendum limits.
//!
//! docs/outturn.md is the specification of every figure here.

mod actuals;
pub mod baseline;
pub mod hindsight;
pub mod roll;
mod section;
pub mod settlement;
pub mod variance;

pub use actuals::{Actuals, Adverse, Figure, GrantStatus, GrantTag, Item, ItemGroup};
pub use section::ActualsJson;

use super::error::ModelResult;
use super::json;
use super::scenario::Scenario;

/// The first scenario schema that may carry an `actuals` section (or the settlement's new
/// funding categories).
pub const ACTUALS_SCHEMA: u32 = 2;

/// Check the funding categories new in schema 2 are in a schema-2 scenario. Part of
/// [`Scenario::validate`]; the `actuals` section is checked where it is used
/// ([`Actuals::of`]) and where a file enters ([`read_file`]).
pub fn validate(s: &Scenario) -> ModelResult<()> {
    actuals::validate(s)
}

/// Read a scenario file from its bytes as [`Scenario::from_bytes_checked`] does (the
/// savings register's and reserves strategy's sections in full), and check its
/// `actuals` section in full ([`Actuals::check_file`]): how the `mtfp` tool and the app's
/// import read a file, so a bad section is refused where it enters, with its place.
pub fn read_file(bytes: &[u8]) -> ModelResult<Scenario> {
    let s = Scenario::from_bytes_checked(bytes)?;
    if s.actuals.is_some() {
        let text = json::decode(bytes).unwrap_or_default();
        Actuals::check_file(&s, text)?;
    }
    Ok(s)
}
