//! The scenario's `actuals` section: outturn figures and actual assumption values by year,
//! and each grant's status in the settlement.
//!
//! ```json
//! "actuals": {
//!   "figures": [
//!     {"year": "2022/23", "item": "precept_income", "value": "85400000",
//!      "source": {"text": "Home Office statistics", "estimate": false}}
//!   ],
//!   "grants": [
//!     {"line": "core_police_grant", "year": "2026/27", "status": "indicative"}
//!   ]
//! }
//! ```

use rust_decimal::Decimal;

use super::{ActualsJson, ACTUALS_SCHEMA};
use crate::model::error::{ModelError, ModelResult};
use crate::model::json::{shorten, Item as JsonItem, Member, Node, Object, Read, Value};
use crate::model::money::{is_whole, within};
use crate::model::registry::Unit;
use crate::model::scenario::{FundingCategory, Scenario};
use crate::model::source::Source;
use crate::model::year::FinancialYear;

/// What an outturn figure is of.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Item {
    /// A spending line's outturn, £ (before the plan's identified savings, as the line is).
    Expenditure(String),
    /// A funding line's outturn, £.
    Funding(String),
    /// Council tax precept income, £.
    PreceptIncome,
    /// Net revenue spend (the net revenue budget), £.
    NetRevenueSpend,
    /// Total funding, £.
    TotalFunding,
    /// Savings delivered in the year (new savings taken in its budget), £.
    SavingsDelivered,
    /// The general reserve at the end of the year, £.
    GeneralReserve,
    /// Earmarked reserves at the end of the year, £.
    EarmarkedReserves,
    /// The officer pay award from 1 September, %.
    OfficerPayAward,
    /// The police staff pay award from 1 September, %.
    StaffPayAward,
    /// Band D, £ a year.
    BandD,
    /// Tax base, Band D equivalent properties.
    TaxBase,
    /// Officers at 31 March (headcount).
    Officers,
}

/// Which way an item is worse than planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Adverse {
    /// Above plan is adverse (spending, pay awards).
    WhenHigher,
    /// Below plan is adverse (funding, savings, reserves, Band D, tax base).
    WhenLower,
    /// Neither way (officers: more cost more but meet the Uplift target).
    Never,
}

/// Where an item is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ItemGroup {
    /// Spending lines.
    Spending,
    /// Funding lines and the precept.
    Funding,
    /// Totals, savings delivered and reserves.
    Totals,
    /// Actual assumption values.
    Assumptions,
}

/// The fixed items, in the order they are listed after the lines.
const FIXED: [(Item, &str, &str); 11] = [
    (Item::PreceptIncome, "precept_income", "Precept income"),
    (
        Item::NetRevenueSpend,
        "net_revenue_spend",
        "Net revenue spend",
    ),
    (Item::TotalFunding, "total_funding", "Total funding"),
    (
        Item::SavingsDelivered,
        "savings_delivered",
        "Savings delivered in the year",
    ),
    (
        Item::GeneralReserve,
        "general_reserve",
        "General reserve (year end)",
    ),
    (
        Item::EarmarkedReserves,
        "earmarked_reserves",
        "Earmarked reserves (year end)",
    ),
    (
        Item::OfficerPayAward,
        "officer_pay_award",
        "Officer pay award",
    ),
    (Item::StaffPayAward, "staff_pay_award", "Staff pay award"),
    (Item::BandD, "band_d", "Band D"),
    (Item::TaxBase, "tax_base", "Tax base"),
    (Item::Officers, "officers", "Officers at 31 March"),
];

/// The fixed items' keys, for messages (a test checks it lists [`FIXED`]'s).
pub(crate) const FIXED_KEYS: &str = "precept_income, net_revenue_spend, total_funding, \
    savings_delivered, general_reserve, earmarked_reserves, officer_pay_award, \
    staff_pay_award, band_d, tax_base, officers";

impl Item {
    /// Its key in files and CSV: `expenditure[ict]`, `funding[core_police_grant]`,
    /// `precept_income`, `officer_pay_award`.
    pub fn key(&self) -> String {
        match self {
            Item::Expenditure(id) => format!("expenditure[{id}]"),
            Item::Funding(id) => format!("funding[{id}]"),
            fixed => FIXED
                .iter()
                .find(|(i, ..)| i == fixed)
                .map(|(_, k, _)| (*k).to_string())
                .unwrap_or_default(),
        }
    }

