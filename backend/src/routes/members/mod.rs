//! `/members`: member records inside the caller's scope.

mod create;
mod events;
mod get;
mod list;
mod party_age;
mod recognition;
mod supplement;
mod update;

use utoipa_actix_web::service_config::ServiceConfig;

/// Registers the handlers.
pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(create::create_member)
        .service(list::list_members)
        .service(get::get_member)
        .service(update::update_member)
        .service(events::member_events)
        .service(party_age::member_party_age)
        .service(recognition::recognize_member)
        .service(supplement::file_supplement);
}
