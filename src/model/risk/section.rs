//! The scenario's `risk` section (schema 2; docs/scenarios.md, "The risk section", and
//! docs/risk.md §1): a run's draws, seed, coupling and amount of interest, and the
//! uncertainty ranges a scenario gives in place of the registry's, each with its basis.
//!
//! The workspace keeps the section as read ([`crate::model::scenario::Raw`]); it is read
//! and checked here, where it is used: [`Settings::of`] (the risk run, `mtfp risk`, the
//! ranges editor) and [`check_file`] (files entering: `mtfp` and the import). The editor's
//! changes are worked out here too ([`RiskSection::edited`], [`RiskSection::reset`]), so
//! they are tested natively.
//!
//! ```
//! use planner::model::{baseline, risk};
//! let mut s = baseline::nottinghamshire().unwrap();
//! let section = risk::section::RiskSection::read_json(
//!     r#"{"draws": 2000, "seed": 7, "ranges": [{"key": "officer_pay_award",
//!        "low": "1", "likely": "2.5", "high": "5", "basis": "our view"}]}"#,
//! ).unwrap();
//! section.write(&mut s);
//! let settings = risk::Settings::of(&s).unwrap();
//! assert_eq!((settings.draws, settings.seed), (2000, 7));
//! assert_eq!(settings.ranges[0].0, "officer_pay_award");
//! ```

use rust_decimal::Decimal;

use super::draw::Distribution;
use super::{Range, Settings, DEFAULT_DRAWS, DEFAULT_SEED, MAX_DRAWS, MIN_DRAWS};
use crate::model::error::{ModelError, ModelResult};
use crate::model::json::{self, Item, Member, Node, Object, Read, Value};
use crate::model::money::within;
use crate::model::registry::{self, Analysis, Assumption, Kind, Spread, Uncertainty};
use crate::model::scenario::{Raw, Scenario};

/// The section's members, as a scenario file names them.
const KEYS: [&str; 5] = ["draws", "seed", "coupled", "above_gbp", "ranges"];
/// A range's members.
const RANGE_KEYS: [&str; 6] = ["key", "distribution", "low", "likely", "high", "basis"];
/// The largest amount `above_gbp` may be (as every sum of money in a scenario): £1 trillion.
const MAX_POUNDS: u64 = 1_000_000_000_000;
/// The largest % change a range of % changes may hold either way.
const MAX_PERCENT_CHANGE: Decimal = Decimal::ONE_HUNDRED;

/// The `risk` section, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RiskSection {
    /// Draws a run makes (`draws`; 1,000 to 100,000, default 10,000).
    pub draws: i64,
    /// The generator's seed (`seed`; default 1).
    pub seed: u64,
    /// Pay awards and non-pay inflation drawn together (`coupled`; default false).
    pub coupled: bool,
    /// The end-of-plan cumulative gap whose chance of being exceeded is reported
    /// (`above_gbp`; none by default).
    pub above: Option<Decimal>,
    /// Ranges in place of the registry's (`ranges`), in the file's order.
    pub ranges: Vec<RangeEntry>,
}

impl Default for RiskSection {
    fn default() -> Self {
        RiskSection {
            draws: DEFAULT_DRAWS as i64,
            seed: DEFAULT_SEED,
            coupled: false,
            above: None,
            ranges: Vec::new(),
        }
    }
}

/// One range of the section: for an assumption (`funding_growth[core_police_grant]`) or
/// for every assumption of a kind (`funding_growth`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RangeEntry {
    /// The assumption's or the kind's key.
    pub key: String,
    /// Its distribution and three points, read by the kind's spread (docs/risk.md §1).
    pub range: Range,
    /// Why these figures (may be empty).
    pub basis: String,
}

/// One of a range's three points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Point {
    /// `low`.
    Low,
    /// `likely`.
    Likely,
    /// `high`.
    High,
}

impl Point {
    /// Every point, low first.
    pub const ALL: [Point; 3] = [Point::Low, Point::Likely, Point::High];

