//! "All your scenarios", in the import/export menu (drawn by the module loaded on demand):
//! where the scenarios are kept and how much room they take, a backup of them all in one
//! file, and restoring a backup beside them (all or nothing, checked as an import is). Both
//! work a few scenarios at a time with a progress bar and a Cancel button, so a thousand
//! scenarios never hold the page; the workspace gives each scenario's text for the backup
//! and takes the restored scenarios as one step, through the bridge.

use std::cell::Cell;
use std::rc::Rc;

use rust_decimal::Decimal;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::io;
use super::notice::notice_at;
use super::remote::Bridge;
use super::state::{now, use_dispatch, Action, Notice, Place};
use super::storage;
use crate::format;
use crate::store::remote::Saving;
use crate::store::session::Restored;
use crate::store::{backup, ScenarioId, Selected};

/// How long the page may be held before it is given back, in ms.
const SLICE_MS: f64 = 25.0;

/// Props of [`SavedWork`].
#[derive(Properties, PartialEq)]
pub struct SavedWorkProps {
    /// The named scenarios.
    pub scenarios: Rc<Vec<ScenarioId>>,
    /// Where they are saved.
    pub saving: Saving,
    /// True if a newer version wrote them, so none is saved.
    pub read_only: bool,
    /// The workspace's message (shown here if it is about backup or restore).
    pub notice: Option<Notice>,
}

/// Long work under way, for the progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Job {
    Idle,
    Backup { done: usize, total: usize },
    Restore { done: usize, total: usize },
}

/// Give the page back if this slice has run long; true if the user has cancelled.
async fn breathe(started: &mut f64, cancel: &Cell<bool>) -> bool {
    if js_sys::Date::now() - *started > SLICE_MS {
        gloo_timers::future::TimeoutFuture::new(0).await;
        *started = js_sys::Date::now();
    }
    cancel.get()
}

/// Megabytes to one place, from bytes.
fn mb(bytes: f64) -> String {
    // Bytes are whole and far below 2^53: exact as an integer.
    let whole = Decimal::from(bytes.max(0.0).round() as u64);
    format!("{} MB", format::millions_number(whole, 1))
}

/// "412 scenarios, 3.1 MB of 480 MB, in this browser's database".
async fn describe(saving: Saving, scenarios: usize) -> String {
    let count = format!(
        "{} saved {}",
        format::count(Decimal::from(scenarios), 0),
        if scenarios == 1 {
            "scenario"
        } else {
            "scenarios"
        }
    );
    match saving {
        Saving::Database => {
            let room = match storage::estimate().await {
                Some((used, quota)) => format!(", {} of {} in use", mb(used), mb(quota)),
                None => String::new(),
            };
            let kept = if storage::persisted().await {
                "The browser keeps them even when space runs short."
            } else {
                "The browser may clear them if the computer runs short of space: download a backup now and then."
            };
            format!("{count}{room}, in this browser's database. {kept}")
        }
        Saving::Local => format!(
            "{count}, {} of about 5 MB in use, in this browser's local storage (its database is not available here).",
            mb(storage::local_chars() * 2.0)
        ),
        Saving::Nowhere => format!("{count}. This browser window does not allow saving: they last until it is closed."),
    }
}

/// Each scenario's `{"scenario": …, "log": […]}` text, for a backup, from the workspace
/// (stored ones are only unpacked, never checked again, so this is quick; unreadable ones
/// are left to their own download).
async fn contents(
    bridge: &Bridge,
    ids: &[ScenarioId],
    job: &UseStateHandle<Job>,
    cancel: &Cell<bool>,
) -> Option<Vec<String>> {
    let mut out = Vec::with_capacity(ids.len());
    let mut started = js_sys::Date::now();
    for (i, id) in ids.iter().enumerate() {
        out.extend(bridge.contents(&Selected::Scenario(*id).key()));
        if breathe(&mut started, cancel).await {
            return None;
        }
        if i % 50 == 0 {
            job.set(Job::Backup {
                done: i,
                total: ids.len(),
            });
        }
    }
    Some(out)
}

/// Every scenario in backup file `name`, checked, or why it is refused.
async fn restore(
    name: &str,
    bytes: &[u8],
    job: &UseStateHandle<Job>,
    cancel: &Cell<bool>,
) -> Option<Result<Vec<Restored>, backup::BackupError>> {
    let items = match backup::entries(name, bytes) {
        Ok(items) => items,
        Err(e) => return Some(Err(e)),
    };
    let total = items.len();
    let mut out = Vec::with_capacity(total);
    let mut started = js_sys::Date::now();
    for (i, text) in items.iter().enumerate() {
        match backup::read_entry(name, i.saturating_add(1), text) {
            Ok(r) => out.push(r),
            Err(e) => return Some(Err(e)),
        }
        if breathe(&mut started, cancel).await {
            return None;
        }
        job.set(Job::Restore {
            done: i.saturating_add(1),
            total,
        });
    }
    Some(Ok(out))
}

/// "412 saved scenarios, 3.1 MB of 480 MB in use…", looked up again when the count or
/// where they are saved changes.
#[hook]
fn use_storage_status(saving: Saving, scenarios: usize) -> Option<String> {
    let status = use_state(|| None::<String>);
    {
        let status = status.clone();
        use_effect_with((saving, scenarios), move |(saving, scenarios)| {
            let (status, saving, scenarios) = (status.clone(), *saving, *scenarios);
            wasm_bindgen_futures::spawn_local(async move {
                status.set(Some(describe(saving, scenarios).await));
            });
        });
    }
    (*status).clone()
}

