//! The module's side of sharing one page with the workspace's Yew app (wasm32, module
//! `planner-more`): see [`Shield`].

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The kinds of event the workspace's controls listen for (its `on…` handlers).
const SHIELDED: [&str; 8] = [
    "click", "input", "change", "keydown", "submit", "focus", "blur", "toggle",
];

/// Keeps the workspace's Yew app out of the events of the screen shown in `host`.
///
/// Both Yew apps (the workspace's, rooted at the body, and the module's, rooted at `host`)
/// mark each element with a listener by a subtree id and a listener id, each from a counter
/// of its own wasm module, so the two apps can use the same ids. The workspace's app sees
/// every event first (Yew listens in the capture phase at its root); taking an event inside
/// the screen for its own, it ran its own handler with the screen's element's listener id
/// (clicking "Download the template" on the outturn screen ran the "Edit" button's). So an
/// event inside `host` is marked "no subtree" in Yew's per-event cache as it enters the page
/// (window, capture phase), which the workspace's app skips, and the mark is taken off at
/// `host` before the module's app, whose listeners on `host` are added after these, looks.
pub struct Shield {
    host: web_sys::Element,
    mark: Closure<dyn Fn(web_sys::Event)>,
    clear: Closure<dyn Fn(web_sys::Event)>,
}

const SUBTREE: &str = "__yew_subtree_id";
const CACHE_KEY: &str = "__yew_subtree_cache_key";

impl Shield {
    /// Shield the screen about to be mounted in `host` (before its app is).
    pub fn new(host: web_sys::Element) -> Shield {
        let inside = host.clone();
        let mark = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
            let target = e.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
            if target.is_some_and(|t| !inside.is_same_node(Some(&t)) && inside.contains(Some(&t))) {
                let _ = js_sys::Reflect::set(&e, &SUBTREE.into(), &0.into());
                let key = JsValue::from(e.composed_path().length());
                let _ = js_sys::Reflect::set(&e, &CACHE_KEY.into(), &key);
            }
        });
        let clear = Closure::<dyn Fn(web_sys::Event)>::new(|e: web_sys::Event| {
            let _ = js_sys::Reflect::delete_property(&e, &SUBTREE.into());
            let _ = js_sys::Reflect::delete_property(&e, &CACHE_KEY.into());
        });
        let shield = Shield { host, mark, clear };
        shield.each(|target, kind, f| {
            let _ = target.add_event_listener_with_callback_and_bool(kind, f, true);
        });
        shield
    }

    /// `f(target, kind, listener)` for each listener the shield adds.
    fn each(&self, f: impl Fn(&web_sys::EventTarget, &str, &js_sys::Function)) {
        let window = web_sys::window();
        for kind in SHIELDED {
            if let Some(w) = &window {
                f(w, kind, self.mark.as_ref().unchecked_ref());
            }
            f(&self.host, kind, self.clear.as_ref().unchecked_ref());
        }
    }
}

impl Drop for Shield {
    fn drop(&mut self) {
        self.each(|target, kind, f| {
            let _ = target.remove_event_listener_with_callback_and_bool(kind, f, true);
        });
    }
}