    /// The item with key `key`, if it is one (whether the line exists is checked with the
    /// scenario).
    pub fn from_key(key: &str) -> Option<Item> {
        let line = |prefix: &str| {
            key.strip_prefix(prefix)
                .and_then(|rest| rest.strip_suffix(']'))
                .filter(|id| !id.is_empty())
                .map(str::to_string)
        };
        if let Some(id) = line("expenditure[") {
            return Some(Item::Expenditure(id));
        }
        if let Some(id) = line("funding[") {
            return Some(Item::Funding(id));
        }
        FIXED
            .iter()
            .find(|(_, k, _)| *k == key)
            .map(|(i, ..)| i.clone())
    }

    /// What people call it: the line's name, or "Precept income".
    pub fn label(&self, s: &Scenario) -> String {
        match self {
            Item::Expenditure(id) => s
                .expenditure
                .iter()
                .find(|l| &l.id == id)
                .map_or_else(|| id.clone(), |l| l.name.clone()),
            Item::Funding(id) => s
                .funding
                .iter()
                .find(|l| &l.id == id)
                .map_or_else(|| id.clone(), |l| l.name.clone()),
            fixed => FIXED
                .iter()
                .find(|(i, ..)| i == fixed)
                .map(|(.., l)| (*l).to_string())
                .unwrap_or_default(),
        }
    }

    /// Its unit.
    pub fn unit(&self) -> Unit {
        match self {
            Item::OfficerPayAward | Item::StaffPayAward => Unit::Percent,
            Item::TaxBase => Unit::Properties,
            Item::Officers => Unit::People,
            _ => Unit::Pounds,
        }
    }

    /// Which way it is worse than planned.
    pub fn adverse(&self) -> Adverse {
        match self {
            Item::Expenditure(_)
            | Item::NetRevenueSpend
            | Item::OfficerPayAward
            | Item::StaffPayAward => Adverse::WhenHigher,
            Item::Officers => Adverse::Never,
            _ => Adverse::WhenLower,
        }
    }

    /// Where it is shown.
    pub fn group(&self) -> ItemGroup {
        match self {
            Item::Expenditure(_) => ItemGroup::Spending,
            Item::Funding(_) | Item::PreceptIncome => ItemGroup::Funding,
            Item::NetRevenueSpend
            | Item::TotalFunding
            | Item::SavingsDelivered
            | Item::GeneralReserve
            | Item::EarmarkedReserves => ItemGroup::Totals,
            _ => ItemGroup::Assumptions,
        }
    }

    /// Every item `s` can carry, in the order tables list them: spending lines, funding
    /// lines, then the fixed items.
    pub fn all(s: &Scenario) -> Vec<Item> {
        let mut out: Vec<Item> = s
            .expenditure
            .iter()
            .map(|l| Item::Expenditure(l.id.clone()))
            .chain(s.funding.iter().map(|l| Item::Funding(l.id.clone())))
            .collect();
        out.extend(FIXED.iter().map(|(i, ..)| i.clone()));
        out
    }

    /// Its place in [`Item::all`] for `s` (items the scenario lacks go last).
    pub fn order(&self, s: &Scenario) -> usize {
        match self {
            Item::Expenditure(id) => s
                .expenditure
                .iter()
                .position(|l| &l.id == id)
                .unwrap_or(usize::MAX),
            Item::Funding(id) => s
                .funding
                .iter()
                .position(|l| &l.id == id)
                .map_or(usize::MAX, |p| p.saturating_add(s.expenditure.len())),
            fixed => FIXED
                .iter()
                .position(|(i, ..)| i == fixed)
                .map_or(usize::MAX, |p| {
                    p.saturating_add(s.expenditure.len())
                        .saturating_add(s.funding.len())
                }),
        }
    }

