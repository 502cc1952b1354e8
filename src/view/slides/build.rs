//! Building each slide from a scenario and its projections.

use rust_decimal::Decimal;

use super::bands::{bands, per_week};
use super::notes;
use super::{KeyFigure, Note, Slide, SlideBody, SlideId};
use crate::charts::{ChartData, Series, SeriesKind, Unit};
use crate::format;
use crate::model::capital;
use crate::model::collab::{self, CollaborationProjection};
use crate::model::engine::{Projection, YearResult};
use crate::model::money::checked_mul;
use crate::model::workforce::{self, PayContext, WorkforceProjection};
use crate::model::{At, FinancialYear, Scenario};
use crate::view::{bridge, bridge_chart, default_headline_year, gap_chart, reserves_chart};

/// What the slides are built from.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    /// The scenario being presented.
    pub scenario: &'a Scenario,
    /// Its projection.
    pub projection: &'a Projection,
    /// The baseline, for the bridge.
    pub baseline: &'a Scenario,
    /// The baseline's projection.
    pub baseline_projection: &'a Projection,
    /// The year the "this year" slides are about; `None` (or a year outside the plan):
    /// the first year with a gap of £0.05m or more, else the final year.
    pub year: Option<FinancialYear>,
    /// The last risk run of the scenario, if there is one (the risk slide shows it).
    pub risk: Option<&'a crate::model::risk::Risk>,
}

/// £50,000: the smallest figure that shows as £0.1m.
pub(super) fn visible() -> Decimal {
    Decimal::new(50_000, 0)
}

pub(super) fn money_figure(key: &'static str, label: String, exact: Decimal) -> KeyFigure {
    KeyFigure {
        key,
        label,
        value: format::millions(exact),
        exact,
    }
}

fn pounds_figure(key: &'static str, label: impl Into<String>, exact: Decimal) -> KeyFigure {
    KeyFigure {
        key,
        label: label.into(),
        value: format::pounds(exact),
        exact,
    }
}

fn people_figure(key: &'static str, label: String, exact: Decimal) -> KeyFigure {
    KeyFigure {
        key,
        label,
        value: format::count(exact, 0),
        exact,
    }
}

/// A weekly sum as people say it: "29p" under a pound, "£1.15" from a pound up.
fn spoken(amount: Decimal) -> String {
    // checked_mul, not `*`: the operator would bring its own copy of the multiplication.
    match checked_mul(amount, Decimal::ONE_HUNDRED) {
        Some(pence) if amount.abs() < Decimal::ONE => format!("{}p", pence.normalize()),
        _ => format::pounds(amount),
    }
}

fn unavailable(id: SlideId, why: String) -> Slide {
    Slide {
        id,
        finding: format!("{} cannot be shown for this scenario", id.label()),
        figures: Vec::new(),
        body: SlideBody::Unavailable(why),
        notes: Vec::new(),
    }
}

/// Every slide, in [`SlideId::ALL`] order.
pub fn deck(inputs: &Inputs<'_>) -> Vec<Slide> {
    let p = inputs.projection;
    let year = inputs
        .year
        .filter(|y| p.year(*y).is_some())
        .or_else(|| default_headline_year(p));
    let chosen = year.and_then(|y| p.year(y));
    SlideId::ALL
        .into_iter()
        .map(|id| {
            let built = match (id, chosen) {
                (SlideId::GapPlan, _) => gap_plan(inputs),
                (SlideId::Uplift, _) => uplift(inputs.scenario),
                (SlideId::Collaborations, _) => collaborations(inputs.scenario),
                (SlideId::Reserves, _) => reserves(inputs),
                (SlideId::Capital, _) => capital(inputs),
                (SlideId::Savings, _) => super::resilience::savings(inputs),
                (SlideId::Resilience, _) => super::resilience::resilience(inputs),
                (SlideId::Bridge, _) => bridge_slide(inputs),
                (SlideId::ClosesGap, Some(y)) => {
                    super::analysis::closes_gap(inputs.scenario, p.cumulative_gap(), y.year)
                }
                (SlideId::MattersMost, _) => super::analysis::matters_most(inputs.scenario),
                (SlideId::Risk, _) => super::risk::slide(inputs.risk),
                (SlideId::GapYear, Some(y)) => Ok(gap_year(inputs.scenario, y)),
                (SlideId::Precept, Some(y)) => Ok(precept(inputs.scenario, y)),
                (SlideId::Bands, Some(y)) => bands_slide(y),
                (_, None) => Err("the plan has no years".to_string()),
            };
            built.unwrap_or_else(|why| unavailable(id, why))
        })
        .collect()
}

