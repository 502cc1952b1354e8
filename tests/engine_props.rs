//! Property tests: for any valid scenario the projection succeeds, every total is the sum
//! of its lines to the penny, the cumulative gap is the running sum of the annual gaps, and
//! a scenario survives a round trip through its JSON file; and the Excel workbook's formulas
//! give the model's figures (`tests/workbook.rs` reads real workbooks back).

use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Map, Value};

use planner::model::engine::{project, Projection};
use planner::model::year::FinancialYear;
use planner::model::Scenario;

fn src() -> Value {
    json!({"text": "generated", "estimate": true})
}

/// A decimal string from `lo..=hi` hundredths of a unit, with `extra` more places.
fn dec(lo: i64, hi: i64) -> impl Strategy<Value = String> {
    (lo..=hi, 0u32..=3).prop_map(|(n, extra)| {
        let scale = 2 + extra;
        Decimal::new(n.saturating_mul(10i64.pow(extra)), scale).to_string()
    })
}

/// A table of values for some of `years`.
fn table(years: Vec<String>, value: BoxedStrategy<String>) -> impl Strategy<Value = Value> {
    let n = years.len();
    proptest::collection::vec(proptest::option::of(value), n).prop_map(move |vals| {
        let mut m = Map::new();
        for (y, v) in years.iter().zip(vals) {
            if let Some(v) = v {
                m.insert(y.clone(), Value::String(v));
            }
        }
        Value::Object(m)
    })
}

/// A table with a value for every one of `years`.
fn full_table(years: Vec<String>, value: BoxedStrategy<String>) -> impl Strategy<Value = Value> {
    let n = years.len();
    proptest::collection::vec(value, n).prop_map(move |vals| {
        Value::Object(
            years
                .iter()
                .cloned()
                .zip(vals.into_iter().map(Value::String))
                .collect(),
        )
    })
}

/// Limits of the generated values: `wide` strays outside what validation accepts.
#[derive(Clone, Copy)]
struct Limits {
    pct: i64,
    amount: i64,
}

const NARROW: Limits = Limits {
    pct: 100_00,
    amount: 1_000_000_000_000_00,
};
const WIDE: Limits = Limits {
    pct: 150_00,
    amount: 10_000_000_000_000_00,
};

fn pct(l: Limits) -> BoxedStrategy<String> {
    dec(-l.pct, l.pct).boxed()
}

fn money(l: Limits) -> BoxedStrategy<String> {
    dec(-l.amount, l.amount).boxed()
}

fn expenditure_line(l: Limits, later: Vec<String>) -> impl Strategy<Value = Value> {
    let drivers = prop_oneof![
        (prop_oneof![Just("officers"), Just("staff")], any::<bool>())
            .prop_map(|(g, drift)| json!({"kind": "pay_award", "group": g, "drift": drift})),
        Just(json!({"kind": "non_pay_inflation"})),
        Just(json!({"kind": "flat_cash"})),
        table(later.clone(), pct(l)).prop_map(|t| json!({"kind": "growth", "growth_pct": t})),
        full_table(later.clone(), money(l)).prop_map(|t| json!({"kind": "explicit", "amounts": t})),
    ];
    let categories = prop_oneof![
        Just("officer_pay"),
        Just("staff_pay"),
        Just("premises"),
        Just("ict"),
        Just("other")
    ];
    (drivers, categories, money(l), table(later, money(l))).prop_map(
        |(driver, category, base, pressures)| {
            let pressures = if driver["kind"] == "explicit" {
                json!({})
            } else {
                pressures
            };
            json!({"id": "", "name": "line", "category": category, "base_amount": base,
                   "driver": driver, "pressures": pressures, "source": src()})
        },
    )
}

fn funding_line(l: Limits, later: Vec<String>) -> impl Strategy<Value = Value> {
    let drivers = prop_oneof![
        Just(json!({"kind": "flat_cash"})),
        table(later.clone(), pct(l)).prop_map(|t| json!({"kind": "growth", "growth_pct": t})),
        full_table(later, money(l)).prop_map(|t| json!({"kind": "explicit", "amounts": t})),
    ];
    (drivers, money(l)).prop_map(|(driver, base)| {
        json!({"id": "", "name": "funding", "category": "specific_grant", "base_amount": base,
               "driver": driver, "source": src()})
    })
}

fn saving(l: Limits, all: Vec<String>) -> impl Strategy<Value = Value> {
    (
        prop_oneof![Just("recurring"), Just("one_off")],
        table(all, money(l)),
    )
        .prop_map(|(kind, amounts)| {
            json!({"id": "", "name": "saving", "kind": kind, "amounts": amounts, "source": src()})
        })
}

fn with_ids(prefix: &str, mut lines: Vec<Value>) -> Value {
    for (i, line) in lines.iter_mut().enumerate() {
        line["id"] = json!(format!("{prefix}{i}"));
    }
    Value::Array(lines)
}

