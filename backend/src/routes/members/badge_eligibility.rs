//! `GET /members/{id}/badge-eligibility`.

use actix_web::{get, web};
use chrono::NaiveDate;
use qldv_api_types::badges::BadgeEligibility;
use qldv_api_types::MemberId;
use serde::Deserialize;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::routes::problems;
use crate::services;
use crate::state::AppState;

/// The occasion judged.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OccasionQuery {
    /// The award occasion (3 Feb, 19 May, 2 Sep, 7 Nov, or a special occasion recorded where the
    /// member is); the next one from today when absent.
    pub occasion_on: Option<NaiveDate>,
}

/// One member's party-badge eligibility on an occasion (rules 18–20): the milestone that may
/// be awarded, or why not (`refusal_code`, `refusal`), with the party age on the occasion and
/// the next milestone. 422 `not_an_occasion` when the day is no occasion for the member.
#[utoipa::path(
    operation_id = "get_member_badge_eligibility",
    tag = "badges",
    params(("id" = MemberId, Path, description = "Member id"), OccasionQuery),
    responses(
        (status = 200, description = "The eligibility", body = BadgeEligibility),
        problems::NotFound,
        problems::NotAnOccasion,
    ),
)]
#[get("/members/{id}/badge-eligibility")]
pub async fn member_badge_eligibility(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<MemberId>,
    query: web::Query<OccasionQuery>,
) -> Result<web::Json<BadgeEligibility>, AppError> {
    let today = state.today();
    let (id, occasion) = (id.into_inner(), query.into_inner().occasion_on);
    let out = crate::db::run(&state.pool, move |c| {
        services::badge_eligibility::of_member(c, &user.scope, id, occasion, today)
    })
    .await?;
    Ok(web::Json(out))
}
