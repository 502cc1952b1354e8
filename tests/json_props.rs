//! Property tests of the JSON layer (`planner::model::json`) against serde_json as the
//! oracle: the parser accepts and rejects what serde_json does and reads the same values;
//! the writer's compact and pretty output is byte for byte serde_json's; no input makes
//! the parser panic; every scenario round-trips through its file exactly.

use std::sync::OnceLock;

use planner::model::json::{self, ErrorKind, Node, Value as J};
use planner::model::{baseline, Scenario};
use proptest::prelude::*;
use serde_json::Value;

/// Our tree as a serde_json value (numbers read by serde_json from their text).
fn to_serde(node: &Node) -> Value {
    match &node.value {
        J::Null => Value::Null,
        J::Bool(b) => Value::Bool(*b),
        J::Number(text) => serde_json::from_str(text).unwrap(),
        J::String(s) => Value::String(s.clone()),
        J::Array(items) => Value::Array(items.iter().map(to_serde).collect()),
        J::Object(members) => Value::Object(
            members
                .iter()
                .map(|m| (m.key.clone(), to_serde(&m.value)))
                .collect(),
        ),
    }
}

/// A serde_json value as our tree, keys in serde_json's order.
fn from_serde(v: &Value) -> Node {
    Node::new(match v {
        Value::Null => J::Null,
        Value::Bool(b) => J::Bool(*b),
        Value::Number(n) => J::Number(n.to_string()),
        Value::String(s) => J::String(s.clone()),
        Value::Array(items) => J::Array(items.iter().map(from_serde).collect()),
        Value::Object(map) => J::Object(
            map.iter()
                .map(|(k, v)| json::Member {
                    key: k.clone(),
                    at: 0,
                    value: from_serde(v),
                })
                .collect(),
        ),
    })
}

/// Any JSON value: every kind, awkward strings and numbers, some nesting.
fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        any::<String>().prop_map(Value::String),
        "[\"\\\\\\u{0}-\\u{1f}\\u{7f}a-z£😀]{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec(("[a-e\"\\\\\\n]{0,3}", inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

/// Pieces of JSON, valid and broken, to glue together.
fn token() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        " ",
        "\n",
        "\t",
        "\"a\"",
        "\"b\"",
        "\"\\u00e9\"",
        "\"\\ud83d\\ude00\"",
        "\"\\ud83d\"",
        "\"\\ude00\"",
        "\"\\ud83d\\u0041\"",
        "\"\\\\\"",
        "\"\\x\"",
        "\"\\/\"",
        "\"",
        "\\",
        "\u{1}",
        "é",
        "0",
        "1",
        "-0",
        "01",
        "-",
        "1.5e3",
        "1.",
        ".5",
        "1e400",
        "-1e-400",
        "1E+2",
        "123456789012345678901234567890",
        "true",
        "false",
        "null",
        "nul",
        "tru",
        "x",
        "\"k\":",
        "[]",
        "{}",
        "\u{feff}",
        "\r",
    ])
}

/// Text that is JSON, nearly JSON or far from it.
fn jsonish() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::collection::vec(token(), 0..24).prop_map(|t| t.concat()),
        (
            value(),
            any::<bool>(),
            proptest::collection::vec((any::<usize>(), 0x00u8..0x80), 0..4),
            any::<usize>()
        )
            .prop_map(|(v, pretty, edits, cut)| {
                let text = if pretty {
                    serde_json::to_string_pretty(&v).unwrap()
                } else {
                    serde_json::to_string(&v).unwrap()
                };
                let mut bytes = text.into_bytes();
                for (at, b) in edits {
                    if !bytes.is_empty() {
                        let i = at % bytes.len();
                        bytes[i] = b;
                    }
                }
                if cut % 4 == 0 && !bytes.is_empty() {
                    bytes.truncate(cut % bytes.len());
                }
                String::from_utf8_lossy(&bytes).into_owned()
            }),
    ]
}

