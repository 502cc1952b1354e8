//! The precept, savings and reserves sections of a scenario.

use super::raw::Raw;
use super::Sourced;
use crate::model::dec::{Dec, YearValues};
use crate::model::json::{Item, Node, Object, Read};
use crate::model::source::Source;

/// The council tax precept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Precept {
    /// Band D (£ a year) in the base year.
    pub band_d: Sourced<Dec>,
    /// Band D rise in £ by year after the base year.
    pub rise_gbp: Sourced<YearValues>,
    /// Band D rise in % by year (a year may have a £ rise or a % rise, not both).
    pub rise_pct: Sourced<YearValues>,
    /// Tax base in the base year (Band D equivalent properties).
    pub tax_base: Sourced<Dec>,
    /// Tax base growth % by year after the base year.
    pub tax_base_growth_pct: Sourced<YearValues>,
    /// Referendum limit on the Band D rise (£) by year: a larger rise gets a warning.
    pub referendum_limit_gbp: Sourced<YearValues>,
}

/// Whether a saving recurs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SavingKind {
    /// Taken in the year listed and in every later year.
    Recurring,
    /// Taken in the year listed only.
    OneOff,
    /// The collaboration register's realised cashable savings, year by year (no amounts).
    Collaborations,
}

/// A saving already identified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saving {
    /// Unique id among savings.
    pub id: String,
    /// Name shown to people.
    pub name: String,
    /// Recurring, one-off, or from the collaboration register.
    pub kind: SavingKind,
    /// New savings (£, positive) by the year they start.
    pub amounts: YearValues,
    /// Where the figures come from.
    pub source: Source,
    /// How its delivery stands (schema 2; none recorded: counted in full), kept as read:
    /// [`super::Scenario::sections`] reads it.
    pub delivery: Option<Raw>,
}

/// Reserves policy and balances.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reserves {
    /// General reserve at the start of the base year (£).
    pub general_opening: Sourced<Dec>,
    /// Earmarked reserves at the start of the base year (£).
    pub earmarked_opening: Sourced<Dec>,
    /// Planned use of the general reserve to meet the gap (£, negative = contribution).
    pub planned_use_general: Sourced<YearValues>,
    /// Planned use of earmarked reserves to meet the gap (£, negative = contribution).
    pub planned_use_earmarked: Sourced<YearValues>,
    /// The general reserve must stay at or above this % of the year's net revenue spend.
    pub floor_pct: Sourced<Dec>,
}

impl Precept {
    /// Read the precept section (the rises, tax base growth and referendum limits are
    /// optional).
    pub fn from_node(item: Item<'_>) -> Read<Precept> {
        let o = item.object(&[
            "band_d",
            "rise_gbp",
            "rise_pct",
            "tax_base",
            "tax_base_growth_pct",
            "referendum_limit_gbp",
        ])?;
        Ok(Precept {
            band_d: Sourced::dec_from_node(o.req("band_d")?)?,
            rise_gbp: o.or_default("rise_gbp", Sourced::years_from_node)?,
            rise_pct: o.or_default("rise_pct", Sourced::years_from_node)?,
            tax_base: Sourced::dec_from_node(o.req("tax_base")?)?,
            tax_base_growth_pct: o.or_default("tax_base_growth_pct", Sourced::years_from_node)?,
            referendum_limit_gbp: o.or_default("referendum_limit_gbp", Sourced::years_from_node)?,
        })
    }

    /// Write the precept section.
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("band_d", self.band_d.dec_to_node());
        o.put("rise_gbp", self.rise_gbp.years_to_node());
        o.put("rise_pct", self.rise_pct.years_to_node());
        o.put("tax_base", self.tax_base.dec_to_node());
        o.put(
            "tax_base_growth_pct",
            self.tax_base_growth_pct.years_to_node(),
        );
        o.put(
            "referendum_limit_gbp",
            self.referendum_limit_gbp.years_to_node(),
        );
        o.node()
    }
}

impl SavingKind {
    /// Every kind.
    pub const ALL: [SavingKind; 3] = [
        SavingKind::Recurring,
        SavingKind::OneOff,
        SavingKind::Collaborations,
    ];

    /// The kind as written in files.
    pub fn key(self) -> &'static str {
        match self {
            SavingKind::Recurring => "recurring",
            SavingKind::OneOff => "one_off",
            SavingKind::Collaborations => "collaborations",
        }
    }
}

impl Saving {
    /// Read a saving.
    pub fn from_node(item: Item<'_>) -> Read<Saving> {
        let o = item.object(&["id", "name", "kind", "amounts", "source", "delivery"])?;
        Ok(Saving {
            id: o.string("id")?,
            name: o.string("name")?,
            kind: o.req("kind")?.variant(&SavingKind::ALL, SavingKind::key)?,
            amounts: o.or_default("amounts", YearValues::from_node)?,
            source: Source::from_node(o.req("source")?)?,
            delivery: o.nullable("delivery", Raw::from_node)?,
        })
    }

    /// Write a saving.
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("id", Node::str(&self.id));
        o.put("name", Node::str(&self.name));
        o.put("kind", Node::str(self.kind.key()));
        o.put("amounts", self.amounts.to_node());
        o.put("source", self.source.to_node());
        if let Some(d) = &self.delivery {
            o.put("delivery", d.to_node());
        }
        o.node()
    }
}

impl Reserves {
    /// Read the reserves section (planned uses are optional).
    pub fn from_node(item: Item<'_>) -> Read<Reserves> {
        let o = item.object(&[
            "general_opening",
            "earmarked_opening",
            "planned_use_general",
            "planned_use_earmarked",
            "floor_pct",
        ])?;
        Ok(Reserves {
            general_opening: Sourced::dec_from_node(o.req("general_opening")?)?,
            earmarked_opening: Sourced::dec_from_node(o.req("earmarked_opening")?)?,
            planned_use_general: o.or_default("planned_use_general", Sourced::years_from_node)?,
            planned_use_earmarked: o
                .or_default("planned_use_earmarked", Sourced::years_from_node)?,
            floor_pct: Sourced::dec_from_node(o.req("floor_pct")?)?,
        })
    }

    /// Write the reserves section.
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("general_opening", self.general_opening.dec_to_node());
        o.put("earmarked_opening", self.earmarked_opening.dec_to_node());
        o.put(
            "planned_use_general",
            self.planned_use_general.years_to_node(),
        );
        o.put(
            "planned_use_earmarked",
            self.planned_use_earmarked.years_to_node(),
        );
        o.put("floor_pct", self.floor_pct.dec_to_node());
        o.node()
    }
}
