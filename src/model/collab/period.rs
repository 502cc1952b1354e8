//! Month-precision dates for joining and leaving a collaboration, and how many months of a
//! financial year fall inside a membership.
//!
//! A membership runs from the first day of its `start` month up to (not including) the
//! first day of its `end` month: a force that "left on 1 May 2018" has `end` = `2018-05`
//! and paid for April 2018 only, 1/12 of 2018/19.

use std::fmt;
use std::str::FromStr;

use crate::model::json::{Item, Node, Read};
use crate::model::year::{FinancialYear, FIRST_YEAR, LAST_YEAR};

/// A calendar month, written `"2018-05"` in files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: u16,
    month: u8,
}

impl YearMonth {
    /// The month `month` (1 = January) of `year`, if the month is 1–12 and the year is one
    /// the planner accepts (2000 to 2099).
    pub fn new(year: u16, month: u8) -> Option<Self> {
        let year_ok = (FIRST_YEAR..=LAST_YEAR.saturating_add(1)).contains(&year);
        (year_ok && (1..=12).contains(&month)).then_some(YearMonth { year, month })
    }

    /// The calendar year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1 = January.
    pub fn month(self) -> u8 {
        self.month
    }

    /// Months since January of year 0: a running count for comparisons and differences.
    fn index(self) -> i32 {
        i32::from(self.year) * 12 + i32::from(self.month) - 1
    }

    /// The financial year this month falls in (January to March belong to the year that
    /// started the April before).
    pub fn financial_year(self) -> Option<FinancialYear> {
        if self.month >= 4 {
            FinancialYear::new(self.year)
        } else {
            FinancialYear::new(self.year.saturating_sub(1))
        }
    }

    /// The months from this month to the end of its financial year, this month included
    /// (April → 12, January → 3, March → 1).
    pub fn months_left_in_financial_year(self) -> u8 {
        if self.month >= 4 {
            16 - self.month
        } else {
            4 - self.month
        }
    }
}

/// How many months of financial year `year` fall inside a membership that starts with the
/// month `start` and ends before the month `end` (`None`: open-ended). 0 to 12.
pub fn months_in_year(year: FinancialYear, start: YearMonth, end: Option<YearMonth>) -> u8 {
    let first = i32::from(year.start_year()) * 12 + 3; // April
    let after = first + 12; // the next April
    let from = first.max(start.index());
    let to = end.map_or(after, |e| after.min(e.index()));
    u8::try_from((to - from).clamp(0, 12)).unwrap_or(0)
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// Why a text is not a month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseMonthError(pub String);

impl fmt::Display for ParseMonthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "'{}' is not a month: write it as 2018-05 (year 2000 to 2099, month 01 to 12)",
            crate::model::json::shorten(&self.0)
        )
    }
}

impl std::error::Error for ParseMonthError {}

impl FromStr for YearMonth {
    type Err = ParseMonthError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || ParseMonthError(s.to_string());
        let (y, m) = s.trim().split_once('-').ok_or_else(bad)?;
        if y.len() != 4 || m.len() != 2 {
            return Err(bad());
        }
        let year: u16 = y.parse().map_err(|_| bad())?;
        let month: u8 = m.parse().map_err(|_| bad())?;
        YearMonth::new(year, month).ok_or_else(bad)
    }
}

impl YearMonth {
    /// Read from a JSON string such as "2018-05".
    pub fn from_node(item: Item<'_>) -> Read<YearMonth> {
        item.str()?
            .parse()
            .map_err(|e: ParseMonthError| item.error(e.to_string()))
    }

    /// Write as a JSON string.
    pub fn to_node(&self) -> Node {
        Node::str(&self.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(s: &str) -> YearMonth {
        s.parse().unwrap()
    }

    fn fy(start: u16) -> FinancialYear {
        FinancialYear::new(start).unwrap()
    }

    #[test]
    fn parses_and_formats() {
        assert_eq!(ym("2018-05").to_string(), "2018-05");
        for bad in [
            "2018-5", "2018-13", "2018-00", "18-05", "2018/05", "", "1999-12",
        ] {
            assert!(bad.parse::<YearMonth>().is_err(), "{bad}");
        }
    }

    #[test]
    fn financial_year_of_a_month() {
        assert_eq!(ym("2022-01").financial_year(), Some(fy(2021)));
        assert_eq!(ym("2022-04").financial_year(), Some(fy(2022)));
        assert_eq!(ym("2022-01").months_left_in_financial_year(), 3);
        assert_eq!(ym("2022-04").months_left_in_financial_year(), 12);
        assert_eq!(ym("2022-03").months_left_in_financial_year(), 1);
    }

    #[test]
    fn months_inside_a_membership() {
        let cases = [
            // (year, start, end, months)
            (2018, "2015-04", Some("2018-05"), 1), // left 1 May 2018: April only
            (2017, "2015-04", Some("2018-05"), 12),
            (2019, "2015-04", Some("2018-05"), 0),
            (2014, "2015-04", None, 0),
            (2015, "2015-04", None, 12),
            (2021, "2022-01", None, 3), // joined in January
            (2021, "2021-07", Some("2021-10"), 3),
            (2021, "2020-01", Some("2021-04"), 0), // left at the year's start
        ];
        for (year, start, end, want) in cases {
            assert_eq!(
                months_in_year(fy(year), ym(start), end.map(ym)),
                want,
                "{year} {start} {end:?}"
            );
        }
    }
}
