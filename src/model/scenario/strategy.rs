//! The reserves strategy (schema 2, docs/resilience.md §3): named earmarked reserves, the
//! risk register the general reserve's risk-based minimum comes from, which minimum
//! governs, and the thresholds of the resilience indicators.
//!
//! Optional: a scenario without a `reserves_strategy` section has no named reserves, no
//! risks, the % floor governing and the default thresholds. Named earmarked reserves are
//! the breakdown of `reserves.earmarked_opening` and `reserves.planned_use_earmarked`,
//! which must agree with them to the penny, so the projection (`mtfp project`) is the same
//! with or without them.

use rust_decimal::Decimal;

use super::delivery::choice;
use super::validate::{amount, amounts, ids};
use crate::model::dec::{Dec, YearValues};
use crate::model::engine::penny;
use crate::model::error::{ModelError, ModelResult};
use crate::model::json::{Item, Node, Object, Read};
use crate::model::money::{round_money, within, At};
use crate::model::source::Source;

const RESERVE_KEYS: [&str; 3] = ["this_plan", "beyond_plan", "partners"];
const METHOD_KEYS: [&str; 2] = ["expected", "percentile"];
const GOVERNS_KEYS: [&str; 2] = ["floor", "risk_based"];
const INDICATOR_KEYS: [&str; 5] = [
    "years_left",
    "usable_pct",
    "change_3y_pct",
    "council_tax_pct",
    "general_vs_minimum_pct",
];

/// The most risks a register may hold: the percentile minimum weighs every combination of
/// them (2¹⁵ at most).
pub const MAX_RISKS: usize = 15;

/// What an earmarked reserve is for, as the Home Office's reserves strategy guidance splits
/// them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReserveCategory {
    /// Earmarked to support this medium-term plan.
    ThisPlan,
    /// Earmarked for purposes beyond it.
    BeyondPlan,
    /// Held for partners: not available to the force.
    Partners,
}

impl ReserveCategory {
    /// Every category.
    pub const ALL: [ReserveCategory; 3] = [
        ReserveCategory::ThisPlan,
        ReserveCategory::BeyondPlan,
        ReserveCategory::Partners,
    ];

    /// As written in files.
    pub fn key(self) -> &'static str {
        RESERVE_KEYS.get(self as usize).copied().unwrap_or("")
    }

    /// As people read it.
    pub fn label(self) -> &'static str {
        match self {
            ReserveCategory::ThisPlan => "For this plan",
            ReserveCategory::BeyondPlan => "Beyond this plan",
            ReserveCategory::Partners => "Held for partners (not available)",
        }
    }

    /// True if the force may use it (usable reserves).
    pub fn usable(self) -> bool {
        self != ReserveCategory::Partners
    }
}

/// One named earmarked reserve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EarmarkedReserve {
    /// Unique among earmarked reserves.
    pub id: String,
    /// Its name.
    pub name: String,
    /// What it is for.
    pub purpose: String,
    /// For this plan, beyond it, or held for partners.
    pub category: ReserveCategory,
    /// Balance at the start of the base year (£).
    pub opening: Decimal,
    /// Planned use by year (£, negative: a contribution).
    pub planned_use: YearValues,
    /// Where the figures come from.
    pub source: Source,
}

/// One risk the general reserve is held against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Risk {
    /// Unique among risks.
    pub id: String,
    /// What might happen.
    pub name: String,
    /// How likely in a year (%).
    pub likelihood_pct: Decimal,
    /// What it would cost if it happened (£).
    pub impact: Decimal,
    /// Where the figures come from.
    pub source: Source,
}

/// How the risk-based minimum is worked out from the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MinimumMethod {
    /// The expected cost: each risk's likelihood × impact, added.
    Expected,
    /// A percentile of the cost of the risks that happen (each independent).
    Percentile,
}

impl MinimumMethod {
    /// Both methods.
    pub const ALL: [MinimumMethod; 2] = [MinimumMethod::Expected, MinimumMethod::Percentile];

    /// As written in files.
    pub fn key(self) -> &'static str {
        METHOD_KEYS.get(self as usize).copied().unwrap_or("")
    }
}

/// Which minimum the general reserve is held to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Governs {
    /// The % floor of net revenue spending (`reserves.floor_pct`).
    Floor,
    /// The risk-based minimum.
    RiskBased,
}

impl Governs {
    /// Both.
    pub const ALL: [Governs; 2] = [Governs::Floor, Governs::RiskBased];

    /// As written in files.
    pub fn key(self) -> &'static str {
        GOVERNS_KEYS.get(self as usize).copied().unwrap_or("")
    }
}

