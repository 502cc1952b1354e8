//! Editing a scenario one field at a time, as the assumption panel does.
//!
//! Raw text from an input is parsed ([`parse_input`]), checked against the field's range
//! ([`FieldSpec`]), and applied to a copy of the scenario ([`apply`]). The caller keeps its
//! current scenario until the copy has also projected without error, so a bad entry never
//! costs the user their last valid figures. Pure: tested natively.

use rust_decimal::Decimal;

use crate::model::workforce::Group;
use crate::model::{FinancialYear, Source};

mod apply;
mod describe;
mod horizon;
mod input;
mod quick;
mod spec;
mod teams;

pub use apply::{
    apply, expenditure_rolls, funding_has_growth, precept_in_percent, precept_switched,
};
pub use describe::{expenditure_driver_text, funding_driver_text};
pub use input::{display_value, parse_input};
pub use quick::quick_from_year;
pub use spec::{spec, value};
pub use teams::{editable_collaborations, NEW_INTAKE_MONTH};

/// An editable figure in a scenario.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// Officer pay award % from 1 September of the year.
    OfficerPayAward(FinancialYear),
    /// Staff and PCSO pay award % from 1 September of the year.
    StaffPayAward(FinancialYear),
    /// Incremental pay drift % in the year.
    PayDrift(FinancialYear),
    /// Non-pay inflation % in the year.
    NonPayInflation(FinancialYear),
    /// Band D in the base year (£).
    BandD,
    /// Band D rise in £ in the year.
    PreceptRiseGbp(FinancialYear),
    /// Band D rise in % in the year.
    PreceptRisePct(FinancialYear),
    /// Tax base in the base year (Band D equivalents).
    TaxBase,
    /// Tax base growth % in the year.
    TaxBaseGrowth(FinancialYear),
    /// A funding line's base-year amount (£).
    FundingBase(String),
    /// A funding line's growth % in the year (growth-driven lines).
    FundingGrowth(String, FinancialYear),
    /// An expenditure line's base-year amount (£).
    ExpenditureBase(String),
    /// A saving's new amount in the year (£).
    Saving(String, FinancialYear),
    /// General reserve at the start of the plan (£).
    GeneralOpening,
    /// Earmarked reserves at the start of the plan (£).
    EarmarkedOpening,
    /// General reserve floor, % of net revenue spend.
    FloorPct,
    /// Planned use of the general reserve in the year (£).
    PlannedUseGeneral(FinancialYear),
    /// Number of years in the plan.
    HorizonYears,
    /// A workforce group's leavers, % of headcount a year.
    Attrition(Group),
    /// A workforce group's recruits starting in the year (people).
    Intake(Group, FinancialYear),
    /// The Operation Uplift officer headcount target for the year.
    UpliftTarget(FinancialYear),
    /// A revenue collaboration's full-year total cost for all partners in the year (£).
    CollabCost(String, FinancialYear),
    /// A capital collaboration partner's share of the cost (%), by partner position.
    CapitalShare(String, usize),
    /// A capital collaboration's interest rate (% a year).
    CapitalInterest(String),
    /// Quick what-if: the officer and staff pay award in every year from this one (%).
    PayAwardsFrom(FinancialYear),
    /// Quick what-if: the Band D rise in every year from this one (£).
    PreceptRiseFrom(FinancialYear),
    /// Quick what-if: the growth of every grant that grows by a rate, in every year from
    /// this one (%).
    GrantGrowthFrom(FinancialYear),
}