    /// The member's name in a file.
    pub fn key(self) -> &'static str {
        match self {
            Point::Low => "low",
            Point::Likely => "likely",
            Point::High => "high",
        }
    }

    /// As people say it.
    pub fn label(self) -> &'static str {
        match self {
            Point::Low => "low",
            Point::Likely => "most likely",
            Point::High => "high",
        }
    }

    /// The point of `r`.
    pub fn of(self, r: &Range) -> Decimal {
        match self {
            Point::Low => r.low,
            Point::Likely => r.likely,
            Point::High => r.high,
        }
    }

    fn set(self, r: &mut Range, v: Decimal) {
        match self {
            Point::Low => r.low = v,
            Point::Likely => r.likely = v,
            Point::High => r.high = v,
        }
    }
}

/// Where the range a run uses for an assumption comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeFrom {
    /// The registry's default.
    Registry,
    /// The section's range for its kind (the entry's index).
    Kind(usize),
    /// The section's range for the assumption itself (the entry's index).
    Own(usize),
}

/// A whole number of draws as written, or a message.
fn whole(item: Item<'_>) -> Read<i64> {
    item.i64()
}

/// A seed: a whole number from 0 to 18446744073709551615.
fn seed(item: Item<'_>) -> Read<u64> {
    match &item.node.value {
        Value::Number(n) if n.bytes().all(|b| b.is_ascii_digit()) => n
            .parse::<u64>()
            .map_err(|_| item.invalid_type("a whole number from 0 to 18446744073709551615")),
        _ => Err(item.invalid_type("a whole number from 0 to 18446744073709551615")),
    }
}

impl RangeEntry {
    /// Read one range (`distribution` and `basis` optional).
    pub fn from_node(item: Item<'_>) -> Read<RangeEntry> {
        let o = item.object(&RANGE_KEYS)?;
        let distribution = match o.opt("distribution") {
            Some(i) => i.variant(
                &[Distribution::Triangular, Distribution::Uniform],
                Distribution::key,
            )?,
            None => Distribution::Triangular,
        };
        Ok(RangeEntry {
            key: o.string("key")?,
            range: Range {
                distribution,
                low: o.decimal("low")?,
                likely: o.decimal("likely")?,
                high: o.decimal("high")?,
            },
            basis: o.text_or_empty("basis")?,
        })
    }

    /// Write it (every member).
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("key", Node::str(&self.key));
        o.put("distribution", Node::str(self.range.distribution.key()));
        o.put("low", crate::model::dec::to_node(self.range.low));
        o.put("likely", crate::model::dec::to_node(self.range.likely));
        o.put("high", crate::model::dec::to_node(self.range.high));
        o.put("basis", Node::str(&self.basis));
        o.node()
    }

    /// The path of one of its members: `risk.ranges[officer_pay_award].high`.
    fn path(&self, member: &str) -> String {
        format!("risk.ranges[{}].{member}", self.key)
    }
}

/// `risk.ranges[3]…` in a reader's message, named by the key of range 3 when it has one
/// (`risk.ranges[officer_pay_award]…`), as the section's other messages name it.
fn name_element(path: &mut String, nodes: &[Node]) {
    let Some(rest) = path.strip_prefix("risk.ranges[") else {
        return;
    };
    let Some((index, tail)) = rest.split_once(']') else {
        return;
    };
    let key = index
        .parse::<usize>()
        .ok()
        .and_then(|i| nodes.get(i))
        .and_then(|n| n.get("key"))
        .and_then(Node::as_str);
    if let Some(key) = key {
        *path = format!("risk.ranges[{key}]{tail}");
    }
}

impl RiskSection {
    /// Read the section (every member optional).
    pub fn from_node(item: Item<'_>) -> Read<RiskSection> {
        let o = item.object(&KEYS)?;
        let d = RiskSection::default();
        let ranges = match o.opt("ranges") {
            Some(i) => i.entries(RangeEntry::from_node).map_err(|mut e| {
                name_element(&mut e.path, i.elements().unwrap_or_default());
                e
            })?,
            None => Vec::new(),
        };
        Ok(RiskSection {
            draws: match o.opt("draws") {
                Some(i) => whole(i)?,
                None => d.draws,
            },
            seed: match o.opt("seed") {
                Some(i) => seed(i)?,
                None => d.seed,
            },
            coupled: match o.opt("coupled") {
                Some(i) => i.bool()?,
                None => d.coupled,
            },
            above: o.nullable("above_gbp", crate::model::dec::from_node)?,
            ranges,
        })
    }

