//! A scenario: everything the engine needs to project a force's medium-term financial
//! plan, as the versioned JSON file (`"schema": 2`; schema 1 files read unchanged) that the browser app imports and
//! exports and the `mtfp` tool reads.
//!
//! Money is in pounds (£), percentages are per cent (`"2.5"` means 2.5%), and every
//! Decimal is written as a JSON string. Unknown fields are rejected. A file is first parsed
//! ([`Scenario::from_bytes`] checks the text is UTF-8, [`Scenario::from_json`] parses the
//! JSON, [`Scenario::from_tree`] checks the schema, reads each field, then runs
//! [`Scenario::validate`]); only a scenario that passes validation reaches the engine.
//! Reading is bounded: at most [`MAX_FILE_BYTES`] (callers check), [`MAX_VALUES`] JSON
//! values and [`json::MAX_ENTRIES`] entries in any list.

pub mod delivery;
mod lines;
mod parse;
pub mod raw;
pub mod schema;
mod sections;
pub mod strategy;
pub mod typed;
mod validate;

use super::capital::CapitalProgramme;
use super::collab::CollaborationRegister;
use super::dec::Dec;
use super::dec::YearValues;
use super::error::{ModelError, ModelResult};
use super::json::{self, Item, Node, Object, Read};
use super::outturn::ActualsJson;
use super::source::Source;
use super::workforce::WorkforcePlan;
use super::year::FinancialYear;

pub use delivery::{DeliveryConfidence, DeliveryStatus, SavingCategory};
pub use lines::{
    Driver, ExpenditureCategory, ExpenditureLine, FundingCategory, FundingDriver, FundingLine,
    PayGroup,
};
pub use raw::Raw;
pub use schema::{FIRST_SCHEMA, SCHEMA_VERSION};
pub use sections::{Precept, Reserves, Saving, SavingKind};
pub use strategy::{Indicator, ReservesStrategy};
pub use typed::Sections;
pub(crate) use validate::NO_PROGRAMME;
pub use validate::{MAX_PCT, MAX_YEARS, MIN_PCT, MIN_YEARS};

/// The largest scenario file read, in bytes (the baseline is about 45 KB): checked by
/// whoever reads the file (import, the `mtfp` tool) before reading it whole.
pub const MAX_FILE_BYTES: usize = 2_000_000;

/// The most JSON values a scenario file may hold (the baseline has about 1,000): parsing
/// stops there, so a hostile file costs memory in proportion to this, not to its size.
pub const MAX_VALUES: usize = 100_000;

/// A whole medium-term financial plan scenario (schema 1 or 2: schema 2 may add optional
/// sections).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scenario {
    /// File format version: from [`FIRST_SCHEMA`] to [`SCHEMA_VERSION`].
    pub schema: u32,
    /// Short name shown in the app and the CLI ("Nottinghamshire baseline").
    pub name: String,
    /// What the scenario is for and what it changes.
    pub description: String,
    /// The plan's years.
    pub horizon: Horizon,
    /// Pay awards, pay drift and non-pay inflation by year.
    pub assumptions: Assumptions,
    /// Spending lines, as a police budget book groups them.
    pub expenditure: Vec<ExpenditureLine>,
    /// Funding lines other than the precept.
    pub funding: Vec<FundingLine>,
    /// Council tax precept: Band D, rises, tax base, referendum limits.
    pub precept: Precept,
    /// Savings already identified.
    pub savings: Vec<Saving>,
    /// Reserves: opening balances, planned use, the general reserve floor.
    pub reserves: Reserves,
    /// Officers, staff and PCSOs by year (drives `workforce` lines and the Uplift grant).
    pub workforce: Option<WorkforcePlan>,
    /// Collaboration register (drives collaboration and capital financing lines).
    pub collaborations: Option<CollaborationRegister>,
    /// Capital programme (schema 2; drives the capital programme's lines): docs/capital.md.
    pub capital_programme: Option<CapitalProgramme>,
    /// The delivery confidence each status gives a saving (schema 2; `None`: the defaults),
    /// kept as read: [`Scenario::sections`] reads it.
    pub delivery_confidence: Option<Raw>,
    /// Named earmarked reserves, risks and indicator thresholds (schema 2; `None`: none),
    /// kept as read: [`Scenario::sections`] reads it.
    pub reserves_strategy: Option<Raw>,
    /// Risk analysis's settings and uncertainty ranges (schema 2; `None`: the registry's),
    /// kept as read: `risk::Settings::of` reads it (docs/risk.md §1).
    pub risk: Option<Raw>,
    /// Outturn figures, actual assumption values and grant statuses (schema 2; moves no
    /// projected figure: docs/outturn.md).
    /// Kept as read: read and checked where used, `outturn::Actuals::of`.
    pub actuals: Option<ActualsJson>,
}

