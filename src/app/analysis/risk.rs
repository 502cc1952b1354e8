//! "How likely is a breach": the risk analysis (issue 16, docs/risk.md "In the planner").
//! A form (draws, seed, pay and inflation drawn together, an optional amount), a run of
//! [`risk::Run`] in slices with progress and Cancel, and its results: the summary sentence,
//! three fan charts with their data tables, the chances below the floor and below zero by
//! year, the histogram of the end-of-plan cumulative gap, the drivers, the ranges used and
//! a CSV equal to `mtfp risk --format csv`.
//!
//! A change to the scenario on screen, or to the form, while a run goes stops it; a run's
//! results carry the scenario and settings they were made with, and are marked out of date
//! once either differs from what is on screen. The last run is kept ([`last_run`]) for the
//! presentation's slide and the print pack.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use rust_decimal::Decimal;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::pace::breathe;
use super::risk_ranges::RiskRanges;
use crate::app::io;
use crate::app::state::Workspace;
use crate::charts::{fan_svg, histogram_svg, FanData};
use crate::format;
use crate::model::risk::{self, Risk, Run, Settings};
use crate::model::Scenario;
use crate::store::csv;
use crate::view::risk::{
    band_figures, chance, driver_text, fan, histogram, parse_amount, parse_draws, parse_seed,
    plan_final, thousands, Measure, BAND_HEADINGS,
};

/// How long a slice of draws runs before the page gets its thread back, ms (the clock is
/// read after every few draws, so a slice ends well inside the 50 ms a task may take).
const SLICE_MS: f64 = 12.0;
/// The drivers listed before "the other assumptions".
const TOP_DRIVERS: usize = 10;
/// Draws between two readings of the clock (a draw takes about 0.1–0.2 ms in wasm).
const STEP: usize = 4;

/// The panel of the tab (see [`super::TABS`]).
pub fn panel(ws: &Workspace, _shown: bool) -> Html {
    html! {
        <>
            <Breach scenario={ws.scenario.clone()} />
            <RiskRanges ws={ws.clone()} />
        </>
    }
}

/// The form as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    /// Draws, as typed ("10,000").
    pub draws: String,
    /// The seed, as typed.
    pub seed: String,
    /// Pay awards and non-pay inflation drawn together.
    pub coupled: bool,
    /// An amount of cumulative gap, as typed (may be empty).
    pub above: String,
}

impl Default for Form {
    fn default() -> Self {
        Form {
            draws: thousands(risk::DEFAULT_DRAWS),
            seed: risk::DEFAULT_SEED.to_string(),
            coupled: false,
            above: String::new(),
        }
    }
}

impl Form {
    /// The form a run of `s` starts from: its `risk` section's draws, seed, coupling and
    /// amount (docs/scenarios.md, "The risk section"), else the defaults.
    pub fn of(s: &Scenario) -> Form {
        match Settings::of(s) {
            Ok(set) => Form {
                draws: thousands(set.draws),
                seed: set.seed.to_string(),
                coupled: set.coupled,
                above: set
                    .threshold
                    .map(|t| crate::edit::display_value(t, crate::edit::FieldUnit::Pounds))
                    .unwrap_or_default(),
            },
            Err(_) => Form::default(),
        }
    }
}

/// What is wrong with the form, field by field.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FormErrors {
    /// The draws.
    pub draws: Option<String>,
    /// The seed.
    pub seed: Option<String>,
    /// The amount.
    pub above: Option<String>,
    /// The scenario's uncertainty ranges (its `risk` section), when they cannot be used.
    pub ranges: Option<String>,
}

