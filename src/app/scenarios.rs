//! The scenario bar: which scenario is on screen, create, duplicate, rename, describe and
//! delete, undo and redo, the edit/compare switch, import/export and share. It also keeps
//! the app's autosave and keyboard shortcuts, since it sees every change.
//!
//! Keyboard: Ctrl+Z undoes and Ctrl+Shift+Z or Ctrl+Y redoes (⌘ on a Mac) anywhere in the
//! app, including in the assumption fields: a figure typed into a field is one undo step,
//! so undo there takes the whole figure back and shows the value before it. The two
//! free-text boxes (a scenario's name and description) keep the browser's own undo of
//! their text, which is what anyone typing prose expects; their changes reach the app's
//! history when you press Enter or leave the box.

use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{HtmlSelectElement, KeyboardEvent};
use yew::prelude::*;

use super::controls::{button, option};

use super::autosave::use_autosave;
use super::io;
use super::io_menu::IoMenu;
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
                <div class={if *error { "notice notice-error" } else { "notice notice-info" }}
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
    }
}

/// True for the elements whose own text undo is left to the browser.
fn native_undo(target: Option<web_sys::EventTarget>) -> bool {
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| e.has_attribute("data-native-undo"))
}

/// Registers the document-wide shortcuts and the end-of-typing signal for the life of the
/// component.
#[hook]
fn use_shortcuts(dispatch: Callback<Action>) {
    use_effect_with((), move |_| {
        let document = web_sys::window().and_then(|w| w.document());
        let d = dispatch.clone();
        let keydown = Closure::<dyn Fn(KeyboardEvent)>::new(move |e: KeyboardEvent| {
            if !(e.ctrl_key() || e.meta_key()) || e.alt_key() || native_undo(e.target()) {
                return;
            }
            let key = e.key().to_lowercase();
            let action = match (key.as_str(), e.shift_key()) {
                ("z", false) => Action::Undo,
                ("z", true) | ("y", false) => Action::Redo,
                _ => return,
            };
            e.prevent_default();
            d.emit(action);
        });
        let d = dispatch.clone();
        let focusout = Closure::<dyn Fn(web_sys::FocusEvent)>::new(move |_| d.emit(Action::Seal));
        // A share link pasted into a tab already showing the app changes only the
        // fragment: no reload, so it is picked up here.
        let d = dispatch;
        let hashchange = Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
            if let Some(fragment) = io::share_fragment() {
                io::clear_fragment();
                d.emit(Action::OpenLink(fragment));
            }
        });
        let window = web_sys::window();
        let listen = move |target: Option<&web_sys::EventTarget>, on: bool| {
            let Some(target) = target else { return };
            for (event, f) in [
                ("keydown", keydown.as_ref()),
                ("focusout", focusout.as_ref()),
            ] {
                let _ = if on {
                    target.add_event_listener_with_callback(event, f.unchecked_ref())
                } else {
                    target.remove_event_listener_with_callback(event, f.unchecked_ref())
                };
            }
        };
        listen(document.as_ref().map(|d| d.as_ref()), true);
        if let Some(w) = &window {
            let _ = w.add_event_listener_with_callback(
                "hashchange",
                hashchange.as_ref().unchecked_ref(),
            );
        }
        move || {
            listen(document.as_ref().map(|d| d.as_ref()), false);
            if let Some(w) = &window {
                let _ = w.remove_event_listener_with_callback(
                    "hashchange",
                    hashchange.as_ref().unchecked_ref(),
                );
            }
        }
    });
}

/// The scenario bar.
#[component]
pub fn ScenarioBar(props: &ScenarioBarProps) -> Html {
    let ws = &props.ws;
    let d = &props.dispatch;
    use_shortcuts(d.clone());
    use_autosave(ws, d.clone());
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
                        option(sel.key().into(), current == sel, e.scenario.name.clone().into())
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
            </div>
            { notice_at(ws, Place::Scenarios, d) }
            { notice_at(ws, Place::Share, d) }
            <scenario_about::About ws={ws.clone()} dispatch={d.clone()} />
        </section>
    }
}
