//! The Nottinghamshire workforce baseline: the `workforce` section of the baseline
//! scenario, embedded from `data/nottinghamshire-workforce.json`. Every figure has an entry
//! in its `sources` map; estimates are flagged there.

use super::plan::WorkforcePlan;
use crate::model::error::{ModelError, ModelResult};
use crate::model::json;

/// The embedded JSON text of the baseline workforce section.
pub const NOTTINGHAMSHIRE_JSON: &str = include_str!(concat!(
    env!("OUT_DIR"),
    "/data/nottinghamshire-workforce.json"
));

/// Parse a `workforce` section from JSON and validate it.
pub fn from_json(text: &str) -> ModelResult<WorkforcePlan> {
    let unreadable = |e: String| {
        ModelError::new(
            "workforce",
            format!("cannot read the workforce section: {e}"),
        )
    };
    let plan = json::read_text(text, WorkforcePlan::from_node).map_err(unreadable)?;
    plan.validate()?;
    Ok(plan)
}

/// Nottinghamshire Police, officers, staff and PCSOs from 31 March 2021, with Operation
/// Uplift (see `docs/workforce.md` for every assumption).
pub fn nottinghamshire() -> ModelResult<WorkforcePlan> {
    from_json(NOTTINGHAMSHIRE_JSON)
}
