//! What a projection produces: one [`YearResult`] per year of the plan, and warnings.
//!
//! Every money figure here is rounded to the penny by [`crate::model::round_money`], and
//! every total is the sum of the rounded figures it is made of, so the parts always add
//! up to the whole to the penny.

use std::sync::Arc;

use rust_decimal::Decimal;
#[cfg(not(target_arch = "wasm32"))]
use serde::Serialize;

use crate::model::error::ModelResult;
use crate::model::money::At;
use crate::model::scenario::{ExpenditureCategory, FundingCategory};
use crate::model::year::FinancialYear;

/// A projected plan.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct Projection {
    /// The scenario's name.
    pub scenario: String,
    /// One result per year, base year first.
    pub years: Vec<YearResult>,
    /// Things worth knowing that do not stop the projection (a precept rise above the
    /// referendum limit, the general reserve falling below its floor).
    pub warnings: Vec<Warning>,
}

/// Something a finance lead should look at; not an error.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct Warning {
    /// The field concerned, for example `precept.rise_gbp`.
    pub path: String,
    /// The year concerned, if any.
    pub year: Option<FinancialYear>,
    /// What to look at.
    pub message: String,
}

/// One expenditure line in one year.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct ExpenditureAmount {
    /// The line's id (shared by every year's entry: cloning it copies no text).
    pub id: Arc<str>,
    /// The line's name (shared likewise).
    pub name: Arc<str>,
    /// Its budget book category.
    pub category: ExpenditureCategory,
    /// £, rounded to the penny.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub amount: Decimal,
}

/// One funding line in one year.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct FundingAmount {
    /// The line's id (shared by every year's entry: cloning it copies no text).
    pub id: Arc<str>,
    /// The line's name (shared likewise).
    pub name: Arc<str>,
    /// Its category.
    pub category: FundingCategory,
    /// £, rounded to the penny.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub amount: Decimal,
}

/// The precept in one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct PreceptResult {
    /// Band D, £ a year (to the penny).
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub band_d: Decimal,
    /// Rise on last year's Band D, £ (zero in the base year).
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub rise_gbp: Decimal,
    /// Rise on last year's Band D, % to two places (zero in the base year).
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub rise_pct: Decimal,
    /// Band D per week (annual ÷ 52), £ to the penny.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub band_d_per_week: Decimal,
    /// Tax base, Band D equivalents (to two places).
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub tax_base: Decimal,
    /// Precept income = tax base × Band D, £ to the penny.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub income: Decimal,
    /// The referendum limit on the rise (£ per Band D, to the penny), if the scenario gives
    /// one.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(with = "crate::model::dec::strict_opt")
    )]
    pub referendum_limit_gbp: Option<Decimal>,
    /// True when the rise is above the referendum limit (a warning, not an error).
    pub exceeds_referendum_limit: bool,
}

/// Savings already identified, in one year.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct SavingsResult {
    /// Recurring savings in force this year (all recurring savings from the base year on,
    /// plus the collaboration register's realised savings), £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub recurring: Decimal,
    /// One-off savings falling in this year, £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub one_off: Decimal,
    /// Recurring + one-off, £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub total: Decimal,
}

/// Reserves at the end of one year.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct ReservesResult {
    /// Planned use of the general reserve this year, £ (negative: a contribution).
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub planned_use_general: Decimal,
    /// Planned use of earmarked reserves this year, £ (negative: a contribution).
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub planned_use_earmarked: Decimal,
    /// Earmarked reserves used for capital schemes this year, £ (the capital programme,
    /// from the year after the base; docs/capital.md). Not written when nil, so
    /// projections without a capital programme read as they did.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(
            with = "crate::model::dec::strict",
            skip_serializing_if = "Decimal::is_zero"
        )
    )]
    pub capital_use_earmarked: Decimal,
    /// General reserve at the end of the year, £: opening − planned use − the gap still
    /// unmet (so an unclosed gap falls on the general reserve).
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub general: Decimal,
    /// Earmarked reserves at the end of the year, £: opening − planned use − use for capital.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub earmarked: Decimal,
    /// General + earmarked, £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub total: Decimal,
    /// The general reserve floor this year: floor % × total expenditure, £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub floor: Decimal,
    /// True when the general reserve ends the year below its floor.
    pub floor_breached: bool,
}

