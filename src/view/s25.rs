//! The section 25 statement (docs/resilience.md §8): a summary for the chief finance
//! officer's report on the robustness of the estimates and the adequacy of reserves
//! (Local Government Act 2003, section 25), with the section 27 trigger. Built from the
//! scenario's projection, its savings register and reserves strategy
//! ([`crate::model::resilience`]) and the estimates with the widest uncertainty
//! ([`crate::model::resilience::uncertainty`], where the risk simulation will hand in its
//! ranges). Pure: `mtfp s25` prints [`Statement::text`] or [`Statement::to_json`], and the
//! print pack lays out its [`Statement::sections`], each linked to the table its figures
//! come from.

use rust_decimal::Decimal;

use crate::format;
use crate::model::dec::Dec;
use crate::model::engine::{penny, Projection};
use crate::model::error::ModelResult;
use crate::model::json::{self, Node, Object};
use crate::model::money::At;
use crate::model::resilience::uncertainty::{Spread, SpreadFrom};
use crate::model::resilience::{Minimum, Report};
use crate::model::scenario::strategy::Indicator;
use crate::model::scenario::{DeliveryStatus, Scenario};
use crate::model::year::FinancialYear;

/// How many of the widest estimates the statement names.
pub const WIDEST: usize = 5;

/// A saving at risk (amber), unlikely (red) or not yet planned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AtRisk {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its owner ("" if not recorded).
    pub owner: String,
    /// Its status.
    pub status: DeliveryStatus,
    /// Its confidence, %.
    pub confidence: Decimal,
    /// Planned over the plan, £.
    pub planned: Decimal,
    /// At risk over the plan, £.
    pub at_risk: Decimal,
}

/// One part of the statement: a heading, the table its figures come from, and sentences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// A stable id (`gap`, `uncertainty`, `savings`, `reserves`, `indicators`, `s27`).
    pub id: &'static str,
    /// Its heading.
    pub title: &'static str,
    /// Where its figures are set out in full: the `mtfp` command and the print pack's page.
    pub table: &'static str,
    /// Its sentences.
    pub lines: Vec<String>,
}

/// The general reserve against its minimum in one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReserveLine {
    /// The year.
    pub year: FinancialYear,
    /// The general reserve at the year end, risk-adjusted, £.
    pub general: Decimal,
    /// The minimum that governs, £.
    pub minimum: Decimal,
}

/// The statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// The scenario's name.
    pub scenario: String,
    /// The plan's first year.
    pub first: FinancialYear,
    /// Its last.
    pub last: FinancialYear,
    /// The sum of the annual gaps as planned, and risk-adjusted, £.
    pub cumulative_gap: (Decimal, Decimal),
    /// The last year's structural gap as planned, and risk-adjusted, £.
    pub structural_gap: (Decimal, Decimal),
    /// Savings still to find over the plan as planned, and risk-adjusted, £.
    pub still_to_find: (Decimal, Decimal),
    /// The estimates with the widest uncertainty, widest first (at most [`WIDEST`]).
    pub widest: Vec<Spread>,
    /// Savings planned over the plan, £.
    pub savings_planned: Decimal,
    /// Savings at risk over the plan, £.
    pub savings_at_risk: Decimal,
    /// The savings at risk, unlikely or not yet planned, most at risk first.
    pub at_risk: Vec<AtRisk>,
    /// The names of savings with no delivery status (counted in full).
    pub unassessed: Vec<String>,
    /// The minimum.
    pub minimum: Minimum,
    /// How many risks the register holds.
    pub risks: usize,
    /// The general reserve against its minimum, by year.
    pub reserves: Vec<ReserveLine>,
    /// Each indicator that reads red, with the years it does.
    pub red: Vec<(Indicator, Vec<FinancialYear>)>,
    /// The first year the general reserve falls below its minimum: the section 27 trigger.
    pub s27: Option<ReserveLine>,
}

