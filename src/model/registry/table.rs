//! The registry's entries: one per [`Kind`], in one `match` with no wildcard arm.
//!
//! Ranges are the assumption panel's: wide enough for any plausible plan, narrower than
//! validation's hard limits (docs/model.md §8). Swings and uncertainty ranges are planning
//! defaults for analysis, each with its basis; "estimate" marks a judgement rather than a
//! published figure (facts: `shared/reference/nottinghamshire-facts.md`).

use rust_decimal::Decimal;

use super::access::{self, in_table, set_in_table, MISSING};
use super::{
    About, Analysis, Change, Def, Kind, Point, Section, Spread, Swing, Target, Targets,
    Uncertainty, Unit, Years,
};
use crate::model::dec::Dec;
use crate::model::scenario::{Driver, FundingDriver, SavingKind, Scenario};

fn d(v: i64) -> Decimal {
    Decimal::from(v)
}

/// A figure with one decimal place: `tenth(25)` is 2.5.
fn tenth(v: i64) -> Decimal {
    Decimal::new(v, 1)
}

const BILLION: i64 = 1_000_000_000;

fn point(value: Decimal, basis: &'static str) -> Point {
    Point { value, basis }
}

fn varied(
    swing: Change,
    swing_basis: &'static str,
    spread: Spread,
    low: Point,
    likely: Point,
    high: Point,
) -> Analysis {
    Analysis::Varied {
        swing: Swing {
            change: swing,
            basis: swing_basis,
        },
        uncertainty: Uncertainty {
            spread,
            low,
            likely,
            high,
        },
    }
}

fn always(_: &Scenario, _: &Target) -> bool {
    true
}