/// The capital programme: its financing costs by year, the CFR and the ratio to the net
/// revenue stream at the end of the plan.
fn capital(inputs: &Inputs<'_>) -> Result<Slide, String> {
    let r = capital::report(inputs.scenario, inputs.projection).map_err(|e| e.to_string())?;
    let Some(last) = r.years.last() else {
        return Err("the plan has no years".into());
    };
    let at = At::new("capital", None);
    let spend = at
        .sum(r.years.iter().map(|y| y.capital_spend))
        .map_err(|e| e.to_string())?;
    let pct = last
        .financing_cost_pct
        .map(|p| format!(" ({} of the net revenue stream)", format::percent(p, 2)))
        .unwrap_or_default();
    let over_limit = r.years.iter().find(|y| y.over_limit);
    let over_boundary = r.years.iter().find(|y| y.over_boundary);
    let finding = match (over_limit, over_boundary) {
        (Some(y), _) => format!(
            "External debt of {} breaches the authorised limit in {}",
            format::millions(y.external_debt),
            y.year
        ),
        (None, Some(y)) => format!(
            "External debt of {} goes above the operational boundary in {}",
            format::millions(y.external_debt),
            y.year
        ),
        (None, None) => format!(
            "Borrowing for capital costs {} a year in MRP and interest by {}{pct}",
            format::millions(last.financing_costs),
            last.year
        ),
    };
    let mut figures = vec![
        money_figure(
            "capital-financing",
            format!("Financing costs, {}", last.year),
            last.financing_costs,
        ),
        money_figure("capital-spend", "Capital spend over the plan".into(), spend),
        money_figure(
            "cfr",
            format!("Capital financing requirement, {}", last.year),
            last.cfr,
        ),
    ];
    if let Some(p) = last.financing_cost_pct {
        figures.push(KeyFigure {
            key: "financing-cost-pct",
            label: format!("Financing costs, % of net revenue stream, {}", last.year),
            value: format::percent(p, 2),
            exact: p,
        });
    }
    let mut notes = vec![Note::source(
        "MRP by the asset life method of the statutory guidance on minimum revenue provision \
         (MHCLG, 4th edition, 2018), from the year after an asset comes into use; \
         prudential indicators as CIPFA's Prudential Code (2021). The joint headquarters \
         counts once, from the collaboration register.",
    )];
    if let Some(p) = &inputs.scenario.capital_programme {
        let estimated: Vec<&str> = p
            .schemes
            .iter()
            .filter(|x| x.source.estimate)
            .map(|x| x.name.as_str())
            .collect();
        if !estimated.is_empty() || p.borrowing_rate_pct.source.estimate {
            notes.push(Note::estimate(format!(
                "Estimates: the borrowing rate{}{}.",
                if estimated.is_empty() {
                    ""
                } else {
                    " and the figures of "
                },
                estimated.join(", ")
            )));
        }
    }
    Ok(Slide {
        id: SlideId::Capital,
        finding,
        figures,
        body: SlideBody::Chart(crate::view::capital::financing_chart(&r)),
        notes,
    })
}

fn gap_year(s: &Scenario, y: &YearResult) -> Slide {
    let gap = format::millions(y.gap.abs());
    let finding = if y.gap >= visible() {
        format!("In {} spending is set to exceed funding by {gap}", y.year)
    } else if y.gap <= -visible() {
        format!("In {} funding is set to exceed spending by {gap}", y.year)
    } else {
        format!("In {} spending and funding balance", y.year)
    };
    Slide {
        id: SlideId::GapYear,
        finding,
        figures: vec![
            money_figure("annual-gap", format!("Funding gap, {}", y.year), y.gap),
            money_figure(
                "spending",
                format!("Net spending, {}", y.year),
                y.total_expenditure,
            ),
            money_figure("funding", format!("Funding, {}", y.year), y.total_funding),
        ],
        body: SlideBody::Figures,
        notes: notes::gap_notes(s),
    }
}

