//! The panel's groups, one function each. Rows and fields are registry assumptions, so
//! their labels, units, ranges and sources are the registry's.

use yew::prelude::*;

use super::widgets::{errors_in, field, field_with_note, group, year_grid, Row};
use crate::app::state::{Action, Workspace};
use crate::edit::{self, Field, FieldGroup};
use crate::model::registry::{self, Assumption, Kind, Target};

/// The scenario's assumptions of `kind`.
fn of_kind(s: &crate::model::Scenario, kind: Kind) -> Vec<Assumption> {
    registry::assumptions(s)
        .into_iter()
        .filter(|a| a.kind == kind)
        .collect()
}

pub(super) fn pay_group(ws: &Workspace, d: &Callback<Action>) -> Html {
    let s = &ws.scenario;
    let all_years = s.horizon.year_list();
    let rows = [
        Kind::OfficerPayAward,
        Kind::StaffPayAward,
        Kind::PayDrift,
        Kind::NonPayInflation,
    ]
    .into_iter()
    .map(|k| Row::assumption(s, Assumption::plan(k), &all_years))
    .collect();
    let pay = year_grid(
        ws,
        d,
        "Pay awards and inflation by year, per cent",
        &all_years,
        rows,
    );
    let pay_errors = errors_in(ws, FieldGroup::Pay);

    group("Pay and inflation", true, pay_errors, pay)
}

pub(super) fn precept_group(ws: &Workspace, d: &Callback<Action>) -> Html {
    let s = &ws.scenario;
    let years = s.horizon.year_list();
    let later: Vec<_> = years.iter().skip(1).copied().collect();
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
    let rise = if in_pct {
        Kind::BandDRisePct
    } else {
        Kind::BandDRiseGbp
    };
    let rise_row = Row::assumption(s, Assumption::plan(rise), &later);
    let growth_row = Row::assumption(s, Assumption::plan(Kind::TaxBaseGrowth), &later);
    let precept_warnings: Vec<String> = super::precept_warnings(ws)
        .map(|w| match w.year {
            Some(y) => format!("{y}: {}", w.message),
            None => w.message.clone(),
        })
        .collect();
    let precept = html! {
        <>
            { field(ws, d, Field::single(Kind::BandD), false) }
            { field(ws, d, Field::single(Kind::TaxBase), false) }
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
    let precept_errors = errors_in(ws, FieldGroup::Precept);

    group("Precept", true, precept_errors, precept)
}

pub(super) fn funding_group(ws: &Workspace, d: &Callback<Action>) -> Html {
    let s = &ws.scenario;
    let later: Vec<_> = s.horizon.year_list().into_iter().skip(1).collect();
    let base_year = s.horizon.base_year;
    let growth_rows: Vec<Row> = of_kind(s, Kind::FundingGrowth)
        .into_iter()
        .map(|a| Row::assumption(s, a, &later))
        .collect();
    let funding = html! {
        <>
            <p class="hint">{ format!("Amounts are for {base_year}, the plan's base year.") }</p>
            { for s.funding.iter().map(|l| field_with_note(ws, d, Field::of(Kind::FundingBase, Target::Funding(l.id.clone()), None), false, Some(edit::funding_driver_text(&l.driver)))) }
            if !growth_rows.is_empty() {
                { year_grid(ws, d, "Grant growth by year, per cent", &later, growth_rows) }
            }
        </>
    };
    let funding_errors = errors_in(ws, FieldGroup::Funding);

    group("Funding and grants", true, funding_errors, funding)
}

pub(super) fn spending_group(ws: &Workspace, d: &Callback<Action>) -> Html {
    let s = &ws.scenario;
    let base_year = s.horizon.base_year;
    let spending = html! {
        <>
            <p class="hint">{ format!("Budgets for {base_year}; later years follow each line's driver.") }</p>
            { for s.expenditure.iter().map(|l| field_with_note(ws, d, Field::of(Kind::ExpenditureBase, Target::Expenditure(l.id.clone()), None), false, Some(edit::expenditure_driver_text(&l.driver)))) }
        </>
    };
    let spending_errors = errors_in(ws, FieldGroup::Spending);

    group("Spending lines", false, spending_errors, spending)
}

pub(super) fn savings_group(ws: &Workspace, d: &Callback<Action>) -> Html {
    let s = &ws.scenario;
    let all_years = s.horizon.year_list();
    let saving_rows: Vec<Row> = of_kind(s, Kind::Saving)
        .into_iter()
        .map(|a| Row::assumption(s, a, &all_years))
        .collect();
    let use_row = Row::assumption(s, Assumption::plan(Kind::PlannedUseGeneral), &all_years);
    let savings = html! {
        <>
            if !saving_rows.is_empty() {
                { year_grid(ws, d, "Identified savings by year, pounds", &all_years, saving_rows) }
            }
            { field(ws, d, Field::single(Kind::GeneralReserve), false) }
            { field(ws, d, Field::single(Kind::EarmarkedReserves), false) }
            { field(ws, d, Field::single(Kind::ReserveFloor), false) }
            { year_grid(ws, d, "Planned use of reserves by year, pounds", &all_years, vec![use_row]) }
        </>
    };
    let savings_errors = errors_in(ws, FieldGroup::Savings);

    group("Savings and reserves", false, savings_errors, savings)
}

pub(super) fn horizon_group(ws: &Workspace, d: &Callback<Action>) -> Html {
    let base_year = ws.scenario.horizon.base_year;
    let horizon = html! {
        <>
            <p class="hint">{ format!("The plan starts in {base_year}. A longer plan starts its new years from the last year's rates and recruitment, which you can then change; a shorter one drops the later years' figures.") }</p>
            { field(ws, d, Field::HorizonYears, false) }
        </>
    };
    let horizon_errors = errors_in(ws, FieldGroup::Horizon);

    group("Plan horizon", false, horizon_errors, horizon)
}

pub(super) fn workforce_group(ws: &Workspace, d: &Callback<Action>) -> Html {
    crate::app::panel_teams::workforce_group(ws, d, &ws.scenario.horizon.year_list())
}

pub(super) fn collaborations_group(ws: &Workspace, d: &Callback<Action>) -> Html {
    crate::app::panel_teams::collaborations_group(ws, d, &ws.scenario.horizon.year_list())
}
