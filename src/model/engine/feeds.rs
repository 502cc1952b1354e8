//! What the workforce model and the collaboration register give the engine, by year, and a
//! cache that keeps their work while their inputs are unchanged.
//!
//! The workforce model is split where pay awards come in: each group's people flows (and
//! the Uplift table, which reads only officer numbers) depend on the group's plan alone;
//! pricing them depends on the pay awards too. The register's figures depend on each
//! collaboration alone. So a [`Cache`] keeps, per group and per collaboration, the plan it
//! last saw (already validated) and what came of it, and an analysis that changes a pay
//! award re-prices three groups without recounting anyone, while one that changes the
//! precept reruns neither module.

use rust_decimal::Decimal;

use super::lines::Awards;
use super::{PerYear, MAX_PLAN_YEARS};
use crate::model::capital::{self, CapitalProgramme};
use crate::model::collab::{
    self, CapitalCollaboration, Collaboration, CollaborationRegister, FeedPart,
};
use crate::model::error::{ModelError, ModelResult};
use crate::model::money::At;
use crate::model::scenario::{Driver, FundingDriver, SavingKind, Scenario};
use crate::model::workforce::cohorts::GroupFlows;
use crate::model::workforce::{self, Group, GroupPlan, UpliftPlan, UpliftYear, WorkforcePlan};
use crate::model::year::FinancialYear;

const ZEROS: PerYear = [Decimal::ZERO; MAX_PLAN_YEARS];

/// The register's figures the engine reads, by year index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct CollabFeed {
    /// The force's revenue contributions, exit costs included.
    pub contribution: PerYear,
    /// The force's capital financing.
    pub capital: PerYear,
    /// Realised cashable savings (each collaboration's rounded to the penny, then added).
    pub realised: PerYear,
}

/// The capital programme's figures the engine reads, by year index (docs/capital.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct CapitalFeed {
    /// MRP and interest on the programme's schemes and existing debt.
    pub financing: PerYear,
    /// Revenue contributions to capital.
    pub revenue: PerYear,
    /// Earmarked reserves used for capital.
    pub reserve: PerYear,
}

impl CapitalFeed {
    /// The programme `p`'s figures over `years` (the programme is valid).
    fn of(p: &CapitalProgramme, years: &[FinancialYear]) -> ModelResult<CapitalFeed> {
        let feed = capital::schedule::feed(p, years)?;
        Ok(CapitalFeed {
            financing: per_year(feed.financing),
            revenue: per_year(feed.revenue),
            reserve: per_year(feed.reserve),
        })
    }
}

/// The modules' figures for one projection.
#[derive(Debug, Clone, Default)]
pub(super) struct Feeds {
    /// Whether the workforce model ran (a line uses it and the scenario has the section).
    pub workforce_ran: bool,
    /// Pay cost of officers, staff, PCSOs by year index.
    pub pay: Option<[PerYear; 3]>,
    /// Uplift grant due by year index (none without an `uplift` section).
    pub uplift_due: Option<PerYear>,
    /// The register's figures, if it ran.
    pub collab: Option<CollabFeed>,
    /// The capital programme's figures, if the scenario has one.
    pub capital: Option<CapitalFeed>,
}

/// Which modules the scenario's lines and savings read.
fn needs(s: &Scenario) -> (bool, bool) {
    let workforce = s
        .expenditure
        .iter()
        .any(|l| matches!(l.driver, Driver::Workforce { .. }))
        || s.funding
            .iter()
            .any(|l| l.driver == FundingDriver::UpliftGrant);
    let collab = s.expenditure.iter().any(|l| {
        matches!(
            l.driver,
            Driver::CollaborationContribution | Driver::CollaborationCapitalFinancing
        )
    }) || s
        .savings
        .iter()
        .any(|x| x.kind == SavingKind::Collaborations);
    (workforce, collab)
}

fn per_year(values: impl IntoIterator<Item = Decimal>) -> PerYear {
    let mut out = ZEROS;
    for (slot, v) in out.iter_mut().zip(values) {
        *slot = v;
    }
    out
}

