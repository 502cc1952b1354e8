//! Sources, estimate flags and the key assumptions printed with the pack.

use rust_decimal::Decimal;

use super::Note;
use crate::format;
use crate::model::collab::CollaborationProjection;
use crate::model::dec::YearValues;
use crate::model::{Scenario, Source};

/// A key assumption of a scenario, for the print pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assumption {
    /// What it is ("Officer pay award").
    pub label: String,
    /// Its value, by year where it varies ("2022/23 5.0%, 2023/24 7.0%").
    pub value: String,
    /// Where it comes from.
    pub source: Source,
}

fn by_year(values: &YearValues, show: impl Fn(Decimal) -> String) -> String {
    let parts: Vec<String> = values
        .iter()
        .map(|(y, v)| format!("{y} {}", show(v)))
        .collect();
    if parts.is_empty() {
        "none".to_string()
    } else {
        parts.join(", ")
    }
}

fn pct(v: Decimal) -> String {
    format::percent(v, 1)
}

/// The assumptions a Police and Crime Panel asks about, with their sources.
pub fn key_assumptions(s: &Scenario) -> Vec<Assumption> {
    let a = &s.assumptions;
    let p = &s.precept;
    let r = &s.reserves;
    let item = |label: &str, value: String, source: &Source| Assumption {
        label: label.to_string(),
        value,
        source: source.clone(),
    };
    let mut rise = by_year(&p.rise_gbp.value, format::pounds);
    if !p.rise_pct.value.0.is_empty() {
        rise = format!("{rise}; by %: {}", by_year(&p.rise_pct.value, pct));
    }
    vec![
        item(
            &format!("Band D, {}", s.horizon.base_year),
            format::pounds(p.band_d.value.0),
            &p.band_d.source,
        ),
        item("Band D rise", rise, &p.rise_gbp.source),
        item(
            "Tax base growth",
            by_year(&p.tax_base_growth_pct.value, pct),
            &p.tax_base_growth_pct.source,
        ),
        item(
            "Officer pay award (from 1 September)",
            by_year(&a.officer_pay_award_pct.value, pct),
            &a.officer_pay_award_pct.source,
        ),
        item(
            "Staff pay award (from 1 September)",
            by_year(&a.staff_pay_award_pct.value, pct),
            &a.staff_pay_award_pct.source,
        ),
        item(
            "Non-pay inflation",
            by_year(&a.non_pay_inflation_pct.value, pct),
            &a.non_pay_inflation_pct.source,
        ),
        item(
            &format!("General reserve, start of {}", s.horizon.base_year),
            format::millions(r.general_opening.value.0),
            &r.general_opening.source,
        ),
        item(
            "General reserve floor",
            format!("{} of net revenue spend", pct(r.floor_pct.value.0)),
            &r.floor_pct.source,
        ),
    ]
}

fn estimates_among<'a>(names: impl Iterator<Item = (&'a str, &'a Source)>) -> Option<Note> {
    let flagged: Vec<&str> = names.filter(|(_, s)| s.estimate).map(|(n, _)| n).collect();
    (!flagged.is_empty()).then(|| {
        Note::estimate(format!(
            "Estimates, not published figures: {}.",
            flagged.join(", ")
        ))
    })
}

/// Notes for the gap slides: the reading of "gap", and which lines are estimates.
pub(super) fn gap_notes(s: &Scenario) -> Vec<Note> {
    let mut notes = vec![Note::source(
        "Gap = projected net spending − projected funding in the year; the cumulative \
         deficit adds the annual gaps (the reading of HMICFRS, PEEL 2021/22: £0.9m in \
         2023/24, £8.1m by 2025/26 for the Nottinghamshire baseline).",
    )];
    let lines = s
        .expenditure
        .iter()
        .map(|l| (l.name.as_str(), &l.source))
        .chain(s.funding.iter().map(|l| (l.name.as_str(), &l.source)));
    notes.extend(estimates_among(lines));
    notes
}

/// Notes for the precept slide.
pub(super) fn precept_notes(s: &Scenario) -> Vec<Note> {
    let p = &s.precept;
    let mut notes = vec![Note::source(
        "Per week = annual ÷ 52 (some reports use 52.14), rounded to the penny.",
    )];
    for (name, source) in [
        ("Band D", &p.band_d.source),
        ("Band D rise", &p.rise_gbp.source),
    ] {
        notes.push(Note {
            text: format!("{name}: {}", source.text),
            estimate: source.estimate,
        });
    }
    notes
}

/// Notes for the collaborations slide.
pub(super) fn collaboration_notes(s: &Scenario, c: &CollaborationProjection) -> Vec<Note> {
    let mut notes = vec![Note::source(format!(
        "The force's share of each collaboration's cost, exit costs and the joint \
         headquarters' financing (MRP and interest), from the collaboration register. \
         Benefits tracked under the {}.",
        c.benefits_methodology
    ))];
    if let Some(register) = &s.collaborations {
        let costs = register
            .collaborations
            .iter()
            .map(|c| (c.name.as_str(), &c.total_cost.source));
        notes.extend(estimates_among(costs));
    }
    notes
}

/// Notes for the reserves slide.
pub(super) fn reserves_notes(s: &Scenario) -> Vec<Note> {
    let r = &s.reserves;
    [
        ("Opening general reserve", &r.general_opening.source),
        ("Floor", &r.floor_pct.source),
    ]
    .into_iter()
    .map(|(name, source)| Note {
        text: format!("{name}: {}", source.text),
        estimate: source.estimate,
    })
    .collect()
}
