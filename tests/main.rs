//! Every integration test, in one test binary: `cargo test` builds this crate once, with a
//! module per file beside it (`tests/NAME.rs`) and shared helpers in `tests/util/`.
//! Native tests are compiled for the host; the browser tests (`web`) only for wasm32, where
//! `scripts/test.sh` runs them in headless Chromium (`cargo test --target
//! wasm32-unknown-unknown --test tests`). `tests/reading_limits.rs` is the one test with a
//! binary of its own: it installs a counting global allocator, which would count every
//! other test's allocations too if it shared a process with them.
//!
//! Test code: a panic is a failed test; the size rules of clippy.toml are about the wasm.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::disallowed_types,
    clippy::inconsistent_digit_grouping
)]

#[cfg(not(target_arch = "wasm32"))]
mod reference;
#[cfg(not(target_arch = "wasm32"))]
mod util;

#[cfg(target_arch = "wasm32")]
mod web;

#[cfg(not(target_arch = "wasm32"))]
mod analysis;
#[cfg(not(target_arch = "wasm32"))]
mod capital;
#[cfg(not(target_arch = "wasm32"))]
mod charts_svg;
#[cfg(not(target_arch = "wasm32"))]
mod cli;
#[cfg(not(target_arch = "wasm32"))]
mod collab_baseline;
#[cfg(not(target_arch = "wasm32"))]
mod collab_cli;
#[cfg(not(target_arch = "wasm32"))]
mod collab_props;
#[cfg(not(target_arch = "wasm32"))]
mod collab_register;
#[cfg(not(target_arch = "wasm32"))]
mod docs_rules;
#[cfg(not(target_arch = "wasm32"))]
mod engine_bad_files;
#[cfg(not(target_arch = "wasm32"))]
mod engine_baseline;
#[cfg(not(target_arch = "wasm32"))]
mod engine_cli;
#[cfg(not(target_arch = "wasm32"))]
mod engine_fast;
#[cfg(not(target_arch = "wasm32"))]
mod engine_hand;
#[cfg(not(target_arch = "wasm32"))]
mod engine_props;
#[cfg(not(target_arch = "wasm32"))]
mod file_names;
#[cfg(not(target_arch = "wasm32"))]
mod json_props;
#[cfg(not(target_arch = "wasm32"))]
mod outturn_cli;
#[cfg(not(target_arch = "wasm32"))]
mod outturn_csv;
#[cfg(not(target_arch = "wasm32"))]
mod outturn_hindsight;
#[cfg(not(target_arch = "wasm32"))]
mod outturn_roll;
#[cfg(not(target_arch = "wasm32"))]
mod outturn_session;
#[cfg(not(target_arch = "wasm32"))]
mod outturn_variance;
#[cfg(not(target_arch = "wasm32"))]
mod reading_routes;
#[cfg(not(target_arch = "wasm32"))]
mod registry;
#[cfg(not(target_arch = "wasm32"))]
mod resilience;
#[cfg(not(target_arch = "wasm32"))]
mod resilience_edit;
#[cfg(not(target_arch = "wasm32"))]
mod risk;
#[cfg(not(target_arch = "wasm32"))]
mod risk_section;
#[cfg(not(target_arch = "wasm32"))]
mod risk_view;
#[cfg(not(target_arch = "wasm32"))]
mod slides;
#[cfg(not(target_arch = "wasm32"))]
mod store_compare;
#[cfg(not(target_arch = "wasm32"))]
mod store_import;
#[cfg(not(target_arch = "wasm32"))]
mod store_props;
#[cfg(not(target_arch = "wasm32"))]
mod store_records;
#[cfg(not(target_arch = "wasm32"))]
mod store_session;
#[cfg(not(target_arch = "wasm32"))]
mod workbook;
#[cfg(not(target_arch = "wasm32"))]
mod workforce_baseline;
#[cfg(not(target_arch = "wasm32"))]
mod workforce_cli;
#[cfg(not(target_arch = "wasm32"))]
mod workforce_model;
#[cfg(not(target_arch = "wasm32"))]
mod workforce_props;
#[cfg(not(target_arch = "wasm32"))]
mod workspace_edit;
