//! The registry's vocabulary: units, sections, years, targets, and the moves and ranges
//! analyses use.

use rust_decimal::Decimal;

use crate::model::money::{checked_add, checked_div, checked_mul};
use crate::model::workforce::Group;

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
            Unit::Pounds => crate::model::money::round_money(moved),
            Unit::People | Unit::Years => crate::model::money::round_to(moved, 0),
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
