//! The outturn screen's changes in the workspace (docs/scenarios.md, "Plan against
//! outturn"): setting actuals is one undoable step (on the baseline, a new scenario), a bad
//! set is refused beside the screen with nothing changed, a rolled plan is added and undone,
//! and the actuals travel in storage and share links.

use rust_decimal::dec;

use crate::util::engine::fy;
use planner::model::baseline;
use planner::model::outturn::roll::roll_forward;
use planner::model::outturn::{Figure, Item};
use planner::model::Source;
use planner::store::records::{self, Memory, Saved};
use planner::store::session::{Action, OutturnEdit, Place, Workspace};
use planner::store::{share, Selected};

const T: &str = "2026-11-22T10:00:00.000Z";

fn ws() -> Workspace {
    Workspace::new(baseline::nottinghamshire().unwrap()).unwrap()
}

fn set_ict(ws: &Workspace, value: &str) -> Workspace {
    let mut a = ws.scenario.actuals.clone().unwrap_or_default();
    a.set(Figure {
        year: fy("2022/23"),
        item: Item::Expenditure("ict".into()),
        value: value.parse().unwrap(),
        source: Source::published("Entered by hand"),
    });
    ws.apply(
        Action::Outturn(Box::new(OutturnEdit {
            actuals: Some(a),
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
    let a = w.scenario.actuals.as_ref().unwrap();
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
fn a_bad_set_is_refused_beside_the_screen() {
    let w = ws();
    let mut a = w.scenario.actuals.clone().unwrap();
    a.figures.push(Figure {
        year: fy("2030/31"),
        item: Item::BandD,
        value: dec!(300),
        source: Source::default(),
    });
    let after = w.apply(
        Action::Outturn(Box::new(OutturnEdit {
            actuals: Some(a),
            what: "x".into(),
            from: String::new(),
            to: String::new(),
        })),
        T,
    );
    let n = after.notice.as_ref().unwrap();
    assert_eq!((n.place, n.error), (Place::Outturn, true));
    assert!(n.text.contains("2030/31 is outside the plan"), "{}", n.text);
    assert_eq!(after.collection(), w.collection());
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
