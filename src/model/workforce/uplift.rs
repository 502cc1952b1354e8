//! Operation Uplift: officer headcount targets, the ring-fenced grant, and the rule table
//! that turns "% of target achieved" into "% of grant paid".
//!
//! Targets are officer **headcount** at 31 March of each year. The target of a year is the
//! latest entry of `targets` at or before it (a maintenance target carries forward);
//! without one, the baseline headcount plus every allocation up to and including that
//! year. % achieved = actual ÷ target × 100 at full precision: the rule table is read
//! with the unrounded figure, so 99.996% is below 100% even though it shows as 100.00%.

use rust_decimal::Decimal;
#[cfg(not(target_arch = "wasm32"))]
use serde::Serialize;

use super::plan::{err, in_force, pct_0_100, whole_non_negative};
use crate::model::dec::{self, YearValues};
use crate::model::error::{ModelError, ModelResult};
use crate::model::json::{Item, Node, Object, Read};
use crate::model::money::{is_whole, round_money, At};
use crate::model::year::FinancialYear;

/// The `uplift` part of the workforce section.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UpliftPlan {
    /// Officer headcount the Uplift allocations are added to (whole people).
    pub baseline_headcount: Decimal,
    /// Extra officers allocated for each Uplift year (whole people); may start before the
    /// plan's base year.
    pub allocation: YearValues,
    /// Explicit headcount targets (for example maintenance targets after the three
    /// recruitment years), each in force from its year until the next listed year.
    pub targets: YearValues,
    /// The ring-fenced grant paid in full when the target is met, £ by year. Years not
    /// listed: no grant.
    pub grant: YearValues,
    /// The rule tables, each in force from its year; listed oldest first.
    pub rules: Vec<RuleTable>,
}

/// How much of the grant is paid for a given % of target achieved, from one year on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleTable {
    /// The first year this table applies to; it applies until the next table's year.
    pub from: FinancialYear,
    /// Bands of % achieved, lowest first, starting at 0 and meeting end to end; the last
    /// band has no upper bound.
    pub bands: Vec<Band>,
}

/// One band of a rule table: `from_pct` ≤ achieved < `to_pct`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Band {
    /// Lowest % of target achieved in the band (inclusive).
    pub from_pct: Decimal,
    /// Upper end of the band (exclusive); `null` or absent for the top band only.
    pub to_pct: Option<Decimal>,
    /// % of the grant paid at `from_pct` (for the whole band unless it tapers).
    pub paid_pct: Decimal,
    /// If set, the % paid rises (or falls) in a straight line from `paid_pct` at
    /// `from_pct` towards this value at `to_pct`.
    pub taper_to_pct: Option<Decimal>,
}

impl Band {
    /// Read a band (`to_pct` and `taper_to_pct` may be absent or null).
    pub fn from_node(item: Item<'_>) -> Read<Band> {
        let o = item.object(&["from_pct", "to_pct", "paid_pct", "taper_to_pct"])?;
        Ok(Band {
            from_pct: o.decimal("from_pct")?,
            to_pct: o.or_default("to_pct", dec::opt_from_node)?,
            paid_pct: o.decimal("paid_pct")?,
            taper_to_pct: o.or_default("taper_to_pct", dec::opt_from_node)?,
        })
    }

    /// Write a band (`to_pct` as null when open-ended; `taper_to_pct` only when set).
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("from_pct", dec::to_node(self.from_pct));
        o.put("to_pct", dec::opt_to_node(self.to_pct));
        o.put("paid_pct", dec::to_node(self.paid_pct));
        if let Some(taper) = self.taper_to_pct {
            o.put("taper_to_pct", dec::to_node(taper));
        }
        o.node()
    }
}

/// One year of the Uplift table.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
pub struct UpliftYear {
    /// The financial year.
    pub year: FinancialYear,
    /// Target officer headcount at 31 March.
    pub target: Decimal,
    /// Projected officer headcount at 31 March.
    pub actual: Decimal,
    /// actual ÷ target × 100, unrounded.
    pub achieved_pct: Decimal,
    /// % of the grant paid under the rule table in force, unrounded.
    pub paid_pct: Decimal,
    /// The grant if paid in full (£, to the penny).
    pub grant: Decimal,
    /// Grant due: grant × paid % ÷ 100, rounded to the penny.
    pub grant_due: Decimal,
    /// Grant at risk: grant − grant due (£).
    pub grant_at_risk: Decimal,
}

