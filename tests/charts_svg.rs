//! Property tests of the chart SVG (our plotters backend, `src/charts/svg.rs`): for any
//! figures, names and labels (control characters included), every drawing is well-formed
//! XML of the asked size, writes no float artefacts, and shows every category label (and,
//! in standalone drawings, every named series) as text as given, less any character XML
//! cannot carry.

use proptest::prelude::*;
use rust_decimal::Decimal;

use planner::charts::{to_standalone_svg, to_svg, ChartData, Series, SeriesKind, Unit};

/// Text a finance lead might type, with the characters XML cares about and a control
/// character XML cannot carry at all (an imported name may hold one).
fn label() -> impl Strategy<Value = String> {
    prop::string::string_regex("[A-Za-z0-9 &<>\"'£€/().,%−\x01-]{1,24}")
        .unwrap()
        .prop_map(|s| s.trim().to_string())
        .prop_filter("visible", |s| !s.is_empty())
}

fn kind() -> impl Strategy<Value = SeriesKind> {
    prop_oneof![
        Just(SeriesKind::Bar),
        Just(SeriesKind::Line),
        Just(SeriesKind::Dashed),
        Just(SeriesKind::Stacked),
        Just(SeriesKind::Floating),
    ]
}

fn chart() -> impl Strategy<Value = ChartData> {
    (
        1usize..12,
        prop_oneof![Just(Unit::Money), Just(Unit::People)],
    )
        .prop_flat_map(|(n, unit)| {
            let figure = (-5_000_000_000i64..5_000_000_000).prop_map(|p| Decimal::new(p, 2));
            let series = (
                label(),
                kind(),
                0usize..7,
                prop::collection::vec(figure.clone(), n),
                prop::collection::vec(figure, n),
            )
                .prop_map(|(name, kind, colour, values, bases)| {
                    let mut s = Series::new(name, kind, colour, values);
                    if kind == SeriesKind::Floating {
                        s.bases = bases;
                    }
                    s
                });
            (
                prop::collection::vec(label(), n),
                prop::collection::vec(series, 1..5),
            )
                .prop_map(move |(categories, series)| ChartData {
                    id: "p".into(),
                    title: "T".into(),
                    description: "D".into(),
                    categories,
                    unit,
                    series,
                })
        })
}

/// Attributes that carry a number.
const NUMERIC: &[&str] = &[
    "x",
    "y",
    "x1",
    "y1",
    "x2",
    "y2",
    "cx",
    "cy",
    "r",
    "width",
    "height",
    "font-size",
    "stroke-width",
    "fill-opacity",
    "stroke-opacity",
];

/// An optional minus, digits, and at most three decimal places.
fn short_number(v: &str) -> bool {
    let v = v.strip_prefix('-').unwrap_or(v);
    let (whole, fraction) = v.split_once('.').unwrap_or((v, ""));
    !whole.is_empty()
        && whole.chars().all(|c| c.is_ascii_digit())
        && fraction.len() <= 3
        && fraction.chars().all(|c| c.is_ascii_digit())
}

/// `s` as the drawing shows it: without the characters XML cannot carry.
fn drawn(s: &str) -> String {
    s.chars().filter(|c| *c >= ' ').collect()
}

fn texts(doc: &roxmltree::Document) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").to_string())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_drawing_is_well_formed_and_labels_read_as_given(data in chart()) {
        for (svg, standalone) in [
            (to_svg(&data, 720, 400).unwrap(), false),
            (to_standalone_svg(&data, 720, 400).unwrap(), true),
        ] {
            let doc = roxmltree::Document::parse(&svg)
                .unwrap_or_else(|e| panic!("not well-formed XML: {e}\n{svg}"));
            let root = doc.root_element();
            prop_assert!(root.has_tag_name("svg"));
            prop_assert_eq!(root.attribute("width"), Some("720"));
            prop_assert_eq!(root.attribute("height"), Some("400"));
            // Whole pixels and short decimals only: no float artefacts.
            for node in doc.descendants().filter(|n| n.is_element() && !n.has_tag_name("svg")) {
                for a in node.attributes() {
                    let (name, v) = (a.name(), a.value());
                    if NUMERIC.contains(&name) {
                        prop_assert!(short_number(v), "{}={}", name, v);
                    }
                    if name == "points" {
                        for p in v.split(' ') {
                            let (x, y) = p.split_once(',').unwrap();
                            prop_assert!(short_number(x) && short_number(y) && !p.contains('.'), "points {}", v);
                        }
                    }
                }
            }
            let shown = texts(&doc);
            for c in &data.categories {
                prop_assert!(shown.contains(&drawn(c)), "category {:?} not drawn: {:?}", c, shown);
            }
            if standalone && data.series.len() > 1 {
                for s in data.series.iter().filter(|s| s.has_figures()) {
                    prop_assert!(shown.contains(&drawn(&s.name)), "series {:?} not in the legend", s.name);
                }
            }
        }
    }
}
