//! The pure MTFP model: scenarios in, projections out, exact to the penny.
//!
//! Nothing here touches the browser, the clock or storage, so it compiles and is tested
//! natively and the `mtfp` command-line tool runs the very same code as the app.
#![deny(missing_docs)]

pub mod analysis;
pub mod baseline;
pub mod capital;
pub mod collab;
pub mod dec;
pub mod engine;
pub mod error;
pub mod json;
pub mod money;
pub mod outturn;
pub mod registry;
pub mod resilience;
pub mod risk;
pub mod scenario;
pub mod source;
pub mod vec_map;
pub mod workforce;
pub mod year;

pub use engine::{project, Projection, YearResult};
pub use error::{ModelError, ModelResult};
pub use money::{round_money, At, MONEY_ROUNDING};
pub use scenario::Scenario;
pub use source::Source;
pub use year::FinancialYear;
