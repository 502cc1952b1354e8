//! Plan against actual: for each year of the plan, each figure the scenario's `actuals`
//! hold beside the plan's own figure, the variance (actual − plan) in the item's unit and
//! as a % of the plan, and whether it is favourable or adverse. Years with no actuals are
//! "not yet known". docs/outturn.md §3 states every rule.

use rust_decimal::Decimal;

use super::actuals::{Actuals, Adverse, Item, ItemGroup};
use crate::model::engine::Projection;
use crate::model::error::ModelResult;
use crate::model::money::{round_money, round_to, At};
use crate::model::registry::Unit;
use crate::model::scenario::{SavingKind, Scenario};
use crate::model::source::Source;
use crate::model::workforce::{self, Group, PayContext, WorkforceProjection};
use crate::model::year::FinancialYear;

/// How an actual compares with the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Worse than planned: spending above plan, funding below.
    Adverse,
    /// Better than planned.
    Favourable,
    /// Exactly as planned.
    OnPlan,
    /// Different, but neither better nor worse (officers at 31 March).
    Different,
    /// The plan has no figure to compare (officers without a workforce section).
    NoPlan,
}

impl Status {
    /// As the CLI and the app write it.
    pub fn text(self) -> &'static str {
        match self {
            Status::Adverse => "adverse",
            Status::Favourable => "favourable",
            Status::OnPlan => "on plan",
            Status::Different => "no direction",
            Status::NoPlan => "no plan figure",
        }
    }

    /// True if adverse.
    pub fn is_adverse(self) -> bool {
        self == Status::Adverse
    }
}

/// What a row compares: one item, or a total of a group's lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// One item's figure.
    Item(Item),
    /// The spending lines with outturn this year, added up.
    SpendingTotal,
    /// The funding lines (and precept income) with outturn this year, added up.
    FundingTotal,
}

impl Subject {
    /// Its key in the CLI's `item` column: the item's, or `total[spending]`,
    /// `total[funding]`.
    pub fn key(&self) -> String {
        match self {
            Subject::Item(i) => i.key(),
            Subject::SpendingTotal => "total[spending]".into(),
            Subject::FundingTotal => "total[funding]".into(),
        }
    }

    /// What people call it.
    pub fn label(&self, s: &Scenario) -> String {
        match self {
            Subject::Item(i) => i.label(s),
            Subject::SpendingTotal => "Spending lines with outturn".into(),
            Subject::FundingTotal => "Funding lines with outturn".into(),
        }
    }

    /// Its unit.
    pub fn unit(&self) -> Unit {
        match self {
            Subject::Item(i) => i.unit(),
            _ => Unit::Pounds,
        }
    }

    fn adverse(&self) -> Adverse {
        match self {
            Subject::Item(i) => i.adverse(),
            Subject::SpendingTotal => Adverse::WhenHigher,
            Subject::FundingTotal => Adverse::WhenLower,
        }
    }
}

/// One comparison in one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The financial year.
    pub year: FinancialYear,
    /// What is compared.
    pub subject: Subject,
    /// The plan's figure (`None`: the plan has none).
    pub plan: Option<Decimal>,
    /// The actual figure.
    pub actual: Decimal,
    /// actual − plan, in the item's unit (percentage points for a %).
    pub variance: Option<Decimal>,
    /// variance ÷ |plan| × 100, to two places; `None` for a % item or a plan of zero.
    pub variance_pct: Option<Decimal>,
    /// Favourable, adverse, on plan…
    pub status: Status,
    /// Where the actual comes from (`None` for a total).
    pub source: Option<Source>,
}

/// One year's comparisons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearVariance {
    /// The financial year.
    pub year: FinancialYear,
    /// Its rows; none when nothing is known yet.
    pub rows: Vec<Row>,
}

impl YearVariance {
    /// True when the year has no actuals: "not yet known".
    pub fn not_yet_known(&self) -> bool {
        self.rows.is_empty()
    }
}

/// The text for a year with no actuals.
pub const NOT_YET_KNOWN: &str = "not yet known";

/// Plan against actual, year by year over the plan's years.
pub fn variance(s: &Scenario, p: &Projection) -> ModelResult<Vec<YearVariance>> {
    let actuals = &Actuals::of(s)?;
    let workforce = workforce_if_needed(s, actuals, p)?;
    let mut out = Vec::with_capacity(p.years.len());
    for y in &p.years {
        let mut figures: Vec<_> = actuals
            .figures
            .iter()
            .filter(|f| f.year == y.year)
            .collect();
        figures.sort_by_key(|f| (group_rank(f.item.group()), f.item.order(s)));
        let mut rows = Vec::with_capacity(figures.len().saturating_add(2));
        let mut totals: [(usize, Decimal, Decimal); 2] = [(0, Decimal::ZERO, Decimal::ZERO); 2];
        for f in &figures {
            let plan = plan_value(s, p, workforce.as_ref(), y.year, &f.item)?;
            let subject = Subject::Item(f.item.clone());
            rows.push(row(y.year, subject, plan, f.value, Some(f.source.clone()))?);
            let slot = match f.item {
                Item::Expenditure(_) => totals.get_mut(0),
                Item::Funding(_) | Item::PreceptIncome => totals.get_mut(1),
                _ => None,
            };
            if let (Some((n, plan_sum, actual_sum)), Some(plan)) = (slot, plan) {
                let at = At::new("actuals", Some(y.year));
                *n = n.saturating_add(1);
                *plan_sum = at.add(*plan_sum, plan)?;
                *actual_sum = at.add(*actual_sum, f.value)?;
            }
        }
        // A total after its group's rows, when it adds up two lines or more.
        for (i, subject) in [Subject::SpendingTotal, Subject::FundingTotal]
            .into_iter()
            .enumerate()
        {
            let Some(&(n, plan, actual)) = totals.get(i) else {
                continue;
            };
            if n < 2 {
                continue;
            }
            let group = if i == 0 {
                ItemGroup::Spending
            } else {
                ItemGroup::Funding
            };
            let at = rows
                .iter()
                .rposition(|r| matches!(&r.subject, Subject::Item(it) if it.group() == group))
                .map_or(rows.len(), |p| p.saturating_add(1));
            let total = row(y.year, subject, Some(plan), actual, None)?;
            rows.insert(at, total);
        }
        out.push(YearVariance { year: y.year, rows });
    }
    Ok(out)
}

