//! `Idempotency-Key` on creating `POST`s: the same key with the same request returns the first
//! response (with `Idempotent-Replayed: true`) instead of creating twice; the same key with a
//! different request is refused (422 `idempotency_key_reused`); while the first is still being
//! served, a second gets 409 `idempotency_in_progress`. Keys are per user and kept for a day.
//! Only successful responses are kept: after an error the request may be retried with the key.
//! A response that shows a secret once (a new API token; sign-in and refresh are not covered at
//! all) is never kept: its record holds a refusal instead, and a retry gets 409
//! `idempotency_secret_not_replayed` naming what was created, neither a second creation nor the
//! secret (a copy of it in the database would be a credential anyone reading the table could use).

use std::future::{ready, Ready};
use std::rc::Rc;

use actix_web::body::{to_bytes, BoxBody, MessageBody};
use actix_web::dev::{forward_ready, Payload, Service, ServiceRequest, ServiceResponse, Transform};
use actix_web::http::{header, Method};
use actix_web::{web, FromRequest, HttpResponse, ResponseError};
use futures_util::future::LocalBoxFuture;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::models::idempotency::{self, Claim};
use crate::state::AppState;

const HEADER: &str = "idempotency-key";

/// Put in a response's extensions by a handler whose answer carries a secret shown once: the
/// idempotency record keeps a 409 with this message instead of the answer.
#[derive(Debug, Clone)]
pub struct ShownOnce(pub crate::messages::Text);

/// Middleware for the `/api/v1` scope.
#[derive(Debug, Clone, Copy, Default)]
pub struct Idempotency;

impl<S, B> Transform<S, ServiceRequest> for Idempotency
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<BoxBody>;
    type Error = actix_web::Error;
    type Transform = IdempotencyMiddleware<S>;
    type InitError = ();
    type Future = Ready<Result<Self::Transform, Self::InitError>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(IdempotencyMiddleware {
            service: Rc::new(service),
        }))
    }
}

/// The service produced by [`Idempotency`].
pub struct IdempotencyMiddleware<S> {
    service: Rc<S>,
}

fn valid_key(key: &str) -> bool {
    !key.is_empty() && key.len() <= 255 && key.bytes().all(|b| b.is_ascii_graphic())
}

fn problem(req: ServiceRequest, err: &AppError) -> ServiceResponse<BoxBody> {
    req.into_response(err.error_response())
}

impl<S, B> Service<ServiceRequest> for IdempotencyMiddleware<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<BoxBody>;
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self::Response, Self::Error>>;

    forward_ready!(service);

    fn call(&self, mut req: ServiceRequest) -> Self::Future {
        let service = self.service.clone();
        let key = req
            .headers()
            .get(HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let applies = req.method() == Method::POST && !req.path().starts_with("/api/v1/auth/");
        Box::pin(async move {
            let Some(key) = key.filter(|_| applies) else {
                return service.call(req).await.map(|r| r.map_into_boxed_body());
            };
            if !valid_key(&key) {
                let err = crate::messages::requests::idempotency_key_invalid();
                return Ok(problem(req, &err));
            }
            // Without a valid caller the handler answers 401 itself.
            let Ok(user) = AuthUser::extract(req.request()).await else {
                return service.call(req).await.map(|r| r.map_into_boxed_body());
            };
            let Some(state) = req.app_data::<web::Data<AppState>>().cloned() else {
                return Ok(problem(req, &AppError::internal("state missing")));
            };
            let body = req.extract::<web::Bytes>().await?;
            // Keyed: a `POST /users` body holds a password.
            let hash = state.jwt.digest(
                "qldv-idempotency-v1",
                &[req.path().as_bytes(), req.query_string().as_bytes(), &body],
            );
            req.set_payload(Payload::from(body));

            let (uid, k) = (user.id, key.clone());
            let claim = crate::db::plain_transaction(&state.pool, move |c| {
                idempotency::claim(c, uid, &k, &hash)
            })
            .await;
            match claim {
                Err(e) => return Ok(problem(req, &e)),
                Ok(Claim::Mismatch) => {
                    let err = crate::messages::requests::idempotency_key_reused();
                    return Ok(problem(req, &err));
                }
                Ok(Claim::InProgress) => {
                    let err = crate::messages::requests::idempotency_in_progress();
                    return Ok(problem(req, &err));
                }
                Ok(Claim::Replay {
                    status,
                    content_type,
                    body,
                }) => {
                    let status = actix_web::http::StatusCode::from_u16(status)
                        .unwrap_or(actix_web::http::StatusCode::OK);
                    let mut res = HttpResponse::build(status);
                    if let Some(ct) = content_type {
                        res.insert_header((header::CONTENT_TYPE, ct));
                    }
                    res.insert_header(("idempotent-replayed", "true"));
                    return Ok(req.into_response(res.body(body)));
                }
                Ok(Claim::Claimed) => {}
            }

            let res = service.call(req).await;
            let (uid, k) = (user.id, key);
            let res = match res {
                Ok(res) => res,
                Err(e) => {
                    let _ = crate::db::run(&state.pool, move |c| idempotency::release(c, uid, &k))
                        .await;
                    return Err(e);
                }
            };
            let shown_once = res.response().extensions().get::<ShownOnce>().cloned();
            let status = res.status();
            let content_type = res
                .headers()
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string);
            let (http_req, http_res) = res.into_parts();
            let (head, body) = http_res.into_parts();
            let bytes = to_bytes(body)
                .await
                .map_err(|_| AppError::internal("cannot read the response body"))?;
            let mut text = String::from_utf8_lossy(&bytes).to_string();
            let (mut kept_status, mut kept_type) = (status, content_type);
            if let Some(ShownOnce(detail)) = shown_once.filter(|_| status.is_success()) {
                let refusal =
                    AppError::Conflict("idempotency_secret_not_replayed", detail).error_response();
                kept_status = refusal.status();
                kept_type = Some("application/problem+json".to_string());
                let body = to_bytes(refusal.into_body())
                    .await
                    .map_err(|_| AppError::internal("cannot read the refusal body"))?;
                text = String::from_utf8_lossy(&body).to_string();
            }
            let stored = if status.is_success() {
                crate::db::run(&state.pool, move |c| {
                    idempotency::complete(
                        c,
                        uid,
                        &k,
                        kept_status.as_u16(),
                        kept_type.as_deref(),
                        &text,
                    )
                })
                .await
            } else {
                crate::db::run(&state.pool, move |c| idempotency::release(c, uid, &k)).await
            };
            if let Err(e) = stored {
                tracing::warn!(error = %e, "could not store the idempotent response");
            }
            Ok(ServiceResponse::new(
                http_req,
                head.set_body(BoxBody::new(bytes)),
            ))
        })
    }
}