/// Pay cost by year of priced flows.
fn price(flows: &GroupFlows, effective: &PerYear) -> ModelResult<PerYear> {
    let mut pay = ZEROS;
    flows.price(effective, &mut |k, p| {
        if let Some(slot) = pay.get_mut(k) {
            *slot = p.pay_cost;
        }
    })?;
    Ok(pay)
}

fn award_for(group: Group, awards: &Awards) -> &PerYear {
    match group {
        Group::Officers => &awards.officers,
        Group::Staff | Group::Pcsos => &awards.staff,
    }
}

fn uplift_due(rows: &[UpliftYear], years: &[FinancialYear]) -> PerYear {
    per_year(years.iter().map(|y| {
        rows.iter()
            .find(|r| r.year == *y)
            .map_or(Decimal::ZERO, |r| r.grant_due)
    }))
}

/// Add one collaboration's part into the totals, in register order.
fn add_part(
    total: &mut PerYear,
    realised: &mut PerYear,
    part: &FeedPart,
    years: &[FinancialYear],
) -> ModelResult<()> {
    for (k, &year) in years.iter().enumerate() {
        let at = At::new("collaborations.totals", Some(year));
        if let (Some(t), Some(r), Some(c), Some(x)) = (
            total.get_mut(k),
            realised.get_mut(k),
            part.cost.get(k),
            part.realised.get(k),
        ) {
            // Adding nothing leaves a figure as it is: skipped.
            if !c.is_zero() {
                *t = at.add(*t, *c)?;
            }
            if !x.is_zero() {
                *r = at.add(*r, *x)?;
            }
        }
    }
    Ok(())
}

impl Feeds {
    /// Run the modules the scenario reads, from scratch. The scenario is valid.
    pub(super) fn compute(
        s: &Scenario,
        years: &[FinancialYear],
        awards: &Awards,
    ) -> ModelResult<Feeds> {
        let (needs_workforce, needs_collab) = needs(s);
        let mut out = Feeds::default();
        if let (Some(plan), true) = (&s.workforce, needs_workforce) {
            let flows = workforce::Flows::new(plan, years)?;
            let mut pay = [ZEROS; 3];
            for (slot, g) in pay.iter_mut().zip(&flows.groups) {
                *slot = price(g, award_for(g.group, awards))?;
            }
            out.workforce_ran = true;
            out.pay = Some(pay);
            out.uplift_due = flows.uplift.as_deref().map(|rows| uplift_due(rows, years));
        }
        if let (Some(register), true) = (&s.collaborations, needs_collab) {
            let mut feed = CollabFeed {
                contribution: ZEROS,
                capital: ZEROS,
                realised: ZEROS,
            };
            let mut capital_realised = ZEROS;
            let mut work = (Vec::new(), Vec::new());
            for c in &register.collaborations {
                let split = collab::Split::of(c, &register.force)?;
                let part = collab::revenue_feed(c, &split, years, &mut work)?;
                add_part(&mut feed.contribution, &mut feed.realised, &part, years)?;
            }
            for c in &register.capital {
                let part = collab::capital_feed(c, &register.force, years)?;
                add_part(&mut feed.capital, &mut capital_realised, &part, years)?;
            }
            add_realised(&mut feed.realised, &capital_realised, years)?;
            out.collab = Some(feed);
        }
        if let Some(p) = &s.capital_programme {
            out.capital = Some(CapitalFeed::of(p, years)?);
        }
        Ok(out)
    }
}

/// Realised savings: the revenue collaborations' then the capital ones', added year by
/// year in register order (so the sum is the same as adding each in turn).
fn add_realised(
    total: &mut PerYear,
    capital: &PerYear,
    years: &[FinancialYear],
) -> ModelResult<()> {
    for ((t, c), &year) in total.iter_mut().zip(capital).zip(years) {
        if !c.is_zero() {
            *t = At::new("collaborations.totals", Some(year)).add(*t, *c)?;
        }
    }
    Ok(())
}

