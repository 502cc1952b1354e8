//! Today's settlement: the funding categories and rules for the years after 2025/26, and
//! the precept referendum limits to 2026/27 (the facts file, "National rules and rates"
//! and "Published since the plan"). docs/outturn.md §6.

use rust_decimal::Decimal;

use super::actuals::{Actuals, GrantStatus};
use crate::model::engine::Projection;
use crate::model::scenario::{FundingCategory, Scenario};
use crate::model::year::FinancialYear;

/// The last year the ring-fenced Uplift ("officer maintenance") grant was paid.
pub fn last_uplift_year() -> FinancialYear {
    FinancialYear::new(2025).unwrap_or(FinancialYear::FIRST)
}

/// Where the 2026/27 settlement's structure is published.
pub const STRUCTURE_SOURCE: &str = "Policing press (January 2026): the ring-fenced Uplift \
    (\"officer maintenance\") grant ended and was replaced by ring-fenced neighbourhood policing \
    funding; a new precept grant within the main settlement";

/// Where the referendum limits are published.
pub const LIMITS_SOURCE: &str = "Home Office settlements, PCC precept reports";

/// The precept referendum limits per Band D (£), 2018/19 to 2026/27, by the calendar year
/// each financial year starts.
pub const REFERENDUM_LIMITS: [(u16, u32); 9] = [
    (2018, 12),
    (2019, 24),
    (2020, 10),
    (2021, 15),
    (2022, 10),
    (2023, 15),
    (2024, 13),
    (2025, 14),
    (2026, 15),
];

/// The published referendum limit (£ per Band D) for `year`, if the facts file has one.
pub fn referendum_limit(year: FinancialYear) -> Option<Decimal> {
    REFERENDUM_LIMITS
        .iter()
        .find(|(start, _)| *start == year.start_year())
        .map(|(_, limit)| Decimal::from(*limit))
}

/// What the settlement says of a funding category.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CategoryRule {
    /// The category.
    pub category: FundingCategory,
    /// What people call it.
    pub name: &'static str,
    /// Ring-fenced (paid only for its purpose or on its conditions).
    pub ring_fenced: bool,
    /// The first year it is paid, if it started recently.
    pub from: Option<u16>,
    /// The last year it is paid, if it ended.
    pub until: Option<u16>,
    /// The rule, in a sentence.
    pub rule: &'static str,
}

/// Every funding category and its rule after 2025/26, in the order the settlement lists
/// them.
pub const RULES: [CategoryRule; 10] = [
    CategoryRule {
        category: FundingCategory::CorePoliceGrant,
        name: "Core police grant",
        ring_fenced: false,
        from: None,
        until: None,
        rule: "Main settlement, with the ex-DCLG formula grant (\"main grant\").",
    },
    CategoryRule {
        category: FundingCategory::FormulaGrant,
        name: "Ex-DCLG formula grant",
        ring_fenced: false,
        from: None,
        until: None,
        rule: "Main settlement, with the core police grant.",
    },
    CategoryRule {
        category: FundingCategory::PreceptGrant,
        name: "Precept grant",
        ring_fenced: false,
        from: Some(2026),
        until: None,
        rule: "New from 2026/27, within the main settlement.",
    },
    CategoryRule {
        category: FundingCategory::LegacyCouncilTaxGrants,
        name: "Legacy council tax grants",
        ring_fenced: false,
        from: None,
        until: None,
        rule: "Flat cash.",
    },
    CategoryRule {
        category: FundingCategory::UpliftGrant,
        name: "Uplift grant",
        ring_fenced: true,
        from: None,
        until: Some(2025),
        rule: "Ended after 2025/26: its ring-fence was replaced by neighbourhood policing \
               funding.",
    },
    CategoryRule {
        category: FundingCategory::NeighbourhoodPolicingGrant,
        name: "Neighbourhood policing grant",
        ring_fenced: true,
        from: Some(2026),
        until: None,
        rule: "New from 2026/27: ring-fenced neighbourhood policing funding, in place of the \
               Uplift grant.",
    },
    CategoryRule {
        category: FundingCategory::PensionsGrant,
        name: "Police pensions grant",
        ring_fenced: true,
        from: None,
        until: None,
        rule: "Towards the employer pension rises.",
    },
    CategoryRule {
        category: FundingCategory::SpecificGrant,
        name: "Other specific grants",
        ring_fenced: true,
        from: None,
        until: None,
        rule: "Each on its own conditions.",
    },
    CategoryRule {
        category: FundingCategory::OtherIncome,
        name: "Fees, charges and other income",
        ring_fenced: false,
        from: None,
        until: None,
        rule: "Not part of the settlement.",
    },
    CategoryRule {
        category: FundingCategory::CollectionFund,
        name: "Collection fund surplus or deficit",
        ring_fenced: false,
        from: None,
        until: None,
        rule: "Set by the billing authorities each year.",
    },
];

/// The rule of `category`.
pub fn rule(category: FundingCategory) -> Option<&'static CategoryRule> {
    RULES.iter().find(|r| r.category == category)
}

/// A funding line's figure in a year the settlement does not pay it (an Uplift grant after
/// 2025/26, a new grant before 2026/27).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The funding line's id.
    pub line: String,
    /// The year.
    pub year: FinancialYear,
    /// Its figure, £.
    pub amount: Decimal,
    /// Why it does not fit the settlement.
    pub why: String,
}

/// Every non-zero funding line figure of `p` in a year its category is not paid.
pub fn conflicts(p: &Projection) -> Vec<Conflict> {
    let mut out = Vec::new();
    for y in &p.years {
        for l in &y.funding {
            let Some(r) = rule(l.category) else { continue };
            let start = y.year.start_year();
            let why = match (r.from, r.until) {
                (_, Some(until)) if start > until => format!(
                    "the {} ended after {}",
                    r.name,
                    FinancialYear::new(until)
                        .map(|y| y.to_string())
                        .unwrap_or_default()
                ),
                (Some(from), _) if start < from => format!(
                    "the {} starts in {}",
                    r.name,
                    FinancialYear::new(from)
                        .map(|y| y.to_string())
                        .unwrap_or_default()
                ),
                _ => continue,
            };
            if !l.amount.is_zero() {
                out.push(Conflict {
                    line: l.id.to_string(),
                    year: y.year,
                    amount: l.amount,
                    why,
                });
            }
        }
    }
    out
}

/// A funding line's status in each year after 2025/26 in the plan, as `actuals` (the
/// scenario's) tag it (untagged: assumed).
pub fn statuses(s: &Scenario, actuals: &Actuals) -> Vec<(String, FinancialYear, GrantStatus)> {
    let years: Vec<FinancialYear> = s
        .horizon
        .year_list()
        .into_iter()
        .filter(|y| *y > last_uplift_year())
        .collect();
    let mut out = Vec::new();
    for l in &s.funding {
        for &y in &years {
            let status = actuals.status(&l.id, y);
            out.push((l.id.clone(), y, status));
        }
    }
    out
}