fn gap_plan(inputs: &Inputs<'_>) -> Result<Slide, String> {
    let p = inputs.projection;
    let (first, last) = match (p.base_year(), p.final_year()) {
        (Some(f), Some(l)) => (f.year, l.year),
        _ => return Err("the plan has no years".into()),
    };
    let total = p.cumulative_gap();
    let finding = if total >= visible() {
        format!(
            "Unless savings are found, the gaps add up to {} by {last}",
            format::millions(total)
        )
    } else if total <= -visible() {
        format!(
            "Over the plan funding exceeds spending by {} in all",
            format::millions(total.abs())
        )
    } else {
        format!("Spending and funding balance over the plan to {last}")
    };
    Ok(Slide {
        id: SlideId::GapPlan,
        finding,
        figures: vec![
            money_figure(
                "cumulative-gap",
                format!("Cumulative deficit, {first} to {last}"),
                total,
            ),
            money_figure(
                "recurring-gap",
                format!("Recurring gap in {last}"),
                p.final_recurring_gap(),
            ),
        ],
        body: SlideBody::Chart(gap_chart(p)),
        notes: notes::gap_notes(inputs.scenario),
    })
}

fn precept(s: &Scenario, y: &YearResult) -> Slide {
    let pr = &y.precept;
    let rise_week = per_week(pr.rise_gbp).unwrap_or(Decimal::ZERO);
    let finding = if pr.rise_gbp > Decimal::ZERO {
        format!(
            "In {} a Band D home pays {} more a year: {} a week",
            y.year,
            format::pounds(pr.rise_gbp),
            spoken(rise_week)
        )
    } else if pr.rise_gbp < Decimal::ZERO {
        format!(
            "In {} a Band D home pays {} less a year: {} a week",
            y.year,
            format::pounds(pr.rise_gbp.abs()),
            spoken(rise_week.abs())
        )
    } else {
        format!(
            "In {} the Band D precept stays at {}",
            y.year,
            format::pounds(pr.band_d)
        )
    };
    let mut figures = vec![
        pounds_figure("band-d-rise", "More a year for Band D", pr.rise_gbp),
        pounds_figure("band-d-rise-week", "More a week", rise_week),
        pounds_figure("band-d", format!("Band D, {}", y.year), pr.band_d),
        pounds_figure("band-d-week", "Band D a week", pr.band_d_per_week),
    ];
    figures.push(KeyFigure {
        key: "band-d-rise-pct",
        label: "Rise on last year".into(),
        value: format::percent(pr.rise_pct, 1),
        exact: pr.rise_pct,
    });
    let mut notes = notes::precept_notes(s);
    if let Some(limit) = pr.referendum_limit_gbp {
        let text = if pr.exceeds_referendum_limit {
            format!(
                "The rise is above the {} referendum limit of {} per Band D: it would need a local referendum.",
                y.year,
                format::pounds(limit)
            )
        } else {
            format!(
                "The rise is within the {} referendum limit of {} per Band D.",
                y.year,
                format::pounds(limit)
            )
        };
        notes.push(Note::source(text));
    }
    Slide {
        id: SlideId::Precept,
        finding,
        figures,
        body: SlideBody::Figures,
        notes,
    }
}

fn bands_slide(y: &YearResult) -> Result<Slide, String> {
    let pr = &y.precept;
    let at = At::new("precept.bands", Some(y.year));
    let previous = at.sub(pr.band_d, pr.rise_gbp).map_err(|e| e.to_string())?;
    let rows = bands(pr.band_d, previous).map_err(|e| e.to_string())?;
    let (Some(a), Some(h)) = (rows.first(), rows.last()) else {
        return Err("no bands".into());
    };
    let finding = if pr.rise_gbp.is_zero() {
        format!(
            "In {} the precept runs from {} a year for Band A to {} for Band H",
            y.year,
            format::pounds(a.annual),
            format::pounds(h.annual)
        )
    } else {
        format!(
            "In {} the rise runs from {} a year for Band A to {} for Band H",
            y.year,
            format::pounds(a.rise),
            format::pounds(h.rise)
        )
    };
    Ok(Slide {
        id: SlideId::Bands,
        finding,
        figures: vec![
            pounds_figure("band-a-rise", "Band A, more a year", a.rise),
            pounds_figure("band-h-rise", "Band H, more a year", h.rise),
        ],
        body: SlideBody::Bands(rows),
        notes: vec![Note::source(
            "Council tax bands are fixed ratios of Band D: A 6/9, B 7/9, C 8/9, D 1, E 11/9, \
             F 13/9, G 15/9, H 18/9. Each figure is rounded to the penny (halves away from \
             zero); per week = annual ÷ 52.",
        )],
    })
}

