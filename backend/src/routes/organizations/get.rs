//! `GET /organizations/{id}`.

use actix_web::{get, web, HttpResponse};
use qldv_api_types::organizations::Organization;
use qldv_api_types::OrgId;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::models::organization::OrganizationRow;
use crate::routes::problems;
use crate::routes::versioned;
use crate::state::AppState;

/// One organisation inside the caller's scope.
#[utoipa::path(
    tag = "organizations",
    params(("id" = OrgId, Path, description = "Organisation id")),
    responses(
        (status = 200, description = "The organisation", body = Organization, headers(("ETag" = String, description = "Current version"))),
        problems::NotFound,
    ),
)]
#[get("/organizations/{id}")]
pub async fn get_organization(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<OrgId>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let row = crate::db::run(&state.pool, move |c| {
        OrganizationRow::find(c, &user.scope, id)
    })
    .await?;
    Ok(versioned(HttpResponse::Ok(), row.version, row.to_dto()))
}
