//! The scenario's `workforce` section: what a user edits, and its validation.
//!
//! Counts of people (headcount, starters, retirements) are whole numbers written as
//! decimal strings like every other figure in a scenario file; a start month is a JSON
//! integer, 1 (January) to 12 (December).

use rust_decimal::Decimal;

use super::uplift::UpliftPlan;
use crate::model::dec::{self, YearValues};
use crate::model::error::{ModelError, ModelResult};
use crate::model::json::{Item, Node, Object, Read};
use crate::model::money::is_whole;
use crate::model::source::Source;
use crate::model::vec_map::VecMap;
use crate::model::year::FinancialYear;

/// The scenario's `workforce` section: the three paid groups, unpaid headcount (specials,
/// volunteers), Operation Uplift, and where each default figure comes from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WorkforcePlan {
    /// Police officers.
    pub officers: GroupPlan,
    /// Police staff (excluding PCSOs).
    pub staff: GroupPlan,
    /// Police community support officers.
    pub pcsos: GroupPlan,
    /// Special constables and volunteers: headcount only, no pay cost.
    pub unpaid: Vec<UnpaidGroup>,
    /// Operation Uplift targets, grant and rule tables; absent when not modelled.
    pub uplift: Option<UpliftPlan>,
    /// Where each default figure comes from, keyed by its field path inside this section
    /// (for example `officers.opening_headcount`). Optional in user scenarios.
    pub sources: VecMap<String, Source>,
}

/// One paid workforce group: its people flows and its cost per FTE.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GroupPlan {
    /// Headcount (people) at 31 March immediately before the base year, e.g. 31 March
    /// 2021 for a plan whose base year is 2021/22. A whole number.
    pub opening_headcount: Decimal,
    /// Full-time equivalents at that same 31 March; never above the headcount.
    pub opening_fte: Decimal,
    /// FTE-to-headcount ratio of starters (1 = everyone joins full time), above 0, at
    /// most 1. Leavers leave at the group's FTE per head at the start of their year.
    pub fte_per_head: Decimal,
    /// Leavers other than planned retirements, % of the opening headcount of each year
    /// (0 to 100). Rounded to whole people, halves up.
    pub attrition_pct: Decimal,
    /// Planned retirements by year, whole people, on top of attrition. Years not listed:
    /// none.
    pub retirements: YearValues,
    /// Recruit intakes. Intakes in years outside the plan are ignored.
    pub intakes: Vec<Intake>,
    /// Average pay per FTE of serving people in the base year (£ a year, before employer
    /// NI and pension): the mix of ranks or grades and scale points in post.
    pub serving_pay: Decimal,
    /// Starting pay per FTE of a recruit in the base year (£ a year): the first point of
    /// the scale. Recruits are paid this in the year they join and join the serving
    /// average from the next year.
    pub recruit_pay: Decimal,
    /// Years a recruit takes to climb from the starting rate to the serving average, in
    /// equal steps each 1 April (officers: the constable scale has 7 points). 0 or 1: paid
    /// the serving average from their second year. At most 40.
    pub progression_years: u32,
    /// Incremental progression (pay drift) % a year on the serving average as people move
    /// up their scales, on top of pay awards, by the year a rate starts (as
    /// `employer_ni_pct`). Applies from the year after the base year; none listed: 0%.
    pub progression_pct: YearValues,
    /// Employer national insurance, % of pay, by the year a rate starts: a rate applies
    /// from its year until the next listed year.
    pub employer_ni_pct: YearValues,
    /// Employer pension contribution, % of pay, by the year a rate starts (as
    /// `employer_ni_pct`).
    pub employer_pension_pct: YearValues,
    /// Training and kit cost per recruit (£, flat cash), charged in the year they start.
    pub training_per_recruit: Decimal,
}

/// A cohort of recruits joining on the first day of a month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Intake {
    /// The financial year the cohort joins in.
    pub year: FinancialYear,
    /// The calendar month they start, 1 = January … 12 = December. They are costed from
    /// the 1st of that month to 31 March: April → 12 months, October → 6, March → 1.
    pub start_month: i64,
    /// How many people join (whole people).
    pub count: Decimal,
}

