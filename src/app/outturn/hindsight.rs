//! Hindsight: the built-in, read-only "2021/22 plan with what is now known" beside the
//! plan: the published actuals applied (each cited), what was not applied and why, the
//! bridge from the plan's cumulative gap by assumption group, and its checks against the
//! published figures. A copy can be added as a scenario to edit.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::chart::figure;
use crate::app::controls::button;
use crate::app::state::Action;
use crate::format;
use crate::model::baseline;
use crate::model::engine::{self, Projection};
use crate::model::outturn::hindsight::{self, Check, Published};
use crate::model::registry::{Assumption, Unit};
use crate::model::scenario::Scenario;
use crate::model::Source;
use crate::view::outturn::{figure_text, hindsight_bridge, hindsight_bridge_chart};

/// Props of [`Hindsight`].
#[derive(Properties, PartialEq)]
pub struct HindsightProps {
    /// Sends the copy to the workspace.
    pub dispatch: Callback<Action>,
}

/// The plan, the hindsight scenario, their projections, the bridge chart and the checks.
struct Worked {
    hindsight: Rc<Scenario>,
    plan_p: Projection,
    hindsight_p: Projection,
    chart: crate::charts::ChartData,
    checks: Vec<Check>,
    /// What people call each of [`hindsight::changes`]'s assumptions ("Officer pay award").
    labels: Vec<String>,
}

fn work() -> Result<Worked, String> {
    let plan = baseline::nottinghamshire().map_err(|e| e.to_string())?;
    let h = hindsight::apply(&plan).map_err(|e| e.to_string())?;
    let plan_p = engine::project(&plan).map_err(|e| e.to_string())?;
    let hindsight_p = engine::project(&h).map_err(|e| e.to_string())?;
    let steps = hindsight_bridge(&plan, &plan_p, &h, &hindsight_p).map_err(|e| e.to_string())?;
    let chart = hindsight_bridge_chart(&plan_p, &hindsight_p, &steps);
    let checks = hindsight::checks(&h, &hindsight_p).map_err(|e| e.to_string())?;
    let labels = hindsight::changes()
        .iter()
        .map(|c| {
            Assumption::from_key(&plan, c.key).map_or_else(|| c.key.to_string(), |a| a.label(&plan))
        })
        .collect();
    Ok(Worked {
        hindsight: Rc::new(h),
        plan_p,
        hindsight_p,
        chart,
        checks,
        labels,
    })
}

fn published(c: &Check) -> String {
    match c.published {
        Published::Exact(v) => figure_text(c.unit, v),
        Published::Millions(lo, hi) if lo == hi => format!("£{lo}m"),
        Published::Millions(lo, hi) => format!("£{lo}m to £{hi}m"),
    }
}

fn model(c: &Check) -> String {
    match (c.published, c.unit) {
        (Published::Millions(..), _) => format::millions_dp(c.model, 2),
        (_, Unit::Percent) => format::percent(c.model, 2),
        _ => figure_text(c.unit, c.model),
    }
}

/// The hindsight section.
#[component]
pub fn Hindsight(props: &HindsightProps) -> Html {
    let worked = use_memo((), |()| work());
    let w = match &*worked {
        Ok(w) => w,
        Err(e) => {
            return html! { <p class="load-error" role="alert">{ format!("The hindsight scenario cannot be worked out: {e}") }</p> }
        }
    };
    let copy = {
        let (d, h) = (props.dispatch.clone(), w.hindsight.clone());
        Callback::from(move |_: MouseEvent| {
            d.emit(Action::AddMade(
                Box::new((*h).clone()),
                "Add the hindsight scenario".into(),
            ))
        })
    };
    let gaps = w.plan_p.years.iter().zip(&w.hindsight_p.years);
    html! {
        <section class="compare-body" id="outturn-hindsight" aria-labelledby="hindsight-title">
            <div class="outturn-head">
                <h3 id="hindsight-title">{ "Hindsight: the 2021/22 plan with what is now known" }</h3>
                { button("btn", Some("hindsight-copy"), false, "Add it as a scenario to edit", copy) }
            </div>
            <p class="hint">{ "Read-only: the Nottinghamshire baseline HMICFRS read, with every published actual assumption applied. Savings taken since are decisions, not assumptions, so they are not applied: the hindsight gap is the one they had to close." }</p>
            <div class="outturn-variance">
                <div>
                    <table class="data-table" id="hindsight-changes">
                        <caption>{ "Published since the plan, applied" }</caption>
                        <thead><tr><th scope="col">{ "Assumption" }</th><th scope="col">{ "Year" }</th><th scope="col" class="num">{ "Plan" }</th><th scope="col" class="num">{ "Now known" }</th></tr></thead>
                        <tbody>
                            { for hindsight::changes().iter().zip(&w.labels).map(|(c, label)| html! {
                                <tr data-key={c.key}>
                                    <th scope="row"><span class="row-label">{ label.clone() }<crate::app::field::SourceBadge source={Some(Source { text: c.source.into(), estimate: c.estimate })} /></span></th>
                                    <td>{ crate::model::FinancialYear::new(c.year).map(|y| y.to_string()).unwrap_or_default() }</td>
                                    <td class="num">{ c.plan }</td>
                                    <td class="num">{ c.value }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                    <table class="data-table" id="hindsight-gaps">
                        <caption>{ "Annual gap" }</caption>
                        <thead><tr><th scope="col">{ "Year" }</th><th scope="col" class="num">{ "The plan" }</th><th scope="col" class="num">{ "Hindsight" }</th></tr></thead>
                        <tbody>
                            { for gaps.map(|(p, h)| html! {
                                <tr><th scope="row">{ p.year.to_string() }</th><td class="num">{ format::millions_dp(p.gap, 2) }</td><td class="num">{ format::millions_dp(h.gap, 2) }</td></tr>
                            }) }
                            <tr class="total-row"><th scope="row">{ "Cumulative" }</th><td class="num">{ format::millions_dp(w.plan_p.cumulative_gap(), 2) }</td><td class="num">{ format::millions_dp(w.hindsight_p.cumulative_gap(), 2) }</td></tr>
                        </tbody>
                    </table>
                </div>
                <div class="chart-with-export">{ figure(&w.chart) }</div>
            </div>
            <h4>{ "Checks against the published figures" }</h4>
            <div class="table-scroll">
                <table class="data-table" id="hindsight-checks">
                    <thead><tr><th scope="col">{ "Figure" }</th><th scope="col">{ "Year" }</th><th scope="col" class="num">{ "Published" }</th><th scope="col" class="num">{ "Hindsight" }</th><th scope="col">{ "Matches" }</th></tr></thead>
                    <tbody>
                        { for w.checks.iter().map(|c| html! {
                            <tr>
                                <th scope="row"><span class="row-label">{ c.what }<crate::app::field::SourceBadge source={Some(Source::published(c.source))} /></span></th>
                                <td>{ c.year.to_string() }</td>
                                <td class="num">{ published(c) }</td>
                                <td class="num">{ model(c) }</td>
                                <td class={if c.ok { "status status-favourable" } else { "status status-adverse" }}>{ if c.ok { "Yes" } else { "No" } }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <h4>{ "Published but not applied" }</h4>
            <ul class="hint not-applied">
                { for hindsight::NOT_APPLIED.iter().map(|(what, why)| html! { <li><strong>{ *what }</strong>{ ": " }{ *why }</li> }) }
            </ul>
        </section>
    }
}
