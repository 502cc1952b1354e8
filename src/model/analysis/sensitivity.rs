//! Sensitivity: what matters most (docs/analysis.md §2).
//!
//! Every assumption of the scenario that the registry varies is moved by its swing, down
//! and up, in every year it has a figure for from the first year after the base year (or
//! its one figure), one at a time, and the plan re-projected: each [`Row`] is exactly
//! `mtfp project` of the scenario with that one change made. The tornado ranks them by
//! effect on the cumulative gap, or on the general reserve at the end of the plan
//! ([`Sensitivity::ranked`]). Swings default to the registry's and can be changed
//! ([`Swings`]).
//!
//! [`budget_book`] gives the budget book's table: what 1 percentage point on officer pay,
//! £1 on Band D, 1% on the tax base, 1 percentage point on non-pay inflation and 10 officers
//! are worth in each year of the plan.

use rust_decimal::Decimal;

use super::{Flat, Pace};
use crate::model::engine::{penny, Engine};
use crate::model::money::{checked_sub, At};
use crate::model::registry::{self, Analysis, Assumption, Change, Kind, Unit};
use crate::model::scenario::{Driver, PayGroup, Scenario};
use crate::model::workforce::{Group, Intake};
use crate::model::{FinancialYear, ModelError, ModelResult};

/// What the tornado ranks by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Measure {
    /// The cumulative gap at the end of the plan.
    #[default]
    CumulativeGap,
    /// The general reserve at the end of the plan.
    FinalGeneralReserve,
}

impl Measure {
    /// Its key: `cumulative-gap`, `final-general-reserve`.
    pub fn key(self) -> &'static str {
        match self {
            Measure::CumulativeGap => "cumulative-gap",
            Measure::FinalGeneralReserve => "final-general-reserve",
        }
    }

    /// The measure with key `key`.
    pub fn from_key(key: &str) -> Option<Measure> {
        [Measure::CumulativeGap, Measure::FinalGeneralReserve]
            .into_iter()
            .find(|m| m.key() == key)
    }

    /// What it is: "cumulative gap".
    pub fn label(self) -> &'static str {
        match self {
            Measure::CumulativeGap => "cumulative gap",
            Measure::FinalGeneralReserve => "general reserve at the end of the plan",
        }
    }
}

/// Which way an assumption is moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Down by the swing.
    Low,
    /// Up by the swing.
    High,
}

impl Direction {
    /// `low` or `high`.
    pub fn key(self) -> &'static str {
        match self {
            Direction::Low => "low",
            Direction::High => "high",
        }
    }
}

/// The figures a sensitivity row reports, £.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figures {
    /// The cumulative gap at the end of the plan.
    pub cumulative_gap: Decimal,
    /// The general reserve at the end of the plan.
    pub final_general_reserve: Decimal,
}

impl Figures {
    /// The figure `m`.
    pub fn get(&self, m: Measure) -> Decimal {
        match m {
            Measure::CumulativeGap => self.cumulative_gap,
            Measure::FinalGeneralReserve => self.final_general_reserve,
        }
    }
}

/// One assumption moved one way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The assumption.
    pub assumption: Assumption,
    /// Its stable key: `officer_pay_award`, `funding_growth[core_police_grant]`.
    pub key: String,
    /// What people call it in this scenario.
    pub label: String,
    /// Down or up.
    pub direction: Direction,
    /// The move made (the swing, or its opposite for [`Direction::Low`]).
    pub change: Change,
    /// The assumption's unit.
    pub unit: Unit,
    /// The plan's figures with the move made, or why it could not be made (a figure would
    /// leave its valid range, say).
    pub outcome: Result<Figures, String>,
}

impl Row {
    /// The row's figure `m` less the plan's, £ (none if the move could not be made).
    pub fn delta(&self, plan: &Figures, m: Measure) -> Option<Decimal> {
        let f = self.outcome.as_ref().ok()?;
        checked_sub(f.get(m), plan.get(m))
    }
}