/// Unpaid people counted by headcount only (special constables, police support
/// volunteers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnpaidGroup {
    /// What they are, e.g. "Special constables".
    pub name: String,
    /// Headcount at 31 March by year; a year not listed carries the latest earlier value.
    pub headcount: YearValues,
}

impl WorkforcePlan {
    /// Read the `workforce` section.
    pub fn from_node(item: Item<'_>) -> Read<WorkforcePlan> {
        let o = item.object(&["officers", "staff", "pcsos", "unpaid", "uplift", "sources"])?;
        Ok(WorkforcePlan {
            officers: GroupPlan::from_node(o.req("officers")?)?,
            staff: GroupPlan::from_node(o.req("staff")?)?,
            pcsos: GroupPlan::from_node(o.req("pcsos")?)?,
            unpaid: o.or_default("unpaid", |i| i.entries(UnpaidGroup::from_node))?,
            uplift: o.nullable("uplift", UpliftPlan::from_node)?,
            sources: o.or_default("sources", sources_from_node)?,
        })
    }

    /// Write the `workforce` section (`unpaid`, `uplift` and `sources` only when set).
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("officers", self.officers.to_node());
        o.put("staff", self.staff.to_node());
        o.put("pcsos", self.pcsos.to_node());
        if !self.unpaid.is_empty() {
            o.put(
                "unpaid",
                Node::array(self.unpaid.iter().map(UnpaidGroup::to_node).collect()),
            );
        }
        if let Some(uplift) = &self.uplift {
            o.put("uplift", uplift.to_node());
        }
        if !self.sources.is_empty() {
            let mut sources = Object::new();
            for (key, source) in &self.sources {
                sources.put(key, source.to_node());
            }
            o.put("sources", sources.node());
        }
        o.node()
    }
}

/// Read the `sources` map: field path → source.
fn sources_from_node(item: Item<'_>) -> Read<VecMap<String, Source>> {
    let mut out = VecMap::new();
    for member in item.map()? {
        out.insert(member.key.clone(), Source::from_node(item.member(member))?);
    }
    Ok(out)
}

impl GroupPlan {
    /// Read one paid group.
    pub fn from_node(item: Item<'_>) -> Read<GroupPlan> {
        let o = item.object(&[
            "opening_headcount",
            "opening_fte",
            "fte_per_head",
            "attrition_pct",
            "retirements",
            "intakes",
            "serving_pay",
            "recruit_pay",
            "progression_years",
            "progression_pct",
            "employer_ni_pct",
            "employer_pension_pct",
            "training_per_recruit",
        ])?;
        Ok(GroupPlan {
            opening_headcount: o.decimal("opening_headcount")?,
            opening_fte: o.decimal("opening_fte")?,
            fte_per_head: o.decimal("fte_per_head")?,
            attrition_pct: o.decimal("attrition_pct")?,
            retirements: o.or_default("retirements", YearValues::from_node)?,
            intakes: o.or_default("intakes", |i| i.entries(Intake::from_node))?,
            serving_pay: o.decimal("serving_pay")?,
            recruit_pay: o.decimal("recruit_pay")?,
            progression_years: o.or_default("progression_years", |i| i.u32())?,
            progression_pct: o.or_default("progression_pct", YearValues::from_node)?,
            employer_ni_pct: o.year_values("employer_ni_pct")?,
            employer_pension_pct: o.year_values("employer_pension_pct")?,
            training_per_recruit: o.or_default("training_per_recruit", dec::from_node)?,
        })
    }

