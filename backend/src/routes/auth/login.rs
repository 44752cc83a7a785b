//! `POST /auth/login`.

use actix_web::{post, web, HttpRequest};
use chrono::Duration;
use qldv_api_types::auth::{LoginRequest, TokenPair};

use crate::auth::password;
use crate::error::AppError;
use crate::models::{login_failure, refresh_token, user::UserRow};
use crate::routes::{client_ip, valid};
use crate::state::AppState;

/// Failed attempts allowed per user name and address inside the window.
const MAX_FAILURES: i64 = 5;
/// The throttling window.
const WINDOW_MINUTES: i64 = 15;

/// Signs in with a user name and password.
///
/// Returns a short-lived access token and a single-use refresh token. After 5 failed attempts
/// for one user name from one address within 15 minutes, answers 429 until the window passes.
#[utoipa::path(
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in", body = TokenPair),
        (status = 401, description = "Wrong user name or password", body = qldv_api_types::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/login")]
pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Json<LoginRequest>,
) -> Result<web::Json<TokenPair>, AppError> {
    let body = valid(body.into_inner())?;
    let ip = client_ip(&req);
    let window = Duration::minutes(WINDOW_MINUTES);
    let refresh_ttl = state.refresh_ttl;
    let user_id = crate::db::run(&state.pool, move |conn| {
        let (failures, oldest) = login_failure::recent(conn, &body.username, &ip, window)?;
        if failures >= MAX_FAILURES {
            let retry_after = oldest
                .map(|t| (t + window - crate::models::now()).num_seconds().max(1))
                .unwrap_or(window.num_seconds());
            return Err(AppError::RateLimited { retry_after });
        }
        let user = UserRow::by_username(conn, &body.username)?;
        let hash = user
            .as_ref()
            .map(|u| u.password_hash.as_str())
            .unwrap_or(password::dummy_hash());
        let ok = password::verify(&body.password, hash);
        match user {
            Some(u) if ok && u.active => {
                login_failure::clear(conn, &body.username, &ip)?;
                crate::models::audit::sign_in(conn, true, Some(u.id), &body.username, &ip)?;
                let refresh = refresh_token::issue(conn, u.id, None, refresh_ttl)?;
                Ok((u.id, refresh))
            }
            _ => {
                login_failure::add(conn, &body.username, &ip)?;
                crate::models::audit::sign_in(
                    conn,
                    false,
                    user.map(|u| u.id),
                    &body.username,
                    &ip,
                )?;
                Err(AppError::Unauthenticated(
                    "invalid_credentials",
                    "Tên đăng nhập hoặc mật khẩu không đúng".into(),
                ))
            }
        }
    })
    .await?;
    let (id, refresh_token) = user_id;
    let access_token = state.jwt.issue(id).map_err(AppError::internal)?;
    Ok(web::Json(TokenPair {
        access_token,
        refresh_token,
        token_type: "Bearer".into(),
        expires_in: state.jwt.ttl_seconds,
    }))
}
