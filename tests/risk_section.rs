//! The scenario's `risk` section (issue 16; docs/scenarios.md "The risk section", docs/risk.md
//! §1 and §4): a file with the section gives the figures of the same settings passed
//! directly, in the model and through `mtfp risk` (whose options override it); every rule
//! refused with a message naming the field, where files enter and where the section is
//! read; round trips and the schema; and the ranges editor's changes.

use rust_decimal::dec;
use serde_json::{json, Value};

use planner::model::registry::{Assumption, Kind};
use planner::model::risk::draw::Distribution;
use planner::model::risk::section::{self, Edit, Point, RangeEntry, RangeFrom, RiskSection};
use planner::model::risk::{self, Range, Settings};
use planner::model::{baseline, Scenario};

fn base() -> Scenario {
    baseline::nottinghamshire().unwrap()
}

/// The baseline's file with `risk` as its risk section.
fn with_section(risk: Value) -> Value {
    let mut v: Value = serde_json::from_str(&base().to_json()).unwrap();
    v["risk"] = risk;
    v
}

/// A section of every kind of member: its own ranges by assumption key and by kind key.
fn section_json() -> Value {
    json!({
        "draws": 1500,
        "seed": 7,
        "coupled": true,
        "above_gbp": "20000000",
        "ranges": [
            {"key": "officer_pay_award", "distribution": "uniform", "low": "1", "likely": "2.5",
             "high": "4", "basis": "the last three awards"},
            {"key": "funding_growth", "low": "-1", "likely": "0", "high": "0.5",
             "basis": "a flat settlement"},
            {"key": "spending_pressure[ict]", "low": "0", "likely": "0", "high": "3"}
        ]
    })
}

fn ranges_directly() -> Vec<(String, Range)> {
    let r = |distribution, low, likely, high| Range {
        distribution,
        low,
        likely,
        high,
    };
    vec![
        (
            "officer_pay_award".into(),
            r(Distribution::Uniform, dec!(1), dec!(2.5), dec!(4)),
        ),
        (
            "funding_growth".into(),
            r(Distribution::Triangular, dec!(-1), dec!(0), dec!(0.5)),
        ),
        (
            "spending_pressure[ict]".into(),
            r(Distribution::Triangular, dec!(0), dec!(0), dec!(3)),
        ),
    ]
}

fn checked(v: &Value) -> Result<Scenario, String> {
    Scenario::from_json_checked(&v.to_string()).map_err(|e| e.to_string())
}

/// `mtfp ARGS…` with `stdin`: standard output, or the exit code and message.
fn mtfp(args: &[&str], stdin: &str) -> Result<String, (u8, String)> {
    let args: Vec<std::ffi::OsString> = args.iter().map(std::ffi::OsString::from).collect();
    let mut out = Vec::new();
    planner::cli::run_os(args, &mut stdin.as_bytes(), &mut out).map_err(|f| (f.code, f.message))?;
    Ok(String::from_utf8(out).unwrap())
}

#[test]
fn a_section_gives_the_figures_of_the_same_settings_passed_directly() {
    let s = checked(&with_section(section_json())).unwrap();
    let settings = Settings::of(&s).unwrap();
    let direct = Settings {
        draws: 1_500,
        seed: 7,
        coupled: true,
        threshold: Some(dec!(20000000)),
        ranges: ranges_directly(),
    };
    assert_eq!(settings, direct);
    let from_section = risk::run(&s, &settings).unwrap();
    assert_eq!(from_section, risk::run(&base(), &direct).unwrap());
    // The ranges moved the figures: not the registry's run.
    let registry = Settings {
        ranges: Vec::new(),
        ..direct.clone()
    };
    assert_ne!(from_section, risk::run(&base(), &registry).unwrap());
    // Without a section, the defaults.
    assert_eq!(Settings::of(&base()).unwrap(), Settings::default());
}

