//! The Nottinghamshire baseline: the 2021/22 budget rolled forward to 2025/26 with
//! published figures and documented estimates, calibrated to reproduce HMICFRS's PEEL
//! 2021/22 reading (gap £0.0m in 2021/22 and 2022/23, £0.9m in 2023/24, cumulative deficit
//! £8.1m by 2025/26).
//!
//! The data lives in `data/nottinghamshire.json`, embedded at build time, in the same
//! scenario format users import and export. Every line and assumption carries its source
//! or an estimate flag with the reasoning. Sections kept in their own data files (the
//! collaboration register, `data/nottinghamshire-collaborations.json`; the workforce,
//! `data/nottinghamshire-workforce.json`; the capital programme,
//! `data/nottinghamshire-capital.json`; the outturn published since the plan,
//! `data/nottinghamshire-actuals.json`) are spliced in before the scenario is read, so
//! each figure has one home.

use super::collab;
use super::error::{ModelError, ModelResult};
use super::json::{self, Member, Value};
use super::outturn;
use super::scenario::Scenario;
use super::workforce;

/// The main baseline file, as embedded at build time. It lacks the sections in
/// [`SECTIONS`], so it is not a valid scenario on its own: use [`nottinghamshire_json`]
/// for the whole scenario text.
pub const NOTTINGHAMSHIRE_JSON: &str = include_str!("../../data/nottinghamshire.json");

/// Scenario sections kept in their own embedded files: (field name, JSON).
pub const SECTIONS: &[(&str, &str)] = &[
    ("collaborations", collab::baseline::NOTTINGHAMSHIRE_JSON),
    ("workforce", workforce::baseline::NOTTINGHAMSHIRE_JSON),
    ("capital_programme", CAPITAL_JSON),
    ("actuals", outturn::baseline::NOTTINGHAMSHIRE_JSON),
];

/// The baseline's capital programme (the scenario's `capital_programme` section):
/// `data/nottinghamshire-capital.json` (docs/capital.md, "The Nottinghamshire baseline").
pub const CAPITAL_JSON: &str = include_str!("../../data/nottinghamshire-capital.json");

/// The whole baseline scenario as one JSON text: the main file with each of [`SECTIONS`]
/// spliced in.
pub fn nottinghamshire_json() -> ModelResult<String> {
    let unreadable = |e: json::JsonError| {
        ModelError::new("baseline", format!("the baseline cannot be read: {e}"))
    };
    let mut scenario = json::parse(NOTTINGHAMSHIRE_JSON).map_err(unreadable)?;
    let Value::Object(fields) = &mut scenario.value else {
        return Err(ModelError::new(
            "baseline",
            "the baseline is not a JSON object",
        ));
    };
    for (name, text) in SECTIONS {
        let section = json::parse(text).map_err(unreadable)?;
        match fields.iter_mut().find(|m| m.key == *name) {
            Some(member) => member.value = section,
            None => fields.push(Member {
                key: (*name).to_string(),
                at: 0,
                value: section,
            }),
        }
    }
    Ok(json::to_string(&scenario))
}

/// The Nottinghamshire baseline scenario, parsed and validated.
pub fn nottinghamshire() -> ModelResult<Scenario> {
    Scenario::from_json(&nottinghamshire_json()?)
}
