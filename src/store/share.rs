//! Share links: a scenario carried in a URL's fragment (`#share=1.<data>`), so a what-if
//! can be sent by email with no server involved. The fragment never reaches a web server.
//!
//! `<data>` is the scenario file (`Scenario` as compact JSON) compressed with raw DEFLATE
//! (miniz_oxide, pure Rust) and written in URL-safe base64 without padding. The baseline
//! scenario, about 45 KB of JSON, becomes a link of about 12,600 characters.
//!
//! Decoding takes any text without panicking: links longer than [`MAX_LINK_CHARS`], data
//! that is not base64 or not DEFLATE, data that inflates past [`MAX_SCENARIO_BYTES`]
//! (a "zip bomb"), text that is not UTF-8, a scenario from a newer planner (its schema is
//! checked first) and scenarios that fail validation each come back as a message. The
//! scenario text may start with a byte-order mark, as a file may.

use std::fmt;

use super::pack::{self, Unpack};
use crate::model::scenario::Scenario;
use crate::model::ModelError;

/// What a share fragment starts with (after `#`).
pub const PREFIX: &str = "share=";
/// The link format version this build writes.
pub const VERSION: &str = "1";
/// The longest share fragment accepted or made, in characters. Browsers take far longer
/// URLs; this keeps a link something an email client will carry.
pub const MAX_LINK_CHARS: usize = 60_000;
/// The most a shared scenario may inflate to, in bytes.
pub const MAX_SCENARIO_BYTES: usize = 1_000_000;

/// Why a scenario cannot be shared as a link, or a link cannot be opened. Shown as one
/// sentence saying what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// The scenario's link would be this many characters, over [`MAX_LINK_CHARS`].
    ScenarioTooLarge(usize),
    /// The link is this many characters, over [`MAX_LINK_CHARS`].
    LinkTooLong(usize),
    /// Not a share link at all.
    NotALink,
    /// No `<version>.` before the data.
    NoVersion,
    /// Made by another version of the planner (the link format it names, cut short).
    OtherVersion(String),
    /// The data cannot be unpacked.
    Damaged(Unpack),
    /// The scenario it carries cannot be read.
    Scenario(ModelError),
    /// The scenario it carries reads, but cannot be projected.
    NotProjected(ModelError),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::ScenarioTooLarge(len) => write!(
                f,
                "This scenario is too large to share as a link ({len} characters; the limit is \
                 {MAX_LINK_CHARS}). Export it as JSON instead."
            ),
            ShareError::LinkTooLong(len) => write!(
                f,
                "This share link is too long ({len} characters; the most a link may carry is \
                 {MAX_LINK_CHARS})."
            ),
            ShareError::NotALink => f.write_str("This is not a share link."),
            ShareError::NoVersion => f.write_str("This share link is damaged: it has no version."),
            ShareError::OtherVersion(v) => write!(
                f,
                "This share link was made by another version of the planner (link format \
                 '{v}'; this version reads '{VERSION}')."
            ),
            ShareError::Damaged(Unpack::NotBase64) => f.write_str(
                "This share link is damaged: it has characters a link cannot carry, or was cut \
                 short (copy the whole link).",
            ),
            ShareError::Damaged(Unpack::NotDeflate) => f.write_str(
                "This share link is damaged: its data cannot be unpacked (was it cut short?).",
            ),
            ShareError::Damaged(Unpack::TooLarge) => write!(
                f,
                "This share link's scenario is too large (over {MAX_SCENARIO_BYTES} bytes)."
            ),
            ShareError::Damaged(Unpack::NotText) => {
                f.write_str("This share link is damaged: its data is not text.")
            }
            ShareError::Scenario(e) => {
                write!(f, "This share link's scenario could not be read: {e}.")
            }
            ShareError::NotProjected(e) => {
                write!(f, "This share link's scenario cannot be projected: {e}")
            }
        }
    }
}

/// The fragment (without `#`) that carries `scenario`, or why it cannot be shared.
pub fn encode(scenario: &Scenario) -> Result<String, ShareError> {
    let packed = pack::pack(&scenario.to_json_compact(), pack::LINK_LEVEL);
    let fragment = format!("{PREFIX}{VERSION}.{packed}");
    if fragment.len() > MAX_LINK_CHARS {
        return Err(ShareError::ScenarioTooLarge(fragment.len()));
    }
    Ok(fragment)
}

/// True if `fragment` (with or without its `#`) is meant as a share link.
pub fn is_share_fragment(fragment: &str) -> bool {
    fragment.trim_start_matches('#').starts_with(PREFIX)
}

/// The scenario in a share fragment (with or without its `#`), or what is wrong with the
/// link.
pub fn decode(fragment: &str) -> Result<Scenario, ShareError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_LINK_CHARS {
        return Err(ShareError::LinkTooLong(fragment.len()));
    }
    let rest = fragment.strip_prefix(PREFIX).ok_or(ShareError::NotALink)?;
    let (version, data) = rest.split_once('.').ok_or(ShareError::NoVersion)?;
    if version != VERSION {
        return Err(ShareError::OtherVersion(version.chars().take(12).collect()));
    }
    let bytes = pack::unpack_bytes(data, MAX_SCENARIO_BYTES).map_err(ShareError::Damaged)?;
    let text =
        crate::model::json::decode(&bytes).map_err(|_| ShareError::Damaged(Unpack::NotText))?;
    Scenario::from_json(text).map_err(ShareError::Scenario)
}
