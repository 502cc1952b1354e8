//! Beside the scenario bar: the name, description and change log of the scenario on
//! screen, and the banner for saved work that could not be read.

use web_sys::{HtmlInputElement, HtmlTextAreaElement, KeyboardEvent};
use yew::prelude::*;

use super::controls::button;

use std::rc::Rc;

use super::autosave::Storage;
use super::io;
use super::notice::notice_at;
use super::state::{use_dispatch, Action, Notice, Place};
use crate::format;
use crate::model::Scenario;
use crate::store::session::Recovery as Recovered;
use crate::store::Change;

/// How many of the latest changes the log shows (all are kept).
const SHOWN: usize = 100;

/// Props of [`About`].
#[derive(Properties, PartialEq)]
pub struct AboutProps {
    /// The scenario on screen.
    pub scenario: Rc<Scenario>,
    /// Its change log; none for the baseline, which has no log and cannot be changed.
    pub log: Option<Rc<Vec<Change>>>,
    /// The workspace's message (shown here if it is about the name).
    pub notice: Option<Notice>,
}

/// Name, description and change log of the scenario on screen.
#[component]
pub fn About(props: &AboutProps) -> Html {
    let d = use_dispatch();
    let Some(log) = props.log.clone() else {
        return html! {
            <p class="about-baseline">{ "The baseline is read-only. Typing in any figure makes a new scenario from it; or use New from baseline." }</p>
        };
    };
    let scenario = &props.scenario;
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
    let name_error = matches!(&props.notice, Some(n) if n.place == Place::Name && n.error);
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
            <summary>{ format!("About '{}': name, description and {} logged {}", scenario.name, log.len(), if log.len() == 1 { "change" } else { "changes" }) }</summary>
            <div class="about-body">
                <div class="about-fields">
                    <label for="scenario-name">{ "Name" }</label>
                    <input id="scenario-name" type="text" data-native-undo="" maxlength="80" value={scenario.name.clone()}
                           onchange={rename} onkeydown={rename_on_enter}
                           aria-invalid={name_error.to_string()} aria-describedby={name_described} />
                    <span id="scenario-name-hint" class="hint">{ "Press Enter or leave the box to rename." }</span>
                    { notice_at(&props.notice, Place::Name, &d.callback()) }
                    <label for="scenario-description">{ "Description" }</label>
                    <textarea id="scenario-description" data-native-undo="" rows="2" maxlength="2000"
                              value={scenario.description.clone()} onchange={describe} />
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
    /// What could not be read (nothing to show if none).
    pub recovery: Option<Recovered>,
    /// How many saved scenarios could be read and are listed.
    pub listed: usize,
}

/// A file name for kept work: "mtfp-unreadable-s7-2026-12-05.json".
fn kept_file(key: &str) -> String {
    let key = if key.is_empty() { "all" } else { key };
    let date = super::state::now();
    format!(
        "mtfp-unreadable-{}-{}.json",
        io::slug(key),
        date.get(..10).unwrap_or("saved")
    )
}

/// Saved work that could not be read (or that a newer version wrote), each piece with a
/// download of exactly what is kept and, for what this version may change, a way to delete
/// it from the browser once it is safe elsewhere.
#[component]
pub fn Recovery(props: &RecoveryProps) -> Html {
    let storage = use_context::<Storage>();
    let d = use_dispatch();
    let Some(r) = &props.recovery else {
        return html! {};
    };
    let kept = props.listed;
    let rows = r.kept.iter().enumerate().map(|(i, k)| {
        let text = k.text.clone();
        let file = kept_file(&k.key);
        let download = Callback::from(move |_: MouseEvent| {
            let _ = io::download(&file, "application/json", &text);
        });
        // A scenario still listed (found unreadable when opened) is deleted like any other;
        // work from a newer version is never touched.
        let deletable = k.removable && !r.newer;
        let forget = storage.clone().map(|storage| {
            let (key, label) = (k.key.clone(), k.label.clone());
            Callback::from(move |_: MouseEvent| storage.forget(key.clone(), &label))
        });
        html! {
            <li class="kept">
                <span class="kept-label">{ format!("{} ({} characters)", k.label, format::count(k.text.chars().count().into(), 0)) }</span>
                <button type="button" class="btn btn-small" id={format!("download-unreadable-{i}")} onclick={download}>{ "Download" }</button>
                if deletable {
                    if let Some(onclick) = forget {
                        <button type="button" class="btn btn-small" id={format!("forget-unreadable-{i}")} {onclick}>{ "Delete from this browser…" }</button>
                    }
                }
            </li>
        }
    });
    let summary = if r.newer {
        "Nothing you change in this visit will be saved, so your saved scenarios stay exactly as the newer version left them.".to_string()
    } else {
        format!(
            "{kept} saved {} could be read and {} listed. Whatever could not be read is kept in this browser, unchanged, and is offered again on every visit until you delete it; download it to keep a copy or to send it for help.",
            if kept == 1 { "scenario" } else { "scenarios" },
            if kept == 1 { "is" } else { "are" }
        )
    };
    let title = if r.newer {
        "Your saved work was written by a newer version of the planner"
    } else {
        "Some of your saved work could not be read"
    };
    html! {
        <section class="recovery" role="alert" id="storage-recovery" aria-labelledby="storage-recovery-title">
            <h2 id="storage-recovery-title">{ title }</h2>
            <ul>{ for r.problems.iter().map(|p| html! { <li>{ p.clone() }</li> }) }</ul>
            <p>{ summary }</p>
            if !r.kept.is_empty() {
                <ul class="kept-list">{ for rows }</ul>
            }
            { button("btn", Some("dismiss-recovery"), false, "Hide this message", d.reform(|_: MouseEvent| Action::DismissRecovery)) }
        </section>
    }
}
