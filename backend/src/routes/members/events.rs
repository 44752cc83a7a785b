//! `GET /members/{id}/events`.

use actix_web::{get, web};
use qldv_api_types::members::MemberEvent;
use qldv_api_types::{MemberId, Page};

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::models::member::MemberRow;
use crate::models::member_event;
use crate::pagination::{page_of_rows, PageParams};
use crate::routes::problems;
use crate::state::AppState;

/// The member's dated history, oldest first: admission, recognition, corrections, supplements
/// and every later lifecycle change, each with its decision and regulation.
#[utoipa::path(
    operation_id = "list_member_events",
    tag = "members",
    params(("id" = MemberId, Path, description = "Member id"), PageParams),
    responses(
        (status = 200, description = "One page of the events, in date order", body = Page<MemberEvent>),
        problems::NotFound,
    ),
)]
#[get("/members/{id}/events")]
pub async fn member_events(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<MemberId>,
    params: web::Query<PageParams>,
) -> Result<web::Json<Page<MemberEvent>>, AppError> {
    let privacy = user.privacy();
    let id = id.into_inner();
    let rows = crate::db::run(&state.pool, move |c| {
        let m = MemberRow::find(c, &user.scope, id)?;
        member_event::of_member(c, m.id)
    })
    .await?;
    // The query's order: effective date, then id.
    let page = page_of_rows(
        rows,
        &params,
        |r| (r.occurred_on, r.id),
        |r| r.to_dto(privacy),
    )?;
    Ok(web::Json(page))
}

/// The day to look at.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OnDay {
    /// Only the period covering this day ("which cell was this member in on D").
    pub on: Option<chrono::NaiveDate>,
}

/// The cells the member belonged to, with dates (kept through transfers and restructures).
#[utoipa::path(
    operation_id = "list_member_memberships",
    tag = "members",
    params(("id" = MemberId, Path, description = "Member id"), OnDay, PageParams),
    responses(
        (status = 200, description = "One page of the membership periods, oldest first", body = Page<qldv_api_types::members::MembershipPeriod>),
        problems::NotFound,
    ),
)]
#[get("/members/{id}/memberships")]
pub async fn member_memberships(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<MemberId>,
    query: web::Query<OnDay>,
    params: web::Query<PageParams>,
) -> Result<web::Json<Page<qldv_api_types::members::MembershipPeriod>>, AppError> {
    let id = id.into_inner();
    let on = query.on;
    let rows = crate::db::run(&state.pool, move |c| {
        let m = MemberRow::find(c, &user.scope, id)?;
        member_event::memberships_of(c, m.id, on)
    })
    .await?;
    // The query's order: start, then id.
    let page = page_of_rows(
        rows,
        &params,
        |(mid, _, from, _)| (*from, *mid),
        |(_, org, from, to)| qldv_api_types::members::MembershipPeriod {
            organization_id: org,
            from,
            to,
        },
    )?;
    Ok(web::Json(page))
}
