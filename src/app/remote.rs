//! The second wasm module (bin `planner-more`): compare, presentation mode and the print
//! pack, fetched the first time one of them is opened and mounted into an element of the
//! workspace's page ([`super::more`] is the workspace's side). It keeps the page's first
//! download to the workspace alone.
//!
//! The workspace hands it a [`Request`] and a bridge: `scenario(key)` gives the scenario
//! `s<id>` (or `baseline`) as JSON, read only when a screen needs it; `send("exit")` closes
//! the screen. See docs/scenarios.md, "Modules loaded on demand".

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use super::compare::Compare;
use super::present::{Presentation, PrintNow};
use super::state::{Action, Notice, View, Workspace};
use crate::model::baseline;
use crate::model::scenario::Scenario;
use crate::model::ModelError;
use crate::store::remote::{BadRequest, Request, Screen};
use crate::store::{Contents, ContentsError};

thread_local! {
    /// The workspace's bridge, while a screen is mounted.
    static BRIDGE: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    /// The mounted screen.
    static APP: RefCell<Option<AppHandle<Remote>>> = const { RefCell::new(None) };
}

/// Call the bridge's function `name` with `arg`.
fn bridge_call(name: &str, arg: &str) -> Option<JsValue> {
    let bridge = BRIDGE.with(|b| b.borrow().clone())?;
    let f: js_sys::Function = js_sys::Reflect::get(&bridge, &JsValue::from_str(name))
        .ok()?
        .dyn_into()
        .ok()?;
    f.call1(&JsValue::NULL, &JsValue::from_str(arg)).ok()
}

/// Scenario `key` from the workspace (its change log stays there).
fn fetch(key: &str) -> Result<Contents, ContentsError> {
    let text = bridge_call("scenario", key)
        .and_then(|v| v.as_string())
        .ok_or(ContentsError::Gone)?;
    let scenario = Scenario::from_json(&text).map_err(ContentsError::Scenario)?;
    Ok(Contents {
        scenario: Rc::new(scenario),
        log: Rc::new(Vec::new()),
    })
}

/// Tell the workspace the screen is closed.
fn exit() {
    let _ = bridge_call("send", "exit");
}

/// Why a screen could not be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScreenError {
    /// The workspace asked in a way this module does not read.
    Request(BadRequest),
    /// The baseline or the scenario on screen could not be projected.
    Model(ModelError),
}

impl std::fmt::Display for ScreenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ScreenError::Request(e) => write!(f, "{e}"),
            ScreenError::Model(e) => write!(f, "This screen could not be shown: {e}"),
        }
    }
}

fn props_for(request: &str) -> Result<RemoteProps, ScreenError> {
    let request = Request::from_json(request).map_err(ScreenError::Request)?;
    let baseline = baseline::nottinghamshire().map_err(ScreenError::Model)?;
    let ws = Workspace::remote(baseline, &request, fetch).map_err(ScreenError::Model)?;
    Ok(RemoteProps {
        ws,
        screen: request.screen,
    })
}

/// Show the screen `request` asks for inside `host`, reading scenarios through `bridge`.
pub fn mount(host: web_sys::Element, request: &str, bridge: JsValue) -> Result<(), ScreenError> {
    super::panic::install();
    BRIDGE.with(|b| *b.borrow_mut() = Some(bridge));
    let props = props_for(request)?;
    let handle = yew::Renderer::<Remote>::with_root_and_props(host, props).render();
    APP.with(|a| *a.borrow_mut() = Some(handle));
    Ok(())
}

/// The workspace changed (a scenario added, renamed or deleted, another on screen).
pub fn update(request: &str) -> Result<(), ScreenError> {
    let props = props_for(request)?;
    APP.with(|a| {
        if let Some(app) = a.borrow_mut().as_mut() {
            app.update(props);
        }
    });
    Ok(())
}

/// Take the screen down.
pub fn unmount() {
    if let Some(app) = APP.with(|a| a.borrow_mut().take()) {
        app.destroy();
    }
    BRIDGE.with(|b| *b.borrow_mut() = None);
}

/// Props of [`Remote`].
#[derive(Properties, PartialEq)]
pub struct RemoteProps {
    ws: Workspace,
    screen: Screen,
}

/// The screen asked for, on the workspace it was given. Its own messages (a chart that
/// could not be exported) stay here; "back to editing" goes back to the workspace.
#[component]
fn Remote(props: &RemoteProps) -> Html {
    let notice = use_state(|| None::<Notice>);
    let done = Callback::from(|()| exit());
    match props.screen {
        Screen::Compare => {
            let mut ws = props.ws.clone();
            ws.view = View::Compare;
            ws.notice = (*notice).clone();
            let dispatch = Callback::from(move |a: Action| match a {
                Action::Show(View::Edit) => exit(),
                Action::Notify(n) => notice.set(Some(n)),
                Action::DismissNotice => notice.set(None),
                _ => {}
            });
            html! { <Compare {ws} {dispatch} /> }
        }
        Screen::Present => html! { <Presentation ws={props.ws.clone()} on_exit={done} /> },
        Screen::Print => html! { <PrintNow ws={props.ws.clone()} on_done={done} /> },
    }
}