/// Spending, funding, totals, assumptions.
fn group_rank(g: ItemGroup) -> u8 {
    match g {
        ItemGroup::Spending => 0,
        ItemGroup::Funding => 1,
        ItemGroup::Totals => 2,
        ItemGroup::Assumptions => 3,
    }
}

fn row(
    year: FinancialYear,
    subject: Subject,
    plan: Option<Decimal>,
    actual: Decimal,
    source: Option<Source>,
) -> ModelResult<Row> {
    let at = At::new("actuals", Some(year));
    let (variance, variance_pct, status) = match plan {
        None => (None, None, Status::NoPlan),
        Some(plan) => {
            let v = at.sub(actual, plan)?;
            let pct = if plan.is_zero() || subject.unit() == Unit::Percent {
                None
            } else {
                Some(round_to(
                    at.div(at.mul(v, Decimal::ONE_HUNDRED)?, plan.abs())?,
                    2,
                ))
            };
            (Some(v), pct, status(subject.adverse(), v))
        }
    };
    Ok(Row {
        year,
        subject,
        plan,
        actual,
        variance,
        variance_pct,
        status,
        source,
    })
}

/// The sign rule: spending above plan is adverse, funding below plan is adverse.
pub fn status(adverse: Adverse, variance: Decimal) -> Status {
    if variance.is_zero() {
        return Status::OnPlan;
    }
    match adverse {
        Adverse::Never => Status::Different,
        Adverse::WhenHigher if variance > Decimal::ZERO => Status::Adverse,
        Adverse::WhenLower if variance < Decimal::ZERO => Status::Adverse,
        _ => Status::Favourable,
    }
}

/// The workforce projection, if an actual needs it (officers at 31 March).
fn workforce_if_needed(
    s: &Scenario,
    actuals: &Actuals,
    p: &Projection,
) -> ModelResult<Option<WorkforceProjection>> {
    let needed = actuals.figures.iter().any(|f| f.item == Item::Officers);
    match (&s.workforce, needed) {
        (Some(w), true) => {
            let years = p.year_list();
            let ctx = PayContext {
                years: &years,
                officer_award_pct: &s.assumptions.officer_pay_award_pct.value,
                staff_award_pct: &s.assumptions.staff_pay_award_pct.value,
            };
            workforce::project(w, ctx).map(Some)
        }
        _ => Ok(None),
    }
}

/// The plan's figure of `item` in `year`: the projection's, or the scenario's assumption.
pub fn plan_value(
    s: &Scenario,
    p: &Projection,
    w: Option<&WorkforceProjection>,
    year: FinancialYear,
    item: &Item,
) -> ModelResult<Option<Decimal>> {
    let Some(y) = p.year(year) else {
        return Ok(None);
    };
    let a = &s.assumptions;
    Ok(match item {
        Item::Expenditure(id) => y.expenditure_line(id).map(|l| l.amount),
        Item::Funding(id) => y.funding_line(id).map(|l| l.amount),
        Item::PreceptIncome => Some(y.precept.income),
        Item::NetRevenueSpend => Some(y.total_expenditure),
        Item::TotalFunding => Some(y.total_funding),
        Item::SavingsDelivered => Some(savings_planned(s, year)?),
        Item::GeneralReserve => Some(y.reserves.general),
        Item::EarmarkedReserves => Some(y.reserves.earmarked),
        Item::OfficerPayAward => Some(a.officer_pay_award_pct.value.get_or_zero(year)),
        Item::StaffPayAward => Some(a.staff_pay_award_pct.value.get_or_zero(year)),
        Item::BandD => Some(y.precept.band_d),
        Item::TaxBase => Some(y.precept.tax_base),
        Item::Officers => w
            .and_then(|w| w.row(Group::Officers, year))
            .map(|r| r.closing_headcount),
    })
}

/// The savings the plan takes new in `year`: the recurring and one-off savings listed for
/// that year (not the register's), to the penny.
pub fn savings_planned(s: &Scenario, year: FinancialYear) -> ModelResult<Decimal> {
    let at = At::new("savings", Some(year));
    let total = at.sum(
        s.savings
            .iter()
            .filter(|v| matches!(v.kind, SavingKind::Recurring | SavingKind::OneOff))
            .map(|v| v.amounts.get_or_zero(year)),
    )?;
    Ok(round_money(total))
}

/// The places a figure of `unit` is shown to in the variance table: people whole, every
/// other figure (£, %, tax base) to two places.
pub fn places(unit: Unit) -> u32 {
    match unit {
        Unit::People | Unit::Years => 0,
        Unit::Pounds | Unit::Percent | Unit::Properties => 2,
    }
}
