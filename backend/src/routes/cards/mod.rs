//! `/cards`: party cards (rule 17).

mod change;
mod issue;
mod list;

use utoipa_actix_web::service_config::ServiceConfig;

/// Registers the handlers (`/cards/due` before `/cards/{id}`).
pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(issue::issue_card)
        .service(list::cards_due)
        .service(list::list_cards)
        .service(list::get_card)
        .service(change::reissue_card)
        .service(change::revoke_card);
}
