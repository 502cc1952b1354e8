//! Rolling a plan forward a year, as finance teams do every February: a new scenario whose
//! base year is the next year, whose base amounts are that year's outturn where entered
//! (else the plan's own figures, flagged for review), with the same number of years and
//! the new final year's assumptions carried on (flagged for review). The result lists
//! every assumption it made ([`Assumed`]). docs/outturn.md §5 states each rule.

mod workforce;

use rust_decimal::Decimal;

use super::actuals::{Actuals, GrantStatus, Item};
use super::settlement;
use super::ACTUALS_SCHEMA;
use crate::model::capital::CapitalProgramme;
use crate::model::dec::YearValues;
use crate::model::engine::{self, Projection};
use crate::model::error::{ModelError, ModelResult};
use crate::model::money::{round_money, At};
use crate::model::scenario::{
    Driver, FundingCategory, FundingDriver, FundingLine, Horizon, SavingKind, Scenario, Sourced,
};
use crate::model::source::Source;
use crate::model::year::FinancialYear;

/// Where a figure of the rolled plan comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The outturn entered for the new base year (or the old base year's end).
    Outturn,
    /// The old plan's own figure: no outturn was entered (review it).
    Plan,
    /// The old final year's assumption carried into the new final year (review it).
    CarriedOn,
    /// The settlement's rules after 2025/26 (the facts file).
    Settlement,
    /// Worked out so the workforce's pay follows the old plan's.
    Calibrated,
    /// Before the new base year: no longer part of the plan.
    Dropped,
}

impl Basis {
    /// As the CLI and the app write it.
    pub fn key(self) -> &'static str {
        match self {
            Basis::Outturn => "outturn",
            Basis::Plan => "plan",
            Basis::CarriedOn => "carried_on",
            Basis::Settlement => "settlement",
            Basis::Calibrated => "calibrated",
            Basis::Dropped => "dropped",
        }
    }

    /// True for what a person should review: plan figures standing in for outturn, and
    /// assumptions carried on.
    pub fn for_review(self) -> bool {
        matches!(self, Basis::Plan | Basis::CarriedOn | Basis::Settlement)
    }
}

/// One thing the roll-forward assumed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assumed {
    /// The field of the rolled scenario: `expenditure[ict].base_amount`.
    pub path: String,
    /// The year concerned, if any.
    pub year: Option<FinancialYear>,
    /// Where the figure comes from.
    pub basis: Basis,
    /// What was done, with the figure.
    pub detail: String,
}

/// A rolled plan and what it assumed.
#[derive(Debug, Clone, PartialEq)]
pub struct Rolled {
    /// The new scenario.
    pub scenario: Scenario,
    /// Every assumption made, in the order made.
    pub assumed: Vec<Assumed>,
}

/// What rolling forward works from.
struct Ctx<'a> {
    /// The old base year.
    y0: FinancialYear,
    /// The new base year.
    b: FinancialYear,
    /// The old final year.
    last: FinancialYear,
    /// The new final year.
    z: FinancialYear,
    /// The old plan's projection.
    p: &'a Projection,
    /// The old plan's outturn.
    actuals: Actuals,
    /// What was assumed.
    assumed: Vec<Assumed>,
}