/// One group's plan as last seen, validated, and what came of it.
#[derive(Debug, Clone)]
struct GroupSlot {
    plan: GroupPlan,
    flows: Option<GroupFlows>,
    /// The effective awards last priced with, and the pay cost they gave.
    priced: Option<(PerYear, PerYear)>,
}

/// The Uplift plan as last seen, validated, and its table (worked out from the officers'
/// flows then in the cache).
#[derive(Debug, Clone)]
struct UpliftSlot {
    plan: UpliftPlan,
    rows: Option<Vec<UpliftYear>>,
}

#[derive(Debug, Clone)]
struct RevenueSlot {
    c: Collaboration,
    /// Its sharing rule for the force, kept while the rule is unchanged.
    split: Option<collab::Split>,
    part: Option<FeedPart>,
}

#[derive(Debug, Clone)]
struct CapitalSlot {
    c: CapitalCollaboration,
    part: Option<FeedPart>,
}

/// The capital programme as last seen (its own checks passed, under this schema) and its
/// figures.
#[derive(Debug, Clone)]
struct ProgrammeSlot {
    programme: CapitalProgramme,
    schema: u32,
    feed: CapitalFeed,
}

/// What an [`Engine`](super::Engine) keeps between projections: each part of the workforce
/// plan and of the register it last saw (validated), with the module's results for it.
#[derive(Debug, Clone, Default)]
pub(super) struct Cache {
    /// The plan's base year and length the slots were worked out for.
    years: Option<(FinancialYear, usize)>,
    groups: [Option<GroupSlot>; 3],
    uplift: Option<UpliftSlot>,
    force: String,
    revenue: Vec<RevenueSlot>,
    capital: Vec<CapitalSlot>,
    programme: Option<ProgrammeSlot>,
    /// Room for a collaboration's partners' shares, reused.
    work: (Vec<Decimal>, Vec<(usize, Decimal)>),
}

impl Cache {
    /// Validate the workforce plan and register of `s` (only the parts that changed since
    /// the last call: the rest were valid then) and run the modules its lines read, reusing
    /// every part whose inputs are unchanged. The rest of the scenario is valid.
    pub(super) fn feeds(
        &mut self,
        s: &Scenario,
        years: &[FinancialYear],
        awards: &Awards,
    ) -> ModelResult<Feeds> {
        let key = years.first().map(|&y| (y, years.len()));
        if self.years != key {
            *self = Cache {
                years: key,
                ..Cache::default()
            };
        }
        if let Some(plan) = &s.workforce {
            self.check_workforce(plan)?;
        }
        if let Some(register) = &s.collaborations {
            self.check_register(register)?;
        }
        let (needs_workforce, needs_collab) = needs(s);
        let mut out = Feeds::default();
        if let (Some(plan), true) = (&s.workforce, needs_workforce) {
            workforce::check_years(years)?;
            let mut pay = [ZEROS; 3];
            let mut officers_recounted = false;
            for (g, out_pay) in Group::ALL.into_iter().zip(pay.iter_mut()) {
                let Some(slot) = self.groups.get_mut(g.index()).and_then(Option::as_mut) else {
                    return Err(ModelError::new(
                        g.path(),
                        "the workforce plan was not checked",
                    ));
                };
                let flows = match &mut slot.flows {
                    Some(flows) => flows,
                    empty => {
                        officers_recounted |= g == Group::Officers;
                        slot.priced = None;
                        empty.insert(GroupFlows::new(
                            g,
                            workforce::group_plan(plan, g),
                            g.path(),
                            years,
                        )?)
                    }
                };
                let effective = award_for(g, awards);
                *out_pay = match &slot.priced {
                    Some((seen, cost)) if seen == effective => *cost,
                    _ => {
                        let cost = price(flows, effective)?;
                        slot.priced = Some((*effective, cost));
                        cost
                    }
                };
            }
            if let Some(u) = &mut self.uplift {
                if officers_recounted {
                    u.rows = None;
                }
                let rows = match &mut u.rows {
                    Some(rows) => rows,
                    empty => {
                        let officers = self
                            .groups
                            .first()
                            .and_then(Option::as_ref)
                            .and_then(|g| g.flows.as_ref())
                            .ok_or_else(|| ModelError::new("workforce.officers", "not counted"))?;
                        empty.insert(workforce::uplift_rows(&u.plan, officers)?)
                    }
                };
                out.uplift_due = Some(uplift_due(rows, years));
            }
            out.workforce_ran = true;
            out.pay = Some(pay);
        }
        if let (Some(register), true) = (&s.collaborations, needs_collab) {
            let mut feed = CollabFeed {
                contribution: ZEROS,
                capital: ZEROS,
                realised: ZEROS,
            };
            let mut capital_realised = ZEROS;
            for (slot, c) in self.revenue.iter_mut().zip(&register.collaborations) {
                let part = match &mut slot.part {
                    Some(part) => part,
                    empty => {
                        let split = match &mut slot.split {
                            Some(split) => split,
                            none => none.insert(collab::Split::of(c, &register.force)?),
                        };
                        empty.insert(collab::revenue_feed(c, split, years, &mut self.work)?)
                    }
                };
                add_part(&mut feed.contribution, &mut feed.realised, part, years)?;
            }
            for (slot, c) in self.capital.iter_mut().zip(&register.capital) {
                let part = match &mut slot.part {
                    Some(part) => part,
                    empty => empty.insert(collab::capital_feed(c, &register.force, years)?),
                };
                add_part(&mut feed.capital, &mut capital_realised, part, years)?;
            }
            add_realised(&mut feed.realised, &capital_realised, years)?;
            out.collab = Some(feed);
        }
        out.capital = self.programme(s, years)?;
        Ok(out)
    }

