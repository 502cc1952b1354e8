//! `mtfp collaborations`: the baseline as CSV and JSON, and a scenario without a register.

use planner::cli::run;

fn mtfp(args: &[&str]) -> Result<String, String> {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let mut out = Vec::new();
    run(&args, &mut out)?;
    Ok(String::from_utf8(out).unwrap())
}

#[test]
fn baseline_csv_has_a_row_per_collaboration_and_plan_year() {
    let text = mtfp(&["collaborations"]).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "id,name,kind,status,year,period,months,total_cost,force_share,exit_cost,force_total,\
cashable_planned,cashable_realised,realised_pct,benefits_status"
    );
    let rows: Vec<&str> = lines.collect();
    for id in [
        "emsou", "emcjs", "legal", "mfss", "emopss", "joint_hq", "total",
    ] {
        for year in ["2021/22", "2022/23", "2023/24", "2024/25", "2025/26"] {
            assert!(
                rows.iter()
                    .any(|r| r.starts_with(&format!("{id},"))
                        && r.contains(&format!(",{year},plan,"))),
                "{id} {year}"
            );
        }
    }
    // EMOpSS history: one month of 2018/19 before leaving on 1 May 2018.
    assert!(rows
        .iter()
        .any(|r| r.starts_with("emopss,") && r.contains(",2018/19,history,1,")));
    // Every row has the same number of fields (names with commas are quoted).
    let fields = |r: &str| {
        let mut n = 1;
        let mut quoted = false;
        for c in r.chars() {
            match c {
                '"' => quoted = !quoted,
                ',' if !quoted => n += 1,
                _ => {}
            }
        }
        n
    };
    assert!(rows.iter().all(|r| fields(r) == 15), "{text}");
    // The HQ's force share in 2022/23 is its financing.
    assert!(
        rows.iter()
            .any(|r| r.starts_with("joint_hq,")
                && r.contains(",2022/23,plan,12,832500.00,541125.00,"))
    );
}

#[test]
fn baseline_json_parses() {
    let text = mtfp(&["collaborations", "--format", "json"]).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["plan_years"][0], "2021/22");
    assert_eq!(v["projection"]["force"], "Nottinghamshire");
    assert!(v["projection"]["totals"]["2025/26"]["contribution"].is_string());
}

#[test]
fn a_scenario_without_a_register_is_a_clear_error() {
    // The baseline without its register, and without the lines the register drives.
    let full = planner::model::baseline::nottinghamshire_json().unwrap();
    let mut scenario: serde_json::Value = serde_json::from_str(&full).unwrap();
    scenario.as_object_mut().unwrap().remove("collaborations");
    scenario["expenditure"].as_array_mut().unwrap().retain(|l| {
        !l["driver"]["kind"]
            .as_str()
            .unwrap()
            .starts_with("collaboration")
    });
    let dir = std::env::temp_dir().join(format!("collab-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("no-register.json");
    std::fs::write(&path, serde_json::to_string(&scenario).unwrap()).unwrap();
    let e = mtfp(&["collaborations", path.to_str().unwrap()]).unwrap_err();
    assert!(
        e.ends_with("the scenario has no collaborations section, so there is no register to show"),
        "{e}"
    );
    assert!(!e.contains('\n'), "{e}");
    let _ = std::fs::remove_dir_all(&dir);

    let e = mtfp(&["collaborations", "/nonexistent/x.json"]).unwrap_err();
    assert!(e.contains("cannot read"), "{e}");
}

fn temp_file(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("collab-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("scenario.json");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_scenario_file_with_a_register_is_shown() {
    let full = planner::model::baseline::nottinghamshire_json().unwrap();
    let path = temp_file("full", &full);
    let from_file = mtfp(&["collaborations", path.to_str().unwrap()]).unwrap();
    assert_eq!(from_file, mtfp(&["collaborations"]).unwrap());

    // A bad register in the file: one line naming the collaboration and field.
    let mut scenario: serde_json::Value = serde_json::from_str(&full).unwrap();
    scenario["collaborations"]["collaborations"][0]["sharing"]["partners"][1]["name"] =
        serde_json::Value::String("Nottinghamshire".into());
    let path = temp_file("twice", &scenario.to_string());
    let e = mtfp(&["collaborations", path.to_str().unwrap()]).unwrap_err();
    assert!(
        e.contains("collaborations[emsou].sharing.partners")
            && e.contains("partner 'Nottinghamshire' is listed twice"),
        "{e}"
    );
    assert!(!e.contains('\n'), "{e}");
    for name in ["full", "twice"] {
        let dir = std::env::temp_dir().join(format!("collab-cli-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(dir);
    }
}
