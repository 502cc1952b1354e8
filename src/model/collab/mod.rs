//! Collaboration costs and benefits register (issue 5): regional units, shared services and
//! the joint headquarters, each partner's share penny-exact, benefits tracked. Feeds the
//! engine's collaboration, capital financing and savings lines when a scenario has a
//! `collaborations` section.
//!
//! Interface the engine relies on (keep these names and signatures):
//! - [`CollaborationRegister`]: the scenario's `collaborations` section.
//! - [`project`]: register + years → [`CollaborationProjection`].
//! - [`CollaborationProjection::force_contribution`], [`CollaborationProjection::capital_financing`]
//!   and [`CollaborationProjection::realised_savings`].
//!
//! Order of calculation, per revenue collaboration and year:
//! 1. months of membership in the year ([`period::months_in_year`], 0 to 12);
//! 2. total cost = `round_money(full-year cost × months ÷ 12)`;
//! 3. partners' shares = [`allocate::allocate`] of that total by the sharing rule
//!    (penny-exact: they sum to the total);
//! 4. force contribution = the force's share + the force's exit costs that year.
//!
//! Capital collaborations: see [`capital`]. Benefits: see [`benefits`]. The Nottinghamshire
//! baseline register: [`baseline::nottinghamshire`]. Every formula, written out to the
//! penny: `docs/collaborations.md`.

pub mod allocate;
pub mod baseline;
pub mod benefits;
pub mod capital;
pub mod period;
mod projection;
pub mod register;
mod validate;

use rust_decimal::Decimal;

pub use benefits::{BenefitStatus, Benefits, BenefitsYear, NonCashableBenefit};
pub use capital::{CapitalCollaboration, FinancingYear};
pub use period::YearMonth;
pub use projection::{
    CapitalLine, CapitalYear, CollaborationLine, CollaborationProjection, CollaborationYear,
    PartnerShare, YearTotals,
};
pub use register::{
    Amounts, Basis, Collaboration, CollaborationRegister, CostSeries, Partner, Sharing, Status,
    BENEFITS_METHODOLOGY,
};

use super::error::{ModelError, ModelResult};
use super::json::shorten;
use super::money::{round_money, At};
use super::vec_map::VecMap;
use super::year::FinancialYear;

fn named_shares(sharing: &Sharing, amounts: &[Decimal]) -> Vec<PartnerShare> {
    sharing
        .partners
        .iter()
        .zip(amounts)
        .map(|(p, a)| PartnerShare {
            partner: p.name.clone(),
            amount: *a,
        })
        .collect()
}

fn force_amount(
    sharing: &Sharing,
    force: &str,
    amounts: &[Decimal],
    path: &str,
) -> ModelResult<Decimal> {
    sharing
        .force_index(force)
        .and_then(|i| amounts.get(i).copied())
        .ok_or_else(|| {
            ModelError::new(
                path,
                format!("the force '{}' is not among the partners", shorten(force)),
            )
        })
}

fn project_revenue(
    c: &Collaboration,
    force: &str,
    years: &[FinancialYear],
) -> ModelResult<CollaborationLine> {
    let path = c.path();
    let cost_path = format!("{path}.total_cost");
    let share_path = format!("{path}.sharing");
    let weights = c.sharing.weights();
    let mut out = Vec::with_capacity(years.len());
    for &year in years {
        let at = At::new(&cost_path, Some(year));
        let months = period::months_in_year(year, c.start, c.end);
        let total_cost = if months == 0 {
            Decimal::ZERO
        } else {
            let full = c.total_cost.full_year(year, &cost_path)?;
            round_money(at.div(at.mul(full, Decimal::from(months))?, Decimal::from(12))?)
        };
        let amounts = allocate::allocate(total_cost, &weights, &share_path, Some(year))?;
        let force_share = force_amount(&c.sharing, force, &amounts, &share_path)?;
        let exit_cost = round_money(c.exit_costs.by_year.get_or_zero(year));
        out.push(CollaborationYear {
            year,
            months,
            total_cost,
            shares: named_shares(&c.sharing, &amounts),
            force_share,
            exit_cost,
            force_contribution: at.add(force_share, exit_cost)?,
            benefits: c.benefits.in_year(year, &format!("{path}.benefits"))?,
        });
    }
    Ok(CollaborationLine {
        id: c.id.clone(),
        name: c.name.clone(),
        status: c.status,
        years: out,
    })
}

