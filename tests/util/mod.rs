//! Helpers shared by the tests: a Decimal or a year from text, a small scenario to vary
//! (`engine`), and reading a workbook back (`workbook`).
#![allow(dead_code)] // each test module uses some of them

pub mod engine;
pub mod workbook;

pub use engine::d;
