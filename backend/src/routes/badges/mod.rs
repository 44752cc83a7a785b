//! `/badges`: party badges (rules 18–20).

mod award;
mod eligible;
mod occasions;
mod proposals;

use utoipa_actix_web::service_config::ServiceConfig;

/// Registers the handlers.
pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(eligible::eligible_badges)
        .service(award::award_badge)
        .service(award::list_badges)
        .service(occasions::record_occasion)
        .service(occasions::list_occasions)
        .service(proposals::propose_badges)
        .service(proposals::list_proposals)
        .service(proposals::approve_proposals)
        .service(proposals::reject_proposal);
}