/// The plan's years: `years` financial years starting with `base_year`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Horizon {
    /// The first year: its budget is the one already set (the lines' base amounts).
    pub base_year: FinancialYear,
    /// How many years the plan covers, base year included ([`MIN_YEARS`]..=[`MAX_YEARS`]).
    pub years: u8,
}

impl Horizon {
    /// Read `{"base_year": …, "years": …}`.
    pub fn from_node(item: Item<'_>) -> Read<Horizon> {
        let o = item.object(&["base_year", "years"])?;
        Ok(Horizon {
            base_year: FinancialYear::from_node(o.req("base_year")?)?,
            years: o.req("years")?.u8()?,
        })
    }

    /// Write as `{"base_year": …, "years": …}`.
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("base_year", self.base_year.to_node());
        o.put("years", Node::int(self.years.into()));
        o.node()
    }

    /// The plan's years, base year first. Years past 2098/99 are dropped (validation
    /// rejects such a horizon).
    pub fn year_list(&self) -> Vec<FinancialYear> {
        (0..u16::from(self.years))
            .map_while(|n| self.base_year.plus(n))
            .collect()
    }

    /// The last year of the plan, if within the supported range.
    pub fn last_year(&self) -> Option<FinancialYear> {
        u16::from(self.years)
            .checked_sub(1)
            .and_then(|n| self.base_year.plus(n))
    }

    /// True if `year` is one of the plan's years.
    pub fn contains(&self, year: FinancialYear) -> bool {
        year >= self.base_year && self.last_year().is_some_and(|last| year <= last)
    }
}

/// A value together with where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sourced<T> {
    /// The value.
    pub value: T,
    /// Its citation, or the reasoning behind an estimate.
    pub source: Source,
}

impl<T> Sourced<T> {
    /// A value with its source.
    pub fn new(value: T, source: Source) -> Self {
        Sourced { value, source }
    }

    /// Read `{"value": …, "source": …}`, the value with `read`.
    pub fn from_node(item: Item<'_>, read: fn(Item<'_>) -> Read<T>) -> Read<Sourced<T>> {
        let o = item.object(&["value", "source"])?;
        Ok(Sourced {
            value: read(o.req("value")?)?,
            source: Source::from_node(o.req("source")?)?,
        })
    }

    /// Write as `{"value": …, "source": …}`, the value as `write` gives it.
    pub fn to_node(&self, write: fn(&T) -> Node) -> Node {
        let mut o = Object::new();
        o.put("value", write(&self.value));
        o.put("source", self.source.to_node());
        o.node()
    }
}

impl Sourced<YearValues> {
    /// Read a sourced table of values by year.
    pub fn years_from_node(item: Item<'_>) -> Read<Self> {
        Sourced::from_node(item, YearValues::from_node)
    }

    /// Write a sourced table of values by year.
    pub fn years_to_node(&self) -> Node {
        self.to_node(YearValues::to_node)
    }
}

impl Sourced<Dec> {
    /// Read a sourced Decimal.
    pub fn dec_from_node(item: Item<'_>) -> Read<Self> {
        Sourced::from_node(item, Dec::from_node)
    }

    /// Write a sourced Decimal.
    pub fn dec_to_node(&self) -> Node {
        self.to_node(Dec::to_node)
    }
}