/// Everything projected for one financial year.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct YearResult {
    /// The financial year.
    pub year: FinancialYear,
    /// Each expenditure line, in scenario order.
    pub expenditure: Vec<ExpenditureAmount>,
    /// Sum of the expenditure lines, £ (before identified savings).
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub gross_expenditure: Decimal,
    /// Savings already identified.
    pub savings: SavingsResult,
    /// Net revenue spend: gross expenditure − identified savings, £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub total_expenditure: Decimal,
    /// Each funding line, in scenario order (precept apart).
    pub funding: Vec<FundingAmount>,
    /// The precept.
    pub precept: PreceptResult,
    /// Sum of the funding lines plus precept income, £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub total_funding: Decimal,
    /// Annual gap: total expenditure − total funding, £ (negative: a surplus).
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub gap: Decimal,
    /// Cumulative gap: the sum of the annual gaps from the base year to this year, £
    /// (HMICFRS's "cumulative deficit").
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub cumulative_gap: Decimal,
    /// Recurring gap: the gap without this year's one-off savings, £ (what carries into
    /// the next year; some MTFPs call the final year's figure "cumulative").
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub recurring_gap: Decimal,
    /// Planned use of reserves (general + earmarked) towards the gap, £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub reserves_applied: Decimal,
    /// Savings still to find: gap − planned use of reserves, £ (negative: a surplus).
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub savings_still_to_find: Decimal,
    /// Reserves at the end of the year.
    pub reserves: ReservesResult,
}

impl Projection {
    /// The result for `year`, if it is in the plan.
    pub fn year(&self, year: FinancialYear) -> Option<&YearResult> {
        self.years.iter().find(|y| y.year == year)
    }

    /// The base year's result.
    pub fn base_year(&self) -> Option<&YearResult> {
        self.years.first()
    }

    /// The final year's result.
    pub fn final_year(&self) -> Option<&YearResult> {
        self.years.last()
    }

    /// The cumulative gap at the end of the plan (sum of every annual gap), £.
    pub fn cumulative_gap(&self) -> Decimal {
        self.final_year()
            .map_or(Decimal::ZERO, |y| y.cumulative_gap)
    }

    /// The sum of the annual gaps from `from` to `to`, both included, £: HMICFRS's
    /// "cumulative deficit" over those years (2023/24 to 2025/26 in PEEL 2021/22).
    pub fn sum_of_gaps(&self, from: FinancialYear, to: FinancialYear) -> ModelResult<Decimal> {
        At::new("gap", None).sum(
            self.years
                .iter()
                .filter(|y| y.year >= from && y.year <= to)
                .map(|y| y.gap),
        )
    }

    /// The final year's recurring gap, £ (the other reading of "cumulative").
    pub fn final_recurring_gap(&self) -> Decimal {
        self.final_year().map_or(Decimal::ZERO, |y| y.recurring_gap)
    }

    /// The first year whose general reserve ends below the floor, if any.
    pub fn first_floor_breach(&self) -> Option<FinancialYear> {
        self.years
            .iter()
            .find(|y| y.reserves.floor_breached)
            .map(|y| y.year)
    }

    /// The years of the plan, base year first.
    pub fn year_list(&self) -> Vec<FinancialYear> {
        self.years.iter().map(|y| y.year).collect()
    }
}

impl YearResult {
    /// The expenditure line `id` this year, if any.
    pub fn expenditure_line(&self, id: &str) -> Option<&ExpenditureAmount> {
        self.expenditure.iter().find(|l| &*l.id == id)
    }

    /// The funding line `id` this year, if any.
    pub fn funding_line(&self, id: &str) -> Option<&FundingAmount> {
        self.funding.iter().find(|l| &*l.id == id)
    }
}

