//! The uncertainty ranges a risk run draws from (issue 16; docs/risk.md §1), editable: every
//! assumption the run varies, in its order, with its low, most likely and high figures,
//! its distribution and its basis (the registry's for a default, the user's for a range of
//! its own), a range of its own marked "changed" with a Reset back to the registry's.
//!
//! The ranges are the scenario's `risk` section (docs/scenarios.md, "The risk section"),
//! so each change is a change of the scenario: worked out on the workspace's scenario as it
//! is at that moment ([`on_screen`]) and sent as [`Action::Change`] (the module's
//! dispatcher sends it as `Message::Change`), so undo, the change log and autosave apply.
//! A figure that cannot be used stays in its field with the message beside it
//! ([`Action::Draft`]); nothing else changes. Inputs keep what is typed until it is
//! committed (Enter, or leaving the field): the module's screens' one [`Typed`] input (a
//! component type of its own here cost the first download about 0.3 KB of Yew's code, its
//! generic code being optimised with the workspace's).
//!
//! The risk tab ([`super::risk`]) shows it below a run's results.

use std::rc::Rc;

use rust_decimal::Decimal;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::app::remote::on_screen;
use crate::app::state::{use_dispatch, Action, Dispatch, Notice, Place, Workspace};
use crate::app::typed::{id_part as dom, Typed};
use crate::edit::{display_value, parse_input, Field};
use crate::model::registry::{Assumption, Spread, Unit};
use crate::model::risk::draw::Distribution;
use crate::model::risk::section::{self, Edit, Point, RangeFrom, RiskSection};
use crate::model::Scenario;
use crate::store::session::Edited;

/// Props of [`RiskRanges`]: what every analysis panel has.
#[derive(Properties, PartialEq)]
pub struct RiskRangesProps {
    /// The workspace: the ranges are its scenario on screen's.
    pub ws: Workspace,
}

/// The workspace's key for a field of the editor (its drafts are kept under it).
fn field_key(a: &Assumption, member: &str) -> String {
    format!("risk:{}:{member}", a.key())
}

/// How a point is typed and shown: the unit the figure or change is in.
fn point_unit(spread: Spread, unit: Unit) -> Unit {
    match spread {
        Spread::Percent => Unit::Percent,
        Spread::Value | Spread::By => unit,
    }
}

/// What a row's three figures are, in words.
fn reads_as(spread: Spread, unit: Unit) -> String {
    match (spread, unit) {
        (Spread::Value, Unit::Percent) => "figures, %".into(),
        (Spread::Value, u) => format!("figures, {}", u.name()),
        (Spread::By, Unit::Percent) => "change, percentage points".into(),
        (Spread::By, u) => format!("change, {}", u.name()),
        (Spread::Percent, _) => "% change to the plan's figures".into(),
    }
}

/// The section of `s` as this screen works on it: read, or why it cannot be.
fn section_of(s: &Scenario) -> Result<RiskSection, String> {
    RiskSection::read(s).map_err(|e| e.to_string())
}

/// Work `edit` of `a`'s range out on the workspace's scenario now and send it: a change
/// (logged as `what` going from `from` to `to`), or the text typed into field `member` and
/// why it cannot be used.
fn send(
    d: &Dispatch,
    shown: &Rc<Scenario>,
    a: &Assumption,
    member: &str,
    text: String,
    edit: Result<Edit, String>,
    what: String,
) {
    let key = field_key(a, member);
    let s = on_screen(shown);
    let result = edit.and_then(|edit| {
        let before = section_of(&s)?;
        let after = before.edited(&s, a, edit).map_err(|e| e.message)?;
        Ok((before, after))
    });
    d.emit(match result {
        Ok((before, after)) => {
            let shown_as = |x: &RiskSection| member_text(x, a, member);
            let mut changed = (*s).clone();
            after.write(&mut changed);
            Action::Change(Box::new(Edited {
                what,
                from: shown_as(&before),
                to: shown_as(&after),
                scenario: changed,
                field: Some((key, text)),
            }))
        }
        Err(error) => Action::Draft(key, text, error),
    });
}

/// How member `member` of `a`'s range reads in `x` (for the change log).
fn member_text(x: &RiskSection, a: &Assumption, member: &str) -> String {
    let Some((range, _)) = x.range_of(a) else {
        return String::new();
    };
    match member {
        "distribution" => range.distribution.key().to_string(),
        "basis" => x.basis_of(a).unwrap_or_default(),
        _ => Point::ALL
            .iter()
            .find(|p| p.key() == member)
            .map(|p| p.of(&range).normalize().to_string())
            .unwrap_or_default(),
    }
}

