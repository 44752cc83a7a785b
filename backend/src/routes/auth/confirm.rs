//! Proof of the current password before a user changes its own: a stolen access token alone must
//! not be enough to take the account over for good.

use actix_web::HttpRequest;

use crate::auth::{password, AuthUser};
use crate::domain::sign_in;
use crate::error::AppError;
use crate::models::{login_failure, user::UserRow};
use crate::routes::client_ip;
use crate::state::AppState;

/// Checks `current` against the caller's password, as a sign-in would: refused while sign-ins of
/// this name from this address are throttled, verified holding no connection, and a wrong
/// password counts as a failed sign-in (guessing through this door is throttled the same way).
pub async fn current_password(
    state: &AppState,
    req: &HttpRequest,
    user: &AuthUser,
    current: Option<String>,
) -> Result<(), AppError> {
    let Some(current) = current else {
        return Err(crate::messages::accounts::current_password_required());
    };
    let ip = client_ip(req, &state.trusted_proxies);
    let window = sign_in::window();
    let (name, addr) = (user.username.clone(), ip.clone());
    // Counted as a failure before the check (forgotten if it succeeds), as a sign-in is.
    let hash = crate::db::plain_transaction(&state.pool, move |conn| {
        login_failure::admit(conn, &name, &addr, window)?;
        Ok(UserRow::by_username(conn, &name)?.map(|u| u.password_hash))
    })
    .await?;
    if password::verify_gated(&state.password_gate, current, hash).await? {
        let name = user.username.clone();
        crate::db::run(&state.pool, move |conn| {
            login_failure::clear(conn, &name, &ip)
        })
        .await?;
        return Ok(());
    }
    Err(crate::messages::accounts::current_password_wrong())
}
