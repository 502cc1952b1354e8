//! Each rule docs/model.md, docs/workforce.md and docs/collaborations.md were found to
//! leave out or to state differently from the code (issue 13), with the figure or message
//! the document now gives. One test per item.

use rust_decimal::dec;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;

use crate::util::engine::{d, fy, scenario, small, src};
use planner::model::collab::{self, baseline::from_json as register_from_json};
use planner::model::dec::YearValues;
use planner::model::engine::project;
use planner::model::workforce::{self, GroupPlan, Intake, PayContext, UpliftPlan, WorkforcePlan};
use planner::model::{baseline, FinancialYear, Scenario};
use rust_decimal::Decimal;
use serde_json::{json, Value};

/// A register for `small()` (2022/23 to 2026/27): the force alone in each collaboration.
fn register(collaborations: Value, capital: Value) -> Value {
    json!({"force": "Home", "collaborations": collaborations, "capital": capital})
}

fn alone() -> Value {
    json!({"basis": "fixed_percent", "partners": [{"name": "Home", "weight": "100"}]})
}

fn revenue(id: &str, realised: Value) -> Value {
    json!({"id": id, "name": id, "purpose": "test", "status": "active", "sharing": alone(),
           "start": "2020-04", "total_cost": {"by_year": {"2022/23": "0"}},
           "benefits": {"cashable_realised": realised}})
}

/// `small()` with a register and a saving that takes its realised savings.
fn with_register(register: Value) -> Scenario {
    let mut s = small();
    s["collaborations"] = register;
    s["savings"] = json!([{"id": "register", "name": "From the register", "kind": "collaborations", "source": src()}]);
    scenario(&s)
}

fn error(s: &Value) -> String {
    Scenario::from_json(&s.to_string()).unwrap_err().to_string()
}

// docs/model.md §5 and docs/collaborations.md, Benefits.

#[test]
fn realised_savings_are_rounded_per_collaboration_then_added() {
    // Two collaborations realising £0.004 each: £0.00 each, so £0.00 in all (rounding the
    // total once would have given £0.01).
    let tiny = json!({"2023/24": "0.004"});
    let s = with_register(register(
        json!([revenue("a", tiny.clone()), revenue("b", tiny)]),
        json!([]),
    ));
    let p = project(&s).unwrap();
    assert_eq!(p.year(fy("2023/24")).unwrap().savings.recurring, dec!(0.00));
    // £0.005 each: £0.01 each, £0.02 in all (not £0.01).
    let half = json!({"2023/24": "0.005"});
    let s = with_register(register(
        json!([revenue("a", half.clone()), revenue("b", half)]),
        json!([]),
    ));
    let p = project(&s).unwrap();
    assert_eq!(p.year(fy("2023/24")).unwrap().savings.recurring, dec!(0.02));
}

#[test]
fn capital_collaborations_benefits_count_as_realised_savings() {
    let building = json!({"id": "hq", "name": "HQ", "purpose": "test", "status": "active",
        "sharing": alone(), "cost": "0", "in_use_from": "2022-04", "life_years": 10,
        "interest_pct": "0", "benefits": {"cashable_realised": {"2024/25": "1234.56"}}});
    let s = with_register(register(json!([]), json!([building])));
    let p = project(&s).unwrap();
    assert_eq!(
        p.year(fy("2024/25")).unwrap().savings.recurring,
        dec!(1234.56)
    );
    assert_eq!(p.year(fy("2023/24")).unwrap().savings.recurring, dec!(0.00));
}

// Rules the code enforces that no document stated.

#[test]
fn years_before_2000_01_and_months_before_2000_01_are_refused() {
    let mut s = small();
    s["horizon"]["base_year"] = json!("1999/00");
    let e = error(&s);
    assert!(
        e.contains(
            "'1999/00' is not a financial year: write it as 2021/22 (between 2000/01 and 2098/99)"
        ),
        "{e}"
    );
    let mut r = revenue("a", json!({}));
    r["start"] = json!("1999-12");
    let e = register_from_json(&register(json!([r]), json!([])).to_string())
        .unwrap_err()
        .to_string();
    assert!(
        e.contains(
            "'1999-12' is not a month: write it as 2018-05 (year 2000 to 2099, month 01 to 12)"
        ),
        "{e}"
    );
}

