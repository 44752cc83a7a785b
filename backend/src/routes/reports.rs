//! `GET /reports/{code}`: a statistical report as JSON, CSV or XLSX (by `Accept`), and
//! `GET /reports/{code}/export`: the same report as a spreadsheet only (CSV or XLSX), an operation
//! whose success is a spreadsheet first, for generated clients that parse a 200 by its first media
//! type.

use actix_web::http::header;
use actix_web::{get, web, HttpRequest, HttpResponse};
use chrono::NaiveDate;
use qldv_api_types::reports::{Report, ReportCode};
use qldv_api_types::OrgId;
use serde::Deserialize;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::AuthUser;
use crate::domain::report::AskedDates;
use crate::error::AppError;
use crate::services::reports::{self, render, ReportRequest};
use crate::state::AppState;

/// Registers the handlers.
pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(get_report).service(export_report);
}

use crate::routes::problems;
use crate::services::spreadsheet::XLSX;

/// The subtree and the dates.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportQuery {
    /// The organisation whose subtree is counted (default: the caller's scope root).
    pub organization_id: Option<OrgId>,
    /// Date of a point-in-time report (`composition`, `evaluations`, `completeness`); default today.
    pub as_of: Option<NaiveDate>,
    /// First day of a period report (`movement`, `admissions`, `discipline`, `badges`); default
    /// 1 January of `to`'s year.
    pub from: Option<NaiveDate>,
    /// Last day (inclusive) of a period report; default today.
    pub to: Option<NaiveDate>,
    /// A calendar year: the period of a period report, the evaluation year, or the year whose
    /// targets the `development` report counts (its `from` and `to` must then lie in one year).
    pub year: Option<i32>,
}

/// The output format asked of `GET /reports/{code}`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportFormat {
    /// `json`, `csv` or `xlsx`: overrides `Accept` (for links a browser opens).
    pub format: Option<String>,
}

/// A spreadsheet's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum SpreadsheetFormat {
    /// CSV, UTF-8 with a byte-order mark.
    Csv,
    /// An XLSX workbook.
    Xlsx,
}

/// The output format asked of `GET /reports/{code}/export`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportFormat {
    /// `csv` (default) or `xlsx`: overrides `Accept`.
    #[param(inline)]
    pub format: Option<SpreadsheetFormat>,
}

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Csv,
    Xlsx,
}

