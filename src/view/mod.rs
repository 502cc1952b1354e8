//! What the workspace shows, computed from scenarios and projections: headline figures,
//! chart data and the bridge between two scenarios. Pure, so it is tested natively and the
//! figures on screen can be checked against the CLI's.

pub mod analysis;
mod bridge;
pub mod capital;
mod charts;
mod headlines;
pub mod outturn;
pub mod risk;
pub mod s25;
pub mod slides;
mod teams;

pub use bridge::{bridge, BridgeStep, GROUPS};
pub use charts::{bridge_chart, funding_expenditure_chart, gap_chart, reserves_chart};
pub use headlines::{default_headline_year, Headlines};
pub use teams::{
    collaboration_chart, collaborations_of, uplift_status, workforce_chart, workforce_of,
};
