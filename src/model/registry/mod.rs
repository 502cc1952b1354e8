//! One definition per assumption (issue 13): for each kind of assumption a scenario holds,
//! its stable key, label, unit, valid range, the years it applies to, where its figures
//! and source live in the scenario, how to read and set it, and two defaults for
//! analysis: a sensitivity **swing** and an **uncertainty** range (low, most likely,
//! high, each with its basis), or why it is not varied.
//!
//! Everything that shows, exports or edits an assumption reads it from here: the
//! assumption panel and quick what-ifs (`edit`), the assumptions CSV (`store::csv`), the
//! print pack's key assumptions (`view::slides`) and `mtfp assumptions`. [`Kind::def`]
//! and [`Kind::about`] are each one `match` with no wildcard arm, side by side in
//! `table.rs`, and [`Def`] and [`About`] structs with no defaults, so a new assumption is
//! an entry in each that the compiler makes complete. (Two matches, not one: the app
//! reads only `def`, so the analysis defaults' text stays out of its download.)
//!
//! An analysis enumerates a scenario's assumptions and moves them:
//!
//! ```
//! use planner::model::engine::Engine;
//! use planner::model::registry::{self, Analysis};
//! use planner::model::baseline;
//!
//! let s = baseline::nottinghamshire().unwrap();
//! let from = s.horizon.base_year.plus(1).unwrap();
//! let mut engine = Engine::new();
//! let plan = engine.totals(&s).unwrap().cumulative_gap();
//! for a in registry::assumptions(&s) {
//!     if let Analysis::Varied { swing, .. } = a.about().analysis {
//!         let mut moved = s.clone();
//!         a.shift(&mut moved, swing.change, from).unwrap();
//!         let gap = engine.totals(&moved).unwrap().cumulative_gap();
//!         let _effect = gap - plan; // the tornado's bar for `a.key()`, high side
//!     }
//! }
//! ```

mod access;
mod table;

pub use access::NEW_INTAKE_MONTH;

use rust_decimal::Decimal;

use super::money::{checked_add, checked_div, checked_mul};
use super::scenario::Scenario;
use super::source::Source;
use super::workforce::Group;
use super::year::FinancialYear;

