//! One numeric input: visible label, unit, source or "estimate" badge, valid range, and the
//! message beside it when what was typed cannot be used.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::edit::{FieldSpec, FieldUnit};

/// Props of [`NumberField`].
#[derive(Properties, PartialEq, Clone)]
pub struct NumberFieldProps {
    /// A unique DOM id for the input.
    pub id: AttrValue,
    /// Label, unit, range and source.
    pub spec: FieldSpec,
    /// The text to show.
    pub text: AttrValue,
    /// The message for rejected text.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Hide the label visually (in year grids the column and row say it), keeping it for
    /// screen readers. The grid then shows the error message beneath the row, with the id
    /// `{id}-error`.
    #[prop_or_default]
    pub compact: bool,
    /// A line of explanation under the input (how the figure is used).
    #[prop_or_default]
    pub note: Option<AttrValue>,
    /// Called with the new text on every keystroke.
    pub on_input: Callback<String>,
}

/// A labelled numeric input with its unit, source and error message.
#[component]
pub fn NumberField(props: &NumberFieldProps) -> Html {
    let oninput = {
        let cb = props.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            cb.emit(input.value());
        })
    };
    let error_id = format!("{}-error", props.id);
    let hint_id = format!("{}-hint", props.id);
    let spec = &props.spec;
    let invalid = props.error.is_some();
    let described = if invalid {
        format!("{hint_id} {error_id}")
    } else {
        hint_id.clone()
    };
    let note_id = format!("{}-note", props.id);
    let described = if props.note.is_some() {
        format!("{described} {note_id}")
    } else {
        described
    };
    // In year grids the row label carries the unit, so the cells keep their width for digits.
    let prefix = (spec.unit == FieldUnit::Pounds && !props.compact).then_some("£");
    let suffix = match spec.unit {
        FieldUnit::Percent if !props.compact => Some("%"),
        FieldUnit::Years => Some("yrs"),
        _ => None,
    };
    let label_class = if props.compact {
        "visually-hidden"
    } else {
        "field-label"
    };
    html! {
        <div class={match (invalid, props.compact) {
            (false, false) => "field",
            (true, false) => "field field-invalid",
            (false, true) => "field field-compact",
            (true, true) => "field field-invalid field-compact",
        }}>
            <label class={label_class} for={props.id.clone()}>
                { &spec.label }
                if !props.compact {
                    <SourceBadge source={spec.source.clone()} />
                }
            </label>
            <div class="input-wrap">
                if let Some(p) = prefix { <span class="affix" aria-hidden="true">{ p }</span> }
                <input
                    id={props.id.clone()}
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    spellcheck="false"
                    value={props.text.clone()}
                    title={format!("{}: valid from {}", spec.label, spec.range_text())}
                    aria-invalid={invalid.to_string()}
                    aria-describedby={described}
                    {oninput}
                />
                if let Some(s) = suffix { <span class="affix" aria-hidden="true">{ s }</span> }
            </div>
            if let Some(note) = &props.note {
                <span id={note_id} class="field-note">{ note.clone() }</span>
            }
            <span id={hint_id} class="visually-hidden">
                { format!("{}. Valid range {}.", spec.unit.label(), spec.range_text()) }
                { spec.source.as_ref().map(|s| format!(" Source: {}{}", if s.estimate { "estimate. " } else { "" }, s.text)).unwrap_or_default() }
            </span>
            if let (Some(err), false) = (&props.error, props.compact) {
                <span id={error_id} class="field-error" role="alert">{ err.clone() }</span>
            }
        </div>
    }
}

/// Props of [`SourceBadge`].
#[derive(Properties, PartialEq, Clone)]
pub struct SourceBadgeProps {
    /// The source, if known.
    pub source: Option<crate::model::Source>,
}

/// "source" or "estimate" badge; the citation shows on hover and is read by screen readers.
#[component]
pub fn SourceBadge(props: &SourceBadgeProps) -> Html {
    match &props.source {
        Some(s) if s.estimate => html! {
            <span class="badge badge-estimate" title={format!("Estimate: {}", s.text)}>
                { "estimate" }<span class="visually-hidden">{ format!(": {}", s.text) }</span>
            </span>
        },
        Some(s) => html! {
            <span class="badge badge-source" title={format!("Source: {}", s.text)}>
                { "source" }<span class="visually-hidden">{ format!(": {}", s.text) }</span>
            </span>
        },
        None => html! {},
    }
}
