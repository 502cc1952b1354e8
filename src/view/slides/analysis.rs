//! The analyses' slides (issue 15): "What closes the gap" (the Band D rise a year, from the
//! year the slides are about, that closes the cumulative gap, against the referendum
//! limits, and the recurring saving that would do instead) and "What matters most" (the
//! tornado of the eight assumptions that move the cumulative gap most). docs/analysis.md.

use rust_decimal::Decimal;

use super::bands::per_week;
use super::{KeyFigure, Note, Slide, SlideBody, SlideId};
use crate::format;
use crate::model::analysis::goal_seek::{solve, Lever, Question, Target};
use crate::model::analysis::sensitivity::{sensitivity, Measure, Swings};
use crate::model::{FinancialYear, Scenario};
use crate::view::analysis::{spoken, swing_text, tornado};

/// £50,000: the smallest figure that shows as £0.1m.
fn visible() -> Decimal {
    Decimal::new(50_000, 0)
}

fn figure(key: &'static str, label: String, value: String, exact: Decimal) -> KeyFigure {
    KeyFigure {
        key,
        label,
        value,
        exact,
    }
}

/// "What closes the gap", for a rise from `year` (the first year after the base year if
/// `year` is the base year).
pub fn closes_gap(s: &Scenario, cumulative: Decimal, year: FinancialYear) -> Result<Slide, String> {
    let base = s.horizon.base_year;
    let last = s.horizon.last_year().ok_or("the plan has no years")?;
    let from = if year > base {
        year
    } else {
        base.plus(1).ok_or("the plan has no later year")?
    };
    let notes = vec![Note::source(format!(
        "Goal seek: the smallest Band D rise, the same in £ each year from {from} to {last}, \
         that leaves no cumulative gap by {last}, found to the penny; and the smallest \
         recurring saving from {from} that would do the same. Referendum limits as the \
         scenario gives them (docs/analysis.md)."
    ))];
    if cumulative < visible() {
        return Ok(Slide {
            id: SlideId::ClosesGap,
            finding: format!("There is no cumulative gap to close by {last}"),
            figures: vec![figure(
                "cumulative-gap",
                format!("Cumulative gap by {last}"),
                format::millions(cumulative),
                cumulative,
            )],
            body: SlideBody::Figures,
            notes,
        });
    }
    let ask = |lever| {
        solve(
            s,
            &Question {
                target: Target::CumulativeGap,
                lever,
                from,
            },
        )
        .map_err(|e| e.to_string())
    };
    let rise = ask(Lever::PreceptGbp)?;
    let savings = ask(Lever::Savings)?;
    let gap = format::millions(cumulative);
    let referendum = rise.referendum.as_ref();
    let breached = referendum.is_some_and(|r| r.breached());
    let finding = if !rise.reachable {
        format!("No Band D rise closes the {gap} cumulative gap by {last}")
    } else if breached {
        format!(
            "A Band D rise of {} a year from {from} would close the {gap} gap by {last}, above the referendum limits",
            format::pounds(rise.value)
        )
    } else {
        format!(
            "A Band D rise of {} a year from {from} would close the {gap} gap by {last}, within the referendum limits",
            format::pounds(rise.value)
        )
    };
    let week = per_week(rise.value).map_err(|e| e.to_string())?;
    let mut figures = vec![
        figure(
            "closing-rise",
            format!("Band D rise a year, {from} to {last}"),
            format::pounds(rise.value),
            rise.value,
        ),
        figure(
            "closing-rise-week",
            "More a week for Band D".into(),
            spoken(week),
            week,
        ),
    ];
    let mut notes = notes;
    if let Some(r) = referendum {
        if r.breached() {
            figures.push(figure(
                "within-limits-gap",
                "Gap left within the limits".into(),
                format::millions(r.within.shortfall),
                r.within.shortfall,
            ));
        }
        let limits: Vec<String> = r
            .years
            .iter()
            .map(|y| match y.limit {
                Some(l) => format!(
                    "{} {}{}",
                    y.year,
                    format::pounds(l),
                    if y.exceeds { " (exceeded)" } else { "" }
                ),
                None => format!("{} none given", y.year),
            })
            .collect();
        notes.push(Note::source(format!(
            "Referendum limits per Band D: {}.",
            limits.join(", ")
        )));
    }
    figures.push(figure(
        "closing-savings",
        format!("Or recurring savings a year from {from}"),
        format::millions(savings.value),
        savings.value,
    ));
    Ok(Slide {
        id: SlideId::ClosesGap,
        finding,
        figures,
        body: SlideBody::Figures,
        notes,
    })
}

/// Keys of the two largest effects on "What matters most".
const TOP: [&str; 2] = ["matters-1", "matters-2"];

/// "What matters most": the eight assumptions that move the cumulative gap most.
pub fn matters_most(s: &Scenario) -> Result<Slide, String> {
    let sens = sensitivity(s, &Swings::registry()).map_err(|e| e.to_string())?;
    let chart = tornado(&sens, Measure::CumulativeGap, Some(8));
    let ranked = sens.ranked(Measure::CumulativeGap);
    let figures = ranked
        .iter()
        .filter(|b| !b.effect.is_zero())
        .zip(TOP)
        .map(|(b, key)| {
            figure(
                key,
                format!(
                    "{} ({})",
                    b.low.label,
                    swing_text(b.high.change, b.high.unit)
                ),
                format::millions(b.effect),
                b.effect,
            )
        })
        .collect();
    let swings: Vec<String> = ranked
        .iter()
        .filter(|b| !b.effect.is_zero())
        .take(chart.bars.len())
        .map(|b| format!("{} {}", b.low.label, swing_text(b.high.change, b.high.unit)))
        .collect();
    Ok(Slide {
        id: SlideId::MattersMost,
        finding: chart.title.clone(),
        figures,
        body: SlideBody::Tornado(chart),
        notes: vec![
            Note::source(format!(
            "Each assumption moved down and up by its swing from {} on, one at a time, and the \
             plan projected again: the bars are the change in the cumulative gap (£ million). \
             Swings and their bases: the assumption registry (mtfp assumptions); every \
             assumption in the analysis screen's table and mtfp sensitivity.",
            sens.from
        )),
            Note::source(format!("The swings: {}.", swings.join("; "))),
        ],
    })
}