/// The parser and serde_json agree on `text`: both accept it and read the same value, or
/// both reject it for the same reason (text cut short, or not). The known differences:
/// serde_json keeps the last of repeated keys where we refuse the object, and refuses
/// numbers beyond f64 (`1e400`) where we keep the text.
fn agree(text: &str) -> Result<(), TestCaseError> {
    let ours = json::parse(text);
    let theirs = serde_json::from_str::<Value>(text);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => prop_assert_eq!(&to_serde(a), b, "{:?}", text),
        (Err(a), Err(b)) => {
            let out_of_range = b.to_string().contains("number out of range");
            if !out_of_range {
                prop_assert_eq!(
                    a.kind == ErrorKind::Eof,
                    b.is_eof(),
                    "{:?}: {} / {}",
                    text,
                    a,
                    b
                );
            }
        }
        (Err(a), Ok(_)) => {
            prop_assert_eq!(a.kind, ErrorKind::Duplicate, "{:?}: {}", text, a);
        }
        (Ok(_), Err(b)) => {
            prop_assert!(
                b.to_string().contains("number out of range"),
                "{:?}: {}",
                text,
                b
            );
        }
    }
    Ok(())
}

fn baseline_scenario() -> &'static Scenario {
    static S: OnceLock<Scenario> = OnceLock::new();
    S.get_or_init(|| baseline::nottinghamshire().unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn the_parser_agrees_with_serde_json_on_jsonish_text(text in jsonish()) {
        agree(&text)?;
    }

    #[test]
    fn the_parser_reads_what_serde_json_writes(v in value(), pretty in any::<bool>()) {
        let text = if pretty {
            serde_json::to_string_pretty(&v).unwrap()
        } else {
            serde_json::to_string(&v).unwrap()
        };
        let node = json::parse(&text).unwrap();
        // Compared with serde_json's own reading: its float parsing does not always
        // give back the float it wrote.
        let theirs: Value = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(to_serde(&node), theirs);
    }

    #[test]
    fn the_writer_writes_what_serde_json_writes(v in value()) {
        let node = from_serde(&v);
        prop_assert_eq!(json::to_string(&node), serde_json::to_string(&v).unwrap());
        prop_assert_eq!(json::to_string_pretty(&node), serde_json::to_string_pretty(&v).unwrap());
    }

    #[test]
    fn parsing_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = json::parse(&text);
        let _ = Scenario::from_json(&text);
    }

    #[test]
    fn parsing_any_string_never_panics(text in any::<String>()) {
        agree(&text)?;
    }

    #[test]
    fn edited_scenarios_round_trip_exactly(
        name in "\\PC{1,40}",
        description in any::<String>(),
        id in "[a-z_]{1,12}",
        line_name in any::<String>(),
        source in any::<String>(),
        pence in any::<i64>(),
        scale in 0u32..=6,
        estimate in any::<bool>(),
        bare in any::<bool>(),
    ) {
        let mut s = baseline_scenario().clone();
        s.name = name;
        s.description = description;
        s.expenditure[0].id = id;
        s.expenditure[1].name = line_name;
        s.expenditure[1].source.text = source;
        s.expenditure[1].source.estimate = estimate;
        s.expenditure[1].base_amount = rust_decimal::Decimal::new(pence, scale);
        if bare {
            s.workforce = None;
            s.collaborations = None;
            for line in &mut s.expenditure {
                line.driver = planner::model::scenario::Driver::FlatCash;
            }
            for line in &mut s.funding {
                line.driver = planner::model::scenario::FundingDriver::FlatCash;
            }
            s.savings.retain(|v| v.kind != planner::model::scenario::SavingKind::Collaborations);
        }
        for text in [s.to_json(), s.to_json_compact()] {
            let node = json::parse(&text).unwrap();
            let back = Scenario::from_node(json::Item::root(&node)).unwrap();
            prop_assert_eq!(&back, &s);
            // And the file is JSON as serde_json reads it, the same value.
            let theirs: Value = serde_json::from_str(&text).unwrap();
            prop_assert_eq!(to_serde(&node), theirs);
        }
    }
}

#[test]
fn the_baseline_round_trips_through_both_formats() {
    let s = baseline_scenario();
    let pretty = s.to_json();
    assert_eq!(&Scenario::from_json(&pretty).unwrap(), s);
    assert_eq!(&Scenario::from_json(&s.to_json_compact()).unwrap(), s);
    // Pretty and compact are the same tree, written as serde_json writes it.
    let v: Value = serde_json::from_str(&pretty).unwrap();
    let compact: Value = serde_json::from_str(&s.to_json_compact()).unwrap();
    assert_eq!(v, compact);
    assert_eq!(
        pretty,
        json::to_string_pretty(&json::parse(&s.to_json_compact()).unwrap())
    );
}
