//! `GET /members/{id}/events`.

use actix_web::{get, web};
use qldv_api_types::members::MemberEvent;
use qldv_api_types::MemberId;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::models::member::MemberRow;
use crate::models::member_event;
use crate::routes::problems;
use crate::state::AppState;

/// The member's dated history, oldest first: admission, recognition, corrections, supplements
/// and every later lifecycle change, each with its decision and regulation.
#[utoipa::path(
    operation_id = "list_member_events",
    tag = "members",
    params(("id" = MemberId, Path, description = "Member id")),
    responses(
        (status = 200, description = "Events in date order", body = Vec<MemberEvent>),
        problems::NotFound,
    ),
)]
#[get("/members/{id}/events")]
pub async fn member_events(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<MemberId>,
) -> Result<web::Json<Vec<MemberEvent>>, AppError> {
    let privacy = user.privacy();
    let id = id.into_inner();
    let rows = crate::db::run(&state.pool, move |c| {
        let m = MemberRow::find(c, &user.scope, id)?;
        member_event::of_member(c, m.id)
    })
    .await?;
    Ok(web::Json(rows.iter().map(|r| r.to_dto(privacy)).collect()))
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
    params(("id" = MemberId, Path, description = "Member id"), OnDay),
    responses(
        (status = 200, description = "Membership periods, oldest first", body = Vec<qldv_api_types::members::MembershipPeriod>),
        problems::NotFound,
    ),
)]
#[get("/members/{id}/memberships")]
pub async fn member_memberships(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<MemberId>,
    query: web::Query<OnDay>,
) -> Result<web::Json<Vec<qldv_api_types::members::MembershipPeriod>>, AppError> {
    let id = id.into_inner();
    let on = query.on;
    let rows = crate::db::run(&state.pool, move |c| {
        let m = MemberRow::find(c, &user.scope, id)?;
        member_event::memberships_of(c, m.id, on)
    })
    .await?;
    Ok(web::Json(
        rows.into_iter()
            .map(
                |(org, from, to)| qldv_api_types::members::MembershipPeriod {
                    organization_id: qldv_api_types::OrgId(org),
                    from,
                    to,
                },
            )
            .collect(),
    ))
}
