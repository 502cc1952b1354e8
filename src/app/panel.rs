//! The assumption panel, grouped as a finance lead thinks: funding, precept, pay and
//! inflation, savings and reserves, plan horizon.

use yew::prelude::*;

use super::field::{NumberField, SourceBadge};
use super::state::{Action, Workspace};
use crate::edit::{self, Field};
use crate::model::FinancialYear;
use crate::model::Source;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub ws: Workspace,
    pub dispatch: Callback<Action>,
}

/// A DOM id for a field's input, stable across renders.
pub fn dom_id(field: &Field) -> String {
    field.key()
}

pub(super) fn field(ws: &Workspace, dispatch: &Callback<Action>, f: Field, compact: bool) -> Html {
    field_with_note(ws, dispatch, f, compact, None)
}

pub(super) fn field_with_note(
    ws: &Workspace,
    dispatch: &Callback<Action>,
    f: Field,
    compact: bool,
    note: Option<String>,
) -> Html {
    let spec = edit::spec(&ws.scenario, &f);
    let text = ws.text(&f);
    let error = ws.error(&f).map(AttrValue::from);
    let id = dom_id(&f);
    let on_input = {
        let d = dispatch.clone();
        Callback::from(move |t: String| d.emit(Action::Edit(f.clone(), t)))
    };
    let note = note.map(AttrValue::from);
    html! { <NumberField id={id} spec={spec} text={text} error={error} compact={compact} note={note} on_input={on_input} /> }
}

/// One row of a year grid: a label, its source, and a field per year (None: no input).
pub(super) struct Row {
    pub(super) label: String,
    pub(super) source: Option<Source>,
    pub(super) fields: Vec<Option<Field>>,
}

pub(super) fn year_grid(
    ws: &Workspace,
    dispatch: &Callback<Action>,
    caption: &str,
    years: &[FinancialYear],
    rows: Vec<Row>,
) -> Html {
    let span = years.len().max(1).to_string();
    html! {
        <div class="year-grid-scroll">
            <table class="year-grid">
                <caption class="visually-hidden">{ caption }</caption>
                <thead>
                    <tr>
                        { for years.iter().map(|y| html! { <th scope="col">{ y.to_string() }</th> }) }
                    </tr>
                </thead>
                { for rows.into_iter().map(|row| {
                    // Messages for this row's cells go beneath the row, each with the id the
                    // input's aria-describedby points at.
                    let errors: Vec<(String, String)> = row
                        .fields
                        .iter()
                        .flatten()
                        .filter_map(|f| ws.error(f).map(|e| (format!("{}-error", dom_id(f)), format!("{}: {e}", edit::spec(&ws.scenario, f).label))))
                        .collect();
                    html! {
                        <tbody class="grid-row">
                            <tr class="grid-label">
                                <th colspan={span.clone()} scope="colgroup">
                                    <span class="row-label">{ row.label.clone() }<SourceBadge source={row.source.clone()} /></span>
                                </th>
                            </tr>
                            <tr>
                                { for row.fields.into_iter().map(|f| html! {
                                    <td>{ match f { Some(f) => field(ws, dispatch, f, true), None => html! {} } }</td>
                                }) }
                            </tr>
                            if !errors.is_empty() {
                                <tr class="grid-errors">
                                    <td colspan={span.clone()}>
                                        { for errors.into_iter().map(|(id, msg)| html! { <span id={id} class="field-error" role="alert">{ msg }</span> }) }
                                    </td>
                                </tr>
                            }
                        </tbody>
                    }
                }) }
            </table>
        </div>
    }
}

pub(super) fn group(title: &str, open: bool, errors: usize, body: Html) -> Html {
    html! {
        <details class="group" open={open}>
            <summary>
                { title }
                if errors > 0 {
                    <span class="count-bad">{ format!("{errors} to fix") }</span>
                }
            </summary>
            <div class="group-body">{ body }</div>
        </details>
    }
}

pub(super) fn errors_in(ws: &Workspace, pred: impl Fn(&Field) -> bool) -> usize {
    ws.drafts
        .iter()
        .filter(|(f, d)| d.error.is_some() && pred(f))
        .count()
}

