//! The few browser calls the presentation needs: full screen, focus, printing, and
//! today's date for the print pack (the model never sees a clock). Listeners are gloo's
//! `EventListener`s, removed when dropped.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Ask for the whole page in full screen. Must run inside a user gesture (a click or a
/// key press); browsers that refuse (or an iframe without permission) leave the page as it
/// is, and the presentation still fills the window.
pub fn enter_fullscreen() {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        // The call returns a promise in current browsers; a refusal rejects it, which the
        // page ignores (the layout is full-viewport regardless).
        if let Ok(f) = js_sys::Reflect::get(&root, &JsValue::from_str("requestFullscreen")) {
            if let Some(f) = f.dyn_ref::<js_sys::Function>() {
                if let Ok(p) = f.call0(&root) {
                    if let Ok(p) = p.dyn_into::<js_sys::Promise>() {
                        let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
                        let _ = p.catch(&ignore);
                        ignore.forget();
                    }
                }
            }
        }
    }
}

/// Leave full screen if the page is in it.
pub fn exit_fullscreen() {
    if let Some(d) = document() {
        if d.fullscreen_element().is_some() {
            d.exit_fullscreen();
        }
    }
}

/// True while some element of the page is in full screen.
pub fn is_fullscreen() -> bool {
    document().is_some_and(|d| d.fullscreen_element().is_some())
}

/// Move focus to the element with `id`, if it exists.
pub fn focus_id(id: &str) {
    if let Some(el) = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Today's date as the browser's clock and the UK read it: "22 November 2026".
pub fn today() -> String {
    let options = js_sys::Object::new();
    for (k, v) in [("day", "numeric"), ("month", "long"), ("year", "numeric")] {
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    js_sys::Date::new_0()
        .to_locale_date_string("en-GB", &options)
        .as_string()
        .unwrap_or_default()
}

/// Open the browser's print dialog (the print stylesheet turns the page into the pack).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}
