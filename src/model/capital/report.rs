//! The whole capital programme by plan year: every scheme's figures, the collaboration
//! register's capital schemes (the joint headquarters) linked in, the existing debt, the
//! capital financing requirement (CFR) and the prudential indicators, with breaches
//! warned. What `mtfp capital` prints and the capital view, slide and print page show
//! (docs/capital.md, "The report" and "Prudential indicators").

use rust_decimal::Decimal;
#[cfg(not(target_arch = "wasm32"))]
use serde::Serialize;

use super::schedule::{self, SchemeYear};
use super::{CapitalProgramme, Category, InUse, MrpMethod};
use crate::model::collab::{self, CollaborationRegister};
use crate::model::engine::{penny, Projection, Warning};
use crate::model::error::{ModelError, ModelResult};
use crate::model::money::{round_to, At};
use crate::model::scenario::{FundingCategory, Scenario};
use crate::model::year::FinancialYear;

/// Where a line of the report comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
#[cfg_attr(not(target_arch = "wasm32"), serde(rename_all = "snake_case"))]
pub enum LineKind {
    /// A scheme of the programme.
    Scheme,
    /// A capital scheme of the collaboration register (the force's share), linked in: its
    /// financing reaches the revenue plan through the register's line.
    Register,
    /// Debt from before the plan that no scheme lists.
    Existing,
}

/// One line of the programme in one plan year (£, to the penny).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct LineYear {
    /// The financial year.
    pub year: FinancialYear,
    /// Capital spend.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub spend: Decimal,
    /// Capital grant.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub capital_grant: Decimal,
    /// Capital receipts applied.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub capital_receipts: Decimal,
    /// Revenue contribution.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub revenue_contribution: Decimal,
    /// Earmarked reserves used.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub earmarked_reserve: Decimal,
    /// Borrowing.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub borrowing: Decimal,
    /// Minimum revenue provision.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub mrp: Decimal,
    /// Interest.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub interest: Decimal,
    /// Borrowing outstanding at the end of the year (its part of the CFR).
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub closing: Decimal,
}

/// One line of the programme: a scheme, a register scheme or the existing debt.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct LineReport {
    /// Its id (the scheme's or the collaboration's; `existing_debt`).
    pub id: String,
    /// Its name.
    pub name: String,
    /// Where it comes from.
    pub kind: LineKind,
    /// What it buys (`None` for the existing debt).
    pub category: Option<&'static str>,
    /// When it comes into use: a year, `each_year`, or the register's handover month.
    pub in_use: String,
    /// Asset life in years (0 for the existing debt).
    pub life_years: u16,
    /// The MRP method (`straight_line`, `annuity`; the register's is straight line).
    pub mrp_method: &'static str,
    /// True when its figures are estimates.
    pub estimate: bool,
    /// Borrowing outstanding at the start of the plan (£).
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub opening: Decimal,
    /// One entry per plan year.
    pub years: Vec<LineYear>,
}

