//! The fast engine against the reference (`tests/reference/`: the engine as it was,
//! restated plainly from docs/model.md): the same projection, to the penny and in every
//! other figure, warning and error, for thousands of generated scenarios. Three ways of
//! projecting are checked: `engine::project`, `engine::totals`, and an `Engine` kept across
//! all the cases (so its caches see scenario after scenario, as an analysis's would).

use std::cell::RefCell;

use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Map, Value};

use planner::model::engine::{self, Engine};
use planner::model::{baseline, FinancialYear, Scenario};

thread_local! {
    static ENGINE: RefCell<Engine> = RefCell::new(Engine::new());
}

/// Every way of projecting `s` agrees with the reference.
fn agree(s: &Scenario) -> Result<(), TestCaseError> {
    let want = crate::reference::project(s);
    let got = engine::project(s);
    prop_assert_eq!(&got, &want);
    // Equal figures written the same way too (the JSON `mtfp project` prints).
    let json = |p: &Result<engine::Projection, _>| {
        p.as_ref().map(|p| serde_json::to_string(p).unwrap()).ok()
    };
    prop_assert_eq!(json(&got), json(&want));
    let totals = engine::totals(s);
    prop_assert_eq!(
        totals.map_err(|e| e.to_string()),
        want.as_ref().map(|p| p.totals()).map_err(|e| e.to_string())
    );
    ENGINE.with(|e| {
        let mut e = e.borrow_mut();
        let kept = e.project(s);
        prop_assert_eq!(&kept, &want);
        let kept_totals = e.totals(s);
        prop_assert_eq!(
            kept_totals.map_err(|e| e.to_string()),
            want.as_ref().map(|p| p.totals()).map_err(|e| e.to_string())
        );
        Ok(())
    })
}

fn src() -> Value {
    json!({"text": "generated", "estimate": true})
}

/// A decimal string from `lo..=hi` hundredths, with up to three more places.
fn dec(lo: i64, hi: i64) -> BoxedStrategy<String> {
    (lo..=hi, 0u32..=3)
        .prop_map(|(n, extra)| {
            Decimal::new(n.saturating_mul(10i64.pow(extra)), 2 + extra).to_string()
        })
        .boxed()
}

/// A whole number from `lo..=hi`, as a string.
fn whole(lo: i64, hi: i64) -> BoxedStrategy<String> {
    (lo..=hi).prop_map(|n| n.to_string()).boxed()
}

/// Values for some of `years`.
fn table(years: Vec<String>, value: BoxedStrategy<String>) -> BoxedStrategy<Value> {
    let n = years.len();
    proptest::collection::vec(proptest::option::of(value), n)
        .prop_map(move |vals| {
            let mut m = Map::new();
            for (y, v) in years.iter().zip(vals) {
                if let Some(v) = v {
                    m.insert(y.clone(), Value::String(v));
                }
            }
            Value::Object(m)
        })
        .boxed()
}

fn years_from(start: u16, n: u16) -> Vec<String> {
    (0..n)
        .map(|k| FinancialYear::new(start + k).unwrap().to_string())
        .collect()
}

/// `table` with `value` in `year` too, unless it already lists an earlier year or `add` is
/// false (then only when it is empty).
fn with_first(mut table: Value, year: &str, value: &str, add: bool) -> Value {
    let t = table.as_object_mut().unwrap();
    if t.is_empty() || (add && !t.keys().any(|k| k.as_str() <= year)) {
        t.insert(year.to_string(), json!(value));
    }
    table
}

