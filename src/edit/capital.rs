//! Editing the capital programme, one change at a time, as the capital view asks for it
//! (docs/capital.md, "Editing"). A change names a scheme's field, or a field of the whole
//! programme, by key (`spend:2023/24`, `life_years`, `borrowing_rate_pct:2024/25`), with
//! the text typed; the workspace's reducer applies it, checks and projects the result,
//! and keeps the user's last valid plan if it fails (so undo, validation and autosave
//! apply as for any edit).
//!
//! A scenario without a programme gets one with its first change (its schema becomes 2,
//! the borrowing rate the baseline's); a change that leaves the programme needing a
//! revenue line (its financing, or revenue contributions) adds that line.

use rust_decimal::Decimal;

use super::{parse_input, FieldUnit};
use crate::format::pounds as format_money;
use crate::model::capital::schedule::feed;
use crate::model::capital::{
    CapitalProgramme, Category, FundingSource, InUse, MrpMethod, Scheme, MAX_LIFE_YEARS,
    PROGRAMME_SCHEMA,
};
use crate::model::dec::YearValues;
use crate::model::json::{self, Item, Node, Object};
use crate::model::scenario::{Driver, ExpenditureCategory, ExpenditureLine, Scenario};
use crate::model::{FinancialYear, Source};

/// One change to the capital programme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CapitalEdit {
    /// Set field `key` of scheme `id` to `text`: `name`, `category`, `in_use` (a year or
    /// `each_year`), `life_years`, `mrp_method`, or by year `spend:YEAR`,
    /// `capital_grant:YEAR`, `capital_receipts:YEAR`, `revenue_contribution:YEAR`,
    /// `earmarked_reserve:YEAR` (empty text clears the year).
    Scheme {
        /// The scheme.
        id: String,
        /// The field.
        key: String,
        /// What was typed or picked.
        text: String,
    },
    /// Set programme field `key` to `text`: by year `borrowing_rate_pct:YEAR`,
    /// `operational_boundary:YEAR`, `authorised_limit:YEAR`, `receipts_expected:YEAR`,
    /// `existing_mrp:YEAR`, `existing_interest:YEAR`; or `receipts_opening`,
    /// `existing_opening_cfr`.
    Programme {
        /// The field.
        key: String,
        /// What was typed.
        text: String,
    },
    /// Add a scheme (named "New scheme", borrowing, in use the year after the base year).
    Add,
    /// Remove scheme `id`.
    Remove(String),
}

/// A change to the capital programme of the scenario on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CapitalChange {
    /// The programme after the change.
    pub programme: CapitalProgramme,
    /// Expenditure lines the programme now needs, added unless a line with the same
    /// driver is there already.
    pub lines: Vec<ExpenditureLine>,
    /// What changed, for the change log ("Capital: Custody suite spend 2023/24").
    pub what: String,
    /// The value before, as shown.
    pub from: String,
    /// The value after, as shown.
    pub to: String,
    /// Changes with the same key one after another are one undo step.
    pub merge: Option<String>,
}

impl CapitalChange {
    /// As JSON (between the app's modules).
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("programme", self.programme.to_node());
        o.put(
            "lines",
            Node::array(self.lines.iter().map(ExpenditureLine::to_node).collect()),
        );
        o.put("what", Node::str(&self.what));
        o.put("from", Node::str(&self.from));
        o.put("to", Node::str(&self.to));
        if let Some(m) = &self.merge {
            o.put("merge", Node::str(m));
        }
        o.node()
    }

    /// Read [`CapitalChange::to_node`]'s JSON.
    pub fn from_node(node: &Node) -> Option<CapitalChange> {
        let text = |k: &str| node.get(k).and_then(Node::as_str).map(str::to_string);
        let programme = CapitalProgramme::from_node(Item::root(node.get("programme")?)).ok()?;
        let lines = Item::root(node.get("lines")?)
            .entries(ExpenditureLine::from_node)
            .ok()?;
        Some(CapitalChange {
            programme,
            lines,
            what: text("what")?,
            from: text("from")?,
            to: text("to")?,
            merge: text("merge"),
        })
    }
}

/// A change applied: the new scenario, and how the change log names it.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    /// The scenario after the change (not yet validated).
    pub scenario: Scenario,
    /// What changed ("Capital: Custody suite spend 2023/24").
    pub what: String,
    /// The value before, as shown.
    pub from: String,
    /// The value after, as shown.
    pub to: String,
    /// Changes with the same key one after another are one undo step.
    pub merge: Option<String>,
}

