//! The capital programme (issue 19, docs/capital.md): MRP by both methods and interest
//! worked by hand to the penny, the CFR rolled forward, a scheme paid for by receipts
//! costing the revenue budget nothing, the financing-cost ratio, revenue contributions and
//! reserves, the joint headquarters counted once, schema 1 files read unchanged, and the
//! baseline still giving HMICFRS's £0.9m and £8.1m.

use std::ffi::OsString;

use planner::cli;
use planner::edit::capital::{self as edit, CapitalEdit};
use planner::model::capital::{self, report::LineKind};
use planner::model::engine::project;
use planner::model::{baseline, Scenario};
use planner::store::session::{Action, Place, Workspace};
use rust_decimal::dec;
use rust_decimal::Decimal;
use serde_json::{json, Value};

use crate::util::engine::{fy, scenario, small, src};

/// The small scenario (2022/23 to 2026/27; funding £100,000 grant + £21,000 precept) at
/// schema 2 with a capital programme of `schemes`, borrowing at 5%, and the line that
/// carries its financing (and one for revenue contributions).
fn with_programme(schemes: Value) -> Value {
    let mut s = small();
    s["schema"] = json!(2);
    s["expenditure"].as_array_mut().unwrap().extend([
        json!({"id": "financing", "name": "Capital financing", "category": "capital_financing",
               "base_amount": "0", "driver": {"kind": "capital_programme_financing"},
               "source": src()}),
        json!({"id": "rcco", "name": "Revenue contributions to capital",
               "category": "capital_financing", "base_amount": "0",
               "driver": {"kind": "capital_programme_revenue"}, "source": src()}),
    ]);
    s["capital_programme"] = json!({
        "borrowing_rate_pct": {"value": {"2022/23": "5"}, "source": src()},
        "schemes": schemes
    });
    s
}

/// £10,000 spent in 2023/24, borrowed, in use that year, over three years by `method`.
fn ten_thousand(method: &str) -> Value {
    json!([{
        "id": "van", "name": "Van", "category": "fleet",
        "spend": {"2023/24": "10000"}, "in_use": "2023/24",
        "life_years": 3, "mrp_method": method, "source": src()
    }])
}

fn line(s: &Scenario, id: &str, year: &str) -> Decimal {
    project(s)
        .unwrap()
        .year(fy(year))
        .unwrap()
        .expenditure_line(id)
        .unwrap()
        .amount
}

/// (MRP, interest) of the one scheme, by plan year.
fn scheme_figures(s: &Scenario) -> Vec<(Decimal, Decimal)> {
    let p = project(s).unwrap();
    let r = capital::report(s, &p).unwrap();
    r.lines[0]
        .years
        .iter()
        .map(|y| (y.mrp, y.interest))
        .collect()
}

#[test]
fn straight_line_mrp_and_interest_by_hand() {
    let s = scenario(&with_programme(ten_thousand("straight_line")));
    // MRP: £10,000 ÷ 3 = £3,333.33 a year from the year after it comes into use; the last
    // year of the life takes what is left, £3,333.34. Interest at 5%: half the year's
    // borrowing in 2023/24 (£5,000 × 5% = £250), then the balance at the start of the year:
    // £10,000, £6,666.67 (£333.3335 → £333.33), £3,333.34 (£166.667 → £166.67).
    assert_eq!(
        scheme_figures(&s),
        [
            (dec!(0.00), dec!(0.00)),
            (dec!(0.00), dec!(250.00)),
            (dec!(3333.33), dec!(500.00)),
            (dec!(3333.33), dec!(333.33)),
            (dec!(3333.34), dec!(166.67)),
        ]
    );
    // The revenue plan's line carries MRP + interest from the year after the base.
    assert_eq!(line(&s, "financing", "2023/24"), dec!(250.00));
    assert_eq!(line(&s, "financing", "2024/25"), dec!(3833.33));
    assert_eq!(line(&s, "financing", "2026/27"), dec!(3500.01));
}

