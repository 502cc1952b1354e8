//! Errors as values. Every error names where it happened: the field path (for example
//! `expenditure[ict].growth_pct`) and, when it belongs to one, the financial year.

use std::fmt;

use super::json::shorten;
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

/// Shown as `path (year): message`, or just the message when there is no path. An id in
/// brackets is shortened ([`shorten`]), so a 10,000-character id cannot fill the screen.
impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = short_path(&self.path);
        match (self.path.is_empty(), self.year) {
            (true, _) => f.write_str(&self.message),
            (false, Some(year)) => write!(f, "{path} ({year}): {}", self.message),
            (false, None) => write!(f, "{path}: {}", self.message),
        }
    }
}

/// `path` with each bracketed id (`expenditure[…]`) shortened.
fn short_path(path: &str) -> String {
    let mut out = String::new();
    let mut rest = path;
    while let Some(open) = rest.find('[') {
        let (before, after) = rest.split_at(open.saturating_add(1));
        out.push_str(before);
        let close = after.find(']').unwrap_or(after.len());
        let (id, tail) = after.split_at(close);
        out.push_str(&shorten(id));
        rest = tail;
    }
    out.push_str(rest);
    out
}

impl std::error::Error for ModelError {}

/// Shorthand for results in the model.
pub type ModelResult<T> = Result<T, ModelError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_ids_in_the_path_are_shortened() {
        let id = "x".repeat(10_000);
        let e = ModelError::new(format!("expenditure[{id}].base_amount"), "too large");
        let shown = e.to_string();
        assert_eq!(
            shown,
            format!("expenditure[{}…].base_amount: too large", "x".repeat(39))
        );
        // Short ids, several brackets, a year, and no path at all.
        let e = ModelError::new("collaborations[emsou].partners[Notts]", "m")
            .in_year(crate::model::FinancialYear::new(2023).unwrap_or_else(|| unreachable!()));
        assert_eq!(
            e.to_string(),
            "collaborations[emsou].partners[Notts] (2023/24): m"
        );
        assert_eq!(ModelError::new("", "plain").to_string(), "plain");
    }
}
