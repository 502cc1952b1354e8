//! The `capital_programme` section as JSON (docs/capital.md, "The section"). Optional
//! members are written only when they hold something, so files stay short.

use super::{
    CapitalProgramme, Category, ExistingDebt, Funding, FundingSource, InUse, MrpMethod, Receipts,
    Scheme,
};
use crate::model::dec::{Dec, YearValues};
use crate::model::json::{Fields, Item, Node, Object, Read};
use crate::model::scenario::Sourced;
use crate::model::source::Source;
use crate::model::year::FinancialYear;

// One reader per kind of member, each called rather than inlined at every field: the
// section has many, and the browser downloads this code.

/// An optional table by year.
#[inline(never)]
fn years(o: &Fields<'_>, key: &str) -> Read<YearValues> {
    o.or_default(key, YearValues::from_node)
}

/// An optional sourced table by year.
#[inline(never)]
fn sourced_years(o: &Fields<'_>, key: &str) -> Read<Sourced<YearValues>> {
    o.or_default(key, Sourced::years_from_node)
}

/// An optional sourced amount.
#[inline(never)]
fn sourced_dec(o: &Fields<'_>, key: &str) -> Read<Sourced<Dec>> {
    o.or_default(key, Sourced::dec_from_node)
}

/// The sources a scheme's `funding` lists (borrowing is worked out).
const LISTED: [FundingSource; 4] = [
    FundingSource::CapitalGrant,
    FundingSource::CapitalReceipts,
    FundingSource::RevenueContribution,
    FundingSource::EarmarkedReserve,
];

impl CapitalProgramme {
    /// Read the section.
    pub fn from_node(item: Item<'_>) -> Read<CapitalProgramme> {
        let o = item.object(&[
            "borrowing_rate_pct",
            "existing_debt",
            "receipts",
            "operational_boundary",
            "authorised_limit",
            "schemes",
        ])?;
        Ok(CapitalProgramme {
            borrowing_rate_pct: sourced_years(&o, "borrowing_rate_pct")?,
            existing_debt: o.or_default("existing_debt", ExistingDebt::from_node)?,
            receipts: o.or_default("receipts", Receipts::from_node)?,
            operational_boundary: sourced_years(&o, "operational_boundary")?,
            authorised_limit: sourced_years(&o, "authorised_limit")?,
            schemes: o.or_default("schemes", |i| i.entries(Scheme::from_node))?,
        })
    }

    /// Write the section.
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put(
            "borrowing_rate_pct",
            self.borrowing_rate_pct.years_to_node(),
        );
        o.put("existing_debt", self.existing_debt.to_node());
        o.put("receipts", self.receipts.to_node());
        o.put(
            "operational_boundary",
            self.operational_boundary.years_to_node(),
        );
        o.put("authorised_limit", self.authorised_limit.years_to_node());
        o.put(
            "schemes",
            Node::array(self.schemes.iter().map(Scheme::to_node).collect()),
        );
        o.node()
    }
}

impl ExistingDebt {
    fn from_node(item: Item<'_>) -> Read<ExistingDebt> {
        let o = item.object(&["opening_cfr", "mrp", "interest"])?;
        Ok(ExistingDebt {
            opening_cfr: sourced_dec(&o, "opening_cfr")?,
            mrp: sourced_years(&o, "mrp")?,
            interest: sourced_years(&o, "interest")?,
        })
    }

    fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("opening_cfr", self.opening_cfr.dec_to_node());
        o.put("mrp", self.mrp.years_to_node());
        o.put("interest", self.interest.years_to_node());
        o.node()
    }
}

impl Receipts {
    fn from_node(item: Item<'_>) -> Read<Receipts> {
        let o = item.object(&["opening", "expected"])?;
        Ok(Receipts {
            opening: sourced_dec(&o, "opening")?,
            expected: sourced_years(&o, "expected")?,
        })
    }

    fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("opening", self.opening.dec_to_node());
        o.put("expected", self.expected.years_to_node());
        o.node()
    }
}

impl Funding {
    fn from_node(item: Item<'_>) -> Read<Funding> {
        let o = item.object(&[
            "capital_grant",
            "capital_receipts",
            "revenue_contribution",
            "earmarked_reserve",
        ])?;
        let mut out = Funding::default();
        for source in LISTED {
            if let Some(table) = out.table_mut(source) {
                *table = years(&o, source.key())?;
            }
        }
        Ok(out)
    }

    fn to_node(&self) -> Node {
        let mut o = Object::new();
        for source in LISTED {
            if let Some(table) = self.table(source).filter(|t| !t.0.is_empty()) {
                o.put(source.key(), table.to_node());
            }
        }
        o.node()
    }
}

/// `in_use` as written: a year (`"2023/24"`) or `"each_year"`.
const EACH_YEAR: &str = "each_year";

impl InUse {
    fn from_node(item: Item<'_>) -> Read<InUse> {
        if item.str()? == EACH_YEAR {
            return Ok(InUse::EachYear);
        }
        FinancialYear::from_node(item).map(InUse::Year)
    }

    fn to_node(self) -> Node {
        match self {
            InUse::Year(year) => year.to_node(),
            InUse::EachYear => Node::str(EACH_YEAR),
        }
    }
}

impl Scheme {
    /// Read a scheme.
    pub fn from_node(item: Item<'_>) -> Read<Scheme> {
        let o = item.object(&[
            "id",
            "name",
            "category",
            "spend",
            "funding",
            "in_use",
            "life_years",
            "mrp_method",
            "source",
            "notes",
        ])?;
        Ok(Scheme {
            id: o.string("id")?,
            name: o.string("name")?,
            category: o.req("category")?.variant(&Category::ALL, Category::key)?,
            spend: years(&o, "spend")?,
            funding: o.or_default("funding", Funding::from_node)?,
            in_use: InUse::from_node(o.req("in_use")?)?,
            life_years: o.req("life_years")?.u16()?,
            mrp_method: o
                .req("mrp_method")?
                .variant(&MrpMethod::ALL, MrpMethod::key)?,
            source: o.or_default("source", Source::from_node)?,
            notes: o.text_or_empty("notes")?,
        })
    }

    /// Write a scheme (`notes` only when there are some).
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("id", Node::str(&self.id));
        o.put("name", Node::str(&self.name));
        o.put("category", Node::str(self.category.key()));
        o.put("spend", self.spend.to_node());
        o.put("funding", self.funding.to_node());
        o.put("in_use", self.in_use.to_node());
        o.put("life_years", Node::int(self.life_years.into()));
        o.put("mrp_method", Node::str(self.mrp_method.key()));
        o.put("source", self.source.to_node());
        if !self.notes.is_empty() {
            o.put("notes", Node::str(&self.notes));
        }
        o.node()
    }
}
