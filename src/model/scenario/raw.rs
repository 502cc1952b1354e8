//! A schema-2 section kept as the JSON it was read as (docs/scenarios.md, "Sections kept as
//! read"): a saving's `delivery`, `delivery_confidence` and `reserves_strategy` move no
//! figure of the projection, so the workspace only stores, compares and writes them back;
//! their typed forms are read where they are used ([`super::typed`]).

use crate::model::json::{self, Item, Node, Read, Value};

/// A section as compact JSON text: an object (checked when read). Two are equal when they
/// hold the same JSON, whatever the order of each object's keys (a tool that sorts them
/// changes nothing).
#[derive(Debug, Clone)]
pub struct Raw(String);

impl PartialEq for Raw {
    fn eq(&self, other: &Raw) -> bool {
        self.0 == other.0 || json::same(&self.to_node(), &other.to_node())
    }
}

impl Eq for Raw {}

impl Raw {
    /// Keep `item`, which must be an object (its contents are checked where it is used).
    pub fn from_node(item: Item<'_>) -> Read<Raw> {
        item.members()?;
        Ok(Raw(json::to_string(item.node)))
    }

    /// Keep a section written by code.
    pub fn of(node: &Node) -> Raw {
        Raw(json::to_string(node))
    }

    /// True if its member `key` is a list with something in it.
    pub fn has_entries(&self, key: &str) -> bool {
        let node = self.to_node();
        node.get(key)
            .and_then(Node::as_array)
            .is_some_and(|a| !a.is_empty())
    }

    /// The section as a JSON tree (an empty object if the text no longer parses, which
    /// cannot happen: it was written by [`json::to_string`]).
    pub fn to_node(&self) -> Node {
        json::parse(&self.0).unwrap_or_else(|_| Node::new(Value::Object(Vec::new())))
    }
}
