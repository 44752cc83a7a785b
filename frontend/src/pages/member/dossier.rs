//! The dossier tab (`/members/:id`).

use leptos::prelude::*;
use leptos_router::components::A;
use qldv_api_types::members::Member;

use super::use_record;
use crate::components::read::show;
use crate::format::{self, opt, opt_date};
use crate::i18n::{field_label, label, use_lang, Text};
use crate::urls::{self, MemberTab};

/// One labelled value of the dossier.
fn row(label: Text, value: impl IntoView + 'static) -> impl IntoView {
    let lang = use_lang();
    view! { <dt>{move || lang.get().t(label)}</dt><dd>{value}</dd> }
}

fn dossier(m: Member) -> impl IntoView {
    let lang = use_lang();
    let p = m.profile.clone();
    let (gender, theory, status) = (p.gender, p.political_theory, m.status);
    let (in_transit, exempt, away) = (m.in_transit, m.exempt, m.away);
    let missing = m.missing_fields.clone();
    let age = m.party_age_years;
    view! {
        <dl class="fields">
            {row(Text::FullName, opt(&p.full_name))}
            {row(Text::Gender, move || gender.map(|g| lang.get().term(g)).unwrap_or("—").to_string())}
            {row(Text::BirthDate, opt_date(p.birth_date))}
            {row(Text::NationalId, opt(&p.national_id))}
            {row(Text::Hometown, opt(&p.hometown))}
            {row(Text::CurrentAddress, opt(&p.current_address))}
            {row(Text::Ethnicity, opt(&p.ethnicity))}
            {row(Text::Religion, opt(&p.religion))}
            {row(Text::Phone, opt(&p.phone))}
            {row(Text::Email, opt(&p.email))}
            {row(Text::Education, opt(&p.education_general))}
            {row(Text::PoliticalTheory, move || theory.map(|v| lang.get().term(v)).unwrap_or("—").to_string())}
            {row(Text::Occupation, opt(&p.occupation))}
            {row(Text::Workplace, opt(&p.workplace))}
            {row(Text::PersonalHistoryNo, opt(&p.personal_history_no))}
            {row(Text::FirstAdmission, format::date(m.first_admission_decision_on))}
            {row(Text::AdmissionDecision, format!("{} {}", format::date(m.admission_decision_on), p.admission_decision_no.clone().unwrap_or_default()))}
            {row(Text::Ceremony, format::date(m.ceremony_on))}
            {row(Text::OfficialOn, opt_date(m.official_on))}
            {row(Text::PartyAge, move || age.map(|y| format!("{y} {}", lang.get().t(Text::Years))).unwrap_or_else(|| "—".into()))}
            {row(Text::CardNumber, opt(&m.card_number))}
            {row(Text::Status, move || {
                let l = lang.get();
                let flags = [(in_transit, Text::InTransit), (exempt, Text::Exempt), (away, Text::Away)];
                std::iter::once(l.term(status))
                    .chain(flags.into_iter().filter(|(on, _)| *on).map(|(_, k)| l.t(k)))
                    .collect::<Vec<_>>()
                    .join(", ")
            })}
            {row(Text::MissingFields, move || {
                if missing.is_empty() {
                    "—".into()
                } else {
                    missing.iter().map(|f| field_label(lang.get(), f)).collect::<Vec<_>>().join(", ")
                }
            })}
        </dl>
    }
}

/// The dossier of the member, with the way to correct it.
#[component]
pub fn Dossier() -> impl IntoView {
    let lang = use_lang();
    use_record().map(|record| {
        show(record, move |m: Member| {
            let edit = urls::member_tab(m.id, MemberTab::Edit);
            view! {
                {dossier(m)}
                <p class="no-print"><A href=edit>{label(lang, Text::EditDossier)}</A></p>
            }
        })
    })
}
