//! Editing the savings register and the reserves strategy one field at a time, and adding
//! or removing their rows (docs/resilience.md §10). The savings and reserves screens send
//! these through the workspace's reducer like any other edit, so undo, validation and
//! autosave apply. A named reserve's figures are the breakdown of the scenario's earmarked
//! reserves: changing one changes those totals with it.

use rust_decimal::Decimal;

use super::input::{display_value, parse_input};
use super::{FieldSpec, FieldUnit};
use crate::model::dec::{Dec, YearValues};
use crate::model::scenario::delivery::Delivery;
use crate::model::scenario::strategy::{
    EarmarkedReserve, Governs, Indicator, MinimumMethod, ReserveCategory, ReservesStrategy, Risk,
};
use crate::model::scenario::{
    DeliveryStatus, Saving, SavingCategory, SavingKind, Scenario, Sections, Sourced,
};
use crate::model::{FinancialYear, Source};

/// A field of the savings register or the reserves strategy: which, and of which row (by
/// id).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reg {
    /// A saving's name.
    SavingName(String),
    /// Its owner.
    SavingOwner(String),
    /// Its category (a key, as files write it).
    SavingCategory(String),
    /// Recurring or one-off.
    SavingKind(String),
    /// Its delivery status (a key, or `none`).
    SavingStatus(String),
    /// Its own delivery confidence, % (blank: its status's).
    SavingConfidence(String),
    /// The amount it starts saving in a year, £ (blank: none).
    SavingAmount(String, FinancialYear),
    /// The confidence a status gives by default, %.
    StatusConfidence(DeliveryStatus),
    /// A named reserve's name.
    ReserveName(String),
    /// What it is for.
    ReservePurpose(String),
    /// Its category (a key).
    ReserveCategory(String),
    /// Its opening balance, £.
    ReserveOpening(String),
    /// Its planned use in a year, £ (blank: none).
    ReserveUse(String, FinancialYear),
    /// What the general reserve is held for.
    GeneralPurpose,
    /// A risk's name.
    RiskName(String),
    /// Its likelihood, %.
    RiskLikelihood(String),
    /// Its cost if it happens, £.
    RiskImpact(String),
    /// Expected cost or percentile (a key).
    Method,
    /// The percentile, %.
    Percentile,
    /// Which minimum governs (a key).
    Governs,
    /// An indicator's red threshold.
    RedBelow(Indicator),
    /// Its amber threshold.
    AmberBelow(Indicator),
}

/// Adding or removing a row of the register or the strategy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowEdit {
    /// A new saving, not yet planned.
    AddSaving,
    /// Remove the saving with this id.
    RemoveSaving(String),
    /// A new named earmarked reserve (the first takes the earmarked reserves whole).
    AddReserve,
    /// Remove this reserve (its figures leave the earmarked totals).
    RemoveReserve(String),
    /// A new risk.
    AddRisk,
    /// Remove this risk.
    RemoveRisk(String),
}

impl RowEdit {
    /// As a message writes it: `add_saving`, `remove_saving:ID`, …
    pub fn key(&self) -> String {
        match self {
            RowEdit::AddSaving => "add_saving".into(),
            RowEdit::RemoveSaving(id) => format!("remove_saving:{id}"),
            RowEdit::AddReserve => "add_reserve".into(),
            RowEdit::RemoveReserve(id) => format!("remove_reserve:{id}"),
            RowEdit::AddRisk => "add_risk".into(),
            RowEdit::RemoveRisk(id) => format!("remove_risk:{id}"),
        }
    }

    /// The edit [`RowEdit::key`] wrote.
    pub fn from_key(key: &str) -> Option<RowEdit> {
        let (op, id) = key.split_once(':').unwrap_or((key, ""));
        let id = id.to_string();
        Some(match op {
            "add_saving" => RowEdit::AddSaving,
            "remove_saving" => RowEdit::RemoveSaving(id),
            "add_reserve" => RowEdit::AddReserve,
            "remove_reserve" => RowEdit::RemoveReserve(id),
            "add_risk" => RowEdit::AddRisk,
            "remove_risk" => RowEdit::RemoveRisk(id),
            _ => return None,
        })
    }
}

