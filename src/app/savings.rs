//! The savings register screen (in the module loaded on demand): each saving's delivery
//! and phasing, the confidence each status gives, and the gap planned and risk-adjusted
//! (docs/resilience.md). Every change is an action of the workspace's reducer.

use yew::prelude::*;

use super::field::SourceBadge;
use super::notice::notice_at;
use super::register_ui::{add_button, money, reg_input, reg_select, remove_button};
use super::state::{use_dispatch, Place, Workspace};
use crate::edit::register::{Reg, RowEdit};
use crate::format;
use crate::model::resilience::{self, ConfidenceFrom, Report};
use crate::model::scenario::{DeliveryStatus, SavingKind};
use crate::model::Source;

/// Props of [`SavingsScreen`] and the reserves screen.
#[derive(Properties, PartialEq)]
pub struct ScreenProps {
    /// The workspace: the scenario on screen, its projection and what was typed.
    pub ws: Workspace,
}

const STATUSES: [(&str, &str); 6] = [
    ("none", "Not assessed"),
    ("delivered", "Delivered"),
    ("on_track", "On track (green)"),
    ("at_risk", "At risk (amber)"),
    ("unlikely", "Unlikely (red)"),
    ("not_planned", "Not yet planned"),
];

const CATEGORIES: [(&str, &str); 6] = [
    ("workforce", "Workforce"),
    ("estates", "Estates"),
    ("collaboration", "Collaboration"),
    ("procurement", "Procurement"),
    ("income", "Income"),
    ("other", "Other"),
];

const KINDS: [(&str, &str); 2] = [("recurring", "Recurring"), ("one_off", "One-off")];

/// The report of the scenario on screen, worked out again only when it changes.
#[hook]
pub fn use_report(ws: &Workspace) -> std::rc::Rc<Result<Report, String>> {
    use_memo((ws.scenario.clone(), ws.projection.clone()), |(s, p)| {
        resilience::report(s, p).map_err(|e| e.to_string())
    })
}

fn figure(label: &str, value: String, exact: rust_decimal::Decimal, key: &'static str) -> Html {
    html! {
        <div class="reg-figure">
            <dt>{ label.to_string() }</dt>
            <dd data-figure={key} data-value={exact.to_string()}>{ value }</dd>
        </div>
    }
}

/// A saving's sources: its figures' and, when recorded, its status's.
fn sources(figures: &Source, status: Option<&Source>) -> Html {
    html! {
        <>
            <SourceBadge source={Some(figures.clone())} />
            if let Some(s) = status.filter(|s| !s.text.is_empty()) {
                { " " }<SourceBadge source={Some(s.clone())} />
            }
        </>
    }
}