#[test]
fn annuity_mrp_by_hand_at_a_stated_rate() {
    let s = scenario(&with_programme(ten_thousand("annuity")));
    // Annuity at the in-use year's rate, 5%: i = 0.05, f = 1.05, f³ − 1 = 0.157625.
    // Year 1: 10,000 × 0.05 × 1 ÷ 0.157625 = 3,172.0856… → £3,172.09
    // Year 2: 10,000 × 0.05 × 1.05 ÷ 0.157625 = 3,330.6899… → £3,330.69
    // Year 3: the balance left, 10,000 − 3,172.09 − 3,330.69 = £3,497.22.
    // Interest: £250 (half of 2023/24's borrowing), then 5% of £10,000, £6,827.91
    // (£341.3955 → £341.40) and £3,497.22 (£174.861 → £174.86).
    assert_eq!(
        scheme_figures(&s),
        [
            (dec!(0.00), dec!(0.00)),
            (dec!(0.00), dec!(250.00)),
            (dec!(3172.09), dec!(500.00)),
            (dec!(3330.69), dec!(341.40)),
            (dec!(3497.22), dec!(174.86)),
        ]
    );
    // At 0% an annuity is equal instalments.
    let mut zero = with_programme(ten_thousand("annuity"));
    zero["capital_programme"]["borrowing_rate_pct"]["value"] = json!({"2022/23": "0"});
    let mrp: Vec<Decimal> = scheme_figures(&scenario(&zero))
        .iter()
        .map(|f| f.0)
        .collect();
    assert_eq!(mrp[2..], [dec!(3333.33), dec!(3333.33), dec!(3333.34)]);
}

#[test]
fn a_rolling_programme_starts_each_years_mrp_the_year_after() {
    let mut v = with_programme(json!([{
        "id": "laptops", "name": "Laptops", "category": "ict",
        "spend": {"2022/23": "900", "2023/24": "600"}, "in_use": "each_year",
        "life_years": 3, "mrp_method": "straight_line", "source": src()
    }]));
    v["capital_programme"]["borrowing_rate_pct"]["value"] = json!({"2022/23": "0"});
    let mrp: Vec<Decimal> = scheme_figures(&scenario(&v)).iter().map(|f| f.0).collect();
    // £900 from 2023/24 (£300 a year), £600 from 2024/25 (£200 a year).
    assert_eq!(mrp, [dec!(0), dec!(300), dec!(500), dec!(500), dec!(200)]);
}

#[test]
fn the_cfr_rolls_forward_as_opening_plus_borrowing_less_mrp() {
    let mut v = with_programme(json!([
        {"id": "van", "name": "Van", "category": "fleet",
         "spend": {"2023/24": "10000"}, "in_use": "2023/24",
         "life_years": 3, "mrp_method": "annuity", "source": src()},
        {"id": "station", "name": "Station", "category": "estates",
         "spend": {"2021/22": "4000", "2022/23": "6000", "2024/25": "2000"},
         "funding": {"capital_grant": {"2022/23": "1000"}},
         "in_use": "2024/25", "life_years": 20, "mrp_method": "straight_line", "source": src()}
    ]));
    v["capital_programme"]["existing_debt"] = json!({
        "opening_cfr": {"value": "50000", "source": src()},
        "mrp": {"value": {"2022/23": "2000", "2023/24": "2000"}, "source": src()},
        "interest": {"value": {"2022/23": "1250"}, "source": src()}
    });
    let s = scenario(&v);
    let p = project(&s).unwrap();
    let r = capital::report(&s, &p).unwrap();
    // Opening: the existing £50,000 and the station's £4,000 borrowed in 2021/22 (before
    // the plan, no MRP yet).
    assert_eq!(r.opening_cfr, dec!(54000.00));
    let mut cfr = r.opening_cfr;
    for y in &r.years {
        cfr = cfr + y.borrowing - y.mrp;
        assert_eq!(y.cfr, cfr, "{}", y.year);
        let closings: Decimal = r
            .lines
            .iter()
            .map(|l| l.years.iter().find(|x| x.year == y.year).unwrap().closing)
            .sum();
        assert_eq!(
            y.cfr, closings,
            "the CFR is every line's balance, {}",
            y.year
        );
        assert_eq!(y.external_debt, y.cfr);
    }
    let y = |t: &str| r.year(fy(t)).unwrap();
    // 2022/23: £5,000 borrowed for the station (£6,000 less £1,000 grant), £2,000 MRP.
    assert_eq!(y("2022/23").borrowing, dec!(5000.00));
    assert_eq!(y("2022/23").cfr, dec!(57000.00));
    // 2025/26: the station's £11,000 over 20 years (£550) and the van's annuity's second
    // year (£3,330.69).
    assert_eq!(y("2025/26").mrp, dec!(3880.69));
}