/// Declares [`Kind`] and [`Kind::ALL`] from one list, so the two cannot disagree.
macro_rules! kinds {
    ($($(#[$doc:meta])* $kind:ident,)*) => {
        /// Every kind of assumption a scenario holds. Its definition is [`Kind::def`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Kind {
            $($(#[$doc])* $kind,)*
        }

        impl Kind {
            /// Every kind, in the order they are listed and exported.
            pub const ALL: &'static [Kind] = &[$(Kind::$kind,)*];
        }
    };
}

kinds! {
    /// Police officer pay award % (from 1 September), by year.
    OfficerPayAward,
    /// Police staff and PCSO pay award %, by year.
    StaffPayAward,
    /// Incremental pay drift %, by year.
    PayDrift,
    /// Non-pay inflation %, by year.
    NonPayInflation,
    /// Band D in the base year (£).
    BandD,
    /// Band D rise in £, by year.
    BandDRiseGbp,
    /// Band D rise in %, by year.
    BandDRisePct,
    /// Tax base in the base year (Band D equivalents).
    TaxBase,
    /// Tax base growth %, by year.
    TaxBaseGrowth,
    /// Precept referendum limit (£ per Band D), by year.
    ReferendumLimit,
    /// A funding line's base-year amount (£).
    FundingBase,
    /// A funding line's growth %, by year.
    FundingGrowth,
    /// A funding line's amount set year by year (£).
    FundingAmount,
    /// An expenditure line's base-year budget (£).
    ExpenditureBase,
    /// An expenditure line's own growth %, by year.
    ExpenditureGrowth,
    /// An expenditure line's amount set year by year (£).
    ExpenditureAmount,
    /// A pressure added to an expenditure line in a year (£).
    ExpenditurePressure,
    /// A saving's amount in a year (£).
    Saving,
    /// General reserve at the start of the plan (£).
    GeneralReserve,
    /// Earmarked reserves at the start of the plan (£).
    EarmarkedReserves,
    /// The general reserve floor, % of net revenue spend.
    ReserveFloor,
    /// Planned use of the general reserve (£), by year.
    PlannedUseGeneral,
    /// Planned use of earmarked reserves (£), by year.
    PlannedUseEarmarked,
    /// A workforce group's leavers, % of headcount a year.
    Attrition,
    /// A workforce group's recruits in a year (people).
    Recruits,
    /// The Operation Uplift officer headcount target, by year.
    UpliftTarget,
    /// A revenue collaboration's full-year cost for all partners (£), by year.
    CollaborationCost,
    /// A capital collaboration partner's share of the cost (%).
    CapitalShare,
    /// A capital collaboration's interest rate (% a year).
    CapitalInterest,
}

/// The unit of an assumption, which sets how it is typed, shown and checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Pounds (£).
    Pounds,
    /// Per cent (%).
    Percent,
    /// Band D equivalent properties.
    Properties,
    /// Years.
    Years,
    /// People (headcount).
    People,
}

impl Unit {
    /// The short label shown beside an input: "£", "%", "people".
    pub fn label(self) -> &'static str {
        match self {
            Unit::Pounds => "£",
            Unit::Percent => "%",
            Unit::Properties => "Band D equiv.",
            Unit::Years => "years",
            Unit::People => "people",
        }
    }

    /// The unit written out, for exports: "£", "%", "Band D equivalents".
    pub fn name(self) -> &'static str {
        match self {
            Unit::Properties => "Band D equivalents",
            other => other.label(),
        }
    }

    /// The decimal places an analysis works to in this unit: a goal seek's answer, a risk
    /// draw turned into a figure (the penny, 0.01 of a percentage point, whole people,
    /// properties and years).
    pub fn places(self) -> u32 {
        match self {
            Unit::Pounds | Unit::Percent => 2,
            Unit::Properties | Unit::Years | Unit::People => 0,
        }
    }

    /// The unit's key in `mtfp assumptions`: `gbp`, `percent`, `properties`, `years`,
    /// `people`.
    pub fn key(self) -> &'static str {
        match self {
            Unit::Pounds => "gbp",
            Unit::Percent => "percent",
            Unit::Properties => "properties",
            Unit::Years => "years",
            Unit::People => "people",
        }
    }
}

/// Where an assumption belongs, as a finance lead groups them (the panel's groups and the
/// CSV's sections).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    /// Funding and grants.
    Funding,
    /// The precept.
    Precept,
    /// Pay and inflation.
    Pay,
    /// Spending lines.
    Spending,
    /// Workforce and Uplift.
    Workforce,
    /// Collaborations.
    Collaborations,
    /// Savings and reserves.
    Savings,
}

impl Section {
    /// The section's name: "Funding and grants".
    pub fn name(self) -> &'static str {
        match self {
            Section::Funding => "Funding and grants",
            Section::Precept => "Precept",
            Section::Pay => "Pay and inflation",
            Section::Spending => "Spending lines",
            Section::Workforce => "Workforce and Uplift",
            Section::Collaborations => "Collaborations",
            Section::Savings => "Savings and reserves",
        }
    }
}

/// Which years an assumption has a figure for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Years {
    /// One figure for the whole plan (the reserve floor, an interest rate).
    Single,
    /// One figure, for the base year (Band D, a line's base amount, opening reserves).
    BaseYear,
    /// A figure for each year of the plan, the base year included.
    All,
    /// A figure for each year after the base year.
    Later,
}

impl Years {
    /// The key in `mtfp assumptions`: `single`, `base_year`, `all`, `later`.
    pub fn key(self) -> &'static str {
        match self {
            Years::Single => "single",
            Years::BaseYear => "base_year",
            Years::All => "all",
            Years::Later => "later",
        }
    }

    /// Whether the assumption has one figure (no year).
    pub fn is_single(self) -> bool {
        matches!(self, Years::Single | Years::BaseYear)
    }
}

/// What an assumption is about: the whole plan, or one line, saving, group,
/// collaboration or partner. Ids are the scenario file's.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    /// The plan as a whole.
    Plan,
    /// A funding line, by id.
    Funding(String),
    /// An expenditure line, by id.
    Expenditure(String),
    /// A saving, by id.
    Saving(String),
    /// A paid workforce group.
    Group(Group),
    /// A revenue collaboration, by id.
    Collaboration(String),
    /// A capital collaboration, by id.
    Capital(String),
    /// A capital collaboration's partner, by the collaboration's id and the partner's
    /// position.
    Partner(String, usize),
}

