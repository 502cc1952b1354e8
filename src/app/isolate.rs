//! Keeping the workspace's Yew app out of events meant for a screen of the module loaded on
//! demand ([`super::remote`]).
//!
//! Each wasm module has its own copy of Yew, and both number their trees from 1 and their
//! elements' listeners from 0, on the same properties of the page's elements
//! (`__yew_subtree_id`, `__yew_listener_id`). The workspace's app listens on the page's
//! body, so it sees an event on a screen's element first, takes the element's numbers for
//! its own and runs ITS listener of that number: a click on a screen's radio button ran the
//! workspace's "Edit" button. So, for every event inside a screen's host element, a
//! listener on the window (before the body's) tells Yew the event belongs to no tree of the
//! workspace's (tree 0, "none"), and a listener on the host (before the screen's own app,
//! which is mounted after it) forgets that again, so the screen's app finds the event's tree
//! itself. This uses Yew 0.23's own event properties: tests/e2e catch a change in them
//! (e2e/analysis.test.mjs clicks a radio button whose listener number the workspace uses).

use std::cell::Cell;

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::{JsCast, JsValue};

/// Marks a screen's host element.
const HOST: &str = "data-mtfp-screen";

/// The events the screens listen to (every `on…` the app's components use, and the focus
/// and pointer events a control may gain).
const TYPES: [&str; 14] = [
    "click",
    "dblclick",
    "input",
    "change",
    "submit",
    "toggle",
    "keydown",
    "keyup",
    "focusin",
    "focusout",
    "focus",
    "blur",
    "mousedown",
    "mouseup",
];

thread_local! {
    static WINDOW: Cell<bool> = const { Cell::new(false) };
}

fn set(event: &web_sys::Event, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(event, &JsValue::from_str(key), value);
}

/// True if `event` happens inside a screen's host element.
fn in_screen(event: &web_sys::Event) -> bool {
    event
        .composed_path()
        .iter()
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .any(|e| e.has_attribute(HOST))
}

fn capture(target: &web_sys::EventTarget, f: fn(&web_sys::Event)) -> Vec<EventListener> {
    TYPES
        .iter()
        .map(|t| {
            EventListener::new_with_options(
                target,
                *t,
                EventListenerOptions::run_in_capture_phase(),
                f,
            )
        })
        .collect()
}

/// Keep the workspace's app out of events inside `host`; call before mounting a screen
/// there. The listeners returned stay as long as the screen.
pub fn isolate(host: &web_sys::Element) -> Vec<EventListener> {
    let _ = host.set_attribute(HOST, "");
    if !WINDOW.with(|w| w.replace(true)) {
        if let Some(window) = web_sys::window() {
            for l in capture(&window, |e| {
                if in_screen(e) {
                    set(e, "__yew_subtree_id", &JsValue::from(0));
                    let length = e.composed_path().length();
                    set(e, "__yew_subtree_cache_key", &JsValue::from(length));
                }
            }) {
                l.forget();
            }
        }
    }
    capture(host, |e| {
        set(e, "__yew_subtree_id", &JsValue::UNDEFINED);
        set(e, "__yew_subtree_cache_key", &JsValue::UNDEFINED);
    })
}