fn project_capital(
    c: &CapitalCollaboration,
    force: &str,
    years: &[FinancialYear],
) -> ModelResult<CapitalLine> {
    let path = c.path();
    let cost_shares = c.cost_shares()?;
    let mut schedules = Vec::with_capacity(cost_shares.len());
    if let Some(&last) = years.iter().max() {
        for share in &cost_shares {
            schedules.push(capital::schedule(
                *share,
                c.in_use_from,
                c.life_years,
                c.interest_pct,
                last,
                &path,
            )?);
        }
    }
    let force_index = c.sharing.force_index(force);
    let mut out = Vec::with_capacity(years.len());
    for &year in years {
        let partner_years: Vec<FinancingYear> = schedules
            .iter()
            .map(|s| s.get(&year).copied().unwrap_or_default())
            .collect();
        let amounts: Vec<Decimal> = partner_years.iter().map(|f| f.financing).collect();
        let force = force_index
            .and_then(|i| partner_years.get(i).copied())
            .ok_or_else(|| {
                ModelError::new(
                    &path,
                    format!("the force '{}' is not among the partners", shorten(force)),
                )
            })?;
        out.push(CapitalYear {
            year,
            total_financing: At::new(&path, Some(year)).sum(amounts.iter().copied())?,
            shares: named_shares(&c.sharing, &amounts),
            force,
            benefits: c.benefits.in_year(year, &format!("{path}.benefits"))?,
        });
    }
    Ok(CapitalLine {
        id: c.id.clone(),
        name: c.name.clone(),
        status: c.status,
        cost_shares: named_shares(&c.sharing, &cost_shares),
        years: out,
    })
}

/// Project the register over the plan's years (any years: history too). Validates the
/// register first; bad input is an error naming the collaboration and field.
pub fn project(
    register: &CollaborationRegister,
    years: &[FinancialYear],
) -> ModelResult<CollaborationProjection> {
    register.validate()?;
    project_validated(register, years)
}

/// [`project`] for a register already validated: the engine's, whose scenario has passed
/// `Scenario::validate` (which validates the register too), so each projection checks it
/// once.
pub(crate) fn project_validated(
    register: &CollaborationRegister,
    years: &[FinancialYear],
) -> ModelResult<CollaborationProjection> {
    let force = register.force.as_str();
    // Plain loops rather than `collect::<ModelResult<Vec<_>>>()`: same result, without a
    // `GenericShunt` iterator adapter per line type in the download.
    let mut collaborations = Vec::with_capacity(register.collaborations.len());
    for c in &register.collaborations {
        collaborations.push(project_revenue(c, force, years)?);
    }
    let mut capital = Vec::with_capacity(register.capital.len());
    for c in &register.capital {
        capital.push(project_capital(c, force, years)?);
    }

    let mut totals = VecMap::new();
    for (i, &year) in years.iter().enumerate() {
        let at = At::new("collaborations.totals", Some(year));
        let mut t = YearTotals::default();
        for line in &collaborations {
            if let Some(y) = line.years.get(i) {
                t.contribution = at.add(t.contribution, y.force_contribution)?;
                t.savings_planned = at.add(t.savings_planned, y.benefits.cashable_planned)?;
                t.savings_realised = at.add(t.savings_realised, y.benefits.cashable_realised)?;
            }
        }
        for line in &capital {
            if let Some(y) = line.years.get(i) {
                t.capital_financing = at.add(t.capital_financing, y.force.financing)?;
                t.savings_planned = at.add(t.savings_planned, y.benefits.cashable_planned)?;
                t.savings_realised = at.add(t.savings_realised, y.benefits.cashable_realised)?;
            }
        }
        totals.insert(year, t);
    }
    Ok(CollaborationProjection {
        force: register.force.clone(),
        benefits_methodology: register.benefits_methodology.clone(),
        collaborations,
        capital,
        totals,
    })
}
