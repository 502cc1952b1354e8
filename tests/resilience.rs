//! The savings register and the reserves strategy (issue 18, docs/resilience.md), figure
//! by figure on a scenario small enough to work out by hand; and older files, which read
//! with defaults that leave every projected figure as it was.

use planner::model::resilience::{self, Rag};
use planner::model::scenario::strategy::Indicator;
use planner::model::{baseline, engine, Scenario};
use serde_json::{json, Value};

use crate::util::d;
use crate::util::engine::{fy, src};

/// 2022/23 to 2026/27: spending £100,000 flat; grant £60,000 and precept £30,000 (Band D
/// £100 × 300), so a gap of £10,000 a year before savings.
fn tiny() -> Value {
    json!({
        "schema": 2,
        "name": "tiny",
        "horizon": {"base_year": "2022/23", "years": 5},
        "assumptions": {
            "officer_pay_award_pct": {"value": {}, "source": src()},
            "staff_pay_award_pct": {"value": {}, "source": src()},
            "pay_drift_pct": {"value": {}, "source": src()},
            "non_pay_inflation_pct": {"value": {}, "source": src()}
        },
        "expenditure": [
            {"id": "spend", "name": "Spending", "category": "other", "base_amount": "100000",
             "driver": {"kind": "flat_cash"}, "source": src()}
        ],
        "funding": [
            {"id": "grant", "name": "Grant", "category": "core_police_grant",
             "base_amount": "60000", "driver": {"kind": "flat_cash"}, "source": src()}
        ],
        "precept": {
            "band_d": {"value": "100", "source": src()},
            "tax_base": {"value": "300", "source": src()}
        },
        "savings": [
            {"id": "a", "name": "A", "kind": "recurring", "amounts": {"2023/24": "4000"},
             "source": src(), "delivery": {"status": "at_risk"}},
            {"id": "b", "name": "B", "kind": "one_off", "amounts": {"2024/25": "3000"},
             "source": src(), "delivery": {"owner": "Head of Estates", "category": "estates",
                                          "status": "unlikely"}},
            {"id": "c", "name": "C", "kind": "recurring", "amounts": {"2022/23": "1000"},
             "source": src()},
            {"id": "d", "name": "D", "kind": "recurring", "amounts": {"2025/26": "2000"},
             "source": src(), "delivery": {"status": "on_track",
                                          "confidence": "50"}}
        ],
        "reserves": {
            "general_opening": {"value": "20000", "source": src()},
            "earmarked_opening": {"value": "3000", "source": src()},
            "planned_use_general": {"value": {"2023/24": "1000"}, "source": src()},
            "planned_use_earmarked": {"value": {"2024/25": "500"}, "source": src()},
            "floor_pct": {"value": "2", "source": src()}
        },
        "reserves_strategy": {
            "earmarked": [
                {"id": "mtfp", "name": "Smoothing", "category": "this_plan", "opening": "2000",
                 "planned_use": {"2024/25": "500"}, "source": src()},
                {"id": "region", "name": "Regional", "category": "partners", "opening": "1000",
                 "source": src()}
            ],
            "risks": [
                {"id": "r1", "name": "R1", "likelihood_pct": "50", "impact": "1000", "source": src()},
                {"id": "r2", "name": "R2", "likelihood_pct": "20", "impact": "3000", "source": src()},
                {"id": "r3", "name": "R3", "likelihood_pct": "10", "impact": "5000", "source": src()}
            ]
        }
    })
}

fn read(v: &Value) -> Scenario {
    Scenario::from_json(&v.to_string()).unwrap()
}

fn report(s: &Scenario) -> resilience::Report {
    let p = engine::project(s).unwrap();
    resilience::report(s, &p).unwrap()
}

fn column(values: impl Iterator<Item = rust_decimal::Decimal>) -> Vec<String> {
    values.map(|v| v.to_string()).collect()
}

