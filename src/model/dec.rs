//! Decimal in scenario files: always a JSON string ("1234.56"), never a JSON number, so
//! files stay exact. A number where a string belongs is rejected with a message.

use std::collections::BTreeMap;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::year::FinancialYear;

struct DecimalStr;

impl<'de> Visitor<'de> for DecimalStr {
    type Value = Decimal;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a decimal number written as a string, for example \"1234.56\"")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        let t = v.trim();
        if t.is_empty() {
            return Err(E::custom("an empty string is not a number"));
        }
        Decimal::from_str(t)
            .or_else(|_| Decimal::from_scientific(t))
            .map_err(|_| E::custom(format!("'{v}' is not a number Decimal can hold exactly")))
    }
}

/// Use with `#[serde(with = "crate::model::dec::strict")]` on a `Decimal` field.
pub mod strict {
    use super::*;

    /// Write a Decimal as a JSON string.
    pub fn serialize<S: Serializer>(v: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(v)
    }

    /// Read a Decimal from a JSON string only.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        d.deserialize_str(DecimalStr)
    }
}

/// Use with `#[serde(with = "crate::model::dec::strict_opt", default)]` on an
/// `Option<Decimal>` field.
pub mod strict_opt {
    use super::*;

    /// Write as a JSON string, or null.
    pub fn serialize<S: Serializer>(v: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(v) => s.collect_str(v),
            None => s.serialize_none(),
        }
    }

    /// Read a JSON string or null.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        Option::<Dec>::deserialize(d).map(|o| o.map(|Dec(v)| v))
    }
}

/// A Decimal that (de)serializes as a strict string; handy inside collections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Dec(pub Decimal);

impl Serialize for Dec {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Dec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(DecimalStr).map(Dec)
    }
}

/// A value per financial year, such as a pay award % or an explicit amount. In JSON:
/// `{"2021/22": "0", "2022/23": "5"}`. Years not listed have no value (the driver using
/// it says what that means, usually zero).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct YearValues(pub BTreeMap<FinancialYear, Decimal>);

impl YearValues {
    /// An empty table.
    pub fn new() -> Self {
        YearValues(BTreeMap::new())
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

impl Serialize for YearValues {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(y, v)| (y.to_string(), v.to_string())))
    }
}

impl<'de> Deserialize<'de> for YearValues {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = BTreeMap::<FinancialYear, Dec>::deserialize(d)?;
        Ok(YearValues(
            raw.into_iter().map(|(y, Dec(v))| (y, v)).collect(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Serialize, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct T {
        #[serde(with = "strict")]
        amount: Decimal,
        by_year: YearValues,
    }

    #[test]
    fn round_trips_as_strings() {
        let json = r#"{"amount":"1234.56","by_year":{"2021/22":"0","2022/23":"5.5"}}"#;
        let t: T = serde_json::from_str(json).unwrap();
        assert_eq!(t.amount, Decimal::new(123456, 2));
        assert_eq!(serde_json::to_string(&t).unwrap(), json);
    }

    #[test]
    fn rejects_numbers_and_junk() {
        for bad in [
            r#"{"amount":1234.56,"by_year":{}}"#,
            r#"{"amount":"12abc","by_year":{}}"#,
            r#"{"amount":"","by_year":{}}"#,
            r#"{"amount":"1","by_year":{"2021":"1"}}"#,
            r#"{"amount":"1","by_year":{"2021/22":1}}"#,
            r#"{"amount":"99999999999999999999999999999999","by_year":{}}"#,
        ] {
            assert!(serde_json::from_str::<T>(bad).is_err(), "{bad}");
        }
    }
}
