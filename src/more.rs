//! The second wasm module of the browser app (bin `planner-more`): compare, presentation
//! mode and the print pack, fetched by the workspace the first time one is opened. On the
//! host it is an empty stub. See `planner::app::remote`.

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// Show the screen `request` asks for inside `host`; `bridge` gives scenarios and is
    /// told when the screen closes.
    #[wasm_bindgen]
    pub fn mount(host: web_sys::Element, request: String, bridge: JsValue) -> Result<(), JsValue> {
        planner::app::remote::mount(host, &request, bridge)
            .map_err(|e| JsValue::from_str(&e.to_string()))
    }

    /// The workspace changed: show the screen on its new state.
    #[wasm_bindgen]
    pub fn update(request: String) -> Result<(), JsValue> {
        planner::app::remote::update(&request).map_err(|e| JsValue::from_str(&e.to_string()))
    }

    /// Take the screen down.
    #[wasm_bindgen]
    pub fn unmount() {
        planner::app::remote::unmount();
    }
}

fn main() {}