fn group(all: Vec<String>, with_history: Vec<String>) -> BoxedStrategy<Value> {
    let n = all.len();
    (
        (0u32..3000, 0u32..=100, 50u32..=100, dec(0, 25_00)),
        table(all.clone(), whole(0, 60)),
        proptest::collection::vec((0..n, 1i64..=12, 0u32..300), 0..8),
        (dec(15_000_00, 60_000_00), dec(15_000_00, 30_000_00), proptest::option::of(0u32..12)),
        (table(all.clone(), dec(-2_00, 5_00)), table(with_history.clone(), dec(0, 15_00)), table(with_history, dec(0, 40_00))),
        dec(0, 5_000_00),
    )
        .prop_map(move |((heads, fte_share, per_head, attrition), retirements, intakes, (serving, recruit, steps), (progression, ni, pension), training)| {
            let mut g = json!({
                "opening_headcount": heads.to_string(),
                "opening_fte": (Decimal::from(heads) * Decimal::from(fte_share) / Decimal::ONE_HUNDRED).to_string(),
                "fte_per_head": Decimal::new(i64::from(per_head), 2).to_string(),
                "attrition_pct": attrition,
                "retirements": retirements,
                "intakes": intakes.iter().map(|(k, m, c)| json!({"year": all[*k], "start_month": m, "count": c.to_string()})).collect::<Vec<_>>(),
                "serving_pay": serving,
                "recruit_pay": recruit,
                "progression_pct": progression,
                // Mostly a rate in force from the base year; now and then only from later
                // (an error when projected).
                "employer_ni_pct": with_first(ni, &all[0], "10", heads % 7 != 0),
                "employer_pension_pct": with_first(pension, &all[0], "20", true),
                "training_per_recruit": training,
            });
            if let Some(steps) = steps {
                g["progression_years"] = json!(steps);
            }
            g
        })
        .boxed()
}

fn workforce(all: Vec<String>, start: u16) -> BoxedStrategy<Value> {
    let history = years_from(start - 2, all.len() as u16 + 2);
    let bands = prop_oneof![
        Just(json!([{"from_pct": "0", "to_pct": "75", "paid_pct": "0"},
                    {"from_pct": "75", "to_pct": "95", "paid_pct": "0", "taper_to_pct": "90"},
                    {"from_pct": "95", "to_pct": "100", "paid_pct": "90"},
                    {"from_pct": "100", "paid_pct": "100"}])),
        Just(
            json!([{"from_pct": "0", "to_pct": "100", "paid_pct": "33.3", "taper_to_pct": "66.67"},
                    {"from_pct": "100", "paid_pct": "100"}])
        ),
    ];
    (
        group(all.clone(), history.clone()),
        group(all.clone(), history.clone()),
        group(all.clone(), history.clone()),
        proptest::option::of((
            whole(0, 3000),
            table(history.clone(), whole(-50, 300)),
            table(all.clone(), whole(1, 4000)),
            table(all.clone(), dec(0, 5_000_000_00)),
            bands,
            0usize..3,
        )),
    )
        .prop_map(move |(officers, staff, pcsos, uplift)| {
            let mut w = json!({"officers": officers, "staff": staff, "pcsos": pcsos});
            if let Some((baseline, allocation, targets, grant, bands, from)) = uplift {
                w["uplift"] = json!({
                    "baseline_headcount": baseline, "allocation": allocation, "targets": targets,
                    "grant": grant, "rules": [{"from": history[from], "bands": bands}]
                });
            }
            w
        })
        .boxed()
}

fn partners(force_first: bool) -> BoxedStrategy<(String, Value)> {
    (
        prop_oneof![
            Just("fixed_percent"),
            Just("population"),
            Just("net_revenue_budget")
        ],
        proptest::collection::vec(1u32..100_000, 1..6),
        0usize..6,
    )
        .prop_map(move |(basis, weights, force_at)| {
            let n = weights.len();
            let force_at = if force_first { 0 } else { force_at % n };
            let weights: Vec<String> = if basis == "fixed_percent" {
                // Percentages that add up to exactly 100.
                let total: u64 = weights.iter().map(|w| u64::from(*w)).sum();
                let mut shares: Vec<Decimal> = weights
                    .iter()
                    .map(|w| {
                        (Decimal::from(*w) * Decimal::ONE_HUNDRED / Decimal::from(total))
                            .round_dp(1)
                    })
                    .collect();
                let rest = Decimal::ONE_HUNDRED - shares.iter().skip(1).copied().sum::<Decimal>();
                shares[0] = rest;
                if rest < Decimal::ZERO {
                    shares = vec![Decimal::ONE_HUNDRED / Decimal::from(n as u64); n];
                    let rest =
                        Decimal::ONE_HUNDRED - shares.iter().skip(1).copied().sum::<Decimal>();
                    shares[0] = rest;
                }
                shares.iter().map(|d| d.to_string()).collect()
            } else {
                weights.iter().map(|w| w.to_string()).collect()
            };
            let list: Vec<Value> = weights
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    let name = if i == force_at {
                        "Home Force".to_string()
                    } else {
                        format!("Partner {i}")
                    };
                    json!({"name": name, "weight": w})
                })
                .collect();
            (basis.to_string(), Value::Array(list))
        })
        .boxed()
}

