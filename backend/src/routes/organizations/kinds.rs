//! `GET /organization-kinds`.

use actix_web::{get, web};
use qldv_api_types::organizations::OrganizationKind;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::models::organization::KindRow;
use crate::state::AppState;

/// The kinds of organisation, top-down (kinds are data: a new kind needs no new code).
#[utoipa::path(
    operation_id = "list_organization_kinds",
    tag = "organizations",
    responses((status = 200, description = "Every kind", body = Vec<OrganizationKind>)),
)]
#[get("/organization-kinds")]
pub async fn list_kinds(
    state: web::Data<AppState>,
    _user: AuthUser,
) -> Result<web::Json<Vec<OrganizationKind>>, AppError> {
    let rows = crate::db::run(&state.pool, KindRow::all).await?;
    Ok(web::Json(rows.iter().map(KindRow::to_dto).collect()))
}