fn officers(progression_pct: YearValues, progression_years: u32) -> WorkforcePlan {
    let group = GroupPlan {
        opening_headcount: dec!(100),
        opening_fte: dec!(100),
        fte_per_head: Decimal::ONE,
        attrition_pct: Decimal::ZERO,
        retirements: YearValues::new(),
        intakes: vec![Intake {
            year: FinancialYear::new(2021).unwrap(),
            start_month: 4,
            count: dec!(10),
        }],
        serving_pay: dec!(40000),
        recruit_pay: dec!(20000),
        progression_years,
        progression_pct,
        employer_ni_pct: YearValues::from_pairs([(
            FinancialYear::new(2021).unwrap(),
            Decimal::ZERO,
        )]),
        employer_pension_pct: YearValues::from_pairs([(
            FinancialYear::new(2021).unwrap(),
            Decimal::ZERO,
        )]),
        training_per_recruit: Decimal::ZERO,
    };
    WorkforcePlan {
        officers: group.clone(),
        staff: group.clone(),
        pcsos: group,
        ..WorkforcePlan::default()
    }
}

fn pay(plan: &WorkforcePlan) -> Vec<Decimal> {
    let years: Vec<FinancialYear> = (2021..2024)
        .map(|y| FinancialYear::new(y).unwrap())
        .collect();
    let none = YearValues::new();
    let p = workforce::project(
        plan,
        PayContext {
            years: &years,
            officer_award_pct: &none,
            staff_award_pct: &none,
        },
    )
    .unwrap();
    p.groups
        .iter()
        .filter(|r| r.group == workforce::Group::Officers)
        .map(|r| r.pay_cost)
        .collect()
}

#[test]
fn progression_pct_must_lie_within_50_percent_either_way() {
    let plan = officers(
        YearValues::from_pairs([(FinancialYear::new(2022).unwrap(), dec!(50.01))]),
        0,
    );
    let e = plan.validate().unwrap_err().to_string();
    assert_eq!(e, "workforce.officers.progression_pct (2022/23): must be between -50% and 50% a year (got 50.01)");
    let plan = officers(
        YearValues::from_pairs([(FinancialYear::new(2022).unwrap(), dec!(-50))]),
        0,
    );
    assert!(plan.validate().is_ok());
}

#[test]
fn only_one_saving_may_take_the_registers_savings() {
    let mut s = small();
    s["collaborations"] = register(json!([]), json!([]));
    let saving =
        |id: &str| json!({"id": id, "name": id, "kind": "collaborations", "source": src()});
    s["savings"] = json!([saving("one"), saving("two")]);
    assert_eq!(
        error(&s),
        "savings[two].kind: only one saving may take the collaboration register's savings (it would count them twice)"
    );
}

#[test]
fn collaboration_growth_must_be_above_minus_100_percent() {
    let mut r = revenue("a", json!({}));
    r["total_cost"]["growth_pct"] = json!("-100");
    let e = register_from_json(&register(json!([r.clone()]), json!([])).to_string())
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "collaborations[a].total_cost.growth_pct: a: growth of -100% must be more than −100% and at most 100%"
    );
    r["total_cost"]["growth_pct"] = json!("-99.99");
    assert!(register_from_json(&register(json!([r]), json!([])).to_string()).is_ok());
}

// What the documents left out.

