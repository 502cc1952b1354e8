//! A panic must never leave a silently dead page.
//!
//! [`install`] sets a panic hook that logs the panic to the browser console and asks the
//! page to show its "Something went wrong" banner (`window.__mtfpFatal`, defined in
//! `index.html`), which offers to download the user's saved work and to reload. The
//! release build aborts on panic, so the page also catches the resulting wasm trap
//! ("unreachable") itself; both paths end at the same banner, shown once.

use wasm_bindgen::{JsCast, JsValue};

/// The page function that shows the fatal-error banner (defined in `index.html`).
pub const FATAL_HANDLER: &str = "__mtfpFatal";

/// Id of the plain banner shown when the page has no [`FATAL_HANDLER`].
pub const FALLBACK_BANNER_ID: &str = "mtfp-fatal-fallback";

/// Installs the panic hook. Call once in `app::start()`, before the Yew renderer starts.
///
/// Goes through [`yew::set_custom_panic_hook`]: a plain `std::panic::set_hook` would be
/// replaced by Yew's own console-only hook when the renderer starts.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        report(&format!("{info}{}", js_stack()));
    }));
}

/// The JavaScript stack at this point (through the wasm frames), or "" if unavailable.
fn js_stack() -> String {
    let error = js_sys::Error::new("");
    js_sys::Reflect::get(&error, &JsValue::from_str("stack"))
        .ok()
        .and_then(|stack| stack.as_string())
        .map(|stack| format!("\n\nStack:\n{stack}"))
        .unwrap_or_default()
}

/// Logs `message` to the console and shows the fatal-error banner.
///
/// Uses the page's [`FATAL_HANDLER`] when present; otherwise (a page built without
/// `index.html`, such as the browser-test runner's) inserts a plain banner itself.
pub fn report(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(&format!("mtfp: fatal error: {message}")));
    if !call_page_handler(message) {
        fallback_banner(message);
    }
}

/// Calls `window.__mtfpFatal(message)`; false if it is missing or throws.
fn call_page_handler(message: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(handler) = js_sys::Reflect::get(&window, &JsValue::from_str(FATAL_HANDLER)) else {
        return false;
    };
    match handler.dyn_ref::<js_sys::Function>() {
        Some(function) => function
            .call1(&JsValue::NULL, &JsValue::from_str(message))
            .is_ok(),
        None => false,
    }
}

/// A minimal `role="alert"` banner at the top of the body, built without the page's help.
fn fallback_banner(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    if document.get_element_by_id(FALLBACK_BANNER_ID).is_some() {
        return;
    }
    let Ok(banner) = document.create_element("div") else {
        return;
    };
    banner.set_id(FALLBACK_BANNER_ID);
    // Attribute writes on a fresh element cannot fail in practice; ignore if they do.
    let _ = banner.set_attribute("role", "alert");
    // Through the element's style object (CSSOM), which the page's Content-Security-Policy
    // allows, not a `style` attribute, which it blocks.
    if let Some(element) = banner.dyn_ref::<web_sys::HtmlElement>() {
        element.style().set_css_text(
            "position:fixed;top:0;left:0;right:0;z-index:2147483647;padding:1rem;\
             background:#fdf2f2;color:#1b1b1b;border-bottom:4px solid #b10e1e;font:16px sans-serif",
        );
    }
    banner.set_text_content(Some(&format!(
        "Something went wrong. The planner has stopped; your work saved in this browser is \
         still there. Reload the page to continue. ({message})"
    )));
    let _ = body.prepend_with_node_1(&banner);
}
