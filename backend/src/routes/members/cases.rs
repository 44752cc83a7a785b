//! `/members/{id}/cases`: inspections, complaints, denunciations and discipline reviews (rules 9
//! and 11).

use actix_web::{get, post, web, HttpResponse};
use qldv_api_types::cases::{CreateCase, MemberCase, SettleCase};
use qldv_api_types::{CaseId, MemberId, Page};

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::models::member::MemberRow;
use crate::models::member_case::CaseRow;
use crate::pagination::{page_of_rows, PageParams};
use crate::routes::extract::{Valid, Writer};
use crate::routes::problems;
use crate::services;
use crate::state::AppState;

/// Records that an inspection, complaint, denunciation or discipline review of the member began.
///
/// While it is open (until its settlement is recorded) the member gets no official transfer
/// (rule 9: 422 `official_transfer_blocked`); a temporary transfer is allowed. A complaint naming
/// a `discipline_id` holds that discipline in force until its ruling (rule 11). An inspection,
/// denunciation or discipline review open on an occasion is a discipline under consideration
/// (rule 20).
#[utoipa::path(
    operation_id = "create_member_case",
    tag = "members",
    params(("id" = MemberId, Path, description = "Member id")),
    request_body = CreateCase,
    responses(
        (status = 201, description = "Recorded", body = MemberCase),
        problems::NotFound,
    ),
)]
#[post("/members/{id}/cases")]
pub async fn create_case(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<MemberId>,
    Valid(web::Json(body)): Valid<web::Json<CreateCase>>,
) -> Result<HttpResponse, AppError> {
    let privacy = user.privacy();
    let id = id.into_inner();
    let (row, _) = crate::db::transaction(&state.pool, move |c| {
        services::cases::open(c, &user, id, &body)
    })
    .await?;
    Ok(
        crate::routes::common::created(format_args!("/members/{}/cases", row.member_id))
            .json(row.to_dto(state.today(), privacy)),
    )
}

/// A member's inspections, complaints, denunciations and discipline reviews, oldest first, each
/// with whether it is open today.
#[utoipa::path(
    operation_id = "list_member_cases",
    tag = "members",
    params(("id" = MemberId, Path, description = "Member id"), PageParams),
    responses(
        (status = 200, description = "One page of the cases, oldest first", body = Page<MemberCase>),
        problems::NotFound,
    ),
)]
#[get("/members/{id}/cases")]
pub async fn list_cases(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<MemberId>,
    params: web::Query<PageParams>,
) -> Result<web::Json<Page<MemberCase>>, AppError> {
    let privacy = user.privacy();
    let id = id.into_inner();
    let rows = crate::db::run(&state.pool, move |c| {
        let m = MemberRow::find(c, &user.scope, id)?;
        CaseRow::of_member(c, m.id)
    })
    .await?;
    let today = state.today();
    // The query's order: opening date, then id.
    let page = page_of_rows(
        rows,
        &params,
        |r| (r.opened_on, r.id),
        |r| r.to_dto(today, privacy),
    )?;
    Ok(web::Json(page))
}

/// Records the settlement of an open case: an inspection's conclusion, or the ruling on a
/// complaint or denunciation.
///
/// A complaint against a discipline is settled by its `ruling` (rule 11, 69-QĐ/TW art. 2):
/// `upheld` (12 months again from the ruling's `announced_on`), `reduced` with `reduced_to` a
/// lighter form (the same), or `annulled` (the discipline ends on `announced_on`). Any other case
/// takes no ruling. Once settled, the case no longer blocks an official transfer. Settling twice
/// is 409 `case_settled`.
#[utoipa::path(
    operation_id = "settle_member_case",
    tag = "members",
    params(
        ("id" = MemberId, Path, description = "Member id"),
        ("case_id" = CaseId, Path, description = "Case id"),
    ),
    request_body = SettleCase,
    responses(
        (status = 200, description = "Settled", body = MemberCase),
        problems::NotFound,
        problems::CaseSettled,
    ),
)]
#[post("/members/{id}/cases/{case_id}/settle")]
pub async fn settle_case(
    state: web::Data<AppState>,
    user: Writer,
    path: web::Path<(MemberId, CaseId)>,
    Valid(web::Json(body)): Valid<web::Json<SettleCase>>,
) -> Result<web::Json<MemberCase>, AppError> {
    let privacy = user.privacy();
    let (id, case_id) = path.into_inner();
    let (row, _) = crate::db::transaction(&state.pool, move |c| {
        services::cases::settle(c, &user, id, case_id, &body)
    })
    .await?;
    Ok(web::Json(row.to_dto(state.today(), privacy)))
}
