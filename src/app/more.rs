//! Screens loaded on demand: compare, presentation mode, the print pack and what the
//! import/export and share menus hold live in a second wasm module ([`super::remote`], bin
//! `planner-more`), fetched ([`super::lazy`]) the first time one of them is opened, so the
//! page's first download carries only the workspace. This is the workspace's side: it
//! loads the module once, mounts the screen into an element of its own, keeps it up to date
//! as the workspace changes, gives it each scenario it asks for, and does what it asks
//! ([`Message`], and a restored backup's scenarios). See docs/scenarios.md, "Screens loaded
//! on demand".

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use super::autosave::Storage;
use super::lazy::{self, call};
use super::state::{use_dispatch, Action, Workspace, WorkspaceContext};
use super::storage::Backend;
use crate::store::remote::{Message, Request, Saving, Screen, ON_SCREEN};
use crate::store::session::Restored;
use crate::store::{records, Selected};

/// The workspace as it is at this moment, for the bridge to read: the root's reducer,
/// whose state changes the moment an action is dispatched. This component's props, and
/// the module's screen after them, catch up only when Yew next renders, which may be a
/// task or more later (its scheduler yields to the browser every 16 ms, and runs the
/// effect that updates the module after the renders), after the user's next change.
/// The module works each edit out on what it reads here, so none builds on a state an
/// edit before it has already replaced. (The root provides it to every screen.)
#[derive(Clone)]
struct Now(Option<WorkspaceContext>);

impl Now {
    fn read<R>(&self, f: impl FnOnce(&Workspace) -> Option<R>) -> Option<R> {
        // A fresh handle each time: a kept one keeps every state it was read at.
        f(&self.0.as_ref()?.clone())
    }
}

/// The bridge the module reads scenarios through and asks for changes on. Its closures
/// live as long as the screen.
struct Bridge {
    object: js_sys::Object,
    _scenario: Closure<dyn Fn(String) -> JsValue>,
    _contents: Closure<dyn Fn(String) -> JsValue>,
    _send: Closure<dyn Fn(String)>,
    _restore: Closure<dyn Fn(js_sys::Array)>,
}

impl Bridge {
    fn new(now: Now, on_exit: Callback<()>, dispatch: Callback<Action>) -> Bridge {
        // `scenario(key)`: the scenario `s<id>`, `baseline` or the one on screen
        // ([`ON_SCREEN`]), as its file's JSON.
        let scenario = {
            let now = now.clone();
            Closure::<dyn Fn(String) -> JsValue>::new(move |key: String| {
                now.read(|ws| match key.as_str() {
                    ON_SCREEN => Some(ws.scenario.clone()),
                    _ => ws.scenario_of(Selected::from_key(&key)?),
                })
                .map_or(JsValue::UNDEFINED, |s| {
                    JsValue::from_str(&s.to_json_compact())
                })
            })
        };
        // `contents(key)`: scenario `s<id>` with its change log, as a backup holds it.
        let contents = Closure::<dyn Fn(String) -> JsValue>::new(move |key: String| {
            let Some(Selected::Scenario(id)) = Selected::from_key(&key) else {
                return JsValue::UNDEFINED;
            };
            now.read(|ws| ws.collection().get(id).and_then(records::backup_text))
                .map_or(JsValue::UNDEFINED, |t| JsValue::from_str(&t))
        });
        // `send(message)`: a [`Message`] as JSON.
        let send = {
            let dispatch = dispatch.clone();
            Closure::<dyn Fn(String)>::new(move |text: String| {
                if let Ok(message) = Message::from_json(&text) {
                    match message.into_action() {
                        Some(action) => dispatch.emit(action),
                        None => on_exit.emit(()),
                    }
                }
            })
        };
        // `restore([name, packed, name, packed, …])`: a backup's scenarios, checked and
        // packed, added beside the user's own as one step.
        let restore = Closure::<dyn Fn(js_sys::Array)>::new(move |items: js_sys::Array| {
            let strings: Vec<String> = items.iter().filter_map(|v| v.as_string()).collect();
            let restored = strings
                .chunks_exact(2)
                .filter_map(|pair| match pair {
                    [name, packed] => Some(Restored {
                        name: name.clone(),
                        packed: packed.as_str().into(),
                    }),
                    _ => None,
                })
                .collect();
            dispatch.emit(Action::Restore(Ok(restored)));
        });
        let object = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&object, &"scenario".into(), scenario.as_ref());
        let _ = js_sys::Reflect::set(&object, &"contents".into(), contents.as_ref());
        let _ = js_sys::Reflect::set(&object, &"send".into(), send.as_ref());
        let _ = js_sys::Reflect::set(&object, &"restore".into(), restore.as_ref());
        Bridge {
            object,
            _scenario: scenario,
            _contents: contents,
            _send: send,
            _restore: restore,
        }
    }
}