    /// Write the section (`above_gbp` only when there is one).
    pub fn to_node(&self) -> Node {
        let mut o = Object::new();
        o.put("draws", Node::int(self.draws));
        o.put("seed", Node::new(Value::Number(self.seed.to_string())));
        o.put("coupled", Node::bool(self.coupled));
        if let Some(a) = self.above {
            o.put("above_gbp", crate::model::dec::to_node(a));
        }
        o.put(
            "ranges",
            Node::array(self.ranges.iter().map(RangeEntry::to_node).collect()),
        );
        o.node()
    }

    /// Read `node` as a scenario's `risk` member, so a problem is named by its path in
    /// the file (`risk.ranges[officer_pay_award].high`).
    fn read_node(node: Node) -> Read<RiskSection> {
        let holder = Node::new(Value::Object(vec![Member {
            key: "risk".into(),
            at: node.at,
            value: node,
        }]));
        let o = Item::root(&holder).object(&["risk"])?;
        RiskSection::from_node(o.req("risk")?)
    }

    /// Read a section from JSON text (for tests and examples; not range-checked).
    pub fn read_json(text: &str) -> ModelResult<RiskSection> {
        let node = json::parse(text).map_err(|e| ModelError::new("risk", e.to_string()))?;
        RiskSection::read_node(node).map_err(|e| e.locate(text, "risk"))
    }

    /// The section `s` keeps, read but not range-checked (none: the defaults).
    pub fn read(s: &Scenario) -> ModelResult<RiskSection> {
        match &s.risk {
            None => Ok(RiskSection::default()),
            Some(raw) => RiskSection::read_node(raw.to_node())
                .map_err(|e| ModelError::new(e.path, e.message)),
        }
    }

    /// The section `s` keeps, read and checked against `s` ([`RiskSection::validate`]).
    pub fn of(s: &Scenario) -> ModelResult<RiskSection> {
        let section = RiskSection::read(s)?;
        section.validate(s)?;
        Ok(section)
    }

    /// Write the section into `s` (none at all when it holds only the defaults, so a
    /// scenario whose ranges were all reset is written as it was before).
    pub fn write(&self, s: &mut Scenario) {
        s.risk = (*self != RiskSection::default()).then(|| Raw::of(&self.to_node()));
    }

    /// Check every rule of docs/scenarios.md ("The risk section") against `s`: the draws
    /// from 1,000 to 100,000, the amount within £1 trillion, and each range
    /// ([`check_range`]) with no key given twice. The first problem found is returned,
    /// naming its field.
    pub fn validate(&self, s: &Scenario) -> ModelResult<()> {
        if !(MIN_DRAWS as i64..=MAX_DRAWS as i64).contains(&self.draws) {
            return Err(ModelError::new(
                "risk.draws",
                format!(
                    "{} draws: a run makes from 1,000 to 100,000",
                    draws_text(self.draws)
                ),
            ));
        }
        if let Some(a) = self.above {
            if !within(a, MAX_POUNDS) {
                return Err(ModelError::new(
                    "risk.above_gbp",
                    format!("£{a} is beyond any police budget (the limit is £1 trillion)"),
                ));
            }
        }
        for (i, e) in self.ranges.iter().enumerate() {
            if self.ranges.iter().take(i).any(|x| x.key == e.key) {
                return Err(ModelError::new(
                    e.path("key"),
                    "given twice: a scenario gives one range for each key",
                ));
            }
            check_range(s, e)?;
        }
        Ok(())
    }

    /// The settings a run uses: the section's, with its ranges by key.
    pub fn settings(&self) -> Settings {
        Settings {
            draws: usize::try_from(self.draws).unwrap_or(DEFAULT_DRAWS),
            seed: self.seed,
            coupled: self.coupled,
            threshold: self.above,
            ranges: self
                .ranges
                .iter()
                .map(|e| (e.key.clone(), e.range))
                .collect(),
        }
    }

    /// The range the run uses for `a`, and where it comes from: the assumption's own
    /// entry, else its kind's, else the registry's (`None` if `a` is not varied).
    pub fn range_of(&self, a: &Assumption) -> Option<(Range, RangeFrom)> {
        let key = a.key();
        let find = |k: &str| self.ranges.iter().position(|e| e.key == k);
        let entry = |i: usize| self.ranges.get(i).map(|e| e.range);
        if let Some(i) = find(&key) {
            return entry(i).map(|r| (r, RangeFrom::Own(i)));
        }
        if let Some(i) = find(a.def().key) {
            return entry(i).map(|r| (r, RangeFrom::Kind(i)));
        }
        registry_range(a.kind).map(|(r, _)| (r, RangeFrom::Registry))
    }

