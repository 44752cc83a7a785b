//! Party dues (issue 23; rules 32 and 33): a member's dated basis, reliefs and arrangements,
//! a cell's monthly sheet, a member's year. Thin handlers: the rules are
//! `domain::cell_year::{dues, ledger}`, the writes `services::dues`.

use actix_web::{get, post, put, web, HttpResponse};
use qldv_api_types::dues::{
    DuesArrangement, DuesBasis, DuesReliefRecord, DuesSheet, MemberDues, NewDuesArrangement,
    NewDuesRelief, RecordDuesSheet, SetDuesBasis,
};
use qldv_api_types::month::Month;
use qldv_api_types::{MemberId, OrgId};
use serde::Deserialize;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::routes::common::year;
use crate::routes::extract::{Valid, Writer};
use crate::routes::problems;
use crate::services::dues;
use crate::state::AppState;

/// Registers the handlers.
pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(get_dues_sheet)
        .service(put_dues_sheet)
        .service(get_member_dues)
        .service(put_dues_basis)
        .service(create_dues_relief)
        .service(create_dues_arrangement);
}

/// The month of a dues sheet.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SheetQuery {
    /// The month, `YYYY-MM`.
    pub month: Month,
}

/// The year of a member's dues.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct YearQuery {
    /// The year (1930–2100).
    pub year: i32,
}

/// A cell's dues sheet of a month: every member whose month belongs to the cell (in
/// Vietnamese name order) with the category, the income base (viewers and integrations do not
/// see it), the month's due, paid, deferred, arrears and state, and the arrears of ended months
/// up to it; the sums.
#[utoipa::path(
    tag = "dues",
    params(("id" = OrgId, Path, description = "The cell"), SheetQuery),
    responses(
        (status = 200, description = "The sheet", body = DuesSheet),
        problems::NotFound,
    ),
)]
#[get("/organizations/{id}/dues-sheet")]
pub async fn get_dues_sheet(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<OrgId>,
    q: web::Query<SheetQuery>,
) -> Result<web::Json<DuesSheet>, AppError> {
    let (org, month, today) = (id.into_inner(), q.month, state.today());
    let sheet = crate::db::run(&state.pool, move |c| {
        dues::sheet::view(c, (&user.scope, user.privacy()), org, month, today)
    })
    .await?;
    Ok(web::Json(sheet))
}

/// Records a cell's dues collection of a month in one request and one transaction: a line per
/// member paying (amount, months covered, channel, receipt). Months after the collection's
/// month need a prepayment arrangement. Every refused line is listed at once. The sheet replaces
/// what the same cell's sheet of that month recorded before, so sending it again changes
/// nothing. Answers the sheet as recorded.
#[utoipa::path(
    tag = "dues",
    params(
        ("id" = OrgId, Path, description = "The cell"),
        ("month" = Month, Path, description = "The month, `YYYY-MM`"),
    ),
    request_body = RecordDuesSheet,
    responses(
        (status = 200, description = "The sheet as recorded", body = DuesSheet),
        problems::ReadOnlyRole,
        problems::NotFound,
        problems::DuesSheetRefused,
    ),
)]
#[put("/organizations/{id}/dues-sheet/{month}")]
pub async fn put_dues_sheet(
    state: web::Data<AppState>,
    user: Writer,
    path: web::Path<(OrgId, Month)>,
    Valid(web::Json(body)): Valid<web::Json<RecordDuesSheet>>,
) -> Result<web::Json<DuesSheet>, AppError> {
    let (org, month) = path.into_inner();
    let today = state.today();
    let sheet = crate::db::transaction(&state.pool, move |c| {
        dues::sheet::record(c, &user, (org, month), &body, today)
    })
    .await?;
    Ok(web::Json(sheet))
}

