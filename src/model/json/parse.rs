//! The parser: text → [`Node`] tree, or a [`JsonError`] with line and column.

use std::fmt;

use super::{Member, Node, Value};

/// The deepest nesting of arrays and objects accepted (as serde_json: 127 levels), so
/// hostile input cannot overflow the stack.
pub const MAX_DEPTH: usize = 127;

/// What kind of problem a [`JsonError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The text ends too early (cut short).
    Eof,
    /// Not JSON.
    Syntax,
    /// An object repeats a key.
    Duplicate,
    /// More values than the reader allows ([`parse_bounded`]): the parser stopped there.
    TooMany,
}

/// Why a text is not JSON, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// What kind of problem it is.
    pub kind: ErrorKind,
    /// What is wrong.
    pub message: String,
    /// Byte offset of the problem.
    pub at: usize,
    /// 1-based line of the problem.
    pub line: usize,
    /// 1-based column (in characters) of the problem.
    pub column: usize,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} (line {}, column {})",
            self.message, self.line, self.column
        )
    }
}

impl std::error::Error for JsonError {}

/// The 1-based line and column (in characters) of byte offset `at` in `text`; an offset
/// past the end is taken as the end.
pub fn line_column(text: &str, at: usize) -> (usize, usize) {
    let mut end = at.min(text.len());
    while !text.is_char_boundary(end) {
        end = end.saturating_sub(1);
    }
    let before = text.get(..end).unwrap_or_default();
    let line_start = before.rfind('\n').map_or(0, |i| i.saturating_add(1));
    let line = before.matches('\n').count().saturating_add(1);
    let column = before
        .get(line_start..)
        .unwrap_or_default()
        .chars()
        .count()
        .saturating_add(1);
    (line, column)
}

/// Parse `text` as one JSON value (surrounding whitespace allowed, nothing else).
pub fn parse(text: &str) -> Result<Node, JsonError> {
    parse_bounded(text, usize::MAX)
}

/// Parse `text` as [`parse`] does, but stop with an error of kind [`ErrorKind::TooMany`]
/// at the value after the first `max_values` (every value counts: each object, array,
/// string, number, `true`, `false` and `null`). A tree of n values takes memory in
/// proportion to n, so this bounds what reading a hostile text can cost.
pub fn parse_bounded(text: &str, max_values: usize) -> Result<Node, JsonError> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        depth: 0,
        values_left: max_values,
        max_values,
    };
    let node = p.value()?;
    p.skip_space();
    if p.pos < p.bytes.len() {
        return Err(p.syntax(p.pos, "unexpected text after the end of the JSON value"));
    }
    Ok(node)
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
    values_left: usize,
    max_values: usize,
}

