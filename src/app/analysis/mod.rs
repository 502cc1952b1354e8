//! The analysis screen (issue 15; docs/analysis.md): analyses of the scenario on screen, one
//! tab each. "What closes the gap" ([`goal_seek`]) and "What matters most"
//! ([`sensitivity`]) and "How likely is a breach" ([`risk`], issue 16); each is a file of
//! its own here and one entry in [`TABS`]. Shown by the module loaded on demand ([`super::remote`]), so the
//! workspace's first download carries none of it.
//!
//! Each analysis runs in slices ([`pace::Slices`]): the page is handed back every 16 ms,
//! with progress and a Cancel button, so a long search never holds it.

mod goal_seek;
mod pace;
pub mod risk;
mod risk_ranges;
mod sensitivity;

use yew::prelude::*;

use super::state::Workspace;

/// One tab of the screen: its key (ids `analysis-tab-KEY`, `analysis-panel-KEY`), its
/// label, and its panel, given the workspace and whether the tab is showing (a panel
/// starts its work only once shown, and keeps it while another tab shows).
pub struct Tab {
    /// A stable key for ids and tests.
    pub key: &'static str,
    /// The tab's label.
    pub label: &'static str,
    /// The panel.
    pub panel: fn(&Workspace, bool) -> Html,
}

/// The tabs, in order. Add an analysis here.
pub const TABS: &[Tab] = &[
    Tab {
        key: "closes-gap",
        label: "What closes the gap",
        panel: goal_seek::panel,
    },
    Tab {
        key: "matters-most",
        label: "What matters most",
        panel: sensitivity::panel,
    },
    Tab {
        key: "risk",
        label: "How likely is a breach",
        panel: risk::panel,
    },
];

/// Props of [`Analysis`].
#[derive(Properties, PartialEq)]
pub struct AnalysisProps {
    /// The workspace: the analyses are of its scenario on screen.
    pub ws: Workspace,
}

fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(e) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = e.focus();
    }
}

/// The analysis screen: a tab list (arrow keys, Home and End move along it) and the panels.
#[component]
pub fn Analysis(props: &AnalysisProps) -> Html {
    let ws = &props.ws;
    let shown = use_state(|| 0usize);
    let last = TABS.len().saturating_sub(1);
    let onkeydown = {
        let shown = shown.clone();
        Callback::from(move |e: KeyboardEvent| {
            let now = *shown;
            let next = match e.key().as_str() {
                "ArrowRight" => Some(if now >= last { 0 } else { now + 1 }),
                "ArrowLeft" => Some(if now == 0 { last } else { now - 1 }),
                "Home" => Some(0),
                "End" => Some(last),
                _ => None,
            };
            if let Some(i) = next {
                e.prevent_default();
                shown.set(i);
                if let Some(t) = TABS.get(i) {
                    focus(&format!("analysis-tab-{}", t.key));
                }
            }
        })
    };
    html! {
        <main class="workspace compare analysis" id="analysis">
            <section class="compare-body" aria-labelledby="analysis-title">
                <h2 id="analysis-title">{ format!("Analysis of {}", ws.scenario.name) }</h2>
                <div class="segmented" role="tablist" aria-label="Analyses" {onkeydown}>
                    { for TABS.iter().enumerate().map(|(i, t)| {
                        let selected = i == *shown;
                        let shown = shown.clone();
                        html! {
                            <button type="button" class="btn" role="tab" id={format!("analysis-tab-{}", t.key)}
                                aria-selected={selected.to_string()}
                                aria-controls={format!("analysis-panel-{}", t.key)}
                                tabindex={if selected { "0" } else { "-1" }}
                                onclick={Callback::from(move |_: MouseEvent| shown.set(i))}>{ t.label }</button>
                        }
                    }) }
                </div>
            </section>
            { for TABS.iter().enumerate().map(|(i, t)| {
                let selected = i == *shown;
                html! {
                    <section role="tabpanel" class="analysis-panel" id={format!("analysis-panel-{}", t.key)}
                        aria-labelledby={format!("analysis-tab-{}", t.key)} hidden={!selected}>
                        { (t.panel)(ws, selected) }
                    </section>
                }
            }) }
        </main>
    }
}
