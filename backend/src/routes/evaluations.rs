//! `GET /evaluations`, `GET /organizations/{id}/evaluations/{year}`,
//! `POST /organizations/{id}/evaluations/{year}/close` and `/reopen`.

use actix_web::{get, post, web};
use qldv_api_types::evaluations::{EvaluationList, EvaluationListItem, EvaluationRound};
use qldv_api_types::{MemberId, OrgId};
use serde::Deserialize;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::models::evaluation::{EvaluationRow, ListRow};
use crate::models::organization::OrganizationRow;
use crate::pagination::{page, PageParams};
use crate::routes::extract::{Admin, Writer};
use crate::routes::problems;
use crate::services;
use crate::state::AppState;

/// Registers the handlers.
pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(list_evaluations)
        .service(get_round)
        .service(close_round)
        .service(reopen_round);
}

/// Filters of the evaluation list.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EvaluationQuery {
    /// The organisation whose subtree is listed.
    pub organization_id: OrgId,
    /// The year.
    pub year: i32,
}

/// The members of a subtree to be rated for a year — its membership of that year, as the summary
/// counts it: a member who has left or moved away since is listed with the organisation they
/// were in, one who arrived since is not — each with its rating (`null` while not yet
/// rated), and the summary of the whole subtree: counts per level, not yet rated, coverage
/// (rated over due: not-rated members are neither, and the membership is that year's, not
/// today's) and the live quota of rule 16 (its percent and base are dated settings). For a grassroots organisation, its round (open or closed).
#[utoipa::path(
    tag = "evaluations",
    params(EvaluationQuery, PageParams),
    responses(
        (status = 200, description = "One page of members with the subtree's summary", body = EvaluationList),
        problems::NotFound,
    ),
)]
#[get("/evaluations")]
pub async fn list_evaluations(
    state: web::Data<AppState>,
    user: AuthUser,
    query: web::Query<EvaluationQuery>,
    params: web::Query<PageParams>,
) -> Result<web::Json<EvaluationList>, AppError> {
    let limit = params.limit();
    let after = params.after::<(String, MemberId)>()?;
    let (org_id, year) = (
        query.organization_id,
        crate::routes::common::year(query.year)?,
    );
    let today = state.today();
    let (rows, summary, round, (residence, inputs)) = crate::db::run(&state.pool, move |c| {
        let org = OrganizationRow::find(c, &user.scope, org_id)?;
        let rows = services::evaluations::members_due(c, &org, year, today, after, limit + 1)?;
        let summary = services::evaluations::summary(c, &org, year, today)?;
        let round = services::evaluations::round(c, &user.scope, &org, year, summary)?;
        let ids: Vec<MemberId> = rows.iter().map(|r: &ListRow| r.0).collect();
        let residence = services::liaisons::comments_of(c, &ids, year)?;
        let inputs = services::evaluation_inputs::of_members(c, &ids, year)?;
        Ok((rows, summary, round, (residence, inputs)))
    })
    .await?;
    let p = page(
        rows,
        limit,
        |r: &ListRow| (r.3.clone(), r.0),
        |r: &ListRow| {
            let (state, comment) = residence.get(&r.0).cloned().unzip();
            let year = inputs.get(&r.0).cloned().unwrap_or_default();
            EvaluationListItem {
                member_id: r.0,
                full_name: r.1.clone(),
                organization_id: r.2,
                evaluation: r.4.as_ref().map(EvaluationRow::to_dto),
                residence_comment_state: state,
                residence_comment: comment.flatten(),
                attendance: year.attendance,
                duty_shares: year.shares,
                highest_level: year.highest_level,
            }
        },
    );
    Ok(web::Json(EvaluationList {
        items: p.items,
        next_cursor: p.next_cursor,
        summary,
        round,
    }))
}

/// A grassroots organisation's round for a year: open with the live summary, or closed with the
/// summary frozen at closing.
#[utoipa::path(
    operation_id = "get_evaluation_round",
    tag = "evaluations",
    params(
        ("id" = OrgId, Path, description = "Grassroots organisation id"),
        ("year" = i32, Path, description = "Year"),
    ),
    responses(
        (status = 200, description = "The round", body = EvaluationRound),
        problems::NotFound,
        problems::NotGrassroots,
    ),
)]
#[get("/organizations/{id}/evaluations/{year}")]
pub async fn get_round(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<(OrgId, i32)>,
) -> Result<web::Json<EvaluationRound>, AppError> {
    let (id, year) = path.into_inner();
    let year = crate::routes::common::year(year)?;
    let today = state.today();
    let round = crate::db::run(&state.pool, move |c| {
        let org = OrganizationRow::find(c, &user.scope, id)?;
        let summary = services::evaluations::summary(c, &org, year, today)?;
        services::evaluations::round(c, &user.scope, &org, year, summary)?
            .ok_or_else(crate::messages::organizations::rounds_at_grassroots)
    })
    .await?;
    Ok(web::Json(round))
}

/// Closes a grassroots organisation's round for a year (rule 16): refused with 422
/// `quota_exceeded` when excellent ratings exceed 20 % (a dated setting) of the base ("good", or
/// "good or better": a dated setting of the evaluation regulation); once
/// closed the year's ratings are read-only and the summary is frozen.
#[utoipa::path(
    operation_id = "close_evaluation_round",
    tag = "evaluations",
    params(
        ("id" = OrgId, Path, description = "Grassroots organisation id"),
        ("year" = i32, Path, description = "Year"),
    ),
    responses(
        (status = 200, description = "Closed", body = EvaluationRound),
        problems::ReadOnlyRole,
        problems::NotFound,
        problems::RoundAlreadyClosed,
        problems::QuotaExceeded,
    ),
)]
#[post("/organizations/{id}/evaluations/{year}/close")]
pub async fn close_round(
    state: web::Data<AppState>,
    user: Writer,
    path: web::Path<(OrgId, i32)>,
) -> Result<web::Json<EvaluationRound>, AppError> {
    let (id, year) = path.into_inner();
    let year = crate::routes::common::year(year)?;
    let today = state.today();
    let round = crate::db::transaction(&state.pool, move |c| {
        services::evaluations::close(c, &user, id, year, today)
    })
    .await?;
    Ok(web::Json(round))
}

/// Reopens a closed round to correct a mistake (administrators only; audited).
#[utoipa::path(
    operation_id = "reopen_evaluation_round",
    tag = "evaluations",
    params(
        ("id" = OrgId, Path, description = "Grassroots organisation id"),
        ("year" = i32, Path, description = "Year"),
    ),
    responses(
        (status = 200, description = "Open again", body = EvaluationRound),
        problems::NotAdmin,
        problems::NotFound,
        problems::RoundNotClosed,
    ),
)]
#[post("/organizations/{id}/evaluations/{year}/reopen")]
pub async fn reopen_round(
    state: web::Data<AppState>,
    user: Admin,
    path: web::Path<(OrgId, i32)>,
) -> Result<web::Json<EvaluationRound>, AppError> {
    let (id, year) = path.into_inner();
    let year = crate::routes::common::year(year)?;
    let today = state.today();
    let round = crate::db::transaction(&state.pool, move |c| {
        services::evaluations::reopen(c, &user, id, year, today)
    })
    .await?;
    Ok(web::Json(round))
}
