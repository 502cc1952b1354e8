//! Autosave: every change to the scenarios is written to the browser's storage as soon as
//! the page is free (the next task after the change is drawn), one record per changed
//! scenario ([`crate::store::records`]). Writes never overlap: a change made while one is
//! being written is written next.
//!
//! A database write finishes a moment after it starts, so when the page is hidden or left
//! (`pagehide`, `visibilitychange`) any change not yet confirmed is also written, at once
//! and synchronously, to a journal in local storage; the next visit replays it. A visit
//! that changes nothing writes nothing.
//!
//! A failed write is reported beside the scenario bar and cleared by the next write that
//! succeeds. A store written by a newer version of the planner is never written. Older
//! saved work moved in by the first save is deleted from local storage only once the new
//! records have been read back and found whole.
//!
//! Two tabs share one store: when another tab saves, this one says so and asks for a
//! reload before its next change would save over the other's.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use yew::prelude::*;

use super::state::{Action, Notice, Place};
use super::storage::{self, Backend};
use crate::store::records::{self, Op, Saved};
use crate::store::session::Shared as Pointer;
use crate::store::{Collection, History};

/// The name of the channel tabs of the planner tell each other about saves on.
const CHANNEL: &str = "mtfp";

/// Everything autosave needs from opening the store.
pub struct Start {
    /// Where to save.
    pub backend: Backend,
    /// What the store holds.
    pub saved: Saved,
    /// True if a newer version wrote the store: nothing is written.
    pub newer: bool,
    /// Records to write with the first save (older saved work moved in).
    pub moves: Vec<Op>,
    /// Local-storage keys to delete once the first save is read back whole.
    pub retire: Vec<String>,
    /// True if a journal was left by the last visit.
    pub journal: bool,
}

/// The saver's state, shared by the component, its timers and its listeners.
pub struct Saver {
    start: Start,
    /// The collection to save: the latest the app has shown.
    latest: Option<Collection>,
    /// A write is in progress.
    busy: bool,
    /// A write is due in the next task.
    scheduled: bool,
    /// A change came while a write was under way: write again after it.
    again: bool,
    dispatch: Callback<Action>,
    channel: Option<web_sys::BroadcastChannel>,
}

type Shared = Rc<RefCell<Saver>>;

impl Saver {
    /// What is not yet confirmed as saved: the writes that bring the store up to the
    /// latest collection, and what the saved state will be after them.
    fn unsaved(&self) -> Option<(Vec<Op>, Saved)> {
        let c = self.latest.as_ref()?;
        let plan = self.start.saved.plan(c);
        let mut ops = self.start.moves.clone();
        ops.extend(plan.ops);
        Some((ops, plan.saved))
    }
}

/// How long the page may be held packing scenarios before it is given back, in ms.
const SLICE_MS: f64 = 20.0;

/// Write whatever is unsaved, unless a write is already under way (its end starts the next).
fn flush(saver: &Shared) {
    {
        let Ok(mut s) = saver.try_borrow_mut() else {
            return;
        };
        s.scheduled = false;
        if s.busy || s.start.newer || !s.start.backend.keeps() {
            return;
        }
        s.busy = true;
    }
    let saver = saver.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let ok = write(&saver).await;
        // Anything changed meanwhile is next, and after a good write the journal is
        // cleared. A failed write is not retried until the next change.
        let more = saver.try_borrow_mut().is_ok_and(|mut s| {
            s.busy = false;
            std::mem::take(&mut s.again) || (ok && s.start.journal)
        });
        if more {
            schedule(&saver);
        }
    });
}

/// One write: pack what changed (a few scenarios at a time), then write it all at once.
/// False if the browser refused it.
async fn write(saver: &Shared) -> bool {
    let Some((c, saved)) = saver
        .try_borrow()
        .ok()
        .and_then(|s| Some((s.latest.clone()?, s.start.saved.clone())))
    else {
        return true;
    };
    let mut started = js_sys::Date::now();
    for e in saved.to_pack(&c) {
        records::pack_entry(e);
        if js_sys::Date::now() - started > SLICE_MS {
            gloo_timers::future::TimeoutFuture::new(0).await;
            started = js_sys::Date::now();
        }
    }
    let plan = saved.plan(&c);
    let Some((backend, ops)) = saver.try_borrow().ok().map(|s| {
        let mut ops = s.start.moves.clone();
        ops.extend(plan.ops);
        (s.start.backend.clone(), ops)
    }) else {
        return true;
    };
    if ops.is_empty() {
        if let Ok(mut s) = saver.try_borrow_mut() {
            if s.start.journal {
                s.start.journal = !storage::remove_local(records::JOURNAL_KEY);
            }
        }
        return true;
    }
    // While a journal exists it must never fall behind what is written.
    if saver.try_borrow().is_ok_and(|s| s.start.journal) {
        storage::write_journal(&records::journal(&ops));
    }
    let result = backend.commit(&ops).await;
    let retire = match &result {
        Ok(()) => saver
            .try_borrow()
            .map(|s| s.start.retire.clone())
            .unwrap_or_default(),
        Err(_) => Vec::new(),
    };
    // Older saved work is deleted only once its new records are read back whole.
    if !retire.is_empty() {
        let confirmed = backend
            .read_all()
            .await
            .is_ok_and(|records| records::confirmed(&ops, &records));
        if confirmed {
            let gone: Vec<String> = retire
                .into_iter()
                .filter(|k| storage::remove_local(k))
                .collect();
            if let Ok(mut s) = saver.try_borrow_mut() {
                s.start.retire.retain(|k| !gone.contains(k));
            }
        }
    }
    let Ok(mut s) = saver.try_borrow_mut() else {
        return false;
    };
    let dispatch = s.dispatch.clone();
    match result {
        Ok(()) => {
            s.start.saved = plan.saved;
            s.start.moves.clear();
            if let Some(channel) = &s.channel {
                let _ = channel.post_message(&"saved".into());
            }
            drop(s);
            dispatch.emit(Action::Saved);
            true
        }
        Err(e) => {
            drop(s);
            dispatch.emit(Action::Notify(Notice {
                place: Place::Storage,
                error: true,
                text: e.to_string(),
            }));
            false
        }
    }
}