/// The `Accept` header, or nothing.
fn accepts(req: &HttpRequest) -> &str {
    req.headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

fn format_of(req: &HttpRequest, asked: Option<&str>) -> Result<Format, AppError> {
    if let Some(f) = asked {
        return match f {
            "json" => Ok(Format::Json),
            "csv" => Ok(Format::Csv),
            "xlsx" => Ok(Format::Xlsx),
            _ => Err(crate::messages::requests::report_format()),
        };
    }
    let accept = accepts(req);
    Ok(if accept.contains(XLSX) {
        Format::Xlsx
    } else if accept.contains("text/csv") {
        Format::Csv
    } else {
        Format::Json
    })
}

/// A report for an organisation's subtree (as the tree was at the report's dates, from the
/// membership periods): `movement`, `composition`, `admissions`, `evaluations`, `discipline`,
/// `badges`, `completeness`, `timeliness`, `development` (targets, admitted, share, categories), `dues` (per organisation and month: due, paid, deferred, arrears, extra, collected; 500 `report_identity_broken` if a line does not balance). JSON by default; `Accept: text/csv` or the XLSX media type (or
/// `format=`) for a spreadsheet with the organisation, the dates and the producer on the sheet.
/// A generated client reads the spreadsheet with `export_report`.
#[utoipa::path(
    tag = "reports",
    params(("code" = ReportCode, Path, description = "Which report"), ReportQuery, ReportFormat),
    responses(
        (status = 200, description = "The report: JSON by default; CSV or XLSX by `Accept` or `format`", content(
            (Report = "application/json"),
            (String = "text/csv"),
            (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        problems::NotFound,
        problems::ReportBroken,
    ),
)]
#[get("/reports/{code}")]
pub async fn get_report(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    code: web::Path<String>,
    query: web::Query<ReportQuery>,
    asked: web::Query<ReportFormat>,
) -> Result<HttpResponse, AppError> {
    let code = report_code(&code)?;
    let format = format_of(&req, asked.format.as_deref())?;
    respond(state, user, code, query.into_inner(), format).await
}

/// A report as a spreadsheet: the report of `GET /reports/{code}` (same parameters) as CSV by
/// default, or XLSX with `format=xlsx` (or the XLSX media type in `Accept`); the download is
/// audited.
#[utoipa::path(
    tag = "reports",
    params(("code" = ReportCode, Path, description = "Which report"), ReportQuery, ExportFormat),
    responses(
        (status = 200, description = "The report as CSV (default) or XLSX", content(
            (String = "text/csv"),
            (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        problems::NotFound,
        problems::ReportBroken,
    ),
)]
#[get("/reports/{code}/export")]
pub async fn export_report(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    code: web::Path<String>,
    query: web::Query<ReportQuery>,
    asked: web::Query<ExportFormat>,
) -> Result<HttpResponse, AppError> {
    let code = report_code(&code)?;
    let format = match asked.format {
        Some(SpreadsheetFormat::Csv) => Format::Csv,
        Some(SpreadsheetFormat::Xlsx) => Format::Xlsx,
        None if accepts(&req).contains(XLSX) => Format::Xlsx,
        None => Format::Csv,
    };
    respond(state, user, code, query.into_inner(), format).await
}

/// A report code from the path, or 404.
fn report_code(code: &str) -> Result<ReportCode, AppError> {
    <ReportCode as qldv_api_types::Term>::parse(code)
        .map_err(|_| AppError::not_found(crate::messages::Thing::Report))
}

/// Builds the report and answers it in `format` (a spreadsheet download is audited).
async fn respond(
    state: web::Data<AppState>,
    user: AuthUser,
    code: ReportCode,
    query: ReportQuery,
    format: Format,
) -> Result<HttpResponse, AppError> {
    let request = ReportRequest {
        code,
        organization_id: query.organization_id,
        dates: AskedDates {
            as_of: query.as_of,
            from: query.from,
            to: query.to,
            year: crate::routes::common::opt_year(query.year)?,
        },
    };
    let today = state.today();
    let report = crate::db::run(&state.pool, move |c| {
        let report = reports::build(c, &user, request, today)?;
        // A download (a spreadsheet that leaves the system) is audited; the screen view is not.
        let ext = match format {
            Format::Json => return Ok(report),
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        };
        let what = format!("report/{}", code.as_str());
        crate::models::audit::exported(c, &user, &what, ext, Some(report.organization_id))?;
        Ok(report)
    })
    .await?;
    let stem = format!(
        "bao-cao-{}-{}-{}",
        code.as_str(),
        report.organization_id.0,
        report.to.or(report.as_of).unwrap_or(today).format("%Y%m%d")
    );
    let file = |ext: &str| format!("attachment; filename=\"{stem}.{ext}\"");
    Ok(match format {
        Format::Json => HttpResponse::Ok().json(&report),
        Format::Csv => HttpResponse::Ok()
            .insert_header((header::CONTENT_TYPE, "text/csv; charset=utf-8"))
            .insert_header((header::CONTENT_DISPOSITION, file("csv")))
            .body(render::csv(&report)),
        Format::Xlsx => {
            let body = web::block(move || render::xlsx(&report))
                .await
                .map_err(|e| AppError::internal(format!("blocking task failed: {e}")))??;
            HttpResponse::Ok()
                .insert_header((header::CONTENT_TYPE, XLSX))
                .insert_header((header::CONTENT_DISPOSITION, file("xlsx")))
                .body(body)
        }
    })
}
