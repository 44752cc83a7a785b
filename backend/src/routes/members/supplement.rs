//! `PUT /members/{id}/supplements/{year}`.

use actix_web::{put, web, HttpResponse};
use qldv_api_types::members::{Supplement, SupplementRequest};
use qldv_api_types::MemberId;

use crate::error::AppError;
use crate::routes::etag;
use crate::routes::extract::{IfMatch, Valid, Writer};
use crate::routes::problems;
use crate::services;
use crate::state::AppState;

/// Records the annual supplement of a year (replacing an earlier one for that year) and applies
/// the dossier changes it reports. The response carries the record with its `missing_fields`.
#[utoipa::path(
    operation_id = "put_member_supplement",
    tag = "members",
    params(
        ("id" = MemberId, Path, description = "Member id"),
        ("year" = i32, Path, description = "The year the supplement is for"),
        IfMatch,
    ),
    request_body = SupplementRequest,
    responses(
        (status = 200, description = "Recorded", body = Supplement),
        problems::NotFound,
        problems::Stale,
        problems::IdentifierChecksExhausted,
    ),
)]
#[put("/members/{id}/supplements/{year}")]
pub async fn file_supplement(
    state: web::Data<AppState>,
    user: Writer,
    IfMatch(expected): IfMatch,
    path: web::Path<(MemberId, i32)>,
    Valid(web::Json(body)): Valid<web::Json<SupplementRequest>>,
) -> Result<HttpResponse, AppError> {
    let privacy = user.privacy();
    let (id, year) = path.into_inner();
    let year = crate::routes::common::year(year)?;
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