/// The scenario's workforce projection, and whether it had to fall back on the baseline
/// workforce (a scenario without a `workforce` section, as the engine's baseline is today).
pub fn workforce_projection(s: &Scenario) -> Result<(WorkforceProjection, bool), String> {
    let (plan, fallback) = match &s.workforce {
        Some(plan) => (plan.clone(), false),
        None => (
            workforce::baseline::nottinghamshire().map_err(|e| e.to_string())?,
            true,
        ),
    };
    let years = s.horizon.year_list();
    let ctx = PayContext {
        years: &years,
        officer_award_pct: &s.assumptions.officer_pay_award_pct.value,
        staff_award_pct: &s.assumptions.staff_pay_award_pct.value,
    };
    let projection = workforce::project(&plan, ctx).map_err(|e| e.to_string())?;
    Ok((projection, fallback))
}

fn uplift(s: &Scenario) -> Result<Slide, String> {
    let (w, fallback) = workforce_projection(s)?;
    let rows = w
        .uplift
        .as_ref()
        .filter(|r| !r.is_empty())
        .ok_or("the workforce plan has no Uplift targets")?;
    let Some(last) = rows.last() else {
        return Err("the workforce plan has no Uplift targets".into());
    };
    let at = At::new("uplift", None);
    let at_risk = at
        .sum(rows.iter().map(|r| r.grant_at_risk))
        .map_err(|e| e.to_string())?;
    let finding = match rows.iter().find(|r| r.actual < r.target) {
        None => format!(
            "Officer numbers meet the Uplift target every year: {} against {} in {}",
            format::count(last.actual, 0),
            format::count(last.target, 0),
            last.year
        ),
        Some(short) => {
            let gap = at
                .sub(short.target, short.actual)
                .map_err(|e| e.to_string())?;
            format!(
                "Officer numbers fall {} short of the Uplift target in {}, putting {} of grant at risk",
                format::count(gap, 0),
                short.year,
                format::millions(at_risk)
            )
        }
    };
    let chart = ChartData {
        id: "uplift".into(),
        title: finding.clone(),
        description: "Bars show officer headcount at 31 March of each year; the dashed line \
                      is the Operation Uplift headcount target. Officers."
            .into(),
        categories: rows.iter().map(|r| r.year.to_string()).collect(),
        unit: Unit::People,
        series: vec![
            Series::new(
                "Officers at 31 March",
                SeriesKind::Bar,
                0,
                rows.iter().map(|r| r.actual).collect(),
            ),
            Series::new(
                "Uplift target",
                SeriesKind::Dashed,
                3,
                rows.iter().map(|r| r.target).collect(),
            ),
        ],
    };
    let mut notes = vec![Note::source(
        "Officer headcount at 31 March from the workforce model; targets and the grant rule \
         table from the Operation Uplift allocation (Home Office).",
    )];
    if fallback {
        notes.push(Note::estimate(
            "This scenario has no workforce section of its own: officer numbers are the \
             Nottinghamshire workforce baseline's, with this scenario's pay awards.",
        ));
    }
    Ok(Slide {
        id: SlideId::Uplift,
        finding,
        figures: vec![
            people_figure("officers", format!("Officers, {}", last.year), last.actual),
            people_figure(
                "uplift-target",
                format!("Uplift target, {}", last.year),
                last.target,
            ),
            money_figure("grant-at-risk", "Uplift grant at risk".into(), at_risk),
        ],
        body: SlideBody::Chart(chart),
        notes,
    })
}

/// The scenario's collaboration register projected over the plan's years.
pub fn collaboration_projection(s: &Scenario) -> Result<CollaborationProjection, String> {
    let register = s
        .collaborations
        .as_ref()
        .ok_or("the scenario has no collaboration register")?;
    collab::project(register, &s.horizon.year_list()).map_err(|e| e.to_string())
}

