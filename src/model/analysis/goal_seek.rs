//! Goal seek: the lever value that meets a target, exactly (docs/analysis.md §1).
//!
//! A question is a [`Target`] (no annual gap in a year, no cumulative gap by the end of the
//! plan, the general reserve at or above its floor every year, savings still to find at
//! most £X in a year), a [`Lever`] (a Band D rise in £ or %, recurring savings, one pay
//! award, grant growth, officer intake, planned use of the general reserve) and the year
//! the lever moves from. The lever's range and unit come from the assumption registry; the
//! answer is a figure on the unit's grid (the penny, 0.01 of a percentage point, a whole
//! officer): the smallest value that meets the target (or the largest, for a lever that
//! meets it by going down, such as a pay award), one step less (more) missing it.
//!
//! The search ([`solve_paced`]) relies on the target's shortfall being monotone in the
//! lever and checks it on every value it projects: 33 evenly spaced values across the
//! range, then a bisection between the two neighbours either side of the answer. If any
//! three values it projected are out of order, it refuses ([`SolveError::NotMonotone`])
//! rather than give an answer that may be wrong.

use std::fmt;

use rust_decimal::Decimal;

use super::{Flat, Pace, Stopped};
use crate::model::engine::{Engine, Projection, Totals};
use crate::model::money::{checked_add, checked_div, checked_mul, checked_sub, round_to};
use crate::model::registry::{Assumption, Kind, Target as About, Unit};
use crate::model::scenario::{Saving, SavingKind, Scenario};
use crate::model::source::Source;
use crate::model::workforce::Group;
use crate::model::{FinancialYear, ModelError};

/// What the answer must achieve.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// No annual gap in this year: gap ≤ £0.
    AnnualGap(FinancialYear),
    /// No cumulative gap by the final year: the sum of every annual gap ≤ £0.
    CumulativeGap,
    /// The general reserve at or above its floor at the end of every year of the plan.
    ReserveFloor,
    /// Savings still to find in `year` at most `amount` (£).
    StillToFind {
        /// The year.
        year: FinancialYear,
        /// The most still to find (£).
        amount: Decimal,
    },
}

/// Every target's key, in the order the CLI and the app list them.
pub const TARGET_KEYS: [&str; 4] = [
    "annual-gap",
    "cumulative-gap",
    "reserve-floor",
    "still-to-find",
];

impl Target {
    /// Its key on the command line and in JSON: `annual-gap`, `cumulative-gap`,
    /// `reserve-floor`, `still-to-find`.
    pub fn key(self) -> &'static str {
        match self {
            Target::AnnualGap(_) => "annual-gap",
            Target::CumulativeGap => "cumulative-gap",
            Target::ReserveFloor => "reserve-floor",
            Target::StillToFind { .. } => "still-to-find",
        }
    }

    /// The target `key` about `year` (annual gap, still to find) with `amount` (still to
    /// find), or why it cannot be built.
    pub fn from_key(
        key: &str,
        year: Option<FinancialYear>,
        amount: Option<Decimal>,
    ) -> Result<Target, String> {
        let need_year = || year.ok_or_else(|| format!("the {key} target needs a year"));
        match key {
            "annual-gap" => Ok(Target::AnnualGap(need_year()?)),
            "cumulative-gap" => Ok(Target::CumulativeGap),
            "reserve-floor" => Ok(Target::ReserveFloor),
            "still-to-find" => Ok(Target::StillToFind {
                year: need_year()?,
                amount: amount.ok_or("the still-to-find target needs an amount (£)")?,
            }),
            other => Err(format!(
                "unknown target '{}': use {}",
                crate::model::json::shorten(other),
                TARGET_KEYS.join(", ")
            )),
        }
    }

    /// The year it is about, if it is about one.
    pub fn year(self) -> Option<FinancialYear> {
        match self {
            Target::AnnualGap(y) | Target::StillToFind { year: y, .. } => Some(y),
            Target::CumulativeGap | Target::ReserveFloor => None,
        }
    }

    /// What it asks, for a plan ending in `last`: "no cumulative gap by 2025/26".
    pub fn text(self, last: FinancialYear) -> String {
        match self {
            Target::AnnualGap(y) => format!("no annual gap in {y}"),
            Target::CumulativeGap => format!("no cumulative gap by {last}"),
            Target::ReserveFloor => {
                "the general reserve at or above its floor every year".to_string()
            }
            Target::StillToFind { year, amount } => format!(
                "savings still to find of at most {} in {year}",
                show(amount, Unit::Pounds)
            ),
        }
    }

    /// How far `t` misses the target, £ (met when zero or less): the year's gap; the
    /// cumulative gap at the end; the largest amount by which the general reserve falls
    /// short of its floor in any year; savings still to find less the amount allowed.
    pub fn shortfall(self, t: &Totals) -> Option<Decimal> {
        match self {
            Target::AnnualGap(y) => t.year(y).map(|y| y.gap),
            Target::CumulativeGap => t.final_year().map(|y| y.cumulative_gap),
            Target::ReserveFloor => {
                let mut worst: Option<Decimal> = None;
                for y in t.years() {
                    let short = checked_sub(y.floor, y.general_reserve)?;
                    worst = Some(worst.map_or(short, |w| w.max(short)));
                }
                worst
            }
            Target::StillToFind { year, amount } => t
                .year(year)
                .and_then(|y| checked_sub(y.savings_still_to_find, amount)),
        }
    }
}

