//! The writer: a [`Node`] tree as compact or pretty-printed JSON, byte for byte as
//! serde_json writes it (`to_string`, `to_string_pretty`: two-space indent,
//! `"key": value`, `[]` and `{}` when empty, the same string escapes).

use super::{Node, Value};

/// `node` as compact JSON: no spaces or newlines.
pub fn to_string(node: &Node) -> String {
    let mut out = String::new();
    write(&mut out, node, None);
    out
}

/// `node` as pretty-printed JSON, two spaces an indent.
pub fn to_string_pretty(node: &Node) -> String {
    let mut out = String::new();
    write(&mut out, node, Some(0));
    out
}

/// A new line and the indent of `depth` (pretty), or nothing (compact).
fn new_line(out: &mut String, depth: Option<usize>) {
    if let Some(depth) = depth {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    }
}

/// Write `node` at nesting `depth` (`None`: compact).
fn write(out: &mut String, node: &Node, depth: Option<usize>) {
    let inner = depth.map(|d| d.saturating_add(1));
    match &node.value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(text) => out.push_str(text),
        Value::String(s) => write_str(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                new_line(out, inner);
                write(out, item, inner);
            }
            if !items.is_empty() {
                new_line(out, depth);
            }
            out.push(']');
        }
        Value::Object(members) => {
            out.push('{');
            for (i, member) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                new_line(out, inner);
                write_str(out, &member.key);
                out.push(':');
                if depth.is_some() {
                    out.push(' ');
                }
                write(out, &member.value, inner);
            }
            if !members.is_empty() {
                new_line(out, depth);
            }
            out.push('}');
        }
    }
}

/// `s` as a JSON string: quotes, backslashes and control characters escaped, everything
/// else (all of Unicode) as it is.
fn write_str(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0'..='\u{1f}' => {
                let b = u32::from(c);
                out.push_str("\\u00");
                for nibble in [b >> 4, b & 0xf] {
                    let digit = usize::try_from(nibble)
                        .ok()
                        .and_then(|i| HEX.get(i))
                        .copied()
                        .unwrap_or(b'0');
                    out.push(char::from(digit));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
