//! The charts column. Each chart's data is memoised on what it depends on, so a keystroke
//! redraws only the charts whose figures changed.

use yew::prelude::*;

use super::chart::figure;
use super::state::{WorkforceResult, Workspace};
use crate::charts::ChartData;
use crate::view;

#[derive(Properties, PartialEq)]
pub struct ChartsPanelProps {
    pub ws: Workspace,
    /// The workforce projection the headlines use too.
    pub workforce: WorkforceResult,
}

fn figure_or_error(data: &Result<ChartData, String>, what: &str) -> Html {
    match data {
        Ok(data) => figure(data),
        Err(e) => html! {
            <p class="chart-error" role="alert">{ format!("The {what} chart cannot be drawn: {e}") }</p>
        },
    }
}

#[component]
pub fn ChartsPanel(props: &ChartsPanelProps) -> Html {
    let ws = &props.ws;
    let p = ws.projection.clone();
    let main = use_memo(p.clone(), |p| {
        (
            view::gap_chart(p),
            view::funding_expenditure_chart(p),
            view::reserves_chart(p),
        )
    });
    let bridge = use_memo(
        (
            ws.baseline.clone(),
            ws.baseline_projection.clone(),
            ws.scenario.clone(),
            p.clone(),
        ),
        |(b, bp, s, sp)| {
            view::bridge(b, bp, s, sp)
                .map(|steps| view::bridge_chart(bp, sp, &steps))
                .map_err(|e| e.to_string())
        },
    );
    // The workforce and collaboration charts depend only on their own sections (and the
    // pay awards and years), so an edit elsewhere does not redraw them.
    let workforce = use_memo(props.workforce.clone(), |w| {
        w.as_ref()
            .as_ref()
            .map(|r| r.as_ref().map(view::workforce_chart).map_err(Clone::clone))
    });
    let sc = &ws.scenario;
    let collab = use_memo((sc.collaborations.clone(), sc.horizon), {
        let sc = sc.clone();
        move |_| {
            view::collaborations_of(&sc).map(|r| {
                r.map(|c| view::collaboration_chart(&c))
                    .map_err(|e| e.to_string())
            })
        }
    });
    let (gap, fe, reserves) = &*main;
    html! {
        <section id="charts" aria-label="Charts">
            { figure(gap) }
            { figure(fe) }
            { figure_or_error(&bridge, "bridge") }
            { figure(reserves) }
            { workforce.as_ref().as_ref().map(|w| figure_or_error(w, "workforce")).unwrap_or_default() }
            { collab.as_ref().as_ref().map(|c| figure_or_error(c, "collaboration")).unwrap_or_default() }
        </section>
    }
}
