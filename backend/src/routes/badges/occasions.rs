//! `POST /badges/occasions`, `GET /badges/occasions`.

use actix_web::{get, post, web, HttpResponse};
use qldv_api_types::badges::{BadgeOccasion, RecordOccasion};
use qldv_api_types::{OrgId, Page};
use serde::Deserialize;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::pagination::{page_of_list, PageParams};
use crate::routes::extract::{Valid, Writer};
use crate::routes::problems;
use crate::services;
use crate::state::AppState;

/// Records a special award occasion decided by the provincial standing committee (rule 18),
/// valid for the members of the organisation's subtree: the provincial level only (403), not
/// one of the four anniversaries (422 `not_an_occasion`), once per organisation and day (409).
#[utoipa::path(
    operation_id = "create_badge_occasion",
    tag = "badges",
    request_body = RecordOccasion,
    responses(
        (status = 201, description = "Recorded", body = BadgeOccasion),
        problems::NotProvincial,
        problems::NotFound,
        problems::RecordedAlready,
        problems::NotAnOccasion,
    ),
)]
#[post("/badges/occasions")]
pub async fn record_occasion(
    state: web::Data<AppState>,
    user: Writer,
    Valid(web::Json(body)): Valid<web::Json<RecordOccasion>>,
) -> Result<HttpResponse, AppError> {
    let row = crate::db::transaction(&state.pool, move |c| {
        services::badge_occasions::record(c, &user, &body)
    })
    .await?;
    Ok(crate::routes::common::created("/badges/occasions").json(row.to_dto()))
}

/// Filters of the occasion list.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OccasionQuery {
    /// The organisation whose occasions are listed (default: the caller's scope).
    pub organization_id: Option<OrgId>,
    /// The year.
    pub year: i32,
}

/// The award occasions of a year where the organisation is: the four anniversaries and the
/// special occasions recorded for it or above it, by date.
#[utoipa::path(
    operation_id = "list_badge_occasions",
    tag = "badges",
    params(OccasionQuery, PageParams),
    responses(
        (status = 200, description = "One page of the occasions", body = Page<BadgeOccasion>),
        problems::NotFound,
    ),
)]
#[get("/badges/occasions")]
pub async fn list_occasions(
    state: web::Data<AppState>,
    user: AuthUser,
    query: web::Query<OccasionQuery>,
    params: web::Query<PageParams>,
) -> Result<web::Json<Page<BadgeOccasion>>, AppError> {
    let q = query.into_inner();
    let list = crate::db::run(&state.pool, move |c| {
        let year = crate::routes::common::year(q.year)?;
        services::badge_occasions::of_year(c, &user.scope, q.organization_id, year)
    })
    .await?;
    let page = page_of_list(list, &params, |o| {
        (o.occasion_on, o.organization_id.map_or(0, |id| id.0))
    })?;
    Ok(web::Json(page))
}
