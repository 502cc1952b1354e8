//! The second wasm module of the browser app (bin `planner-more`): compare, presentation
//! mode, the print pack and the import/export and share menus' contents, fetched by the
//! workspace the first time one is opened. On the host it is an empty stub. See
//! `planner::app::remote`.

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// Show the screen `request` asks for inside `host`; `bridge` gives scenarios and
    /// takes the screen's requests. Returns the screen's number.
    #[wasm_bindgen]
    pub fn mount(host: web_sys::Element, request: String, bridge: JsValue) -> Result<u32, JsValue> {
        planner::app::remote::mount(host, &request, bridge)
            .map_err(|e| JsValue::from_str(&e.to_string()))
    }

    /// The workspace changed: show screen `id` on its new state.
    #[wasm_bindgen]
    pub fn update(id: u32, request: String) -> Result<(), JsValue> {
        planner::app::remote::update(id, &request).map_err(|e| JsValue::from_str(&e.to_string()))
    }

    /// Take screen `id` down.
    #[wasm_bindgen]
    pub fn unmount(id: u32) {
        planner::app::remote::unmount(id);
    }
}

fn main() {}