    /// Write one paid group.
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("opening_headcount", dec::to_node(self.opening_headcount));
        o.put("opening_fte", dec::to_node(self.opening_fte));
        o.put("fte_per_head", dec::to_node(self.fte_per_head));
        o.put("attrition_pct", dec::to_node(self.attrition_pct));
        o.put("retirements", self.retirements.to_node());
        o.put(
            "intakes",
            Node::array(self.intakes.iter().map(Intake::to_node).collect()),
        );
        o.put("serving_pay", dec::to_node(self.serving_pay));
        o.put("recruit_pay", dec::to_node(self.recruit_pay));
        o.put(
            "progression_years",
            Node::int(self.progression_years.into()),
        );
        o.put("progression_pct", self.progression_pct.to_node());
        o.put("employer_ni_pct", self.employer_ni_pct.to_node());
        o.put("employer_pension_pct", self.employer_pension_pct.to_node());
        o.put(
            "training_per_recruit",
            dec::to_node(self.training_per_recruit),
        );
        o.node()
    }
}

impl Intake {
    /// Read a recruit intake.
    pub fn from_node(item: Item<'_>) -> Read<Intake> {
        let o = item.object(&["year", "start_month", "count"])?;
        Ok(Intake {
            year: FinancialYear::from_node(o.req("year")?)?,
            start_month: o.req("start_month")?.i64()?,
            count: o.decimal("count")?,
        })
    }

    /// Write a recruit intake.
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("year", self.year.to_node());
        o.put("start_month", Node::int(self.start_month));
        o.put("count", dec::to_node(self.count));
        o.node()
    }
}

impl UnpaidGroup {
    /// Read an unpaid group.
    pub fn from_node(item: Item<'_>) -> Read<UnpaidGroup> {
        let o = item.object(&["name", "headcount"])?;
        Ok(UnpaidGroup {
            name: o.string("name")?,
            headcount: o.year_values("headcount")?,
        })
    }

    /// Write an unpaid group.
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("name", Node::str(&self.name));
        o.put("headcount", self.headcount.to_node());
        o.node()
    }
}

/// Months a starter is paid in their first financial year, joining on the 1st of
/// calendar month `month` (1–12): April 12, May 11 … March 1.
pub fn months_in_post(month: i64) -> Option<u32> {
    match month {
        4..=12 => u32::try_from(16 - month).ok(),
        1..=3 => u32::try_from(4 - month).ok(),
        _ => None,
    }
}

/// The value in force in `year` for a table keyed by the year each value starts: the
/// entry for the latest listed year at or before `year`.
pub fn in_force(values: &YearValues, year: FinancialYear) -> Option<Decimal> {
    values.0.up_to(&year).next_back().map(|(_, v)| *v)
}

pub(crate) fn err(path: &str, field: &str, message: impl Into<String>) -> ModelError {
    ModelError::new(format!("{path}.{field}"), message)
}

pub(crate) fn whole_non_negative(path: &str, field: &str, v: Decimal) -> ModelResult<()> {
    if v.is_sign_negative() && !v.is_zero() {
        return Err(err(path, field, format!("must not be negative (got {v})")));
    }
    if !is_whole(v) {
        return Err(err(
            path,
            field,
            format!("must be a whole number of people (got {v})"),
        ));
    }
    Ok(())
}

pub(crate) fn pct_0_100(path: &str, field: &str, v: Decimal) -> ModelResult<()> {
    if v < Decimal::ZERO || v > Decimal::ONE_HUNDRED {
        return Err(err(
            path,
            field,
            format!("must be a percentage from 0 to 100 (got {v})"),
        ));
    }
    Ok(())
}

fn non_negative_money(path: &str, field: &str, v: Decimal) -> ModelResult<()> {
    if v < Decimal::ZERO {
        return Err(err(path, field, format!("must not be negative (got £{v})")));
    }
    Ok(())
}

impl WorkforcePlan {
    /// Check every figure, naming the first bad field (`workforce.officers.attrition_pct`).
    pub fn validate(&self) -> ModelResult<()> {
        self.officers.validate("workforce.officers")?;
        self.staff.validate("workforce.staff")?;
        self.pcsos.validate("workforce.pcsos")?;
        self.validate_unpaid()?;
        if let Some(uplift) = &self.uplift {
            uplift.validate("workforce.uplift")?;
        }
        Ok(())
    }

