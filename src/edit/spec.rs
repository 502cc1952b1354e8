//! What each field is called, in what unit, within what range, from what source; and
//! its current value.

use rust_decimal::Decimal;

use super::{quick, teams, Field, FieldSpec, FieldUnit, BILLION};
use crate::model::dec::YearValues;
use crate::model::scenario::{FundingDriver, Scenario, MAX_YEARS, MIN_YEARS};
use crate::model::FinancialYear;

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
        Field::HorizonYears => FieldSpec::new(
            "Plan length",
            FieldUnit::Years,
            MIN_YEARS.into(),
            MAX_YEARS.into(),
            None,
        ),
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
