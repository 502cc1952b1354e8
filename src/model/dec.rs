//! Decimal in scenario files: always a JSON string ("1234.56"), never a JSON number, so
//! files stay exact. A number where a string belongs is rejected with a message.

use std::str::FromStr;

use rust_decimal::Decimal;
#[cfg(not(target_arch = "wasm32"))]
use serde::Serializer;

use super::json::{Item, Node, Object, Read};
use super::vec_map::VecMap;
use super::year::FinancialYear;

/// What a Decimal must look like, for messages.
const EXPECTED: &str = "a decimal number written as a string, for example \"1234.56\"";

/// Read a Decimal from the text of a JSON string: plain (`"1234.56"`) or scientific
/// (`"1e3"`), surrounding spaces ignored.
pub fn parse_decimal(v: &str) -> Result<Decimal, String> {
    let t = v.trim();
    if t.is_empty() {
        return Err("an empty string is not a number".into());
    }
    Decimal::from_str(t)
        .or_else(|_| Decimal::from_scientific(t))
        .map_err(|_| {
            format!(
                "'{}' is not a number Decimal can hold exactly",
                super::json::shorten(v)
            )
        })
}

/// Read a Decimal from a JSON string only (a JSON number is refused).
pub fn from_node(item: Item<'_>) -> Read<Decimal> {
    match item.node.as_str() {
        Some(s) => parse_decimal(s).map_err(|m| item.error(m)),
        None => Err(item.invalid_type(EXPECTED)),
    }
}

/// Read a Decimal from a JSON string, or `null` for none.
pub fn opt_from_node(item: Item<'_>) -> Read<Option<Decimal>> {
    if item.is_null() {
        return Ok(None);
    }
    from_node(item).map(Some)
}

/// A Decimal as a JSON string.
pub fn to_node(v: Decimal) -> Node {
    Node::str(&v.to_string())
}

/// A Decimal as a JSON string, or `null`.
pub fn opt_to_node(v: Option<Decimal>) -> Node {
    v.map_or_else(Node::null, to_node)
}

/// Use with `#[serde(with = "crate::model::dec::strict")]` on a `Decimal` field of the
/// command-line tool's output (native only: serde is not in the browser's download).
#[cfg(not(target_arch = "wasm32"))]
pub mod strict {
    use super::*;

    /// Write a Decimal as a JSON string.
    pub fn serialize<S: Serializer>(v: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(v)
    }
}

/// Use with `#[serde(with = "crate::model::dec::strict_opt")]` on an `Option<Decimal>`
/// field of the command-line tool's output (native only).
#[cfg(not(target_arch = "wasm32"))]
pub mod strict_opt {
    use super::*;

    /// Write as a JSON string, or null.
    pub fn serialize<S: Serializer>(v: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(v) => s.collect_str(v),
            None => s.serialize_none(),
        }
    }
}

/// A Decimal kept in a scenario as a strict string; handy inside [`Sourced`].
///
/// [`Sourced`]: crate::model::scenario::Sourced
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Dec(pub Decimal);

impl Dec {
    /// Read from a JSON string.
    pub fn from_node(item: Item<'_>) -> Read<Dec> {
        from_node(item).map(Dec)
    }

    /// Write as a JSON string.
    pub fn to_node(&self) -> Node {
        to_node(self.0)
    }
}

/// A value per financial year, such as a pay award % or an explicit amount. In JSON:
/// `{"2021/22": "0", "2022/23": "5"}`. Years not listed have no value (the driver using
/// it says what that means, usually zero).
#[derive(Debug, PartialEq, Eq, Default)]
pub struct YearValues(pub VecMap<FinancialYear, Decimal>);

/// `clone_from` reuses the table's room (the engine's caches copy tables often).
impl Clone for YearValues {
    fn clone(&self) -> Self {
        YearValues(self.0.clone())
    }

    fn clone_from(&mut self, source: &Self) {
        self.0.clone_from(&source.0);
    }
}

impl YearValues {
    /// An empty table.
    pub fn new() -> Self {
        YearValues(VecMap::new())
    }

    /// The value for `year`, if set.
    pub fn get(&self, year: FinancialYear) -> Option<Decimal> {
        self.0.get(&year).copied()
    }

