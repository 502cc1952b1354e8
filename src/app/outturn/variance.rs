//! The variance table (the rows `mtfp variance` prints, year by year) and the chart of plan
//! against actual for one item.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::app::chart::figure;
use crate::app::controls::option;
use crate::app::field::SourceBadge;
use crate::model::outturn::variance::{Row, Status, YearVariance, NOT_YET_KNOWN};
use crate::model::outturn::Item;
use crate::model::scenario::Scenario;
use crate::view::outturn::{chartable, figure_text, pct_text, variance_chart, variance_text};

/// Props of [`Variance`].
#[derive(Properties, PartialEq)]
pub struct VarianceProps {
    /// The scenario on screen.
    pub scenario: Rc<Scenario>,
    /// Its variance by year.
    pub years: Rc<Vec<YearVariance>>,
}

fn status_cell(status: Status) -> Html {
    let class = match status {
        Status::Adverse => "status status-adverse",
        Status::Favourable => "status status-favourable",
        _ => "status",
    };
    let text = match status {
        Status::Adverse => "Adverse",
        Status::Favourable => "Favourable",
        Status::OnPlan => "On plan",
        Status::Different => "No direction",
        Status::NoPlan => "No plan figure",
    };
    html! { <td class={class} data-col="status">{ text }</td> }
}

fn row_view(s: &Scenario, r: &Row) -> Html {
    let unit = r.subject.unit();
    let total = !matches!(r.subject, crate::model::outturn::variance::Subject::Item(_));
    let dash = || "—".to_string();
    html! {
        <tr class={total.then_some("total-row")} data-year={r.year.to_string()} data-item={r.subject.key()}>
            <th scope="row">
                <span class="row-label">{ r.subject.label(s) }<SourceBadge source={r.source.clone()} /></span>
            </th>
            <td class="num" data-col="plan">{ r.plan.map_or_else(dash, |v| figure_text(unit, v)) }</td>
            <td class="num" data-col="actual">{ figure_text(unit, r.actual) }</td>
            <td class="num" data-col="variance">{ r.variance.map_or_else(dash, |v| variance_text(unit, v)) }</td>
            <td class="num" data-col="variance-pct">{ r.variance_pct.map_or_else(dash, pct_text) }</td>
            { status_cell(r.status) }
        </tr>
    }
}

/// The table and the chart.
#[component]
pub fn Variance(props: &VarianceProps) -> Html {
    let s = &props.scenario;
    let items = use_memo((s.clone(), props.years.clone()), |(s, y)| chartable(s, y));
    let picked = use_state(|| None::<Item>);
    let item = picked
        .as_ref()
        .filter(|i| items.contains(i))
        .or_else(|| items.first())
        .cloned();
    let on_pick = {
        let picked = picked.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            picked.set(Item::from_key(&select.value()));
        })
    };
    let adverse = props
        .years
        .iter()
        .flat_map(|y| &y.rows)
        .filter(|r| r.status == Status::Adverse)
        .count();
    let known = props.years.iter().filter(|y| !y.not_yet_known()).count();
    html! {
        <section class="compare-body" id="outturn-variance" aria-labelledby="variance-title">
            <h3 id="variance-title">{ "Variance: plan against actual" }</h3>
            <p class="hint">{ format!("{known} of {} years have actuals; {adverse} figures are adverse. Totals add up the lines with an actual that year.", props.years.len()) }</p>
            <div class="outturn-variance">
                <div class="table-scroll variance-scroll" tabindex="0" role="region" aria-label="Variance table (scrolls)">
                    <table class="data-table variance-table" id="variance-table">
                        <caption class="visually-hidden">{ "Plan, actual, variance (actual − plan) and status of each figure, by year" }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ "Figure" }</th>
                                <th scope="col" class="num">{ "Plan" }</th>
                                <th scope="col" class="num">{ "Actual" }</th>
                                <th scope="col" class="num">{ "Variance" }</th>
                                <th scope="col" class="num">{ "% of plan" }</th>
                                <th scope="col">{ "Status" }</th>
                            </tr>
                        </thead>
                        { for props.years.iter().map(|y| html! {
                            <tbody data-year={y.year.to_string()}>
                                <tr class="year-head"><th colspan="6" scope="rowgroup">{ y.year.to_string() }</th></tr>
                                if y.not_yet_known() {
                                    <tr class="not-known" data-year={y.year.to_string()}><td colspan="6">{ format!("{}: {NOT_YET_KNOWN}", y.year) }</td></tr>
                                }
                                { for y.rows.iter().map(|r| row_view(s, r)) }
                            </tbody>
                        }) }
                    </table>
                </div>
                <div class="chart-with-export">
                    if let Some(item) = &item {
                        <div class="bridge-ends">
                            <label for="variance-item">{ "Chart" }</label>
                            <select id="variance-item" onchange={on_pick}>
                                { for items.iter().map(|i| option(i.key().into(), i == item, i.label(s).into())) }
                            </select>
                        </div>
                        { figure(&variance_chart(s, &props.years, item)) }
                    } else {
                        <p class="hint">{ "No £ figure has an actual yet: enter one below, or import a CSV." }</p>
                    }
                </div>
            </div>
        </section>
    }
}