impl Field {
    /// A stable key for the field, usable as a DOM id and in change logs:
    /// `officer-award-2023`, `funding-core_grant`, `intake-officers-2024`.
    pub fn key(&self) -> String {
        let field = self;
        let y = |y: &FinancialYear| y.start_year().to_string();
        match field {
            Field::OfficerPayAward(v) => format!("officer-award-{}", y(v)),
            Field::StaffPayAward(v) => format!("staff-award-{}", y(v)),
            Field::PayDrift(v) => format!("pay-drift-{}", y(v)),
            Field::NonPayInflation(v) => format!("inflation-{}", y(v)),
            Field::BandD => "band-d".into(),
            Field::PreceptRiseGbp(v) => format!("precept-rise-gbp-{}", y(v)),
            Field::PreceptRisePct(v) => format!("precept-rise-pct-{}", y(v)),
            Field::TaxBase => "tax-base".into(),
            Field::TaxBaseGrowth(v) => format!("tax-base-growth-{}", y(v)),
            Field::FundingBase(id) => format!("funding-{id}"),
            Field::FundingGrowth(id, v) => format!("funding-{id}-growth-{}", y(v)),
            Field::ExpenditureBase(id) => format!("spend-{id}"),
            Field::Saving(id, v) => format!("saving-{id}-{}", y(v)),
            Field::GeneralOpening => "general-opening".into(),
            Field::EarmarkedOpening => "earmarked-opening".into(),
            Field::FloorPct => "floor-pct".into(),
            Field::PlannedUseGeneral(v) => format!("planned-use-{}", y(v)),
            Field::HorizonYears => "horizon-years".into(),
            Field::Attrition(g) => format!("attrition-{}", g.key()),
            Field::Intake(g, v) => format!("intake-{}-{}", g.key(), y(v)),
            Field::UpliftTarget(v) => format!("uplift-target-{}", y(v)),
            Field::CollabCost(id, v) => format!("collab-{id}-{}", y(v)),
            Field::CapitalShare(id, i) => format!("capital-{id}-share-{i}"),
            Field::CapitalInterest(id) => format!("capital-{id}-interest"),
            Field::PayAwardsFrom(v) => format!("quick-pay-from-{}", y(v)),
            Field::PreceptRiseFrom(v) => format!("quick-precept-from-{}", y(v)),
            Field::GrantGrowthFrom(v) => format!("quick-grant-from-{}", y(v)),
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
    /// The panel group the field is shown in (every field has exactly one).
    pub fn group(&self) -> FieldGroup {
        match self {
            Field::PayAwardsFrom(_) | Field::PreceptRiseFrom(_) | Field::GrantGrowthFrom(_) => {
                FieldGroup::Quick
            }
            Field::FundingBase(_) | Field::FundingGrowth(_, _) => FieldGroup::Funding,
            Field::BandD
            | Field::PreceptRiseGbp(_)
            | Field::PreceptRisePct(_)
            | Field::TaxBase
            | Field::TaxBaseGrowth(_) => FieldGroup::Precept,
            Field::OfficerPayAward(_)
            | Field::StaffPayAward(_)
            | Field::PayDrift(_)
            | Field::NonPayInflation(_) => FieldGroup::Pay,
            Field::Attrition(_) | Field::Intake(_, _) | Field::UpliftTarget(_) => {
                FieldGroup::Workforce
            }
            Field::CollabCost(_, _) | Field::CapitalShare(_, _) | Field::CapitalInterest(_) => {
                FieldGroup::Collaborations
            }
            Field::Saving(_, _)
            | Field::GeneralOpening
            | Field::EarmarkedOpening
            | Field::FloorPct
            | Field::PlannedUseGeneral(_) => FieldGroup::Savings,
            Field::ExpenditureBase(_) => FieldGroup::Spending,
            Field::HorizonYears => FieldGroup::Horizon,
        }
    }
}

/// The unit of a field, which sets how it is typed, shown and checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldUnit {
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

impl FieldUnit {
    /// The short unit label shown beside an input.
    pub fn label(self) -> &'static str {
        match self {
            FieldUnit::Pounds => "£",
            FieldUnit::Percent => "%",
            FieldUnit::Properties => "Band D equiv.",
            FieldUnit::Years => "years",
            FieldUnit::People => "people",
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

const BILLION: i64 = 1_000_000_000;

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
