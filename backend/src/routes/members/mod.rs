//! `/members`: member records inside the caller's scope.

mod badge_eligibility;
mod cases;
mod create;
mod disciplines;
mod events;
mod exit;
mod export;
mod get;
mod illnesses;
mod interruptions;
mod list;
mod party_age;
mod periods;
mod recognition;
mod records;
mod remedies;
mod supplement;
mod update;

use utoipa_actix_web::service_config::ServiceConfig;

/// Registers the handlers.
pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(create::create_member)
        .service(export::export_members)
        .service(list::list_members)
        .service(get::get_member)
        .service(update::update_member)
        .service(events::member_events)
        .service(events::member_memberships)
        .service(party_age::member_party_age)
        .service(recognition::recognize_member)
        .service(supplement::file_supplement)
        .service(disciplines::create_discipline)
        .service(disciplines::list_disciplines)
        .service(disciplines::hold_discipline)
        .service(cases::create_case)
        .service(cases::list_cases)
        .service(cases::settle_case)
        .service(recognition::refuse_recognition)
        .service(remedies::record_remedy)
        .service(badge_eligibility::member_badge_eligibility)
        .service(exit::exit_member)
        .service(exit::readmit_member)
        .service(periods::add_exemption)
        .service(periods::add_absence)
        .service(periods::list_periods)
        .service(interruptions::lose_contact)
        .service(interruptions::restore_contact)
        .service(interruptions::record_past_interruption)
        .service(interruptions::annul)
        .service(illnesses::add_illness)
        .service(illnesses::list_illnesses)
        .service(records::put_evaluation)
        .service(records::member_evaluations)
        .service(records::member_cards)
        .service(records::member_badges);
}
