//! The year loop, shared by the full projection and the totals-only one: the same code
//! works out every figure, and a [`Sink`] decides what is kept (every line and warning, or
//! only the totals an analysis reads).

use std::sync::Arc;

use rust_decimal::Decimal;

use super::feeds::Feeds;
use super::lines::{self, Awards, LineInputs};
use super::result::{
    ExpenditureAmount, FundingAmount, PreceptResult, Projection, ReservesResult, SavingsResult,
    Totals, Warning, YearResult, YearTotals,
};
use super::{penny, precept, PerYear, MAX_PLAN_YEARS};
use crate::model::error::ModelResult;
use crate::model::money::At;
use crate::model::scenario::{SavingKind, Scenario};
use crate::model::year::FinancialYear;

/// One year's figures, as the loop works them out.
pub(super) struct Year<'a> {
    pub year: FinancialYear,
    /// Each expenditure line, then each funding line, rounded to the penny (only with
    /// [`Sink::DETAIL`]; empty otherwise).
    pub lines: &'a [Decimal],
    pub gross: Decimal,
    pub savings: SavingsResult,
    pub total_expenditure: Decimal,
    pub total_funding: Decimal,
    pub gap: Decimal,
    pub cumulative: Decimal,
    pub recurring_gap: Decimal,
    pub reserves_applied: Decimal,
    pub still_to_find: Decimal,
    pub reserves: ReservesResult,
    pub precept: &'a PreceptResult,
}

/// What a run keeps.
pub(super) trait Sink {
    /// Whether lines, the precept's detail and warnings are wanted.
    const DETAIL: bool;
    /// The precept of every year, before the first year's figures.
    fn precept(&mut self, _all: &[PreceptResult]) {}
    /// One year's figures, base year first.
    fn year(&mut self, y: &Year<'_>);
}

/// What a run may keep for the next: nothing ([`Fresh`], a single projection) or each
/// line's and the precept's inputs and figures ([`Kept`], an [`Engine`](super::Engine)).
/// A trait rather than an option, so a single projection carries none of the comparing.
pub(super) trait Keep {
    /// The plan's first year and length, before anything is asked.
    fn start(&mut self, _plan: Option<(FinancialYear, usize)>) {}
    /// The precept's figures, if worked out before from equal inputs (with the detail if
    /// `detail`).
    fn precept(
        &self,
        _inputs: &precept::Inputs,
        _detail: bool,
    ) -> Option<[PreceptResult; MAX_PLAN_YEARS]> {
        None
    }
    /// Keep the precept's figures.
    fn keep_precept(
        &mut self,
        _inputs: precept::Inputs,
        _detail: bool,
        _figures: &[PreceptResult; MAX_PLAN_YEARS],
    ) {
    }
    /// Line `i`'s stored amounts, if rolled before from equal inputs.
    fn line(&self, _i: usize, _inputs: &LineInputs) -> Option<PerYear> {
        None
    }
    /// Keep line `i`'s inputs and stored amounts.
    fn keep_line(&mut self, _i: usize, _inputs: LineInputs, _amounts: &PerYear) {}
    /// There are `n` lines.
    fn lines(&mut self, _n: usize) {}
}

/// Keeps nothing.
pub(super) struct Fresh;

impl Keep for Fresh {}

/// What an [`Engine`](super::Engine) keeps of the last run.
#[derive(Debug, Clone, Default)]
pub(super) struct Kept {
    /// The plan's first year and length the rest was worked out for.
    years: Option<(FinancialYear, usize)>,
    lines: Vec<(LineInputs, PerYear)>,
    precept: Option<(precept::Inputs, bool, [PreceptResult; MAX_PLAN_YEARS])>,
}

impl Keep for Kept {
    fn start(&mut self, plan: Option<(FinancialYear, usize)>) {
        if self.years != plan {
            *self = Kept {
                years: plan,
                ..Kept::default()
            };
        }
    }

