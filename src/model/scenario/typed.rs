//! The typed forms of the schema-2 sections a scenario keeps as read ([`Raw`]): each
//! saving's `delivery`, `delivery_confidence` and `reserves_strategy` (docs/scenarios.md,
//! "Sections kept as read"). Read only where they are used (the savings and reserves
//! screens, the section 25 statement, `mtfp`), and checked in full where files enter
//! ([`Scenario::from_json_checked`]: `mtfp`'s reading of a scenario and the import).

use std::borrow::Cow;

use super::delivery::{self, Delivery, DeliveryConfidence};
use super::raw::Raw;
use super::strategy::{self, ReservesStrategy};
use super::{Saving, Scenario, MAX_VALUES};
use crate::model::error::{ModelError, ModelResult};
use crate::model::json::{self, Item, Member, Node, Read, Value};

/// The schema-2 sections of a scenario, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sections {
    /// Each saving's delivery, in the order of the scenario's savings (`None`: none
    /// recorded, so counted in full).
    pub delivery: Vec<Option<Delivery>>,
    /// The confidence each status gives (`None`: the defaults).
    pub confidence: Option<DeliveryConfidence>,
    /// The reserves strategy (`None`: none).
    pub strategy: Option<ReservesStrategy>,
}

/// The members of the object the sections are read from, as a scenario file names them.
const KEYS: [&str; 3] = ["savings", "delivery_confidence", "reserves_strategy"];

fn member(key: &str, value: Node) -> Member {
    Member {
        key: key.to_string(),
        at: value.at,
        value,
    }
}

/// An object holding the sections under their names in a scenario file (each saving's
/// `delivery` beside its `id`), so what is wrong is named by its path in the file.
fn holder(
    savings: Vec<(Node, Option<Node>)>,
    confidence: Option<Node>,
    strategy: Option<Node>,
) -> Node {
    let savings = savings
        .into_iter()
        .map(|(id, delivery)| {
            let mut m = vec![member("id", id)];
            m.extend(delivery.map(|d| member("delivery", d)));
            Node::new(Value::Object(m))
        })
        .collect();
    let mut m = vec![member("savings", Node::array(savings))];
    m.extend(confidence.map(|c| member("delivery_confidence", c)));
    m.extend(strategy.map(|s| member("reserves_strategy", s)));
    Node::new(Value::Object(m))
}

fn read(holder: &Node) -> Read<Sections> {
    let o = Item::root(holder).object(&KEYS)?;
    Ok(Sections {
        delivery: o.req("savings")?.entries(|i| {
            i.object(&["id", "delivery"])?
                .nullable("delivery", Delivery::from_node)
        })?,
        confidence: o.nullable("delivery_confidence", DeliveryConfidence::from_node)?,
        strategy: o.nullable("reserves_strategy", ReservesStrategy::from_node)?,
    })
}

impl Sections {
    /// Check the sections' ranges, and that the named earmarked reserves add up to `s`'s
    /// earmarked reserves.
    pub fn validate(&self, s: &Scenario) -> ModelResult<()> {
        delivery::validate(s, self)?;
        strategy::validate(s, self.strategy.as_ref())
    }

    /// The delivery of the saving at `index` in the scenario's savings, if recorded.
    pub fn delivery_at(&self, index: usize) -> Option<&Delivery> {
        self.delivery.get(index)?.as_ref()
    }

    /// The delivery confidence each status gives: the scenario's, or the defaults.
    pub fn confidence_table(&self) -> Cow<'_, DeliveryConfidence> {
        match &self.confidence {
            Some(t) => Cow::Borrowed(t),
            None => Cow::Owned(DeliveryConfidence::default()),
        }
    }

    /// The reserves strategy: the scenario's, or none of its own (no named reserves, no
    /// risks, the % floor governing, the default thresholds).
    pub fn strategy(&self) -> Cow<'_, ReservesStrategy> {
        match &self.strategy {
            Some(t) => Cow::Borrowed(t),
            None => Cow::Owned(ReservesStrategy::default()),
        }
    }
}

