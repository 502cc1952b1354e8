//! The reserves strategy screen (in the module loaded on demand): the named earmarked
//! reserves and their planned use, balances by year, the risk register and the minimum it
//! gives beside the % floor, the resilience indicators with their thresholds, and the
//! section 25 statement (docs/resilience.md). Every change is an action of the
//! workspace's reducer.

use yew::prelude::*;

use super::field::SourceBadge;
use super::notice::notice_at;
use super::register_ui::{add_button, money, reading_cell, reg_input, reg_select, remove_button};
use super::savings::{use_report, ScreenProps};
use super::state::{use_dispatch, Place};
use crate::edit::register::{Reg, RowEdit};
use crate::format;
use crate::model::resilience::uncertainty;
use crate::model::resilience::ReservesYear;
use crate::model::scenario::strategy::{Indicator, ReserveCategory};
use crate::model::Source;
use crate::view::s25;

const CATEGORIES: [(&str, &str); 3] = [
    ("this_plan", "For this plan"),
    ("beyond_plan", "Beyond this plan"),
    ("partners", "Held for partners"),
];

const METHODS: [(&str, &str); 2] = [("expected", "Expected cost"), ("percentile", "Percentile")];

const GOVERNS: [(&str, &str); 2] = [
    ("floor", "The % floor"),
    ("risk_based", "The risk-based minimum"),
];

