//! The browser store natively (docs/scenarios.md, "The store"): record by record saves,
//! older saved work moved in, the journal, and the rules that keep unreadable or newer
//! saved work untouched.

use planner::edit::Field;
use planner::model::baseline;
use planner::model::registry::Kind;
use planner::store::records::{self, Memory, Op, Saved};
use planner::store::session::{Action, Place, Recovery, Workspace};
use planner::store::{backup, legacy, Selected};

const T: &str = "2026-12-05T10:00:00.000Z";

fn ws() -> Workspace {
    Workspace::new(baseline::nottinghamshire().unwrap()).unwrap()
}

fn run(ws: &Workspace, actions: impl IntoIterator<Item = Action>) -> Workspace {
    actions.into_iter().fold(ws.clone(), |w, a| w.apply(a, T))
}

/// Open the store on `m` (and older saved work `legacy`) as the app does.
fn reopen(m: &Memory, legacy: &[(String, String)]) -> (Workspace, records::Opened) {
    let o = records::open(&m.records(), legacy, None);
    let recovery = Recovery {
        problems: o.problems.clone(),
        kept: o.kept.clone(),
        newer: o.newer,
    };
    let w = Workspace::open(
        baseline::nottinghamshire().unwrap(),
        o.collection.clone(),
        recovery,
        None,
    )
    .unwrap();
    (w, o)
}

/// Save `w` as the app does after a change: the plan's writes, then the new saved state.
fn save(w: &Workspace, m: &mut Memory, saved: &mut Saved) -> Vec<Op> {
    let plan = saved.plan(w.collection());
    m.apply(&plan.ops);
    *saved = plan.saved;
    plan.ops
}

fn keys(ops: &[Op]) -> Vec<String> {
    ops.iter()
        .map(|o| match o {
            Op::Put { key, .. } => format!("put {key}"),
            Op::Delete { key } => format!("delete {key}"),
        })
        .collect()
}

#[test]
fn a_save_writes_only_the_scenario_that_changed() {
    let mut m = Memory::default();
    let mut saved = Saved::default();
    let w = run(
        &ws(),
        [
            Action::NewFromBaseline,
            Action::NewFromBaseline,
            Action::NewFromBaseline,
        ],
    );
    assert_eq!(
        keys(&save(&w, &mut m, &mut saved)),
        ["put s1", "put s2", "put s3", "put meta"]
    );
    assert!(save(&w, &mut m, &mut saved).is_empty(), "nothing changed");
    let w = run(
        &w,
        [
            Action::Select(Selected::Scenario(2)),
            Action::Edit(Field::single(Kind::BandD), "251".into()),
        ],
    );
    assert_eq!(keys(&save(&w, &mut m, &mut saved)), ["put s2", "put meta"]);
    let w = w.apply(Action::Edit(Field::single(Kind::BandD), "252".into()), T);
    assert_eq!(keys(&save(&w, &mut m, &mut saved)), ["put s2"]);
    let w = w.apply(Action::Delete, T);
    assert_eq!(
        keys(&save(&w, &mut m, &mut saved)),
        ["delete s2", "put meta"]
    );
    let w = w.apply(Action::Undo, T);
    assert_eq!(keys(&save(&w, &mut m, &mut saved)), ["put s2", "put meta"]);
    // What was saved opens exactly as it was left, unpacking only the scenario on screen.
    let (back, _) = reopen(&m, &[]);
    let unpacked: Vec<bool> = back
        .collection()
        .entries()
        .iter()
        .map(|e| e.body.is_unpacked())
        .collect();
    assert_eq!(unpacked, [false, true, false]);
    assert_eq!(back.collection(), w.collection());
    assert_eq!(back.text(&Field::single(Kind::BandD)), "252");
}

