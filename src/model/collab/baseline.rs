//! The Nottinghamshire baseline register, embedded at build time from
//! `data/nottinghamshire-collaborations.json`. Every figure carries a [`Source`]: the
//! published ones cite the facts file's sources; the rest are flagged estimates.
//!
//! [`Source`]: crate::model::source::Source

use super::register::CollaborationRegister;
use crate::model::error::{ModelError, ModelResult};
use crate::model::json;

/// The baseline register as JSON (the same format as a scenario's `collaborations`
/// section).
pub const NOTTINGHAMSHIRE_JSON: &str = include_str!(concat!(
    env!("OUT_DIR"),
    "/data/nottinghamshire-collaborations.json"
));

/// Parse JSON in the register format, then validate it.
pub fn from_json(json: &str) -> ModelResult<CollaborationRegister> {
    let unreadable = |e: String| {
        ModelError::new(
            "collaborations",
            format!("the collaboration register cannot be read: {e}"),
        )
    };
    let register = json::read_text(json, CollaborationRegister::from_node).map_err(unreadable)?;
    register.validate()?;
    Ok(register)
}

/// Nottinghamshire's collaboration register: EMSOU, EMCJS, legal services, MFSS (and its
/// exit), EMOpSS (left 1 May 2018) and the joint headquarters at Sherwood Lodge.
pub fn nottinghamshire() -> ModelResult<CollaborationRegister> {
    from_json(NOTTINGHAMSHIRE_JSON)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn baseline_parses_and_validates() {
        let r = nottinghamshire().unwrap();
        assert_eq!(r.force, "Nottinghamshire");
        for id in ["emsou", "emcjs", "mfss", "emopss", "legal"] {
            assert!(r.collaborations.iter().any(|c| c.id == id), "{id}");
        }
        assert!(r.capital.iter().any(|c| c.id == "joint_hq"));
    }
}