/// The savings register.
#[component]
pub fn SavingsScreen(props: &ScreenProps) -> Html {
    let ws = &props.ws;
    let d = use_dispatch();
    let report = use_report(ws);
    let r = match report.as_ref() {
        Ok(r) => r,
        Err(e) => {
            return html! { <main class="workspace register"><p class="load-error" role="alert">{ format!("The register cannot be worked out: {e}") }</p></main> }
        }
    };
    let s = &ws.scenario;
    let sections = s.sections_or_none();
    let table = sections.confidence_table();
    let years = ws.projection.year_list();
    let last = years.last().copied();
    let sv = &r.savings;
    let planned = sv.planned_total().unwrap_or_default();
    let fin = sv.final_year();
    let (gap, gap_ra) = fin.map_or(Default::default(), |y| {
        (y.cumulative_gap, y.cumulative_gap_risk_adjusted)
    });
    let (st, st_ra) = fin.map_or(Default::default(), |y| {
        (y.structural_gap, y.structural_gap_risk_adjusted)
    });
    let last_text = last.map(|y| y.to_string()).unwrap_or_default();

    let delivery_rows = s.savings.iter().zip(&sv.savings).enumerate().map(|(i, (x, row))| {
        let id = x.id.clone();
        let name = x.name.clone();
        let collab = x.kind == SavingKind::Collaborations;
        let default = row
            .status
            .and_then(|st| table.of(st))
            .map_or("100".to_string(), |c| c.value.0.normalize().to_string());
        let status_source = sections.delivery_at(i).map(|d| &d.source);
        let confidence_note = match row.confidence_from {
            ConfidenceFrom::Own => "its own",
            ConfidenceFrom::Status => "the status's",
            ConfidenceFrom::NoStatus => "in full: no status",
        };
        html! {
            <tr data-saving={id.clone()}>
                <th scope="row">{ reg_input(ws, &d, Reg::SavingName(id.clone()), format!("Name of saving {name}"), false, None) }</th>
                <td>{ reg_input(ws, &d, Reg::SavingOwner(id.clone()), format!("{name}: owner"), false, Some("not recorded".into())) }</td>
                <td>{ reg_select(ws, &d, Reg::SavingCategory(id.clone()), format!("{name}: category"), &CATEGORIES, false) }</td>
                <td>
                    if collab {
                        <span class="reg-fixed">{ "Collaboration register" }</span>
                    } else {
                        { reg_select(ws, &d, Reg::SavingKind(id.clone()), format!("{name}: recurring or one-off"), &KINDS, false) }
                    }
                </td>
                <td>{ reg_select(ws, &d, Reg::SavingStatus(id.clone()), format!("{name}: delivery status"), &STATUSES, false) }</td>
                <td class="reg-confidence">
                    { reg_input(ws, &d, Reg::SavingConfidence(id.clone()), format!("{name}: delivery confidence, % (blank: the status's {default}%)"), true, Some(format!("{default}%"))) }
                    <span class="reg-note">{ confidence_note }</span>
                </td>
                { money(row.planned_total) }
                { money(row.at_risk_total) }
                <td class="reg-sources">{ sources(&x.source, status_source) }</td>
                <td>{ remove_button(ws, &d, format!("the saving {name}"), RowEdit::RemoveSaving(id)) }</td>
            </tr>
        }
    });

    let phasing_rows = s.savings.iter().zip(&sv.savings).map(|(x, row)| {
        let collab = x.kind == SavingKind::Collaborations;
        let name = x.name.clone();
        html! {
            <tr data-saving={x.id.clone()}>
                <th scope="row">{ name.clone() }</th>
                { for years.iter().map(|y| if collab {
                    html! { <td class="num reg-fixed">{ "register" }</td> }
                } else {
                    html! { <td>{ reg_input(ws, &d, Reg::SavingAmount(x.id.clone(), *y), format!("{name}: new saving from {y}, £"), true, None) }</td> }
                }) }
                { for row.years.last().map(|y| money(y.planned)) }
            </tr>
        }
    });

    let status_rows = DeliveryStatus::ALL.into_iter().map(|st| {
        let c = table.of(st);
        html! {
            <tr data-status={st.key()}>
                <th scope="row">{ st.label() }</th>
                <td>{ reg_input(ws, &d, Reg::StatusConfidence(st), format!("Confidence if {}, %", st.label().to_lowercase()), true, None) }</td>
                <td class="reg-basis">
                    <SourceBadge source={c.map(|c| c.source.clone())} />
                    { " " }{ c.map(|c| c.source.text.clone()).unwrap_or_default() }
                </td>
            </tr>
        }
    });

    type Row = (
        &'static str,
        &'static str,
        fn(&resilience::SavingsYear) -> rust_decimal::Decimal,
    );
    let gap_rows: [Row; 11] = [
        ("planned", "Savings as planned", |y| y.planned.total),
        ("at-risk", "At risk", |y| y.at_risk.total),
        ("risk-adjusted", "Risk-adjusted savings", |y| {
            y.risk_adjusted.total
        }),
        ("gap", "Annual gap, as planned", |y| y.gap),
        ("gap-ra", "Annual gap, risk-adjusted", |y| {
            y.gap_risk_adjusted
        }),
        (
            "structural",
            "Structural gap (before one-off savings and reserves)",
            |y| y.structural_gap,
        ),
        ("structural-ra", "Structural gap, risk-adjusted", |y| {
            y.structural_gap_risk_adjusted
        }),
        (
            "still",
            "Still to find (after one-off savings and reserves)",
            |y| y.still_to_find,
        ),
        ("still-ra", "Still to find, risk-adjusted", |y| {
            y.still_to_find_risk_adjusted
        }),
        ("cumulative", "Cumulative gap, as planned", |y| {
            y.cumulative_gap
        }),
        ("cumulative-ra", "Cumulative gap, risk-adjusted", |y| {
            y.cumulative_gap_risk_adjusted
        }),
    ];
    let callback = d.callback();
    html! {
        <main class="workspace register" id="savings">
            <section class="register-body" aria-labelledby="savings-title">
                <h2 id="savings-title">{ format!("Savings register: {}", s.name) }</h2>
                <p class="hint">{ "Each saving with its owner, delivery status and confidence. Risk-adjusted figures take each saving at its confidence; the plan (Edit) counts every saving in full. Figures in £ million; hover for the exact sum." }</p>
                <dl class="reg-figures">
                    { figure("Savings planned over the plan", format::millions_dp(planned, 2), planned, "planned") }
                    { figure("At risk at their confidence", format::millions_dp(sv.at_risk_total(), 2), sv.at_risk_total(), "at-risk") }
                    { figure("Cumulative gap, as planned", format::millions_dp(gap, 2), gap, "gap") }
                    { figure("Cumulative gap, risk-adjusted", format::millions_dp(gap_ra, 2), gap_ra, "gap-ra") }
                    { figure(&format!("Structural gap {last_text}, risk-adjusted"), format::millions_dp(st_ra, 2), st_ra, "structural-ra") }
                    { figure(&format!("Structural gap {last_text}, as planned"), format::millions_dp(st, 2), st, "structural") }
                </dl>
                { notice_at(&ws.notice, Place::Register, &callback) }
                <h3>{ "Delivery" }</h3>
                <div class="table-scroll">
                    <table class="data-table reg-table" id="savings-delivery">
                        <caption>{ "Who owns each saving, where its delivery stands, and what is at risk over the plan. A blank confidence takes its status's (below)." }</caption>
                        <thead><tr>
                            <th scope="col">{ "Saving" }</th><th scope="col">{ "Owner" }</th><th scope="col">{ "Category" }</th>
                            <th scope="col">{ "Kind" }</th><th scope="col">{ "Status" }</th><th scope="col">{ "Confidence %" }</th>
                            <th scope="col" class="num">{ "Planned, all years" }</th><th scope="col" class="num">{ "At risk" }</th>
                            <th scope="col">{ "Source" }</th><th scope="col"><span class="visually-hidden">{ "Remove" }</span></th>
                        </tr></thead>
                        <tbody>{ for delivery_rows }</tbody>
                    </table>
                </div>
                { add_button(ws, &d, "add-saving", "Add a saving", RowEdit::AddSaving) }
                <h3>{ "Phasing" }</h3>
                <div class="table-scroll">
                    <table class="data-table reg-table reg-years" id="savings-phasing">
                        <caption>{ "New savings by the year they start, £: a recurring saving counts from its year on, a one-off only in its year." }</caption>
                        <thead><tr>
                            <th scope="col">{ "Saving" }</th>
                            { for years.iter().map(|y| html! { <th scope="col" class="num">{ y.to_string() }</th> }) }
                            <th scope="col" class="num">{ format!("In {last_text}") }</th>
                        </tr></thead>
                        <tbody>{ for phasing_rows }</tbody>
                    </table>
                </div>
                <div class="reg-columns">
                    <div>
                        <h3>{ "Confidence by status" }</h3>
                        <table class="data-table reg-table" id="savings-confidence">
                            <caption>{ "The delivery confidence each status gives a saving with none of its own." }</caption>
                            <thead><tr><th scope="col">{ "Status" }</th><th scope="col">{ "Confidence %" }</th><th scope="col">{ "Basis" }</th></tr></thead>
                            <tbody>{ for status_rows }</tbody>
                        </table>
                    </div>
                    <div>
                        <h3>{ "The gap, planned and risk-adjusted" }</h3>
                        <div class="table-scroll">
                            <table class="data-table compare-table" id="savings-gap">
                                <caption>{ "£ million. Risk-adjusted: each saving at its confidence. Structural: before one-off savings and the planned use of reserves." }</caption>
                                <thead><tr><th scope="col">{ "Figure" }</th>{ for years.iter().map(|y| html! { <th scope="col">{ y.to_string() }</th> }) }</tr></thead>
                                <tbody>
                                    { for gap_rows.iter().map(|(key, label, f)| html! {
                                        <tr data-row={*key}>
                                            <th scope="row">{ *label }</th>
                                            { for sv.years.iter().map(|y| money(f(y))) }
                                        </tr>
                                    }) }
                                </tbody>
                            </table>
                        </div>
                    </div>
                </div>
            </section>
        </main>
    }
}