/// The swing each kind of assumption is moved by: the registry's, or the user's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Swings(Vec<(Kind, Change)>);

impl Swings {
    /// The registry's swing for every kind it varies.
    pub fn registry() -> Swings {
        Swings(
            Kind::ALL
                .iter()
                .filter_map(|&k| match k.about().analysis {
                    Analysis::Varied { swing, .. } => Some((k, swing.change)),
                    Analysis::Fixed { .. } => None,
                })
                .collect(),
        )
    }

    /// The swing of `kind` (none for a kind that is not varied).
    pub fn get(&self, kind: Kind) -> Option<Change> {
        self.0.iter().find(|(k, _)| *k == kind).map(|(_, c)| *c)
    }

    /// Set the swing of a varied `kind` (its move up; the move down is its opposite).
    pub fn set(&mut self, kind: Kind, change: Change) {
        if let Some(slot) = self.0.iter_mut().find(|(k, _)| *k == kind) {
            slot.1 = change;
        }
    }

    /// Every varied kind and its swing, in registry order.
    pub fn all(&self) -> &[(Kind, Change)] {
        &self.0
    }
}

impl Default for Swings {
    fn default() -> Self {
        Swings::registry()
    }
}

/// A sensitivity analysis of one scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sensitivity {
    /// The first year moved (the first after the base year).
    pub from: FinancialYear,
    /// The scenario's own figures.
    pub plan: Figures,
    /// Two rows (low, high) per varied assumption, in registry order.
    pub rows: Vec<Row>,
}

/// One bar of the tornado: an assumption's low and high rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bar<'a> {
    /// Moved down.
    pub low: &'a Row,
    /// Moved up.
    pub high: &'a Row,
    /// The larger of the two moves' effects on the measure, without sign, £.
    pub effect: Decimal,
}

impl Sensitivity {
    /// The assumptions' bars, largest effect on `m` first (ties in registry order; moves
    /// that could not be made count as no effect).
    pub fn ranked(&self, m: Measure) -> Vec<Bar<'_>> {
        let mut bars: Vec<Bar<'_>> = self
            .rows
            .chunks_exact(2)
            .filter_map(|pair| match pair {
                [low, high] => {
                    let size = |r: &Row| r.delta(&self.plan, m).map_or(Decimal::ZERO, |d| d.abs());
                    Some(Bar {
                        low,
                        high,
                        effect: size(low).max(size(high)),
                    })
                }
                _ => None,
            })
            .collect();
        bars.sort_by_key(|b| std::cmp::Reverse(b.effect));
        bars
    }
}

/// Why a sensitivity analysis has no result.
#[derive(Debug, Clone, PartialEq)]
pub enum SensitivityError {
    /// The scenario itself cannot be projected.
    Model(ModelError),
    /// Stopped by the user.
    Stopped,
}

impl std::fmt::Display for SensitivityError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SensitivityError::Model(e) => write!(f, "{e}"),
            SensitivityError::Stopped => f.write_str("stopped"),
        }
    }
}

/// Every varied assumption of `s` moved by `swings` ([`sensitivity_paced`], never waiting).
pub fn sensitivity(s: &Scenario, swings: &Swings) -> Result<Sensitivity, SensitivityError> {
    super::run(sensitivity_paced(s, swings, &mut Flat))
}