/// What the answer moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lever {
    /// The same Band D rise in £, each year from the year chosen (a year's % rise goes).
    PreceptGbp,
    /// The same Band D rise in %, each year from the year chosen (a year's £ rise goes).
    PreceptPct,
    /// A new recurring saving of this much a year, from the year chosen.
    Savings,
    /// The pay award of the year chosen, for officers and staff alike.
    PayAward,
    /// The growth % of every funding line that grows by a rate, each year from the year
    /// chosen.
    GrantGrowth,
    /// Officers recruited in each year from the year chosen (whole officers, spread over
    /// each year's intakes).
    OfficerIntake,
    /// Planned use of the general reserve, £ each year from the year chosen.
    Reserves,
}

impl Lever {
    /// Every lever, in the order the CLI and the app list them.
    pub const ALL: [Lever; 7] = [
        Lever::PreceptGbp,
        Lever::PreceptPct,
        Lever::Savings,
        Lever::PayAward,
        Lever::GrantGrowth,
        Lever::OfficerIntake,
        Lever::Reserves,
    ];

    /// Its key: `precept-gbp`, `precept-pct`, `savings`, `pay-award`, `grant-growth`,
    /// `officer-intake`, `reserves`.
    pub fn key(self) -> &'static str {
        match self {
            Lever::PreceptGbp => "precept-gbp",
            Lever::PreceptPct => "precept-pct",
            Lever::Savings => "savings",
            Lever::PayAward => "pay-award",
            Lever::GrantGrowth => "grant-growth",
            Lever::OfficerIntake => "officer-intake",
            Lever::Reserves => "reserves",
        }
    }

    /// The lever with key `key`.
    pub fn from_key(key: &str) -> Option<Lever> {
        Lever::ALL.into_iter().find(|l| l.key() == key)
    }

    /// What it is, as a form lists it.
    pub fn label(self) -> &'static str {
        match self {
            Lever::PreceptGbp => "Band D rise in £, each year",
            Lever::PreceptPct => "Band D rise in %, each year",
            Lever::Savings => "Recurring savings a year",
            Lever::PayAward => "One pay award (officers and staff)",
            Lever::GrantGrowth => "Grant growth, each year",
            Lever::OfficerIntake => "Officer intake, each year",
            Lever::Reserves => "Planned use of the general reserve, each year",
        }
    }

    /// The registry kind whose range, unit and setter it uses.
    pub fn kind(self) -> Kind {
        match self {
            Lever::PreceptGbp => Kind::BandDRiseGbp,
            Lever::PreceptPct => Kind::BandDRisePct,
            Lever::Savings => Kind::Saving,
            Lever::PayAward => Kind::OfficerPayAward,
            Lever::GrantGrowth => Kind::FundingGrowth,
            Lever::OfficerIntake => Kind::Recruits,
            Lever::Reserves => Kind::PlannedUseGeneral,
        }
    }

    /// Its unit (the registry kind's).
    pub fn unit(self) -> Unit {
        self.kind().def().unit
    }

    /// True for the precept levers, which report the referendum limits.
    pub fn is_precept(self) -> bool {
        matches!(self, Lever::PreceptGbp | Lever::PreceptPct)
    }

    /// The assumptions of `s` it sets (`saving`: the id of the saving the savings lever
    /// adds).
    fn assumptions(self, s: &Scenario, saving: &str) -> Result<Vec<Assumption>, String> {
        let found = |key: &str, missing: &str| {
            Assumption::from_key(s, key)
                .map(|a| vec![a])
                .ok_or_else(|| missing.to_string())
        };
        match self {
            Lever::PreceptGbp | Lever::PreceptPct | Lever::Reserves => {
                Ok(vec![Assumption::plan(self.kind())])
            }
            Lever::PayAward => Ok(vec![
                Assumption::plan(Kind::OfficerPayAward),
                Assumption::plan(Kind::StaffPayAward),
            ]),
            Lever::Savings => Ok(vec![Assumption {
                kind: Kind::Saving,
                target: About::Saving(saving.to_string()),
            }]),
            Lever::GrantGrowth => {
                let lines: Vec<Assumption> = crate::model::registry::assumptions(s)
                    .into_iter()
                    .filter(|a| a.kind == Kind::FundingGrowth)
                    .collect();
                if lines.is_empty() {
                    Err("this scenario has no funding line that grows by a rate".into())
                } else {
                    Ok(lines)
                }
            }
            Lever::OfficerIntake => found(
                &format!("recruits[{}]", Group::Officers.key()),
                "this scenario has no workforce plan, so no officer intake",
            ),
        }
    }
}

