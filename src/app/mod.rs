//! The Yew single-page app (wasm32 only): a thin shell around the pure model and view.

mod analysis;
mod autosave;
mod capital;
mod chart;
mod charts_panel;
mod compare;
mod compare_tables;
mod controls;
mod field;
mod files;
mod headlines;
mod io;
mod io_menu;
mod isolate;
mod lazy;
mod more;
mod notice;
mod outturn;
mod panel;
mod panel_teams;
mod panic;
mod present;
mod quick;
mod register_ui;
pub mod remote;
mod reserves;
mod saved_menu;
mod savings;
mod scenario_about;
mod scenarios;
mod shortcuts;
mod state;
mod storage;
mod typed;
mod workbook_export;

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::model::{baseline, ModelError};
use crate::store::remote::Screen;
use state::{use_workforce, Action, Dispatch, View, Workspace, WorkspaceContext};

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
    let opened = use_state(|| None::<Rc<Result<Opened, ModelError>>>);
    {
        let opened = opened.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let result = match baseline::nottinghamshire() {
                    Ok(b) => io::open(b).await.map(|(ws, start)| Opened {
                        ws,
                        start: Rc::new(RefCell::new(Some(start))),
                    }),
                    Err(e) => Err(e),
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

/// The workspace: its state (the reducer, given to every component as a context with its
/// stable dispatcher), saving and shortcuts, and the screens.
#[component]
fn Planner(props: &PlannerProps) -> Html {
    let ws = {
        let initial = props.initial.clone();
        use_reducer(move || initial)
    };
    // The reducer's own callback: the same one on every render.
    let dispatch = ws.dispatcher().to_callback();
    // Saving and the keyboard shortcuts belong to the whole app, not to any one control.
    let storage = autosave::use_autosave(&ws.store, props.start.0.clone(), dispatch.clone());
    shortcuts::use_shortcuts(dispatch.clone());
    // Ask once that the browser keep the scenarios even when space runs short.
    use_effect_with((), |_| {
        wasm_bindgen_futures::spawn_local(async {
            storage::persist().await;
        })
    });
    let workforce = use_workforce(&ws.scenario);
    // Presentation mode (issue 8) replaces the workspace; leaving it refocuses "Present".
    let presenting = use_state(|| false);
    // The print pack is drawn (in the second module) only while printing.
    let printing = use_state(|| false);
    let returned = use_state(|| false);
    let page = if *presenting {
        let (presenting, returned) = (presenting.clone(), returned.clone());
        let on_exit = Callback::from(move |()| {
            presenting.set(false);
            returned.set(true);
        });
        html! { <more::More ws={(*ws).clone()} screen={Screen::Present} {on_exit} /> }
    } else {
        let on_present = {
            let presenting = presenting.clone();
            Callback::from(move |()| presenting.set(true))
        };
        let on_print = {
            let printing = printing.clone();
            Callback::from(move |()| printing.set(true))
        };
        html! {
            <>
                <a class="skip-link" href="#charts">{ "Skip to charts" }</a>
                <Header
                    name={AttrValue::from(ws.scenario.name.clone())}
                    edited={ws.scenario != ws.baseline}
                    errors={ws.error_count()}
                    refocus_present={*returned}
                    {on_present}
                    {on_print} />
                <scenario_about::Recovery recovery={ws.recovery.clone()} listed={ws.collection().entries().len()} />
                <scenarios::ScenarioBar />
                if let Some(screen) = full_screen(ws.view) {
                    <more::More key={screen.key()} ws={(*ws).clone()} {screen} on_exit={dispatch.reform(|()| Action::Show(View::Edit))} />
                } else {
                    <headlines::HeadlineStrip projection={ws.projection.clone()} year={ws.headline_year} workforce={workforce.clone()} />
                    <main class="workspace">
                        <panel::AssumptionPanel />
                        <charts_panel::ChartsPanel
                            scenario={ws.scenario.clone()}
                            projection={ws.projection.clone()}
                            baseline={ws.baseline.clone()}
                            baseline_projection={ws.baseline_projection.clone()}
                            {workforce} />
                    </main>
                }
                if *printing {
                    { print_pack(&ws, &printing) }
                }
            </>
        }
    };
    let page = html! {
        <ContextProvider<Dispatch> context={Dispatch(dispatch)}>
            <ContextProvider<WorkspaceContext> context={ws.clone()}>{ page }</ContextProvider<WorkspaceContext>>
        </ContextProvider<Dispatch>>
    };
    match storage {
        Some(context) => html! {
            <ContextProvider<autosave::Storage> {context}>{ page }</ContextProvider<autosave::Storage>>
        },
        None => page,
    }
}

/// The screen from the module loaded on demand that `view` shows in place of the
/// workspace's panel and charts, if any.
fn full_screen(view: View) -> Option<Screen> {
    match view {
        View::Edit => None,
        View::Compare => Some(Screen::Compare),
        View::Capital => Some(Screen::Capital),
        View::Analysis => Some(Screen::Analysis),
        View::Savings => Some(Screen::Savings),
        View::Reserves => Some(Screen::Reserves),
        View::Outturn => Some(Screen::Outturn),
    }
}

/// Props of [`Header`].
#[derive(Properties, PartialEq)]
struct HeaderProps {
    /// The scenario on screen.
    name: AttrValue,
    /// True if it differs from the baseline.
    edited: bool,
    /// How many entries hold text that could not be used.
    errors: usize,
    /// True on returning from the presentation: "Present" takes focus back.
    refocus_present: bool,
    /// Open presentation mode.
    on_present: Callback<()>,
    /// Print the pack of the scenario on screen.
    on_print: Callback<()>,
}

/// The page header: the scenario on screen, entries to fix, and the actions on the whole
/// plan (present, print, reset).
#[component]
fn Header(props: &HeaderProps) -> Html {
    let d = state::use_dispatch();
    let reset = d.reform(|_: MouseEvent| Action::Reset);
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let errors = props.errors;
    html! {
        <header class="app-header">
            <h1>{ "Medium-term financial plan" }</h1>
            <span class="subtitle">
                { props.name.clone() }
                { if props.edited { " · edited" } else { "" } }
            </span>
            if errors > 0 {
                <span class="status-bad" role="status">
                    { format!("{errors} {} to fix: the figures show your last valid plan", if errors == 1 { "entry" } else { "entries" }) }
                </span>
            }
            <div class="actions">
                <present::PresentButton on_present={props.on_present.clone()} refocus={props.refocus_present} />
                <present::PrintPackButton on_print={props.on_print.clone()} />
                { controls::button("btn", None, !props.edited, "Reset to baseline", reset) }
                { controls::button("btn", None, false, "Print", print) }
            </div>
        </header>
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
