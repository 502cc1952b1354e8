//! The charts column. Each chart's data is memoised on what it depends on, so a keystroke
//! redraws only the charts whose figures changed.

use yew::prelude::*;

use super::chart::figure;
use std::rc::Rc;

use super::state::WorkforceResult;
use crate::charts::ChartData;
use crate::model::{Projection, Scenario};
use crate::view;

/// Props of [`ChartsPanel`].
#[derive(Properties, PartialEq)]
pub struct ChartsPanelProps {
    /// The scenario on screen.
    pub scenario: Rc<Scenario>,
    /// Its projection.
    pub projection: Rc<Projection>,
    /// The baseline (the bridge chart starts from it).
    pub baseline: Rc<Scenario>,
    /// The baseline's projection.
    pub baseline_projection: Rc<Projection>,
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
    let p = props.projection.clone();
    let main = use_memo(p.clone(), |p| {
        (
            view::gap_chart(p),
            view::funding_expenditure_chart(p),
            view::reserves_chart(p),
        )
    });
    let bridge = use_memo(
        (
            props.baseline.clone(),
            props.baseline_projection.clone(),
            props.scenario.clone(),
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
    let sc = &props.scenario;
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