/// The question a goal seek answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    /// What must be achieved.
    pub target: Target,
    /// What moves.
    pub lever: Lever,
    /// The first year the lever moves (a year after the base year).
    pub from: FinancialYear,
}

impl Question {
    /// The question as a sentence: "What Band D rise in £, each year from 2023/24, gives
    /// no cumulative gap by 2025/26?"
    pub fn text(&self, last: FinancialYear) -> String {
        let lever = match self.lever {
            Lever::PreceptGbp => "Band D rise in £ each year",
            Lever::PreceptPct => "Band D rise in % each year",
            Lever::Savings => "recurring saving a year",
            Lever::PayAward => "pay award",
            Lever::GrantGrowth => "grant growth each year",
            Lever::OfficerIntake => "officer intake each year",
            Lever::Reserves => "use of the general reserve each year",
        };
        let from = if self.lever == Lever::PayAward {
            format!("in {}", self.from)
        } else {
            format!("from {}", self.from)
        };
        format!("What {lever} {from} gives {}?", self.target.text(last))
    }
}

/// Which end of the range the answer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// The smallest value that meets the target (a lever that helps as it rises).
    Smallest,
    /// The largest value that meets the target (a lever that helps as it falls).
    Largest,
}

/// One year of a precept answer, against its referendum limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LimitYear {
    /// The year.
    pub year: FinancialYear,
    /// Band D with the answer's rise, £.
    pub band_d: Decimal,
    /// The answer's rise on last year, £.
    pub rise_gbp: Decimal,
    /// The year's referendum limit on the rise, £ (to the penny), if the scenario gives one.
    pub limit: Option<Decimal>,
    /// True when the answer's rise is above the limit (it would need a referendum).
    pub exceeds: bool,
    /// The rise in the best reachable within the limits, £.
    pub within_rise: Decimal,
}

/// The best a precept lever can do without a referendum: the answer itself when it is
/// within every limit; else every year the lever moves at its limit (a year with no limit
/// keeps the answer's rise).
#[derive(Debug, Clone, PartialEq)]
pub struct WithinLimits {
    /// True when the target is met there.
    pub reachable: bool,
    /// How far the target is missed there, £ (0.00 when reachable): the gap left.
    pub shortfall: Decimal,
    /// The scenario with those rises.
    pub scenario: Scenario,
}

/// The referendum report of a precept answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Referendum {
    /// Each year the lever moves: the answer's rise and the best within the limits.
    pub years: Vec<LimitYear>,
    /// The best reachable within the limits.
    pub within: WithinLimits,
}

impl Referendum {
    /// True if the answer's rise is above the limit in any year.
    pub fn breached(&self) -> bool {
        self.years.iter().any(|y| y.exceeds)
    }
}

