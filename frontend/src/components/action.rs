//! Writes are `Action`s: their pending state, their problem and their success are read from the
//! action itself, not from signals kept by hand.
//!
//! Every write is one action type, [`Write`]: its input and answer are kept behind
//! `Arc<dyn Any>` and typed again where they are used, so Leptos's action code (generic over
//! both) is in the wasm once instead of once per form (docs/benchmarks.md).

use std::any::Any;
use std::future::Future;
use std::marker::PhantomData;
use std::sync::Arc;

use futures_util::future::LocalBoxFuture;
use leptos::prelude::*;

use super::ErrorBox;
use crate::api::{ApiError, ApiResult};
use crate::i18n::{label, use_lang, Text};

/// An input or an answer with its type erased.
type Payload = Arc<dyn Any + Send + Sync>;
/// What every write's action holds.
type Answer = ApiResult<Payload>;
/// The one action type of the client.
type Erased = Action<Payload, Answer>;

/// A write to the API: `dispatch` an `I`, read its pending state and its `O` answer.
pub struct Write<I, O> {
    act: Erased,
    ty: PhantomData<fn(I) -> O>,
}

impl<I, O> Clone for Write<I, O> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<I, O> Copy for Write<I, O> {}

/// A write that runs `send` on each input dispatched.
pub fn write<I, O, Fut>(send: impl Fn(&I) -> Fut + 'static) -> Write<I, O>
where
    I: Send + Sync + 'static,
    O: Send + Sync + 'static,
    Fut: Future<Output = ApiResult<O>> + 'static,
{
    Write {
        act: erased(Box::new(move |input: &Payload| {
            match input.downcast_ref::<I>().map(&send) {
                Some(fut) => Box::pin(async move { fut.await.map(|v| Arc::new(v) as Payload) }),
                // An input is dispatched only as an `I`: this branch never runs.
                None => Box::pin(async { Err(ApiError::local(Text::NotFound)) }),
            }
        })),
        ty: PhantomData,
    }
}

/// The one action constructor of the client.
#[allow(clippy::type_complexity)] // the erased action function, named where it is made
fn erased(send: Box<dyn Fn(&Payload) -> LocalBoxFuture<'static, Answer>>) -> Erased {
    Action::new_local(send)
}

impl<I: Send + Sync + 'static, O: Clone + Send + Sync + 'static> Write<I, O> {
    /// Sends `input`.
    pub fn dispatch(self, input: I) {
        self.act.dispatch(Arc::new(input));
    }

    /// Whether an answer is awaited.
    pub fn pending(self) -> Memo<bool> {
        self.act.pending()
    }

    /// Counts the answers received (a read keyed on it reads again after each write).
    pub fn version(self) -> RwSignal<usize> {
        self.act.version()
    }

    /// The last answer, typed.
    pub fn value(self) -> Signal<Option<ApiResult<O>>> {
        let value = self.act.value();
        Signal::derive(move || {
            value.with(|v| {
                v.as_ref().map(|r| {
                    r.as_ref().map_err(Clone::clone).and_then(|p| {
                        p.downcast_ref::<O>()
                            .cloned()
                            .ok_or_else(|| ApiError::local(Text::NotFound))
                    })
                })
            })
        })
    }
}

/// A write whose outcome is shown: a [`Write`], or a plain `Action` answering an API result.
pub trait Outcome: Copy + 'static {
    /// The problem of the last answer, if it failed.
    fn failure(self) -> Signal<Option<ApiError>>;
    /// Whether the last answer was a success (and none is pending).
    fn succeeded(self) -> Signal<bool>;
}

impl<I: 'static, O: 'static> Outcome for Write<I, O> {
    fn failure(self) -> Signal<Option<ApiError>> {
        erased_failure(self.act)
    }

    fn succeeded(self) -> Signal<bool> {
        erased_succeeded(self.act)
    }
}

fn erased_failure(act: Erased) -> Signal<Option<ApiError>> {
    Signal::derive(move || {
        act.value()
            .with(|v| v.as_ref().and_then(|r| r.clone().err()))
    })
}

fn erased_succeeded(act: Erased) -> Signal<bool> {
    Signal::derive(move || !act.pending().get() && act.value().with(|v| matches!(v, Some(Ok(_)))))
}

impl<I: 'static, O: Clone + 'static> Outcome for Action<I, ApiResult<O>> {
    fn failure(self) -> Signal<Option<ApiError>> {
        Signal::derive(move || {
            self.value()
                .with(|v| v.as_ref().and_then(|r| r.clone().err()))
        })
    }

    fn succeeded(self) -> Signal<bool> {
        Signal::derive(move || {
            !self.pending().get() && self.value().with(|v| matches!(v, Some(Ok(_))))
        })
    }
}

/// The problem of the write's last answer, if it failed.
pub fn failure(action: impl Outcome) -> Signal<Option<ApiError>> {
    action.failure()
}

/// The outcome of a write under its form: the problem, or "Saved.".
pub fn outcome(action: impl Outcome) -> AnyView {
    outcome_view(action.failure(), action.succeeded())
}

fn outcome_view(error: Signal<Option<ApiError>>, ok: Signal<bool>) -> AnyView {
    let lang = use_lang();
    view! {
        {move || error.get().map(|e| view! { <ErrorBox error=e/> })}
        <Show when=move || ok.get()><p role="status">{label(lang, Text::Saved)}</p></Show>
    }
    .into_any()
}

/// The problem alone (for writes whose success shows by itself, e.g. a list that changes).
pub fn problem(action: impl Outcome) -> AnyView {
    problem_view(action.failure())
}

fn problem_view(error: Signal<Option<ApiError>>) -> AnyView {
    (move || error.get().map(|e| view! { <ErrorBox error=e/> })).into_any()
}