    /// The value for `year`, or zero.
    pub fn get_or_zero(&self, year: FinancialYear) -> Decimal {
        self.get(year).unwrap_or(Decimal::ZERO)
    }

    /// Set the value for `year`.
    pub fn set(&mut self, year: FinancialYear, value: Decimal) {
        self.0.insert(year, value);
    }

    /// Build from pairs.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (FinancialYear, Decimal)>) -> Self {
        YearValues(pairs.into_iter().collect())
    }

    /// The years and values in order.
    pub fn iter(&self) -> impl Iterator<Item = (FinancialYear, Decimal)> + '_ {
        self.0.iter().map(|(y, v)| (*y, *v))
    }
}

impl YearValues {
    /// Read `{"2021/22": "0", "2022/23": "5"}`: financial years to decimal strings.
    pub fn from_node(item: Item<'_>) -> Read<YearValues> {
        let mut out = VecMap::new();
        for member in item.members()? {
            let value = item.member(member);
            let year = member
                .key
                .parse::<FinancialYear>()
                .map_err(|e| value.error_at(member.at, e.to_string()))?;
            // Keys are unique as written, but " 2021/22" and "2021/22" are the same year.
            if out.insert(year, from_node(value)?).is_some() {
                return Err(value.error_at(member.at, format!("duplicate year `{year}`")));
            }
        }
        Ok(YearValues(out))
    }

    /// Write as an object of years to decimal strings, in year order.
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        for (year, v) in &self.0 {
            o.put(&year.to_string(), to_node(*v));
        }
        o.node()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::json::{self, Item};

    /// Read `{"amount": …, "by_year": …}`.
    fn read(text: &str) -> Read<(Decimal, YearValues)> {
        let node = json::parse(text).unwrap();
        let item = Item::root(&node);
        let o = item.object(&["amount", "by_year"])?;
        Ok((from_node(o.req("amount")?)?, o.year_values("by_year")?))
    }

    #[test]
    fn round_trips_as_strings() {
        let text = r#"{"amount":"1234.56","by_year":{"2021/22":"0","2022/23":"5.5"}}"#;
        let (amount, by_year) = read(text).unwrap();
        assert_eq!(amount, Decimal::new(123456, 2));
        let mut o = Object::new();
        o.put("amount", to_node(amount));
        o.put("by_year", by_year.to_node());
        assert_eq!(json::to_string(&o.node()), text);
    }

    #[test]
    fn a_year_given_twice_is_refused_where_it_repeats() {
        let text = r#"{"amount":"1","by_year":{"2021/22":"1"," 2021/22":"2"}}"#;
        let e = read(text).unwrap_err();
        assert_eq!(e.message, "duplicate year `2021/22`");
        assert_eq!(e.path, "by_year. 2021/22");
        // The first year key starts at byte 25; it takes 9 bytes, `:` 1, `"1"` 3 and `,` 1,
        // so the second key starts at byte 39.
        assert_eq!(e.at, 39);
    }

    #[test]
    fn rejects_numbers_and_junk() {
        for (bad, why) in [
            (r#"{"amount":1234.56,"by_year":{}}"#, "written as a string"),
            (r#"{"amount":"12abc","by_year":{}}"#, "Decimal can hold"),
            (r#"{"amount":"","by_year":{}}"#, "empty string"),
            (
                r#"{"amount":"1","by_year":{"2021":"1"}}"#,
                "not a financial year",
            ),
            (
                r#"{"amount":"1","by_year":{"2021/22":1}}"#,
                "written as a string",
            ),
            (
                r#"{"amount":"99999999999999999999999999999999","by_year":{}}"#,
                "Decimal can hold",
            ),
        ] {
            let e = read(bad).unwrap_err();
            assert!(e.message.contains(why), "{bad}: {e}");
        }
    }

    #[test]
    fn paths_name_the_year() {
        let e = read(r#"{"amount":"1","by_year":{"2021/22":1}}"#).unwrap_err();
        assert_eq!(e.path, "by_year.2021/22");
        let e = read(r#"{"amount":"1","by_year":{"2021":"1"}}"#).unwrap_err();
        assert_eq!((e.path.as_str(), e.at), ("by_year.2021", 25));
    }
}
