//! `POST /members/{id}/disciplines/{discipline_id}/remedy`.

use actix_web::{post, web, HttpResponse};
use qldv_api_types::badges::{DisciplineRemedy, RecordRemedy};
use qldv_api_types::{DisciplineId, MemberId};

use crate::error::AppError;
use crate::routes::extract::{Valid, Writer};
use crate::routes::problems;
use crate::services;
use crate::state::AppState;

/// Records the cell's recognition that the member remedied the fault of a discipline (rule 20:
/// after the waiting time a badge needs it). Once per decision (409 `already_exists`), on or
/// after the decision (422 `date_order`).
#[utoipa::path(
    operation_id = "create_discipline_remedy",
    tag = "members",
    params(("id" = MemberId, Path, description = "Member id"), ("discipline_id" = DisciplineId, Path, description = "Discipline id")),
    request_body = RecordRemedy,
    responses(
        (status = 201, description = "Recorded", body = DisciplineRemedy),
        problems::NotFound,
        problems::RecordedAlready,
        problems::DatesOutOfOrder,
    ),
)]
#[post("/members/{id}/disciplines/{discipline_id}/remedy")]
pub async fn record_remedy(
    state: web::Data<AppState>,
    user: Writer,
    path: web::Path<(MemberId, DisciplineId)>,
    Valid(web::Json(body)): Valid<web::Json<RecordRemedy>>,
) -> Result<HttpResponse, AppError> {
    let (id, did) = path.into_inner();
    let (row, m) = crate::db::transaction(&state.pool, move |c| {
        services::discipline_remedies::record(c, &user, id, did, &body)
    })
    .await?;
    Ok(
        crate::routes::common::created(format_args!("/members/{}/disciplines", m.id))
            .json(row.to_dto(m.id)),
    )
}