/// THE settings of a run: every run on this screen (and the slide's, with the default
/// form) gets its settings here and nowhere else.
///
/// The draws, seed, coupling and amount come from the form; the uncertainty ranges from the
/// scenario's `risk` section ([`Settings::of`]: the registry's where it gives none), which
/// the editor below the results changes ([`super::risk_ranges`]).
pub fn settings(scenario: &Scenario, form: &Form) -> Result<Settings, FormErrors> {
    let section = Settings::of(scenario).map_err(|e| e.to_string());
    let draws = parse_draws(&form.draws);
    let seed = parse_seed(&form.seed);
    let above = parse_amount(&form.above);
    match (draws, seed, above, section) {
        (Ok(draws), Ok(seed), Ok(threshold), Ok(section)) => Ok(Settings {
            draws,
            seed,
            coupled: form.coupled,
            threshold,
            ranges: section.ranges,
        }),
        (d, s, a, r) => Err(FormErrors {
            draws: d.err(),
            seed: s.err(),
            above: a.err(),
            ranges: r.err().map(|e| {
                format!(
                    "The scenario's uncertainty ranges cannot be used ({e}): correct them below."
                )
            }),
        }),
    }
}

/// A finished run: what it was of, with what, and what it found.
#[derive(Debug, PartialEq)]
pub struct Done {
    /// The scenario drawn from.
    pub scenario: Rc<Scenario>,
    /// The settings used.
    pub settings: Settings,
    /// The findings.
    pub risk: Rc<Risk>,
    /// How long [`Run::finish`] took after its pieces were done ahead
    /// ([`Run::finish_step`]: sorting, ranks), ms: one task of its own, which the browser
    /// bench reports (`data-finish-us` on the results, in whole µs).
    pub finish_ms: f64,
}

thread_local! {
    /// The last run finished (on this screen or for the presentation).
    static LAST: RefCell<Option<Rc<Done>>> = const { RefCell::new(None) };
    /// The form as last typed, so the screen drawn again (another screen and back, or a
    /// new scenario) shows it, and the last run, as they were.
    static FORM: RefCell<Option<Form>> = const { RefCell::new(None) };
}

/// The last run finished, if it was of a scenario equal to `s`.
pub fn last_run(s: &Scenario) -> Option<Rc<Risk>> {
    LAST.with(|l| {
        l.borrow()
            .as_ref()
            .filter(|d| *d.scenario == *s)
            .map(|d| d.risk.clone())
    })
}

fn remember(done: &Rc<Done>) {
    LAST.with(|l| *l.borrow_mut() = Some(done.clone()));
}

/// Run `settings` on `scenario` in slices: after each slice of about 12 ms, report the
/// draws made to `progress` and give the page back; stop (with `Ok(None)`) once `stop` is
/// set. The finished run is kept as the last run.
pub async fn run_in_slices(
    scenario: Rc<Scenario>,
    settings: Settings,
    stop: Rc<Cell<bool>>,
    progress: Callback<(usize, usize)>,
) -> Result<Option<Rc<Done>>, String> {
    breathe().await;
    if stop.get() {
        return Ok(None);
    }
    let mut run = Run::new(&scenario, &settings).map_err(|e| e.to_string())?;
    let total = run.total();
    while !run.is_done() {
        let started = js_sys::Date::now();
        while !run.is_done() && js_sys::Date::now() - started < SLICE_MS {
            run.step(STEP).map_err(|e| e.to_string())?;
        }
        progress.emit((run.done(), total));
        breathe().await;
        if stop.get() {
            return Ok(None);
        }
    }
    // Finishing (sorting, ranks) in pieces too: 10,000 draws take about 50 ms of it in
    // wasm, 100,000 ten times that. What is left for `finish` (the histogram, the
    // summary) is one short task, timed for the browser bench.
    loop {
        let started = js_sys::Date::now();
        let mut more = true;
        while more && js_sys::Date::now() - started < SLICE_MS {
            more = run.finish_step();
        }
        breathe().await;
        if stop.get() {
            return Ok(None);
        }
        if !more {
            break;
        }
    }
    let started = js_sys::Date::now();
    let found = run.finish().map_err(|e| e.to_string())?;
    let finish_ms = js_sys::Date::now() - started;
    breathe().await;
    if stop.get() {
        return Ok(None);
    }
    let done = Rc::new(Done {
        scenario,
        settings,
        risk: Rc::new(found),
        finish_ms,
    });
    remember(&done);
    Ok(Some(done))
}

