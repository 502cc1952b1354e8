//! The panel's building blocks: a labelled field, a grid of fields by year, a collapsible
//! group.

use yew::prelude::*;

use super::dom_id;
use crate::app::field::{NumberField, SourceBadge};
use crate::app::state::{Action, Workspace};
use crate::edit::{self, Field, FieldGroup, FieldUnit};
use crate::model::registry::Assumption;
use crate::model::FinancialYear;
use crate::model::Source;

pub(in crate::app) fn field(
    ws: &Workspace,
    dispatch: &Callback<Action>,
    f: Field,
    compact: bool,
) -> Html {
    field_with_note(ws, dispatch, f, compact, None)
}

pub(in crate::app) fn field_with_note(
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
pub(in crate::app) struct Row {
    pub(in crate::app) label: String,
    pub(in crate::app) source: Option<Source>,
    pub(in crate::app) fields: Vec<Option<Field>>,
}

impl Row {
    /// A row for a registry assumption: its label (with its unit, for £ and %), source and
    /// a field for each of `years` it applies to.
    pub(in crate::app) fn assumption(
        s: &crate::model::Scenario,
        a: Assumption,
        years: &[FinancialYear],
    ) -> Row {
        let label = a.label(s);
        let unit = a.def().unit;
        let label = match unit {
            FieldUnit::Pounds | FieldUnit::Percent => format!("{label} {}", unit.label()),
            _ => label,
        };
        let applies = a.years(s);
        Row {
            label,
            source: a.source(s).cloned(),
            fields: years
                .iter()
                .map(|y| {
                    applies
                        .contains(y)
                        .then(|| Field::Assumption(a.clone(), Some(*y)))
                })
                .collect(),
        }
    }
}

pub(in crate::app) fn year_grid(
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

pub(in crate::app) fn group(title: &str, open: bool, errors: usize, body: Html) -> Html {
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

pub(in crate::app) fn errors_in(ws: &Workspace, group: FieldGroup) -> usize {
    ws.drafts
        .iter()
        .filter(|(f, d)| d.error.is_some() && f.group() == group)
        .count()
}
