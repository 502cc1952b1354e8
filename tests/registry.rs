//! The assumption registry: one definition per assumption, read by everything that shows,
//! exports or edits one (the panel, quick what-ifs, the assumptions CSV, the print pack,
//! `mtfp assumptions`), and the moves analyses make with it.

use rust_decimal::dec;
use std::collections::HashSet;

use planner::edit::{self, Field};
use planner::model::engine::{self, Engine};
use planner::model::registry::{
    self, Analysis, Assumption, Change, Kind, Spread, Target, Unit, Years,
};
use planner::model::workforce::Group;
use planner::model::{baseline, FinancialYear, Scenario};
use planner::store::csv;
use rust_decimal::Decimal;

fn fy(start: u16) -> FinancialYear {
    FinancialYear::new(start).unwrap()
}

fn base() -> Scenario {
    baseline::nottinghamshire().unwrap()
}

#[test]
fn every_kind_is_defined_once_with_a_stable_key_and_a_sound_range() {
    let mut keys = HashSet::new();
    let mut doms = HashSet::new();
    for &kind in Kind::ALL {
        let def = kind.def();
        assert_eq!(def.kind, kind);
        assert!(keys.insert(def.key), "{} twice", def.key);
        assert!(doms.insert(def.dom), "{} twice", def.dom);
        assert_eq!(Kind::from_key(def.key), Some(kind));
        assert!(
            !def.label.is_empty()
                && !kind.about().detail.is_empty()
                && !kind.about().path.is_empty()
        );
        assert!(def.min <= def.max, "{}", def.key);
        assert!(
            def.key.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
            "{}",
            def.key
        );
        match kind.about().analysis {
            Analysis::Varied { swing, uncertainty } => {
                assert!(!swing.basis.is_empty());
                let (l, m, h) = (uncertainty.low, uncertainty.likely, uncertainty.high);
                assert!(l.value <= m.value && m.value <= h.value, "{}", def.key);
                assert!(!l.basis.is_empty() && !m.basis.is_empty() && !h.basis.is_empty());
                if uncertainty.spread == Spread::Value {
                    // Figures themselves: inside the valid range.
                    assert!(def.min <= l.value && h.value <= def.max, "{}", def.key);
                }
            }
            Analysis::Fixed { reason } => assert!(!reason.is_empty(), "{}", def.key),
        }
    }
    assert_eq!(Kind::from_key("nope"), None);
}

#[test]
fn the_baseline_has_every_kind_it_should_with_labels_and_sources() {
    let s = base();
    let all = registry::assumptions(&s);
    let keys: Vec<String> = all.iter().map(Assumption::key).collect();
    for key in [
        "officer_pay_award",
        "band_d",
        "funding_growth[core_police_grant]",
        "spending_base[ict]",
        "spending_pressure[premises]",
        "saving[savings_2022_23]",
        "recruits[officers]",
        "attrition[pcsos]",
        "uplift_target",
        "collaboration_cost[emsou]",
        "capital_share[joint_hq.0]",
        "capital_interest[joint_hq]",
    ] {
        assert!(
            keys.contains(&key.to_string()),
            "{key} missing from {keys:?}"
        );
    }
    // Only lines that grow by a rate have a growth rate; exited collaborations' costs are
    // history, not an assumption.
    assert!(!keys.contains(&"funding_growth[legacy_council_tax_grants]".to_string()));
    assert!(!keys.contains(&"collaboration_cost[mfss]".to_string()));
    for a in &all {
        assert_eq!(Assumption::from_key(&s, &a.key()).as_ref(), Some(a));
        assert!(!a.label(&s).is_empty());
        assert!(a.source(&s).is_some(), "{} has no source", a.key());
    }
    let recruits = Assumption {
        kind: Kind::Recruits,
        target: Target::Group(Group::Officers),
    };
    assert_eq!(recruits.label(&s), "Officers recruits");
    assert_eq!(recruits.get(&s, Some(fy(2023))), Some(dec!(76)));
}

/// Setting each figure to what it already is changes nothing: reading and setting agree.
#[test]
fn every_figure_sets_back_to_itself() {
    let s = base();
    for a in registry::assumptions(&s) {
        let years: Vec<Option<FinancialYear>> = if a.def().years.is_single() {
            vec![None]
        } else {
            a.years(&s).into_iter().map(Some).collect()
        };
        for y in years {
            let Some(v) = a.get(&s, y) else { continue };
            let mut t = s.clone();
            (a.def().set)(&mut t, &a.target, y, v).unwrap();
            assert_eq!(a.get(&t, y), Some(v), "{} {y:?}", a.key());
            assert_eq!(
                engine::project(&t).unwrap(),
                engine::project(&s).unwrap(),
                "{} {y:?}",
                a.key()
            );
        }
    }
}

