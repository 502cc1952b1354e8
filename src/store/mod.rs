//! The user's scenarios and everything that moves them in and out of the app: the
//! collection (the read-only baseline plus named scenarios, each with its change log),
//! undo/redo history, the workspace session the app reduces actions on, comparisons, the
//! browser-storage codec, share links, CSV export, the Excel workbook's contents and file
//! import. See `docs/scenarios.md`.
//!
//! Pure like [`crate::model`]: no web, no clock, no storage. The time of a change is passed
//! in by the caller; bytes in and out are plain strings. Every decoder here takes any input
//! without panicking (see the proptests in `tests/store_props.rs`).

pub mod analysis;
pub mod backup;
pub mod collection;
pub mod compare;
pub mod csv;
pub mod history;
pub mod import;
pub mod legacy;
pub mod outturn;
pub mod pack;
pub mod records;
pub mod remote;
pub mod resilience_csv;
pub mod session;
pub mod share;
pub mod workbook;

pub use collection::{
    Body, Change, Collection, Contents, ContentsError, Entry, NameError, ScenarioId, Selected,
};
pub use history::History;
