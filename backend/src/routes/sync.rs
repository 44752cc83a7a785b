//! Sync packages between installations: `GET /sync/export`, `POST /sync/import`, this
//! installation's key and the keys it trusts.

use actix_web::http::header;
use actix_web::{get, post, web, HttpResponse};
use futures_util::StreamExt as _;
use qldv_api_types::changes::{SyncIdentity, SyncReport, TrustedKey};
use qldv_api_types::{OrgId, Page};
use serde::Deserialize;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::error::AppError;
use crate::pagination::{page_of_rows, PageParams};
use crate::routes::extract::{Admin, NationalAdmin, Writer};
use crate::routes::problems;
use crate::services::sync::{self, SyncKey};
use crate::state::AppState;

/// Largest package accepted (a province's whole subtree fits).
const PACKAGE_LIMIT: usize = 1024 * 1024 * 1024;

/// Registers the handlers.
pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(export_package)
        .service(import_package)
        .service(identity)
        .service(list_trusted)
        .service(trust_key);
}

fn key(state: &AppState) -> Result<SyncKey, AppError> {
    state
        .sync_key
        .clone()
        .ok_or_else(crate::messages::sync::key_missing)
}

/// What to export.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// The organisation whose subtree the package carries.
    pub organization_id: OrgId,
    /// The `until` of the previous package sent (0 or omitted: everything).
    pub since: Option<i64>,
}

/// A signed package of the changes of a subtree after a cursor (administrators and organizers
/// of the subtree). Apply it at the receiving installation with `POST /sync/import`.
#[utoipa::path(
    operation_id = "export_sync_package",
    tag = "changes",
    params(ExportQuery),
    responses(
        (status = 200, description = "The package (JSON, signed)", body = qldv_api_types::changes::SyncPackage, content_type = "application/json"),
        problems::NotFound,
    ),
)]
#[get("/sync/export")]
pub async fn export_package(
    state: web::Data<AppState>,
    user: Writer,
    query: web::Query<ExportQuery>,
) -> Result<HttpResponse, AppError> {
    let key = key(&state)?;
    let org = query.organization_id;
    let since = query.since.unwrap_or(0).max(0);
    let bytes = crate::db::run(&state.pool, move |c| {
        sync::export(c, &user, &key, org, since).and_then(|b| {
            crate::models::audit::exported(c, &user, "sync", "json", Some(org)).map(|()| b)
        })
    })
    .await?;
    Ok(HttpResponse::Ok()
        .content_type("application/json")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"qldv-sync-{}-{since}.json\"", org.0),
        ))
        .body(bytes))
}

/// Applies a package from a trusted installation in one transaction (administrators). Records
/// held here in a newer or diverged version are reported, not overwritten; a package applied
/// before changes nothing and returns its report again with `already_applied`.
#[utoipa::path(
    operation_id = "import_sync_package",
    tag = "changes",
    request_body(content = qldv_api_types::changes::SyncPackage, description = "The package file, as `GET /sync/export` gave it", content_type = "application/json"),
    responses(
        (status = 200, description = "What was applied", body = SyncReport),
        problems::PackageOutsideSubtree,
        problems::PackageRefused,
    ),
)]
#[post("/sync/import")]
pub async fn import_package(
    state: web::Data<AppState>,
    user: Admin,
    mut body: web::Payload,
) -> Result<web::Json<SyncReport>, AppError> {
    let mut bytes = web::BytesMut::new();
    while let Some(chunk) = body.next().await {
        let chunk = chunk.map_err(crate::messages::requests::body_unreadable)?;
        if bytes.len() + chunk.len() > PACKAGE_LIMIT {
            return Err(crate::messages::requests::package_too_large());
        }
        bytes.extend_from_slice(&chunk);
    }
    let today = state.today();
    let report =
        crate::db::transaction(&state.pool, move |c| sync::apply(c, &user, &bytes, today)).await?;
    Ok(web::Json(report))
}

/// This installation's public key, for the receiving installation to trust (administrators).
#[utoipa::path(
    operation_id = "get_sync_key",
    tag = "changes",
    responses((status = 200, description = "The public key", body = SyncIdentity)),
)]
#[get("/sync/key")]
pub async fn identity(
    state: web::Data<AppState>,
    _user: Admin,
) -> Result<web::Json<SyncIdentity>, AppError> {
    Ok(web::Json(SyncIdentity {
        public_key: key(&state)?.public_key(),
    }))
}

/// The installations whose packages are accepted (administrators).
#[utoipa::path(
    operation_id = "list_trusted_keys",
    tag = "changes",
    params(PageParams),
    responses((status = 200, description = "One page of the trusted keys, in the order they were trusted", body = Page<TrustedKey>)),
)]
#[get("/sync/trusted-keys")]
pub async fn list_trusted(
    state: web::Data<AppState>,
    _user: NationalAdmin,
    params: web::Query<PageParams>,
) -> Result<web::Json<Page<TrustedKey>>, AppError> {
    let rows = crate::db::run(&state.pool, sync::trusted_since).await?;
    let page = page_of_rows(
        rows,
        &params,
        |(at, k)| (*at, k.public_key.clone()),
        |(_, k)| k,
    )?;
    Ok(web::Json(page))
}

/// Trusts another installation's key for the subtree of one organisation (national
/// administrators): its packages write only there.
#[utoipa::path(
    operation_id = "create_trusted_key",
    tag = "changes",
    request_body = TrustedKey,
    responses(
        (status = 201, description = "Trusted", body = TrustedKey),
        problems::NotNationalAdmin,
        problems::BadTrustedKey,
    ),
)]
#[post("/sync/trusted-keys")]
pub async fn trust_key(
    state: web::Data<AppState>,
    user: NationalAdmin,
    body: web::Json<TrustedKey>,
) -> Result<HttpResponse, AppError> {
    let body = body.into_inner();
    let actor = user.actor();
    let saved = crate::db::transaction(&state.pool, move |c| sync::trust(c, &actor, &body)).await?;
    Ok(crate::routes::common::created("/sync/trusted-keys").json(saved))
}
