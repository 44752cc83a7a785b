//! `POST /auth/login`.

use actix_web::{post, web, HttpRequest};
use qldv_api_types::auth::{LoginRequest, TokenPair};

use crate::auth::password;
use crate::domain::sign_in;
use crate::error::AppError;
use crate::models::{login_failure, refresh_token, user::UserRow};
use crate::routes::client_ip;
use crate::routes::extract::Valid;
use crate::routes::problems;
use crate::state::AppState;

/// Signs in with a user name and password.
///
/// Returns a short-lived access token and a single-use refresh token. Failed attempts are counted
/// over 15 minutes: after 5 for one user name from one address, 10 for one user name from any
/// addresses, or 30 from one address whatever the names, attempts are refused with 429 (even with
/// the right password) until the window passes; `Retry-After` says when.
#[utoipa::path(
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in", body = TokenPair),
        problems::WrongCredentials,
        problems::SignInThrottled,
    )
)]
#[post("/auth/login")]
pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    Valid(web::Json(body)): Valid<web::Json<LoginRequest>>,
) -> Result<web::Json<TokenPair>, AppError> {
    let ip = client_ip(&req, &state.trusted_proxies);
    let window = sign_in::window();
    // The throttles and the stored hash: a short use of a connection. The attempt is counted as
    // a failure before its password is checked (and forgotten if it succeeds), so attempts sent
    // together are throttled like attempts sent in turn.
    let (name, addr) = (body.username.clone(), ip.clone());
    let account = crate::db::plain_transaction(&state.pool, move |conn| {
        login_failure::admit(conn, &name, &addr, window)?;
        Ok(UserRow::by_username(conn, &name)?.map(|u| (u.id, u.password_hash, u.active)))
    })
    .await?;
    // The password, holding no connection (an unknown name is checked against a dummy hash).
    let hash = account.as_ref().map(|(_, hash, _)| hash.clone());
    let ok = password::verify_gated(&state.password_gate, body.password, hash).await?;
    let known = account.as_ref().map(|(id, _, _)| *id);
    let signed_in = account
        .filter(|(_, _, active)| ok && *active)
        .map(|(id, _, _)| id);
    let lifetimes = state.refresh_lifetimes();
    let name = body.username;
    let outcome = crate::db::transaction(&state.pool, move |conn| match signed_in {
        Some(id) => {
            login_failure::clear(conn, &name, &ip)?;
            crate::models::audit::sign_in(conn, true, Some(id), &name, &ip)?;
            Ok(Some((id, refresh_token::issue(conn, id, lifetimes)?)))
        }
        None => {
            // The failure was counted before the check.
            crate::models::audit::sign_in(conn, false, known, &name, &ip)?;
            Ok(None)
        }
    })
    .await?;
    let Some((id, refresh_token)) = outcome else {
        return Err(crate::messages::accounts::invalid_credentials());
    };
    let access_token = state.jwt.issue(id).map_err(AppError::internal)?;
    Ok(web::Json(TokenPair {
        access_token,
        refresh_token,
        token_type: "Bearer".into(),
        expires_in: state.jwt.ttl_seconds,
    }))
}
