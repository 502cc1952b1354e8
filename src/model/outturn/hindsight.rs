//! Hindsight: Nottinghamshire's 2021/22 plan with what is now known. The baseline (the plan
//! HMICFRS read) with every published actual assumption applied, each cited, estimates
//! flagged ([`CHANGES`]); what was published but is not applied, and why ([`NOT_APPLIED`]);
//! and checks of its figures against the published ones ([`checks`]). Read-only: the app
//! shows it beside the plan, and `mtfp project --hindsight` projects it.
//! docs/outturn.md §4.

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::model::engine::Projection;
use crate::model::error::{ModelError, ModelResult};
use crate::model::money::{round_to, At};
use crate::model::registry::{Assumption, Unit};
use crate::model::scenario::Scenario;
use crate::model::source::Source;
use crate::model::year::FinancialYear;

/// The hindsight scenario's name.
pub const NAME: &str = "2021/22 plan with what is now known";

/// One published actual applied to the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    /// The assumption group it belongs to, as the bridge names it ([`crate::view::GROUPS`]).
    pub group: &'static str,
    /// The assumption's registry key (docs/model.md §10).
    pub key: &'static str,
    /// The calendar year its financial year starts (2024 for 2024/25).
    pub year: u16,
    /// The figure, in the assumption's unit.
    pub value: &'static str,
    /// The plan's figure it replaces, as people read it.
    pub plan: &'static str,
    /// Where it comes from.
    pub source: &'static str,
    /// True if it is an estimate or arithmetic, not published as such.
    pub estimate: bool,
}

/// Every published actual applied, in the order applied.
pub const CHANGES: [Change; 9] = [
    Change {
        group: "Funding and grants",
        key: "funding_growth[core_police_grant]",
        year: 2024,
        value: "5.84",
        plan: "4.47%",
        source: "Estimate: the rate that takes core police grant plus ex-DCLG formula grant \
                 (read as the published \"main grant\") to £163.2m, the 2025/26 main grant of \
                 £169.2m less its published £6m rise (local press 2025)",
        estimate: true,
    },
    Change {
        group: "Funding and grants",
        key: "funding_growth[formula_grant]",
        year: 2024,
        value: "5.84",
        plan: "4.47%",
        source: "As core police grant (the two grow together in the plan)",
        estimate: true,
    },
    Change {
        group: "Funding and grants",
        key: "funding_growth[core_police_grant]",
        year: 2025,
        value: "3.68",
        plan: "1.06%",
        source: "Estimate: the rate that takes core police grant plus ex-DCLG formula grant \
                 (read as the published \"main grant\") to the published £169.2m (local press; \
                 written parliamentary answer, 2025)",
        estimate: true,
    },
    Change {
        group: "Funding and grants",
        key: "funding_growth[formula_grant]",
        year: 2025,
        value: "3.68",
        plan: "1.06%",
        source: "As core police grant",
        estimate: true,
    },
    Change {
        group: "Precept",
        key: "tax_base_growth",
        year: 2024,
        value: "0",
        plan: "1%",
        source: "Estimate: the published precept rise of £4.3m (local press 2024) is what the \
                 £12.96 Band D rise raises on an unchanged tax base (332,912 × £12.96 = £4.31m)",
        estimate: true,
    },
    Change {
        group: "Precept",
        key: "tax_base_growth",
        year: 2025,
        value: "0.05",
        plan: "1%",
        source: "Estimate: growth of 0.01% to 0.11% reproduces the published precept rise of \
                 £4.7m (local press 2025) to £0.1m; 0.05% taken",
        estimate: true,
    },
    Change {
        group: "Precept",
        key: "referendum_limit",
        year: 2025,
        value: "14",
        plan: "none",
        source: "Precept referendum limit 2025/26 (Home Office settlement, PCC precept report)",
        estimate: false,
    },
    Change {
        group: "Pay and inflation",
        key: "officer_pay_award",
        year: 2024,
        value: "4.75",
        plan: "2.5%",
        source: "Officer pay award from September 2024: 4.75% (policing press 2024)",
        estimate: false,
    },
    Change {
        group: "Pay and inflation",
        key: "officer_pay_award",
        year: 2025,
        value: "4.2",
        plan: "2.5%",
        source: "Officer pay award from September 2025: 4.2% (national press 2025); forces had \
                 budgeted the 2.8% ministers proposed",
        estimate: false,
    },
];