    fn precept(
        &self,
        inputs: &precept::Inputs,
        detail: bool,
    ) -> Option<[PreceptResult; MAX_PLAN_YEARS]> {
        match &self.precept {
            Some((seen, kept_detail, figures)) if seen == inputs && (*kept_detail || !detail) => {
                Some(*figures)
            }
            _ => None,
        }
    }

    fn keep_precept(
        &mut self,
        inputs: precept::Inputs,
        detail: bool,
        figures: &[PreceptResult; MAX_PLAN_YEARS],
    ) {
        self.precept = Some((inputs, detail, *figures));
    }

    fn line(&self, i: usize, inputs: &LineInputs) -> Option<PerYear> {
        match self.lines.get(i) {
            Some((seen, amounts)) if seen == inputs => Some(*amounts),
            _ => None,
        }
    }

    fn keep_line(&mut self, i: usize, inputs: LineInputs, amounts: &PerYear) {
        match self.lines.get_mut(i) {
            Some(slot) => *slot = (inputs, *amounts),
            None => self.lines.push((inputs, *amounts)),
        }
    }

    fn lines(&mut self, n: usize) {
        self.lines.truncate(n);
    }
}

/// Project `s` (valid, with its modules' figures in `feeds`) into `sink`. A line or the
/// precept whose inputs `keep` has seen before is not worked out again.
pub(super) fn run<S: Sink, K: Keep>(
    s: &Scenario,
    years: &[FinancialYear],
    awards: &Awards,
    feeds: &Feeds,
    sink: &mut S,
    keep: &mut K,
) -> ModelResult<()> {
    lines::check_feeds(s, years, feeds)?;
    keep.start(years.first().map(|&y| (y, years.len())));

    // The precept.
    let inputs = precept::Inputs::of(&s.precept, years);
    let precepts = match keep.precept(&inputs, S::DETAIL) {
        Some(figures) => figures,
        None => {
            let mut figures = [PreceptResult::EMPTY; MAX_PLAN_YEARS];
            precept::project(&inputs, years, S::DETAIL, &mut figures)?;
            keep.keep_precept(inputs, S::DETAIL, &figures);
            figures
        }
    };
    let precepts = precepts.get(..years.len()).unwrap_or_default();
    sink.precept(precepts);

    // Every line's stored amounts, expenditure then funding.
    let n_exp = s.expenditure.len();
    let n = n_exp + s.funding.len();
    keep.lines(n);
    let mut stored: Vec<PerYear> = Vec::with_capacity(n);
    for i in 0..n {
        let (inputs, at) = match (s.expenditure.get(i), s.funding.get(i.wrapping_sub(n_exp))) {
            (Some(line), _) => (
                lines::expenditure_inputs(line, s, years, awards, feeds)?,
                At::item("expenditure", &line.id, "", None),
            ),
            (None, Some(line)) => (
                lines::funding_inputs(line, years, feeds),
                At::item("funding", &line.id, "", None),
            ),
            (None, None) => continue,
        };
        let amounts = match keep.line(i, &inputs) {
            Some(amounts) => amounts,
            None => {
                let amounts = lines::roll(&inputs, years, &at)?;
                keep.keep_line(i, inputs, &amounts);
                amounts
            }
        };
        stored.push(amounts);
    }
    let mut amounts = if S::DETAIL {
        vec![Decimal::ZERO; n]
    } else {
        Vec::new()
    };

    let r = &s.reserves;
    let mut general = penny(r.general_opening.value.0);
    let mut earmarked = penny(r.earmarked_opening.value.0);
    let mut cumulative = penny(Decimal::ZERO);
    for ((k, &year), precept) in years.iter().enumerate().zip(precepts.iter()) {
        let at = At::new("totals", Some(year));
        let mut gross = Decimal::ZERO;
        let mut funding = Decimal::ZERO;
        for (i, pennies) in stored.iter().enumerate() {
            let amount = pennies.get(k).copied().unwrap_or(Decimal::ZERO);
            if i < n_exp {
                gross = at.add(gross, amount)?;
            } else {
                funding = at.add(funding, amount)?;
            }
            if let Some(slot) = amounts.get_mut(i) {
                *slot = amount;
            }
        }
        // Sums of pennies are pennies; `penny` only fixes the scale of an empty sum.
        let gross = penny(gross);
        let savings = savings(s, k, year, feeds)?;
        let total_expenditure = at.sub(gross, savings.total)?;
        let total_funding = at.add(penny(funding), precept.income)?;
        let gap = at.sub(total_expenditure, total_funding)?;
        cumulative = at.add(cumulative, gap)?;
        let recurring_gap = at.add(gap, savings.one_off)?;

        let at = At::new("reserves", Some(year));
        let use_general = penny(r.planned_use_general.value.get_or_zero(year));
        let use_earmarked = penny(r.planned_use_earmarked.value.get_or_zero(year));
        let reserves_applied = at.add(use_general, use_earmarked)?;
        let still_to_find = at.sub(gap, reserves_applied)?;
        general = at.sub(at.sub(general, use_general)?, still_to_find)?;
        earmarked = at.sub(earmarked, use_earmarked)?;
        // Earmarked reserves a capital scheme uses, from the year after the base (whose
        // planned use is already set): docs/capital.md.
        let for_capital = match (&feeds.capital, k) {
            (Some(c), 1..) => penny(c.reserve.get(k).copied().unwrap_or(Decimal::ZERO)),
            _ => penny(Decimal::ZERO),
        };
        if !for_capital.is_zero() {
            earmarked = at.sub(earmarked, for_capital)?;
        }
        let floor = penny(at.pct(total_expenditure, r.floor_pct.value.0)?);
        sink.year(&Year {
            year,
            lines: &amounts,
            gross,
            savings,
            total_expenditure,
            total_funding,
            gap,
            cumulative,
            recurring_gap,
            reserves_applied,
            still_to_find,
            reserves: ReservesResult {
                planned_use_general: use_general,
                planned_use_earmarked: use_earmarked,
                capital_use_earmarked: for_capital,
                general,
                earmarked,
                total: at.add(general, earmarked)?,
                floor,
                floor_breached: general < floor,
            },
            precept,
        });
    }
    Ok(())
}

/// Identified savings in year `k`: recurring savings from every year up to and including
/// this one, the register's realised collaboration savings, and this year's one-offs, in
/// the order the savings are listed.
fn savings(
    s: &Scenario,
    k: usize,
    year: FinancialYear,
    feeds: &Feeds,
) -> ModelResult<SavingsResult> {
    let at = At::new("savings", Some(year));
    let mut recurring = Decimal::ZERO;
    let mut one_off = Decimal::ZERO;
    for saving in &s.savings {
        match saving.kind {
            SavingKind::Recurring => {
                let to_date = at.sum(saving.amounts.0.up_to(&year).map(|(_, v)| *v))?;
                recurring = at.add(recurring, to_date)?;
            }
            SavingKind::OneOff => {
                one_off = at.add(one_off, saving.amounts.get_or_zero(year))?;
            }
            SavingKind::Collaborations => {
                let realised = feeds
                    .collab
                    .as_ref()
                    .and_then(|c| c.realised.get(k))
                    .copied()
                    .ok_or_else(|| {
                        At::item("savings", &saving.id, "", Some(year)).error(
                            "is driven by the collaboration register but the scenario has no collaborations section",
                        )
                    })?;
                recurring = at.add(recurring, realised)?;
            }
        }
    }
    let recurring = penny(recurring);
    let one_off = penny(one_off);
    Ok(SavingsResult {
        recurring,
        one_off,
        total: at.add(recurring, one_off)?,
    })
}

/// Keeps everything: the [`Projection`].
pub(super) struct Full<'s> {
    s: &'s Scenario,
    names: Vec<(Arc<str>, Arc<str>)>,
    years: Vec<YearResult>,
    warnings: Vec<Warning>,
    floor_warned: bool,
    overdrawn_warned: bool,
}

