//! Entering actuals by hand: a grid of the plan's items (rows) by year (columns), each cell
//! the actual entered (the plan's figure as its placeholder). A figure is taken when the
//! cell is left or Enter is pressed; clearing a cell takes its figure out. Text that cannot
//! be a figure stays in its cell with the reason beneath the row, and nothing changes.

use std::rc::Rc;

use crate::app::typed::Typed;
use yew::prelude::*;

use crate::app::field::SourceBadge;
use crate::app::remote::on_screen;
use crate::app::state::Action;
use crate::edit::{display_value, parse_input};
use crate::model::engine::Projection;
use crate::model::outturn::variance::plan_value;
use crate::model::outturn::{Actuals, Figure, Item, ItemGroup};
use crate::model::scenario::Scenario;
use crate::model::{FinancialYear, Source};
use crate::store::session::OutturnEdit;
use crate::view::outturn::figure_text;

/// Props of [`Entry`].
#[derive(Properties, PartialEq)]
pub struct EntryProps {
    /// The scenario on screen.
    pub scenario: Rc<Scenario>,
    /// Its actuals, read and checked.
    pub actuals: Rc<Actuals>,
    /// Its projection (the placeholders).
    pub projection: Rc<Projection>,
    /// Sends the changes to the workspace.
    pub dispatch: Callback<Action>,
}

/// Text typed into a cell that could not be used, and why.
#[derive(Clone, PartialEq)]
struct Draft {
    year: FinancialYear,
    item: Item,
    text: String,
    error: String,
}

/// The DOM id of a cell.
fn cell_id(item: &Item, year: FinancialYear) -> String {
    let key: String = item
        .key()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("actual-{}-{}", key.trim_end_matches('-'), year.start_year())
}

const GROUPS: [(ItemGroup, &str); 4] = [
    (
        ItemGroup::Spending,
        "Spending lines (£, before identified savings)",
    ),
    (ItemGroup::Funding, "Funding lines and precept (£)"),
    (
        ItemGroup::Totals,
        "Totals, savings delivered and reserves at the year end (£)",
    ),
    (ItemGroup::Assumptions, "Actual assumptions"),
];

/// The change for `text` typed into `item`'s cell of `year`: the new actuals and how the
/// change log tells it, or why not.
fn change(
    s: &Scenario,
    actuals: &Actuals,
    year: FinancialYear,
    item: &Item,
    text: &str,
) -> Result<Option<OutturnEdit>, String> {
    let mut a = actuals.clone();
    let before = a.get(year, item).map(|f| f.value);
    let label = format!("Outturn: {} {year}", item.label(s));
    let unit = item.unit();
    if text.trim().is_empty() {
        return Ok(before.map(|v| OutturnEdit {
            actuals: {
                a.remove(year, item);
                a.section()
            },
            what: label,
            from: figure_text(unit, v),
            to: "none".into(),
        }));
    }
    let v = parse_input(text, unit)?;
    item.check(v)?;
    if before == Some(v) {
        return Ok(None);
    }
    a.set(Figure {
        year,
        item: item.clone(),
        value: v,
        source: Source::published("Entered on the outturn screen"),
    });
    Ok(Some(OutturnEdit {
        actuals: a.section(),
        what: label,
        from: before.map_or_else(|| "none".into(), |b| figure_text(unit, b)),
        to: figure_text(unit, v),
    }))
}

