//! The charts column.

use yew::prelude::*;

use super::chart::ChartFigure;
use super::state::Workspace;
use crate::view;

#[derive(Properties, PartialEq)]
pub struct ChartsPanelProps {
    pub ws: Workspace,
}

#[component]
pub fn ChartsPanel(props: &ChartsPanelProps) -> Html {
    let ws = &props.ws;
    let p = &ws.projection;
    let bridge = match view::bridge(&ws.baseline, &ws.baseline_projection, &ws.scenario, p) {
        Ok(steps) => {
            html! { <ChartFigure data={view::bridge_chart(&ws.baseline_projection, p, &steps)} /> }
        }
        Err(e) => {
            html! { <p class="chart-error" role="alert">{ format!("The bridge cannot be drawn: {e}") }</p> }
        }
    };
    html! {
        <section id="charts" aria-label="Charts">
            <ChartFigure data={view::gap_chart(p)} />
            <ChartFigure data={view::funding_expenditure_chart(p)} />
            { bridge }
            <ChartFigure data={view::reserves_chart(p)} />
        </section>
    }
}