#[test]
fn each_record_is_a_short_header_and_packed_contents() {
    let w = run(
        &ws(),
        [Action::NewFromBaseline, Action::Rename("Pay 4%".into())],
    );
    let mut m = Memory::default();
    save(&w, &mut m, &mut Saved::default());
    let records = m.records();
    let (meta, s1) = (&records[0], &records[1]);
    assert_eq!(meta.0, "meta");
    assert_eq!(meta.1, r#"{"v":3,"current":"s1","next_id":2}"#);
    assert_eq!(s1.0, "s1");
    let (head, packed) = s1.1.split_once('\n').unwrap();
    assert_eq!(head, r#"{"v":3,"id":1,"name":"Pay 4%"}"#);
    // The baseline-sized scenario packs to about a third of its JSON.
    let text = records::unpack_text(packed).unwrap();
    assert!(text.starts_with(r#"{"scenario":{"schema":2,"name":"Pay 4%""#));
    assert!(
        packed.len() * 2 < text.len(),
        "{} of {}",
        packed.len(),
        text.len()
    );
}

#[test]
fn a_record_that_cannot_be_read_is_kept_and_never_written_over() {
    let w = run(&ws(), [Action::NewFromBaseline, Action::NewFromBaseline]);
    let mut m = Memory::default();
    save(&w, &mut m, &mut Saved::default());
    // Damage record s2 (its header) and add garbage under s7, as a disk error might.
    let garbage = "\u{0}\u{1} not a record ".repeat(1000);
    m.apply(&[
        Op::Put {
            key: "s2".into(),
            value: "{\"v\":3,\"id\":2".into(),
        },
        Op::Put {
            key: "s7".into(),
            value: garbage.clone(),
        },
    ]);
    let (back, o) = reopen(&m, &[]);
    assert_eq!(back.collection().entries().len(), 1);
    let r = back.recovery.as_ref().unwrap();
    assert_eq!(r.kept.len(), 2);
    assert_eq!(r.kept[0].key, "s2");
    assert_eq!(r.kept[0].text, "{\"v\":3,\"id\":2");
    assert_eq!(r.kept[1].text, garbage, "every character kept for download");
    assert!(
        r.problems[1].contains("Saved scenario 7 could not be read"),
        "{:?}",
        r.problems
    );
    // New scenarios take ids past the unreadable ones, and no save touches them.
    let mut saved = o.saved;
    let w = run(
        &back,
        [
            Action::NewFromBaseline,
            Action::Edit(Field::single(Kind::BandD), "250".into()),
            Action::Select(Selected::Scenario(1)),
            Action::Delete,
        ],
    );
    let ops = save(&w, &mut m, &mut saved);
    assert_eq!(keys(&ops), ["put s8", "delete s1", "put meta"]);
    let records = m.records();
    assert!(records.contains(&("s7".into(), garbage)));
    assert!(records.contains(&("s2".into(), "{\"v\":3,\"id\":2".into())));
}

#[test]
fn a_scenario_whose_contents_are_damaged_is_found_when_opened_and_kept() {
    let w = run(
        &ws(),
        [
            Action::NewFromBaseline,
            Action::Rename("Damaged".into()),
            Action::NewFromBaseline,
        ],
    );
    let mut m = Memory::default();
    save(&w, &mut m, &mut Saved::default());
    // A readable header over contents that unpack to a scenario that is not valid.
    let bad = records::contents_json(&baseline::nottinghamshire().unwrap(), &[]).replacen(
        "\"tax_base\":{\"value\":\"",
        "\"tax_base\":{\"value\":\"-",
        1,
    );
    let damaged = format!(
        "{{\"v\":3,\"id\":1,\"name\":\"Damaged\"}}\n{}",
        planner::store::pack::pack(&bad, 3)
    );
    m.apply(&[Op::Put {
        key: "s1".into(),
        value: damaged.clone(),
    }]);
    let (back, o) = reopen(&m, &[]);
    assert_eq!(back.collection().entries().len(), 2, "listed by its header");
    assert!(back.recovery.is_none());
    let tried = back.apply(Action::Select(Selected::Scenario(1)), T);
    assert_eq!(tried.current(), Selected::Scenario(2), "stays where it was");
    let n = tried.notice.as_ref().unwrap();
    assert_eq!(n.place, Place::Scenarios);
    assert!(
        n.text
            .contains("'Damaged' could not be read: precept.tax_base"),
        "{}",
        n.text
    );
    let r = tried.recovery.as_ref().unwrap();
    assert_eq!(r.kept[0].key, "s1");
    assert_eq!(r.kept[0].text, damaged, "the record exactly as stored");
    // Saving after other edits leaves it alone.
    let mut saved = o.saved;
    let w = tried.apply(Action::Edit(Field::single(Kind::BandD), "250".into()), T);
    assert_eq!(keys(&save(&w, &mut m, &mut saved)), ["put s2"]);
    assert!(m.records().contains(&("s1".into(), damaged)));
    // Opened on it (it was on screen when the page closed): the baseline shows instead.
    m.apply(&[Op::Put {
        key: "meta".into(),
        value: r#"{"v":3,"current":"s1","next_id":3}"#.into(),
    }]);
    let (back, _) = reopen(&m, &[]);
    assert_eq!(back.current(), Selected::Baseline);
    assert!(back
        .notice
        .unwrap()
        .text
        .contains("'Damaged' could not be read"));
}

#[test]
fn a_store_from_a_newer_version_is_reported_and_marked_read_only() {
    let mut m = Memory::default();
    m.apply(&[
        Op::Put {
            key: "meta".into(),
            value: r#"{"v":4,"current":"s1","next_id":2,"more":true}"#.into(),
        },
        Op::Put {
            key: "s1".into(),
            value: "{\"v\":4,\"id\":1}\nsomething new".into(),
        },
    ]);
    let journal = records::journal(&[Op::Delete { key: "s1".into() }]);
    let o = records::open(&m.records(), &[], Some(&journal));
    assert!(o.newer);
    assert!(
        o.problems[0].contains("newer version of the planner"),
        "{:?}",
        o.problems
    );
    assert!(o.collection.entries().is_empty());
    assert!(o.moves.is_empty());
    // Older saved work beside it is left where it is, too.
    let o = records::open(
        &m.records(),
        &[(
            legacy::STORAGE_KEY.into(),
            "{\"schema\":2,\"scenarios\":[]}".into(),
        )],
        None,
    );
    assert!(o.retire.is_empty() && o.moves.is_empty());
    assert_eq!(o.kept.last().unwrap().key, legacy::STORAGE_KEY);
}

#[test]
fn the_journal_of_unsaved_changes_is_replayed_and_saved_again() {
    let w = run(&ws(), [Action::NewFromBaseline, Action::NewFromBaseline]);
    let mut m = Memory::default();
    let mut saved = Saved::default();
    save(&w, &mut m, &mut saved);
    // The page is closed while an edit and a deletion are not yet confirmed as saved.
    let w = run(
        &w,
        [
            Action::Edit(Field::single(Kind::BandD), "260".into()),
            Action::Select(Selected::Scenario(1)),
            Action::Delete,
        ],
    );
    let unsaved = saved.plan(w.collection()).ops;
    let journal = records::journal(&unsaved);
    assert_eq!(records::read_journal(&journal).unwrap(), unsaved);
    let o = records::open(&m.records(), &[], Some(&journal));
    assert_eq!(o.collection, *w.collection());
    // The first save writes the journal's changes to the backend.
    let plan = o.saved.plan(&o.collection);
    assert_eq!(keys(&plan.ops), ["put s2", "delete s1"]);
    m.apply(&plan.ops);
    let again = records::open(&m.records(), &[], None);
    assert_eq!(again.collection, *w.collection());
    // A journal that cannot be read is reported, not applied.
    let o = records::open(&m.records(), &[], Some("{\"v\":3,\"ops\":[{\"put\":1}]}"));
    assert!(
        o.problems[0].contains("could not be read"),
        "{:?}",
        o.problems
    );
    assert_eq!(o.collection, *w.collection());
}

#[test]
fn older_saved_work_is_moved_in_once_and_unreadable_parts_are_kept_whole() {
    let w = run(
        &ws(),
        [
            Action::NewFromBaseline,
            Action::Rename("Keep me".into()),
            Action::Edit(Field::single(Kind::BandD), "255".into()),
            Action::NewFromBaseline,
            Action::Rename("Damaged".into()),
        ],
    );
    let mut v: serde_json::Value = serde_json::from_str(&legacy::encode(w.collection())).unwrap();
    v["scenarios"][1]["scenario"]["precept"] = serde_json::json!("broken");
    let text = v.to_string();
    let old = vec![
        (legacy::STORAGE_KEY.to_string(), text.clone()),
        (
            "mtfp.unreadable.2026-01-01T00:00:00.000Z".to_string(),
            "kept by an older version".to_string(),
        ),
    ];
    let mut m = Memory::default();
    let (opened, o) = reopen(&m, &old);
    assert_eq!(
        o.retire,
        [
            legacy::STORAGE_KEY,
            "mtfp.unreadable.2026-01-01T00:00:00.000Z"
        ]
    );
    let names: Vec<&str> = opened
        .collection()
        .entries()
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(names, ["Keep me"]);
    let r = opened.recovery.as_ref().unwrap();
    assert!(r
        .problems
        .iter()
        .any(|p| p.contains("Saved scenario 2 ('Damaged') could not be read")));
    assert_eq!(
        r.kept[0].text, text,
        "the whole older text, every character"
    );
    assert_eq!(r.kept[1].text, "kept by an older version");
    // The first save writes the moved records; the app then reads them back before
    // deleting the older copies.
    let mut ops = o.moves.clone();
    ops.extend(o.saved.plan(opened.collection()).ops);
    m.apply(&ops);
    assert!(records::confirmed(&ops, &m.records()));
    assert!(!records::confirmed(&ops, &Memory::default().records()));
    let (back, _) = reopen(&m, &[]);
    assert_eq!(back.collection(), opened.collection());
    let back = back.apply(Action::Select(Selected::Scenario(1)), T);
    assert_eq!(back.text(&Field::single(Kind::BandD)), "255");
    let r = back.recovery.unwrap();
    assert_eq!(r.kept.len(), 2);
    assert_eq!(
        r.kept[0].text, text,
        "still every character, after the move"
    );
    assert!(r.problems[0].contains("Damaged"), "{:?}", r.problems);
    // If deleting the older copy failed, the next visit does not add its scenarios twice.
    let (twice, o2) = reopen(&m, &old);
    assert_eq!(twice.collection().entries().len(), 1);
    assert!(o2.saved.plan(twice.collection()).ops.is_empty());
    assert!(
        o2.moves.is_empty(),
        "the unreadable texts are not kept twice"
    );
    assert_eq!(
        o2.retire,
        old.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>()
    );
    assert_eq!(twice.recovery.unwrap().kept.len(), 2);
}

#[test]
fn older_saved_work_never_writes_over_a_different_scenario_with_its_id() {
    let mine = run(
        &ws(),
        [Action::NewFromBaseline, Action::Rename("New".into())],
    );
    let mut m = Memory::default();
    save(&mine, &mut m, &mut Saved::default());
    let old = run(
        &ws(),
        [Action::NewFromBaseline, Action::Rename("Old".into())],
    );
    let (w, _) = reopen(
        &m,
        &[(legacy::STORAGE_KEY.into(), legacy::encode(old.collection()))],
    );
    let found: Vec<(u32, &str)> = w
        .collection()
        .entries()
        .iter()
        .map(|e| (e.id, e.name.as_str()))
        .collect();
    assert_eq!(found, [(1, "New"), (2, "Old")]);
    assert_eq!(w.collection().next_id(), 3);
}

#[test]
fn a_backup_holds_every_scenario_and_restores_beside_existing_work() {
    let w = run(
        &ws(),
        [
            Action::NewFromBaseline,
            Action::Rename("A".into()),
            Action::Edit(Field::single(Kind::BandD), "250".into()),
            Action::NewFromBaseline,
            Action::Rename("B".into()),
        ],
    );
    let contents: Vec<String> = w
        .collection()
        .entries()
        .iter()
        .map(|e| records::backup_text(e).unwrap())
        .collect();
    assert_eq!(
        contents[0],
        records::contents_json(
            w.collection().entries()[0].scenario().unwrap(),
            &w.collection().entries()[0].log()
        )
    );
    // Backed up from the store, the same text, and nothing is read and checked again.
    let mut m = Memory::default();
    save(&w, &mut m, &mut Saved::default());
    let (stored, _) = reopen(&m, &[]);
    let from_store: Vec<String> = stored
        .collection()
        .entries()
        .iter()
        .map(|e| records::backup_text(e).unwrap())
        .collect();
    assert_eq!(from_store, contents);
    assert!(stored.collection().entries()[0..1]
        .iter()
        .all(|e| !e.body.is_unpacked()));
    let file = backup::write(T, &contents);
    assert!(file.starts_with(
        "{\"mtfp_backup\":1,\"created\":\"2026-12-05T10:00:00.000Z\",\"count\":2,\"scenarios\":[\n"
    ));
    assert_eq!(file.lines().count(), 4, "one scenario to a line");
    assert!(
        serde_json::from_str::<serde_json::Value>(&file).is_ok(),
        "and JSON as a whole"
    );
    let bom = format!("\u{feff}{file}");
    let items = backup::entries("all.json", bom.as_bytes()).unwrap();
    let restored: Vec<_> = items
        .iter()
        .enumerate()
        .map(|(i, t)| backup::read_entry("all.json", i + 1, t).unwrap())
        .collect();
    // Packed as they are read, so saving them is only a write; named as they are.
    let unpacked = records::unpack_contents(&restored[1].packed).unwrap();
    assert_eq!(unpacked.log, w.collection().entries()[1].log());
    assert_eq!(restored[1].name, "B");
    assert_eq!(unpacked.scenario.name, "B");
    // Restoring into the same collection adds beside, under names of their own.
    let r = w.apply(Action::Restore(Ok(restored.clone())), T);
    let names: Vec<&str> = r
        .collection()
        .entries()
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(names, ["A", "B", "A (2)", "B (2)"]);
    assert_eq!(r.current(), w.current(), "the screen stays where it was");
    assert!(r
        .notice
        .as_ref()
        .unwrap()
        .text
        .starts_with("Restored 2 scenarios"));
    assert_eq!(
        r.apply(Action::Undo, T).collection(),
        w.collection(),
        "one step"
    );
    // Renamed to be unique, they are packed again when saved, under their new names.
    let mut m = Memory::default();
    save(&r, &mut m, &mut Saved::default());
    let (back, _) = reopen(&m, &[]);
    let names: Vec<String> = back
        .collection()
        .entries()
        .iter()
        .map(|e| e.scenario().unwrap().name.clone())
        .collect();
    assert_eq!(names, ["A", "B", "A (2)", "B (2)"]);
    // Restored where no name is taken, each is listed and read only when first shown.
    let fresh = ws().apply(Action::Restore(Ok(restored)), T);
    let entries = fresh.collection().entries();
    assert_eq!(entries.len(), 2);
    assert!(entries.iter().all(|e| !e.body.is_unpacked()));
    assert_eq!(fresh.current(), Selected::Baseline);
    let shown = fresh.apply(Action::Select(Selected::Scenario(entries[1].id)), T);
    assert_eq!(shown.scenario.name, "B");
    assert_eq!(
        shown.collection().entries()[1].log(),
        w.collection().entries()[1].log()
    );
    // Pretty-printed by another tool: still read.
    let pretty =
        serde_json::to_string_pretty(&serde_json::from_str::<serde_json::Value>(&file).unwrap())
            .unwrap();
    assert_eq!(
        backup::entries("p.json", pretty.as_bytes()).unwrap().len(),
        2
    );
}

#[test]
fn a_bad_backup_is_refused_whole_with_its_reason() {
    let one = records::contents_json(&baseline::nottinghamshire().unwrap(), &[]);
    let file = backup::write(T, &[one.clone(), one.clone()]);
    let cut = file.lines().take(2).collect::<Vec<_>>().join("\n");
    let err = |bytes: &[u8]| backup::entries("b.json", bytes).unwrap_err().to_string();
    assert!(err(format!("{cut}\n]}}").as_bytes())
        .contains("incomplete: it says it holds 2 scenarios but 1 are there"));
    assert!(err(b"").contains("empty"));
    assert!(err(&[0xff, 0xfe, 0x00]).contains("not a text file"));
    let scenario = baseline::nottinghamshire().unwrap().to_json();
    assert!(err(scenario.as_bytes()).contains("single scenario file, not a backup: use Import"));
    assert!(err(br#"{"mtfp_backup":9,"scenarios":[]}"#).contains("newer version"));
    assert!(err(b"{\"mtfp_backup\":1,\"count\":0,\"scenarios\":[").contains("not valid JSON"));
    // A scenario that fails its checks names its place in the file.
    let broken = one.replacen(
        "\"tax_base\":{\"value\":\"",
        "\"tax_base\":{\"value\":\"-",
        1,
    );
    let file = backup::write(T, &[one, broken]);
    let items = backup::entries("b.json", file.as_bytes()).unwrap();
    assert!(backup::read_entry("b.json", 1, &items[0]).is_ok());
    let e = backup::read_entry("b.json", 2, &items[1]).unwrap_err();
    assert!(matches!(
        e.problem,
        backup::BackupProblem::Entry { number: 2, .. }
    ));
    let e = e.to_string();
    assert!(
        e.starts_with(
            "b.json was not restored: scenario 2 in it could not be read: precept.tax_base"
        ),
        "{e}"
    );
    assert!(e.ends_with("Nothing was added."), "{e}");
}

#[test]
fn two_hundred_scenarios_round_trip_and_open_without_unpacking() {
    let mut w = ws();
    for i in 0..200 {
        w = run(
            &w,
            [
                Action::NewFromBaseline,
                Action::Edit(
                    Field::single(Kind::BandD),
                    format!("{}.{:02}", 240 + i % 50, i % 100),
                ),
            ],
        );
    }
    let mut m = Memory::default();
    let mut saved = Saved::default();
    assert_eq!(save(&w, &mut m, &mut saved).len(), 201);
    let (back, _) = reopen(&m, &[]);
    assert_eq!(back.collection().entries().len(), 200);
    let unpacked = back
        .collection()
        .entries()
        .iter()
        .filter(|e| e.body.is_unpacked())
        .count();
    assert_eq!(unpacked, 1, "only the scenario on screen");
    assert_eq!(back.collection(), w.collection());
}

#[test]
fn a_later_save_clears_the_message_about_a_failed_one_and_nothing_else() {
    use planner::store::session::Notice;
    let failed = ws().apply(
        Action::Notify(Notice {
            place: Place::Storage,
            error: true,
            text: "could not be saved".into(),
        }),
        T,
    );
    assert!(failed.apply(Action::Saved, T).notice.is_none());
    for (place, error) in [(Place::Storage, false), (Place::Import, true)] {
        let other = ws().apply(
            Action::Notify(Notice {
                place,
                error,
                text: "kept".into(),
            }),
            T,
        );
        assert_eq!(other.apply(Action::Saved, T).notice, other.notice);
    }
}

#[test]
fn work_deleted_from_the_browser_leaves_the_banner() {
    let mut m = Memory::default();
    m.apply(&[
        Op::Put {
            key: "s4".into(),
            value: "garbage".into(),
        },
        Op::Put {
            key: "s5".into(),
            value: "more garbage".into(),
        },
    ]);
    let (w, _) = reopen(&m, &[]);
    assert_eq!(w.recovery.as_ref().unwrap().kept.len(), 2);
    assert!(w
        .recovery
        .as_ref()
        .unwrap()
        .kept
        .iter()
        .all(|k| k.removable));
    let w = w.apply(Action::Forgotten("s4".into()), T);
    assert_eq!(w.recovery.as_ref().unwrap().kept[0].key, "s5");
    let w = w.apply(Action::Forgotten("s5".into()), T);
    assert!(w.recovery.is_none(), "nothing left to show");
}