/// Each field's token in keys, in one table for [`Reg::key`] and [`Reg::from_key`].
const TOKENS: [&str; 22] = [
    "sname", "sowner", "scat", "skind", "sstatus", "sconf", "samount", "stconf", "rname",
    "rpurpose", "rcat", "ropen", "ruse", "gpurpose", "kname", "klikely", "kimpact", "method",
    "pct", "governs", "tred", "tamber",
];

impl Reg {
    /// True for a field of the reserves strategy (after the savings fields, by token).
    fn is_strategy(&self) -> bool {
        self.parts().0 > 7
    }

    /// The token, year and id its key is made of.
    fn parts(&self) -> (usize, Option<FinancialYear>, &str) {
        match self {
            Reg::SavingName(id) => (0, None, id),
            Reg::SavingOwner(id) => (1, None, id),
            Reg::SavingCategory(id) => (2, None, id),
            Reg::SavingKind(id) => (3, None, id),
            Reg::SavingStatus(id) => (4, None, id),
            Reg::SavingConfidence(id) => (5, None, id),
            Reg::SavingAmount(id, y) => (6, Some(*y), id),
            Reg::StatusConfidence(s) => (7, None, s.key()),
            Reg::ReserveName(id) => (8, None, id),
            Reg::ReservePurpose(id) => (9, None, id),
            Reg::ReserveCategory(id) => (10, None, id),
            Reg::ReserveOpening(id) => (11, None, id),
            Reg::ReserveUse(id, y) => (12, Some(*y), id),
            Reg::GeneralPurpose => (13, None, ""),
            Reg::RiskName(id) => (14, None, id),
            Reg::RiskLikelihood(id) => (15, None, id),
            Reg::RiskImpact(id) => (16, None, id),
            Reg::Method => (17, None, ""),
            Reg::Percentile => (18, None, ""),
            Reg::Governs => (19, None, ""),
            Reg::RedBelow(i) => (20, None, i.key()),
            Reg::AmberBelow(i) => (21, None, i.key()),
        }
    }

    /// A stable key, usable as a DOM id and in messages between modules: `reg-sname-ID`,
    /// `reg-samount-2023-ID` (the year by its first calendar year), `reg-tred-usable_pct`.
    pub fn key(&self) -> String {
        let (token, year, id) = self.parts();
        let mut key = format!("reg-{}", TOKENS.get(token).copied().unwrap_or(""));
        if let Some(y) = year {
            key.push_str(&format!("-{}", y.start_year()));
        }
        if !id.is_empty() {
            key.push('-');
            key.push_str(id);
        }
        key
    }

    /// The field [`Reg::key`] wrote.
    pub fn from_key(key: &str) -> Option<Reg> {
        let rest = key.strip_prefix("reg-")?;
        let (token, rest) = rest.split_once('-').unwrap_or((rest, ""));
        let token = TOKENS.iter().position(|t| *t == token)?;
        let year = |rest: &str| -> Option<(FinancialYear, String)> {
            let (y, id) = rest.split_once('-')?;
            Some((FinancialYear::new(y.parse().ok()?)?, id.to_string()))
        };
        let id = rest.to_string();
        let indicator = || Indicator::ALL.into_iter().find(|i| i.key() == rest);
        Some(match token {
            0 => Reg::SavingName(id),
            1 => Reg::SavingOwner(id),
            2 => Reg::SavingCategory(id),
            3 => Reg::SavingKind(id),
            4 => Reg::SavingStatus(id),
            5 => Reg::SavingConfidence(id),
            6 => {
                let (y, id) = year(rest)?;
                Reg::SavingAmount(id, y)
            }
            7 => Reg::StatusConfidence(DeliveryStatus::ALL.into_iter().find(|s| s.key() == rest)?),
            8 => Reg::ReserveName(id),
            9 => Reg::ReservePurpose(id),
            10 => Reg::ReserveCategory(id),
            11 => Reg::ReserveOpening(id),
            12 => {
                let (y, id) = year(rest)?;
                Reg::ReserveUse(id, y)
            }
            13 => Reg::GeneralPurpose,
            14 => Reg::RiskName(id),
            15 => Reg::RiskLikelihood(id),
            16 => Reg::RiskImpact(id),
            17 => Reg::Method,
            18 => Reg::Percentile,
            19 => Reg::Governs,
            20 => Reg::RedBelow(indicator()?),
            _ => Reg::AmberBelow(indicator()?),
        })
    }

