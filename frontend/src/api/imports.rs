//! `/imports`: existing records from a spreadsheet.

use qldv_api_types::reports::ImportJob;
use qldv_api_types::{ImportId, Page};

use super::client::{download, Call, Method};
use super::query::Query;
use super::ApiResult;

/// `GET /imports`: the newest 50.
pub async fn recent() -> ApiResult<Page<ImportJob>> {
    Call::new(Method::Get, "/imports", &Query::new().set("limit", 50))
        .fetch()
        .await
}

/// `GET /imports/{id}`: a job's progress.
pub async fn get(id: ImportId) -> ApiResult<ImportJob> {
    Call::get(&format!("/imports/{id}")).fetch().await
}

/// `POST /imports`: uploads the file (a multipart form with its fields); the job starts.
pub async fn start(form: web_sys::FormData) -> ApiResult<ImportJob> {
    Call::form("/imports", form).fetch().await
}

/// `GET /imports/template.xlsx`, saved by the browser.
pub async fn template() -> ApiResult<()> {
    download(
        Call::get("/imports/template.xlsx"),
        "mau-nhap-dang-vien.xlsx",
    )
    .await
}
