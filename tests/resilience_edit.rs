//! Editing the savings register and the reserves strategy through the workspace's
//! reducer (docs/resilience.md §10): each field by its key, rows added and removed, undo,
//! text that cannot be used kept beside its field, and the messages and request that carry
//! these between the workspace and the screens loaded on demand.

use planner::edit::register::{self, Reg, RowEdit};
use planner::edit::Field;
use planner::model::resilience;
use planner::model::scenario::strategy::Indicator;
use planner::model::scenario::DeliveryStatus;
use planner::model::{baseline, engine, FinancialYear};
use planner::store::remote::{Message, Request, Saving, Screen};
use planner::store::session::{Action, Edited, Place, Workspace};
use planner::store::Selected;

const T: &str = "2026-11-22T10:00:00.000Z";

fn ws() -> Workspace {
    Workspace::new(baseline::nottinghamshire().unwrap()).unwrap()
}

/// What a register screen does with `text` typed into `r`: the changed scenario for the
/// workspace to check and keep, or the text and why it cannot be used.
fn action(w: &Workspace, r: &Reg, text: &str) -> Action {
    match register::apply(&w.scenario, r, text) {
        Ok(changed) => Action::Change(Box::new(Edited {
            what: register::spec(&w.scenario, r).label,
            from: register::text(&w.scenario, r),
            to: register::text(&changed, r),
            scenario: changed,
            field: Some((r.key(), text.into())),
        })),
        Err(e) => Action::Draft(r.key(), text.into(), e),
    }
}

fn edit(w: &Workspace, r: Reg, text: &str) -> Workspace {
    w.apply(action(w, &r, text), T)
}

/// What a screen does for a row added or removed.
fn rows(w: &Workspace, op: RowEdit) -> Workspace {
    let a = match register::rows(&w.scenario, &op) {
        Ok((scenario, to)) => Action::Change(Box::new(Edited {
            scenario,
            what: "Savings and reserves".into(),
            from: String::new(),
            to,
            field: None,
        })),
        // As the screens do: the message at the register.
        Err(text) => Action::Notify(planner::store::session::Notice {
            place: Place::Register,
            error: true,
            text,
        }),
    };
    w.apply(a, T)
}

fn risks(s: &planner::model::Scenario) -> usize {
    s.sections().unwrap().strategy().risks.len()
}

fn draft(r: Reg) -> Field {
    Field::Screen(r.key())
}

fn fy(y: u16) -> FinancialYear {
    FinancialYear::new(y).unwrap()
}

fn every_field() -> Vec<Reg> {
    let id = "odd-id with-dashes".to_string();
    let y = fy(2023);
    let mut all = vec![
        Reg::SavingName(id.clone()),
        Reg::SavingOwner(id.clone()),
        Reg::SavingCategory(id.clone()),
        Reg::SavingKind(id.clone()),
        Reg::SavingStatus(id.clone()),
        Reg::SavingConfidence(id.clone()),
        Reg::SavingAmount(id.clone(), y),
        Reg::ReserveName(id.clone()),
        Reg::ReservePurpose(id.clone()),
        Reg::ReserveCategory(id.clone()),
        Reg::ReserveOpening(id.clone()),
        Reg::ReserveUse(id.clone(), y),
        Reg::GeneralPurpose,
        Reg::RiskName(id.clone()),
        Reg::RiskLikelihood(id.clone()),
        Reg::RiskImpact(id),
        Reg::Method,
        Reg::Percentile,
        Reg::Governs,
    ];
    all.extend(DeliveryStatus::ALL.map(Reg::StatusConfidence));
    for i in Indicator::ALL {
        all.push(Reg::RedBelow(i));
        all.push(Reg::AmberBelow(i));
    }
    all
}