impl Ctx<'_> {
    fn note(
        &mut self,
        path: impl Into<String>,
        year: Option<FinancialYear>,
        basis: Basis,
        d: String,
    ) {
        self.assumed.push(Assumed {
            path: path.into(),
            year,
            basis,
            detail: d,
        });
    }

    /// A base-year figure: the outturn of `item` in the new base year, else `plan`.
    fn base(&mut self, path: String, item: &Item, plan: Decimal) -> (Decimal, Option<Source>) {
        match self.actuals.get(self.b, item) {
            Some(f) => {
                let (value, source) = (f.value, f.source.clone());
                self.note(
                    path,
                    Some(self.b),
                    Basis::Outturn,
                    format!("{} (outturn)", in_unit(item, value)),
                );
                (value, Some(source))
            }
            None => {
                self.note(
                    path,
                    Some(self.b),
                    Basis::Plan,
                    format!(
                        "{} (the plan's figure: no outturn entered)",
                        in_unit(item, plan)
                    ),
                );
                (plan, None)
            }
        }
    }

    /// Keep `table`'s years from `from` on, and carry its old final year into the new one.
    fn roll_table(&mut self, path: &str, table: &mut YearValues, from: FinancialYear, carry: bool) {
        table.0.retain(|y, _| *y >= from);
        if !carry {
            return;
        }
        if let (Some(v), None) = (table.get(self.last), table.get(self.z)) {
            table.set(self.z, v);
            self.note(
                path,
                Some(self.z),
                Basis::CarriedOn,
                format!("{} carried on from {}", shown(v), self.last),
            );
        }
    }
}

/// A figure as the list of assumptions shows it.
fn shown(v: Decimal) -> String {
    v.normalize().to_string()
}

/// Pounds and pence with thousands separators, as the list of assumptions shows money:
/// `£1,234,567.89` (a minus sign in front when negative).
pub(crate) fn pounds(v: Decimal) -> String {
    let text = format!("{:.2}", round_money(v).abs());
    let (whole, pence) = text.split_once('.').unwrap_or((&text, "00"));
    let mut grouped = String::with_capacity(whole.len().saturating_add(8));
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len().saturating_sub(i)).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let sign = if v.is_sign_negative() && !round_money(v).is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}£{grouped}.{pence}")
}

/// `v` in the unit of `item`.
fn in_unit(item: &Item, v: Decimal) -> String {
    match item.unit() {
        crate::model::registry::Unit::Pounds => pounds(v),
        _ => shown(v),
    }
}

/// Append `note` to a source, marking it an estimate when `estimate`.
fn annotate(source: &mut Source, note: &str, estimate: bool) {
    source.text = if source.text.is_empty() {
        note.to_string()
    } else {
        format!("{} {note}", source.text)
    };
    source.estimate |= estimate;
}

/// `s` rolled forward a year.
pub fn roll_forward(s: &Scenario) -> ModelResult<Rolled> {
    let p = engine::project(s)?;
    let h = s.horizon;
    let past = || ModelError::new("horizon", "the plan cannot roll past 2098/99");
    let y0 = h.base_year;
    let b = y0.plus(1).ok_or_else(past)?;
    let last = h.last_year().ok_or_else(past)?;
    let z = last.plus(1).ok_or_else(past)?;
    let mut c = Ctx {
        y0,
        b,
        last,
        z,
        p: &p,
        actuals: Actuals::of(s)?,
        assumed: Vec::new(),
    };
    let mut r = s.clone();
    r.schema = r.schema.max(ACTUALS_SCHEMA);
    r.horizon = Horizon {
        base_year: b,
        years: h.years,
    };
    assumptions(&mut c, &mut r);
    expenditure(&mut c, &mut r)?;
    funding(&mut c, &mut r)?;
    precept(&mut c, &mut r)?;
    savings(&mut c, &mut r)?;
    reserves(&mut c, &mut r);
    if let Some(w) = &s.workforce {
        r.workforce = Some(workforce::roll(&mut c, s, w, &r)?);
    }
    if let Some(p) = &mut r.capital_programme {
        capital(&mut c, p)?;
    }
    actuals(&mut c, &mut r);
    let reviews = c.assumed.iter().filter(|a| a.basis.for_review()).count();
    r.name = format!("{} rolled forward to {b}", s.name.trim());
    r.description = format!(
        "'{}' rolled forward a year: base year {b} (was {y0}), {} years to {z}. Base amounts \
         from the {b} outturn where entered, else the plan's own figures; {z}'s assumptions \
         carried on from {last}. {reviews} figures to review (Outturn screen, or mtfp \
         roll-forward --assumed).",
        s.name.trim(),
        h.years
    );
    r.validate()?;
    engine::project(&r)?;
    Ok(Rolled {
        scenario: r,
        assumed: c.assumed,
    })
}