    /// The capital programme's figures (its own checks and figures kept while it and the
    /// schema are unchanged; its lines checked every time, as they are cheap).
    fn programme(
        &mut self,
        s: &Scenario,
        years: &[FinancialYear],
    ) -> ModelResult<Option<CapitalFeed>> {
        let Some(p) = &s.capital_programme else {
            self.programme = None;
            return Ok(None);
        };
        let kept = match &self.programme {
            Some(slot) if slot.schema == s.schema && slot.programme == *p => slot.feed,
            _ => {
                capital::validate_own(s, p)?;
                let feed = CapitalFeed::of(p, years)?;
                self.programme = Some(ProgrammeSlot {
                    programme: p.clone(),
                    schema: s.schema,
                    feed,
                });
                feed
            }
        };
        capital::validate_lines(s, p)?;
        Ok(Some(kept))
    }

    /// `WorkforcePlan::validate`, in its order, checking only groups (and the Uplift plan)
    /// not already seen.
    fn check_workforce(&mut self, plan: &WorkforcePlan) -> ModelResult<()> {
        for g in Group::ALL {
            let current = workforce::group_plan(plan, g);
            let Some(slot) = self.groups.get_mut(g.index()) else {
                continue;
            };
            match slot {
                Some(seen) if seen.plan == *current => {}
                _ => {
                    current.validate(g.path())?;
                    match slot {
                        Some(seen) => {
                            refresh_group(&mut seen.plan, current);
                            seen.flows = None;
                            seen.priced = None;
                        }
                        empty => {
                            *empty = Some(GroupSlot {
                                plan: current.clone(),
                                flows: None,
                                priced: None,
                            });
                        }
                    }
                }
            }
        }
        plan.validate_unpaid()?;
        match (&plan.uplift, &mut self.uplift) {
            (None, slot) => *slot = None,
            (Some(u), Some(seen)) if seen.plan == *u => {}
            (Some(u), slot) => {
                u.validate("workforce.uplift")?;
                *slot = Some(UpliftSlot {
                    plan: u.clone(),
                    rows: None,
                });
            }
        }
        Ok(())
    }