/// Savings at their confidence: A at risk (60%) leaves 40% of £4,000 at risk; B unlikely
/// (25%) 75% of £3,000; C has no status and counts in full; D has its own 50%.
#[test]
fn risk_adjusted_savings_by_hand() {
    let r = report(&read(&tiny()));
    let s = &r.savings;
    let confidence: Vec<String> = s.savings.iter().map(|x| x.confidence.to_string()).collect();
    assert_eq!(confidence, ["60", "25", "100", "50"]);
    let years = || s.years.iter();
    assert_eq!(
        column(years().map(|y| y.planned.total)),
        ["1000.00", "5000.00", "8000.00", "7000.00", "7000.00"]
    );
    // A: 4,000 × 40% = 1,600 from 2023/24; B: 3,000 × 75% = 2,250 in 2024/25; D: 2,000 ×
    // 50% = 1,000 from 2025/26.
    assert_eq!(
        column(years().map(|y| y.at_risk.total)),
        ["0.00", "1600.00", "3850.00", "2600.00", "2600.00"]
    );
    assert_eq!(
        column(years().map(|y| y.at_risk.one_off)),
        ["0.00", "0.00", "2250.00", "0.00", "0.00"]
    );
    assert_eq!(
        column(years().map(|y| y.risk_adjusted.total)),
        ["1000.00", "3400.00", "4150.00", "4400.00", "4400.00"]
    );
    // The gap both ways: 10,000 − savings, then + the part at risk.
    assert_eq!(
        column(years().map(|y| y.gap)),
        ["9000.00", "5000.00", "2000.00", "3000.00", "3000.00"]
    );
    assert_eq!(
        column(years().map(|y| y.gap_risk_adjusted)),
        ["9000.00", "6600.00", "5850.00", "5600.00", "5600.00"]
    );
    assert_eq!(s.at_risk_total().to_string(), "10650.00");
    let b = &s.savings[1];
    assert_eq!(b.owner, "Head of Estates");
    assert_eq!(column(b.years.iter().map(|y| y.risk_adjusted))[2], "750.00");
    assert_eq!(b.at_risk_total.to_string(), "2250.00");
}

/// The structural gap is the gap before one-off savings and the planned use of reserves:
/// the gap plus this year's one-off savings, which is the engine's recurring gap; after
/// them (still to find) the gap less reserves applied.
#[test]
fn the_structural_gap_to_the_penny() {
    let s = read(&tiny());
    let p = engine::project(&s).unwrap();
    let r = resilience::report(&s, &p).unwrap().savings;
    let years = || r.years.iter();
    assert_eq!(
        column(years().map(|y| y.structural_gap)),
        ["9000.00", "5000.00", "5000.00", "3000.00", "3000.00"]
    );
    for (y, e) in r.years.iter().zip(&p.years) {
        assert_eq!(y.structural_gap, e.recurring_gap, "{}", y.year);
        assert_eq!(y.still_to_find, e.savings_still_to_find, "{}", y.year);
    }
    // Risk-adjusted: the planned structural gap plus the recurring savings at risk.
    assert_eq!(
        column(years().map(|y| y.structural_gap_risk_adjusted)),
        ["9000.00", "6600.00", "6600.00", "5600.00", "5600.00"]
    );
    assert_eq!(
        column(years().map(|y| y.still_to_find)),
        ["9000.00", "4000.00", "1500.00", "3000.00", "3000.00"]
    );
    assert_eq!(
        column(years().map(|y| y.still_to_find_risk_adjusted)),
        ["9000.00", "5600.00", "5350.00", "5600.00", "5600.00"]
    );
    // A penny case: a one-off £0.03 saving at 50% leaves £0.015 at risk, £0.02 (halves
    // away from zero), and the structural gap moves by the one-off in full.
    let mut v = tiny();
    v["savings"][1]["amounts"] = json!({"2024/25": "0.03"});
    v["savings"][1]["delivery"]["confidence"] = json!("50");
    let s = read(&v);
    let p = engine::project(&s).unwrap();
    let r = resilience::report(&s, &p).unwrap().savings;
    let y = r.year(fy("2024/25")).unwrap();
    assert_eq!(y.at_risk.one_off.to_string(), "0.02");
    assert_eq!(y.gap.to_string(), "4999.97");
    assert_eq!(y.structural_gap.to_string(), "5000.00");
    assert_eq!(y.structural_gap_risk_adjusted.to_string(), "6600.00");
}

