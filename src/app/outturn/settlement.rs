//! Today's settlement: the funding categories and their rules after 2025/26, the
//! referendum limits to 2026/27, and the status of each of the plan's grants in the years
//! after 2025/26 (confirmed, indicative or assumed), which the user can set.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::app::controls::option;
use crate::app::remote::on_screen;
use crate::app::state::Action;
use crate::format;
use crate::model::engine::Projection;
use crate::model::outturn::settlement::{self, RULES};
use crate::model::outturn::{Actuals, GrantStatus};
use crate::model::scenario::Scenario;
use crate::model::{FinancialYear, Source};
use crate::store::session::OutturnEdit;

/// Props of [`Settlement`].
#[derive(Properties, PartialEq)]
pub struct SettlementProps {
    /// The scenario on screen.
    pub scenario: Rc<Scenario>,
    /// Its actuals, read and checked.
    pub actuals: Rc<Actuals>,
    /// Its projection.
    pub projection: Rc<Projection>,
    /// Sends a changed status to the workspace.
    pub dispatch: Callback<Action>,
}

fn year(start: Option<u16>) -> String {
    start
        .and_then(FinancialYear::new)
        .map(|y| y.to_string())
        .unwrap_or_default()
}

/// The settlement section.
#[component]
pub fn Settlement(props: &SettlementProps) -> Html {
    let s = &props.scenario;
    let later: Vec<FinancialYear> = s
        .horizon
        .year_list()
        .into_iter()
        .filter(|y| *y > settlement::last_uplift_year())
        .collect();
    let conflicts = settlement::conflicts(&props.projection);
    let status_select = |line: &str, name: &str, y: FinancialYear| {
        let current = props.actuals.status(line, y);
        let onchange = {
            let (a, d, line, s) = (
                props.actuals.clone(),
                props.dispatch.clone(),
                line.to_string(),
                props.scenario.clone(),
            );
            Callback::from(move |e: Event| {
                let select: HtmlSelectElement = e.target_unchecked_into();
                let Some(status) = GrantStatus::ALL
                    .into_iter()
                    .find(|g| g.key() == select.value())
                else {
                    return;
                };
                // The workspace's actuals now (the edit carries the whole section; this
                // screen's copy may not have the change before it yet).
                let mut a = Actuals::of(&on_screen(&s)).unwrap_or_else(|_| (*a).clone());
                let before = a.status(&line, y);
                a.tag(
                    &line,
                    y,
                    status,
                    Source::published("Set on the outturn screen"),
                );
                d.emit(Action::Outturn(Box::new(OutturnEdit {
                    actuals: a.section(),
                    what: format!("Settlement: {line} {y}"),
                    from: before.key().into(),
                    to: status.key().into(),
                })));
            })
        };
        html! {
            <select id={format!("grant-{line}-{}", y.start_year())} aria-label={format!("{name}, {y}: status")} {onchange}>
                { for GrantStatus::ALL.iter().map(|g| option(g.key().into(), *g == current, g.key().into())) }
            </select>
        }
    };
    html! {
        <section class="compare-body" id="outturn-settlement" aria-labelledby="settlement-title">
            <h3 id="settlement-title">{ "The settlement after 2025/26" }</h3>
            <p class="hint">{ format!("{}.", settlement::STRUCTURE_SOURCE) }</p>
            <div class="outturn-variance">
                <table class="data-table" id="settlement-rules">
                    <caption>{ "Funding categories and their rules" }</caption>
                    <thead><tr><th scope="col">{ "Category" }</th><th scope="col">{ "Paid" }</th><th scope="col">{ "Ring-fenced" }</th><th scope="col">{ "Rule" }</th></tr></thead>
                    <tbody>
                        { for RULES.iter().map(|r| html! {
                            <tr>
                                <th scope="row">{ r.name }</th>
                                <td>{ match (r.from, r.until) {
                                    (Some(_), _) => format!("from {}", year(r.from)),
                                    (_, Some(_)) => format!("to {}", year(r.until)),
                                    _ => "every year".to_string(),
                                } }</td>
                                <td>{ if r.ring_fenced { "yes" } else { "no" } }</td>
                                <td>{ r.rule }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                <div>
                    <table class="data-table" id="referendum-limits">
                        <caption>{ format!("Precept referendum limits per Band D ({})", settlement::LIMITS_SOURCE) }</caption>
                        <thead><tr><th scope="col">{ "Year" }</th><th scope="col" class="num">{ "Limit" }</th></tr></thead>
                        <tbody>
                            { for settlement::REFERENDUM_LIMITS.iter().map(|(start, limit)| html! {
                                <tr><th scope="row">{ year(Some(*start)) }</th><td class="num">{ format!("£{limit}") }</td></tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </div>
            <h4>{ "This plan's grants after 2025/26" }</h4>
            if later.is_empty() {
                <p class="hint" id="settlement-none">{ format!("This plan ends in {}: roll it forward a year to plan 2026/27 under the new settlement.", s.horizon.last_year().map(|y| y.to_string()).unwrap_or_default()) }</p>
            } else {
                <div class="table-scroll">
                    <table class="data-table" id="grant-status">
                        <thead>
                            <tr><th scope="col">{ "Funding line" }</th>{ for later.iter().map(|y| html! { <th scope="col">{ y.to_string() }</th> }) }</tr>
                        </thead>
                        <tbody>
                            { for s.funding.iter().map(|l| html! {
                                <tr>
                                    <th scope="row">{ l.name.clone() }</th>
                                    { for later.iter().map(|y| html! { <td>{ status_select(&l.id, &l.name, *y) }</td> }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
            if !conflicts.is_empty() {
                <ul class="warning" id="settlement-conflicts">
                    { for conflicts.iter().map(|c| html! { <li>{ format!("{} {}: {} although {}", c.line, c.year, format::pounds(c.amount), c.why) }</li> }) }
                </ul>
            }
        </section>
    }
}
