//! Presentation mode for the Police and Crime Commissioner (issue 8): a setup step to pick
//! the scenario and slides, then one finding per slide, full screen, driven from the
//! keyboard or a clicker; and the print pack of the same slides.
//!
//! The slides themselves come from the pure [`crate::view::slides`]; this module only lays
//! them out and handles keys, full screen and focus.

mod dom;
mod print;
mod setup;
mod slide;

use std::cell::Cell;
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::analysis::risk::{last_run, run_in_slices, settings, Form};
use crate::app::controls::button;
use crate::model::risk::Risk;

use super::state::Workspace;
use crate::model::{engine, FinancialYear, Projection, Scenario};
use crate::store::collection::Selected;
use crate::view::slides::{deck, Inputs, Slide, SlideId};

/// Where the presentation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Nav {
    showing: bool,
    index: usize,
    count: usize,
}

enum Move {
    Start(usize),
    Next,
    Previous,
    First,
    Last,
}

impl Reducible for Nav {
    type Action = Move;

    fn reduce(self: Rc<Self>, action: Move) -> Rc<Self> {
        let last = self.count.saturating_sub(1);
        let next = match action {
            Move::Start(count) => Nav {
                showing: count > 0,
                index: 0,
                count,
            },
            Move::Next => Nav {
                index: (self.index + 1).min(last),
                ..*self
            },
            Move::Previous => Nav {
                index: self.index.saturating_sub(1),
                ..*self
            },
            Move::First => Nav { index: 0, ..*self },
            Move::Last => Nav {
                index: last,
                ..*self
            },
        };
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// A scenario that can be presented.
#[derive(Clone, PartialEq)]
struct Choice {
    key: String,
    label: String,
    sel: Selected,
}

/// The scenarios on offer: the baseline and every named scenario in the workspace's store
/// (listed by name; only the one chosen is unpacked).
fn choices(ws: &Workspace) -> Vec<Choice> {
    let on_screen = ws.current();
    let mut out = vec![Choice {
        key: Selected::Baseline.key(),
        label: format!("{} (the baseline)", ws.baseline.name),
        sel: Selected::Baseline,
    }];
    for e in ws.collection().entries() {
        let sel = Selected::Scenario(e.id);
        out.push(Choice {
            key: sel.key(),
            label: if sel == on_screen {
                format!("{} (on screen)", ws.scenario.name)
            } else {
                e.name.clone()
            },
            sel,
        });
    }
    out
}

/// The chosen scenario, with its projection where it is already known (the baseline and
/// the scenario on screen, with its live projection, so unsaved edits are presented as
/// shown).
fn chosen_scenario(
    ws: &Workspace,
    choice: &Choice,
) -> Option<(Rc<Scenario>, Option<Rc<Projection>>)> {
    if choice.sel == Selected::Baseline {
        return Some((ws.baseline.clone(), Some(ws.baseline_projection.clone())));
    }
    if choice.sel == ws.current() {
        return Some((ws.scenario.clone(), Some(ws.projection.clone())));
    }
    ws.scenario_of(choice.sel).map(|s| (s, None))
}

/// The chosen scenario's slides, its years, and the year the "this year" slides show.
#[derive(Clone, Default)]
struct Built {
    years: Vec<FinancialYear>,
    year: Option<FinancialYear>,
    slides: Vec<Slide>,
}

/// The key a keydown means, if any.
fn key_move(key: &str) -> Option<Move> {
    match key {
        "ArrowRight" | "ArrowDown" | "PageDown" | " " | "Spacebar" => Some(Move::Next),
        "ArrowLeft" | "ArrowUp" | "PageUp" => Some(Move::Previous),
        "Home" => Some(Move::First),
        "End" => Some(Move::Last),
        _ => None,
    }
}

/// Props of [`Presentation`].
#[derive(Properties, PartialEq)]
pub struct PresentationProps {
    /// The workspace: its scenarios and projections.
    pub ws: Workspace,
    /// Back to the workspace.
    pub on_exit: Callback<()>,
}

/// The deck of the scenario chosen (`current`: its scenario and, where known, projection)
/// for `year`, worked out again only when one of them changes; or why it cannot be.
#[hook]
fn use_deck(
    ws: &Workspace,
    current: Option<(Rc<Scenario>, Option<Rc<Projection>>)>,
    year: Option<FinancialYear>,
    risk: Option<Rc<Risk>>,
) -> Rc<Result<Built, String>> {
    let baseline_projection = ws.baseline_projection.clone();
    use_memo(
        (current, ws.baseline.clone(), year, risk),
        move |(current, baseline, year, risk)| -> Result<Built, String> {
            let Some((scenario, projection)) = current else {
                return Ok(Built::default());
            };
            let projection = match projection {
                Some(p) => p.clone(),
                None => Rc::new(engine::project(scenario).map_err(|e| e.to_string())?),
            };
            let slides = deck(&Inputs {
                scenario,
                projection: &projection,
                baseline,
                baseline_projection: &baseline_projection,
                year: *year,
                risk: risk.as_deref(),
            });
            Ok(Built {
                years: projection.year_list(),
                year: year
                    .filter(|y| projection.year(*y).is_some())
                    .or_else(|| crate::view::default_headline_year(&projection)),
                slides,
            })
        },
    )
}

/// The risk run the risk slide shows for `scenario`: the last run kept for it (the
/// analysis screen's, or one made here); else, when the slide is `wanted`, one made now in
/// slices with the screen's default settings (10,000 draws, seed 1), never in one task,
/// with its progress (draws made, of how many) while it goes.
#[hook]
fn use_risk_run(
    scenario: Option<Rc<Scenario>>,
    wanted: bool,
) -> (Option<Rc<Risk>>, Option<(usize, usize)>) {
    let progress = use_state(|| None::<(usize, usize)>);
    let finished = use_state(|| 0u32);
    {
        let (progress, finished) = (progress.clone(), finished.clone());
        use_effect_with((scenario.clone(), wanted), move |(scenario, wanted)| {
            let stop = Rc::new(Cell::new(false));
            let todo = scenario
                .clone()
                .filter(|s| *wanted && last_run(s).is_none())
                .and_then(|s| settings(&s, &Form::of(&s)).ok().map(|set| (s, set)));
            match todo {
                Some((s, set)) => {
                    progress.set(Some((0, set.draws)));
                    let report = {
                        let (progress, stop) = (progress.clone(), stop.clone());
                        Callback::from(move |p| {
                            if !stop.get() {
                                progress.set(Some(p));
                            }
                        })
                    };
                    let stop = stop.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        let _ = run_in_slices(s, set, stop.clone(), report).await;
                        if !stop.get() {
                            progress.set(None);
                            finished.set(*finished + 1);
                        }
                    });
                }
                None => progress.set(None),
            }
            move || stop.set(true)
        });
    }
    (scenario.and_then(|s| last_run(&s)), *progress)
}