/// The reserves strategy.
#[component]
pub fn ReservesScreen(props: &ScreenProps) -> Html {
    let ws = &props.ws;
    let d = use_dispatch();
    let report = use_report(ws);
    let show_statement = use_state(|| false);
    let r = match report.as_ref() {
        Ok(r) => r,
        Err(e) => {
            return html! { <main class="workspace register"><p class="load-error" role="alert">{ format!("The strategy cannot be worked out: {e}") }</p></main> }
        }
    };
    let s = &ws.scenario;
    let sections = s.sections_or_none();
    let st = sections.strategy();
    let thresholds = st.thresholds();
    let rv = &r.reserves;
    let years = ws.projection.year_list();
    let named = !st.earmarked.is_empty();
    let end = rv.years.last();
    let trigger = rv.first_below_minimum();
    let red: usize = Indicator::ALL
        .iter()
        .filter(|i| !rv.red_years(**i).is_empty())
        .count();
    let callback = d.callback();

    let reserve_rows = st.earmarked.iter().zip(&rv.reserves).map(|(e, row)| {
        let (id, name) = (e.id.clone(), e.name.clone());
        html! {
            <tr data-reserve={id.clone()}>
                <th scope="row">{ reg_input(ws, &d, Reg::ReserveName(id.clone()), format!("Name of reserve {name}"), false, None) }</th>
                <td>{ reg_input(ws, &d, Reg::ReservePurpose(id.clone()), format!("{name}: purpose"), false, Some("purpose".into())) }</td>
                <td>{ reg_select(ws, &d, Reg::ReserveCategory(id.clone()), format!("{name}: category"), &CATEGORIES, false) }</td>
                <td>{ reg_input(ws, &d, Reg::ReserveOpening(id.clone()), format!("{name}: opening balance, £"), true, None) }</td>
                { for row.balances.last().map(|b| money(*b)) }
                <td><SourceBadge source={Some(e.source.clone())} /></td>
                <td>{ remove_button(ws, &d, format!("the reserve {name}"), RowEdit::RemoveReserve(id)) }</td>
            </tr>
        }
    });
    let use_rows = st.earmarked.iter().map(|e| {
        let name = e.name.clone();
        html! {
            <tr data-reserve={e.id.clone()}>
                <th scope="row">{ name.clone() }</th>
                { for years.iter().map(|y| html! {
                    <td>{ reg_input(ws, &d, Reg::ReserveUse(e.id.clone(), *y), format!("{name}: planned use {y}, £"), true, None) }</td>
                }) }
            </tr>
        }
    });

    type Line = (
        &'static str,
        &'static str,
        fn(&ReservesYear) -> rust_decimal::Decimal,
    );
    let lines: [Line; 3] = [
        ("general-planned", "General reserve, as planned", |y| {
            y.general_planned
        }),
        ("at-risk", "Less savings at risk to date", |y| {
            y.at_risk_to_date
        }),
        ("general", "General reserve, risk-adjusted", |y| y.general),
    ];
    let lower: [Line; 5] = [
        ("usable", "Usable reserves", |y| y.usable),
        ("floor", "The % floor", |y| y.floor),
        ("risk-based", "Risk-based minimum", |y| y.risk_based),
        ("minimum", "Minimum that governs", |y| y.minimum),
        ("earmarked", "Earmarked reserves", |y| y.earmarked),
    ];
    let balance_rows = html! {
        <>
            { for lines.iter().map(|(key, label, f)| html! {
                <tr data-row={*key}>
                    <th scope="row">{ *label }</th>
                    { for rv.years.iter().map(|y| money(f(y))) }
                </tr>
            }) }
            { for rv.reserves.iter().map(|x| html! {
                <tr data-row={format!("reserve-{}", x.id)} class="reg-sub">
                    <th scope="row">{ format!("{} · {}", x.name, x.category.map_or("earmarked", ReserveCategory::label)) }</th>
                    { for x.balances.iter().map(|b| money(*b)) }
                </tr>
            }) }
            { for lower.iter().map(|(key, label, f)| html! {
                <tr data-row={*key}>
                    <th scope="row">{ *label }</th>
                    { for rv.years.iter().map(|y| money(f(y))) }
                </tr>
            }) }
            <tr data-row="below">
                <th scope="row">{ "Below the minimum?" }</th>
                { for rv.years.iter().map(|y| html! {
                    <td class="num" data-value={y.below_minimum.to_string()}>
                        if y.below_minimum { <span class="rag rag-red">{ "Below" }</span> } else { { "No" } }
                    </td>
                }) }
            </tr>
        </>
    };

    let risk_rows = st.risks.iter().map(|k| {
        let (id, name) = (k.id.clone(), k.name.clone());
        let expected = crate::model::At::new("risk", None)
            .pct(k.impact, k.likelihood_pct)
            .map(crate::model::round_money)
            .unwrap_or_default();
        html! {
            <tr data-risk={id.clone()}>
                <th scope="row">{ reg_input(ws, &d, Reg::RiskName(id.clone()), format!("Name of risk {name}"), false, None) }</th>
                <td>{ reg_input(ws, &d, Reg::RiskLikelihood(id.clone()), format!("{name}: likelihood, %"), true, None) }</td>
                <td>{ reg_input(ws, &d, Reg::RiskImpact(id.clone()), format!("{name}: cost if it happens, £"), true, None) }</td>
                { money(expected) }
                <td><SourceBadge source={Some(k.source.clone())} /></td>
                <td>{ remove_button(ws, &d, format!("the risk {name}"), RowEdit::RemoveRisk(id)) }</td>
            </tr>
        }
    });
    let min = &rv.minimum;

    let indicator_rows = Indicator::ALL.into_iter().map(|i| {
        html! {
            <tr data-indicator={i.key()}>
                <th scope="row">{ i.label() }</th>
                <td>{ reg_input(ws, &d, Reg::RedBelow(i), format!("{}: red below", i.label()), true, None) }</td>
                <td>{ reg_input(ws, &d, Reg::AmberBelow(i), format!("{}: amber below", i.label()), true, None) }</td>
                { for rv.years.iter().filter_map(|y| y.indicators.get(i.index())).map(|x| reading_cell(i, x)) }
            </tr>
        }
    });

    let statement = if *show_statement {
        let built = uncertainty::from_registry(s)
            .and_then(|spreads| s25::statement(s, &ws.projection, r, &spreads));
        match built {
            Ok(st) => statement_html(&st),
            Err(e) => html! { <p class="load-error" role="alert">{ e.to_string() }</p> },
        }
    } else {
        html! {}
    };
    let toggle = {
        let show = show_statement.clone();
        Callback::from(move |_: MouseEvent| show.set(!*show))
    };

    html! {
        <main class="workspace register" id="reserves">
            <section class="register-body" aria-labelledby="reserves-title">
                <h2 id="reserves-title">{ format!("Reserves strategy: {}", s.name) }</h2>
                <p class="hint">{ "Named earmarked reserves, the general reserve against its minimum, the risk register and the resilience indicators. The general reserve here bears the savings at risk (risk-adjusted); the plan (Edit) counts every saving in full. Figures in £ million; hover for the exact sum." }</p>
                <dl class="reg-figures">
                    if let Some(y) = end {
                        <div class="reg-figure"><dt>{ format!("General reserve, end of {}, risk-adjusted", y.year) }</dt><dd data-figure="general-end" data-value={y.general.to_string()}>{ format::millions_dp(y.general, 2) }</dd></div>
                        <div class="reg-figure"><dt>{ format!("Minimum, {}", y.year) }</dt><dd data-figure="minimum-end" data-value={y.minimum.to_string()}>{ format::millions_dp(y.minimum, 2) }</dd></div>
                    }
                    <div class="reg-figure"><dt>{ "Section 27 trigger" }</dt>
                        <dd data-figure="s27" class={if trigger.is_some() { "bad" } else { "" }}>{ trigger.map_or("None".to_string(), |t| format!("{}", t.year)) }</dd></div>
                    <div class="reg-figure"><dt>{ "Indicators reading red" }</dt><dd data-figure="red-count" class={if red > 0 { "bad" } else { "" }}>{ format!("{red} of 5") }</dd></div>
                </dl>
                { notice_at(&ws.notice, Place::Register, &callback) }
                <div class="reg-purpose">
                    <label for={Reg::GeneralPurpose.key()}>{ "The general reserve is held for" }</label>
                    { reg_input(ws, &d, Reg::GeneralPurpose, "What the general reserve is held for".into(), false, Some("its purpose".into())) }
                </div>
                <h3>{ "Earmarked reserves" }</h3>
                if named {
                    <div class="table-scroll">
                        <table class="data-table reg-table" id="reserves-earmarked">
                            <caption>{ format!("The breakdown of the earmarked reserves ({} at the start of the plan): changing one changes the total.", format::millions_dp(s.reserves.earmarked_opening.value.0, 2)) }</caption>
                            <thead><tr>
                                <th scope="col">{ "Reserve" }</th><th scope="col">{ "Purpose" }</th><th scope="col">{ "Category" }</th>
                                <th scope="col">{ "Opening £" }</th><th scope="col" class="num">{ years.last().map(|y| format!("End {y}")).unwrap_or_default() }</th>
                                <th scope="col">{ "Source" }</th><th scope="col"><span class="visually-hidden">{ "Remove" }</span></th>
                            </tr></thead>
                            <tbody>{ for reserve_rows }</tbody>
                        </table>
                    </div>
                    <div class="table-scroll">
                        <table class="data-table reg-table reg-years" id="reserves-use">
                            <caption>{ "Planned use by year, £ (a negative figure is a contribution)." }</caption>
                            <thead><tr><th scope="col">{ "Reserve" }</th>{ for years.iter().map(|y| html! { <th scope="col" class="num">{ y.to_string() }</th> }) }</tr></thead>
                            <tbody>{ for use_rows }</tbody>
                        </table>
                    </div>
                } else {
                    <p class="hint">{ "The earmarked reserves are not broken down. Adding a reserve names them: the first takes them whole." }</p>
                }
                { add_button(ws, &d, "add-reserve", "Add an earmarked reserve", RowEdit::AddReserve) }
                <h3>{ "Balances and the minimum" }</h3>
                <div class="table-scroll">
                    <table class="data-table compare-table" id="reserves-balances">
                        <caption>{ "At each year end, £ million. Usable: the general reserve (risk-adjusted) and every earmarked reserve not held for partners." }</caption>
                        <thead><tr><th scope="col">{ "Reserve" }</th>{ for years.iter().map(|y| html! { <th scope="col">{ y.to_string() }</th> }) }</tr></thead>
                        <tbody>{ balance_rows }</tbody>
                    </table>
                </div>
                <h3>{ "Risk register and the minimum" }</h3>
                <div class="reg-columns">
                    <div class="table-scroll">
                        <table class="data-table reg-table" id="reserves-risks">
                            <caption>{ "Risks the general reserve is held against, each happening or not in a year." }</caption>
                            <thead><tr>
                                <th scope="col">{ "Risk" }</th><th scope="col">{ "Likelihood %" }</th><th scope="col">{ "Cost if it happens £" }</th>
                                <th scope="col" class="num">{ "Expected cost" }</th><th scope="col">{ "Source" }</th><th scope="col"><span class="visually-hidden">{ "Remove" }</span></th>
                            </tr></thead>
                            <tbody>{ for risk_rows }</tbody>
                        </table>
                        { add_button(ws, &d, "add-risk", "Add a risk", RowEdit::AddRisk) }
                    </div>
                    <div class="reg-rule" role="group" aria-label="The minimum">
                        <p>
                            <span>{ "Risk-based minimum: " }</span>
                            { reg_select(ws, &d, Reg::Method, "Risk-based minimum: method".into(), &METHODS, false) }
                            if min.percentile.is_some() {
                                { reg_input(ws, &d, Reg::Percentile, "Percentile".into(), true, None) }
                                <span>{ "th percentile" }</span>
                            }
                        </p>
                        <p data-figure="risk-based" data-value={min.risk_based.to_string()}>
                            { format!("Expected cost {}", format::millions_dp(min.expected, 2)) }
                            { min.at_percentile.map(|v| format!("; at the percentile {}", format::millions_dp(v, 2))).unwrap_or_default() }
                        </p>
                        <p>
                            <span>{ "Governs: " }</span>
                            { reg_select(ws, &d, Reg::Governs, "The minimum that governs".into(), &GOVERNS, false) }
                        </p>
                        <p class="hint">{ format!("The % floor is {} of net revenue spending (Edit, Savings and reserves).", format::percent(min.floor_pct, 1)) }
                            { " " }<SourceBadge source={Some(st.minimum.source.clone()).filter(|x: &Source| !x.text.is_empty())} /></p>
                    </div>
                </div>
                <h3>{ "Resilience indicators" }</h3>
                <div class="table-scroll">
                    <table class="data-table reg-table" id="reserves-indicators">
                        <caption>
                            { "Red below the first threshold, amber below the second, green otherwise (each indicator reads higher = safer). The thresholds are editable " }
                            <SourceBadge source={Some(thresholds.source.clone())} />
                        </caption>
                        <thead><tr>
                            <th scope="col">{ "Indicator" }</th><th scope="col">{ "Red below" }</th><th scope="col">{ "Amber below" }</th>
                            { for years.iter().map(|y| html! { <th scope="col" class="num">{ y.to_string() }</th> }) }
                        </tr></thead>
                        <tbody>{ for indicator_rows }</tbody>
                    </table>
                </div>
                <h3>{ "Section 25 statement" }</h3>
                <div>
                    <button type="button" class="btn" id="s25-toggle" aria-expanded={show_statement.to_string()} aria-controls="s25" onclick={toggle}>
                        { if *show_statement { "Hide the statement" } else { "Show the section 25 statement" } }
                    </button>
                </div>
                <div id="s25">{ statement }</div>
            </section>
        </main>
    }
}

/// The statement as the screen and the print pack show it: each part with a link to the
/// table its figures come from.
pub fn statement_html(st: &s25::Statement) -> Html {
    let [title, about] = st.heading();
    html! {
        <article class="s25" aria-label="Section 25 statement">
            <h4>{ title }</h4>
            <p class="hint">{ about }</p>
            { for st.sections().into_iter().map(|sec| html! {
                <section class="s25-part" data-part={sec.id}>
                    <h5>{ sec.title }<span class="s25-table">{ format!(" · figures: {}", sec.table) }</span></h5>
                    <ul>{ for sec.lines.iter().map(|l| html! { <li>{ l.clone() }</li> }) }</ul>
                </section>
            }) }
        </article>
    }
}