fn m(v: Decimal) -> String {
    format::millions_dp(v, 2)
}

fn years_text(years: &[FinancialYear]) -> String {
    years
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The statement for `s`, projected as `p`, with its `report` and the ranges `spreads`
/// (widest first: [`crate::model::resilience::uncertainty::from_registry`], or with a
/// simulation's in place).
pub fn statement(
    s: &Scenario,
    p: &Projection,
    report: &Report,
    spreads: &[Spread],
) -> ModelResult<Statement> {
    let at = At::new("s25", None);
    let sv = &report.savings;
    let rv = &report.reserves;
    let first = p.base_year().map_or(s.horizon.base_year, |y| y.year);
    let last = p.final_year().map_or(first, |y| y.year);
    let fin = sv.final_year();
    let still = at.sum(sv.years.iter().map(|y| y.still_to_find))?;
    let still_ra = at.sum(sv.years.iter().map(|y| y.still_to_find_risk_adjusted))?;
    let mut at_risk: Vec<AtRisk> = sv
        .savings
        .iter()
        .filter_map(|r| {
            let status = r.status?;
            matches!(
                status,
                DeliveryStatus::AtRisk | DeliveryStatus::Unlikely | DeliveryStatus::NotPlanned
            )
            .then(|| AtRisk {
                id: r.id.clone(),
                name: r.name.clone(),
                owner: r.owner.clone(),
                status,
                confidence: r.confidence,
                planned: r.planned_total,
                at_risk: r.at_risk_total,
            })
        })
        .collect();
    at_risk.sort_by_key(|a| std::cmp::Reverse(a.at_risk));
    let red = Indicator::ALL
        .into_iter()
        .map(|i| (i, rv.red_years(i)))
        .filter(|(_, years)| !years.is_empty())
        .collect();
    let line = |y: &crate::model::resilience::ReservesYear| ReserveLine {
        year: y.year,
        general: y.general,
        minimum: y.minimum,
    };
    Ok(Statement {
        scenario: s.name.clone(),
        first,
        last,
        cumulative_gap: fin.map_or((Decimal::ZERO, Decimal::ZERO), |y| {
            (y.cumulative_gap, y.cumulative_gap_risk_adjusted)
        }),
        structural_gap: fin.map_or((Decimal::ZERO, Decimal::ZERO), |y| {
            (y.structural_gap, y.structural_gap_risk_adjusted)
        }),
        still_to_find: (penny(still), penny(still_ra)),
        widest: spreads.iter().take(WIDEST).cloned().collect(),
        savings_planned: penny(sv.planned_total()?),
        savings_at_risk: sv.at_risk_total(),
        at_risk,
        unassessed: sv
            .savings
            .iter()
            .filter(|r| r.status.is_none())
            .map(|r| r.name.clone())
            .collect(),
        minimum: rv.minimum,
        risks: s.sections()?.strategy().risks.len(),
        reserves: rv.years.iter().map(line).collect(),
        red,
        s27: rv.first_below_minimum().map(line),
    })
}

impl Statement {
    /// Its parts, in order.
    pub fn sections(&self) -> Vec<Section> {
        let (first, last) = (self.first, self.last);
        let mut out = Vec::new();

        let (g, g_ra) = self.cumulative_gap;
        let (st, st_ra) = self.structural_gap;
        let (f, f_ra) = self.still_to_find;
        out.push(Section {
            id: "gap",
            title: "The gap",
            table: "Savings register (mtfp savings)",
            lines: vec![
                format!(
                    "The annual gaps add up to {} from {first} to {last} as planned, and to {} if each saving delivers only its confidence (risk-adjusted).",
                    m(g),
                    m(g_ra)
                ),
                format!(
                    "The structural gap in {last}, before one-off savings and reserves, is {} ({} risk-adjusted).",
                    m(st),
                    m(st_ra)
                ),
                format!(
                    "Savings still to find after one-off savings and the planned use of reserves: {} over the plan ({} risk-adjusted).",
                    m(f),
                    m(f_ra)
                ),
            ],
        });

        let mut lines = Vec::new();
        if self.widest.is_empty() {
            lines.push("No estimate's range moves the cumulative gap.".to_string());
        } else {
            lines.push(format!(
                "Taking each estimate to the low and the high end of its range, one at a time, the cumulative gap to {last} moves most for these, widest first:"
            ));
            for w in &self.widest {
                let (lo, hi) = if w.low <= w.high {
                    (w.low, w.high)
                } else {
                    (w.high, w.low)
                };
                lines.push(format!(
                    "{}: {} to {}, a spread of {}{}{}.",
                    w.label,
                    m(lo),
                    m(hi),
                    m(w.width),
                    if w.estimate {
                        "; the plan's figure is an estimate"
                    } else {
                        ""
                    },
                    if w.from == SpreadFrom::Simulation {
                        " (from the risk simulation)"
                    } else {
                        ""
                    }
                ));
            }
            if !self.widest.iter().any(|w| w.from == SpreadFrom::Simulation) {
                lines.push("The ranges are the assumption registry's low and high figures; a simulation of all of them together is not part of this statement.".to_string());
            }
        }
        out.push(Section {
            id: "uncertainty",
            title: "Estimates with the widest uncertainty",
            table: "The assumption registry's ranges (mtfp assumptions)",
            lines,
        });

        let share = if self.savings_planned.is_zero() {
            Decimal::ZERO
        } else {
            let at = At::new("s25", None);
            at.mul(self.savings_at_risk, Decimal::ONE_HUNDRED)
                .and_then(|x| at.div(x, self.savings_planned))
                .unwrap_or_default()
        };
        let mut lines = vec![format!(
            "Of {} of savings planned over the plan, {} ({}) is at risk at each saving's delivery confidence.",
            m(self.savings_planned),
            m(self.savings_at_risk),
            format::percent(share, 1)
        )];
        if self.at_risk.is_empty() {
            lines.push("No saving is at risk (amber), unlikely (red) or not yet planned.".into());
        }
        let mut listed = Decimal::ZERO;
        for a in &self.at_risk {
            listed = At::new("s25", None)
                .add(listed, a.at_risk)
                .unwrap_or(listed);
            let owner = if a.owner.is_empty() {
                String::new()
            } else {
                format!(", owner {}", a.owner)
            };
            lines.push(format!(
                "{}: {}, {} confidence{owner}: {} of {} at risk.",
                a.name,
                a.status.label().to_lowercase(),
                format::percent(a.confidence, 0),
                m(a.at_risk),
                m(a.planned)
            ));
        }
        let held = At::new("s25", None)
            .sub(self.savings_at_risk, listed)
            .unwrap_or_default();
        if !held.is_zero() {
            lines.push(format!(
                "Savings delivered or on track hold back a further {} at their confidence.",
                m(held)
            ));
        }
        if !self.unassessed.is_empty() {
            lines.push(format!(
                "With no delivery status, counted in full: {}.",
                self.unassessed.join(", ")
            ));
        }
        out.push(Section {
            id: "savings",
            title: "Savings at risk",
            table: "Savings register (mtfp savings)",
            lines,
        });

        let min = &self.minimum;
        let risk_based = match (min.percentile, min.at_percentile) {
            (Some(pct), Some(v)) => format!(
                "{}, the {} percentile of the cost of the {} risks in the register",
                m(v),
                ordinal(pct),
                self.risks
            ),
            _ => format!(
                "{}, the expected cost of the {} risks in the register",
                m(min.expected),
                self.risks
            ),
        };
        let floor = format!(
            "{} of net revenue spending",
            format::percent(min.floor_pct, 1)
        );
        let mut lines = vec![if min.risk_based_governs {
            format!("The general reserve is held to a risk-based minimum of {risk_based}; the % floor would be {floor}.")
        } else {
            format!("The general reserve is held to a floor of {floor}; the risk-based minimum would be {risk_based}.")
        }];
        if let Some(end) = self.reserves.last() {
            lines.push(format!(
                "Risk-adjusted, the general reserve ends {} at {} against a minimum of {}.",
                end.year,
                m(end.general),
                m(end.minimum)
            ));
        }
        lines.push(format!(
            "By year, general reserve against minimum: {}.",
            self.reserves
                .iter()
                .map(|r| format!("{} {} / {}", r.year, m(r.general), m(r.minimum)))
                .collect::<Vec<_>>()
                .join("; ")
        ));
        out.push(Section {
            id: "reserves",
            title: "Reserves against the minimum",
            table: "Reserves strategy (mtfp reserves)",
            lines,
        });

        let lines = if self.red.is_empty() {
            vec!["No resilience indicator reads red in any year of the plan.".to_string()]
        } else {
            self.red
                .iter()
                .map(|(i, years)| format!("{}: red in {}.", i.label(), years_text(years)))
                .collect()
        };
        out.push(Section {
            id: "indicators",
            title: "Indicators turning red",
            table: "Reserves strategy (mtfp reserves)",
            lines,
        });

        let lines = match &self.s27 {
            Some(t) => vec![format!(
                "Section 27 trigger: the general reserve falls below its minimum in {} ({} against {}). The chief finance officer would have to report to the Police and Crime Commissioner on the inadequacy of reserves (Local Government Act 2003, section 27).",
                t.year,
                m(t.general),
                m(t.minimum)
            )],
            None => vec![
                "No section 27 trigger: the general reserve stays at or above its minimum in every year of the plan.".to_string(),
            ],
        };
        out.push(Section {
            id: "s27",
            title: "Section 27",
            table: "Reserves strategy (mtfp reserves)",
            lines,
        });
        out
    }

    /// The heading lines: what the statement is and what it is of.
    pub fn heading(&self) -> [String; 2] {
        [
            "Section 25 statement: the robustness of the estimates and the adequacy of reserves"
                .to_string(),
            format!(
                "Scenario: {}. Plan {} to {}. Risk-adjusted figures take each saving at its delivery confidence, its shortfall falling on the general reserve. £ million to two places.",
                self.scenario, self.first, self.last
            ),
        ]
    }

    /// As plain text: the heading, then each section's title (with the table it draws on)
    /// and its sentences.
    pub fn text(&self) -> String {
        let [title, about] = self.heading();
        let mut out = format!("{title}\n{about}\n");
        for s in self.sections() {
            out.push_str(&format!("\n{} (see {})\n", s.title, s.table));
            for l in &s.lines {
                out.push_str(&format!("- {l}\n"));
            }
        }
        out
    }

    /// As JSON: every figure (£ as strings, to the penny), then the sections' text.
    pub fn to_json(&self) -> String {
        let money = |v: Decimal| Dec(v).to_node();
        let pair = |(a, b): (Decimal, Decimal)| {
            let mut o = Object::new();
            o.put("planned", money(a));
            o.put("risk_adjusted", money(b));
            o.node()
        };
        let line = |r: &ReserveLine| {
            let mut o = Object::new();
            o.put("year", Node::str(&r.year.to_string()));
            o.put("general", money(r.general));
            o.put("minimum", money(r.minimum));
            o.node()
        };
        let mut o = Object::new();
        o.put("scenario", Node::str(&self.scenario));
        o.put("first_year", Node::str(&self.first.to_string()));
        o.put("last_year", Node::str(&self.last.to_string()));
        o.put("cumulative_gap", pair(self.cumulative_gap));
        o.put("structural_gap", pair(self.structural_gap));
        o.put("still_to_find", pair(self.still_to_find));
        o.put(
            "widest_uncertainty",
            Node::array(
                self.widest
                    .iter()
                    .map(|w| {
                        let mut x = Object::new();
                        x.put("key", Node::str(&w.key));
                        x.put("label", Node::str(&w.label));
                        x.put("low", money(w.low));
                        x.put("high", money(w.high));
                        x.put("width", money(w.width));
                        x.put("estimate", Node::bool(w.estimate));
                        x.put(
                            "from",
                            Node::str(match w.from {
                                SpreadFrom::Registry => "registry",
                                SpreadFrom::Simulation => "simulation",
                            }),
                        );
                        x.put("basis", Node::str(&w.basis));
                        x.node()
                    })
                    .collect(),
            ),
        );
        let mut sv = Object::new();
        sv.put("planned", money(self.savings_planned));
        sv.put("at_risk", money(self.savings_at_risk));
        sv.put(
            "at_risk_savings",
            Node::array(
                self.at_risk
                    .iter()
                    .map(|a| {
                        let mut x = Object::new();
                        x.put("id", Node::str(&a.id));
                        x.put("name", Node::str(&a.name));
                        x.put("owner", Node::str(&a.owner));
                        x.put("status", Node::str(a.status.key()));
                        x.put("confidence", Dec(a.confidence).to_node());
                        x.put("planned", money(a.planned));
                        x.put("at_risk", money(a.at_risk));
                        x.node()
                    })
                    .collect(),
            ),
        );
        sv.put(
            "no_status",
            Node::array(self.unassessed.iter().map(|n| Node::str(n)).collect()),
        );
        o.put("savings", sv.node());
        let min = &self.minimum;
        let mut mo = Object::new();
        mo.put(
            "governs",
            Node::str(if min.risk_based_governs {
                "risk_based"
            } else {
                "floor"
            }),
        );
        mo.put("floor_pct", Dec(min.floor_pct).to_node());
        mo.put("expected", money(min.expected));
        mo.put(
            "percentile",
            min.percentile.map_or_else(Node::null, |v| Dec(v).to_node()),
        );
        mo.put(
            "at_percentile",
            min.at_percentile.map_or_else(Node::null, money),
        );
        mo.put("risk_based", money(min.risk_based));
        mo.put("risks", Node::int(i64::try_from(self.risks).unwrap_or(0)));
        o.put("minimum", mo.node());
        o.put(
            "reserves",
            Node::array(self.reserves.iter().map(line).collect()),
        );
        o.put(
            "red_indicators",
            Node::array(
                self.red
                    .iter()
                    .map(|(i, years)| {
                        let mut x = Object::new();
                        x.put("indicator", Node::str(i.key()));
                        x.put("label", Node::str(i.label()));
                        x.put(
                            "years",
                            Node::array(years.iter().map(|y| Node::str(&y.to_string())).collect()),
                        );
                        x.node()
                    })
                    .collect(),
            ),
        );
        o.put("s27", self.s27.as_ref().map_or_else(Node::null, line));
        o.put(
            "sections",
            Node::array(
                self.sections()
                    .iter()
                    .map(|s| {
                        let mut x = Object::new();
                        x.put("id", Node::str(s.id));
                        x.put("title", Node::str(s.title));
                        x.put("table", Node::str(s.table));
                        x.put(
                            "lines",
                            Node::array(s.lines.iter().map(|l| Node::str(l)).collect()),
                        );
                        x.node()
                    })
                    .collect(),
            ),
        );
        json::to_string_pretty(&o.node())
    }
}

/// "90th", "95th", "99.5th".
fn ordinal(pct: Decimal) -> String {
    let n = pct.normalize();
    let whole = n.trunc() == n;
    let suffix = if !whole {
        "th"
    } else {
        match (n % Decimal::ONE_HUNDRED).to_string().as_str() {
            "11" | "12" | "13" => "th",
            t if t.ends_with('1') => "st",
            t if t.ends_with('2') => "nd",
            t if t.ends_with('3') => "rd",
            _ => "th",
        }
    };
    format!("{n}{suffix}")
}
