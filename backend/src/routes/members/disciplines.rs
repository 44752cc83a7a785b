//! `/members/{id}/disciplines`.

use actix_web::{get, post, web, HttpResponse};
use qldv_api_types::movements::{CreateDiscipline, Discipline, DisciplineHold};
use qldv_api_types::{MemberId, Page};

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::models::discipline::DisciplineRow;
use crate::models::member::MemberRow;
use crate::pagination::{page_of_rows, PageParams};
use crate::routes::extract::{Valid, Writer};
use crate::routes::problems;
use crate::services;
use crate::state::AppState;
use qldv_api_types::DisciplineId;

/// Records a discipline decision.
///
/// Official members: reprimand, warning, dismissal (with the `post` held), expulsion (the member
/// exits). Probationary members: reprimand or warning only. A discipline other than expulsion
/// lapses 12 months after its announcement (`announced_on`, default `decided_on`), or after the
/// announcement of the ruling on a complaint against it; a pending complaint or an undecided
/// re-offence holds it until then (rule 11). While in force it blocks badges; it no longer blocks
/// transfers (rule 9).
#[utoipa::path(
    operation_id = "create_member_discipline",
    tag = "members",
    params(("id" = MemberId, Path, description = "Member id")),
    request_body = CreateDiscipline,
    responses(
        (status = 201, description = "Recorded", body = Discipline),
        problems::NotFound,
        problems::MemberNotActive,
    ),
)]
#[post("/members/{id}/disciplines")]
pub async fn create_discipline(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<MemberId>,
    Valid(web::Json(body)): Valid<web::Json<CreateDiscipline>>,
) -> Result<HttpResponse, AppError> {
    let privacy = user.privacy();
    let id = id.into_inner();
    let (row, _) = crate::db::transaction(&state.pool, move |c| {
        services::movements::discipline(c, &user, id, &body)
    })
    .await?;
    Ok(
        crate::routes::common::created(format_args!("/members/{}/disciplines", row.member_id))
            .json(row.to_dto(state.today(), privacy)),
    )
}

/// A member's disciplines, oldest first, each with whether it is in force today.
#[utoipa::path(
    operation_id = "list_member_disciplines",
    tag = "members",
    params(("id" = MemberId, Path, description = "Member id"), PageParams),
    responses(
        (status = 200, description = "One page of the disciplines, oldest first", body = Page<Discipline>),
        problems::NotFound,
    ),
)]
#[get("/members/{id}/disciplines")]
pub async fn list_disciplines(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<MemberId>,
    params: web::Query<PageParams>,
) -> Result<web::Json<Page<Discipline>>, AppError> {
    let privacy = user.privacy();
    let id = id.into_inner();
    let rows = crate::db::run(&state.pool, move |c| {
        let m = MemberRow::find(c, &user.scope, id)?;
        DisciplineRow::of_member(c, m.id)
    })
    .await?;
    let today = state.today();
    // The query's order: decision date, then id.
    let page = page_of_rows(
        rows,
        &params,
        |r| (r.decided_on, r.id),
        |r| r.to_dto(today, privacy),
    )?;
    Ok(web::Json(page))
}

/// Records a complaint or a re-offence: the discipline stays in force instead of lapsing.
///
/// A complaint is recorded as a complaint case against the discipline (see
/// `POST /members/{id}/cases`): it holds the discipline only until its ruling, recorded with
/// `POST /members/{id}/cases/{case_id}/settle`. A re-offence holds it until the member's next
/// discipline decision is announced (rule 11).
#[utoipa::path(
    tag = "members",
    params(("id" = MemberId, Path, description = "Member id"), ("discipline_id" = DisciplineId, Path, description = "Discipline id")),
    request_body = DisciplineHold,
    responses(
        (status = 200, description = "Recorded", body = Discipline),
        problems::NotFound,
    ),
)]
#[post("/members/{id}/disciplines/{discipline_id}/hold")]
pub async fn hold_discipline(
    state: web::Data<AppState>,
    user: Writer,
    path: web::Path<(MemberId, DisciplineId)>,
    Valid(web::Json(body)): Valid<web::Json<DisciplineHold>>,
) -> Result<web::Json<Discipline>, AppError> {
    let privacy = user.privacy();
    let (id, did) = path.into_inner();
    let row = crate::db::transaction(&state.pool, move |c| {
        services::movements::hold(c, &user, id, did, &body)
    })
    .await?;
    Ok(web::Json(row.to_dto(state.today(), privacy)))
}
