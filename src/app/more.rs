//! Screens loaded on demand: compare, presentation mode and the print pack live in a
//! second wasm module ([`super::remote`], bin `planner-more`), fetched ([`super::lazy`])
//! the first time one of them is opened, so the page's first download carries only the workspace. This is the
//! workspace's side: it loads the module once, mounts the screen into an element of its
//! own, keeps it up to date as the scenarios change, and gives it each scenario it asks
//! for. See docs/scenarios.md, "Modules loaded on demand".

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use super::lazy::{self, call};
use super::state::Workspace;
use crate::store::remote::{Request, Screen};
use crate::store::Selected;

/// The bridge the module reads scenarios through and says it is done on. Its closures live
/// as long as the screen.
struct Bridge {
    object: js_sys::Object,
    _scenario: Closure<dyn Fn(String) -> JsValue>,
    _send: Closure<dyn Fn(String)>,
}

impl Bridge {
    fn new(latest: Rc<RefCell<Workspace>>, on_exit: Callback<()>) -> Bridge {
        let scenario = Closure::<dyn Fn(String) -> JsValue>::new(move |key: String| {
            Selected::from_key(&key)
                .and_then(|sel| latest.try_borrow().ok()?.scenario_of(sel))
                .map_or(JsValue::UNDEFINED, |s| {
                    JsValue::from_str(&s.to_json_compact())
                })
        });
        let send = Closure::<dyn Fn(String)>::new(move |message: String| {
            if message == "exit" {
                on_exit.emit(());
            }
        });
        let object = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&object, &"scenario".into(), scenario.as_ref());
        let _ = js_sys::Reflect::set(&object, &"send".into(), send.as_ref());
        Bridge {
            object,
            _scenario: scenario,
            _send: send,
        }
    }
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
    let module = use_mut_ref(|| None::<(JsValue, Bridge)>);
    {
        let (host, status, latest, module) =
            (host.clone(), status.clone(), latest.clone(), module.clone());
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
                        let bridge = Bridge::new(latest.clone(), on_exit);
                        let request = Request::of(&latest.borrow(), screen).to_json();
                        call(
                            &m,
                            "mount",
                            &[element.into(), request.into(), bridge.object.clone().into()],
                        )?;
                        *mounted.borrow_mut() = Some((m, bridge));
                        Ok(())
                    });
                status.set(match result {
                    Ok(()) => Status::Shown,
                    Err(e) => Status::Failed(e),
                });
            });
            move || {
                if let Some((m, _bridge)) = module.borrow_mut().take() {
                    let _ = call(&m, "unmount", &[]);
                }
            }
        });
    }
    // The scenarios changed while the screen is open: show it on the new state.
    {
        let (module, latest) = (module.clone(), latest.clone());
        let screen = props.screen;
        use_effect_with(
            (
                props.ws.store.clone(),
                props.ws.scenario.clone(),
                props.ws.headline_year,
            ),
            move |_| {
                if let Some((m, _)) = module.borrow().as_ref() {
                    let request = Request::of(&latest.borrow(), screen).to_json();
                    let _ = call(m, "update", &[request.into()]);
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
