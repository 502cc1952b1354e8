//! Keyboard shortcuts for the whole app. Ctrl+Z undoes and Ctrl+Shift+Z or Ctrl+Y redoes
//! (⌘ on a Mac) anywhere, including in the assumption fields: a figure typed into a field
//! is one undo step, so undo there takes the whole figure back and shows the value before
//! it. The two free-text boxes (a scenario's name and description) keep the browser's own
//! undo of their text, which is what anyone typing prose expects; their changes reach the
//! app's history when you press Enter or leave the box.
//!
//! Also the end of typing in a field (focus leaves it: the next keystroke starts a new
//! undo step) and a share link pasted into the address of a tab already showing the app.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

use super::io;
use super::state::Action;

/// True for the elements whose own text undo is left to the browser.
fn native_undo(target: Option<web_sys::EventTarget>) -> bool {
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| e.has_attribute("data-native-undo"))
}

/// Registers the document-wide shortcuts, the end-of-typing signal and the share-link
/// watch for the life of the app.
#[hook]
pub fn use_shortcuts(dispatch: Callback<Action>) {
    use_effect_with((), move |_| {
        let mut listeners = Vec::new();
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            let d = dispatch.clone();
            // Not passive: the shortcut replaces the browser's own undo.
            let options = EventListenerOptions::enable_prevent_default();
            listeners.push(EventListener::new_with_options(
                &document,
                "keydown",
                options,
                move |e| {
                    let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
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
                },
            ));
            let d = dispatch.clone();
            listeners.push(EventListener::new(&document, "focusout", move |_| {
                d.emit(Action::Seal)
            }));
        }
        // A share link pasted into a tab already showing the app changes only the
        // fragment: no reload, so it is picked up here.
        if let Some(window) = web_sys::window() {
            let d = dispatch;
            listeners.push(EventListener::new(&window, "hashchange", move |_| {
                if let Some(fragment) = io::share_fragment() {
                    io::clear_fragment();
                    d.emit(Action::OpenLink(fragment));
                }
            }));
        }
        move || drop(listeners)
    });
}
