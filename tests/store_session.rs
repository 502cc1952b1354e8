//! The workspace natively: scenarios, change logs, undo and redo, storage round trips and
//! recovery, share links, CSV.

use planner::edit::Field;
use planner::model::registry::Kind;
use planner::model::{baseline, FinancialYear};
use planner::store::import::{ImportError, ImportProblem};
use planner::store::records::{self, Memory, Saved};
use planner::store::session::Recovery;
use planner::store::session::{Action, Place, View, Workspace};
use planner::store::{csv, legacy, share, Selected};

const T: &str = "2026-11-22T10:00:00.000Z";

fn ws() -> Workspace {
    Workspace::new(baseline::nottinghamshire().unwrap()).unwrap()
}

fn fy(y: u16) -> FinancialYear {
    FinancialYear::new(y).unwrap()
}

fn run(ws: &Workspace, actions: impl IntoIterator<Item = Action>) -> Workspace {
    actions.into_iter().fold(ws.clone(), |w, a| w.apply(a, T))
}

/// The records the store holds after saving `w` into an empty store.
fn stored(w: &Workspace) -> Vec<(String, String)> {
    let mut m = Memory::default();
    m.apply(&Saved::default().plan(w.collection()).ops);
    m.records()
}

/// The workspace the app opens on `records` (and older saved work `legacy`), with the
/// share-link `fragment`.
fn reopen(
    records: &[(String, String)],
    legacy: &[(String, String)],
    fragment: Option<&str>,
) -> Workspace {
    let o = records::open(records, legacy, None);
    let recovery = Recovery {
        problems: o.problems,
        kept: o.kept,
        newer: o.newer,
    };
    Workspace::open(
        baseline::nottinghamshire().unwrap(),
        o.collection,
        recovery,
        fragment,
    )
    .unwrap()
}

/// Older saved work: the local-storage envelope of `w`.
fn envelope(w: &Workspace) -> String {
    legacy::encode(w.collection())
}

#[test]
fn editing_the_baseline_makes_a_scenario_and_logs_the_change() {
    let w = ws();
    let field = Field::plan(Kind::BandDRiseGbp, fy(2023));
    let w = run(
        &w,
        ["2", "24", "24.9", "24.94"].map(|t| Action::Edit(field.clone(), t.into())),
    );
    assert!(matches!(w.current(), Selected::Scenario(_)));
    assert_eq!(w.collection().entries().len(), 1);
    assert_eq!(
        *w.baseline,
        baseline::nottinghamshire().unwrap(),
        "baseline untouched"
    );
    let entry = &w.collection().entries()[0];
    let log = entry.log();
    assert_eq!(log.len(), 1, "one figure typed is one log entry");
    assert_eq!(log[0].from, "14.94");
    assert_eq!(log[0].to, "24.94");
    assert_eq!(log[0].at, T);
    assert_eq!(w.history().undo_depth(), 1, "and one undo step");
    assert!(w.projection.cumulative_gap() < w.baseline_projection.cumulative_gap());
    // Undo takes the whole figure back; redo puts it back.
    let u = w.apply(Action::Undo, T);
    assert_eq!(u.current(), Selected::Baseline);
    assert_eq!(u.text(&field), "14.94");
    let r = u.apply(Action::Redo, T);
    assert_eq!(r.text(&field), "24.94");
    assert_eq!(r.projection, w.projection);
}

#[test]
fn a_bad_entry_is_not_a_step_and_keeps_the_figures() {
    let w = ws();
    let field = Field::plan(Kind::OfficerPayAward, fy(2024));
    let w = run(&w, [Action::Edit(field.clone(), "3x".into())]);
    assert_eq!(w.error_count(), 1);
    assert_eq!(w.history().undo_depth(), 0);
    assert_eq!(w.current(), Selected::Baseline);
}

