//! Bad scenario files: each is rejected with one line that names the field and says what
//! is wrong. Never a panic.

use crate::util::engine::{error, small, src};
use serde_json::{json, Value};

/// The message for `small()` after `edit`; it must be a single line.
fn message_after(edit: impl FnOnce(&mut Value)) -> String {
    let mut s = small();
    edit(&mut s);
    let message = error(&s.to_string());
    assert!(!message.contains('\n'), "not one line: {message}");
    message
}

fn assert_has(message: &str, parts: &[&str]) {
    for part in parts {
        assert!(message.contains(part), "'{message}' lacks '{part}'");
    }
}

#[test]
fn the_small_scenario_is_valid() {
    crate::util::engine::scenario(&small());
}

#[test]
fn truncated_file() {
    let text = small().to_string();
    for cut in [1, text.len() / 3, text.len() / 2, text.len() - 1] {
        let message = error(&text[..cut]);
        assert_has(
            &message,
            &["scenario: the file ends too early", "truncated"],
        );
    }
}

#[test]
fn not_json_or_empty() {
    assert_has(&error(""), &["the file is empty"]);
    assert_has(&error(" \n"), &["the file is empty"]);
    assert_has(&error("hello"), &["not valid JSON", "line 1"]);
    assert_has(&error("[1, 2]"), &["JSON but not a scenario"]);
}

#[test]
fn a_number_where_a_decimal_string_belongs() {
    let m = message_after(|s| s["expenditure"][0]["base_amount"] = json!(120000));
    assert_has(
        &m,
        &["expenditure[officers].base_amount", "written as a string"],
    );
    let m = message_after(|s| {
        s["expenditure"][1]["driver"] = json!({"kind": "growth", "growth_pct": {"2023/24": 2.5}});
    });
    assert_has(&m, &["expenditure[ict].driver", "written as a string"]);
    let m = message_after(|s| s["precept"]["tax_base"]["value"] = json!(105));
    assert_has(&m, &["precept.tax_base.value", "written as a string"]);
}

#[test]
fn other_wrong_types() {
    let m = message_after(|s| s["horizon"]["years"] = json!("5"));
    assert_has(&m, &["horizon.years", "invalid type"]);
    let m = message_after(|s| s["expenditure"][0]["category"] = json!("biscuits"));
    assert_has(&m, &["expenditure[officers].category", "biscuits"]);
    let m = message_after(|s| s["horizon"]["base_year"] = json!("2021-22"));
    assert_has(&m, &["horizon.base_year", "not a financial year"]);
    let m = message_after(|s| s["expenditure"][0]["driver"] = json!({"kind": "magic"}));
    assert_has(&m, &["expenditure[officers].driver", "magic"]);
}

#[test]
fn unknown_fields() {
    let m = message_after(|s| s["expenditure"][0]["colour"] = json!("blue"));
    assert_has(
        &m,
        &["expenditure[officers].colour", "unknown field `colour`"],
    );
    let m = message_after(|s| s["precept"]["band_e"] = json!("1"));
    assert_has(&m, &["precept.band_e", "unknown field"]);
    let m = message_after(|s| s["extra"] = json!(1));
    assert_has(&m, &["extra", "unknown field"]);
    let m = message_after(|s| {
        s["expenditure"][0]["driver"] =
            json!({"kind": "pay_award", "group": "officers", "speed": "fast"});
    });
    assert_has(
        &m,
        &["expenditure[officers].driver", "unknown field `speed`"],
    );
}

#[test]
fn missing_fields() {
    let m = message_after(|s| {
        s.as_object_mut().unwrap().remove("precept");
    });
    assert_has(&m, &["missing field `precept`"]);
}

#[test]
fn negative_or_zero_tax_base() {
    let m = message_after(|s| s["precept"]["tax_base"]["value"] = json!("-5"));
    assert_has(&m, &["precept.tax_base", "must be more than 0", "-5"]);
    let m = message_after(|s| s["precept"]["tax_base"]["value"] = json!("0"));
    assert_has(&m, &["precept.tax_base"]);
    let m = message_after(|s| {
        s["precept"]["tax_base_growth_pct"] =
            json!({"value": {"2024/25": "-100"}, "source": src()});
    });
    assert_has(
        &m,
        &[
            "precept.tax_base_growth_pct",
            "2024/25",
            "must stay above 0",
        ],
    );
}

