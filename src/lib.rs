//! Police medium-term financial plan (MTFP) and workforce planner.
//!
//! - [`model`]: the pure model. No web, clock or storage; compiled and tested natively.
//! - [`format`]: figures as finance people read them (£8.1m, £1,234,567.89, 4.1%).
//! - [`charts`]: every chart, drawn by plotters on any backend (SVG in the browser and in
//!   tests).
//! - [`cli`]: the native `mtfp` command.
//! - [`store`]: the user's scenarios, undo history, storage, share links, CSV and import
//!   (pure, like the model); `store::workbook` describes the Excel workbook export.
//! - [`xlsx`]: writes that description as an `.xlsx` file (rust_xlsxwriter); used by `mtfp`
//!   and by the browser's third wasm module (`planner-xlsx`), never by the workspace.
//! - `app`: the Yew single-page app (wasm32 only).

pub mod charts;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod edit;
pub mod format;
pub mod model;
pub mod store;
pub mod view;
pub mod xlsx;

#[cfg(target_arch = "wasm32")]
pub mod app;
