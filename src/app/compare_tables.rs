//! The compare screen's tables: headline figures and lines by year for each scenario,
//! with each one's difference from the first. Every cell carries its exact figure in
//! `data-value`.

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::format;
use crate::model::money::checked_sub;
use crate::model::FinancialYear;
use crate::store::compare::{self, Side};

fn shown(v: Decimal, pounds: bool) -> String {
    if pounds {
        format::pounds(v)
    } else {
        format::millions_dp(v, 2)
    }
}

fn money_in(v: Option<Decimal>, pounds: bool) -> Html {
    match v {
        Some(v) => html! { <td class="num" data-value={v.to_string()}>{ shown(v, pounds) }</td> },
        None => html! { <td class="num">{ "–" }</td> },
    }
}

fn money(v: Option<Decimal>) -> Html {
    money_in(v, false)
}

fn difference_in(v: Option<Decimal>, pounds: bool) -> Html {
    match v {
        Some(v) => {
            let text = shown(v, pounds);
            let plus = if v > Decimal::ZERO && text.chars().any(|c| c.is_ascii_digit() && c != '0')
            {
                "+"
            } else {
                ""
            };
            html! { <td class="num diff" data-value={v.to_string()}>{ format!("{plus}{text}") }</td> }
        }
        None => html! { <td class="num diff">{ "–" }</td> },
    }
}

fn difference(v: Option<Decimal>) -> Html {
    difference_in(v, false)
}

/// The headline figures table (the annual gap in `year`).
pub fn headline_table(sides: &[Side], year: Option<FinancialYear>) -> Html {
    let headline_rows = compare::headlines(sides, year);
    let head = html! {
        <>
            { for sides.iter().enumerate().map(|(i, s)| html! {
                <>
                    <th scope="col">{ s.name }</th>
                    if i > 0 { <th scope="col" class="diff">{ format!("{} − {}", s.name, sides.first().map_or("", |f| f.name)) }</th> }
                </>
            }) }
        </>
    };
    let headline_table = html! {
        <div class="table-scroll">
            <table class="data-table compare-table" id="compare-headlines">
                <caption>{ "Headline figures (£ million; Band D in £); differences are from the first scenario" }</caption>
                <thead><tr><th scope="col">{ "Figure" }</th>{ head.clone() }</tr></thead>
                <tbody>
                    { for headline_rows.iter().map(|m| {
                        let diffs = m.differences();
                        html! {
                            <tr data-measure={m.key}>
                                <th scope="row">{ m.label.clone() }</th>
                                { for m.values.iter().zip(diffs).enumerate().map(|(i, (v, dv))| html! {
                                    <>
                                        { money_in(*v, m.pounds) }
                                        if i > 0 { { difference_in(dv, m.pounds) } }
                                    </>
                                }) }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    };
    headline_table
}

/// The lines-by-year table.
pub fn lines_table(sides: &[Side]) -> Html {
    let years = compare::years(sides);
    let first_name = sides.first().map_or("", |s| s.name);
    let lines_table = html! {
        <div class="table-scroll">
            <table class="data-table compare-table" id="compare-lines">
                <caption>{ "Lines by year, £ million; the rows in italics are differences from the first scenario" }</caption>
                <thead><tr><th scope="col">{ "Line and scenario" }</th>{ for years.iter().map(|y| html! { <th scope="col">{ y.to_string() }</th> }) }</tr></thead>
                { for compare::LINES.iter().map(|(label, key, f)| {
                    let rows = compare::line(sides, &years, *f);
                    let first = rows.first().cloned().unwrap_or_default();
                    html! {
                        <tbody data-line={*key}>
                            <tr class="line-head"><th scope="colgroup" colspan={(years.len() + 1).to_string()}>{ *label }</th></tr>
                            { for rows.iter().zip(sides).enumerate().map(|(i, (row, s))| html! {
                                <>
                                    <tr data-scenario={s.name.to_string()}>
                                        <th scope="row">{ s.name }</th>
                                        { for row.iter().map(|v| money(*v)) }
                                    </tr>
                                    if i > 0 {
                                        <tr class="diff-row" data-diff={s.name.to_string()}>
                                            <th scope="row">{ format!("{} − {first_name}", s.name) }</th>
                                            { for row.iter().zip(&first).map(|(v, f)| difference(v.zip(*f).and_then(|(v, f)| checked_sub(v, f)))) }
                                        </tr>
                                    }
                                </>
                            }) }
                        </tbody>
                    }
                }) }
            </table>
        </div>
    };
    lines_table
}
