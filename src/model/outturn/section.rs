//! The `actuals` section as a scenario holds it: the JSON it was read as, kept, compared
//! and written back as it is. The workspace (the page's first load) stores, saves and
//! shares a scenario's actuals but never reads them (they move no projected figure), so
//! reading and checking them ([`super::Actuals::of`]) is left to where they are used: the
//! outturn screen, the `mtfp` tool, and the checks where a file enters (docs/outturn.md §2).

use crate::model::json::{self, Item, Node, Read};

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
        json::same(&self.0, &other.0)
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
