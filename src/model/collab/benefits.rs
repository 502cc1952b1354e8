//! Benefits of a collaboration to the force, tracked as HMICFRS (*The Hard Yards*, 2020)
//! recommends with the NPCC / College of Policing / Home Office methodology: cashable
//! savings planned and realised by year, non-cashable benefits (such as officer hours
//! released) with a description and a measure, a status, and realised as a % of planned.
//!
//! Realised cashable savings are what feeds the MTFP's savings; planned-but-unrealised
//! savings do not.

use rust_decimal::Decimal;
#[cfg(not(target_arch = "wasm32"))]
use serde::Serialize;

use super::validate::check_non_negative;
use crate::model::dec::YearValues;
use crate::model::error::ModelResult;
use crate::model::json::{Item, Node, Object, Read};
use crate::model::money::{round_to, At};
use crate::model::source::Source;
use crate::model::year::FinancialYear;

/// How benefits realisation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BenefitStatus {
    /// Benefits are not being tracked (the gap HMICFRS found).
    #[default]
    NotTracked,
    /// Planned, not yet due.
    NotStarted,
    /// Being realised as planned.
    OnTrack,
    /// Behind plan, recoverable.
    AtRisk,
    /// Fully realised.
    Delivered,
    /// Not realised and no longer expected.
    NotDelivered,
}

impl BenefitStatus {
    /// Every status.
    pub const ALL: [BenefitStatus; 6] = [
        BenefitStatus::NotTracked,
        BenefitStatus::NotStarted,
        BenefitStatus::OnTrack,
        BenefitStatus::AtRisk,
        BenefitStatus::Delivered,
        BenefitStatus::NotDelivered,
    ];

    /// The status as written in files and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            BenefitStatus::NotTracked => "not_tracked",
            BenefitStatus::NotStarted => "not_started",
            BenefitStatus::OnTrack => "on_track",
            BenefitStatus::AtRisk => "at_risk",
            BenefitStatus::Delivered => "delivered",
            BenefitStatus::NotDelivered => "not_delivered",
        }
    }
}

/// A benefit that does not reduce spending, such as officer hours released to the front
/// line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NonCashableBenefit {
    /// What the benefit is.
    pub description: String,
    /// Its unit, for example "officer hours released".
    pub measure: String,
    /// Planned, in `measure` units, by year.
    pub planned: YearValues,
    /// Realised, in `measure` units, by year.
    pub realised: YearValues,
    /// Where the figures come from.
    pub source: Source,
}

/// A collaboration's benefits to the force.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Benefits {
    /// Cashable savings to the force planned (£) by year.
    pub cashable_planned: YearValues,
    /// Cashable savings to the force realised (£) by year; these feed the MTFP's savings.
    pub cashable_realised: YearValues,
    /// Non-cashable benefits.
    pub non_cashable: Vec<NonCashableBenefit>,
    /// Where realisation stands.
    pub status: BenefitStatus,
    /// Where the cashable figures come from.
    pub source: Source,
}

impl NonCashableBenefit {
    /// Read a non-cashable benefit.
    pub fn from_node(item: Item<'_>) -> Read<NonCashableBenefit> {
        let o = item.object(&["description", "measure", "planned", "realised", "source"])?;
        Ok(NonCashableBenefit {
            description: o.string("description")?,
            measure: o.string("measure")?,
            planned: o.or_default("planned", YearValues::from_node)?,
            realised: o.or_default("realised", YearValues::from_node)?,
            source: o.or_default("source", Source::from_node)?,
        })
    }

    /// Write a non-cashable benefit.
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("description", Node::str(&self.description));
        o.put("measure", Node::str(&self.measure));
        o.put("planned", self.planned.to_node());
        o.put("realised", self.realised.to_node());
        o.put("source", self.source.to_node());
        o.node()
    }
}

impl Benefits {
    /// Read a collaboration's benefits (every field optional).
    pub fn from_node(item: Item<'_>) -> Read<Benefits> {
        let o = item.object(&[
            "cashable_planned",
            "cashable_realised",
            "non_cashable",
            "status",
            "source",
        ])?;
        Ok(Benefits {
            cashable_planned: o.or_default("cashable_planned", YearValues::from_node)?,
            cashable_realised: o.or_default("cashable_realised", YearValues::from_node)?,
            non_cashable: o
                .or_default("non_cashable", |i| i.entries(NonCashableBenefit::from_node))?,
            status: o.or_default("status", |i| {
                i.variant(&BenefitStatus::ALL, BenefitStatus::as_str)
            })?,
            source: o.or_default("source", Source::from_node)?,
        })
    }