    /// The unit and range of a figure; `None` for text and choices.
    fn figure(&self) -> Option<(FieldUnit, i64, i64)> {
        const B: i64 = 1_000_000_000;
        Some(match self {
            Reg::SavingConfidence(_)
            | Reg::StatusConfidence(_)
            | Reg::RiskLikelihood(_)
            | Reg::Percentile => (FieldUnit::Percent, 0, 100),
            Reg::SavingAmount(..) | Reg::ReserveOpening(_) | Reg::RiskImpact(_) => {
                (FieldUnit::Pounds, 0, B)
            }
            Reg::ReserveUse(..) => (FieldUnit::Pounds, -B, B),
            Reg::RedBelow(_) | Reg::AmberBelow(_) => (FieldUnit::Percent, -1_000_000, 1_000_000),
            _ => return None,
        })
    }

    /// True for a field of text or a choice (not a figure).
    pub fn is_text(&self) -> bool {
        self.figure().is_none()
    }
}

fn saving<'a>(s: &'a Scenario, id: &str) -> Option<&'a Saving> {
    s.savings.iter().find(|x| x.id == id)
}

/// The schema-2 sections of `s` as its fields show them.
fn shown(s: &Scenario) -> Sections {
    s.sections_or_none()
}

/// The delivery of the saving `id`, if recorded.
fn delivery<'a>(s: &Scenario, sec: &'a Sections, id: &str) -> Option<&'a Delivery> {
    sec.delivery_at(s.savings.iter().position(|x| x.id == id)?)
}

fn reserve<'a>(sec: &'a Sections, id: &str) -> Option<&'a EarmarkedReserve> {
    sec.strategy.as_ref()?.earmarked.iter().find(|x| x.id == id)
}

fn risk<'a>(sec: &'a Sections, id: &str) -> Option<&'a Risk> {
    sec.strategy.as_ref()?.risks.iter().find(|x| x.id == id)
}

/// The label, unit, range and source of `r` in `s` (text fields: the label alone matters).
pub fn spec(s: &Scenario, r: &Reg) -> FieldSpec {
    let sec = shown(s);
    let sec = &sec;
    let name = |n: Option<&String>| n.cloned().unwrap_or_default();
    let sv = |id: &str| name(saving(s, id).map(|x| &x.name));
    let rv = |id: &str| name(reserve(sec, id).map(|x| &x.name));
    let kv = |id: &str| name(risk(sec, id).map(|x| &x.name));
    let (label, source) = match r {
        Reg::SavingName(id) => (format!("{}: name", sv(id)), None),
        Reg::SavingOwner(id) => (format!("{}: owner", sv(id)), None),
        Reg::SavingCategory(id) => (format!("{}: category", sv(id)), None),
        Reg::SavingKind(id) => (format!("{}: recurring or one-off", sv(id)), None),
        Reg::SavingStatus(id) => (format!("{}: delivery status", sv(id)), None),
        Reg::SavingConfidence(id) => (
            format!("{}: delivery confidence", sv(id)),
            delivery(s, sec, id).map(|d| d.source.clone()),
        ),
        Reg::SavingAmount(id, y) => (
            format!("{}: new saving from {y}", sv(id)),
            saving(s, id).map(|x| x.source.clone()),
        ),
        Reg::StatusConfidence(st) => (
            format!("Confidence if {}", st.label().to_lowercase()),
            sec.confidence_table().of(*st).map(|c| c.source.clone()),
        ),
        Reg::ReserveName(id) => (format!("{}: name", rv(id)), None),
        Reg::ReservePurpose(id) => (format!("{}: purpose", rv(id)), None),
        Reg::ReserveCategory(id) => (format!("{}: category", rv(id)), None),
        Reg::ReserveOpening(id) => (
            format!("{}: opening balance", rv(id)),
            reserve(sec, id).map(|x| x.source.clone()),
        ),
        Reg::ReserveUse(id, y) => (
            format!("{}: planned use {y}", rv(id)),
            reserve(sec, id).map(|x| x.source.clone()),
        ),
        Reg::GeneralPurpose => ("General reserve: purpose".into(), None),
        Reg::RiskName(id) => (format!("Risk {}: name", kv(id)), None),
        Reg::RiskLikelihood(id) => (
            format!("Risk {}: likelihood", kv(id)),
            risk(sec, id).map(|x| x.source.clone()),
        ),
        Reg::RiskImpact(id) => (
            format!("Risk {}: cost if it happens", kv(id)),
            risk(sec, id).map(|x| x.source.clone()),
        ),
        Reg::Method => ("Risk-based minimum: method".into(), None),
        Reg::Percentile => (
            "Risk-based minimum: percentile".into(),
            Some(sec.strategy().minimum.source.clone()),
        ),
        Reg::Governs => ("Minimum that governs".into(), None),
        Reg::RedBelow(i) | Reg::AmberBelow(i) => (
            format!(
                "{}: {} below",
                i.label(),
                if matches!(r, Reg::RedBelow(_)) {
                    "red"
                } else {
                    "amber"
                }
            ),
            Some(sec.strategy().thresholds().source.clone()),
        ),
    };
    let (unit, min, max) = r.figure().unwrap_or((FieldUnit::Pounds, 0, 0));
    FieldSpec::new(label, unit, min, max, source.as_ref())
}