impl UpliftPlan {
    /// Read the `uplift` part of the workforce section.
    pub fn from_node(item: Item<'_>) -> Read<UpliftPlan> {
        let o = item.object(&[
            "baseline_headcount",
            "allocation",
            "targets",
            "grant",
            "rules",
        ])?;
        Ok(UpliftPlan {
            baseline_headcount: o.decimal("baseline_headcount")?,
            allocation: o.or_default("allocation", YearValues::from_node)?,
            targets: o.or_default("targets", YearValues::from_node)?,
            grant: o.or_default("grant", YearValues::from_node)?,
            rules: o.req("rules")?.entries(RuleTable::from_node)?,
        })
    }

    /// Write the `uplift` part of the workforce section.
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("baseline_headcount", dec::to_node(self.baseline_headcount));
        o.put("allocation", self.allocation.to_node());
        o.put("targets", self.targets.to_node());
        o.put("grant", self.grant.to_node());
        o.put(
            "rules",
            Node::array(self.rules.iter().map(RuleTable::to_node).collect()),
        );
        o.node()
    }

    /// Check the figures and the rule tables; `path` is `workforce.uplift`.
    pub fn validate(&self, path: &str) -> ModelResult<()> {
        whole_non_negative(path, "baseline_headcount", self.baseline_headcount)?;
        for (year, v) in self.allocation.iter() {
            if !is_whole(v) {
                return Err(err(path, "allocation", "must be whole officers").in_year(year));
            }
        }
        for (year, v) in self.targets.iter() {
            whole_non_negative(path, "targets", v).map_err(|e| e.in_year(year))?;
            if v.is_zero() {
                return Err(err(path, "targets", "a target must be above zero").in_year(year));
            }
        }
        for (year, v) in self.grant.iter() {
            if v < Decimal::ZERO {
                return Err(err(path, "grant", "must not be negative").in_year(year));
            }
        }
        if self.rules.is_empty() {
            return Err(err(path, "rules", "give at least one rule table"));
        }
        let mut previous: Option<FinancialYear> = None;
        for (i, table) in self.rules.iter().enumerate() {
            let tpath = format!("{path}.rules[{i}]");
            if previous.is_some_and(|p| p >= table.from) {
                return Err(err(
                    &tpath,
                    "from",
                    "rule tables must be listed oldest first, one per starting year",
                ));
            }
            previous = Some(table.from);
            table.validate(&tpath)?;
        }
        Ok(())
    }

    /// The headcount target for `year`, if one is defined.
    pub fn target(&self, year: FinancialYear) -> ModelResult<Option<Decimal>> {
        if let Some(t) = in_force(&self.targets, year) {
            return Ok(Some(t));
        }
        let mut allocated = self.allocation.0.up_to(&year).map(|(_, v)| *v).peekable();
        if allocated.peek().is_none() {
            return Ok(None);
        }
        let at = At::new("workforce.uplift.allocation", Some(year));
        Ok(Some(at.add(self.baseline_headcount, at.sum(allocated)?)?))
    }

    /// The rule table in force in `year`.
    pub fn rule_for(&self, year: FinancialYear) -> Option<&RuleTable> {
        self.rules.iter().rev().find(|t| t.from <= year)
    }

    /// The Uplift row for `year` given the projected officer headcount at 31 March, or
    /// `None` when the year has no target.
    pub fn assess(&self, year: FinancialYear, actual: Decimal) -> ModelResult<Option<UpliftYear>> {
        let Some(target) = self.target(year)? else {
            return Ok(None);
        };
        let at = At::new("workforce.uplift", Some(year));
        let achieved = at.mul(at.div(actual, target)?, Decimal::ONE_HUNDRED)?;
        // The grant is money: held to the penny first, so the grant due (at most 100% of it,
        // rounded) never exceeds it and the grant at risk is never negative.
        let grant = round_money(self.grant.get_or_zero(year));
        let table = self.rule_for(year).ok_or_else(|| {
            ModelError::new(
                "workforce.uplift.rules",
                "no rule table is in force: add one from this year or earlier",
            )
            .in_year(year)
        })?;
        let paid_pct = table.paid_pct(achieved)?;
        let grant_due = round_money(at.pct(grant, paid_pct)?);
        let grant_at_risk = at.sub(grant, grant_due)?;
        Ok(Some(UpliftYear {
            year,
            target,
            actual,
            achieved_pct: achieved,
            paid_pct,
            grant,
            grant_due,
            grant_at_risk,
        }))
    }
}

impl RuleTable {
    /// Read a rule table.
    pub fn from_node(item: Item<'_>) -> Read<RuleTable> {
        let o = item.object(&["from", "bands"])?;
        Ok(RuleTable {
            from: FinancialYear::from_node(o.req("from")?)?,
            bands: o.req("bands")?.entries(Band::from_node)?,
        })
    }

