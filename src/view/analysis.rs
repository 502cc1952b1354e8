//! What the analysis screen, its slides and `mtfp` show of goal seek and sensitivity
//! (docs/analysis.md): the answer in a sentence, the name a solved scenario gets, the
//! council tax bands of a precept answer, the tornado chart's data and the budget book's
//! table by year. Pure, so every sentence is tested natively.

use rust_decimal::Decimal;

use crate::charts::{TornadoBar, TornadoData};
use crate::format;
use crate::model::analysis::goal_seek::{Answer, Bound, Lever, Target};
use crate::model::analysis::sensitivity::{BookCell, BookLine, Measure, Sensitivity};
use crate::model::registry::{Change, Unit};
use crate::model::FinancialYear;
use crate::view::slides::{bands, BandRow};

/// A lever's value as the answer writes it: "£18.11", "6.81%", "£2,696,230.92", "56".
pub fn value_text(lever: Lever, v: Decimal) -> String {
    match lever.unit() {
        Unit::Pounds => format::pounds(v),
        Unit::Percent => format::percent(v, 2),
        _ => format::count(v, 0),
    }
}

/// The lever at value `v`, in words: "a Band D rise of £18.11 a year from 2023/24".
pub fn lever_text(lever: Lever, v: Decimal, from: FinancialYear) -> String {
    let value = value_text(lever, v);
    match lever {
        Lever::PreceptGbp | Lever::PreceptPct => {
            format!("a Band D rise of {value} a year from {from}")
        }
        Lever::Savings => format!("recurring savings of {value} a year from {from}"),
        Lever::PayAward => format!("a pay award of {value} in {from} for officers and staff"),
        Lever::GrantGrowth => format!("grant growth of {value} a year from {from}"),
        Lever::OfficerIntake => {
            let officers = if v == Decimal::ONE {
                "officer"
            } else {
                "officers"
            };
            format!("an intake of {value} {officers} a year from {from}")
        }
        Lever::Reserves => format!("using {value} of the general reserve a year from {from}"),
    }
}

