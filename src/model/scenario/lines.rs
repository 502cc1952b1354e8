//! Expenditure and funding lines, their categories and their drivers.

use rust_decimal::Decimal;
#[cfg(not(target_arch = "wasm32"))]
use serde::Serialize;

use crate::model::dec::{self, YearValues};
use crate::model::json::{Item, Node, Object, Read};
use crate::model::source::Source;
use crate::model::workforce;

/// Which pay award a pay line follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PayGroup {
    /// The police officer award (set by the Home Office on PRRB advice).
    Officers,
    /// The police staff award (Police Staff Council); also used for PCSOs.
    Staff,
}

/// Spending categories, as a police budget book groups them.
///
/// `Serialize` is for the command-line tool's output only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
#[cfg_attr(not(target_arch = "wasm32"), serde(rename_all = "snake_case"))]
pub enum ExpenditureCategory {
    /// Police officer pay (with employer pension and NI unless shown separately).
    OfficerPay,
    /// Police staff pay (with employer pension and NI unless shown separately).
    StaffPay,
    /// PCSO pay.
    PcsoPay,
    /// Overtime.
    Overtime,
    /// Employer pension and NI shown apart from pay.
    PensionsAndNi,
    /// Premises: rent, rates, energy, maintenance.
    Premises,
    /// Transport: fleet, fuel, travel.
    Transport,
    /// Supplies and services.
    SuppliesAndServices,
    /// ICT.
    Ict,
    /// Payments to third parties.
    ThirdParty,
    /// Contributions to regional and national collaborations.
    Collaboration,
    /// The Police and Crime Commissioner's office and commissioned services.
    OpccCommissioning,
    /// Capital financing: minimum revenue provision (MRP) and interest.
    CapitalFinancing,
    /// Anything else.
    Other,
}

/// How an expenditure line moves from one year to the next.
///
/// In JSON an object whose `kind` names the driver, with the driver's own fields:
/// `{"kind": "pay_award", "group": "officers", "drift": true}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Driver {
    /// Grows by the pay award (7/12 of this year's + 5/12 of last year's), plus pay drift
    /// when `drift` is true.
    PayAward {
        /// Whose award applies.
        group: PayGroup,
        /// Whether incremental pay drift is added.
        drift: bool,
    },
    /// Grows by the scenario's non-pay inflation.
    NonPayInflation,
    /// Stays at the base amount (cash terms).
    FlatCash,
    /// Grows by its own % each year (a year not listed: 0%).
    Growth {
        /// Growth % by year.
        growth_pct: YearValues,
    },
    /// Amounts by year after the base year; a year not listed keeps the previous year's.
    Explicit {
        /// £ by year.
        amounts: YearValues,
    },
    /// The workforce model's pay cost of a group.
    Workforce {
        /// The workforce group.
        group: workforce::Group,
    },
    /// The force's revenue contribution to its collaborations (collaboration register).
    CollaborationContribution,
    /// Capital financing of collaborative capital schemes (collaboration register).
    CollaborationCapitalFinancing,
    /// MRP and interest on the capital programme's own schemes and existing debt
    /// (docs/capital.md).
    CapitalProgrammeFinancing,
    /// Revenue contributions to the capital programme's schemes (docs/capital.md).
    CapitalProgrammeRevenue,
}

impl Driver {
    /// True for drivers that roll last year's amount forward (and so accept pressures).
    pub fn rolls_forward(&self) -> bool {
        matches!(
            self,
            Driver::PayAward { .. }
                | Driver::NonPayInflation
                | Driver::FlatCash
                | Driver::Growth { .. }
        )
    }
}

/// A spending line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpenditureLine {
    /// Unique id among expenditure lines (used in error paths: `expenditure[ict]`).
    pub id: String,
    /// Name shown to people.
    pub name: String,
    /// Budget book category.
    pub category: ExpenditureCategory,
    /// The base year's budget (£).
    pub base_amount: Decimal,
    /// How the line moves in later years.
    pub driver: Driver,
    /// Unavoidable pressures or investments (£) added in a year and carried, with the
    /// line's own growth, into every later year. Rolling drivers only. Optional; not
    /// written when empty.
    pub pressures: YearValues,
    /// Where the figures come from.
    pub source: Source,
}

