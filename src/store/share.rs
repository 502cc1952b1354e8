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

use super::pack::{self, Unpack};
use crate::model::scenario::Scenario;

/// What a share fragment starts with (after `#`).
pub const PREFIX: &str = "share=";
/// The link format version this build writes.
pub const VERSION: &str = "1";
/// The longest share fragment accepted or made, in characters. Browsers take far longer
/// URLs; this keeps a link something an email client will carry.
pub const MAX_LINK_CHARS: usize = 60_000;
/// The most a shared scenario may inflate to, in bytes.
pub const MAX_SCENARIO_BYTES: usize = 1_000_000;

/// The fragment (without `#`) that carries `scenario`, or why it cannot be shared.
pub fn encode(scenario: &Scenario) -> Result<String, String> {
    let packed = pack::pack(&scenario.to_json_compact(), pack::LINK_LEVEL);
    let fragment = format!("{PREFIX}{VERSION}.{packed}");
    if fragment.len() > MAX_LINK_CHARS {
        return Err(format!(
            "This scenario is too large to share as a link ({} characters; the limit is {MAX_LINK_CHARS}). Export it as JSON instead.",
            fragment.len()
        ));
    }
    Ok(fragment)
}

/// True if `fragment` (with or without its `#`) is meant as a share link.
pub fn is_share_fragment(fragment: &str) -> bool {
    fragment.trim_start_matches('#').starts_with(PREFIX)
}

/// The scenario in a share fragment (with or without its `#`), or a message saying what
/// is wrong with the link.
pub fn decode(fragment: &str) -> Result<Scenario, String> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_LINK_CHARS {
        return Err(format!(
            "This share link is too long ({} characters; the most a link may carry is {MAX_LINK_CHARS}).",
            fragment.len()
        ));
    }
    let rest = fragment
        .strip_prefix(PREFIX)
        .ok_or_else(|| "This is not a share link.".to_string())?;
    let (version, data) = rest
        .split_once('.')
        .ok_or_else(|| "This share link is damaged: it has no version.".to_string())?;
    if version != VERSION {
        return Err(format!(
            "This share link was made by another version of the planner (link format '{}'; this version reads '{VERSION}').",
            version.chars().take(12).collect::<String>()
        ));
    }
    let bytes = pack::unpack_bytes(data, MAX_SCENARIO_BYTES).map_err(|e| match e {
        Unpack::NotBase64 => {
            "This share link is damaged: it has characters a link cannot carry, or was \
                              cut short (copy the whole link)."
                .to_string()
        }
        Unpack::NotDeflate => {
            "This share link is damaged: its data cannot be unpacked (was it cut short?)."
                .to_string()
        }
        Unpack::TooLarge => {
            format!("This share link's scenario is too large (over {MAX_SCENARIO_BYTES} bytes).")
        }
        Unpack::NotText => "This share link is damaged: its data is not text.".to_string(),
    })?;
    let text = crate::model::json::decode(&bytes)
        .map_err(|_| "This share link is damaged: its data is not text.".to_string())?;
    Scenario::from_json(text)
        .map_err(|e| format!("This share link's scenario could not be read: {e}."))
}