#[test]
fn every_register_field_round_trips_through_its_key() {
    let mut keys = Vec::new();
    for r in every_field() {
        let key = r.key();
        assert_eq!(Reg::from_key(&key), Some(r.clone()), "{key}");
        keys.push(key);
    }
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), every_field().len(), "every key is its own");
    assert_eq!(
        Reg::SavingAmount("a-b".into(), fy(2024)).key(),
        "reg-samount-2024-a-b"
    );
    for bad in [
        "reg-",
        "reg-nope-x",
        "reg-samount-x",
        "reg-tred-nothing",
        "officer-award-2023",
    ] {
        assert_eq!(Reg::from_key(bad), None, "{bad}");
    }
}

/// A saving turned red: the change is one undoable step, its confidence becomes the red
/// default (25%) and the risk-adjusted gap moves by the part newly at risk.
#[test]
fn a_saving_turned_red_moves_the_risk_adjusted_gap_and_undoes() {
    let w = ws();
    let before = resilience::report(&w.scenario, &w.projection).unwrap();
    let w = edit(&w, Reg::SavingStatus("savings_2023_24".into()), "unlikely");
    assert_eq!(
        w.current(),
        Selected::Scenario(1),
        "the baseline is copied first"
    );
    let after = resilience::report(&w.scenario, &w.projection).unwrap();
    let row = &after.savings.savings[1];
    assert_eq!(row.confidence.to_string(), "25");
    // £4.9m at 25% instead of 90%: a further 65% of £4.9m, £3,185,000, at risk each year.
    let y = fy(2023);
    let gap = |r: &resilience::Report| r.savings.year(y).unwrap().gap_risk_adjusted;
    assert_eq!((gap(&after) - gap(&before)).to_string(), "3185000.00");
    // The projection (the plan) is unchanged.
    assert_eq!(w.projection.years, w.baseline_projection.years);
    assert_eq!(
        w.history().undo_label().unwrap(),
        "Edit 2023/24 savings plan: delivery status (in a new scenario)"
    );
    let log = w.collection().get(1).unwrap().log();
    let last = log.last().unwrap();
    assert_eq!(
        (last.from.as_str(), last.to.as_str()),
        ("on_track", "unlikely")
    );
    let undone = w.apply(Action::Undo, T);
    assert!(undone.collection().entries().is_empty());
}

/// Text that cannot be used stays beside its field with its message; the scenario keeps
/// its last valid figures; the request carries the draft to the screen, which rebuilds it.
#[test]
fn refused_text_stays_beside_its_field_and_travels_in_the_request() {
    let w = edit(
        &ws(),
        Reg::SavingConfidence("savings_2022_23".into()),
        "150",
    );
    let f = draft(Reg::SavingConfidence("savings_2022_23".into()));
    assert_eq!(w.error(&f).unwrap(), "Must be from 0% to 100%");
    assert_eq!(w.text(&f), "150");
    assert_eq!(w.scenario, w.baseline);
    let w = edit(&w, Reg::SavingName("savings_2022_23".into()), "  ");
    let name = draft(Reg::SavingName("savings_2022_23".into()));
    assert_eq!(w.error(&name).unwrap(), "A saving needs a name");
    let request = Request::of(&w, Screen::Savings, Saving::Local, false);
    assert_eq!(request.drafts.len(), 2);
    let back = Request::from_json(&request.to_json()).unwrap();
    assert_eq!(back, request);
    let remote = Workspace::remote(baseline::nottinghamshire().unwrap(), &back, |_| {
        Err(planner::store::ContentsError::Gone)
    })
    .unwrap();
    assert_eq!(remote.error(&f).unwrap(), "Must be from 0% to 100%");
    assert_eq!(remote.text(&name), "  ");
    // Blank confidence means the status's default: accepted.
    let w = edit(&w, Reg::SavingConfidence("savings_2022_23".into()), "");
    assert_eq!(w.error(&f), None);
}