/// Each indicator worked out by hand (docs/resilience.md §7).
#[test]
fn each_indicator_by_hand() {
    let r = report(&read(&tiny())).reserves;
    let years = || r.years.iter();
    // General reserve as planned: 20,000 − 9,000; − 1,000 − 4,000; − 1,500; − 3,000; − 3,000.
    assert_eq!(
        column(years().map(|y| y.general_planned)),
        ["11000.00", "6000.00", "4500.00", "1500.00", "-1500.00"]
    );
    // Less the savings at risk to date: 0, 1,600, 5,450, 8,050, 10,650.
    assert_eq!(
        column(years().map(|y| y.general)),
        ["11000.00", "4400.00", "-950.00", "-6550.00", "-12150.00"]
    );
    // Usable: that plus the smoothing reserve (the partners' is not available).
    assert_eq!(r.usable_opening.to_string(), "22000.00");
    assert_eq!(
        column(years().map(|y| y.usable)),
        ["13000.00", "6400.00", "550.00", "-5050.00", "-10650.00"]
    );
    let reading = |i: Indicator| -> Vec<String> {
        years()
            .map(|y| {
                let x = y.indicators[i.index()];
                format!(
                    "{} {}",
                    x.value.map(|v| v.to_string()).unwrap_or("-".into()),
                    x.rag.key()
                )
            })
            .collect()
    };
    // 13,000 ÷ 9,000; 6,400 ÷ 6,600; 550 ÷ 5,850; then nothing usable is left.
    assert_eq!(
        reading(Indicator::YearsLeft),
        ["1.44 red", "0.97 red", "0.09 red", "0.00 red", "0.00 red"]
    );
    // Usable × 100 ÷ net revenue spending (99,000, 95,000, 92,000, 93,000, 93,000).
    assert_eq!(
        reading(Indicator::UsablePct),
        [
            "13.13 green",
            "6.74 amber",
            "0.60 red",
            "-5.43 red",
            "-11.45 red"
        ]
    );
    // Against three years before (the opening for 2024/25): (550 − 22,000) ÷ 22,000, …
    assert_eq!(
        reading(Indicator::ChangePct),
        ["- ", "- ", "-97.50 red", "-138.85 red", "-266.41 red"]
    );
    // Precept income 30,000 × 100 ÷ net revenue spending.
    assert_eq!(
        reading(Indicator::CouncilTaxPct),
        [
            "30.30 green",
            "31.58 green",
            "32.61 green",
            "32.26 green",
            "32.26 green"
        ]
    );
    // The general reserve (risk-adjusted) against the 2% floor (1,980, 1,900, 1,840, …).
    assert_eq!(
        reading(Indicator::GeneralPct),
        [
            "555.56 green",
            "231.58 green",
            "-51.63 red",
            "-352.15 red",
            "-653.23 red"
        ]
    );
    assert_eq!(r.first_below_minimum().unwrap().year, fy("2024/25"));
    assert_eq!(
        r.red_years(Indicator::UsablePct),
        [fy("2024/25"), fy("2025/26"), fy("2026/27")]
    );
    // The named reserves' balances.
    assert_eq!(
        column(r.reserves[0].balances.iter().copied()),
        ["2000.00", "2000.00", "1500.00", "1500.00", "1500.00"]
    );
    // Reserves not drawn read "not drawn": green with no figure.
    let mut v = tiny();
    v["expenditure"][0]["base_amount"] = json!("80000");
    let r = report(&read(&v)).reserves;
    let first = r.years[0].indicators[Indicator::YearsLeft.index()];
    assert_eq!((first.value, first.rag), (None, Rag::Green));
}