/// `key` split into its field and year: `spend:2023/24` → (`spend`, 2023/24).
fn split(key: &str) -> Result<(&str, Option<FinancialYear>), String> {
    match key.split_once(':') {
        Some((field, year)) => year
            .parse::<FinancialYear>()
            .map(|y| (field, Some(y)))
            .map_err(|e| e.to_string()),
        None => Ok((key, None)),
    }
}

fn unknown(key: &str) -> String {
    format!(
        "'{}' is not a field of the capital programme",
        json::shorten(key)
    )
}

fn pounds(v: Option<Decimal>) -> String {
    v.map_or_else(|| "none".to_string(), format_money)
}

/// Set or clear (empty text) `year` of `table` to a £ amount; (from, to) as shown.
fn set_amount(
    table: &mut YearValues,
    year: FinancialYear,
    text: &str,
) -> Result<(String, String), String> {
    let before = table.get(year);
    if text.trim().is_empty() {
        table.0.remove(&year);
        return Ok((pounds(before), "none".into()));
    }
    let v = parse_input(text, FieldUnit::Pounds)?;
    if v < Decimal::ZERO {
        return Err("Enter an amount of £0 or more".into());
    }
    table.set(year, v);
    Ok((pounds(before), pounds(Some(v))))
}

/// Set or clear `year` of `table` to a % rate.
fn set_rate(
    table: &mut YearValues,
    year: FinancialYear,
    text: &str,
) -> Result<(String, String), String> {
    let shown = |v: Option<Decimal>| v.map_or_else(|| "none".into(), |v| format!("{v}%"));
    let before = table.get(year);
    if text.trim().is_empty() {
        table.0.remove(&year);
        return Ok((shown(before), "none".into()));
    }
    let v = parse_input(text, FieldUnit::Percent)?;
    table.set(year, v);
    Ok((shown(before), shown(Some(v))))
}

/// A new scheme's id: `scheme_N`, the first N not taken.
fn new_id(p: &CapitalProgramme) -> (String, usize) {
    let mut n = p.schemes.len().saturating_add(1);
    while p.scheme(&format!("scheme_{n}")).is_some() {
        n = n.saturating_add(1);
    }
    (format!("scheme_{n}"), n)
}

/// The programme of `s`, made (schema 2, `template`'s borrowing rate) if it has none.
fn programme<'a>(
    s: &'a mut Scenario,
    template: Option<&CapitalProgramme>,
) -> &'a mut CapitalProgramme {
    s.schema = s.schema.max(PROGRAMME_SCHEMA);
    s.capital_programme.get_or_insert_with(|| CapitalProgramme {
        borrowing_rate_pct: template
            .map(|t| t.borrowing_rate_pct.clone())
            .unwrap_or_default(),
        ..CapitalProgramme::default()
    })
}

