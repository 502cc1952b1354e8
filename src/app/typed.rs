//! A text input of a screen loaded on demand that keeps what the user is typing.
//!
//! The module's screens send each change to the workspace and are drawn again when the
//! workspace's copy comes back. On a busy machine that can be while the user is still
//! typing, in this field (its previous keystroke coming back) or the next one (the field
//! just left coming back). Yew sets an input it draws to the text it is given, so the
//! characters typed since would be wiped, and the next keystroke sent without them. A
//! [`Typed`] input shows its own text from the first keystroke until the user leaves it or
//! commits it (Enter, or leaving a changed field), and the workspace's text otherwise.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`Typed`].
#[derive(Properties, PartialEq)]
pub struct TypedProps {
    /// The input's id.
    pub id: AttrValue,
    /// Its class.
    pub class: AttrValue,
    /// Its accessible name.
    pub label: AttrValue,
    /// The text to show when the user is not typing in it.
    pub value: AttrValue,
    /// True when what was typed cannot be used.
    #[prop_or_default]
    pub invalid: bool,
    /// The id of the message saying why, if any.
    #[prop_or_default]
    pub described_by: Option<AttrValue>,
    /// What an empty input means.
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    /// `decimal` for figures, `text` otherwise.
    #[prop_or(AttrValue::Static("text"))]
    pub inputmode: AttrValue,
    /// Every keystroke's text (fields applied as typed).
    #[prop_or_default]
    pub on_input: Option<Callback<String>>,
    /// The text committed (fields applied when left or on Enter).
    #[prop_or_default]
    pub on_change: Option<Callback<String>>,
    /// The field left.
    #[prop_or_default]
    pub on_blur: Option<Callback<()>>,
    /// Extra attributes some screens' tests read.
    #[prop_or_default]
    pub data_item: Option<AttrValue>,
    /// See `data_item`.
    #[prop_or_default]
    pub data_year: Option<AttrValue>,
}

/// A text input that keeps the text being typed (module doc).
#[component]
pub fn Typed(props: &TypedProps) -> Html {
    let input = use_node_ref();
    // True from the first keystroke until the text is committed or the field left.
    let typing = use_mut_ref(|| false);
    let oninput = {
        let (typing, on_input) = (typing.clone(), props.on_input.clone());
        Callback::from(move |e: InputEvent| {
            *typing.borrow_mut() = true;
            if let Some(on_input) = &on_input {
                let input: HtmlInputElement = e.target_unchecked_into();
                on_input.emit(input.value());
            }
        })
    };
    let onblur = {
        let (typing, on_blur) = (typing.clone(), props.on_blur.clone());
        Callback::from(move |_: FocusEvent| {
            *typing.borrow_mut() = false;
            if let Some(on_blur) = &on_blur {
                on_blur.emit(());
            }
        })
    };
    let onchange = {
        let (typing, on_change) = (typing.clone(), props.on_change.clone());
        Callback::from(move |e: Event| {
            *typing.borrow_mut() = false;
            if let Some(on_change) = &on_change {
                let input: HtmlInputElement = e.target_unchecked_into();
                on_change.emit(input.value());
            }
        })
    };
    let value = match input.cast::<HtmlInputElement>() {
        Some(typed) if *typing.borrow() => AttrValue::from(typed.value()),
        _ => props.value.clone(),
    };
    html! {
        <input type="text" ref={input} id={props.id.clone()} class={props.class.clone()}
               inputmode={props.inputmode.clone()} autocomplete="off" spellcheck="false"
               aria-label={props.label.clone()} aria-invalid={props.invalid.to_string()}
               aria-describedby={props.described_by.clone()}
               placeholder={props.placeholder.clone()}
               data-item={props.data_item.clone()} data-year={props.data_year.clone()}
               {value} {oninput} {onchange} {onblur} />
    }
}

/// A part of an input's id made from a key (a scheme's id, an assumption's key): letters,
/// digits and `-` kept, anything else `_`.
pub fn id_part(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}
