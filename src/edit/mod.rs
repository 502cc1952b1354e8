//! Editing a scenario one field at a time, as the assumption panel does.
//!
//! Raw text from an input is parsed ([`parse_input`]), checked against the field's range
//! ([`FieldSpec`]), and applied to a copy of the scenario ([`apply`]). The caller keeps its
//! current scenario until the copy has also projected without error, so a bad entry never
//! costs the user their last valid figures. Pure: tested natively.

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::model::dec::{Dec, YearValues};
use crate::model::scenario::{Driver, FundingDriver, Scenario};
use crate::model::workforce::Group;
use crate::model::{FinancialYear, Source};

mod horizon;
mod quick;
mod teams;

pub use quick::quick_from_year;
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
    fn new(
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

/// The label, unit, range and source of `field` in `scenario`.
pub fn spec(scenario: &Scenario, field: &Field) -> FieldSpec {
    let a = &scenario.assumptions;
    let p = &scenario.precept;
    let r = &scenario.reserves;
    match field {
        Field::OfficerPayAward(y) => FieldSpec::new(
            format!("Officer pay award {y}"),
            FieldUnit::Percent,
            -20,
            30,
            Some(&a.officer_pay_award_pct.source),
        ),
        Field::StaffPayAward(y) => FieldSpec::new(
            format!("Staff pay award {y}"),
            FieldUnit::Percent,
            -20,
            30,
            Some(&a.staff_pay_award_pct.source),
        ),
        Field::PayDrift(y) => FieldSpec::new(
            format!("Pay drift {y}"),
            FieldUnit::Percent,
            -10,
            10,
            Some(&a.pay_drift_pct.source),
        ),
        Field::NonPayInflation(y) => FieldSpec::new(
            format!("Non-pay inflation {y}"),
            FieldUnit::Percent,
            -20,
            50,
            Some(&a.non_pay_inflation_pct.source),
        ),
        Field::BandD => FieldSpec::new(
            "Band D precept",
            FieldUnit::Pounds,
            1,
            5_000,
            Some(&p.band_d.source),
        ),
        Field::PreceptRiseGbp(y) => FieldSpec::new(
            format!("Band D rise {y}"),
            FieldUnit::Pounds,
            -500,
            500,
            Some(&p.rise_gbp.source),
        ),
        Field::PreceptRisePct(y) => FieldSpec::new(
            format!("Band D rise {y}"),
            FieldUnit::Percent,
            -50,
            100,
            Some(&p.rise_pct.source),
        ),
        Field::TaxBase => FieldSpec::new(
            "Tax base",
            FieldUnit::Properties,
            1,
            10_000_000,
            Some(&p.tax_base.source),
        ),
        Field::TaxBaseGrowth(y) => FieldSpec::new(
            format!("Tax base growth {y}"),
            FieldUnit::Percent,
            -20,
            20,
            Some(&p.tax_base_growth_pct.source),
        ),
        Field::FundingBase(id) => {
            let line = scenario.funding.iter().find(|l| &l.id == id);
            FieldSpec::new(
                line.map(|l| l.name.clone()).unwrap_or_else(|| id.clone()),
                FieldUnit::Pounds,
                -BILLION,
                BILLION,
                line.map(|l| &l.source),
            )
        }
        Field::FundingGrowth(id, y) => {
            let line = scenario.funding.iter().find(|l| &l.id == id);
            let name = line.map(|l| l.name.clone()).unwrap_or_else(|| id.clone());
            FieldSpec::new(
                format!("{name} growth {y}"),
                FieldUnit::Percent,
                -50,
                50,
                line.map(|l| &l.source),
            )
        }
        Field::ExpenditureBase(id) => {
            let line = scenario.expenditure.iter().find(|l| &l.id == id);
            FieldSpec::new(
                line.map(|l| l.name.clone()).unwrap_or_else(|| id.clone()),
                FieldUnit::Pounds,
                -BILLION,
                BILLION,
                line.map(|l| &l.source),
            )
        }
        Field::Saving(id, y) => {
            let saving = scenario.savings.iter().find(|s| &s.id == id);
            let name = saving.map(|s| s.name.clone()).unwrap_or_else(|| id.clone());
            FieldSpec::new(
                format!("{name} {y}"),
                FieldUnit::Pounds,
                0,
                BILLION,
                saving.map(|s| &s.source),
            )
        }
        Field::GeneralOpening => FieldSpec::new(
            "General reserve at start",
            FieldUnit::Pounds,
            0,
            BILLION,
            Some(&r.general_opening.source),
        ),
        Field::EarmarkedOpening => FieldSpec::new(
            "Earmarked reserves at start",
            FieldUnit::Pounds,
            0,
            BILLION,
            Some(&r.earmarked_opening.source),
        ),
        Field::FloorPct => FieldSpec::new(
            "General reserve floor",
            FieldUnit::Percent,
            0,
            25,
            Some(&r.floor_pct.source),
        ),
        Field::PlannedUseGeneral(y) => FieldSpec::new(
            format!("Planned use of general reserve {y}"),
            FieldUnit::Pounds,
            -BILLION,
            BILLION,
            Some(&r.planned_use_general.source),
        ),
        Field::HorizonYears => FieldSpec::new("Plan length", FieldUnit::Years, 5, 10, None),
        Field::PayAwardsFrom(_) | Field::PreceptRiseFrom(_) | Field::GrantGrowthFrom(_) => {
            quick::spec(scenario, field)
        }
        other => teams::spec(scenario, other),
    }
}

/// The current value of `field`, if the scenario has one (a year not listed reads as 0).
pub fn value(scenario: &Scenario, field: &Field) -> Option<Decimal> {
    let a = &scenario.assumptions;
    let p = &scenario.precept;
    let r = &scenario.reserves;
    let year = |t: &YearValues, y: &FinancialYear| Some(t.get_or_zero(*y));
    match field {
        Field::OfficerPayAward(y) => year(&a.officer_pay_award_pct.value, y),
        Field::StaffPayAward(y) => year(&a.staff_pay_award_pct.value, y),
        Field::PayDrift(y) => year(&a.pay_drift_pct.value, y),
        Field::NonPayInflation(y) => year(&a.non_pay_inflation_pct.value, y),
        Field::BandD => Some(p.band_d.value.0),
        Field::PreceptRiseGbp(y) => year(&p.rise_gbp.value, y),
        Field::PreceptRisePct(y) => year(&p.rise_pct.value, y),
        Field::TaxBase => Some(p.tax_base.value.0),
        Field::TaxBaseGrowth(y) => year(&p.tax_base_growth_pct.value, y),
        Field::FundingBase(id) => scenario
            .funding
            .iter()
            .find(|l| &l.id == id)
            .map(|l| l.base_amount),
        Field::FundingGrowth(id, y) => {
            scenario
                .funding
                .iter()
                .find(|l| &l.id == id)
                .and_then(|l| match &l.driver {
                    FundingDriver::Growth { growth_pct } => Some(growth_pct.get_or_zero(*y)),
                    _ => None,
                })
        }
        Field::ExpenditureBase(id) => scenario
            .expenditure
            .iter()
            .find(|l| &l.id == id)
            .map(|l| l.base_amount),
        Field::Saving(id, y) => scenario
            .savings
            .iter()
            .find(|s| &s.id == id)
            .map(|s| s.amounts.get_or_zero(*y)),
        Field::GeneralOpening => Some(r.general_opening.value.0),
        Field::EarmarkedOpening => Some(r.earmarked_opening.value.0),
        Field::FloorPct => Some(r.floor_pct.value.0),
        Field::PlannedUseGeneral(y) => year(&r.planned_use_general.value, y),
        Field::HorizonYears => Some(Decimal::from(scenario.horizon.years)),
        Field::PayAwardsFrom(_) | Field::PreceptRiseFrom(_) | Field::GrantGrowthFrom(_) => {
            quick::value(scenario, field)
        }
        other => teams::value(scenario, other),
    }
}

/// How a stored value is shown in its input: thousands separators for pounds and
/// properties (pence only when there are any), percentages as stored. [`parse_input`]
/// reads every form this writes.
pub fn display_value(v: Decimal, unit: FieldUnit) -> String {
    let v = v.normalize();
    match unit {
        FieldUnit::Pounds | FieldUnit::Properties | FieldUnit::People => {
            let dp = if v.fract().is_zero() {
                0
            } else {
                v.scale().max(2)
            };
            crate::format::count(v, dp).replace('\u{2212}', "-")
        }
        FieldUnit::Percent | FieldUnit::Years => v.to_string(),
    }
}

/// Parse what a person typed into a field of `unit`. Accepts "1,234.50", "£1,234.50",
/// "4.1%", "-2", "−2" and "(2)"; rejects anything else with a message.
pub fn parse_input(text: &str, unit: FieldUnit) -> Result<Decimal, String> {
    let mut t: String = text
        .trim()
        .chars()
        .filter(|c| *c != ',' && *c != ' ')
        .collect();
    if t.is_empty() {
        return Err("Enter a number".into());
    }
    let mut negative = false;
    if t.starts_with('(') && t.ends_with(')') {
        negative = true;
        t = t.trim_start_matches('(').trim_end_matches(')').to_string();
    }
    for minus in ['-', '\u{2212}'] {
        if let Some(rest) = t.strip_prefix(minus) {
            negative = !negative;
            t = rest.to_string();
        }
    }
    match unit {
        FieldUnit::Pounds => t = t.trim_start_matches('£').to_string(),
        FieldUnit::Percent => t = t.trim_end_matches('%').to_string(),
        FieldUnit::Properties | FieldUnit::Years | FieldUnit::People => {}
    }
    if t.is_empty() || !t.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Err(format!("'{}' is not a number", text.trim()));
    }
    let v = Decimal::from_str(&t).map_err(|_| format!("'{}' is not a number", text.trim()))?;
    Ok(if negative { -v } else { v })
}

