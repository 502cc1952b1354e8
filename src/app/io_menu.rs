//! The scenario bar's "Import / export" and "Share link" menus. What they hold (import,
//! export, charts, backup and restore; the link) is drawn by the module loaded on demand
//! ([`super::files`], through [`super::more::More`]) the first time a menu is opened, so
//! the page's first download carries none of it. Once opened, a menu's contents stay
//! mounted while it is shut, so a backup or restore under way carries on.

use yew::prelude::*;

use super::more::More;
use super::state::Workspace;
use crate::store::remote::Screen;

/// Props of [`LazyMenu`].
#[derive(Properties, PartialEq)]
pub struct LazyMenuProps {
    /// The menu's id in the page (`io-menu`, `share-menu`).
    pub id: AttrValue,
    /// Its button's label.
    pub label: AttrValue,
    /// What it shows.
    pub screen: Screen,
    /// The workspace.
    pub ws: Workspace,
}

/// A drop-down menu whose contents come from the module loaded on demand.
#[component]
pub fn LazyMenu(props: &LazyMenuProps) -> Html {
    let details = use_node_ref();
    let open = use_state(|| false);
    let opened = use_state(|| false);
    let ontoggle = {
        let (details, open, opened) = (details.clone(), open.clone(), opened.clone());
        Callback::from(move |_: Event| {
            let now = details
                .cast::<web_sys::Element>()
                .is_some_and(|d| d.has_attribute("open"));
            open.set(now);
            if now {
                opened.set(true);
            }
        })
    };
    let on_exit = {
        let details = details.clone();
        Callback::from(move |()| {
            if let Some(d) = details.cast::<web_sys::Element>() {
                let _ = d.remove_attribute("open");
            }
        })
    };
    html! {
        <details class="menu" id={props.id.clone()} ref={details} {ontoggle}>
            <summary class="btn">{ props.label.clone() }</summary>
            <div class="menu-body">
                if *opened {
                    <More ws={props.ws.clone()} screen={props.screen} paused={!*open} {on_exit} />
                }
            </div>
        </details>
    }
}
