//! The outturn screen's changes in the workspace (docs/scenarios.md, "Plan against
//! outturn"): setting actuals is one undoable step (on the baseline, a new scenario), a bad
//! set is refused beside the screen with nothing changed, a rolled plan is added and undone,
//! and the actuals travel in storage and share links.

use rust_decimal::dec;

use crate::util::engine::fy;
use planner::model::baseline;
use planner::model::outturn::roll::roll_forward;
use planner::model::outturn::{Actuals, Figure, Item};
use planner::model::Source;
use planner::store::records::{self, Memory, Saved};
use planner::store::session::{Action, OutturnEdit, Place, Workspace};
use planner::store::{share, Selected};

const T: &str = "2026-11-22T10:00:00.000Z";

fn ws() -> Workspace {
    Workspace::new(baseline::nottinghamshire().unwrap()).unwrap()
}

fn set_ict(ws: &Workspace, value: &str) -> Workspace {
    let mut a = Actuals::of(&ws.scenario).unwrap();
    a.set(Figure {
        year: fy("2022/23"),
        item: Item::Expenditure("ict".into()),
        value: value.parse().unwrap(),
        source: Source::published("Entered by hand"),
    });
    ws.apply(
        Action::Outturn(Box::new(OutturnEdit {
            actuals: a.section(),
            what: "Outturn: ICT 2022/23".into(),
            from: "—".into(),
            to: value.into(),
        })),
        T,
    )
}

#[test]
fn setting_actuals_is_one_undoable_step() {
    let w = set_ict(&ws(), "9400000");
    // The baseline is read-only: the first change makes a scenario from it.
    assert!(matches!(w.current(), Selected::Scenario(_)));
    let a = Actuals::of(&w.scenario).unwrap();
    assert_eq!(
        a.value(fy("2022/23"), &Item::Expenditure("ict".into())),
        Some(dec!(9400000))
    );
    let log = match w.current() {
        Selected::Scenario(id) => w.collection().get(id).unwrap().log(),
        Selected::Baseline => unreachable!(),
    };
    assert_eq!(log.last().unwrap().field, "Outturn: ICT 2022/23");
    // Another figure is another step; undo takes back one.
    let w2 = set_ict(&w, "9500000");
    let back = w2.apply(Action::Undo, T);
    assert_eq!(back.scenario.actuals, w.scenario.actuals);
    // The projection is untouched: actuals move no planned figure.
    assert_eq!(w.projection.years, ws().projection.years);
}

#[test]
fn the_workspace_keeps_the_section_and_the_screen_reads_it() {
    // The workspace does not read the actuals it is sent (the screen checks what it
    // sends): a section that does not fit is kept as it is, as one undoable step, the
    // plan's figures untouched, and reading it names the problem.
    let w = ws();
    let mut a = Actuals::of(&w.scenario).unwrap();
    a.figures.push(Figure {
        year: fy("2030/31"),
        item: Item::BandD,
        value: dec!(300),
        source: Source::default(),
    });
    let after = w.apply(
        Action::Outturn(Box::new(OutturnEdit {
            actuals: a.section(),
            what: "x".into(),
            from: String::new(),
            to: String::new(),
        })),
        T,
    );
    assert_eq!(after.collection().entries().len(), 1);
    assert_eq!(after.projection.years, w.projection.years);
    let e = Actuals::of(&after.scenario).unwrap_err().to_string();
    assert!(e.contains("2030/31 is outside the plan"), "{e}");
    assert_eq!(after.apply(Action::Undo, T).collection(), w.collection());
}

#[test]
fn a_damaged_section_opens_and_is_named_where_read() {
    // A share link (or saved scenario) whose actuals section does not read still opens:
    // the section is only checked to be an object, and read where it is used.
    let w = ws();
    let mut s = (*w.scenario).clone();
    let text = s
        .to_json_compact()
        .replace(r#""item":"band_d""#, r#""item":"cake""#);
    s = planner::model::Scenario::from_json(&text).unwrap();
    let link = share::encode(&s).unwrap();
    let opened = share::decode(&link).unwrap();
    assert_eq!(opened, s);
    let e = Actuals::of(&opened).unwrap_err().to_string();
    assert!(
        e.starts_with("actuals.figures[7].item: unknown item `cake`"),
        "{e}"
    );
    // Not an object: refused as the file is read.
    let bad = text.replacen(r#""actuals":{"#, r#""actuals":["#, 1);
    assert!(planner::model::Scenario::from_json(&bad).is_err());
}

#[test]
fn a_rolled_plan_is_added_and_undone() {
    let w = ws();
    let rolled = roll_forward(&w.scenario).unwrap().scenario;
    let after = w.apply(
        Action::AddMade(Box::new(rolled), "Roll forward a year".into()),
        T,
    );
    assert_eq!(after.collection().entries().len(), 1);
    assert_eq!(after.scenario.horizon.base_year, fy("2022/23"));
    let n = after.notice.as_ref().unwrap();
    assert_eq!((n.place, n.error), (Place::Outturn, false));
    assert!(n.text.contains("Undo takes it out again"), "{}", n.text);
    assert_eq!(
        after.history().undo_label().unwrap(),
        "Roll forward a year ('Nottinghamshire baseline rolled forward to 2022/23')"
    );
    let undone = after.apply(Action::Undo, T);
    assert!(undone.collection().entries().is_empty());
    assert_eq!(undone.current(), Selected::Baseline);
}

#[test]
fn actuals_travel_in_storage_and_share_links() {
    let w = set_ict(&ws(), "9400000");
    let mut m = Memory::default();
    m.apply(&Saved::default().plan(w.collection()).ops);
    let text = m
        .records()
        .into_iter()
        .find(|(k, _)| k == "s1")
        .map(|(_, v)| v)
        .unwrap();
    let (_, packed) = text.split_once('\n').unwrap();
    let unpacked = records::unpack_text(packed).unwrap();
    assert!(
        unpacked.contains(r#""item":"expenditure[ict]","value":"9400000""#),
        "{unpacked}"
    );
    let link = share::encode(&w.scenario).unwrap();
    let back = share::decode(&link).unwrap();
    assert_eq!(back.actuals, w.scenario.actuals);
}

#[test]
fn the_import_refuses_a_bad_actuals_section_with_its_place() {
    // Where a file enters (the import menu, as `mtfp`), the section is checked in full.
    let s = ws().scenario;
    let good = s.to_json();
    assert!(planner::store::import::scenario("a.json", good.as_bytes()).is_ok());
    let bad = good.replace(r#""item": "band_d""#, r#""item": "cake""#);
    let e = planner::store::import::scenario("a.json", bad.as_bytes())
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("actuals.figures[7].item: unknown item `cake`"),
        "{e}"
    );
    assert!(e.contains("(line "), "{e}");
    let twice = good.replace(r#""item": "band_d""#, r#""item": "tax_base""#);
    let e = planner::store::import::scenario("a.json", twice.as_bytes())
        .unwrap_err()
        .to_string();
    assert!(e.contains("given twice for this year"), "{e}");
}