    /// The basis shown for `a`'s range: the entry's text (empty if none given), or the
    /// registry's three bases.
    pub fn basis_of(&self, a: &Assumption) -> Option<String> {
        match self.range_of(a)?.1 {
            RangeFrom::Own(i) | RangeFrom::Kind(i) => self.ranges.get(i).map(|e| e.basis.clone()),
            RangeFrom::Registry => registry_range(a.kind).map(|(_, u)| {
                format!(
                    "Low: {} Most likely: {} High: {}",
                    sentence(u.low.basis),
                    sentence(u.likely.basis),
                    sentence(u.high.basis)
                )
            }),
        }
    }

    /// The section with `a`'s range changed by `change` (a point, the distribution or the
    /// basis), in an entry of its own (made from the range it had: its kind's entry or
    /// the registry's); the entry is dropped when it then says nothing the range without
    /// it would not (the same range and no basis). `Err`: the message for the field, the
    /// section unchanged.
    pub fn edited(&self, s: &Scenario, a: &Assumption, change: Edit) -> ModelResult<RiskSection> {
        let (range, from) = self.range_of(a).ok_or_else(|| {
            ModelError::new(
                format!("risk.ranges[{}]", a.key()),
                "not varied by a risk run",
            )
        })?;
        let mut next = self.clone();
        let mut entry = match from {
            RangeFrom::Own(i) => next.ranges.remove(i),
            RangeFrom::Kind(i) => RangeEntry {
                key: a.key(),
                range,
                basis: self
                    .ranges
                    .get(i)
                    .map(|e| e.basis.clone())
                    .unwrap_or_default(),
            },
            RangeFrom::Registry => RangeEntry {
                key: a.key(),
                range,
                basis: String::new(),
            },
        };
        let at = match from {
            RangeFrom::Own(i) => i,
            _ => next.ranges.len(),
        };
        match change {
            Edit::Point(p, v) => p.set(&mut entry.range, v),
            Edit::Distribution(d) => entry.range.distribution = d,
            Edit::Basis(text) => entry.basis = text.trim().to_string(),
        }
        check_range(s, &entry)?;
        let without = next.range_of(a).map(|(r, _)| r);
        if !(without == Some(entry.range) && entry.basis.is_empty()) {
            next.ranges.insert(at.min(next.ranges.len()), entry);
        }
        Ok(next)
    }

    /// The section with the entry that gives `a` its range taken out (its own, else its
    /// kind's, which gives every assumption of the kind its range), so the registry's
    /// (or the kind's) applies again.
    pub fn reset(&self, a: &Assumption) -> RiskSection {
        let mut next = self.clone();
        if let Some((_, RangeFrom::Own(i) | RangeFrom::Kind(i))) = self.range_of(a) {
            next.ranges.remove(i);
        }
        next
    }
}

/// A change the ranges editor makes to one assumption's range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// A point set to a figure.
    Point(Point, Decimal),
    /// The distribution chosen.
    Distribution(Distribution),
    /// The basis typed.
    Basis(String),
}

/// "text." with its first letter as written and a full stop at the end.
fn sentence(text: &str) -> String {
    let t = text.trim();
    if t.ends_with('.') {
        t.to_string()
    } else {
        format!("{t}.")
    }
}

/// The registry's range for `kind` as a run uses it (triangular), with its bases; `None`
/// for a kind that is not varied.
pub fn registry_range(kind: Kind) -> Option<(Range, Uncertainty)> {
    match kind.about().analysis {
        Analysis::Varied { uncertainty: u, .. } => Some((
            Range {
                distribution: Distribution::Triangular,
                low: u.low.value,
                likely: u.likely.value,
                high: u.high.value,
            },
            u,
        )),
        Analysis::Fixed { .. } => None,
    }
}

/// The figures a range's points may take for `kind` (docs/scenarios.md, "The risk
/// section"): a range of figures within the assumption's valid range; a range of changes
/// within ±(max − min), the widest move within it; a range of % changes within ±100%.
pub fn bounds(kind: Kind) -> Option<(Decimal, Decimal)> {
    let (_, u) = registry_range(kind)?;
    let def = kind.def();
    match u.spread {
        Spread::Value => Some((def.min, def.max)),
        Spread::By => {
            let span = def.max.checked_sub(def.min)?;
            Some((-span, span))
        }
        Spread::Percent => Some((-MAX_PERCENT_CHANGE, MAX_PERCENT_CHANGE)),
    }
}