/// The capital programme rolled a year (docs/outturn.md §5, step 10): the debt from before the plan
/// opens the new base year less the old base year's MRP on it, the receipts held open it
/// with the old base year's expected receipts less those applied; the tables by plan year
/// drop the old base year, and the debt's MRP and interest, the operational boundary and
/// the authorised limit carry their final year on. The schemes keep every year (spend before
/// the plan still costs MRP).
fn capital(c: &mut Ctx<'_>, p: &mut CapitalProgramme) -> ModelResult<()> {
    let (y0, b) = (c.y0, c.b);
    let at = At::new("capital_programme", Some(y0));
    let debt = &mut p.existing_debt;
    let mrp = round_money(debt.mrp.value.get_or_zero(y0));
    if !mrp.is_zero() {
        let opening = at.sub(debt.opening_cfr.value.0, mrp)?;
        c.note(
            "capital_programme.existing_debt.opening_cfr",
            Some(b),
            Basis::Plan,
            format!(
                "{} (the plan's {} less its {y0} MRP of {})",
                pounds(opening),
                pounds(debt.opening_cfr.value.0),
                pounds(mrp)
            ),
        );
        debt.opening_cfr.value.0 = opening;
    }
    let applied = at.sum(
        p.schemes
            .iter()
            .map(|x| round_money(x.funding.capital_receipts.get_or_zero(y0))),
    )?;
    let expected = round_money(p.receipts.expected.value.get_or_zero(y0));
    if !expected.is_zero() || !applied.is_zero() {
        let held = at.sub(at.add(p.receipts.opening.value.0, expected)?, applied)?;
        c.note(
            "capital_programme.receipts.opening",
            Some(b),
            Basis::Plan,
            format!("{} held after {y0} (the plan's figures)", pounds(held)),
        );
        p.receipts.opening.value.0 = held;
    }
    for (path, table, carry) in [
        (
            "capital_programme.existing_debt.mrp",
            &mut p.existing_debt.mrp.value,
            true,
        ),
        (
            "capital_programme.existing_debt.interest",
            &mut p.existing_debt.interest.value,
            true,
        ),
        (
            "capital_programme.receipts.expected",
            &mut p.receipts.expected.value,
            false,
        ),
        (
            "capital_programme.operational_boundary",
            &mut p.operational_boundary.value,
            true,
        ),
        (
            "capital_programme.authorised_limit",
            &mut p.authorised_limit.value,
            true,
        ),
    ] {
        c.roll_table(path, table, b, carry);
    }
    Ok(())
}

fn assumptions(c: &mut Ctx<'_>, r: &mut Scenario) {
    let (b, after) = (c.b, c.b.plus(1).unwrap_or(c.b));
    let a = &mut r.assumptions;
    for (path, table, from) in [
        (
            "assumptions.officer_pay_award_pct",
            &mut a.officer_pay_award_pct,
            b,
        ),
        (
            "assumptions.staff_pay_award_pct",
            &mut a.staff_pay_award_pct,
            b,
        ),
        ("assumptions.pay_drift_pct", &mut a.pay_drift_pct, after),
        (
            "assumptions.non_pay_inflation_pct",
            &mut a.non_pay_inflation_pct,
            after,
        ),
    ] {
        carry_sourced(c, path, table, from);
    }
}

/// [`Ctx::roll_table`] on a sourced table, noting a carried-on year in its source.
fn carry_sourced(
    c: &mut Ctx<'_>,
    path: &str,
    table: &mut Sourced<YearValues>,
    from: FinancialYear,
) {
    let before = c.assumed.len();
    c.roll_table(path, &mut table.value, from, true);
    if c.assumed.len() > before {
        let note = format!(
            "Rolled forward: {} carried on from {} (review).",
            c.z, c.last
        );
        annotate(&mut table.source, &note, true);
    }
}