    /// Whether `v` can be this item's figure; why not otherwise.
    pub fn check(&self, v: Decimal) -> Result<(), String> {
        match self {
            Item::BandD if v <= Decimal::ZERO || v > Decimal::from(100_000) => {
                Err("Band D must be more than £0 and at most £100,000".into())
            }
            Item::TaxBase if v <= Decimal::ZERO || v > Decimal::from(100_000_000) => {
                Err("the tax base must be more than 0 and at most 100,000,000".into())
            }
            Item::OfficerPayAward | Item::StaffPayAward if !within(v, 100) => {
                Err("a pay award must lie between -100% and 100%".into())
            }
            Item::Officers if !is_whole(v) || v < Decimal::ZERO || v > Decimal::from(1_000_000) => {
                Err("officers must be a whole number from 0 to 1,000,000".into())
            }
            _ if self.unit() == Unit::Pounds && !within(v, 1_000_000_000_000) => {
                Err("beyond any police budget (the limit is £1 trillion)".into())
            }
            _ if self.unit() == Unit::Pounds && v.normalize().scale() > 2 => {
                Err("an outturn is in pounds and pence (at most two decimal places)".into())
            }
            _ => Ok(()),
        }
    }
}

/// How far a grant in the settlement is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GrantStatus {
    /// In the final settlement.
    Confirmed,
    /// Announced as indicative (a provisional settlement, a multi-year indication).
    Indicative,
    /// The plan's own assumption.
    Assumed,
}

impl GrantStatus {
    /// Every status.
    pub const ALL: [GrantStatus; 3] = [
        GrantStatus::Confirmed,
        GrantStatus::Indicative,
        GrantStatus::Assumed,
    ];

    /// As written in files.
    pub fn key(self) -> &'static str {
        match self {
            GrantStatus::Confirmed => "confirmed",
            GrantStatus::Indicative => "indicative",
            GrantStatus::Assumed => "assumed",
        }
    }
}

/// One outturn figure or actual assumption value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// The financial year.
    pub year: FinancialYear,
    /// What it is of.
    pub item: Item,
    /// The figure, in the item's unit.
    pub value: Decimal,
    /// Where it comes from (optional in files).
    pub source: Source,
}

/// A funding line's status in one year of the settlement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrantTag {
    /// The funding line's id.
    pub line: String,
    /// The financial year.
    pub year: FinancialYear,
    /// How far it is known.
    pub status: GrantStatus,
    /// Where that comes from (optional in files).
    pub source: Source,
}

/// The `actuals` section.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Actuals {
    /// Outturn figures and actual assumption values.
    pub figures: Vec<Figure>,
    /// Each funding line's status by year (a year not tagged: assumed).
    pub grants: Vec<GrantTag>,
}

impl Actuals {
    /// The figure of `item` in `year`, if entered.
    pub fn get(&self, year: FinancialYear, item: &Item) -> Option<&Figure> {
        self.figures
            .iter()
            .find(|f| f.year == year && f.item == *item)
    }

    /// Its value, if entered.
    pub fn value(&self, year: FinancialYear, item: &Item) -> Option<Decimal> {
        self.get(year, item).map(|f| f.value)
    }

    /// Enter `figure`, replacing any of the same year and item.
    pub fn set(&mut self, figure: Figure) {
        match self
            .figures
            .iter_mut()
            .find(|f| f.year == figure.year && f.item == figure.item)
        {
            Some(slot) => *slot = figure,
            None => self.figures.push(figure),
        }
    }

    /// Take out the figure of `item` in `year`; true if there was one.
    pub fn remove(&mut self, year: FinancialYear, item: &Item) -> bool {
        let before = self.figures.len();
        self.figures
            .retain(|f| !(f.year == year && f.item == *item));
        self.figures.len() != before
    }

    /// The status of funding line `line` in `year` (untagged: assumed).
    pub fn status(&self, line: &str, year: FinancialYear) -> GrantStatus {
        self.grants
            .iter()
            .find(|g| g.line == line && g.year == year)
            .map_or(GrantStatus::Assumed, |g| g.status)
    }

    /// Tag funding line `line` in `year` with `status`, replacing any tag.
    pub fn tag(&mut self, line: &str, year: FinancialYear, status: GrantStatus, source: Source) {
        self.grants.retain(|g| !(g.line == line && g.year == year));
        self.grants.push(GrantTag {
            line: line.to_string(),
            year,
            status,
            source,
        });
    }

