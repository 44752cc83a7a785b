//! `POST /badges`, `GET /badges`.

use actix_web::{get, post, web, HttpResponse};
use qldv_api_types::badges::{AwardBadge, Badge};
use qldv_api_types::{OrgId, Page};
use serde::Deserialize;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::models::badge::BadgeRow;
use crate::models::organization::OrganizationRow;
use crate::pagination::{page, PageParams};
use crate::routes::extract::{Valid, Writer};
use crate::routes::problems;
use crate::services;
use crate::state::AppState;

/// Awards a party badge by decision of the provincial level (administrators, or users whose
/// scope is a province or above): 422 `not_eligible` / `below_held` / `discipline_in_force` when
/// the rules refuse it, 409 `already_held` when the member has that milestone.
#[utoipa::path(
    operation_id = "create_badge",
    tag = "badges",
    request_body = AwardBadge,
    responses(
        (status = 201, description = "Awarded", body = Badge),
        problems::NotProvincial,
        problems::NotFound,
        problems::AlreadyHeld,
        problems::NotEligible,
    ),
)]
#[post("/badges")]
pub async fn award_badge(
    state: web::Data<AppState>,
    user: Writer,
    Valid(web::Json(body)): Valid<web::Json<AwardBadge>>,
) -> Result<HttpResponse, AppError> {
    let (row, m) = crate::db::transaction(&state.pool, move |c| {
        services::badges::award(c, &user, &body)
    })
    .await?;
    Ok(
        crate::routes::common::created(format_args!("/members/{}/badges", row.member_id))
            .json(row.to_dto(&m.full_name)),
    )
}

/// Filters of the badge list.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BadgeQuery {
    /// Badges of members in this organisation's subtree.
    pub organization_id: Option<OrgId>,
    /// Awarded on occasions of this year.
    pub year: Option<i32>,
}

/// Badges awarded inside the caller's scope, newest first.
#[utoipa::path(
    tag = "badges",
    params(BadgeQuery, PageParams),
    responses(
        (status = 200, description = "One page of awards", body = Page<Badge>),
        problems::NotFound,
    ),
)]
#[get("/badges")]
pub async fn list_badges(
    state: web::Data<AppState>,
    user: AuthUser,
    query: web::Query<BadgeQuery>,
    params: web::Query<PageParams>,
) -> Result<web::Json<Page<Badge>>, AppError> {
    let limit = params.limit();
    let before = params.after::<i64>()?;
    let query = query.into_inner();
    let rows = crate::db::run(&state.pool, move |c| {
        let path = match query.organization_id {
            Some(o) => Some(OrganizationRow::find(c, &user.scope, o)?.path),
            None => None,
        };
        BadgeRow::list(
            c,
            &user.scope,
            path.as_deref(),
            crate::routes::common::opt_year(query.year)?,
            before,
            limit + 1,
        )
    })
    .await?;
    Ok(web::Json(page(
        rows,
        limit,
        |(b, _)| b.id,
        |(b, name)| b.to_dto(name),
    )))
}
