//! The savings delivery and reserves slides (issue 18): planned savings against what their
//! delivery confidence expects, and the general reserve, risk-adjusted, against its
//! minimum with the resilience indicators that read red.

use rust_decimal::Decimal;

use super::build::{money_figure, visible, Inputs};
use super::{KeyFigure, Note, Slide, SlideBody, SlideId};
use crate::charts::{ChartData, Series, SeriesKind, Unit};
use crate::format;
use crate::model::resilience::{self, Report};
use crate::model::scenario::strategy::Indicator;
use crate::model::scenario::DeliveryStatus;

fn report(inputs: &Inputs<'_>) -> Result<Report, String> {
    resilience::report(inputs.scenario, inputs.projection).map_err(|e| e.to_string())
}

/// Planned savings against risk-adjusted, by year.
pub(super) fn savings(inputs: &Inputs<'_>) -> Result<Slide, String> {
    let r = report(inputs)?;
    let sv = &r.savings;
    let last = sv.final_year().ok_or("the plan has no years")?;
    let at_risk = sv.at_risk_total();
    let (gap, gap_ra) = (last.cumulative_gap, last.cumulative_gap_risk_adjusted);
    let doubtful: Vec<&str> = sv
        .savings
        .iter()
        .filter(|x| {
            matches!(
                x.status,
                Some(
                    DeliveryStatus::Unlikely | DeliveryStatus::AtRisk | DeliveryStatus::NotPlanned
                )
            )
        })
        .map(|x| x.name.as_str())
        .collect();
    let finding = if at_risk >= visible() {
        format!(
            "{} of the savings planned is at risk, taking the gaps to {} from {} to {}",
            format::millions(at_risk),
            last.year,
            format::millions(gap),
            format::millions(gap_ra)
        )
    } else {
        format!(
            "The savings planned are expected in full: the gaps to {} stay at {}",
            last.year,
            format::millions(gap)
        )
    };
    let chart = ChartData {
        id: "savings-delivery".into(),
        title: finding.clone(),
        description: "For each year: savings in the plan, and what their delivery confidence \
                      expects (risk-adjusted). £ million."
            .into(),
        categories: sv.years.iter().map(|y| y.year.to_string()).collect(),
        unit: Unit::Money,
        series: vec![
            Series::new(
                "Savings planned",
                SeriesKind::Bar,
                0,
                sv.years.iter().map(|y| y.planned.total).collect(),
            ),
            Series::new(
                "Risk-adjusted",
                SeriesKind::Bar,
                1,
                sv.years.iter().map(|y| y.risk_adjusted.total).collect(),
            ),
        ],
    };
    let mut notes = vec![Note::source(
        "Risk-adjusted: each saving × its delivery confidence (the status's default, or its \
         own); savings with no status count in full. The savings register (Savings) lists \
         each one.",
    )];
    let sections = inputs.scenario.sections_or_none();
    let estimated: Vec<&str> = inputs
        .scenario
        .savings
        .iter()
        .enumerate()
        .filter(|(i, x)| {
            sections.delivery_at(*i).is_some_and(|d| d.source.estimate) || x.source.estimate
        })
        .map(|(_, x)| x.name.as_str())
        .collect();
    if !estimated.is_empty() {
        notes.push(Note::estimate(format!(
            "Estimates, not published: the figures or status of {}.",
            estimated.join(", ")
        )));
    }
    if sections
        .confidence_table()
        .0
        .iter()
        .any(|c| c.source.estimate)
    {
        notes.push(Note::estimate(
            "The confidence each status gives (100/90/60/25/0% by default) is a planning convention.",
        ));
    }
    let mut figures = vec![
        money_figure(
            "savings-at-risk",
            "Savings at risk over the plan".into(),
            at_risk,
        ),
        money_figure(
            "gap-risk-adjusted",
            format!("Gaps to {}, risk-adjusted", last.year),
            gap_ra,
        ),
        money_figure(
            "gap-planned",
            format!("Gaps to {}, as planned", last.year),
            gap,
        ),
    ];
    figures.push(KeyFigure {
        key: "savings-doubtful",
        label: "Savings amber, red or not yet planned".into(),
        value: if doubtful.is_empty() {
            "None".into()
        } else {
            doubtful.join(", ")
        },
        exact: Decimal::from(doubtful.len()),
    });
    Ok(Slide {
        id: SlideId::Savings,
        finding,
        figures,
        body: SlideBody::Chart(chart),
        notes,
    })
}

/// The general reserve, risk-adjusted, against its minimum.
pub(super) fn resilience(inputs: &Inputs<'_>) -> Result<Slide, String> {
    let r = report(inputs)?;
    let rv = &r.reserves;
    let last = rv.years.last().ok_or("the plan has no years")?;
    let finding = match rv.first_below_minimum() {
        Some(y) => format!(
            "Counting savings at risk, the general reserve falls below its minimum in {}: a section 27 report",
            y.year
        ),
        None => format!(
            "Counting savings at risk, the general reserve stays above its minimum to {}",
            last.year
        ),
    };
    let red: Vec<&str> = Indicator::ALL
        .into_iter()
        .filter(|i| !rv.red_years(*i).is_empty())
        .map(Indicator::label)
        .collect();
    let chart = ChartData {
        id: "reserves-minimum".into(),
        title: finding.clone(),
        description: "For each year end: usable reserves and the general reserve with \
                      savings at risk taken from it (bars), against the minimum that governs \
                      (dashed). £ million."
            .into(),
        categories: rv.years.iter().map(|y| y.year.to_string()).collect(),
        unit: Unit::Money,
        series: vec![
            Series::new(
                "Usable reserves",
                SeriesKind::Bar,
                5,
                rv.years.iter().map(|y| y.usable).collect(),
            ),
            Series::new(
                "General reserve, risk-adjusted",
                SeriesKind::Bar,
                0,
                rv.years.iter().map(|y| y.general).collect(),
            ),
            Series::new(
                "Minimum",
                SeriesKind::Dashed,
                3,
                rv.years.iter().map(|y| y.minimum).collect(),
            ),
        ],
    };
    let min = &rv.minimum;
    let rule = if min.risk_based_governs {
        format!(
            "The minimum is the risk register's ({})",
            format::millions(min.risk_based)
        )
    } else {
        format!(
            "The minimum is the floor, {} of net revenue spending; the risk register would give {}",
            format::percent(min.floor_pct, 1),
            format::millions(min.risk_based)
        )
    };
    let mut notes = vec![Note::source(format!(
        "{rule}. Usable reserves: the general reserve and every earmarked reserve not held for \
         partners. The reserves strategy (Reserves) lists each reserve, risk and indicator."
    ))];
    let sections = inputs.scenario.sections_or_none();
    let st = sections.strategy();
    if st.earmarked.iter().any(|e| e.source.estimate) || st.risks.iter().any(|k| k.source.estimate)
    {
        notes.push(Note::estimate(
            "The named reserves and the risk register are estimates, not published figures.",
        ));
    }
    Ok(Slide {
        id: SlideId::Resilience,
        finding,
        figures: vec![
            money_figure(
                "general-risk-adjusted",
                format!("General reserve, end of {}", last.year),
                last.general,
            ),
            money_figure("minimum", format!("Minimum, {}", last.year), last.minimum),
            KeyFigure {
                key: "red-indicators",
                label: "Indicators reading red".into(),
                value: if red.is_empty() {
                    "None".into()
                } else {
                    red.len().to_string()
                },
                exact: Decimal::from(red.len()),
            },
        ],
        body: SlideBody::Chart(chart),
        notes,
    })
}