/// The risk register's minimum: the expected cost 50% × 1,000 + 20% × 3,000 + 10% ×
/// 5,000 = 1,600; the 90th percentile of the eight outcomes (0: 36%, 1,000: 36%, 3,000:
/// 9%, 4,000: 9%, 5,000: 4%, …) is 4,000, where the chance of no more reaches 90%.
#[test]
fn the_risk_based_minimum_by_hand() {
    let s = read(&tiny());
    let st = s.sections().unwrap().strategy().into_owned();
    let risks = &st.risks;
    assert_eq!(
        resilience::risk::expected(risks).unwrap().to_string(),
        "1600.00"
    );
    let pct = |p: &str| {
        resilience::risk::percentile(risks, d(p))
            .unwrap()
            .to_string()
    };
    assert_eq!(pct("90"), "4000.00");
    assert_eq!(pct("90.01"), "5000.00");
    assert_eq!(pct("95"), "6000.00");
    assert_eq!(pct("50"), "1000.00");
    assert_eq!(pct("36"), "0.00");
    assert_eq!(pct("99.5"), "9000.00");
    let dist = resilience::risk::distribution(risks).unwrap();
    let shown: Vec<String> = dist
        .iter()
        .map(|(l, p)| format!("{l}:{}", p.normalize()))
        .collect();
    assert_eq!(
        shown,
        [
            "0:0.36",
            "1000:0.36",
            "3000:0.09",
            "4000:0.09",
            "5000:0.04",
            "6000:0.04",
            "8000:0.01",
            "9000:0.01"
        ]
    );
    // The percentile governing: the general reserve against 4,000.
    let mut v = tiny();
    v["reserves_strategy"]["minimum"] =
        json!({"method": "percentile", "percentile": "90", "governs": "risk_based"});
    let r = report(&read(&v)).reserves;
    assert_eq!(r.minimum.risk_based.to_string(), "4000.00");
    let y = &r.years[0];
    assert_eq!(
        (y.minimum.to_string(), y.floor.to_string()),
        ("4000.00".into(), "1980.00".into())
    );
    assert_eq!(
        y.indicators[Indicator::GeneralPct.index()]
            .value
            .unwrap()
            .to_string(),
        "275.00"
    );
    // 4,400 ≥ 4,000 in 2023/24: the trigger is still 2024/25.
    assert_eq!(r.first_below_minimum().unwrap().year, fy("2024/25"));
}

/// `v` read as `mtfp` and the import read a file (in full); as a share link or stored
/// scenario is read, it opens, and the sections' reader gives the same message without the
/// line and column.
fn checked(v: &Value) -> Result<Scenario, planner::model::ModelError> {
    let text = v.to_string();
    let full = Scenario::from_json_checked(&text);
    if let Err(e) = &full {
        let opened = Scenario::from_json(&text).expect("a damaged section still opens");
        let shown = opened.sections().unwrap_err().to_string();
        let message = e.to_string();
        let without_place = message.split(" (line ").next().unwrap_or(&message);
        assert_eq!(shown.split(" (line ").next().unwrap(), without_place);
    }
    full
}

