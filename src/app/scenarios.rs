//! The scenario bar: which scenario is on screen, create, duplicate, rename, describe and
//! delete, undo and redo, the edit/compare switch, import/export, share, and the saved
//! work menu (backup, restore, storage in use). Undo and redo are also on the keyboard
//! everywhere ([`super::shortcuts`]).

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::controls::{button, option};

use std::rc::Rc;

use super::io_menu::LazyMenu;
use super::notice::notice_at;
use super::scenario_about;
use super::state::{use_dispatch, Action, Place, View, WorkspaceContext};
use crate::store::remote::Screen;
use crate::store::Selected;

/// Props of [`ScenarioSelect`].
#[derive(Properties, PartialEq)]
struct ScenarioSelectProps {
    /// The baseline's name.
    baseline: AttrValue,
    /// Every named scenario and its name, in order.
    options: Rc<Vec<(Selected, String)>>,
    /// The one on screen.
    current: Selected,
}

/// Which scenario is on screen. A component of its own, redrawn only when a name or the
/// choice changes: with a thousand scenarios, a keystroke never rebuilds its list.
#[component]
fn ScenarioSelect(props: &ScenarioSelectProps) -> Html {
    let d = use_dispatch();
    let on_select = d.reform(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        Action::Select(Selected::from_key(&select.value()).unwrap_or(Selected::Baseline))
    });
    let current = props.current;
    html! {
        <select id="scenario-select" onchange={on_select}>
            { option("baseline".into(), current == Selected::Baseline, format!("{} · read-only", props.baseline).into()) }
            { for props.options.iter().map(|(sel, name)| option(sel.key().into(), current == *sel, name.clone().into())) }
        </select>
    }
}

/// The scenario bar: it shows most of the workspace, so it reads it from the context.
#[component]
pub fn ScenarioBar() -> Html {
    let Some(ws) = use_context::<WorkspaceContext>() else {
        return html! {};
    };
    let d = use_dispatch();
    let current = ws.current();
    let c = ws.collection();
    let h = ws.history();
    let names: Vec<(Selected, String)> = c
        .entries()
        .iter()
        .map(|e| (Selected::Scenario(e.id), e.name.clone()))
        .collect();
    let options = use_memo(names, Clone::clone);
    let named = matches!(current, Selected::Scenario(_));
    let undo_title = h
        .undo_label()
        .map(|l| format!("Undo: {l} (Ctrl+Z)"))
        .unwrap_or_else(|| "Nothing to undo".into());
    let redo_title = h
        .redo_label()
        .map(|l| format!("Redo: {l} (Ctrl+Shift+Z)"))
        .unwrap_or_else(|| "Nothing to redo".into());
    let (can_undo, can_redo) = (h.undo_label().is_some(), h.redo_label().is_some());
    let view_button = |view: View, label: &'static str| {
        let pressed = ws.view == view;
        html! {
            <button type="button" class="btn" aria-pressed={pressed.to_string()} id={format!("view-{}", label.to_lowercase())}
                    onclick={d.reform(move |_: MouseEvent| Action::Show(view))}>{ label }</button>
        }
    };
    let log = match current {
        Selected::Scenario(id) => c.get(id).map(|e| e.log()),
        Selected::Baseline => None,
    };
    let callback = d.callback();
    html! {
        <section class="scenario-bar" aria-label="Scenarios">
            <div class="scenario-row">
                <label for="scenario-select" class="bar-label">{ "Scenario" }</label>
                <ScenarioSelect baseline={AttrValue::from(ws.baseline.name.clone())} {options} {current} />
                { button("btn", Some("scenario-new"), false, "New from baseline", d.reform(|_: MouseEvent| Action::NewFromBaseline)) }
                { button("btn", Some("scenario-duplicate"), false, "Duplicate", d.reform(|_: MouseEvent| Action::Duplicate)) }
                <button type="button" class="btn" id="scenario-delete" disabled={!named} onclick={d.reform(|_: MouseEvent| Action::Delete)}
                        title={if named { "Delete this scenario (undo brings it back)" } else { "The baseline cannot be deleted" }}>{ "Delete" }</button>
                <span class="bar-sep" aria-hidden="true"></span>
                <button type="button" class="btn" id="undo" disabled={!can_undo} title={undo_title.clone()} aria-label={undo_title}
                        onclick={d.reform(|_: MouseEvent| Action::Undo)}>{ "↶ Undo" }</button>
                <button type="button" class="btn" id="redo" disabled={!can_redo} title={redo_title.clone()} aria-label={redo_title}
                        onclick={d.reform(|_: MouseEvent| Action::Redo)}>{ "↷ Redo" }</button>
                <span class="bar-sep" aria-hidden="true"></span>
                <div class="segmented" role="group" aria-label="Screen">
                    { view_button(View::Edit, "Edit") }
                    { view_button(View::Compare, "Compare") }
                    { view_button(View::Capital, "Capital") }
                    { view_button(View::Analysis, "Analysis") }
                    { view_button(View::Savings, "Savings") }
                    { view_button(View::Reserves, "Reserves") }
                    { view_button(View::Outturn, "Outturn") }
                </div>
                <LazyMenu id="io-menu" label="Import / export" screen={Screen::Files} ws={(*ws).clone()} />
                <LazyMenu id="share-menu" label="Share link" screen={Screen::Share} ws={(*ws).clone()} />
            </div>
            { notice_at(&ws.notice, Place::Scenarios, &callback) }
            { notice_at(&ws.notice, Place::Storage, &callback) }
            { notice_at(&ws.notice, Place::Share, &callback) }
            <scenario_about::About scenario={ws.scenario.clone()} {log} notice={ws.notice.clone()} />
        </section>
    }
}
