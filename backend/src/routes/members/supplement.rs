//! `PUT /members/{id}/supplements/{year}`.

use actix_web::{put, web, HttpRequest, HttpResponse};
use qldv_api_types::members::{Supplement, SupplementRequest};
use qldv_api_types::MemberId;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::routes::{etag, if_match, valid};
use crate::services;
use crate::state::AppState;

/// Records the annual supplement of a year (replacing an earlier one for that year) and applies
/// the dossier changes it reports. The response carries the record with its `missing_fields`.
#[utoipa::path(
    tag = "members",
    params(
        ("id" = i64, Path, description = "Member id"),
        ("year" = i32, Path, description = "The year the supplement is for"),
        ("If-Match" = Option<String>, Header, description = "ETag of the member from GET"),
    ),
    request_body = SupplementRequest,
    responses(
        (status = 200, description = "Recorded", body = Supplement),
        (status = 404, description = "Not found or outside the caller's scope", body = qldv_api_types::Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed by someone else meanwhile", body = qldv_api_types::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[put("/members/{id}/supplements/{year}")]
pub async fn file_supplement(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    path: web::Path<(i64, i32)>,
    body: web::Json<SupplementRequest>,
) -> Result<HttpResponse, AppError> {
    let privacy = user.privacy();
    user.require_writer()?;
    let expected = if_match(&req)?;
    let body = valid(body.into_inner())?;
    let (id, year) = path.into_inner();
    let year = crate::routes::common::year(year)?;
    let id = MemberId(id);
    let today = state.today();
    let (filed_on, note) = (body.filed_on, body.note.clone());
    let row = services::disclosure::transaction(&state.pool, &user.clone(), move |c| {
        services::members::file_supplement(c, &user, id, year, expected, &body, today)
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(row.version))
        .json(Supplement {
            member_id: id,
            year,
            filed_on,
            note,
            member: row.to_dto(today, privacy),
        }))
}
