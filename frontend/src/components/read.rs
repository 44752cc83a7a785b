//! Reads, rendered as the Leptos examples do: a resource keyed on its parameters, shown in a
//! `<Transition>` (what is on screen stays while a newer answer loads, so lists never flash empty)
//! inside an `<ErrorBoundary>` (a failed read shows its problem, and clears when a read succeeds).

use std::sync::Arc;

use leptos::prelude::*;

use super::{ErrorBox, Loading};
use crate::api::{ApiError, ApiResult};

/// What a read renders: its view once the answer is in, or the problem.
type Rendered = Suspend<Result<AnyView, ApiError>>;

/// Renders the value of `resource` with `render`, loading and problems included.
pub fn show<T, V>(
    resource: LocalResource<ApiResult<T>>,
    render: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> AnyView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    frame(Arc::new(move || {
        let render = render.clone();
        Suspend::new(async move { resource.await.map(|v| render(v).into_any()) })
    }))
}

/// The transition and the error boundary, written once for every read (one copy in the wasm,
/// whatever the type read).
fn frame(content: Arc<dyn Fn() -> Rendered + Send + Sync>) -> AnyView {
    view! {
        <Transition fallback=Loading>
            <ErrorBoundary fallback=problems>
                {move || content()}
            </ErrorBoundary>
        </Transition>
    }
    .into_any()
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
