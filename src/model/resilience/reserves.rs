//! The reserves strategy worked out (docs/resilience.md §6 and §7): each named earmarked
//! reserve's balance by year, the general reserve with the savings at risk taken from it,
//! usable reserves, the minimum (the % floor and the risk-based minimum, one governing),
//! and the resilience indicators with their red, amber or green reading.

use rust_decimal::Decimal;
#[cfg(not(target_arch = "wasm32"))]
use serde::Serialize;

use super::risk;
use super::savings::SavingsRegister;
use crate::model::engine::{penny, Projection};
use crate::model::error::ModelResult;
use crate::model::money::At;
use crate::model::scenario::strategy::{Governs, Indicator, MinimumMethod, ReserveCategory};
use crate::model::scenario::Scenario;
use crate::model::year::FinancialYear;

/// A red, amber or green reading, or none (a figure that cannot be worked out).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
#[cfg_attr(not(target_arch = "wasm32"), serde(rename_all = "snake_case"))]
pub enum Rag {
    /// Below the red threshold.
    Red,
    /// Below the amber threshold.
    Amber,
    /// At or above the amber threshold.
    Green,
    /// No reading.
    None,
}

impl Rag {
    /// As exports write it: `red`, `amber`, `green`, or empty.
    pub fn key(self) -> &'static str {
        match self {
            Rag::Red => "red",
            Rag::Amber => "amber",
            Rag::Green => "green",
            Rag::None => "",
        }
    }
}

/// One indicator in one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct Reading {
    /// The figure, to two places (`None`: not defined this year, or reserves not drawn).
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(with = "crate::model::dec::strict_opt")
    )]
    pub value: Option<Decimal>,
    /// Its reading.
    pub rag: Rag,
}

/// One named earmarked reserve (or, with none named, the earmarked reserves as one).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct ReserveRow {
    /// Its id (`earmarked` for the reserves as one).
    pub id: String,
    /// Its name.
    pub name: String,
    /// What it is for.
    pub purpose: String,
    /// Its category (`None`: the reserves as one, all counted usable).
    #[cfg_attr(not(target_arch = "wasm32"), serde(serialize_with = "category_key"))]
    pub category: Option<ReserveCategory>,
    /// The balance at the start of the plan, £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub opening: Decimal,
    /// Planned use by year, £ (negative: a contribution).
    #[cfg_attr(not(target_arch = "wasm32"), serde(serialize_with = "decimals"))]
    pub uses: Vec<Decimal>,
    /// The balance at the end of each year, £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(serialize_with = "decimals"))]
    pub balances: Vec<Decimal>,
    /// Where the figures come from.
    pub source: String,
    /// True if that is an estimate.
    pub estimate: bool,
}

/// The minimum the general reserve is held to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct Minimum {
    /// The risks' expected cost, £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub expected: Decimal,
    /// The percentile asked for, when that is the method.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(with = "crate::model::dec::strict_opt")
    )]
    pub percentile: Option<Decimal>,
    /// The cost at that percentile, when that is the method, £.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(with = "crate::model::dec::strict_opt")
    )]
    pub at_percentile: Option<Decimal>,
    /// The risk-based minimum: the expected cost or the percentile's, £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub risk_based: Decimal,
    /// The % floor of net revenue spending (`reserves.floor_pct`).
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub floor_pct: Decimal,
    /// True if the risk-based minimum governs (else the floor).
    pub risk_based_governs: bool,
}

/// The reserves in one year.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct ReservesYear {
    /// The year.
    pub year: FinancialYear,
    /// The general reserve at the end of the year as planned (the projection's), £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub general_planned: Decimal,
    /// Savings at risk to date, which fall on it, £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub at_risk_to_date: Decimal,
    /// The general reserve, risk-adjusted: planned − savings at risk to date, £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub general: Decimal,
    /// Earmarked reserves, £ (the projection's; the sum of the rows).
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub earmarked: Decimal,
    /// Usable reserves: the general reserve (risk-adjusted) and every earmarked reserve
    /// not held for partners, £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub usable: Decimal,
    /// The % floor (the projection's), £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub floor: Decimal,
    /// The risk-based minimum, £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub risk_based: Decimal,
    /// The minimum that governs, £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub minimum: Decimal,
    /// True when the general reserve (risk-adjusted) ends the year below the minimum.
    pub below_minimum: bool,
    /// Each indicator, by [`Indicator::ALL`].
    pub indicators: [Reading; 5],
}

