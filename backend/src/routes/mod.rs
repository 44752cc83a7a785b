//! HTTP handlers, one file per action: extract → validate → authorise → model/service → DTO.

pub mod alerts;
pub mod api_tokens;
pub mod audit;
pub mod auth;
pub mod badges;
pub mod calendar;
pub mod candidates;
pub mod cards;
pub mod changes;
mod common;
pub mod dues;
pub mod dues_records;
pub mod evaluations;
pub mod extract;
pub mod health;
pub mod imports;
pub mod liaisons;
pub mod meetings;
pub mod members;
pub mod organizations;
pub mod problems;
pub mod regulations;
pub mod reports;
pub mod sync;
pub mod transfers;
pub mod users;
pub mod year_imports;

pub use crate::models::check_version;
pub use common::{client_ip, etag, if_match, valid, versioned};

use utoipa_actix_web::service_config::ServiceConfig;

/// Registers every `/api/v1` handler (each one is collected into the OpenAPI document).
pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.route(
        "/openapi.json",
        actix_web::web::get().to(crate::openapi_json),
    );
    auth::configure(cfg);
    users::configure(cfg);
    api_tokens::configure(cfg);
    organizations::configure(cfg);
    members::configure(cfg);
    candidates::configure(cfg);
    liaisons::configure(cfg);
    // Before the dues sheet's `{month}`, which `import` would otherwise match.
    year_imports::configure(cfg);
    meetings::configure(cfg);
    dues::configure(cfg);
    dues_records::configure(cfg);
    transfers::configure(cfg);
    evaluations::configure(cfg);
    cards::configure(cfg);
    badges::configure(cfg);
    alerts::configure(cfg);
    reports::configure(cfg);
    imports::configure(cfg);
    audit::configure(cfg);
    changes::configure(cfg);
    sync::configure(cfg);
    calendar::configure(cfg);
    regulations::configure(cfg);
}
