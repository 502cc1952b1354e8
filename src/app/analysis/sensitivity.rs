//! "What matters most": sensitivity (docs/analysis.md §2). The tornado chart of every
//! assumption moved by its swing (ranked by its effect on the cumulative gap, or on the
//! general reserve at the end of the plan), its data table to the penny, the swings with
//! their bases (each can be changed), and the budget book's table.

use std::cell::Cell;
use std::rc::Rc;

use rust_decimal::Decimal;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::pace::{self, progress, Job};
use crate::app::io;
use crate::app::state::Workspace;
use crate::charts::{swatch_class, tornado_svg, SeriesKind, HIGH_COLOUR, LOW_COLOUR};
use crate::edit::parse_input;
use crate::format;
use crate::model::analysis::sensitivity::{
    budget_book, sensitivity_paced, BookCell, Measure, Sensitivity, SensitivityError, Swings,
};
use crate::model::registry::{Analysis, Change, Kind, Unit};
use crate::model::Scenario;
use crate::store::analysis::{budget_book_table, change_text, sensitivity_table, to_csv};
use crate::store::csv;
use crate::view::analysis::{book_rows, swing_text, thousands, tornado};

/// The panel of the tab (see [`super::TABS`]).
pub fn panel(ws: &Workspace, shown: bool) -> Html {
    html! { <MattersMost scenario={ws.scenario.clone()} {shown} /> }
}

/// Props of [`MattersMost`].
#[derive(Properties, PartialEq)]
pub struct MattersMostProps {
    /// The scenario on screen.
    pub scenario: Rc<Scenario>,
    /// True while the tab shows: the analysis runs once it has been shown.
    pub shown: bool,
}

/// A sensitivity analysis and the budget book's table of one scenario.
type Results = Rc<(Sensitivity, Vec<BookCell>)>;

/// "What matters most".
#[component]
pub fn MattersMost(props: &MattersMostProps) -> Html {
    let measure = use_state(|| Measure::CumulativeGap);
    let swings = use_state(Swings::registry);
    let job = use_state(|| Job::<Results>::Idle);
    let cancel = use_mut_ref(|| Rc::new(Cell::new(false)));
    let again = use_state(|| 0u32);
    // Run (again) when shown for a new scenario or new swings; a run in progress stops.
    {
        let (job, cancel) = (job.clone(), cancel.clone());
        let deps = (
            props.scenario.clone(),
            (*swings).clone(),
            props.shown,
            *again,
        );
        use_effect_with(deps, move |(scenario, swings, shown, _)| {
            cancel.borrow().set(true);
            if *shown {
                let (scenario, swings) = (scenario.clone(), swings.clone());
                pace::start(&job, &cancel, move |mut pace| async move {
                    match sensitivity_paced(&scenario, &swings, &mut pace).await {
                        Ok(s) => match budget_book(&scenario) {
                            Ok(book) => Job::Done(Rc::new((s, book))),
                            Err(e) => Job::Failed(e.to_string()),
                        },
                        Err(SensitivityError::Stopped) => Job::Stopped,
                        Err(e) => Job::Failed(e.to_string()),
                    }
                });
            }
        });
    }
    let rank = |m: Measure, label: &'static str| {
        let id = format!("sens-rank-{}", m.key());
        let measure = measure.clone();
        html! {
            <label for={id.clone()} class="pick">
                <input type="radio" name="sens-rank" {id} checked={*measure == m}
                    onchange={Callback::from(move |_: Event| measure.set(m))} />
                { label }
            </label>
        }
    };
    let body = match &*job {
        Job::Idle => html! {},
        Job::Running(done, total) => progress(
            "sens-progress",
            "Moving each assumption",
            *done,
            *total,
            &cancel.borrow(),
        ),
        Job::Stopped => {
            let again = again.clone();
            html! {
                <p class="hint" role="status">{ "Cancelled. " }
                    <button type="button" class="btn btn-small" onclick={Callback::from(move |_: MouseEvent| again.set(*again + 1))}>{ "Run it again" }</button>
                </p>
            }
        }
        Job::Failed(why) => {
            html! { <p class="notice notice-error" role="alert">{ format!("The analysis could not be run: {why}") }</p> }
        }
        Job::Done(r) => results(r, *measure),
    };
    let book = match &*job {
        Job::Done(r) => book_table(&r.1),
        _ => html! {},
    };
    html! {
        <>
            <div class="compare-body">
                <h3>{ "What matters most?" }</h3>
                <p class="hint">{ "Each assumption is moved down and up by its swing, one at a time, from the first year after the base year, and the plan projected again. The larger effect either way ranks it." }</p>
                <fieldset class="compare-picker">
                    <legend>{ "Rank by the effect on" }</legend>
                    { rank(Measure::CumulativeGap, "the cumulative gap") }
                    { rank(Measure::FinalGeneralReserve, "the general reserve at the end of the plan") }
                </fieldset>
                { body }
            </div>
            <SwingEditor swings={(*swings).clone()} on_change={
                let swings = swings.clone();
                Callback::from(move |s: Swings| swings.set(s))
            } />
            { book }
        </>
    }
}