impl Scenario {
    /// The schema-2 sections read from what the scenario kept, not range-checked: an error
    /// names the field (`reserves_strategy.risks[r1].impact: …`).
    pub fn read_sections(&self) -> ModelResult<Sections> {
        let node = |r: &Option<Raw>| r.as_ref().map(Raw::to_node);
        let savings = self
            .savings
            .iter()
            .map(|x| (Node::str(&x.id), node(&x.delivery)))
            .collect();
        let h = holder(
            savings,
            node(&self.delivery_confidence),
            node(&self.reserves_strategy),
        );
        read(&h).map_err(|e| ModelError::new(e.path, e.message))
    }

    /// The schema-2 sections as screens show them: one that cannot be read shows as none
    /// (the screen shows why beside it, from [`Scenario::sections`]).
    pub fn sections_or_none(&self) -> Sections {
        self.read_sections().unwrap_or_else(|_| Sections {
            delivery: vec![None; self.savings.len()],
            confidence: None,
            strategy: None,
        })
    }

    /// The schema-2 sections, read and checked ([`Sections::validate`]).
    pub fn sections(&self) -> ModelResult<Sections> {
        let sections = self.read_sections()?;
        sections.validate(self)?;
        Ok(sections)
    }

    /// `sections` written back into the scenario.
    pub fn set_sections(&mut self, sections: &Sections) {
        for (saving, d) in self.savings.iter_mut().zip(&sections.delivery) {
            saving.set_delivery(d.as_ref());
        }
        self.delivery_confidence = sections.confidence.as_ref().map(|c| Raw::of(&c.to_node()));
        self.set_strategy(sections.strategy.as_ref());
    }

    /// The reserves strategy written back (`None`, or one with nothing of its own: none).
    pub fn set_strategy(&mut self, strategy: Option<&ReservesStrategy>) {
        self.reserves_strategy = strategy
            .filter(|s| **s != ReservesStrategy::default())
            .map(|s| Raw::of(&s.to_node()));
    }

    /// Read a scenario file from its bytes and check it in full: [`Scenario::from_bytes`],
    /// then its schema-2 sections as [`Scenario::from_json_checked`] does.
    pub fn from_bytes_checked(bytes: &[u8]) -> ModelResult<Scenario> {
        let text = json::decode(bytes).map_err(|m| ModelError::new("", m))?;
        Scenario::from_json_checked(text)
    }

    /// Read a scenario file and check it in full: [`Scenario::from_json`], then the
    /// schema-2 sections it keeps as read, each problem named with its line and column.
    /// `mtfp` and the import read files this way.
    pub fn from_json_checked(text: &str) -> ModelResult<Scenario> {
        let text = json::strip_bom(text);
        if text.trim().is_empty() {
            return Err(ModelError::new("", "the file is empty"));
        }
        let node =
            json::parse_bounded(text, MAX_VALUES).map_err(|e| Scenario::json_error(text, &e))?;
        let scenario = Scenario::from_tree(&node, text)?;
        let at = |key: &str| node.get(key).filter(|n| !n.is_null()).cloned();
        let savings = node
            .get("savings")
            .and_then(Node::as_array)
            .unwrap_or_default()
            .iter()
            .map(|x| {
                let id = x.get("id").cloned().unwrap_or_else(Node::null);
                (id, x.get("delivery").cloned())
            })
            .collect();
        let h = holder(savings, at("delivery_confidence"), at("reserves_strategy"));
        let sections = read(&h).map_err(|e| e.locate(text, "scenario"))?;
        sections.validate(&scenario)?;
        crate::model::risk::section::check_file(&scenario, &node, text)?;
        Ok(scenario)
    }
}

impl Saving {
    /// Its delivery written back (`None`: none recorded).
    pub fn set_delivery(&mut self, delivery: Option<&Delivery>) {
        self.delivery = delivery.map(|d| Raw::of(&d.to_node()));
    }
}
