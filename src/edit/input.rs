//! What people type, and how stored figures are shown back to them.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::FieldUnit;
use crate::model::json::shorten;

/// How a stored value is shown in its input: thousands separators for pounds and
/// properties (pence only when there are any), percentages as stored. [`parse_input`]
/// reads every form this writes.
pub fn display_value(v: Decimal, unit: FieldUnit) -> String {
    let v = v.normalize();
    match unit {
        FieldUnit::Pounds | FieldUnit::Properties | FieldUnit::People => {
            let dp = if crate::model::money::is_whole(v) {
                0
            } else {
                v.scale().max(2)
            };
            crate::format::count(v, dp).replace('\u{2212}', "-")
        }
        FieldUnit::Percent | FieldUnit::Years => v.to_string(),
    }
}

/// Parse what a person typed into a field of `unit`. Accepts "1,234.50", "£1,234.50",
/// "4.1%", "-2", "−2" and "(2)"; rejects anything else with a message.
pub fn parse_input(text: &str, unit: FieldUnit) -> Result<Decimal, String> {
    let mut t: String = text
        .trim()
        .chars()
        .filter(|c| *c != ',' && *c != ' ')
        .collect();
    if t.is_empty() {
        return Err("Enter a number".into());
    }
    let mut negative = false;
    if t.starts_with('(') && t.ends_with(')') {
        negative = true;
        t = t.trim_start_matches('(').trim_end_matches(')').to_string();
    }
    for minus in ['-', '\u{2212}'] {
        if let Some(rest) = t.strip_prefix(minus) {
            negative = !negative;
            t = rest.to_string();
        }
    }
    match unit {
        FieldUnit::Pounds => t = t.trim_start_matches('£').to_string(),
        FieldUnit::Percent => t = t.trim_end_matches('%').to_string(),
        FieldUnit::Properties | FieldUnit::Years | FieldUnit::People => {}
    }
    // What was typed, cut to 40 characters: a long paste cannot fill the panel.
    let not_a_number = || format!("'{}' is not a number", shorten(text.trim()));
    if t.is_empty() || !t.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Err(not_a_number());
    }
    let v = Decimal::from_str(&t).map_err(|_| not_a_number())?;
    Ok(if negative { -v } else { v })
}
