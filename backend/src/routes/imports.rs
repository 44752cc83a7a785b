//! Bulk imports: `POST /imports` (multipart upload, answered 202 with a job to poll),
//! `GET /imports`, `GET /imports/{id}`, `GET /imports/template.xlsx`.

use actix_multipart::Multipart;
use actix_web::http::header;
use actix_web::{get, post, web, HttpResponse};
use futures_util::StreamExt;
use qldv_api_types::reports::ImportJob;
use qldv_api_types::{OrgId, Page};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::models::import::ImportRow;
use crate::pagination::{page, PageParams};
use crate::routes::extract::Writer;
use crate::routes::problems;
use crate::services::imports::{self, Options};
use crate::services::spreadsheet::XLSX;
use crate::state::AppState;
use qldv_api_types::ImportId;

/// Registers the handlers (the template before `{id}`).
pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(import_template)
        .service(start_import)
        .service(list_imports)
        .service(get_import);
}

/// Largest accepted file.
const MAX_BYTES: usize = 50 * 1024 * 1024;

/// The upload form.
#[derive(Debug, utoipa::ToSchema)]
#[allow(dead_code)]
pub struct ImportUpload {
    /// The spreadsheet: XLSX, or CSV in UTF-8 (headers of the template).
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
    /// The organisation the rows go to (a row's `Mã chi bộ` may name a cell inside it).
    organization_id: OrgId,
    /// `true` to import the good rows and report the bad ones (default: all or nothing).
    skip_invalid: Option<bool>,
}

/// The parts of the form, read.
#[derive(Default)]
pub(crate) struct Form {
    /// The file's name as uploaded.
    pub(crate) file_name: String,
    /// The file.
    pub(crate) bytes: Vec<u8>,
    /// The organisation field, if sent.
    pub(crate) organization_id: Option<OrgId>,
    /// Import the good rows and report the bad ones.
    pub(crate) skip_invalid: bool,
}

/// Reads an upload form (the file within the size limit, the organisation, `skip_invalid`).
pub(crate) async fn read_form(mut payload: Multipart) -> Result<Form, AppError> {
    let mut form = Form::default();
    while let Some(field) = payload.next().await {
        let mut field = field.map_err(crate::messages::requests::multipart_unreadable)?;
        let name = field.name().unwrap_or("").to_string();
        if name == "file" {
            form.file_name = field
                .content_disposition()
                .and_then(|cd| cd.get_filename())
                .unwrap_or("import.csv")
                .to_string();
        }
        let mut data = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(crate::messages::requests::multipart_unreadable)?;
            if data.len() + chunk.len() > MAX_BYTES {
                return Err(crate::messages::requests::file_too_large(
                    MAX_BYTES / (1024 * 1024),
                ));
            }
            data.extend_from_slice(&chunk);
        }
        let text = || String::from_utf8_lossy(&data).trim().to_string();
        match name.as_str() {
            "file" => form.bytes = data,
            "organization_id" => {
                form.organization_id = Some(
                    text()
                        .parse()
                        .map_err(|_| crate::messages::requests::upload_organization_invalid())?,
                )
            }
            "skip_invalid" => form.skip_invalid = matches!(text().as_str(), "true" | "1" | "on"),
            _ => {}
        }
    }
    Ok(form)
}

