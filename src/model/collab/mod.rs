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

fn not_a_partner(path: String, force: &str) -> ModelError {
    ModelError::new(
        path,
        format!("the force '{}' is not among the partners", shorten(force)),
    )
}

/// A revenue collaboration's sharing rule worked out for the force: each partner's
/// fraction and the force's place among the partners. It depends on the sharing rule and
/// the force alone, so an engine keeps it while a collaboration's costs change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Split {
    fractions: Vec<Decimal>,
    force: usize,
}

impl Split {
    /// `c`'s split for `force`.
    pub(crate) fn of(c: &Collaboration, force: &str) -> ModelResult<Split> {
        let at = At::item("collaborations", &c.id, ".sharing", None);
        Ok(Split {
            fractions: allocate::fractions(&c.sharing.weights(), &at)?,
            force: c
                .sharing
                .force_index(force)
                .ok_or_else(|| not_a_partner(at.path(), force))?,
        })
    }
}

/// A revenue collaboration ready to project year by year, with its [`Split`].
struct Revenue<'a> {
    c: &'a Collaboration,
    split: &'a Split,
}

/// What a revenue collaboration costs in one year.
struct RevenueYear {
    months: u8,
    total_cost: Decimal,
    force_share: Decimal,
    exit_cost: Decimal,
    force_contribution: Decimal,
}

impl Revenue<'_> {
    /// Steps 1 to 4 of the module's order of calculation in `year`; every partner's share
    /// into `shares` (`leftovers` is working space).
    fn year(
        &self,
        year: FinancialYear,
        shares: &mut Vec<Decimal>,
        leftovers: &mut Vec<(usize, Decimal)>,
    ) -> ModelResult<RevenueYear> {
        let c = self.c;
        let at = At::item("collaborations", &c.id, ".total_cost", Some(year));
        let months = period::months_in_year(year, c.start, c.end);
        let total_cost = if months == 0 {
            Decimal::ZERO
        } else {
            let full = c.total_cost.full_year_at(year, &at)?;
            round_money(at.div(at.mul(full, Decimal::from(months))?, Decimal::from(12))?)
        };
        let share_at = At::item("collaborations", &c.id, ".sharing", Some(year));
        allocate::allocate_into(
            total_cost,
            &self.split.fractions,
            &share_at,
            shares,
            leftovers,
        )?;
        let force_share = shares
            .get(self.split.force)
            .copied()
            .ok_or_else(|| share_at.error("the force is not among the partners"))?;
        let exit_cost = round_money(c.exit_costs.by_year.get_or_zero(year));
        Ok(RevenueYear {
            months,
            total_cost,
            force_share,
            exit_cost,
            force_contribution: at.add(force_share, exit_cost)?,
        })
    }
}

fn project_revenue(
    c: &Collaboration,
    force: &str,
    years: &[FinancialYear],
) -> ModelResult<CollaborationLine> {
    let path = c.path();
    let split = Split::of(c, force)?;
    let revenue = Revenue { c, split: &split };
    let (mut shares, mut leftovers) = (Vec::new(), Vec::new());
    let mut out = Vec::with_capacity(years.len());
    for &year in years {
        let y = revenue.year(year, &mut shares, &mut leftovers)?;
        out.push(CollaborationYear {
            year,
            months: y.months,
            total_cost: y.total_cost,
            shares: named_shares(&c.sharing, &shares),
            force_share: y.force_share,
            exit_cost: y.exit_cost,
            force_contribution: y.force_contribution,
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

/// Each partner's financing schedule of a capital collaboration, up to `last`.
fn capital_schedules(
    c: &CapitalCollaboration,
    cost_shares: &[Decimal],
    last: FinancialYear,
    path: &str,
) -> ModelResult<Vec<VecMap<FinancialYear, FinancingYear>>> {
    let mut schedules = Vec::with_capacity(cost_shares.len());
    for share in cost_shares {
        schedules.push(capital::schedule(
            *share,
            c.in_use_from,
            c.life_years,
            c.interest_pct,
            last,
            path,
        )?);
    }
    Ok(schedules)
}

fn project_capital(
    c: &CapitalCollaboration,
    force: &str,
    years: &[FinancialYear],
) -> ModelResult<CapitalLine> {
    let path = c.path();
    let cost_shares = c.cost_shares()?;
    let schedules = match years.iter().max() {
        Some(&last) => capital_schedules(c, &cost_shares, last, &path)?,
        None => Vec::new(),
    };
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
            .ok_or_else(|| not_a_partner(path.clone(), force))?;
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

/// [`project`] for a register already validated.
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

/// What one collaboration gives the engine, by year index: the force's contribution (a
/// revenue collaboration) or capital financing (a capital one), and the cashable savings
/// realised (rounded to the penny, as the register shows them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FeedPart {
    /// Contribution or financing, £ by year index.
    pub cost: Vec<Decimal>,
    /// Realised cashable savings, £ by year index.
    pub realised: Vec<Decimal>,
}

/// [`FeedPart`] of a revenue collaboration with its [`Split`] (the force's share and exit
/// costs only: no partner names, benefits detail or totals are built). `work` is room for
/// the partners' shares, reused from one call to the next.
pub(crate) fn revenue_feed(
    c: &Collaboration,
    split: &Split,
    years: &[FinancialYear],
    work: &mut (Vec<Decimal>, Vec<(usize, Decimal)>),
) -> ModelResult<FeedPart> {
    let revenue = Revenue { c, split };
    let mut out = FeedPart {
        cost: Vec::with_capacity(years.len()),
        realised: Vec::with_capacity(years.len()),
    };
    for &year in years {
        let y = revenue.year(year, &mut work.0, &mut work.1)?;
        out.cost.push(y.force_contribution);
        out.realised
            .push(round_money(c.benefits.cashable_realised.get_or_zero(year)));
    }
    Ok(out)
}

/// [`FeedPart`] of a capital collaboration: the force's own financing schedule only.
pub(crate) fn capital_feed(
    c: &CapitalCollaboration,
    force: &str,
    years: &[FinancialYear],
) -> ModelResult<FeedPart> {
    let path = c.path();
    let cost_shares = c.cost_shares()?;
    let principal = c
        .sharing
        .force_index(force)
        .and_then(|i| cost_shares.get(i).copied())
        .ok_or_else(|| not_a_partner(path.clone(), force))?;
    let schedule = match years.iter().max() {
        Some(&last) => capital_schedules(c, &[principal], last, &path)?,
        None => Vec::new(),
    };
    let mut out = FeedPart {
        cost: Vec::with_capacity(years.len()),
        realised: Vec::with_capacity(years.len()),
    };
    for &year in years {
        let financing = schedule
            .first()
            .and_then(|s| s.get(&year))
            .copied()
            .unwrap_or_default()
            .financing;
        out.cost.push(financing);
        out.realised
            .push(round_money(c.benefits.cashable_realised.get_or_zero(year)));
    }
    Ok(out)
}
