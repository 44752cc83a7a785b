//! Reads, rendered as the Leptos examples do: a resource keyed on its parameters, shown in a
//! `<Transition>` (what is on screen stays while a newer answer loads, so lists never flash empty)
//! inside an `<ErrorBoundary>` (a failed read shows its problem, and clears when a read succeeds).
//!
//! Every read is one resource type, [`Read`]: the answer is kept behind `Arc<dyn Any>` and
//! typed again where it is used. Leptos's resource, transition and suspense code is generic over
//! the value and the future; one instance of it for the whole client instead of one per read
//! keeps the wasm small (docs/benchmarks.md).

use std::any::Any;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::sync::Arc;

use futures_util::future::LocalBoxFuture;
use leptos::prelude::*;

use super::{ErrorBox, Loading};
use crate::api::{ApiError, ApiResult};
use crate::i18n::Text;

/// A read's answer with its type erased.
type Payload = Arc<dyn Any + Send + Sync>;
/// What every read resource holds.
type Answer = ApiResult<Payload>;
/// An answer under way, as the suspense awaits it.
type Pending = Pin<Box<dyn Future<Output = Answer> + Send>>;
/// A fetch under way, as the resource runs it.
type Fetching = LocalBoxFuture<'static, Answer>;

/// A read of the API keyed on the signals its fetcher reads (a `LocalResource` of `T`, stored
/// as one type for every `T`).
pub struct Read<T> {
    res: LocalResource<Answer>,
    ty: PhantomData<fn() -> T>,
}

impl<T> Clone for Read<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Read<T> {}

/// A read that runs `fetch` now and again whenever a signal `fetch` reads (before its future)
/// changes; an answer to a superseded run is dropped.
pub fn read<T, Fut>(fetch: impl Fn() -> Fut + 'static) -> Read<T>
where
    T: Send + Sync + 'static,
    Fut: Future<Output = ApiResult<T>> + 'static,
{
    Read {
        res: resource(Box::new(move || {
            let fut = fetch();
            Box::pin(async move { fut.await.map(|v| Arc::new(v) as Payload) })
        })),
        ty: PhantomData,
    }
}

/// The one resource type of the client.
fn resource(fetch: Box<dyn Fn() -> Fetching>) -> LocalResource<Answer> {
    LocalResource::new(fetch)
}

/// The answer typed again (it was stored as a `T`: the other branch never runs).
fn cast<T: Clone + 'static>(p: &Payload) -> ApiResult<T> {
    p.downcast_ref::<T>()
        .cloned()
        .ok_or_else(|| ApiError::local(Text::NotFound))
}

impl<T: Clone + 'static> Read<T> {
    /// The answer, when one is in (tracked: a reader re-runs when it changes).
    pub fn get(self) -> Option<ApiResult<T>> {
        self.res.get().map(|a| a.and_then(|p| cast(&p)))
    }

    /// Reads again.
    pub fn refetch(self) {
        self.res.refetch();
    }
}

/// What [`show`] renders: a [`Read`], or a plain `LocalResource` of an API answer.
pub trait Source<T>: Copy + Send + Sync + 'static {
    /// The answer, awaited by the suspense.
    fn pending(self) -> Pending;
}

impl<T: Send + Sync + 'static> Source<T> for Read<T> {
    fn pending(self) -> Pending {
        let res = self.res;
        Box::pin(async move { res.await })
    }
}

impl<T: Clone + Send + Sync + 'static> Source<T> for LocalResource<ApiResult<T>> {
    fn pending(self) -> Pending {
        Box::pin(async move { self.await.map(|v| Arc::new(v) as Payload) })
    }
}

/// Renders the answer of `source` with `render`, loading and problems included.
pub fn show<T, V>(
    source: impl Source<T>,
    render: impl Fn(T) -> V + Send + Sync + 'static,
) -> AnyView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    frame(
        Arc::new(move || source.pending()),
        Arc::new(move |p: Payload| cast(&p).map(|v| render(v).into_any())),
    )
}

/// The transition and the error boundary, written once for every read (one copy in the wasm,
/// whatever the type read).
#[allow(clippy::type_complexity)] // two erased closures, named where they are made
fn frame(
    pending: Arc<dyn Fn() -> Pending + Send + Sync>,
    render: Arc<dyn Fn(Payload) -> ApiResult<AnyView> + Send + Sync>,
) -> AnyView {
    let content = move || {
        let answer = pending();
        let render = render.clone();
        Suspend::new(async move { answer.await.and_then(|p| render(p)) })
    };
    view! {
        <Transition fallback=Loading>
            <ErrorBoundary fallback=problems>
                {content}
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
