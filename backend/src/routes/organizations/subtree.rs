//! `GET /organizations/{id}/subtree`.

use actix_web::{get, web};
use qldv_api_types::organizations::Organization;
use qldv_api_types::{OrgId, Page};
use serde::Deserialize;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::models::organization::OrganizationRow;
use crate::pagination::{page, PageParams};
use crate::routes::problems;
use crate::state::AppState;

/// Options of the subtree listing.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SubtreeOptions {
    /// Levels below the organisation to include (all when absent).
    #[param(minimum = 0)]
    #[serde(default, deserialize_with = "crate::pagination::non_negative")]
    pub max_depth: Option<i32>,
}

/// An organisation and everything below it, depth first (parents before their children).
#[utoipa::path(
    operation_id = "get_organization_subtree",
    tag = "organizations",
    params(("id" = OrgId, Path, description = "Organisation id"), SubtreeOptions, PageParams),
    responses(
        (status = 200, description = "One page of the subtree", body = Page<Organization>),
        problems::NotFound,
    ),
)]
#[get("/organizations/{id}/subtree")]
pub async fn organization_subtree(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<OrgId>,
    options: web::Query<SubtreeOptions>,
    params: web::Query<PageParams>,
) -> Result<web::Json<Page<Organization>>, AppError> {
    let id = id.into_inner();
    let limit = params.limit();
    let after = params.after::<String>()?;
    let max_depth = options.max_depth.map(|d| d.max(0));
    let rows = crate::db::run(&state.pool, move |c| {
        let root = OrganizationRow::find(c, &user.scope, id)?;
        OrganizationRow::subtree(c, &root, after, max_depth, limit + 1)
    })
    .await?;
    Ok(web::Json(page(
        rows,
        limit,
        |r| r.path.clone(),
        OrganizationRow::to_dto,
    )))
}
