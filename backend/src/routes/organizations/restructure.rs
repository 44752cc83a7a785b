//! `POST /organizations/{id}/move`, `/merge`, `/dissolve`.

use actix_web::{post, web, HttpResponse};
use qldv_api_types::organizations::{
    DissolveOrganization, MergeOrganization, MoveOrganization, Organization,
};
use qldv_api_types::OrgId;

use crate::error::AppError;
use crate::routes::extract::{Valid, Writer};
use crate::routes::problems;
use crate::routes::versioned;
use crate::services::restructure;
use crate::state::AppState;

/// Moves an organisation and its whole subtree under another parent (a split is moving cells).
/// Paths of the subtree, its members and transfers are rewritten in one transaction; the tree's
/// history keeps the old parent until `effective_on`.
#[utoipa::path(
    tag = "organizations",
    params(("id" = OrgId, Path, description = "Organisation id")),
    request_body = MoveOrganization,
    responses(
        (status = 200, description = "Moved", body = Organization),
        problems::NotFound,
    ),
)]
#[post("/organizations/{id}/move")]
pub async fn move_organization(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<OrgId>,
    Valid(web::Json(body)): Valid<web::Json<MoveOrganization>>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let row = crate::db::transaction(&state.pool, move |c| {
        restructure::move_org(c, &user, id, &body)
    })
    .await?;
    Ok(versioned(HttpResponse::Ok(), row.version, row.to_dto()))
}

/// Merges an organisation into another: children and members move to `into_id` (members with a
/// dated membership change), the source closes on `effective_on` with a successor link.
#[utoipa::path(
    tag = "organizations",
    params(("id" = OrgId, Path, description = "Organisation id")),
    request_body = MergeOrganization,
    responses(
        (status = 200, description = "Merged (the closed source)", body = Organization),
        problems::NotFound,
        problems::TransfersPending,
    ),
)]
#[post("/organizations/{id}/merge")]
pub async fn merge_organization(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<OrgId>,
    Valid(web::Json(body)): Valid<web::Json<MergeOrganization>>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let row = crate::db::transaction(&state.pool, move |c| {
        restructure::merge(c, &user, id, &body)
    })
    .await?;
    Ok(versioned(HttpResponse::Ok(), row.version, row.to_dto()))
}

/// Dissolves an organisation with no members and no active children.
#[utoipa::path(
    tag = "organizations",
    params(("id" = OrgId, Path, description = "Organisation id")),
    request_body = DissolveOrganization,
    responses(
        (status = 200, description = "Dissolved", body = Organization),
        problems::NotFound,
        problems::OrganizationNotEmpty,
    ),
)]
#[post("/organizations/{id}/dissolve")]
pub async fn dissolve_organization(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<OrgId>,
    Valid(web::Json(body)): Valid<web::Json<DissolveOrganization>>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let row = crate::db::transaction(&state.pool, move |c| {
        restructure::dissolve(c, &user, id, &body)
    })
    .await?;
    Ok(versioned(HttpResponse::Ok(), row.version, row.to_dto()))
}