impl Target {
    /// The target as written in a key: `core_police_grant`, `officers`, `joint_hq.1`.
    pub fn key(&self) -> Option<String> {
        match self {
            Target::Plan => None,
            Target::Funding(id)
            | Target::Expenditure(id)
            | Target::Saving(id)
            | Target::Collaboration(id)
            | Target::Capital(id) => Some(id.clone()),
            Target::Group(g) => Some(g.key().to_string()),
            Target::Partner(id, i) => Some(format!("{id}.{i}")),
        }
    }
}

/// What an assumption's targets are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Targets {
    /// The plan as a whole ([`Target::Plan`]).
    Plan,
    /// Each funding line it applies to.
    Funding,
    /// Each expenditure line it applies to.
    Expenditure,
    /// Each saving it applies to.
    Saving,
    /// Each paid workforce group.
    Group,
    /// Each revenue collaboration it applies to.
    Collaboration,
    /// Each capital collaboration.
    Capital,
    /// Each partner of each capital collaboration.
    Partner,
}

/// A move of an assumption: added in its unit, or a % of its figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Add this, in the assumption's unit (percentage points for a %, £, people).
    By(Decimal),
    /// Add this % of the figure (−10: a tenth less).
    Percent(Decimal),
}

impl Change {
    /// `v` moved by the change (a % change rounded to the penny for £, to whole people).
    pub fn apply(self, v: Decimal, unit: Unit) -> Option<Decimal> {
        let moved = match self {
            Change::By(d) => checked_add(v, d)?,
            Change::Percent(p) => {
                checked_add(v, checked_div(checked_mul(v, p)?, Decimal::ONE_HUNDRED)?)?
            }
        };
        Some(match unit {
            Unit::Pounds => super::money::round_money(moved),
            Unit::People | Unit::Years => super::money::round_to(moved, 0),
            Unit::Percent | Unit::Properties => moved,
        })
    }

    /// The opposite move.
    pub fn negated(self) -> Change {
        match self {
            Change::By(d) => Change::By(-d),
            Change::Percent(p) => Change::Percent(-p),
        }
    }

    /// The move as people read it: "±1 percentage point" is `By(1)` on a %.
    pub fn text(self, unit: Unit) -> String {
        match (self, unit) {
            (Change::By(d), Unit::Percent) => {
                let plural = if d.abs() == Decimal::ONE { "" } else { "s" };
                format!("{} percentage point{plural}", d.normalize())
            }
            (Change::By(d), Unit::Pounds) => format!("£{}", d.normalize()),
            (Change::By(d), u) => format!("{} {}", d.normalize(), u.name()),
            (Change::Percent(p), _) => format!("{}%", p.normalize()),
        }
    }
}

/// A sensitivity swing: the assumption is moved down and up by `change` (in every year it
/// applies to from the analysis's first year) and the plan re-projected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Swing {
    /// The move up (the move down is its opposite).
    pub change: Change,
    /// Why this much.
    pub basis: &'static str,
}

/// How an uncertainty range reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spread {
    /// The figures themselves, in the assumption's unit (a pay award of 1% to 7%).
    Value,
    /// Changes to the plan's own figure ([`Change::By`] each).
    By,
    /// % changes to the plan's own figure ([`Change::Percent`] each).
    Percent,
}

/// One point of an uncertainty range, with its basis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Point {
    /// The figure (or change, by [`Uncertainty::spread`]).
    pub value: Decimal,
    /// Where it comes from.
    pub basis: &'static str,
}

/// An uncertainty range for risk analysis: low, most likely and high.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Uncertainty {
    /// How the three points read.
    pub spread: Spread,
    /// Low.
    pub low: Point,
    /// Most likely.
    pub likely: Point,
    /// High.
    pub high: Point,
}

