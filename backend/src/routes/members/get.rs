//! `GET /members/{id}`.

use actix_web::{get, web, HttpResponse};
use qldv_api_types::members::Member;
use qldv_api_types::MemberId;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::models::member::MemberRow;
use crate::routes::etag;
use crate::routes::problems;
use crate::state::AppState;

/// One member record inside the caller's scope, with its derived state and missing fields.
#[utoipa::path(
    tag = "members",
    params(("id" = MemberId, Path, description = "Member id")),
    responses(
        (status = 200, description = "The record", body = Member, headers(("ETag" = String, description = "Current version"))),
        problems::NotFound,
    ),
    security(("bearer" = []))
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
    Ok(HttpResponse::Ok()
        .insert_header(etag(row.version))
        .json(row.to_dto(state.today(), privacy)))
}
