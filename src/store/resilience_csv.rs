//! The savings register and the reserves strategy as CSV (docs/resilience.md §9): the
//! tables `mtfp savings` and `mtfp reserves` print, which the app's import/export menu
//! downloads too (with the byte-order mark and CRLF line ends, [`super::csv::file`]).
//! Money to the penny as plain numbers; every text cell neutralised
//! ([`super::csv::cell`]).

use rust_decimal::Decimal;

use super::csv::cell;
use crate::model::engine::penny;
use crate::model::resilience::{Reading, Report};
use crate::model::scenario::strategy::Indicator;

/// The savings CSV's header.
pub const SAVINGS_HEADER: [&str; 18] = [
    "id",
    "name",
    "owner",
    "category",
    "kind",
    "status",
    "confidence_pct",
    "confidence_from",
    "year",
    "planned",
    "at_risk",
    "risk_adjusted",
    "gap",
    "gap_risk_adjusted",
    "structural_gap",
    "structural_gap_risk_adjusted",
    "still_to_find",
    "still_to_find_risk_adjusted",
];

fn money(v: Decimal) -> String {
    penny(v).to_string()
}

/// Rows of text cells joined with `eol` after each, every cell through [`cell`].
pub fn table(rows: &[Vec<String>], eol: &str) -> String {
    let mut out = String::new();
    for r in rows {
        out.push_str(&r.iter().map(|c| cell(c)).collect::<Vec<_>>().join(","));
        out.push_str(eol);
    }
    out
}

/// The savings register: the header, one row per saving and year, then a `total` row per
/// year with the gap both ways, the structural gap and savings still to find.
pub fn savings_rows(r: &Report) -> Vec<Vec<String>> {
    let mut out = vec![SAVINGS_HEADER.iter().map(|h| (*h).to_string()).collect()];
    for s in &r.savings.savings {
        let from = match s.confidence_from {
            crate::model::resilience::ConfidenceFrom::Own => "own",
            crate::model::resilience::ConfidenceFrom::Status => "status",
            crate::model::resilience::ConfidenceFrom::NoStatus => "no_status",
        };
        for y in &s.years {
            let mut row = vec![
                s.id.clone(),
                s.name.clone(),
                s.owner.clone(),
                s.category.map(|c| c.key()).unwrap_or_default().into(),
                s.kind.key().into(),
                s.status.map(|c| c.key()).unwrap_or_default().into(),
                s.confidence.normalize().to_string(),
                from.into(),
                y.year.to_string(),
                money(y.planned),
                money(y.at_risk),
                money(y.risk_adjusted),
            ];
            row.resize(SAVINGS_HEADER.len(), String::new());
            out.push(row);
        }
    }
    for y in &r.savings.years {
        let mut row = vec!["total".to_string(), "All savings".into()];
        row.resize(8, String::new());
        row.extend([
            y.year.to_string(),
            money(y.planned.total),
            money(y.at_risk.total),
            money(y.risk_adjusted.total),
            money(y.gap),
            money(y.gap_risk_adjusted),
            money(y.structural_gap),
            money(y.structural_gap_risk_adjusted),
            money(y.still_to_find),
            money(y.still_to_find_risk_adjusted),
        ]);
        out.push(row);
    }
    out
}

fn reading(r: &Reading) -> [String; 2] {
    [
        r.value.map(|v| v.to_string()).unwrap_or_default(),
        r.rag.key().to_string(),
    ]
}

/// The reserves strategy: the header (each named reserve's column is `reserve:ID`), an
/// `opening` row (balances at the start of the plan), then one row per year.
pub fn reserves_rows(r: &Report) -> Vec<Vec<String>> {
    let o = &r.reserves;
    let mut header: Vec<String> = ["year", "general_planned", "at_risk_to_date", "general"]
        .iter()
        .map(|h| (*h).to_string())
        .collect();
    header.extend(o.reserves.iter().map(|x| format!("reserve:{}", x.id)));
    header.extend(
        [
            "earmarked",
            "usable",
            "floor",
            "risk_based_minimum",
            "minimum",
            "below_minimum",
        ]
        .iter()
        .map(|h| (*h).to_string()),
    );
    for i in Indicator::ALL {
        header.push(i.key().into());
        header.push(format!("{}_rag", i.key()));
    }
    let width = header.len();
    let mut out = vec![header];
    let mut opening = vec![
        "opening".to_string(),
        money(o.general_opening),
        money(Decimal::ZERO),
        money(o.general_opening),
    ];
    let mut earmarked = Decimal::ZERO;
    for x in &o.reserves {
        opening.push(money(x.opening));
        earmarked = crate::model::money::checked_add(earmarked, x.opening).unwrap_or(earmarked);
    }
    opening.push(money(earmarked));
    opening.push(money(o.usable_opening));
    opening.resize(width, String::new());
    out.push(opening);
    for (k, y) in o.years.iter().enumerate() {
        let mut row = vec![
            y.year.to_string(),
            money(y.general_planned),
            money(y.at_risk_to_date),
            money(y.general),
        ];
        row.extend(
            o.reserves
                .iter()
                .map(|x| money(x.balances.get(k).copied().unwrap_or_default())),
        );
        row.extend([
            money(y.earmarked),
            money(y.usable),
            money(y.floor),
            money(y.risk_based),
            money(y.minimum),
            y.below_minimum.to_string(),
        ]);
        for x in &y.indicators {
            row.extend(reading(x));
        }
        out.push(row);
    }
    out
}
