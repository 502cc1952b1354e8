//! Controls used on several screens: plain buttons and select options. Each `html!`
//! element expands to a good deal of code (the tag, its attributes, any listener, the
//! label), so the screens call these non-generic functions instead of repeating that
//! markup.

use yew::prelude::*;

/// `<button type="button" class={class} id={id} disabled={disabled} onclick={onclick}>`
/// with `label` inside. No `id` attribute when `id` is `None`; no `disabled` when false.
pub fn button(
    class: &'static str,
    id: Option<&'static str>,
    disabled: bool,
    label: &'static str,
    onclick: Callback<MouseEvent>,
) -> Html {
    html! {
        <button type="button" {class} {id} {disabled} {onclick}>{ label }</button>
    }
}

/// `<option value={value} selected={selected}>{ label }</option>`.
pub fn option(value: AttrValue, selected: bool, label: AttrValue) -> Html {
    html! {
        <option {value} {selected}>{ label }</option>
    }
}
