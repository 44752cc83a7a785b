//! Liveness and readiness probes (outside `/api/v1`, for load balancers and orchestrators).

use std::time::Duration;

use actix_web::{get, web, HttpResponse};
use diesel::RunQueryDsl;

use crate::error::AppError;
use crate::routes::problems;
use crate::state::AppState;

/// The process is alive.
#[utoipa::path(
    operation_id = "get_health",tag = "health", responses((status = 200, description = "Alive", body = String, example = "ok")))]
#[get("/healthz")]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain").body("ok")
}

/// The database is reachable (503 problem otherwise; recovers by itself when the database does).
#[utoipa::path(
    operation_id = "get_readiness",tag = "health", responses(
    (status = 200, description = "Ready", body = String, example = "ready"),
    problems::DatabaseDown
))]
#[get("/readyz")]
pub async fn readyz(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let pool = state.pool.clone();
    web::block(move || {
        let mut conn = pool
            .get_timeout(Duration::from_secs(2))
            .map_err(AppError::unavailable)?;
        diesel::sql_query("SELECT 1")
            .execute(&mut conn)
            .map_err(AppError::unavailable)
    })
    .await
    .map_err(AppError::internal)??;
    Ok(HttpResponse::Ok().content_type("text/plain").body("ready"))
}
