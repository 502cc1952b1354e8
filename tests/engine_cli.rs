//! `mtfp project` as a user runs it: the baseline by default, CSV or JSON, and a one-line
//! message with a non-zero exit for a bad file.

use std::path::PathBuf;
use std::process::{Command, Output};

use crate::util::engine::small;
use serde_json::json;

fn mtfp(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mtfp"))
        .args(args)
        .env("RUST_BACKTRACE", "1")
        .output()
        .unwrap()
}

/// Write `text` to a file of its own under the target directory.
fn file(name: &str, text: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("engine_cli");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Run with a bad file: exit 2 and exactly one line on stderr, without a panic.
fn refused(name: &str, text: &str) -> String {
    let path = file(name, text);
    let out = mtfp(&["project", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.starts_with("mtfp: "), "{stderr}");
    assert!(stderr.contains(name), "names the file: {stderr}");
    stderr
}

#[test]
fn baseline_csv_by_default() {
    let out = mtfp(&["project"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("year,funding,expenditure,gap,cumulative_gap,reserves")
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 5);
    assert!(rows[0].starts_with("2021/22,"));
    assert!(rows[4].starts_with("2025/26,"));
    // Two decimals in every figure.
    for row in rows {
        for figure in row.split(',').skip(1) {
            let (_, pence) = figure.split_once('.').unwrap();
            assert_eq!(pence.len(), 2, "{row}");
        }
    }
}

#[test]
fn json_has_every_line() {
    let out = mtfp(&["project", "--format", "json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let years = v["years"].as_array().unwrap();
    assert_eq!(years.len(), 5);
    let first = &years[0];
    assert!(first["expenditure"].as_array().unwrap().len() >= 10);
    assert!(first["funding"].as_array().unwrap().len() >= 4);
    assert_eq!(first["year"], "2021/22");
    assert_eq!(first["precept"]["band_d"], "244.26");
    // Money stays a string, exact.
    assert!(first["total_funding"].is_string());
}

#[test]
fn a_scenario_file() {
    let path = file("small.json", &small().to_string());
    let out = mtfp(&["project", path.to_str().unwrap(), "--format=csv"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text.lines().nth(2),
        Some("2023/24,121000.00,128500.00,7500.00,7500.00,-2500.00")
    );
}

#[test]
fn bad_files_get_one_line() {
    let text = small().to_string();
    let m = refused("truncated.json", &text[..text.len() / 2]);
    assert!(m.contains("truncated"), "{m}");

    let mut s = small();
    s["precept"]["tax_base"]["value"] = json!("-100");
    let m = refused("negative-tax-base.json", &s.to_string());
    assert!(m.contains("precept.tax_base"), "{m}");

    let mut s = small();
    s["expenditure"][0]["base_amount"] = json!(120000);
    let m = refused("number.json", &s.to_string());
    assert!(m.contains("expenditure[officers].base_amount"), "{m}");

    let mut s = small();
    s["assumptions"]["non_pay_inflation_pct"]["value"]["2024/25"] = json!("1e6");
    let m = refused("absurd.json", &s.to_string());
    assert!(m.contains("not a plausible rate"), "{m}");

    let mut s = small();
    s["funding"][0]["base_amount"] = json!("1e40");
    let m = refused("overflow.json", &s.to_string());
    assert!(m.contains("funding[grant].base_amount"), "{m}");
}

#[test]
fn missing_file_and_bad_options() {
    let out = mtfp(&["project", "/no/such/scenario.json"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1);
    assert!(stderr.contains("cannot read the file"), "{stderr}");

    let out = mtfp(&["project", "--format", "xml"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn help_and_version_exit_zero() {
    for args in [
        &["--help"][..],
        &["project", "--help"],
        &["--version"],
        &["help", "uplift"],
    ] {
        let out = mtfp(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(out.stderr.is_empty(), "{args:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.starts_with("mtfp"), "{args:?}: {text}");
    }
}

/// Run the binary with `input` on standard input.
fn mtfp_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_mtfp"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn standard_input_with_a_byte_order_mark_and_output_to_a_file() {
    let expected = mtfp(&["project"]).stdout;
    let mut input = vec![0xEF, 0xBB, 0xBF];
    input.extend(
        planner::model::baseline::nottinghamshire()
            .unwrap()
            .to_json()
            .into_bytes(),
    );
    let out = mtfp_stdin(&["project", "-"], &input);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(out.stdout, expected);
    let path = file("gap.csv", "");
    let out = mtfp_stdin(&["project", "-", "-o", path.to_str().unwrap()], &input);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert_eq!(std::fs::read(&path).unwrap(), expected);
    // Output that cannot be written: exit 1.
    let out = mtfp(&["project", "-o", "/no/such/dir/gap.csv"]);
    assert_eq!(out.status.code(), Some(1));
}

#[cfg(unix)]
#[test]
fn arguments_that_are_not_utf8_never_panic() {
    use std::os::unix::ffi::OsStrExt;
    let bad = std::ffi::OsStr::from_bytes(b"plan-\xFF.json");
    for args in [vec![bad], vec![std::ffi::OsStr::new("project"), bad]] {
        let out = Command::new(env!("CARGO_BIN_EXE_mtfp"))
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(stderr.starts_with("mtfp: "), "{stderr}");
        assert!(stderr.contains("plan-\u{fffd}.json"), "{stderr}");
    }
}