/// The figure of `r` in `s`, if it is a figure and set.
pub fn value(s: &Scenario, r: &Reg) -> Option<Decimal> {
    let sec = shown(s);
    let st = sec.strategy();
    let thresholds = st.thresholds();
    match r {
        Reg::SavingConfidence(id) => delivery(s, &sec, id)?.confidence,
        Reg::SavingAmount(id, y) => saving(s, id)?.amounts.get(*y),
        Reg::StatusConfidence(x) => Some(sec.confidence_table().of(*x)?.value.0),
        Reg::ReserveOpening(id) => Some(reserve(&sec, id)?.opening),
        Reg::ReserveUse(id, y) => reserve(&sec, id)?.planned_use.get(*y),
        Reg::RiskLikelihood(id) => Some(risk(&sec, id)?.likelihood_pct),
        Reg::RiskImpact(id) => Some(risk(&sec, id)?.impact),
        Reg::Percentile => Some(st.minimum.percentile),
        Reg::RedBelow(i) => Some(thresholds.of(*i)?.red_below),
        Reg::AmberBelow(i) => Some(thresholds.of(*i)?.amber_below),
        _ => None,
    }
}

/// What `r`'s input shows for `s`: a figure as typed forms show it, a text, or a choice's
/// key.
pub fn text(s: &Scenario, r: &Reg) -> String {
    if let Some((unit, ..)) = r.figure() {
        return value(s, r)
            .map(|v| display_value(v, unit))
            .unwrap_or_default();
    }
    let sec = shown(s);
    let d = |id: &str| delivery(s, &sec, id);
    let st = sec.strategy();
    let t = match r {
        Reg::SavingName(id) => saving(s, id).map(|x| x.name.clone()),
        Reg::SavingOwner(id) => d(id).map(|x| x.owner.clone()),
        Reg::SavingCategory(id) => d(id).map(|x| x.category.key().to_string()),
        Reg::SavingKind(id) => saving(s, id).map(|x| x.kind.key().to_string()),
        Reg::SavingStatus(id) => Some(
            d(id)
                .and_then(|x| x.status)
                .map_or("none", DeliveryStatus::key)
                .to_string(),
        ),
        Reg::ReserveName(id) => reserve(&sec, id).map(|x| x.name.clone()),
        Reg::ReservePurpose(id) => reserve(&sec, id).map(|x| x.purpose.clone()),
        Reg::ReserveCategory(id) => reserve(&sec, id).map(|x| x.category.key().to_string()),
        Reg::GeneralPurpose => Some(st.general_purpose.clone()),
        Reg::RiskName(id) => risk(&sec, id).map(|x| x.name.clone()),
        Reg::Method => Some(st.minimum.method.key().to_string()),
        Reg::Governs => Some(st.minimum.governs.key().to_string()),
        _ => None,
    };
    t.unwrap_or_default()
}