/// Every field name a scenario file can hold is in the documents, so a scenario can be
/// written from them alone: the precept, reserves, savings, workforce and register
/// sections included.
#[test]
fn every_field_of_the_scenario_file_is_documented() {
    let docs: String = [
        "model.md",
        "workforce.md",
        "collaborations.md",
        "capital.md",
        "resilience.md",
        "outturn.md",
    ]
    .iter()
    .map(|f| {
        std::fs::read_to_string(
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("docs")
                .join(f),
        )
        .unwrap()
    })
    .collect();
    fn keys(v: &Value, under_sources: bool, out: &mut BTreeSet<String>) {
        match v {
            Value::Object(m) => {
                for (k, child) in m {
                    let is_year = k.len() == 7 && k.as_bytes()[4] == b'/';
                    if !is_year && !under_sources {
                        out.insert(k.clone());
                    }
                    keys(child, k == "sources", out);
                }
            }
            Value::Array(a) => a.iter().for_each(|c| keys(c, false, out)),
            _ => {}
        }
    }
    let mut all = BTreeSet::new();
    let mut full: Value =
        serde_json::from_str(&baseline::nottinghamshire().unwrap().to_json()).unwrap();
    // Optional fields the baseline leaves out.
    full["precept"]["rise_pct"] = json!({});
    full["expenditure"][0]["pressures"] = json!({});
    keys(&full, false, &mut all);
    // Fields of a band that tapers, of the `unpaid` groups and of non-cashable benefits.
    for extra in [
        "taper_to_pct",
        "unpaid",
        "non_cashable",
        "description",
        "measure",
        "planned",
        "realised",
        "end",
        "exit_costs",
        "dates_source",
        "revenue_contribution",
        "earmarked_reserve",
        "grants",
        "line",
        "status",
    ] {
        all.insert(extra.to_string());
    }
    let missing: Vec<&String> = all
        .iter()
        .filter(|k| !docs.contains(&format!("`{k}`")))
        .collect();
    assert!(missing.is_empty(), "not in docs/: {missing:?}");
}

#[test]
fn a_missing_progression_years_is_0_serving_average_from_the_second_year() {
    let none = YearValues::new();
    let mut plan = officers(none, 0);
    let explicit_zero = pay(&plan);
    plan.officers.progression_years = 1;
    assert_eq!(pay(&plan), explicit_zero);
    // Read from a file without the field: 0.
    let read = WorkforcePlan::from_node(planner::model::json::Item::root(
        &planner::model::json::parse(&{
            let mut v: Value = serde_json::from_str(&planner::model::json::to_string(
                &officers(YearValues::new(), 0).to_node(),
            ))
            .unwrap();
            v["officers"]
                .as_object_mut()
                .unwrap()
                .remove("progression_years");
            v.to_string()
        })
        .unwrap(),
    ))
    .unwrap();
    assert_eq!(read.officers.progression_years, 0);
}

#[test]
fn before_a_tables_first_entry_nothing_is_in_force() {
    // Progression: 0% before its first entry.
    let from_2023 = officers(
        YearValues::from_pairs([(FinancialYear::new(2023).unwrap(), dec!(2))]),
        0,
    );
    let zero = officers(
        YearValues::from_pairs([
            (FinancialYear::new(2022).unwrap(), dec!(0)),
            (FinancialYear::new(2023).unwrap(), dec!(2)),
        ]),
        0,
    );
    assert_eq!(pay(&from_2023), pay(&zero));
    // NI or pension: no rate in force is an error when projected.
    let mut late = officers(YearValues::new(), 0);
    late.officers.employer_ni_pct =
        YearValues::from_pairs([(FinancialYear::new(2022).unwrap(), dec!(10))]);
    let years: Vec<FinancialYear> = (2021..2024)
        .map(|y| FinancialYear::new(y).unwrap())
        .collect();
    let none = YearValues::new();
    let e = workforce::project(
        &late,
        PayContext {
            years: &years,
            officer_award_pct: &none,
            staff_award_pct: &none,
        },
    )
    .unwrap_err()
    .to_string();
    assert_eq!(e, "workforce.officers.employer_ni_pct (2021/22): no rate is in force: list one from the base year or earlier");
}

fn uplift(rules_from: u16, allocation: &[(u16, &str)], grant: &[(u16, &str)]) -> UpliftPlan {
    let ys = |v: &[(u16, &str)]| {
        YearValues::from_pairs(
            v.iter()
                .map(|(y, x)| (FinancialYear::new(*y).unwrap(), d(x))),
        )
    };
    UpliftPlan {
        baseline_headcount: dec!(100),
        allocation: ys(allocation),
        targets: YearValues::new(),
        grant: ys(grant),
        rules: vec![workforce::RuleTable::rule_2022_23(
            FinancialYear::new(rules_from).unwrap(),
        )],
    }
}