fn base_note(b: FinancialYear, source: Option<&Source>) -> (String, bool) {
    match source {
        Some(s) if !s.text.is_empty() => (
            format!(
                "Rolled forward: the {b} base amount is the outturn ({}).",
                s.text
            ),
            s.estimate,
        ),
        Some(s) => (
            format!("Rolled forward: the {b} base amount is the outturn."),
            s.estimate,
        ),
        None => (
            format!(
                "Rolled forward: the {b} base amount is the plan's figure (no outturn: review)."
            ),
            true,
        ),
    }
}

fn expenditure(c: &mut Ctx<'_>, r: &mut Scenario) -> ModelResult<()> {
    let (b, after) = (c.b, c.b.plus(1).unwrap_or(c.b));
    let p = c.p;
    let Some(pb) = p.year(b) else {
        return Err(ModelError::new("horizon", "the plan has no second year"));
    };
    for line in &mut r.expenditure {
        let plan = pb
            .expenditure_line(&line.id)
            .map_or(Decimal::ZERO, |l| l.amount);
        let path = format!("expenditure[{}]", line.id);
        let (amount, source) = c.base(
            format!("{path}.base_amount"),
            &Item::Expenditure(line.id.clone()),
            plan,
        );
        line.base_amount = amount;
        let (note, estimate) = base_note(b, source.as_ref());
        annotate(&mut line.source, &note, estimate);
        line.pressures.0.retain(|y, _| *y >= after);
        match &mut line.driver {
            Driver::Growth { growth_pct } => {
                c.roll_table(
                    &format!("{path}.driver.growth_pct"),
                    growth_pct,
                    after,
                    true,
                );
            }
            Driver::Explicit { amounts } => {
                c.roll_table(&format!("{path}.driver.amounts"), amounts, after, false);
                carried_explicit(c, &path, amounts);
            }
            _ => {}
        }
    }
    Ok(())
}

/// An explicit table keeps its last figure: say so for the new final year.
fn carried_explicit(c: &mut Ctx<'_>, path: &str, amounts: &YearValues) {
    if amounts.get(c.z).is_none() {
        let last = amounts.iter().last().map(|(_, v)| v);
        if let Some(v) = last {
            c.note(
                format!("{path}.driver.amounts"),
                Some(c.z),
                Basis::CarriedOn,
                format!(
                    "{} carried on (a year not listed keeps the last amount)",
                    shown(v)
                ),
            );
        }
    }
}

fn funding(c: &mut Ctx<'_>, r: &mut Scenario) -> ModelResult<()> {
    let (b, after, z) = (c.b, c.b.plus(1).unwrap_or(c.b), c.z);
    let p = c.p;
    let Some(pb) = p.year(b) else {
        return Err(ModelError::new("horizon", "the plan has no second year"));
    };
    let ended = z > settlement::last_uplift_year();
    for line in &mut r.funding {
        let plan = pb
            .funding_line(&line.id)
            .map_or(Decimal::ZERO, |l| l.amount);
        let path = format!("funding[{}]", line.id);
        let (amount, source) = c.base(
            format!("{path}.base_amount"),
            &Item::Funding(line.id.clone()),
            plan,
        );
        line.base_amount = amount;
        let (note, estimate) = base_note(b, source.as_ref());
        annotate(&mut line.source, &note, estimate);
        if ended && line.category == FundingCategory::UpliftGrant {
            end_uplift(c, line, &path, after)?;
            continue;
        }
        match &mut line.driver {
            FundingDriver::Growth { growth_pct } => {
                c.roll_table(
                    &format!("{path}.driver.growth_pct"),
                    growth_pct,
                    after,
                    true,
                );
            }
            FundingDriver::Explicit { amounts } => {
                c.roll_table(&format!("{path}.driver.amounts"), amounts, after, false);
                carried_explicit(c, &path, amounts);
            }
            _ => {}
        }
    }
    if ended {
        new_grants(c, r);
    }
    Ok(())
}