/// The backup of scenarios `ids` (their texts from the workspace through `bridge`),
/// offered as a download, unless cancelled.
async fn back_up(
    bridge: &Bridge,
    ids: &[ScenarioId],
    job: &UseStateHandle<Job>,
    cancel: &Cell<bool>,
    d: &Callback<Action>,
) {
    job.set(Job::Backup {
        done: 0,
        total: ids.len(),
    });
    if let Some(all) = contents(bridge, ids, job, cancel).await {
        let when = now();
        let file = backup::write(&when, &all);
        let name = format!("mtfp-backup-{}.json", when.get(..10).unwrap_or("today"));
        if let Err(e) = io::download(&name, "application/json", &file) {
            d.emit(Action::Notify(Notice {
                place: Place::Backup,
                error: true,
                text: e.to_string(),
            }));
        }
    }
    job.set(Job::Idle);
}

/// Read backup `file`, check every scenario in it, and restore them all, or say why the
/// file is refused; nothing if cancelled.
async fn restore_file(
    file: web_sys::File,
    job: &UseStateHandle<Job>,
    cancel: &Cell<bool>,
    d: &Callback<Action>,
) {
    let name = file.name();
    job.set(Job::Restore { done: 0, total: 0 });
    match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => {
            let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
            if let Some(result) = restore(&name, &bytes, job, cancel).await {
                d.emit(Action::Restore(result));
            }
        }
        Err(_) => d.emit(Action::Restore(Err(backup::BackupError::new(
            &name,
            backup::BackupProblem::Unreadable,
        )))),
    }
    job.set(Job::Idle);
}

/// The progress bar and Cancel button of the work under way, if any.
fn progress(job: Job, on_cancel: Callback<MouseEvent>) -> Html {
    let (what, done, total) = match job {
        Job::Idle => return html! {},
        Job::Backup { done, total } => ("Preparing the backup", done, total),
        Job::Restore { done, total } => ("Checking the backup", done, total),
    };
    html! {
        <div class="progress-row" role="status">
            <label for="job-progress">{ format!("{what}: {} of {}", format::count(Decimal::from(done), 0), format::count(Decimal::from(total), 0)) }</label>
            <progress id="job-progress" max={total.max(1).to_string()} value={done.to_string()}></progress>
            <button type="button" class="btn btn-small" id="job-cancel" onclick={on_cancel}>{ "Cancel" }</button>
        </div>
    }
}

/// Backup, restore and the room the scenarios take.
#[component]
pub fn SavedWork(props: &SavedWorkProps) -> Html {
    let d = &use_dispatch().callback();
    let bridge = use_context::<Bridge>();
    let status = use_storage_status(props.saving, props.scenarios.len());
    let job = use_state(|| Job::Idle);
    // The cancel flag of the work under way (a new one for each).
    let cancel = use_mut_ref(|| Rc::new(Cell::new(false)));
    let start_job = {
        let cancel = cancel.clone();
        move || {
            let flag = Rc::new(Cell::new(false));
            *cancel.borrow_mut() = flag.clone();
            flag
        }
    };
    let download_all = {
        let (job, d, ids) = (job.clone(), d.clone(), props.scenarios.clone());
        let start_job = start_job.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(bridge) = bridge.clone() else {
                return;
            };
            let (job, d, ids, flag) = (job.clone(), d.clone(), ids.clone(), start_job());
            wasm_bindgen_futures::spawn_local(async move {
                back_up(&bridge, &ids, &job, &flag, &d).await;
            });
        })
    };
    let on_file = {
        let (job, d) = (job.clone(), d.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let size = usize::try_from(file.size() as u64).unwrap_or(usize::MAX);
            if let Err(e) = backup::check_size(&file.name(), size) {
                d.emit(Action::Restore(Err(e)));
                return;
            }
            let (job, d, flag) = (job.clone(), d.clone(), start_job());
            wasm_bindgen_futures::spawn_local(async move {
                restore_file(file, &job, &flag, &d).await;
            });
        })
    };
    let on_cancel = Callback::from(move |_: MouseEvent| cancel.borrow().set(true));
    let busy = *job != Job::Idle;
    html! {
        <div class="menu-group" id="saved-work">
            <span class="menu-title">{ "All your scenarios" }</span>
            <p class="hint" id="storage-status" aria-live="polite">
                { status.unwrap_or_else(|| "Your scenarios are saved in this browser as you work.".into()) }
            </p>
            if props.read_only {
                <p class="hint">{ "Saving is off: a newer version of the planner wrote these scenarios." }</p>
            }
            <button type="button" class="btn" id="backup-all" disabled={busy || props.scenarios.is_empty()} onclick={download_all}>{ "Download all my scenarios" }</button>
            <input type="file" id="restore-file" class="file-input" accept=".json,application/json" disabled={busy} onchange={on_file} />
            <label for="restore-file" class="btn">{ "Restore from a backup…" }</label>
            <span class="hint">{ "The backup is one file with every scenario and its change log. Restoring adds its scenarios beside yours (nothing is replaced); a file with any problem is refused whole." }</span>
            { progress(*job, on_cancel) }
            { notice_at(&props.notice, Place::Backup, d) }
        </div>
    }
}
