//! "What closes the gap": goal seek (docs/analysis.md §1). A form (target, its year and
//! amount, lever, the year it moves from), the answer in a sentence with its figure, the
//! referendum limits and bands A to H for a Band D rise, and "Apply as a new scenario" (an
//! undoable step of the workspace, named after the question) and "Copy the answer".

use std::cell::Cell;
use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::pace::{self, progress, Job};
use crate::app::controls::option;
use crate::app::io;
use crate::app::state::{use_dispatch, Action, Workspace};
use crate::edit::{parse_input, FieldUnit};
use crate::format;
use crate::model::analysis::goal_seek::Target;
use crate::model::analysis::goal_seek::{
    solve_paced, Answer, Lever, Question, SolveError, TARGET_KEYS,
};
use crate::model::{FinancialYear, Scenario};
use crate::view::analysis::{answer_bands, answer_text, scenario_name, spoken, value_text};

/// The panel of the tab (see [`super::TABS`]).
pub fn panel(ws: &Workspace, _shown: bool) -> Html {
    html! { <ClosesGap scenario={ws.scenario.clone()} headline={ws.headline_year} /> }
}

/// Props of [`ClosesGap`].
#[derive(Properties, PartialEq)]
pub struct ClosesGapProps {
    /// The scenario on screen.
    pub scenario: Rc<Scenario>,
    /// The headline's year (the form's first choice of year).
    pub headline: Option<FinancialYear>,
}

/// What the form asks, as typed.
#[derive(Clone, PartialEq)]
struct Form {
    target: &'static str,
    year: FinancialYear,
    amount: String,
    lever: Lever,
    from: FinancialYear,
}

fn target_label(key: &str, last: FinancialYear) -> String {
    match key {
        "annual-gap" => "No annual gap in a year".into(),
        "cumulative-gap" => format!("No cumulative gap by {last}"),
        "reserve-floor" => "General reserve at or above its floor every year".into(),
        _ => "Savings still to find at most an amount in a year".into(),
    }
}

fn select_value(e: &Event) -> String {
    let s: HtmlSelectElement = e.target_unchecked_into();
    s.value()
}

/// The question the form asks, or why it cannot be asked.
fn question(f: &Form) -> Result<Question, String> {
    let amount = if f.target == "still-to-find" {
        Some(parse_input(&f.amount, FieldUnit::Pounds).map_err(|e| format!("Amount: {e}"))?)
    } else {
        None
    };
    let target = Target::from_key(f.target, Some(f.year), amount)?;
    Ok(Question {
        target,
        lever: f.lever,
        from: f.from,
    })
}