/// The Uplift grant ended after 2025/26: nothing in the new final year.
fn end_uplift(
    c: &mut Ctx<'_>,
    line: &mut FundingLine,
    path: &str,
    after: FinancialYear,
) -> ModelResult<()> {
    let z = c.z;
    let why = format!(
        "£0 in {z}: the ring-fenced Uplift grant ended after {} ({})",
        settlement::last_uplift_year(),
        settlement::STRUCTURE_SOURCE
    );
    match &mut line.driver {
        // The workforce's grant table is not carried into the new year (below).
        FundingDriver::UpliftGrant => {}
        driver => {
            // The old plan's figures for the years kept, then nothing.
            let mut amounts = YearValues::new();
            for y in &c.p.years {
                if y.year >= after && y.year <= c.last {
                    let v = y.funding_line(&line.id).map_or(Decimal::ZERO, |l| l.amount);
                    amounts.set(y.year, v);
                }
            }
            amounts.set(z, Decimal::ZERO);
            *driver = FundingDriver::Explicit { amounts };
        }
    }
    annotate(&mut line.source, &format!("Rolled forward: {why}."), false);
    c.note(format!("{path}.driver"), Some(z), Basis::Settlement, why);
    Ok(())
}

/// The Uplift grant's total in the last year before the settlement changed, £.
fn uplift_paid(c: &Ctx<'_>) -> Decimal {
    let last_paid = settlement::last_uplift_year().min(c.last);
    c.p.year(last_paid).map_or(Decimal::ZERO, |y| {
        y.funding
            .iter()
            .filter(|l| l.category == FundingCategory::UpliftGrant)
            .fold(Decimal::ZERO, |sum, l| {
                round_money(sum.saturating_add(l.amount))
            })
    })
}

/// The grants new in the settlement after 2025/26, added if the plan lacks them.
fn new_grants(c: &mut Ctx<'_>, r: &mut Scenario) {
    let z = c.z;
    let has = |r: &Scenario, cat| r.funding.iter().any(|l| l.category == cat);
    let had_uplift = has(r, FundingCategory::UpliftGrant);
    if had_uplift && !has(r, FundingCategory::NeighbourhoodPolicingGrant) {
        let amount = uplift_paid(c);
        let text = format!(
            "Assumed: ring-fenced neighbourhood policing funding replaced the Uplift grant's \
             ring-fence ({}); the Uplift grant's {} figure, {}, carried into it from {z} \
             (enter the settlement's figure).",
            settlement::STRUCTURE_SOURCE,
            settlement::last_uplift_year().min(c.last),
            pounds(amount)
        );
        r.funding.push(FundingLine {
            id: unique_id(r, "neighbourhood_policing_grant"),
            name: "Neighbourhood policing grant".into(),
            category: FundingCategory::NeighbourhoodPolicingGrant,
            base_amount: Decimal::ZERO,
            driver: FundingDriver::Explicit {
                amounts: YearValues::from_pairs([(z, amount)]),
            },
            source: Source::estimate(text.clone()),
        });
        c.note(
            "funding[neighbourhood_policing_grant]",
            Some(z),
            Basis::Settlement,
            format!(
                "added: {} (the Uplift grant carried into its replacement)",
                pounds(amount)
            ),
        );
    }
    if !has(r, FundingCategory::PreceptGrant) {
        r.funding.push(FundingLine {
            id: unique_id(r, "precept_grant"),
            name: "Precept grant".into(),
            category: FundingCategory::PreceptGrant,
            base_amount: Decimal::ZERO,
            driver: FundingDriver::FlatCash,
            source: Source::estimate(format!(
                "Assumed £0: a new precept grant within the main settlement from 2026/27 ({}); \
                 its amount is not in the facts file (enter the settlement's figure).",
                settlement::STRUCTURE_SOURCE
            )),
        });
        c.note(
            "funding[precept_grant]",
            Some(z),
            Basis::Settlement,
            "added at £0: its amount is not published in the facts file".into(),
        );
    }
}

