//! Messages beside the controls they are about: the workspace keeps one message at a time
//! ([`Notice`]), and each control shows it only if it is about that control.

use yew::prelude::*;

use super::controls::button;
use super::state::{Action, Notice, Place};

/// The workspace's message (`notice`), shown beside the control at `place` if it is about
/// that control; nothing otherwise.
pub fn notice_at(notice: &Option<Notice>, place: Place, dispatch: &Callback<Action>) -> Html {
    match notice {
        Some(Notice {
            place: p,
            error,
            text,
        }) if *p == place => {
            let dismiss = dispatch.reform(|_: MouseEvent| Action::DismissNotice);
            let undo = dispatch.reform(|_: MouseEvent| Action::Undo);
            let offers_undo = !error && text.contains("Undo");
            html! {
                <div class={match (*error, place) {
                         // Saving problems stay in view wherever the user is working.
                         (true, Place::Storage) => "notice notice-error notice-pinned",
                         (true, _) => "notice notice-error",
                         (false, _) => "notice notice-info",
                     }}
                     role={if *error { "alert" } else { "status" }}
                     id={format!("notice-{}", place.key())}>
                    <span>{ text.clone() }</span>
                    if offers_undo {
                        { button("btn btn-small", None, false, "Undo", undo) }
                    }
                    <button type="button" class="btn btn-small" onclick={dismiss} aria-label="Dismiss this message">{ "×" }</button>
                </div>
            }
        }
        _ => html! {},
    }
}
