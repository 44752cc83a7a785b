//! `GET /audit`: the audit trail inside the caller's scope.

use actix_web::{get, web};
use qldv_api_types::audit::AuditEntry;
use qldv_api_types::Page;
use serde::Deserialize;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::error::AppError;
use crate::models::audit::{AuditFilter, AuditRow};
use crate::pagination::{page, PageParams};
use crate::routes::extract::Writer;
use crate::state::AppState;

/// Registers the handlers.
pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(list_audit);
}

/// Filter of the audit trail.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Kind of record, e.g. `organization`, `user`.
    pub entity: Option<qldv_api_types::audit::AuditEntity>,
    /// The record's id.
    pub entity_id: Option<String>,
}

/// Who changed what and when, newest first (administrators and organizers).
#[utoipa::path(
    operation_id = "list_audit_entries",
    tag = "audit",
    params(AuditQuery, PageParams),
    responses((status = 200, description = "One page of entries", body = Page<AuditEntry>)),
)]
#[get("/audit")]
pub async fn list_audit(
    state: web::Data<AppState>,
    user: Writer,
    query: web::Query<AuditQuery>,
    params: web::Query<PageParams>,
) -> Result<web::Json<Page<AuditEntry>>, AppError> {
    let limit = params.limit();
    let before = params.after::<i64>()?;
    let filter = AuditFilter {
        entity: query.entity,
        entity_id: query.entity_id.clone(),
    };
    let rows = crate::db::run(&state.pool, move |c| {
        AuditRow::list(c, &user.scope, &filter, before, limit + 1)
    })
    .await?;
    Ok(web::Json(page(rows, limit, |r| r.id, AuditRow::to_dto)))
}
