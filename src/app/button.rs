//! The app's plain buttons: `type="button"`, a class, perhaps an id, a text label and a
//! click handler. Each `html!` button expands to a good deal of code (the tag, its
//! attributes, the listener, the label), so the screens call this one non-generic
//! function instead of repeating that markup.

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
