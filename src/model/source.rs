//! Where a default figure comes from. Every line and assumption in a baseline carries one,
//! and the app shows it: the citation, or an "estimate" badge with the reasoning.

use serde::{Deserialize, Serialize};

/// The provenance of a figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The citation (for a published figure) or how the estimate was made.
    pub text: String,
    /// True when the figure is an estimate or derived, not published.
    #[serde(default)]
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
}
