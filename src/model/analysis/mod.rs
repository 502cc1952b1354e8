//! Analyses that project a scenario many times (issue 15; docs/analysis.md): **goal seek**
//! ([`goal_seek`]: the smallest Band D rise, the savings, the pay award… that meets a
//! target, found exactly by a search that checks the target is monotone in the lever) and
//! **sensitivity** ([`sensitivity`]: every registry assumption moved by its swing, low and
//! high, and the budget book's "1% on pay = £X m" table). A risk analysis (issue 16) belongs
//! here too, as a module of its own.
//!
//! Each runs on an [`Engine`](super::engine::Engine), so a projection of a variant costs
//! tens of microseconds, and each is written once as an `async` function that calls a
//! [`Pace`] after every projection: natively (the `mtfp` tool, tests) the pace never waits
//! ([`run`]); in the browser it hands the page back every few milliseconds, shows progress
//! and can cancel, so a long search never holds the page.

pub mod goal_seek;
pub mod sensitivity;

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

/// How an analysis shares its thread: called after each projection with how many are done
/// and about how many there will be in all. It answers false to stop the analysis
/// ([`Stopped`]).
pub trait Pace {
    /// After a projection: carry on (true) or stop (false).
    fn tick(&mut self, done: usize, total: usize) -> impl Future<Output = bool>;
}

/// A pace that never waits and never stops: the native tool's and the tests'.
#[derive(Debug, Clone, Copy, Default)]
pub struct Flat;

impl Pace for Flat {
    async fn tick(&mut self, _done: usize, _total: usize) -> bool {
        true
    }
}

/// The analysis was stopped by its [`Pace`] (the user pressed Cancel).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stopped;

/// Run an analysis written as a future to the end on this thread, with the [`Flat`] pace
/// (its future is ready at every poll, so this returns after one poll).
pub fn run<F: Future>(analysis: F) -> F::Output {
    let mut analysis = pin!(analysis);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(out) = analysis.as_mut().poll(&mut cx) {
            return out;
        }
    }
}