/// The presentation's keys, on the document so they work wherever focus is: Esc leaves;
/// while the slides show, arrows, Page Up/Down, Space, Home and End move through them.
#[hook]
fn use_present_keys(nav: UseReducerHandle<Nav>, on_exit: Callback<()>) {
    use_effect_with(nav.showing, move |showing| {
        let showing = *showing;
        let listener = web_sys::window()
            .and_then(|w| w.document())
            .map(|document| {
                let options = EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(&document, "keydown", options, move |e| {
                    let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    if k.alt_key() || k.ctrl_key() || k.meta_key() {
                        return;
                    }
                    let key = k.key();
                    if key == "Escape" || key == "Esc" {
                        e.prevent_default();
                        on_exit.emit(());
                    } else if showing {
                        if let Some(m) = key_move(&key) {
                            e.prevent_default();
                            nav.dispatch(m);
                        }
                    }
                })
            });
        move || drop(listener)
    });
}

/// Leaving full screen (the browser's own Esc) leaves the presentation too; so does
/// leaving the presentation leave full screen.
#[hook]
fn use_fullscreen_exit(on_exit: Callback<()>) {
    use_effect_with((), move |_| {
        let was = Rc::new(Cell::new(dom::is_fullscreen()));
        let listener = web_sys::window()
            .and_then(|w| w.document())
            .map(|document| {
                EventListener::new(&document, "fullscreenchange", move |_| {
                    if dom::is_fullscreen() {
                        was.set(true);
                    } else if was.get() {
                        on_exit.emit(());
                    }
                })
            });
        move || {
            drop(listener);
            dom::exit_fullscreen();
        }
    });
}