fn csv_button(
    id: &'static str,
    label: &'static str,
    file: &'static str,
    table: Vec<Vec<String>>,
) -> Html {
    let onclick = Callback::from(move |_: MouseEvent| {
        let _ = io::download(file, csv::MIME, &csv::file(&to_csv(&table, "\r\n")));
    });
    html! { <button type="button" class="btn btn-small" {id} {onclick}>{ label }</button> }
}

/// The tornado chart and its data table.
fn results(r: &Results, m: Measure) -> Html {
    let (s, _) = &**r;
    let data = tornado(s, m, None);
    let svg = match tornado_svg(&data, 780, false) {
        Ok(svg) => Html::from_html_unchecked(AttrValue::from(svg)),
        Err(e) => html! { <p class="chart-error" role="alert">{ e.to_string() }</p> },
    };
    let rows: Vec<Html> = s
        .ranked(m)
        .iter()
        .enumerate()
        .flat_map(|(i, bar)| {
            [bar.low, bar.high].map(|row| {
                let cells = match &row.outcome {
                    Ok(f) => html! {
                        <>
                            <td class="num" data-col="cumulative_gap">{ format::pounds(f.cumulative_gap) }</td>
                            <td class="num" data-col="delta_cumulative_gap">{ row.delta(&s.plan, Measure::CumulativeGap).map(format::pounds).unwrap_or_default() }</td>
                            <td class="num" data-col="final_general_reserve">{ format::pounds(f.final_general_reserve) }</td>
                            <td class="num" data-col="delta_final_general_reserve">{ row.delta(&s.plan, Measure::FinalGeneralReserve).map(format::pounds).unwrap_or_default() }</td>
                        </>
                    },
                    Err(why) => html! { <td colspan="4">{ format!("Not moved: {why}") }</td> },
                };
                html! {
                    <tr data-key={row.key.clone()} data-direction={row.direction.key()}>
                        <td class="num">{ i + 1 }</td>
                        <th scope="row">{ &row.label }</th>
                        <td>{ change_text(row) }</td>
                        { cells }
                    </tr>
                }
            })
        })
        .collect();
    let table = sensitivity_table(s, m);
    html! {
        <figure class="chart" id="sens-tornado" data-chart={data.id.clone()}>
            <figcaption>
                <h3 id="sens-title">{ &data.title }</h3>
                <p id="sens-desc" class="chart-desc">{ &data.description }</p>
            </figcaption>
            <ul class="legend" aria-hidden="true">
                <li><span class={swatch_class(SeriesKind::Bar, LOW_COLOUR)}></span>{ &data.low_name }</li>
                <li><span class={swatch_class(SeriesKind::Bar, HIGH_COLOUR)}></span>{ &data.high_name }</li>
            </ul>
            <div class="chart-canvas tornado" role="img" aria-labelledby="sens-title" aria-describedby="sens-desc">{ svg }</div>
            <details class="chart-data" id="sens-data">
                <summary>{ "Show the data" }</summary>
                <div class="table-scroll">
                    <table class="data-table" id="sens-table">
                        <caption class="visually-hidden">{ format!("Every assumption moved by its swing: the plan's cumulative gap is {} and its general reserve at the end {}", format::pounds(s.plan.cumulative_gap), format::pounds(s.plan.final_general_reserve)) }</caption>
                        <thead><tr>
                            <th scope="col" class="num">{ "Rank" }</th>
                            <th scope="col">{ "Assumption" }</th>
                            <th scope="col">{ "Moved" }</th>
                            <th scope="col" class="num">{ "Cumulative gap" }</th>
                            <th scope="col" class="num">{ "Change" }</th>
                            <th scope="col" class="num">{ "General reserve at the end" }</th>
                            <th scope="col" class="num">{ "Change" }</th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
                { csv_button("sens-csv", "Download as CSV", "sensitivity.csv", table) }
            </details>
        </figure>
    }
}