/// Named earmarked reserves are the breakdown of the scenario's earmarked reserves: a
/// difference of a penny is refused, naming both figures.
#[test]
fn named_reserves_must_add_up_to_the_earmarked_reserves() {
    let mut v = tiny();
    v["reserves_strategy"]["earmarked"][1]["opening"] = json!("999.99");
    let e = checked(&v).unwrap_err().to_string();
    assert_eq!(
        e,
        "reserves_strategy.earmarked: the named earmarked reserves open at £2999.99 in all, but \
         reserves.earmarked_opening is £3000.00: they must agree, the named reserves being its \
         breakdown"
    );
    let mut v = tiny();
    v["reserves_strategy"]["earmarked"][1]["planned_use"] = json!({"2025/26": "1"});
    let e = checked(&v).unwrap_err().to_string();
    assert!(e.starts_with("reserves_strategy.earmarked (2025/26): the named earmarked reserves' planned use adds up to £1.00, but reserves.planned_use_earmarked is £0.00"), "{e}");
    let mut v = tiny();
    v["savings"][0]["delivery"]["confidence"] = json!("101");
    let e = checked(&v).unwrap_err().to_string();
    assert_eq!(
        e,
        "savings[a].delivery.confidence: a delivery confidence is from 0% to 100%, not 101%"
    );
    let mut v = tiny();
    let t = |r: &str, a: &str| json!({"red_below": r, "amber_below": a});
    v["reserves_strategy"]["thresholds"] = json!({
        "years_left": t("3", "5"), "usable_pct": t("10", "5"), "change_3y_pct": t("-50", "-25"),
        "council_tax_pct": t("25", "30"), "general_vs_minimum_pct": t("100", "125"), "source": src()
    });
    let e = checked(&v).unwrap_err().to_string();
    assert!(e.starts_with("reserves_strategy.thresholds.usable_pct: amber_below (5) must be at or above red_below (10)"), "{e}");
    let mut v = tiny();
    v["savings"][0]["delivery"]["status"] = json!("green");
    let e = checked(&v).unwrap_err().to_string();
    assert!(e.contains("unknown variant `green`, expected one of `delivered`, `on_track`, `at_risk`, `unlikely`, `not_planned`"), "{e}");
}

/// What older files look like: the baseline as it was written before schema 2 (the
/// fixture issue 19 keeps, without the savings register's and reserves strategy's sections
/// or the capital programme).
fn baseline_as_schema_1() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/schema1-baseline.json"
    ))
    .unwrap();
    // As this version writes it (the fixture was written by an older one).
    serde_json::from_str(&Scenario::from_json(&text).unwrap().to_json()).unwrap()
}