fn collaborations(s: &Scenario) -> Result<Slide, String> {
    let c = collaboration_projection(s)?;
    let years = s.horizon.year_list();
    let (Some(first), Some(last)) = (years.first(), years.last()) else {
        return Err("the plan has no years".into());
    };
    let at = At::new("collaborations", None);
    let mut cost = Vec::with_capacity(years.len());
    let mut planned = Vec::with_capacity(years.len());
    let mut realised = Vec::with_capacity(years.len());
    for y in &years {
        let t = c.totals.get(y).copied().unwrap_or_default();
        cost.push(
            at.add(t.contribution, t.capital_financing)
                .map_err(|e| e.to_string())?,
        );
        planned.push(t.savings_planned);
        realised.push(t.savings_realised);
    }
    let sum = |v: &[Decimal]| at.sum(v.iter().copied()).map_err(|e| e.to_string());
    let (total_cost, total_planned, total_realised) =
        (sum(&cost)?, sum(&planned)?, sum(&realised)?);
    let finding = if total_realised.is_zero() {
        format!(
            "Collaborations cost us {} over the plan; no cashable savings are realised yet",
            format::millions(total_cost)
        )
    } else {
        format!(
            "Collaborations cost us {} over the plan and return {} in cashable savings",
            format::millions(total_cost),
            format::millions(total_realised)
        )
    };
    let chart = ChartData {
        id: "collaborations".into(),
        title: finding.clone(),
        description: "For each year: the force's cost of its collaborations (contributions, \
                      exit costs and joint headquarters financing) beside the cashable \
                      savings planned and realised. £ million."
            .into(),
        categories: years.iter().map(ToString::to_string).collect(),
        unit: Unit::Money,
        series: vec![
            Series::new("Cost to the force", SeriesKind::Bar, 0, cost),
            Series::new("Cashable savings planned", SeriesKind::Bar, 1, planned),
            Series::new("Cashable savings realised", SeriesKind::Bar, 2, realised),
        ],
    };
    Ok(Slide {
        id: SlideId::Collaborations,
        finding,
        figures: vec![
            money_figure(
                "collab-cost",
                format!("Cost, {first} to {last}"),
                total_cost,
            ),
            money_figure(
                "collab-realised",
                "Cashable savings realised".into(),
                total_realised,
            ),
            money_figure(
                "collab-planned",
                "Cashable savings planned".into(),
                total_planned,
            ),
        ],
        body: SlideBody::Chart(chart),
        notes: notes::collaboration_notes(s, &c),
    })
}

fn reserves(inputs: &Inputs<'_>) -> Result<Slide, String> {
    let p = inputs.projection;
    let last = p.final_year().ok_or("the plan has no years")?;
    let end = format::millions(last.reserves.general);
    let finding = match p.first_floor_breach() {
        Some(y) => format!(
            "The general reserve falls below its floor in {y} and ends {} at {end}",
            last.year
        ),
        None => format!(
            "The general reserve stays above its floor and ends {} at {end}",
            last.year
        ),
    };
    Ok(Slide {
        id: SlideId::Reserves,
        finding,
        figures: vec![
            money_figure(
                "reserves-end",
                format!("General reserve, end of {}", last.year),
                last.reserves.general,
            ),
            money_figure(
                "floor-end",
                format!("Floor, {}", last.year),
                last.reserves.floor,
            ),
        ],
        body: SlideBody::Chart(reserves_chart(p)),
        notes: notes::reserves_notes(inputs.scenario),
    })
}

fn bridge_slide(inputs: &Inputs<'_>) -> Result<Slide, String> {
    let (b, bp, s, p) = (
        inputs.baseline,
        inputs.baseline_projection,
        inputs.scenario,
        inputs.projection,
    );
    let steps = bridge(b, bp, s, p).map_err(|e| e.to_string())?;
    let chart = bridge_chart(bp, p, &steps);
    let diff = At::new("bridge", None)
        .sub(p.cumulative_gap(), bp.cumulative_gap())
        .map_err(|e| e.to_string())?;
    let finding = if steps.is_empty() {
        format!(
            "This is the baseline: a cumulative gap of {}",
            format::millions(bp.cumulative_gap())
        )
    } else {
        chart.title.clone()
    };
    let mut figures = vec![money_figure(
        "scenario-gap",
        format!("{}: cumulative gap", s.name),
        p.cumulative_gap(),
    )];
    if s != b {
        figures.push(money_figure(
            "baseline-gap",
            "Baseline: cumulative gap".into(),
            bp.cumulative_gap(),
        ));
    }
    figures.push(money_figure("difference", "Difference".into(), diff));
    Ok(Slide {
        id: SlideId::Bridge,
        finding,
        figures,
        body: SlideBody::Chart(chart),
        notes: vec![Note::source(format!(
            "Each bar copies one group of this scenario's assumptions into the baseline, in \
             this order: {}, then savings and reserves. The steps add up exactly to the \
             difference.",
            crate::view::GROUPS.join(", ").to_lowercase()
        ))],
    })
}
