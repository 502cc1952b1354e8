//! Reading typed values out of a [`Node`] tree, with errors that name the field.
//!
//! An [`Item`] is a node together with its path from the root (`expenditure[ict].driver`),
//! kept on the stack as a chain of borrowed segments so nothing is allocated unless an
//! error has to be described. Each scenario type reads itself with plain calls:
//!
//! ```ignore
//! let o = item.object(&["base_year", "years"])?;
//! Horizon { base_year: FinancialYear::from_node(o.req("base_year")?)?, years: o.req("years")?.u8()? }
//! ```

use std::fmt;

use super::parse::line_column;
use super::{shorten, text::thousands, Member, Node, Value};
use crate::model::error::ModelError;

/// The most entries a list or map read with [`Item::entries`] or [`Item::map`] may hold:
/// far more than any real plan has (the Nottinghamshire baseline's longest list has 14),
/// few enough that checking a list against itself stays cheap.
pub const MAX_ENTRIES: usize = 1_000;

/// Why a value could not be read, where it is in the file and which field it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// The field path, for example `expenditure[ict].base_amount` (empty: the root).
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// Byte offset of the offending value in the text it was read from.
    pub at: usize,
}

impl ReadError {
    /// The error as a model error at its path (`root` if it has none), with the line and
    /// column in `text`.
    pub fn locate(self, text: &str, root: &str) -> ModelError {
        let (line, column) = line_column(text, self.at);
        let path = if self.path.is_empty() {
            root.to_string()
        } else {
            self.path
        };
        ModelError::new(
            path,
            format!("{} (line {line}, column {column})", self.message),
        )
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// The result of reading a value (the error boxed, so a result is little bigger than
/// the value).
pub type Read<T> = Result<T, Box<ReadError>>;

/// One step of a path.
#[derive(Debug, Clone, Copy)]
enum Step<'a> {
    /// The value read first.
    Root,
    /// An object's member: `.key`.
    Key(&'a str),
    /// An array's element, by its `id` if it has one: `[ict]` or `[2]`.
    Element(usize, Option<&'a str>),
}

/// Where a value is: its step and the path of the value holding it.
#[derive(Debug, Clone, Copy)]
struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    step: Step<'a>,
}

impl Path<'_> {
    fn render(&self) -> String {
        let mut steps = Vec::new();
        let mut at = Some(self);
        while let Some(p) = at {
            steps.push(p.step);
            at = p.parent;
        }
        let mut out = String::new();
        for step in steps.iter().rev() {
            match step {
                Step::Root => {}
                Step::Key(key) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(&shorten(key));
                }
                Step::Element(_, Some(id)) => {
                    out.push('[');
                    out.push_str(&shorten(id));
                    out.push(']');
                }
                Step::Element(i, None) => out.push_str(&format!("[{i}]")),
            }
        }
        out
    }
}

/// A value being read, and its path.
#[derive(Debug, Clone, Copy)]
pub struct Item<'a> {
    /// The value.
    pub node: &'a Node,
    path: Path<'a>,
}

/// A JSON value's kind and (for scalars) the value itself, shortened, for messages.
fn describe(node: &Node) -> String {
    match &node.value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) => format!("number `{}`", shorten(n)),
        Value::String(s) => format!("string {:?}", shorten(s)),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// "`a`", "`a` or `b`", "one of `a`, `b`, `c`".
pub(crate) fn one_of(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.as_slice() {
        [] => "nothing".into(),
        [one] => one.clone(),
        [a, b] => format!("{a} or {b}"),
        all => format!("one of {}", all.join(", ")),
    }
}

