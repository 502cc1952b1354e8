//! Strict parsing of a scenario file, with errors that name the field.
//!
//! serde_json reports where it stopped (line and column) but not which field it was in, so
//! on failure the text up to that point is re-read to recover the path
//! (`expenditure[2].base_amount`).

use serde_json::error::Category;

use super::Scenario;
use crate::model::error::{ModelError, ModelResult};

/// Parse `text` as a schema-1 scenario, without validating ranges.
pub(super) fn from_json(text: &str) -> ModelResult<Scenario> {
    serde_json::from_str(text).map_err(|e| describe(text, &e))
}

fn describe(text: &str, e: &serde_json::Error) -> ModelError {
    // A file cut short has no field to blame: the text just stops.
    let path = if e.classify() == Category::Eof {
        String::new()
    } else {
        path_at(text, offset(text, e.line(), e.column()))
    };
    let path = if path.is_empty() {
        "scenario".to_string()
    } else {
        path
    };
    let message = match e.classify() {
        Category::Eof => "the file ends too early: it looks truncated".to_string(),
        Category::Io => "the file could not be read".to_string(),
        Category::Syntax => format!("not valid JSON: {}", bare_message(e)),
        Category::Data => bare_message(e),
    };
    ModelError::new(
        path,
        format!("{message} (line {}, column {})", e.line(), e.column()),
    )
}

/// serde_json's message without its trailing " at line L column C".
fn bare_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(at) => full.get(..at).unwrap_or(&full).to_string(),
        None => full,
    }
}

/// Byte offset of 1-based `line` and `column` in `text`, clamped to the text.
fn offset(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let mut at = line_start.saturating_add(column).min(text.len());
    while !text.is_char_boundary(at) {
        at = at.saturating_sub(1);
    }
    at
}

#[derive(Clone)]
enum Frame {
    Object {
        key: Option<String>,
        expect_key: bool,
        id: Option<String>,
    },
    Array {
        index: usize,
    },
}

/// The JSON path of the value being read at byte `end`: a light re-scan of the text that
/// tracks objects, arrays, keys and element indices. An element of an array that has an
/// `id` (read before or after `end`) is named by it: `expenditure[ict]`.
fn path_at(text: &str, end: usize) -> String {
    let mut stack: Vec<Frame> = Vec::new();
    // The stack as it stood at `end`, and how much of it is still open since then.
    let mut at_end: Option<(Vec<Frame>, usize)> = None;
    let mut chars = text.char_indices();
    while let Some((offset, c)) = chars.next() {
        if at_end.is_none() && offset >= end {
            let open = stack.len();
            at_end = Some((stack.clone(), open));
        }
        match c {
            '"' => {
                let mut s = String::new();
                let mut escaped = false;
                for (_, c) in chars.by_ref() {
                    if escaped {
                        escaped = false;
                        s.push(c);
                    } else if c == '\\' {
                        escaped = true;
                    } else if c == '"' {
                        break;
                    } else {
                        s.push(c);
                    }
                }
                let depth = stack.len();
                if let Some(Frame::Object {
                    key,
                    expect_key,
                    id,
                }) = stack.last_mut()
                {
                    if *expect_key {
                        *key = Some(s);
                    } else if key.as_deref() == Some("id") {
                        if let Some((frames, open)) = at_end.as_mut() {
                            // An id read after `end`, for an object open at `end`.
                            if depth <= *open {
                                if let Some(Frame::Object { id, .. }) =
                                    frames.get_mut(depth.saturating_sub(1))
                                {
                                    *id = Some(s.clone());
                                }
                            }
                        }
                        *id = Some(s);
                    }
                }
            }
            '{' => stack.push(Frame::Object {
                key: None,
                expect_key: true,
                id: None,
            }),
            '[' => stack.push(Frame::Array { index: 0 }),
            '}' | ']' => {
                stack.pop();
                if let Some((_, open)) = at_end.as_mut() {
                    *open = (*open).min(stack.len());
                    if *open == 0 {
                        break;
                    }
                }
            }
            ':' => {
                if let Some(Frame::Object { expect_key, .. }) = stack.last_mut() {
                    *expect_key = false;
                }
            }
            ',' => match stack.last_mut() {
                Some(Frame::Object { expect_key, .. }) => *expect_key = true,
                Some(Frame::Array { index }) => *index = index.saturating_add(1),
                None => {}
            },
            _ => {}
        }
    }
    let frames = at_end.map_or(stack, |(frames, _)| frames);
    let mut path = String::new();
    let mut frames = frames.iter().peekable();
    while let Some(frame) = frames.next() {
        match frame {
            Frame::Object { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => match frames.peek() {
                Some(Frame::Object { id: Some(id), .. }) => path.push_str(&format!("[{id}]")),
                _ => path.push_str(&format!("[{index}]")),
            },
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_path() {
        let text = r#"{"a": {"b": [1, {"c": "x", "d": 5"#;
        assert_eq!(path_at(text, text.len()), "a.b[1].d");
        let text = r#"{"a": "x\"y", "b": [{"c": 1}, {"e""#;
        assert_eq!(path_at(text, text.len()), "b[1].e");
        let text = r#"{"lines": [{"id": "ict", "amount": 5"#;
        assert_eq!(path_at(text, text.len()), "lines[ict].amount");
        // The id may come after the point of failure.
        let text = r#"{"lines": [{"amount": 5, "id": "ict"}, {"id": "x"}], "b": 1}"#;
        let end = text.find('5').unwrap() + 1;
        assert_eq!(path_at(text, end), "lines[ict].amount");
        // But not the id of a later line.
        let text = r#"{"lines": [{"amount": 5}, {"id": "x"}]}"#;
        let end = text.find('5').unwrap() + 1;
        assert_eq!(path_at(text, end), "lines[0].amount");
    }

    #[test]
    fn offsets_are_clamped() {
        assert_eq!(offset("ab\ncd", 2, 1), 4);
        assert_eq!(offset("ab", 9, 9), 2);
    }
}
