//! The compare screen: two or more scenarios side by side. Headline figures and lines by
//! year with each scenario's difference from the first one picked, overlaid charts, and a
//! bridge between any two.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::controls::option;

use super::chart::figure;
use super::compare_tables;
use super::files::chart_exports;
use super::notice::notice_at;
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

impl Picked {
    /// As one side of a comparison.
    fn side(&self) -> Side<'_> {
        Side {
            name: &self.scenario.name,
            scenario: &self.scenario,
            projection: &self.projection,
        }
    }
}

/// Every scenario that can be compared, with its name: the baseline and each named one (a
/// name comes from the list, so listing a thousand scenarios unpacks none of them).
fn everything(ws: &Workspace) -> Vec<(Selected, String)> {
    std::iter::once((Selected::Baseline, ws.baseline.name.clone()))
        .chain(
            ws.collection()
                .entries()
                .iter()
                .map(|e| (Selected::Scenario(e.id), e.name.clone())),
        )
        .collect()
}

fn default_pick(ws: &Workspace) -> Vec<Selected> {
    match ws.current() {
        Selected::Baseline => everything(ws).into_iter().map(|(s, _)| s).take(2).collect(),
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

/// Props of [`Picker`].
#[derive(Properties, PartialEq)]
struct PickerProps {
    /// Every scenario that can be picked, with its name.
    options: Rc<Vec<(Selected, String)>>,
    /// Those picked, in the order they were picked.
    chosen: Vec<Selected>,
    /// A scenario ticked (true) or unticked.
    on_toggle: Callback<(Selected, bool)>,
}

/// The scenarios to compare, as tick boxes.
#[component]
fn Picker(props: &PickerProps) -> Html {
    html! {
        <fieldset class="compare-picker">
            <legend>{ "Scenarios to compare (the first ticked is the reference for differences)" }</legend>
            { for props.options.iter().map(|(sel, name)| {
                let id = format!("compare-pick-{}", sel.key());
                let (sel, on_toggle) = (*sel, props.on_toggle.clone());
                let onchange = Callback::from(move |e: Event| {
                    let input: HtmlInputElement = e.target_unchecked_into();
                    on_toggle.emit((sel, input.checked()));
                });
                html! {
                    <label for={id.clone()} class="pick">
                        <input type="checkbox" id={id} checked={props.chosen.contains(&sel)} {onchange} />
                        { name.clone() }
                    </label>
                }
            }) }
        </fieldset>
    }
}

/// Props of [`Bridge`].
#[derive(Properties, PartialEq)]
struct BridgeProps {
    ws: Workspace,
    /// Every scenario that can be an end, with its name.
    options: Rc<Vec<(Selected, String)>>,
    /// The scenarios already projected for the comparison.
    picked: Rc<Vec<Picked>>,
    dispatch: Callback<Action>,
}

/// The bridge chart between any two scenarios, chosen with two lists.
#[component]
fn Bridge(props: &BridgeProps) -> Html {
    let ws = &props.ws;
    let ends = use_state(|| {
        let p = default_pick(ws);
        (
            p.first().copied().unwrap_or(Selected::Baseline),
            p.get(1).copied().unwrap_or(Selected::Baseline),
        )
    });
    let (from, to) = *ends;
    let side = |sel: Selected| {
        props
            .picked
            .iter()
            .find(|p| p.sel == sel)
            .cloned()
            .or_else(|| project(ws, sel))
    };
    let bridge = match (side(from), side(to)) {
        (Some(f), Some(t)) => compare::bridge_chart(f.side(), t.side()).map_err(|e| e.to_string()),
        _ => Err("pick two scenarios".into()),
    };
    let end_select = |id: &'static str, label: &'static str, value: Selected, is_from: bool| {
        let ends = ends.clone();
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
                    { for props.options.iter().map(|(s, name)| option(s.key().into(), *s == value, name.clone().into())) }
                </select>
            </>
        }
    };
    html! {
        <div class="chart-with-export">
            <div class="bridge-ends" role="group" aria-label="Bridge between two scenarios">
                { end_select("bridge-from", "Bridge from", from, true) }
                { end_select("bridge-to", "to", to, false) }
            </div>
            { match &bridge {
                Ok(c) => with_exports(c, STEM, &props.dispatch),
                Err(e) => html! { <p class="chart-error" role="alert">{ format!("The bridge cannot be drawn: {e}") }</p> },
            } }
        </div>
    }
}

/// The file name every download of this screen starts with.
const STEM: &str = "comparison";

/// The compare screen.
#[component]
pub fn Compare(props: &CompareProps) -> Html {
    let ws = &props.ws;
    let d = &props.dispatch;
    let picked = use_state(|| default_pick(ws));
    let options = use_memo(ws.store.clone(), |_| everything(ws));
    // Picks of scenarios since deleted drop out.
    let chosen: Vec<Selected> = picked
        .iter()
        .copied()
        .filter(|s| options.iter().any(|(o, _)| o == s))
        .collect();
    let sides_data = use_memo((ws.store.clone(), chosen.clone()), |(_, chosen)| {
        chosen
            .iter()
            .filter_map(|s| project(ws, *s))
            .collect::<Vec<Picked>>()
    });
    let on_toggle = {
        let picked = picked.clone();
        Callback::from(move |(sel, on): (Selected, bool)| {
            let mut next: Vec<Selected> = (*picked).clone();
            next.retain(|s| *s != sel);
            if on {
                next.push(sel);
            }
            picked.set(next);
        })
    };
    let picker = html! { <Picker options={options.clone()} chosen={chosen.clone()} {on_toggle} /> };
    let sides: Vec<Side> = sides_data.iter().map(Picked::side).collect();
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
    let charts = [
        compare::overlay_chart("compare-gap", "Annual gap", &sides, |y| y.gap),
        compare::overlay_chart("compare-cumulative", "Cumulative gap", &sides, |y| {
            y.cumulative_gap
        }),
        compare::overlay_chart("compare-reserve", "General reserve", &sides, |y| {
            y.reserves.general
        }),
    ];
    html! {
        <main class="workspace compare" id="compare">
            <section class="compare-body" aria-labelledby="compare-title">
                <h2 id="compare-title">{ "Compare scenarios" }</h2>
                { picker }
                { notice_at(&ws.notice, Place::Export, d) }
                <div class="compare-tables">
                    <div>
                        <h3>{ "Headline figures" }</h3>
                        { compare_tables::headline_table(&sides, ws.headline_year) }
                    </div>
                    <div>
                        <h3>{ "Lines by year" }</h3>
                        { compare_tables::lines_table(&sides) }
                    </div>
                </div>
            </section>
            <section class="compare-charts" id="charts" aria-label="Comparison charts">
                <h3 class="visually-hidden">{ "Charts" }</h3>
                { for charts.iter().map(|c| html! {
                    <div class="chart-with-export">{ with_exports(c, STEM, d) }</div>
                }) }
                <Bridge ws={ws.clone()} {options} picked={sides_data.clone()} dispatch={d.clone()} />
            </section>
        </main>
    }
}