/// Apply `edit` to a copy of `s`; `template` (the baseline's programme) gives a new
/// programme its borrowing rate. Text that cannot be used is the message to show.
pub fn apply(
    s: &Scenario,
    edit: &CapitalEdit,
    template: Option<&CapitalProgramme>,
) -> Result<Applied, String> {
    let mut next = s.clone();
    let base = s.horizon.base_year;
    let p = programme(&mut next, template);
    let (what, from, to, merge) = match edit {
        CapitalEdit::Add => {
            let (id, n) = new_id(p);
            let name = format!("New scheme {n}");
            p.schemes.push(Scheme {
                id: id.clone(),
                name: name.clone(),
                category: Category::Equipment,
                spend: YearValues::new(),
                funding: Default::default(),
                in_use: InUse::Year(base.plus(1).unwrap_or(base)),
                life_years: 5,
                mrp_method: MrpMethod::StraightLine,
                source: Source::estimate("Entered in the planner's capital view"),
                notes: String::new(),
            });
            (
                "Capital: add a scheme".to_string(),
                String::new(),
                name,
                None,
            )
        }
        CapitalEdit::Remove(id) => {
            let Some(at) = p.schemes.iter().position(|x| x.id == *id) else {
                return Err(format!("There is no scheme '{}'", json::shorten(id)));
            };
            let gone = p.schemes.remove(at);
            (
                "Capital: remove a scheme".to_string(),
                gone.name,
                String::new(),
                None,
            )
        }
        CapitalEdit::Programme { key, text } => {
            let (field, year) = split(key)?;
            let (label, from, to) = match (field, year) {
                ("borrowing_rate_pct", Some(y)) => {
                    let (f, t) = set_rate(&mut p.borrowing_rate_pct.value, y, text)?;
                    (format!("borrowing rate {y}"), f, t)
                }
                ("operational_boundary", Some(y)) => {
                    let (f, t) = set_amount(&mut p.operational_boundary.value, y, text)?;
                    (format!("operational boundary {y}"), f, t)
                }
                ("authorised_limit", Some(y)) => {
                    let (f, t) = set_amount(&mut p.authorised_limit.value, y, text)?;
                    (format!("authorised limit {y}"), f, t)
                }
                ("receipts_expected", Some(y)) => {
                    let (f, t) = set_amount(&mut p.receipts.expected.value, y, text)?;
                    (format!("capital receipts expected {y}"), f, t)
                }
                ("existing_mrp", Some(y)) => {
                    let (f, t) = set_amount(&mut p.existing_debt.mrp.value, y, text)?;
                    (format!("MRP on existing debt {y}"), f, t)
                }
                ("existing_interest", Some(y)) => {
                    let (f, t) = set_amount(&mut p.existing_debt.interest.value, y, text)?;
                    (format!("interest on existing debt {y}"), f, t)
                }
                ("receipts_opening", None) | ("existing_opening_cfr", None) => {
                    let v = parse_input(text, FieldUnit::Pounds)?;
                    if v < Decimal::ZERO {
                        return Err("Enter an amount of £0 or more".into());
                    }
                    let (slot, label) = if field == "receipts_opening" {
                        (&mut p.receipts.opening.value.0, "capital receipts held")
                    } else {
                        (
                            &mut p.existing_debt.opening_cfr.value.0,
                            "existing debt's CFR",
                        )
                    };
                    let from = format_money(*slot);
                    *slot = v;
                    (label.to_string(), from, format_money(v))
                }
                _ => return Err(unknown(key)),
            };
            (
                format!("Capital: {label}"),
                from,
                to,
                Some(format!("capital:{key}")),
            )
        }
        CapitalEdit::Scheme { id, key, text } => {
            let Some(scheme) = p.schemes.iter_mut().find(|x| x.id == *id) else {
                return Err(format!("There is no scheme '{}'", json::shorten(id)));
            };
            let (label, from, to) = scheme_field(scheme, key, text)?;
            (
                format!("Capital: {} {label}", scheme.name),
                from,
                to,
                Some(format!("capital:{id}:{key}")),
            )
        }
    };
    ensure_lines(&mut next);
    Ok(Applied {
        scenario: next,
        what,
        from,
        to,
        merge,
    })
}

/// [`apply`] `edit` to `s`, as the change the workspace's reducer takes: the programme
/// after it, and the lines it added.
pub fn change(
    s: &Scenario,
    edit: &CapitalEdit,
    template: Option<&CapitalProgramme>,
) -> Result<CapitalChange, String> {
    let a = apply(s, edit, template)?;
    let lines = a
        .scenario
        .expenditure
        .iter()
        .filter(|l| !s.expenditure.iter().any(|b| b.id == l.id))
        .cloned()
        .collect();
    Ok(CapitalChange {
        programme: a.scenario.capital_programme.unwrap_or_default(),
        lines,
        what: a.what,
        from: a.from,
        to: a.to,
        merge: a.merge,
    })
}

