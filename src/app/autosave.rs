//! Autosave: the scenarios go to local storage shortly after every change.
//!
//! Writing is taken off the keystroke: a change marks the workspace unsaved and the write
//! happens 250 ms later (typing on meanwhile is caught by the same write), or at once when
//! the page is hidden or left (`pagehide`, `visibilitychange`), so a reload or a closed tab
//! never loses a change. Scenarios unchanged since the last write reuse their stored JSON
//! ([`EncodeCache`]), so a write costs one scenario, not all of them.
//!
//! Two tabs share one storage and the last to write wins: when another tab saves, this one
//! says so and asks for a reload before its next change would save over the other's.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{closure::Closure, JsCast};
use yew::prelude::*;

use super::io;
use super::state::{Action, Notice, Place, Workspace};
use crate::store::storage::{EncodeCache, STORAGE_KEY};

/// How long after a change the write happens, in milliseconds.
const DELAY_MS: i32 = 250;

#[derive(Default)]
struct Saver {
    unsaved: Option<Workspace>,
    cache: EncodeCache,
    timer: Option<i32>,
}

fn flush(saver: &Rc<RefCell<Saver>>, dispatch: &Callback<Action>) {
    let result = {
        let Ok(mut s) = saver.try_borrow_mut() else {
            return;
        };
        s.timer = None;
        let Some(ws) = s.unsaved.take() else {
            return;
        };
        io::save_cached(&ws, &mut s.cache)
    };
    if let Err(text) = result {
        dispatch.emit(Action::Notify(Notice {
            place: Place::Scenarios,
            error: true,
            text,
        }));
    }
}

/// Saves the scenarios after every change. Not on the first render: opening the app
/// changes nothing (`io::open` itself saves when it recovered storage or added a share
/// link's scenario), so a visit that changes nothing writes nothing.
#[hook]
pub fn use_autosave(ws: &Workspace, dispatch: Callback<Action>) {
    let saver = use_mut_ref(Saver::default);
    let first = use_mut_ref(|| true);
    // Flush when the page is hidden or left; warn when another tab saves over us.
    {
        let (saver, dispatch) = (saver.clone(), dispatch.clone());
        use_effect_with((), move |_| {
            let d = dispatch.clone();
            let on_leave =
                Closure::<dyn Fn(web_sys::Event)>::new(move |_| flush(&saver, &dispatch));
            let on_storage = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
                let key = js_sys::Reflect::get(&e, &"key".into())
                    .ok()
                    .and_then(|k| k.as_string());
                if key.as_deref() == Some(STORAGE_KEY) {
                    d.emit(Action::Notify(Notice {
                        place: Place::Scenarios,
                        error: true,
                        text: "Your scenarios were just saved from another tab or window of the \
                               planner. Reload this page to see them: a change made here would \
                               save over them."
                            .into(),
                    }));
                }
            });
            let window = web_sys::window();
            let listen = move |on: bool| {
                let Some(w) = &window else { return };
                for (event, f) in [
                    ("pagehide", &on_leave),
                    ("visibilitychange", &on_leave),
                    ("storage", &on_storage),
                ] {
                    let f = f.as_ref().unchecked_ref();
                    let _ = if on {
                        w.add_event_listener_with_callback(event, f)
                    } else {
                        w.remove_event_listener_with_callback(event, f)
                    };
                }
            };
            listen(true);
            move || listen(false)
        });
    }
    let ws = ws.clone();
    use_effect_with(ws.store.clone(), move |_| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        let Ok(mut s) = saver.try_borrow_mut() else {
            return;
        };
        s.unsaved = Some(ws);
        if s.timer.is_none() {
            let (saver2, dispatch) = (saver.clone(), dispatch.clone());
            let later = Closure::once_into_js(move || flush(&saver2, &dispatch));
            s.timer = web_sys::window().and_then(|w| {
                w.set_timeout_with_callback_and_timeout_and_arguments_0(
                    later.unchecked_ref(),
                    DELAY_MS,
                )
                .ok()
            });
        }
    });
}
