//! The savings register (schema 2): how each saving is being delivered, and the delivery
//! confidence each status carries by default (docs/resilience.md §2).
//!
//! A saving may carry a `delivery` object (owner, category, status, an optional
//! confidence of its own and the basis of its status); a scenario may carry a
//! `delivery_confidence` section that changes the confidence each status gives by
//! default. Both are optional: a saving with no status is counted in full, as before, and
//! a scenario without the section uses the defaults below. Neither changes the projection
//! (`mtfp project`); they give the risk-adjusted figures (`model::resilience`).

use rust_decimal::Decimal;

use super::Sourced;
use crate::model::dec::Dec;
use crate::model::error::{ModelError, ModelResult};
use crate::model::json::{Item, Node, Object, Read};
use crate::model::source::Source;

/// Which of `keys` the string `item` is: one reader for every choice in schema 2's
/// sections (not a copy per type).
pub(super) fn choice(item: Item<'_>, keys: &[&str]) -> Read<usize> {
    let text = item.str()?;
    keys.iter().position(|k| *k == text).ok_or_else(|| {
        item.error(format!(
            "unknown variant `{}`, expected {}",
            crate::model::json::shorten(text),
            crate::model::json::read::one_of(keys)
        ))
    })
}

/// The categories as files write them, in [`SavingCategory`]'s order.
const CATEGORY_KEYS: [&str; 6] = [
    "workforce",
    "estates",
    "collaboration",
    "procurement",
    "income",
    "other",
];

/// What a saving is made from (the register's categories).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SavingCategory {
    /// Posts and pay.
    Workforce,
    /// Buildings.
    Estates,
    /// Work shared with other forces or services.
    Collaboration,
    /// Buying.
    Procurement,
    /// More income.
    Income,
    /// Anything else.
    Other,
}

impl SavingCategory {
    /// Every category, in the order lists show them.
    pub const ALL: [SavingCategory; 6] = [
        SavingCategory::Workforce,
        SavingCategory::Estates,
        SavingCategory::Collaboration,
        SavingCategory::Procurement,
        SavingCategory::Income,
        SavingCategory::Other,
    ];

    /// As written in files.
    pub fn key(self) -> &'static str {
        CATEGORY_KEYS.get(self as usize).copied().unwrap_or("other")
    }

    /// As people read it.
    pub fn label(self) -> &'static str {
        match self {
            SavingCategory::Workforce => "Workforce",
            SavingCategory::Estates => "Estates",
            SavingCategory::Collaboration => "Collaboration",
            SavingCategory::Procurement => "Procurement",
            SavingCategory::Income => "Income",
            SavingCategory::Other => "Other",
        }
    }
}

/// The statuses as files write them, in [`DeliveryStatus`]'s order.
const STATUS_KEYS: [&str; 5] = [
    "delivered",
    "on_track",
    "at_risk",
    "unlikely",
    "not_planned",
];

/// Where a saving's delivery stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DeliveryStatus {
    /// Taken: the budget no longer holds it.
    Delivered,
    /// Green: on track.
    OnTrack,
    /// Amber: at risk.
    AtRisk,
    /// Red: unlikely to be delivered.
    Unlikely,
    /// Named in the plan, with no plan yet to deliver it.
    NotPlanned,
}

impl DeliveryStatus {
    /// Every status, best first.
    pub const ALL: [DeliveryStatus; 5] = [
        DeliveryStatus::Delivered,
        DeliveryStatus::OnTrack,
        DeliveryStatus::AtRisk,
        DeliveryStatus::Unlikely,
        DeliveryStatus::NotPlanned,
    ];

    /// As written in files.
    pub fn key(self) -> &'static str {
        STATUS_KEYS.get(self.index()).copied().unwrap_or("")
    }

    /// As people read it.
    pub fn label(self) -> &'static str {
        match self {
            DeliveryStatus::Delivered => "Delivered",
            DeliveryStatus::OnTrack => "On track (green)",
            DeliveryStatus::AtRisk => "At risk (amber)",
            DeliveryStatus::Unlikely => "Unlikely (red)",
            DeliveryStatus::NotPlanned => "Not yet planned",
        }
    }

    /// Its place in [`DeliveryStatus::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Each status's default confidence (%) and its basis, in [`DeliveryStatus`]'s order.
const DEFAULTS: [(u8, &str); 5] = [
    (100, "A planning convention, not published: delivered, so out of the budget already."),
    (90, "A planning convention, not published: on track, with a tenth held back for slippage."),
    (60, "A planning convention, not published: at risk, its plans behind or short."),
    (25, "A planning convention, not published: unlikely, most of it not expected."),
    (0, "A planning convention, not published: not yet planned, so nothing is counted until a plan is agreed."),
];