/// An input that reports its text when it is committed (Enter, or leaving the field) and
/// keeps what is being typed while the screen is drawn again meanwhile ([`Typed`]), with the message beside it when what was typed cannot be used.
fn cell(
    id: String,
    label: String,
    value: String,
    error: Option<String>,
    wide: bool,
    on_change: Callback<String>,
) -> Html {
    let invalid = error.is_some();
    let error_id = format!("{id}-error");
    html! {
        <div class={if invalid { "rr-cell rr-invalid" } else { "rr-cell" }}>
            <Typed {id} class={if wide { "cap-input cap-name" } else { "cap-input" }}
                   inputmode={if wide { "text" } else { "decimal" }} {label} {value} {invalid}
                   described_by={invalid.then(|| AttrValue::from(error_id.clone()))}
                   on_change={Some(on_change)} />
            if let Some(e) = error {
                <span class="field-error" id={error_id} role="alert">{ e }</span>
            }
        </div>
    }
}

/// What the workspace holds for field `key` that was refused: the text and why.
fn refused(ws: &Workspace, key: &str) -> Option<(String, String)> {
    let d = ws.drafts.get(&Field::Screen(key.to_string()))?;
    d.error.clone().map(|e| (d.text.clone(), e))
}

/// One row: an assumption's range, its distribution, its basis and whether it is changed.
fn row(ws: &Workspace, d: &Dispatch, x: &RiskSection, a: &Assumption) -> Html {
    let s = &ws.scenario;
    let Some((range, from)) = x.range_of(a) else {
        return html! {};
    };
    let Some((_, u)) = section::registry_range(a.kind) else {
        return html! {};
    };
    let def = a.def();
    let label = a.label(s);
    let unit = point_unit(u.spread, def.unit);
    let id = dom(&a.key());
    let points = Point::ALL.map(|p| {
        let key = field_key(a, p.key());
        let (value, error) = match refused(ws, &key) {
            Some((text, e)) => (text, Some(e)),
            None => (display_value(p.of(&range), unit), None),
        };
        let on_change = {
            let (d, shown, a) = (d.clone(), s.clone(), a.clone());
            let what = format!("Risk range of {label}: {}", p.label());
            Callback::from(move |text: String| {
                let edit = parse_input(&text, unit).map(|v: Decimal| Edit::Point(p, v));
                send(&d, &shown, &a, p.key(), text, edit, what.clone());
            })
        };
        html! {
            <td>
                { cell(format!("rr-{id}-{}", p.key()), format!("{label}: {} ({})", p.label(), reads_as(u.spread, def.unit)), value, error, false, on_change) }
            </td>
        }
    });
    let distribution = {
        let onchange = {
            let (d, shown, a) = (d.clone(), s.clone(), a.clone());
            let what = format!("Risk range of {label}: distribution");
            Callback::from(move |e: Event| {
                let select: HtmlSelectElement = e.target_unchecked_into();
                let text = select.value();
                let edit = Distribution::from_key(&text)
                    .map(Edit::Distribution)
                    .ok_or_else(|| "Choose triangular or uniform".to_string());
                send(&d, &shown, &a, "distribution", text, edit, what.clone());
            })
        };
        let option = |dist: Distribution, text: &'static str| {
            html! { <option value={dist.key()} selected={range.distribution == dist}>{ text }</option> }
        };
        html! {
            <td>
                <select id={format!("rr-{id}-distribution")} class="rr-select" aria-label={format!("{label}: distribution")} {onchange}>
                    { option(Distribution::Triangular, "Triangular") }
                    { option(Distribution::Uniform, "Uniform") }
                </select>
            </td>
        }
    };
    let basis = match from {
        RangeFrom::Registry => html! {
            <td class="rr-basis">
                <ul class="rr-registry-basis" id={format!("rr-{id}-registry-basis")}>
                    { for Point::ALL.iter().zip([u.low.basis, u.likely.basis, u.high.basis]).map(|(p, b)| html! {
                        <li><span class="rr-point">{ format!("{}: ", p.label()) }</span>{ b }</li>
                    }) }
                </ul>
            </td>
        },
        RangeFrom::Own(_) | RangeFrom::Kind(_) => {
            let key = field_key(a, "basis");
            let (value, error) = match refused(ws, &key) {
                Some((text, e)) => (text, Some(e)),
                None => (x.basis_of(a).unwrap_or_default(), None),
            };
            let on_change = {
                let (d, shown, a) = (d.clone(), s.clone(), a.clone());
                let what = format!("Risk range of {label}: basis");
                Callback::from(move |text: String| {
                    let edit = Ok(Edit::Basis(text.clone()));
                    send(&d, &shown, &a, "basis", text, edit, what.clone());
                })
            };
            html! {
                <td class="rr-basis">
                    { cell(format!("rr-{id}-basis"), format!("{label}: basis of the range (why these figures)"), value, error, true, on_change) }
                </td>
            }
        }
    };
    let status = match from {
        RangeFrom::Registry => html! { <span class="rr-default">{ "Registry's" }</span> },
        RangeFrom::Own(_) | RangeFrom::Kind(_) => {
            let (what, button) = match from {
                RangeFrom::Kind(_) => (
                    format!("Changed for every {}", def.label.to_lowercase()),
                    "Reset all",
                ),
                _ => ("Changed".to_string(), "Reset"),
            };
            let onclick = {
                let (d, shown, a, label) = (d.clone(), s.clone(), a.clone(), label.clone());
                Callback::from(move |_: MouseEvent| reset(&d, &shown, &a, &label))
            };
            html! {
                <>
                    <span class="badge rr-changed">{ what }</span>
                    <button type="button" class="btn btn-small rr-reset" id={format!("rr-{id}-reset")}
                        aria-label={format!("{button} {label} to the registry's range")} {onclick}>{ button }</button>
                </>
            }
        }
    };
    html! {
        <tr data-key={a.key()} class={if matches!(from, RangeFrom::Registry) { "" } else { "rr-row-changed" }}>
            <th scope="row">
                { label.clone() }
                <span class="rr-reads">{ reads_as(u.spread, def.unit) }</span>
            </th>
            { for points }
            { distribution }
            { basis }
            <td class="rr-status">{ status }</td>
        </tr>
    }
}