/// `id`, or `id_2`, `id_3`… if a funding line already has it.
fn unique_id(r: &Scenario, id: &str) -> String {
    let taken = |c: &str| r.funding.iter().any(|l| l.id == c);
    if !taken(id) {
        return id.to_string();
    }
    (2..1000)
        .map(|n| format!("{id}_{n}"))
        .find(|c| !taken(c))
        .unwrap_or_else(|| format!("{id}_new"))
}

fn precept(c: &mut Ctx<'_>, r: &mut Scenario) -> ModelResult<()> {
    let (b, after) = (c.b, c.b.plus(1).unwrap_or(c.b));
    let p = c.p;
    let Some(pb) = p.year(b) else {
        return Err(ModelError::new("horizon", "the plan has no second year"));
    };
    let plan_band_d = pb.precept.band_d;
    let (band_d, source) = c.base("precept.band_d".into(), &Item::BandD, plan_band_d);
    r.precept.band_d.value.0 = band_d;
    let (note, estimate) = base_note(b, source.as_ref());
    annotate(
        &mut r.precept.band_d.source,
        &note.replace("base amount", "Band D"),
        estimate,
    );
    // The tax base at full precision, as the engine grows it (docs/model.md §4).
    let growth = r.precept.tax_base_growth_pct.value.get_or_zero(b);
    let plan_tax_base = At::new("precept.tax_base", Some(b))
        .grow(r.precept.tax_base.value.0, growth)?
        .normalize();
    let (tax_base, source) = c.base("precept.tax_base".into(), &Item::TaxBase, plan_tax_base);
    r.precept.tax_base.value.0 = tax_base;
    let (note, estimate) = base_note(b, source.as_ref());
    annotate(
        &mut r.precept.tax_base.source,
        &note.replace("base amount", "tax base"),
        estimate,
    );
    // The new final year's rise: the old final year's, £ or %.
    let pr = &mut r.precept;
    let last = c.last;
    let z = c.z;
    pr.rise_gbp.value.0.retain(|y, _| *y >= after);
    pr.rise_pct.value.0.retain(|y, _| *y >= after);
    if let Some(v) = pr.rise_gbp.value.get(last) {
        c.roll_table("precept.rise_gbp", &mut pr.rise_gbp.value, after, true);
        annotate(
            &mut pr.rise_gbp.source,
            &format!(
                "Rolled forward: £{} carried on into {z} (review).",
                shown(v)
            ),
            true,
        );
    } else if let Some(v) = pr.rise_pct.value.get(last) {
        c.roll_table("precept.rise_pct", &mut pr.rise_pct.value, after, true);
        annotate(
            &mut pr.rise_pct.source,
            &format!(
                "Rolled forward: {}% carried on into {z} (review).",
                shown(v)
            ),
            true,
        );
    }
    carry_sourced(
        c,
        "precept.tax_base_growth_pct",
        &mut pr.tax_base_growth_pct,
        after,
    );
    let limits = &mut pr.referendum_limit_gbp;
    limits.value.0.retain(|y, _| *y >= b);
    match settlement::referendum_limit(z) {
        Some(limit) if limits.value.get(z).is_none() => {
            limits.value.set(z, limit);
            let text = format!("{z} £{} ({})", shown(limit), settlement::LIMITS_SOURCE);
            annotate(
                &mut limits.source,
                &format!("Rolled forward: {text}."),
                false,
            );
            c.note(
                "precept.referendum_limit_gbp",
                Some(z),
                Basis::Settlement,
                text,
            );
        }
        Some(_) => {}
        None => {
            let before = c.assumed.len();
            c.roll_table("precept.referendum_limit_gbp", &mut limits.value, b, true);
            if c.assumed.len() > before {
                annotate(
                    &mut limits.source,
                    &format!("Rolled forward: {z} carried on (review)."),
                    true,
                );
            }
        }
    }
    Ok(())
}