/// The whole programme in one plan year, with the prudential indicators (£ to the penny,
/// the ratio to two places).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct CapitalYear {
    /// The financial year.
    pub year: FinancialYear,
    /// Capital expenditure (the first prudential indicator).
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub capital_spend: Decimal,
    /// Capital grant applied.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub capital_grant: Decimal,
    /// Capital receipts applied.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub capital_receipts: Decimal,
    /// Revenue contributions.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub revenue_contribution: Decimal,
    /// Earmarked reserves used.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub earmarked_reserve: Decimal,
    /// Borrowing.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub borrowing: Decimal,
    /// Minimum revenue provision, every line.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub mrp: Decimal,
    /// Interest, every line.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub interest: Decimal,
    /// Financing costs: MRP + interest.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub financing_costs: Decimal,
    /// Of which the programme's line in the revenue plan carries (its schemes and the
    /// existing debt).
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub programme_financing: Decimal,
    /// Of which the collaboration register's line carries (the linked schemes).
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub register_financing: Decimal,
    /// The capital financing requirement at the end of the year: last year's + borrowing −
    /// MRP.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub cfr: Decimal,
    /// The net revenue stream: total funding less other income (grants and council tax).
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub net_revenue_stream: Decimal,
    /// Financing costs as % of the net revenue stream, to two places (none when the
    /// stream is not positive).
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(with = "crate::model::dec::strict_opt")
    )]
    pub financing_cost_pct: Option<Decimal>,
    /// External debt: taken as the CFR (all of it borrowed externally).
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub external_debt: Decimal,
    /// The operational boundary set for the year, if any.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(with = "crate::model::dec::strict_opt")
    )]
    pub operational_boundary: Option<Decimal>,
    /// The authorised limit set for the year, if any.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(with = "crate::model::dec::strict_opt")
    )]
    pub authorised_limit: Option<Decimal>,
    /// External debt above the operational boundary.
    pub over_boundary: bool,
    /// External debt above the authorised limit (a breach).
    pub over_limit: bool,
    /// Capital receipts held, not yet applied, at the end of the year.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub receipts_held: Decimal,
}

/// The programme projected over the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct CapitalReport {
    /// The scenario's name.
    pub scenario: String,
    /// The CFR at the start of the plan.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub opening_cfr: Decimal,
    /// The whole programme by year.
    pub years: Vec<CapitalYear>,
    /// Each line: the schemes, the register's capital schemes, the existing debt.
    pub lines: Vec<LineReport>,
    /// Indicators breached and receipts overdrawn.
    pub warnings: Vec<Warning>,
}

impl CapitalReport {
    /// The figures of `year`, if in the plan.
    pub fn year(&self, year: FinancialYear) -> Option<&CapitalYear> {
        self.years.iter().find(|y| y.year == year)
    }
}

fn line_year(year: FinancialYear, y: &SchemeYear) -> LineYear {
    LineYear {
        year,
        spend: penny(y.spend),
        capital_grant: penny(y.grant),
        capital_receipts: penny(y.receipts),
        revenue_contribution: penny(y.revenue),
        earmarked_reserve: penny(y.reserve),
        borrowing: penny(y.borrowing),
        mrp: penny(y.mrp),
        interest: penny(y.interest),
        closing: penny(y.closing),
    }
}

fn schemes(
    p: &CapitalProgramme,
    years: &[FinancialYear],
    out: &mut Vec<LineReport>,
) -> ModelResult<()> {
    let (Some(&first), Some(&last)) = (years.first(), years.last()) else {
        return Ok(());
    };
    for s in &p.schemes {
        let sched = schedule::scheme(p, s, first, last)?;
        let opening = first.previous().map_or(Decimal::ZERO, |y| sched.closing(y));
        out.push(LineReport {
            id: s.id.clone(),
            name: s.name.clone(),
            kind: LineKind::Scheme,
            category: Some(s.category.key()),
            in_use: match s.in_use {
                InUse::Year(y) => y.to_string(),
                InUse::EachYear => "each_year".into(),
            },
            life_years: s.life_years,
            mrp_method: s.mrp_method.key(),
            estimate: s.source.estimate,
            opening: penny(opening),
            years: years.iter().map(|&y| line_year(y, &sched.get(y))).collect(),
        });
    }
    Ok(())
}

