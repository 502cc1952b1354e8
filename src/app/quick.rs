//! Quick what-ifs: a slider and a number box for each of the three figures finance leads
//! most often try first (pay awards, the precept rise, grant growth), each setting every
//! year from the plan's fourth year on.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::panel::{errors_in, field_with_note, group};
use super::state::{Action, Workspace};
use crate::edit::{self, Field, FieldGroup, FieldUnit};

/// The slider's practical range and step for a field, as the input's min, max and step
/// attributes (the number box takes the full valid range).
fn slider_range(unit: FieldUnit, field: &Field) -> (&'static str, &'static str, &'static str) {
    match (field, unit) {
        (Field::PreceptRiseFrom(_), FieldUnit::Pounds) => ("0", "30", "0.01"),
        (Field::PreceptRiseFrom(_), _) => ("-5", "10", "0.01"),
        _ => ("-5", "10", "0.05"),
    }
}

fn slider(ws: &Workspace, d: &Callback<Action>, f: Field) -> Html {
    let spec = edit::spec(&ws.scenario, &f);
    let (min, max, step) = slider_range(spec.unit, &f);
    let value = edit::value(&ws.scenario, &f)
        .map(|v| v.normalize().to_string())
        .unwrap_or_default();
    let label_id = format!("{}-label", f.key());
    let oninput = {
        let (d, f) = (d.clone(), f.clone());
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            d.emit(Action::Edit(f.clone(), input.value()));
        })
    };
    let unit = if spec.unit == FieldUnit::Pounds {
        "£"
    } else {
        "%"
    };
    html! {
        <div class="quick">
            <span id={label_id.clone()} class="visually-hidden">{ format!("{} ({unit}), slider", spec.label) }</span>
            <input
                type="range"
                class="quick-slider"
                id={format!("{}-slider", f.key())}
                {min}
                {max}
                {step}
                value={value}
                aria-labelledby={label_id}
                {oninput}
            />
        </div>
    }
}

/// The Quick what-ifs group.
pub fn quick_group(ws: &Workspace, d: &Callback<Action>) -> Html {
    let Some(from) = edit::quick_from_year(&ws.scenario) else {
        return html! {};
    };
    let fields = [
        Field::PayAwardsFrom(from),
        Field::PreceptRiseFrom(from),
        Field::GrantGrowthFrom(from),
    ];
    let body = html! {
        <>
            <p class="hint">
                { format!("Drag or type: each sets every year from {from} on. The groups below hold each year's figure.") }
            </p>
            { for fields.iter().filter(|f| edit::value(&ws.scenario, f).is_some()).map(|f| html! {
                <div class="quick-row">
                    { field_with_note(ws, d, f.clone(), false, None) }
                    { slider(ws, d, f.clone()) }
                </div>
            }) }
        </>
    };
    let errors = errors_in(ws, FieldGroup::Quick);
    group("Quick what-ifs", true, errors, body)
}
