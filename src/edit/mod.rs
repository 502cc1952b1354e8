//! Editing a scenario one field at a time, as the assumption panel does.
//!
//! Raw text from an input is parsed ([`parse_input`]), checked against the field's range
//! ([`FieldSpec`]), and applied to a copy of the scenario ([`apply`]). The caller keeps its
//! current scenario until the copy has also projected without error, so a bad entry never
//! costs the user their last valid figures. Pure: tested natively.

use rust_decimal::Decimal;

use crate::model::registry::{Assumption, Kind, Section, Target};
use crate::model::{FinancialYear, Source};

mod apply;
pub mod capital;
mod describe;
mod horizon;
mod input;
mod quick;
pub mod register;
mod spec;

pub use crate::model::registry::Unit as FieldUnit;
pub use crate::model::registry::NEW_INTAKE_MONTH;
pub use apply::{
    apply, expenditure_rolls, funding_has_growth, precept_in_percent, precept_switched,
};
pub use describe::{expenditure_driver_text, funding_driver_text};
pub use input::{display_value, parse_input};
pub use quick::quick_from_year;
pub use spec::{spec, value};

/// An editable figure in a scenario.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// A registry assumption ([`crate::model::registry`]) in a year, or its one figure
    /// (`None`): its label, unit, range, source, value and how it is set all come from
    /// the registry.
    Assumption(Assumption, Option<FinancialYear>),
    /// Number of years in the plan.
    HorizonYears,
    /// Quick what-if: the officer and staff pay award in every year from this one (%).
    PayAwardsFrom(FinancialYear),
    /// Quick what-if: the Band D rise in every year from this one (£).
    PreceptRiseFrom(FinancialYear),
    /// Quick what-if: the growth of every grant that grows by a rate, in every year from
    /// this one (%).
    GrantGrowthFrom(FinancialYear),
    /// A field of a screen loaded on demand (the savings register, the reserves strategy),
    /// by its key ([`register::Reg::key`]): the workspace keeps what was typed there and
    /// could not be used, as it does for its own fields; the screen makes the change
    /// itself and sends the changed scenario.
    Screen(String),
}

impl Field {
    /// A plan-wide assumption in `year`: `Field::plan(Kind::OfficerPayAward, y)`.
    pub fn plan(kind: Kind, year: FinancialYear) -> Field {
        Field::Assumption(Assumption::plan(kind), Some(year))
    }

    /// A plan-wide assumption's one figure: `Field::single(Kind::BandD)`.
    pub fn single(kind: Kind) -> Field {
        Field::Assumption(Assumption::plan(kind), None)
    }

    /// An assumption about `target` in `year` (`None` for its one figure).
    pub fn of(kind: Kind, target: Target, year: Option<FinancialYear>) -> Field {
        Field::Assumption(Assumption { kind, target }, year)
    }

    /// A stable key for the field, usable as a DOM id and in change logs:
    /// `officer-award-2023`, `funding-core_grant`, `intake-officers-2024` (the registry's
    /// `dom` with the target and year).
    pub fn key(&self) -> String {
        let y = |y: &FinancialYear| y.start_year().to_string();
        match self {
            Field::Assumption(a, year) => {
                let mut key = a.def().dom.to_string();
                match &a.target {
                    Target::Partner(id, i) => {
                        key = key.replace("{id}", id).replace("{i}", &i.to_string());
                    }
                    other => {
                        if let Some(id) = other.key() {
                            key = key.replace("{id}", &id);
                        }
                    }
                }
                match year {
                    Some(v) => format!("{key}-{}", y(v)),
                    None => key,
                }
            }
            Field::HorizonYears => "horizon-years".into(),
            Field::PayAwardsFrom(v) => format!("quick-pay-from-{}", y(v)),
            Field::PreceptRiseFrom(v) => format!("quick-precept-from-{}", y(v)),
            Field::GrantGrowthFrom(v) => format!("quick-grant-from-{}", y(v)),
            Field::Screen(key) => key.clone(),
        }
    }
}

/// The group of the assumption panel a field belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldGroup {
    /// Quick what-ifs (sliders).
    Quick,
    /// Funding and grants.
    Funding,
    /// Precept.
    Precept,
    /// Pay and inflation.
    Pay,
    /// Workforce and Uplift.
    Workforce,
    /// Collaborations.
    Collaborations,
    /// Savings and reserves.
    Savings,
    /// Spending lines.
    Spending,
    /// Plan horizon.
    Horizon,
}

impl Field {
    /// The panel group the field is shown in (every field has exactly one): an
    /// assumption's registry section.
    pub fn group(&self) -> FieldGroup {
        match self {
            Field::Assumption(a, _) => match a.def().section {
                Section::Funding => FieldGroup::Funding,
                Section::Precept => FieldGroup::Precept,
                Section::Pay => FieldGroup::Pay,
                Section::Spending => FieldGroup::Spending,
                Section::Workforce => FieldGroup::Workforce,
                Section::Collaborations => FieldGroup::Collaborations,
                Section::Savings => FieldGroup::Savings,
            },
            Field::PayAwardsFrom(_) | Field::PreceptRiseFrom(_) | Field::GrantGrowthFrom(_) => {
                FieldGroup::Quick
            }
            Field::HorizonYears => FieldGroup::Horizon,
            Field::Screen(_) => FieldGroup::Savings,
        }
    }
}

/// How a field is labelled and what values it takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldSpec {
    /// Visible label.
    pub label: String,
    /// Unit.
    pub unit: FieldUnit,
    /// Smallest valid value.
    pub min: Decimal,
    /// Largest valid value.
    pub max: Decimal,
    /// Where the default comes from, if the scenario records it.
    pub source: Option<Source>,
}

fn d(v: i64) -> Decimal {
    Decimal::from(v)
}

impl FieldSpec {
    /// A spec whose range is whole numbers `min` to `max`.
    pub(super) fn new(
        label: impl Into<String>,
        unit: FieldUnit,
        min: i64,
        max: i64,
        source: Option<&Source>,
    ) -> Self {
        FieldSpec {
            label: label.into(),
            unit,
            min: d(min),
            max: d(max),
            source: source.cloned(),
        }
    }

    /// The valid range as people read it: "−100 to 100 %".
    pub fn range_text(&self) -> String {
        let fmt = |v: Decimal| crate::format::count(v, 0);
        match self.unit {
            FieldUnit::Pounds => format!("£{} to £{}", fmt(self.min), fmt(self.max))
                .replace("£\u{2212}", "\u{2212}£"),
            FieldUnit::Percent => format!("{}% to {}%", fmt(self.min), fmt(self.max)),
            FieldUnit::Properties => format!("{} to {}", fmt(self.min), fmt(self.max)),
            FieldUnit::Years => format!("{} to {} years", fmt(self.min), fmt(self.max)),
            FieldUnit::People => format!("{} to {} people", fmt(self.min), fmt(self.max)),
        }
    }
}