/// Funding categories.
///
/// `Serialize` is for the command-line tool's output only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Serialize))]
#[cfg_attr(not(target_arch = "wasm32"), serde(rename_all = "snake_case"))]
pub enum FundingCategory {
    /// Home Office core police grant.
    CorePoliceGrant,
    /// Ex-DCLG formula grant.
    FormulaGrant,
    /// Legacy council tax grants (freeze and support grants, flat cash).
    LegacyCouncilTaxGrants,
    /// Ring-fenced Uplift grant.
    UpliftGrant,
    /// Police pensions grant.
    PensionsGrant,
    /// Other ring-fenced and specific grants.
    SpecificGrant,
    /// Fees, charges and other income.
    OtherIncome,
    /// Council tax collection fund surplus (+) or deficit (−).
    CollectionFund,
    /// Ring-fenced neighbourhood policing funding, which replaced the Uplift grant's
    /// ring-fence from 2026/27 (schema 2).
    NeighbourhoodPolicingGrant,
    /// The precept grant within the main settlement, from 2026/27 (schema 2).
    PreceptGrant,
}

/// How a funding line moves from one year to the next.
///
/// In JSON an object whose `kind` names the driver, with the driver's own fields:
/// `{"kind": "growth", "growth_pct": {"2022/23": "4.95"}}` or `{"kind": "uplift_grant"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FundingDriver {
    /// Stays at the base amount.
    FlatCash,
    /// Grows by its own % each year (a year not listed: 0%).
    Growth {
        /// Growth % by year.
        growth_pct: YearValues,
    },
    /// Amounts by year after the base year; a year not listed keeps the previous year's.
    Explicit {
        /// £ by year.
        amounts: YearValues,
    },
    /// The ring-fenced Uplift grant due under the workforce model's rule table.
    UpliftGrant,
}

/// A funding line (the precept has its own section).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FundingLine {
    /// Unique id among funding lines.
    pub id: String,
    /// Name shown to people.
    pub name: String,
    /// Category.
    pub category: FundingCategory,
    /// The base year's amount (£).
    pub base_amount: Decimal,
    /// How the line moves in later years.
    pub driver: FundingDriver,
    /// Where the figures come from.
    pub source: Source,
}

impl PayGroup {
    /// Both groups.
    pub const ALL: [PayGroup; 2] = [PayGroup::Officers, PayGroup::Staff];

    /// The group as written in files.
    pub fn key(self) -> &'static str {
        match self {
            PayGroup::Officers => "officers",
            PayGroup::Staff => "staff",
        }
    }
}

impl ExpenditureCategory {
    /// Every category, in budget book order.
    pub const ALL: [ExpenditureCategory; 14] = [
        ExpenditureCategory::OfficerPay,
        ExpenditureCategory::StaffPay,
        ExpenditureCategory::PcsoPay,
        ExpenditureCategory::Overtime,
        ExpenditureCategory::PensionsAndNi,
        ExpenditureCategory::Premises,
        ExpenditureCategory::Transport,
        ExpenditureCategory::SuppliesAndServices,
        ExpenditureCategory::Ict,
        ExpenditureCategory::ThirdParty,
        ExpenditureCategory::Collaboration,
        ExpenditureCategory::OpccCommissioning,
        ExpenditureCategory::CapitalFinancing,
        ExpenditureCategory::Other,
    ];

    /// The category as written in files.
    pub fn key(self) -> &'static str {
        match self {
            ExpenditureCategory::OfficerPay => "officer_pay",
            ExpenditureCategory::StaffPay => "staff_pay",
            ExpenditureCategory::PcsoPay => "pcso_pay",
            ExpenditureCategory::Overtime => "overtime",
            ExpenditureCategory::PensionsAndNi => "pensions_and_ni",
            ExpenditureCategory::Premises => "premises",
            ExpenditureCategory::Transport => "transport",
            ExpenditureCategory::SuppliesAndServices => "supplies_and_services",
            ExpenditureCategory::Ict => "ict",
            ExpenditureCategory::ThirdParty => "third_party",
            ExpenditureCategory::Collaboration => "collaboration",
            ExpenditureCategory::OpccCommissioning => "opcc_commissioning",
            ExpenditureCategory::CapitalFinancing => "capital_financing",
            ExpenditureCategory::Other => "other",
        }
    }
}

impl FundingCategory {
    /// Every category.
    pub const ALL: [FundingCategory; 10] = [
        FundingCategory::CorePoliceGrant,
        FundingCategory::FormulaGrant,
        FundingCategory::LegacyCouncilTaxGrants,
        FundingCategory::UpliftGrant,
        FundingCategory::PensionsGrant,
        FundingCategory::SpecificGrant,
        FundingCategory::OtherIncome,
        FundingCategory::CollectionFund,
        FundingCategory::NeighbourhoodPolicingGrant,
        FundingCategory::PreceptGrant,
    ];