#[test]
fn create_rename_describe_duplicate_delete_all_undo() {
    let w = run(
        &ws(),
        [Action::NewFromBaseline, Action::Rename("Pay 4%".into())],
    );
    assert_eq!(w.scenario.name, "Pay 4%");
    let w = run(
        &w,
        [
            Action::Describe("What if pay is 4% a year".into()),
            Action::Duplicate,
        ],
    );
    assert_eq!(w.scenario.name, "Copy of Pay 4%");
    assert_eq!(w.scenario.description, "What if pay is 4% a year");
    assert_eq!(w.collection().entries().len(), 2);
    // A clash is refused beside the scenario bar, with nothing changed.
    let clash = w.apply(Action::Rename("Pay 4%".into()), T);
    assert_eq!(clash.notice.as_ref().unwrap().place, Place::Name);
    assert_eq!(clash.collection(), w.collection());
    let w = run(&w, [Action::Delete]);
    assert_eq!(w.collection().entries().len(), 1);
    assert_eq!(w.scenario.name, "Pay 4%");
    // Four steps back to nothing, and forward again.
    let steps = w.history().undo_depth();
    assert_eq!(steps, 5);
    let back = run(&w, std::iter::repeat_n(Action::Undo, steps));
    assert!(back.collection().entries().is_empty());
    assert_eq!(back.current(), Selected::Baseline);
    let again = run(&back, std::iter::repeat_n(Action::Redo, steps));
    assert_eq!(again.collection(), w.collection());
}

#[test]
fn storage_round_trips_every_scenario_exactly() {
    let field = Field::single(Kind::BandD);
    let w = run(
        &ws(),
        [
            Action::NewFromBaseline,
            Action::Rename("High precept".into()),
            Action::Edit(field.clone(), "300.17".into()),
            Action::Describe("Band D £300.17".into()),
            Action::NewFromBaseline,
            Action::Select(Selected::Scenario(1)),
        ],
    );
    let back = reopen(&stored(&w), &[], None);
    assert_eq!(back.collection(), w.collection());
    assert_eq!(back.scenario, w.scenario);
    assert_eq!(back.text(&field), "300.17");
    assert!(back.recovery.is_none());
    // Older saved work (the local-storage envelope) opens the same.
    let moved = reopen(&[], &[(legacy::STORAGE_KEY.into(), envelope(&w))], None);
    assert_eq!(moved.collection(), w.collection());
    assert_eq!(moved.scenario, w.scenario);
    assert!(moved.recovery.is_none());
}

#[test]
fn older_storage_still_loads() {
    let s = baseline::nottinghamshire().unwrap();
    let mut renamed = s.clone();
    renamed.name = "Saved by version 1".into();
    let renamed_json: serde_json::Value = serde_json::from_str(&renamed.to_json()).unwrap();
    let v1 = serde_json::json!({ "schema": 1, "scenarios": [renamed_json] }).to_string();
    let loaded = legacy::decode(&v1);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.collection.entries().len(), 1);
    assert_eq!(
        **loaded.collection.entries()[0].scenario().unwrap(),
        renamed
    );
}

#[test]
fn corrupt_storage_keeps_what_it_can_and_hands_back_the_rest() {
    let w = run(&ws(), [Action::NewFromBaseline, Action::NewFromBaseline]);
    let mut v: serde_json::Value = serde_json::from_str(&envelope(&w)).unwrap();
    v["scenarios"][1]["scenario"]["precept"] = serde_json::json!("broken");
    let text = v.to_string();
    let key = legacy::STORAGE_KEY.to_string();
    let back = reopen(&[], &[(key.clone(), text.clone())], None);
    assert_eq!(back.collection().entries().len(), 1);
    let r = back.recovery.as_ref().unwrap();
    assert_eq!(r.problems.len(), 1);
    assert!(r.problems[0].contains("Scenario 2"), "{}", r.problems[0]);
    assert_eq!(r.kept.len(), 1);
    assert_eq!(r.kept[0].text, text, "every character kept");
    // Not JSON at all: nothing kept, everything handed back, the app still opens.
    let garbage = "{\"schema\": 2, \"scen".to_string();
    let back = reopen(&[], &[(key.clone(), garbage.clone())], None);
    assert!(back.collection().entries().is_empty());
    assert_eq!(back.recovery.unwrap().kept[0].text, garbage);
    // From a newer version: reported and kept where it is.
    let newer = reopen(&[], &[(key, "{\"schema\": 99}".into())], None);
    let r = newer.recovery.unwrap();
    assert!(r.problems[0].contains("newer version"));
    assert_eq!(r.kept[0].key, legacy::STORAGE_KEY);
}

