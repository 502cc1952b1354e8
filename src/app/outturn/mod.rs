//! The outturn screen (issue 17), drawn by the module loaded on demand: the plan on screen
//! against its actuals (a variance table and chart), entering actuals by hand or from a CSV
//! (with a template to download), rolling the plan forward a year, the hindsight scenario
//! with its bridge and checks, and today's settlement. Every change goes to the workspace
//! as an action ([`Action::Outturn`], [`Action::AddMade`]), so undo, validation and saving
//! apply. docs/outturn.md.

mod entry;
mod hindsight;
mod settlement;
mod variance;

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::controls::button;
use super::io;
use super::notice::notice_at;
use super::remote::on_screen;
use super::state::{Action, Place, View, Workspace};
use crate::model::outturn::roll::{self, Assumed};
use crate::model::outturn::variance as model_variance;
use crate::model::outturn::Actuals;
use crate::store::session::OutturnEdit;
use crate::store::{csv, outturn as store};

/// Props of [`Outturn`].
#[derive(Properties, PartialEq)]
pub struct OutturnProps {
    /// The workspace.
    pub ws: Workspace,
    /// Sends actions to it.
    pub dispatch: Callback<Action>,
}

/// Why the last CSV import or roll forward did not happen (the screen's own message, not
/// the workspace's: nothing changed).
#[derive(Clone, PartialEq)]
enum Refusal {
    Import(store::CsvError),
    Roll(String),
    Download(String),
}

/// The outturn screen.
#[component]
pub fn Outturn(props: &OutturnProps) -> Html {
    let ws = &props.ws;
    let d = &props.dispatch;
    let scenario = ws.scenario.clone();
    let projection = ws.projection.clone();
    let years = use_memo((scenario.clone(), projection.clone()), |(s, p)| {
        model_variance::variance(s, p)
            .map(Rc::new)
            .map_err(|e| e.to_string())
    });
    // The workspace keeps the section as it was read; it is read and checked here.
    let read = use_memo(scenario.clone(), |s| {
        Actuals::of(s).map(Rc::new).map_err(|e| e.to_string())
    });
    let refusal = use_state(|| None::<Refusal>);
    let assumed = use_state(|| None::<Rc<(String, Vec<Assumed>)>>);
    let stem = io::slug(&scenario.name);

    let on_csv = {
        let (d, refusal, scenario, read) =
            (d.clone(), refusal.clone(), scenario.clone(), read.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let (d, refusal, scenario) = (d.clone(), refusal.clone(), scenario.clone());
            let Ok(entered) = (*read).clone() else {
                return;
            };
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                    Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
                    Err(_) => Vec::new(),
                };
                match store::import(&name, &bytes, &scenario) {
                    Ok(figures) => {
                        refusal.set(None);
                        let n = figures.len();
                        // Merged into the workspace's actuals as they are now: the file was
                        // being read while other changes may have been made.
                        let now = Actuals::of(&on_screen(&scenario)).map_or(entered, Rc::new);
                        let actuals = store::merged(Some(&now), figures);
                        d.emit(Action::Outturn(Box::new(OutturnEdit {
                            actuals: actuals.section(),
                            what: format!("Outturn imported from {name}"),
                            from: String::new(),
                            to: format!("{n} figures"),
                        })));
                    }
                    Err(e) => refusal.set(Some(Refusal::Import(e))),
                }
            });
        })
    };
    let download = |kind: &'static str| {
        let (s, p, years, refusal, stem) = (
            scenario.clone(),
            projection.clone(),
            years.clone(),
            refusal.clone(),
            stem.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let r = match (kind, &*years) {
                ("template", _) => io::download(
                    &format!("{stem}-actuals.csv"),
                    csv::MIME,
                    &store::template(&s, &p),
                ),
                (_, Ok(y)) => io::download(
                    &format!("{stem}-variance.csv"),
                    csv::MIME,
                    &csv::file(&store::variance_csv(&s, y)),
                ),
                (_, Err(e)) => Err(io::DownloadError::Chart(e.clone())),
            };
            refusal.set(r.err().map(|e| Refusal::Download(e.to_string())));
        })
    };
    let roll_forward = {
        let (d, refusal, assumed, s) = (
            d.clone(),
            refusal.clone(),
            assumed.clone(),
            scenario.clone(),
        );
        Callback::from(move |_: MouseEvent| match roll::roll_forward(&s) {
            Ok(r) => {
                refusal.set(None);
                assumed.set(Some(Rc::new((r.scenario.name.clone(), r.assumed))));
                d.emit(Action::AddMade(
                    Box::new(r.scenario),
                    format!("Roll '{}' forward a year", s.name),
                ));
            }
            Err(e) => refusal.set(Some(Refusal::Roll(format!(
                "The plan was not rolled forward: {e}"
            )))),
        })
    };
    let back = d.reform(|_: MouseEvent| Action::Show(View::Edit));
    let actuals = match &*read {
        Ok(a) => a.clone(),
        Err(e) => return damaged(ws, d, e, back),
    };
    let last = scenario
        .horizon
        .last_year()
        .map(|y| y.to_string())
        .unwrap_or_default();
    html! {
        <main class="workspace compare outturn" id="outturn">
            <section class="compare-body" aria-labelledby="outturn-title">
                <div class="outturn-head">
                    <h2 id="outturn-title">{ format!("Plan against outturn: {}", scenario.name) }</h2>
                    { button("btn", Some("outturn-back"), false, "Back to editing", back) }
                </div>
                <p class="hint">{ format!(
                    "{} actual figures entered for {} to {}. Variance is actual − plan: spending above plan and funding below plan are adverse. Actuals never change the plan's own figures.",
                    actuals.figures.len(), scenario.horizon.base_year, last) }</p>
                <nav class="outturn-nav" aria-label="On this screen">
                    <a href="#outturn-variance">{ "Variance" }</a>
                    <a href="#outturn-entry">{ "Enter actuals" }</a>
                    <a href="#outturn-hindsight">{ "Hindsight" }</a>
                    <a href="#outturn-settlement">{ "Settlement after 2025/26" }</a>
                </nav>
                <div class="outturn-actions" role="group" aria-label="Actuals and roll forward">
                    { button("btn", Some("outturn-template"), false, "Download the template (CSV)", download("template")) }
                    <input type="file" id="outturn-import" class="file-input" accept=".csv,text/csv" onchange={on_csv} />
                    <label for="outturn-import" class="btn">{ "Import actuals (CSV)…" }</label>
                    { button("btn", Some("outturn-variance-csv"), false, "Download the variance (CSV)", download("variance")) }
                    <span class="bar-sep" aria-hidden="true"></span>
                    { button("btn", Some("outturn-roll"), false, "Roll forward a year", roll_forward) }
                </div>
                { refusal_view(&refusal) }
                { notice_at(&ws.notice, Place::Outturn, d) }
                if let Some(a) = &*assumed {
                    { assumed_view(&a.0, &a.1) }
                }
            </section>
            { match &*years {
                Ok(y) => html! { <variance::Variance scenario={scenario.clone()} years={y.clone()} /> },
                Err(e) => html! { <p class="load-error" role="alert">{ format!("The variance cannot be worked out: {e}") }</p> },
            } }
            <entry::Entry scenario={scenario.clone()} actuals={actuals.clone()} projection={projection.clone()} dispatch={d.clone()} />
            <hindsight::Hindsight dispatch={d.clone()} />
            <settlement::Settlement {scenario} {actuals} {projection} dispatch={d.clone()} />
        </main>
    }
}

