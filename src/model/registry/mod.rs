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
mod types;

pub use access::NEW_INTAKE_MONTH;
pub use types::{
    Analysis, Change, Point, Section, Spread, Swing, Target, Targets, Uncertainty, Unit, Years,
};

use rust_decimal::Decimal;

use super::scenario::Scenario;
use super::source::Source;
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