/// Focus follows the screen: the setup's heading on opening, the slide whenever it changes.
#[hook]
fn use_present_focus(showing: bool, index: usize) {
    use_effect_with((showing, index), |(showing, _)| {
        dom::focus_id(if *showing {
            "present-slide"
        } else {
            "present-setup-title"
        });
    });
}

/// Setup, then slides; Esc (or leaving full screen) returns to the workspace.
#[component]
pub fn Presentation(props: &PresentationProps) -> Html {
    let ws = &props.ws;
    let chosen = use_state(|| ws.current().key());
    let year_choice = use_state(|| ws.headline_year);
    // The ticked slides, kept sorted (a plain Vec: a BTreeSet of eight would add its own copy
    // of the B-tree code to the wasm).
    // Every slide but the risk one, which is ticked only when a run of the scenario on
    // screen is kept (ticking it makes one, in slices).
    let selected = use_state(|| {
        let run = last_run(&ws.scenario).is_some();
        SlideId::ALL
            .into_iter()
            .filter(|id| *id != SlideId::Risk || run)
            .collect::<Vec<_>>()
    });
    let nav = use_reducer(|| Nav {
        showing: false,
        index: 0,
        count: 0,
    });
    let options = choices(ws);
    let current = options
        .iter()
        .find(|c| c.key == chosen.as_str())
        .or_else(|| options.first())
        .and_then(|c| {
            let (scenario, projection) = chosen_scenario(ws, c)?;
            Some((c.key.clone(), scenario, projection))
        });
    let (risk, risk_progress) = use_risk_run(
        current.as_ref().map(|(_, scenario, _)| scenario.clone()),
        selected.contains(&SlideId::Risk),
    );
    let built = use_deck(
        ws,
        current
            .as_ref()
            .map(|(_, scenario, projection)| (scenario.clone(), projection.clone())),
        *year_choice,
        risk,
    );
    use_present_keys(nav.clone(), props.on_exit.clone());
    use_fullscreen_exit(props.on_exit.clone());
    use_present_focus(nav.showing, nav.index);

    let problem = built.as_ref().as_ref().err().cloned();
    let Built {
        years,
        year: year_used,
        slides,
    } = built.as_ref().clone().unwrap_or_default();
    let shown: Vec<Slide> = slides
        .iter()
        .filter(|s| selected.contains(&s.id))
        .cloned()
        .collect();
    let year = year_used.map(|y| y.to_string()).unwrap_or_default();
    let count = shown.len();
    let index = nav.index.min(count.saturating_sub(1));
    let scenario_name: AttrValue = current
        .as_ref()
        .map(|(_, scenario, _)| scenario.name.clone())
        .unwrap_or_default()
        .into();
    let announce = match shown.get(index) {
        Some(s) if nav.showing => format!("Slide {} of {}: {}", index + 1, count, s.finding),
        _ => String::new(),
    };
    let screen = if nav.showing {
        match shown.get(index) {
            Some(s) => slide_screen(s, index, count, &scenario_name, &nav, &props.on_exit),
            None => html! {},
        }
    } else {
        let setup = SetupState {
            chosen: chosen.clone(),
            selected: selected.clone(),
            year_choice: year_choice.clone(),
            nav: nav.clone(),
        };
        html! {
            <setup::Setup
                choices={options.iter().map(|c| (AttrValue::from(c.key.clone()), AttrValue::from(c.label.clone()))).collect::<Vec<_>>()}
                chosen={AttrValue::from(current.as_ref().map_or(String::new(), |(key, ..)| key.clone()))}
                problem={problem.map(AttrValue::from)}
                on_choose={setup.on_choose()}
                slides={slides.iter().map(|s| (s.id, AttrValue::from(s.finding.clone()))).collect::<Vec<_>>()}
                selected={(*selected).clone()}
                on_toggle={setup.on_toggle()}
                year={AttrValue::from(year.clone())}
                years={years.iter().map(|y| AttrValue::from(y.to_string())).collect::<Vec<_>>()}
                on_year={setup.on_year()}
                on_start={setup.on_start(count)}
                on_print={Callback::from(|_| dom::print())}
                on_exit={props.on_exit.clone()}
            />
        }
    };
    html! {
        <>
            <main class={if nav.showing { "present-screen showing" } else { "present-screen" }} id="present">
                <h1 class="visually-hidden">{ format!("Presentation: {scenario_name}") }</h1>
                if let (Some((done, total)), false) = (risk_progress, nav.showing) {
                    <div class="progress-row risk-progress present-risk-progress" role="status">
                        <label for="present-risk-progress">{ format!("Drawing the risk slide: {} of {} draws", crate::view::risk::thousands(done), crate::view::risk::thousands(total)) }</label>
                        <progress id="present-risk-progress" max={total.to_string()} value={done.to_string()}
                            aria-valuemin="0" aria-valuemax={total.to_string()} aria-valuenow={done.to_string()}></progress>
                    </div>
                }
                { screen }
                <div class="visually-hidden" aria-live="polite" aria-atomic="true" id="present-announce">{ announce }</div>
            </main>
            if let Some((_, scenario, _)) = &current {
                <print::PrintPack scenario={scenario.clone()} slides={shown.clone()} year={AttrValue::from(year)} />
            }
        </>
    }
}

