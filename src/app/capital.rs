//! The capital view (issue 19), in the module loaded on demand: the prudential indicators
//! with breaches warned, the programme table (every scheme editable, the collaboration
//! register's capital schemes linked in read-only), the programme's rates and limits, and
//! charts of spend by funding source and of financing costs, each with its data table.
//!
//! Every change is an [`Action::Capital`] the workspace's reducer applies (through a
//! `Message` from this module), so undo, validation and autosave apply; a change it
//! refuses comes back as the message shown above the table, and the field is marked.

use std::rc::Rc;

use rust_decimal::Decimal;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::chart::figure;
use super::controls::option;
use super::field::SourceBadge;
use super::files::chart_exports;
use super::notice::notice_at;
use super::remote::on_screen;
use super::state::{Action, Place, Workspace};
use super::typed::{id_part as dom, Typed};
use crate::edit::capital::CapitalEdit;
use crate::edit::{display_value, FieldUnit};
use crate::format;
use crate::model::capital::report::{LineKind, LineReport};
use crate::model::capital::{
    self, CapitalProgramme, CapitalReport, Category, FundingSource, InUse, MrpMethod, Scheme,
};
use crate::model::dec::YearValues;
use crate::model::money::checked_add;
use crate::model::FinancialYear;
use crate::view::capital::{financing_chart, indicator_rows, spend_chart};

/// Props of [`Capital`].
#[derive(Properties, PartialEq)]
pub struct CapitalProps {
    /// The workspace.
    pub ws: Workspace,
    /// Sends actions to it.
    pub dispatch: Callback<Action>,
}

/// The id of a field's input: `cap-fleet-spend-2023` (a year by its first calendar year).
fn input_id(scheme: &str, key: &str) -> String {
    let key = match key.split_once(':') {
        Some((field, year)) => format!("{field}-{}", year.get(..4).unwrap_or(year)),
        None => key.to_string(),
    };
    format!("cap-{}-{}", dom(scheme), dom(&key))
}

/// What was last changed, to mark it while its message shows.
#[derive(Clone, PartialEq)]
struct Last(Option<String>);

/// Everything a table of inputs needs to send a change and mark the last one.
#[derive(Clone)]
struct Editor {
    /// Sends an edit (worked out on the workspace's scenario as it is then: [`send`]).
    send: Callback<CapitalEdit>,
    last: UseStateHandle<Last>,
    /// True while the workspace shows a refused capital change.
    refused: bool,
}

/// Work `edit` out on scenario `s` and send the change to the workspace, or its message
/// if the text cannot be used.
fn send(
    d: &Callback<Action>,
    s: &crate::model::Scenario,
    template: Option<&CapitalProgramme>,
    edit: &CapitalEdit,
) {
    d.emit(match crate::edit::capital::change(s, edit, template) {
        Ok(change) => Action::Capital(Box::new(change)),
        Err(text) => Action::Notify(crate::store::session::Notice {
            place: Place::Capital,
            error: true,
            text,
        }),
    });
}

impl Editor {
    /// The input for field `key` of scheme `id` (or of the programme, `id` empty).
    fn cell(&self, id: &str, key: &str, label: String, value: String, wide: bool) -> Html {
        let dom_id = input_id(if id.is_empty() { "programme" } else { id }, key);
        let invalid = self.refused && self.last.0.as_deref() == Some(dom_id.as_str());
        let on_change = {
            let (d, last) = (self.send.clone(), self.last.clone());
            let (id, key, mark) = (id.to_string(), key.to_string(), dom_id.clone());
            Callback::from(move |text: String| {
                last.set(Last(Some(mark.clone())));
                d.emit(if id.is_empty() {
                    CapitalEdit::Programme {
                        key: key.clone(),
                        text,
                    }
                } else {
                    CapitalEdit::Scheme {
                        id: id.clone(),
                        key: key.clone(),
                        text,
                    }
                });
            })
        };
        let (class, inputmode) = if wide {
            ("cap-input cap-name", "text")
        } else {
            ("cap-input", "decimal")
        };
        html! {
            <Typed id={dom_id} {class} {inputmode} {label} {value} {invalid}
                   on_change={Some(on_change)} />
        }
    }

