//! Reads, rendered as the Leptos examples do: a resource keyed on its parameters, shown in a
//! `<Transition>` (what is on screen stays while a newer answer loads, so lists never flash empty)
//! inside an `<ErrorBoundary>` (a failed read shows its problem, and clears when a read succeeds).

use leptos::prelude::*;

use super::{ErrorBox, Loading};
use crate::api::{ApiError, ApiResult};

/// Renders the value of `resource` with `render`, loading and problems included.
pub fn show<T, V>(
    resource: LocalResource<ApiResult<T>>,
    render: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <Transition fallback=Loading>
            <ErrorBoundary fallback=problems>
                {move || {
                    let render = render.clone();
                    Suspend::new(async move { resource.await.map(render) })
                }}
            </ErrorBoundary>
        </Transition>
    }
}

/// The fallback of an error boundary: each problem in its box.
pub fn problems(errors: ArcRwSignal<Errors>) -> impl IntoView {
    move || {
        errors.with(|list| {
            list.iter()
                .map(|(_, e)| match e.downcast_ref::<ApiError>() {
                    Some(api) => view! { <ErrorBox error=api.clone()/> }.into_any(),
                    None => view! { <div class="alert-box" role="alert">{e.to_string()}</div> }
                        .into_any(),
                })
                .collect_view()
        })
    }
}