/// Slide `index` of `count`, with the buttons to move on, back or out.
fn slide_screen(
    s: &Slide,
    index: usize,
    count: usize,
    scenario: &AttrValue,
    nav: &UseReducerHandle<Nav>,
    on_exit: &Callback<()>,
) -> Html {
    let go = |m: fn() -> Move| {
        let nav = nav.clone();
        Callback::from(move |_: MouseEvent| nav.dispatch(m()))
    };
    let on_exit = on_exit.clone();
    html! {
        <>
            <slide::SlideView slide={s.clone()} {index} {count} scenario={scenario.clone()} />
            <nav class="present-nav" aria-label="Slides">
                { button("nav-btn", None, index == 0, "Previous", go(|| Move::Previous)) }
                { button("nav-btn", None, index + 1 >= count, "Next", go(|| Move::Next)) }
                { button("nav-btn", None, false, "Exit (Esc)", Callback::from(move |_: MouseEvent| on_exit.emit(()))) }
            </nav>
        </>
    }
}

/// The choices the setup step changes, and the callbacks that change them.
struct SetupState {
    chosen: UseStateHandle<String>,
    selected: UseStateHandle<Vec<SlideId>>,
    year_choice: UseStateHandle<Option<FinancialYear>>,
    nav: UseReducerHandle<Nav>,
}

impl SetupState {
    /// A scenario was picked (by its key).
    fn on_choose(&self) -> Callback<String> {
        let chosen = self.chosen.clone();
        Callback::from(move |k: String| chosen.set(k))
    }

    /// A slide was ticked or unticked.
    fn on_toggle(&self) -> Callback<SlideId> {
        let selected = self.selected.clone();
        Callback::from(move |id: SlideId| {
            let mut next = (*selected).clone();
            match next.binary_search(&id) {
                Ok(at) => {
                    next.remove(at);
                }
                Err(at) => next.insert(at, id),
            }
            selected.set(next);
        })
    }

