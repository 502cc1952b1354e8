//! The panel's groups, one function each.

use yew::prelude::*;

use super::widgets::{errors_in, field, field_with_note, group, year_grid, Row};
use crate::app::state::{Action, Workspace};
use crate::edit::{self, Field, FieldGroup};
use crate::model::FinancialYear;

/// The plan's years after its base year (the years a rise or growth rate applies to).
fn later_years(s: &crate::model::Scenario) -> Vec<FinancialYear> {
    s.horizon.year_list().into_iter().skip(1).collect()
}

pub(super) fn pay_group(ws: &Workspace, d: &Callback<Action>) -> Html {
    let s = &ws.scenario;
    let all_years = s.horizon.year_list();
    let a = &s.assumptions;
    // Pay and inflation
    let pay = year_grid(
        ws,
        d,
        "Pay awards and inflation by year, per cent",
        &all_years,
        vec![
            Row::by_year(
                "Officer pay award %",
                Some(a.officer_pay_award_pct.source.clone()),
                &all_years,
                Field::OfficerPayAward,
            ),
            Row::by_year(
                "Staff pay award %",
                Some(a.staff_pay_award_pct.source.clone()),
                &all_years,
                Field::StaffPayAward,
            ),
            Row::by_year(
                "Pay drift %",
                Some(a.pay_drift_pct.source.clone()),
                &all_years,
                Field::PayDrift,
            ),
            Row::by_year(
                "Non-pay inflation %",
                Some(a.non_pay_inflation_pct.source.clone()),
                &all_years,
                Field::NonPayInflation,
            ),
        ],
    );
    let pay_errors = errors_in(ws, FieldGroup::Pay);

    group("Pay and inflation", true, pay_errors, pay)
}

pub(super) fn precept_group(ws: &Workspace, d: &Callback<Action>) -> Html {
    let s = &ws.scenario;
    let later = later_years(s);
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
    let rise_row = if in_pct {
        let source = Some(s.precept.rise_pct.source.clone());
        Row::by_year("Band D rise %", source, &later, Field::PreceptRisePct)
    } else {
        let source = Some(s.precept.rise_gbp.source.clone());
        Row::by_year("Band D rise £", source, &later, Field::PreceptRiseGbp)
    };
    let growth_row = Row::by_year(
        "Tax base growth %",
        Some(s.precept.tax_base_growth_pct.source.clone()),
        &later,
        Field::TaxBaseGrowth,
    );
    let precept_warnings: Vec<String> = super::precept_warnings(ws)
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
    let precept_errors = errors_in(ws, FieldGroup::Precept);

    group("Precept", true, precept_errors, precept)
}

pub(super) fn funding_group(ws: &Workspace, d: &Callback<Action>) -> Html {
    let s = &ws.scenario;
    let later = later_years(s);
    let base_year = s.horizon.base_year;
    // Funding and grants
    let funding_rows: Vec<Row> = s
        .funding
        .iter()
        .filter(|l| edit::funding_has_growth(&l.driver))
        .map(|l| {
            Row::by_year(
                format!("{} growth %", l.name),
                Some(l.source.clone()),
                &later,
                |y| Field::FundingGrowth(l.id.clone(), y),
            )
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
    let funding_errors = errors_in(ws, FieldGroup::Funding);

    group("Funding and grants", true, funding_errors, funding)
}

pub(super) fn spending_group(ws: &Workspace, d: &Callback<Action>) -> Html {
    let s = &ws.scenario;
    let base_year = s.horizon.base_year;
    // Spending lines
    let spending = html! {
        <>
            <p class="hint">{ format!("Budgets for {base_year}; later years follow each line's driver.") }</p>
            { for s.expenditure.iter().map(|l| field_with_note(ws, d, Field::ExpenditureBase(l.id.clone()), false, Some(edit::expenditure_driver_text(&l.driver)))) }
        </>
    };
    let spending_errors = errors_in(ws, FieldGroup::Spending);

    group("Spending lines", false, spending_errors, spending)
}

pub(super) fn savings_group(ws: &Workspace, d: &Callback<Action>) -> Html {
    let s = &ws.scenario;
    let all_years = s.horizon.year_list();
    // Savings and reserves
    let saving_rows: Vec<Row> = s
        .savings
        .iter()
        .filter(|sv| sv.kind != crate::model::scenario::SavingKind::Collaborations)
        .map(|sv| {
            Row::by_year(
                format!("{} £", sv.name),
                Some(sv.source.clone()),
                &all_years,
                |y| Field::Saving(sv.id.clone(), y),
            )
        })
        .collect();
    let use_row = Row::by_year(
        "Planned use of general reserve £",
        Some(s.reserves.planned_use_general.source.clone()),
        &all_years,
        Field::PlannedUseGeneral,
    );
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
