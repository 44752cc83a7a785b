//! `GET /organizations?parent_id=`.

use actix_web::{get, web};
use qldv_api_types::organizations::Organization;
use qldv_api_types::{OrgId, Page};
use serde::Deserialize;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::models::organization::OrganizationRow;
use crate::pagination::{page, PageParams};
use crate::state::AppState;

/// Filter of the children list.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ChildrenFilter {
    /// The parent; when absent, the caller's top organisations (the scope root, or the roots for a
    /// national administrator).
    pub parent_id: Option<OrgId>,
}

/// The children of an organisation, by name.
#[utoipa::path(
    tag = "organizations",
    params(ChildrenFilter, PageParams),
    responses((status = 200, description = "One page of organisations", body = Page<Organization>)),
)]
#[get("/organizations")]
pub async fn list_organizations(
    state: web::Data<AppState>,
    user: AuthUser,
    filter: web::Query<ChildrenFilter>,
    params: web::Query<PageParams>,
) -> Result<web::Json<Page<Organization>>, AppError> {
    let limit = params.limit();
    let after = params.after::<(String, OrgId)>()?;
    let parent = filter.parent_id;
    let rows = crate::db::run(&state.pool, move |c| {
        if let Some(p) = parent {
            // 404 for a parent outside the scope, rather than an empty list.
            OrganizationRow::find(c, &user.scope, p)?;
        }
        OrganizationRow::children(c, &user.scope, parent, after, limit + 1)
    })
    .await?;
    Ok(web::Json(page(
        rows,
        limit,
        |r| (r.name.clone(), r.id),
        OrganizationRow::to_dto,
    )))
}