    /// Check the unpaid groups' headcounts: whole people, not negative.
    pub fn validate_unpaid(&self) -> ModelResult<()> {
        for (i, group) in self.unpaid.iter().enumerate() {
            for (year, v) in group.headcount.iter() {
                if v.is_sign_negative() && !v.is_zero() || !is_whole(v) {
                    let path = format!("workforce.unpaid[{i}]");
                    whole_non_negative(&path, "headcount", v).map_err(|e| e.in_year(year))?;
                }
            }
        }
        Ok(())
    }
}

impl GroupPlan {
    /// Check this group's figures; `path` is e.g. `workforce.officers`.
    pub fn validate(&self, path: &str) -> ModelResult<()> {
        whole_non_negative(path, "opening_headcount", self.opening_headcount)?;
        if self.opening_fte < Decimal::ZERO {
            return Err(err(path, "opening_fte", "must not be negative"));
        }
        if self.opening_fte > self.opening_headcount {
            return Err(err(
                path,
                "opening_fte",
                format!(
                    "FTE {} is above the headcount {}: FTE can never exceed the people in post",
                    self.opening_fte, self.opening_headcount
                ),
            ));
        }
        if self.fte_per_head <= Decimal::ZERO || self.fte_per_head > Decimal::ONE {
            return Err(err(
                path,
                "fte_per_head",
                format!(
                    "must be above 0 and at most 1 (got {}): FTE can never exceed headcount",
                    self.fte_per_head
                ),
            ));
        }
        if self.attrition_pct > Decimal::ONE_HUNDRED {
            return Err(err(
                path,
                "attrition_pct",
                format!(
                    "attrition of {}% is over 100%: no more than everyone can leave",
                    self.attrition_pct
                ),
            ));
        }
        pct_0_100(path, "attrition_pct", self.attrition_pct)?;
        for (year, v) in self.retirements.iter() {
            if v.is_sign_negative() && !v.is_zero() || !is_whole(v) {
                whole_non_negative(path, "retirements", v).map_err(|e| e.in_year(year))?;
            }
        }
        for (i, intake) in self.intakes.iter().enumerate() {
            let whole = (intake.count.is_zero() || !intake.count.is_sign_negative())
                && is_whole(intake.count);
            if months_in_post(intake.start_month).is_some() && whole {
                continue;
            }
            let ipath = format!("{path}.intakes[{i}]");
            if months_in_post(intake.start_month).is_none() {
                return Err(err(
                    &ipath,
                    "start_month",
                    format!(
                        "{} is not a month: use 1 (January) to 12 (December)",
                        intake.start_month
                    ),
                )
                .in_year(intake.year));
            }
            whole_non_negative(&ipath, "count", intake.count)
                .map_err(|e| e.in_year(intake.year))?;
        }
        non_negative_money(path, "serving_pay", self.serving_pay)?;
        non_negative_money(path, "recruit_pay", self.recruit_pay)?;
        non_negative_money(path, "training_per_recruit", self.training_per_recruit)?;
        if self.progression_years > 40 {
            return Err(err(
                path,
                "progression_years",
                format!("must be 0 to 40 years (got {})", self.progression_years),
            ));
        }
        for (year, v) in self.progression_pct.iter() {
            if v < Decimal::from(-50) || v > Decimal::from(50) {
                return Err(err(
                    path,
                    "progression_pct",
                    format!("must be between -50% and 50% a year (got {v})"),
                )
                .in_year(year));
            }
        }
        for (field, table) in [
            ("employer_ni_pct", &self.employer_ni_pct),
            ("employer_pension_pct", &self.employer_pension_pct),
        ] {
            if table.0.is_empty() {
                return Err(err(
                    path,
                    field,
                    "give at least one rate, from the base year",
                ));
            }
            for (year, v) in table.iter() {
                pct_0_100(path, field, v).map_err(|e| e.in_year(year))?;
            }
        }
        Ok(())
    }
}