    /// True if it holds nothing.
    pub fn is_empty(&self) -> bool {
        self.figures.is_empty() && self.grants.is_empty()
    }

    /// The actuals of `s` (empty when it has none), read from its section and checked
    /// against the rest of the scenario (§2); the first problem otherwise, named by its
    /// path (`actuals.figures[band_d] (2030/31): …`).
    pub fn of(s: &Scenario) -> ModelResult<Actuals> {
        let a = Actuals::read(s).map_err(|e| ModelError::new(e.path, e.message))?;
        check(s, a.as_ref())?;
        Ok(a.unwrap_or_default())
    }

    /// Check the actuals of `s`, a scenario read from the file `text` (which gives the line
    /// and column of a problem in reading them), as the file is checked where it enters:
    /// the first problem, or nothing.
    pub fn check_file(s: &Scenario, text: &str) -> ModelResult<()> {
        let a = Actuals::read(s).map_err(|e| e.locate(text, "scenario"))?;
        check(s, a.as_ref())
    }

    /// Read the section of `s` (not checked against the scenario), its paths from the
    /// scenario's top (`actuals.figures[0].value`).
    fn read(s: &Scenario) -> Read<Option<Actuals>> {
        let Some(section) = &s.actuals else {
            return Ok(None);
        };
        let top = Node::new(Value::Object(vec![Member {
            key: "actuals".into(),
            at: section.node().at,
            value: section.node().clone(),
        }]));
        let o = JsonItem::root(&top).object(&["actuals"])?;
        Actuals::from_node(o.req("actuals")?).map(Some)
    }

    /// The section a scenario keeps for these actuals (none when they are empty).
    pub fn section(&self) -> Option<ActualsJson> {
        (!self.is_empty()).then(|| ActualsJson::new(self.to_node()))
    }

    /// Read the section.
    pub fn from_node(item: JsonItem<'_>) -> Read<Actuals> {
        let o = item.object(&["figures", "grants"])?;
        Ok(Actuals {
            figures: o.or_default("figures", |i| i.entries(Figure::from_node))?,
            grants: o.or_default("grants", |i| i.entries(GrantTag::from_node))?,
        })
    }

    /// Write the section (`grants` only when there are some).
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put(
            "figures",
            Node::array(self.figures.iter().map(Figure::to_node).collect()),
        );
        if !self.grants.is_empty() {
            o.put(
                "grants",
                Node::array(self.grants.iter().map(GrantTag::to_node).collect()),
            );
        }
        o.node()
    }
}

/// A source, written only when it says something.
fn put_source(o: &mut Object, source: &Source) {
    if *source != Source::default() {
        o.put("source", source.to_node());
    }
}

impl Figure {
    /// Read `{year, item, value, source}`.
    pub fn from_node(node: JsonItem<'_>) -> Read<Figure> {
        let o = node.object(&["year", "item", "value", "source"])?;
        let key = o.req("item")?;
        let item = Item::from_key(key.str()?).ok_or_else(|| {
            key.error(format!(
                "unknown item `{}`: an item is a line (expenditure[ID], funding[ID]) or one \
                 of {FIXED_KEYS}",
                shorten(key.str().unwrap_or_default()),
            ))
        })?;
        Ok(Figure {
            year: FinancialYear::from_node(o.req("year")?)?,
            item,
            value: o.decimal("value")?,
            source: o.or_default("source", Source::from_node)?,
        })
    }

    /// Write `{year, item, value, source}`.
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("year", self.year.to_node());
        o.put("item", Node::str(&self.item.key()));
        o.put("value", crate::model::dec::to_node(self.value));
        put_source(&mut o, &self.source);
        o.node()
    }
}

impl GrantTag {
    /// Read `{line, year, status, source}`.
    pub fn from_node(node: JsonItem<'_>) -> Read<GrantTag> {
        let o = node.object(&["line", "year", "status", "source"])?;
        Ok(GrantTag {
            line: o.string("line")?,
            year: FinancialYear::from_node(o.req("year")?)?,
            status: o
                .req("status")?
                .variant(&GrantStatus::ALL, GrantStatus::key)?,
            source: o.or_default("source", Source::from_node)?,
        })
    }

