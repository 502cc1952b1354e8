//! Plan against outturn (docs/outturn.md §2–3): the `actuals` section read, written and
//! validated (schema 2; schema-1 files read as before), and the variance arithmetic and
//! signs on a hand-computed example and on the baseline's published outturn.

use rust_decimal::dec;
use serde_json::{json, Value};

use crate::util::engine::{d, fy, scenario, small, src};
use planner::model::engine::project;
use planner::model::outturn::variance::{variance, Row, Status, Subject};
use planner::model::outturn::{self, Actuals, Item};
use planner::model::{baseline, Scenario};

fn figure(year: &str, item: &str, value: &str) -> Value {
    json!({"year": year, "item": item, "value": value, "source": src()})
}

/// `small()` (2022/23 to 2026/27) as schema 2 with hand-computable actuals.
/// Why a file of `text` is refused where it enters (`mtfp`, the app's import): the
/// scenario's reader, then its `actuals` section in full.
fn refused(text: &str) -> String {
    outturn::read_file(text.as_bytes()).unwrap_err().to_string()
}

fn with_actuals() -> Scenario {
    let mut s = small();
    s["schema"] = json!(2);
    s["actuals"] = json!({"figures": [
        figure("2022/23", "expenditure[officers]", "121500"),
        figure("2022/23", "expenditure[ict]", "900"),
        figure("2022/23", "funding[grant]", "99000"),
        figure("2022/23", "precept_income", "21000"),
        figure("2022/23", "general_reserve", "4000"),
        figure("2022/23", "savings_delivered", "100"),
        figure("2023/24", "officer_pay_award", "7.5"),
        figure("2023/24", "band_d", "210"),
        figure("2023/24", "total_funding", "125000"),
        figure("2023/24", "net_revenue_spend", "130000"),
        figure("2023/24", "officers", "12"),
    ]});
    scenario(&s)
}

fn row<'a>(rows: &'a [Row], key: &str) -> &'a Row {
    rows.iter()
        .find(|r| r.subject.key() == key)
        .unwrap_or_else(|| panic!("no row {key}"))
}