/// The figures an analysis reads in one year (goal seek, sensitivity, risk): what a
/// projection gives without its lines, precept detail or warnings. Each equals the
/// [`YearResult`] figure of the same name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearTotals {
    /// The financial year.
    pub year: FinancialYear,
    /// [`YearResult::total_funding`].
    pub total_funding: Decimal,
    /// [`YearResult::total_expenditure`] (net revenue spend).
    pub total_expenditure: Decimal,
    /// [`YearResult::gap`].
    pub gap: Decimal,
    /// [`YearResult::cumulative_gap`].
    pub cumulative_gap: Decimal,
    /// [`YearResult::recurring_gap`].
    pub recurring_gap: Decimal,
    /// [`YearResult::savings_still_to_find`].
    pub savings_still_to_find: Decimal,
    /// [`ReservesResult::general`]: the general reserve at the end of the year.
    pub general_reserve: Decimal,
    /// [`ReservesResult::earmarked`].
    pub earmarked_reserves: Decimal,
    /// [`ReservesResult::floor`].
    pub floor: Decimal,
    /// [`ReservesResult::floor_breached`].
    pub floor_breached: bool,
    /// [`PreceptResult::band_d`].
    pub band_d: Decimal,
    /// [`PreceptResult::exceeds_referendum_limit`].
    pub exceeds_referendum_limit: bool,
}

impl YearTotals {
    /// All zero, in the first year the planner accepts (a placeholder before a run).
    pub const EMPTY: YearTotals = YearTotals {
        year: FinancialYear::FIRST,
        total_funding: Decimal::ZERO,
        total_expenditure: Decimal::ZERO,
        gap: Decimal::ZERO,
        cumulative_gap: Decimal::ZERO,
        recurring_gap: Decimal::ZERO,
        savings_still_to_find: Decimal::ZERO,
        general_reserve: Decimal::ZERO,
        earmarked_reserves: Decimal::ZERO,
        floor: Decimal::ZERO,
        floor_breached: false,
        band_d: Decimal::ZERO,
        exceeds_referendum_limit: false,
    };
}

/// A totals-only projection: [`YearTotals`] for each year of the plan, with nothing
/// allocated (a fixed array of [`MAX_YEARS`](crate::model::scenario::MAX_YEARS) entries).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    years: [YearTotals; super::MAX_PLAN_YEARS],
    len: usize,
}

impl Default for Totals {
    fn default() -> Self {
        Totals {
            years: [YearTotals::EMPTY; super::MAX_PLAN_YEARS],
            len: 0,
        }
    }
}

impl Totals {
    /// Each year of the plan, base year first.
    pub fn years(&self) -> &[YearTotals] {
        self.years.get(..self.len).unwrap_or_default()
    }

    /// The figures of `year`, if it is in the plan.
    pub fn year(&self, year: FinancialYear) -> Option<&YearTotals> {
        self.years().iter().find(|y| y.year == year)
    }

    /// The final year's figures.
    pub fn final_year(&self) -> Option<&YearTotals> {
        self.years().last()
    }

    /// The cumulative gap at the end of the plan, £ ([`Projection::cumulative_gap`]).
    pub fn cumulative_gap(&self) -> Decimal {
        self.final_year()
            .map_or(Decimal::ZERO, |y| y.cumulative_gap)
    }

    /// The general reserve at the end of the plan, £.
    pub fn final_general_reserve(&self) -> Decimal {
        self.final_year()
            .map_or(Decimal::ZERO, |y| y.general_reserve)
    }

    /// The first year whose general reserve ends below the floor, if any.
    pub fn first_floor_breach(&self) -> Option<FinancialYear> {
        self.years()
            .iter()
            .find(|y| y.floor_breached)
            .map(|y| y.year)
    }

    /// Add a year (the engine's run fills these in order).
    pub(super) fn push(&mut self, year: YearTotals) {
        if let Some(slot) = self.years.get_mut(self.len) {
            *slot = year;
            self.len += 1;
        }
    }
}

impl Projection {
    /// The totals of this projection: equal to [`super::totals`] of the same scenario.
    pub fn totals(&self) -> Totals {
        let mut out = Totals::default();
        for y in &self.years {
            out.push(YearTotals {
                year: y.year,
                total_funding: y.total_funding,
                total_expenditure: y.total_expenditure,
                gap: y.gap,
                cumulative_gap: y.cumulative_gap,
                recurring_gap: y.recurring_gap,
                savings_still_to_find: y.savings_still_to_find,
                general_reserve: y.reserves.general,
                earmarked_reserves: y.reserves.earmarked,
                floor: y.reserves.floor,
                floor_breached: y.reserves.floor_breached,
                band_d: y.precept.band_d,
                exceeds_referendum_limit: y.precept.exceeds_referendum_limit,
            });
        }
        out
    }
}