/// A goal seek's answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// The question.
    pub question: Question,
    /// The lever's value: the answer when reachable, else the end of the range where the
    /// target comes closest.
    pub value: Decimal,
    /// True when the target is met at `value`.
    pub reachable: bool,
    /// How far the target is missed at `value`, £ (0.00 when reachable).
    pub shortfall: Decimal,
    /// Whether the answer is the smallest or the largest value that meets the target.
    pub bound: Bound,
    /// True when the lever moves the target at all over the range.
    pub moves: bool,
    /// The value one step beyond the answer that misses the target, and by how much (none
    /// when the target is met across the whole range, or not met at all).
    pub miss: Option<(Decimal, Decimal)>,
    /// The range searched: the registry's, narrowed to the values the scenario can be
    /// projected with.
    pub range: (Decimal, Decimal),
    /// The scenario with the lever at `value` (what "apply as a new scenario" adds).
    pub scenario: Scenario,
    /// Its projection.
    pub projection: Projection,
    /// For a precept lever: each year against its referendum limit, and the best reachable
    /// within the limits.
    pub referendum: Option<Referendum>,
    /// How many projections the search made.
    pub projections: usize,
}

/// Why a question has no answer.
#[derive(Debug, Clone, PartialEq)]
pub enum SolveError {
    /// The question does not fit the scenario (a year outside the plan, no workforce plan).
    Question(String),
    /// The scenario cannot be projected with the lever at `value`.
    Model {
        /// The lever's value.
        value: Decimal,
        /// The lever's unit.
        unit: Unit,
        /// Why.
        error: ModelError,
    },
    /// The target is not monotone in the lever: three values the search projected, in
    /// order, whose shortfalls (£) go one way then the other.
    NotMonotone {
        /// The lever's unit.
        unit: Unit,
        /// (value, shortfall) at three increasing values.
        points: [(Decimal, Decimal); 3],
    },
    /// Stopped by the user.
    Stopped,
}

impl From<Stopped> for SolveError {
    fn from(_: Stopped) -> Self {
        SolveError::Stopped
    }
}

impl fmt::Display for SolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SolveError::Question(m) => f.write_str(m),
            SolveError::Model { value, unit, error } => write!(
                f,
                "the scenario cannot be projected with the lever at {}: {error}",
                show(*value, *unit)
            ),
            SolveError::NotMonotone { unit, points } => {
                let [(a, ma), (b, mb), (c, mc)] = points;
                let turn = if mb > ma {
                    "rises, then falls"
                } else {
                    "falls, then rises"
                };
                write!(
                    f,
                    "the target does not move one way as the lever moves, so a search could give a \
                     wrong answer: its shortfall is {} with the lever at {}, {} at {} and {} at {} \
                     (it {turn}). Ask about another lever, target or year",
                    show(*ma, Unit::Pounds),
                    show(*a, *unit),
                    show(*mb, Unit::Pounds),
                    show(*b, *unit),
                    show(*mc, Unit::Pounds),
                    show(*c, *unit),
                )
            }
            SolveError::Stopped => f.write_str("stopped"),
        }
    }
}

/// `v` in `unit` for a message: "£1,234.56", "−£5.00", "2.50%", "120 people".
pub fn show(v: Decimal, unit: Unit) -> String {
    let places = unit.places();
    let r = round_to(v, places);
    let negative = r.is_sign_negative() && !r.is_zero();
    let digits = format!("{:.*}", places as usize, r.abs());
    let (whole, frac) = digits.split_once('.').unwrap_or((digits.as_str(), ""));
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if !frac.is_empty() {
        grouped.push('.');
        grouped.push_str(frac);
    }
    let sign = if negative { "\u{2212}" } else { "" };
    match unit {
        Unit::Pounds => format!("{sign}£{grouped}"),
        Unit::Percent => format!("{sign}{grouped}%"),
        Unit::People | Unit::Properties | Unit::Years => format!("{sign}{grouped} {}", unit.name()),
    }
}

/// How many equal parts the first pass cuts the range into (33 values, ends included).
pub const PARTS: u64 = 32;

/// The id of the saving the savings lever adds: `goal_seek`, or `goal_seek_2`… if taken.
fn saving_id(s: &Scenario) -> String {
    let taken = |id: &str| s.savings.iter().any(|x| x.id == id);
    let mut id = "goal_seek".to_string();
    let mut n = 2u32;
    while taken(&id) {
        id = format!("goal_seek_{n}");
        n = n.saturating_add(1);
    }
    id
}

/// Answer `q` for `s` ([`solve_paced`] with a pace that never waits).
pub fn solve(s: &Scenario, q: &Question) -> Result<Answer, SolveError> {
    super::run(solve_paced(s, q, &mut Flat))
}