/// The budget book's table: to the nearest £1,000, with the exact figures beneath.
fn book_table(cells: &[BookCell]) -> Html {
    let (years, rows) = book_rows(cells);
    let head = html! {
        <thead><tr>
            <th scope="col">{ "What it is worth" }</th>
            { for years.iter().map(|y| html! { <th scope="col" class="num">{ y.to_string() }</th> }) }
        </tr></thead>
    };
    let body = |exact: bool| -> Html {
        html! {
            <tbody>
                { for rows.iter().map(|(line, effects)| html! {
                    <tr data-line={line.key()}>
                        <th scope="row">{ format!("{} ({})", line.label(), if line.is_funding() { "funding" } else { "spending" }) }</th>
                        { for effects.iter().map(|e| html! {
                            <td class="num">{ e.map(|v| if exact { format::pounds(v) } else { thousands(v) }).unwrap_or_else(|| "n/a".into()) }</td>
                        }) }
                    </tr>
                }) }
            </tbody>
        }
    };
    html! {
        <div class="compare-body" id="book">
            <h3>{ "The budget book's table" }</h3>
            <div class="table-scroll">
                <table class="data-table compare-table" id="book-table">
                    <caption>{ "What each change adds to spending (or to funding) in each year, to the nearest £1,000" }</caption>
                    { head.clone() }
                    { body(false) }
                </table>
            </div>
            <details class="chart-data">
                <summary>{ "Show the exact figures" }</summary>
                <div class="table-scroll">
                    <table class="data-table" id="book-exact">
                        <caption class="visually-hidden">{ "The budget book's table to the penny" }</caption>
                        { head }
                        { body(true) }
                    </table>
                </div>
                { csv_button("book-csv", "Download as CSV", "budget-book.csv", budget_book_table(cells)) }
            </details>
            <p class="hint">{ "Officer pay: 1% of the year's officer pay lines (an award from 1 September costs 7/12 of it in its first year). Band D and the tax base: the year's precept income. Inflation: that year's rise alone. Officers: recruited in April, so in post all year." }</p>
        </div>
    }
}

/// Props of [`SwingEditor`].
#[derive(Properties, PartialEq)]
struct SwingEditorProps {
    swings: Swings,
    on_change: Callback<Swings>,
}

/// The unit a swing is typed in: percentage points, £, people… or % of the figure.
fn swing_unit(c: Change, unit: Unit) -> &'static str {
    match (c, unit) {
        (Change::Percent(_), _) => "% of the figure",
        (Change::By(_), Unit::Percent) => "percentage points",
        (Change::By(_), Unit::Pounds) => "£",
        (Change::By(_), u) => u.name(),
    }
}

/// Each swing with its basis; a new size typed in (and Enter, or leaving the box) reruns the
/// analysis.
#[component]
fn SwingEditor(props: &SwingEditorProps) -> Html {
    let errors = use_state(Vec::<(Kind, String)>::new);
    let registry = Swings::registry();
    let rows = props.swings.all().iter().map(|&(kind, change)| {
        let def = kind.def();
        let basis = match kind.about().analysis {
            Analysis::Varied { swing, .. } => swing.basis,
            Analysis::Fixed { reason } => reason,
        };
        let default = registry.get(kind);
        let changed = default != Some(change);
        let id = format!("swing-{}", def.key);
        let value = match change {
            Change::By(v) | Change::Percent(v) => v.normalize().to_string(),
        };
        let error = errors.iter().find(|(k, _)| *k == kind).map(|(_, e)| e.clone());
        let (swings, on_change, errors) = (props.swings.clone(), props.on_change.clone(), errors.clone());
        let onchange = Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let parsed = parse_input(&input.value(), Unit::Percent)
                .and_then(|v| if v > Decimal::ZERO && v <= Decimal::ONE_THOUSAND { Ok(v) } else { Err("Enter a size above 0 and at most 1,000".into()) });
            let mut errs: Vec<(Kind, String)> = (*errors).iter().filter(|(k, _)| *k != kind).cloned().collect();
            match parsed {
                Ok(v) => {
                    let mut next = swings.clone();
                    next.set(kind, match change { Change::By(_) => Change::By(v), Change::Percent(_) => Change::Percent(v) });
                    on_change.emit(next);
                }
                Err(why) => errs.push((kind, why)),
            }
            errors.set(errs);
        });
        html! {
            <tr class={if error.is_some() { "field-invalid" } else { "" }}>
                <th scope="row"><label for={id.clone()}>{ def.label }</label></th>
                <td>
                    <div class="input-wrap">
                        <span class="affix">{ "±" }</span>
                        <input {id} type="text" inputmode="decimal" value={value} {onchange}
                            aria-invalid={error.is_some().to_string()} />
                        <span class="affix">{ swing_unit(change, def.unit) }</span>
                    </div>
                    if let Some(e) = error { <span class="field-error" role="alert">{ e }</span> }
                </td>
                <td>
                    { basis }
                    if changed {
                        <strong>{ format!(" Changed: the registry's swing is {}.", default.map(|c| swing_text(c, def.unit)).unwrap_or_default()) }</strong>
                    }
                </td>
            </tr>
        }
    });
    let reset = {
        let on_change = props.on_change.clone();
        Callback::from(move |_: MouseEvent| on_change.emit(Swings::registry()))
    };
    html! {
        <details class="compare-body" id="sens-swings">
            <summary>{ "The swings and why (change a swing to rerun)" }</summary>
            <div class="table-scroll">
                <table class="data-table">
                    <caption class="visually-hidden">{ "Each kind of assumption's swing and its basis" }</caption>
                    <thead><tr><th scope="col">{ "Assumption" }</th><th scope="col">{ "Swing" }</th><th scope="col">{ "Basis" }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <button type="button" class="btn btn-small" id="sens-swings-reset" disabled={props.swings == registry} onclick={reset}>{ "Back to the registry's swings" }</button>
        </details>
    }
}
