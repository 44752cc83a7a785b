//! Writes are `Action`s: their pending state, their problem and their success are read from the
//! action itself, not from signals kept by hand.

use leptos::prelude::*;

use super::ErrorBox;
use crate::api::{ApiError, ApiResult};
use crate::i18n::{use_lang, Text};

/// The problem of the action's last answer, if it failed.
pub fn failure<I, O>(action: Action<I, ApiResult<O>>) -> Signal<Option<ApiError>>
where
    I: 'static,
    O: Clone + 'static,
{
    Signal::derive(move || {
        action
            .value()
            .with(|v| v.as_ref().and_then(|r| r.clone().err()))
    })
}

/// Whether the action's last answer was a success (and none is pending).
pub fn succeeded<I, O>(action: Action<I, ApiResult<O>>) -> Signal<bool>
where
    I: 'static,
    O: 'static,
{
    Signal::derive(move || {
        !action.pending().get() && action.value().with(|v| matches!(v, Some(Ok(_))))
    })
}

/// The outcome of a write under its form: the problem, or "Saved.".
pub fn outcome<I, O>(action: Action<I, ApiResult<O>>) -> impl IntoView
where
    I: 'static,
    O: Clone + 'static,
{
    let lang = use_lang();
    let error = failure(action);
    let ok = succeeded(action);
    view! {
        {move || error.get().map(|e| view! { <ErrorBox error=e/> })}
        <Show when=move || ok.get()><p role="status">{move || lang.get().t(Text::Saved)}</p></Show>
    }
}

/// The problem alone (for writes whose success shows by itself, e.g. a list that changes).
pub fn problem<I, O>(action: Action<I, ApiResult<O>>) -> impl IntoView
where
    I: 'static,
    O: Clone + 'static,
{
    let error = failure(action);
    move || error.get().map(|e| view! { <ErrorBox error=e/> })
}