#[test]
fn a_scheme_paid_for_by_receipts_adds_no_mrp_or_interest() {
    let receipts = json!([{
        "id": "depot", "name": "Depot", "category": "estates",
        "spend": {"2023/24": "10000"},
        "funding": {"capital_receipts": {"2023/24": "10000"}},
        "in_use": "2023/24", "life_years": 30, "mrp_method": "straight_line", "source": src()
    }]);
    let mut v = with_programme(receipts);
    v["capital_programme"]["receipts"] = json!({
        "opening": {"value": "4000", "source": src()},
        "expected": {"value": {"2023/24": "8000"}, "source": src()}
    });
    let s = scenario(&v);
    assert!(scheme_figures(&s)
        .iter()
        .all(|(m, i)| m.is_zero() && i.is_zero()));
    let without = scenario(&with_programme(json!([])));
    assert_eq!(
        project(&s)
            .unwrap()
            .years
            .iter()
            .map(|y| y.gap)
            .collect::<Vec<_>>(),
        project(&without)
            .unwrap()
            .years
            .iter()
            .map(|y| y.gap)
            .collect::<Vec<_>>()
    );
    // Held until applied: £4,000 + £8,000 − £10,000.
    let r = capital::report(&s, &project(&s).unwrap()).unwrap();
    assert_eq!(r.year(fy("2022/23")).unwrap().receipts_held, dec!(4000.00));
    assert_eq!(r.year(fy("2023/24")).unwrap().receipts_held, dec!(2000.00));
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    // Applying more than is held is warned.
    v["capital_programme"]["receipts"]["expected"]["value"] = json!({"2023/24": "1000"});
    let s = scenario(&v);
    let r = capital::report(&s, &project(&s).unwrap()).unwrap();
    assert_eq!(
        r.warnings[0].message,
        "the schemes apply more capital receipts than are held: £5000.00 short"
    );
}

#[test]
fn financing_costs_as_a_share_of_the_net_revenue_stream_by_hand() {
    let s = scenario(&with_programme(ten_thousand("straight_line")));
    let p = project(&s).unwrap();
    let r = capital::report(&s, &p).unwrap();
    let y = r.year(fy("2024/25")).unwrap();
    // Net revenue stream: the £100,000 grant + precept 105 × £200 = £121,000.
    assert_eq!(y.net_revenue_stream, dec!(121000.00));
    // Financing: £3,333.33 + £500.00 = £3,833.33; × 100 ÷ 121,000 = 3.16804… → 3.17%.
    assert_eq!(y.financing_costs, dec!(3833.33));
    assert_eq!(y.financing_cost_pct, Some(dec!(3.17)));
    // 2023/24: £250 ÷ £121,000 = 0.2066…%.
    assert_eq!(
        r.year(fy("2023/24")).unwrap().financing_cost_pct,
        Some(dec!(0.21))
    );
}