/// An older (schema-1) file reads with defaults that keep every figure: its projection is
/// the baseline's (whose reviewed snapshot is unchanged), `mtfp project` prints the same,
/// it is written back byte for byte as schema 1, and its risk-adjusted figures are the
/// planned ones (no status: counted in full).
#[test]
fn older_files_keep_their_figures() {
    let old = baseline_as_schema_1();
    let text = serde_json::to_string_pretty(&old).unwrap();
    let s = Scenario::from_json(&text).unwrap();
    assert_eq!(s.schema, 1);
    let b = baseline::nottinghamshire().unwrap();
    assert_eq!(
        engine::project(&s).unwrap().years,
        engine::project(&b).unwrap().years
    );
    assert_eq!(Scenario::from_json(&s.to_json()).unwrap(), s);
    let written: Value = serde_json::from_str(&s.to_json()).unwrap();
    assert_eq!(written, old, "a schema-1 file is written back as it was");
    let dir = std::env::temp_dir().join(format!("mtfp-old-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("old.json");
    std::fs::write(&file, &text).unwrap();
    for format in ["csv", "json"] {
        let mut old_out = Vec::new();
        planner::cli::run(
            &[
                "project".into(),
                file.display().to_string(),
                "--format".into(),
                format.into(),
            ],
            &mut old_out,
        )
        .unwrap();
        let mut base_out = Vec::new();
        planner::cli::run(
            &["project".into(), "--format".into(), format.into()],
            &mut base_out,
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(old_out).unwrap(),
            String::from_utf8(base_out).unwrap()
        );
    }
    let r = report(&s);
    for y in &r.savings.years {
        assert_eq!(y.at_risk.total.to_string(), "0.00");
        assert_eq!(y.gap_risk_adjusted, y.gap);
    }
    assert_eq!(
        r.reserves.reserves.len(),
        1,
        "the earmarked reserves as one"
    );
    for y in &r.reserves.years {
        assert_eq!(y.general, y.general_planned);
        assert_eq!(y.minimum, y.floor, "the % floor governs");
    }
    // Giving the file a schema-2 section makes it schema 2.
    let mut s2 = s.clone();
    s2.savings[0].set_delivery(Some(&planner::model::scenario::delivery::Delivery::new(
        None,
    )));
    assert!(s2.to_json().starts_with("{\n  \"schema\": 2,"));
}

/// The baseline's savings and reserves, re-expressed in the register's and strategy's
/// form, each with its source; the earmarked split adds up to its £20m.
#[test]
fn the_baseline_register_and_strategy() {
    let b = baseline::nottinghamshire().unwrap();
    assert_eq!(b.schema, 2);
    let sections = b.sections().unwrap();
    for (i, saving) in b.savings.iter().enumerate() {
        let d = sections.delivery_at(i).unwrap();
        assert!(
            d.source.estimate && !d.source.text.is_empty(),
            "{}",
            saving.id
        );
    }
    let r = sections.strategy.as_ref().unwrap();
    assert_eq!(r.earmarked.len(), 5);
    assert!(r.earmarked.iter().all(|e| e.source.estimate));
    assert!(r
        .risks
        .iter()
        .all(|e| e.source.estimate && !e.source.text.is_empty()));
    let rep = report(&b);
    // On track at 90%: a tenth of £2.0m from 2022/23 and of £4.9m from 2023/24 is at risk.
    assert_eq!(
        column(rep.savings.years.iter().map(|y| y.at_risk.total)),
        ["0.00", "200000.00", "690000.00", "690000.00", "690000.00"]
    );
    // 50% × 2.1m + 30% × 1.0m + 20% × 1.5m + 20% × 1.3m + 10% × 0.5m.
    assert_eq!(rep.reserves.minimum.expected.to_string(), "1960000.00");
    assert!(!rep.reserves.minimum.risk_based_governs);
}

fn mtfp(args: &[&str], scenario: Option<&Value>) -> Result<String, String> {
    let mut argv: Vec<String> = args.iter().map(|a| (*a).to_string()).collect();
    let mut stdin: Vec<u8> = Vec::new();
    if let Some(v) = scenario {
        argv.insert(1, "-".into());
        stdin = v.to_string().into_bytes();
    }
    let mut out = Vec::new();
    planner::cli::run_os(
        argv.into_iter().map(std::ffi::OsString::from),
        &mut stdin.as_slice(),
        &mut out,
    )
    .map_err(|f| f.message)?;
    Ok(String::from_utf8(out).unwrap())
}

/// `mtfp savings`: a row per saving and year, then the totals with the gap both ways.
#[test]
fn mtfp_savings_prints_the_register() {
    let out = mtfp(&["savings"], Some(&tiny())).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "id,name,owner,category,kind,status,confidence_pct,confidence_from,year,planned,at_risk,risk_adjusted,gap,gap_risk_adjusted,structural_gap,structural_gap_risk_adjusted,still_to_find,still_to_find_risk_adjusted");
    assert!(lines
        .contains(&"a,A,,other,recurring,at_risk,60,status,2023/24,4000.00,1600.00,2400.00,,,,,,"));
    assert!(lines.contains(&"b,B,Head of Estates,estates,one_off,unlikely,25,status,2024/25,3000.00,2250.00,750.00,,,,,,"));
    assert!(lines.contains(&"c,C,,,recurring,,100,no_status,2026/27,1000.00,0.00,1000.00,,,,,,"));
    assert!(lines
        .contains(&"d,D,,other,recurring,on_track,50,own,2025/26,2000.00,1000.00,1000.00,,,,,,"));
    assert_eq!(
        lines.last().unwrap(),
        &"total,All savings,,,,,,,2026/27,7000.00,2600.00,4400.00,3000.00,5600.00,3000.00,5600.00,3000.00,5600.00"
    );
    assert_eq!(lines.len(), 1 + 4 * 5 + 5);
    let json: Value =
        serde_json::from_str(&mtfp(&["savings", "--format", "json"], Some(&tiny())).unwrap())
            .unwrap();
    assert_eq!(json["years"][2]["at_risk"]["one_off"], "2250.00");
    assert_eq!(json["savings"][3]["confidence_from"], "own");
}

/// `mtfp reserves`: an opening row, then each year's reserves, minimum and indicators.
#[test]
fn mtfp_reserves_prints_each_reserve_the_minimum_and_the_indicators() {
    let out = mtfp(&["reserves"], Some(&tiny())).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "year,general_planned,at_risk_to_date,general,reserve:mtfp,reserve:region,earmarked,usable,floor,risk_based_minimum,minimum,below_minimum,years_left,years_left_rag,usable_pct,usable_pct_rag,change_3y_pct,change_3y_pct_rag,council_tax_pct,council_tax_pct_rag,general_vs_minimum_pct,general_vs_minimum_pct_rag");
    assert_eq!(
        lines[1],
        "opening,20000.00,0.00,20000.00,2000.00,1000.00,3000.00,22000.00,,,,,,,,,,,,,,"
    );
    assert_eq!(lines[4], "2024/25,4500.00,5450.00,-950.00,1500.00,1000.00,2500.00,550.00,1840.00,1600.00,1840.00,true,0.09,red,0.60,red,-97.50,red,32.61,green,-51.63,red");
    let json: Value =
        serde_json::from_str(&mtfp(&["reserves", "--format", "json"], Some(&tiny())).unwrap())
            .unwrap();
    assert_eq!(json["years"][0]["indicators"][0]["value"], "1.44");
    assert_eq!(json["years"][0]["indicators"][0]["rag"], "red");
    assert_eq!(json["minimum"]["expected"], "1600.00");
}