/// The panel's fields take label, unit, range and source from the registry.
#[test]
fn the_panel_reads_the_registry() {
    let s = base();
    for a in registry::assumptions(&s) {
        let def = a.def();
        let year = if def.years.is_single() {
            None
        } else {
            a.years(&s).first().copied()
        };
        let field = Field::Assumption(a.clone(), year);
        let spec = edit::spec(&s, &field);
        assert_eq!(
            (spec.unit, spec.min, spec.max),
            (def.unit, def.min, def.max)
        );
        assert_eq!(spec.source.as_ref(), a.source(&s));
        assert!(spec.label.starts_with(&a.label(&s)), "{}", spec.label);
        assert_eq!(edit::value(&s, &field), a.get(&s, year));
        // Out of range is refused with the registry's range.
        let err = edit::apply(&s, &field, def.max + Decimal::ONE).unwrap_err();
        assert!(err.starts_with("Must be from"), "{err}");
    }
    // DOM ids are the ones the browser tests and bookmarks use.
    assert_eq!(
        Field::plan(Kind::BandDRiseGbp, fy(2023)).key(),
        "precept-rise-gbp-2023"
    );
    assert_eq!(Field::single(Kind::BandD).key(), "band-d");
    assert_eq!(
        Field::of(
            Kind::Recruits,
            Target::Group(Group::Officers),
            Some(fy(2023))
        )
        .key(),
        "intake-officers-2023"
    );
    assert_eq!(
        Field::of(
            Kind::CapitalShare,
            Target::Partner("joint_hq".into(), 2),
            None
        )
        .key(),
        "capital-joint_hq-share-2"
    );
}

/// A swing moves every figure from a year on; the tornado's bars are re-projections.
#[test]
fn swings_move_the_plan_as_a_budget_book_says() {
    let s = base();
    let from = fy(2022);
    let mut engine = Engine::new();
    let plan = engine.totals(&s).unwrap().cumulative_gap();
    let mut effect = |kind: Kind, target: Target| {
        let a = Assumption { kind, target };
        let Analysis::Varied { swing, .. } = a.about().analysis else {
            panic!("{kind:?} is not varied");
        };
        let mut up = s.clone();
        a.shift(&mut up, swing.change, from).unwrap();
        let mut down = s.clone();
        a.shift(&mut down, swing.change.negated(), from).unwrap();
        let up = engine.totals(&up).unwrap().cumulative_gap() - plan;
        let down = engine.totals(&down).unwrap().cumulative_gap() - plan;
        (up, down)
    };
    // £1 more on Band D each year from 2022/23 lowers the gap; £1 less raises it.
    let (up, down) = effect(Kind::BandDRiseGbp, Target::Plan);
    assert!(up < Decimal::ZERO && down > Decimal::ZERO, "{up} {down}");
    // A point more on officer pay raises the gap.
    let (up, down) = effect(Kind::OfficerPayAward, Target::Plan);
    assert!(up > Decimal::ZERO && down < Decimal::ZERO, "{up} {down}");
    // 10 more officers a year cost money (pay) but the grant is already fully earned.
    let (up, _) = effect(Kind::Recruits, Target::Group(Group::Officers));
    assert!(up > Decimal::ZERO, "{up}");
    // Every varied assumption of the baseline can be swung both ways within its range.
    for a in registry::assumptions(&s) {
        if let Analysis::Varied { swing, .. } = a.about().analysis {
            let mut t = s.clone();
            a.shift(&mut t, swing.change, from)
                .unwrap_or_else(|e| panic!("{}: {e}", a.key()));
            let mut t = s.clone();
            a.shift(&mut t, swing.change.negated(), from)
                .unwrap_or_else(|e| panic!("{}: {e}", a.key()));
            engine.totals(&t).unwrap();
        }
    }
}

#[test]
fn a_move_out_of_range_changes_nothing() {
    let s = base();
    let a = Assumption::plan(Kind::OfficerPayAward);
    let mut t = s.clone();
    let err = a.shift(&mut t, Change::By(dec!(25)), fy(2022)).unwrap_err();
    assert_eq!(err, "must be from -20 to 30");
    assert_eq!(t, s);
    // Setting from a year: a goal seek's lever.
    a.set_from(&mut t, fy(2024), dec!(3)).unwrap();
    assert_eq!(a.get(&t, Some(fy(2023))), a.get(&s, Some(fy(2023))));
    assert_eq!(a.get(&t, Some(fy(2024))), Some(dec!(3)));
    assert_eq!(a.get(&t, Some(fy(2025))), Some(dec!(3)));
    // A % change to a sum of money is held to the penny; to people, to whole people.
    assert_eq!(
        Change::Percent(dec!(10)).apply(dec!(100.05), Unit::Pounds),
        Some(dec!(110.06))
    );
    assert_eq!(
        Change::Percent(dec!(-20)).apply(dec!(96), Unit::People),
        Some(dec!(77))
    );
    assert_eq!(
        Change::By(dec!(1)).text(Unit::Percent),
        "1 percentage point"
    );
}