    /// Write a collaboration's benefits.
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("cashable_planned", self.cashable_planned.to_node());
        o.put("cashable_realised", self.cashable_realised.to_node());
        o.put(
            "non_cashable",
            Node::array(
                self.non_cashable
                    .iter()
                    .map(NonCashableBenefit::to_node)
                    .collect(),
            ),
        );
        o.put("status", Node::str(self.status.as_str()));
        o.put("source", self.source.to_node());
        o.node()
    }

    /// Check no planned or realised figure is negative; `path` is written only for a
    /// message.
    pub fn validate(&self, path: &dyn Fn() -> String, name: &str) -> ModelResult<()> {
        check_non_negative(
            &self.cashable_planned,
            &|| format!("{}.cashable_planned", path()),
            name,
            "a planned saving",
        )?;
        check_non_negative(
            &self.cashable_realised,
            &|| format!("{}.cashable_realised", path()),
            name,
            "a realised saving",
        )?;
        for (i, b) in self.non_cashable.iter().enumerate() {
            let p = || format!("{}.non_cashable[{i}]", path());
            check_non_negative(
                &b.planned,
                &|| format!("{}.planned", p()),
                name,
                "a planned benefit",
            )?;
            check_non_negative(
                &b.realised,
                &|| format!("{}.realised", p()),
                name,
                "a realised benefit",
            )?;
        }
        Ok(())
    }
}

/// Realised as a % of planned, to one decimal place (half away from zero); `None` when
/// nothing was planned.
pub fn realised_pct(
    planned: Decimal,
    realised: Decimal,
    path: &str,
    year: Option<FinancialYear>,
) -> ModelResult<Option<Decimal>> {
    if planned.is_zero() {
        return Ok(None);
    }
    let at = At::new(path, year);
    let pct = at.div(at.mul(realised, Decimal::ONE_HUNDRED)?, planned)?;
    Ok(Some(round_to(pct, 1)))
}

/// Benefits in one year, as projected.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct BenefitsYear {
    /// Cashable savings planned (£, to the penny).
    pub cashable_planned: Decimal,
    /// Cashable savings realised (£, to the penny).
    pub cashable_realised: Decimal,
    /// Realised as a % of planned (one decimal place), none if nothing was planned.
    pub realised_pct: Option<Decimal>,
    /// Non-cashable benefits in the year.
    pub non_cashable: Vec<NonCashableYear>,
}

/// A non-cashable benefit in one year.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct NonCashableYear {
    /// What the benefit is.
    pub description: String,
    /// Its unit.
    pub measure: String,
    /// Planned, in `measure` units.
    pub planned: Decimal,
    /// Realised, in `measure` units.
    pub realised: Decimal,
    /// Realised as a % of planned, none if nothing was planned.
    pub realised_pct: Option<Decimal>,
}

impl Benefits {
    /// The benefits in `year`. Money is rounded with the one money rule.
    pub fn in_year(&self, year: FinancialYear, path: &str) -> ModelResult<BenefitsYear> {
        let planned = crate::model::money::round_money(self.cashable_planned.get_or_zero(year));
        let realised = crate::model::money::round_money(self.cashable_realised.get_or_zero(year));
        let non_cashable = self
            .non_cashable
            .iter()
            .map(|b| {
                let (p, r) = (b.planned.get_or_zero(year), b.realised.get_or_zero(year));
                Ok(NonCashableYear {
                    description: b.description.clone(),
                    measure: b.measure.clone(),
                    planned: p,
                    realised: r,
                    realised_pct: realised_pct(p, r, path, Some(year))?,
                })
            })
            .collect::<ModelResult<Vec<_>>>()?;
        Ok(BenefitsYear {
            cashable_planned: planned,
            cashable_realised: realised,
            realised_pct: realised_pct(planned, realised, path, Some(year))?,
            non_cashable,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn realised_as_pct_of_planned() {
        assert_eq!(
            realised_pct(d("300"), d("100"), "t", None).unwrap(),
            Some(d("33.3"))
        );
        assert_eq!(
            realised_pct(d("200"), d("300"), "t", None).unwrap(),
            Some(d("150.0"))
        );
        assert_eq!(realised_pct(d("0"), d("5"), "t", None).unwrap(), None);
    }
}
