//! Beside the scenario bar: the name, description and change log of the scenario on
//! screen, and the banner for saved work that could not be read.

use web_sys::{HtmlInputElement, HtmlTextAreaElement, KeyboardEvent};
use yew::prelude::*;

use super::controls::button;

use super::io;
use super::scenarios::notice_at;
use super::scenarios::ScenarioBarProps;
use super::state::{Action, Place, Workspace};
use crate::store::Selected;

/// How many of the latest changes the log shows (all are kept).
const SHOWN: usize = 100;

/// Name, description and change log of the scenario on screen.
#[component]
pub fn About(props: &ScenarioBarProps) -> Html {
    let ws = &props.ws;
    let d = &props.dispatch;
    let Selected::Scenario(id) = ws.current() else {
        return html! {
            <p class="about-baseline">{ "The baseline is read-only. Typing in any figure makes a new scenario from it; or use New from baseline." }</p>
        };
    };
    let log = ws
        .collection()
        .get(id)
        .map(|e| e.log.clone())
        .unwrap_or_default();
    let rename = d.reform(|e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        Action::Rename(input.value())
    });
    let rename_on_enter = {
        let d = d.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                let input: HtmlInputElement = e.target_unchecked_into();
                d.emit(Action::Rename(input.value()));
            }
        })
    };
    let name_error = matches!(&ws.notice, Some(n) if n.place == Place::Name && n.error);
    let name_described = if name_error {
        "scenario-name-hint notice-name"
    } else {
        "scenario-name-hint"
    };
    let describe = d.reform(|e: Event| {
        let area: HtmlTextAreaElement = e.target_unchecked_into();
        Action::Describe(area.value())
    });
    html! {
        <details class="about" id="scenario-about">
            <summary>{ format!("About '{}': name, description and {} logged {}", ws.scenario.name, log.len(), if log.len() == 1 { "change" } else { "changes" }) }</summary>
            <div class="about-body">
                <div class="about-fields">
                    <label for="scenario-name">{ "Name" }</label>
                    <input id="scenario-name" type="text" data-native-undo="" maxlength="80" value={ws.scenario.name.clone()}
                           onchange={rename} onkeydown={rename_on_enter}
                           aria-invalid={name_error.to_string()} aria-describedby={name_described} />
                    <span id="scenario-name-hint" class="hint">{ "Press Enter or leave the box to rename." }</span>
                    { notice_at(ws, Place::Name, d) }
                    <label for="scenario-description">{ "Description" }</label>
                    <textarea id="scenario-description" data-native-undo="" rows="2" maxlength="2000"
                              value={ws.scenario.description.clone()} onchange={describe} />
                </div>
                <div class="table-scroll change-log">
                    <table class="data-table">
                        <caption>{ "Change log, newest first" }</caption>
                        <thead><tr><th scope="col">{ "When (UTC)" }</th><th scope="col">{ "What" }</th><th scope="col">{ "From" }</th><th scope="col">{ "To" }</th></tr></thead>
                        <tbody>
                            if log.is_empty() {
                                <tr><td colspan="4">{ "No changes yet." }</td></tr>
                            }
                            { for log.iter().rev().take(SHOWN).map(|c| html! {
                                <tr>
                                    <td>{ c.at.get(..16).unwrap_or(&c.at).replace('T', " ") }</td>
                                    <td>{ c.field.clone() }</td>
                                    <td class="num">{ c.from.clone() }</td>
                                    <td class="num">{ c.to.clone() }</td>
                                </tr>
                            }) }
                            if log.len() > SHOWN {
                                <tr><td colspan="4">{ format!("… and {} earlier changes, kept with the scenario.", log.len() - SHOWN) }</td></tr>
                            }
                        </tbody>
                    </table>
                </div>
            </div>
        </details>
    }
}

/// Props of [`Recovery`].
#[derive(Properties, PartialEq)]
pub struct RecoveryProps {
    /// The workspace.
    pub ws: Workspace,
    /// Sends actions to it.
    pub dispatch: Callback<Action>,
}

/// What could not be read from storage, with the unreadable part to download.
#[component]
pub fn Recovery(props: &RecoveryProps) -> Html {
    let Some(r) = &props.ws.recovery else {
        return html! {};
    };
    let download = r.unreadable.clone().map(|text| {
        Callback::from(move |_: MouseEvent| {
            let _ = io::download(
                &format!(
                    "mtfp-unreadable-{}.json",
                    &super::state::now().get(..10).unwrap_or("saved")
                ),
                "application/json",
                &text,
            );
        })
    });
    let kept = props.ws.collection().entries().len();
    html! {
        <section class="recovery" role="alert" id="storage-recovery" aria-labelledby="storage-recovery-title">
            <h2 id="storage-recovery-title">{ "Some of your saved work could not be read" }</h2>
            <ul>{ for r.problems.iter().map(|p| html! { <li>{ p.clone() }</li> }) }</ul>
            <p>{ format!("{kept} saved {} could be read and {} open. The unreadable part is kept in this browser; download it to keep a copy or to send it for help.", if kept == 1 { "scenario" } else { "scenarios" }, if kept == 1 { "is" } else { "are" }) }</p>
            if let Some(onclick) = download {
                <button type="button" class="btn" id="download-unreadable" {onclick}>{ "Download the unreadable part" }</button>
            }
            { button("btn", None, false, "Dismiss", props.dispatch.reform(|_: MouseEvent| Action::DismissRecovery)) }
        </section>
    }
}
