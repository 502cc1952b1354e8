//! Browser tests: run in headless Chromium by wasm-bindgen-test-runner.
//!
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test tests`
//! (scripts/test.sh does this). Only `#[wasm_bindgen_test]` functions run in the browser.
//! Add browser tests as `#[wasm_bindgen_test]` functions here, or in another module declared
//! in tests/main.rs under `#[cfg(target_arch = "wasm32")]`.

// The panic module is private to the app; compile its source into this test crate.
#[allow(dead_code)]
#[path = "../src/app/panic.rs"]
mod panic;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Result<web_sys::Document, JsValue> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))
}

fn global(name: &str) -> Result<JsValue, JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    js_sys::Reflect::get(&window, &JsValue::from_str(name))
}

fn set_global(name: &str, value: &JsValue) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    js_sys::Reflect::set(&window, &JsValue::from_str(name), value)?;
    Ok(())
}

/// With the page's handler present, a report goes to it with the message, and no fallback
/// banner is drawn.
#[wasm_bindgen_test]
fn report_calls_the_page_handler() -> Result<(), JsValue> {
    let record = js_sys::Function::new_with_args("message", "window.__seenFatal = message;");
    set_global(panic::FATAL_HANDLER, &record)?;

    panic::report("model overflowed");

    let seen = global("__seenFatal")?.as_string().unwrap_or_default();
    assert_eq!(seen, "model overflowed");
    assert!(document()?
        .get_element_by_id(panic::FALLBACK_BANNER_ID)
        .is_none());
    set_global(panic::FATAL_HANDLER, &JsValue::UNDEFINED)?;
    Ok(())
}

/// Without the page's handler, the report still puts a visible alert in front of the user.
#[wasm_bindgen_test]
fn report_without_handler_draws_a_fallback_alert() -> Result<(), JsValue> {
    set_global(panic::FATAL_HANDLER, &JsValue::UNDEFINED)?;
    let document = document()?;
    let body = document
        .body()
        .ok_or_else(|| JsValue::from_str("no body"))?;
    let children_before = body.child_element_count();

    panic::report("chart failed");
    panic::report("and again");

    let banner = document
        .get_element_by_id(panic::FALLBACK_BANNER_ID)
        .ok_or_else(|| JsValue::from_str("no fallback banner"))?;
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    // Styled through CSSOM, as a strict Content-Security-Policy allows.
    let style = banner
        .dyn_ref::<web_sys::HtmlElement>()
        .ok_or_else(|| JsValue::from_str("not an HTML element"))?
        .style();
    assert_eq!(style.get_property_value("position")?, "fixed");
    let text = banner.text_content().unwrap_or_default();
    assert!(text.contains("Something went wrong"), "{text}");
    assert!(text.contains("chart failed"), "{text}");
    assert_eq!(
        body.child_element_count(),
        children_before + 1,
        "a second report must not stack banners"
    );
    banner.remove();
    Ok(())
}

/// The host page is a real browser page: the wasm can reach the DOM.
#[wasm_bindgen_test]
fn runs_in_a_real_browser() -> Result<(), JsValue> {
    let document = document()?;
    let div = document.create_element("div")?;
    div.set_text_content(Some("£8.1m"));
    let body = document
        .body()
        .ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&div)?;
    let element: web_sys::HtmlElement = div.dyn_into()?;
    assert_eq!(element.inner_text(), "£8.1m");
    element.remove();
    Ok(())
}

/// The same seed gives the same pennies in the browser as natively: these are the figures
/// `tests/risk.rs` (`seed_42_on_the_baseline_gives_these_figures`) asserts natively, and
/// `mtfp risk --draws 1000 --seed 42` prints for 2025/26.
#[wasm_bindgen_test]
fn risk_in_wasm_equals_native() -> Result<(), JsValue> {
    use planner::model::{baseline, risk};
    use rust_decimal::Decimal;
    let err = |e: planner::model::ModelError| JsValue::from_str(&e.to_string());
    let s = baseline::nottinghamshire().map_err(err)?;
    let settings = risk::Settings {
        draws: 1_000,
        seed: 42,
        ..risk::Settings::default()
    };
    let r = risk::run(&s, &settings).map_err(err)?;
    let last = r
        .years
        .last()
        .ok_or_else(|| JsValue::from_str("no years"))?;
    let got = (
        last.cumulative_gap.p5,
        last.cumulative_gap.p50,
        last.cumulative_gap.p95,
        last.general_reserve.p50,
        last.below_floor,
    );
    let want = (
        Decimal::new(-1021548511, 2),
        Decimal::new(3230913950, 2),
        Decimal::new(7600502031, 2),
        Decimal::new(-2531095269, 2),
        896,
    );
    assert_eq!(got, want);
    Ok(())
}