#[test]
fn debt_above_the_boundary_and_limit_is_warned() {
    let mut v = with_programme(ten_thousand("straight_line"));
    v["capital_programme"]["operational_boundary"] =
        json!({"value": {"2023/24": "9000", "2024/25": "20000"}, "source": src()});
    v["capital_programme"]["authorised_limit"] =
        json!({"value": {"2023/24": "9500", "2024/25": "15000"}, "source": src()});
    let s = scenario(&v);
    let r = capital::report(&s, &project(&s).unwrap()).unwrap();
    let y = r.year(fy("2023/24")).unwrap();
    assert!(y.over_boundary && y.over_limit);
    let later = r.year(fy("2024/25")).unwrap();
    assert!(!later.over_boundary && !later.over_limit);
    let messages: Vec<String> = r
        .warnings
        .iter()
        .map(|w| format!("{} ({}): {}", w.path, w.year.unwrap(), w.message))
        .collect();
    assert_eq!(
        messages,
        [
            "capital_programme.operational_boundary (2023/24): external debt (£10000.00) is above the operational boundary (£9000.00)",
            "capital_programme.authorised_limit (2023/24): external debt (£10000.00) breaches the authorised limit (£9500.00): the force may not borrow beyond it",
            "capital_programme.authorised_limit (2024/25): the authorised limit (£15000.00) is below the operational boundary (£20000.00): the limit is the higher of the two",
        ]
    );
}

#[test]
fn revenue_contributions_and_reserves_reach_the_revenue_plan() {
    let mut v = with_programme(json!([{
        "id": "cameras", "name": "Cameras", "category": "equipment",
        "spend": {"2022/23": "500", "2023/24": "3000"},
        "funding": {
            "revenue_contribution": {"2022/23": "500", "2023/24": "1000"},
            "earmarked_reserve": {"2023/24": "2000"}
        },
        "in_use": "2023/24", "life_years": 5, "mrp_method": "straight_line", "source": src()
    }]));
    v["reserves"]["earmarked_opening"] = json!({"value": "5000", "source": src()});
    let s = scenario(&v);
    let p = project(&s).unwrap();
    let y = |t: &str| p.year(fy(t)).unwrap();
    // The base year's budget is set (base amounts); later years carry the contributions.
    assert_eq!(
        y("2022/23").expenditure_line("rcco").unwrap().amount,
        dec!(0.00)
    );
    assert_eq!(
        y("2023/24").expenditure_line("rcco").unwrap().amount,
        dec!(1000.00)
    );
    assert_eq!(
        y("2024/25").expenditure_line("rcco").unwrap().amount,
        dec!(0.00)
    );
    // Nothing is borrowed, so nothing is financed.
    assert_eq!(
        y("2024/25").expenditure_line("financing").unwrap().amount,
        dec!(0.00)
    );
    // Earmarked reserves fall by what the scheme uses.
    assert_eq!(y("2023/24").reserves.capital_use_earmarked, dec!(2000.00));
    assert_eq!(y("2023/24").reserves.earmarked, dec!(3000.00));
    assert_eq!(y("2026/27").reserves.earmarked, dec!(3000.00));
    // Without the contribution line the file is refused, naming the scheme.
    v["expenditure"]
        .as_array_mut()
        .unwrap()
        .retain(|l| l["id"] != "rcco");
    let e = Scenario::from_json(&v.to_string()).unwrap_err().to_string();
    assert!(
        e.starts_with("capital_programme.schemes[cameras].funding.revenue_contribution: revenue contributions to capital are a charge on the revenue budget"),
        "{e}"
    );
}

