//! `/auth`: sign-in, token refresh, sign-out, the current user.

pub mod confirm;
mod login;
mod logout;
mod me;
mod refresh;

use utoipa_actix_web::service_config::ServiceConfig;

/// Registers the handlers.
pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(login::login)
        .service(refresh::refresh)
        .service(logout::logout)
        .service(me::me);
}
