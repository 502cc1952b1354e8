//! What the capital view, its slide and its print page show, from the capital report
//! (`model::capital::report`): the chart of spend by funding source, the chart of
//! financing costs, and the prudential indicators' table rows. Pure, so the figures on
//! screen are tested against `mtfp capital`'s.

use rust_decimal::Decimal;

use crate::charts::{ChartData, Series, SeriesKind, Unit};
use crate::format;
use crate::model::capital::{CapitalReport, FundingSource};
use crate::model::money::{checked_add, checked_div, checked_mul, round_to};

fn years(r: &CapitalReport) -> Vec<String> {
    r.years.iter().map(|y| y.year.to_string()).collect()
}

fn total(values: impl Iterator<Item = Decimal>) -> Decimal {
    values.fold(Decimal::ZERO, |a, b| checked_add(a, b).unwrap_or(a))
}

/// `part` as a whole percentage of `whole` (0 when the whole is nil).
fn share(part: Decimal, whole: Decimal) -> Decimal {
    checked_mul(part, Decimal::ONE_HUNDRED)
        .and_then(|p| checked_div(p, whole))
        .map_or(Decimal::ZERO, |p| round_to(p, 0))
}

/// The capital spend of each year, stacked by how it is paid for.
pub fn spend_chart(r: &CapitalReport) -> ChartData {
    let spend = total(r.years.iter().map(|y| y.capital_spend));
    let borrowed = total(r.years.iter().map(|y| y.borrowing));
    let title = if spend.is_zero() {
        "The plan has no capital spend".to_string()
    } else {
        format!(
            "Borrowing pays for {}% of {} of capital spend over the plan",
            share(borrowed, spend),
            format::millions(spend)
        )
    };
    let series = FundingSource::ALL
        .into_iter()
        .enumerate()
        .map(|(i, source)| {
            let values = r
                .years
                .iter()
                .map(|y| match source {
                    FundingSource::CapitalGrant => y.capital_grant,
                    FundingSource::CapitalReceipts => y.capital_receipts,
                    FundingSource::RevenueContribution => y.revenue_contribution,
                    FundingSource::EarmarkedReserve => y.earmarked_reserve,
                    FundingSource::Borrowing => y.borrowing,
                })
                .collect();
            // Borrowing in the palette's vermillion: the source that costs the revenue budget.
            let colour = [2, 5, 1, 4, 3].get(i).copied().unwrap_or(i);
            Series::new(source.label(), SeriesKind::Stacked, colour, values)
        })
        .collect();
    ChartData {
        id: "capital-spend".into(),
        title,
        description: "Stacked bars show each year's capital spend (the programme's schemes and \
                      the force's share of the collaboration register's capital schemes) by \
                      how it is paid for: capital grant, capital receipts, revenue \
                      contributions, earmarked reserves and borrowing. £ million."
            .into(),
        categories: years(r),
        unit: Unit::Money,
        series,
    }
}

/// MRP and interest by year: what the programme's borrowing costs the revenue budget.
pub fn financing_chart(r: &CapitalReport) -> ChartData {
    let (first, last) = (r.years.first(), r.years.last());
    let title = match (first, last) {
        (Some(f), Some(l)) if !l.financing_costs.is_zero() => {
            let pct = l
                .financing_cost_pct
                .map(|p| format!(", {} of the net revenue stream", format::percent(p, 2)))
                .unwrap_or_default();
            format!(
                "Financing costs go from {} in {} to {} in {}{pct}",
                format::millions(f.financing_costs),
                f.year,
                format::millions(l.financing_costs),
                l.year
            )
        }
        _ => "The programme costs the revenue budget nothing in financing".to_string(),
    };
    ChartData {
        id: "capital-financing".into(),
        title,
        description: "Stacked bars show each year's financing costs, minimum revenue provision \
                      (setting money aside to repay borrowing) and interest, on all the force's \
                      capital debt, the joint headquarters included once. £ million."
            .into(),
        categories: years(r),
        unit: Unit::Money,
        series: vec![
            Series::new(
                "Minimum revenue provision",
                SeriesKind::Stacked,
                0,
                r.years.iter().map(|y| y.mrp).collect(),
            ),
            Series::new(
                "Interest",
                SeriesKind::Stacked,
                1,
                r.years.iter().map(|y| y.interest).collect(),
            ),
        ],
    }
}

/// One row of the prudential indicators' table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorRow {
    /// A stable key (the `mtfp capital` column it shows).
    pub key: &'static str,
    /// What it is.
    pub label: &'static str,
    /// True for a percentage (else £).
    pub pct: bool,
    /// One figure per year (none where not set).
    pub values: Vec<Option<Decimal>>,
    /// One flag per year: the figure is a breach to warn of.
    pub breached: Vec<bool>,
}

/// The prudential indicators and the programme's totals by year, in the order the table
/// shows them; each row's key is its `mtfp capital` column.
pub fn indicator_rows(r: &CapitalReport) -> Vec<IndicatorRow> {
    let row =
        |key,
         label,
         pct,
         f: &dyn Fn(&crate::model::capital::report::CapitalYear) -> Option<Decimal>| {
            IndicatorRow {
                key,
                label,
                pct,
                values: r.years.iter().map(f).collect(),
                breached: vec![false; r.years.len()],
            }
        };
    let mut debt = row("external_debt", "External debt", false, &|y| {
        Some(y.external_debt)
    });
    debt.breached = r
        .years
        .iter()
        .map(|y| y.over_boundary || y.over_limit)
        .collect();
    vec![
        row("capital_spend", "Capital expenditure", false, &|y| {
            Some(y.capital_spend)
        }),
        row("borrowing", "Of which borrowed", false, &|y| {
            Some(y.borrowing)
        }),
        row("mrp", "Minimum revenue provision", false, &|y| Some(y.mrp)),
        row("interest", "Interest", false, &|y| Some(y.interest)),
        row("financing_costs", "Financing costs", false, &|y| {
            Some(y.financing_costs)
        }),
        row(
            "cfr",
            "Capital financing requirement (year end)",
            false,
            &|y| Some(y.cfr),
        ),
        row("net_revenue_stream", "Net revenue stream", false, &|y| {
            Some(y.net_revenue_stream)
        }),
        row(
            "financing_cost_pct",
            "Financing costs, % of net revenue stream",
            true,
            &|y| y.financing_cost_pct,
        ),
        debt,
        row(
            "operational_boundary",
            "Operational boundary",
            false,
            &|y| y.operational_boundary,
        ),
        row("authorised_limit", "Authorised limit", false, &|y| {
            y.authorised_limit
        }),
        row(
            "receipts_held",
            "Capital receipts held (year end)",
            false,
            &|y| Some(y.receipts_held),
        ),
    ]
}