    /// Write a rule table.
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("from", self.from.to_node());
        o.put(
            "bands",
            Node::array(self.bands.iter().map(Band::to_node).collect()),
        );
        o.node()
    }

    /// The 2022/23 Home Office rule (Surrey PCC decision 018/2022) with this planner's
    /// taper: 100% or more → paid in full; 95% to 99.99% → 90%; from 75% to 95% a straight
    /// line from 0% paid at 75% up to 90% at 95% (an assumption: the published rule says
    /// only that the grant tapers); below 75% → nothing (and so nothing at exactly 75%).
    pub fn rule_2022_23(from: FinancialYear) -> Self {
        let band = |from_pct: i64, to_pct: Option<i64>, paid: i64, taper: Option<i64>| Band {
            from_pct: Decimal::from(from_pct),
            to_pct: to_pct.map(Decimal::from),
            paid_pct: Decimal::from(paid),
            taper_to_pct: taper.map(Decimal::from),
        };
        RuleTable {
            from,
            bands: vec![
                band(0, Some(75), 0, None),
                band(75, Some(95), 0, Some(90)),
                band(95, Some(100), 90, None),
                band(100, None, 100, None),
            ],
        }
    }

    /// Check the bands: lowest first, from 0, meeting end to end, the last open-ended.
    pub fn validate(&self, path: &str) -> ModelResult<()> {
        let bpath = format!("{path}.bands");
        let Some(first) = self.bands.first() else {
            return Err(ModelError::new(bpath, "give at least one band"));
        };
        if !first.from_pct.is_zero() {
            return Err(ModelError::new(
                format!("{bpath}[0].from_pct"),
                "the first band must start at 0% so every result is covered",
            ));
        }
        let last = self.bands.len().saturating_sub(1);
        for (i, band) in self.bands.iter().enumerate() {
            let p = format!("{bpath}[{i}]");
            pct_0_100(&p, "paid_pct", band.paid_pct)?;
            if let Some(t) = band.taper_to_pct {
                pct_0_100(&p, "taper_to_pct", t)?;
                if band.to_pct.is_none() {
                    return Err(err(
                        &p,
                        "taper_to_pct",
                        "a band with no upper end cannot taper",
                    ));
                }
            }
            match band.to_pct {
                None if i != last => {
                    return Err(err(&p, "to_pct", "only the last band may be open-ended"));
                }
                Some(_) if i == last => {
                    return Err(err(
                        &p,
                        "to_pct",
                        "the last band must be open-ended so results above it are covered",
                    ));
                }
                Some(to) if to <= band.from_pct => {
                    return Err(err(
                        &p,
                        "to_pct",
                        format!(
                            "bands are unordered: {to}% is not above the band's start {}%",
                            band.from_pct
                        ),
                    ));
                }
                _ => {}
            }
            if let (Some(to), Some(next)) = (band.to_pct, self.bands.get(i + 1)) {
                let np = format!("{bpath}[{}].from_pct", i + 1);
                if next.from_pct <= band.from_pct {
                    return Err(ModelError::new(
                        np,
                        "bands are unordered: list them from the lowest % achieved upwards",
                    ));
                }
                if next.from_pct < to {
                    return Err(ModelError::new(
                        np,
                        format!(
                            "bands overlap: this band starts at {}% but the one before runs to {to}%",
                            next.from_pct
                        ),
                    ));
                }
                if next.from_pct > to {
                    return Err(ModelError::new(
                        np,
                        format!(
                            "bands leave a gap: the one before ends at {to}% but this starts at {}%",
                            next.from_pct
                        ),
                    ));
                }
            }
        }
        Ok(())
    }

    /// % of the grant paid for `achieved` % of target (unrounded). Below the first band
    /// (negative achievement cannot happen) nothing is paid.
    pub fn paid_pct(&self, achieved: Decimal) -> ModelResult<Decimal> {
        let Some(band) = self
            .bands
            .iter()
            .find(|b| achieved >= b.from_pct && b.to_pct.is_none_or(|to| achieved < to))
        else {
            return Ok(Decimal::ZERO);
        };
        match (band.taper_to_pct, band.to_pct) {
            (Some(end), Some(to)) => {
                let at = At::new("workforce.uplift.rules", None);
                let share = at.div(at.sub(achieved, band.from_pct)?, at.sub(to, band.from_pct)?)?;
                at.add(band.paid_pct, at.mul(at.sub(end, band.paid_pct)?, share)?)
            }
            _ => Ok(band.paid_pct),
        }
    }
}
