//! `/transfers`: moving members between cells.

mod arrival;
mod create;
mod decide;
mod list;

use utoipa_actix_web::service_config::ServiceConfig;

/// Registers the handlers.
pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(create::create_transfer)
        .service(arrival::record_arrival)
        .service(arrival::record_return)
        .service(list::list_transfers)
        .service(list::get_transfer)
        .service(decide::accept_transfer)
        .service(decide::reject_transfer)
        .service(decide::cancel_transfer);
}
