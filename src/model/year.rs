//! Financial years, April to March, written as police budget books write them: "2021/22".

use std::fmt;
use std::str::FromStr;

#[cfg(not(target_arch = "wasm32"))]
use serde::{Serialize, Serializer};

use super::json::{Item, Node, Read};

/// A UK public-sector financial year, 1 April to 31 March, named by the calendar year it
/// starts in. `FinancialYear::new(2021)` is "2021/22".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FinancialYear(u16);

/// The earliest financial year the planner accepts (2000/01).
pub const FIRST_YEAR: u16 = 2000;
/// The latest financial year the planner accepts (2098/99).
pub const LAST_YEAR: u16 = 2098;

impl FinancialYear {
    /// The first year the planner accepts, 2000/01.
    pub const FIRST: FinancialYear = FinancialYear(FIRST_YEAR);

    /// The financial year starting in April of `start`, if within 2000/01 to 2098/99.
    pub fn new(start: u16) -> Option<Self> {
        (FIRST_YEAR..=LAST_YEAR)
            .contains(&start)
            .then_some(FinancialYear(start))
    }

    /// The calendar year in which this financial year starts.
    pub fn start_year(self) -> u16 {
        self.0
    }

    /// The year `n` years later, if still in range.
    pub fn plus(self, n: u16) -> Option<Self> {
        self.0.checked_add(n).and_then(FinancialYear::new)
    }

    /// The year before, if still in range.
    pub fn previous(self) -> Option<Self> {
        self.0.checked_sub(1).and_then(FinancialYear::new)
    }

    /// Whole years from `earlier` to `self` (negative if `self` is earlier).
    pub fn years_since(self, earlier: FinancialYear) -> i32 {
        i32::from(self.0) - i32::from(earlier.0)
    }
}

impl fmt::Display for FinancialYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{:02}", self.0, (self.0 + 1) % 100)
    }
}

/// Why a text is not a financial year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseYearError(pub String);

impl fmt::Display for ParseYearError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "'{}' is not a financial year: write it as 2021/22 (between {}/{:02} and {}/{:02})",
            super::json::shorten(&self.0),
            FIRST_YEAR,
            (FIRST_YEAR + 1) % 100,
            LAST_YEAR,
            (LAST_YEAR + 1) % 100
        )
    }
}

impl std::error::Error for ParseYearError {}

impl FromStr for FinancialYear {
    type Err = ParseYearError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || ParseYearError(s.to_string());
        let (start, end) = s.trim().split_once('/').ok_or_else(bad)?;
        if start.len() != 4 || end.len() != 2 {
            return Err(bad());
        }
        let start: u16 = start.parse().map_err(|_| bad())?;
        let end: u16 = end.parse().map_err(|_| bad())?;
        let year = FinancialYear::new(start).ok_or_else(bad)?;
        if (start + 1) % 100 != end {
            return Err(bad());
        }
        Ok(year)
    }
}

/// For the command-line tool's output.
#[cfg(not(target_arch = "wasm32"))]
impl Serialize for FinancialYear {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl FinancialYear {
    /// Read from a JSON string such as "2021/22".
    pub fn from_node(item: Item<'_>) -> Read<FinancialYear> {
        item.str()?
            .parse()
            .map_err(|e: ParseYearError| item.error(e.to_string()))
    }

    /// Write as a JSON string.
    pub fn to_node(&self) -> Node {
        Node::str(&self.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_parses() {
        let cases = [(2021, "2021/22"), (2099 - 1, "2098/99"), (2000, "2000/01")];
        for (start, text) in cases {
            let y = FinancialYear::new(start).unwrap();
            assert_eq!(y.to_string(), text);
            assert_eq!(text.parse::<FinancialYear>().unwrap(), y);
        }
    }

    #[test]
    fn rejects_malformed() {
        for bad in [
            "2021", "2021/23", "21/22", "2021-22", "1999/00", "2099/00", "abcd/ef", "",
        ] {
            assert!(bad.parse::<FinancialYear>().is_err(), "{bad}");
        }
    }

    #[test]
    fn arithmetic() {
        let y = FinancialYear::new(2021).unwrap();
        assert_eq!(y.plus(4).unwrap().to_string(), "2025/26");
        assert_eq!(y.previous().unwrap().to_string(), "2020/21");
        assert_eq!(y.plus(4).unwrap().years_since(y), 4);
        assert!(FinancialYear::new(LAST_YEAR).unwrap().plus(1).is_none());
    }
}
