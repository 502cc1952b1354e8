//! The headline figures strip.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::controls::option;

use std::rc::Rc;

use super::state::{use_dispatch, Action, WorkforceResult};
use crate::format;
use crate::model::{FinancialYear, Projection};
use crate::view::Headlines;

/// Props of [`HeadlineStrip`].
#[derive(Properties, PartialEq)]
pub struct HeadlineProps {
    /// The projection of the scenario on screen.
    pub projection: Rc<Projection>,
    /// The year the annual-gap figure is for (the final year if none).
    pub year: Option<FinancialYear>,
    /// The workforce projection the charts use too.
    pub workforce: WorkforceResult,
}

fn gap_class(v: rust_decimal::Decimal) -> &'static str {
    if v >= rust_decimal::Decimal::new(50_000, 0) {
        "figure bad"
    } else {
        "figure"
    }
}

#[component]
pub fn HeadlineStrip(props: &HeadlineProps) -> Html {
    let h = Headlines::of(&props.projection, props.year);
    let on_year = {
        let d = use_dispatch();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Ok(y) = select.value().parse::<FinancialYear>() {
                d.emit(Action::HeadlineYear(y));
            }
        })
    };
    let years = props.projection.year_list();
    let selected = h.gap_year.map(|y| y.to_string()).unwrap_or_default();
    let last = h.last_year.map(|y| y.to_string()).unwrap_or_default();
    let first = h.first_year.map(|y| y.to_string()).unwrap_or_default();
    let uplift = match &*props.workforce {
        Some(Ok(w)) => crate::view::uplift_status(w, h.gap_year),
        _ => None,
    };
    let uplift_card = match uplift {
        Some(u) => {
            let met = u.actual >= u.target;
            html! {
                <div class="headline" id="headline-uplift">
                    <span class="label">{ format!("Officers against Uplift target, {}", u.year) }</span>
                    <span class={if met { "figure good" } else { "figure bad" }} data-figure="uplift">
                        { format!("{} / {}", format::count(u.actual, 0), format::count(u.target, 0)) }
                    </span>
                    <span class="note">
                        { format!("{} of target: grant due {}, at risk {}.", format::percent(u.achieved_pct, 1), format::millions(u.grant_due), format::millions(u.grant_at_risk)) }
                    </span>
                </div>
            }
        }
        None => html! {},
    };
    html! {
        <section id="headlines" aria-label="Headline figures">
            <div class="headline" id="headline-annual-gap">
                <span class="label">
                    <label for="headline-year">{ "Annual gap in" }</label>
                    <select id="headline-year" onchange={on_year}>
                        { for years.iter().map(|y| {
                            let t = y.to_string();
                            option(t.clone().into(), t == selected, t.into())
                        }) }
                    </select>
                </span>
                <span class={gap_class(h.annual_gap)} data-figure="annual-gap">{ h.annual_gap_text() }</span>
                <span class="note">{ "Spending minus funding in that year. HMICFRS PEEL 2021/22: £0.9m in 2023/24." }</span>
            </div>
            <div class="headline" id="headline-cumulative-gap">
                <span class="label">{ format!("Cumulative deficit, {first} to {last}") }</span>
                <span class={gap_class(h.cumulative_gap)} data-figure="cumulative-gap">{ h.cumulative_gap_text() }</span>
                <span class="note">
                    { format!("Sum of the annual gaps (HMICFRS: £8.1m by 2025/26). Recurring gap in {last}: {}.", format::millions(h.final_recurring_gap)) }
                </span>
            </div>
            <div class="headline" id="headline-reserves">
                <span class="label">{ format!("General reserve at end of {last}") }</span>
                <span class={if h.floor_breach.is_some() { "figure bad" } else { "figure good" }} data-figure="reserves-end">
                    { format::millions(h.general_reserve_end) }
                </span>
                <span class="note">
                    { match h.floor_breach {
                        Some(y) => format!("Falls below its floor in {y} (floor {} in {last}).", format::millions(h.floor_end)),
                        None => format!("Stays above its floor ({} in {last}).", format::millions(h.floor_end)),
                    } }
                </span>
            </div>
            { uplift_card }
            <div class="headline" id="headline-precept">
                <span class="label">{ format!("Band D precept, {selected}") }</span>
                <span class="figure" data-figure="band-d">{ format::pounds(h.band_d) }</span>
                <span class="note">
                    { format!("{} a week (÷ 52). Rise {} ({}).", format::pounds(h.band_d_week), format::pounds(h.band_d_rise), format::percent(h.band_d_rise_pct, 1)) }
                </span>
            </div>
        </section>
    }
}