fn pay_group(ws: &Workspace, d: &Callback<Action>) -> Html {
    let s = &ws.scenario;
    let all_years = s.horizon.year_list();
    let later: Vec<FinancialYear> = all_years.iter().skip(1).copied().collect();
    let base_year = all_years.first().map(|y| y.to_string()).unwrap_or_default();
    let _ = (&later, &base_year);
    let a = &s.assumptions;
    // Pay and inflation
    let pay = year_grid(
        ws,
        d,
        "Pay awards and inflation by year, per cent",
        &all_years,
        vec![
            Row {
                label: "Officer pay award %".into(),
                source: Some(a.officer_pay_award_pct.source.clone()),
                fields: all_years
                    .iter()
                    .map(|y| Some(Field::OfficerPayAward(*y)))
                    .collect(),
            },
            Row {
                label: "Staff pay award %".into(),
                source: Some(a.staff_pay_award_pct.source.clone()),
                fields: all_years
                    .iter()
                    .map(|y| Some(Field::StaffPayAward(*y)))
                    .collect(),
            },
            Row {
                label: "Pay drift %".into(),
                source: Some(a.pay_drift_pct.source.clone()),
                fields: all_years
                    .iter()
                    .map(|y| Some(Field::PayDrift(*y)))
                    .collect(),
            },
            Row {
                label: "Non-pay inflation %".into(),
                source: Some(a.non_pay_inflation_pct.source.clone()),
                fields: all_years
                    .iter()
                    .map(|y| Some(Field::NonPayInflation(*y)))
                    .collect(),
            },
        ],
    );
    let pay_errors = errors_in(ws, |f| {
        matches!(
            f,
            Field::OfficerPayAward(_)
                | Field::StaffPayAward(_)
                | Field::PayDrift(_)
                | Field::NonPayInflation(_)
        )
    });

    group("Pay and inflation", true, pay_errors, pay)
}

fn precept_group(ws: &Workspace, d: &Callback<Action>) -> Html {
    let s = &ws.scenario;
    let all_years = s.horizon.year_list();
    let later: Vec<FinancialYear> = all_years.iter().skip(1).copied().collect();
    let base_year = all_years.first().map(|y| y.to_string()).unwrap_or_default();
    let _ = (&later, &base_year);
    // Precept
    let in_pct = edit::precept_in_percent(s);
    let set_gbp = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.emit(Action::PreceptInPercent(false)))
    };
    let set_pct = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.emit(Action::PreceptInPercent(true)))
    };
    let rise_row = Row {
        label: if in_pct {
            "Band D rise %".into()
        } else {
            "Band D rise £".into()
        },
        source: Some(if in_pct {
            s.precept.rise_pct.source.clone()
        } else {
            s.precept.rise_gbp.source.clone()
        }),
        fields: later
            .iter()
            .map(|y| {
                Some(if in_pct {
                    Field::PreceptRisePct(*y)
                } else {
                    Field::PreceptRiseGbp(*y)
                })
            })
            .collect(),
    };
    let growth_row = Row {
        label: "Tax base growth %".into(),
        source: Some(s.precept.tax_base_growth_pct.source.clone()),
        fields: later
            .iter()
            .map(|y| Some(Field::TaxBaseGrowth(*y)))
            .collect(),
    };
    let precept_warnings: Vec<String> = ws
        .projection
        .warnings
        .iter()
        .filter(|w| w.path.starts_with("precept"))
        .map(|w| match w.year {
            Some(y) => format!("{y}: {}", w.message),
            None => w.message.clone(),
        })
        .collect();
    let precept = html! {
        <>
            { field(ws, d, Field::BandD, false) }
            { field(ws, d, Field::TaxBase, false) }
            <div class="row-label">
                <span id="rise-unit-label">{ "Rise entered in" }</span>
                <div class="toggle" role="group" aria-labelledby="rise-unit-label">
                    <button type="button" aria-pressed={(!in_pct).to_string()} onclick={set_gbp}>{ "£ per Band D" }</button>
                    <button type="button" aria-pressed={in_pct.to_string()} onclick={set_pct}>{ "%" }</button>
                </div>
            </div>
            { year_grid(ws, d, "Precept rise and tax base growth by year", &later, vec![rise_row, growth_row]) }
            // A container that is always there: a list whose length changes, flattened into
            // this fragment, would make Yew rebuild every input above it (losing focus mid-typing).
            <div class="precept-warnings" role="status">
                { for precept_warnings.iter().map(|w| html! { <p class="warning" key={w.clone()}>{ w.clone() }</p> }) }
            </div>
        </>
    };
    let precept_errors = errors_in(ws, |f| {
        matches!(
            f,
            Field::BandD
                | Field::TaxBase
                | Field::PreceptRiseGbp(_)
                | Field::PreceptRisePct(_)
                | Field::TaxBaseGrowth(_)
        )
    });

    group("Precept", true, precept_errors, precept)
}

