//! `mtfp workforce` and `mtfp uplift`: baseline output, formats, and clear errors.

use std::path::PathBuf;

fn run(args: &[&str]) -> Result<String, String> {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let mut out = Vec::new();
    planner::cli::run(&args, &mut out)?;
    Ok(String::from_utf8(out).unwrap())
}

fn temp_file(name: &str, text: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("mtfp-workforce-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn workforce_csv_of_the_baseline() {
    let text = run(&["workforce"]).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("year,group,headcount,fte,average_fte,starters,leavers,pay_cost")
    );
    let officers_2122 = text
        .lines()
        .find(|l| l.starts_with("2021/22,officers,"))
        .unwrap();
    assert!(
        officers_2122.starts_with("2021/22,officers,2344,"),
        "{officers_2122}"
    );
    let cols: Vec<&str> = officers_2122.split(',').collect();
    assert_eq!(cols.len(), 8);
    assert_eq!(cols[5], "287");
    assert_eq!(cols[6], "125");
    assert!(cols[7].ends_with(|c: char| c.is_ascii_digit()) && cols[7].contains('.'));
    assert!(text.contains("2023/24,pcsos,150,"));
    assert!(text.contains("Special constables"));
}

#[test]
fn uplift_csv_and_json_of_the_baseline() {
    let text = run(&["uplift"]).unwrap();
    assert!(text.starts_with(
        "year,target,actual,percent_achieved,grant_due,grant_at_risk,grant,percent_paid\n"
    ));
    assert!(
        text.contains("\n2023/24,2380,2380,100.00,4900000.00,0.00,4900000.00,100.00"),
        "{text}"
    );
    let json = run(&["uplift", "--format", "json"]).unwrap();
    let rows: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 5);
    assert_eq!(rows[0]["year"], "2021/22");
    assert_eq!(rows[0]["target"], "2237");
    let json = run(&["workforce", "--format=json"]).unwrap();
    let rows: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(rows[0]["group"], "officers");
    assert_eq!(rows[0]["headcount"], "2344");
}

#[test]
fn a_scenario_without_a_workforce_section_is_a_clear_error() {
    let mut scenario: serde_json::Value =
        serde_json::from_str(&planner::model::baseline::nottinghamshire_json().unwrap()).unwrap();
    scenario.as_object_mut().unwrap().remove("workforce");
    // Lines still driven by the workforce: the scenario itself is refused.
    let path = temp_file("no-workforce.json", &scenario.to_string());
    let err = run(&["workforce", path.to_str().unwrap()]).unwrap_err();
    assert!(err.contains("no workforce section"), "{err}");
    let err = run(&["uplift", path.to_str().unwrap()]).unwrap_err();
    assert!(err.contains("no workforce section"), "{err}");
    std::fs::remove_file(path).ok();
    // Lines on plain drivers: a valid scenario, but nothing for these commands to show.
    for line in scenario["expenditure"].as_array_mut().unwrap() {
        if line["driver"]["kind"] == "workforce" {
            line["driver"] = serde_json::json!({"kind": "flat_cash"});
        }
    }
    for line in scenario["funding"].as_array_mut().unwrap() {
        if line["driver"]["kind"] == "uplift_grant" {
            line["driver"] = serde_json::json!({"kind": "flat_cash"});
        }
    }
    let path = temp_file("plain-drivers.json", &scenario.to_string());
    for command in ["workforce", "uplift"] {
        let err = run(&[command, path.to_str().unwrap()]).unwrap_err();
        assert!(err.contains("add a \"workforce\" section"), "{err}");
        assert!(!err.contains('\n'), "{err}");
    }
    std::fs::remove_file(path).ok();
}

#[test]
fn a_scenario_with_a_bad_workforce_names_the_field() {
    let mut scenario: serde_json::Value =
        serde_json::from_str(&planner::model::baseline::nottinghamshire_json().unwrap()).unwrap();
    let mut workforce: serde_json::Value =
        serde_json::from_str(planner::model::workforce::baseline::NOTTINGHAMSHIRE_JSON).unwrap();
    workforce["officers"]["attrition_pct"] = serde_json::Value::String("140".into());
    scenario["workforce"] = workforce;
    let path = temp_file("bad-attrition.json", &scenario.to_string());
    let err = run(&["workforce", path.to_str().unwrap()]).unwrap_err();
    assert!(err.contains("workforce.officers.attrition_pct"), "{err}");
    assert!(!err.contains('\n'), "{err}");
    std::fs::remove_file(path).ok();
}
