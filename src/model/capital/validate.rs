//! Checks on the `capital_programme` section (docs/capital.md, "Bad input"): each names
//! the field (a scheme by its id) and, where it belongs to one, the year.

use rust_decimal::Decimal;

use super::schedule::path;
use super::{CapitalProgramme, InUse, Scheme, MAX_LIFE_YEARS, PROGRAMME_SCHEMA};
use crate::model::dec::YearValues;
use crate::model::error::{ModelError, ModelResult};
use crate::model::json::shorten;
use crate::model::money::{checked_add, round_money, within};
use crate::model::scenario::{Driver, Horizon, Scenario};
use crate::model::year::FinancialYear;

/// Largest amount (£) accepted anywhere in the programme: £1 trillion, as elsewhere.
const MAX_AMOUNT: u64 = 1_000_000_000_000;

/// An error at `prefix` + `field` (and `year`): the path is written only for a message.
#[inline(never)]
fn bad(prefix: &str, field: &str, year: Option<FinancialYear>, message: String) -> ModelError {
    let e = ModelError::new(format!("{prefix}{field}"), message);
    match year {
        Some(y) => e.in_year(y),
        None => e,
    }
}

/// An amount: not negative, at most £1 trillion.
#[inline(never)]
fn amount(prefix: &str, field: &str, year: Option<FinancialYear>, v: Decimal) -> ModelResult<()> {
    if v.is_sign_negative() && !v.is_zero() {
        return Err(bad(
            prefix,
            field,
            year,
            format!("an amount cannot be negative (£{v})"),
        ));
    }
    if !within(v, MAX_AMOUNT) {
        return Err(bad(
            prefix,
            field,
            year,
            format!("£{v} is beyond any police budget (the limit is £1 trillion)"),
        ));
    }
    Ok(())
}

/// A table of amounts whose years lie between `from` (any, if none) and `to`.
#[inline(never)]
fn table(
    prefix: &str,
    field: &str,
    values: &YearValues,
    from: Option<FinancialYear>,
    to: Option<FinancialYear>,
) -> ModelResult<()> {
    for (year, v) in values.iter() {
        if from.is_some_and(|f| year < f) || to.is_some_and(|t| year > t) {
            let from = from.map_or_else(|| "2000/01".to_string(), |y| y.to_string());
            let to = to.map_or_else(String::new, |y| y.to_string());
            return Err(bad(
                prefix,
                field,
                Some(year),
                format!("{year} is outside the years this table covers ({from} to {to})"),
            ));
        }
        amount(prefix, field, Some(year), v)?;
    }
    Ok(())
}

/// Check the programme of scenario `s`: [`own`], then [`lines`].
pub(crate) fn programme(s: &Scenario, p: &CapitalProgramme) -> ModelResult<()> {
    own(s, p)?;
    lines(s, p)
}

/// Check the programme itself (it reads the scenario's schema and horizon only).
pub(crate) fn own(s: &Scenario, p: &CapitalProgramme) -> ModelResult<()> {
    if s.schema < PROGRAMME_SCHEMA {
        return Err(ModelError::new(
            "capital_programme",
            format!(
                "a capital programme needs scenario schema {PROGRAMME_SCHEMA} or later (this \
                 scenario says {}): write \"schema\": {PROGRAMME_SCHEMA}",
                s.schema
            ),
        ));
    }
    let h = &s.horizon;
    for (year, rate) in p.borrowing_rate_pct.value.iter() {
        if rate < Decimal::ZERO || rate > Decimal::ONE_HUNDRED {
            return Err(ModelError::new(
                "capital_programme.borrowing_rate_pct",
                format!("a borrowing rate must lie between 0% and 100%, not {rate}%"),
            )
            .in_year(year));
        }
    }
    let debt = &p.existing_debt;
    let top = "capital_programme.";
    amount(
        top,
        "existing_debt.opening_cfr",
        None,
        debt.opening_cfr.value.0,
    )?;
    amount(top, "receipts.opening", None, p.receipts.opening.value.0)?;
    let (from, to) = (Some(h.base_year), h.last_year());
    for (field, values) in [
        ("existing_debt.mrp", &debt.mrp.value),
        ("existing_debt.interest", &debt.interest.value),
        ("receipts.expected", &p.receipts.expected.value),
        ("operational_boundary", &p.operational_boundary.value),
        ("authorised_limit", &p.authorised_limit.value),
    ] {
        table(top, field, values, from, to)?;
    }
    for (index, scheme) in p.schemes.iter().enumerate() {
        if scheme.id.trim().is_empty() {
            return Err(ModelError::new(
                format!("capital_programme.schemes[{index}].id"),
                "every scheme needs an id",
            ));
        }
        // At most 1,000 schemes: each id is compared with those before it.
        let before = p.schemes.get(..index).unwrap_or_default();
        if before.iter().any(|x| x.id == scheme.id) {
            return Err(ModelError::new(
                format!("{}.id", path(scheme)),
                format!(
                    "the id '{}' is used by more than one scheme",
                    shorten(&scheme.id)
                ),
            ));
        }
        self::scheme(scheme, h)?;
    }
    Ok(())
}

