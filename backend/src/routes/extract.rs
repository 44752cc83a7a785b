//! Extractors that say in a handler's signature what every handler used to repeat in its body:
//! the role check ([`Writer`], [`Admin`], [`NationalAdmin`], [`FeedReader`]), the validated body
//! ([`Valid`]) and the `If-Match` precondition ([`IfMatch`]).

use std::cell::RefCell;
use std::future::{ready, Future, Ready};
use std::ops::Deref;
use std::pin::Pin;
use std::rc::Rc;

use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest};
use serde::de::DeserializeOwned;
use tokio::sync::oneshot;
use utoipa::openapi::path::{Parameter, ParameterBuilder, ParameterIn};
use utoipa::openapi::{ObjectBuilder, Required, Type};
use validator::Validate;

use crate::auth::AuthUser;
use crate::error::AppError;

type Boxed<T, E> = Pin<Box<dyn Future<Output = Result<T, E>>>>;

/// Left in the request by a caller extractor while it authenticates. actix-web polls a
/// handler's extractors together, so a body that fails to parse or validate could otherwise be
/// answered (400/422) before the caller is refused (401/403): the body extractor waits for
/// this before failing, and the caller's refusal always wins.
#[derive(Clone)]
struct AuthPending(Rc<RefCell<Option<oneshot::Receiver<()>>>>);

impl AuthPending {
    /// Registers a pending authentication; dropping the sender marks it decided.
    fn start(req: &HttpRequest) -> oneshot::Sender<()> {
        let (tx, rx) = oneshot::channel();
        req.extensions_mut()
            .insert(Self(Rc::new(RefCell::new(Some(rx)))));
        tx
    }

    /// Waits until the caller extractor (if any) has decided.
    fn waiter(req: &HttpRequest) -> Option<oneshot::Receiver<()>> {
        req.extensions()
            .get::<Self>()
            .and_then(|p| p.0.borrow_mut().take())
    }
}

macro_rules! role_extractor {
    ($(#[$doc:meta])* $name:ident => $check:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone)]
        pub struct $name(pub AuthUser);

        impl Deref for $name {
            type Target = AuthUser;
            fn deref(&self) -> &AuthUser {
                &self.0
            }
        }

        impl FromRequest for $name {
            type Error = AppError;
            type Future = Boxed<Self, AppError>;

            fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
                let decided = AuthPending::start(req);
                let user = AuthUser::from_request(req, payload);
                Box::pin(async move {
                    let user = user.await;
                    let checked = user.and_then(|u| u.$check().map(|()| Self(u)));
                    drop(decided);
                    checked
                })
            }
        }
    };
}

role_extractor!(
    /// A caller that may write records (admin, organizer): 401 without credentials, 403 for a
    /// read-only role. The handler's only writer check.
    Writer => require_writer
);
role_extractor!(
    /// An administrator, national or scoped (403 otherwise).
    Admin => require_admin
);
role_extractor!(
    /// A national administrator (403 otherwise, a scoped administrator included).
    NationalAdmin => require_national_admin
);
role_extractor!(
    /// A caller that may read the change feed: integration accounts and administrators.
    FeedReader => require_feed_reader
);

/// A JSON body that deserialised and passed its `validator` rules (422 `validation_failed`
/// with the field errors otherwise): `Valid(web::Json(body)): Valid<web::Json<T>>`. Its text
/// is in Unicode NFC ([`nfc_json`]).
#[derive(Debug)]
pub struct Valid<T>(pub T);

impl<T: DeserializeOwned + Validate + 'static> FromRequest for Valid<web::Json<T>> {
    type Error = actix_web::Error;
    type Future = Boxed<Self, actix_web::Error>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let json = web::Json::<serde_json::Value>::from_request(req, payload);
        let caller = AuthPending::waiter(req);
        Box::pin(async move {
            let checked = match json.await.map(|v| nfc_body::<T>(v.into_inner())) {
                Ok(Ok(json)) => match json.validate() {
                    Ok(()) => return Ok(Self(web::Json(json))),
                    Err(e) => actix_web::Error::from(AppError::from(e)),
                },
                Ok(Err(e)) => actix_web::Error::from(e),
                Err(e) => e,
            };
            if let Some(decided) = caller {
                // Either way (sent or dropped) the caller is decided by now.
                let _ = decided.await;
            }
            Err(checked)
        })
    }
}

/// Every string of a JSON value (keys included) in Unicode NFC: text typed on macOS or with a
/// "Unicode tổ hợp" keyboard arrives decomposed, and is stored, searched and sorted composed
/// (rule 22). The one place API bodies are normalised: every body goes through [`Valid`].
pub fn nfc_json(value: serde_json::Value) -> serde_json::Value {
    use crate::domain::vn_text::nfc;
    use serde_json::Value;
    match value {
        Value::String(s) => Value::String(nfc(&s).into_owned()),
        Value::Array(items) => Value::Array(items.into_iter().map(nfc_json).collect()),
        Value::Object(fields) => Value::Object(
            fields
                .into_iter()
                .map(|(k, v)| (nfc(&k).into_owned(), nfc_json(v)))
                .collect(),
        ),
        other => other,
    }
}

/// A body read as JSON, normalised ([`nfc_json`]), then read as `T` (400 when it does not fit).
fn nfc_body<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, AppError> {
    serde_json::from_value(nfc_json(value)).map_err(crate::messages::requests::json_invalid)
}

/// The version named by `If-Match`, when the header is present (`*` means any version): the
/// write is refused with 412 `version_mismatch` when the record is no longer at that version.
/// As a `params(...)` item it documents the header.
#[derive(Debug, Clone, Copy)]
pub struct IfMatch(pub Option<i64>);

impl FromRequest for IfMatch {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(super::common::if_match(req).map(Self))
    }
}

impl utoipa::IntoParams for IfMatch {
    fn into_params(_: impl Fn() -> Option<ParameterIn>) -> Vec<Parameter> {
        vec![ParameterBuilder::new()
            .name("If-Match")
            .parameter_in(ParameterIn::Header)
            .required(Required::False)
            .description(Some(
                "The `ETag` from the last read of the record: the write is refused with 412 \
                 `version_mismatch` if someone changed it since (absent or `*`: no check)",
            ))
            .schema(Some(ObjectBuilder::new().schema_type(Type::String)))
            .build()]
    }
}