/// The rule for the general reserve's minimum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MinimumRule {
    /// Expected cost or a percentile.
    pub method: MinimumMethod,
    /// The percentile, when that is the method (more than 0, less than 100).
    pub percentile: Decimal,
    /// Which minimum governs.
    pub governs: Governs,
    /// Why this rule.
    pub source: Source,
}

impl Default for MinimumRule {
    fn default() -> Self {
        MinimumRule {
            method: MinimumMethod::Expected,
            percentile: Decimal::from(90),
            governs: Governs::Floor,
            source: Source::default(),
        }
    }
}

/// A resilience indicator (docs/resilience.md §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Indicator {
    /// Years of usable reserves left at this year's rate of use.
    YearsLeft,
    /// Usable reserves as % of net revenue spending.
    UsablePct,
    /// Change in usable reserves over three years, %.
    ChangePct,
    /// Council tax as % of net revenue spending.
    CouncilTaxPct,
    /// The general reserve as % of its minimum.
    GeneralPct,
}

impl Indicator {
    /// Every indicator, in the order tables show them.
    pub const ALL: [Indicator; 5] = [
        Indicator::YearsLeft,
        Indicator::UsablePct,
        Indicator::ChangePct,
        Indicator::CouncilTaxPct,
        Indicator::GeneralPct,
    ];

    /// As written in files and exports.
    pub fn key(self) -> &'static str {
        INDICATOR_KEYS.get(self.index()).copied().unwrap_or("")
    }

    /// As people read it.
    pub fn label(self) -> &'static str {
        match self {
            Indicator::YearsLeft => "Years of reserves left at the planned rate of use",
            Indicator::UsablePct => "Usable reserves, % of net revenue spending",
            Indicator::ChangePct => "Change in usable reserves over three years, %",
            Indicator::CouncilTaxPct => "Council tax, % of net revenue spending",
            Indicator::GeneralPct => "General reserve, % of its minimum",
        }
    }

    /// Its place in [`Indicator::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Each indicator's default thresholds (red below, amber below), in [`Indicator`]'s order.
const DEFAULTS: [(i16, i16); 5] = [(3, 5), (5, 10), (-50, -25), (25, 30), (100, 125)];

/// An indicator's red and amber thresholds: red when the reading is below `red_below`,
/// amber when below `amber_below`, green otherwise (every indicator reads higher = safer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Threshold {
    /// Red below this.
    pub red_below: Decimal,
    /// Amber below this (at or above `red_below`).
    pub amber_below: Decimal,
}

/// Each indicator's thresholds, by [`Indicator::index`], and why these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thresholds {
    /// By indicator.
    pub by: [Threshold; 5],
    /// Their basis.
    pub source: Source,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            by: DEFAULTS.map(|(red, amber)| Threshold {
                red_below: Decimal::from(red),
                amber_below: Decimal::from(amber),
            }),
            source: Source::estimate(
                "Planning thresholds, not published: red under 3 years of cover (it cannot see \
                 out a plan; amber under 5), under 5% of spending in usable reserves (amber \
                 under 10%), a fall of half in three years (amber a quarter), council tax under a \
                 quarter of spending (more exposure to grant; amber under 30%), and a general \
                 reserve below its minimum (the section 27 trigger; amber under 125%).",
            ),
        }
    }
}

impl Thresholds {
    /// The thresholds of `i`.
    pub fn of(&self, i: Indicator) -> Option<&Threshold> {
        self.by.get(i.index())
    }
}

/// The reserves strategy.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReservesStrategy {
    /// What the general reserve is held for (the contingency).
    pub general_purpose: String,
    /// Named earmarked reserves: the breakdown of the scenario's earmarked reserves.
    pub earmarked: Vec<EarmarkedReserve>,
    /// The risks the general reserve is held against.
    pub risks: Vec<Risk>,
    /// How the minimum is set and which governs.
    pub minimum: MinimumRule,
    /// The indicators' thresholds (`None`: the defaults).
    pub thresholds: Option<Thresholds>,
}

