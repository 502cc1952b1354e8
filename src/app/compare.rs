//! The compare screen: two or more scenarios side by side. Headline figures and lines by
//! year with each scenario's difference from the first one picked, overlaid charts, and a
//! bridge between any two.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::controls::option;

use super::chart::figure;
use super::compare_tables;
use super::io_menu::chart_exports;
use super::scenarios::notice_at;
use super::state::{Action, Place, Workspace};
use crate::charts::ChartData;
use crate::model::engine::{self, Projection};
use crate::model::scenario::Scenario;
use crate::store::compare::{self, Side};
use crate::store::Selected;

/// Props of [`Compare`].
#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// The workspace.
    pub ws: Workspace,
    /// Sends actions to it.
    pub dispatch: Callback<Action>,
}

/// A scenario picked for comparison, projected.
#[derive(Clone, PartialEq)]
struct Picked {
    sel: Selected,
    scenario: Rc<Scenario>,
    projection: Rc<Projection>,
}

fn everything(ws: &Workspace) -> Vec<Selected> {
    std::iter::once(Selected::Baseline)
        .chain(
            ws.collection()
                .entries()
                .iter()
                .map(|e| Selected::Scenario(e.id)),
        )
        .collect()
}

fn default_pick(ws: &Workspace) -> Vec<Selected> {
    let all = everything(ws);
    match ws.current() {
        Selected::Baseline => all.into_iter().take(2).collect(),
        current => vec![Selected::Baseline, current],
    }
}

fn project(ws: &Workspace, sel: Selected) -> Option<Picked> {
    let scenario = ws.scenario_of(sel)?;
    let projection = if sel == Selected::Baseline {
        ws.baseline_projection.clone()
    } else if Rc::ptr_eq(&scenario, &ws.scenario) {
        ws.projection.clone()
    } else {
        Rc::new(engine::project(&scenario).ok()?)
    };
    Some(Picked {
        sel,
        scenario,
        projection,
    })
}

/// A chart and its download buttons (one function for the four charts on the screen).
fn with_exports(chart: &ChartData, stem: &str, d: &Callback<Action>) -> Html {
    html! {
        <>
            { figure(chart) }
            <div class="chart-export-row">{ "Download: " }{ chart_exports(chart, stem, d) }</div>
        </>
    }
}

