//! The Yew single-page app (wasm32 only): a thin shell around the pure model and view.

mod autosave;
mod chart;
mod charts_panel;
mod compare;
mod compare_tables;
mod controls;
mod field;
mod headlines;
mod io;
mod io_menu;
mod lazy;
mod more;
mod panel;
mod panel_teams;
mod panic;
mod present;
mod quick;
pub mod remote;
mod saved_menu;
mod scenario_about;
mod scenarios;
mod shortcuts;
mod state;
mod storage;
mod workbook_export;

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::model::baseline;
use crate::store::remote::Screen;
use state::{use_workforce, Action, View, Workspace};

/// Mount the app on the page's body. Called by `main` in the browser.
pub fn start() {
    panic::install();
    yew::Renderer::<App>::new().render();
}

/// What opening the app found: the workspace and what autosave carries on from, or why
/// the baseline could not be loaded.
struct Opened {
    ws: Workspace,
    start: Rc<RefCell<Option<autosave::Start>>>,
}

/// The root component: opens the saved work (the browser's database answers in a moment),
/// then the planner.
#[component]
pub fn App() -> Html {
    let opened = use_state(|| None::<Rc<Result<Opened, String>>>);
    {
        let opened = opened.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let result = match baseline::nottinghamshire() {
                    Ok(b) => io::open(b).await.map(|(ws, start)| Opened {
                        ws,
                        start: Rc::new(RefCell::new(Some(start))),
                    }),
                    Err(e) => Err(e.to_string()),
                };
                opened.set(Some(Rc::new(result)));
            });
        });
    }
    match opened.as_deref() {
        Some(Ok(o)) => html! { <Planner initial={o.ws.clone()} start={Start(o.start.clone())} /> },
        Some(Err(message)) => html! {
            <>
                <header class="app-header"><h1>{ "Medium-term financial plan" }</h1></header>
                <main class="workspace">
                    <p class="load-error" role="alert">{ format!("The baseline could not be loaded: {message}") }</p>
                </main>
            </>
        },
        None => html! {
            <>
                <header class="app-header"><h1>{ "Medium-term financial plan" }</h1></header>
                <main class="opening" aria-busy="true"><p>{ "Opening your saved scenarios…" }</p></main>
            </>
        },
    }
}

/// What autosave starts from, handed over once (compared by identity).
#[derive(Clone)]
struct Start(Rc<RefCell<Option<autosave::Start>>>);

impl PartialEq for Start {
    fn eq(&self, other: &Start) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq)]
struct PlannerProps {
    initial: Workspace,
    start: Start,
}

#[component]
fn Planner(props: &PlannerProps) -> Html {
    let ws = {
        let initial = props.initial.clone();
        use_reducer(move || initial)
    };
    let dispatch = {
        let ws = ws.clone();
        Callback::from(move |a: Action| ws.dispatch(a))
    };
    // Saving and the keyboard shortcuts belong to the whole app, not to any one control.
    let storage = autosave::use_autosave(&ws.store, props.start.0.clone(), dispatch.clone());
    shortcuts::use_shortcuts(dispatch.clone());
    // Ask once that the browser keep the scenarios even when space runs short.
    use_effect_with((), |_| {
        wasm_bindgen_futures::spawn_local(async {
            storage::persist().await;
        })
    });
    let reset = {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(Action::Reset))
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let is_baseline = ws.scenario == ws.baseline;
    let workforce = use_workforce(&ws.scenario);
    // Presentation mode (issue 8) replaces the workspace; leaving it refocuses "Present".
    let presenting = use_state(|| false);
    // The print pack is drawn (in the second module) only while printing.
    let printing = use_state(|| false);
    let returned = use_state(|| false);
    if *presenting {
        let (presenting, returned) = (presenting.clone(), returned.clone());
        let on_exit = Callback::from(move |()| {
            presenting.set(false);
            returned.set(true);
        });
        return html! { <more::More ws={(*ws).clone()} screen={Screen::Present} {on_exit} /> };
    }

    let on_present = {
        let presenting = presenting.clone();
        Callback::from(move |()| presenting.set(true))
    };
    let page = html! {
        <>
            <a class="skip-link" href="#charts">{ "Skip to charts" }</a>
            <header class="app-header">
                <h1>{ "Medium-term financial plan" }</h1>
                <span class="subtitle">
                    { &ws.scenario.name }
                    { if is_baseline { "" } else { " · edited" } }
                </span>
                if ws.error_count() > 0 {
                    <span class="status-bad" role="status">
                        { format!("{} {} to fix: the figures show your last valid plan", ws.error_count(), if ws.error_count() == 1 { "entry" } else { "entries" }) }
                    </span>
                }
                <div class="actions">
                    <present::PresentButton {on_present} refocus={*returned} />
                    <present::PrintPackButton on_print={{ let p = printing.clone(); Callback::from(move |()| p.set(true)) }} />
                    { controls::button("btn", None, is_baseline, "Reset to baseline", reset) }
                    { controls::button("btn", None, false, "Print", print) }
                </div>
            </header>
            <scenario_about::Recovery ws={(*ws).clone()} dispatch={dispatch.clone()} />
            <scenarios::ScenarioBar ws={(*ws).clone()} dispatch={dispatch.clone()} />
            if ws.view == View::Compare {
                <more::More ws={(*ws).clone()} screen={Screen::Compare} on_exit={dispatch.reform(|()| Action::Show(View::Edit))} />
            } else {
                <headlines::HeadlineStrip ws={(*ws).clone()} workforce={workforce.clone()} dispatch={dispatch.clone()} />
                <main class="workspace">
                    <panel::AssumptionPanel ws={(*ws).clone()} dispatch={dispatch.clone()} />
                    <charts_panel::ChartsPanel ws={(*ws).clone()} {workforce} />
                </main>
            }
            if *printing {
                { print_pack(&ws, &printing) }
            }
        </>
    };
    match storage {
        Some(context) => html! {
            <ContextProvider<autosave::Storage> {context}>{ page }</ContextProvider<autosave::Storage>>
        },
        None => page,
    }
}

/// The print pack of the scenario on screen, drawn at the end of the page's body (the
/// print stylesheet shows only it) until the print dialog closes.
fn print_pack(ws: &Workspace, printing: &UseStateHandle<bool>) -> Html {
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return html! {};
    };
    let printing = printing.clone();
    let on_exit = Callback::from(move |()| printing.set(false));
    create_portal(
        html! { <more::More ws={ws.clone()} screen={Screen::Print} {on_exit} /> },
        body.into(),
    )
}