/// The register's capital schemes: the force's share, borrowed when the asset is handed
/// over, financed as docs/collaborations.md says.
fn register(
    r: &CollaborationRegister,
    years: &[FinancialYear],
    out: &mut Vec<LineReport>,
) -> ModelResult<()> {
    let (Some(&first), Some(&last)) = (years.first(), years.last()) else {
        return Ok(());
    };
    for c in &r.capital {
        let path = c.path();
        let shares = c.cost_shares()?;
        let principal = c
            .sharing
            .force_index(&r.force)
            .and_then(|i| shares.get(i).copied())
            .ok_or_else(|| {
                ModelError::new(
                    format!("{path}.sharing"),
                    "the force is not among the partners",
                )
            })?;
        let handover = c.in_use_from.financial_year();
        let sched = collab::capital::schedule(
            principal,
            c.in_use_from,
            c.life_years,
            c.interest_pct,
            last,
            &path,
        )?;
        let closing = |y: FinancialYear| sched.get(&y).map_or(Decimal::ZERO, |f| f.closing_balance);
        let opening = first.previous().map_or(Decimal::ZERO, closing);
        let rows = years
            .iter()
            .map(|&year| {
                let f = sched.get(&year).copied().unwrap_or_default();
                let spent = if handover == Some(year) {
                    principal
                } else {
                    Decimal::ZERO
                };
                line_year(
                    year,
                    &SchemeYear {
                        spend: spent,
                        borrowing: spent,
                        mrp: f.mrp,
                        interest: f.interest,
                        closing: closing(year),
                        ..SchemeYear::default()
                    },
                )
            })
            .collect();
        out.push(LineReport {
            id: c.id.clone(),
            name: c.name.clone(),
            kind: LineKind::Register,
            category: Some(Category::Estates.key()),
            in_use: c.in_use_from.to_string(),
            life_years: c.life_years,
            mrp_method: MrpMethod::StraightLine.key(),
            estimate: c.cost_source.estimate || c.life_source.estimate,
            opening: penny(opening),
            years: rows,
        });
    }
    Ok(())
}

fn existing(p: &CapitalProgramme, years: &[FinancialYear]) -> ModelResult<LineReport> {
    let debt = &p.existing_debt;
    let opening = penny(debt.opening_cfr.value.0);
    let mut balance = opening;
    let mut rows = Vec::with_capacity(years.len());
    for &year in years {
        let at = At::new("capital_programme.existing_debt", Some(year));
        let mrp = penny(debt.mrp.value.get_or_zero(year));
        balance = at.sub(balance, mrp)?;
        rows.push(line_year(
            year,
            &SchemeYear {
                mrp,
                interest: penny(debt.interest.value.get_or_zero(year)),
                closing: balance,
                ..SchemeYear::default()
            },
        ));
    }
    Ok(LineReport {
        id: "existing_debt".into(),
        name: "Debt from before the plan".into(),
        kind: LineKind::Existing,
        category: None,
        in_use: String::new(),
        life_years: 0,
        mrp_method: "",
        estimate: debt.opening_cfr.source.estimate || debt.mrp.source.estimate,
        opening,
        years: rows,
    })
}

fn warn(out: &mut Vec<Warning>, path: &str, year: FinancialYear, message: String) {
    out.push(Warning {
        path: path.into(),
        year: Some(year),
        message,
    });
}