/// Check one range against `s`: its key an assumption of `s` or a kind, varied by a risk
/// run; each point within [`bounds`]; low ≤ most likely ≤ high.
pub fn check_range(s: &Scenario, e: &RangeEntry) -> ModelResult<()> {
    let kind = match Kind::from_key(&e.key) {
        Some(k) => k,
        None => match Assumption::from_key(s, &e.key) {
            Some(a) => a.kind,
            None => {
                return Err(ModelError::new(
                    e.path("key"),
                    format!(
                        "`{}` is neither an assumption of this scenario nor a kind of \
                         assumption (mtfp assumptions lists them)",
                        json::shorten(&e.key)
                    ),
                ))
            }
        },
    };
    if let Analysis::Fixed { reason } = kind.about().analysis {
        return Err(ModelError::new(
            e.path("key"),
            format!("`{}` is not varied by a risk run: {reason}", kind.def().key),
        ));
    }
    if let (Some((min, max)), Some((_, u))) = (bounds(kind), registry_range(kind)) {
        for p in Point::ALL {
            let v = p.of(&e.range);
            if v < min || v > max {
                let (v, min, max) = (v.normalize(), min.normalize(), max.normalize());
                let label = kind.def().label;
                return Err(ModelError::new(
                    e.path(p.key()),
                    match u.spread {
                        Spread::Value => {
                            format!(
                                "{v} is outside the valid range of {label}: from {min} to {max}"
                            )
                        }
                        Spread::By => format!(
                            "{v} is outside what a change to {label} may be: from {min} to {max}"
                        ),
                        Spread::Percent => {
                            format!("{v}% is outside what a % change may be: from {min}% to {max}%")
                        }
                    },
                ));
            }
        }
    }
    let r = &e.range;
    if r.low > r.likely {
        return Err(ModelError::new(
            e.path("low"),
            format!(
                "the low figure ({}) is above the most likely ({}): low, most likely and high \
                 go up in that order",
                r.low.normalize(),
                r.likely.normalize()
            ),
        ));
    }
    if r.likely > r.high {
        return Err(ModelError::new(
            e.path("high"),
            format!(
                "the high figure ({}) is below the most likely ({}): low, most likely and high \
                 go up in that order",
                r.high.normalize(),
                r.likely.normalize()
            ),
        ));
    }
    Ok(())
}

/// The assumptions of `s` a run varies, in its order (docs/risk.md §1): every assumption
/// of a varied kind with at least one figure to move (a figure for a year after the base
/// year, or its one figure).
pub fn varied(s: &Scenario) -> Vec<Assumption> {
    let from = s.horizon.base_year.plus(1);
    registry::assumptions(s)
        .into_iter()
        .filter(|a| matches!(a.about().analysis, Analysis::Varied { .. }))
        .filter(|a| {
            if a.def().years.is_single() {
                a.get(s, None).is_some()
            } else {
                a.years(s)
                    .into_iter()
                    .filter(|y| from.is_some_and(|f| *y >= f))
                    .any(|y| a.get(s, Some(y)).is_some())
            }
        })
        .collect()
}

impl Settings {
    /// The settings a scenario's `risk` section gives (the defaults without one), read and
    /// checked against the scenario: an error names the field
    /// (`risk.ranges[officer_pay_award].high: …`).
    pub fn of(s: &Scenario) -> ModelResult<Settings> {
        Ok(RiskSection::of(s)?.settings())
    }
}

/// Check the `risk` member of the scenario file `root` (parsed from `text`, read as `s`)
/// in full, where a file enters: a problem reading it named with its line and column.
pub fn check_file(s: &Scenario, root: &Node, text: &str) -> ModelResult<()> {
    let Some(node) = root.get("risk").filter(|n| !n.is_null()) else {
        return Ok(());
    };
    RiskSection::read_node(node.clone())
        .map_err(|e| e.locate(text, "scenario"))?
        .validate(s)
}

/// A number of draws as written in messages: "12,345", "−5".
fn draws_text(n: i64) -> String {
    let digits = super::thousands(usize::try_from(n.unsigned_abs()).unwrap_or(usize::MAX));
    if n < 0 {
        format!("−{digits}")
    } else {
        digits
    }
}