/// Set field `key` of `scheme`: the label for the log, and the value before and after.
fn scheme_field(
    scheme: &mut Scheme,
    key: &str,
    text: &str,
) -> Result<(String, String, String), String> {
    let (field, year) = split(key)?;
    let source = |name: &str| FundingSource::ALL.into_iter().find(|f| f.key() == name);
    Ok(match (field, year) {
        ("name", None) => {
            let name = text.trim();
            if name.is_empty() {
                return Err("A scheme needs a name".into());
            }
            let from = std::mem::replace(&mut scheme.name, name.to_string());
            ("name".into(), from, name.to_string())
        }
        ("category", None) => {
            let c = Category::ALL
                .into_iter()
                .find(|c| c.key() == text)
                .ok_or_else(|| unknown(text))?;
            let from = std::mem::replace(&mut scheme.category, c);
            ("category".into(), from.label().into(), c.label().into())
        }
        ("mrp_method", None) => {
            let m = MrpMethod::ALL
                .into_iter()
                .find(|m| m.key() == text)
                .ok_or_else(|| unknown(text))?;
            let from = std::mem::replace(&mut scheme.mrp_method, m);
            ("MRP method".into(), from.label().into(), m.label().into())
        }
        ("life_years", None) => {
            let v = parse_input(text, FieldUnit::Years)?;
            let life = u16::try_from(v.trunc().mantissa())
                .ok()
                .filter(|l| (1..=MAX_LIFE_YEARS).contains(l) && v.trunc() == v)
                .ok_or_else(|| {
                    format!("Enter a whole number of years from 1 to {MAX_LIFE_YEARS}")
                })?;
            let from = std::mem::replace(&mut scheme.life_years, life);
            (
                "asset life".into(),
                format!("{from} years"),
                format!("{life} years"),
            )
        }
        ("in_use", None) => {
            let in_use = if text == "each_year" {
                InUse::EachYear
            } else {
                InUse::Year(
                    text.trim()
                        .parse::<FinancialYear>()
                        .map_err(|e| e.to_string())?,
                )
            };
            let from = std::mem::replace(&mut scheme.in_use, in_use);
            ("in use".into(), in_use_text(from), in_use_text(in_use))
        }
        ("spend", Some(y)) => {
            let (from, to) = set_amount(&mut scheme.spend, y, text)?;
            // Spend after the asset comes into use moves its first year of use on.
            if let InUse::Year(u) = scheme.in_use {
                if y > u && scheme.spend.get(y).is_some() {
                    scheme.in_use = InUse::Year(y);
                }
            }
            (format!("spend {y}"), from, to)
        }
        (name, Some(y)) => {
            let Some(table) = source(name).and_then(|s| scheme.funding.table_mut(s)) else {
                return Err(unknown(key));
            };
            let label = source(name).map_or("", |s| s.label()).to_lowercase();
            let (from, to) = set_amount(table, y, text)?;
            (format!("{label} {y}"), from, to)
        }
        _ => return Err(unknown(key)),
    })
}

/// A scheme's `in_use` as the log shows it.
pub fn in_use_text(in_use: InUse) -> String {
    match in_use {
        InUse::Year(y) => y.to_string(),
        InUse::EachYear => "each year's spend in its year".into(),
    }
}

/// Add the revenue lines the programme needs and lacks: its financing (MRP and interest)
/// and its revenue contributions, each with the programme's base-year figure as its base
/// amount.
pub fn ensure_lines(s: &mut Scenario) {
    let Some(p) = &s.capital_programme else {
        return;
    };
    let base = s.horizon.base_year;
    let figures = feed(p, &[base]).ok();
    let has = |s: &Scenario, d: &Driver| s.expenditure.iter().any(|l| l.driver == *d);
    let needs_revenue = p
        .schemes
        .iter()
        .any(|x| !x.funding.revenue_contribution.0.is_empty());
    let needs_financing = !p.schemes.is_empty()
        || !p.existing_debt.mrp.value.0.is_empty()
        || !p.existing_debt.interest.value.0.is_empty();
    let mut add = Vec::new();
    if needs_financing && !has(s, &Driver::CapitalProgrammeFinancing) {
        add.push((
            "capital_programme_financing",
            "Capital programme financing (MRP and interest)",
            Driver::CapitalProgrammeFinancing,
            figures.as_ref().and_then(|f| f.financing.first().copied()),
        ));
    }
    if needs_revenue && !has(s, &Driver::CapitalProgrammeRevenue) {
        add.push((
            "capital_programme_revenue",
            "Revenue contributions to capital",
            Driver::CapitalProgrammeRevenue,
            figures.as_ref().and_then(|f| f.revenue.first().copied()),
        ));
    }
    for (id, name, driver, base_amount) in add {
        let mut id = id.to_string();
        while s.expenditure.iter().any(|l| l.id == id) {
            id.push('_');
        }
        s.expenditure.push(ExpenditureLine {
            id,
            name: name.into(),
            category: ExpenditureCategory::CapitalFinancing,
            base_amount: base_amount.unwrap_or(Decimal::ZERO),
            driver,
            pressures: YearValues::new(),
            source: Source::estimate(
                "The capital programme's figures (docs/capital.md), added by the capital view",
            ),
        });
    }
}