/// The compare screen.
#[component]
pub fn Compare(props: &CompareProps) -> Html {
    let ws = &props.ws;
    let d = &props.dispatch;
    let picked = use_state(|| default_pick(ws));
    let bridge_ends = use_state(|| {
        let p = default_pick(ws);
        (
            p.first().copied().unwrap_or(Selected::Baseline),
            p.get(1).copied().unwrap_or(Selected::Baseline),
        )
    });
    let all = everything(ws);
    // Picks of scenarios since deleted drop out.
    let chosen: Vec<Selected> = picked.iter().copied().filter(|s| all.contains(s)).collect();
    let sides_data = use_memo((ws.store.clone(), chosen.clone()), |(_, chosen)| {
        chosen
            .iter()
            .filter_map(|s| project(ws, *s))
            .collect::<Vec<Picked>>()
    });
    let name_of = |sel: Selected| {
        ws.scenario_of(sel)
            .map(|s| s.name.clone())
            .unwrap_or_default()
    };
    let sides: Vec<Side> = sides_data
        .iter()
        .map(|p| Side {
            name: &p.scenario.name,
            scenario: &p.scenario,
            projection: &p.projection,
        })
        .collect();

    let toggle = |sel: Selected| {
        let picked = picked.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let mut next: Vec<Selected> = (*picked).clone();
            next.retain(|s| *s != sel);
            if input.checked() {
                next.push(sel);
            }
            picked.set(next);
        })
    };
    let picker = html! {
        <fieldset class="compare-picker">
            <legend>{ "Scenarios to compare (the first ticked is the reference for differences)" }</legend>
            { for all.iter().map(|sel| {
                let id = format!("compare-pick-{}", sel.key());
                html! {
                    <label for={id.clone()} class="pick">
                        <input type="checkbox" id={id} checked={chosen.contains(sel)} onchange={toggle(*sel)} />
                        { name_of(*sel) }
                    </label>
                }
            }) }
        </fieldset>
    };
    if sides.len() < 2 {
        return html! {
            <main class="workspace compare" id="compare">
                <section class="compare-body">
                    <h2>{ "Compare scenarios" }</h2>
                    { picker }
                    <p class="hint" role="status">{ "Tick at least two scenarios to compare them. Make more with New from baseline or Duplicate." }</p>
                </section>
            </main>
        };
    }
    let headline_table = compare_tables::headline_table(&sides, ws.headline_year);
    let lines_table = compare_tables::lines_table(&sides);
    let stem = "comparison";
    let charts = [
        compare::overlay_chart("compare-gap", "Annual gap", &sides, |y| y.gap),
        compare::overlay_chart("compare-cumulative", "Cumulative gap", &sides, |y| {
            y.cumulative_gap
        }),
        compare::overlay_chart("compare-reserve", "General reserve", &sides, |y| {
            y.reserves.general
        }),
    ];
    let (from, to) = *bridge_ends;
    let bridge_side = |sel: Selected| {
        sides_data
            .iter()
            .find(|p| p.sel == sel)
            .cloned()
            .or_else(|| project(ws, sel))
    };
    let bridge = match (bridge_side(from), bridge_side(to)) {
        (Some(f), Some(t)) => compare::bridge_chart(
            Side {
                name: &f.scenario.name,
                scenario: &f.scenario,
                projection: &f.projection,
            },
            Side {
                name: &t.scenario.name,
                scenario: &t.scenario,
                projection: &t.projection,
            },
        )
        .map_err(|e| e.to_string()),
        _ => Err("pick two scenarios".into()),
    };
    let end_select = |id: &'static str, label: &'static str, value: Selected, is_from: bool| {
        let ends = bridge_ends.clone();
        let onchange = Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            if let Some(sel) = Selected::from_key(&s.value()) {
                let (f, t) = *ends;
                ends.set(if is_from { (sel, t) } else { (f, sel) });
            }
        });
        html! {
            <>
                <label for={id}>{ label }</label>
                <select {id} {onchange}>
                    { for all.iter().map(|s| option(s.key().into(), *s == value, name_of(*s).into())) }
                </select>
            </>
        }
    };
    html! {
        <main class="workspace compare" id="compare">
            <section class="compare-body" aria-labelledby="compare-title">
                <h2 id="compare-title">{ "Compare scenarios" }</h2>
                { picker }
                { notice_at(ws, Place::Export, d) }
                <div class="compare-tables">
                    <div>
                        <h3>{ "Headline figures" }</h3>
                        { headline_table }
                    </div>
                    <div>
                        <h3>{ "Lines by year" }</h3>
                        { lines_table }
                    </div>
                </div>
            </section>
            <section class="compare-charts" id="charts" aria-label="Comparison charts">
                <h3 class="visually-hidden">{ "Charts" }</h3>
                { for charts.iter().map(|c| html! {
                    <div class="chart-with-export">{ with_exports(c, stem, d) }</div>
                }) }
                <div class="chart-with-export">
                    <div class="bridge-ends" role="group" aria-label="Bridge between two scenarios">
                        { end_select("bridge-from", "Bridge from", from, true) }
                        { end_select("bridge-to", "to", to, false) }
                    </div>
                    { match &bridge {
                        Ok(c) => with_exports(c, stem, d),
                        Err(e) => html! { <p class="chart-error" role="alert">{ format!("The bridge cannot be drawn: {e}") }</p> },
                    } }
                </div>
            </section>
        </main>
    }
}
