//! Nottinghamshire's outturn: what was published after the 2021/22 plan (the facts file's
//! "Published since the plan"), as the baseline's `actuals` section. Kept in
//! `data/nottinghamshire-actuals.json` and spliced into the baseline
//! ([`crate::model::baseline::SECTIONS`]); every figure cites its source or is flagged an
//! estimate.

/// The baseline's `actuals` section, as embedded at build time.
pub const NOTTINGHAMSHIRE_JSON: &str = include_str!("../../../data/nottinghamshire-actuals.json");
