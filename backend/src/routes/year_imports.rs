//! The imports of a cell's year (issue 23): a year of past meetings with their attendance, and
//! a year of dues payments, from XLSX (or CSV), each with its template. Thin handlers: the
//! files are read by `services::imports::{meetings_year, dues_year}`, and every meeting and
//! month goes through the service of its own endpoint.

use actix_web::http::header;
use actix_web::{get, post, web, HttpResponse};
use chrono::Datelike;
use qldv_api_types::reports::ImportJob;
use qldv_api_types::OrgId;
use serde::Deserialize;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::error::AppError;
use crate::routes::extract::Writer;
use crate::routes::problems;
use crate::services::imports::{self, dues_year, meetings_year};
use crate::services::spreadsheet::XLSX;
use crate::state::AppState;

/// Registers the handlers (before the dues sheet's `{month}`).
pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(meetings_template)
        .service(import_meetings)
        .service(dues_template)
        .service(import_dues);
}

/// The year of a file.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportYear {
    /// The year (1930–2100; this year when absent).
    pub year: Option<i32>,
}

/// The upload form of a cell's year.
#[derive(Debug, utoipa::ToSchema)]
#[allow(dead_code)]
pub struct YearImportUpload {
    /// The spreadsheet: XLSX (its first sheet), or CSV in UTF-8, laid out as the template.
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

/// Reads the upload and runs `import` on it while the caller holds an import place.
async fn upload<T: Send + 'static>(
    state: &AppState,
    user: &Writer,
    payload: actix_multipart::Multipart,
    prepare: fn(&str, &[u8], &imports::Limits) -> Result<T, AppError>,
) -> Result<(T, imports::Place), AppError> {
    let place = state
        .imports
        .claim(user.id)
        .map_err(imports::Busy::into_app_error)?;
    let form = crate::routes::imports::read_form(payload).await?;
    if form.bytes.is_empty() {
        return Err(crate::messages::requests::upload_file_required());
    }
    let (name, bytes) = (form.file_name, form.bytes);
    let read = web::block(move || prepare(&name, &bytes, &imports::Limits::UPLOAD))
        .await
        .map_err(|e| AppError::internal(format!("blocking task failed: {e}")))??;
    Ok((read, place))
}

fn xlsx(body: Vec<u8>, file_name: &str) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, XLSX))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{file_name}\""),
        ))
        .body(body)
}

/// Imports a cell's meetings of a year with their attendance: one sheet, a row per member, a
/// column per meeting headed by its date (`chuyên đề` after it for a topical meeting), each
/// cell `C`, `P: lý do`, `K` (or `M`, `N`, empty where the record derives them); rows without a
/// member number carry each meeting's `Nội dung`, `Nghị quyết`, `Tóm tắt biên bản`. Each
/// meeting is judged and written by the rules of `POST /organizations/{id}/meetings`; a
/// meeting recorded before with the same sheet is left unchanged (`unchanged`), with another
/// sheet refused. All or nothing: answers the finished job, its errors naming sheet, row and
/// column.
#[utoipa::path(
    tag = "meetings",
    params(("id" = OrgId, Path, description = "The cell")),
    request_body(content = YearImportUpload, content_type = "multipart/form-data"),
    responses(
        (status = 200, description = "The finished job: succeeded, or failed with its errors", body = ImportJob),
        problems::NotFound,
        problems::ReadOnlyRole,
        problems::ImportTooLarge,
        problems::ImportUnreadable,
        problems::ImportBusy,
    ),
)]
#[post("/organizations/{id}/meetings/import")]
pub async fn import_meetings(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<OrgId>,
    payload: actix_multipart::Multipart,
) -> Result<web::Json<ImportJob>, AppError> {
    let (file, place) = upload(&state, &user, payload, meetings_year::prepare).await?;
    let (org, today, privacy) = (id.into_inner(), state.today(), user.privacy());
    let job = crate::db::run(&state.pool, move |c| {
        meetings_year::run(c, &user, org, &file, today)
    })
    .await?;
    drop(place);
    Ok(web::Json(imports::shown(job.to_dto(None), privacy)))
}