    /// A pick list for field `key` of scheme `id`: (value, label) choices, `current` chosen.
    fn select(
        &self,
        id: &str,
        key: &'static str,
        label: String,
        choices: Vec<(String, String)>,
        current: &str,
    ) -> Html {
        let dom_id = input_id(id, key);
        let onchange = {
            let (d, last) = (self.send.clone(), self.last.clone());
            let (id, mark) = (id.to_string(), dom_id.clone());
            Callback::from(move |e: Event| {
                let s: HtmlSelectElement = e.target_unchecked_into();
                last.set(Last(Some(mark.clone())));
                d.emit(CapitalEdit::Scheme {
                    id: id.clone(),
                    key: key.to_string(),
                    text: s.value(),
                });
            })
        };
        html! {
            <select id={dom_id} class="cap-select" aria-label={label} {onchange}>
                { for choices.into_iter().map(|(v, l)| option(v.clone().into(), v == current, l.into())) }
            </select>
        }
    }
}

/// A £ figure in a table cell, with its exact value for tests and screen readers' sake.
fn money_cell(v: Decimal) -> Html {
    html! { <td class="num" data-value={v.to_string()}>{ format::pounds(v) }</td> }
}

fn amount_text(v: Option<Decimal>) -> String {
    v.map(|v| display_value(v, FieldUnit::Pounds))
        .unwrap_or_default()
}