fn savings(c: &mut Ctx<'_>, r: &mut Scenario) -> ModelResult<()> {
    let (y0, b) = (c.y0, c.b);
    for saving in &mut r.savings {
        let Some(old) = saving.amounts.get(y0) else {
            continue;
        };
        saving.amounts.0.retain(|y, _| *y >= b);
        let path = format!("savings[{}].amounts", saving.id);
        match saving.kind {
            SavingKind::Recurring => {
                let at = At::new("savings", Some(b));
                let moved = at.add(saving.amounts.get_or_zero(b), old)?;
                saving.amounts.set(b, moved);
                c.note(
                    path,
                    Some(b),
                    Basis::Outturn,
                    format!(
                        "{y0}'s recurring {} carried into the new base year",
                        pounds(old)
                    ),
                );
            }
            SavingKind::OneOff | SavingKind::Collaborations => c.note(
                path,
                Some(y0),
                Basis::Dropped,
                format!("{y0}'s one-off {} is history", pounds(old)),
            ),
        }
    }
    Ok(())
}

fn reserves(c: &mut Ctx<'_>, r: &mut Scenario) {
    let (y0, b) = (c.y0, c.b);
    let p = c.p;
    let p0 = p.year(y0);
    for (path, item, plan) in [
        (
            "reserves.general_opening",
            Item::GeneralReserve,
            p0.map(|y| y.reserves.general),
        ),
        (
            "reserves.earmarked_opening",
            Item::EarmarkedReserves,
            p0.map(|y| y.reserves.earmarked),
        ),
    ] {
        let plan = plan.unwrap_or(Decimal::ZERO);
        let (value, source) = match c.actuals.get(y0, &item).cloned() {
            Some(f) => {
                let v = f.value;
                c.note(
                    path,
                    Some(y0),
                    Basis::Outturn,
                    format!("{} at the end of {y0} (outturn)", pounds(v)),
                );
                (v, Some(f.source))
            }
            None => {
                c.note(
                    path,
                    Some(y0),
                    Basis::Plan,
                    format!(
                        "{} at the end of {y0} (the plan's figure: no outturn entered)",
                        pounds(plan)
                    ),
                );
                (plan, None)
            }
        };
        let field = if item == Item::GeneralReserve {
            &mut r.reserves.general_opening
        } else {
            &mut r.reserves.earmarked_opening
        };
        field.value.0 = value;
        let (note, estimate) = base_note(b, source.as_ref());
        annotate(
            &mut field.source,
            &note.replace(
                &format!("the {b} base amount"),
                &format!("the balance at the end of {y0}"),
            ),
            estimate,
        );
    }
    r.reserves
        .planned_use_general
        .value
        .0
        .retain(|y, _| *y >= b);
    r.reserves
        .planned_use_earmarked
        .value
        .0
        .retain(|y, _| *y >= b);
}

/// The outturn kept for the new plan's years; each funding line tagged for the new final
/// year, if it falls after 2025/26.
fn actuals(c: &mut Ctx<'_>, r: &mut Scenario) {
    let (b, z) = (c.b, c.z);
    let mut a = c.actuals.clone();
    a.figures.retain(|f| f.year >= b);
    a.grants.retain(|g| g.year >= b);
    if z > settlement::last_uplift_year() {
        for line in &r.funding {
            if !a.grants.iter().any(|g| g.line == line.id && g.year == z) {
                a.tag(
                    &line.id,
                    z,
                    GrantStatus::Assumed,
                    Source::estimate("Rolled forward: the plan's own assumption (review)"),
                );
            }
        }
    }
    r.actuals = a.section();
}