/// A named reserve's opening and planned use change the earmarked totals with them, so the
/// projection follows; the first reserve added takes the earmarked reserves whole.
#[test]
fn named_reserves_keep_the_earmarked_totals() {
    let w = edit(
        &ws(),
        Reg::ReserveUse("budget_smoothing".into(), fy(2023)),
        "1,000,000",
    );
    let r = &w.scenario.reserves;
    assert_eq!(
        r.planned_use_earmarked
            .value
            .get(fy(2023))
            .unwrap()
            .to_string(),
        "1000000"
    );
    let y = w.projection.year(fy(2023)).unwrap();
    assert_eq!(y.reserves_applied.to_string(), "1000000.00");
    let w = edit(&w, Reg::ReserveOpening("partners".into()), "2500000");
    assert_eq!(
        w.scenario.reserves.earmarked_opening.value.0.to_string(),
        "20500000"
    );
    // The totals are the named reserves added up: the Edit panel refuses them beside the
    // field, pointing to the Reserves screen.
    for kind in [
        planner::model::registry::Kind::EarmarkedReserves,
        planner::model::registry::Kind::PlannedUseEarmarked,
    ] {
        let total = Field::single(kind);
        let w2 = w.apply(Action::Edit(total.clone(), "1".into()), T);
        assert_eq!(
            w2.error(&total).unwrap(),
            "The named earmarked reserves add up to this: change them on the Reserves screen"
        );
        assert_eq!(w2.scenario, w.scenario);
    }
    // Removing a reserve takes its figures out of the totals.
    let w = rows(&w, RowEdit::RemoveReserve("budget_smoothing".into()));
    assert_eq!(
        w.scenario.reserves.earmarked_opening.value.0.to_string(),
        "15500000"
    );
    assert!(w.scenario.reserves.planned_use_earmarked.value.0.is_empty());
    // A scenario with no named reserves: the first added takes them whole.
    let mut s = baseline::nottinghamshire().unwrap();
    let mut st = s.sections().unwrap().strategy.unwrap();
    st.earmarked.clear();
    s.set_strategy(Some(&st));
    let (t, label) = planner::edit::register::rows(&s, &RowEdit::AddReserve).unwrap();
    assert_eq!(label, "Add an earmarked reserve");
    assert_eq!(
        t.sections().unwrap().strategy().earmarked[0]
            .opening
            .to_string(),
        "20000000"
    );
    assert_eq!(
        engine::project(&t).unwrap().years,
        engine::project(&s).unwrap().years
    );
}

#[test]
fn rows_are_added_and_removed_as_steps() {
    let w = rows(&ws(), RowEdit::AddSaving);
    let added = w.scenario.savings.last().unwrap();
    assert_eq!(
        (added.id.as_str(), added.name.as_str()),
        ("saving_1", "New saving")
    );
    let sections = w.scenario.sections().unwrap();
    assert_eq!(
        sections.delivery.last().unwrap().as_ref().unwrap().status,
        Some(DeliveryStatus::NotPlanned)
    );
    let w = edit(
        &w,
        Reg::SavingAmount("saving_1".into(), fy(2024)),
        "£500,000",
    );
    let r = resilience::report(&w.scenario, &w.projection).unwrap();
    assert_eq!(
        r.savings.savings[2].years[3].at_risk.to_string(),
        "500000.00",
        "not planned: 0%"
    );
    let w = rows(&w, RowEdit::AddRisk);
    assert_eq!(risks(&w.scenario), 6);
    let w = rows(&w, RowEdit::RemoveSaving("saving_1".into()));
    assert_eq!(w.scenario.savings.len(), 2);
    assert_eq!(
        w.history().undo_label().unwrap(),
        "Edit Savings and reserves"
    );
    // A sixteenth risk is refused, with the message at the register.
    let mut w = w;
    for _ in 0..10 {
        w = rows(&w, RowEdit::AddRisk);
    }
    assert_eq!(risks(&w.scenario), 15);
    let n = w.notice.as_ref().unwrap();
    assert_eq!(n.place, Place::Register);
    assert!(n.text.contains("a register holds at most 15"), "{}", n.text);
}