/// The definition of `kind`.
pub(super) fn def(kind: Kind) -> Def {
    match kind {
        Kind::OfficerPayAward => Def {
            kind,
            key: "officer_pay_award",
            label: "Officer pay award",
            instance: "Officer pay award",
            note: "from 1 September",
            unit: Unit::Percent,
            min: d(-20),
            max: d(30),
            years: Years::All,
            targets: Targets::Plan,
            section: Section::Pay,
            dom: "officer-award",
            get: |s, _, y| in_table(&s.assumptions.officer_pay_award_pct.value, y),
            set: |s, _, y, v| set_in_table(&mut s.assumptions.officer_pay_award_pct.value, y, v),
            source: |s, _| Some(&s.assumptions.officer_pay_award_pct.source),
            applies: always,
        },
        Kind::StaffPayAward => Def {
            kind,
            key: "staff_pay_award",
            label: "Staff pay award",
            instance: "Staff pay award",
            note: "from 1 September",
            unit: Unit::Percent,
            min: d(-20),
            max: d(30),
            years: Years::All,
            targets: Targets::Plan,
            section: Section::Pay,
            dom: "staff-award",
            get: |s, _, y| in_table(&s.assumptions.staff_pay_award_pct.value, y),
            set: |s, _, y, v| set_in_table(&mut s.assumptions.staff_pay_award_pct.value, y, v),
            source: |s, _| Some(&s.assumptions.staff_pay_award_pct.source),
            applies: always,
        },
        Kind::PayDrift => Def {
            kind,
            key: "pay_drift",
            label: "Pay drift",
            instance: "Pay drift",
            note: "",
            unit: Unit::Percent,
            min: d(-10),
            max: d(10),
            years: Years::Later,
            targets: Targets::Plan,
            section: Section::Pay,
            dom: "pay-drift",
            get: |s, _, y| in_table(&s.assumptions.pay_drift_pct.value, y),
            set: |s, _, y, v| set_in_table(&mut s.assumptions.pay_drift_pct.value, y, v),
            source: |s, _| Some(&s.assumptions.pay_drift_pct.source),
            applies: always,
        },
        Kind::NonPayInflation => Def {
            kind,
            key: "non_pay_inflation",
            label: "Non-pay inflation",
            instance: "Non-pay inflation",
            note: "",
            unit: Unit::Percent,
            min: d(-20),
            max: d(50),
            years: Years::Later,
            targets: Targets::Plan,
            section: Section::Pay,
            dom: "inflation",
            get: |s, _, y| in_table(&s.assumptions.non_pay_inflation_pct.value, y),
            set: |s, _, y, v| set_in_table(&mut s.assumptions.non_pay_inflation_pct.value, y, v),
            source: |s, _| Some(&s.assumptions.non_pay_inflation_pct.source),
            applies: always,
        },
        Kind::BandD => Def {
            kind,
            key: "band_d",
            label: "Band D",
            instance: "Band D",
            note: "",
            unit: Unit::Pounds,
            min: d(1),
            max: d(5_000),
            years: Years::BaseYear,
            targets: Targets::Plan,
            section: Section::Precept,
            dom: "band-d",
            get: |s, _, _| Some(s.precept.band_d.value.0),
            set: |s, _, _, v| {
                s.precept.band_d.value = Dec(v);
                Ok(())
            },
            source: |s, _| Some(&s.precept.band_d.source),
            applies: always,
        },
        Kind::BandDRiseGbp => Def {
            kind,
            key: "band_d_rise_gbp",
            label: "Band D rise",
            instance: "Band D rise",
            note: "",
            unit: Unit::Pounds,
            min: d(-500),
            max: d(500),
            years: Years::Later,
            targets: Targets::Plan,
            section: Section::Precept,
            dom: "precept-rise-gbp",
            // A year whose rise is given in % has no £ rise to read.
            get: |s, _, y| match y {
                Some(y) if s.precept.rise_pct.value.get(y).is_some() => None,
                _ => in_table(&s.precept.rise_gbp.value, y),
            },
            set: |s, _, y, v| {
                set_in_table(&mut s.precept.rise_gbp.value, y, v)?;
                if let Some(y) = y {
                    s.precept.rise_pct.value.0.remove(&y);
                }
                Ok(())
            },
            source: |s, _| Some(&s.precept.rise_gbp.source),
            applies: always,
        },
        Kind::BandDRisePct => Def {
            kind,
            key: "band_d_rise_pct",
            label: "Band D rise",
            instance: "Band D rise",
            note: "",
            unit: Unit::Percent,
            min: d(-50),
            max: d(100),
            years: Years::Later,
            targets: Targets::Plan,
            section: Section::Precept,
            dom: "precept-rise-pct",
            // A year whose rise is given in £ has no % rise to read.
            get: |s, _, y| match y {
                Some(y) if s.precept.rise_gbp.value.get(y).is_some() => None,
                _ => in_table(&s.precept.rise_pct.value, y),
            },
            set: |s, _, y, v| {
                set_in_table(&mut s.precept.rise_pct.value, y, v)?;
                if let Some(y) = y {
                    s.precept.rise_gbp.value.0.remove(&y);
                }
                Ok(())
            },
            source: |s, _| Some(&s.precept.rise_pct.source),
            applies: always,
        },
        Kind::TaxBase => Def {
            kind,
            key: "tax_base",
            label: "Tax base",
            instance: "Tax base",
            note: "",
            unit: Unit::Properties,
            min: d(1),
            max: d(10_000_000),
            years: Years::BaseYear,
            targets: Targets::Plan,
            section: Section::Precept,
            dom: "tax-base",
            get: |s, _, _| Some(s.precept.tax_base.value.0),
            set: |s, _, _, v| {
                s.precept.tax_base.value = Dec(v);
                Ok(())
            },
            source: |s, _| Some(&s.precept.tax_base.source),
            applies: always,
        },
        Kind::TaxBaseGrowth => Def {
            kind,
            key: "tax_base_growth",
            label: "Tax base growth",
            instance: "Tax base growth",
            note: "",
            unit: Unit::Percent,
            min: d(-20),
            max: d(20),
            years: Years::Later,
            targets: Targets::Plan,
            section: Section::Precept,
            dom: "tax-base-growth",
            get: |s, _, y| in_table(&s.precept.tax_base_growth_pct.value, y),
            set: |s, _, y, v| set_in_table(&mut s.precept.tax_base_growth_pct.value, y, v),
            source: |s, _| Some(&s.precept.tax_base_growth_pct.source),
            applies: always,
        },
        Kind::ReferendumLimit => Def {
            kind,
            key: "referendum_limit",
            label: "Referendum limit",
            instance: "Referendum limit",
            note: "",
            unit: Unit::Pounds,
            min: d(0),
            max: d(100_000),
            years: Years::Later,
            targets: Targets::Plan,
            section: Section::Precept,
            dom: "referendum-limit",
            get: |s, _, y| y.and_then(|y| s.precept.referendum_limit_gbp.value.get(y)),
            set: |s, _, y, v| set_in_table(&mut s.precept.referendum_limit_gbp.value, y, v),
            source: |s, _| Some(&s.precept.referendum_limit_gbp.source),
            applies: always,
        },
        Kind::FundingBase => Def {
            kind,
            key: "funding_base",
            label: "Funding line",
            instance: "{name}",
            note: "",
            unit: Unit::Pounds,
            min: d(-BILLION),
            max: d(BILLION),
            years: Years::BaseYear,
            targets: Targets::Funding,
            section: Section::Funding,
            dom: "funding-{id}",
            get: |s, t, _| access::funding(s, t).map(|l| l.base_amount),
            set: |s, t, _, v| {
                access::funding_mut(s, t)?.base_amount = v;
                Ok(())
            },
            source: |s, t| access::funding(s, t).map(|l| &l.source),
            applies: always,
        },
        Kind::FundingGrowth => Def {
            kind,
            key: "funding_growth",
            label: "Grant growth",
            instance: "{name} growth",
            note: "",
            unit: Unit::Percent,
            min: d(-50),
            max: d(50),
            years: Years::Later,
            targets: Targets::Funding,
            section: Section::Funding,
            dom: "funding-{id}-growth",
            get: |s, t, y| match (access::funding(s, t).map(|l| &l.driver), y) {
                (Some(FundingDriver::Growth { growth_pct }), Some(y)) => {
                    Some(growth_pct.get_or_zero(y))
                }
                _ => None,
            },
            set: |s, t, y, v| match &mut access::funding_mut(s, t)?.driver {
                FundingDriver::Growth { growth_pct } => set_in_table(growth_pct, y, v),
                _ => Err("This line does not grow by a percentage".into()),
            },
            source: |s, t| access::funding(s, t).map(|l| &l.source),
            applies: |s, t| {
                matches!(
                    access::funding(s, t).map(|l| &l.driver),
                    Some(FundingDriver::Growth { .. })
                )
            },
        },
        Kind::FundingAmount => Def {
            kind,
            key: "funding_amount",
            label: "Funding set by year",
            instance: "{name}",
            note: "",
            unit: Unit::Pounds,
            min: d(-BILLION),
            max: d(BILLION),
            years: Years::Later,
            targets: Targets::Funding,
            section: Section::Funding,
            dom: "funding-{id}-amount",
            get: |s, t, y| match (access::funding(s, t).map(|l| &l.driver), y) {
                (Some(FundingDriver::Explicit { amounts }), Some(y)) => amounts.get(y),
                _ => None,
            },
            set: |s, t, y, v| match &mut access::funding_mut(s, t)?.driver {
                FundingDriver::Explicit { amounts } => set_in_table(amounts, y, v),
                _ => Err("This line is not set year by year".into()),
            },
            source: |s, t| access::funding(s, t).map(|l| &l.source),
            applies: |s, t| {
                matches!(
                    access::funding(s, t).map(|l| &l.driver),
                    Some(FundingDriver::Explicit { .. })
                )
            },
        },
        Kind::ExpenditureBase => Def {
            kind,
            key: "spending_base",
            label: "Spending line",
            instance: "{name}",
            note: "",
            unit: Unit::Pounds,
            min: d(-BILLION),
            max: d(BILLION),
            years: Years::BaseYear,
            targets: Targets::Expenditure,
            section: Section::Spending,
            dom: "spend-{id}",
            get: |s, t, _| access::expenditure(s, t).map(|l| l.base_amount),
            set: |s, t, _, v| {
                access::expenditure_mut(s, t)?.base_amount = v;
                Ok(())
            },
            source: |s, t| access::expenditure(s, t).map(|l| &l.source),
            applies: always,
        },
        Kind::ExpenditureGrowth => Def {
            kind,
            key: "spending_growth",
            label: "Spending growth",
            instance: "{name} growth",
            note: "",
            unit: Unit::Percent,
            min: d(-50),
            max: d(50),
            years: Years::Later,
            targets: Targets::Expenditure,
            section: Section::Spending,
            dom: "spend-{id}-growth",
            get: |s, t, y| match (access::expenditure(s, t).map(|l| &l.driver), y) {
                (Some(Driver::Growth { growth_pct }), Some(y)) => Some(growth_pct.get_or_zero(y)),
                _ => None,
            },
            set: |s, t, y, v| match &mut access::expenditure_mut(s, t)?.driver {
                Driver::Growth { growth_pct } => set_in_table(growth_pct, y, v),
                _ => Err("This line does not grow by a percentage".into()),
            },
            source: |s, t| access::expenditure(s, t).map(|l| &l.source),
            applies: |s, t| {
                matches!(
                    access::expenditure(s, t).map(|l| &l.driver),
                    Some(Driver::Growth { .. })
                )
            },
        },
        Kind::ExpenditureAmount => Def {
            kind,
            key: "spending_amount",
            label: "Spending set by year",
            instance: "{name}",
            note: "",
            unit: Unit::Pounds,
            min: d(-BILLION),
            max: d(BILLION),
            years: Years::Later,
            targets: Targets::Expenditure,
            section: Section::Spending,
            dom: "spend-{id}-amount",
            get: |s, t, y| match (access::expenditure(s, t).map(|l| &l.driver), y) {
                (Some(Driver::Explicit { amounts }), Some(y)) => amounts.get(y),
                _ => None,
            },
            set: |s, t, y, v| match &mut access::expenditure_mut(s, t)?.driver {
                Driver::Explicit { amounts } => set_in_table(amounts, y, v),
                _ => Err("This line is not set year by year".into()),
            },
            source: |s, t| access::expenditure(s, t).map(|l| &l.source),
            applies: |s, t| {
                matches!(
                    access::expenditure(s, t).map(|l| &l.driver),
                    Some(Driver::Explicit { .. })
                )
            },
        },
        Kind::ExpenditurePressure => Def {
            kind,
            key: "spending_pressure",
            label: "Spending pressure",
            instance: "{name} pressure",
            note: "",
            unit: Unit::Pounds,
            min: d(-BILLION),
            max: d(BILLION),
            years: Years::Later,
            targets: Targets::Expenditure,
            section: Section::Spending,
            dom: "spend-{id}-pressure",
            get: |s, t, y| access::expenditure(s, t).and_then(|l| in_table(&l.pressures, y)),
            set: |s, t, y, v| set_in_table(&mut access::expenditure_mut(s, t)?.pressures, y, v),
            source: |s, t| access::expenditure(s, t).map(|l| &l.source),
            applies: |s, t| access::expenditure(s, t).is_some_and(|l| l.driver.rolls_forward()),
        },
        Kind::Saving => Def {
            kind,
            key: "saving",
            label: "Saving",
            instance: "{name}",
            note: "",
            unit: Unit::Pounds,
            min: d(0),
            max: d(BILLION),
            years: Years::All,
            targets: Targets::Saving,
            section: Section::Savings,
            dom: "saving-{id}",
            get: |s, t, y| access::saving(s, t).and_then(|x| in_table(&x.amounts, y)),
            set: |s, t, y, v| set_in_table(&mut access::saving_mut(s, t)?.amounts, y, v),
            source: |s, t| access::saving(s, t).map(|x| &x.source),
            applies: |s, t| {
                access::saving(s, t).is_some_and(|x| x.kind != SavingKind::Collaborations)
            },
        },
        Kind::GeneralReserve => Def {
            kind,
            key: "general_reserve",
            label: "General reserve at start",
            instance: "General reserve at start",
            note: "",
            unit: Unit::Pounds,
            min: d(0),
            max: d(BILLION),
            years: Years::BaseYear,
            targets: Targets::Plan,
            section: Section::Savings,
            dom: "general-opening",
            get: |s, _, _| Some(s.reserves.general_opening.value.0),
            set: |s, _, _, v| {
                s.reserves.general_opening.value = Dec(v);
                Ok(())
            },
            source: |s, _| Some(&s.reserves.general_opening.source),
            applies: always,
        },
        Kind::EarmarkedReserves => Def {
            kind,
            key: "earmarked_reserves",
            label: "Earmarked reserves at start",
            instance: "Earmarked reserves at start",
            note: "",
            unit: Unit::Pounds,
            min: d(0),
            max: d(BILLION),
            years: Years::BaseYear,
            targets: Targets::Plan,
            section: Section::Savings,
            dom: "earmarked-opening",
            get: |s, _, _| Some(s.reserves.earmarked_opening.value.0),
            set: |s, _, _, v| {
                s.reserves.earmarked_opening.value = Dec(v);
                Ok(())
            },
            source: |s, _| Some(&s.reserves.earmarked_opening.source),
            applies: always,
        },
        Kind::ReserveFloor => Def {
            kind,
            key: "reserve_floor",
            label: "General reserve floor",
            instance: "General reserve floor",
            note: "% of net revenue spend",
            unit: Unit::Percent,
            min: d(0),
            max: d(25),
            years: Years::Single,
            targets: Targets::Plan,
            section: Section::Savings,
            dom: "floor-pct",
            get: |s, _, _| Some(s.reserves.floor_pct.value.0),
            set: |s, _, _, v| {
                s.reserves.floor_pct.value = Dec(v);
                Ok(())
            },
            source: |s, _| Some(&s.reserves.floor_pct.source),
            applies: always,
        },
        Kind::PlannedUseGeneral => Def {
            kind,
            key: "planned_use_general",
            label: "Planned use of general reserve",
            instance: "Planned use of general reserve",
            note: "",
            unit: Unit::Pounds,
            min: d(-BILLION),
            max: d(BILLION),
            years: Years::All,
            targets: Targets::Plan,
            section: Section::Savings,
            dom: "planned-use",
            get: |s, _, y| in_table(&s.reserves.planned_use_general.value, y),
            set: |s, _, y, v| set_in_table(&mut s.reserves.planned_use_general.value, y, v),
            source: |s, _| Some(&s.reserves.planned_use_general.source),
            applies: always,
        },
        Kind::PlannedUseEarmarked => Def {
            kind,
            key: "planned_use_earmarked",
            label: "Planned use of earmarked reserves",
            instance: "Planned use of earmarked reserves",
            note: "",
            unit: Unit::Pounds,
            min: d(-BILLION),
            max: d(BILLION),
            years: Years::All,
            targets: Targets::Plan,
            section: Section::Savings,
            dom: "planned-use-earmarked",
            get: |s, _, y| in_table(&s.reserves.planned_use_earmarked.value, y),
            set: |s, _, y, v| set_in_table(&mut s.reserves.planned_use_earmarked.value, y, v),
            source: |s, _| Some(&s.reserves.planned_use_earmarked.source),
            applies: always,
        },
        Kind::Attrition => Def {
            kind,
            key: "attrition",
            label: "Leavers",
            instance: "{name} leaving each year",
            note: "",
            unit: Unit::Percent,
            min: d(0),
            max: d(100),
            years: Years::Single,
            targets: Targets::Group,
            section: Section::Workforce,
            dom: "attrition-{id}",
            get: |s, t, _| access::group(s, t).map(|g| g.attrition_pct),
            set: |s, t, _, v| {
                access::group_mut(s, t)?.attrition_pct = v;
                Ok(())
            },
            source: |s, t| match t {
                Target::Group(g) => {
                    access::workforce_source(s, &format!("{}.attrition_pct", g.key()))
                }
                _ => None,
            },
            applies: |s, _| s.workforce.is_some(),
        },
        Kind::Recruits => Def {
            kind,
            key: "recruits",
            label: "Recruits",
            instance: "{name} recruits",
            note: "",
            unit: Unit::People,
            min: d(0),
            max: d(5_000),
            years: Years::All,
            targets: Targets::Group,
            section: Section::Workforce,
            dom: "intake-{id}",
            get: |s, t, y| match (access::group(s, t), y) {
                (Some(g), Some(y)) => Some(access::recruits(g, y)),
                _ => None,
            },
            set: |s, t, y, v| {
                let y = y.ok_or("Recruits are set year by year")?;
                access::set_recruits(access::group_mut(s, t)?, y, v);
                Ok(())
            },
            source: |s, t| match t {
                Target::Group(g) => access::workforce_source(s, &format!("{}.intakes", g.key())),
                _ => None,
            },
            applies: |s, _| s.workforce.is_some(),
        },
        Kind::UpliftTarget => Def {
            kind,
            key: "uplift_target",
            label: "Uplift target",
            instance: "Uplift target",
            note: "",
            unit: Unit::People,
            min: d(0),
            max: d(50_000),
            years: Years::All,
            targets: Targets::Plan,
            section: Section::Workforce,
            dom: "uplift-target",
            get: |s, _, y| y.and_then(|y| access::uplift(s)?.target(y).ok().flatten()),
            set: |s, _, y, v| set_in_table(&mut access::uplift_mut(s)?.targets, y, v),
            source: |s, _| access::workforce_source(s, "uplift.targets"),
            applies: |s, _| access::uplift(s).is_some(),
        },
        Kind::CollaborationCost => Def {
            kind,
            key: "collaboration_cost",
            label: "Collaboration cost",
            instance: "{name} total cost",
            note: "",
            unit: Unit::Pounds,
            min: d(0),
            max: d(BILLION),
            years: Years::All,
            targets: Targets::Collaboration,
            section: Section::Collaborations,
            dom: "collab-{id}",
            get: |s, t, y| match (access::revenue(s, t), y) {
                (Some(c), Some(y)) => c.total_cost.full_year(y, "").ok(),
                _ => None,
            },
            set: |s, t, y, v| {
                set_in_table(&mut access::revenue_mut(s, t)?.total_cost.by_year, y, v)
            },
            source: |s, t| access::revenue(s, t).map(|c| &c.total_cost.source),
            applies: access::is_running,
        },
        Kind::CapitalShare => Def {
            kind,
            key: "capital_share",
            label: "Share of a shared building",
            instance: "{name} share",
            note: "",
            unit: Unit::Percent,
            min: d(0),
            max: d(100),
            years: Years::Single,
            targets: Targets::Partner,
            section: Section::Collaborations,
            dom: "capital-{id}-share-{i}",
            get: |s, t, _| match t {
                Target::Partner(_, i) => access::capital(s, t)?
                    .sharing
                    .partners
                    .get(*i)
                    .map(|p| p.weight),
                _ => None,
            },
            set: |s, t, _, v| match t {
                Target::Partner(_, i) => {
                    access::capital_mut(s, t)?
                        .sharing
                        .partners
                        .get_mut(*i)
                        .ok_or(MISSING)?
                        .weight = v;
                    Ok(())
                }
                _ => Err(MISSING.into()),
            },
            source: |s, t| match t {
                Target::Partner(_, i) => access::capital(s, t)?
                    .sharing
                    .partners
                    .get(*i)
                    .map(|p| &p.source),
                _ => None,
            },
            applies: always,
        },
        Kind::CapitalInterest => Def {
            kind,
            key: "capital_interest",
            label: "Interest on shared buildings",
            instance: "{name}: interest rate on the borrowing",
            note: "",
            unit: Unit::Percent,
            min: d(0),
            max: d(100),
            years: Years::Single,
            targets: Targets::Capital,
            section: Section::Collaborations,
            dom: "capital-{id}-interest",
            get: |s, t, _| access::capital(s, t).map(|c| c.interest_pct),
            set: |s, t, _, v| {
                access::capital_mut(s, t)?.interest_pct = v;
                Ok(())
            },
            source: |s, t| access::capital(s, t).map(|c| &c.interest_source),
            applies: always,
        },
    }
}

