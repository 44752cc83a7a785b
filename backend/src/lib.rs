//! QLĐV: party-member records for the organisation boards of the Communist Party of Vietnam.
//!
//! [`app`] builds the one actix-web application used by `qldv serve` and by the tests.

pub mod auth;
pub mod config;
pub mod db;
pub mod domain;
pub mod error;
pub mod idempotency;
pub mod messages;
pub mod models;
pub mod openapi;
pub mod pagination;
pub mod routes;
pub mod security;
pub mod services;
mod spa;
pub mod startup;
pub mod state;
pub mod telemetry;

use std::path::PathBuf;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::{web, App};
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::SwaggerUi;

use crate::error::AppError;
use crate::state::AppState;

/// Largest accepted JSON body.
pub const JSON_LIMIT: usize = 2 * 1024 * 1024;

/// Collects the handlers into an actix `App` and the OpenAPI document.
fn collect() -> (
    App<
        impl ServiceFactory<
            ServiceRequest,
            Config = (),
            Response = ServiceResponse<impl MessageBody>,
            Error = actix_web::Error,
            InitError = (),
        >,
    >,
    utoipa::openapi::OpenApi,
) {
    let (app, doc) = App::new()
        .into_utoipa_app()
        .openapi(<openapi::ApiDoc as utoipa::OpenApi>::openapi())
        .service(routes::health::healthz)
        .service(routes::health::readyz)
        .service(
            utoipa_actix_web::scope("/api/v1")
                .wrap(idempotency::Idempotency)
                .configure(routes::configure),
        )
        .split_for_parts();
    (app, openapi::finish(doc))
}

/// The problem for a JSON body that cannot be read: 413 past [`JSON_LIMIT`], else 400.
fn json_error(err: actix_web::error::JsonPayloadError) -> AppError {
    use actix_web::error::{JsonPayloadError, PayloadError};
    match err {
        JsonPayloadError::Overflow { .. }
        | JsonPayloadError::OverflowKnownLength { .. }
        | JsonPayloadError::Payload(PayloadError::Overflow) => {
            crate::messages::requests::json_too_large(JSON_LIMIT / (1024 * 1024))
        }
        other => crate::messages::requests::json_invalid(other),
    }
}

/// The serialised OpenAPI document, served at `/api/v1/openapi.json`.
#[derive(Debug, Clone)]
pub struct OpenApiJson(pub String);

/// `GET /api/v1/openapi.json` (registered inside the `/api/v1` scope, which would shadow it).
pub(crate) async fn openapi_json(doc: web::Data<OpenApiJson>) -> actix_web::HttpResponse {
    actix_web::HttpResponse::Ok()
        .content_type("application/json")
        .body(doc.0.clone())
}

/// The OpenAPI document the server serves (also written to `openapi/openapi.json`).
pub fn openapi_document() -> utoipa::openapi::OpenApi {
    collect().1
}

/// Builds the application: API, docs UI, health probes and the web client.
///
/// `static_dir` is the built web client (`frontend/dist`); without it `/` shows a short page.
pub fn app(
    state: AppState,
    static_dir: Option<PathBuf>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let (app, doc) = collect();
    let index_html = static_dir
        .as_ref()
        .and_then(|d| std::fs::read_to_string(d.join("index.html")).ok());
    let policy = security::SecurityPolicy::new(index_html.as_deref(), state.cors_origins.clone())
        .with_hsts(state.hsts);
    let doc_json = OpenApiJson(doc.to_json().unwrap_or_default());
    let routes = spa::ApiRoutes::from_doc(&doc);
    app.app_data(web::Data::new(state))
        .app_data(web::Data::new(doc_json))
        .app_data(
            web::JsonConfig::default()
                .limit(JSON_LIMIT)
                .error_handler(|err, _| json_error(err).into()),
        )
        .app_data(web::PayloadConfig::new(JSON_LIMIT))
        .app_data(
            web::QueryConfig::default()
                .error_handler(|err, _| crate::messages::requests::query_invalid(err).into()),
        )
        .app_data(web::PathConfig::default().error_handler(|err, req| {
            // `PATCH /members/export` reaches `PATCH /members/{id}`: the literal path has no PATCH.
            let literal = req
                .app_data::<web::Data<spa::ApiRoutes>>()
                .and_then(|r| r.allowed(req.path()))
                .filter(|allow| !allow.split(", ").any(|m| m == req.method().as_str()));
            match literal {
                Some(allow) => AppError::MethodNotAllowed(allow).into(),
                None => crate::messages::requests::path_invalid(err).into(),
            }
        }))
        .service(
            SwaggerUi::new("/api/docs/{_:.*}")
                .config(utoipa_swagger_ui::Config::new(["/api/v1/openapi.json"])),
        )
        .configure(|cfg| spa::configure(cfg, static_dir))
        .app_data(web::Data::new(policy))
        .app_data(web::Data::new(routes))
        .wrap(actix_web::middleware::Compress::default())
        .wrap(actix_web::middleware::from_fn(security::headers))
        .wrap(telemetry::RequestTracing)
}