/// A copy of `scenario` with `field` set to `v`, or a message if `v` is out of range or the
/// field does not exist. The original is untouched.
pub fn apply(scenario: &Scenario, field: &Field, v: Decimal) -> Result<Scenario, String> {
    let spec = spec(scenario, field);
    if v < spec.min || v > spec.max {
        return Err(format!("Must be from {}", spec.range_text()));
    }
    if spec.unit == FieldUnit::Years && !v.fract().is_zero() {
        return Err("Must be a whole number of years".into());
    }
    if spec.unit == FieldUnit::People && !v.fract().is_zero() {
        return Err("Must be a whole number of people".into());
    }
    let mut s = scenario.clone();
    let missing = || "This figure no longer exists in the scenario".to_string();
    match field {
        Field::OfficerPayAward(y) => s.assumptions.officer_pay_award_pct.value.set(*y, v),
        Field::StaffPayAward(y) => s.assumptions.staff_pay_award_pct.value.set(*y, v),
        Field::PayDrift(y) => s.assumptions.pay_drift_pct.value.set(*y, v),
        Field::NonPayInflation(y) => s.assumptions.non_pay_inflation_pct.value.set(*y, v),
        Field::BandD => s.precept.band_d.value = Dec(v),
        Field::PreceptRiseGbp(y) => {
            s.precept.rise_gbp.value.set(*y, v);
            s.precept.rise_pct.value.0.remove(y);
        }
        Field::PreceptRisePct(y) => {
            s.precept.rise_pct.value.set(*y, v);
            s.precept.rise_gbp.value.0.remove(y);
        }
        Field::TaxBase => s.precept.tax_base.value = Dec(v),
        Field::TaxBaseGrowth(y) => s.precept.tax_base_growth_pct.value.set(*y, v),
        Field::FundingBase(id) => {
            s.funding
                .iter_mut()
                .find(|l| &l.id == id)
                .ok_or_else(missing)?
                .base_amount = v;
        }
        Field::FundingGrowth(id, y) => {
            let line = s
                .funding
                .iter_mut()
                .find(|l| &l.id == id)
                .ok_or_else(missing)?;
            match &mut line.driver {
                FundingDriver::Growth { growth_pct } => growth_pct.set(*y, v),
                _ => return Err("This line does not grow by a percentage".into()),
            }
        }
        Field::ExpenditureBase(id) => {
            s.expenditure
                .iter_mut()
                .find(|l| &l.id == id)
                .ok_or_else(missing)?
                .base_amount = v;
        }
        Field::Saving(id, y) => s
            .savings
            .iter_mut()
            .find(|x| &x.id == id)
            .ok_or_else(missing)?
            .amounts
            .set(*y, v),
        Field::GeneralOpening => s.reserves.general_opening.value = Dec(v),
        Field::EarmarkedOpening => s.reserves.earmarked_opening.value = Dec(v),
        Field::FloorPct => s.reserves.floor_pct.value = Dec(v),
        Field::PlannedUseGeneral(y) => s.reserves.planned_use_general.value.set(*y, v),
        Field::HorizonYears => {
            let years = u8::try_from(v.trunc().mantissa())
                .map_err(|_| "Must be from 5 to 10 years".to_string())?;
            horizon::set_years(&mut s, years);
        }
        Field::PayAwardsFrom(_) | Field::PreceptRiseFrom(_) | Field::GrantGrowthFrom(_) => {
            quick::apply(&mut s, field, v)?
        }
        other => teams::apply(&mut s, other, v)?,
    }
    Ok(s)
}