/// How one saving is being delivered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    /// Who is responsible (empty if not recorded).
    pub owner: String,
    /// What it is made from.
    pub category: SavingCategory,
    /// Where delivery stands (`None`: not assessed, so counted in full).
    pub status: Option<DeliveryStatus>,
    /// A confidence (%) of its own, overriding its status's default.
    pub confidence: Option<Decimal>,
    /// The basis of the status and of a confidence of its own (empty text if not recorded).
    pub source: Source,
}

impl Delivery {
    /// A saving of `status`, with nothing else recorded.
    pub fn new(status: Option<DeliveryStatus>) -> Delivery {
        Delivery {
            owner: String::new(),
            category: SavingCategory::Other,
            status,
            confidence: None,
            source: Source::default(),
        }
    }

    /// Read a saving's `delivery` object.
    pub fn from_node(item: Item<'_>) -> Read<Delivery> {
        let o = item.object(&["owner", "category", "status", "confidence", "source"])?;
        Ok(Delivery {
            owner: o.text_or_empty("owner")?,
            category: match o.opt("category") {
                Some(i) => SavingCategory::ALL
                    .get(choice(i, &CATEGORY_KEYS)?)
                    .copied()
                    .unwrap_or(SavingCategory::Other),
                None => SavingCategory::Other,
            },
            status: match o.opt("status") {
                Some(i) => DeliveryStatus::ALL.get(choice(i, &STATUS_KEYS)?).copied(),
                None => None,
            },
            confidence: o.nullable("confidence", crate::model::dec::from_node)?,
            source: o.or_default("source", Source::from_node)?,
        })
    }

    /// Write it (the status, confidence and source only when given).
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("owner", Node::str(&self.owner));
        o.put("category", Node::str(self.category.key()));
        if let Some(status) = self.status {
            o.put("status", Node::str(status.key()));
        }
        if let Some(c) = self.confidence {
            o.put("confidence", Dec(c).to_node());
        }
        if self.source != Source::default() {
            o.put("source", self.source.to_node());
        }
        o.node()
    }
}

/// The delivery confidence (%) each status gives a saving that has none of its own: the
/// `delivery_confidence` section, by status key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryConfidence(pub [Sourced<Dec>; 5]);

impl Default for DeliveryConfidence {
    fn default() -> Self {
        DeliveryConfidence(
            DEFAULTS.map(|(pct, why)| Sourced::new(Dec(Decimal::from(pct)), Source::estimate(why))),
        )
    }
}

impl DeliveryConfidence {
    /// The confidence `status` gives, with its basis.
    pub fn of(&self, status: DeliveryStatus) -> Option<&Sourced<Dec>> {
        self.0.get(status.index())
    }

    /// The same, to change.
    pub fn of_mut(&mut self, status: DeliveryStatus) -> Option<&mut Sourced<Dec>> {
        self.0.get_mut(status.index())
    }

    /// Read the section: every status's confidence, each with its basis.
    pub fn from_node(item: Item<'_>) -> Read<DeliveryConfidence> {
        let o = item.object(&STATUS_KEYS)?;
        let at =
            |k: usize| Sourced::dec_from_node(o.req(STATUS_KEYS.get(k).copied().unwrap_or(""))?);
        Ok(DeliveryConfidence([at(0)?, at(1)?, at(2)?, at(3)?, at(4)?]))
    }

    /// Write every status's confidence.
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        for (status, c) in DeliveryStatus::ALL.iter().zip(&self.0) {
            o.put(status.key(), c.dec_to_node());
        }
        o.node()
    }
}

/// The message for a confidence outside 0% to 100%, if it is.
fn out_of_range(v: Decimal) -> Option<String> {
    (v < Decimal::ZERO || v > Decimal::ONE_HUNDRED)
        .then(|| format!("a delivery confidence is from 0% to 100%, not {v}%"))
}

/// Check the savings register's ranges: each confidence from 0% to 100%.
pub(super) fn validate(s: &super::Scenario, sections: &super::Sections) -> ModelResult<()> {
    let table = sections.confidence.as_ref().map_or(&[][..], |t| &t.0[..]);
    for (status, c) in DeliveryStatus::ALL.iter().zip(table) {
        if let Some(m) = out_of_range(c.value.0) {
            return Err(ModelError::new(
                format!("delivery_confidence.{}", status.key()),
                m,
            ));
        }
    }
    for (saving, d) in s.savings.iter().zip(&sections.delivery) {
        let c = d.as_ref().and_then(|d| d.confidence);
        if let Some(m) = c.and_then(out_of_range) {
            return Err(ModelError::new(
                format!("savings[{}].delivery.confidence", saving.id),
                m,
            ));
        }
    }
    Ok(())
}
