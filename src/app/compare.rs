//! The compare screen: two or more scenarios side by side. Headline figures and lines by
//! year with each scenario's difference from the first one picked, overlaid charts, and a
//! bridge between any two.

use std::rc::Rc;

use rust_decimal::Decimal;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::chart::ChartFigure;
use super::io_menu::chart_exports;
use super::scenarios::notice_at;
use super::state::{Action, Place, Workspace};
use crate::format;
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

fn shown(v: Decimal, pounds: bool) -> String {
    if pounds {
        format::pounds(v)
    } else {
        format::millions_dp(v, 2)
    }
}

fn money_in(v: Option<Decimal>, pounds: bool) -> Html {
    match v {
        Some(v) => html! { <td class="num" data-value={v.to_string()}>{ shown(v, pounds) }</td> },
        None => html! { <td class="num">{ "–" }</td> },
    }
}

fn money(v: Option<Decimal>) -> Html {
    money_in(v, false)
}

fn difference_in(v: Option<Decimal>, pounds: bool) -> Html {
    match v {
        Some(v) => {
            let text = shown(v, pounds);
            let plus = if v > Decimal::ZERO && text.chars().any(|c| c.is_ascii_digit() && c != '0')
            {
                "+"
            } else {
                ""
            };
            html! { <td class="num diff" data-value={v.to_string()}>{ format!("{plus}{text}") }</td> }
        }
        None => html! { <td class="num diff">{ "–" }</td> },
    }
}

fn difference(v: Option<Decimal>) -> Html {
    difference_in(v, false)
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
    let headline_rows = compare::headlines(&sides, ws.headline_year);
    let years = compare::years(&sides);
    let head = html! {
        <>
            { for sides.iter().enumerate().map(|(i, s)| html! {
                <>
                    <th scope="col">{ s.name }</th>
                    if i > 0 { <th scope="col" class="diff">{ format!("{} − {}", s.name, sides.first().map_or("", |f| f.name)) }</th> }
                </>
            }) }
        </>
    };
    let headline_table = html! {
        <div class="table-scroll">
            <table class="data-table compare-table" id="compare-headlines">
                <caption>{ "Headline figures (£ million; Band D in £); differences are from the first scenario" }</caption>
                <thead><tr><th scope="col">{ "Figure" }</th>{ head.clone() }</tr></thead>
                <tbody>
                    { for headline_rows.iter().map(|m| {
                        let diffs = m.differences();
                        html! {
                            <tr data-measure={m.key}>
                                <th scope="row">{ m.label.clone() }</th>
                                { for m.values.iter().zip(diffs).enumerate().map(|(i, (v, dv))| html! {
                                    <>
                                        { money_in(*v, m.pounds) }
                                        if i > 0 { { difference_in(dv, m.pounds) } }
                                    </>
                                }) }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    };
    let first_name = sides.first().map_or("", |s| s.name);
    let lines_table = html! {
        <div class="table-scroll">
            <table class="data-table compare-table" id="compare-lines">
                <caption>{ "Lines by year, £ million; the rows in italics are differences from the first scenario" }</caption>
                <thead><tr><th scope="col">{ "Line and scenario" }</th>{ for years.iter().map(|y| html! { <th scope="col">{ y.to_string() }</th> }) }</tr></thead>
                { for compare::LINES.iter().map(|(label, key, f)| {
                    let rows = compare::line(&sides, &years, *f);
                    let first = rows.first().cloned().unwrap_or_default();
                    html! {
                        <tbody data-line={*key}>
                            <tr class="line-head"><th scope="colgroup" colspan={(years.len() + 1).to_string()}>{ *label }</th></tr>
                            { for rows.iter().zip(&sides).enumerate().map(|(i, (row, s))| html! {
                                <>
                                    <tr data-scenario={s.name.to_string()}>
                                        <th scope="row">{ s.name }</th>
                                        { for row.iter().map(|v| money(*v)) }
                                    </tr>
                                    if i > 0 {
                                        <tr class="diff-row" data-diff={s.name.to_string()}>
                                            <th scope="row">{ format!("{} − {first_name}", s.name) }</th>
                                            { for row.iter().zip(&first).map(|(v, f)| difference(v.zip(*f).and_then(|(v, f)| v.checked_sub(f)))) }
                                        </tr>
                                    }
                                </>
                            }) }
                        </tbody>
                    }
                }) }
            </table>
        </div>
    };
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
                    { for all.iter().map(|s| html! { <option value={s.key()} selected={*s == value}>{ name_of(*s) }</option> }) }
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
                <h3>{ "Headline figures" }</h3>
                { headline_table }
                <h3>{ "Lines by year" }</h3>
                { lines_table }
            </section>
            <section class="compare-charts" id="charts" aria-label="Comparison charts">
                <h3 class="visually-hidden">{ "Charts" }</h3>
                { for charts.iter().map(|c| html! {
                    <div class="chart-with-export">
                        <ChartFigure data={c.clone()} />
                        <div class="chart-export-row">{ "Download: " }{ chart_exports(c, stem, d) }</div>
                    </div>
                }) }
                <div class="chart-with-export">
                    <div class="bridge-ends" role="group" aria-label="Bridge between two scenarios">
                        { end_select("bridge-from", "Bridge from", from, true) }
                        { end_select("bridge-to", "to", to, false) }
                    </div>
                    { match &bridge {
                        Ok(c) => html! {
                            <>
                                <ChartFigure data={c.clone()} />
                                <div class="chart-export-row">{ "Download: " }{ chart_exports(c, stem, d) }</div>
                            </>
                        },
                        Err(e) => html! { <p class="chart-error" role="alert">{ format!("The bridge cannot be drawn: {e}") }</p> },
                    } }
                </div>
            </section>
        </main>
    }
}