/// True if the precept rises are given in % (otherwise in £).
pub fn precept_in_percent(scenario: &Scenario) -> bool {
    !scenario.precept.rise_pct.value.0.is_empty() && scenario.precept.rise_gbp.value.0.is_empty()
}

/// Does a line with this driver take a growth % per year?
pub fn funding_has_growth(driver: &FundingDriver) -> bool {
    matches!(driver, FundingDriver::Growth { .. })
}

/// Does a line with this driver roll forward from its base amount?
pub fn expenditure_rolls(driver: &Driver) -> bool {
    driver.rolls_forward()
}

/// A copy of `scenario` with its precept rises restated in % (`to_percent`) or in £, year
/// by year from the base-year Band D, so the Band D path is unchanged to the penny (or to
/// 0.01% when going to %).
pub fn precept_switched(scenario: &Scenario, to_percent: bool) -> Scenario {
    let mut s = scenario.clone();
    if to_percent == precept_in_percent(scenario) {
        return s;
    }
    let hundred = Decimal::ONE_HUNDRED;
    let mut band_d = scenario.precept.band_d.value.0;
    let mut gbp = YearValues::new();
    let mut pct = YearValues::new();
    for year in scenario.horizon.year_list().into_iter().skip(1) {
        let rise = match (
            scenario.precept.rise_gbp.value.get(year),
            scenario.precept.rise_pct.value.get(year),
        ) {
            (Some(g), _) => g,
            (None, Some(p)) => crate::model::round_money(
                band_d
                    .checked_mul(p)
                    .and_then(|x| x.checked_div(hundred))
                    .unwrap_or_default(),
            ),
            (None, None) => Decimal::ZERO,
        };
        let as_pct = if band_d.is_zero() {
            Decimal::ZERO
        } else {
            crate::model::money::round_to(
                rise.checked_mul(hundred)
                    .and_then(|x| x.checked_div(band_d))
                    .unwrap_or_default(),
                2,
            )
        };
        gbp.set(year, rise);
        pct.set(year, as_pct);
        band_d = band_d.checked_add(rise).unwrap_or(band_d);
    }
    if to_percent {
        s.precept.rise_pct.value = pct;
        s.precept.rise_gbp.value = YearValues::new();
    } else {
        s.precept.rise_gbp.value = gbp;
        s.precept.rise_pct.value = YearValues::new();
    }
    s
}

