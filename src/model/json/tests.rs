//! Unit tests of the parser and writer, checked against serde_json where it applies.

use super::*;

fn err(text: &str) -> JsonError {
    parse(text).unwrap_err()
}

/// Parse with serde_json, for comparison.
fn serde(text: &str) -> Result<serde_json::Value, serde_json::Error> {
    serde_json::from_str(text)
}

#[test]
fn scalars_and_offsets() {
    let n = parse(" {\"a\": [1, -2.5e3, true, null, \"x\"]} ").unwrap();
    assert_eq!(n.at, 1);
    let a = n.get("a").unwrap();
    assert_eq!(a.at, 7);
    let items = a.as_array().unwrap();
    assert_eq!(items[0].value, Value::Number("1".into()));
    assert_eq!(items[1].value, Value::Number("-2.5e3".into()));
    assert_eq!(items[1].at, 11);
    assert_eq!(items[2].value, Value::Bool(true));
    assert_eq!(items[3].value, Value::Null);
    assert_eq!(items[4].as_str(), Some("x"));
    let Value::Object(members) = &n.value else {
        panic!("not an object")
    };
    assert_eq!(members[0].at, 2);
}

#[test]
fn escapes() {
    let n = parse(r#""a\"b\\c\/d\b\f\n\r\t\u00e9\u0041\ud83d\ude00""#).unwrap();
    assert_eq!(n.as_str(), Some("a\"b\\c/d\u{8}\u{c}\n\r\té\u{41}😀"));
    // Raw non-ASCII passes through.
    assert_eq!(parse("\"£ ☃\"").unwrap().as_str(), Some("£ ☃"));
    for bad in [
        r#""\ud83d""#,
        r#""\ud83d\u0041""#,
        r#""\ude00""#,
        r#""\ud83dx""#,
        r#""\x""#,
        r#""\u12g4""#,
        "\"a\u{1}b\"",
        "\"tab\there\"",
    ] {
        let e = err(bad);
        assert_eq!(e.kind, ErrorKind::Syntax, "{bad}: {e}");
        assert!(serde(bad).is_err(), "{bad}");
    }
    assert_eq!(err(r#""\ud83d"#).kind, ErrorKind::Eof);
    assert_eq!(err(r#""abc"#).kind, ErrorKind::Eof);
    // Fewer than four characters after `\u` is a cut-off text, whatever they are, as
    // serde_json has it (found by the property test against serde_json).
    for cut in [r#""\u00"#, "\"\\u\u{0}", "{\"\":\"\u{7f}a\\u\u{0}"] {
        assert_eq!(err(cut).kind, ErrorKind::Eof, "{cut:?}");
        assert!(serde(cut).is_err_and(|e| e.is_eof()), "{cut:?}");
    }
}

#[test]
fn writes_escapes_as_serde_json_does() {
    let all: String = (0u32..0x80)
        .filter_map(char::from_u32)
        .chain("é😀\u{2028}\u{7f}".chars())
        .collect();
    let node = Node::str(&all);
    assert_eq!(to_string(&node), serde_json::to_string(&all).unwrap());
    assert_eq!(
        parse(&to_string(&node)).unwrap().as_str(),
        Some(all.as_str())
    );
}

#[test]
fn pretty_and_compact_match_serde_json() {
    let text = r#"{"a": [], "b": {}, "c": [1, [2, {}], {"d": null, "e": [true, false]}],
                  "f": "x", "g": {"h": {"i": []}}}"#;
    let ours = parse(text).unwrap();
    let theirs = serde(text).unwrap();
    assert_eq!(to_string(&ours), serde_json::to_string(&theirs).unwrap());
    assert_eq!(
        to_string_pretty(&ours),
        serde_json::to_string_pretty(&theirs).unwrap()
    );
    assert_eq!(to_string_pretty(&parse("[]").unwrap()), "[]");
    assert_eq!(to_string_pretty(&parse("{}").unwrap()), "{}");
}

#[test]
fn depth_limit() {
    let nested = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    assert!(parse(&nested(MAX_DEPTH)).is_ok());
    assert!(serde(&nested(MAX_DEPTH)).is_ok());
    let e = err(&nested(MAX_DEPTH + 1));
    assert_eq!(e.kind, ErrorKind::Syntax);
    assert!(e.message.contains("nested"), "{e}");
    assert!(serde(&nested(MAX_DEPTH + 1)).is_err());
    // Far deeper than any stack: still just an error.
    assert!(parse(&"[{\"a\":".repeat(100_000)).is_err());
    let objects = format!("{}1{}", "{\"a\":".repeat(MAX_DEPTH), "}".repeat(MAX_DEPTH));
    assert!(parse(&objects).is_ok());
}

#[test]
fn duplicate_keys() {
    let e = err(r#"{"a": 1, "b": {"x": 1, "y": 2, "x": 3}, "a": 2}"#);
    assert_eq!(e.kind, ErrorKind::Duplicate);
    assert_eq!(e.message, "duplicate field `x`");
    assert_eq!(e.at, 31);
    let e = err(r#"{"b": 1, "a": 1, "c": 1, "a": 2, "b": 3}"#);
    assert_eq!(e.message, "duplicate field `a`");
    // Many keys: found without comparing every pair.
    let many: Vec<String> = (0..50_000).map(|i| format!("\"k{i}\": {i}")).collect();
    assert!(parse(&format!("{{{}}}", many.join(","))).is_ok());
    let e = err(&format!("{{{}, \"k7\": 0}}", many.join(",")));
    assert_eq!(e.message, "duplicate field `k7`");
}

#[test]
fn lines_and_columns() {
    let e = err("{\n  \"a\": 1,\n  \"b\": tru x\n}");
    assert_eq!((e.line, e.column), (3, 8));
    assert_eq!(e.to_string(), "expected a value (line 3, column 8)");
    // Columns count characters, not bytes.
    let e = err("[\"££\", x]");
    assert_eq!((e.line, e.column), (1, 8));
    assert_eq!(line_column("ab\ncd", 4), (2, 2));
    assert_eq!(line_column("ab", 99), (1, 3));
    assert_eq!(line_column("£", 1), (1, 1));
}

#[test]
fn eof_and_syntax_errors() {
    for eof in [
        "",
        " ",
        "[",
        "[1,",
        "{\"a\"",
        "{\"a\":",
        "{\"a\": 1",
        "tr",
        "-",
        "1.",
        "1e",
        "\"",
        "[1",
        "{",
    ] {
        assert_eq!(err(eof).kind, ErrorKind::Eof, "{eof:?}");
        let s = serde(eof).unwrap_err();
        assert!(s.is_eof(), "{eof:?}: {s}");
    }
    for bad in [
        "hello",
        "[1,]",
        "{\"a\":1,}",
        "[1 2]",
        "{1: 2}",
        "01",
        "1.x",
        "[1]]",
        "nul!",
        "+1",
        ".5",
        "{\"a\" 1}",
        "1 2",
        "\u{feff}1",
        "[\"a\"\"b\"]",
    ] {
        assert_eq!(err(bad).kind, ErrorKind::Syntax, "{bad:?}");
        let s = serde(bad).unwrap_err();
        assert!(s.is_syntax(), "{bad:?}: {s}");
    }
}

#[test]
fn numbers_keep_their_text() {
    for text in [
        "0",
        "-0",
        "12",
        "-3.25",
        "1e5",
        "1E+5",
        "2.5e-3",
        "123456789012345678901234567890",
    ] {
        assert_eq!(parse(text).unwrap().value, Value::Number(text.into()));
    }
    assert_eq!(parse("42").unwrap().as_u64(), Some(42));
    assert_eq!(parse("-1").unwrap().as_u64(), None);
    assert_eq!(parse("1.0").unwrap().as_u64(), None);
    assert_eq!(parse("99999999999999999999").unwrap().as_u64(), None);
}

#[test]
fn reading_names_the_field() {
    let text = r#"{"lines": [{"id": "ict", "n": 5}, {"n": "x"}], "k": 300}"#;
    let node = parse(text).unwrap();
    let root = Item::root(&node);
    let o = root.object(&["lines", "k"]).unwrap();
    let lines = o.req("lines").unwrap();
    let read_line = |i: Item<'_>| -> Read<u8> { i.object(&["id", "n"])?.req("n")?.u8() };
    let e = lines.list(read_line).unwrap_err();
    assert_eq!(e.path, "lines[1].n");
    assert!(e.message.starts_with("invalid type: string \"x\""), "{e}");
    let e = o.req("k").unwrap().u8().unwrap_err();
    assert_eq!(e.path, "k");
    assert!(e.message.starts_with("invalid value"), "{e}");
    let e = root.object(&["lines"]).unwrap_err();
    assert_eq!(
        (e.path.as_str(), e.message.as_str()),
        ("k", "unknown field `k`, expected `lines`")
    );
    let e = root
        .object(&["lines", "k", "z"])
        .unwrap()
        .req("z")
        .unwrap_err();
    assert_eq!(
        (e.path.as_str(), e.message.as_str()),
        ("", "missing field `z`")
    );
    let element = lines.elements().unwrap();
    let first = lines.element(0, &element[0]);
    let e = first.object(&["n"]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "lines[ict].id: unknown field `id`, expected `n`"
    );
    assert_eq!(e.at, text.find("\"id\"").unwrap());
}

#[test]
fn building_nodes() {
    let mut o = Object::new();
    o.put("a", Node::int(-3));
    o.put(
        "b",
        Node::array(vec![Node::null(), Node::bool(true), Node::str("q\"")]),
    );
    assert_eq!(to_string(&o.node()), r#"{"a":-3,"b":[null,true,"q\""]}"#);
}