#[test]
fn variance_is_actual_minus_plan_with_the_sign_rules() {
    let s = with_actuals();
    let p = project(&s).unwrap();
    let years = variance(&s, &p).unwrap();
    assert_eq!(years.len(), 5);
    let y = &years[0].rows;
    // Spending above plan is adverse: officer pay 120,000 planned, 121,500 spent.
    let r = row(y, "expenditure[officers]");
    assert_eq!(
        (r.plan, r.actual, r.variance, r.variance_pct, r.status),
        (
            Some(dec!(120000.00)),
            dec!(121500),
            Some(dec!(1500.00)),
            Some(dec!(1.25)),
            Status::Adverse
        )
    );
    // Spending below plan is favourable: ICT 1,000 planned, 900 spent (-10%).
    let r = row(y, "expenditure[ict]");
    assert_eq!(
        (r.variance, r.variance_pct, r.status),
        (Some(dec!(-100.00)), Some(dec!(-10.00)), Status::Favourable)
    );
    // Funding below plan is adverse: 100,000 planned, 99,000 received.
    let r = row(y, "funding[grant]");
    assert_eq!(
        (r.variance, r.variance_pct, r.status),
        (Some(dec!(-1000.00)), Some(dec!(-1.00)), Status::Adverse)
    );
    // Exactly as planned: precept 105 × £200 = £21,000.
    let r = row(y, "precept_income");
    assert_eq!((r.plan, r.status), (Some(dec!(21000.00)), Status::OnPlan));
    // The totals of the lines with outturn: spending 121,000 planned, 122,400 actual
    // (+1,400, 1,400 ÷ 121,000 = 1.157…% → 1.16%); funding 121,000 and 120,000 (-0.83%).
    let r = row(y, "total[spending]");
    assert_eq!(
        (r.plan, r.actual, r.variance, r.variance_pct, r.status),
        (
            Some(dec!(121000.00)),
            dec!(122400),
            Some(dec!(1400.00)),
            Some(dec!(1.16)),
            Status::Adverse
        )
    );
    let r = row(y, "total[funding]");
    assert_eq!(
        (r.plan, r.actual, r.variance, r.variance_pct, r.status),
        (
            Some(dec!(121000.00)),
            dec!(120000),
            Some(dec!(-1000.00)),
            Some(dec!(-0.83)),
            Status::Adverse
        )
    );
    // Each total follows its group's lines.
    let keys: Vec<String> = y.iter().map(|r| r.subject.key()).collect();
    assert_eq!(
        keys,
        [
            "expenditure[officers]",
            "expenditure[ict]",
            "total[spending]",
            "funding[grant]",
            "precept_income",
            "total[funding]",
            "savings_delivered",
            "general_reserve",
        ]
    );
    // A reserve below plan is adverse; savings above a plan of nothing are favourable,
    // with no % of a zero plan.
    assert_eq!(row(y, "general_reserve").status, Status::Adverse);
    let r = row(y, "savings_delivered");
    assert_eq!(
        (r.plan, r.variance_pct, r.status),
        (Some(dec!(0.00)), None, Status::Favourable)
    );

    let y = &years[1].rows;
    // A pay award above plan is adverse, in percentage points, with no % of a %.
    // Officer pay 2023/24 = 120,000 + 120,000 × ((7 × 7 + 5 × 5) ÷ 12) ÷ 100 = 127,400.
    let r = row(y, "officer_pay_award");
    assert_eq!(
        (r.plan, r.variance, r.variance_pct, r.status),
        (Some(d("7")), Some(dec!(0.5)), None, Status::Adverse)
    );
    // Band D above plan raises more: favourable (+£10, 5%).
    let r = row(y, "band_d");
    assert_eq!(
        (r.variance, r.variance_pct, r.status),
        (Some(dec!(10.00)), Some(dec!(5.00)), Status::Favourable)
    );
    // Net revenue spend 127,400 + 1,100 = 128,500 planned: 130,000 is adverse (1.17%).
    let r = row(y, "net_revenue_spend");
    assert_eq!(
        (r.plan, r.variance_pct, r.status),
        (Some(dec!(128500.00)), Some(dec!(1.17)), Status::Adverse)
    );
    // Total funding 121,000 planned: 125,000 is favourable (4,000 ÷ 121,000 = 3.31%).
    let r = row(y, "total_funding");
    assert_eq!(
        (r.variance_pct, r.status),
        (Some(dec!(3.31)), Status::Favourable)
    );
    // Officers without a workforce section: no plan figure to compare.
    let r = row(y, "officers");
    assert_eq!((r.plan, r.variance, r.status), (None, None, Status::NoPlan));
    assert!(
        !y.iter()
            .any(|r| matches!(r.subject, Subject::SpendingTotal | Subject::FundingTotal)),
        "one line of a group is its own total"
    );
    // The years without actuals are not yet known.
    for y in &years[2..] {
        assert!(y.not_yet_known(), "{}", y.year);
    }
}

#[test]
fn the_baseline_carries_the_published_outturn() {
    let s = baseline::nottinghamshire().unwrap();
    assert_eq!(s.schema, 2);
    let a = Actuals::of(&s).unwrap();
    assert!(
        a.figures.iter().all(|f| !f.source.text.is_empty()),
        "every figure cites its source"
    );
    let p = project(&s).unwrap();
    let years = variance(&s, &p).unwrap();
    let in_year = |y: &str| &years.iter().find(|v| v.year == fy(y)).unwrap().rows;
    // Council tax 2022/23: £84,004,530.53 planned, £85.4m received (+1.66%, favourable).
    let r = row(in_year("2022/23"), "precept_income");
    assert_eq!(
        (r.plan, r.actual, r.variance, r.variance_pct, r.status),
        (
            Some(dec!(84004530.53)),
            dec!(85400000),
            Some(dec!(1395469.47)),
            Some(dec!(1.66)),
            Status::Favourable
        )
    );
    // The 2024/25 officer award: 2.5% planned, 4.75% awarded.
    let r = row(in_year("2024/25"), "officer_pay_award");
    assert_eq!(
        (r.plan, r.actual, r.variance, r.status),
        (Some(d("2.5")), d("4.75"), Some(dec!(2.25)), Status::Adverse)
    );
    // The 2023/24 net budget: £261.7m published, £261,728,737.15 planned.
    let r = row(in_year("2023/24"), "net_revenue_spend");
    assert_eq!(
        (r.variance, r.status),
        (Some(dec!(-28737.15)), Status::Favourable)
    );
    // Band D as planned every year, and officers at 31 March 2022 and 2023.
    for y in ["2022/23", "2023/24", "2024/25", "2025/26"] {
        assert_eq!(row(in_year(y), "band_d").status, Status::OnPlan, "{y}");
    }
    assert_eq!(row(in_year("2022/23"), "officers").plan, Some(d("2439")));
}