fn scheme(scheme: &Scheme, h: &Horizon) -> ModelResult<()> {
    let path = format!("{}.", path(scheme));
    let path = path.as_str();
    if scheme.name.trim().is_empty() {
        return Err(bad(path, "name", None, "a scheme needs a name".into()));
    }
    if scheme.life_years == 0 || scheme.life_years > MAX_LIFE_YEARS {
        return Err(bad(
            path,
            "life_years",
            None,
            format!(
                "an asset life of {} years is outside 1 to {MAX_LIFE_YEARS}",
                scheme.life_years
            ),
        ));
    }
    let f = &scheme.funding;
    let tables = [
        ("spend", &scheme.spend),
        ("funding.capital_grant", &f.capital_grant),
        ("funding.capital_receipts", &f.capital_receipts),
        ("funding.revenue_contribution", &f.revenue_contribution),
        ("funding.earmarked_reserve", &f.earmarked_reserve),
    ];
    for (field, values) in tables {
        table(path, field, values, None, h.last_year())?;
    }
    // The other sources may not pay for more than the year's spend.
    for (_, values) in tables {
        for &year in values.0.keys() {
            let spend = round_money(scheme.spend.get_or_zero(year));
            let funded = funded(scheme, year);
            if funded > spend {
                return Err(bad(
                    path,
                    "funding",
                    Some(year),
                    format!(
                        "the funding listed (£{funded}) is more than the spend (£{spend}): \
                         borrowing is what the spend leaves, so it cannot be negative"
                    ),
                ));
            }
        }
    }
    if let (InUse::Year(in_use), Some(&spent)) = (scheme.in_use, scheme.spend.0.keys().last()) {
        if in_use < spent {
            return Err(bad(
                path,
                "in_use",
                None,
                format!(
                    "the asset comes into use in {in_use}, before its last year of spend \
                     ({spent}): it comes into use when the spending is done"
                ),
            ));
        }
    }
    Ok(())
}

/// The sources other than borrowing listed for `year`, each rounded to the penny, added.
/// (Amounts are checked first, so the sum cannot overflow.)
fn funded(scheme: &Scheme, year: FinancialYear) -> Decimal {
    let f = &scheme.funding;
    [
        &f.capital_grant,
        &f.capital_receipts,
        &f.revenue_contribution,
        &f.earmarked_reserve,
    ]
    .into_iter()
    .fold(Decimal::ZERO, |a, t| {
        checked_add(a, round_money(t.get_or_zero(year))).unwrap_or(a)
    })
}

/// The revenue plan's lines for the programme: at most one of each, and one wherever the
/// programme has something for it to carry.
pub(crate) fn lines(s: &Scenario, p: &CapitalProgramme) -> ModelResult<()> {
    let count = |driver: &Driver| s.expenditure.iter().filter(|l| l.driver == *driver).count();
    for (driver, what) in [
        (
            Driver::CapitalProgrammeFinancing,
            "financing (MRP and interest)",
        ),
        (
            Driver::CapitalProgrammeRevenue,
            "revenue contributions to capital",
        ),
    ] {
        if count(&driver) > 1 {
            let id = s
                .expenditure
                .iter()
                .filter(|l| l.driver == driver)
                .nth(1)
                .map(|l| l.id.clone())
                .unwrap_or_default();
            return Err(ModelError::new(
                format!("expenditure[{id}].driver"),
                format!(
                    "only one expenditure line may carry the capital programme's {what}: a \
                     second would count it twice"
                ),
            ));
        }
    }
    let later = |values: &YearValues| {
        values
            .iter()
            .any(|(y, v)| y > s.horizon.base_year && s.horizon.contains(y) && !v.is_zero())
    };
    if count(&Driver::CapitalProgrammeRevenue) == 0 {
        if let Some(scheme) = p
            .schemes
            .iter()
            .find(|x| later(&x.funding.revenue_contribution))
        {
            return Err(ModelError::new(
                format!("{}.funding.revenue_contribution", path(scheme)),
                "revenue contributions to capital are a charge on the revenue budget: the \
                 scenario needs an expenditure line driven by them (driver \
                 capital_programme_revenue)",
            ));
        }
    }
    if count(&Driver::CapitalProgrammeFinancing) == 0 {
        let borrows = p.schemes.iter().find(|x| {
            x.spend
                .iter()
                .any(|(y, spend)| round_money(spend) > funded(x, y))
        });
        let debt = &p.existing_debt;
        let path = match borrows {
            Some(scheme) => Some(format!("{}.spend", path(scheme))),
            None if later(&debt.mrp.value) || later(&debt.interest.value) => {
                Some("capital_programme.existing_debt".into())
            }
            None => None,
        };
        if let Some(path) = path {
            return Err(ModelError::new(
                path,
                "borrowing costs MRP and interest, a charge on the revenue budget: the \
                 scenario needs an expenditure line driven by them (driver \
                 capital_programme_financing)",
            ));
        }
    }
    Ok(())
}