/// The reserves strategy worked out over the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct ReservesOutlook {
    /// What the general reserve is held for.
    pub general_purpose: String,
    /// The general reserve at the start of the plan, £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub general_opening: Decimal,
    /// Usable reserves at the start of the plan, £.
    #[cfg_attr(not(target_arch = "wasm32"), serde(with = "crate::model::dec::strict"))]
    pub usable_opening: Decimal,
    /// The named earmarked reserves (or the earmarked reserves as one).
    pub reserves: Vec<ReserveRow>,
    /// The minimum.
    pub minimum: Minimum,
    /// By year, base year first.
    pub years: Vec<ReservesYear>,
}

#[cfg(not(target_arch = "wasm32"))]
fn category_key<S: serde::Serializer>(
    c: &Option<ReserveCategory>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match c {
        Some(c) => s.serialize_str(c.key()),
        None => s.serialize_none(),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn decimals<S: serde::Serializer>(v: &[Decimal], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut seq = s.serialize_seq(Some(v.len()))?;
    for d in v {
        seq.serialize_element(&d.to_string())?;
    }
    seq.end()
}

impl ReservesOutlook {
    /// The first year the general reserve (risk-adjusted) ends below its minimum: the
    /// section 27 trigger.
    pub fn first_below_minimum(&self) -> Option<&ReservesYear> {
        self.years.iter().find(|y| y.below_minimum)
    }

    /// The years indicator `i` reads red.
    pub fn red_years(&self, i: Indicator) -> Vec<FinancialYear> {
        self.years
            .iter()
            .filter(|y| {
                y.indicators
                    .get(i.index())
                    .is_some_and(|r| r.rag == Rag::Red)
            })
            .map(|y| y.year)
            .collect()
    }

    /// The figures of `year`, if it is in the plan.
    pub fn year(&self, year: FinancialYear) -> Option<&ReservesYear> {
        self.years.iter().find(|y| y.year == year)
    }
}

/// A reading to two places, written with both (the money rule: half away from zero).
fn two_places(v: Decimal) -> Decimal {
    penny(v)
}

/// `a × 100 ÷ b` to two places, if `b` is above zero.
fn ratio_pct(at: &At<'_>, a: Decimal, b: Decimal) -> ModelResult<Option<Decimal>> {
    if b <= Decimal::ZERO {
        return Ok(None);
    }
    Ok(Some(two_places(
        at.div(at.mul(a, Decimal::ONE_HUNDRED)?, b)?,
    )))
}

/// The reserves of `s`, projected as `p`, with its savings register `savings`.
pub fn outlook(
    s: &Scenario,
    p: &Projection,
    savings: &SavingsRegister,
) -> ModelResult<ReservesOutlook> {
    let sections = s.sections()?;
    let strategy = sections.strategy();
    let thresholds = strategy.thresholds();
    let years = p.year_list();
    let n = years.len();

    // The named reserves, or the earmarked reserves as one.
    let mut rows = Vec::new();
    if strategy.earmarked.is_empty() {
        let r = &s.reserves;
        rows.push(ReserveRow {
            id: "earmarked".into(),
            name: "Earmarked reserves".into(),
            purpose: String::new(),
            category: None,
            opening: penny(r.earmarked_opening.value.0),
            uses: p
                .years
                .iter()
                .map(|y| y.reserves.planned_use_earmarked)
                .collect(),
            balances: p.years.iter().map(|y| y.reserves.earmarked).collect(),
            source: r.earmarked_opening.source.text.clone(),
            estimate: r.earmarked_opening.source.estimate,
        });
    } else {
        for e in &strategy.earmarked {
            let at = At::item("reserves_strategy.earmarked", &e.id, "", None);
            let opening = penny(e.opening);
            let mut balance = opening;
            let (mut uses, mut balances) = (Vec::with_capacity(n), Vec::with_capacity(n));
            for &year in &years {
                let used = penny(e.planned_use.get_or_zero(year));
                balance = at.in_year(year).sub(balance, used)?;
                uses.push(used);
                balances.push(balance);
            }
            rows.push(ReserveRow {
                id: e.id.clone(),
                name: e.name.clone(),
                purpose: e.purpose.clone(),
                category: Some(e.category),
                opening,
                uses,
                balances,
                source: e.source.text.clone(),
                estimate: e.source.estimate,
            });
        }
    }
    let usable_row = |r: &ReserveRow| r.category.is_none_or(ReserveCategory::usable);

    // The minimum.
    let rule = &strategy.minimum;
    let expected = risk::expected(&strategy.risks)?;
    let (percentile, at_percentile) = match rule.method {
        MinimumMethod::Expected => (None, None),
        MinimumMethod::Percentile => (
            Some(rule.percentile),
            Some(risk::percentile(&strategy.risks, rule.percentile)?),
        ),
    };
    let minimum = Minimum {
        expected,
        percentile,
        at_percentile,
        risk_based: at_percentile.unwrap_or(expected),
        floor_pct: s.reserves.floor_pct.value.0,
        risk_based_governs: rule.governs == Governs::RiskBased,
    };

    let at = At::new("reserves", None);
    let general_opening = penny(s.reserves.general_opening.value.0);
    let mut usable_opening = general_opening;
    for r in rows.iter().filter(|r| usable_row(r)) {
        usable_opening = at.add(usable_opening, r.opening)?;
    }
    // Usable reserves by year, the opening first (for the drawdown and three-year change).
    let mut usable_by_year = vec![usable_opening];
    let mut out = Vec::with_capacity(n);
    for (k, y) in p.years.iter().enumerate() {
        let at = At::new("reserves", Some(y.year));
        let to_date = savings
            .years
            .get(k)
            .map_or(Decimal::ZERO, |v| v.at_risk_to_date);
        let general = at.sub(y.reserves.general, to_date)?;
        let mut usable = general;
        for r in rows.iter().filter(|r| usable_row(r)) {
            usable = at.add(usable, r.balances.get(k).copied().unwrap_or_default())?;
        }
        let governing = if minimum.risk_based_governs {
            minimum.risk_based
        } else {
            y.reserves.floor
        };
        let before = usable_by_year.get(k).copied().unwrap_or_default();
        let drawn = at.sub(before, usable)?;
        let years_left = if drawn <= Decimal::ZERO {
            None
        } else if usable <= Decimal::ZERO {
            Some(penny(Decimal::ZERO))
        } else {
            Some(two_places(at.div(usable, drawn)?))
        };
        let three_years_ago = k
            .checked_sub(2)
            .and_then(|i| usable_by_year.get(i).copied());
        let change = match three_years_ago {
            Some(base) => ratio_pct(&at, at.sub(usable, base)?, base)?,
            None => None,
        };
        let net = y.total_expenditure;
        let values = [
            years_left,
            ratio_pct(&at, usable, net)?,
            change,
            ratio_pct(&at, y.precept.income, net)?,
            ratio_pct(&at, general, governing)?,
        ];
        let mut indicators = [Reading {
            value: None,
            rag: Rag::None,
        }; 5];
        for ((slot, value), i) in indicators.iter_mut().zip(values).zip(Indicator::ALL) {
            let rag = match (value, thresholds.of(i)) {
                (Some(v), Some(t)) if v < t.red_below => Rag::Red,
                (Some(v), Some(t)) if v < t.amber_below => Rag::Amber,
                (Some(_), _) => Rag::Green,
                // Reserves not drawn this year: they last indefinitely.
                (None, _) if i == Indicator::YearsLeft => Rag::Green,
                (None, _) => Rag::None,
            };
            *slot = Reading { value, rag };
        }
        usable_by_year.push(usable);
        out.push(ReservesYear {
            year: y.year,
            general_planned: y.reserves.general,
            at_risk_to_date: to_date,
            general,
            earmarked: y.reserves.earmarked,
            usable,
            floor: y.reserves.floor,
            risk_based: minimum.risk_based,
            minimum: governing,
            below_minimum: general < governing,
            indicators,
        });
    }
    Ok(ReservesOutlook {
        general_purpose: strategy.general_purpose.clone(),
        general_opening,
        usable_opening,
        reserves: rows,
        minimum,
        years: out,
    })
}