/// Starts an import of existing records: the file is read and its columns checked at once (422
/// otherwise); the rows are then validated and written in the background, all or nothing unless
/// `skip_invalid`; poll the job for progress and the error report.
#[utoipa::path(
    operation_id = "create_import",
    tag = "reports",
    request_body(content = ImportUpload, content_type = "multipart/form-data"),
    responses(
        (status = 202, description = "The job, running", body = ImportJob),
        problems::NotFound,
        problems::ImportTooLarge,
        problems::ImportUnreadable,
        problems::ImportBusy,
    ),
)]
#[post("/imports")]
pub async fn start_import(
    state: web::Data<AppState>,
    user: Writer,
    payload: Multipart,
) -> Result<HttpResponse, AppError> {
    // The place is held from the upload to the job's end: one import per user, a few per server.
    let place = state
        .imports
        .claim(user.id)
        .map_err(imports::Busy::into_app_error)?;
    let form = read_form(payload).await?;
    let org = form
        .organization_id
        .or(user.scope.root_id())
        .ok_or_else(crate::messages::requests::upload_organization_required)?;
    if form.bytes.is_empty() {
        return Err(crate::messages::requests::upload_file_required());
    }
    let (name, bytes) = (form.file_name, form.bytes);
    let prepared = web::block(move || imports::prepare(&name, &bytes, &imports::Limits::UPLOAD))
        .await
        .map_err(|e| AppError::internal(format!("blocking task failed: {e}")))??;
    let caller = user.clone();
    let (prepared, job) = crate::db::run(&state.pool, move |c| {
        // An account told too often that identifiers are held elsewhere imports nothing today.
        crate::services::disclosure::require_allowance(c, &caller)?;
        let job = imports::start(c, &caller, org, &prepared)?;
        Ok((prepared, job))
    })
    .await?;
    let dto = job.to_dto(None);
    let (pool, progress, today) = (state.pool.clone(), state.imports.clone(), state.today());
    let options = Options {
        skip_invalid: form.skip_invalid,
        place: Some(place),
    };
    actix_web::rt::spawn(async move {
        let id = job.id;
        // On a connection of its own: a job of minutes must not keep a request-pool connection
        // (the number of jobs is bounded by their places instead).
        let outcome = web::block(move || {
            let result = pool
                .dedicated()
                .map_err(AppError::unavailable)
                .and_then(|mut conn| {
                    let notify = |n: i64| progress.set(job.id, n);
                    imports::run(&mut conn, &user, &job, &prepared, options, today, &notify)
                });
            progress.clear(job.id);
            if let Err(e) = &result {
                // The job's own connection failed: record the failure through the pool.
                if let Ok(mut conn) = pool.get() {
                    let _ = imports::abandon(&mut conn, job.id, e);
                }
            }
            result.map(|_| ())
        })
        .await;
        match outcome {
            Ok(Ok(())) => {}
            Ok(Err(e)) => tracing::error!(import = %id, error = %e, "import stopped"),
            Err(e) => tracing::error!(import = %id, error = %e, "import task failed"),
        }
    });
    Ok(crate::routes::common::located(
        HttpResponse::Accepted(),
        format_args!("/imports/{}", dto.id),
    )
    .json(dto))
}

/// One import job: status, rows validated so far, and the error report when it failed.
#[utoipa::path(
    tag = "reports",
    params(("id" = ImportId, Path, description = "Job id")),
    responses(
        (status = 200, description = "The job", body = ImportJob),
        problems::NotFound,
    ),
)]
#[get("/imports/{id}")]
pub async fn get_import(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<ImportId>,
) -> Result<web::Json<ImportJob>, AppError> {
    let id = id.into_inner();
    let privacy = user.privacy();
    let row = crate::db::run(&state.pool, move |c| ImportRow::find(c, &user.scope, id)).await?;
    let live = (row.status == qldv_api_types::reports::ImportStatus::Running)
        .then(|| state.imports.get(id))
        .flatten();
    Ok(web::Json(imports::shown(row.to_dto(live), privacy)))
}

/// The imports inside the caller's scope, newest first.
#[utoipa::path(
    tag = "reports",
    params(PageParams),
    responses((status = 200, description = "One page of the jobs, newest first", body = Page<ImportJob>)),
)]
#[get("/imports")]
pub async fn list_imports(
    state: web::Data<AppState>,
    user: AuthUser,
    params: web::Query<PageParams>,
) -> Result<web::Json<Page<ImportJob>>, AppError> {
    let privacy = user.privacy();
    let limit = params.limit();
    let before = params.after::<i64>()?;
    let rows = crate::db::run(&state.pool, move |c| {
        ImportRow::recent(c, &user.scope, before, limit + 1)
    })
    .await?;
    Ok(web::Json(page(
        rows,
        limit,
        |r| r.id,
        |r| {
            let live = (r.status == qldv_api_types::reports::ImportStatus::Running)
                .then(|| state.imports.get(r.id))
                .flatten();
            imports::shown(r.to_dto(live), privacy)
        },
    )))
}

/// The import template: the Vietnamese column headers (required ones highlighted), an example
/// row, and a sheet explaining each column.
#[utoipa::path(
    operation_id = "get_import_template",
    tag = "reports",
    responses((status = 200, description = "The template", body = String, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
)]
#[get("/imports/template.xlsx")]
pub async fn import_template(_user: AuthUser) -> Result<HttpResponse, AppError> {
    let body = web::block(imports::template::xlsx)
        .await
        .map_err(|e| AppError::internal(format!("blocking task failed: {e}")))??;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, XLSX))
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"mau-nhap-dang-vien.xlsx\"",
        ))
        .body(body))
}