    /// The category as written in files.
    pub fn key(self) -> &'static str {
        match self {
            FundingCategory::CorePoliceGrant => "core_police_grant",
            FundingCategory::FormulaGrant => "formula_grant",
            FundingCategory::LegacyCouncilTaxGrants => "legacy_council_tax_grants",
            FundingCategory::UpliftGrant => "uplift_grant",
            FundingCategory::PensionsGrant => "pensions_grant",
            FundingCategory::SpecificGrant => "specific_grant",
            FundingCategory::OtherIncome => "other_income",
            FundingCategory::CollectionFund => "collection_fund",
            FundingCategory::NeighbourhoodPolicingGrant => "neighbourhood_policing_grant",
            FundingCategory::PreceptGrant => "precept_grant",
        }
    }
}

/// The driver kinds, as written in files.
const DRIVER_KINDS: [&str; 10] = [
    "pay_award",
    "non_pay_inflation",
    "flat_cash",
    "growth",
    "explicit",
    "workforce",
    "collaboration_contribution",
    "collaboration_capital_financing",
    "capital_programme_financing",
    "capital_programme_revenue",
];

/// The funding driver kinds, as written in files.
const FUNDING_DRIVER_KINDS: [&str; 4] = ["flat_cash", "growth", "explicit", "uplift_grant"];

/// The `kind` of a driver object, which must be one of `kinds`.
fn kind(item: Item<'_>, kinds: &[&'static str]) -> Read<&'static str> {
    let members = item.members()?;
    let Some(member) = members.iter().find(|m| m.key == "kind") else {
        return Err(item.error("missing field `kind`"));
    };
    item.member(member).variant(kinds, |k| k)
}

/// `{"kind": kind}`, ready for the driver's own fields.
fn tagged(kind: &str) -> Object {
    let mut o = Object::new();
    o.put("kind", Node::str(kind));
    o
}

impl Driver {
    /// Read a driver object: `kind` and the fields of that kind.
    pub fn from_node(item: Item<'_>) -> Read<Driver> {
        Ok(match kind(item, &DRIVER_KINDS)? {
            "pay_award" => {
                let o = item.object(&["kind", "group", "drift"])?;
                Driver::PayAward {
                    group: o.req("group")?.variant(&PayGroup::ALL, PayGroup::key)?,
                    drift: o.or_default("drift", |i| i.bool())?,
                }
            }
            "non_pay_inflation" => {
                item.object(&["kind"])?;
                Driver::NonPayInflation
            }
            "growth" => {
                let o = item.object(&["kind", "growth_pct"])?;
                Driver::Growth {
                    growth_pct: o.year_values("growth_pct")?,
                }
            }
            "explicit" => {
                let o = item.object(&["kind", "amounts"])?;
                Driver::Explicit {
                    amounts: o.year_values("amounts")?,
                }
            }
            "workforce" => {
                let o = item.object(&["kind", "group"])?;
                Driver::Workforce {
                    group: o
                        .req("group")?
                        .variant(&workforce::Group::ALL, workforce::Group::key)?,
                }
            }
            "collaboration_contribution" => {
                item.object(&["kind"])?;
                Driver::CollaborationContribution
            }
            "collaboration_capital_financing" => {
                item.object(&["kind"])?;
                Driver::CollaborationCapitalFinancing
            }
            "capital_programme_financing" => {
                item.object(&["kind"])?;
                Driver::CapitalProgrammeFinancing
            }
            "capital_programme_revenue" => {
                item.object(&["kind"])?;
                Driver::CapitalProgrammeRevenue
            }
            "flat_cash" => {
                item.object(&["kind"])?;
                Driver::FlatCash
            }
            // `kind` admits only the names listed, each with its arm above.
            other => return Err(item.error(format!("unknown variant `{other}`"))),
        })
    }

