//! Rolling a plan forward a year (docs/outturn.md §5): the baseline rolled to base 2022/23
//! keeps every line, takes its base figures from the outturn where entered (else the
//! plan's, flagged), keeps five years, carries 2025/26's assumptions into 2026/27 and
//! applies the settlement after 2025/26; without outturn it follows the plan's own gaps.

use rust_decimal::dec;
use serde_json::json;

use crate::util::engine::{fy, scenario, small, src};
use planner::model::engine::project;
use planner::model::outturn::roll::{roll_forward, Basis};
use planner::model::outturn::{Actuals, GrantStatus};
use planner::model::scenario::{FundingCategory, FundingDriver};
use planner::model::{baseline, Scenario};

fn rolled_baseline(actuals: bool) -> (Scenario, planner::model::outturn::roll::Rolled) {
    let mut b = baseline::nottinghamshire().unwrap();
    if !actuals {
        b.actuals = None;
    }
    let r = roll_forward(&b).unwrap();
    (b, r)
}

#[test]
fn the_baseline_rolls_to_2022_23_keeping_every_line() {
    let (b, r) = rolled_baseline(true);
    let s = &r.scenario;
    assert_eq!((s.horizon.base_year, s.horizon.years), (fy("2022/23"), 5));
    assert_eq!(s.name, "Nottinghamshire baseline rolled forward to 2022/23");
    let ids = |lines: Vec<&str>| lines.into_iter().map(str::to_string).collect::<Vec<_>>();
    assert_eq!(
        ids(s.expenditure.iter().map(|l| l.id.as_str()).collect()),
        ids(b.expenditure.iter().map(|l| l.id.as_str()).collect())
    );
    // Every funding line kept, and the settlement's two new grants added.
    let funding: Vec<&str> = s.funding.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(
        funding,
        [
            "core_police_grant",
            "formula_grant",
            "legacy_council_tax_grants",
            "pensions_grant",
            "uplift_grant",
            "neighbourhood_policing_grant",
            "precept_grant"
        ]
    );
    let pb = project(&b).unwrap();
    let old = pb.year(fy("2022/23")).unwrap();
    // No outturn was entered for the lines: their base amounts are the plan's 2022/23
    // figures, flagged for review.
    for line in &s.expenditure {
        assert_eq!(
            Some(line.base_amount),
            old.expenditure_line(&line.id).map(|l| l.amount),
            "{}",
            line.id
        );
        assert!(
            line.source.estimate
                && line
                    .source
                    .text
                    .contains("the plan's figure (no outturn: review)")
        );
    }
    // The outturn where present: Band D £254.25, the tax base 330,400 and 2,344 officers at
    // 31 March 2022.
    assert_eq!(s.precept.band_d.value.0, dec!(254.25));
    assert_eq!(s.precept.tax_base.value.0, dec!(330400));
    let w = s.workforce.as_ref().unwrap();
    assert_eq!(w.officers.opening_headcount, dec!(2344));
    let basis = |path: &str| r.assumed.iter().find(|a| a.path == path).map(|a| a.basis);
    assert_eq!(basis("precept.tax_base"), Some(Basis::Outturn));
    assert_eq!(basis("expenditure[ict].base_amount"), Some(Basis::Plan));
    assert_eq!(
        basis("workforce.officers.opening_headcount"),
        Some(Basis::Outturn)
    );
    // 2025/26's assumptions carried into 2026/27, for review.
    let y = fy("2026/27");
    assert_eq!(
        s.assumptions.officer_pay_award_pct.value.get(y),
        Some(dec!(2.5))
    );
    assert_eq!(s.precept.rise_gbp.value.get(y), Some(dec!(13.95)));
    assert_eq!(
        basis("assumptions.officer_pay_award_pct"),
        Some(Basis::CarriedOn)
    );
    assert!(s
        .assumptions
        .officer_pay_award_pct
        .source
        .text
        .contains("2026/27 carried on from 2025/26 (review)"));
    // The settlement: no Uplift grant after 2025/26, its ring-fence replaced by
    // neighbourhood policing funding (the £4.9m assumed to carry over), a precept grant at
    // £0, the 2026/27 referendum limit £15, each grant tagged assumed for 2026/27.
    let p = project(s).unwrap();
    let last = p.year(y).unwrap();
    assert_eq!(
        last.funding_line("uplift_grant").unwrap().amount,
        dec!(0.00)
    );
    let np = last.funding_line("neighbourhood_policing_grant").unwrap();
    assert_eq!(
        (np.category, np.amount),
        (
            FundingCategory::NeighbourhoodPolicingGrant,
            dec!(4900000.00)
        )
    );
    assert_eq!(
        p.year(fy("2025/26"))
            .unwrap()
            .funding_line("neighbourhood_policing_grant")
            .unwrap()
            .amount,
        dec!(0.00)
    );
    assert_eq!(s.precept.referendum_limit_gbp.value.get(y), Some(dec!(15)));
    let a = Actuals::of(s).unwrap();
    assert_eq!(a.status("core_police_grant", y), GrantStatus::Assumed);
    assert_eq!(a.grants.iter().filter(|g| g.year == y).count(), 7);
    // The outturn before the new base year is history; the rest is kept.
    assert!(a.figures.iter().all(|f| f.year >= fy("2022/23")));
    assert_eq!(
        a.value(
            fy("2024/25"),
            &planner::model::outturn::Item::OfficerPayAward
        ),
        Some(dec!(4.75))
    );
    // The description says how many figures to review.
    assert!(
        s.description.contains("figures to review"),
        "{}",
        s.description
    );
}