fn month(start: u16, span: u16) -> BoxedStrategy<String> {
    (0..span, 1u8..=12)
        .prop_map(move |(y, m)| format!("{}-{m:02}", start + y))
        .boxed()
}

fn register(all: Vec<String>, start: u16) -> BoxedStrategy<Value> {
    let history = years_from(start - 3, all.len() as u16 + 3);
    let collaboration = (
        partners(false),
        month(start - 3, 6),
        proptest::option::of(month(start - 1, 10)),
        table(history.clone(), dec(0, 30_000_000_00)),
        dec(-50_00, 20_00),
        table(all.clone(), dec(0, 500_000_00)),
        table(all.clone(), dec(0, 200_000_00)),
        prop_oneof![Just("active"), Just("planned"), Just("exited")],
    )
        .prop_map(
            |((basis, partners), start, end, cost, growth, exit, realised, status)| {
                let mut c = json!({
                    "id": "", "name": "Unit", "purpose": "test", "status": status,
                    "sharing": {"basis": basis, "partners": partners},
                    "start": start,
                    "total_cost": {"by_year": cost, "growth_pct": growth},
                    "exit_costs": {"by_year": exit},
                    "benefits": {"cashable_realised": realised},
                });
                if let Some(end) = end {
                    if end.as_str() > c["start"].as_str().unwrap() {
                        c["end"] = json!(end);
                    }
                }
                c
            },
        );
    let capital = (
        partners(false),
        dec(0, 50_000_000_00),
        month(start - 2, 6),
        1u16..=60,
        dec(0, 8_00),
        table(all, dec(0, 100_000_00)),
    )
        .prop_map(
            |((basis, partners), cost, handover, life, rate, realised)| {
                json!({
                    "id": "", "name": "Building", "purpose": "test", "status": "active",
                    "sharing": {"basis": basis, "partners": partners},
                    "cost": cost, "in_use_from": handover, "life_years": life, "interest_pct": rate,
                    "benefits": {"cashable_realised": realised},
                })
            },
        );
    (
        proptest::collection::vec(collaboration, 0..4),
        proptest::collection::vec(capital, 0..3),
    )
        .prop_map(|(mut revenue, mut capital)| {
            for (i, c) in revenue.iter_mut().enumerate() {
                c["id"] = json!(format!("c{i}"));
            }
            for (i, c) in capital.iter_mut().enumerate() {
                c["id"] = json!(format!("k{i}"));
            }
            json!({"force": "Home Force", "collaborations": revenue, "capital": capital})
        })
        .boxed()
}

fn expenditure_line(later: Vec<String>) -> BoxedStrategy<Value> {
    let drivers = prop_oneof![
        3 => (prop_oneof![Just("officers"), Just("staff")], any::<bool>())
            .prop_map(|(g, drift)| json!({"kind": "pay_award", "group": g, "drift": drift})),
        2 => Just(json!({"kind": "non_pay_inflation"})),
        1 => Just(json!({"kind": "flat_cash"})),
        2 => table(later.clone(), dec(-20_00, 30_00)).prop_map(|t| json!({"kind": "growth", "growth_pct": t})),
        1 => table(later.clone(), dec(-1_000_000_00, 90_000_000_00)).prop_map(|t| json!({"kind": "explicit", "amounts": t})),
        2 => prop_oneof![Just("officers"), Just("staff"), Just("pcsos")].prop_map(|g| json!({"kind": "workforce", "group": g})),
        1 => Just(json!({"kind": "collaboration_contribution"})),
        1 => Just(json!({"kind": "collaboration_capital_financing"})),
    ];
    (drivers, dec(0, 150_000_000_00), table(later, dec(-2_000_000_00, 5_000_000_00)))
        .prop_map(|(driver, base, pressures)| {
            let rolls = ["pay_award", "non_pay_inflation", "flat_cash", "growth"]
                .contains(&driver["kind"].as_str().unwrap());
            json!({"id": "", "name": "Line", "category": "other", "base_amount": base,
                   "driver": driver, "pressures": if rolls { pressures } else { json!({}) }, "source": src()})
        })
        .boxed()
}