impl Assumptions {
    /// Read the four sourced rate tables.
    pub fn from_node(item: Item<'_>) -> Read<Assumptions> {
        let o = item.object(&[
            "officer_pay_award_pct",
            "staff_pay_award_pct",
            "pay_drift_pct",
            "non_pay_inflation_pct",
        ])?;
        Ok(Assumptions {
            officer_pay_award_pct: Sourced::years_from_node(o.req("officer_pay_award_pct")?)?,
            staff_pay_award_pct: Sourced::years_from_node(o.req("staff_pay_award_pct")?)?,
            pay_drift_pct: Sourced::years_from_node(o.req("pay_drift_pct")?)?,
            non_pay_inflation_pct: Sourced::years_from_node(o.req("non_pay_inflation_pct")?)?,
        })
    }

    /// Write the four sourced rate tables.
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put(
            "officer_pay_award_pct",
            self.officer_pay_award_pct.years_to_node(),
        );
        o.put(
            "staff_pay_award_pct",
            self.staff_pay_award_pct.years_to_node(),
        );
        o.put("pay_drift_pct", self.pay_drift_pct.years_to_node());
        o.put(
            "non_pay_inflation_pct",
            self.non_pay_inflation_pct.years_to_node(),
        );
        o.node()
    }
}

/// Scenario-wide rates, each a percentage by financial year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assumptions {
    /// Police officer pay award %, effective 1 September of each year. The base year's
    /// award is needed too: 5/12 of it falls in the following year.
    pub officer_pay_award_pct: Sourced<YearValues>,
    /// Police staff (and PCSO) pay award %, effective 1 September of each year.
    pub staff_pay_award_pct: Sourced<YearValues>,
    /// Incremental pay drift %: the rise in the pay bill as people move up their scales,
    /// added on pay lines that ask for it.
    pub pay_drift_pct: Sourced<YearValues>,
    /// General non-pay inflation %.
    pub non_pay_inflation_pct: Sourced<YearValues>,
}

impl Scenario {
    /// Read a scenario file from its bytes: UTF-8 text (a leading byte-order mark is
    /// dropped; UTF-16 or stray bytes are refused, saying so and where), then
    /// [`Scenario::from_json`]. The caller bounds the size ([`MAX_FILE_BYTES`]).
    pub fn from_bytes(bytes: &[u8]) -> ModelResult<Scenario> {
        let text = json::decode(bytes).map_err(|m| ModelError::new("", m))?;
        Scenario::from_json(text)
    }

    /// Read a scenario file: parse it strictly (a leading byte-order mark allowed, at most
    /// [`MAX_VALUES`] values), then [`Scenario::from_tree`]. Any failure is one error
    /// whose message names the field (and line and column for a parse failure).
    pub fn from_json(text: &str) -> ModelResult<Scenario> {
        let text = json::strip_bom(text);
        if text.trim().is_empty() {
            return Err(ModelError::new("", "the file is empty"));
        }
        let node =
            json::parse_bounded(text, MAX_VALUES).map_err(|e| parse::syntax_error(text, &e))?;
        Scenario::from_tree(&node, text)
    }

    /// The error for `text`, which is not JSON (`e` says why): one line naming the field
    /// being read, with the line and column.
    pub fn json_error(text: &str, e: &json::JsonError) -> ModelError {
        parse::syntax_error(text, e)
    }

    /// Read and validate a scenario already parsed from `text` (which gives the line and
    /// column of a problem). The schema is checked first ([`schema::check`]), so a file
    /// from a newer planner says so rather than failing on a field that changed.
    pub fn from_tree(node: &Node, text: &str) -> ModelResult<Scenario> {
        schema::check(node, text)?;
        let scenario =
            Scenario::from_node(Item::root(node)).map_err(|e| e.locate(text, "scenario"))?;
        scenario.validate()?;
        Ok(scenario)
    }

    /// Write the scenario as pretty-printed JSON (the same format it is read from).
    pub fn to_json(&self) -> String {
        json::to_string_pretty(&self.to_node())
    }