#[test]
fn a_new_ten_million_scheme_raises_the_line_and_the_gap_by_its_mrp_and_interest() {
    let base = baseline::nottinghamshire().unwrap();
    let mut s = base.clone();
    let p = s.capital_programme.as_mut().unwrap();
    p.schemes.push(capital::Scheme {
        id: "new_hq".into(),
        name: "New station".into(),
        category: capital::Category::Estates,
        spend: planner::model::dec::YearValues::from_pairs([(fy("2022/23"), dec!(10000000))]),
        funding: Default::default(),
        in_use: capital::InUse::Year(fy("2022/23")),
        life_years: 50,
        mrp_method: capital::MrpMethod::StraightLine,
        source: planner::model::Source::estimate("test"),
        notes: String::new(),
    });
    let before = project(&base).unwrap();
    let after = project(&s).unwrap();
    // At 2.5%: 2022/23 half a year's interest on £10m, £125,000; then MRP £200,000 a year
    // and interest on the balance: £250,000, £245,000, £240,000.
    let expected = [
        dec!(0),
        dec!(125000),
        dec!(450000),
        dec!(445000),
        dec!(440000),
    ];
    for ((b, a), e) in before.years.iter().zip(&after.years).zip(expected) {
        let line = |y: &planner::model::YearResult| {
            y.expenditure_line("capital_financing").unwrap().amount
        };
        assert_eq!(line(a) - line(b), e, "{}", a.year);
        assert_eq!(a.gap - b.gap, e, "{}", a.year);
    }
}