impl Parser<'_> {
    fn error(&self, at: usize, kind: ErrorKind, message: &str) -> JsonError {
        let (line, column) = line_column(self.text, at);
        JsonError {
            kind,
            message: message.to_string(),
            at,
            line,
            column,
        }
    }

    fn syntax(&self, at: usize, message: &str) -> JsonError {
        self.error(at, ErrorKind::Syntax, message)
    }

    fn eof(&self, what: &str) -> JsonError {
        self.error(
            self.bytes.len(),
            ErrorKind::Eof,
            &format!("the text ends in the middle of {what}"),
        )
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn bump(&mut self) {
        self.pos = self.pos.saturating_add(1);
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.bump();
        }
    }

    fn value(&mut self) -> Result<Node, JsonError> {
        self.skip_space();
        let at = self.pos;
        if self.values_left == 0 {
            return Err(self.error(
                at,
                ErrorKind::TooMany,
                &format!(
                    "more than {} values",
                    super::text::thousands(self.max_values)
                ),
            ));
        }
        self.values_left = self.values_left.saturating_sub(1);
        let value = match self.peek() {
            None => return Err(self.eof("a value")),
            Some(b'{') => self.object()?,
            Some(b'[') => self.array()?,
            Some(b'"') => Value::String(self.string()?),
            Some(b't') => self.word("true", Value::Bool(true))?,
            Some(b'f') => self.word("false", Value::Bool(false))?,
            Some(b'n') => self.word("null", Value::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(_) => return Err(self.syntax(at, "expected a value")),
        };
        Ok(Node { at, value })
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, JsonError> {
        let start = self.pos;
        for expected in word.bytes() {
            match self.peek() {
                None => return Err(self.eof("a value")),
                Some(b) if b == expected => self.bump(),
                Some(_) => return Err(self.syntax(start, "expected a value")),
            }
        }
        Ok(value)
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.bump();
        }
        self.pos.saturating_sub(start)
    }

    /// At least one digit, or an error.
    fn some_digits(&mut self) -> Result<(), JsonError> {
        match self.peek() {
            None => Err(self.eof("a number")),
            Some(b'0'..=b'9') => {
                self.digits();
                Ok(())
            }
            Some(_) => Err(self.syntax(self.pos, "invalid number")),
        }
    }

    fn number(&mut self) -> Result<Value, JsonError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.bump();
        }
        match self.peek() {
            None => return Err(self.eof("a number")),
            Some(b'0') => {
                self.bump();
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.syntax(self.pos, "invalid number: leading zero"));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            Some(_) => return Err(self.syntax(self.pos, "invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.bump();
            self.some_digits()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.bump();
            if let Some(b'+' | b'-') = self.peek() {
                self.bump();
            }
            self.some_digits()?;
        }
        let text = self.text.get(start..self.pos).unwrap_or_default();
        Ok(Value::Number(text.to_string()))
    }

    /// Four hex digits of a `\u` escape.
    fn hex4(&mut self) -> Result<u32, JsonError> {
        // Fewer than four characters left: the text was cut short, whatever they are (as
        // serde_json reads it), so a truncated file is reported as truncated.
        if self.bytes.len().saturating_sub(self.pos) < 4 {
            return Err(self.eof("a string"));
        }
        let mut n: u32 = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                None => return Err(self.eof("a string")),
                Some(b) => char::from(b)
                    .to_digit(16)
                    .ok_or_else(|| self.syntax(self.pos, "invalid \\u escape in a string"))?,
            };
            n = n.saturating_mul(16).saturating_add(digit);
            self.bump();
        }
        Ok(n)
    }

    /// The character of a `\u` escape whose `u` has been read (two escapes for a
    /// surrogate pair).
    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let start = self.pos.saturating_sub(2);
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                for expected in [b'\\', b'u'] {
                    match self.peek() {
                        None => return Err(self.eof("a string")),
                        Some(b) if b == expected => self.bump(),
                        Some(_) => {
                            return Err(
                                self.syntax(start, "lone surrogate in a \\u escape in a string")
                            )
                        }
                    }
                }
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.syntax(start, "lone surrogate in a \\u escape in a string"));
                }
                0x10000_u32
                    .saturating_add((first.saturating_sub(0xD800)) << 10)
                    .saturating_add(second.saturating_sub(0xDC00))
            }
            0xDC00..=0xDFFF => {
                return Err(self.syntax(start, "lone surrogate in a \\u escape in a string"))
            }
            n => n,
        };
        char::from_u32(code).ok_or_else(|| self.syntax(start, "invalid \\u escape in a string"))
    }

    /// A string starting at the opening quote.
    fn string(&mut self) -> Result<String, JsonError> {
        self.bump();
        let mut out = String::new();
        let mut run = self.pos;
        loop {
            match self.peek() {
                None => return Err(self.eof("a string")),
                Some(b'"') => {
                    out.push_str(self.text.get(run..self.pos).unwrap_or_default());
                    self.bump();
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(self.text.get(run..self.pos).unwrap_or_default());
                    let escape_at = self.pos;
                    self.bump();
                    let c = match self.peek() {
                        None => return Err(self.eof("a string")),
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.bump();
                            let c = self.unicode_escape()?;
                            out.push(c);
                            run = self.pos;
                            continue;
                        }
                        Some(_) => return Err(self.syntax(escape_at, "invalid escape in a string")),
                    };
                    self.bump();
                    out.push(c);
                    run = self.pos;
                }
                Some(0..=0x1f) => {
                    return Err(self.syntax(
                        self.pos,
                        "control character (\\u0000-\\u001F) in a string: escape it",
                    ))
                }
                Some(_) => self.bump(),
            }
        }
    }

    fn enter(&mut self) -> Result<(), JsonError> {
        self.depth = self.depth.saturating_add(1);
        if self.depth > MAX_DEPTH {
            return Err(self.syntax(
                self.pos,
                &format!("arrays and objects nested more than {MAX_DEPTH} deep"),
            ));
        }
        self.bump();
        Ok(())
    }

    fn array(&mut self) -> Result<Value, JsonError> {
        self.enter()?;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.bump();
            self.depth = self.depth.saturating_sub(1);
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.skip_space();
            match self.peek() {
                None => return Err(self.eof("an array")),
                Some(b',') => {
                    self.bump();
                    self.skip_space();
                    if self.peek() == Some(b']') {
                        return Err(self.syntax(self.pos, "trailing comma in an array"));
                    }
                }
                Some(b']') => {
                    self.bump();
                    self.depth = self.depth.saturating_sub(1);
                    return Ok(Value::Array(items));
                }
                Some(_) => return Err(self.syntax(self.pos, "expected `,` or `]` in an array")),
            }
        }
    }

    fn object(&mut self) -> Result<Value, JsonError> {
        self.enter()?;
        let mut members = Vec::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.bump();
            self.depth = self.depth.saturating_sub(1);
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_space();
            let at = self.pos;
            match self.peek() {
                None => return Err(self.eof("an object")),
                Some(b'"') => {}
                Some(b'}') => return Err(self.syntax(at, "trailing comma in an object")),
                Some(_) => return Err(self.syntax(at, "expected a key (a string) in an object")),
            }
            let key = self.string()?;
            self.skip_space();
            match self.peek() {
                None => return Err(self.eof("an object")),
                Some(b':') => self.bump(),
                Some(_) => return Err(self.syntax(self.pos, "expected `:` after a key")),
            }
            let value = self.value()?;
            members.push(Member { key, at, value });
            self.skip_space();
            match self.peek() {
                None => return Err(self.eof("an object")),
                Some(b',') => self.bump(),
                Some(b'}') => {
                    self.bump();
                    self.depth = self.depth.saturating_sub(1);
                    self.no_repeats(&members)?;
                    return Ok(Value::Object(members));
                }
                Some(_) => return Err(self.syntax(self.pos, "expected `,` or `}` in an object")),
            }
        }
    }

    /// An error at the first key that repeats an earlier one (sorting, so a hostile
    /// object with many keys costs n log n, not n²).
    fn no_repeats(&self, members: &[Member]) -> Result<(), JsonError> {
        if members.len() < 2 {
            return Ok(());
        }
        let mut keys: Vec<(&str, usize)> = members.iter().map(|m| (m.key.as_str(), m.at)).collect();
        keys.sort_unstable();
        let repeat = keys
            .windows(2)
            .filter_map(|w| match w {
                [(a, _), (b, at)] if a == b => Some((*at, *b)),
                _ => None,
            })
            .min();
        match repeat {
            Some((at, key)) => Err(self.error(
                at,
                ErrorKind::Duplicate,
                &format!("duplicate field `{}`", super::shorten(key)),
            )),
            None => Ok(()),
        }
    }
}