/// The earmarked totals made the sum of the named reserves again (when there are any).
fn sync_earmarked(s: &mut Scenario, sec: &Sections) -> Result<(), String> {
    let named = match &sec.strategy {
        Some(st) if !st.earmarked.is_empty() => &st.earmarked,
        _ => return Ok(()),
    };
    let at = crate::model::At::new("reserves", None);
    let mut opening = Decimal::ZERO;
    let mut uses = YearValues::new();
    for e in named {
        opening = at.add(opening, e.opening).map_err(|e| e.message)?;
        for (y, v) in e.planned_use.iter() {
            let sum = at.add(uses.get_or_zero(y), v).map_err(|e| e.message)?;
            uses.set(y, sum);
        }
    }
    uses.0.retain(|_, v| !v.is_zero());
    s.reserves.earmarked_opening.value = Dec(opening);
    s.reserves.planned_use_earmarked.value = uses;
    Ok(())
}

/// The source of a figure the user sets on these screens.
fn set_here() -> Source {
    Source::estimate("Set by the user in the planner.")
}

fn choice<T: Copy>(all: &[T], key: fn(T) -> &'static str, text: &str) -> Result<T, String> {
    all.iter()
        .copied()
        .find(|x| key(*x) == text.trim())
        .ok_or_else(|| {
            format!(
                "'{}' is not one of the choices",
                crate::model::json::shorten(text)
            )
        })
}

fn named(text: &str, what: &str) -> Result<String, String> {
    if text.trim().is_empty() {
        return Err(format!("{what} needs a name"));
    }
    Ok(text.to_string())
}