/// The capital programme of `s` (a default, empty one if it has none: the register's
/// capital schemes still count), over the plan's years of `projection` (the projection of
/// `s`).
pub fn report(s: &Scenario, projection: &Projection) -> ModelResult<CapitalReport> {
    let empty = CapitalProgramme::default();
    let p = s.capital_programme.as_ref().unwrap_or(&empty);
    let years = projection.year_list();
    let mut lines = Vec::new();
    schemes(p, &years, &mut lines)?;
    if let Some(r) = &s.collaborations {
        register(r, &years, &mut lines)?;
    }
    let existing = existing(p, &years)?;
    let listed = !p.existing_debt.opening_cfr.value.0.is_zero()
        || existing
            .years
            .iter()
            .any(|y| !y.mrp.is_zero() || !y.interest.is_zero());
    if listed {
        lines.push(existing);
    }
    let at = At::new("capital_programme", None);
    let opening_cfr = at.sum(lines.iter().map(|l| l.opening))?;

    let mut out = Vec::with_capacity(years.len());
    let mut warnings = Vec::new();
    let mut cfr = opening_cfr;
    let mut held = penny(p.receipts.opening.value.0);
    let mut overdrawn = false;
    for (k, &year) in years.iter().enumerate() {
        let at = At::new("capital_programme", Some(year));
        let sum = |f: fn(&LineYear) -> Decimal, only: Option<LineKind>| {
            at.sum(
                lines
                    .iter()
                    .filter(|l| only.is_none_or(|kind| l.kind == kind))
                    .filter_map(|l| l.years.get(k))
                    .map(f),
            )
        };
        let borrowing = sum(|y| y.borrowing, None)?;
        let mrp = sum(|y| y.mrp, None)?;
        let interest = sum(|y| y.interest, None)?;
        let financing_costs = at.add(mrp, interest)?;
        let register_financing = at.add(
            sum(|y| y.mrp, Some(LineKind::Register))?,
            sum(|y| y.interest, Some(LineKind::Register))?,
        )?;
        cfr = at.sub(at.add(cfr, borrowing)?, mrp)?;
        let receipts = sum(|y| y.capital_receipts, None)?;
        held = at.sub(
            at.add(held, penny(p.receipts.expected.value.get_or_zero(year)))?,
            receipts,
        )?;
        let stream = match projection.years.get(k) {
            Some(y) => at.sub(
                y.total_funding,
                at.sum(
                    y.funding
                        .iter()
                        .filter(|l| l.category == FundingCategory::OtherIncome)
                        .map(|l| l.amount),
                )?,
            )?,
            None => Decimal::ZERO,
        };
        let financing_cost_pct = if stream > Decimal::ZERO {
            Some(round_to(
                at.div(at.mul(financing_costs, Decimal::ONE_HUNDRED)?, stream)?,
                2,
            ))
        } else {
            None
        };
        let boundary = p.operational_boundary.value.get(year).map(penny);
        let limit = p.authorised_limit.value.get(year).map(penny);
        let over_boundary = boundary.is_some_and(|b| cfr > b);
        let over_limit = limit.is_some_and(|l| cfr > l);
        if let (Some(b), Some(l)) = (boundary, limit) {
            if l < b {
                warn(
                    &mut warnings,
                    "capital_programme.authorised_limit",
                    year,
                    format!(
                        "the authorised limit (£{l}) is below the operational boundary (£{b}): \
                         the limit is the higher of the two"
                    ),
                );
            }
        }
        if let Some(b) = boundary.filter(|_| over_boundary) {
            warn(
                &mut warnings,
                "capital_programme.operational_boundary",
                year,
                format!("external debt (£{cfr}) is above the operational boundary (£{b})"),
            );
        }
        if let Some(l) = limit.filter(|_| over_limit) {
            warn(
                &mut warnings,
                "capital_programme.authorised_limit",
                year,
                format!(
                    "external debt (£{cfr}) breaches the authorised limit (£{l}): the force \
                     may not borrow beyond it"
                ),
            );
        }
        if held < Decimal::ZERO && !overdrawn {
            overdrawn = true;
            warn(
                &mut warnings,
                "capital_programme.receipts",
                year,
                format!(
                    "the schemes apply more capital receipts than are held: £{} short",
                    penny(-held)
                ),
            );
        }
        out.push(CapitalYear {
            year,
            capital_spend: sum(|y| y.spend, None)?,
            capital_grant: sum(|y| y.capital_grant, None)?,
            capital_receipts: receipts,
            revenue_contribution: sum(|y| y.revenue_contribution, None)?,
            earmarked_reserve: sum(|y| y.earmarked_reserve, None)?,
            borrowing,
            mrp,
            interest,
            financing_costs,
            programme_financing: at.sub(financing_costs, register_financing)?,
            register_financing,
            cfr,
            net_revenue_stream: penny(stream),
            financing_cost_pct,
            external_debt: cfr,
            operational_boundary: boundary,
            authorised_limit: limit,
            over_boundary,
            over_limit,
            receipts_held: held,
        });
    }
    Ok(CapitalReport {
        scenario: s.name.clone(),
        opening_cfr,
        years: out,
        lines,
        warnings,
    })
}