impl ReservesStrategy {
    /// The thresholds: the strategy's, or the defaults.
    pub fn thresholds(&self) -> std::borrow::Cow<'_, Thresholds> {
        match &self.thresholds {
            Some(t) => std::borrow::Cow::Borrowed(t),
            None => std::borrow::Cow::Owned(Thresholds::default()),
        }
    }

    /// Read the section (every member optional).
    pub fn from_node(item: Item<'_>) -> Read<ReservesStrategy> {
        let o = item.object(&[
            "general_purpose",
            "earmarked",
            "risks",
            "minimum",
            "thresholds",
        ])?;
        Ok(ReservesStrategy {
            general_purpose: o.text_or_empty("general_purpose")?,
            earmarked: o.or_default("earmarked", |i| i.entries(EarmarkedReserve::from_node))?,
            risks: o.or_default("risks", |i| i.entries(Risk::from_node))?,
            minimum: o.or_default("minimum", MinimumRule::from_node)?,
            thresholds: o.nullable("thresholds", Thresholds::from_node)?,
        })
    }

    /// Write the section.
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("general_purpose", Node::str(&self.general_purpose));
        o.put(
            "earmarked",
            Node::array(
                self.earmarked
                    .iter()
                    .map(EarmarkedReserve::to_node)
                    .collect(),
            ),
        );
        o.put(
            "risks",
            Node::array(self.risks.iter().map(Risk::to_node).collect()),
        );
        o.put("minimum", self.minimum.to_node());
        if let Some(t) = &self.thresholds {
            o.put("thresholds", t.to_node());
        }
        o.node()
    }
}

impl EarmarkedReserve {
    /// Read one named reserve.
    pub fn from_node(item: Item<'_>) -> Read<EarmarkedReserve> {
        let o = item.object(&[
            "id",
            "name",
            "purpose",
            "category",
            "opening",
            "planned_use",
            "source",
        ])?;
        Ok(EarmarkedReserve {
            id: o.string("id")?,
            name: o.string("name")?,
            purpose: o.text_or_empty("purpose")?,
            category: *ReserveCategory::ALL
                .get(choice(o.req("category")?, &RESERVE_KEYS)?)
                .unwrap_or(&ReserveCategory::ThisPlan),
            opening: o.decimal("opening")?,
            planned_use: o.or_default("planned_use", YearValues::from_node)?,
            source: Source::from_node(o.req("source")?)?,
        })
    }

    /// Write it.
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("id", Node::str(&self.id));
        o.put("name", Node::str(&self.name));
        o.put("purpose", Node::str(&self.purpose));
        o.put("category", Node::str(self.category.key()));
        o.put("opening", Dec(self.opening).to_node());
        o.put("planned_use", self.planned_use.to_node());
        o.put("source", self.source.to_node());
        o.node()
    }
}

impl Risk {
    /// Read one risk.
    pub fn from_node(item: Item<'_>) -> Read<Risk> {
        let o = item.object(&["id", "name", "likelihood_pct", "impact", "source"])?;
        Ok(Risk {
            id: o.string("id")?,
            name: o.string("name")?,
            likelihood_pct: o.decimal("likelihood_pct")?,
            impact: o.decimal("impact")?,
            source: Source::from_node(o.req("source")?)?,
        })
    }

    /// Write it.
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("id", Node::str(&self.id));
        o.put("name", Node::str(&self.name));
        o.put("likelihood_pct", Dec(self.likelihood_pct).to_node());
        o.put("impact", Dec(self.impact).to_node());
        o.put("source", self.source.to_node());
        o.node()
    }
}

impl MinimumRule {
    /// Read the rule (every member optional).
    pub fn from_node(item: Item<'_>) -> Read<MinimumRule> {
        let o = item.object(&["method", "percentile", "governs", "source"])?;
        let d = MinimumRule::default();
        Ok(MinimumRule {
            method: match o.opt("method") {
                Some(i) => *MinimumMethod::ALL
                    .get(choice(i, &METHOD_KEYS)?)
                    .unwrap_or(&d.method),
                None => d.method,
            },
            percentile: match o.opt("percentile") {
                Some(i) => crate::model::dec::from_node(i)?,
                None => d.percentile,
            },
            governs: match o.opt("governs") {
                Some(i) => *Governs::ALL
                    .get(choice(i, &GOVERNS_KEYS)?)
                    .unwrap_or(&d.governs),
                None => d.governs,
            },
            source: o.or_default("source", Source::from_node)?,
        })
    }

    /// Write it.
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("method", Node::str(self.method.key()));
        o.put("percentile", Dec(self.percentile).to_node());
        o.put("governs", Node::str(self.governs.key()));
        o.put("source", self.source.to_node());
        o.node()
    }
}

impl Thresholds {
    /// Read the thresholds: every indicator's, and their basis.
    pub fn from_node(item: Item<'_>) -> Read<Thresholds> {
        let o = item.object(&[
            "years_left",
            "usable_pct",
            "change_3y_pct",
            "council_tax_pct",
            "general_vs_minimum_pct",
            "source",
        ])?;
        let one = |k: usize| -> Read<Threshold> {
            let t = o
                .req(INDICATOR_KEYS.get(k).copied().unwrap_or(""))?
                .object(&["red_below", "amber_below"])?;
            Ok(Threshold {
                red_below: t.decimal("red_below")?,
                amber_below: t.decimal("amber_below")?,
            })
        };
        Ok(Thresholds {
            by: [one(0)?, one(1)?, one(2)?, one(3)?, one(4)?],
            source: Source::from_node(o.req("source")?)?,
        })
    }

