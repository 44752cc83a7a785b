//! `GET` and `PUT /organizations/{id}/admission-targets/{year}`: an organisation's yearly
//! admission target from its congress resolution, with its progress (issue 22).

use actix_web::{get, put, web, HttpResponse};
use qldv_api_types::targets::{AdmissionTarget, PutAdmissionTarget};
use qldv_api_types::OrgId;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::routes::common::{etag, year};
use crate::routes::extract::{IfMatch, Valid, Writer};
use crate::routes::problems;
use crate::state::AppState;

/// The answer: the view, with its `ETag` once a target is recorded.
fn answer((view, version): (AdmissionTarget, Option<i64>)) -> HttpResponse {
    let mut response = HttpResponse::Ok();
    if let Some(v) = version {
        response.insert_header(etag(v));
    }
    response.json(view)
}

/// An organisation's admission target for a year and its progress (inside the caller's
/// scope): its own target and congress resolution (none until recorded), the admissions and
/// re-admissions of the year so far in its subtree (the Admissions report's count) and their
/// share of the target, and each organisation directly under it with its own target and
/// progress, summed.
#[utoipa::path(
    tag = "organizations",
    params(
        ("id" = OrgId, Path, description = "Organisation id"),
        ("year" = i32, Path, description = "The year (1930–2100)", example = 2026),
    ),
    responses(
        (status = 200, description = "The target and its progress; `ETag` once recorded", body = AdmissionTarget,
         headers(("ETag" = String, description = "Current version of the target, once recorded"))),
        problems::NotFound,
    ),
)]
#[get("/organizations/{id}/admission-targets/{year}")]
pub async fn get_admission_target(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<(OrgId, i32)>,
) -> Result<HttpResponse, AppError> {
    let (id, y) = path.into_inner();
    let y = year(y)?;
    let found = crate::db::run(&state.pool, move |c| {
        crate::services::targets::view(c, &user.scope, id, y)
    })
    .await?;
    Ok(answer(found))
}

/// Records an organisation's admission target for a year from its congress resolution (its
/// own board, or a board above it: an organizer or administrator whose scope holds it), or
/// replaces it: send `If-Match` with the `ETag` of the last read to replace a recorded target
/// (412 if someone changed it meanwhile). Audited with the target before and after.
#[utoipa::path(
    tag = "organizations",
    params(
        ("id" = OrgId, Path, description = "Organisation id"),
        ("year" = i32, Path, description = "The year (1930–2100)", example = 2026),
        IfMatch,
    ),
    request_body = PutAdmissionTarget,
    responses(
        (status = 200, description = "The target as recorded, with its progress", body = AdmissionTarget,
         headers(("ETag" = String, description = "New version of the target"))),
        problems::ReadOnlyRole,
        problems::NotFound,
        problems::Stale,
        problems::TargetRefused,
    ),
)]
#[put("/organizations/{id}/admission-targets/{year}")]
pub async fn put_admission_target(
    state: web::Data<AppState>,
    user: Writer,
    IfMatch(expected): IfMatch,
    path: web::Path<(OrgId, i32)>,
    Valid(web::Json(body)): Valid<web::Json<PutAdmissionTarget>>,
) -> Result<HttpResponse, AppError> {
    let (id, y) = path.into_inner();
    let y = year(y)?;
    let today = state.today();
    let saved = crate::db::transaction(&state.pool, move |c| {
        crate::services::targets::put(c, &user, (id, y), expected, &body, today)
    })
    .await?;
    Ok(answer(saved))
}