/// The grid of actuals.
#[component]
pub fn Entry(props: &EntryProps) -> Html {
    let s = &props.scenario;
    let drafts = use_state(Vec::<Draft>::new);
    let years = s.horizon.year_list();
    let items = Item::all(s);
    let actuals = &props.actuals;
    let cell = |item: &Item, year: FinancialYear| {
        let draft = drafts.iter().find(|d| d.year == year && d.item == *item);
        let entered = actuals.get(year, item);
        let text = draft.map_or_else(
            || entered.map_or_else(String::new, |f| display_value(f.value, item.unit())),
            |d| d.text.clone(),
        );
        let plan = plan_value(s, &props.projection, None, year, item)
            .ok()
            .flatten()
            .map(|v| display_value(crate::model::money::round_to(v, 2), item.unit()))
            .unwrap_or_default();
        let onchange = {
            let (s, a, item, drafts, d) = (
                s.clone(),
                props.actuals.clone(),
                item.clone(),
                drafts.clone(),
                props.dispatch.clone(),
            );
            Callback::from(move |text: String| {
                let mut next: Vec<Draft> = (*drafts).clone();
                next.retain(|d| !(d.year == year && d.item == item));
                // The workspace's scenario now: this screen's copy may not have the entry
                // before this one yet, and the edit carries the whole section.
                let now = on_screen(&s);
                let a = Actuals::of(&now).map_or_else(|_| a.clone(), Rc::new);
                match change(&now, &a, year, &item, &text) {
                    Ok(edit) => {
                        drafts.set(next);
                        if let Some(edit) = edit {
                            d.emit(Action::Outturn(Box::new(edit)));
                        }
                    }
                    Err(error) => {
                        next.push(Draft {
                            year,
                            item: item.clone(),
                            text,
                            error,
                        });
                        drafts.set(next);
                    }
                }
            })
        };
        let id = cell_id(item, year);
        let invalid = draft.is_some();
        html! {
            <td class={if invalid { "field-invalid" } else { "" }}>
                <div class="input-wrap">
                    <Typed {id} class="" inputmode="decimal" value={text}
                        placeholder={Some(AttrValue::from(plan))}
                        data_item={Some(AttrValue::from(item.key()))}
                        data_year={Some(AttrValue::from(year.to_string()))}
                        label={format!("{}, {year}, actual", item.label(s))}
                        {invalid} described_by={invalid.then(|| AttrValue::from(format!("{}-error", cell_id(item, year))))}
                        on_change={Some(onchange)} />
                </div>
            </td>
        }
    };
    let row = |item: &Item| {
        let errors: Vec<&Draft> = drafts.iter().filter(|d| d.item == *item).collect();
        let source = years
            .iter()
            .find_map(|y| actuals.get(*y, item))
            .map(|f| f.source.clone());
        let span = (years.len() + 1).to_string();
        html! {
            <>
                <tr>
                    <th scope="row"><span class="row-label">{ item.label(s) }<SourceBadge {source} /></span></th>
                    { for years.iter().map(|y| cell(item, *y)) }
                </tr>
                if !errors.is_empty() {
                    <tr class="grid-errors">
                        <td colspan={span}>
                            { for errors.iter().map(|d| html! {
                                <span id={format!("{}-error", cell_id(&d.item, d.year))} class="field-error" role="alert">
                                    { format!("{} {}: {}", d.item.label(s), d.year, d.error) }
                                </span>
                            }) }
                        </td>
                    </tr>
                }
            </>
        }
    };
    html! {
        <section class="compare-body" id="outturn-entry" aria-labelledby="entry-title">
            <h3 id="entry-title">{ "Enter actuals" }</h3>
            <p class="hint">{ "Type a figure and press Enter or leave the cell; clear a cell to take its figure out. Each change is one step Undo takes back. Grey figures are the plan's." }</p>
            <div class="year-grid-scroll">
                <table class="year-grid actuals-grid">
                    <caption class="visually-hidden">{ "Actual figures by item and year" }</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="grid-item">{ "Figure" }</th>
                            { for years.iter().map(|y| html! { <th scope="col">{ y.to_string() }</th> }) }
                        </tr>
                    </thead>
                    { for GROUPS.iter().map(|(group, title)| html! {
                        <tbody>
                            <tr class="grid-label"><th colspan={(years.len() + 1).to_string()} scope="rowgroup">{ *title }</th></tr>
                            { for items.iter().filter(|i| i.group() == *group).map(&row) }
                        </tbody>
                    }) }
                </table>
            </div>
        </section>
    }
}