    /// Write the scenario as compact JSON (for storage and share links).
    pub fn to_json_compact(&self) -> String {
        json::to_string(&self.to_node())
    }

    /// Read every field of a scenario, without validating ranges.
    pub fn from_node(item: Item<'_>) -> Read<Scenario> {
        let o = item.object(&[
            "schema",
            "name",
            "description",
            "horizon",
            "assumptions",
            "expenditure",
            "funding",
            "precept",
            "savings",
            "reserves",
            "workforce",
            "collaborations",
            "capital_programme",
            "delivery_confidence",
            "reserves_strategy",
            "actuals",
            "risk",
        ])?;
        Ok(Scenario {
            schema: o.req("schema")?.u32()?,
            name: o.string("name")?,
            description: o.text_or_empty("description")?,
            horizon: Horizon::from_node(o.req("horizon")?)?,
            assumptions: Assumptions::from_node(o.req("assumptions")?)?,
            expenditure: o.req("expenditure")?.entries(ExpenditureLine::from_node)?,
            funding: o.req("funding")?.entries(FundingLine::from_node)?,
            precept: Precept::from_node(o.req("precept")?)?,
            savings: o.or_default("savings", |i| i.entries(Saving::from_node))?,
            reserves: Reserves::from_node(o.req("reserves")?)?,
            workforce: o.nullable("workforce", WorkforcePlan::from_node)?,
            collaborations: o.nullable("collaborations", CollaborationRegister::from_node)?,
            capital_programme: o.nullable("capital_programme", CapitalProgramme::from_node)?,
            delivery_confidence: o.nullable("delivery_confidence", Raw::from_node)?,
            reserves_strategy: o.nullable("reserves_strategy", Raw::from_node)?,
            risk: o.nullable("risk", Raw::from_node)?,
            actuals: o.nullable("actuals", ActualsJson::from_node)?,
        })
    }

    /// The scenario as a JSON tree, fields in file order.
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("schema", Node::int(schema::written(self).into()));
        o.put("name", Node::str(&self.name));
        o.put("description", Node::str(&self.description));
        o.put("horizon", self.horizon.to_node());
        o.put("assumptions", self.assumptions.to_node());
        o.put(
            "expenditure",
            Node::array(
                self.expenditure
                    .iter()
                    .map(ExpenditureLine::to_node)
                    .collect(),
            ),
        );
        o.put(
            "funding",
            Node::array(self.funding.iter().map(FundingLine::to_node).collect()),
        );
        o.put("precept", self.precept.to_node());
        o.put(
            "savings",
            Node::array(self.savings.iter().map(Saving::to_node).collect()),
        );
        o.put("reserves", self.reserves.to_node());
        o.put(
            "workforce",
            self.workforce
                .as_ref()
                .map_or_else(Node::null, WorkforcePlan::to_node),
        );
        o.put(
            "collaborations",
            self.collaborations
                .as_ref()
                .map_or_else(Node::null, CollaborationRegister::to_node),
        );
        // Schema 2's optional sections are written only when present, so a schema 1 file
        // is written back as it was read.
        if let Some(p) = &self.capital_programme {
            o.put("capital_programme", p.to_node());
        }
        // The sections kept as read, in one loop (a copy of the code for each costs the first
        // download more).
        for (key, kept) in [
            ("delivery_confidence", &self.delivery_confidence),
            ("reserves_strategy", &self.reserves_strategy),
            ("risk", &self.risk),
        ] {
            if let Some(r) = kept {
                o.put(key, r.to_node());
            }
        }
        // Written only when present, so a schema-1 scenario is written as it was read.
        if let Some(a) = &self.actuals {
            o.put("actuals", a.node().clone());
        }
        o.node()
    }

    /// Check every range and cross-reference the engine relies on. The first problem found
    /// is returned, naming its field.
    pub fn validate(&self) -> ModelResult<()> {
        validate::scenario(self)
    }

    /// [`Scenario::validate`] without the `workforce` and `collaborations` sections (which
    /// the engine's cache checks part by part).
    pub(crate) fn validate_core(&self) -> ModelResult<()> {
        validate::core(self)
    }
}
