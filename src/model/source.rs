//! Where a default figure comes from. Every line and assumption in a baseline carries one,
//! and the app shows it: the citation, or an "estimate" badge with the reasoning.

use super::json::{Item, Node, Object, Read};

/// The provenance of a figure.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Source {
    /// The citation (for a published figure) or how the estimate was made.
    pub text: String,
    /// True when the figure is an estimate or derived, not published.
    pub estimate: bool,
}

impl Source {
    /// A published figure and its citation.
    pub fn published(text: impl Into<String>) -> Self {
        Source {
            text: text.into(),
            estimate: false,
        }
    }

    /// An estimate and how it was made.
    pub fn estimate(text: impl Into<String>) -> Self {
        Source {
            text: text.into(),
            estimate: true,
        }
    }

    /// Read `{"text": …, "estimate": …}` (`estimate` defaults to false).
    pub fn from_node(item: Item<'_>) -> Read<Source> {
        let o = item.object(&["text", "estimate"])?;
        Ok(Source {
            text: o.string("text")?,
            estimate: o.or_default("estimate", |i| i.bool())?,
        })
    }

    /// Write as `{"text": …, "estimate": …}`.
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("text", Node::str(&self.text));
        o.put("estimate", Node::bool(self.estimate));
        o.node()
    }
}