/// Where the run is.
#[derive(Debug, Clone, PartialEq)]
enum Job {
    /// Nothing running.
    Idle,
    /// Draws made, of how many.
    Running(usize, usize),
    /// Stopped, and why.
    Stopped(&'static str),
    /// Failed, and why.
    Failed(String),
}

/// Props of [`Breach`].
#[derive(Properties, PartialEq)]
pub struct BreachProps {
    /// The scenario on screen.
    pub scenario: Rc<Scenario>,
}

fn input_value(e: InputEvent) -> String {
    let i: HtmlInputElement = e.target_unchecked_into();
    i.value()
}

/// "How likely is a breach".
#[component]
pub fn Breach(props: &BreachProps) -> Html {
    let form = use_state(|| {
        FORM.with(|f| f.borrow().clone())
            .unwrap_or_else(|| Form::of(&props.scenario))
    });
    let errors = use_state(FormErrors::default);
    let job = use_state(|| Job::Idle);
    // The last run shows again when the screen is drawn anew: marked out of date if it was
    // of another scenario.
    let last = use_state(|| LAST.with(|l| l.borrow().clone()));
    let cancel = use_mut_ref(|| Rc::new(Cell::new(false)));
    // Leaving the screen stops a run in progress.
    {
        let cancel = cancel.clone();
        use_effect_with((), move |_| move || cancel.borrow().set(true));
    }
    // The running flag the callbacks read (a state handle's value is the one it was drawn
    // with).
    let running = use_mut_ref(|| false);
    // A new scenario on screen stops a run in progress.
    {
        let (job, cancel, running) = (job.clone(), cancel.clone(), running.clone());
        use_effect_with(props.scenario.clone(), move |_| {
            if *running.borrow() {
                cancel.borrow().set(true);
                *running.borrow_mut() = false;
                job.set(Job::Stopped(
                    "The scenario changed while the run went, so it stopped: run again.",
                ));
            }
        });
    }
    let stop_for_settings = {
        let (job, cancel, running) = (job.clone(), cancel.clone(), running.clone());
        move || {
            if *running.borrow() {
                cancel.borrow().set(true);
                *running.borrow_mut() = false;
                job.set(Job::Stopped(
                    "The settings changed while the run went, so it stopped: run again.",
                ));
            }
        }
    };
    let set = |f: fn(&mut Form, String)| {
        let (form, stop) = (form.clone(), stop_for_settings.clone());
        Callback::from(move |v: String| {
            let mut next = (*form).clone();
            f(&mut next, v);
            if next != *form {
                stop();
                FORM.with(|f| *f.borrow_mut() = Some(next.clone()));
                form.set(next);
            }
        })
    };
    let on_draws = set(|f, v| f.draws = v).reform(input_value);
    let on_seed = set(|f, v| f.seed = v).reform(input_value);
    let on_above = set(|f, v| f.above = v).reform(input_value);
    let on_coupled = set(|f, v| f.coupled = v == "true").reform(|e: Event| {
        let i: HtmlInputElement = e.target_unchecked_into();
        i.checked().to_string()
    });
    let onsubmit = {
        let (form, errors, job, last, cancel, running) = (
            form.clone(),
            errors.clone(),
            job.clone(),
            last.clone(),
            cancel.clone(),
            running.clone(),
        );
        let scenario = props.scenario.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let s = match settings(&scenario, &form) {
                Ok(s) => s,
                Err(errs) => {
                    errors.set(errs);
                    return;
                }
            };
            errors.set(FormErrors::default());
            cancel.borrow().set(true);
            let stop = Rc::new(Cell::new(false));
            *cancel.borrow_mut() = stop.clone();
            *running.borrow_mut() = true;
            job.set(Job::Running(0, s.draws));
            let report = {
                let (job, stop) = (job.clone(), stop.clone());
                Callback::from(move |(done, total)| {
                    if !stop.get() {
                        job.set(Job::Running(done, total));
                    }
                })
            };
            let (job, last, running, scenario) =
                (job.clone(), last.clone(), running.clone(), scenario.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = run_in_slices(scenario, s, stop.clone(), report).await;
                if stop.get() {
                    return;
                }
                *running.borrow_mut() = false;
                match result {
                    Ok(Some(done)) => {
                        last.set(Some(done));
                        job.set(Job::Idle);
                    }
                    Ok(None) => job.set(Job::Stopped("Cancelled.")),
                    Err(why) => job.set(Job::Failed(why)),
                }
            });
        })
    };
    let on_cancel = {
        let (job, cancel, running) = (job.clone(), cancel.clone(), running.clone());
        Callback::from(move |_: MouseEvent| {
            cancel.borrow().set(true);
            *running.borrow_mut() = false;
            job.set(Job::Stopped("Cancelled."));
        })
    };
    let field = |id: &'static str,
                 label: &'static str,
                 hint: &'static str,
                 value: &str,
                 error: &Option<String>,
                 oninput: Callback<InputEvent>| {
        let hint_id = format!("{id}-hint");
        let error_id = format!("{id}-error");
        html! {
            <div class={if error.is_some() { "field field-invalid" } else { "field" }}>
                <label class="field-label" for={id}>{ label }</label>
                <div class="input-wrap">
                    <input {id} type="text" inputmode="numeric" value={value.to_string()} {oninput}
                        aria-invalid={error.is_some().to_string()}
                        aria-describedby={if error.is_some() { format!("{hint_id} {error_id}") } else { hint_id.clone() }} />
                </div>
                <span class="hint risk-hint" id={hint_id}>{ hint }</span>
                if let Some(e) = error {
                    <span class="field-error" id={error_id} role="alert">{ e.clone() }</span>
                }
            </div>
        }
    };
    let is_running = matches!(*job, Job::Running(..));
    let status = match &*job {
        Job::Idle => html! {},
        Job::Running(done, total) => {
            let text = format!("{} of {} draws", thousands(*done), thousands(*total));
            html! {
                <div class="progress-row risk-progress" role="status">
                    <label for="risk-progress">{ format!("Drawing: {text}") }</label>
                    <progress id="risk-progress" role="progressbar" max={total.to_string()} value={done.to_string()}
                        aria-valuemin="0" aria-valuemax={total.to_string()} aria-valuenow={done.to_string()}
                        aria-valuetext={text.clone()}></progress>
                    <button type="button" class="btn btn-small" id="risk-cancel" onclick={on_cancel}>{ "Cancel" }</button>
                </div>
            }
        }
        Job::Stopped(why) => {
            html! { <p class="hint risk-status" id="risk-status" role="status">{ *why }</p> }
        }
        Job::Failed(why) => html! {
            <p class="notice notice-error" id="risk-error" role="alert">{ format!("The run could not be made: {why}") }</p>
        },
    };
    let current = settings(&props.scenario, &form).ok();
    let found = match (&*last, is_running) {
        (Some(done), false) => {
            let stale = if *done.scenario != *props.scenario {
                Some("The scenario has changed since this run: run again.")
            } else if current.as_ref() != Some(&done.settings) {
                Some("The settings have changed since this run: run again.")
            } else {
                None
            };
            results(done, stale)
        }
        _ => html! {},
    };
    html! {
        <>
            <div class="analysis-grid">
                <form class="compare-body analysis-form risk-form" id="risk-form" aria-labelledby="risk-title" {onsubmit}>
                    <h3 id="risk-title">{ "How likely is a breach?" }</h3>
                    <p class="hint">{ "Every varied assumption is drawn from its uncertainty range, many times, and the plan projected for each draw: the same seed gives the same figures here and in mtfp risk." }</p>
                    { field("risk-draws", "Draws", "1,000 to 100,000", &form.draws, &errors.draws, on_draws) }
                    { field("risk-seed", "Seed", "A whole number: the same seed, the same draws", &form.seed, &errors.seed, on_seed) }
                    <label class="pick risk-pick" for="risk-coupled">
                        <input type="checkbox" id="risk-coupled" checked={form.coupled} onchange={on_coupled} />
                        { "Pay and inflation drawn together" }
                    </label>
                    { field("risk-above", "Chance the cumulative gap exceeds (£, optional)", "At the end of the plan, such as 20,000,000", &form.above, &errors.above, on_above) }
                    if let Some(e) = &errors.ranges {
                        <p class="field-error" id="risk-ranges-error" role="alert">{ e.clone() }</p>
                    }
                    <button type="submit" class="btn btn-primary" id="risk-run" disabled={is_running}>{ "Run" }</button>
                </form>
                <section class="compare-body risk-answer" id="risk-answer" aria-labelledby="risk-answer-title">
                    <h3 id="risk-answer-title">{ "What the draws show" }</h3>
                    { status }
                    if last.is_none() && !is_running {
                        <p class="hint" id="risk-idle">{ "Choose the draws and a seed, then Run. 10,000 draws take a second or two; the page stays usable, and Cancel stops the run." }</p>
                    }
                    { summary_part(&last, is_running, &props.scenario, current.as_ref()) }
                </section>
            </div>
            { found }
        </>
    }
}