/// The screen for a scenario whose `actuals` section cannot be read or does not fit the
/// scenario (a damaged share link or saved scenario, which still opens): the problem beside
/// the section, and a way to take the section out (one undoable step).
fn damaged(
    ws: &Workspace,
    d: &Callback<Action>,
    problem: &str,
    back: Callback<MouseEvent>,
) -> Html {
    let clear = d.reform(|_: MouseEvent| {
        Action::Outturn(Box::new(OutturnEdit {
            actuals: None,
            what: "Outturn cleared (it could not be read)".into(),
            from: "unreadable".into(),
            to: "none".into(),
        }))
    });
    html! {
        <main class="workspace compare outturn" id="outturn">
            <section class="compare-body" aria-labelledby="outturn-title">
                <div class="outturn-head">
                    <h2 id="outturn-title">{ format!("Plan against outturn: {}", ws.scenario.name) }</h2>
                    { button("btn", Some("outturn-back"), false, "Back to editing", back) }
                </div>
                <div class="notice notice-error" role="alert" id="outturn-damaged">
                    <span>{ format!("This scenario's actuals cannot be used: {problem}. Its plan is unaffected. Correct the file and import it again, or take the actuals out (Undo puts them back).") }</span>
                </div>
                <div class="outturn-actions">
                    { button("btn", Some("outturn-clear"), false, "Take the actuals out", clear) }
                </div>
                { notice_at(&ws.notice, Place::Outturn, d) }
            </section>
            <hindsight::Hindsight dispatch={d.clone()} />
        </main>
    }
}

fn refusal_view(refusal: &Option<Refusal>) -> Html {
    match refusal {
        None => html! {},
        Some(Refusal::Import(e)) => html! {
            <div class="notice notice-error outturn-refusal" role="alert" id="outturn-import-error">
                <div>
                    <span>{ format!("{} was not imported (nothing was changed):", e.file) }</span>
                    <ul>{ for e.problems.iter().take(20).map(|p| html! { <li>{ p.to_string() }</li> }) }</ul>
                    if e.problems.len() > 20 {
                        <span>{ format!("and {} more", e.problems.len() - 20) }</span>
                    }
                </div>
            </div>
        },
        Some(Refusal::Roll(text) | Refusal::Download(text)) => html! {
            <div class="notice notice-error" role="alert" id="outturn-error"><span>{ text.clone() }</span></div>
        },
    }
}

fn assumed_view(name: &str, assumed: &[Assumed]) -> Html {
    let review = assumed.iter().filter(|a| a.basis.for_review()).count();
    html! {
        <details class="outturn-assumed" id="outturn-assumed">
            <summary>{ format!("What rolling forward into '{name}' assumed: {} figures, {review} to review", assumed.len()) }</summary>
            <div class="table-scroll">
                <table class="data-table">
                    <thead><tr><th scope="col">{ "Field" }</th><th scope="col">{ "Year" }</th><th scope="col">{ "From" }</th><th scope="col">{ "What" }</th></tr></thead>
                    <tbody>
                        { for assumed.iter().map(|a| html! {
                            <tr class={a.basis.for_review().then_some("review")}>
                                <td><code>{ a.path.clone() }</code></td>
                                <td>{ a.year.map(|y| y.to_string()).unwrap_or_default() }</td>
                                <td>{ a.basis.key().replace('_', " ") }</td>
                                <td>{ a.detail.clone() }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </details>
    }
}
