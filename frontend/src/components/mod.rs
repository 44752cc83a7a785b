//! Small shared pieces: loading, errors, remote data, form fields.

pub mod breadcrumbs;
pub mod confirm;
pub mod date_input;
pub mod form;
pub mod menu;
pub mod org_picker;
pub mod paper;

use leptos::prelude::*;
use serde::de::DeserializeOwned;

use crate::api::{self, ApiError};
use crate::i18n::{use_lang, Text};

/// A problem shown to the person, with the request id to quote.
#[component]
pub fn ErrorBox(error: ApiError) -> impl IntoView {
    let id = error
        .problem
        .as_ref()
        .and_then(|p| p.request_id.clone())
        .map(|r| format!(" (mã yêu cầu {r})"))
        .unwrap_or_default();
    view! { <div class="alert-box" role="alert">{error.message()}{id}</div> }
}

/// Like [`remote`] for a paged list: every page of it (following `next_cursor`), rendered
/// together with `render`.
pub fn remote_all<T, V>(
    path: String,
    render: impl Fn(Vec<T>) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: DeserializeOwned + Clone + 'static,
    V: IntoView + 'static,
{
    loaded(
        move || {
            let p = path.clone();
            async move { api::get_all::<T>(&p).await }
        },
        render,
    )
}

/// Fetches `path` and renders the result with `render`, showing loading and errors.
pub fn remote<T, V>(path: String, render: impl Fn(T) -> V + Send + Sync + 'static) -> impl IntoView
where
    T: DeserializeOwned + Clone + 'static,
    V: IntoView + 'static,
{
    loaded(
        move || {
            let p = path.clone();
            async move { api::get::<T>(&p).await }
        },
        render,
    )
}

/// Runs `load` and renders its result with `render`, showing loading and errors.
fn loaded<T, V, Fut>(
    load: impl Fn() -> Fut + 'static,
    render: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
    Fut: std::future::Future<Output = Result<T, ApiError>> + 'static,
{
    let res = LocalResource::new(load);
    let lang = use_lang();
    view! {
        <Suspense fallback=move || view! { <p class="loading">{move || lang.get().t(Text::Loading)}</p> }>
            {move || res.get().map(|r| match r {
                Ok(v) => render(v).into_any(),
                Err(e) => view! { <ErrorBox error=e/> }.into_any(),
            })}
        </Suspense>
    }
}