fn funding_group(ws: &Workspace, d: &Callback<Action>) -> Html {
    let s = &ws.scenario;
    let all_years = s.horizon.year_list();
    let later: Vec<FinancialYear> = all_years.iter().skip(1).copied().collect();
    let base_year = all_years.first().map(|y| y.to_string()).unwrap_or_default();
    let _ = (&later, &base_year);
    // Funding and grants
    let funding_rows: Vec<Row> = s
        .funding
        .iter()
        .filter(|l| edit::funding_has_growth(&l.driver))
        .map(|l| Row {
            label: format!("{} growth %", l.name),
            source: Some(l.source.clone()),
            fields: later
                .iter()
                .map(|y| Some(Field::FundingGrowth(l.id.clone(), *y)))
                .collect(),
        })
        .collect();
    let funding = html! {
        <>
            <p class="hint">{ format!("Amounts are for {base_year}, the plan's base year.") }</p>
            { for s.funding.iter().map(|l| field_with_note(ws, d, Field::FundingBase(l.id.clone()), false, Some(edit::funding_driver_text(&l.driver)))) }
            if !funding_rows.is_empty() {
                { year_grid(ws, d, "Grant growth by year, per cent", &later, funding_rows) }
            }
        </>
    };
    let funding_errors = errors_in(ws, |f| {
        matches!(f, Field::FundingBase(_) | Field::FundingGrowth(_, _))
    });

    group("Funding and grants", true, funding_errors, funding)
}

fn spending_group(ws: &Workspace, d: &Callback<Action>) -> Html {
    let s = &ws.scenario;
    let all_years = s.horizon.year_list();
    let later: Vec<FinancialYear> = all_years.iter().skip(1).copied().collect();
    let base_year = all_years.first().map(|y| y.to_string()).unwrap_or_default();
    let _ = (&later, &base_year);
    // Spending lines
    let spending = html! {
        <>
            <p class="hint">{ format!("Budgets for {base_year}; later years follow each line's driver.") }</p>
            { for s.expenditure.iter().map(|l| field_with_note(ws, d, Field::ExpenditureBase(l.id.clone()), false, Some(edit::expenditure_driver_text(&l.driver)))) }
        </>
    };
    let spending_errors = errors_in(ws, |f| matches!(f, Field::ExpenditureBase(_)));

    group("Spending lines", false, spending_errors, spending)
}