/// Where the workspace saves, and whether it may, for a [`Request`].
fn saving(storage: Option<&Storage>) -> (Saving, bool) {
    let saving = match storage.and_then(Storage::backend) {
        Some(Backend::Database(_)) => Saving::Database,
        Some(Backend::Local) => Saving::Local,
        _ => Saving::Nowhere,
    };
    (saving, storage.is_some_and(Storage::read_only))
}

/// Where loading the screen has got to.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Status {
    Loading,
    Shown,
    Failed(String),
}

/// Props of [`More`].
#[derive(Properties, PartialEq)]
pub struct MoreProps {
    /// The workspace.
    pub ws: Workspace,
    /// The screen to show.
    pub screen: Screen,
    /// True while it is out of sight (a shut menu): it is brought up to date when shown.
    #[prop_or_default]
    pub paused: bool,
    /// The screen was closed.
    pub on_exit: Callback<()>,
}

/// A screen from the second module, shown in this element.
#[component]
pub fn More(props: &MoreProps) -> Html {
    let host = use_node_ref();
    let status = use_state(|| Status::Loading);
    let latest = use_mut_ref(|| props.ws.clone());
    *latest.borrow_mut() = props.ws.clone();
    let module = use_mut_ref(|| None::<(JsValue, JsValue, Bridge)>);
    let dispatch = use_dispatch().callback();
    let reducer = use_context::<WorkspaceContext>();
    let (saving, read_only) = saving(use_context::<Storage>().as_ref());
    {
        let (host, status, latest, module, reducer) = (
            host.clone(),
            status.clone(),
            latest.clone(),
            module.clone(),
            reducer,
        );
        let (screen, on_exit) = (props.screen, props.on_exit.clone());
        use_effect_with((), move |_| {
            let mounted = module.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = lazy::load("more").await;
                let Some(element) = host.cast::<web_sys::Element>() else {
                    return;
                };
                let result = loaded
                    .map_err(|_| {
                        "This screen could not be loaded (its file did not arrive). Check the \
                         connection to the site and try again."
                            .to_string()
                    })
                    .and_then(|m| {
                        let bridge = Bridge::new(Now(reducer), on_exit, dispatch);
                        let request =
                            Request::of(&latest.borrow(), screen, saving, read_only).to_json();
                        let id = call(
                            &m,
                            "mount",
                            &[element.into(), request.into(), bridge.object.clone().into()],
                        )?;
                        *mounted.borrow_mut() = Some((m, id, bridge));
                        Ok(())
                    });
                status.set(match result {
                    Ok(()) => Status::Shown,
                    Err(e) => Status::Failed(e),
                });
            });
            move || {
                if let Some((m, id, _bridge)) = module.borrow_mut().take() {
                    let _ = call(&m, "unmount", &[id]);
                }
            }
        });
    }
    // The workspace changed while the screen is shown: show it on the new state.
    {
        let (module, latest) = (module.clone(), latest.clone());
        let screen = props.screen;
        use_effect_with(
            (
                props.ws.store.clone(),
                props.ws.scenario.clone(),
                props.ws.headline_year,
                props.ws.notice.clone(),
                props.ws.drafts.clone(),
                saving,
                read_only,
                props.paused,
            ),
            move |(.., paused)| {
                if *paused {
                    return;
                }
                if let Some((m, id, _)) = module.borrow().as_ref() {
                    let request =
                        Request::of(&latest.borrow(), screen, saving, read_only).to_json();
                    let _ = call(m, "update", &[id.clone(), request.into()]);
                }
            },
        );
    }
    html! {
        <>
            <div class="more-host" ref={host}></div>
            {
                match &*status {
                    Status::Loading => html! { <p class="more-loading" role="status">{ "Opening…" }</p> },
                    Status::Shown => html! {},
                    Status::Failed(e) => html! { <p class="load-error" role="alert">{ e.clone() }</p> },
                }
            }
        </>
    }
}
