//! `/organizations`: the organisation tree inside the caller's scope.

mod create;
mod get;
mod kinds;
mod list;
mod restructure;
mod subtree;
mod targets;
mod update;

use utoipa_actix_web::service_config::ServiceConfig;

/// Registers the handlers.
pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(kinds::list_kinds)
        .service(create::create_organization)
        .service(list::list_organizations)
        .service(get::get_organization)
        .service(update::update_organization)
        .service(subtree::organization_subtree)
        .service(restructure::move_organization)
        .service(restructure::merge_organization)
        .service(restructure::dissolve_organization)
        .service(targets::get_admission_target)
        .service(targets::put_admission_target);
}