/// The search's state: the scenario it moves, the engine, and every value projected.
struct Search<'a, P: Pace> {
    q: Question,
    /// The scenario as asked about (with the savings lever's saving added).
    prepared: Scenario,
    /// A working copy, with the lever at the value last projected.
    work: Scenario,
    levers: Vec<Assumption>,
    engine: Engine,
    lo: Decimal,
    step: Decimal,
    unit: Unit,
    /// (index, shortfall) of every value projected.
    seen: Vec<(u64, Decimal)>,
    done: usize,
    total: usize,
    pace: &'a mut P,
}

impl<P: Pace> Search<'_, P> {
    /// The lever's value at index `k` of the grid: the range's low end plus `k` steps.
    fn value(&self, k: u64) -> Decimal {
        let mut v = checked_mul(Decimal::from(k), self.step)
            .and_then(|d| checked_add(self.lo, d))
            .unwrap_or(self.lo);
        v.rescale(self.unit.places());
        v
    }

    /// Set the lever to index `k` on the working copy (from the prepared scenario, so the
    /// result never depends on the values tried before).
    fn set(&mut self, k: u64) -> Result<Decimal, SolveError> {
        let v = self.value(k);
        let q = self.q;
        if q.lever == Lever::OfficerIntake {
            if let (Some(w), Some(p)) = (self.work.workforce.as_mut(), &self.prepared.workforce) {
                w.officers.intakes.clone_from(&p.officers.intakes);
            }
        }
        for a in &self.levers {
            let done = if matches!(q.lever, Lever::PayAward | Lever::Savings) {
                a.set(&mut self.work, Some(q.from), v)
            } else {
                a.set_from(&mut self.work, q.from, v)
            };
            done.map_err(SolveError::Question)?;
        }
        Ok(v)
    }

    /// The totals with the lever at index `k`, or the model's reason it cannot project.
    async fn totals(&mut self, k: u64) -> Result<Result<Totals, ModelError>, SolveError> {
        self.set(k)?;
        let t = self.engine.totals(&self.work);
        self.done = self.done.saturating_add(1);
        self.total = self.total.max(self.done.saturating_add(1));
        if !self.pace.tick(self.done, self.total).await {
            return Err(SolveError::Stopped);
        }
        if let Ok(t) = &t {
            if let Some(m) = self.q.target.shortfall(t) {
                if !self.seen.iter().any(|(i, _)| *i == k) {
                    self.seen.push((k, m));
                }
            }
        }
        Ok(t)
    }

    /// The shortfall with the lever at index `k` (projected once, then remembered).
    async fn shortfall(&mut self, k: u64) -> Result<Decimal, SolveError> {
        if let Some((_, m)) = self.seen.iter().find(|(i, _)| *i == k) {
            return Ok(*m);
        }
        match self.totals(k).await? {
            Ok(t) => {
                self.q.target.shortfall(&t).ok_or_else(|| {
                    SolveError::Question("the target's year is not in the plan".into())
                })
            }
            Err(error) => Err(self.model_error(k, error)),
        }
    }

    fn model_error(&self, k: u64, error: ModelError) -> SolveError {
        SolveError::Model {
            value: self.value(k),
            unit: self.unit,
            error,
        }
    }

    /// From `good` (projects) towards `bad` (does not), the last index that projects.
    async fn edge(&mut self, mut good: u64, mut bad: u64) -> Result<u64, SolveError> {
        while good.abs_diff(bad) > 1 {
            let mid = good.min(bad) + good.abs_diff(bad) / 2;
            if self.totals(mid).await?.is_ok() {
                good = mid;
            } else {
                bad = mid;
            }
        }
        Ok(good)
    }

    /// Every value projected, in order, must have its shortfall move one way only (or not
    /// at all); else three of them that show it does not: a strict move one way, then
    /// (after any level stretch) a strict move the other.
    fn check(&self) -> Result<(), SolveError> {
        let mut seen = self.seen.clone();
        seen.sort_by_key(|(k, _)| *k);
        // The last strict move: its first point and whether it went up.
        let mut last: Option<((u64, Decimal), bool)> = None;
        for pair in seen.windows(2) {
            let [a, b] = pair else { continue };
            if a.1 == b.1 {
                continue;
            }
            let up = b.1 > a.1;
            match last {
                Some((start, was_up)) if was_up != up => {
                    let point = |p: (u64, Decimal)| (self.value(p.0), p.1);
                    return Err(SolveError::NotMonotone {
                        unit: self.unit,
                        points: [point(start), point(*a), point(*b)],
                    });
                }
                _ => last = Some((*a, up)),
            }
        }
        Ok(())
    }

    /// A shortfall already projected (zero if it was not).
    fn seen_at(&self, k: u64) -> Decimal {
        self.seen
            .iter()
            .find(|(i, _)| *i == k)
            .map_or(Decimal::ZERO, |(_, m)| *m)
    }
}

