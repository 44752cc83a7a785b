//! `POST /members/{id}/illnesses`, `GET /members/{id}/illnesses`.

use actix_web::{get, post, web, HttpResponse};
use qldv_api_types::movements::{Illness, IllnessRequest};
use qldv_api_types::{MemberId, Page};

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::models::illness::IllnessRow;
use crate::models::member::MemberRow;
use crate::pagination::{page_of_rows, PageParams};
use crate::routes::extract::{Valid, Writer};
use crate::routes::problems;
use crate::services;
use crate::state::AppState;

/// Records an illness: 3 months or more in a year caps that year's rating at `complete`
/// (rule 15); a serious illness allows a party badge up to 12 or 24 months early (rule 19).
#[utoipa::path(
    operation_id = "create_member_illness",
    tag = "members",
    params(("id" = MemberId, Path, description = "Member id")),
    request_body = IllnessRequest,
    responses(
        (status = 201, description = "Recorded", body = Illness),
        problems::NotFound,
        problems::DatesOutOfOrder,
    ),
)]
#[post("/members/{id}/illnesses")]
pub async fn add_illness(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<MemberId>,
    Valid(web::Json(body)): Valid<web::Json<IllnessRequest>>,
) -> Result<HttpResponse, AppError> {
    let privacy = user.privacy();
    let id = id.into_inner();
    let row = crate::db::transaction(&state.pool, move |c| {
        services::illnesses::record(c, &user, id, &body)
    })
    .await?;
    Ok(
        crate::routes::common::created(format_args!("/members/{}/illnesses", id.0))
            .json(row.to_dto(privacy)),
    )
}

/// A member's recorded illnesses, oldest first.
#[utoipa::path(
    operation_id = "list_member_illnesses",
    tag = "members",
    params(("id" = MemberId, Path, description = "Member id"), PageParams),
    responses(
        (status = 200, description = "One page of the illnesses, oldest first", body = Page<Illness>),
        problems::NotFound,
    ),
)]
#[get("/members/{id}/illnesses")]
pub async fn list_illnesses(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<MemberId>,
    params: web::Query<PageParams>,
) -> Result<web::Json<Page<Illness>>, AppError> {
    let privacy = user.privacy();
    let id = id.into_inner();
    let rows = crate::db::run(&state.pool, move |c| {
        let m = MemberRow::find(c, &user.scope, id)?;
        IllnessRow::of_member(c, m.id)
    })
    .await?;
    // The query's order: start, then id.
    let page = page_of_rows(rows, &params, |r| (r.from_on, r.id), |r| r.to_dto(privacy))?;
    Ok(web::Json(page))
}
