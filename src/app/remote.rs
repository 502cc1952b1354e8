//! The second wasm module (bin `planner-more`): compare, presentation mode, the print
//! pack and what the import/export and share menus hold, fetched the first time one of
//! them is opened and mounted into an element of the workspace's page ([`super::more`] is
//! the workspace's side). It keeps the page's first download to the workspace alone.
//!
//! The workspace hands each screen a [`Request`] and a bridge: `scenario(key)` gives the
//! scenario `s<id>` (or `baseline`, or the one on screen now: [`ON_SCREEN`]) as JSON, read
//! only when a screen needs it;
//! `contents(key)` gives it with its change log, for a backup; `send(message)` asks for a
//! change ([`Message`]: import this, show this message, the screen is done), and
//! `restore(items)` adds a backup's scenarios. Several screens may be shown at once (the
//! compare screen and an open menu). See docs/scenarios.md, "Modules loaded on demand".

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use super::analysis::Analysis;
use super::capital::Capital;
use super::compare::Compare;
use super::files::{Files, ShareLink};
use super::outturn::Outturn;
use super::present::{Presentation, PrintNow};
use super::reserves::ReservesScreen;
use super::savings::SavingsScreen;
use super::state::{Action, Dispatch, View, Workspace};
use crate::model::baseline;
use crate::model::scenario::Scenario;
use crate::model::ModelError;
use crate::store::remote::{BadRequest, Message, Request, Saving, Screen, ON_SCREEN};
use crate::store::session::Restored;
use crate::store::{Contents, ContentsError};

thread_local! {
    /// The screens shown, by the number [`mount`] gave each.
    static APPS: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
    /// The number the next screen gets.
    static NEXT: Cell<u32> = const { Cell::new(1) };
    /// A bridge to read scenarios through (every screen's bridge reads the same workspace).
    static SOURCE: RefCell<Option<Bridge>> = const { RefCell::new(None) };
    /// True once [`skip_the_workspaces_root_number`] has run.
    static SKIPPED: Cell<bool> = const { Cell::new(false) };
}

/// A screen shown: its number, bridge, app, and the listeners that keep the workspace's
/// app out of its events ([`super::isolate`]).
type Mounted = (
    u32,
    Bridge,
    AppHandle<Remote>,
    Vec<gloo_events::EventListener>,
);

/// The workspace's bridge given to one screen.
#[derive(Clone)]
pub struct Bridge(JsValue);

impl PartialEq for Bridge {
    fn eq(&self, other: &Bridge) -> bool {
        js_sys::Object::is(&self.0, &other.0)
    }
}

impl Bridge {
    /// Call the bridge's function `name` with `arg`.
    fn call(&self, name: &str, arg: &JsValue) -> Option<JsValue> {
        let f: js_sys::Function = js_sys::Reflect::get(&self.0, &JsValue::from_str(name))
            .ok()?
            .dyn_into()
            .ok()?;
        f.call1(&JsValue::NULL, arg).ok()
    }

    /// Ask the workspace for `message`.
    pub fn send(&self, message: &Message) {
        let _ = self.call("send", &JsValue::from_str(&message.to_json()));
    }

    /// The scenario on screen in the workspace at this moment. The screen's props trail it
    /// by a render or two of each module, so a change worked out on them could undo the
    /// one before (see `Now` in app/more.rs); one worked out on this cannot.
    pub fn on_screen(&self) -> Option<Scenario> {
        let text = self.call("scenario", &JsValue::from_str(ON_SCREEN))?;
        Scenario::from_json(&text.as_string()?).ok()
    }

    /// Scenario `key` (`s<id>`) with its change log, as a backup holds it.
    pub fn contents(&self, key: &str) -> Option<String> {
        self.call("contents", &JsValue::from_str(key))?.as_string()
    }

    /// Add a backup's scenarios beside the user's own.
    fn restore(&self, restored: &[Restored]) {
        let items = js_sys::Array::new();
        for r in restored {
            items.push(&JsValue::from_str(&r.name));
            items.push(&JsValue::from_str(&r.packed));
        }
        let _ = self.call("restore", &items);
    }

    /// What the screen's controls do, as the workspace's dispatcher: each action that
    /// changes the workspace is sent to it.
    fn dispatcher(&self) -> Callback<Action> {
        let bridge = self.clone();
        Callback::from(move |action: Action| match action {
            Action::Restore(Ok(restored)) => bridge.restore(&restored),
            other => {
                if let Some(m) = Message::for_action(other) {
                    bridge.send(&m);
                }
            }
        })
    }
}

/// Scenario `key` from the workspace (its change log stays there).
fn fetch(key: &str) -> Result<Contents, ContentsError> {
    let text = SOURCE
        .with(|b| {
            b.borrow()
                .as_ref()?
                .call("scenario", &JsValue::from_str(key))
        })
        .and_then(|v| v.as_string())
        .ok_or(ContentsError::Gone)?;
    let scenario = Scenario::from_json(&text).map_err(ContentsError::Scenario)?;
    Ok(Contents {
        scenario: Rc::new(scenario),
        log: Rc::new(Vec::new()),
    })
}