/// Answer `q` for `s`, calling `pace` after every projection (docs/analysis.md §1).
pub async fn solve_paced<P: Pace>(
    s: &Scenario,
    q: &Question,
    pace: &mut P,
) -> Result<Answer, SolveError> {
    let q = *q;
    let horizon = s.horizon;
    let last = horizon
        .last_year()
        .ok_or_else(|| SolveError::Question("the plan has no years".into()))?;
    let first = horizon.base_year.plus(1).unwrap_or(last);
    if !horizon.contains(q.from) || q.from <= horizon.base_year {
        return Err(SolveError::Question(format!(
            "the lever moves from a year of the plan after the base year ({first} to {last}); {} is not one",
            q.from
        )));
    }
    if let Some(y) = q.target.year() {
        if !horizon.contains(y) {
            return Err(SolveError::Question(format!(
                "{y} is not a year of the plan ({} to {last})",
                horizon.base_year
            )));
        }
    }
    let mut prepared = s.clone();
    let id = saving_id(s);
    if q.lever == Lever::Savings {
        prepared.savings.push(Saving {
            id: id.clone(),
            name: format!("Further savings from {} (goal seek)", q.from),
            kind: SavingKind::Recurring,
            amounts: Default::default(),
            delivery: None,
            source: Source::estimate(format!(
                "Goal seek: the recurring saving a year from {} that gives {}.",
                q.from,
                q.target.text(last)
            )),
        });
    }
    let levers = q
        .lever
        .assumptions(&prepared, &id)
        .map_err(SolveError::Question)?;
    let def = q.lever.kind().def();
    let unit = def.unit;
    let step = Decimal::new(1, unit.places());
    let steps = checked_sub(def.max, def.min)
        .and_then(|span| checked_div(span, step))
        .and_then(|n| u64::try_from(n).ok())
        .ok_or_else(|| SolveError::Question("the lever's range is too wide".into()))?;
    let bits = (u64::BITS - steps.leading_zeros()) as usize;
    let mut search = Search {
        q,
        work: prepared.clone(),
        prepared,
        levers,
        engine: Engine::new(),
        lo: def.min,
        step,
        unit,
        seen: Vec::new(),
        done: 0,
        total: 36 + 2 * bits,
        pace,
    };
    // The anchor: the lever at 0 (or the end of its range nearest 0), which any sensible
    // scenario projects with.
    let zero = checked_sub(Decimal::ZERO, def.min)
        .and_then(|d| checked_div(d, step))
        .and_then(|n| u64::try_from(n.max(Decimal::ZERO)).ok())
        .unwrap_or(0)
        .min(steps);
    if let Err(error) = search.totals(zero).await? {
        return Err(search.model_error(zero, error));
    }
    // The range narrowed to the values the scenario projects with (Band D must stay above
    // £0, say): the last value that projects, from the anchor towards each end.
    let lo = if search.totals(0).await?.is_ok() {
        0
    } else {
        search.edge(zero, 0).await?
    };
    let hi = if search.totals(steps).await?.is_ok() {
        steps
    } else {
        search.edge(zero, steps).await?
    };
    // First pass: 33 evenly spaced values, ends included.
    let span = u128::from(hi - lo);
    let mut samples: Vec<u64> = (0..=PARTS)
        .map(|i| {
            let offset = span * u128::from(i) / u128::from(PARTS);
            lo + u64::try_from(offset).unwrap_or(hi - lo)
        })
        .collect();
    samples.dedup();
    let mut shortfalls = Vec::with_capacity(samples.len());
    for &k in &samples {
        shortfalls.push(search.shortfall(k).await?);
    }
    search.check()?;
    // Which way helps: the shortfall falling as the lever rises (a precept rise), or rising
    // (a pay award); level throughout, the lever does not move the target.
    let down = shortfalls.windows(2).all(|w| matches!(w, [a, b] if b <= a));
    let up = shortfalls.windows(2).all(|w| matches!(w, [a, b] if b >= a));
    let falling = down;
    let moves = !(down && up);
    let (worst, best) = if falling { (lo, hi) } else { (hi, lo) };
    let bound = if falling {
        Bound::Smallest
    } else {
        Bound::Largest
    };
    let m_best = search.shortfall(best).await?;
    let m_worst = search.shortfall(worst).await?;
    let (answer, reachable, miss) = if m_best > Decimal::ZERO {
        (best, false, None)
    } else if m_worst <= Decimal::ZERO {
        (worst, true, None)
    } else {
        // The neighbours in the first pass either side of the answer: `out` misses the
        // target, `met` meets it; then bisect between them.
        let mut out = worst;
        let mut met = best;
        let ordered: Vec<(u64, Decimal)> = if falling {
            samples
                .iter()
                .copied()
                .zip(shortfalls.iter().copied())
                .collect()
        } else {
            samples
                .iter()
                .copied()
                .zip(shortfalls.iter().copied())
                .rev()
                .collect()
        };
        for pair in ordered.windows(2) {
            if let [(a, ma), (b, mb)] = pair {
                if *ma > Decimal::ZERO && *mb <= Decimal::ZERO {
                    (out, met) = (*a, *b);
                    break;
                }
            }
        }
        while out.abs_diff(met) > 1 {
            let mid = out.min(met) + out.abs_diff(met) / 2;
            if search.shortfall(mid).await? <= Decimal::ZERO {
                met = mid;
            } else {
                out = mid;
            }
        }
        search.check()?;
        (met, true, Some((search.value(out), search.seen_at(out))))
    };
    let value = search.set(answer)?;
    let scenario = search.work.clone();
    let projection = search
        .engine
        .project(&scenario)
        .map_err(|error| search.model_error(answer, error))?;
    let shortfall = if reachable {
        Decimal::ZERO
    } else {
        search.seen_at(answer).max(Decimal::ZERO)
    };
    let referendum = if q.lever.is_precept() {
        Some(referendum(&mut search, &projection, answer).await?)
    } else {
        None
    };
    search.check()?;
    Ok(Answer {
        question: q,
        value,
        reachable,
        shortfall: crate::model::engine::penny(shortfall),
        bound,
        moves,
        miss,
        range: (search.value(lo), search.value(hi)),
        scenario,
        projection,
        referendum,
        projections: search.done,
    })
}