/// An assumption's defaults for analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Analysis {
    /// Moved by sensitivity analysis and drawn by risk analysis.
    Varied {
        /// The sensitivity swing.
        swing: Swing,
        /// The uncertainty range.
        uncertainty: Uncertainty,
    },
    /// Not an estimate to vary (a decision, a set or published figure), and why.
    Fixed {
        /// Why it is not varied.
        reason: &'static str,
    },
}

/// Reads an assumption's figure in a scenario: for a target and year (`None` for one
/// figure); `None` when the scenario has no such figure.
pub type Get = fn(&Scenario, &Target, Option<FinancialYear>) -> Option<Decimal>;
/// Sets an assumption's figure; a message if the target does not exist.
pub type Set = fn(&mut Scenario, &Target, Option<FinancialYear>, Decimal) -> Result<(), String>;
/// Where an assumption's figures come from.
pub type SourceOf = for<'a> fn(&'a Scenario, &Target) -> Option<&'a Source>;

/// Everything about one kind of assumption.
#[derive(Debug, Clone, Copy)]
pub struct Def {
    /// The kind.
    pub kind: Kind,
    /// Stable key, used in files, CSV, links, analyses and the CLI: `officer_pay_award`.
    pub key: &'static str,
    /// What people call it: "Officer pay award".
    pub label: &'static str,
    /// An instance's label, `{name}` standing for its line, group or collaboration:
    /// "{name} growth". The label itself for a plan-wide assumption.
    pub instance: &'static str,
    /// A short qualifier shown in brackets after the label in summaries (the print pack's
    /// key assumptions): "from 1 September". Empty when none is needed.
    pub note: &'static str,
    /// The unit.
    pub unit: Unit,
    /// Smallest valid value (the panel refuses less).
    pub min: Decimal,
    /// Largest valid value.
    pub max: Decimal,
    /// The years it has a figure for.
    pub years: Years,
    /// What it is about.
    pub targets: Targets,
    /// Where it belongs.
    pub section: Section,
    /// The first part of its inputs' DOM ids in the app (`officer-award`): stable, as
    /// the browser tests and bookmarks use them.
    pub dom: &'static str,
    /// Reads a figure.
    pub get: Get,
    /// Sets a figure (the caller checks the range).
    pub set: Set,
    /// Its source.
    pub source: SourceOf,
    /// Whether it applies to a target of `targets` (a growth rate only to a line that
    /// grows by one, recruits only to a scenario with a workforce plan).
    pub applies: fn(&Scenario, &Target) -> bool,
}

/// What a kind of assumption means, where it is in a scenario file, and its defaults for
/// analysis ([`Kind::about`]).
#[derive(Debug, Clone, Copy)]
pub struct About {
    /// What it means, in a line.
    pub detail: &'static str,
    /// Where it is in a scenario file (`{id}`: the target's id, `{i}` a partner's place).
    pub path: &'static str,
    /// Its defaults for sensitivity and risk analysis.
    pub analysis: Analysis,
}

impl Kind {
    /// The kind's definition.
    pub fn def(self) -> Def {
        table::def(self)
    }

    /// What the kind means, where it is in a scenario file, and its analysis defaults
    /// (kept apart from [`Kind::def`]: the app shows none of it, so does not carry it).
    pub fn about(self) -> About {
        table::about(self)
    }

    /// The kind with stable key `key`.
    pub fn from_key(key: &str) -> Option<Kind> {
        Kind::ALL.iter().copied().find(|k| k.def().key == key)
    }
}

/// One assumption of a scenario: a kind and what it is about (every year it applies to).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Assumption {
    /// The kind.
    pub kind: Kind,
    /// What it is about.
    pub target: Target,
}

impl Assumption {
    /// A plan-wide assumption.
    pub fn plan(kind: Kind) -> Assumption {
        Assumption {
            kind,
            target: Target::Plan,
        }
    }

    /// The kind's definition.
    pub fn def(&self) -> Def {
        self.kind.def()
    }

    /// The kind's meaning, file path and analysis defaults.
    pub fn about(&self) -> About {
        self.kind.about()
    }

    /// Stable key: the kind's, with the target's in brackets: `officer_pay_award`,
    /// `funding_growth[core_police_grant]`, `recruits[officers]`, `capital_share[joint_hq.1]`.
    pub fn key(&self) -> String {
        match self.target.key() {
            None => self.def().key.to_string(),
            Some(t) => format!("{}[{t}]", self.def().key),
        }
    }