impl<'s> Full<'s> {
    pub(super) fn new(s: &'s Scenario, years: usize) -> Self {
        let name = |id: &str, name: &str| (Arc::from(id), Arc::from(name));
        Full {
            s,
            names: s
                .expenditure
                .iter()
                .map(|l| name(&l.id, &l.name))
                .chain(s.funding.iter().map(|l| name(&l.id, &l.name)))
                .collect(),
            years: Vec::with_capacity(years),
            warnings: Vec::new(),
            floor_warned: false,
            overdrawn_warned: false,
        }
    }

    pub(super) fn finish(self) -> Projection {
        Projection {
            scenario: self.s.name.clone(),
            years: self.years,
            warnings: self.warnings,
        }
    }
}

impl Sink for Full<'_> {
    const DETAIL: bool = true;

    fn precept(&mut self, all: &[PreceptResult]) {
        for (k, p) in all.iter().enumerate() {
            if p.exceeds_referendum_limit {
                self.warnings.push(Warning {
                    path: "precept.rise_gbp".into(),
                    year: self.s.horizon.base_year.plus(u16::try_from(k).unwrap_or(0)),
                    message: format!(
                        "the Band D rise of £{} is above the referendum limit of £{}",
                        p.rise_gbp,
                        p.referendum_limit_gbp.unwrap_or_default()
                    ),
                });
            }
        }
    }

    fn year(&mut self, y: &Year<'_>) {
        let r = &y.reserves;
        if r.floor_breached && !self.floor_warned {
            self.floor_warned = true;
            self.warnings.push(Warning {
                path: "reserves.general".into(),
                year: Some(y.year),
                message: format!(
                    "the general reserve (£{}) falls below its floor (£{}) this year",
                    r.general, r.floor
                ),
            });
        }
        if r.earmarked < Decimal::ZERO && !self.overdrawn_warned {
            self.overdrawn_warned = true;
            self.warnings.push(Warning {
                path: "reserves.planned_use_earmarked".into(),
                year: Some(y.year),
                message: format!("earmarked reserves would be overdrawn (£{})", r.earmarked),
            });
        }
        let n_exp = self.s.expenditure.len();
        let amount = |i: usize| y.lines.get(i).copied().unwrap_or(Decimal::ZERO);
        let name = |i: usize| self.names.get(i).cloned().unwrap_or_default();
        let expenditure = self
            .s
            .expenditure
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let (id, name) = name(i);
                ExpenditureAmount {
                    id,
                    name,
                    category: l.category,
                    amount: amount(i),
                }
            })
            .collect();
        let funding = self
            .s
            .funding
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let (id, name) = name(n_exp + i);
                FundingAmount {
                    id,
                    name,
                    category: l.category,
                    amount: amount(n_exp + i),
                }
            })
            .collect();
        self.years.push(YearResult {
            year: y.year,
            expenditure,
            gross_expenditure: y.gross,
            savings: y.savings.clone(),
            total_expenditure: y.total_expenditure,
            funding,
            precept: *y.precept,
            total_funding: y.total_funding,
            gap: y.gap,
            cumulative_gap: y.cumulative,
            recurring_gap: y.recurring_gap,
            reserves_applied: y.reserves_applied,
            savings_still_to_find: y.still_to_find,
            reserves: y.reserves.clone(),
        });
    }
}

/// Keeps the totals only.
impl Sink for Totals {
    const DETAIL: bool = false;

    fn year(&mut self, y: &Year<'_>) {
        self.push(YearTotals {
            year: y.year,
            total_funding: y.total_funding,
            total_expenditure: y.total_expenditure,
            gap: y.gap,
            cumulative_gap: y.cumulative,
            recurring_gap: y.recurring_gap,
            savings_still_to_find: y.still_to_find,
            general_reserve: y.reserves.general,
            earmarked_reserves: y.reserves.earmarked,
            floor: y.reserves.floor,
            floor_breached: y.reserves.floor_breached,
            band_d: y.precept.band_d,
            exceeds_referendum_limit: y.precept.exceeds_referendum_limit,
        });
    }
}