/// `mtfp s25`: a saving turned red is named, with the indicators that read red and the
/// section 27 trigger; JSON carries the same figures to the penny.
#[test]
fn mtfp_s25_names_savings_at_risk_red_indicators_and_the_trigger() {
    let text = mtfp(&["s25"], Some(&tiny())).unwrap();
    assert!(text.starts_with("Section 25 statement: the robustness of the estimates and the adequacy of reserves\nScenario: tiny. Plan 2022/23 to 2026/27."), "{text}");
    for want in [
        "- The annual gaps add up to £0.02m from 2022/23 to 2026/27 as planned, and to £0.03m if each saving delivers only its confidence (risk-adjusted).",
        "- B: unlikely (red), 25% confidence, owner Head of Estates: £0.00m of £0.00m at risk.",
        "- A: at risk (amber), 60% confidence: £0.01m of £0.02m at risk.",
        "- Band D rise (£): £0.02m to £0.04m, a spread of £0.02m.",
        "- Usable reserves, % of net revenue spending: red in 2024/25, 2025/26, 2026/27.",
        "- Section 27 trigger: the general reserve falls below its minimum in 2024/25 (£0.00m against £0.00m).",
        "- With no delivery status, counted in full: C.",
    ] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
    let json: Value =
        serde_json::from_str(&mtfp(&["s25", "--format", "json"], Some(&tiny())).unwrap()).unwrap();
    assert_eq!(json["cumulative_gap"]["planned"], "22000.00");
    assert_eq!(json["cumulative_gap"]["risk_adjusted"], "32650.00");
    assert_eq!(json["savings"]["at_risk_savings"][0]["id"], "a");
    assert_eq!(json["savings"]["at_risk_savings"][0]["at_risk"], "6400.00");
    assert_eq!(json["s27"]["year"], "2024/25");
    assert_eq!(json["s27"]["general"], "-950.00");
    assert_eq!(json["sections"][5]["id"], "s27");
    let e = mtfp(&["s25", "--format", "csv"], Some(&tiny())).unwrap_err();
    assert_eq!(
        e,
        "s25 prints text, or JSON with --format json: there is no CSV"
    );
}

