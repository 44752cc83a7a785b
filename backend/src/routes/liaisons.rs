//! The residence liaison of 213-QĐ/TW (rule 39): `/members/{id}/liaisons`, `/liaisons/{id}`,
//! and the two organisation views, the residence side's `liaison-members` and the working
//! side's `liaison-comments`. Thin handlers: the rules are `domain::cell_year::liaison`, the
//! work `services::liaisons`.

use actix_web::{get, post, put, web, HttpResponse};
use chrono::Datelike;
use qldv_api_types::liaisons::{
    EndLiaison, IntroduceLiaison, Liaison, LiaisonComment, LiaisonCommentStatus, LiaisonView,
    WriteLiaisonComment,
};
use qldv_api_types::{LiaisonId, MemberId, OrgId, Page};
use serde::Deserialize;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::AuthUser;
use crate::domain::vn_text::sort_key;
use crate::error::AppError;
use crate::pagination::{page_of_list, PageParams};
use crate::routes::common::{created, year};
use crate::routes::extract::{Valid, Writer};
use crate::routes::problems;
use crate::services::liaisons as service;
use crate::state::AppState;

/// Registers the handlers.
pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(create_member_liaison)
        .service(list_member_liaisons)
        .service(get_liaison)
        .service(end_liaison)
        .service(list_liaison_members)
        .service(put_liaison_comment)
        .service(list_liaison_comments);
}

/// The year asked.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct YearQuery {
    /// The year (1930–2100).
    pub year: i32,
}

/// Introduces a member working at an agency to the party organisation where they live
/// (213-QĐ/TW): the member's cell's secretary or a board whose scope holds the member. The
/// residence organisation may be in any province; it must be an open cell or grassroots
/// organisation, and that is all the caller learns of it. One running liaison per member.
/// Audited.
#[utoipa::path(
    tag = "liaisons",
    params(("id" = MemberId, Path, description = "Member id")),
    request_body = IntroduceLiaison,
    responses(
        (status = 201, description = "Introduced", body = Liaison),
        problems::ReadOnlyRole,
        problems::NotFound,
        problems::LiaisonOpen,
        problems::LiaisonRefused,
    ),
)]
#[post("/members/{id}/liaisons")]
pub async fn create_member_liaison(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<MemberId>,
    Valid(web::Json(body)): Valid<web::Json<IntroduceLiaison>>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let today = state.today();
    let liaison = crate::db::transaction(&state.pool, move |c| {
        service::introduce(c, &user, id, &body, today)
    })
    .await?;
    Ok(created(format_args!("/liaisons/{}", liaison.id.0)).json(liaison))
}

/// A member's residence liaisons, newest first (the member inside the caller's scope).
#[utoipa::path(
    tag = "liaisons",
    params(("id" = MemberId, Path, description = "Member id"), PageParams),
    responses(
        (status = 200, description = "One page of the liaisons, newest first", body = Page<Liaison>),
        problems::NotFound,
    ),
)]
#[get("/members/{id}/liaisons")]
pub async fn list_member_liaisons(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<MemberId>,
    params: web::Query<PageParams>,
) -> Result<web::Json<Page<Liaison>>, AppError> {
    let id = id.into_inner();
    let rows = crate::db::run(&state.pool, move |c| service::of_member(c, &user.scope, id)).await?;
    let newest_first = |l: &Liaison| (-l.introduced_on.num_days_from_ce(), -l.id.0);
    Ok(web::Json(page_of_list(rows, &params, newest_first)?))
}

/// A liaison as the working side reads it: the residence organisation, mode, dates and the
/// residence cell's yearly comments. Reached through the member (inside the caller's scope);
/// the residence side gets 404 and reads the liaison view instead.
#[utoipa::path(
    tag = "liaisons",
    params(("id" = LiaisonId, Path, description = "Liaison id")),
    responses(
        (status = 200, description = "The liaison", body = Liaison),
        problems::NotFound,
    ),
)]
#[get("/liaisons/{id}")]
pub async fn get_liaison(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<LiaisonId>,
) -> Result<web::Json<Liaison>, AppError> {
    let id = id.into_inner();
    let dto = crate::db::run(&state.pool, move |c| {
        service::working_view(c, &user.scope, id)
    })
    .await?;
    Ok(web::Json(dto))
}