fn uplift_rows(u: UpliftPlan) -> Result<Vec<workforce::UpliftYear>, String> {
    let mut plan = officers(YearValues::new(), 0);
    plan.uplift = Some(u);
    let years: Vec<FinancialYear> = (2021..2024)
        .map(|y| FinancialYear::new(y).unwrap())
        .collect();
    let none = YearValues::new();
    workforce::project(
        &plan,
        PayContext {
            years: &years,
            officer_award_pct: &none,
            staff_award_pct: &none,
        },
    )
    .map(|p| p.uplift.unwrap())
    .map_err(|e| e.to_string())
}

#[test]
fn no_uplift_rule_table_applies_before_the_first() {
    let e = uplift_rows(uplift(2022, &[(2021, "5")], &[])).unwrap_err();
    assert_eq!(e, "workforce.uplift.rules (2021/22): no rule table is in force: add one from this year or earlier");
}

#[test]
fn a_baseline_without_an_allocation_yet_gives_no_target() {
    // Allocations from 2022/23: 2021/22 has no target (no row), even with a baseline.
    let rows = uplift_rows(uplift(2021, &[(2022, "10")], &[])).unwrap();
    assert_eq!(
        rows.iter().map(|r| r.year).collect::<Vec<_>>(),
        [fy("2022/23"), fy("2023/24")]
    );
    assert_eq!(rows[0].target, dec!(110));
    // A grant in a year with no target is an error.
    let e = uplift_rows(uplift(2021, &[(2022, "10")], &[(2021, "1000")])).unwrap_err();
    assert_eq!(
        e,
        "workforce.uplift.targets (2021/22): this year has an Uplift grant but no headcount target"
    );
}

#[test]
fn a_year_missing_inside_a_cost_table_grows_from_the_year_before() {
    let mut r = revenue("a", json!({}));
    r["total_cost"] =
        json!({"by_year": {"2021/22": "1000", "2023/24": "2000"}, "growth_pct": "10"});
    let register = register_from_json(&register(json!([r]), json!([])).to_string()).unwrap();
    let years: Vec<FinancialYear> = (2021..2025)
        .map(|y| FinancialYear::new(y).unwrap())
        .collect();
    let p = collab::project(&register, &years).unwrap();
    let costs: Vec<Decimal> = p.collaborations[0]
        .years
        .iter()
        .map(|y| y.total_cost)
        .collect();
    // 2022/23 is not listed: 1,000 × 1.1; 2024/25 after the last: 2,000 × 1.1.
    assert_eq!(
        costs,
        [dec!(1000), dec!(1100.00), dec!(2000), dec!(2200.00)]
    );
}

#[test]
fn a_group_with_nobody_in_post_is_paid_for_its_recruits_only() {
    let mut plan = officers(YearValues::new(), 0);
    let g = &mut plan.officers;
    g.opening_headcount = Decimal::ZERO;
    g.opening_fte = Decimal::ZERO;
    g.attrition_pct = dec!(10);
    g.intakes = vec![Intake {
        year: FinancialYear::new(2021).unwrap(),
        start_month: 10,
        count: dec!(12),
    }];
    let years: Vec<FinancialYear> = (2021..2023)
        .map(|y| FinancialYear::new(y).unwrap())
        .collect();
    let none = YearValues::new();
    let p = workforce::project(
        &plan,
        PayContext {
            years: &years,
            officer_award_pct: &none,
            staff_award_pct: &none,
        },
    )
    .unwrap();
    let first = &p.groups[0];
    // Nobody to leave; 12 recruits for 6 months at £20,000: £120,000.
    assert_eq!(
        (first.leavers, first.closing_headcount),
        (dec!(0), dec!(12))
    );
    assert_eq!(first.pay_cost, dec!(120000.00));
    // The next year: 10% of 12 is 1.2, so 1 leaves; the 12 are serving.
    let second = &p.groups[3];
    assert_eq!(second.leavers, dec!(1));
}

