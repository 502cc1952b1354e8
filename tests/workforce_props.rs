//! Property tests: headcount flows balance exactly for any valid plan, FTE never exceeds
//! headcount, and the Uplift grant due plus grant at risk is the grant.

use planner::model::dec::YearValues;
use planner::model::workforce::{
    self, GroupPlan, Intake, PayContext, RuleTable, UpliftPlan, WorkforcePlan,
};
use planner::model::FinancialYear;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn y(start: u16) -> FinancialYear {
    FinancialYear::new(start).unwrap()
}

prop_compose! {
    fn group()(
        heads in 0u32..5000,
        fte_share in 0u32..=100,
        fte_per_head in 1u32..=100,
        attrition_bp in 0u32..=2500,
        retirements in proptest::collection::vec(0u32..40, 6),
        intakes in proptest::collection::vec((0u16..6, 1i64..=12, 0u32..400), 0..10),
        serving in 15_000u32..80_000,
        recruit in 15_000u32..40_000,
        ni_bp in 0u32..1500,
        pension_bp in 0u32..4000,
        years_to_top in 0u32..10,
    ) -> GroupPlan {
        let heads = Decimal::from(heads);
        GroupPlan {
            opening_headcount: heads,
            opening_fte: heads * Decimal::from(fte_share) / Decimal::ONE_HUNDRED,
            fte_per_head: Decimal::from(fte_per_head) / Decimal::ONE_HUNDRED,
            attrition_pct: Decimal::new(i64::from(attrition_bp), 2),
            retirements: YearValues::from_pairs(
                retirements.iter().enumerate().map(|(i, r)| (y(2021 + i as u16), Decimal::from(*r))),
            ),
            intakes: intakes
                .iter()
                .map(|(k, month, count)| Intake {
                    year: y(2021 + k),
                    start_month: *month,
                    count: Decimal::from(*count),
                })
                .collect(),
            serving_pay: Decimal::from(serving),
            recruit_pay: Decimal::from(recruit),
            progression_years: years_to_top,
            progression_pct: YearValues::from_pairs([(y(2022), Decimal::ONE)]),
            employer_ni_pct: YearValues::from_pairs([(y(2021), Decimal::new(i64::from(ni_bp), 2))]),
            employer_pension_pct: YearValues::from_pairs([(y(2021), Decimal::new(i64::from(pension_bp), 2))]),
            training_per_recruit: Decimal::from(3000),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn flows_balance(
        officers in group(),
        staff in group(),
        pcsos in group(),
        award in 0u32..800,
        target in 1u32..6000,
    ) {
        let plan = WorkforcePlan {
            officers,
            staff,
            pcsos,
            uplift: Some(UpliftPlan {
                baseline_headcount: Decimal::ZERO,
                allocation: YearValues::new(),
                targets: YearValues::from_pairs([(y(2021), Decimal::from(target))]),
                grant: YearValues::from_pairs((2021..2027).map(|s| (y(s), Decimal::new(490_000_037, 2)))),
                rules: vec![RuleTable::rule_2022_23(y(2021))],
            }),
            ..WorkforcePlan::default()
        };
        let years: Vec<_> = (2021..2027).map(y).collect();
        let awards = YearValues::from_pairs(years.iter().map(|yr| (*yr, Decimal::new(i64::from(award), 2))));
        let ctx = PayContext { years: &years, officer_award_pct: &awards, staff_award_pct: &awards };
        match workforce::project(&plan, ctx) {
            Ok(p) => {
                prop_assert_eq!(p.groups.len(), 18);
                for r in &p.groups {
                    prop_assert_eq!(r.opening_headcount + r.starters - r.leavers, r.closing_headcount);
                    prop_assert!(r.closing_headcount >= Decimal::ZERO);
                    prop_assert!(r.closing_fte <= r.closing_headcount);
                    prop_assert!(r.closing_fte >= Decimal::ZERO);
                    prop_assert!(r.average_fte >= Decimal::ZERO);
                    prop_assert_eq!(r.closing_headcount.fract(), Decimal::ZERO);
                    if let Some(next) = years.iter().position(|x| *x == r.year).and_then(|i| years.get(i + 1)) {
                        let n = p.row(r.group, *next).unwrap();
                        prop_assert_eq!(n.opening_headcount, r.closing_headcount);
                        prop_assert_eq!(n.opening_fte, r.closing_fte);
                    }
                }
                for u in p.uplift.as_ref().unwrap() {
                    prop_assert_eq!(u.grant_due + u.grant_at_risk, u.grant);
                    prop_assert!(u.grant_due >= Decimal::ZERO && u.grant_due <= u.grant);
                }
            }
            // The only valid-input failure: more leavers than people in post.
            Err(e) => prop_assert!(e.path.ends_with(".retirements"), "{}", e),
        }
    }

    #[test]
    fn paid_pct_never_falls_as_achievement_rises(a in 0u32..15000, b in 0u32..15000) {
        let rule = RuleTable::rule_2022_23(y(2021));
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let p_lo = rule.paid_pct(Decimal::new(i64::from(lo), 2)).unwrap();
        let p_hi = rule.paid_pct(Decimal::new(i64::from(hi), 2)).unwrap();
        prop_assert!(p_lo <= p_hi);
        prop_assert!(p_lo >= Decimal::ZERO && p_hi <= Decimal::ONE_HUNDRED);
    }
}