#[test]
fn mtfp_risk_reads_the_section_and_its_options_override_it() {
    let file = with_section(section_json()).to_string();
    let json = |args: &[&str]| -> Value {
        let mut all = vec!["risk", "-", "--format", "json"];
        all.extend_from_slice(args);
        serde_json::from_str(&mtfp(&all, &file).unwrap()).unwrap()
    };
    let direct = Settings {
        draws: 1_500,
        seed: 7,
        coupled: true,
        threshold: Some(dec!(20000000)),
        ranges: ranges_directly(),
    };
    let want = risk::run(&base(), &direct).unwrap();
    let got = json(&[]);
    assert_eq!(got["draws"], 1500);
    assert_eq!(got["seed"], 7);
    assert_eq!(got["coupled"], true);
    assert_eq!(got["above"]["amount"], "20000000.00");
    assert_eq!(got["above"]["draws"], want.above_threshold.unwrap().1);
    let last = want.years.last().unwrap();
    assert_eq!(
        got["years"][4]["cumulative_gap"]["p50"],
        format!("{:.2}", last.cumulative_gap.p50)
    );
    assert_eq!(got["years"][4]["below_floor"], last.below_floor);
    assert_eq!(got["summary"], want.summary);
    // Each option overrides the section's figure; the ranges stay the section's.
    let over = Settings {
        draws: 1_000,
        seed: 9,
        coupled: false,
        threshold: Some(dec!(5000000)),
        ..direct
    };
    let want = risk::run(&base(), &over).unwrap();
    let got = json(&[
        "--draws",
        "1000",
        "--seed",
        "9",
        "--uncoupled",
        "--above",
        "5000000",
    ]);
    assert_eq!(
        (got["draws"].clone(), got["seed"].clone()),
        (json!(1000), json!(9))
    );
    assert_eq!(got["coupled"], false);
    assert_eq!(got["above"]["draws"], want.above_threshold.unwrap().1);
    assert_eq!(
        got["years"][4]["general_reserve"]["p5"],
        format!("{:.2}", want.years[4].general_reserve.p5)
    );
    // CSV: the same run as the settings passed directly.
    let csv = mtfp(
        &["risk", "-", "--draws", "1000", "--seed", "9", "--uncoupled"],
        &file,
    )
    .unwrap();
    let p50 = format!("{:.2}", want.years[4].cumulative_gap.p50);
    assert!(csv.lines().nth(5).unwrap().contains(&p50), "{csv}");
    let (code, message) = mtfp(&["risk", "-", "--coupled", "--uncoupled"], &file).unwrap_err();
    assert_eq!(code, planner::cli::EXIT_BAD_INPUT);
    assert_eq!(message, "--coupled and --uncoupled: choose one");
}

