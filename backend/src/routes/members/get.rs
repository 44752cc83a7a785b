//! `GET /members/{id}`.

use actix_web::{get, web, HttpResponse};
use qldv_api_types::members::Member;
use qldv_api_types::MemberId;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::models::member::MemberRow;
use crate::routes::problems;
use crate::routes::versioned;
use crate::state::AppState;

/// One member record inside the caller's scope, with its derived state and missing fields.
#[utoipa::path(
    tag = "members",
    params(("id" = MemberId, Path, description = "Member id")),
    responses(
        (status = 200, description = "The record", body = Member, headers(("ETag" = String, description = "Current version"))),
        problems::NotFound,
    ),
)]
#[get("/members/{id}")]
pub async fn get_member(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<MemberId>,
) -> Result<HttpResponse, AppError> {
    let privacy = user.privacy();
    let id = id.into_inner();
    let row = crate::db::run(&state.pool, move |c| MemberRow::find(c, &user.scope, id)).await?;
    Ok(versioned(
        HttpResponse::Ok(),
        row.version,
        row.to_dto(state.today(), privacy),
    ))
}
