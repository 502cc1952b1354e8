//! The scenario bar: which scenario is on screen, create, duplicate, rename, describe and
//! delete, undo and redo, the edit/compare switch, import/export, share, and the saved
//! work menu (backup, restore, storage in use). Undo and redo are also on the keyboard
//! everywhere ([`super::shortcuts`]).

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::controls::{button, option};

use super::io_menu::{IoMenu, ShareMenu};
use super::scenario_about;
use super::state::{Action, Notice, Place, View, Workspace};
use crate::store::Selected;

/// Props of [`ScenarioBar`].
#[derive(Properties, PartialEq)]
pub struct ScenarioBarProps {
    /// The workspace.
    pub ws: Workspace,
    /// Sends actions to it.
    pub dispatch: Callback<Action>,
}

/// A message beside the control at `place`, if the workspace has one there.
pub fn notice_at(ws: &Workspace, place: Place, dispatch: &Callback<Action>) -> Html {
    match &ws.notice {
        Some(Notice {
            place: p,
            error,
            text,
        }) if *p == place => {
            let dismiss = dispatch.reform(|_: MouseEvent| Action::DismissNotice);
            let undo = dispatch.reform(|_: MouseEvent| Action::Undo);
            let offers_undo = !error && text.contains("Undo");
            html! {
                <div class={match (*error, place) {
                         // Saving problems stay in view wherever the user is working.
                         (true, Place::Storage) => "notice notice-error notice-pinned",
                         (true, _) => "notice notice-error",
                         (false, _) => "notice notice-info",
                     }}
                     role={if *error { "alert" } else { "status" }}
                     id={format!("notice-{}", place_id(place))}>
                    <span>{ text.clone() }</span>
                    if offers_undo {
                        { button("btn btn-small", None, false, "Undo", undo) }
                    }
                    <button type="button" class="btn btn-small" onclick={dismiss} aria-label="Dismiss this message">{ "×" }</button>
                </div>
            }
        }
        _ => html! {},
    }
}

fn place_id(place: Place) -> &'static str {
    match place {
        Place::Scenarios => "scenarios",
        Place::Name => "name",
        Place::Import => "import",
        Place::Share => "share",
        Place::Link => "link",
        Place::Export => "export",
        Place::Storage => "storage",
        Place::Backup => "backup",
    }
}

/// The scenario bar.
#[component]
pub fn ScenarioBar(props: &ScenarioBarProps) -> Html {
    let ws = &props.ws;
    let d = &props.dispatch;
    let current = ws.current();
    let c = ws.collection();
    let h = ws.history();
    let on_select = d.reform(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        Action::Select(Selected::from_key(&select.value()).unwrap_or(Selected::Baseline))
    });
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
    html! {
        <section class="scenario-bar" aria-label="Scenarios">
            <div class="scenario-row">
                <label for="scenario-select" class="bar-label">{ "Scenario" }</label>
                <select id="scenario-select" onchange={on_select}>
                    { option("baseline".into(), current == Selected::Baseline, format!("{} · read-only", ws.baseline.name).into()) }
                    { for c.entries().iter().map(|e| {
                        let sel = Selected::Scenario(e.id);
                        option(sel.key().into(), current == sel, e.name.clone().into())
                    }) }
                </select>
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
                </div>
                <IoMenu ws={ws.clone()} dispatch={d.clone()} />
                <ShareMenu ws={ws.clone()} dispatch={d.clone()} />
            </div>
            { notice_at(ws, Place::Scenarios, d) }
            { notice_at(ws, Place::Storage, d) }
            { notice_at(ws, Place::Share, d) }
            <scenario_about::About ws={ws.clone()} dispatch={d.clone()} />
        </section>
    }
}