/// A scenario file with `l`'s limits.
fn scenario(l: Limits) -> impl Strategy<Value = Value> {
    (2000u16..=2085, 5u8..=10).prop_flat_map(move |(start, years)| {
        let all: Vec<String> = (0..u16::from(years))
            .map(|n| FinancialYear::new(start + n).unwrap().to_string())
            .collect();
        let later: Vec<String> = all.iter().skip(1).cloned().collect();
        let rise = if l.pct > NARROW.pct {
            dec(-100_00, 200_00).boxed()
        } else {
            dec(0, 50_00).boxed()
        };
        (
            (
                table(all.clone(), pct(l)),
                table(all.clone(), pct(l)),
                table(later.clone(), dec(0, 3_00).boxed()),
                table(later.clone(), pct(l)),
            ),
            proptest::collection::vec(expenditure_line(l, later.clone()), 0..6),
            proptest::collection::vec(funding_line(l, later.clone()), 0..4),
            (
                dec(1, 5_000_00),
                table(later.clone(), rise),
                dec(1_00, 10_000_000_00),
                table(later.clone(), dec(-5_00, 5_00).boxed()),
                table(all.clone(), dec(0, 30_00).boxed()),
            ),
            proptest::collection::vec(saving(l, all.clone()), 0..4),
            (
                dec(0, 1_000_000_000_00),
                dec(0, 1_000_000_000_00),
                table(all.clone(), money(l)),
                dec(0, 10_00),
            ),
        )
            .prop_map(
                move |(awards, exp, fund, (band_d, rises, base, growth, limits), savings, res)| {
                    json!({
                        "schema": 1,
                        "name": "generated",
                        "horizon": {"base_year": all[0], "years": years},
                        "assumptions": {
                            "officer_pay_award_pct": {"value": awards.0, "source": src()},
                            "staff_pay_award_pct": {"value": awards.1, "source": src()},
                            "pay_drift_pct": {"value": awards.2, "source": src()},
                            "non_pay_inflation_pct": {"value": awards.3, "source": src()}
                        },
                        "expenditure": with_ids("e", exp),
                        "funding": with_ids("f", fund),
                        "precept": {
                            "band_d": {"value": band_d, "source": src()},
                            "rise_gbp": {"value": rises, "source": src()},
                            "tax_base": {"value": base, "source": src()},
                            "tax_base_growth_pct": {"value": growth, "source": src()},
                            "referendum_limit_gbp": {"value": limits, "source": src()}
                        },
                        "savings": with_ids("s", savings),
                        "reserves": {
                            "general_opening": {"value": res.0, "source": src()},
                            "earmarked_opening": {"value": res.1, "source": src()},
                            "planned_use_general": {"value": res.2, "source": src()},
                            "floor_pct": {"value": res.3, "source": src()}
                        }
                    })
                },
            )
    })
}

fn check_totals(p: &Projection) {
    let mut cumulative = Decimal::ZERO;
    for y in &p.years {
        let sum: Decimal = y.expenditure.iter().map(|l| l.amount).sum();
        assert_eq!(sum, y.gross_expenditure, "{}", y.year);
        assert_eq!(y.savings.recurring + y.savings.one_off, y.savings.total);
        assert_eq!(y.gross_expenditure - y.savings.total, y.total_expenditure);
        let funding: Decimal = y.funding.iter().map(|l| l.amount).sum();
        assert_eq!(funding + y.precept.income, y.total_funding, "{}", y.year);
        assert_eq!(y.total_expenditure - y.total_funding, y.gap);
        cumulative += y.gap;
        assert_eq!(cumulative, y.cumulative_gap, "{}", y.year);
        assert_eq!(y.gap + y.savings.one_off, y.recurring_gap);
        assert_eq!(y.gap - y.reserves_applied, y.savings_still_to_find);
        assert_eq!(y.reserves.general + y.reserves.earmarked, y.reserves.total);
        assert_eq!(
            y.reserves.floor_breached,
            y.reserves.general < y.reserves.floor
        );
        // Every figure is held to the penny.
        let figures = y
            .expenditure
            .iter()
            .map(|l| l.amount)
            .chain(y.funding.iter().map(|l| l.amount))
            .chain([
                y.gross_expenditure,
                y.total_expenditure,
                y.total_funding,
                y.gap,
                y.cumulative_gap,
                y.precept.income,
                y.precept.band_d,
                y.reserves.general,
                y.reserves.total,
                y.reserves.floor,
            ]);
        for f in figures {
            assert_eq!(f.scale(), 2, "{f} in {}", y.year);
        }
    }
    assert_eq!(p.cumulative_gap(), cumulative);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any scenario within the documented limits validates, projects, and adds up.
    #[test]
    fn valid_scenarios_project_and_add_up(file in scenario(NARROW)) {
        let text = file.to_string();
        let s = Scenario::from_json(&text);
        prop_assert!(s.is_ok(), "{:?}", s.err());
        let s = s.unwrap();
        let p = project(&s);
        prop_assert!(p.is_ok(), "{:?}", p.err());
        let p = p.unwrap();
        prop_assert_eq!(p.years.len(), usize::from(s.horizon.years));
        check_totals(&p);
        // Every formula of the workbook, worked out over the cells it names, gives the
        // model's figure.
        let book = planner::store::workbook::workbook(&s, &p);
        prop_assert!(crate::util::workbook::check_formulas(&book) > 0);
        // The file round-trips.
        let again = Scenario::from_json(&s.to_json()).unwrap();
        prop_assert_eq!(again, s);
    }

    /// Whatever the values, a scenario that passes validation projects without error,
    /// and one that fails is refused with a one-line message.
    #[test]
    fn validation_guards_the_engine(file in scenario(WIDE)) {
        match Scenario::from_json(&file.to_string()) {
            Ok(s) => {
                let p = project(&s);
                prop_assert!(p.is_ok(), "{:?}", p.err());
                check_totals(&p.unwrap());
            }
            Err(e) => {
                let message = e.to_string();
                prop_assert!(!message.contains('\n'));
                prop_assert!(!e.path.is_empty());
            }
        }
    }
}
