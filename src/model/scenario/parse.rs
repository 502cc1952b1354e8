//! Describing a scenario file that is not JSON: one line naming the field being read
//! when the text went wrong, with the line and column.
//!
//! The parser reports where it stopped but not which field it was in, so the text up to
//! that point is re-read to recover the path (`expenditure[2].base_amount`). Files that
//! are JSON but not a scenario are described by the readers in `crate::model::json`.

use crate::model::error::ModelError;
use crate::model::json::{ErrorKind, JsonError};

/// The error for `text`, which failed to parse with `e`.
pub(crate) fn syntax_error(text: &str, e: &JsonError) -> ModelError {
    let at = format!("(line {}, column {})", e.line, e.column);
    match e.kind {
        // A file cut short has no field to blame: the text just stops.
        ErrorKind::Eof => ModelError::new(
            "scenario",
            format!("the file ends too early: it looks truncated {at}"),
        ),
        // Refused where the count ran out, without reading on.
        ErrorKind::TooMany => ModelError::new(
            "scenario",
            format!(
                "the file holds {}, far more than any plan needs, so it was not read further {at}",
                e.message
            ),
        ),
        ErrorKind::Syntax | ErrorKind::Duplicate => {
            // Past the offending character, so a repeated key is in the path.
            let path = path_at(text, e.at.saturating_add(1));
            let path = if path.is_empty() {
                "scenario".to_string()
            } else {
                path
            };
            let message = if e.kind == ErrorKind::Syntax {
                format!("not valid JSON: {} {at}", e.message)
            } else {
                format!("{} {at}", e.message)
            };
            ModelError::new(path, message)
        }
    }
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
}