impl<'a> Item<'a> {
    /// The whole tree, read from the top.
    pub fn root(node: &'a Node) -> Item<'a> {
        Item {
            node,
            path: Path {
                parent: None,
                step: Step::Root,
            },
        }
    }

    /// An error about this value.
    pub fn error(&self, message: impl Into<String>) -> Box<ReadError> {
        self.error_at(self.node.at, message.into())
    }

    /// An error about this value, at byte offset `at` (its key, for a bad key).
    pub fn error_at(&self, at: usize, message: String) -> Box<ReadError> {
        Box::new(ReadError {
            path: self.path.render(),
            message,
            at,
        })
    }

    /// The error for a value of the wrong kind.
    pub fn invalid_type(&self, expected: &str) -> Box<ReadError> {
        self.error(format!(
            "invalid type: {}, expected {expected}",
            describe(self.node)
        ))
    }

    /// True for `null`.
    pub fn is_null(&self) -> bool {
        self.node.value == Value::Null
    }

    /// A string.
    pub fn str(&self) -> Read<&'a str> {
        match &self.node.value {
            Value::String(s) => Ok(s),
            _ => Err(self.invalid_type("a string")),
        }
    }

    /// A string, copied.
    pub fn string(&self) -> Read<String> {
        self.str().map(str::to_string)
    }

    /// `true` or `false`.
    pub fn bool(&self) -> Read<bool> {
        match self.node.value {
            Value::Bool(b) => Ok(b),
            _ => Err(self.invalid_type("a boolean (true or false)")),
        }
    }

    /// A whole number from `min` to `max`, written without a fraction or exponent.
    pub fn integer(&self, min: i64, max: i64) -> Read<i64> {
        let expected = || format!("a whole number from {min} to {max}");
        let Value::Number(text) = &self.node.value else {
            return Err(self.invalid_type(&expected()));
        };
        if text.contains(['.', 'e', 'E']) {
            return Err(self.invalid_type(&expected()));
        }
        match text.parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => Ok(n),
            _ => Err(self.error(format!(
                "invalid value: number `{}`, expected {}",
                shorten(text),
                expected()
            ))),
        }
    }

    /// A whole number from 0 to 255.
    pub fn u8(&self) -> Read<u8> {
        let n = self.integer(0, u8::MAX.into())?;
        u8::try_from(n).map_err(|_| self.invalid_type("a whole number"))
    }

    /// A whole number from 0 to 65535.
    pub fn u16(&self) -> Read<u16> {
        let n = self.integer(0, u16::MAX.into())?;
        u16::try_from(n).map_err(|_| self.invalid_type("a whole number"))
    }

    /// A whole number from 0 to 4294967295.
    pub fn u32(&self) -> Read<u32> {
        let n = self.integer(0, u32::MAX.into())?;
        u32::try_from(n).map_err(|_| self.invalid_type("a whole number"))
    }

    /// Any whole number that fits in 64 bits.
    pub fn i64(&self) -> Read<i64> {
        self.integer(i64::MIN, i64::MAX)
    }

    /// An object whose keys are all among `known`.
    pub fn object(&self, known: &'static [&'static str]) -> Read<Fields<'a>> {
        let members = self.members()?;
        if let Some(m) = members.iter().find(|m| !known.contains(&m.key.as_str())) {
            return Err(self.member(m).error_at(
                m.at,
                format!(
                    "unknown field `{}`, expected {}",
                    shorten(&m.key),
                    one_of(known)
                ),
            ));
        }
        Ok(Fields {
            item: *self,
            members,
        })
    }

    /// An object's members, whatever the keys (for maps keyed by year or name).
    pub fn members(&self) -> Read<&'a [Member]> {
        match &self.node.value {
            Value::Object(members) => Ok(members),
            _ => Err(self.invalid_type("an object")),
        }
    }

    /// One of this object's members, as an item.
    pub fn member<'b>(&'b self, member: &'b Member) -> Item<'b> {
        Item {
            node: &member.value,
            path: Path {
                parent: Some(&self.path),
                step: Step::Key(&member.key),
            },
        }
    }

    /// An array's elements.
    pub fn elements(&self) -> Read<&'a [Node]> {
        match &self.node.value {
            Value::Array(items) => Ok(items),
            _ => Err(self.invalid_type("an array")),
        }
    }

    /// Element `index` of this array, named by its `id` if it is an object with one.
    pub fn element<'b>(&'b self, index: usize, node: &'b Node) -> Item<'b> {
        Item {
            node,
            path: Path {
                parent: Some(&self.path),
                step: Step::Element(index, node.get("id").and_then(Node::as_str)),
            },
        }
    }

    /// An array of at most [`MAX_ENTRIES`] elements, each read with `read`. A longer one is
    /// refused before any element is read. Every list in a scenario is read this way.
    pub fn entries<T>(&self, read: fn(Item<'_>) -> Read<T>) -> Read<Vec<T>> {
        self.at_most(self.elements()?.len())?;
        self.list(read)
    }

    /// An object read as a map of at most [`MAX_ENTRIES`] members, whatever the keys.
    pub fn map(&self) -> Read<&'a [Member]> {
        let members = self.members()?;
        self.at_most(members.len())?;
        Ok(members)
    }

    /// An error if `len` entries are more than [`MAX_ENTRIES`].
    fn at_most(&self, len: usize) -> Read<()> {
        if len > MAX_ENTRIES {
            return Err(self.error(format!(
                "{} entries, far more than any plan holds (at most {})",
                thousands(len),
                thousands(MAX_ENTRIES)
            )));
        }
        Ok(())
    }

    /// An array of any length, each element read with `read` (for the browser store's
    /// change logs; a scenario's lists use [`Item::entries`]).
    pub fn list<T>(&self, read: fn(Item<'_>) -> Read<T>) -> Read<Vec<T>> {
        let nodes = self.elements()?;
        let mut out = Vec::with_capacity(nodes.len());
        for (i, node) in nodes.iter().enumerate() {
            out.push(read(self.element(i, node))?);
        }
        Ok(out)
    }

    /// A string that must be one of `all`'s names (as `name` gives them).
    pub fn variant<T: Copy>(&self, all: &[T], name: fn(T) -> &'static str) -> Read<T> {
        let text = self.str()?;
        match all.iter().find(|v| name(**v) == text) {
            Some(v) => Ok(*v),
            None => {
                let names: Vec<&str> = all.iter().map(|v| name(*v)).collect();
                Err(self.error(format!(
                    "unknown variant `{}`, expected {}",
                    shorten(text),
                    one_of(&names)
                )))
            }
        }
    }
}