/// Every varied assumption of `s` moved by `swings`, down and up, calling `pace` after each
/// projection (docs/analysis.md §2).
pub async fn sensitivity_paced<P: Pace>(
    s: &Scenario,
    swings: &Swings,
    pace: &mut P,
) -> Result<Sensitivity, SensitivityError> {
    let mut engine = Engine::new();
    let plan = engine.totals(s).map_err(SensitivityError::Model)?;
    let plan = Figures {
        cumulative_gap: plan.cumulative_gap(),
        final_general_reserve: plan.final_general_reserve(),
    };
    let from =
        s.horizon.base_year.plus(1).ok_or_else(|| {
            SensitivityError::Model(At::new("horizon", None).error("no later year"))
        })?;
    let moves: Vec<(Assumption, Change)> = registry::assumptions(s)
        .into_iter()
        .filter_map(|a| swings.get(a.kind).map(|c| (a, c)))
        .collect();
    let total = moves.len() * 2;
    let mut rows = Vec::with_capacity(total);
    let mut work = s.clone();
    for (a, swing) in moves {
        for direction in [Direction::Low, Direction::High] {
            let change = match direction {
                Direction::Low => swing.negated(),
                Direction::High => swing,
            };
            work.clone_from(s);
            let outcome = a.shift(&mut work, change, from).and_then(|()| {
                engine
                    .totals(&work)
                    .map(|t| Figures {
                        cumulative_gap: t.cumulative_gap(),
                        final_general_reserve: t.final_general_reserve(),
                    })
                    .map_err(|e| e.to_string())
            });
            rows.push(Row {
                key: a.key(),
                label: a.label(s),
                unit: a.def().unit,
                assumption: a.clone(),
                direction,
                change,
                outcome,
            });
            if !pace.tick(rows.len(), total).await {
                return Err(SensitivityError::Stopped);
            }
        }
    }
    Ok(Sensitivity { from, plan, rows })
}

/// A line of the budget book's sensitivity table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BookLine {
    /// 1 percentage point on officer pay, a full year.
    OfficerPay,
    /// £1 on Band D.
    BandD,
    /// 1% on the tax base.
    TaxBase,
    /// 1 percentage point on non-pay inflation.
    NonPayInflation,
    /// 10 more officers.
    TenOfficers,
}

impl BookLine {
    /// Every line, in the table's order.
    pub const ALL: [BookLine; 5] = [
        BookLine::OfficerPay,
        BookLine::BandD,
        BookLine::TaxBase,
        BookLine::NonPayInflation,
        BookLine::TenOfficers,
    ];

    /// Its key: `officer_pay_1pp`, `band_d_1gbp`, `tax_base_1pct`, `non_pay_inflation_1pp`,
    /// `officers_10`.
    pub fn key(self) -> &'static str {
        match self {
            BookLine::OfficerPay => "officer_pay_1pp",
            BookLine::BandD => "band_d_1gbp",
            BookLine::TaxBase => "tax_base_1pct",
            BookLine::NonPayInflation => "non_pay_inflation_1pp",
            BookLine::TenOfficers => "officers_10",
        }
    }

    /// As a budget book words it.
    pub fn label(self) -> &'static str {
        match self {
            BookLine::OfficerPay => "1 percentage point on officer pay, a full year",
            BookLine::BandD => "£1 on Band D",
            BookLine::TaxBase => "1% on the tax base",
            BookLine::NonPayInflation => "1 percentage point on non-pay inflation",
            BookLine::TenOfficers => "10 more officers, recruited in April",
        }
    }

    /// True when it changes funding (else spending).
    pub fn is_funding(self) -> bool {
        matches!(self, BookLine::BandD | BookLine::TaxBase)
    }
}

/// One cell of the budget book's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BookCell {
    /// The line.
    pub line: BookLine,
    /// The year.
    pub year: FinancialYear,
    /// What it adds to spending (or to funding, for the precept lines) in the year, £ to
    /// the penny; none where the scenario cannot say (no workforce plan for officers).
    pub effect: Option<Decimal>,
}

