//! Running an analysis in slices on the page's one thread: [`Slices`] is the analyses'
//! [`Pace`] in the browser. After each projection it checks the clock; after 16 ms it
//! reports progress and gives the page back (a zero timeout), so no task holds the page for
//! more than a slice, and it stops the analysis when Cancel was pressed.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::format;
use crate::model::analysis::Pace;

/// How long a slice runs before the page gets its thread back, ms: well under the 50 ms a
/// task may take, since on a busy machine a slice overruns (the clock is read between
/// projections) and the browser adds its own work to the task.
const SLICE_MS: f64 = 16.0;

/// The browser's pace: slices of 16 ms, progress, Cancel.
pub struct Slices {
    started: f64,
    cancel: Rc<Cell<bool>>,
    progress: Callback<(usize, usize)>,
}

impl Slices {
    /// A pace reporting to `progress` and stopped by `cancel`.
    pub fn new(cancel: Rc<Cell<bool>>, progress: Callback<(usize, usize)>) -> Slices {
        Slices {
            started: js_sys::Date::now(),
            cancel,
            progress,
        }
    }
}

impl Pace for Slices {
    async fn tick(&mut self, done: usize, total: usize) -> bool {
        if js_sys::Date::now() - self.started > SLICE_MS {
            self.progress.emit((done, total));
            gloo_timers::future::TimeoutFuture::new(0).await;
            self.started = js_sys::Date::now();
        }
        !self.cancel.get()
    }
}

/// Give the page its thread back once (a zero timeout): before an analysis starts, so the
/// click that asked for it ends at once, and before its results are drawn, so drawing them
/// is a task of its own rather than the end of the analysis's last slice.
pub async fn breathe() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// Start a paced analysis: the one `cancel` holds (if any) stops and a new stop flag takes
/// its place; `job` shows the progress from the first slice, then what `work` (run with the
/// page's pace, after the click's task has ended) finds. A late answer from a run that was
/// stopped meanwhile is dropped, unless it is the stop itself.
pub fn start<T, F, Fut>(job: &UseStateHandle<Job<T>>, cancel: &RefCell<Rc<Cell<bool>>>, work: F)
where
    T: 'static,
    F: FnOnce(Slices) -> Fut + 'static,
    Fut: Future<Output = Job<T>> + 'static,
{
    cancel.borrow().set(true);
    let stop = Rc::new(Cell::new(false));
    *cancel.borrow_mut() = stop.clone();
    job.set(Job::Running(0, 0));
    let report = {
        let job = job.clone();
        Callback::from(move |(done, total)| job.set(Job::Running(done, total)))
    };
    let job = job.clone();
    wasm_bindgen_futures::spawn_local(async move {
        breathe().await;
        let found = work(Slices::new(stop.clone(), report)).await;
        breathe().await;
        if stop.get() && !matches!(found, Job::Stopped) {
            return;
        }
        job.set(found);
    });
}

/// Where an analysis has got to.
#[derive(Debug, Clone, PartialEq)]
pub enum Job<T> {
    /// Not started (or its figures went out of date).
    Idle,
    /// Running: projections done, of about how many.
    Running(usize, usize),
    /// Finished.
    Done(T),
    /// Refused or failed, and why.
    Failed(String),
    /// Cancelled.
    Stopped,
}

/// The progress of a running analysis with its Cancel button (`id`: the progress bar's).
pub fn progress(
    id: &'static str,
    what: &str,
    done: usize,
    total: usize,
    cancel: &Rc<Cell<bool>>,
) -> Html {
    let cancel = cancel.clone();
    let onclick = Callback::from(move |_: MouseEvent| cancel.set(true));
    let total = total.max(done).max(1);
    html! {
        <div class="progress-row" role="status">
            <label for={id}>{ format!("{what}: {} of about {} projections", format::count(Decimal::from(done), 0), format::count(Decimal::from(total), 0)) }</label>
            <progress {id} max={total.to_string()} value={done.to_string()}></progress>
            <button type="button" class="btn btn-small" {onclick}>{ "Cancel" }</button>
        </div>
    }
}