/// A copy of `s` with `r` set from `text`, or why it cannot be. A figure is parsed as the
/// panel parses it and checked against its range; a blank amount, use or confidence
/// removes it.
pub fn apply(s: &Scenario, r: &Reg, text: &str) -> Result<Scenario, String> {
    let number = match r.figure() {
        Some(_) if text.trim().is_empty() => None,
        Some((unit, min, max)) => {
            let v = parse_input(text, unit)?;
            if v < Decimal::from(min) || v > Decimal::from(max) {
                return Err(format!("Must be from {}", spec(s, r).range_text()));
            }
            Some(v)
        }
        None => None,
    };
    let blank_ok = matches!(
        r,
        Reg::SavingConfidence(_) | Reg::SavingAmount(..) | Reg::ReserveUse(..)
    );
    if r.figure().is_some() && number.is_none() && !blank_ok {
        return Err("Enter a number".into());
    }
    let v = number.unwrap_or_default();
    let mut out = s.clone();
    // A section that cannot be read is not changed: its screen says why.
    let mut sec = s.read_sections().map_err(|e| e.to_string())?;
    let missing = || "That row is no longer there".to_string();
    match r {
        Reg::SavingName(id)
        | Reg::SavingOwner(id)
        | Reg::SavingCategory(id)
        | Reg::SavingKind(id)
        | Reg::SavingStatus(id)
        | Reg::SavingConfidence(id)
        | Reg::SavingAmount(id, _) => {
            let i = out
                .savings
                .iter()
                .position(|x| x.id == *id)
                .ok_or_else(missing)?;
            let x = out.savings.get_mut(i).ok_or_else(missing)?;
            let slot = sec.delivery.get_mut(i).ok_or_else(missing)?;
            let d = slot.get_or_insert_with(|| Delivery::new(None));
            match r {
                Reg::SavingName(_) => x.name = named(text, "A saving")?,
                Reg::SavingOwner(_) => d.owner = text.to_string(),
                Reg::SavingCategory(_) => {
                    d.category = choice(&SavingCategory::ALL, SavingCategory::key, text)?;
                }
                Reg::SavingKind(_) => {
                    if x.kind == SavingKind::Collaborations {
                        return Err("This saving comes from the collaboration register".into());
                    }
                    x.kind = choice(
                        &[SavingKind::Recurring, SavingKind::OneOff],
                        SavingKind::key,
                        text,
                    )?;
                }
                Reg::SavingStatus(_) => {
                    d.status = match text.trim() {
                        "none" => None,
                        t => Some(choice(&DeliveryStatus::ALL, DeliveryStatus::key, t)?),
                    };
                }
                Reg::SavingConfidence(_) => d.confidence = number,
                Reg::SavingAmount(_, y) => match number {
                    Some(v) if !v.is_zero() => x.amounts.set(*y, v),
                    _ => {
                        x.amounts.0.remove(y);
                    }
                },
                _ => {}
            }
            // A delivery with nothing recorded is no delivery: the saving reads as before.
            if slot.as_ref().is_some_and(|d| *d == Delivery::new(None)) {
                *slot = None;
            }
            x.set_delivery(slot.as_ref());
        }
        Reg::StatusConfidence(st) => {
            let table = sec.confidence.get_or_insert_with(Default::default);
            let c = table.of_mut(*st).ok_or_else(missing)?;
            *c = Sourced::new(Dec(v), set_here());
            out.delivery_confidence = Some(crate::model::scenario::Raw::of(&table.to_node()));
        }
        Reg::ReserveName(id)
        | Reg::ReservePurpose(id)
        | Reg::ReserveCategory(id)
        | Reg::ReserveOpening(id)
        | Reg::ReserveUse(id, _) => {
            let x = strategy(&mut sec)
                .earmarked
                .iter_mut()
                .find(|x| x.id == *id)
                .ok_or_else(missing)?;
            match r {
                Reg::ReserveName(_) => x.name = named(text, "A reserve")?,
                Reg::ReservePurpose(_) => x.purpose = text.to_string(),
                Reg::ReserveCategory(_) => {
                    x.category = choice(&ReserveCategory::ALL, ReserveCategory::key, text)?;
                }
                Reg::ReserveOpening(_) => x.opening = v,
                Reg::ReserveUse(_, y) => match number {
                    Some(v) if !v.is_zero() => x.planned_use.set(*y, v),
                    _ => {
                        x.planned_use.0.remove(y);
                    }
                },
                _ => {}
            }
            sync_earmarked(&mut out, &sec)?;
        }
        Reg::GeneralPurpose => strategy(&mut sec).general_purpose = text.to_string(),
        Reg::RiskName(id) | Reg::RiskLikelihood(id) | Reg::RiskImpact(id) => {
            let x = strategy(&mut sec)
                .risks
                .iter_mut()
                .find(|x| x.id == *id)
                .ok_or_else(missing)?;
            match r {
                Reg::RiskName(_) => x.name = named(text, "A risk")?,
                Reg::RiskLikelihood(_) => x.likelihood_pct = v,
                _ => x.impact = v,
            }
        }
        Reg::Method => {
            strategy(&mut sec).minimum.method =
                choice(&MinimumMethod::ALL, MinimumMethod::key, text)?;
        }
        Reg::Percentile => strategy(&mut sec).minimum.percentile = v,
        Reg::Governs => {
            strategy(&mut sec).minimum.governs = choice(&Governs::ALL, Governs::key, text)?;
        }
        Reg::RedBelow(i) | Reg::AmberBelow(i) => {
            let all = strategy(&mut sec)
                .thresholds
                .get_or_insert_with(Default::default);
            all.source = set_here();
            let t = all.by.get_mut(i.index()).ok_or_else(missing)?;
            if matches!(r, Reg::RedBelow(_)) {
                t.red_below = v;
            } else {
                t.amber_below = v;
            }
        }
    }
    if r.is_strategy() {
        // A strategy with nothing of its own is none: the scenario reads as before.
        out.set_strategy(sec.strategy.as_ref());
    }
    checked(&out, &sec)?;
    Ok(out)
}