#[test]
fn the_joint_headquarters_is_counted_once() {
    let s = baseline::nottinghamshire().unwrap();
    let p = project(&s).unwrap();
    let r = capital::report(&s, &p).unwrap();
    let hq = r.lines.iter().find(|l| l.id == "joint_hq").unwrap();
    assert_eq!(hq.kind, LineKind::Register);
    // The force's 65% of £18.5m, borrowed at handover (January 2022).
    assert_eq!(hq.years[0].borrowing, dec!(12025000.00));
    for (y, c) in p.years.iter().zip(&r.years) {
        let programme = y.expenditure_line("capital_financing").unwrap().amount;
        let register = y.expenditure_line("hq_capital_financing").unwrap().amount;
        // Each line carries its own part once; together they are the financing costs.
        assert_eq!(c.programme_financing, programme, "{}", y.year);
        assert_eq!(c.register_financing, register, "{}", y.year);
        assert_eq!(c.financing_costs, programme + register, "{}", y.year);
    }
    // The earlier estimate of total capital financing: £4.5m, then £5.0m a year.
    let totals: Vec<Decimal> = r.years.iter().map(|y| y.financing_costs).collect();
    assert_eq!(
        totals,
        [
            dec!(4500000),
            dec!(5000000),
            dec!(5000000),
            dec!(5000000),
            dec!(5000000)
        ]
    );
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn the_baseline_still_reads_as_peel_did() {
    let s = baseline::nottinghamshire().unwrap();
    assert_eq!(s.schema, 2);
    let p = project(&s).unwrap();
    let gap = |y: &str| p.year(fy(y)).unwrap().gap;
    assert!((gap("2023/24") - dec!(900000)).abs() <= dec!(50000));
    let deficit = gap("2023/24") + gap("2024/25") + gap("2025/26");
    assert!((deficit - dec!(8100000)).abs() <= dec!(50000), "{deficit}");
    // The programme's line gives the figures the flat-cash estimate gave before.
    let line: Vec<Decimal> = p
        .years
        .iter()
        .map(|y| y.expenditure_line("capital_financing").unwrap().amount)
        .collect();
    assert_eq!(
        line,
        [
            dec!(4424843.75),
            dec!(4458875.00),
            dec!(4464887.50),
            dec!(4470900.00),
            dec!(4476912.50)
        ]
    );
    // Every scheme and table carries a source; the estimates say so.
    let c = s.capital_programme.as_ref().unwrap();
    assert!(c
        .schemes
        .iter()
        .all(|x| x.source.text.len() > 20 && x.source.estimate));
    assert!(c.borrowing_rate_pct.source.estimate);
}

fn mtfp(args: &[&str]) -> String {
    let args: Vec<OsString> = args.iter().map(OsString::from).collect();
    let mut out = Vec::new();
    cli::run_os(args, &mut &b""[..], &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

const SCHEMA1: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/schema1-baseline.json"
);

#[test]
fn a_schema_1_file_reads_unchanged_and_projects_as_before() {
    let text = std::fs::read_to_string(SCHEMA1).unwrap();
    let old = Scenario::from_json(&text).unwrap();
    assert_eq!(old.schema, 1);
    assert!(old.capital_programme.is_none());
    // Written back as it was read: schema 1, no capital programme.
    let again = old.to_json();
    assert!(again.contains("\"schema\": 1,") && !again.contains("capital_programme"));
    assert_eq!(Scenario::from_json(&again).unwrap(), old);
    // `mtfp project` gives the very figures it gave before schema 2 (the baseline's
    // programme was calibrated to them), as CSV and as JSON.
    for format in ["csv", "json"] {
        assert_eq!(
            mtfp(&["project", SCHEMA1, "--format", format]),
            mtfp(&["project", "--format", format]),
            "{format}"
        );
    }
    // Its capital view still shows the joint headquarters, from the register.
    let csv = mtfp(&["capital", SCHEMA1]);
    assert!(csv.starts_with("year,capital_spend,"), "{csv}");
    // A schema 1 file cannot carry a programme.
    let mut v: Value = serde_json::from_str(&text).unwrap();
    v["capital_programme"] = json!({});
    let e = Scenario::from_json(&v.to_string()).unwrap_err().to_string();
    assert_eq!(
        e,
        "capital_programme: a capital programme needs scenario schema 2 or later (this \
         scenario says 1): write \"schema\": 2"
    );
}

#[test]
fn mtfp_capital_prints_the_report() {
    let csv = mtfp(&["capital"]);
    let mut lines = csv.lines();
    let header = lines.next().unwrap();
    for column in [
        "year",
        "capital_spend",
        "borrowing",
        "mrp",
        "interest",
        "cfr",
        "financing_cost_pct",
    ] {
        assert!(header.split(',').any(|c| c == column), "{column}: {header}");
    }
    let s = baseline::nottinghamshire().unwrap();
    let r = capital::report(&s, &project(&s).unwrap()).unwrap();
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 5);
    assert!(rows[0].starts_with(&format!("2021/22,{},", r.years[0].capital_spend)));
    assert_eq!(rows[0].split(',').nth(12), Some("1.90"));
    let json: Value = serde_json::from_str(&mtfp(&["capital", "--format", "json"])).unwrap();
    assert_eq!(json["years"][1]["financing_costs"], "5000000.00");
    assert_eq!(json["years"][1]["financing_cost_pct"], "2.01");
    assert_eq!(json["lines"][0]["id"], "custody_suite");
}

#[test]
fn editing_adds_a_programme_and_its_line_to_a_scenario_without_one() {
    let old = Scenario::from_json(&std::fs::read_to_string(SCHEMA1).unwrap()).unwrap();
    let template = baseline::nottinghamshire().unwrap().capital_programme;
    let a = edit::apply(&old, &CapitalEdit::Add, template.as_ref()).unwrap();
    let s = a.scenario;
    assert_eq!(s.schema, 2);
    let p = s.capital_programme.as_ref().unwrap();
    assert_eq!(p.schemes[0].id, "scheme_1");
    assert_eq!(p.borrowing_rate_pct, template.unwrap().borrowing_rate_pct);
    let id = p.schemes[0].id.clone();
    let a = edit::apply(
        &s,
        &CapitalEdit::Scheme {
            id: id.clone(),
            key: "spend:2023/24".into(),
            text: "£10,000,000".into(),
        },
        None,
    )
    .unwrap();
    // Spend after the year it came into use moves that year on.
    assert_eq!(
        a.scenario.capital_programme.as_ref().unwrap().schemes[0].in_use,
        capital::InUse::Year(fy("2023/24"))
    );
    assert_eq!(a.from, "none");
    assert_eq!(a.to, "£10,000,000.00");
    let line = a
        .scenario
        .expenditure
        .iter()
        .find(|l| l.driver == planner::model::scenario::Driver::CapitalProgrammeFinancing)
        .unwrap();
    assert_eq!(line.id, "capital_programme_financing");
    // The old flat-cash line stays: it is the financing of debt from before.
    assert!(a
        .scenario
        .expenditure
        .iter()
        .any(|l| l.id == "capital_financing"));
    project(&a.scenario).unwrap();
    assert!(matches!(
        edit::apply(
            &s,
            &CapitalEdit::Scheme { id, key: "life_years".into(), text: "0".into() },
            None
        ),
        Err(m) if m.contains("1 to 125")
    ));
}

#[test]
fn the_workspace_applies_capital_edits_as_undoable_steps() {
    let ws = Workspace::new(baseline::nottinghamshire().unwrap()).unwrap();
    let edit = |ws: &Workspace, key: &str, text: &str| {
        let change = edit::change(
            &ws.scenario,
            &CapitalEdit::Scheme {
                id: "fleet".into(),
                key: key.into(),
                text: text.into(),
            },
            None,
        )
        .unwrap();
        ws.apply(Action::Capital(Box::new(change)), "t")
    };
    let ws = edit(&ws, "spend:2023/24", "2,000,000");
    // Editing the baseline made a new scenario.
    let fleet = |ws: &Workspace| {
        ws.scenario.capital_programme.as_ref().unwrap().schemes[1]
            .spend
            .get(fy("2023/24"))
    };
    assert_eq!(fleet(&ws), Some(dec!(2000000)));
    assert_ne!(ws.scenario.name, "Nottinghamshire baseline");
    // Funding beyond the spend is refused beside the editor; the plan stays.
    let refused = edit(&ws, "capital_grant:2023/24", "3000000");
    let n = refused.notice.clone().unwrap();
    assert_eq!(n.place, Place::Capital);
    assert_eq!(
        n.text,
        "Vehicle replacement capital grant 2023/24: the funding listed (£3000000) is more \
         than the spend (£2000000): borrowing is what the spend leaves, so it cannot be \
         negative"
    );
    assert_eq!(refused.scenario, ws.scenario);
    // Undo takes the edit back.
    let undone = ws.apply(Action::Undo, "t");
    assert_eq!(fleet(&undone), Some(dec!(1200000)));
}

/// The capital view's prudential indicators table and its two charts show `mtfp capital`'s
/// figures, column by column and year by year (the browser test checks the same on
/// screen).
#[test]
fn the_capital_views_tables_are_mtfp_capitals_figures() {
    use planner::view::capital::{financing_chart, indicator_rows, spend_chart};
    let csv = mtfp(&["capital"]);
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    let column = |key: &str| -> Vec<String> {
        let k = header.iter().position(|c| *c == key).unwrap();
        rows.iter().map(|r| r[k].to_string()).collect()
    };
    let s = baseline::nottinghamshire().unwrap();
    let r = capital::report(&s, &project(&s).unwrap()).unwrap();
    let shown = indicator_rows(&r);
    assert_eq!(shown.len(), 12);
    for row in &shown {
        let figures: Vec<String> = row
            .values
            .iter()
            .map(|v| v.map(|v| format!("{v:.2}")).unwrap_or_default())
            .collect();
        assert_eq!(figures, column(row.key), "{}", row.key);
    }
    let chart_figures = |series: &planner::charts::Series| -> Vec<String> {
        series.values.iter().map(|v| format!("{v:.2}")).collect()
    };
    let spend = spend_chart(&r);
    for (series, key) in spend.series.iter().zip([
        "capital_grant",
        "capital_receipts",
        "revenue_contribution",
        "earmarked_reserve",
        "borrowing",
    ]) {
        assert_eq!(chart_figures(series), column(key), "{key}");
    }
    let financing = financing_chart(&r);
    assert_eq!(chart_figures(&financing.series[0]), column("mrp"));
    assert_eq!(chart_figures(&financing.series[1]), column("interest"));
    assert_eq!(
        financing.title,
        "Financing costs go from £4.5m in 2021/22 to £5.0m in 2025/26, 1.76% of the net \
         revenue stream"
    );
    assert_eq!(
        spend.title,
        "Borrowing pays for 92% of £30.0m of capital spend over the plan"
    );
}
