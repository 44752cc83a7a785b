//! `GET /members/{id}/party-age`.

use actix_web::{get, web};
use chrono::NaiveDate;
use qldv_api_types::members::PartyAgeDto;
use qldv_api_types::MemberId;
use serde::Deserialize;

use crate::auth::AuthUser;
use crate::domain::party_age;
use crate::error::AppError;
use crate::models::member::MemberRow;
use crate::routes::problems;
use crate::state::AppState;

/// Reference date of the party age.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AsOf {
    /// The date (today in Vietnam when absent).
    pub as_of: Option<NaiveDate>,
}

/// Party age on a date: from the first admission decision, minus interruptions. 422
/// `no_party_age` for a member never recognised official, or a date before the first decision.
#[utoipa::path(
    operation_id = "get_member_party_age",
    tag = "members",
    params(("id" = MemberId, Path, description = "Member id"), AsOf),
    responses(
        (status = 200, description = "The party age", body = PartyAgeDto),
        problems::NotFound,
    ),
)]
#[get("/members/{id}/party-age")]
pub async fn member_party_age(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<MemberId>,
    query: web::Query<AsOf>,
) -> Result<web::Json<PartyAgeDto>, AppError> {
    let id = id.into_inner();
    let as_of = query.as_of.unwrap_or_else(|| state.today());
    let row = crate::db::run(&state.pool, move |c| MemberRow::find(c, &user.scope, id)).await?;
    let age = party_age::party_age(&row.party_age_facts(), as_of)
        .ok_or_else(crate::messages::records::no_party_age)?;
    Ok(web::Json(PartyAgeDto {
        years: age.years,
        months: age.months,
        days: age.days,
        since: age.since,
        interruptions_days: age.interruptions_days,
        as_of,
    }))
}
