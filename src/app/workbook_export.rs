//! The "Workbook (Excel)" export in the Import / export menu. The workbook is written by
//! the third wasm module (bin `planner-xlsx`, `src/xlsx_module.rs`), fetched ([`lazy`])
//! the first time someone asks for one, so the page's first download does not carry the
//! writer. It is given the scenario file and returns the `.xlsx` bytes, which are offered
//! as a download. See docs/scenarios.md, "The Excel workbook".

use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use super::{io, lazy};
use crate::model::Scenario;
use crate::store::workbook::MIME;

/// Where making a workbook has got to.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Status {
    Ready,
    Preparing,
    Failed(String),
}

/// The scenario's workbook, made by the module and offered as a download.
async fn make(scenario: &Scenario) -> Result<(), String> {
    let module = lazy::load("xlsx").await.map_err(|()| {
        "The workbook could not be made: the part of the planner that writes workbooks did \
         not arrive. Check the connection to the site and try again."
            .to_string()
    })?;
    let bytes = lazy::call(
        &module,
        "workbook",
        &[JsValue::from_str(&scenario.to_json())],
    )
    .map_err(|e| format!("The workbook could not be made: {e}"))?;
    let bytes: js_sys::Uint8Array = bytes
        .dyn_into()
        .map_err(|_| "The workbook could not be made.".to_string())?;
    io::download_bytes(&format!("{}.xlsx", io::slug(&scenario.name)), MIME, &bytes)
        .map_err(|e| e.to_string())
}

/// The button for `scenario`, with "Preparing the workbook…" while the module loads and
/// writes, and a message beside it if it cannot. A hook rather than a component of its own:
/// a component type of its own cost the first download about 0.9 KB (gzip) of Yew's code.
#[hook]
pub fn use_workbook_export(scenario: &Rc<Scenario>) -> Html {
    let status = use_state(|| Status::Ready);
    let preparing = *status == Status::Preparing;
    let onclick = {
        let (scenario, status) = (scenario.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            if preparing {
                return;
            }
            status.set(Status::Preparing);
            let (scenario, status) = (scenario.clone(), status.clone());
            wasm_bindgen_futures::spawn_local(async move {
                status.set(match make(&scenario).await {
                    Ok(()) => Status::Ready,
                    Err(e) => Status::Failed(e),
                });
            });
        })
    };
    html! {
        <>
            <button type="button" class="btn" id="export-xlsx" disabled={preparing} {onclick}
                title="Summary, every line and total by year (totals as Excel formulas), and the assumptions with their sources">{ "Workbook (Excel)" }</button>
            {
                match &*status {
                    Status::Ready => html! {},
                    Status::Preparing => html! { <span class="hint" role="status" id="export-xlsx-status">{ "Preparing the workbook…" }</span> },
                    Status::Failed(e) => html! { <span class="notice notice-error" role="alert" id="export-xlsx-error">{ e.clone() }</span> },
                }
            }
        </>
    }
}