#[test]
fn a_schema_1_file_reads_and_writes_as_before() {
    let text = small().to_string();
    let s = Scenario::from_json(&text).unwrap();
    assert_eq!((s.schema, s.actuals.is_none()), (1, true));
    let written = s.to_json_compact();
    assert!(
        !written.contains("actuals") && written.starts_with(r#"{"schema":1,"#),
        "{written}"
    );
    assert_eq!(Scenario::from_json(&written).unwrap(), s);
    // A schema-1 file may not carry the new section or categories.
    let mut v = small();
    v["actuals"] = json!({"figures": []});
    assert_eq!(
        refused(&v.to_string()),
        "actuals: a scenario with actuals is schema 2 or later: write \"schema\": 2"
    );
    let mut v = small();
    v["funding"][0]["category"] = json!("precept_grant");
    assert_eq!(
        refused(&v.to_string()),
        "funding[grant].category: the category `precept_grant` is new in scenario schema 2: \
         write \"schema\": 2"
    );
    v["schema"] = json!(2);
    assert!(Scenario::from_json(&v.to_string()).is_ok());
}

#[test]
fn actuals_round_trip_and_bad_ones_are_named() {
    let s = with_actuals();
    assert_eq!(Scenario::from_json(&s.to_json()).unwrap(), s);
    let b = baseline::nottinghamshire().unwrap();
    assert_eq!(Scenario::from_json(&b.to_json_compact()).unwrap(), b);
    let base = || {
        let mut v = small();
        v["schema"] = json!(2);
        v
    };
    for (figures, expect) in [
        (json!([figure("2030/31", "band_d", "1")]), "actuals.figures[band_d] (2030/31): 2030/31 is outside the plan (2022/23 to 2026/27)"),
        (json!([figure("2022/23", "expenditure[nope]", "1")]), "actuals.figures[expenditure[nope]] (2022/23): the scenario has no line `expenditure[nope]`"),
        (json!([figure("2022/23", "band_d", "0")]), "actuals.figures[band_d] (2022/23): Band D must be more than £0 and at most £100,000"),
        (json!([figure("2022/23", "precept_income", "1.005")]), "an outturn is in pounds and pence (at most two decimal places)"),
        (json!([figure("2022/23", "officers", "2.5")]), "officers must be a whole number"),
        (json!([figure("2022/23", "tax_base", "1"), figure("2022/23", "tax_base", "2")]), "actuals.figures[tax_base] (2022/23): given twice for this year"),
        (json!([figure("2022/23", "cake", "1")]), "unknown item `cake`"),
    ] {
        let mut v = base();
        v["actuals"] = json!({ "figures": figures });
        let e = refused(&v.to_string());
        assert!(e.contains(expect), "{e}\n  should contain {expect}");
    }
    let mut v = base();
    v["actuals"] =
        json!({"figures": [], "grants": [{"line": "grant", "year": "2023/24", "status": "maybe"}]});
    assert!(refused(&v.to_string())
        .contains("unknown variant `maybe`, expected one of `confirmed`, `indicative`, `assumed`"));
    v["actuals"]["grants"][0]["line"] = json!("nope");
    v["actuals"]["grants"][0]["status"] = json!("confirmed");
    assert!(refused(&v.to_string())
        .contains("actuals.grants[nope]: the scenario has no funding line `nope`"));
}

#[test]
fn items_have_stable_keys() {
    for key in [
        "expenditure[ict]",
        "funding[a]",
        "precept_income",
        "officers",
        "band_d",
    ] {
        assert_eq!(Item::from_key(key).unwrap().key(), key);
    }
    assert_eq!(Item::from_key("expenditure[]"), None);
    assert_eq!(Item::from_key("band_e"), None);
}
