//! Property tests of the collaboration register: penny-exact allocation for any shares and
//! amount, and nothing charged outside a collaboration's dates.

use proptest::prelude::*;
use rust_decimal::Decimal;

use planner::model::collab::allocate::allocate;
use planner::model::collab::period::months_in_year;
use planner::model::collab::{
    project, Basis, Collaboration, CollaborationRegister, CostSeries, Partner, Sharing, Status,
    YearMonth,
};
use planner::model::dec::YearValues;
use planner::model::{round_money, FinancialYear, Source};

fn weights() -> impl Strategy<Value = Vec<Decimal>> {
    prop::collection::vec((0u64..10_000_000, 0u32..5), 1..9)
        .prop_map(|v| {
            v.into_iter()
                .map(|(m, scale)| Decimal::new(i64::try_from(m).unwrap(), scale))
                .collect::<Vec<_>>()
        })
        .prop_filter("some weight positive", |w| w.iter().any(|x| !x.is_zero()))
}

fn amount() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (-100_000_000_000_000i64..100_000_000_000_000).prop_map(|p| Decimal::new(p, 2)),
        (-1_000_000_000i64..1_000_000_000, 0u32..7).prop_map(|(m, s)| Decimal::new(m, s)),
        (0i64..1000).prop_map(|p| Decimal::new(p, 2)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn shares_sum_exactly_to_the_total(amount in amount(), weights in weights()) {
        let shares = allocate(amount, &weights, "t", None).unwrap();
        let total = round_money(amount);
        prop_assert_eq!(shares.len(), weights.len());
        prop_assert_eq!(shares.iter().copied().sum::<Decimal>(), total);
        let weight_sum: Decimal = weights.iter().copied().sum();
        for (share, w) in shares.iter().zip(&weights) {
            // Every share is a whole number of pennies, within a penny of its exact value.
            prop_assert_eq!(round_money(*share), *share);
            let exact = total * (*w / weight_sum);
            prop_assert!((*share - exact).abs() <= Decimal::new(1, 2), "{} vs {}", share, exact);
            if w.is_zero() {
                prop_assert!(share.is_zero());
            }
        }
    }

    #[test]
    fn allocation_is_deterministic(amount in amount(), weights in weights()) {
        prop_assert_eq!(
            allocate(amount, &weights, "t", None).unwrap(),
            allocate(amount, &weights, "t", None).unwrap()
        );
    }

    #[test]
    fn nothing_is_charged_outside_the_dates(
        start_y in 2005u16..2035, start_m in 1u8..=12,
        length in prop::option::of(1u16..200),
        cost_pennies in 0i64..10_000_000_000,
        growth in 0i64..500,
    ) {
        let start = YearMonth::new(start_y, start_m).unwrap();
        let end = length.map(|len| {
            let idx = u32::from(start_y) * 12 + u32::from(start_m) - 1 + u32::from(len);
            YearMonth::new(u16::try_from(idx / 12).unwrap(), u8::try_from(idx % 12 + 1).unwrap()).unwrap()
        });
        let first = FinancialYear::new(2000).unwrap();
        let mut by_year = YearValues::new();
        by_year.set(first, Decimal::new(cost_pennies, 2));
        let register = CollaborationRegister {
            force: "A".into(),
            benefits_methodology: String::new(),
            collaborations: vec![Collaboration {
                id: "c".into(),
                name: "C".into(),
                purpose: String::new(),
                status: Status::Active,
                sharing: Sharing {
                    basis: Basis::Population,
                    partners: vec![
                        Partner { name: "A".into(), weight: Decimal::new(3, 0), source: Source::default() },
                        Partner { name: "B".into(), weight: Decimal::new(7, 0), source: Source::default() },
                    ],
                },
                start,
                end,
                dates_source: Source::default(),
                total_cost: CostSeries { by_year, growth_pct: Decimal::new(growth, 2), source: Source::default() },
                exit_costs: Default::default(),
                benefits: Default::default(),
                notes: String::new(),
            }],
            capital: vec![],
        };
        let years: Vec<FinancialYear> = (2000..2050).filter_map(FinancialYear::new).collect();
        let p = project(&register, &years).unwrap();
        for y in &p.collaborations[0].years {
            let months = months_in_year(y.year, start, end);
            prop_assert_eq!(y.months, months);
            let before = y.year < start.financial_year().unwrap();
            let after = end.is_some_and(|e| {
                // The year starts on or after the first month no longer a member.
                u32::from(y.year.start_year()) * 12 + 3 >= u32::from(e.year()) * 12 + u32::from(e.month()) - 1
            });
            if before || after {
                prop_assert_eq!(months, 0);
            }
            if months == 0 {
                prop_assert!(y.total_cost.is_zero());
                prop_assert!(y.force_share.is_zero());
                prop_assert!(y.force_contribution.is_zero());
            }
            let shares: Decimal = y.shares.iter().map(|s| s.amount).sum();
            prop_assert_eq!(shares, y.total_cost);
        }
    }
}