fn savings_group(ws: &Workspace, d: &Callback<Action>) -> Html {
    let s = &ws.scenario;
    let all_years = s.horizon.year_list();
    let later: Vec<FinancialYear> = all_years.iter().skip(1).copied().collect();
    let base_year = all_years.first().map(|y| y.to_string()).unwrap_or_default();
    let _ = (&later, &base_year);
    // Savings and reserves
    let saving_rows: Vec<Row> = s
        .savings
        .iter()
        .filter(|sv| sv.kind != crate::model::scenario::SavingKind::Collaborations)
        .map(|sv| Row {
            label: format!("{} £", sv.name),
            source: Some(sv.source.clone()),
            fields: all_years
                .iter()
                .map(|y| Some(Field::Saving(sv.id.clone(), *y)))
                .collect(),
        })
        .collect();
    let use_row = Row {
        label: "Planned use of general reserve £".into(),
        source: Some(s.reserves.planned_use_general.source.clone()),
        fields: all_years
            .iter()
            .map(|y| Some(Field::PlannedUseGeneral(*y)))
            .collect(),
    };
    let savings = html! {
        <>
            if !saving_rows.is_empty() {
                { year_grid(ws, d, "Identified savings by year, pounds", &all_years, saving_rows) }
            }
            { field(ws, d, Field::GeneralOpening, false) }
            { field(ws, d, Field::EarmarkedOpening, false) }
            { field(ws, d, Field::FloorPct, false) }
            { year_grid(ws, d, "Planned use of reserves by year, pounds", &all_years, vec![use_row]) }
        </>
    };
    let savings_errors = errors_in(ws, |f| {
        matches!(
            f,
            Field::Saving(_, _)
                | Field::GeneralOpening
                | Field::EarmarkedOpening
                | Field::FloorPct
                | Field::PlannedUseGeneral(_)
        )
    });

    group("Savings and reserves", false, savings_errors, savings)
}

fn horizon_group(ws: &Workspace, d: &Callback<Action>) -> Html {
    let s = &ws.scenario;
    let all_years = s.horizon.year_list();
    let later: Vec<FinancialYear> = all_years.iter().skip(1).copied().collect();
    let base_year = all_years.first().map(|y| y.to_string()).unwrap_or_default();
    let _ = (&later, &base_year);
    let horizon = html! {
        <>
            <p class="hint">{ format!("The plan starts in {base_year}. A longer plan starts its new years from the last year's rates and recruitment, which you can then change; a shorter one drops the later years' figures.") }</p>
            { field(ws, d, Field::HorizonYears, false) }
        </>
    };
    let horizon_errors = errors_in(ws, |f| matches!(f, Field::HorizonYears));

    group("Plan horizon", false, horizon_errors, horizon)
}

fn workforce_group(ws: &Workspace, d: &Callback<Action>) -> Html {
    super::panel_teams::workforce_group(ws, d, &ws.scenario.horizon.year_list())
}

fn collaborations_group(ws: &Workspace, d: &Callback<Action>) -> Html {
    super::panel_teams::collaborations_group(ws, d, &ws.scenario.horizon.year_list())
}

/// The part of the scenario a group shows: a group re-renders only when its part, the
/// plan's years or its own fields' drafts change, so a keystroke in one group leaves the
/// others' hundred-odd inputs alone.
#[derive(Clone, PartialEq)]
#[allow(clippy::large_enum_variant)] // a short-lived prop, built once per render per group
enum Part {
    Quick(
        crate::model::scenario::Assumptions,
        crate::model::scenario::Precept,
        Vec<crate::model::scenario::FundingLine>,
    ),
    Funding(Vec<crate::model::scenario::FundingLine>),
    Precept(
        crate::model::scenario::Precept,
        Vec<crate::model::engine::Warning>,
    ),
    Pay(crate::model::scenario::Assumptions),
    Workforce(Option<crate::model::workforce::WorkforcePlan>),
    Collaborations(Option<crate::model::collab::CollaborationRegister>),
    Savings(
        Vec<crate::model::scenario::Saving>,
        crate::model::scenario::Reserves,
    ),
    Spending(Vec<crate::model::scenario::ExpenditureLine>),
    Horizon,
}

/// How a group is drawn.
type GroupView = fn(&Workspace, &Callback<Action>) -> Html;
/// A group: its part of the scenario, which fields are its own, and how it is drawn.
type GroupSpec = (Part, fn(&Field) -> bool, GroupView);

#[derive(Properties)]
struct GroupProps {
    part: Part,
    horizon: crate::model::scenario::Horizon,
    drafts: Vec<(Field, crate::store::session::Draft)>,
    ws: Workspace,
    dispatch: Callback<Action>,
    view: GroupView,
}

