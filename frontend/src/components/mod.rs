//! Small shared pieces: problems, reads rendered in a transition, the outcome of writes, form
//! fields, the organisation picker.

pub mod action;
pub mod breadcrumbs;
pub mod confirm;
pub mod date_input;
pub mod form;
pub mod menu;
pub mod org_kind;
pub mod org_picker;
pub mod paper;
pub mod read;
pub mod table;

use leptos::prelude::*;

use crate::api::ApiError;
use crate::i18n::{label, use_lang, Text};

/// A problem shown to the person in the chosen language, with the request id to quote.
#[component]
pub fn ErrorBox(error: ApiError) -> impl IntoView {
    let lang = use_lang();
    let message = {
        let error = error.clone();
        move || error.message(lang.get())
    };
    let id = error.request_id().map(str::to_string).map(|r| {
        view! { <span class="muted">{move || format!(" ({} {r})", lang.get().t(Text::RequestId))}</span> }
    });
    view! { <div class="alert-box" role="alert">{message}{id}</div> }
}

/// Whether the clerk is still on the page that called this (the same path): a write answered
/// after they have left must not take them back. (The page's owner cannot tell: a pending write's
/// future keeps it alive until the answer.)
pub fn still_here() -> impl Fn() -> bool + Clone + 'static {
    let location = leptos_router::hooks::use_location();
    let here = location.pathname.get_untracked();
    move || {
        location
            .pathname
            .try_get_untracked()
            .is_some_and(|p| p == here)
    }
}

/// "Loading…", in the chosen language.
#[component]
pub fn Loading() -> impl IntoView {
    let lang = use_lang();
    view! { <p class="loading">{label(lang, Text::Loading)}</p> }
}

/// Figures side by side, each over its label (the dashboard's and the round's summaries).
pub fn figures(items: Vec<(String, Signal<String>)>) -> impl IntoView {
    view! {
        <div class="grid">
            {items.into_iter().map(|(value, label)| view! {
                <div><div class="stat">{value}</div><div class="muted">{label}</div></div>
            }).collect_view()}
        </div>
    }
}
