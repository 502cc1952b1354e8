//! A small JSON layer for the scenario file and the browser store, written for this
//! planner instead of serde so the browser download stays small: one parser into a tree
//! ([`parse`]), one writer ([`to_string`], [`to_string_pretty`]) and plain conversion
//! helpers ([`read`]). Nothing here is generic over the types it reads: each scenario type
//! has its own `from_node` and `to_node`, written field by field.
//!
//! The parser takes any text without panicking. It keeps each object's keys in order,
//! each number's exact text and each value's byte offset in the text (so a conversion
//! error can give a line and column), and it rejects what serde_json rejected: trailing
//! text, control characters in strings, lone surrogates, nesting deeper than
//! [`MAX_DEPTH`]. It also rejects an object that repeats a key. Bounds keep reading a
//! hostile file cheap: [`parse_bounded`] stops after a number of values, and
//! [`Item::list`] refuses a list of more than [`MAX_ENTRIES`] before reading any of it.
//! Messages repeat a bad value cut to [`ECHO_CHARS`] characters ([`shorten`]).

mod parse;
pub mod read;
mod text;
mod write;

pub use parse::{line_column, parse, parse_bounded, ErrorKind, JsonError, MAX_DEPTH};
pub use read::{Fields, Item, Read, ReadError, MAX_ENTRIES};
pub use text::{decode, shorten, strip_bom, BOM, ECHO_CHARS};
pub use write::{to_string, to_string_pretty};

/// A JSON value and where it starts in the text it was read from (0 for a value built in
/// code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Byte offset of the value's first character.
    pub at: usize,
    /// The value.
    pub value: Value,
}

/// The JSON value kinds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written (`-12.5e3`): whole numbers are read from this text when
    /// needed; the planner's decimals are strings anyway.
    Number(String),
    /// A string, escapes resolved.
    String(String),
    /// An array.
    Array(Vec<Node>),
    /// An object, keys in the order written (no key twice).
    Object(Vec<Member>),
}

/// One `"key": value` of an object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// The key, escapes resolved.
    pub key: String,
    /// Byte offset of the key's opening quote.
    pub at: usize,
    /// The value.
    pub value: Node,
}

impl Node {
    /// A value built in code (offset 0).
    pub fn new(value: Value) -> Node {
        Node { at: 0, value }
    }

    /// `null`.
    pub fn null() -> Node {
        Node::new(Value::Null)
    }

    /// A boolean.
    pub fn bool(b: bool) -> Node {
        Node::new(Value::Bool(b))
    }

    /// A string.
    pub fn str(s: &str) -> Node {
        Node::new(Value::String(s.to_string()))
    }

    /// A whole number.
    pub fn int(n: i64) -> Node {
        Node::new(Value::Number(n.to_string()))
    }

    /// An array.
    pub fn array(items: Vec<Node>) -> Node {
        Node::new(Value::Array(items))
    }

    /// The member called `key`, if this is an object that has one.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Object(members) => members.iter().find(|m| m.key == key).map(|m| &m.value),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number, if this is a whole number from 0 to `u64::MAX` written without a
    /// fraction or exponent.
    pub fn as_u64(&self) -> Option<u64> {
        match &self.value {
            Value::Number(text) if text.bytes().all(|b| b.is_ascii_digit()) => text.parse().ok(),
            _ => None,
        }
    }

    /// The elements, if this is an array.
    pub fn as_array(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// True for an object.
    pub fn is_object(&self) -> bool {
        matches!(self.value, Value::Object(_))
    }

    /// The value, if this is `true` or `false`.
    pub fn as_bool(&self) -> Option<bool> {
        match self.value {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }

    /// True for `null`.
    pub fn is_null(&self) -> bool {
        self.value == Value::Null
    }
}

/// An object being built, keys in the order they are put.
#[derive(Debug, Clone, Default)]
pub struct Object(Vec<Member>);

impl Object {
    /// An empty object.
    pub fn new() -> Object {
        Object(Vec::new())
    }

    /// Add `"key": value` (the caller puts each key once).
    pub fn put(&mut self, key: &str, value: Node) {
        self.0.push(Member {
            key: key.to_string(),
            at: 0,
            value,
        });
    }

    /// The finished object.
    pub fn node(self) -> Node {
        Node::new(Value::Object(self.0))
    }
}

/// True if `a` and `b` are the same JSON, wherever in a text each was read from and in
/// whatever order each object's members were written (a tool that sorts keys changes
/// nothing): how sections a scenario keeps as read are compared.
pub fn same(a: &Node, b: &Node) -> bool {
    match (&a.value, &b.value) {
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter().all(|m| {
                    y.iter()
                        .find(|n| n.key == m.key)
                        .is_some_and(|n| same(&m.value, &n.value))
                })
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(m, n)| same(m, n))
        }
        (x, y) => x == y,
    }
}

/// Parse `text` and read it whole with `read`. A problem comes back as one line: what is
/// wrong, and where (the field's path, the line and column).
pub fn read_text<T>(text: &str, read: fn(Item<'_>) -> Read<T>) -> Result<T, String> {
    let node = parse(text).map_err(|e| e.to_string())?;
    read(Item::root(&node)).map_err(|e| {
        let (line, column) = line_column(text, e.at);
        format!("{e} (line {line}, column {column})")
    })
}

#[cfg(test)]
mod tests;