/// "What closes the gap".
#[component]
pub fn ClosesGap(props: &ClosesGapProps) -> Html {
    let s = &props.scenario;
    let years = s.horizon.year_list();
    let base = s.horizon.base_year;
    let later: Vec<FinancialYear> = years.iter().copied().filter(|y| *y > base).collect();
    let last = s.horizon.last_year().unwrap_or(base);
    let first = later.first().copied().unwrap_or(base);
    let start = props
        .headline
        .filter(|y| later.contains(y))
        .unwrap_or(first);
    let form = use_state(|| Form {
        target: "cumulative-gap",
        year: start,
        amount: "0".into(),
        lever: Lever::PreceptGbp,
        from: start,
    });
    let job = use_state(|| Job::<Rc<Answer>>::Idle);
    let cancel = use_mut_ref(|| Rc::new(Cell::new(false)));
    let copied = use_state(|| false);
    // An answer is about the scenario it was found for: a new scenario on screen clears it.
    {
        let (job, cancel) = (job.clone(), cancel.clone());
        use_effect_with(props.scenario.clone(), move |_| {
            cancel.borrow().set(true);
            job.set(Job::Idle);
        });
    }
    let d = use_dispatch();
    let set = |f: fn(&mut Form, String)| {
        let form = form.clone();
        let copied = copied.clone();
        Callback::from(move |v: String| {
            let mut next = (*form).clone();
            f(&mut next, v);
            copied.set(false);
            form.set(next);
        })
    };
    let on_target = set(|f, v| {
        f.target = TARGET_KEYS
            .into_iter()
            .find(|k| *k == v)
            .unwrap_or("cumulative-gap");
    })
    .reform(|e: Event| select_value(&e));
    let on_lever = set(|f, v| f.lever = Lever::from_key(&v).unwrap_or(Lever::PreceptGbp))
        .reform(|e: Event| select_value(&e));
    let on_year = set(|f, v| {
        if let Ok(y) = v.parse() {
            f.year = y;
        }
    })
    .reform(|e: Event| select_value(&e));
    let on_from = set(|f, v| {
        if let Ok(y) = v.parse() {
            f.from = y;
        }
    })
    .reform(|e: Event| select_value(&e));
    let on_amount = set(|f, v| f.amount = v).reform(|e: InputEvent| {
        let i: HtmlInputElement = e.target_unchecked_into();
        i.value()
    });
    let asked = question(&form);
    let onsubmit = {
        let (job, cancel, scenario, copied) = (
            job.clone(),
            cancel.clone(),
            props.scenario.clone(),
            copied.clone(),
        );
        let asked = asked.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            copied.set(false);
            let q = match &asked {
                Ok(q) => *q,
                Err(why) => {
                    job.set(Job::Failed(why.clone()));
                    return;
                }
            };
            // A new search: the one before it (if any) stops.
            let scenario = scenario.clone();
            pace::start(&job, &cancel, move |mut pace| async move {
                match solve_paced(&scenario, &q, &mut pace).await {
                    Ok(a) => Job::Done(Rc::new(a)),
                    Err(SolveError::Stopped) => Job::Stopped,
                    Err(e) => Job::Failed(format!("No answer: {e}.")),
                }
            });
        })
    };
    let needs_year = matches!(form.target, "annual-gap" | "still-to-find");
    let from_label = if form.lever == Lever::PayAward {
        "In"
    } else {
        "From"
    };
    let body = match &*job {
        Job::Idle => html! {
            <p class="hint" id="gs-status">{ "Choose a target and a lever, then Find the answer. The answer is exact: to the penny, 0.01 of a percentage point or a whole officer." }</p>
        },
        Job::Running(done, total) => {
            progress("gs-progress", "Searching", *done, *total, &cancel.borrow())
        }
        Job::Stopped => {
            html! { <p class="hint" id="gs-status" role="status">{ "Search cancelled." }</p> }
        }
        Job::Failed(why) => {
            html! { <p class="notice notice-error" id="gs-error" role="alert">{ why.clone() }</p> }
        }
        Job::Done(a) => answer(a, &d.callback(), &copied),
    };
    html! {
        <div class="analysis-grid">
            <form class="compare-body analysis-form" id="gs-form" aria-labelledby="gs-title" {onsubmit}>
                <h3 id="gs-title">{ "What closes the gap?" }</h3>
                <div class="field">
                    <label class="field-label" for="gs-target">{ "Target" }</label>
                    <select id="gs-target" onchange={on_target}>
                        { for TARGET_KEYS.iter().map(|k| option((*k).into(), *k == form.target, target_label(k, last).into())) }
                    </select>
                </div>
                if needs_year {
                    <div class="field">
                        <label class="field-label" for="gs-year">{ "In the year" }</label>
                        <select id="gs-year" onchange={on_year}>
                            { for years.iter().map(|y| option(y.to_string().into(), *y == form.year, y.to_string().into())) }
                        </select>
                    </div>
                }
                if form.target == "still-to-find" {
                    <div class="field">
                        <label class="field-label" for="gs-amount">{ "At most (£)" }</label>
                        <div class="input-wrap"><input id="gs-amount" type="text" inputmode="decimal" value={form.amount.clone()} oninput={on_amount} /></div>
                    </div>
                }
                <div class="field">
                    <label class="field-label" for="gs-lever">{ "Lever" }</label>
                    <select id="gs-lever" onchange={on_lever}>
                        { for Lever::ALL.iter().map(|l| option(l.key().into(), *l == form.lever, l.label().into())) }
                    </select>
                </div>
                <div class="field">
                    <label class="field-label" for="gs-from">{ from_label }</label>
                    <select id="gs-from" onchange={on_from}>
                        { for later.iter().map(|y| option(y.to_string().into(), *y == form.from, y.to_string().into())) }
                    </select>
                </div>
                <p class="hint">{ match &asked { Ok(q) => q.text(last), Err(why) => why.clone() } }</p>
                <button type="submit" class="btn btn-primary" id="gs-run">{ "Find the answer" }</button>
            </form>
            <section class="compare-body analysis-answer" id="gs-answer" aria-label="The answer" aria-live="polite">
                { body }
            </section>
        </div>
    }
}