/// An object being read: its members, each key known.
#[derive(Debug, Clone, Copy)]
pub struct Fields<'a> {
    item: Item<'a>,
    members: &'a [Member],
}

impl<'a> Fields<'a> {
    /// The member `key`, if present.
    pub fn opt<'b>(&'b self, key: &str) -> Option<Item<'b>> {
        self.members
            .iter()
            .find(|m| m.key == key)
            .map(|m| self.item.member(m))
    }

    /// The member `key`, which must be present.
    pub fn req<'b>(&'b self, key: &str) -> Read<Item<'b>> {
        self.opt(key)
            .ok_or_else(|| self.item.error(format!("missing field `{key}`")))
    }

    /// The member `key` read with `read`, or the default when absent.
    pub fn or_default<T: Default>(&self, key: &str, read: fn(Item<'_>) -> Read<T>) -> Read<T> {
        match self.opt(key) {
            Some(item) => read(item),
            None => Ok(T::default()),
        }
    }

    /// The member `key` read with `read`, or `None` when absent or `null`.
    pub fn nullable<T>(&self, key: &str, read: fn(Item<'_>) -> Read<T>) -> Read<Option<T>> {
        match self.opt(key) {
            Some(item) if !item.is_null() => read(item).map(Some),
            _ => Ok(None),
        }
    }

    /// The string member `key`, which must be present.
    pub fn string(&self, key: &str) -> Read<String> {
        self.req(key)?.string()
    }

    /// The Decimal member `key` (a JSON string), which must be present.
    pub fn decimal(&self, key: &str) -> Read<rust_decimal::Decimal> {
        crate::model::dec::from_node(self.req(key)?)
    }

    /// The table of values by year `key`, which must be present.
    pub fn year_values(&self, key: &str) -> Read<crate::model::dec::YearValues> {
        crate::model::dec::YearValues::from_node(self.req(key)?)
    }

    /// A string member, or "" when absent.
    pub fn text_or_empty(&self, key: &str) -> Read<String> {
        self.or_default(key, |i| i.string())
    }
}