fn capital(text: &str) -> String {
    let mut c = text.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The answer in sentences, as the screen shows it and "Copy the answer" copies it.
pub fn answer_text(a: &Answer) -> String {
    let q = a.question;
    let last = a.projection.final_year().map_or(q.from, |y| y.year);
    let target = q.target.text(last);
    let lever = lever_text(q.lever, a.value, q.from);
    let mut text = if !a.moves && !a.reachable {
        format!(
            "{} does not move this target: whatever its value, {target} is missed by {}.",
            capital(q.lever.label()),
            format::pounds(a.shortfall)
        )
    } else if !a.reachable {
        format!(
            "No value in the lever's range gives {target}: even {lever}, it falls short by {}.",
            format::pounds(a.shortfall)
        )
    } else if a.miss.is_none() {
        format!(
            "{target} is met across the lever's whole range, even with {lever}.",
            target = capital(&target)
        )
    } else {
        let which = match a.bound {
            Bound::Smallest => "smallest",
            Bound::Largest => "largest",
        };
        let beyond = a
            .miss
            .map(|(v, short)| {
                format!(
                    " ({} misses it by {})",
                    value_text(q.lever, v),
                    format::pounds(short)
                )
            })
            .unwrap_or_default();
        format!(
            "{} gives {target}: the {which} that does{beyond}.",
            capital(&lever)
        )
    };
    if let Some(r) = &a.referendum {
        let over: Vec<String> = r
            .years
            .iter()
            .filter(|y| y.exceeds)
            .map(|y| {
                format!(
                    "{} (limit {}, rise {})",
                    y.year,
                    y.limit.map(format::pounds).unwrap_or_default(),
                    format::pounds(y.rise_gbp)
                )
            })
            .collect();
        if over.is_empty() {
            text.push_str(" It is within the referendum limit in every year.");
        } else {
            text.push_str(&format!(
                " It is above the referendum limit in {}, so it would need a referendum.",
                over.join(" and ")
            ));
            text.push_str(&if r.within.reachable {
                " Held to the limits, the target is still met.".to_string()
            } else {
                format!(
                    " Held to the limits, {} would be left.",
                    match q.target {
                        Target::CumulativeGap => format!(
                            "a cumulative gap of {}",
                            format::millions_dp(r.within.shortfall, 2)
                        ),
                        Target::AnnualGap(y) => format!(
                            "a {y} gap of {}",
                            format::millions_dp(r.within.shortfall, 2)
                        ),
                        _ => format!(
                            "a shortfall of {}",
                            format::millions_dp(r.within.shortfall, 2)
                        ),
                    }
                )
            });
        }
        if r.years.iter().any(|y| y.limit.is_none()) {
            let none: Vec<String> = r
                .years
                .iter()
                .filter(|y| y.limit.is_none())
                .map(|y| y.year.to_string())
                .collect();
            text.push_str(&format!(
                " The scenario gives no referendum limit for {}.",
                none.join(" or ")
            ));
        }
    }
    text
}

/// The name "Apply as a new scenario" gives the solved scenario: the lever and the
/// target, "Band D +£18.11 a year from 2023/24: no cumulative gap by 2025/26".
pub fn scenario_name(a: &Answer) -> String {
    let q = a.question;
    let last = a.projection.final_year().map_or(q.from, |y| y.year);
    let v = value_text(q.lever, a.value);
    let lever = match q.lever {
        Lever::PreceptGbp | Lever::PreceptPct => format!("Band D +{v} a year from {}", q.from),
        Lever::Savings => format!("Savings of {v} a year from {}", q.from),
        Lever::PayAward => format!("Pay award {v} in {}", q.from),
        Lever::GrantGrowth => format!("Grant growth {v} from {}", q.from),
        Lever::OfficerIntake => format!("{v} officers a year from {}", q.from),
        Lever::Reserves => format!("Reserves {v} a year from {}", q.from),
    };
    format!("{lever}: {}", q.target.text(last))
}

/// The bands A–H in the first year a precept answer moves (that year's Band D against the
/// year before's).
pub fn answer_bands(a: &Answer) -> Option<(FinancialYear, Vec<BandRow>)> {
    let from = a.question.from;
    let now = a.projection.year(from)?.precept.band_d;
    let before = a.projection.year(from.previous()?)?.precept.band_d;
    Some((from, bands(now, before).ok()?))
}

/// A weekly sum as people say it: "35p" under a pound, "£1.15" from a pound up.
pub fn spoken(amount: Decimal) -> String {
    match crate::model::money::checked_mul(amount, Decimal::ONE_HUNDRED) {
        Some(pence) if amount.abs() < Decimal::ONE => {
            let mut p = crate::model::money::round_to(pence, 0);
            p.rescale(0);
            if p.is_sign_negative() && !p.is_zero() {
                format!("{}{}p", format::MINUS, p.abs())
            } else {
                format!("{}p", p.abs())
            }
        }
        _ => format::pounds(amount),
    }
}

/// A swing as its bar's label shows it: "±1 percentage point", "±10%", "±£1".
pub fn swing_text(c: Change, unit: Unit) -> String {
    let up = match c {
        Change::By(v) => Change::By(v.abs()),
        Change::Percent(v) => Change::Percent(v.abs()),
    };
    format!("±{}", up.text(unit))
}

/// The tornado chart of `s` ranked by `m`: every assumption that moves it (the `limit`
/// largest, if given, and then labelled without their swings, which the slide's notes
/// give), each labelled with its swing.
pub fn tornado(s: &Sensitivity, m: Measure, limit: Option<usize>) -> TornadoData {
    let ranked = s.ranked(m);
    let moving: Vec<_> = ranked
        .iter()
        .filter(|b| !b.effect.is_zero())
        .take(limit.unwrap_or(usize::MAX))
        .collect();
    let bars: Vec<TornadoBar> = moving
        .iter()
        .map(|b| TornadoBar {
            label: if limit.is_some() {
                b.low.label.clone()
            } else {
                format!(
                    "{} ({})",
                    b.low.label,
                    swing_text(b.high.change, b.high.unit)
                )
            },
            low: b.low.delta(&s.plan, m).unwrap_or_default(),
            high: b.high.delta(&s.plan, m).unwrap_or_default(),
        })
        .collect();
    let title = match moving.first() {
        Some(top) => format!(
            "{} matters most: {} moves the {} by up to {}",
            top.low.label,
            swing_text(top.high.change, top.high.unit),
            m.label(),
            format::millions(top.effect)
        ),
        None => format!("No assumption moves the {}", m.label()),
    };
    let shown = bars.len();
    let total = ranked.len();
    let still = ranked.iter().filter(|b| b.effect.is_zero()).count();
    let which = if limit.is_some_and(|l| shown + still < total && shown == l) {
        format!("The {shown} assumptions with the largest effect, of {total}")
    } else if still > 0 {
        format!("Each of the {shown} assumptions that move it ({still} of {total} do not)")
    } else {
        "Each assumption".to_string()
    };
    TornadoData {
        id: format!("tornado-{}", m.key()),
        title,
        description: format!(
            "{which}, moved down and up by its swing from {} on, and the change in the {} it \
             makes, in £ million: the upper bar of each row is the move down, the lower the \
             move up. Largest effect first.",
            s.from,
            m.label()
        ),
        low_name: "Assumption moved down".into(),
        high_name: "Assumption moved up".into(),
        bars,
    }
}

/// A line of the budget book's table with its effect in each year (none where the scenario
/// cannot say).
pub type BookRow = (BookLine, Vec<Option<Decimal>>);

/// The budget book's table by line: its years, and each line with its effect in each of
/// them.
pub fn book_rows(cells: &[BookCell]) -> (Vec<FinancialYear>, Vec<BookRow>) {
    let mut years: Vec<FinancialYear> = Vec::new();
    for c in cells {
        if !years.contains(&c.year) {
            years.push(c.year);
        }
    }
    let rows = BookLine::ALL
        .iter()
        .map(|&line| {
            let effects = years
                .iter()
                .map(|y| {
                    cells
                        .iter()
                        .find(|c| c.line == line && c.year == *y)
                        .and_then(|c| c.effect)
                })
                .collect();
            (line, effects)
        })
        .collect();
    (years, rows)
}

/// A budget book figure to the nearest £1,000, as £m to three places: "£1.506m".
pub fn thousands(v: Decimal) -> String {
    format::millions_dp(v, 3)
}