/// What `kind` means, where it is in a scenario file, and its analysis defaults: apart
/// from [`def`], so the app (which shows none of it) does not carry the text.
pub(super) fn about(kind: Kind) -> About {
    match kind {
        Kind::OfficerPayAward => About {
            detail: "Police officer pay award, effective 1 September: 7/12 of it falls in its financial year, 5/12 in the next",
            path: "assumptions.officer_pay_award_pct.value",
            analysis: varied(
                Change::By(d(1)),
                "one percentage point, the unit budget books quote (\"1% on pay = £X m\")",
                Spread::Value,
                point(d(0), "2021/22: a pay freeze (£250 for those earning under £24k), the lowest award of 2015-2025 (Home Office)"),
                point(tenth(25), "2.5%: the planning assumption forces budget (baseline 2024/25 and 2025/26; ministers proposed 2.8% for 2025/26)"),
                point(d(7), "2023/24: 7%, the highest award of 2015-2025 (Home Office)"),
            ),
        },
        Kind::StaffPayAward => About {
            detail: "Police staff (and PCSO) pay award, effective 1 September like the officers'",
            path: "assumptions.staff_pay_award_pct.value",
            analysis: varied(
                Change::By(d(1)),
                "one percentage point, as for officers",
                Spread::Value,
                point(d(0), "2021/22: a freeze, as for officers (estimate)"),
                point(tenth(25), "2.5%: the planning assumption, as for officers (baseline)"),
                point(d(7), "2023/24: 7% (Police Staff Council)"),
            ),
        },
        Kind::PayDrift => About {
            detail: "Incremental drift: the rise in the pay bill as people move up their scales, on pay lines that ask for it",
            path: "assumptions.pay_drift_pct.value",
            analysis: varied(
                Change::By(tenth(5)),
                "half a percentage point: half the usual drift",
                Spread::Value,
                point(tenth(5), "half the usual drift, as when few staff are below the top of their scale (estimate)"),
                point(d(1), "about 1% of pay a year (facts file: usual MTFP mechanics)"),
                point(tenth(15), "half as much again, as when many recent recruits climb their scales (estimate)"),
            ),
        },
        Kind::NonPayInflation => About {
            detail: "General inflation on lines driven by non-pay inflation (premises, transport, supplies, ICT)",
            path: "assumptions.non_pay_inflation_pct.value",
            analysis: varied(
                Change::By(d(1)),
                "one percentage point",
                Spread::Value,
                point(d(1), "1%: below the 2% target, as in 2015-2020 (estimate)"),
                point(d(2), "2%: the Bank of England's target; the 2018/19 planning assumption (facts file)"),
                point(tenth(75), "7.5%: 2023/24, consistent with the published £4m inflation pressure (baseline estimate)"),
            ),
        },
        Kind::BandD => About {
            detail: "Band D council tax for policing in the base year, £ a year",
            path: "precept.band_d.value",
            analysis: Analysis::Fixed {
                reason: "set and published for the base year",
            },
        },
        Kind::BandDRiseGbp => About {
            detail: "The rise on last year's Band D in £ (a year has a £ or a % rise, not both)",
            path: "precept.rise_gbp.value",
            analysis: varied(
                Change::By(d(1)),
                "£1 on Band D, the unit budget books quote (about £0.33m for Nottinghamshire in 2023/24, facts file)",
                Spread::By,
                point(d(-5), "£5 below plan: referendum limits were £10 in 2020/21 and 2022/23 against £15 in 2021/22 and 2023/24 (facts file)"),
                point(d(0), "the plan's rise"),
                point(d(2), "£2 above plan: limits of £13 to £15 in 2024/25 to 2026/27 leave little room above a plan near the limit (facts file)"),
            ),
        },
        Kind::BandDRisePct => About {
            detail: "The rise on last year's Band D in % (Band D then rounded to the penny)",
            path: "precept.rise_pct.value",
            analysis: varied(
                Change::By(tenth(5)),
                "half a percentage point (about £1.30 on a £270 Band D)",
                Spread::By,
                point(d(-2), "two points below plan: limits of £10 against £15 (facts file)"),
                point(d(0), "the plan's rise"),
                point(tenth(5), "half a point above plan (estimate)"),
            ),
        },
        Kind::TaxBase => About {
            detail: "Band D equivalent properties in the base year",
            path: "precept.tax_base.value",
            analysis: varied(
                Change::Percent(d(1)),
                "1% on the tax base, the unit budget books quote",
                Spread::Percent,
                point(d(-1), "1% below: the baseline's base-year figure is an estimate"),
                point(d(0), "the plan's figure"),
                point(d(1), "1% above (estimate)"),
            ),
        },
        Kind::TaxBaseGrowth => About {
            detail: "Growth in Band D equivalent properties",
            path: "precept.tax_base_growth_pct.value",
            analysis: varied(
                Change::By(tenth(5)),
                "half a percentage point",
                Spread::Value,
                point(d(0), "no growth, as when building stalls or collection falls (estimate)"),
                point(d(1), "about 1% a year (2022/23 0.76%, 2023/24 about 0.8%: facts file and baseline)"),
                point(tenth(15), "1.5%: above the 2018/19 planning assumption of 1.3% (facts file)"),
            ),
        },
        Kind::ReferendumLimit => About {
            detail: "The largest Band D rise without a referendum, £ (a rise above it is flagged, not refused)",
            path: "precept.referendum_limit_gbp.value",
            analysis: Analysis::Fixed {
                reason: "set by the government for each year; it flags a rise but moves no figure",
            },
        },
        Kind::FundingBase => About {
            detail: "A funding line's amount in the base year, £",
            path: "funding[{id}].base_amount",
            analysis: Analysis::Fixed {
                reason: "the base year's budget is set",
            },
        },
        Kind::FundingGrowth => About {
            detail: "A funding line's growth % (lines that grow by a rate)",
            path: "funding[{id}].driver.growth_pct",
            analysis: varied(
                Change::By(d(1)),
                "one percentage point of grant growth",
                Spread::By,
                point(d(-2), "two points below plan: a settlement near flat cash after a planned rise (2023/24's +£174m nationally against +£550m in 2022/23, facts file)"),
                point(d(0), "the plan's growth"),
                point(d(1), "a point above plan: a settlement with a top-up (2025/26 recruitment top-up, facts file)"),
            ),
        },
        Kind::FundingAmount => About {
            detail: "A funding line's amount in a year, for lines set year by year (a year not listed keeps the year before's)",
            path: "funding[{id}].driver.amounts",
            analysis: varied(
                Change::Percent(d(1)),
                "1% of the amount",
                Spread::Percent,
                point(d(-5), "5% below (estimate)"),
                point(d(0), "the plan's amount"),
                point(d(5), "5% above (estimate)"),
            ),
        },
        Kind::ExpenditureBase => About {
            detail: "An expenditure line's budget in the base year, £",
            path: "expenditure[{id}].base_amount",
            analysis: Analysis::Fixed {
                reason: "the base year's budget is set",
            },
        },
        Kind::ExpenditureGrowth => About {
            detail: "An expenditure line's own growth % (lines that grow by a rate)",
            path: "expenditure[{id}].driver.growth_pct",
            analysis: varied(
                Change::By(d(1)),
                "one percentage point",
                Spread::By,
                point(d(-1), "a point below plan (estimate)"),
                point(d(0), "the plan's growth"),
                point(d(2), "two points above plan (estimate)"),
            ),
        },
        Kind::ExpenditureAmount => About {
            detail: "An expenditure line's amount in a year, for lines set year by year (a year not listed keeps the year before's)",
            path: "expenditure[{id}].driver.amounts",
            analysis: varied(
                Change::Percent(d(1)),
                "1% of the amount",
                Spread::Percent,
                point(d(-5), "5% below (estimate)"),
                point(d(0), "the plan's amount"),
                point(d(10), "10% above: contracts and ICT often rise faster than general inflation (facts file)"),
            ),
        },
        Kind::ExpenditurePressure => About {
            detail: "An unavoidable cost or investment added to a line in a year and carried, growing with it, into later years",
            path: "expenditure[{id}].pressures",
            analysis: varied(
                Change::Percent(d(10)),
                "a tenth of the pressure",
                Spread::Percent,
                point(d(-25), "a quarter smaller (estimate)"),
                point(d(0), "the plan's pressure"),
                point(d(50), "half as large again: Nottinghamshire's pressures were £17m in 2023/24 and £27m in 2025/26 (facts file)"),
            ),
        },
        Kind::Saving => About {
            detail: "A saving's new amount in a year, £ (recurring: taken in that year and every later one)",
            path: "savings[{id}].amounts",
            analysis: varied(
                Change::Percent(d(10)),
                "a tenth of the saving",
                Spread::Percent,
                point(d(-50), "half delivered: savings plans often slip (estimate)"),
                point(d(0), "delivered as planned"),
                point(d(0), "no more than planned"),
            ),
        },
        Kind::GeneralReserve => About {
            detail: "The general reserve at the start of the base year, £",
            path: "reserves.general_opening.value",
            analysis: Analysis::Fixed {
                reason: "the balance at the start of the plan, from the accounts",
            },
        },
        Kind::EarmarkedReserves => About {
            detail: "Earmarked reserves at the start of the base year, £",
            path: "reserves.earmarked_opening.value",
            analysis: Analysis::Fixed {
                reason: "the balance at the start of the plan, from the accounts",
            },
        },
        Kind::ReserveFloor => About {
            detail: "The general reserve must stay at or above this % of the year's net revenue spend",
            path: "reserves.floor_pct.value",
            analysis: Analysis::Fixed {
                reason: "a policy the PCC sets (2-3% of net revenue spend is common, facts file)",
            },
        },
        Kind::PlannedUseGeneral => About {
            detail: "Drawn from the general reserve towards the gap, £ (negative: a contribution)",
            path: "reserves.planned_use_general.value",
            analysis: Analysis::Fixed {
                reason: "a decision, not an estimate",
            },
        },
        Kind::PlannedUseEarmarked => About {
            detail: "Drawn from earmarked reserves towards the gap, £ (negative: a contribution)",
            path: "reserves.planned_use_earmarked.value",
            analysis: Analysis::Fixed {
                reason: "a decision, not an estimate",
            },
        },
        Kind::Attrition => About {
            detail: "A group's leavers other than planned retirements, % of the headcount at the start of each year",
            path: "workforce.{id}.attrition_pct",
            analysis: varied(
                Change::By(d(1)),
                "one percentage point of the headcount",
                Spread::By,
                point(d(-1), "a point below plan (estimate)"),
                point(d(0), "the plan's rate"),
                point(d(2), "two points above plan, as when a tight labour market draws people out (estimate)"),
            ),
        },
        Kind::Recruits => About {
            detail: "People a group takes on in a year, spread over the year's intakes (a year with none gets one in September)",
            path: "workforce.{id}.intakes",
            analysis: varied(
                Change::By(d(10)),
                "10 people (\"10 officers\", as budget books quote it)",
                Spread::Percent,
                point(d(-20), "a fifth short of plan, as when recruitment falls behind (estimate)"),
                point(d(0), "the plan's intake"),
                point(d(10), "a tenth above plan (estimate)"),
            ),
        },
        Kind::UpliftTarget => About {
            detail: "Operation Uplift's officer headcount target at 31 March (the grant is paid against it)",
            path: "workforce.uplift.targets",
            analysis: Analysis::Fixed {
                reason: "set by the Home Office",
            },
        },
        Kind::CollaborationCost => About {
            detail: "A running or planned collaboration's full-year cost for all partners, £ (the force pays its share)",
            path: "collaborations.collaborations[{id}].total_cost.by_year",
            analysis: varied(
                Change::Percent(d(10)),
                "a tenth of the cost",
                Spread::Percent,
                point(d(-5), "5% below plan (estimate)"),
                point(d(0), "the plan's cost"),
                point(d(15), "15% above plan: regional units' budgets have grown faster than inflation (estimate)"),
            ),
        },
        Kind::CapitalShare => About {
            detail: "A partner's share of a capital collaboration's cost, % (the shares sum to 100)",
            path: "collaborations.capital[{id}].sharing.partners[{i}].weight",
            analysis: Analysis::Fixed {
                reason: "an agreed split between the partners",
            },
        },
        Kind::CapitalInterest => About {
            detail: "Interest on the outstanding balance of a capital collaboration, % a year",
            path: "collaborations.capital[{id}].interest_pct",
            analysis: varied(
                Change::By(d(1)),
                "one percentage point",
                Spread::By,
                point(tenth(-5), "half a point below (estimate)"),
                point(d(0), "the plan's rate"),
                point(d(2), "two points above: public borrowing rates rose by about three points in 2021-2023 (estimate)"),
            ),
        },
    }
}
