//! Sources, estimate flags and the key assumptions printed with the pack.

use rust_decimal::Decimal;

use super::Note;
use crate::format;
use crate::model::collab::CollaborationProjection;
use crate::model::registry::{self, Kind, Unit, Years};
use crate::model::{FinancialYear, Scenario, Source};

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

fn pct(v: Decimal) -> String {
    format::percent(v, 1)
}

/// A figure as the pack shows it, by its unit: £ (millions from £1m), %, or a count.
fn shown(v: Decimal, unit: Unit) -> String {
    match unit {
        Unit::Pounds if v.abs() >= Decimal::from(1_000_000) => format::millions(v),
        Unit::Pounds => format::pounds(v),
        Unit::Percent => pct(v),
        Unit::Properties | Unit::Years | Unit::People => format::count(v, 0),
    }
}

/// "2022/23 5.0%, 2023/24 7.0%", or "none".
fn by_year(values: impl Iterator<Item = (FinancialYear, String)>) -> String {
    let parts: Vec<String> = values.map(|(y, v)| format!("{y} {v}")).collect();
    if parts.is_empty() {
        "none".to_string()
    } else {
        parts.join(", ")
    }
}

/// A registry assumption's pack label: its label, the base year for a base-year figure,
/// and its note in brackets ("Officer pay award (from 1 September)", "Band D, 2021/22").
fn pack_label(s: &Scenario, a: &registry::Assumption) -> String {
    let def = a.def();
    let mut label = a.label(s);
    if def.years == Years::BaseYear {
        label = format!("{label}, {}", s.horizon.base_year);
    }
    if !def.note.is_empty() {
        label = format!("{label} ({})", def.note);
    }
    label
}

/// The assumptions a Police and Crime Panel asks about, with their sources: labels,
/// units, figures and sources from the assumption registry.
pub fn key_assumptions(s: &Scenario) -> Vec<Assumption> {
    let item = |kind: Kind| {
        let a = registry::Assumption::plan(kind);
        let unit = a.def().unit;
        let value = if a.def().years.is_single() {
            a.get(s, None).map(|v| shown(v, unit)).unwrap_or_default()
        } else {
            by_year(
                a.years(s)
                    .into_iter()
                    .filter_map(|y| Some((y, shown(a.get(s, Some(y))?, unit)))),
            )
        };
        Assumption {
            label: pack_label(s, &a),
            value,
            source: a.source(s).cloned().unwrap_or_default(),
        }
    };
    // The Band D rise: each year's, in £ or in % as the scenario gives it.
    let p = &s.precept;
    let gbp = registry::Assumption::plan(Kind::BandDRiseGbp);
    let mut rise = by_year(p.rise_gbp.value.iter().map(|(y, v)| (y, format::pounds(v))));
    if !p.rise_pct.value.0.is_empty() {
        rise = format!(
            "{rise}; by %: {}",
            by_year(p.rise_pct.value.iter().map(|(y, v)| (y, pct(v))))
        );
    }
    vec![
        item(Kind::BandD),
        Assumption {
            label: gbp.label(s),
            value: rise,
            source: gbp.source(s).cloned().unwrap_or_default(),
        },
        item(Kind::TaxBaseGrowth),
        item(Kind::OfficerPayAward),
        item(Kind::StaffPayAward),
        item(Kind::NonPayInflation),
        item(Kind::GeneralReserve),
        item(Kind::ReserveFloor),
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
    let mut notes = vec![Note::source(
        "Per week = annual ÷ 52 (some reports use 52.14), rounded to the penny.",
    )];
    notes.extend(registry_notes(s, &[Kind::BandD, Kind::BandDRiseGbp]));
    notes
}

/// A note for each of `kinds` (plan-wide assumptions): its registry label and source.
fn registry_notes(s: &Scenario, kinds: &[Kind]) -> Vec<Note> {
    kinds
        .iter()
        .filter_map(|&kind| {
            let a = registry::Assumption::plan(kind);
            a.source(s).map(|source| Note {
                text: format!("{}: {}", a.label(s), source.text),
                estimate: source.estimate,
            })
        })
        .collect()
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
    registry_notes(s, &[Kind::GeneralReserve, Kind::ReserveFloor])
}