/// Every rule, with the message it gives (after the path), both where a file enters (with
/// the line and column of a reading problem) and where a kept section is read.
#[test]
fn every_rule_is_refused_with_a_message_naming_the_field() {
    let range = |key: &str, low: &str, likely: &str, high: &str| json!({"key": key, "low": low, "likely": likely, "high": high});
    let cases: Vec<(Value, &str)> = vec![
        (
            json!({"ranges": [range("pay_award[officers]", "0", "1", "2")]}),
            "risk.ranges[pay_award[officers]].key: `pay_award[officers]` is neither an \
             assumption of this scenario nor a kind of assumption (mtfp assumptions lists them)",
        ),
        (
            json!({"ranges": [range("funding_growth[no_such_grant]", "0", "1", "2")]}),
            "risk.ranges[funding_growth[no_such_grant]].key: `funding_growth[no_such_grant]` is \
             neither an assumption of this scenario nor a kind of assumption (mtfp assumptions \
             lists them)",
        ),
        (
            json!({"ranges": [range("band_d", "0", "1", "2")]}),
            "risk.ranges[band_d].key: `band_d` is not varied by a risk run: set and published \
             for the base year",
        ),
        (
            json!({"ranges": [range("officer_pay_award", "3", "2.5", "7")]}),
            "risk.ranges[officer_pay_award].low: the low figure (3) is above the most likely \
             (2.5): low, most likely and high go up in that order",
        ),
        (
            json!({"ranges": [range("officer_pay_award", "0", "2.5", "2")]}),
            "risk.ranges[officer_pay_award].high: the high figure (2) is below the most likely \
             (2.5): low, most likely and high go up in that order",
        ),
        (
            json!({"ranges": [range("officer_pay_award", "0", "2.5", "31")]}),
            "risk.ranges[officer_pay_award].high: 31 is outside the valid range of Officer pay \
             award: from -20 to 30",
        ),
        (
            json!({"ranges": [range("funding_amount", "-101", "0", "5")]}),
            "risk.ranges[funding_amount].low: -101% is outside what a % change may be: from \
             -100% to 100%",
        ),
        (
            json!({"ranges": [range("band_d_rise_gbp", "-5", "0", "1001")]}),
            "risk.ranges[band_d_rise_gbp].high: 1001 is outside what a change to Band D rise \
             may be: from -1000 to 1000",
        ),
        (
            json!({"draws": 999}),
            "risk.draws: 999 draws: a run makes from 1,000 to 100,000",
        ),
        (
            json!({"draws": 100001}),
            "risk.draws: 100,001 draws: a run makes from 1,000 to 100,000",
        ),
        (
            json!({"ranges": [range("officer_pay_award", "0", "2.5", "7"),
                              range("officer_pay_award", "1", "2.5", "7")]}),
            "risk.ranges[officer_pay_award].key: given twice: a scenario gives one range for \
             each key",
        ),
        (
            json!({"above_gbp": "2000000000000"}),
            "risk.above_gbp: £2000000000000 is beyond any police budget (the limit is £1 \
             trillion)",
        ),
    ];
    for (risk, want) in &cases {
        let v = with_section(risk.clone());
        assert_eq!(checked(&v).unwrap_err(), *want, "{risk}");
        // Kept as read: the scenario opens, and reading the section says the same.
        let opened = Scenario::from_json(&v.to_string()).unwrap();
        assert_eq!(Settings::of(&opened).unwrap_err().to_string(), *want);
    }
    // Problems reading the section: named by the field, with the line and column where
    // the file enters.
    let reading: Vec<(Value, &str)> = vec![
        (
            json!({"ranges": [{"key": "officer_pay_award", "distribution": "normal",
                               "low": "0", "likely": "1", "high": "2"}]}),
            "risk.ranges[officer_pay_award].distribution: unknown variant `normal`, expected \
             `triangular` or `uniform`",
        ),
        (
            json!({"ranges": [{"key": "officer_pay_award", "low": "0", "likely": "1",
                               "high": 2}]}),
            "risk.ranges[officer_pay_award].high: invalid type: number `2`, expected a decimal \
             number written as a string, for example \"1234.56\"",
        ),
        (
            json!({"ranges": [{"key": "officer_pay_award", "low": "0", "likely": "1"}]}),
            "risk.ranges[officer_pay_award]: missing field `high`",
        ),
        (
            json!({"ranges": [{"low": "0", "likely": "1", "high": "2"}]}),
            "risk.ranges[0]: missing field `key`",
        ),
        (
            json!({"seed": -1}),
            "risk.seed: invalid type: number `-1`, expected a whole number from 0 to \
             18446744073709551615",
        ),
        (
            json!({"draws": "1000"}),
            "risk.draws: invalid type: string \"1000\", expected a whole number from \
             -9223372036854775808 to 9223372036854775807",
        ),
        (
            json!({"coupled": "yes"}),
            "risk.coupled: invalid type: string \"yes\", expected a boolean (true or false)",
        ),
        (
            json!({"runs": 5}),
            "risk.runs: unknown field `runs`, expected one of `draws`, `seed`, `coupled`, \
             `above_gbp`, `ranges`",
        ),
    ];
    for (risk, want) in &reading {
        let v = with_section(risk.clone());
        let e = checked(&v).unwrap_err();
        assert!(e.starts_with(&format!("{want} (line 1, column ")), "{e}");
        let opened = Scenario::from_json(&v.to_string()).unwrap();
        assert_eq!(Settings::of(&opened).unwrap_err().to_string(), *want);
    }
    // Not an object: refused wherever a scenario is read.
    let e = Scenario::from_json(&with_section(json!([])).to_string())
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("risk: invalid type: an array, expected an object"),
        "{e}"
    );
    // Through mtfp: bad input, exit status 2, the message with the file's name.
    let (code, message) = mtfp(
        &["risk", "-"],
        &with_section(json!({"draws": 999})).to_string(),
    )
    .unwrap_err();
    assert_eq!(code, planner::cli::EXIT_BAD_INPUT);
    assert!(message.contains("risk.draws: 999 draws"), "{message}");
}