    /// Write `{line, year, status, source}`.
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("line", Node::str(&self.line));
        o.put("year", self.year.to_node());
        o.put("status", Node::str(self.status.key()));
        put_source(&mut o, &self.source);
        o.node()
    }
}

/// The funding categories new in schema 2 (the settlement after 2025/26).
fn new_in_schema_2(c: FundingCategory) -> bool {
    matches!(
        c,
        FundingCategory::NeighbourhoodPolicingGrant | FundingCategory::PreceptGrant
    )
}

/// Check the funding categories new in schema 2 are in a schema-2 scenario: part of
/// [`Scenario::validate`], which every scenario passes (the `actuals` section is checked
/// by [`Actuals::of`] and [`Actuals::check_file`]).
pub(super) fn validate(s: &Scenario) -> ModelResult<()> {
    if s.schema < ACTUALS_SCHEMA {
        if let Some(line) = s.funding.iter().find(|l| new_in_schema_2(l.category)) {
            return Err(ModelError::new(
                format!("funding[{}].category", line.id),
                format!(
                    "the category `{}` is new in scenario schema {ACTUALS_SCHEMA}: write \
                     \"schema\": {ACTUALS_SCHEMA}",
                    line.category.key()
                ),
            ));
        }
    }
    Ok(())
}

/// Check the actuals `a` read from `s` against the scenario: schema 2, years in the plan,
/// items that exist, each figure once and within its range; grants tag funding lines, once
/// a year.
fn check(s: &Scenario, a: Option<&Actuals>) -> ModelResult<()> {
    let Some(a) = a else {
        return Ok(());
    };
    if s.schema < ACTUALS_SCHEMA {
        return Err(ModelError::new(
            "actuals",
            format!(
                "a scenario with actuals is schema {ACTUALS_SCHEMA} or later: write \"schema\": \
                 {ACTUALS_SCHEMA}"
            ),
        ));
    }
    let h = &s.horizon;
    let outside = |year: FinancialYear| {
        format!(
            "{year} is outside the plan ({} to {})",
            h.base_year,
            h.last_year().map(|y| y.to_string()).unwrap_or_default()
        )
    };
    for (n, f) in a.figures.iter().enumerate() {
        let path = || format!("actuals.figures[{}]", f.item.key());
        if !h.contains(f.year) {
            return Err(ModelError::new(path(), outside(f.year)).in_year(f.year));
        }
        let known = match &f.item {
            Item::Expenditure(id) => s.expenditure.iter().any(|l| &l.id == id),
            Item::Funding(id) => s.funding.iter().any(|l| &l.id == id),
            _ => true,
        };
        if !known {
            let why = format!("the scenario has no line `{}`", shorten(&f.item.key()));
            return Err(ModelError::new(path(), why).in_year(f.year));
        }
        f.item
            .check(f.value)
            .map_err(|m| ModelError::new(path(), m).in_year(f.year))?;
        let earlier = a.figures.get(..n).unwrap_or_default();
        if earlier.iter().any(|e| e.year == f.year && e.item == f.item) {
            return Err(ModelError::new(path(), "given twice for this year").in_year(f.year));
        }
    }
    for (n, g) in a.grants.iter().enumerate() {
        let path = || format!("actuals.grants[{}]", g.line);
        if !s.funding.iter().any(|l| l.id == g.line) {
            return Err(ModelError::new(
                path(),
                format!("the scenario has no funding line `{}`", shorten(&g.line)),
            ));
        }
        if !h.contains(g.year) {
            return Err(ModelError::new(path(), outside(g.year)).in_year(g.year));
        }
        let earlier = a.grants.get(..n).unwrap_or_default();
        if earlier.iter().any(|e| e.year == g.year && e.line == g.line) {
            return Err(ModelError::new(path(), "tagged twice for this year").in_year(g.year));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_lists_every_fixed_key() {
        let keys: Vec<&str> = FIXED.iter().map(|(_, k, _)| *k).collect();
        assert_eq!(FIXED_KEYS, keys.join(", "));
    }
}