/// A member's dues of a year: the bases in force (income masked for viewers and
/// integrations), the twelve months, the payments and the sums.
#[utoipa::path(
    tag = "dues",
    params(("id" = MemberId, Path, description = "Member id"), YearQuery),
    responses(
        (status = 200, description = "The member's year", body = MemberDues),
        problems::NotFound,
    ),
)]
#[get("/members/{id}/dues")]
pub async fn get_member_dues(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<MemberId>,
    q: web::Query<YearQuery>,
) -> Result<web::Json<MemberDues>, AppError> {
    let (member, y, today) = (id.into_inner(), year(q.year)?, state.today());
    let dto = crate::db::run(&state.pool, move |c| {
        dues::read::member_year(c, (&user.scope, user.privacy()), member, y, today)
    })
    .await?;
    Ok(web::Json(dto))
}

/// Records a member's dated dues basis (rule 32): the category and the income base from a day
/// on (a basis dated mid-month counts from the next month). A basis of the same day is
/// replaced. The member's months are settled again from that month. Audited.
#[utoipa::path(
    tag = "dues",
    params(("id" = MemberId, Path, description = "Member id")),
    request_body = SetDuesBasis,
    responses(
        (status = 200, description = "The basis as recorded", body = DuesBasis),
        problems::ReadOnlyRole,
        problems::NotFound,
        problems::DuesEntryRefused,
    ),
)]
#[put("/members/{id}/dues-basis")]
pub async fn put_dues_basis(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<MemberId>,
    Valid(web::Json(body)): Valid<web::Json<SetDuesBasis>>,
) -> Result<web::Json<DuesBasis>, AppError> {
    let (member, today) = (id.into_inner(), state.today());
    let dto = crate::db::transaction(&state.pool, move |c| {
        dues::entries::put_basis(c, &user, member, &body, today)
    })
    .await?;
    Ok(web::Json(dto))
}

/// Records an exemption or reduction of a member's dues (01-QĐ/TW art. 5): 100 % for the
/// exemptions, 30, 50 or 70 % for a reduction, at most 12 months at a time for hardship. The
/// member's months are settled again from its first month. Audited.
#[utoipa::path(
    tag = "dues",
    params(("id" = MemberId, Path, description = "Member id")),
    request_body = NewDuesRelief,
    responses(
        (status = 201, description = "The relief as recorded", body = DuesReliefRecord),
        problems::ReadOnlyRole,
        problems::NotFound,
        problems::DuesEntryRefused,
    ),
)]
#[post("/members/{id}/dues-reliefs")]
pub async fn create_dues_relief(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<MemberId>,
    Valid(web::Json(body)): Valid<web::Json<NewDuesRelief>>,
) -> Result<HttpResponse, AppError> {
    let (member, today) = (id.into_inner(), state.today());
    let dto = crate::db::transaction(&state.pool, move |c| {
        dues::entries::add_relief(c, &user, member, &body, today)
    })
    .await?;
    Ok(HttpResponse::Created().json(dto))
}

/// Records a deferral (the months covered are deferred, not in arrears) or a prepayment
/// arrangement (payments may cover those months ahead) for a member (01-QĐ/TW art. 5 §2). The
/// member's months are settled again from its first month. Audited.
#[utoipa::path(
    tag = "dues",
    params(("id" = MemberId, Path, description = "Member id")),
    request_body = NewDuesArrangement,
    responses(
        (status = 201, description = "The arrangement as recorded", body = DuesArrangement),
        problems::ReadOnlyRole,
        problems::NotFound,
        problems::DuesEntryRefused,
    ),
)]
#[post("/members/{id}/dues-arrangements")]
pub async fn create_dues_arrangement(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<MemberId>,
    Valid(web::Json(body)): Valid<web::Json<NewDuesArrangement>>,
) -> Result<HttpResponse, AppError> {
    let (member, today) = (id.into_inner(), state.today());
    let dto = crate::db::transaction(&state.pool, move |c| {
        dues::entries::add_arrangement(c, &user, member, &body, today)
    })
    .await?;
    Ok(HttpResponse::Created().json(dto))
}