/// The police staff awards of 2024/25 and 2025/26 are not in the facts file: assumed to
/// match the officers', as they did in 2022/23 (£1,900) and 2023/24 (7%).
pub const STAFF_AWARDS: [Change; 2] = [
    Change {
        group: "Pay and inflation",
        key: "staff_pay_award",
        year: 2024,
        value: "4.75",
        plan: "2.5%",
        source: "Estimate: the police staff award is not in the facts file; assumed to match \
                 the officers' 4.75%, as staff awards did in 2022/23 and 2023/24",
        estimate: true,
    },
    Change {
        group: "Pay and inflation",
        key: "staff_pay_award",
        year: 2025,
        value: "4.2",
        plan: "2.5%",
        source: "Estimate: assumed to match the officers' 4.2%, as above",
        estimate: true,
    },
];

/// Published since the plan but not applied, and why.
pub const NOT_APPLIED: [(&str, &str); 5] = [
    (
        "Band D £254.25, £269.19, £282.15, £296.10",
        "Already the plan's: the baseline carries the rises actually set.",
    ),
    (
        "Officers: 2,439 at March 2023; 2,378 and 2,408 planned",
        "Already the plan's workforce.",
    ),
    (
        "Savings taken: nearly £5m (2023/24), £5.2m (2024/25), £4.9m (2025/26)",
        "Decisions that closed the gap, not assumptions: shown as outturn, so the hindsight \
         gap is the one they had to close.",
    ),
    (
        "2025/26 recruitment top-up £1.6m for 30 officers",
        "A grant tied to its own cost (30 more officers): the two are taken to cancel.",
    ),
    (
        "Employer NI from April 2025 and the £27m of 2025/26 pressures",
        "Not published line by line: no figure to apply.",
    ),
];

/// Every change, staff awards included, in the order applied.
pub fn changes() -> Vec<Change> {
    CHANGES.iter().chain(STAFF_AWARDS.iter()).copied().collect()
}

/// The scenario field whose source a change's assumption shares.
fn source_mut<'a>(s: &'a mut Scenario, key: &str) -> Option<&'a mut Source> {
    Some(match key {
        "officer_pay_award" => &mut s.assumptions.officer_pay_award_pct.source,
        "staff_pay_award" => &mut s.assumptions.staff_pay_award_pct.source,
        "tax_base_growth" => &mut s.precept.tax_base_growth_pct.source,
        "referendum_limit" => &mut s.precept.referendum_limit_gbp.source,
        _ => {
            let id = key
                .strip_prefix("funding_growth[")
                .and_then(|k| k.strip_suffix(']'))?;
            &mut s.funding.iter_mut().find(|l| l.id == id)?.source
        }
    })
}

/// `plan` with every change applied, named and described as the hindsight scenario.
pub fn apply(plan: &Scenario) -> ModelResult<Scenario> {
    let mut s = plan.clone();
    for c in changes() {
        let bad = |m: String| ModelError::new(c.key, m);
        let year = FinancialYear::new(c.year).ok_or_else(|| bad("no such year".into()))?;
        let value = Decimal::from_str(c.value).map_err(|e| bad(e.to_string()))?;
        let a = Assumption::from_key(&s, c.key)
            .ok_or_else(|| bad("the plan has no such assumption".into()))?;
        a.set(&mut s, Some(year), value)
            .map_err(|m| bad(m).in_year(year))?;
        if let Some(source) = source_mut(&mut s, c.key) {
            source.text = format!(
                "{} Hindsight {year}: {} ({}).",
                source.text, c.value, c.source
            );
            source.estimate |= c.estimate;
        }
    }
    s.name = NAME.to_string();
    s.description = format!(
        "{} with the pay awards, grant, tax base and referendum limit published since \
         applied (docs/outturn.md). Read-only.",
        plan.name
    );
    s.validate()?;
    Ok(s)
}

/// The built-in hindsight scenario: the Nottinghamshire baseline with what is now known.
pub fn nottinghamshire() -> ModelResult<Scenario> {
    apply(&crate::model::baseline::nottinghamshire()?)
}

/// What a published figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    /// Exactly this figure.
    Exact(Decimal),
    /// £m to one place, from the first to the second (the same for one figure).
    Millions(Decimal, Decimal),
}

/// One check of the hindsight projection against a published figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// What is checked.
    pub what: &'static str,
    /// The year.
    pub year: FinancialYear,
    /// The published figure.
    pub published: Published,
    /// The model's figure, in `unit`.
    pub model: Decimal,
    /// The unit of both.
    pub unit: Unit,
    /// True when the model's figure is the published one (to the £0.1m for millions).
    pub ok: bool,
    /// Where the published figure comes from.
    pub source: &'static str,
}

/// What is checked: the figure, its year, the published value and the source.
struct Spec {
    what: &'static str,
    year: u16,
    published: (&'static str, &'static str),
    unit: Unit,
    source: &'static str,
}