fn funding_line(later: Vec<String>) -> BoxedStrategy<Value> {
    let drivers = prop_oneof![
        Just(json!({"kind": "flat_cash"})),
        table(later.clone(), dec(-10_00, 15_00))
            .prop_map(|t| json!({"kind": "growth", "growth_pct": t})),
        table(later, dec(0, 90_000_000_00)).prop_map(|t| json!({"kind": "explicit", "amounts": t})),
        Just(json!({"kind": "uplift_grant"})),
    ];
    (drivers, dec(0, 150_000_000_00))
        .prop_map(|(driver, base)| {
            json!({"id": "", "name": "Grant", "category": "specific_grant", "base_amount": base,
                   "driver": driver, "source": src()})
        })
        .boxed()
}

fn ids(prefix: &str, mut lines: Vec<Value>) -> Value {
    for (i, l) in lines.iter_mut().enumerate() {
        l["id"] = json!(format!("{prefix}{i}"));
    }
    Value::Array(lines)
}

/// A whole scenario, modules included, with figures inside what validation accepts (the
/// workforce may still fail when projected, as when leavers outnumber the people in post).
fn scenario() -> impl Strategy<Value = Value> {
    (2003u16..=2085, 5u16..=10).prop_flat_map(|(start, n)| {
        let all = years_from(start, n);
        let later: Vec<String> = all.iter().skip(1).cloned().collect();
        (
            (
                table(all.clone(), dec(-5_00, 10_00)),
                table(all.clone(), dec(-5_00, 10_00)),
                table(later.clone(), dec(0, 3_00)),
                table(later.clone(), dec(-2_00, 12_00)),
            ),
            proptest::collection::vec(expenditure_line(later.clone()), 0..8),
            proptest::collection::vec(funding_line(later.clone()), 0..5),
            (
                dec(100_00, 400_00),
                table(later.clone(), dec(0, 25_00)),
                table(later.clone(), dec(-3_00, 6_00)),
                dec(1_000_00, 1_000_000_00),
                table(later.clone(), dec(-2_00, 3_00)),
                table(all.clone(), dec(0, 20_000)),
            ),
            (
                proptest::collection::vec((prop_oneof![Just("recurring"), Just("one_off")], table(all.clone(), dec(0, 9_000_000_00))), 0..4),
                any::<bool>(),
            ),
            (
                dec(0, 20_000_000_00),
                dec(0, 40_000_000_00),
                table(all.clone(), dec(-2_000_000_00, 3_000_000_00)),
                table(all.clone(), dec(-2_000_000_00, 6_000_000_00)),
                dec(0, 5_00),
            ),
            proptest::option::of(workforce(all.clone(), start)),
            proptest::option::of(register(all.clone(), start)),
        )
            .prop_map(move |(awards, exp, fund, (band_d, gbp, pct, base, growth, limits), (savings, collab_saving), res, wf, reg)| {
                // A year's rise is in £ or in %, not both.
                let mut gbp = gbp;
                let pct_only: Map<String, Value> = pct
                    .as_object()
                    .unwrap()
                    .iter()
                    .filter(|(y, _)| !gbp.as_object().unwrap().contains_key(*y))
                    .map(|(y, v)| (y.clone(), v.clone()))
                    .collect();
                if gbp.as_object().unwrap().is_empty() && pct_only.is_empty() {
                    gbp = json!({});
                }
                let mut saving_list: Vec<Value> = savings
                    .into_iter()
                    .map(|(kind, amounts)| json!({"id": "", "name": "Saving", "kind": kind, "amounts": amounts, "source": src()}))
                    .collect();
                if collab_saving && reg.is_some() {
                    saving_list.insert(saving_list.len() / 2, json!({"id": "", "name": "From the register", "kind": "collaborations", "source": src()}));
                }
                // Lines may only use modules the scenario has.
                let exp: Vec<Value> = exp
                    .into_iter()
                    .filter(|l| match l["driver"]["kind"].as_str().unwrap() {
                        "workforce" => wf.is_some(),
                        "collaboration_contribution" | "collaboration_capital_financing" => reg.is_some(),
                        _ => true,
                    })
                    .collect();
                let fund: Vec<Value> = fund
                    .into_iter()
                    .filter(|l| l["driver"]["kind"] != "uplift_grant" || wf.is_some())
                    .collect();
                json!({
                    "schema": 1,
                    "name": "generated",
                    "horizon": {"base_year": all[0], "years": n},
                    "assumptions": {
                        "officer_pay_award_pct": {"value": awards.0, "source": src()},
                        "staff_pay_award_pct": {"value": awards.1, "source": src()},
                        "pay_drift_pct": {"value": awards.2, "source": src()},
                        "non_pay_inflation_pct": {"value": awards.3, "source": src()}
                    },
                    "expenditure": ids("e", exp),
                    "funding": ids("f", fund),
                    "precept": {
                        "band_d": {"value": band_d, "source": src()},
                        "rise_gbp": {"value": gbp, "source": src()},
                        "rise_pct": {"value": Value::Object(pct_only), "source": src()},
                        "tax_base": {"value": base, "source": src()},
                        "tax_base_growth_pct": {"value": growth, "source": src()},
                        "referendum_limit_gbp": {"value": limits, "source": src()}
                    },
                    "savings": ids("s", saving_list),
                    "reserves": {
                        "general_opening": {"value": res.0, "source": src()},
                        "earmarked_opening": {"value": res.1, "source": src()},
                        "planned_use_general": {"value": res.2, "source": src()},
                        "planned_use_earmarked": {"value": res.3, "source": src()},
                        "floor_pct": {"value": res.4, "source": src()}
                    },
                    "workforce": wf,
                    "collaborations": reg,
                })
            })
    })
}