#[test]
fn a_section_round_trips_and_only_it_makes_a_file_schema_2() {
    let old = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/schema1-baseline.json"
    ))
    .unwrap();
    let s = Scenario::from_json(&old).unwrap();
    assert_eq!(s.schema, 1);
    let written: Value = serde_json::from_str(&s.to_json()).unwrap();
    assert_eq!(written["schema"], 1);
    assert!(written.get("risk").is_none());
    // With the section: schema 2, read back equal, the section as it was.
    let mut with = s.clone();
    RiskSection::read_json(&section_json().to_string())
        .unwrap()
        .write(&mut with);
    let text = with.to_json();
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["schema"], 2);
    assert_eq!(v["risk"]["ranges"][0]["distribution"], "uniform");
    assert_eq!(v["risk"]["ranges"][1]["distribution"], "triangular");
    assert_eq!(v["risk"]["ranges"][2]["basis"], "");
    let back = Scenario::from_json_checked(&text).unwrap();
    assert_eq!(
        back,
        Scenario {
            schema: 2,
            ..with.clone()
        }
    );
    assert_eq!(back.to_json(), text);
    assert_eq!(Settings::of(&back).unwrap(), Settings::of(&with).unwrap());
    // Kept as read: the members' order does not matter.
    let file = |risk: &str| {
        let text = base().to_json();
        let open = text.trim_end().strip_suffix('}').unwrap().to_string();
        Scenario::from_json(&format!("{open}, \"risk\": {risk}}}")).unwrap()
    };
    let a = file(r#"{"ranges": [], "seed": 3, "draws": 2000}"#);
    assert_eq!(a, file(r#"{"draws": 2000, "seed": 3, "ranges": []}"#));
    assert_ne!(a, file(r#"{"draws": 2000, "seed": 4, "ranges": []}"#));
    // And through a share link.
    let link = planner::store::share::encode(&with).unwrap();
    assert_eq!(planner::store::share::decode(&link).unwrap(), back);
    // A section holding only the defaults is not written: schema 1 again.
    let mut reset = with.clone();
    RiskSection::default().write(&mut reset);
    assert!(reset.risk.is_none());
    let v: Value = serde_json::from_str(&reset.to_json()).unwrap();
    assert_eq!(v["schema"], 1);
    // `mtfp project` prints the same with or without it.
    let plain = mtfp(&["project", "-"], &s.to_json()).unwrap();
    assert_eq!(mtfp(&["project", "-"], &text).unwrap(), plain);
}

#[test]
fn the_varied_assumptions_are_the_runs_in_its_order() {
    let s = base();
    let varied = section::varied(&s);
    let r = risk::run(
        &s,
        &Settings {
            draws: 1_000,
            ..Settings::default()
        },
    )
    .unwrap();
    let mut keys: Vec<String> = varied.iter().map(Assumption::key).collect();
    let mut drivers: Vec<String> = r.drivers.iter().map(|d| d.key.clone()).collect();
    assert_eq!(keys.first().map(String::as_str), Some("officer_pay_award"));
    keys.sort();
    drivers.sort();
    assert_eq!(keys, drivers);
    // The registry's order: kinds in Kind::ALL order.
    let kinds: Vec<usize> = varied
        .iter()
        .map(|a| Kind::ALL.iter().position(|k| *k == a.kind).unwrap())
        .collect();
    assert!(kinds.windows(2).all(|w| w[0] <= w[1]));
}

fn pay() -> Assumption {
    Assumption::plan(Kind::OfficerPayAward)
}

#[test]
fn the_editor_changes_one_range_and_resets_it() {
    let s = base();
    let empty = RiskSection::default();
    let (r, from) = empty.range_of(&pay()).unwrap();
    assert_eq!((r.low, r.likely, r.high), (dec!(0), dec!(2.5), dec!(7)));
    assert_eq!(from, RangeFrom::Registry);
    assert!(empty
        .basis_of(&pay())
        .unwrap()
        .starts_with("Low: 2021/22: a pay freeze"));
    // A point changed: an entry of its own, the other points the registry's.
    let one = empty
        .edited(&s, &pay(), Edit::Point(Point::High, dec!(5)))
        .unwrap();
    assert_eq!(
        one.ranges,
        vec![RangeEntry {
            key: "officer_pay_award".into(),
            range: Range {
                distribution: Distribution::Triangular,
                low: dec!(0),
                likely: dec!(2.5),
                high: dec!(5),
            },
            basis: String::new(),
        }]
    );
    assert_eq!(one.basis_of(&pay()).unwrap(), "");
    // A figure out of order or range: refused, naming the field, nothing changed.
    let e = one
        .edited(&s, &pay(), Edit::Point(Point::Likely, dec!(6)))
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "risk.ranges[officer_pay_award].high: the high figure (5) is below the most likely \
         (6): low, most likely and high go up in that order"
    );
    let e = one
        .edited(&s, &pay(), Edit::Point(Point::Low, dec!(-21)))
        .unwrap_err();
    assert_eq!(e.path, "risk.ranges[officer_pay_award].low");
    // The distribution and the basis.
    let two = one
        .edited(&s, &pay(), Edit::Distribution(Distribution::Uniform))
        .unwrap()
        .edited(&s, &pay(), Edit::Basis("  three awards  ".into()))
        .unwrap();
    assert_eq!(two.ranges[0].range.distribution, Distribution::Uniform);
    assert_eq!(two.ranges[0].basis, "three awards");
    // Back to the registry's figures with no basis: the entry goes.
    let back = one
        .edited(&s, &pay(), Edit::Point(Point::High, dec!(7)))
        .unwrap();
    assert_eq!(back, empty);
    assert_eq!(two.reset(&pay()), empty);
    // A kind's entry applies to each of its assumptions; editing one makes its own entry
    // from the kind's; resetting that one leaves the kind's; resetting again takes it out.
    let growth = |id: &str| Assumption {
        kind: Kind::FundingGrowth,
        target: planner::model::registry::Target::Funding(id.into()),
    };
    let varied = section::varied(&s);
    let grants: Vec<&Assumption> = varied
        .iter()
        .filter(|a| a.kind == Kind::FundingGrowth)
        .collect();
    assert!(grants.len() >= 2, "{grants:?}");
    let first = grants[0].clone();
    let second = grants[1].clone();
    assert_eq!(first, growth(&first.target.key().unwrap()));
    let kind = RiskSection::read_json(
        r#"{"ranges": [{"key": "funding_growth", "low": "-1", "likely": "0", "high": "1",
             "basis": "flat"}]}"#,
    )
    .unwrap();
    assert_eq!(kind.range_of(&second).unwrap().1, RangeFrom::Kind(0));
    let own = kind
        .edited(&s, &first, Edit::Point(Point::High, dec!(2)))
        .unwrap();
    assert_eq!(own.ranges.len(), 2);
    assert_eq!(own.ranges[1].key, first.key());
    assert_eq!(own.ranges[1].basis, "flat");
    assert_eq!(own.range_of(&first).unwrap().1, RangeFrom::Own(1));
    assert_eq!(own.range_of(&second).unwrap().1, RangeFrom::Kind(0));
    assert_eq!(own.reset(&first), kind);
    assert_eq!(kind.reset(&second), empty);
    // Written into the scenario, read back the same.
    let mut s2 = s.clone();
    two.write(&mut s2);
    assert_eq!(RiskSection::of(&s2).unwrap(), two);
}
