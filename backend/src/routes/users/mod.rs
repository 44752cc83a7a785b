//! `/users`: accounts inside the caller's scope.

mod create;
mod get;
mod list;
mod update;

use utoipa_actix_web::service_config::ServiceConfig;

/// Registers the handlers.
pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(create::create_user)
        .service(list::list_users)
        .service(get::get_user)
        .service(update::update_user);
}