/// The scenario on screen in the workspace at this moment, else `shown` (the screen's
/// copy). A screen that sends a whole section of it, or the whole scenario, works its
/// change out on this: its copy can trail the workspace by a render of each module, and a
/// change worked out on that would put back what the change before it replaced
/// (docs/scenarios.md, "Modules loaded on demand").
pub fn on_screen(shown: &Rc<Scenario>) -> Rc<Scenario> {
    SOURCE
        .with(|b| b.borrow().as_ref().and_then(Bridge::on_screen))
        .map_or_else(|| shown.clone(), Rc::new)
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

fn props_for(request: &str, bridge: Bridge) -> Result<RemoteProps, ScreenError> {
    let request = Request::from_json(request).map_err(ScreenError::Request)?;
    let baseline = baseline::nottinghamshire().map_err(ScreenError::Model)?;
    let ws = Workspace::remote(baseline, &request, fetch).map_err(ScreenError::Model)?;
    Ok(RemoteProps {
        ws,
        screen: request.screen,
        saving: request.saving,
        read_only: request.read_only,
        bridge,
    })
}

/// An app that shows nothing (see [`skip_the_workspaces_root_number`]).
#[component]
fn Nothing() -> Html {
    html! {}
}

/// Yew numbers the app roots of each wasm module from 1, marks each root's element with
/// its number, and has a root handle an event when the nearest marked element above the
/// target carries its own number. The workspace's root is 1; a screen here numbered 1 too
/// would have its clicks handled by the workspace as well, which looks the clicked
/// element's listener number up among its own elements: a click on a button of the
/// Import / export menu switched the precept to £. So number 1 is taken here, once, by an
/// app that shows nothing on an element never in the page, and screens start at 2.
fn skip_the_workspaces_root_number() {
    if SKIPPED.with(|s| s.replace(true)) {
        return;
    }
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("div").ok())
    {
        yew::Renderer::<Nothing>::with_root(el).render().destroy();
    }
}

/// Show the screen `request` asks for inside `host`, talking to the workspace through
/// `bridge`; the number to update or take it down by.
pub fn mount(host: web_sys::Element, request: &str, bridge: JsValue) -> Result<u32, ScreenError> {
    super::panic::install();
    skip_the_workspaces_root_number();
    let bridge = Bridge(bridge);
    SOURCE.with(|b| *b.borrow_mut() = Some(bridge.clone()));
    let props = props_for(request, bridge.clone())?;
    let isolated = super::isolate::isolate(&host);
    let handle = yew::Renderer::<Remote>::with_root_and_props(host, props).render();
    let id = NEXT.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    });
    APPS.with(|a| a.borrow_mut().push((id, bridge, handle, isolated)));
    Ok(id)
}

/// The workspace changed: show screen `id` on its new state.
pub fn update(id: u32, request: &str) -> Result<(), ScreenError> {
    APPS.with(|a| {
        let mut apps = a.borrow_mut();
        if let Some((_, bridge, app, _)) = apps.iter_mut().find(|(i, ..)| *i == id) {
            app.update(props_for(request, bridge.clone())?);
        }
        Ok(())
    })
}

/// Take screen `id` down.
pub fn unmount(id: u32) {
    let shown = APPS.with(|a| {
        let mut apps = a.borrow_mut();
        let at = apps.iter().position(|(i, ..)| *i == id)?;
        let (_, _, app, isolated) = apps.remove(at);
        Some((app, isolated))
    });
    // The listeners keeping the workspace out go after the app.
    if let Some((app, _isolated)) = shown {
        app.destroy();
    }
}

/// Props of [`Remote`].
#[derive(Properties, PartialEq)]
pub struct RemoteProps {
    ws: Workspace,
    screen: Screen,
    saving: Saving,
    read_only: bool,
    bridge: Bridge,
}

/// The screen asked for, on the workspace it was given. What its controls do is sent to
/// the workspace, whose message comes back with the next request.
#[component]
fn Remote(props: &RemoteProps) -> Html {
    let dispatch = use_memo(props.bridge.clone(), Bridge::dispatcher);
    let done = {
        let bridge = props.bridge.clone();
        Callback::from(move |()| bridge.send(&Message::Exit))
    };
    let ws = &props.ws;
    let screen = match props.screen {
        Screen::Compare => {
            let mut ws = ws.clone();
            ws.view = View::Compare;
            html! { <Compare {ws} dispatch={(*dispatch).clone()} /> }
        }
        Screen::Present => html! { <Presentation ws={ws.clone()} on_exit={done} /> },
        Screen::Print => html! { <PrintNow ws={ws.clone()} on_done={done} /> },
        Screen::Files => {
            let scenarios = Rc::new(ws.collection().entries().iter().map(|e| e.id).collect());
            html! {
                <Files
                    scenario={ws.scenario.clone()}
                    projection={ws.projection.clone()}
                    baseline={ws.baseline.clone()}
                    baseline_projection={ws.baseline_projection.clone()}
                    {scenarios}
                    saving={props.saving}
                    read_only={props.read_only}
                    notice={ws.notice.clone()} />
            }
        }
        Screen::Share => {
            html! { <ShareLink scenario={ws.scenario.clone()} notice={ws.notice.clone()} /> }
        }
        Screen::Capital => html! { <Capital ws={ws.clone()} dispatch={(*dispatch).clone()} /> },
        Screen::Analysis => html! { <Analysis ws={ws.clone()} /> },
        Screen::Savings => html! { <SavingsScreen ws={ws.clone()} /> },
        Screen::Reserves => html! { <ReservesScreen ws={ws.clone()} /> },
        Screen::Outturn => {
            let mut ws = ws.clone();
            ws.view = View::Outturn;
            html! { <Outturn {ws} dispatch={(*dispatch).clone()} /> }
        }
    };
    html! {
        <ContextProvider<Dispatch> context={Dispatch((*dispatch).clone())}>
            <ContextProvider<Bridge> context={props.bridge.clone()}>{ screen }</ContextProvider<Bridge>>
        </ContextProvider<Dispatch>>
    }
}