/// Take out the range that gives `a` its range, worked out on the workspace's scenario now.
fn reset(d: &Dispatch, shown: &Rc<Scenario>, a: &Assumption, label: &str) {
    let s = on_screen(shown);
    d.emit(match section_of(&s) {
        Ok(x) => {
            let mut changed = (*s).clone();
            x.reset(a).write(&mut changed);
            Action::Change(Box::new(Edited {
                what: format!("Risk range of {label}"),
                from: "changed".into(),
                to: "the registry's".into(),
                scenario: changed,
                field: None,
            }))
        }
        Err(text) => Action::Notify(Notice {
            place: Place::Register,
            error: true,
            text,
        }),
    });
}

/// The editor of the scenario on screen's uncertainty ranges.
#[component]
pub fn RiskRanges(props: &RiskRangesProps) -> Html {
    let ws = &props.ws;
    let d = use_dispatch();
    let s = &ws.scenario;
    let varied = use_memo(s.clone(), |s| section::varied(s));
    let start_again = {
        let (d, shown) = (d.clone(), s.clone());
        Callback::from(move |_: MouseEvent| {
            let s = on_screen(&shown);
            let mut changed = (*s).clone();
            changed.risk = None;
            d.emit(Action::Change(Box::new(Edited {
                what: "Risk ranges".into(),
                from: "the scenario's".into(),
                to: "the registry's".into(),
                scenario: changed,
                field: None,
            })));
        })
    };
    let problem = |text: String| {
        html! {
            <div class="notice notice-error rr-problem" role="alert" id="rr-problem">
                <p>{ text }</p>
                <button type="button" class="btn btn-small" id="rr-start-again" onclick={start_again.clone()}>
                    { "Take the section out: back to the registry's ranges" }
                </button>
            </div>
        }
    };
    let body = match section_of(s) {
        Err(e) => problem(format!(
            "The scenario's risk section cannot be read, so its ranges are not shown: {e}"
        )),
        Ok(x) => {
            let check = x.validate(s).err().map(|e| {
                problem(format!(
                    "The scenario's risk section needs fixing before a run can use it: {e}"
                ))
            });
            let changed = varied
                .iter()
                .filter(|a| !matches!(x.range_of(a), Some((_, RangeFrom::Registry))))
                .count();
            html! {
                <>
                    { for check }
                    <p class="hint" id="rr-count">{ match changed {
                        0 => format!("{} assumptions are varied; every range is the registry's.", varied.len()),
                        1 => format!("{} assumptions are varied; 1 range is the scenario's own.", varied.len()),
                        n => format!("{} assumptions are varied; {n} ranges are the scenario's own.", varied.len()),
                    } }</p>
                    { crate::app::notice::notice_at(&ws.notice, Place::Register, &d.callback()) }
                    <div class="table-scroll">
                        <table class="data-table rr-table" id="rr-table">
                            <caption>{ "Each varied assumption's uncertainty range: low, most likely and high, and how a run draws between them." }</caption>
                            <thead><tr>
                                <th scope="col">{ "Assumption" }</th>
                                <th scope="col">{ "Low" }</th>
                                <th scope="col">{ "Most likely" }</th>
                                <th scope="col">{ "High" }</th>
                                <th scope="col">{ "Distribution" }</th>
                                <th scope="col">{ "Basis" }</th>
                                <th scope="col">{ "Range" }</th>
                            </tr></thead>
                            <tbody>{ for varied.iter().map(|a| row(ws, &d, &x, a)) }</tbody>
                        </table>
                    </div>
                </>
            }
        }
    };
    html! {
        <section class="compare-body risk-ranges" id="risk-ranges" aria-labelledby="rr-title">
            <h3 id="rr-title">{ "Uncertainty ranges" }</h3>
            <p class="hint">{ "What a risk run draws each assumption from. Figures are the assumption itself (a pay award of 0% to 7%), a change added to the plan's figures, or a % change of them, as each row says; each draw moves the assumption by the same amount in every year after the base year. Triangular draws peak at the most likely figure; uniform draws spread evenly from low to high. A range of your own is kept in the scenario, with its basis; Reset goes back to the registry's." }</p>
            { body }
        </section>
    }
}