/// The prudential indicators table, with breaches marked and the warnings listed.
fn indicators(r: &CapitalReport) -> Html {
    let rows = indicator_rows(r);
    html! {
        <div class="table-scroll">
            <table class="data-table compare-table cap-indicators" id="capital-indicators">
                <caption>{ "Prudential indicators and the programme by year (£; financing costs as % of the net revenue stream). External debt is the capital financing requirement." }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Indicator" }</th>
                        { for r.years.iter().map(|y| html! { <th scope="col">{ y.year.to_string() }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().map(|row| html! {
                        <tr data-indicator={row.key}>
                            <th scope="row">{ row.label }</th>
                            { for row.values.iter().zip(&row.breached).map(|(v, breached)| match v {
                                Some(v) if row.pct => html! { <td class="num" data-value={v.to_string()}>{ format::percent(*v, 2) }</td> },
                                Some(v) if *breached => html! {
                                    <td class="num breach" data-value={v.to_string()}>
                                        <span aria-hidden="true">{ "⚠ " }</span>{ format::pounds(*v) }
                                        <span class="visually-hidden">{ " (over its limit)" }</span>
                                    </td>
                                },
                                Some(v) => money_cell(*v),
                                None => html! { <td class="num" data-value="">{ "not set" }</td> },
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

fn warnings(r: &CapitalReport) -> Html {
    if r.warnings.is_empty() {
        return html! {
            <p class="cap-ok" id="capital-warnings" role="status">{ "No indicator is breached: external debt stays within the operational boundary and the authorised limit in every year." }</p>
        };
    }
    html! {
        <div class="notice notice-error cap-warnings" id="capital-warnings" role="alert">
            <strong>{ "Warnings" }</strong>
            <ul>
                { for r.warnings.iter().map(|w| html! {
                    <li>{ format!("{}: {}", w.year.map(|y| y.to_string()).unwrap_or_default(), w.message) }</li>
                }) }
            </ul>
        </div>
    }
}

/// The years a scheme may come into use: from its first spend (or the base year) to five
/// years after the plan, with its current year whatever it is.
fn in_use_choices(scheme: &Scheme, years: &[FinancialYear]) -> Vec<(String, String)> {
    let mut out = vec![("each_year".to_string(), "Each year".to_string())];
    let first = scheme
        .spend
        .0
        .keys()
        .next()
        .copied()
        .into_iter()
        .chain(years.first().copied())
        .min();
    let last = years.last().and_then(|y| y.plus(5));
    if let (Some(first), Some(last)) = (first, last) {
        let mut y = first;
        while y <= last {
            out.push((y.to_string(), y.to_string()));
            match y.plus(1) {
                Some(n) => y = n,
                None => break,
            }
        }
    }
    if let InUse::Year(u) = scheme.in_use {
        if !out.iter().any(|(v, _)| *v == u.to_string()) {
            out.push((u.to_string(), u.to_string()));
        }
    }
    out
}

/// A scheme's rows: its settings and spend by year; when open, its funding by source (each
/// editable) and what it costs (borrowing, MRP, interest).
#[allow(clippy::too_many_arguments)]
fn scheme_rows(
    e: &Editor,
    scheme: &Scheme,
    line: Option<&LineReport>,
    years: &[FinancialYear],
    open: bool,
    toggle: Callback<String>,
    remove: Callback<String>,
) -> Html {
    let id = scheme.id.as_str();
    let name = scheme.name.as_str();
    let before: Decimal = scheme
        .spend
        .iter()
        .filter(|(y, _)| years.first().is_some_and(|f| y < f))
        .fold(Decimal::ZERO, |a, (_, v)| checked_add(a, v).unwrap_or(a));
    let in_use = match scheme.in_use {
        InUse::Year(y) => y.to_string(),
        InUse::EachYear => "each_year".into(),
    };
    let toggle_click = {
        let id = id.to_string();
        Callback::from(move |_: MouseEvent| toggle.emit(id.clone()))
    };
    let remove_click = {
        let id = id.to_string();
        Callback::from(move |_: MouseEvent| remove.emit(id.clone()))
    };
    let span = (years.len() + 6).to_string();
    let funding_row = |source: FundingSource| {
        let table: Option<&YearValues> = scheme.funding.table(source);
        html! {
            <tr class="cap-detail" data-source={source.key()}>
                <th scope="row" colspan="5" class="cap-sub">{ source.label() }</th>
                { for years.iter().map(|y| html! {
                    <td>{ e.cell(id, &format!("{}:{y}", source.key()), format!("{name}, {} {y} (£)", source.label().to_lowercase()), amount_text(table.and_then(|t| t.get(*y))), false) }</td>
                }) }
                <td></td>
            </tr>
        }
    };
    let figure_row = |label: &'static str,
                      key: &'static str,
                      f: fn(&capital::report::LineYear) -> Decimal| {
        html! {
            <tr class="cap-detail cap-figures" data-figure={key}>
                <th scope="row" colspan="5" class="cap-sub">{ label }</th>
                { for years.iter().map(|y| {
                    let v = line.and_then(|l| l.years.iter().find(|x| x.year == *y)).map(f).unwrap_or_default();
                    money_cell(v)
                }) }
                <td></td>
            </tr>
        }
    };
    html! {
        <tbody class="cap-scheme" data-scheme={id.to_string()}>
            <tr>
                <th scope="row" class="cap-scheme-name">
                    { e.cell(id, "name", format!("Name of scheme {name}"), name.to_string(), true) }
                    <SourceBadge source={Some(scheme.source.clone())} />
                    if !before.is_zero() {
                        <span class="cap-note">{ format!("{} spent before {}", format::millions(before), years.first().map(|y| y.to_string()).unwrap_or_default()) }</span>
                    }
                </th>
                <td>{ e.select(id, "category", format!("{name}: category"), Category::ALL.iter().map(|c| (c.key().to_string(), c.label().to_string())).collect(), scheme.category.key()) }</td>
                <td>{ e.select(id, "in_use", format!("{name}: comes into use"), in_use_choices(scheme, years), &in_use) }</td>
                <td>{ e.cell(id, "life_years", format!("{name}: asset life (years)"), scheme.life_years.to_string(), false) }</td>
                <td>{ e.select(id, "mrp_method", format!("{name}: MRP method"), MrpMethod::ALL.iter().map(|m| (m.key().to_string(), m.label().to_string())).collect(), scheme.mrp_method.key()) }</td>
                { for years.iter().map(|y| html! {
                    <td>{ e.cell(id, &format!("spend:{y}"), format!("{name}, spend {y} (£)"), amount_text(scheme.spend.get(*y)), false) }</td>
                }) }
                <td class="cap-actions">
                    <button type="button" class="btn btn-small" aria-expanded={open.to_string()} onclick={toggle_click}
                            aria-label={format!("Funding and costs of {name}")}>{ if open { "Hide funding" } else { "Funding…" } }</button>
                    <button type="button" class="btn btn-small" onclick={remove_click} aria-label={format!("Remove {name}")}>{ "Remove" }</button>
                </td>
            </tr>
            if open {
                <tr class="cap-detail"><td colspan={span} class="cap-sub-head">{ format!("How {name} is paid for: each source by year; borrowing is what the spend leaves.") }</td></tr>
                { for [FundingSource::CapitalGrant, FundingSource::CapitalReceipts, FundingSource::RevenueContribution, FundingSource::EarmarkedReserve].into_iter().map(funding_row) }
                { figure_row("Borrowing", "borrowing", |y| y.borrowing) }
                { figure_row("Minimum revenue provision", "mrp", |y| y.mrp) }
                { figure_row("Interest", "interest", |y| y.interest) }
            }
        </tbody>
    }
}

/// A read-only line: a register scheme (linked) or the existing debt.
fn linked_rows(line: &LineReport, years: &[FinancialYear]) -> Html {
    let (what, detail) = match line.kind {
        LineKind::Register => (
            "Collaboration register",
            format!(
                "The force's share, handed over {}; financed on its own line (collaborations), counted once here",
                line.in_use
            ),
        ),
        _ => (
            "Before the plan",
            format!(
                "Capital financing requirement {} at the start of the plan; MRP and interest as set below",
                format::millions(line.opening)
            ),
        ),
    };
    let spend = line.kind == LineKind::Register;
    html! {
        <tbody class="cap-linked" data-line={line.id.clone()}>
            <tr>
                <th scope="row" class="cap-scheme-name">
                    <span class="cap-linked-name">{ &line.name }</span>
                    <span class="cap-note">{ detail }</span>
                </th>
                <td colspan="4" class="cap-linked-kind">{ what }</td>
                { for years.iter().map(|y| {
                    let v = line.years.iter().find(|x| x.year == *y);
                    match v {
                        Some(v) if spend => money_cell(v.spend),
                        Some(v) => {
                            let cost = checked_add(v.mrp, v.interest).unwrap_or(v.mrp);
                            html! { <td class="num" data-value={cost.to_string()} title="MRP and interest">{ format::pounds(cost) }</td> }
                        }
                        None => html! { <td></td> },
                    }
                }) }
                <td></td>
            </tr>
        </tbody>
    }
}

/// The programme table: every scheme, the register's capital schemes, the existing debt
/// and the total spend by year.
fn programme_table(
    e: &Editor,
    p: Option<&CapitalProgramme>,
    r: &CapitalReport,
    years: &[FinancialYear],
    open: Option<&str>,
    toggle: Callback<String>,
    remove: Callback<String>,
) -> Html {
    let schemes = p.map(|p| p.schemes.as_slice()).unwrap_or_default();
    html! {
        <>
        <p class="hint" id="capital-programme-hint">{ "Spend by year (£) is editable, as is every scheme's name, category, year it comes into use, asset life and MRP method; Funding… shows how a scheme is paid for and what it costs. Changes are checked as you leave a field; Undo takes one back." }</p>
        <div class="table-scroll">
            <table class="data-table cap-programme" id="capital-programme" aria-describedby="capital-programme-hint">
                <caption class="visually-hidden">{ "The capital programme" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Scheme" }</th>
                        <th scope="col">{ "Category" }</th>
                        <th scope="col">{ "In use" }</th>
                        <th scope="col">{ "Life (years)" }</th>
                        <th scope="col">{ "MRP" }</th>
                        { for years.iter().map(|y| html! { <th scope="col" class="num">{ format!("Spend {y}") }</th> }) }
                        <th scope="col"><span class="visually-hidden">{ "Actions" }</span></th>
                    </tr>
                </thead>
                { for schemes.iter().map(|s| {
                    let line = r.lines.iter().find(|l| l.kind == LineKind::Scheme && l.id == s.id);
                    scheme_rows(e, s, line, years, open == Some(s.id.as_str()), toggle.clone(), remove.clone())
                }) }
                { for r.lines.iter().filter(|l| l.kind != LineKind::Scheme).map(|l| linked_rows(l, years)) }
                <tbody class="cap-total">
                    <tr>
                        <th scope="row" colspan="5">{ "Capital expenditure (every line)" }</th>
                        { for r.years.iter().map(|y| money_cell(y.capital_spend)) }
                        <td></td>
                    </tr>
                </tbody>
            </table>
        </div>
        </>
    }
}

/// The programme's own figures by year: the borrowing rate, the limits, receipts expected
/// and the existing debt's MRP and interest; with their sources.
fn settings(e: &Editor, p: Option<&CapitalProgramme>, years: &[FinancialYear]) -> Html {
    let empty = CapitalProgramme::default();
    let p = p.unwrap_or(&empty);
    let row = |key: &'static str,
               label: &'static str,
               pct: bool,
               table: &YearValues,
               source: &crate::model::Source| {
        html! {
            <tr data-setting={key}>
                <th scope="row">{ label }<SourceBadge source={Some(source.clone())} /></th>
                { for years.iter().map(|y| {
                    // A year without a rate of its own shows the rate it takes (docs/capital.md).
                    let rate = (pct && !table.0.is_empty()).then(|| p.rate(*y));
                    let value = match table.get(*y).or(rate) {
                        Some(v) if pct => display_value(v, FieldUnit::Percent),
                        v => amount_text(v),
                    };
                    html! { <td>{ e.cell("", &format!("{key}:{y}"), format!("{label} {y}"), value, false) }</td> }
                }) }
            </tr>
        }
    };
    html! {
        <>
        <p class="hint" id="capital-settings-hint">{ "A borrowing rate not set in a year takes the year before's (shown); a limit not set is not checked." }</p>
        <div class="table-scroll">
            <table class="data-table cap-settings" id="capital-settings" aria-describedby="capital-settings-hint">
                <caption class="visually-hidden">{ "The programme's rates and limits by year" }</caption>
                <thead>
                    <tr><th scope="col">{ "Setting" }</th>{ for years.iter().map(|y| html! { <th scope="col" class="num">{ y.to_string() }</th> }) }</tr>
                </thead>
                <tbody>
                    { row("borrowing_rate_pct", "Borrowing rate (%)", true, &p.borrowing_rate_pct.value, &p.borrowing_rate_pct.source) }
                    { row("operational_boundary", "Operational boundary (£)", false, &p.operational_boundary.value, &p.operational_boundary.source) }
                    { row("authorised_limit", "Authorised limit (£)", false, &p.authorised_limit.value, &p.authorised_limit.source) }
                    { row("receipts_expected", "Capital receipts expected (£)", false, &p.receipts.expected.value, &p.receipts.expected.source) }
                    { row("existing_mrp", "MRP on debt from before the plan (£)", false, &p.existing_debt.mrp.value, &p.existing_debt.mrp.source) }
                    { row("existing_interest", "Interest on debt from before the plan (£)", false, &p.existing_debt.interest.value, &p.existing_debt.interest.source) }
                </tbody>
            </table>
        </div>
        </>
    }
}

/// The file name every download of this screen starts with.
const STEM: &str = "capital";

/// The capital screen.
#[component]
pub fn Capital(props: &CapitalProps) -> Html {
    let ws = &props.ws;
    let d = &props.dispatch;
    let report = use_memo((ws.scenario.clone(), ws.projection.clone()), |(s, p)| {
        capital::report(s, p)
            .map(Rc::new)
            .map_err(|e| e.to_string())
    });
    let open = use_state(|| None::<String>);
    let last = use_state(|| Last(None));
    let refused = ws
        .notice
        .as_ref()
        .is_some_and(|n| n.place == Place::Capital && n.error);
    let send_edit = {
        let (d, s, b) = (d.clone(), ws.scenario.clone(), ws.baseline.clone());
        Callback::from(move |edit: CapitalEdit| {
            // The workspace's scenario now, not the one this screen was last given: that
            // may not have the edit just before this one yet (a slow machine, a quick
            // Tab), and the change sent carries the whole programme.
            send(&d, &on_screen(&s), b.capital_programme.as_ref(), &edit)
        })
    };
    let editor = Editor {
        send: send_edit.clone(),
        last,
        refused,
    };
    let toggle = {
        let open = open.clone();
        Callback::from(move |id: String| {
            open.set(if open.as_deref() == Some(id.as_str()) {
                None
            } else {
                Some(id)
            })
        })
    };
    let remove = send_edit.reform(CapitalEdit::Remove);
    let add = send_edit.reform(|_: MouseEvent| CapitalEdit::Add);
    let years = ws.scenario.horizon.year_list();
    let body = match &*report {
        Err(e) => {
            html! { <p class="load-error" role="alert">{ format!("The capital programme cannot be shown: {e}") }</p> }
        }
        Ok(r) => {
            let charts = [spend_chart(r), financing_chart(r)];
            let p = ws.scenario.capital_programme.as_ref();
            html! {
                <>
                    <section class="cap-body" aria-labelledby="capital-indicators-title">
                        <h3 id="capital-indicators-title">{ "Prudential indicators" }</h3>
                        { warnings(r) }
                        { indicators(r) }
                    </section>
                    <section class="cap-body" aria-labelledby="capital-programme-title">
                        <h3 id="capital-programme-title">{ "The programme" }</h3>
                        { notice_at(&ws.notice, Place::Capital, d) }
                        { programme_table(&editor, p, r, &years, open.as_deref(), toggle, remove) }
                        <div class="cap-add">
                            <button type="button" class="btn" id="capital-add" onclick={add}>{ "Add a scheme" }</button>
                            <span class="hint">{ "A new scheme is borrowed for until you say how else it is paid for (Funding…)." }</span>
                        </div>
                        <h3>{ "Rates and limits" }</h3>
                        { settings(&editor, p, &years) }
                    </section>
                    <section class="compare-charts cap-charts" id="charts" aria-label="Capital charts">
                        { for charts.iter().map(|c| html! {
                            <div class="chart-with-export">
                                { figure(c) }
                                <div class="chart-export-row">{ "Download: " }{ chart_exports(c, STEM, d) }</div>
                            </div>
                        }) }
                    </section>
                    { notice_at(&ws.notice, Place::Export, d) }
                </>
            }
        }
    };
    html! {
        <main class="workspace compare capital" id="capital">
            <section class="compare-body">
                <h2 id="capital-title">{ format!("Capital programme: {}", ws.scenario.name) }</h2>
                <p class="hint cap-intro">
                    { "What borrowing for buildings, vehicles, ICT and equipment costs the revenue budget: minimum revenue provision (MRP) from the year after an asset comes into use, by the statutory guidance's asset life method, and interest at the borrowing rate. The joint headquarters comes from the collaboration register and counts once. Every figure is the same as mtfp capital's (docs/capital.md)." }
                </p>
            </section>
            { body }
        </main>
    }
}
