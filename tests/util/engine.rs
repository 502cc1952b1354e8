//! Helpers shared by the engine tests: a small scenario to vary, and parsing shortcuts.

use std::str::FromStr;

use planner::model::{FinancialYear, Scenario};
use rust_decimal::Decimal;
use serde_json::{json, Value};

/// A Decimal from text.
pub fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

/// A financial year from text.
pub fn fy(text: &str) -> FinancialYear {
    text.parse().unwrap()
}

/// A source object.
pub fn src() -> Value {
    json!({"text": "test", "estimate": true})
}

/// A small valid scenario, 2022/23 to 2026/27, as JSON to edit before parsing.
pub fn small() -> Value {
    json!({
        "schema": 1,
        "name": "small",
        "horizon": {"base_year": "2022/23", "years": 5},
        "assumptions": {
            "officer_pay_award_pct": {"value": {"2022/23": "5", "2023/24": "7"}, "source": src()},
            "staff_pay_award_pct": {"value": {}, "source": src()},
            "pay_drift_pct": {"value": {}, "source": src()},
            "non_pay_inflation_pct": {"value": {"2023/24": "10"}, "source": src()}
        },
        "expenditure": [
            {"id": "officers", "name": "Officer pay", "category": "officer_pay",
             "base_amount": "120000", "driver": {"kind": "pay_award", "group": "officers"},
             "source": src()},
            {"id": "ict", "name": "ICT", "category": "ict", "base_amount": "1000",
             "driver": {"kind": "non_pay_inflation"}, "source": src()}
        ],
        "funding": [
            {"id": "grant", "name": "Core grant", "category": "core_police_grant",
             "base_amount": "100000", "driver": {"kind": "flat_cash"}, "source": src()}
        ],
        "precept": {
            "band_d": {"value": "200", "source": src()},
            "tax_base": {"value": "105", "source": src()}
        },
        "reserves": {
            "general_opening": {"value": "5000", "source": src()},
            "earmarked_opening": {"value": "0", "source": src()},
            "floor_pct": {"value": "2", "source": src()}
        }
    })
}

/// Parse and validate a scenario given as JSON.
pub fn scenario(value: &Value) -> Scenario {
    Scenario::from_json(&value.to_string()).unwrap()
}

/// The error message `from_json` gives for `text`.
pub fn error(text: &str) -> String {
    Scenario::from_json(text).unwrap_err().to_string()
}