/// The baseline with every kind of assumption varied at once: pay, drift, inflation,
/// precept, tax base, grant growth, savings, recruits, attrition, collaboration costs, the
/// joint headquarters' interest, Uplift targets and the plan's length. Now and then a
/// collaboration's cost is negative (an error the kept engine must report as a full check
/// would, though only the cost table changed) or its partners' shares are swapped (its
/// kept fractions must be worked out again).
fn varied_baseline() -> impl Strategy<Value = Scenario> {
    let pct = |lo: i64, hi: i64| proptest::collection::vec(dec(lo, hi), 10);
    (
        (
            pct(-2_00, 9_00),
            pct(-2_00, 9_00),
            pct(0, 3_00),
            pct(-1_00, 10_00),
        ),
        (
            pct(0, 25_00),
            any::<bool>(),
            pct(-1_00, 2_00),
            pct(-3_00, 8_00),
        ),
        (
            proptest::collection::vec(0u32..400, 10),
            dec(0, 15_00),
            pct(0, 9_000_000_00),
        ),
        (
            pct(15_000_000_00, 30_000_000_00),
            any::<bool>(),
            dec(0, 8_00),
            proptest::collection::vec(2000u32..2600, 10),
        ),
        (5u8..=10, 0u8..20, 0u8..10),
    )
        .prop_map(
            |(
                (officer, staff, drift, inflation),
                (rise, in_pct, base_growth, grant),
                (intake, attrition, saving),
                (emsou, gap, interest, targets),
                (years, negative, reshare),
            )| {
                let mut s = baseline::nottinghamshire().unwrap();
                s.horizon.years = years;
                let d = |t: &str| t.parse::<Decimal>().unwrap();
                let all = s.horizon.year_list();
                for (k, &y) in all.iter().enumerate() {
                    let a = &mut s.assumptions;
                    a.officer_pay_award_pct.value.set(y, d(&officer[k]));
                    a.staff_pay_award_pct.value.set(y, d(&staff[k]));
                    if k > 0 {
                        a.pay_drift_pct.value.set(y, d(&drift[k]));
                        a.non_pay_inflation_pct.value.set(y, d(&inflation[k]));
                        let p = &mut s.precept;
                        if in_pct {
                            p.rise_gbp.value.0.remove(&y);
                            p.rise_pct.value.set(y, d(&rise[k]) / Decimal::from(5));
                        } else {
                            p.rise_gbp.value.set(y, d(&rise[k]));
                        }
                        p.tax_base_growth_pct.value.set(y, d(&base_growth[k]));
                        for line in &mut s.funding {
                            if let planner::model::scenario::FundingDriver::Growth { growth_pct } =
                                &mut line.driver
                            {
                                growth_pct.set(y, d(&grant[k]));
                            }
                        }
                    }
                    if let Some(first) = s.savings.first_mut() {
                        first.amounts.set(y, d(&saving[k]));
                    }
                    let w = s.workforce.as_mut().unwrap();
                    w.officers.intakes.retain(|i| i.year != y);
                    w.officers.intakes.push(planner::model::workforce::Intake {
                        year: y,
                        start_month: 9,
                        count: Decimal::from(intake[k]),
                    });
                    if let Some(u) = w.uplift.as_mut() {
                        u.targets.set(y, Decimal::from(targets[k]));
                    }
                    let r = s.collaborations.as_mut().unwrap();
                    let c = &mut r.collaborations[0];
                    if gap && k % 2 == 1 {
                        // A year missing inside the cost table.
                        c.total_cost.by_year.0.remove(&y);
                    } else {
                        c.total_cost.by_year.set(y, d(&emsou[k]));
                    }
                }
                let w = s.workforce.as_mut().unwrap();
                w.officers.attrition_pct = d(&attrition);
                let r = s.collaborations.as_mut().unwrap();
                r.capital[0].interest_pct = d(&interest);
                let c = &mut r.collaborations[0];
                if negative == 0 {
                    c.total_cost.by_year.set(all[all.len() - 1], d("-1.00"));
                }
                if reshare == 0 {
                    let partners = &mut c.sharing.partners;
                    let (first, second) = (partners[0].weight, partners[1].weight);
                    partners[0].weight = second;
                    partners[1].weight = first;
                }
                s
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2500))]

    /// Generated scenarios with every driver, section and saving kind.
    #[test]
    fn generated_scenarios_project_as_the_reference_does(file in scenario()) {
        match Scenario::from_json(&file.to_string()) {
            Ok(s) => agree(&s)?,
            Err(e) => prop_assert!(false, "generated an invalid scenario: {e}"),
        }
    }

    /// The baseline with everything varied together, as a risk analysis would.
    #[test]
    fn varied_baselines_project_as_the_reference_does(s in varied_baseline()) {
        agree(&s)?;
    }
}