/// `out`'s sections checked as a file's are, the message alone (it is shown beside the
/// field or at the register): the workspace stores them as they are.
fn checked(out: &Scenario, sec: &Sections) -> Result<(), String> {
    sec.validate(out).map_err(|e| e.message)
}

/// The reserves strategy, made if there is none, to change.
fn strategy(sec: &mut Sections) -> &mut ReservesStrategy {
    sec.strategy.get_or_insert_with(Default::default)
}

/// `prefix_N` for the smallest N from `n` that no id in `taken` uses.
fn new_id<'a>(prefix: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    (1..)
        .map(|n: u32| format!("{prefix}_{n}"))
        .find(|id| !taken.clone().any(|t| t == id))
        .unwrap_or_default()
}

/// A copy of `s` with the row added or removed, and what to call the step; or why not.
pub fn rows(s: &Scenario, op: &RowEdit) -> Result<(Scenario, String), String> {
    let mut out = s.clone();
    let mut sec = s.read_sections().map_err(|e| e.to_string())?;
    let shown = sec.clone();
    let before = shown.strategy();
    let st = strategy(&mut sec);
    let gone = || "That row is no longer there".to_string();
    let label = match op {
        RowEdit::AddSaving => {
            let id = new_id("saving", s.savings.iter().map(|x| x.id.as_str()));
            let d = Delivery::new(Some(DeliveryStatus::NotPlanned));
            let mut x = Saving {
                id,
                name: "New saving".into(),
                kind: SavingKind::Recurring,
                amounts: YearValues::new(),
                source: set_here(),
                delivery: None,
            };
            x.set_delivery(Some(&d));
            out.savings.push(x);
            sec.delivery.push(Some(d));
            "Add a saving".to_string()
        }
        RowEdit::RemoveSaving(id) => {
            let name = saving(s, id).ok_or_else(gone)?.name.clone();
            if let Some(i) = s.savings.iter().position(|x| x.id == *id) {
                if i < sec.delivery.len() {
                    sec.delivery.remove(i);
                }
            }
            out.savings.retain(|x| x.id != *id);
            format!("Remove the saving '{name}'")
        }
        RowEdit::AddReserve => {
            let first = st.earmarked.is_empty();
            let r = &s.reserves;
            st.earmarked.push(EarmarkedReserve {
                id: new_id("reserve", before.earmarked.iter().map(|x| x.id.as_str())),
                name: if first {
                    "Earmarked reserves"
                } else {
                    "New reserve"
                }
                .into(),
                purpose: String::new(),
                category: ReserveCategory::ThisPlan,
                // The first named reserve takes the earmarked reserves whole, so the totals
                // are unchanged; later ones start empty.
                opening: if first {
                    r.earmarked_opening.value.0
                } else {
                    Decimal::ZERO
                },
                planned_use: if first {
                    r.planned_use_earmarked.value.clone()
                } else {
                    YearValues::new()
                },
                source: if first {
                    r.earmarked_opening.source.clone()
                } else {
                    set_here()
                },
            });
            "Add an earmarked reserve".to_string()
        }
        RowEdit::RemoveReserve(id) => {
            let name = reserve(&shown, id).ok_or_else(gone)?.name.clone();
            st.earmarked.retain(|x| x.id != *id);
            sync_earmarked(&mut out, &sec)?;
            format!("Remove the reserve '{name}'")
        }
        RowEdit::AddRisk => {
            st.risks.push(Risk {
                id: new_id("risk", before.risks.iter().map(|x| x.id.as_str())),
                name: "New risk".into(),
                likelihood_pct: Decimal::ZERO,
                impact: Decimal::ZERO,
                source: set_here(),
            });
            "Add a risk".to_string()
        }
        RowEdit::RemoveRisk(id) => {
            let name = risk(&shown, id).ok_or_else(gone)?.name.clone();
            st.risks.retain(|x| x.id != *id);
            format!("Remove the risk '{name}'")
        }
    };
    if !matches!(op, RowEdit::AddSaving | RowEdit::RemoveSaving(_)) {
        out.set_strategy(sec.strategy.as_ref());
    }
    checked(&out, &sec)?;
    Ok((out, label))
}
