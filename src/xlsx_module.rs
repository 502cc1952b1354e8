//! The third wasm module of the browser app (bin `planner-xlsx`): the Excel workbook
//! writer, fetched by the workspace the first time someone asks for a workbook
//! (`src/app/lazy.rs`), so the page's first download does not carry it. No Yew: one
//! function from a scenario file to the `.xlsx` bytes. On the host it is an empty stub;
//! `mtfp export-xlsx` writes the same workbook natively.

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// The workbook of the scenario in `scenario_json` (the scenario file as the app
    /// exports it), as the bytes of an `.xlsx` file; or the reason it cannot be made.
    #[wasm_bindgen]
    pub fn workbook(scenario_json: String) -> Result<Vec<u8>, JsValue> {
        planner::model::Scenario::from_json(&scenario_json)
            .map_err(|e| e.to_string())
            .and_then(|s| planner::xlsx::scenario_workbook(&s))
            .map_err(|e| JsValue::from_str(&e))
    }
}

fn main() {}