#[test]
fn without_outturn_the_rolled_plan_follows_the_plan() {
    let (b, r) = rolled_baseline(false);
    let (pb, pr) = (project(&b).unwrap(), project(&r.scenario).unwrap());
    for y in &pr.years {
        let Some(old) = pb.year(y.year) else {
            continue;
        };
        // Funding is the plan's to the penny; spending within £200 a year (the workforce's
        // pay rates are recalibrated to the penny and progression to 0.001%).
        assert_eq!(y.total_funding, old.total_funding, "{}", y.year);
        let off = (y.total_expenditure - old.total_expenditure).abs();
        assert!(off < dec!(200), "{}: {off}", y.year);
    }
    // Twice: to 2023/24, eight assumed figures later still valid.
    let twice = roll_forward(&r.scenario).unwrap();
    assert_eq!(twice.scenario.horizon.base_year, fy("2023/24"));
    project(&twice.scenario).unwrap();
    // The settlement's grants are added once.
    let np = twice
        .scenario
        .funding
        .iter()
        .filter(|l| l.category == FundingCategory::NeighbourhoodPolicingGrant)
        .count();
    assert_eq!(np, 1);
}

#[test]
fn a_small_plan_takes_its_outturn_and_keeps_its_savings() {
    let mut v = small();
    v["schema"] = json!(2);
    v["funding"][0]["driver"] =
        json!({"kind": "growth", "growth_pct": {"2023/24": "2", "2026/27": "3"}});
    v["savings"] = json!([
        {"id": "r", "name": "Recurring", "kind": "recurring", "amounts": {"2022/23": "500", "2023/24": "100"}, "source": src()},
        {"id": "o", "name": "One-off", "kind": "one_off", "amounts": {"2022/23": "50"}, "source": src()}
    ]);
    v["actuals"] = json!({"figures": [
        {"year": "2023/24", "item": "expenditure[officers]", "value": "130000", "source": {"text": "Outturn report"}},
        {"year": "2022/23", "item": "general_reserve", "value": "4800"}
    ]});
    let s = scenario(&v);
    let r = roll_forward(&s).unwrap();
    let n = &r.scenario;
    assert_eq!((n.horizon.base_year, n.horizon.years), (fy("2023/24"), 5));
    assert_eq!(n.expenditure[0].base_amount, dec!(130000));
    assert!(
        n.expenditure[0]
            .source
            .text
            .ends_with("the outturn (Outturn report)."),
        "{}",
        n.expenditure[0].source.text
    );
    // ICT 1,000 grown 10% in 2023/24: the plan's 1,100.
    assert_eq!(n.expenditure[1].base_amount, dec!(1100.00));
    // Grant 100,000 grown 2%: 102,000; its growth table keeps 2026/27's 3% and carries it
    // into 2027/28.
    assert_eq!(n.funding[0].base_amount, dec!(102000.00));
    match &n.funding[0].driver {
        FundingDriver::Growth { growth_pct } => {
            assert_eq!(
                growth_pct.iter().collect::<Vec<_>>(),
                [(fy("2026/27"), dec!(3)), (fy("2027/28"), dec!(3))]
            );
        }
        other => panic!("{other:?}"),
    }
    // The general reserve at the end of 2022/23 from the outturn.
    assert_eq!(n.reserves.general_opening.value.0, dec!(4800));
    // The recurring saving of 2022/23 carried into the new base year; the one-off dropped.
    assert_eq!(
        n.savings[0].amounts.iter().collect::<Vec<_>>(),
        [(fy("2023/24"), dec!(600))]
    );
    assert!(n.savings[1].amounts.iter().next().is_none());
    assert!(r
        .assumed
        .iter()
        .any(|a| a.basis == Basis::Dropped && a.path == "savings[o].amounts"));
    // Net spend in 2023/24 keeps the 2022/23 recurring saving: 130,000 + 1,100 − 600.
    let p = project(n).unwrap();
    assert_eq!(p.years[0].total_expenditure, dec!(130500.00));
    // Its new final year, 2027/28, is after 2025/26: the precept grant appears, at £0; with
    // no Uplift grant to replace, no neighbourhood policing grant is added.
    let cats: Vec<_> = n.funding.iter().map(|l| l.category).collect();
    assert_eq!(
        cats,
        [
            FundingCategory::CorePoliceGrant,
            FundingCategory::PreceptGrant
        ]
    );
}
