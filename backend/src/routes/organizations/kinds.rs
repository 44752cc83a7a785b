//! `GET /organization-kinds`.

use actix_web::{get, web};
use qldv_api_types::organizations::OrganizationKind;
use qldv_api_types::Page;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::models::organization::KindRow;
use crate::pagination::{page_of_rows, PageParams};
use crate::state::AppState;

/// The kinds of organisation, top-down (kinds are data: a new kind needs no new code).
#[utoipa::path(
    operation_id = "list_organization_kinds",
    tag = "organizations",
    params(PageParams),
    responses((status = 200, description = "One page of the kinds, top-down", body = Page<OrganizationKind>)),
)]
#[get("/organization-kinds")]
pub async fn list_kinds(
    state: web::Data<AppState>,
    _user: AuthUser,
    params: web::Query<PageParams>,
) -> Result<web::Json<Page<OrganizationKind>>, AppError> {
    let rows = crate::db::run(&state.pool, KindRow::all).await?;
    // The query's order: rank, then code.
    let page = page_of_rows(
        rows,
        &params,
        |k| (k.sort_order, k.code.clone()),
        |k| k.to_dto(),
    )?;
    Ok(web::Json(page))
}