/// docs/model.md §1: formulas are evaluated as written, left to right; a half penny
/// rounds away from zero. The handover year's interest is ((P × m) × rate ÷ 100) ÷ 12:
/// £162 at 1% for March alone is exactly £0.135, so £0.14. Taking 1 ÷ 12 first would give
/// 0.13499… and £0.13.
#[test]
fn the_order_of_operations_decides_a_half_penny() {
    let building = json!({"id": "hq", "name": "HQ", "purpose": "test", "status": "active",
        "sharing": alone(), "cost": "162", "in_use_from": "2023-03", "life_years": 10,
        "interest_pct": "1"});
    let register = register_from_json(&register(json!([]), json!([building])).to_string()).unwrap();
    let p = collab::project(&register, &[fy("2022/23")]).unwrap();
    assert_eq!(p.capital[0].years[0].force.interest, dec!(0.14));
    // The other order: 1 ÷ 12 first leaves it a hair below the half penny.
    let other = dec!(162) * dec!(1) / dec!(100) * (dec!(1) / dec!(12));
    assert!(other < dec!(0.135), "{other}");
    assert_eq!(planner::model::round_money(other), dec!(0.13));
    // A half person: 5% of 110 is 5.5 leavers, so 6.
    let mut plan = officers(YearValues::new(), 0);
    plan.officers.opening_headcount = dec!(110);
    plan.officers.opening_fte = dec!(110);
    plan.officers.attrition_pct = dec!(5);
    let years = [fy("2021/22")];
    let none = YearValues::new();
    let p = workforce::project(
        &plan,
        PayContext {
            years: &years,
            officer_award_pct: &none,
            staff_award_pct: &none,
        },
    )
    .unwrap();
    assert_eq!(p.groups[0].leavers, dec!(6));
}

// Figures mtfp prints.

fn mtfp(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_mtfp"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn referendum_limits_are_printed_to_the_penny() {
    let v: Value = serde_json::from_str(&mtfp(&["project", "--format", "json"])).unwrap();
    assert_eq!(v["years"][0]["precept"]["referendum_limit_gbp"], "15.00");
    // A rise above it is flagged with both figures to the penny.
    let mut s = small();
    s["precept"]["rise_gbp"] = json!({"value": {"2023/24": "15.5"}, "source": src()});
    s["precept"]["referendum_limit_gbp"] = json!({"value": {"2023/24": "15"}, "source": src()});
    let p = project(&scenario(&s)).unwrap();
    assert_eq!(
        p.warnings[0].message,
        "the Band D rise of £15.50 is above the referendum limit of £15.00"
    );
}

#[test]
fn uplift_grant_at_risk_is_never_below_zero() {
    // A grant of £1,000.005 paid in full: £1,000.01 due, nothing at risk (it was −£0.01).
    let mut u = uplift(2021, &[(2021, "0")], &[(2021, "1000.005")]);
    u.baseline_headcount = dec!(100);
    let rows = uplift_rows(u.clone()).unwrap();
    assert_eq!(
        (rows[0].grant, rows[0].grant_due, rows[0].grant_at_risk),
        (dec!(1000.01), dec!(1000.01), dec!(0.00))
    );
    // And as mtfp uplift prints it.
    let mut s = baseline::nottinghamshire().unwrap();
    let w = s.workforce.as_mut().unwrap();
    w.uplift
        .as_mut()
        .unwrap()
        .grant
        .set(fy("2023/24"), dec!(4900000.005));
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("docs_rules");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("uplift.json");
    std::fs::write(&path, s.to_json()).unwrap();
    let csv = mtfp(&["uplift", path.to_str().unwrap()]);
    let row = csv.lines().find(|l| l.starts_with("2023/24,")).unwrap();
    assert!(!row.contains("-0.01"), "{row}");
    assert!(row.contains(",4900000.01,0.00,4900000.01,"), "{row}");
}