/// How an expenditure line moves after the base year, in a finance lead's words.
pub fn expenditure_driver_text(driver: &Driver) -> String {
    use crate::model::scenario::PayGroup;
    use crate::model::workforce::Group;
    match driver {
        Driver::PayAward { group, drift } => {
            let who = match group {
                PayGroup::Officers => "officer",
                PayGroup::Staff => "staff",
            };
            if *drift {
                format!("Later years: the {who} pay award plus pay drift.")
            } else {
                format!("Later years: the {who} pay award.")
            }
        }
        Driver::NonPayInflation => "Later years: non-pay inflation.".into(),
        Driver::FlatCash => "Later years: flat cash.".into(),
        Driver::Growth { .. } => "Later years: its own growth rate.".into(),
        Driver::Explicit { .. } => "Later years: amounts set year by year.".into(),
        Driver::Workforce { group } => {
            let who = match group {
                Group::Officers => "officers",
                Group::Staff => "police staff",
                Group::Pcsos => "PCSOs",
            };
            format!("Later years: the workforce plan's {who} pay cost (Workforce and Uplift).")
        }
        Driver::CollaborationContribution => {
            "Later years: the collaboration register (Collaborations).".into()
        }
        Driver::CollaborationCapitalFinancing => {
            "Later years: the joint headquarters' financing in the collaboration register.".into()
        }
    }
}

/// How a funding line moves after the base year, in a finance lead's words.
pub fn funding_driver_text(driver: &FundingDriver) -> String {
    match driver {
        FundingDriver::FlatCash => "Later years: flat cash.".into(),
        FundingDriver::Growth { .. } => "Later years: its growth rate below.".into(),
        FundingDriver::Explicit { .. } => "Later years: amounts set year by year.".into(),
        FundingDriver::UpliftGrant => {
            "Later years: the grant due under the Uplift rules (Workforce and Uplift).".into()
        }
    }
}
