//! The scenario file's version (`"schema"`), checked before any other field, on every
//! route a scenario is read by (file import, share links, the browser store, the `mtfp`
//! tool): a file from a newer planner says so plainly instead of failing on the first
//! field that changed.

use crate::model::error::{ModelError, ModelResult};
use crate::model::json::{shorten, Item, Node, Value};

/// The oldest scenario schema this build reads.
pub const FIRST_SCHEMA: u32 = 1;

/// The newest scenario schema this build reads and writes: it reads every schema from
/// [`FIRST_SCHEMA`] to this one. Schema 2 adds optional sections to schema 1 (a schema-1
/// file is a schema-2 file without them); [`written`] says which a scenario is written as.
pub const SCHEMA_VERSION: u32 = 2;

/// The schema a scenario is written as: 2 if it holds any of schema 2's sections (a saving's
/// `delivery`, `delivery_confidence`, `reserves_strategy`, `capital_programme`, `actuals`, `risk`),
/// so an older planner refuses it saying it is newer; otherwise the schema it was read as, so a schema-1 file is written
/// back unchanged and still opens in an older planner.
pub fn written(s: &super::Scenario) -> u32 {
    let schema_2 = s.savings.iter().any(|x| x.delivery.is_some())
        || s.delivery_confidence.is_some()
        || s.reserves_strategy.is_some()
        || s.capital_programme.is_some()
        || s.actuals.is_some()
        || s.risk.is_some();
    if schema_2 {
        s.schema.max(2)
    } else {
        s.schema
    }
}

/// The schemas this build reads, for messages: "schema 1", or "schemas 1 to 2".
pub fn readable() -> String {
    if FIRST_SCHEMA == SCHEMA_VERSION {
        format!("schema {SCHEMA_VERSION}")
    } else {
        format!("schemas {FIRST_SCHEMA} to {SCHEMA_VERSION}")
    }
}

/// The message for a scenario of `schema`, newer than this build reads.
pub fn newer_message(schema: impl std::fmt::Display) -> String {
    format!(
        "this scenario was written by a newer version of the planner (scenario schema \
         {schema}; this version reads {}): open it in the newer version",
        readable()
    )
}

/// The schema of the scenario `node` (parsed from `text`, for line and column), if this
/// build reads it; otherwise why not. Only the `schema` member is looked at.
pub fn check(node: &Node, text: &str) -> ModelResult<u32> {
    let Value::Object(members) = &node.value else {
        return Err(ModelError::new(
            "",
            "the file is JSON but not a scenario (a scenario file is one JSON object)",
        ));
    };
    let root = Item::root(node);
    let Some(member) = members.iter().find(|m| m.key == "schema") else {
        return Err(ModelError::new(
            "schema",
            format!("missing (a scenario file says \"schema\": {SCHEMA_VERSION})"),
        ));
    };
    let item = root.member(member);
    // JSON writes a whole number without leading zeros, so any digits too many for a u32
    // are a schema far newer than this build.
    let digits = match &item.node.value {
        Value::Number(n) if n.bytes().all(|b| b.is_ascii_digit()) => n,
        _ => {
            return Err(item
                .invalid_type("a whole number, such as 1")
                .locate(text, "schema"))
        }
    };
    match digits.parse::<u32>() {
        Ok(n) if (FIRST_SCHEMA..=SCHEMA_VERSION).contains(&n) => Ok(n),
        Ok(n) if n < FIRST_SCHEMA => Err(ModelError::new(
            "schema",
            format!(
                "{n} is not a scenario schema (this version reads {})",
                readable()
            ),
        )),
        _ => Err(ModelError::new("", newer_message(shorten(digits)))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::json::parse;

    fn check_text(text: &str) -> ModelResult<u32> {
        check(&parse(text).unwrap(), text)
    }

    #[test]
    fn reads_schemas_1_and_2_only() {
        assert_eq!(check_text(r#"{"schema": 1, "anything": 2}"#), Ok(1));
        assert_eq!(check_text(r#"{"schema": 2}"#), Ok(2));
        assert_eq!(
            check_text(r#"{"name": "x", "schema": 99}"#)
                .unwrap_err()
                .to_string(),
            "this scenario was written by a newer version of the planner (scenario schema \
             99; this version reads schemas 1 to 2): open it in the newer version"
        );
        // A schema too large for any integer type is still "newer", shortened.
        let huge = format!(r#"{{"schema": {}}}"#, "9".repeat(3_000));
        let e = check_text(&huge).unwrap_err().to_string();
        assert!(
            e.contains(&format!("(scenario schema {}…;", "9".repeat(39))),
            "{e}"
        );
        assert_eq!(
            check_text(r#"{"schema": 0}"#).unwrap_err().to_string(),
            "schema: 0 is not a scenario schema (this version reads schemas 1 to 2)"
        );
    }

    #[test]
    fn a_missing_or_mistyped_schema_and_a_non_object_are_named() {
        assert_eq!(
            check_text(r#"{"name": "x"}"#).unwrap_err().to_string(),
            "schema: missing (a scenario file says \"schema\": 2)"
        );
        let e = check_text("{\n \"schema\": \"1\"}")
            .unwrap_err()
            .to_string();
        assert_eq!(
            e,
            "schema: invalid type: string \"1\", expected a whole number, such as 1 \
             (line 2, column 12)"
        );
        let e = check_text(r#"{"schema": 1.5}"#).unwrap_err().to_string();
        assert!(e.starts_with("schema: invalid type: number `1.5`"), "{e}");
        assert!(check_text("[1]")
            .unwrap_err()
            .to_string()
            .contains("not a scenario"));
    }
}