    /// Write as `{"kind": …, …}`.
    pub fn to_node(&self) -> Node {
        let o = match self {
            Driver::PayAward { group, drift } => {
                let mut o = tagged("pay_award");
                o.put("group", Node::str(group.key()));
                o.put("drift", Node::bool(*drift));
                o
            }
            Driver::NonPayInflation => tagged("non_pay_inflation"),
            Driver::FlatCash => tagged("flat_cash"),
            Driver::Growth { growth_pct } => {
                let mut o = tagged("growth");
                o.put("growth_pct", growth_pct.to_node());
                o
            }
            Driver::Explicit { amounts } => {
                let mut o = tagged("explicit");
                o.put("amounts", amounts.to_node());
                o
            }
            Driver::Workforce { group } => {
                let mut o = tagged("workforce");
                o.put("group", Node::str(group.key()));
                o
            }
            Driver::CollaborationContribution => tagged("collaboration_contribution"),
            Driver::CollaborationCapitalFinancing => tagged("collaboration_capital_financing"),
            Driver::CapitalProgrammeFinancing => tagged("capital_programme_financing"),
            Driver::CapitalProgrammeRevenue => tagged("capital_programme_revenue"),
        };
        o.node()
    }
}

impl ExpenditureLine {
    /// Read a spending line.
    pub fn from_node(item: Item<'_>) -> Read<ExpenditureLine> {
        let o = item.object(&[
            "id",
            "name",
            "category",
            "base_amount",
            "driver",
            "pressures",
            "source",
        ])?;
        Ok(ExpenditureLine {
            id: o.string("id")?,
            name: o.string("name")?,
            category: o
                .req("category")?
                .variant(&ExpenditureCategory::ALL, ExpenditureCategory::key)?,
            base_amount: o.decimal("base_amount")?,
            driver: Driver::from_node(o.req("driver")?)?,
            pressures: o.or_default("pressures", YearValues::from_node)?,
            source: Source::from_node(o.req("source")?)?,
        })
    }

    /// Write a spending line (`pressures` only when there are some).
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("id", Node::str(&self.id));
        o.put("name", Node::str(&self.name));
        o.put("category", Node::str(self.category.key()));
        o.put("base_amount", dec::to_node(self.base_amount));
        o.put("driver", self.driver.to_node());
        if !self.pressures.0.is_empty() {
            o.put("pressures", self.pressures.to_node());
        }
        o.put("source", self.source.to_node());
        o.node()
    }
}

impl FundingDriver {
    /// Read a funding driver object: `kind` and the fields of that kind.
    pub fn from_node(item: Item<'_>) -> Read<FundingDriver> {
        Ok(match kind(item, &FUNDING_DRIVER_KINDS)? {
            "growth" => {
                let o = item.object(&["kind", "growth_pct"])?;
                FundingDriver::Growth {
                    growth_pct: o.year_values("growth_pct")?,
                }
            }
            "explicit" => {
                let o = item.object(&["kind", "amounts"])?;
                FundingDriver::Explicit {
                    amounts: o.year_values("amounts")?,
                }
            }
            "uplift_grant" => {
                item.object(&["kind"])?;
                FundingDriver::UpliftGrant
            }
            "flat_cash" => {
                item.object(&["kind"])?;
                FundingDriver::FlatCash
            }
            // `kind` admits only the names listed, each with its arm above.
            other => return Err(item.error(format!("unknown variant `{other}`"))),
        })
    }

    /// Write as `{"kind": …, …}`.
    pub fn to_node(&self) -> Node {
        let o = match self {
            FundingDriver::FlatCash => tagged("flat_cash"),
            FundingDriver::Growth { growth_pct } => {
                let mut o = tagged("growth");
                o.put("growth_pct", growth_pct.to_node());
                o
            }
            FundingDriver::Explicit { amounts } => {
                let mut o = tagged("explicit");
                o.put("amounts", amounts.to_node());
                o
            }
            FundingDriver::UpliftGrant => tagged("uplift_grant"),
        };
        o.node()
    }
}

impl FundingLine {
    /// Read a funding line.
    pub fn from_node(item: Item<'_>) -> Read<FundingLine> {
        let o = item.object(&["id", "name", "category", "base_amount", "driver", "source"])?;
        Ok(FundingLine {
            id: o.string("id")?,
            name: o.string("name")?,
            category: o
                .req("category")?
                .variant(&FundingCategory::ALL, FundingCategory::key)?,
            base_amount: o.decimal("base_amount")?,
            driver: FundingDriver::from_node(o.req("driver")?)?,
            source: Source::from_node(o.req("source")?)?,
        })
    }

    /// Write a funding line.
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("id", Node::str(&self.id));
        o.put("name", Node::str(&self.name));
        o.put("category", Node::str(self.category.key()));
        o.put("base_amount", dec::to_node(self.base_amount));
        o.put("driver", self.driver.to_node());
        o.put("source", self.source.to_node());
        o.node()
    }
}