#[test]
fn register_messages_round_trip_and_become_actions() {
    let w = ws();
    let change = action(&w, &Reg::RiskImpact("grant".into()), "£2,000,000");
    let Action::Change(e) = &change else {
        panic!("a change")
    };
    assert_eq!((e.from.as_str(), e.to.as_str()), ("1,300,000", "2,000,000"));
    let refused = action(&w, &Reg::RiskImpact("grant".into()), "lots");
    assert_eq!(
        refused,
        Action::Draft(
            "reg-kimpact-grant".into(),
            "lots".into(),
            "'lots' is not a number".into()
        )
    );
    for a in [change.clone(), refused, Action::Seal] {
        let m = Message::for_action(a.clone()).unwrap();
        let back = Message::from_json(&m.to_json()).unwrap();
        assert_eq!(back, m);
        assert_eq!(back.into_action(), Some(a));
    }
    // A changed scenario that does not validate still travels, so the workspace can say
    // what is wrong beside the field.
    let bad = action(&w, &Reg::RedBelow(Indicator::UsablePct), "20");
    let m = Message::from_json(&Message::for_action(bad).unwrap().to_json()).unwrap();
    let after = w.apply(m.into_action().unwrap(), T);
    let f = draft(Reg::RedBelow(Indicator::UsablePct));
    assert!(after
        .error(&f)
        .unwrap()
        .contains("amber_below (10) must be at or above red_below (20)"));
    assert_eq!(after.scenario, w.scenario);
    assert!(
        Message::from_json(r#"{"do":"change","scenario":"{}","what":"x","from":"","to":""}"#)
            .is_err()
    );
    // Only a screen's own actions travel; the panel's edits are the workspace's.
    let panel = Action::Edit(Field::HorizonYears, "6".into());
    assert_eq!(Message::for_action(panel), None);
}

/// The thresholds, method and governing minimum are edited like any field.
#[test]
fn the_minimum_rule_and_thresholds_are_edited() {
    let w = edit(&ws(), Reg::Method, "percentile");
    let w = edit(&w, Reg::Percentile, "95");
    let w = edit(&w, Reg::Governs, "risk_based");
    let r = resilience::report(&w.scenario, &w.projection)
        .unwrap()
        .reserves;
    assert!(r.minimum.risk_based_governs);
    assert_eq!(r.minimum.percentile.unwrap().to_string(), "95");
    let w = edit(&w, Reg::RedBelow(Indicator::UsablePct), "20");
    let f = draft(Reg::RedBelow(Indicator::UsablePct));
    assert!(w
        .error(&f)
        .unwrap()
        .contains("amber_below (10) must be at or above red_below (20)"));
    let w = edit(&w, Reg::Governs, "whatever");
    assert_eq!(
        w.error(&draft(Reg::Governs)).unwrap(),
        "'whatever' is not one of the choices"
    );
}

/// A share link carries the savings register and the reserves strategy: a saving turned
/// red and a risk added come back from the link with the same figures.
#[test]
fn a_share_link_carries_the_register_and_the_strategy() {
    let w = edit(
        &ws(),
        Reg::SavingStatus("savings_2023_24".into()),
        "unlikely",
    );
    let w = rows(&w, RowEdit::AddRisk);
    let s = &w.scenario;
    let back = planner::store::share::decode(&planner::store::share::encode(s).unwrap()).unwrap();
    assert_eq!(&back, s.as_ref());
    let p = engine::project(&back).unwrap();
    let r = resilience::report(&back, &p).unwrap();
    let last = r.savings.final_year().unwrap();
    // 2023/24 savings plan £4.9m a year from 2023/24, at 25%: £3.675m at risk in each of
    // three years, plus the 2022/23 programme's £0.2m × 4 years at 90%.
    assert_eq!(last.at_risk_to_date.to_string(), "11825000.00");
    assert_eq!(risks(&back), 6);
}