#[test]
fn absurd_percentages() {
    let m = message_after(|s| {
        s["assumptions"]["officer_pay_award_pct"]["value"]["2023/24"] = json!("250");
    });
    assert_has(
        &m,
        &[
            "assumptions.officer_pay_award_pct",
            "2023/24",
            "250% is not a plausible rate",
        ],
    );
    let m = message_after(|s| {
        s["expenditure"][1]["driver"] =
            json!({"kind": "growth", "growth_pct": {"2024/25": "-101"}});
    });
    assert_has(
        &m,
        &["expenditure[ict].driver.growth_pct", "2024/25", "-101%"],
    );
    let m = message_after(|s| s["reserves"]["floor_pct"]["value"] = json!("150"));
    assert_has(&m, &["reserves.floor_pct", "150%"]);
    let m = message_after(|s| {
        s["precept"]["rise_pct"] = json!({"value": {"2023/24": "1000"}, "source": src()});
    });
    assert_has(&m, &["precept.rise_pct", "1000%"]);
}

#[test]
fn values_that_overflow_decimal() {
    // Too many digits for Decimal at all.
    let m = message_after(|s| {
        s["expenditure"][0]["base_amount"] = json!("99999999999999999999999999999999");
    });
    assert_has(
        &m,
        &["expenditure[officers].base_amount", "Decimal can hold"],
    );
    let m = message_after(|s| s["funding"][0]["base_amount"] = json!("1e40"));
    assert_has(&m, &["funding[grant].base_amount", "Decimal can hold"]);
    // Fits in Decimal, but would overflow the arithmetic: beyond any police budget.
    let m = message_after(|s| {
        s["expenditure"][0]["base_amount"] = json!("79228162514264337593543950335");
    });
    assert_has(
        &m,
        &[
            "expenditure[officers].base_amount",
            "beyond any police budget",
        ],
    );
    let m = message_after(|s| {
        s["reserves"]["general_opening"]["value"] = json!("-79228162514264337593543950335");
    });
    assert_has(&m, &["reserves.general_opening"]);
}

#[test]
fn horizon_and_years() {
    let m = message_after(|s| s["horizon"]["years"] = json!(11));
    assert_has(&m, &["horizon.years", "5 to 10 years", "not 11"]);
    let m = message_after(|s| s["horizon"]["years"] = json!(4));
    assert_has(&m, &["horizon.years"]);
    let m = message_after(|s| s["horizon"]["years"] = json!(300));
    assert_has(&m, &["horizon.years", "invalid value"]);
    let m = message_after(|s| {
        s["horizon"]["base_year"] = json!("2095/96");
        s["horizon"]["years"] = json!(5);
    });
    assert_has(&m, &["horizon.years", "2098/99"]);
    let m = message_after(|s| {
        s["assumptions"]["non_pay_inflation_pct"]["value"]["2030/31"] = json!("2");
    });
    assert_has(
        &m,
        &["assumptions.non_pay_inflation_pct", "2030/31", "outside"],
    );
    // Rates apply to the years after the base year; pay awards may give the base year.
    let m = message_after(|s| {
        s["assumptions"]["non_pay_inflation_pct"]["value"]["2022/23"] = json!("2");
    });
    assert_has(&m, &["assumptions.non_pay_inflation_pct", "2022/23"]);
}

#[test]
fn lines_that_do_not_fit_together() {
    let m = message_after(|s| s["expenditure"][1]["id"] = json!("officers"));
    assert_has(&m, &["expenditure[officers].id", "more than one line"]);
    let m = message_after(|s| s["funding"][0]["id"] = json!(" "));
    assert_has(&m, &["funding[0].id", "needs an id"]);
    let m = message_after(|s| {
        s["expenditure"][1]["driver"] =
            json!({"kind": "explicit", "amounts": {"2022/23": "1", "2024/25": "2"}});
    });
    assert_has(
        &m,
        &["expenditure[ict].driver.amounts", "2022/23", "outside"],
    );
    let m = message_after(|s| {
        s["expenditure"][1]["driver"] = json!({"kind": "workforce", "group": "officers"});
    });
    assert_has(&m, &["expenditure[ict].driver", "no workforce section"]);
    let m = message_after(|s| {
        s["expenditure"][1]["driver"] = json!({"kind": "collaboration_contribution"});
    });
    assert_has(
        &m,
        &["expenditure[ict].driver", "no collaborations section"],
    );
    let m = message_after(|s| s["funding"][0]["driver"] = json!({"kind": "uplift_grant"}));
    assert_has(&m, &["funding[grant].driver", "no workforce section"]);
    let m = message_after(|s| {
        s["expenditure"][1]["driver"] = json!({"kind": "explicit", "amounts": {
            "2023/24": "1", "2024/25": "2", "2025/26": "3", "2026/27": "4"}});
        s["expenditure"][1]["pressures"] = json!({"2023/24": "5"});
    });
    assert_has(&m, &["expenditure[ict].pressures", "only apply"]);
}

