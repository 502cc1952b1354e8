//! Errors as values. Every error names where it happened: the field path (for example
//! `expenditure[ict].growth_pct`) and, when it belongs to one, the financial year.

use std::fmt;

use super::year::FinancialYear;

/// Something in a scenario that cannot be projected, or a calculation that would overflow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError {
    /// Where: a dotted path to the field, with line ids in brackets.
    pub path: String,
    /// The financial year concerned, if any.
    pub year: Option<FinancialYear>,
    /// What is wrong, in words a finance lead understands.
    pub message: String,
}

impl ModelError {
    /// An error at `path` with no particular year.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        ModelError {
            path: path.into(),
            year: None,
            message: message.into(),
        }
    }

    /// The same error, pinned to a financial year.
    pub fn in_year(mut self, year: FinancialYear) -> Self {
        self.year = Some(year);
        self
    }

    /// A calculation at `path` that went beyond what Decimal can hold.
    pub fn overflow(path: impl Into<String>, year: Option<FinancialYear>) -> Self {
        ModelError {
            path: path.into(),
            year,
            message: "the calculation overflows: a figure here is far too large".into(),
        }
    }
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            Some(year) => write!(f, "{} ({}): {}", self.path, year, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for ModelError {}

/// Shorthand for results in the model.
pub type ModelResult<T> = Result<T, ModelError>;