    /// `CollaborationRegister::validate`, in its order, checking only collaborations not
    /// already seen (all of them if the force changed).
    fn check_register(&mut self, register: &CollaborationRegister) -> ModelResult<()> {
        register.validate_force_and_ids()?;
        if self.force != register.force {
            self.force.clone_from(&register.force);
            self.revenue.clear();
            self.capital.clear();
        }
        let force = register.force.as_str();
        self.revenue.truncate(register.collaborations.len());
        for (i, c) in register.collaborations.iter().enumerate() {
            match self.revenue.get_mut(i) {
                Some(seen) if seen.c == *c => {}
                Some(seen) => {
                    c.validate(force)?;
                    if seen.c.sharing != c.sharing {
                        seen.split = None;
                    }
                    refresh_collaboration(&mut seen.c, c);
                    seen.part = None;
                }
                None => {
                    c.validate(force)?;
                    self.revenue.push(RevenueSlot {
                        c: c.clone(),
                        split: None,
                        part: None,
                    });
                }
            }
        }
        self.capital.truncate(register.capital.len());
        for (i, c) in register.capital.iter().enumerate() {
            match self.capital.get_mut(i) {
                Some(seen) if seen.c == *c => {}
                Some(seen) => {
                    c.validate(force)?;
                    seen.c.clone_from(c);
                    seen.part = None;
                }
                None => {
                    c.validate(force)?;
                    self.capital.push(CapitalSlot {
                        c: c.clone(),
                        part: None,
                    });
                }
            }
        }
        Ok(())
    }
}

/// `*seen = now.clone()`, copying only what differs (and into the room already there).
fn refresh<T: PartialEq + Clone>(seen: &mut T, now: &T) {
    if seen != now {
        seen.clone_from(now);
    }
}

/// Make a kept collaboration equal to `now`, field by field: a risk draw changes its cost
/// table, not its names and sources, so nothing is allocated. (Every field is named: a new
/// one fails to compile until it is copied here.)
fn refresh_collaboration(seen: &mut Collaboration, now: &Collaboration) {
    let Collaboration {
        id,
        name,
        purpose,
        status,
        sharing,
        start,
        end,
        dates_source,
        total_cost,
        exit_costs,
        benefits,
        notes,
    } = now;
    refresh(&mut seen.id, id);
    refresh(&mut seen.name, name);
    refresh(&mut seen.purpose, purpose);
    refresh(&mut seen.status, status);
    refresh(&mut seen.sharing, sharing);
    refresh(&mut seen.start, start);
    refresh(&mut seen.end, end);
    refresh(&mut seen.dates_source, dates_source);
    let collab::CostSeries {
        by_year,
        growth_pct,
        source,
    } = total_cost;
    refresh(&mut seen.total_cost.by_year, by_year);
    refresh(&mut seen.total_cost.growth_pct, growth_pct);
    refresh(&mut seen.total_cost.source, source);
    refresh(&mut seen.exit_costs, exit_costs);
    refresh(&mut seen.benefits, benefits);
    refresh(&mut seen.notes, notes);
}

/// Make a kept group plan equal to `now`, field by field (as [`refresh_collaboration`]).
fn refresh_group(seen: &mut GroupPlan, now: &GroupPlan) {
    let GroupPlan {
        opening_headcount,
        opening_fte,
        fte_per_head,
        attrition_pct,
        retirements,
        intakes,
        serving_pay,
        recruit_pay,
        progression_years,
        progression_pct,
        employer_ni_pct,
        employer_pension_pct,
        training_per_recruit,
    } = now;
    refresh(&mut seen.opening_headcount, opening_headcount);
    refresh(&mut seen.opening_fte, opening_fte);
    refresh(&mut seen.fte_per_head, fte_per_head);
    refresh(&mut seen.attrition_pct, attrition_pct);
    refresh(&mut seen.retirements, retirements);
    refresh(&mut seen.intakes, intakes);
    refresh(&mut seen.serving_pay, serving_pay);
    refresh(&mut seen.recruit_pay, recruit_pay);
    refresh(&mut seen.progression_years, progression_years);
    refresh(&mut seen.progression_pct, progression_pct);
    refresh(&mut seen.employer_ni_pct, employer_ni_pct);
    refresh(&mut seen.employer_pension_pct, employer_pension_pct);
    refresh(&mut seen.training_per_recruit, training_per_recruit);
}