impl PartialEq for GroupProps {
    fn eq(&self, other: &Self) -> bool {
        // `ws` is deliberately left out: everything the group shows from it is in `part`,
        // `horizon` and `drafts`. `view` too: the part's variant already says which group.
        self.part == other.part && self.horizon == other.horizon && self.drafts == other.drafts
    }
}

#[component]
fn Group(props: &GroupProps) -> Html {
    (props.view)(&props.ws, &props.dispatch)
}

#[component]
pub fn AssumptionPanel(props: &PanelProps) -> Html {
    let ws = &props.ws;
    let d = &props.dispatch;
    let s = &ws.scenario;
    let drafts = |pred: fn(&Field) -> bool| -> Vec<(Field, crate::store::session::Draft)> {
        ws.drafts
            .iter()
            .filter(|(f, _)| pred(f))
            .map(|(f, dr)| (f.clone(), dr.clone()))
            .collect()
    };
    let precept_warnings: Vec<crate::model::engine::Warning> = ws
        .projection
        .warnings
        .iter()
        .filter(|w| w.path.starts_with("precept"))
        .cloned()
        .collect();
    let groups: Vec<GroupSpec> = vec![
        (
            Part::Quick(s.assumptions.clone(), s.precept.clone(), s.funding.clone()),
            |f| {
                matches!(
                    f,
                    Field::PayAwardsFrom(_) | Field::PreceptRiseFrom(_) | Field::GrantGrowthFrom(_)
                )
            },
            super::quick::quick_group,
        ),
        (
            Part::Funding(s.funding.clone()),
            |f| matches!(f, Field::FundingBase(_) | Field::FundingGrowth(_, _)),
            funding_group,
        ),
        (
            Part::Precept(s.precept.clone(), precept_warnings),
            |f| {
                matches!(
                    f,
                    Field::BandD
                        | Field::TaxBase
                        | Field::PreceptRiseGbp(_)
                        | Field::PreceptRisePct(_)
                        | Field::TaxBaseGrowth(_)
                )
            },
            precept_group,
        ),
        (
            Part::Pay(s.assumptions.clone()),
            |f| {
                matches!(
                    f,
                    Field::OfficerPayAward(_)
                        | Field::StaffPayAward(_)
                        | Field::PayDrift(_)
                        | Field::NonPayInflation(_)
                )
            },
            pay_group,
        ),
        (
            Part::Workforce(s.workforce.clone()),
            |f| {
                matches!(
                    f,
                    Field::Attrition(_) | Field::Intake(_, _) | Field::UpliftTarget(_)
                )
            },
            workforce_group,
        ),
        (
            Part::Collaborations(s.collaborations.clone()),
            |f| {
                matches!(
                    f,
                    Field::CollabCost(_, _) | Field::CapitalShare(_, _) | Field::CapitalInterest(_)
                )
            },
            collaborations_group,
        ),
        (
            Part::Savings(s.savings.clone(), s.reserves.clone()),
            |f| {
                matches!(
                    f,
                    Field::Saving(_, _)
                        | Field::GeneralOpening
                        | Field::EarmarkedOpening
                        | Field::FloorPct
                        | Field::PlannedUseGeneral(_)
                )
            },
            savings_group,
        ),
        (
            Part::Spending(s.expenditure.clone()),
            |f| matches!(f, Field::ExpenditureBase(_)),
            spending_group,
        ),
        (
            Part::Horizon,
            |f| matches!(f, Field::HorizonYears),
            horizon_group,
        ),
    ];
    html! {
        <aside id="assumptions" aria-labelledby="assumptions-title">
            <h2 id="assumptions-title">{ "Assumptions" }</h2>
            <p class="panel-note">{ "Every figure recalculates the plan as you type. Badges show each default's source; hover for the citation." }</p>
            { for groups.into_iter().map(|(part, pred, view)| html! {
                <Group part={part} horizon={s.horizon} drafts={drafts(pred)} ws={ws.clone()} dispatch={d.clone()} view={view} />
            }) }
        </aside>
    }
}