/// The hook for the risk simulation: its ranges replace the registry's of the same key,
/// and the statement says which came from the simulation.
#[test]
fn a_simulations_ranges_take_the_registrys_place() {
    use planner::model::resilience::uncertainty::{self, Spread, SpreadFrom};
    let b = baseline::nottinghamshire().unwrap();
    let registry = uncertainty::from_registry(&b).unwrap();
    assert_eq!(registry[0].key, "officer_pay_award");
    let simulated = Spread {
        key: "officer_pay_award".into(),
        label: "Officer pay award".into(),
        low: d("1000000"),
        high: d("2000000"),
        width: d("1000000"),
        basis: "P10 to P90 of 10,000 draws".into(),
        estimate: true,
        from: SpreadFrom::Simulation,
    };
    let merged = uncertainty::with_simulation(registry.clone(), vec![simulated]);
    assert_eq!(merged.len(), registry.len());
    assert_ne!(
        merged[0].key, "officer_pay_award",
        "now narrower than the rest"
    );
    let p = engine::project(&b).unwrap();
    let r = resilience::report(&b, &p).unwrap();
    let mut first = merged.clone();
    first.sort_by_key(|s| s.from != SpreadFrom::Simulation);
    let text = planner::view::s25::statement(&b, &p, &r, &first)
        .unwrap()
        .text();
    assert!(text.contains("- Officer pay award: £1.00m to £2.00m, a spread of £1.00m; the plan's figure is an estimate (from the risk simulation)."), "{text}");
    assert!(!text.contains("not part of this statement"));
}

/// Where files enter (`mtfp`, the Import), a damaged section is refused with its path, line
/// and column, even by `mtfp project`, which does not use it; a share link carrying it
/// opens with the plan's figures, and only the sections' reader says what is wrong.
#[test]
fn a_damaged_section_is_refused_where_files_enter_and_opens_from_a_link() {
    let mut v = tiny();
    v["reserves_strategy"]["risks"][0]["impact"] = json!(5);
    let want = "reserves_strategy.risks[r1].impact: invalid type: number `5`, expected a \
                decimal number written as a string, for example \"1234.56\"";
    let e = mtfp(&["project"], Some(&v)).unwrap_err();
    assert!(
        e.starts_with(&format!("standard input: {want} (line 1, column ")),
        "{e}"
    );
    let e = planner::store::import::scenario("bad.json", v.to_string().as_bytes())
        .unwrap_err()
        .to_string();
    assert!(e.contains(&format!("{want} (line 1, column ")), "{e}");
    let opened = Scenario::from_json(&v.to_string()).unwrap();
    let link = planner::store::share::encode(&opened).unwrap();
    let back = planner::store::share::decode(&link).unwrap();
    assert_eq!(back, opened);
    assert_eq!(
        engine::project(&back).unwrap().years,
        engine::project(&read(&tiny())).unwrap().years
    );
    assert_eq!(back.sections().unwrap_err().to_string(), want);
    let p = engine::project(&back).unwrap();
    assert_eq!(report_error(&back, &p), want);
    // A section that is not an object is refused wherever a scenario is read.
    v["reserves_strategy"] = json!([]);
    let e = Scenario::from_json(&v.to_string()).unwrap_err().to_string();
    assert!(
        e.starts_with("reserves_strategy: invalid type: an array, expected an object"),
        "{e}"
    );
}

fn report_error(s: &Scenario, p: &planner::model::Projection) -> String {
    resilience::report(s, p).unwrap_err().to_string()
}
