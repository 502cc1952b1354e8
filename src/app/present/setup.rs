//! The setup step: which scenario to present and which slides to show.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::app::controls::{button, option};

use crate::view::slides::SlideId;

/// Props of [`Setup`].
#[derive(Properties, PartialEq, Clone)]
pub struct SetupProps {
    /// (key, label) of every scenario that can be presented.
    pub choices: Vec<(AttrValue, AttrValue)>,
    /// The chosen scenario's key.
    pub chosen: AttrValue,
    /// Why the chosen scenario cannot be presented, if it cannot.
    #[prop_or_default]
    pub problem: Option<AttrValue>,
    /// Called with a scenario's key when it is picked.
    pub on_choose: Callback<String>,
    /// The slides, with the finding each would state for the chosen scenario.
    pub slides: Vec<(SlideId, AttrValue)>,
    /// The slides ticked, in order.
    pub selected: Vec<SlideId>,
    /// Called when a slide is ticked or unticked.
    pub on_toggle: Callback<SlideId>,
    /// The year the "this year" slides are about.
    pub year: AttrValue,
    /// The plan's years, to choose from.
    pub years: Vec<AttrValue>,
    /// Called with a year ("2024/25") when one is picked.
    pub on_year: Callback<String>,
    /// Start the presentation.
    pub on_start: Callback<()>,
    /// Print the pack.
    pub on_print: Callback<()>,
    /// Back to the workspace.
    pub on_exit: Callback<()>,
}

/// Choose the scenario and slides, then start or print.
#[component]
pub fn Setup(props: &SetupProps) -> Html {
    let none = props.selected.is_empty();
    let click = |cb: &Callback<()>| {
        let cb = cb.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    html! {
        <section class="present-setup" aria-labelledby="present-setup-title">
            <h2 id="present-setup-title" tabindex="-1">{ "Present to the Police and Crime Panel" }</h2>
            <p class="setup-lead">
                { format!("One finding per slide, for {} and the plan to its end. Move with the arrow keys, Page Up and Page Down (a clicker), Space, Home and End; Esc returns to the workspace.", props.year) }
            </p>
            <div class="setup-columns">
                <div class="setup-left">
                    <fieldset class="setup-scenarios">
                        <legend>{ "Scenario" }</legend>
                        { for props.choices.iter().map(|(key, label)| {
                            let on_choose = props.on_choose.clone();
                            let k = key.to_string();
                            let id = format!("present-scenario-{key}");
                            html! {
                                <div class="setup-option">
                                    <input type="radio" name="present-scenario" id={id.clone()} value={key.clone()}
                                        checked={*key == props.chosen}
                                        onchange={Callback::from(move |_: Event| on_choose.emit(k.clone()))} />
                                    <label for={id}>{ label.clone() }</label>
                                </div>
                            }
                        }) }
                    </fieldset>
                    <div class="setup-year">
                        <label for="present-year">{ "Budget year for the “this year” slides" }</label>
                        <select id="present-year" onchange={
                            let on_year = props.on_year.clone();
                            Callback::from(move |e: Event| {
                                let select: HtmlSelectElement = e.target_unchecked_into();
                                on_year.emit(select.value());
                            })
                        }>
                            { for props.years.iter().map(|y| option(y.clone(), *y == props.year, y.clone())) }
                        </select>
                    </div>
                    if let Some(problem) = &props.problem {
                        <p class="setup-warning" role="alert">{ format!("This scenario cannot be presented: {problem}") }</p>
                    }
                    if none {
                        <p class="setup-warning" role="status">{ "Tick at least one slide to present or print." }</p>
                    }
                    <div class="setup-actions">
                        { button("btn btn-primary", Some("present-start"), none, "Start presentation", click(&props.on_start)) }
                        { button("btn", Some("present-print"), none, "Print pack", click(&props.on_print)) }
                        { button("btn", Some("present-exit"), false, "Back to the workspace", click(&props.on_exit)) }
                    </div>
                </div>
                <fieldset class="setup-slides">
                    <legend>{ "Slides" }</legend>
                    { for props.slides.iter().map(|(id, finding)| {
                        let on_toggle = props.on_toggle.clone();
                        let slide = *id;
                        let input_id = format!("present-slide-{}", id.key());
                        html! {
                            <div class="setup-option">
                                <input type="checkbox" id={input_id.clone()} value={id.key()}
                                    checked={props.selected.contains(id)}
                                    onchange={Callback::from(move |_: Event| on_toggle.emit(slide))} />
                                <label for={input_id}>
                                    <span class="setup-slide-label">{ id.label() }</span>
                                    <span class="setup-slide-finding">{ finding.clone() }</span>
                                </label>
                            </div>
                        }
                    }) }
                </fieldset>
            </div>
        </section>
    }
}