const CHECKS: [Spec; 14] = [
    Spec {
        what: "Net revenue spend",
        year: 2023,
        published: ("261.7", "261.7"),
        unit: Unit::Pounds,
        source: "Net budget £261.7m (local press on the 2023/24 precept)",
    },
    Spec {
        what: "Council tax (precept income)",
        year: 2023,
        published: ("89.4", "89.6"),
        unit: Unit::Pounds,
        source: "£89.6m (2023/24 budget, local press); £89.4m (Home Office statistics)",
    },
    Spec {
        what: "Band D",
        year: 2022,
        published: ("254.25", ""),
        unit: Unit::Pounds,
        source: "Local press on the 2022/23 precept",
    },
    Spec {
        what: "Band D",
        year: 2023,
        published: ("269.19", ""),
        unit: Unit::Pounds,
        source: "Local press on the 2023/24 precept",
    },
    Spec {
        what: "Band D",
        year: 2024,
        published: ("282.15", ""),
        unit: Unit::Pounds,
        source: "Local press (2024)",
    },
    Spec {
        what: "Band D",
        year: 2025,
        published: ("296.10", ""),
        unit: Unit::Pounds,
        source: "Local press (2025)",
    },
    Spec {
        what: "Officer pay award",
        year: 2022,
        published: ("5", ""),
        unit: Unit::Percent,
        source: "Home Office: £1,900 flat (about 5%)",
    },
    Spec {
        what: "Officer pay award",
        year: 2023,
        published: ("7", ""),
        unit: Unit::Percent,
        source: "Home Office announcement (2023)",
    },
    Spec {
        what: "Officer pay award",
        year: 2024,
        published: ("4.75", ""),
        unit: Unit::Percent,
        source: "Policing press (2024)",
    },
    Spec {
        what: "Officer pay award",
        year: 2025,
        published: ("4.2", ""),
        unit: Unit::Percent,
        source: "National press (2025)",
    },
    Spec {
        what: "Main grant (core police grant + formula grant)",
        year: 2024,
        published: ("163.2", "163.2"),
        unit: Unit::Pounds,
        source: "£169.2m less its £6m rise (local press 2025): an estimate",
    },
    Spec {
        what: "Main grant (core police grant + formula grant)",
        year: 2025,
        published: ("169.2", "169.2"),
        unit: Unit::Pounds,
        source: "Local press; written parliamentary answer (2025)",
    },
    Spec {
        what: "Precept income, rise on the year before",
        year: 2024,
        published: ("4.3", "4.3"),
        unit: Unit::Pounds,
        source: "Local press (2024)",
    },
    Spec {
        what: "Precept income, rise on the year before",
        year: 2025,
        published: ("4.7", "4.7"),
        unit: Unit::Pounds,
        source: "Local press (2025)",
    },
];

/// The model's figure for a check.
fn model_figure(s: &Scenario, p: &Projection, spec: &Spec, year: FinancialYear) -> Option<Decimal> {
    let y = p.year(year)?;
    let at = At::new("hindsight", Some(year));
    match (spec.what, spec.unit) {
        ("Net revenue spend", _) => Some(y.total_expenditure),
        ("Council tax (precept income)", _) => Some(y.precept.income),
        ("Band D", _) => Some(y.precept.band_d),
        ("Officer pay award", _) => {
            Some(s.assumptions.officer_pay_award_pct.value.get_or_zero(year))
        }
        ("Precept income, rise on the year before", _) => {
            let before = p.year(year.previous()?)?;
            at.sub(y.precept.income, before.precept.income).ok()
        }
        _ => {
            let line = |id: &str| y.funding_line(id).map(|l| l.amount);
            at.add(line("core_police_grant")?, line("formula_grant")?)
                .ok()
        }
    }
}

/// Each check of `p` (the projection of `s`) against the published figures.
pub fn checks(s: &Scenario, p: &Projection) -> ModelResult<Vec<Check>> {
    let mut out = Vec::with_capacity(CHECKS.len());
    for spec in &CHECKS {
        let year = FinancialYear::new(spec.year)
            .ok_or_else(|| ModelError::new("hindsight", "no such year"))?;
        let dec =
            |t: &str| Decimal::from_str(t).map_err(|e| ModelError::new("hindsight", e.to_string()));
        let published = if spec.published.1.is_empty() {
            Published::Exact(dec(spec.published.0)?)
        } else {
            Published::Millions(dec(spec.published.0)?, dec(spec.published.1)?)
        };
        let Some(model) = model_figure(s, p, spec, year) else {
            continue;
        };
        let ok = match published {
            Published::Exact(v) => model == v,
            Published::Millions(lo, hi) => {
                let m = round_to(
                    At::new("hindsight", Some(year)).div(model, Decimal::from(1_000_000))?,
                    1,
                );
                m >= lo && m <= hi
            }
        };
        out.push(Check {
            what: spec.what,
            year,
            published,
            model,
            unit: spec.unit,
            ok,
            source: spec.source,
        });
    }
    Ok(out)
}