    /// The assumption with stable key `key` in `s`, if it exists there.
    pub fn from_key(s: &Scenario, key: &str) -> Option<Assumption> {
        assumptions(s).into_iter().find(|a| a.key() == key)
    }

    /// What people call it in `s`: "Core police grant growth", "Officers recruits".
    pub fn label(&self, s: &Scenario) -> String {
        let def = self.def();
        match access::target_name(s, &self.target) {
            Some(name) => def.instance.replace("{name}", &name),
            None => def.instance.to_string(),
        }
    }

    /// The years of `s` it has a figure for (none for a single figure).
    pub fn years(&self, s: &Scenario) -> Vec<FinancialYear> {
        let all = s.horizon.year_list();
        match self.def().years {
            Years::Single | Years::BaseYear => Vec::new(),
            Years::All => all,
            Years::Later => all.into_iter().skip(1).collect(),
        }
    }

    /// Its figure in `year` (`None` for a single figure).
    pub fn get(&self, s: &Scenario, year: Option<FinancialYear>) -> Option<Decimal> {
        (self.def().get)(s, &self.target, year)
    }

    /// Where its figures come from.
    pub fn source<'a>(&self, s: &'a Scenario) -> Option<&'a Source> {
        (self.def().source)(s, &self.target)
    }

    /// Whether `v` is within its valid range (and whole, for people and years).
    pub fn check(&self, v: Decimal) -> Result<(), String> {
        let def = self.def();
        if v < def.min || v > def.max {
            return Err(format!(
                "must be from {} to {}",
                def.min.normalize(),
                def.max.normalize()
            ));
        }
        if matches!(def.unit, Unit::People | Unit::Years) && !super::money::is_whole(v) {
            return Err(format!("must be a whole number of {}", def.unit.name()));
        }
        Ok(())
    }

    /// Set its figure in `year` (`None` for a single figure) to `v`, within the valid
    /// range.
    pub fn set(
        &self,
        s: &mut Scenario,
        year: Option<FinancialYear>,
        v: Decimal,
    ) -> Result<(), String> {
        self.check(v)?;
        (self.def().set)(s, &self.target, year, v)
    }

    /// The years a move from `from` changes: its years from `from` on, or its one figure.
    fn years_from(&self, s: &Scenario, from: FinancialYear) -> Vec<Option<FinancialYear>> {
        if self.def().years.is_single() {
            vec![None]
        } else {
            self.years(s)
                .into_iter()
                .filter(|y| *y >= from)
                .map(Some)
                .collect()
        }
    }

    /// Move every figure from `from` on (or its one figure) by `change`: a sensitivity
    /// swing, or a risk draw given as a change. Fails, changing nothing, if a moved figure
    /// would leave the valid range.
    pub fn shift(
        &self,
        s: &mut Scenario,
        change: Change,
        from: FinancialYear,
    ) -> Result<(), String> {
        let unit = self.def().unit;
        let mut moved = Vec::new();
        for year in self.years_from(s, from) {
            let Some(v) = self.get(s, year) else {
                continue;
            };
            let v = change.apply(v, unit).ok_or("the change overflows")?;
            self.check(v)?;
            moved.push((year, v));
        }
        for (year, v) in moved {
            (self.def().set)(s, &self.target, year, v)?;
        }
        Ok(())
    }

    /// Set every figure from `from` on (or its one figure) to `v`: a goal seek's lever.
    pub fn set_from(
        &self,
        s: &mut Scenario,
        from: FinancialYear,
        v: Decimal,
    ) -> Result<(), String> {
        self.check(v)?;
        for year in self.years_from(s, from) {
            (self.def().set)(s, &self.target, year, v)?;
        }
        Ok(())
    }
}

/// Every assumption of `s`, kind by kind in [`Kind::ALL`] order, then target by target in
/// the scenario's order.
pub fn assumptions(s: &Scenario) -> Vec<Assumption> {
    let mut out = Vec::new();
    for &kind in Kind::ALL {
        for target in access::targets(s, kind) {
            out.push(Assumption { kind, target });
        }
    }
    out
}
