//! `/calendar/{year}`: the working-day calendar of a year (its holidays, compensatory days off
//! and make-up working days), read by anyone signed in, recorded by a national administrator.

use actix_web::{get, put, web, HttpResponse};
use qldv_api_types::calendar::{CalendarYear, PutCalendarYear};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::routes::extract::{NationalAdmin, Valid};
use crate::routes::problems;
use crate::state::AppState;

/// Registers the handlers.
pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(get_calendar_year).service(put_calendar_year);
}

/// A year's working-day calendar: the days the holiday table holds for it (as decided, or as
/// computed from the Labour Code and the Vietnamese lunar calendar when it was seeded); for a
/// year the table does not hold, the days the law gives (`source: computed`).
#[utoipa::path(
    tag = "calendar",
    params(("year" = i32, Path, description = "The year (1945–2199)")),
    responses((status = 200, description = "The year's days off and make-up working days", body = CalendarYear)),
)]
#[get("/calendar/{year}")]
pub async fn get_calendar_year(
    state: web::Data<AppState>,
    _user: AuthUser,
    year: web::Path<i32>,
) -> Result<web::Json<CalendarYear>, AppError> {
    let year = year.into_inner();
    let view = crate::db::run(&state.pool, move |c| {
        crate::services::calendar::year(c, year)
    })
    .await?;
    Ok(web::Json(view))
}

/// Records a year's calendar from the government's decision, replacing every day the table held
/// for it: each public holiday of the Labour Code in its place, the day next to National Day,
/// compensatory days off, and swapped days off each paired with a make-up working day
/// (national administrators; audited with the year before and after). The deadlines counted in
/// working days use it from then on.
#[utoipa::path(
    tag = "calendar",
    params(("year" = i32, Path, description = "The year (1945–2199)")),
    request_body = PutCalendarYear,
    responses(
        (status = 200, description = "The year as recorded", body = CalendarYear),
        problems::NotNationalAdmin,
    ),
)]
#[put("/calendar/{year}")]
pub async fn put_calendar_year(
    state: web::Data<AppState>,
    user: NationalAdmin,
    year: web::Path<i32>,
    Valid(web::Json(body)): Valid<web::Json<PutCalendarYear>>,
) -> Result<HttpResponse, AppError> {
    let year = year.into_inner();
    let actor = user.actor();
    let view = crate::db::transaction(&state.pool, move |c| {
        crate::services::calendar::put_year(c, &actor, year, body)
    })
    .await?;
    Ok(HttpResponse::Ok().json(view))
}