/// The referendum report of a precept answer at index `answer` (projected as `p`): each
/// year's rise against its limit, and the best reachable within the limits.
async fn referendum<P: Pace>(
    search: &mut Search<'_, P>,
    p: &Projection,
    answer: u64,
) -> Result<Referendum, SolveError> {
    let from = search.q.from;
    let in_plan = |y: &&crate::model::engine::YearResult| y.year >= from;
    let breached = p
        .years
        .iter()
        .filter(in_plan)
        .any(|y| y.precept.exceeds_referendum_limit);
    let mut within = search.work.clone();
    if breached {
        let rise = Assumption::plan(Kind::BandDRiseGbp);
        for y in p.years.iter().filter(in_plan) {
            if let Some(limit) = y.precept.referendum_limit_gbp {
                rise.set(&mut within, Some(y.year), limit)
                    .map_err(SolveError::Question)?;
            }
        }
    }
    let wp = search
        .engine
        .project(&within)
        .map_err(|error| search.model_error(answer, error))?;
    search.done = search.done.saturating_add(1);
    search.total = search.total.max(search.done);
    if !search.pace.tick(search.done, search.total).await {
        return Err(SolveError::Stopped);
    }
    let short = search
        .q
        .target
        .shortfall(&wp.totals())
        .unwrap_or_default()
        .max(Decimal::ZERO);
    let years = p
        .years
        .iter()
        .filter(in_plan)
        .map(|y| LimitYear {
            year: y.year,
            band_d: y.precept.band_d,
            rise_gbp: y.precept.rise_gbp,
            limit: y.precept.referendum_limit_gbp,
            exceeds: y.precept.exceeds_referendum_limit,
            within_rise: wp
                .year(y.year)
                .map_or(y.precept.rise_gbp, |w| w.precept.rise_gbp),
        })
        .collect();
    Ok(Referendum {
        years,
        within: WithinLimits {
            reachable: short <= Decimal::ZERO,
            shortfall: crate::model::engine::penny(short),
            scenario: within,
        },
    })
}
