//! The Nottinghamshire baseline: the 2021/22 budget rolled forward to 2025/26 with
//! published figures and documented estimates, calibrated to reproduce HMICFRS's PEEL
//! 2021/22 reading (gap £0.0m in 2021/22 and 2022/23, £0.9m in 2023/24, cumulative deficit
//! £8.1m by 2025/26).
//!
//! The data lives in `data/nottinghamshire.json`, embedded at build time, in the same
//! scenario format users import and export. Every line and assumption carries its source
//! or an estimate flag with the reasoning.

use super::error::ModelResult;
use super::scenario::Scenario;

/// The baseline scenario file, as embedded at build time.
pub const NOTTINGHAMSHIRE_JSON: &str = include_str!("../../data/nottinghamshire.json");

/// The Nottinghamshire baseline scenario, parsed and validated.
pub fn nottinghamshire() -> ModelResult<Scenario> {
    Scenario::from_json(NOTTINGHAMSHIRE_JSON)
}