#[test]
fn precept_that_cannot_be() {
    let m = message_after(|s| s["precept"]["band_d"]["value"] = json!("0"));
    assert_has(&m, &["precept.band_d", "more than £0"]);
    let m = message_after(|s| {
        s["precept"]["rise_gbp"] = json!({"value": {"2024/25": "-500"}, "source": src()});
    });
    assert_has(&m, &["precept.rise_gbp", "2024/25", "Band D would be"]);
    let m = message_after(|s| {
        s["precept"]["rise_gbp"] = json!({"value": {"2024/25": "5"}, "source": src()});
        s["precept"]["rise_pct"] = json!({"value": {"2024/25": "2"}, "source": src()});
    });
    assert_has(&m, &["precept.rise_pct", "2024/25", "not both"]);
}

#[test]
fn wrong_schema_or_no_name() {
    let m = message_after(|s| s["schema"] = json!(3));
    assert_eq!(
        m,
        "this scenario was written by a newer version of the planner (scenario schema 3; \
         this version reads schemas 1 to 2): open it in the newer version"
    );
    let m = message_after(|s| s["schema"] = json!(0));
    assert_has(&m, &["schema: 0 is not a scenario schema"]);
    let m = message_after(|s| s["name"] = json!(""));
    assert_has(&m, &["name", "needs a name"]);
}

#[test]
fn long_bad_values_are_echoed_shortened() {
    let long = "£".repeat(10_000);
    let short = format!("{}…", "£".repeat(39));
    type Edit<'a> = Box<dyn FnOnce(&mut Value) + 'a>;
    let cases: Vec<(&str, Edit<'_>)> = vec![
        (
            "a string where a whole number belongs",
            Box::new(|s| s["horizon"]["years"] = json!(long.clone())),
        ),
        (
            "an unknown field",
            Box::new(|s| s[long.as_str()] = json!(1)),
        ),
        (
            "an unknown category",
            Box::new(|s| s["expenditure"][0]["category"] = json!(long.clone())),
        ),
        (
            "a decimal that is not a number",
            Box::new(|s| s["expenditure"][0]["base_amount"] = json!(long.clone())),
        ),
        (
            "a year that is not a year",
            Box::new(|s| s["assumptions"]["pay_drift_pct"]["value"] = json!({ long.clone(): "1" })),
        ),
        (
            "an id used twice",
            Box::new(|s| {
                s["expenditure"][0]["id"] = json!(long.clone());
                s["expenditure"][1]["id"] = json!(long.clone());
            }),
        ),
        (
            "a bad figure on a line with a long id",
            Box::new(|s| {
                s["expenditure"][1]["id"] = json!(long.clone());
                s["expenditure"][1]["base_amount"] = json!(1000);
            }),
        ),
    ];
    let check = |what: &str, m: &str, short: &str| {
        assert!(
            m.chars().count() < 400,
            "{what}: {} characters: {m}",
            m.chars().count()
        );
        assert!(m.contains(short), "{what}: {m}");
        println!("{what}: {m}");
    };
    for (what, edit) in cases {
        check(what, &message_after(edit), &short);
    }
    let text = small().to_string();
    assert!(text.contains("\"years\":5"));
    let m = error(&text.replace("\"years\":5", &format!("\"years\":{}", "9".repeat(10_000))));
    check(
        "a number 10,000 digits long",
        &m,
        &format!("{}…", "9".repeat(39)),
    );
}