/// The assumptions CSV is the registry's: a row per figure with the assumption's key.
#[test]
fn the_assumptions_csv_is_the_registry() {
    let s = base();
    let text = csv::assumptions(&s);
    let rows: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(rows[1], "Section,Assumption,Unit,Year,Value,Source,Key");
    assert!(
        text.contains("\r\nPrecept,Band D,£,2021/22,244.26,"),
        "{text}"
    );
    assert!(text.contains(",band_d\r\n"));
    for a in registry::assumptions(&s) {
        let key = a.key();
        let listed = rows
            .iter()
            .any(|r| r.ends_with(&format!(",{key}")) || r.ends_with(&format!(",\"{key}\"")));
        let has_figure = if a.def().years.is_single() {
            a.get(&s, None).is_some()
        } else {
            // Plan-wide rates give every year; a line's figures, the years not zero.
            let every_year = a.target == Target::Plan;
            a.years(&s).iter().any(|y| {
                a.get(&s, Some(*y))
                    .is_some_and(|v| every_year || !v.is_zero())
            })
        };
        assert_eq!(listed, has_figure, "{key}");
    }
    // Workforce and collaboration assumptions are in it too.
    assert!(
        text.contains("Workforce and Uplift,Officers recruits,people,2023/24,76,"),
        "{text}"
    );
    assert!(text.contains(",collaboration_cost[emsou]"));
}

#[test]
fn mtfp_assumptions_lists_every_kind() {
    let mut out = Vec::new();
    planner::cli::run(
        &["assumptions".into(), "--format".into(), "json".into()],
        &mut out,
    )
    .unwrap();
    let list: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), Kind::ALL.len());
    let award = &list[0];
    assert_eq!(award["key"], "officer_pay_award");
    assert_eq!(award["unit"], "percent");
    assert_eq!(award["min"], "-20");
    assert_eq!(award["swing"]["value"], "1");
    assert_eq!(award["uncertainty"]["low"]["value"], "0");
    assert_eq!(award["uncertainty"]["high"]["value"], "7");
    assert_eq!(award["instances"][0]["key"], "officer_pay_award");
    let band_d = list.iter().find(|k| k["key"] == "band_d").unwrap();
    assert!(band_d["swing"].is_null());
    assert_eq!(
        band_d["not_varied_because"],
        "set and published for the base year"
    );

    let mut out = Vec::new();
    planner::cli::run(&["assumptions".into()], &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some(planner::cli::ASSUMPTIONS_CSV_HEADER));
    assert_eq!(lines.count(), Kind::ALL.len());
    assert!(text.contains("\nofficer_pay_award,Officer pay award,percent,-20,30,all,Pay and inflation,1 percentage point,"));
}

#[test]
fn years_rules_match_the_scenario_file() {
    let s = base();
    for a in registry::assumptions(&s) {
        let years = a.years(&s);
        match a.def().years {
            Years::Single | Years::BaseYear => assert!(years.is_empty()),
            Years::All => assert_eq!(years, s.horizon.year_list()),
            Years::Later => assert_eq!(years.first().copied(), s.horizon.base_year.plus(1)),
        }
    }
}

/// docs/model.md §10 lists every kind with the registry's figures, so the document can be
/// trusted for them: key, scenario field, unit, range, years, swing and uncertainty.
#[test]
fn the_model_document_lists_the_registry() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/model.md")).unwrap();
    let rows: Vec<Vec<String>> = doc
        .lines()
        .filter(|l| l.starts_with("| `") && l.matches('|').count() == 8)
        .map(|l| {
            l.split('|')
                .map(|c| c.trim().trim_matches('`').to_string())
                .collect()
        })
        .filter(|cells: &Vec<String>| Kind::from_key(&cells[1]).is_some())
        .collect();
    assert_eq!(rows.len(), Kind::ALL.len());
    for (row, &kind) in rows.iter().zip(Kind::ALL) {
        let def = kind.def();
        assert_eq!(row[1], def.key);
        assert_eq!(row[2], kind.about().path, "{}", def.key);
        let unit = match def.unit {
            Unit::Percent => "%",
            Unit::Pounds => "£",
            Unit::Properties => "Band D equiv.",
            Unit::Years => "years",
            Unit::People => "people",
        };
        assert_eq!(row[3], unit, "{}", def.key);
        assert_eq!(row[4], format!("{} to {}", def.min, def.max), "{}", def.key);
        assert_eq!(row[5], def.years.key(), "{}", def.key);
        match kind.about().analysis {
            Analysis::Varied { swing, uncertainty } => {
                let v = match swing.change {
                    Change::By(v) | Change::Percent(v) => v.normalize(),
                };
                assert!(row[6].contains(&v.to_string()), "{}: {}", def.key, row[6]);
                let points = format!(
                    "{} / {} / {}",
                    uncertainty.low.value.normalize(),
                    uncertainty.likely.value.normalize(),
                    uncertainty.high.value.normalize()
                );
                assert!(
                    row[7].starts_with(&points),
                    "{}: {} vs {points}",
                    def.key,
                    row[7]
                );
            }
            Analysis::Fixed { reason } => {
                assert_eq!(row[7], format!("not varied: {reason}"), "{}", def.key);
            }
        }
    }
}
