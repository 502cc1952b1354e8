//! The risk slide (issue 16): the run's summary sentence, the cumulative gap's fan chart and
//! the chance that the general reserve ends each year below its floor. Built from a run
//! already made (a run takes a second or two in the browser, so it is never made while the
//! deck is built: the app passes the last run for the scenario, or runs one in slices
//! first). docs/risk.md "In the planner".

use super::{FloorRow, Note, Slide, SlideBody, SlideId};
use crate::model::risk::Risk;
use crate::view::risk::{fan, percent, thousands, Measure};

/// The risk slide of run `r`; without one, a slide saying how to get one.
pub fn slide(r: Option<&Risk>) -> Result<Slide, String> {
    let Some(r) = r else {
        return Ok(Slide {
            id: SlideId::Risk,
            finding: "Not run yet: choosing this slide makes 10,000 draws first (a second or two)"
                .into(),
            figures: Vec::new(),
            body: SlideBody::Unavailable(
                "no risk run for this scenario yet: run \"How likely is a breach\" on the \
                 Analysis screen, or choose this slide in the presentation's setup"
                    .into(),
            ),
            notes: Vec::new(),
        });
    };
    let chart = fan(r, Measure::CumulativeGap);
    let rows = r
        .years
        .iter()
        .map(|y| FloorRow {
            year: y.year.to_string(),
            chance: percent(y.probability_below_floor),
            draws: format!("{} of {}", thousands(y.below_floor), thousands(r.draws)),
        })
        .collect();
    Ok(Slide {
        id: SlideId::Risk,
        finding: r.summary.clone(),
        figures: Vec::new(),
        body: SlideBody::Fan(chart, rows),
        notes: vec![
            Note::source(format!(
                "{} draws with seed {}{}: every varied assumption drawn from its uncertainty \
                 range and the plan projected for each draw (docs/risk.md). mtfp risk \
                 --draws {} --seed {}{} gives the same figures.",
                thousands(r.draws),
                r.seed,
                if r.coupled {
                    ", pay awards and non-pay inflation drawn together"
                } else {
                    ""
                },
                r.draws,
                r.seed,
                if r.coupled { " --coupled" } else { "" }
            )),
            Note::estimate(
                "The uncertainty ranges are the assumption registry's defaults (mtfp \
                 assumptions), a cautious starting point wider above the plan's figures than \
                 below them, not published forecasts.",
            ),
        ],
    })
}
