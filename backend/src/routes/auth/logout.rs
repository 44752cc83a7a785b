//! `POST /auth/logout`.

use actix_web::{post, web, HttpResponse};
use qldv_api_types::auth::RefreshRequest;

use crate::error::AppError;
use crate::models::refresh_token;
use crate::routes::extract::Valid;
use crate::state::AppState;

/// Signs out: revokes the refresh token and every token of the same sign-in.
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses((status = 204, description = "Signed out"))
)]
#[post("/auth/logout")]
pub async fn logout(
    state: web::Data<AppState>,
    Valid(web::Json(body)): Valid<web::Json<RefreshRequest>>,
) -> Result<HttpResponse, AppError> {
    crate::db::run(&state.pool, move |conn| {
        refresh_token::revoke_by_secret(conn, &body.refresh_token)
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