/// The answer: its figure, sentence, referendum limits and bands, and what to do with it.
fn answer(a: &Rc<Answer>, d: &Callback<Action>, copied: &UseStateHandle<bool>) -> Html {
    let q = a.question;
    let last = a.projection.final_year().map_or(q.from, |y| y.year);
    let text = answer_text(a);
    let apply = {
        let (a, d) = (a.clone(), d.clone());
        Callback::from(move |_: MouseEvent| {
            d.emit(Action::AddScenario(
                scenario_name(&a),
                Box::new(a.scenario.clone()),
            ));
        })
    };
    let copy = {
        let (text, copied) = (text.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            io::copy(&text);
            copied.set(true);
        })
    };
    let within = a.referendum.as_ref().filter(|r| r.breached()).map(|r| {
        let (d, scenario, name) = (
            d.clone(),
            r.within.scenario.clone(),
            format!("{} (held to the referendum limits)", scenario_name(a)),
        );
        Callback::from(move |_: MouseEvent| {
            d.emit(Action::AddScenario(
                name.clone(),
                Box::new(scenario.clone()),
            ));
        })
    });
    let figure = if a.reachable {
        value_text(q.lever, a.value)
    } else {
        "Not reachable".into()
    };
    html! {
        <>
            <h3 id="gs-question">{ q.text(last) }</h3>
            <p class={if a.reachable { "answer-value" } else { "answer-value bad" }} id="gs-value" data-value={a.value.to_string()} data-reachable={a.reachable.to_string()}>{ figure }</p>
            <p id="gs-answer-text">{ text }</p>
            if let Some(r) = &a.referendum {
                <div class="table-scroll">
                    <table class="data-table compare-table" id="gs-referendum">
                        <caption>{ "Each year against its referendum limit" }</caption>
                        <thead><tr>
                            <th scope="col">{ "Year" }</th>
                            <th scope="col" class="num">{ "Band D" }</th>
                            <th scope="col" class="num">{ "Rise" }</th>
                            <th scope="col" class="num">{ "Limit" }</th>
                            <th scope="col">{ "Referendum?" }</th>
                            <th scope="col" class="num">{ "Rise within the limits" }</th>
                        </tr></thead>
                        <tbody>
                            { for r.years.iter().map(|y| html! {
                                <tr data-year={y.year.to_string()}>
                                    <th scope="row">{ y.year.to_string() }</th>
                                    <td class="num">{ format::pounds(y.band_d) }</td>
                                    <td class="num">{ format::pounds(y.rise_gbp) }</td>
                                    <td class="num">{ y.limit.map_or_else(|| "none given".to_string(), format::pounds) }</td>
                                    <td class={if y.exceeds { "num status-bad" } else { "num" }}>{ if y.exceeds { "Above the limit" } else { "Within" } }</td>
                                    <td class="num">{ format::pounds(y.within_rise) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
            if a.referendum.is_some() {
                if let Some((year, rows)) = answer_bands(a) {
                    <div class="table-scroll">
                        <table class="data-table compare-table" id="gs-bands">
                            <caption>{ format!("Every band in {year}, with this rise") }</caption>
                            <thead><tr>
                                <th scope="col">{ "Band" }</th>
                                <th scope="col" class="num">{ "A year" }</th>
                                <th scope="col" class="num">{ "More a year" }</th>
                                <th scope="col" class="num">{ "A week" }</th>
                                <th scope="col" class="num">{ "More a week" }</th>
                            </tr></thead>
                            <tbody>
                                { for rows.iter().map(|b| html! {
                                    <tr data-band={b.band.to_string()}>
                                        <th scope="row">{ format!("Band {}", b.band) }</th>
                                        <td class="num">{ format::pounds(b.annual) }</td>
                                        <td class="num">{ format::pounds(b.rise) }</td>
                                        <td class="num">{ format::pounds(b.weekly) }</td>
                                        <td class="num">{ spoken(b.rise_weekly) }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                }
            }
            <div class="menu-group">
                <button type="button" class="btn btn-primary" id="gs-apply" onclick={apply}>{ "Apply as a new scenario" }</button>
                if let Some(onclick) = within {
                    <button type="button" class="btn" id="gs-apply-within" {onclick}>{ "Apply held to the limits" }</button>
                }
                <button type="button" class="btn" id="gs-copy" onclick={copy}>{ "Copy the answer" }</button>
                if **copied {
                    <span class="hint" role="status" id="gs-copied">{ "Copied to the clipboard." }</span>
                }
            </div>
        </>
    }
}