/// The budget book's sensitivity table for `s`: each [`BookLine`] in each year after the
/// base year (docs/analysis.md §2.3), line by line.
pub fn budget_book(s: &Scenario) -> ModelResult<Vec<BookCell>> {
    let mut engine = Engine::new();
    let plan = engine.project(s)?;
    let mut out = Vec::with_capacity(plan.years.len() * BookLine::ALL.len());
    // 1% of the lines an officer pay award moves.
    for y in plan.years.iter().skip(1) {
        let at = At::new("sensitivity.officer_pay", Some(y.year));
        let mut bill = Decimal::ZERO;
        for (line, amount) in s.expenditure.iter().zip(&y.expenditure) {
            let officers = matches!(
                line.driver,
                Driver::PayAward {
                    group: PayGroup::Officers,
                    ..
                } | Driver::Workforce {
                    group: Group::Officers
                }
            );
            if officers {
                bill = at.add(bill, amount.amount)?;
            }
        }
        out.push(BookCell {
            line: BookLine::OfficerPay,
            year: y.year,
            effect: Some(penny(at.div(bill, Decimal::ONE_HUNDRED)?)),
        });
    }
    // £1 on Band D: tax base × (Band D + £1) less tax base × Band D, each rounded.
    let mut tax_base = s.precept.tax_base.value.0;
    for (i, y) in plan.years.iter().enumerate() {
        let at = At::new("sensitivity.band_d", Some(y.year));
        if i > 0 {
            let growth = s.precept.tax_base_growth_pct.value.get_or_zero(y.year);
            if !growth.is_zero() {
                tax_base = at.grow(tax_base, growth)?;
            }
            let b = y.precept.band_d;
            let more =
                crate::model::engine::precept_income(&at, tax_base, at.add(b, Decimal::ONE)?)?;
            let now = crate::model::engine::precept_income(&at, tax_base, b)?;
            out.push(BookCell {
                line: BookLine::BandD,
                year: y.year,
                effect: Some(at.sub(more, now)?),
            });
        }
    }
    // 1% on the tax base: the registry's move (the base year's tax base 1% higher).
    let mut moved = s.clone();
    Assumption::plan(Kind::TaxBase)
        .shift(
            &mut moved,
            Change::Percent(Decimal::ONE),
            s.horizon.base_year,
        )
        .map_err(|e| At::new("precept.tax_base", None).error(e))?;
    let t = engine.totals(&moved)?;
    for y in plan.years.iter().skip(1) {
        let at = At::new("sensitivity.tax_base", Some(y.year));
        let after = t.year(y.year).map_or(y.total_funding, |x| x.total_funding);
        out.push(BookCell {
            line: BookLine::TaxBase,
            year: y.year,
            effect: Some(at.sub(after, y.total_funding)?),
        });
    }
    // One year's non-pay inflation one point higher; and ten officers more in April.
    for y in plan.years.iter().skip(1) {
        let at = At::new("sensitivity.non_pay_inflation", Some(y.year));
        let mut moved = s.clone();
        let inflation = Assumption::plan(Kind::NonPayInflation);
        let now = inflation.get(s, Some(y.year)).unwrap_or_default();
        inflation
            .set(&mut moved, Some(y.year), at.add(now, Decimal::ONE)?)
            .map_err(|e| at.error(e))?;
        let t = engine.totals(&moved)?;
        let after = t
            .year(y.year)
            .map_or(y.total_expenditure, |x| x.total_expenditure);
        out.push(BookCell {
            line: BookLine::NonPayInflation,
            year: y.year,
            effect: Some(at.sub(after, y.total_expenditure)?),
        });
    }
    for y in plan.years.iter().skip(1) {
        let at = At::new("sensitivity.officers", Some(y.year));
        let mut moved = s.clone();
        let effect = match moved.workforce.as_mut() {
            Some(w) => {
                w.officers.intakes.push(Intake {
                    year: y.year,
                    start_month: 4,
                    count: Decimal::TEN,
                });
                let t = engine.totals(&moved)?;
                let after = t
                    .year(y.year)
                    .map_or(y.total_expenditure, |x| x.total_expenditure);
                Some(at.sub(after, y.total_expenditure)?)
            }
            None => None,
        };
        out.push(BookCell {
            line: BookLine::TenOfficers,
            year: y.year,
            effect,
        });
    }
    Ok(out)
}
