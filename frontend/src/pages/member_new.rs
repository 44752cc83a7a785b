//! Admission (or data entry of an existing member), `/members/new?organization_id=`: the record
//! with field-level errors.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use qldv_api_types::members::{CreateMember, Gender, MemberProfile, MemberStatus};
use qldv_api_types::{OrgId, Term};

use crate::api::{self, ApiError};
use crate::components::action::{failure, problem, write};
use crate::components::breadcrumbs::OrgBreadcrumbs;
use crate::components::form::{date, focus_first, input, opt_date, select, some, term, terms};
use crate::components::org_picker::org_field;
use crate::components::still_here;
use crate::i18n::{label, use_lang, Text};
use crate::urls;

/// The admission form.
#[component]
pub fn NewMember() -> impl IntoView {
    let lang = use_lang();
    let navigate = use_navigate();
    let s = || RwSignal::new(String::new());
    let org = RwSignal::new(
        use_query_map()
            .with_untracked(|q| q.get("organization_id"))
            .and_then(|o| o.parse::<OrgId>().ok()),
    );
    let (full_name, birth_date, national_id, hometown, current_address) = (s(), s(), s(), s(), s());
    let (ethnicity, religion, phone, email) = (s(), s(), s(), s());
    let (decided, decision_no, ceremony, official_on) = (s(), s(), s(), s());
    let gender = RwSignal::new(Gender::Male.code().to_string());
    let status = RwSignal::new(MemberStatus::Probationary.code().to_string());
    let build = move || -> Result<CreateMember, ApiError> {
        let status: MemberStatus = term("status", status)?;
        Ok(CreateMember {
            organization_id: org
                .get_untracked()
                .ok_or_else(|| ApiError::field_local("organization_id", Text::Required))?,
            profile: MemberProfile {
                full_name: some(full_name),
                gender: Some(term("gender", gender)?),
                birth_date: opt_date("birth_date", birth_date)?,
                national_id: some(national_id),
                hometown: some(hometown),
                current_address: some(current_address),
                ethnicity: some(ethnicity),
                religion: some(religion),
                phone: some(phone),
                email: some(email),
                admission_decision_no: some(decision_no),
                ..Default::default()
            },
            admission_decision_on: date("admission_decision_on", decided)?,
            cell_considered_on: None,
            decision_received_on: None,
            ceremony_on: date("ceremony_on", ceremony)?,
            status,
            official_on: match status {
                MemberStatus::Official => opt_date("official_on", official_on)?,
                _ => None,
            },
            first_admission_decision_on: None,
            age_consent_no: None,
            ceremony_delay_approval_no: None,
        })
    };
    let here = still_here();
    let save = write(move |body: &Result<CreateMember, ApiError>| {
        let body = body.clone();
        let navigate = navigate.clone();
        let here = here.clone();
        async move {
            let m = api::members::create(&body?).await?;
            if here() {
                navigate(&urls::member(m.id), Default::default());
            }
            Ok(m)
        }
    });
    let error = failure(save);
    // Keyboard first: the organisation's search when none is chosen yet, else the name.
    focus_first(if org.get_untracked().is_none() {
        "f-organization_id-search"
    } else {
        "f-full_name"
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch(build());
    };
    view! {
        <main>
            <h1>{label(lang, Text::Admit)}</h1>
            <OrgBreadcrumbs org=org base="/members"/>
            <form class="card inline-form" on:submit=submit>
                {org_field("f-organization_id", org, move |o: Option<OrgId>| org.set(o), Some(error))}
                {input("full_name", Text::FullName, "text", full_name, error)}
                {select("gender", Text::Gender, terms(Gender::ALL), gender, error)}
                {input("birth_date", Text::BirthDate, "date", birth_date, error)}
                {input("national_id", Text::NationalId, "text", national_id, error)}
                {input("hometown", Text::Hometown, "text", hometown, error)}
                {input("current_address", Text::CurrentAddress, "text", current_address, error)}
                {input("ethnicity", Text::Ethnicity, "text", ethnicity, error)}
                {input("religion", Text::Religion, "text", religion, error)}
                {input("phone", Text::Phone, "tel", phone, error)}
                {input("email", Text::Email, "email", email, error)}
                {input("admission_decision_on", Text::AdmissionDecision, "date", decided, error)}
                {input("admission_decision_no", Text::Decision, "text", decision_no, error)}
                {input("ceremony_on", Text::Ceremony, "date", ceremony, error)}
                {select("status", Text::Status, terms(&MemberStatus::ACTIVE), status, error)}
                <Show when=move || status.get() == MemberStatus::Official.code()>
                    {input("official_on", Text::OfficialOn, "date", official_on, error)}
                </Show>
                <div><button class="primary" type="submit" disabled=move || save.pending().get()>{label(lang, Text::Save)}</button></div>
            </form>
            {problem(save)}
        </main>
    }
}
