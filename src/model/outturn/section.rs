//! The `actuals` section as a scenario holds it: the JSON it was read as, kept, compared
//! and written back as it is. The workspace (the page's first load) stores, saves and
//! shares a scenario's actuals but never reads them (they move no projected figure), so
//! reading and checking them ([`super::Actuals::of`]) is left to where they are used: the
//! outturn screen, the `mtfp` tool, and the checks where a file enters (docs/outturn.md §2).

use crate::model::json::{Item, Node, Read, Value};

/// The `actuals` section, as JSON (an object).
#[derive(Debug, Clone)]
pub struct ActualsJson(Node);

impl ActualsJson {
    /// The section `node` (the typed section's [`super::Actuals::section`]).
    pub fn new(node: Node) -> ActualsJson {
        ActualsJson(node)
    }

    /// Read the section: an object, kept as it is (its members are read by
    /// [`super::Actuals::of`]).
    pub fn from_node(item: Item<'_>) -> Read<ActualsJson> {
        item.members()?;
        Ok(ActualsJson(item.node.clone()))
    }

    /// The section's JSON.
    pub fn node(&self) -> &Node {
        &self.0
    }
}

/// The same section: the same JSON, wherever in a text each was read from and in whatever
/// order each object's members were written (a tool that sorts keys changes nothing).
impl PartialEq for ActualsJson {
    fn eq(&self, other: &ActualsJson) -> bool {
        same(&self.0, &other.0)
    }
}

fn same(a: &Node, b: &Node) -> bool {
    match (&a.value, &b.value) {
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter().all(|m| {
                    y.iter()
                        .find(|n| n.key == m.key)
                        .is_some_and(|n| same(&m.value, &n.value))
                })
        }
        (Value::Null, Value::Null) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Number(x), Value::Number(y)) | (Value::String(x), Value::String(y)) => x == y,
        _ => false,
    }
}

impl Eq for ActualsJson {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::json::parse;

    fn section(text: &str) -> ActualsJson {
        ActualsJson::new(parse(text).unwrap())
    }

    #[test]
    fn the_same_section_whatever_its_place_and_key_order() {
        let a = section(r#"{"figures": [{"year": "2022/23", "value": "1"}]}"#);
        let b = section(r#"  {"figures":[{"value":"1","year":"2022/23"}]}"#);
        assert_eq!(a, b);
        assert_ne!(
            a,
            section(r#"{"figures": [{"year": "2022/23", "value": "2"}]}"#)
        );
        assert_ne!(a, section(r#"{"figures": [{"year": "2022/23"}]}"#));
        assert_ne!(a, section(r#"{"figures": [], "grants": []}"#));
        assert_ne!(
            a,
            section(r#"{"figures": [{"year": "2022/23", "value": 1}]}"#)
        );
        assert_eq!(section("[null, true, 1.5]"), section("[null, true, 1.5]"));
        assert_ne!(section("[null, true, 1.5]"), section("[null, false, 1.5]"));
    }
}
