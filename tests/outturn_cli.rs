//! `mtfp variance` and `mtfp roll-forward` (docs/outturn.md §3, §5): what they print, and
//! that the rolled scenario they print reads back and projects.

use planner::cli;
use planner::model::{baseline, engine, Scenario};

fn mtfp(args: &[&str]) -> Result<String, String> {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let mut out = Vec::new();
    cli::run(&args, &mut out)?;
    Ok(String::from_utf8(out).unwrap())
}

#[test]
fn variance_prints_plan_actual_variance_and_adverse() {
    let csv = mtfp(&["variance"]).unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("year,item,name,unit,plan,actual,variance,variance_pct,adverse,status,estimate")
    );
    assert!(csv.contains("\n2022/23,precept_income,Precept income,gbp,84004530.53,85400000.00,1395469.47,1.66,false,favourable,false\n"), "{csv}");
    assert!(csv.contains("\n2024/25,officer_pay_award,Officer pay award,percent,2.50,4.75,2.25,,true,adverse,false\n"), "{csv}");
    let json: serde_json::Value =
        serde_json::from_str(&mtfp(&["variance", "--format", "json"]).unwrap()).unwrap();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), csv.lines().count() - 1);
    let r = rows
        .iter()
        .find(|r| r["year"] == "2025/26" && r["item"] == "officer_pay_award")
        .unwrap();
    assert_eq!(
        (
            r["plan"].as_str(),
            r["actual"].as_str(),
            r["variance"].as_str()
        ),
        (Some("2.50"), Some("4.20"), Some("1.70"))
    );
    assert_eq!(r["adverse"], true);
}

#[test]
fn a_year_without_actuals_is_not_yet_known() {
    let rolled = mtfp(&["roll-forward"]).unwrap();
    let path = std::env::temp_dir().join(format!("mtfp-rolled-{}.json", std::process::id()));
    std::fs::write(&path, &rolled).unwrap();
    let p = path.to_str().unwrap();
    let csv = mtfp(&["variance", p]).unwrap();
    assert!(csv.ends_with("\n2026/27,,,,,,,,,not yet known,\n"), "{csv}");
    let json: serde_json::Value =
        serde_json::from_str(&mtfp(&["variance", p, "--format", "json"]).unwrap()).unwrap();
    let last = json.as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (last["status"].as_str(), last["adverse"].is_null()),
        (Some("not yet known"), true)
    );
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn roll_forward_prints_a_scenario_or_what_it_assumed() {
    let text = mtfp(&["roll-forward"]).unwrap();
    let s = Scenario::from_json(&text).unwrap();
    assert_eq!(s.horizon.base_year.to_string(), "2022/23");
    engine::project(&s).unwrap();
    let assumed = mtfp(&["roll-forward", "--assumed"]).unwrap();
    assert!(assumed.starts_with("path,year,basis,detail\n"));
    assert!(
        assumed.contains("\nprecept.tax_base,2022/23,outturn,330400 (outturn)\n"),
        "{assumed}"
    );
    assert!(assumed.contains("\nexpenditure[ict].base_amount,2022/23,plan,\"£9,360,000.00 (the plan's figure: no outturn entered)\"\n"), "{assumed}");
    assert!(
        assumed.contains(
            "\nassumptions.officer_pay_award_pct,2026/27,carried_on,2.5 carried on from 2025/26\n"
        ),
        "{assumed}"
    );
    // `mtfp project` of the baseline is unchanged by the outturn it carries.
    let b = baseline::nottinghamshire().unwrap();
    let mut without = b.clone();
    without.actuals = None;
    assert_eq!(
        engine::project(&b).unwrap(),
        engine::project(&without).unwrap()
    );
}

#[test]
fn every_command_refuses_a_file_with_a_bad_actuals_section() {
    // Checked where the file enters, as the app's import checks it: even `mtfp project`,
    // whose figures the section cannot move.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/bad-scenarios/");
    for (file, expect) in [
        (
            "actuals-unknown-item.json",
            "actuals.figures[1].item: unknown item `cake`",
        ),
        (
            "actuals-outside-plan.json",
            "actuals.figures[band_d] (2030/31): 2030/31 is outside the plan",
        ),
    ] {
        let path = format!("{dir}{file}");
        for command in ["project", "variance"] {
            let e = mtfp(&[command, &path]).unwrap_err();
            assert!(e.contains(file) && e.contains(expect), "{command}: {e}");
        }
    }
}