#[test]
fn the_baseline_projects_as_the_reference_does() {
    let s = baseline::nottinghamshire().unwrap();
    agree(&s).unwrap();
}

/// An `Engine` keeps each collaboration's split (its partners' fractions and the force's
/// place) while the sharing rule and the force are unchanged: a change of weights alone,
/// of costs alone, of the force's place among the partners, or of the force, each gives
/// what a fresh projection gives.
#[test]
fn a_kept_split_follows_the_sharing_rule_and_the_force() {
    fn check(kept: &mut Engine, s: &Scenario) {
        assert_eq!(
            kept.totals(s).map_err(|e| e.to_string()),
            engine::totals(s).map_err(|e| e.to_string())
        );
    }
    let base = baseline::nottinghamshire().unwrap();
    let mut kept = Engine::new();
    check(&mut kept, &base);

    // Weights swapped (the force's share changes), costs kept.
    let mut s = base.clone();
    let c = &mut s.collaborations.as_mut().unwrap().collaborations[0];
    let partners = &mut c.sharing.partners;
    let (a, b) = (partners[0].weight, partners[1].weight);
    partners[0].weight = b;
    partners[1].weight = a;
    check(&mut kept, &s);
    assert_ne!(
        engine::totals(&s).unwrap(),
        engine::totals(&base).unwrap(),
        "the swap moves the force's share"
    );

    // Costs changed, the swapped rule kept.
    let c = &mut s.collaborations.as_mut().unwrap().collaborations[0];
    let y: FinancialYear = "2023/24".parse().unwrap();
    c.total_cost.by_year.set(y, Decimal::new(25_000_000_00, 2));
    check(&mut kept, &s);

    // The partners listed in another order (the force's place moves), same weights.
    let c = &mut s.collaborations.as_mut().unwrap().collaborations[0];
    c.sharing.partners.swap(0, 1);
    check(&mut kept, &s);

    // Back to the baseline, then another force (a fresh projection's figures, or its
    // error if that force is not a partner of every collaboration), then back again.
    check(&mut kept, &base);
    let mut other = base.clone();
    let r = other.collaborations.as_mut().unwrap();
    r.force = r.collaborations[0].sharing.partners[1].name.clone();
    check(&mut kept, &other);
    check(&mut kept, &base);
}