/// Ends a residence liaison (the member moved house, retired or left the agency): the working
/// side only (the member inside the caller's scope). Audited.
#[utoipa::path(
    tag = "liaisons",
    params(("id" = LiaisonId, Path, description = "Liaison id")),
    request_body = EndLiaison,
    responses(
        (status = 200, description = "Ended", body = Liaison),
        problems::ReadOnlyRole,
        problems::NotFound,
        problems::LiaisonEnded,
        problems::LiaisonEndRefused,
    ),
)]
#[post("/liaisons/{id}/end")]
pub async fn end_liaison(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<LiaisonId>,
    web::Json(body): web::Json<EndLiaison>,
) -> Result<web::Json<Liaison>, AppError> {
    let id = id.into_inner();
    let today = state.today();
    let liaison = crate::db::transaction(&state.pool, move |c| {
        service::end(c, &user, id, &body, today)
    })
    .await?;
    Ok(web::Json(liaison))
}

/// The residence side's view of the members introduced to an organisation (inside the caller's
/// scope) and running today, by name: the liaison, name, address, phone, mode, date and the
/// organisation's own comments, nothing else. The member's dossier stays out of reach: the
/// member is in another organisation's scope, and `GET /members/{id}` answers 404 here.
#[utoipa::path(
    tag = "liaisons",
    params(("id" = OrgId, Path, description = "The residence organisation"), PageParams),
    responses(
        (status = 200, description = "One page of the liaison members, by name", body = Page<LiaisonView>),
        problems::NotFound,
    ),
)]
#[get("/organizations/{id}/liaison-members")]
pub async fn list_liaison_members(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<OrgId>,
    params: web::Query<PageParams>,
) -> Result<web::Json<Page<LiaisonView>>, AppError> {
    let id = id.into_inner();
    let today = state.today();
    let rows = crate::db::run(&state.pool, move |c| service::views(c, &user, id, today)).await?;
    let by_name = |v: &LiaisonView| (sort_key(&v.full_name), v.liaison_id.0);
    Ok(web::Json(page_of_list(rows, &params, by_name)?))
}

/// Writes or replaces the residence organisation's comment on a liaison member for a year: the
/// residence organisation (or a board above it) only; the working side gets 404. A year the
/// liaison ran in, up to the current one. Audited.
#[utoipa::path(
    tag = "liaisons",
    params(
        ("id" = LiaisonId, Path, description = "Liaison id"),
        ("year" = i32, Path, description = "The year commented on", example = 2026),
    ),
    request_body = WriteLiaisonComment,
    responses(
        (status = 200, description = "The comment as written", body = LiaisonComment),
        problems::ReadOnlyRole,
        problems::NotFound,
        problems::CommentRefused,
    ),
)]
#[put("/liaisons/{id}/comments/{year}")]
pub async fn put_liaison_comment(
    state: web::Data<AppState>,
    user: Writer,
    path: web::Path<(LiaisonId, i32)>,
    Valid(web::Json(body)): Valid<web::Json<WriteLiaisonComment>>,
) -> Result<web::Json<LiaisonComment>, AppError> {
    let (id, y) = path.into_inner();
    let y = year(y)?;
    let today = state.today();
    let comment = crate::db::transaction(&state.pool, move |c| {
        service::write_comment(c, &user, (id, y), &body, today)
    })
    .await?;
    Ok(web::Json(comment))
}

/// The working side's list for a year: each residence liaison of the members of an
/// organisation's subtree (inside the caller's scope) that ran that year, with the residence
/// comment's state (not due, missing, written) and its text, by name.
#[utoipa::path(
    tag = "liaisons",
    params(("id" = OrgId, Path, description = "The working organisation"), YearQuery, PageParams),
    responses(
        (status = 200, description = "One page of the comments' states, by name", body = Page<LiaisonCommentStatus>),
        problems::NotFound,
    ),
)]
#[get("/organizations/{id}/liaison-comments")]
pub async fn list_liaison_comments(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<OrgId>,
    query: web::Query<YearQuery>,
    params: web::Query<PageParams>,
) -> Result<web::Json<Page<LiaisonCommentStatus>>, AppError> {
    let id = id.into_inner();
    let y = year(query.year)?;
    let rows = crate::db::run(&state.pool, move |c| {
        service::comment_statuses(c, &user.scope, id, y)
    })
    .await?;
    let by_name = |s: &LiaisonCommentStatus| (sort_key(&s.full_name), s.liaison_id.0);
    Ok(web::Json(page_of_list(rows, &params, by_name)?))
}