/// Write in the next task: after the change on screen is drawn, before anything else.
fn schedule(saver: &Shared) {
    let Ok(mut s) = saver.try_borrow_mut() else {
        return;
    };
    if s.busy {
        s.again = true;
        return;
    }
    if s.scheduled {
        return;
    }
    s.scheduled = true;
    let saver = saver.clone();
    gloo_timers::callback::Timeout::new(0, move || flush(&saver)).forget();
}

/// The page is being hidden or left: put anything not yet confirmed in the journal, now.
fn leaving(saver: &Shared) {
    let wrote = {
        let Ok(s) = saver.try_borrow() else {
            return;
        };
        if s.start.newer || !s.start.backend.is_database() {
            return;
        }
        match s.unsaved() {
            Some((ops, _)) if !ops.is_empty() => storage::write_journal(&records::journal(&ops)),
            _ => false,
        }
    };
    if wrote {
        if let Ok(mut s) = saver.try_borrow_mut() {
            s.start.journal = true;
        }
    }
    flush(saver);
}

/// The store, for the parts of the app that show or manage it (given as a context).
#[derive(Clone)]
pub struct Storage(Shared);

impl PartialEq for Storage {
    fn eq(&self, other: &Storage) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Storage {
    /// Where the scenarios are kept.
    pub fn backend(&self) -> Option<Backend> {
        self.0.try_borrow().ok().map(|s| s.start.backend.clone())
    }

    /// True if a newer version wrote the store, so nothing is saved.
    pub fn read_only(&self) -> bool {
        self.0.try_borrow().is_ok_and(|s| s.start.newer)
    }

    /// Delete kept work that could not be read (record or older local-storage `key`),
    /// after the user confirms; the app is told when it is gone, or why not.
    pub fn forget(&self, key: String, label: &str) {
        let sure = web_sys::window()
            .and_then(|w| {
                w.confirm_with_message(&format!(
                    "Delete \"{label}\" from this browser for good? Download it first if you \
                     may need it."
                ))
                .ok()
            })
            .unwrap_or(false);
        if !sure {
            return;
        }
        let Ok(s) = self.0.try_borrow() else { return };
        let (backend, dispatch) = (s.start.backend.clone(), s.dispatch.clone());
        drop(s);
        wasm_bindgen_futures::spawn_local(async move {
            let gone = if key.starts_with("mtfp") {
                storage::remove_local(&key)
            } else {
                backend
                    .commit(&[Op::Delete { key: key.clone() }])
                    .await
                    .is_ok()
            };
            dispatch.emit(if gone {
                Action::Forgotten(key)
            } else {
                Action::Notify(Notice {
                    place: Place::Storage,
                    error: true,
                    text: "That could not be deleted: the browser refused. It is still kept."
                        .into(),
                })
            });
        });
    }
}

/// Saves the collection after every change to `store`; `start` is what opening the store
/// found (taken on the first render). The store, for the parts of the app that show it.
#[hook]
pub fn use_autosave(
    store: &Pointer<History<Collection>>,
    start: Rc<RefCell<Option<Start>>>,
    dispatch: Callback<Action>,
) -> Option<Storage> {
    let saver = use_mut_ref(|| None::<Shared>);
    if saver.borrow().is_none() {
        if let Some(start) = start.borrow_mut().take() {
            *saver.borrow_mut() = Some(Rc::new(RefCell::new(Saver {
                start,
                latest: None,
                busy: false,
                scheduled: false,
                again: false,
                dispatch: dispatch.clone(),
                channel: web_sys::BroadcastChannel::new(CHANNEL).ok(),
            })));
        }
    }
    let shared = saver.borrow().clone();
    let handle = shared.clone().map(Storage);
    // Flush when the page is hidden or left; warn when another tab saves.
    {
        let shared = shared.clone();
        use_effect_with((), move |_| {
            let mut listeners = Vec::new();
            if let (Some(shared), Some(window)) = (shared, web_sys::window()) {
                for event in ["pagehide", "visibilitychange"] {
                    let saver = shared.clone();
                    listeners.push(EventListener::new(&window, event, move |_| leaving(&saver)));
                }
                let channel = shared.try_borrow().ok().and_then(|s| s.channel.clone());
                if let Some(channel) = channel {
                    let d = dispatch;
                    listeners.push(EventListener::new(&channel, "message", move |_| {
                        d.emit(Action::Notify(Notice {
                            place: Place::Scenarios,
                            error: true,
                            text: "Your scenarios were just saved from another tab or window of \
                                   the planner. Reload this page to see them: a change made here \
                                   would save over them."
                                .into(),
                        }));
                    }));
                }
            }
            move || drop(listeners)
        });
    }
    // Every collection the app shows is saved (one that equals the saved state writes
    // nothing, so opening the app writes only what opening moved in).
    use_effect_with(store.clone(), move |store| {
        if let Some(shared) = &shared {
            if let Ok(mut s) = shared.try_borrow_mut() {
                s.latest = Some(store.0.present().clone());
            }
            schedule(shared);
        }
    });
    handle
}