#[test]
fn a_share_link_adds_its_scenario_beside_the_users_own() {
    let mine = run(
        &ws(),
        [Action::NewFromBaseline, Action::Rename("Mine".into())],
    );
    let theirs = run(
        &ws(),
        [
            Action::Edit(Field::single(Kind::BandD), "280".into()),
            Action::Rename("Theirs".into()),
        ],
    );
    let fragment = share::encode(&theirs.scenario).unwrap();
    assert!(fragment.len() < share::MAX_LINK_CHARS);
    let opened = reopen(&stored(&mine), &[], Some(&format!("#{fragment}")));
    let names: Vec<_> = opened
        .collection()
        .entries()
        .iter()
        .map(|e| e.name.clone())
        .collect();
    assert_eq!(names, ["Mine", "Theirs (shared)"]);
    assert_eq!(opened.scenario.precept, theirs.scenario.precept);
    assert_eq!(opened.notice.as_ref().unwrap().place, Place::Share);
    // A damaged link: a message, and the user's own work as it was.
    let broken = reopen(&stored(&mine), &[], Some(&fragment[..fragment.len() / 2]));
    assert_eq!(broken.collection(), mine.collection());
    assert!(broken.notice.unwrap().error);
}

#[test]
fn import_is_all_or_nothing() {
    let w = run(&ws(), [Action::NewFromBaseline]);
    let bad = w.apply(
        Action::Import(
            "x.json".into(),
            Err(ImportError::new("x.json", ImportProblem::Unreadable)),
        ),
        T,
    );
    assert_eq!(bad.collection(), w.collection());
    assert_eq!(bad.notice.as_ref().unwrap().place, Place::Import);
    let mut s = baseline::nottinghamshire().unwrap();
    s.name = "Scenario 1".into();
    let good = w.apply(Action::Import("s.json".into(), Ok(Box::new(s))), T);
    assert_eq!(good.scenario.name, "Scenario 1 (2)", "never overwrites");
    assert_eq!(good.view, View::Edit);
    assert_eq!(good.collection().entries().len(), 2);
}

#[test]
fn results_csv_matches_the_cli_figures_and_is_safe() {
    let mut w = ws();
    w = run(
        &w,
        [
            Action::NewFromBaseline,
            Action::Rename("=HYPERLINK(\"x\")".into()),
        ],
    );
    let text = csv::results(&w.projection);
    assert!(
        text.starts_with("Scenario,\"'=HYPERLINK(\"\"x\"\")\"\r\n"),
        "{text}"
    );
    let gap_row = text
        .lines()
        .find(|l| l.starts_with("Gap,Annual gap,"))
        .unwrap();
    let want: Vec<String> = w
        .projection
        .years
        .iter()
        .map(|y| format!("{:.2}", y.gap))
        .collect();
    assert_eq!(gap_row, format!("Gap,Annual gap,{}", want.join(",")));
    let a = csv::assumptions(&w.scenario);
    assert!(a.contains("Precept,Band D,£,2021/22,"), "{a}");
    // As downloaded: the byte-order mark first, so Excel reads "£" as UTF-8, then the
    // table unchanged, every line ending CRLF.
    for (table, file) in [(&text, csv::file(&text)), (&a, csv::file(&a))] {
        assert_eq!(&file.as_bytes()[..3], b"\xEF\xBB\xBF");
        assert_eq!(&file[3..], table.as_str());
        assert!(file.ends_with("\r\n"));
        assert_eq!(file.matches('\n').count(), file.matches("\r\n").count());
    }
}

