//! Controls the savings and reserves screens share (in the module loaded on demand): an
//! input or a choice bound to a register field, sent through the workspace's dispatcher
//! (so each change is the workspace reducer's: undo, validation, autosave); money cells;
//! red/amber/green readings.

use rust_decimal::Decimal;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::remote::on_screen;
use super::state::{Action, Dispatch, Notice, Place, Workspace};
use super::typed::Typed;
use crate::edit::register::{self, Reg, RowEdit};
use crate::edit::Field;
use crate::format;
use crate::model::resilience::{Rag, Reading};
use crate::model::scenario::strategy::Indicator;
use crate::store::session::Edited;

/// What was typed into `r` and not used (and why), else how `r` reads in the scenario.
fn shown(ws: &Workspace, r: &Reg) -> (String, Option<String>) {
    match ws.drafts.get(&Field::Screen(r.key())) {
        Some(d) => (d.text.clone(), d.error.clone()),
        None => (register::text(&ws.scenario, r), None),
    }
}

/// The action for `text` typed into `r` (or chosen): the scenario changed, for the
/// workspace to check, log and keep; or the text and why it cannot be used. Worked out on
/// the workspace's scenario as it is now, not this screen's copy, which may not have the
/// change before it yet ([`on_screen`]).
fn edit_action(ws: &Workspace, r: &Reg, text: String) -> Action {
    let s = &on_screen(&ws.scenario);
    match register::apply(s, r, &text) {
        Ok(changed) => {
            let to = register::text(&changed, r);
            Action::Change(Box::new(Edited {
                what: register::spec(s, r).label,
                from: register::text(s, r),
                to,
                scenario: changed,
                field: Some((r.key(), text)),
            }))
        }
        Err(e) => Action::Draft(r.key(), text, e),
    }
}

/// The action for adding or removing a row: the scenario changed (the workspace's as it is
/// now: [`on_screen`]), or a message at the register.
pub fn row_action(ws: &Workspace, op: &RowEdit) -> Action {
    match register::rows(&on_screen(&ws.scenario), op) {
        Ok((scenario, label)) => Action::Change(Box::new(Edited {
            scenario,
            what: "Savings and reserves".into(),
            from: String::new(),
            to: label,
            field: None,
        })),
        Err(text) => Action::Notify(Notice {
            place: Place::Register,
            error: true,
            text,
        }),
    }
}

/// An input for register field `r` in a table cell, labelled `label` for screen readers;
/// the message beside it when what was typed cannot be used. `number` right-aligns it for
/// figures; `placeholder` shows what an empty input means.
pub fn reg_input(
    ws: &Workspace,
    d: &Dispatch,
    r: Reg,
    label: String,
    number: bool,
    placeholder: Option<String>,
) -> Html {
    let id = r.key();
    let (text, error) = shown(ws, &r);
    let error_id = format!("{id}-error");
    let on_input = {
        let (d, ws) = (d.clone(), ws.clone());
        Callback::from(move |text: String| d.emit(edit_action(&ws, &r, text)))
    };
    let on_blur = d.reform(|()| Action::Seal);
    let class = match (number, error.is_some()) {
        (true, false) => "reg-input reg-number",
        (true, true) => "reg-input reg-number reg-invalid",
        (false, false) => "reg-input",
        (false, true) => "reg-input reg-invalid",
    };
    let described_by = error.is_some().then(|| AttrValue::from(error_id.clone()));
    html! {
        <div class="reg-cell">
            <Typed {id} {class} inputmode={if number { "decimal" } else { "text" }}
                value={text} {label} invalid={error.is_some()} {described_by}
                placeholder={placeholder.map(AttrValue::from)}
                on_input={Some(on_input)} on_blur={Some(on_blur)} />
            if let Some(e) = error {
                <span id={error_id} class="field-error" role="alert">{ e }</span>
            }
        </div>
    }
}

/// A choice for register field `r`: `options` are (key, label); `disabled` when it cannot
/// be changed.
pub fn reg_select(
    ws: &Workspace,
    d: &Dispatch,
    r: Reg,
    label: String,
    options: &[(&'static str, &'static str)],
    disabled: bool,
) -> Html {
    let id = r.key();
    let current = register::text(&ws.scenario, &r);
    let onchange = {
        let (d, ws) = (d.clone(), ws.clone());
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            d.emit(edit_action(&ws, &r, select.value()));
        })
    };
    html! {
        <select {id} class="reg-select" aria-label={label} {disabled} {onchange}>
            { for options.iter().map(|(key, text)| html! {
                <option value={*key} selected={current == *key}>{ *text }</option>
            }) }
        </select>
    }
}

/// A money cell: £ million to two places, the exact figure on hover and in `data-value`.
pub fn money(v: Decimal) -> Html {
    html! {
        <td class="num" data-value={v.to_string()} title={format::pounds(v)}>{ format::millions_dp(v, 2) }</td>
    }
}

/// The class of a reading.
pub fn rag_class(rag: Rag) -> &'static str {
    match rag {
        Rag::Red => "rag rag-red",
        Rag::Amber => "rag rag-amber",
        Rag::Green => "rag rag-green",
        Rag::None => "rag",
    }
}

/// The word for a reading (never colour alone).
pub fn rag_word(rag: Rag) -> &'static str {
    match rag {
        Rag::Red => "Red",
        Rag::Amber => "Amber",
        Rag::Green => "Green",
        Rag::None => "",
    }
}

/// An indicator's figure as read: years to one place, percentages to one place; "not
/// drawn" for reserves not drawn, "—" where there is no figure.
pub fn reading_text(i: Indicator, r: &Reading) -> String {
    match (r.value, i) {
        (Some(v), Indicator::YearsLeft) => format!("{} yrs", format::count(v, 1)),
        (Some(v), _) => format::percent(v, 1),
        (None, Indicator::YearsLeft) if r.rag == Rag::Green => "not drawn".into(),
        (None, _) => "—".into(),
    }
}

/// A reading as a table cell: its figure and its word, coloured.
pub fn reading_cell(i: Indicator, r: &Reading) -> Html {
    let value = r.value.map(|v| v.to_string()).unwrap_or_default();
    html! {
        <td class="num" data-value={value} data-rag={r.rag.key()}>
            { reading_text(i, r) }
            if r.rag != Rag::None {
                { " " }<span class={rag_class(r.rag)}>{ rag_word(r.rag) }</span>
            }
        </td>
    }
}

/// A button that adds a row.
pub fn add_button(
    ws: &Workspace,
    d: &Dispatch,
    id: &'static str,
    label: &'static str,
    op: RowEdit,
) -> Html {
    let ws = ws.clone();
    let onclick = d.reform(move |_: MouseEvent| row_action(&ws, &op));
    html! { <div><button type="button" class="btn" {id} {onclick}>{ label }</button></div> }
}

/// A remove button for a row, named for screen readers.
pub fn remove_button(ws: &Workspace, d: &Dispatch, what: String, op: RowEdit) -> Html {
    let ws = ws.clone();
    let onclick = d.reform(move |_: MouseEvent| row_action(&ws, &op));
    html! {
        <button type="button" class="btn btn-small reg-remove" aria-label={format!("Remove {what}")} title={format!("Remove {what}")} {onclick}>{ "Remove" }</button>
    }
}