    /// A year was picked ("2024/25").
    fn on_year(&self) -> Callback<String> {
        let year_choice = self.year_choice.clone();
        Callback::from(move |y: String| year_choice.set(y.parse().ok()))
    }

    /// Start with the `count` slides ticked, full screen.
    fn on_start(&self, count: usize) -> Callback<()> {
        let nav = self.nav.clone();
        Callback::from(move |_| {
            dom::enter_fullscreen();
            nav.dispatch(Move::Start(count));
        })
    }
}

/// Props of [`PresentButton`].
#[derive(Properties, PartialEq)]
pub struct PresentButtonProps {
    /// Open presentation mode.
    pub on_present: Callback<()>,
    /// Take focus when drawn (returning from the presentation).
    #[prop_or_default]
    pub refocus: bool,
}

/// The header's "Present" button. It asks for full screen itself, inside the click.
#[component]
pub fn PresentButton(props: &PresentButtonProps) -> Html {
    let refocus = props.refocus;
    use_effect_with((), move |_| {
        if refocus {
            dom::focus_id("present-open");
        }
    });
    let on_present = props.on_present.clone();
    let onclick = Callback::from(move |_: MouseEvent| {
        dom::enter_fullscreen();
        on_present.emit(());
    });
    html! {
        <button type="button" id="present-open" class="btn btn-present" {onclick}>{ "Present" }</button>
    }
}

/// Props of [`PrintPackButton`].
#[derive(Properties, PartialEq)]
pub struct PrintPackButtonProps {
    /// Draw the pack and print it.
    pub on_print: Callback<()>,
}

/// The header's "Print pack" button: the pack of every slide for the scenario on screen,
/// drawn only while printing (so typing in the workspace never pays for it).
#[component]
pub fn PrintPackButton(props: &PrintPackButtonProps) -> Html {
    let on_print = props.on_print.clone();
    let onclick = Callback::from(move |_: MouseEvent| on_print.emit(()));
    html! {
        <button type="button" id="print-pack-open" class="btn" {onclick}>{ "Print pack" }</button>
    }
}

/// Props of [`PrintNow`].
#[derive(Properties, PartialEq)]
pub struct PrintNowProps {
    /// The workspace: the pack is of the scenario on screen.
    pub ws: Workspace,
    /// Printing is over (the print dialog closed).
    pub on_done: Callback<()>,
}

/// The print pack of every slide for the scenario on screen, printed as soon as it is
/// drawn; `on_done` once the print dialog closes.
#[component]
pub fn PrintNow(props: &PrintNowProps) -> Html {
    {
        let done = props.on_done.clone();
        use_effect_with((), move |_| {
            // Listen before printing: print() returns only when the dialog closes, and
            // browsers fire afterprint before it returns.
            let listener = web_sys::window()
                .map(|w| EventListener::new(&w, "afterprint", move |_| done.emit(())));
            dom::print();
            move || drop(listener)
        });
    }
    let ws = &props.ws;
    // The last risk run of this scenario, if any: printing never waits for a run.
    let risk = last_run(&ws.scenario);
    let slides = deck(&Inputs {
        scenario: &ws.scenario,
        projection: &ws.projection,
        baseline: &ws.baseline,
        baseline_projection: &ws.baseline_projection,
        year: ws.headline_year,
        risk: risk.as_deref(),
    })
    .into_iter()
    // Without a run the risk page would only say so: it is left out.
    .filter(|sl| sl.id != SlideId::Risk || risk.is_some())
    .collect::<Vec<_>>();
    let year = ws
        .headline_year
        .or_else(|| crate::view::default_headline_year(&ws.projection))
        .map(|y| y.to_string())
        .unwrap_or_default();
    html! { <print::PrintPack scenario={ws.scenario.clone()} {slides} year={AttrValue::from(year)} /> }
}