/// The attendance template of a cell's year: the cell's members that year with their card
/// and personal-history numbers, a column per month for the meeting's date, the detail rows,
/// and a sheet explaining how to fill it.
#[utoipa::path(
    operation_id = "get_meetings_import_template",
    tag = "meetings",
    params(("id" = OrgId, Path, description = "The cell"), ImportYear),
    responses(
        (status = 200, description = "The template", body = String, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        problems::NotFound,
        problems::ReadOnlyRole,
    ),
)]
#[get("/organizations/{id}/meetings/import/template")]
pub async fn meetings_template(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<OrgId>,
    q: web::Query<ImportYear>,
) -> Result<HttpResponse, AppError> {
    let (org, year) = (id.into_inner(), q.year.unwrap_or(state.today().year()));
    let body = crate::db::run(&state.pool, move |c| {
        meetings_year::template(c, &user, org, year)
    })
    .await?;
    Ok(xlsx(body, &format!("mau-nhap-diem-danh-{year}.xlsx")))
}

/// Imports a cell's dues payments of a year: one sheet, a row per member, a column per month
/// (`Tháng 1` … `Tháng 12`), each cell the amount paid for that month in đồng (empty: not
/// paid). Each month with an amount is recorded as that month's sheet by the rules of
/// `PUT /organizations/{id}/dues-sheet/{month}` (it replaces what that sheet held); a month
/// that has not come needs a prepayment arrangement; a month without amounts is left as it
/// is. Importing the file again changes nothing. All or nothing: answers the finished job,
/// its errors naming sheet, row and column.
#[utoipa::path(
    tag = "dues",
    params(("id" = OrgId, Path, description = "The cell"), ImportYear),
    request_body(content = YearImportUpload, content_type = "multipart/form-data"),
    responses(
        (status = 200, description = "The finished job: succeeded, or failed with its errors", body = ImportJob),
        problems::NotFound,
        problems::ReadOnlyRole,
        problems::ImportTooLarge,
        problems::ImportUnreadable,
        problems::ImportBusy,
    ),
)]
#[post("/organizations/{id}/dues-sheet/import")]
pub async fn import_dues(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<OrgId>,
    q: web::Query<ImportYear>,
    payload: actix_multipart::Multipart,
) -> Result<web::Json<ImportJob>, AppError> {
    let (org, today, privacy) = (id.into_inner(), state.today(), user.privacy());
    let year = q.year.unwrap_or(today.year());
    let (file, place) = upload(&state, &user, payload, dues_year::prepare).await?;
    let job = crate::db::run(&state.pool, move |c| {
        dues_year::run(c, &user, (org, year), &file, today)
    })
    .await?;
    drop(place);
    Ok(web::Json(imports::shown(job.to_dto(None), privacy)))
}

/// The dues template of a cell's year: the cell's members that year with their numbers, a
/// column per month, and a sheet explaining how to fill it.
#[utoipa::path(
    operation_id = "get_dues_import_template",
    tag = "dues",
    params(("id" = OrgId, Path, description = "The cell"), ImportYear),
    responses(
        (status = 200, description = "The template", body = String, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        problems::NotFound,
        problems::ReadOnlyRole,
    ),
)]
#[get("/organizations/{id}/dues-sheet/import/template")]
pub async fn dues_template(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<OrgId>,
    q: web::Query<ImportYear>,
) -> Result<HttpResponse, AppError> {
    let (org, year) = (id.into_inner(), q.year.unwrap_or(state.today().year()));
    let body = crate::db::run(&state.pool, move |c| {
        dues_year::template(c, &user, org, year)
    })
    .await?;
    Ok(xlsx(body, &format!("mau-nhap-dang-phi-{year}.xlsx")))
}