    /// Write every indicator's thresholds and their basis.
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        for (key, t) in INDICATOR_KEYS.iter().zip(&self.by) {
            let mut x = Object::new();
            x.put("red_below", Dec(t.red_below).to_node());
            x.put("amber_below", Dec(t.amber_below).to_node());
            o.put(key, x.node());
        }
        o.put("source", self.source.to_node());
        o.node()
    }
}

/// Check the reserves strategy: ids, names and ranges, and that the named earmarked
/// reserves add up to the scenario's earmarked reserves (opening and each year's use).
pub(super) fn validate(s: &super::Scenario, r: Option<&ReservesStrategy>) -> ModelResult<()> {
    let Some(r) = r else {
        return Ok(());
    };
    let h = &s.horizon;
    ids(
        "reserves_strategy.earmarked",
        r.earmarked.iter().map(|e| e.id.as_str()),
    )?;
    let at = At::new("reserves_strategy.earmarked", None);
    let mut opening = Decimal::ZERO;
    for e in &r.earmarked {
        let at = |field| At::item("reserves_strategy.earmarked", &e.id, field, None);
        if e.name.trim().is_empty() {
            return Err(at(".name").error("a reserve needs a name"));
        }
        amount(&at(".opening"), e.opening)?;
        if e.opening < Decimal::ZERO {
            return Err(at(".opening").error("an opening balance cannot be negative"));
        }
        amounts(&at(".planned_use"), &e.planned_use, h, true)?;
        opening = at("").add(opening, round_money(e.opening))?;
    }
    if !r.earmarked.is_empty() {
        let total = round_money(s.reserves.earmarked_opening.value.0);
        if opening != total {
            return Err(at.error(format!(
                "the named earmarked reserves open at £{} in all, but reserves.earmarked_opening \
                 is £{}: they must agree, the named reserves being its breakdown",
                penny(opening),
                penny(total)
            )));
        }
        for year in h.year_list() {
            let at = at.in_year(year);
            let uses = at.sum(
                r.earmarked
                    .iter()
                    .map(|e| round_money(e.planned_use.get_or_zero(year))),
            )?;
            let total = round_money(s.reserves.planned_use_earmarked.value.get_or_zero(year));
            if uses != total {
                return Err(at.error(format!(
                    "the named earmarked reserves' planned use adds up to £{}, but \
                     reserves.planned_use_earmarked is £{}: they must agree",
                    penny(uses),
                    penny(total)
                )));
            }
        }
    }
    ids(
        "reserves_strategy.risks",
        r.risks.iter().map(|e| e.id.as_str()),
    )?;
    if r.risks.len() > MAX_RISKS {
        return Err(ModelError::new(
            "reserves_strategy.risks",
            format!(
                "{} risks: a register holds at most {MAX_RISKS} (the percentile weighs every \
                 combination of them)",
                r.risks.len()
            ),
        ));
    }
    for risk in &r.risks {
        let at = |field| At::item("reserves_strategy.risks", &risk.id, field, None);
        if risk.name.trim().is_empty() {
            return Err(at(".name").error("a risk needs a name"));
        }
        let p = risk.likelihood_pct;
        if p < Decimal::ZERO || p > Decimal::ONE_HUNDRED {
            return Err(
                at(".likelihood_pct").error(format!("a likelihood is from 0% to 100%, not {p}%"))
            );
        }
        amount(&at(".impact"), risk.impact)?;
        if risk.impact < Decimal::ZERO {
            return Err(at(".impact").error("an impact is a cost: it cannot be negative"));
        }
    }
    let p = r.minimum.percentile;
    if p <= Decimal::ZERO || p >= Decimal::ONE_HUNDRED {
        return Err(ModelError::new(
            "reserves_strategy.minimum.percentile",
            format!("a percentile is more than 0 and less than 100, not {p}"),
        ));
    }
    let by = r.thresholds.as_ref().map_or(&[][..], |t| &t.by[..]);
    for (i, t) in Indicator::ALL.iter().zip(by) {
        let (red, amber) = (t.red_below, t.amber_below);
        if !within(red, 1_000_000) || !within(amber, 1_000_000) || amber < red {
            return Err(ModelError::new(
                format!("reserves_strategy.thresholds.{}", i.key()),
                format!(
                    "amber_below ({amber}) must be at or above red_below ({red}), both within \
                     ±1,000,000"
                ),
            ));
        }
    }
    Ok(())
}