/// The summary sentence, large, for the PCC (inside the answer card); nothing while a run
/// goes.
fn summary_part(
    last: &Option<Rc<Done>>,
    running: bool,
    scenario: &Scenario,
    current: Option<&Settings>,
) -> Html {
    let Some(done) = last.as_ref().filter(|_| !running) else {
        return html! {};
    };
    let stale = *done.scenario != *scenario || current != Some(&done.settings);
    html! {
        <p class={if stale { "risk-summary risk-stale-text" } else { "risk-summary" }} id="risk-summary" data-current={(!stale).to_string()}>
            { &done.risk.summary }
        </p>
    }
}

/// The fan chart of one measure, with its legend and data table.
fn fan_figure(r: &Risk, m: Measure) -> Html {
    let data: FanData = fan(r, m);
    let key = m.key().replace('_', "-");
    let title_id = format!("risk-fan-{key}-title");
    let desc_id = format!("risk-fan-{key}-desc");
    let svg = match fan_svg(&data, 720, 360, false) {
        Ok(svg) => Html::from_html_unchecked(AttrValue::from(svg)),
        Err(e) => html! { <p class="chart-error" role="alert">{ e.to_string() }</p> },
    };
    let columns = m.columns();
    html! {
        <figure class="chart risk-fan" id={format!("risk-fan-{key}")} data-chart={data.id.clone()}>
            <figcaption>
                <h3 id={title_id.clone()}>{ &data.title }</h3>
                <p id={desc_id.clone()} class="chart-desc">{ &data.description }</p>
            </figcaption>
            { fan_legend() }
            <div class="chart-canvas" role="img" aria-labelledby={title_id} aria-describedby={desc_id}>{ svg }</div>
            <details class="chart-data">
                <summary>{ "Show the data" }</summary>
                <div class="table-scroll" tabindex="0" role="region" aria-label={format!("Data for: {}", data.title)}>
                    <table class="data-table" id={format!("risk-table-{key}")}>
                        <caption class="visually-hidden">{ format!("Data for: {}", data.title) }</caption>
                        <thead><tr>
                            <th scope="col" data-col="year">{ "Year" }</th>
                            { for BAND_HEADINGS.iter().zip(&columns).map(|(h, c)| html! { <th scope="col" class="num" data-col={c.clone()}>{ *h }</th> }) }
                        </tr></thead>
                        <tbody>
                            { for r.years.iter().map(|y| html! {
                                <tr data-year={y.year.to_string()}>
                                    <th scope="row">{ y.year.to_string() }</th>
                                    { for band_figures(m.band(y)).iter().zip(&columns).map(|(v, c)| html! {
                                        <td class="num" data-col={c.clone()} data-value={v.to_string()}>{ format::pounds(*v) }</td>
                                    }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}

/// The fan charts' legend, as their drawings colour them (classes in styles/more.css).
pub fn fan_legend() -> Html {
    html! {
        <ul class="legend" aria-hidden="true">
            <li><span class="swatch swatch-bar risk-c-outer"></span>{ "5th to 95th percentile" }</li>
            <li><span class="swatch swatch-bar risk-c-inner"></span>{ "25th to 75th percentile" }</li>
            <li><span class="swatch swatch-line risk-c-median"></span>{ "Median (50th)" }</li>
            <li><span class="swatch swatch-dashed risk-c-plan"></span>{ "The plan" }</li>
        </ul>
    }
}

/// Everything a finished run found; `stale`: why it is no longer the scenario on screen's.
/// `ms` as whole microseconds: an integer, since formatting a float would bring Rust's
/// float printing into the module (scripts/wasm-rules.py refuses it).
fn finish_us(ms: f64) -> i64 {
    (ms * 1000.0).round() as i64
}

fn results(done: &Rc<Done>, stale: Option<&'static str>) -> Html {
    let r = &done.risk;
    let csv_text = crate::view::risk::csv(r);
    let download = Callback::from(move |_: MouseEvent| {
        let _ = io::download("risk.csv", csv::MIME, &csv_text);
    });
    let end = r
        .years
        .last()
        .map(|y| y.year.to_string())
        .unwrap_or_default();
    let plan = plan_final(r);
    let bars = histogram(r);
    let hist = match histogram_svg(&bars, plan, 720, 300) {
        Ok(svg) => Html::from_html_unchecked(AttrValue::from(svg)),
        Err(e) => html! { <p class="chart-error" role="alert">{ e.to_string() }</p> },
    };
    let above_plan = format!(
        "The cumulative gap at the end of {end} exceeds the plan's {} in {}.",
        format::pounds(plan),
        chance(r.above_plan, r.probability_above_plan, r.draws)
    );
    let above = r.above_threshold.map(|(amount, count, p)| {
        format!(
            "It exceeds {} in {}.",
            format::pounds(amount),
            chance(count, p, r.draws)
        )
    });
    html! {
        <div class={if stale.is_some() { "risk-results risk-out-of-date" } else { "risk-results" }} id="risk-results" data-current={stale.is_none().to_string()} data-finish-us={finish_us(done.finish_ms).to_string()}>
            if let Some(why) = stale {
                <p class="notice notice-error risk-stale" id="risk-stale" role="status">{ why }</p>
            }
            <div class="compare-body">
                <p class="hint">{ format!("{} draws, seed {}{}.", thousands(r.draws), r.seed, if r.coupled { ", pay and inflation drawn together" } else { "" }) }</p>
                <div class="risk-fans">
                    { for Measure::ALL.iter().map(|m| fan_figure(r, *m)) }
                </div>
                <div class="menu-group">
                    <button type="button" class="btn" id="risk-csv" onclick={download}>{ "Download CSV" }</button>
                    <span class="hint">{ "The figures by year, as mtfp risk --format csv writes them." }</span>
                </div>
            </div>
            <div class="compare-body">
                <h3 id="risk-floor-title">{ "The chance the general reserve ends the year below its floor, or below zero" }</h3>
                <div class="table-scroll" tabindex="0" role="region" aria-label={"Chances by year"}>
                    <table class="data-table compare-table" id="risk-floor-table" aria-labelledby="risk-floor-title">
                        <thead><tr>
                            <th scope="col">{ "Year" }</th>
                            <th scope="col" class="num">{ "Below the floor" }</th>
                            <th scope="col" class="num">{ "Below zero" }</th>
                        </tr></thead>
                        <tbody>
                            { for r.years.iter().map(|y| html! {
                                <tr data-year={y.year.to_string()}>
                                    <th scope="row">{ y.year.to_string() }</th>
                                    <td class="num" data-col="probability_below_floor" data-value={y.probability_below_floor.to_string()}>{ chance(y.below_floor, y.probability_below_floor, r.draws) }</td>
                                    <td class="num" data-col="probability_below_zero" data-value={y.probability_below_zero.to_string()}>{ chance(y.below_zero, y.probability_below_zero, r.draws) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </div>
            <div class="risk-pair">
                <figure class="chart compare-body risk-histogram" id="risk-histogram">
                    <figcaption>
                        <h3 id="risk-hist-title">{ format!("The cumulative gap at the end of {end}: how the {} draws fall", thousands(r.draws)) }</h3>
                        <p id="risk-hist-desc" class="chart-desc">{ "Twenty bars of equal width from the smallest drawn figure to the largest, £ million; the dashed line marks the plan's own figure." }</p>
                    </figcaption>
                    <ul class="legend" aria-hidden="true">
                        <li><span class="swatch swatch-bar swatch-c0"></span>{ "Draws in the bar" }</li>
                        <li><span class="swatch swatch-dashed risk-c-plan"></span>{ "The plan" }</li>
                    </ul>
                    <div class="chart-canvas" role="img" aria-labelledby="risk-hist-title" aria-describedby="risk-hist-desc">{ hist }</div>
                    <p id="risk-above-plan">{ above_plan }</p>
                    if let Some(text) = above {
                        <p id="risk-above-amount">{ text }</p>
                    }
                    <details class="chart-data">
                        <summary>{ "Show the data" }</summary>
                        <div class="table-scroll" tabindex="0" role="region" aria-label={"Draws in each bar"}>
                            <table class="data-table" id="risk-hist-table">
                                <caption class="visually-hidden">{ "Draws in each bar" }</caption>
                                <thead><tr><th scope="col" class="num">{ "From" }</th><th scope="col" class="num">{ "To" }</th><th scope="col" class="num">{ "Draws" }</th></tr></thead>
                                <tbody>
                                    { for bars.iter().map(|(from, to, count)| html! {
                                        <tr><td class="num">{ format::pounds(*from) }</td><td class="num">{ format::pounds(*to) }</td><td class="num">{ thousands(*count) }</td></tr>
                                    }) }
                                </tbody>
                            </table>
                        </div>
                    </details>
                </figure>
                { drivers(r) }
            </div>
        </div>
    }
}

/// The drivers of the spread: each assumption's rank correlation with the end-of-plan
/// cumulative gap, largest first, as a bar and a signed figure.
fn drivers(r: &Risk) -> Html {
    let moving: Vec<_> = r
        .drivers
        .iter()
        .filter(|d| !d.correlation.is_zero())
        .collect();
    let hidden = r.drivers.len() - moving.len();
    let (top, rest) = moving.split_at(moving.len().min(TOP_DRIVERS));
    let table = |id: &'static str, list: &[&risk::Driver]| -> Html {
        html! {
            <table class="data-table risk-driver-table" {id} aria-labelledby="risk-drivers-title">
                <thead><tr>
                    <th scope="col">{ "Assumption" }</th>
                    <th scope="col">{ "Correlation" }</th>
                    <th scope="col"><span class="visually-hidden">{ "As a bar" }</span></th>
                </tr></thead>
                <tbody>
                    { for list.iter().map(|d| {
                        let size = d.correlation.abs();
                        // A bar of 0 to 10 tenths (classes, not a style: the page's CSP).
                        let tenths = (size * Decimal::TEN).round().to_string();
                        let sign = if d.correlation > Decimal::ZERO { "risk-bar-widens" } else { "risk-bar-narrows" };
                        html! {
                            <tr data-key={d.key.clone()}>
                                <th scope="row">{ &d.label }</th>
                                <td class="num risk-rho" data-value={d.correlation.to_string()}>{ driver_text(d.correlation) }</td>
                                <td class="risk-bar-cell" aria-hidden="true"><span class={format!("risk-bar {sign} risk-w{tenths}")}></span></td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        }
    };
    html! {
        <div class="compare-body risk-drivers" id="risk-drivers">
            <h3 id="risk-drivers-title">{ "What drives the spread" }</h3>
            <p class="hint">{ "Each assumption's rank correlation with the cumulative gap at the end of the plan, from −1 to +1. + widens the gap: a higher figure goes with a larger gap; − narrows it: a higher figure goes with a smaller gap." }</p>
            { table("risk-driver-table", top) }
            if !rest.is_empty() {
                <details class="chart-data">
                    <summary>{ format!("The other {} assumptions", rest.len()) }</summary>
                    { table("risk-driver-rest", rest) }
                </details>
            }
            if hidden > 0 {
                <p class="hint">{ format!("{hidden} more varied assumptions show no correlation (0.00).") }</p>
            }
        </div>
    }
}