#[test]
fn a_link_opened_in_a_running_tab_is_one_undoable_step() {
    let mine = run(&ws(), [Action::NewFromBaseline]);
    let theirs = run(
        &ws(),
        [Action::Edit(Field::single(Kind::BandD), "280".into())],
    );
    let fragment = share::encode(&theirs.scenario).unwrap();
    let w = mine.apply(Action::OpenLink(fragment), T);
    assert_eq!(w.collection().entries().len(), 2);
    assert_eq!(w.scenario.precept, theirs.scenario.precept);
    assert!(!w.notice.as_ref().unwrap().error);
    assert_eq!(w.apply(Action::Undo, T).collection(), mine.collection());
    // A damaged one: a message, nothing else.
    let bad = mine.apply(Action::OpenLink("share=1.garbage!".into()), T);
    assert_eq!(bad.collection(), mine.collection());
    assert!(bad.notice.unwrap().error);
}

#[test]
fn no_op_edits_and_resets_make_no_steps() {
    let w = ws();
    let field = Field::plan(Kind::BandDRiseGbp, fy(2023));
    let same = w.apply(Action::Edit(field.clone(), "14.940".into()), T);
    assert_eq!(
        same.current(),
        Selected::Baseline,
        "no scenario made for the same figure"
    );
    assert_eq!(same.history().undo_depth(), 0);
    let w = run(&w, [Action::NewFromBaseline, Action::Reset]);
    assert_eq!(
        w.history().undo_depth(),
        1,
        "resetting an unedited scenario is not a step"
    );
    let w = run(
        &w,
        [
            Action::Edit(field.clone(), "20".into()),
            Action::Seal,
            Action::Reset,
        ],
    );
    assert_eq!(w.history().undo_depth(), 3);
    assert_eq!(w.text(&field), "14.94");
    assert_eq!(
        w.collection().entries()[0].log().last().unwrap().to,
        "reset to the baseline"
    );
}

#[test]
fn an_analysis_answer_applied_is_a_new_scenario_that_undo_takes_out() {
    use planner::model::analysis::goal_seek::{solve, Lever, Question, Target};
    let start = run(
        &ws(),
        [Action::NewFromBaseline, Action::Show(View::Analysis)],
    );
    assert_eq!(start.view, View::Analysis);
    let a = solve(
        &start.scenario,
        &Question {
            target: Target::CumulativeGap,
            lever: Lever::PreceptGbp,
            from: fy(2023),
        },
    )
    .unwrap();
    let name = planner::view::analysis::scenario_name(&a);
    assert_eq!(
        name,
        "Band D +£18.11 a year from 2023/24: no cumulative gap by 2025/26"
    );
    let applied = run(
        &start,
        [Action::AddScenario(
            name.clone(),
            Box::new(a.scenario.clone()),
        )],
    );
    // Beside the others, on screen, in the edit view, with its figures.
    assert_eq!(applied.collection().entries().len(), 2);
    assert_eq!(applied.scenario.name, name);
    assert_eq!(applied.view, View::Edit);
    assert!(applied.projection.cumulative_gap() <= rust_decimal::Decimal::ZERO);
    let n = applied.notice.clone().unwrap();
    assert_eq!(n.place, Place::Scenarios);
    assert!(!n.error);
    assert_eq!(
        n.text,
        format!("Added '{name}' as a new scenario. Undo takes it out again.")
    );
    assert_eq!(
        applied.history().undo_label(),
        Some(format!("Add '{name}'").as_str())
    );
    // Undo takes it out and shows the scenario that was on screen.
    let undone = run(&applied, [Action::Undo]);
    assert_eq!(undone.collection().entries().len(), 1);
    assert_eq!(undone.scenario.name, "Scenario 1");
    assert_eq!(
        undone.projection.cumulative_gap(),
        start.projection.cumulative_gap()
    );
    // Applied twice, the second gets a name of its own.
    let twice = run(
        &applied,
        [Action::AddScenario(
            name.clone(),
            Box::new(a.scenario.clone()),
        )],
    );
    assert_ne!(twice.scenario.name, name);
    assert!(
        twice.scenario.name.starts_with(&name),
        "{}",
        twice.scenario.name
    );
    // A scenario that cannot be projected is not added.
    let mut broken = a.scenario.clone();
    broken.precept.band_d.value.0 = rust_decimal::Decimal::ZERO;
    let refused = run(
        &start,
        [Action::AddScenario("Broken".into(), Box::new(broken))],
    );
    assert_eq!(refused.collection(), start.collection());
    assert!(refused.notice.unwrap().error);
}
