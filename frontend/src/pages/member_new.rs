//! Admission (or data entry of an existing member): the record with field-level errors.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};
use qldv_api_types::members::Member;

use crate::api::{self, ApiError};
use crate::components::breadcrumbs::OrgBreadcrumbs;
use crate::components::form::{focus_first, input, select, some};
use crate::components::org_picker::OrgPicker;
use crate::components::ErrorBox;
use crate::i18n::{use_lang, Text};

/// The admission form (`/members/new?organization_id=`).
#[component]
pub fn NewMember() -> impl IntoView {
    let lang = use_lang();
    let t = move |k| lang.get().t(k);
    let query = use_query_map();
    let navigate = use_navigate();
    let s = || RwSignal::new(String::new());
    let org = RwSignal::new(
        query
            .with_untracked(|q| q.get("organization_id"))
            .unwrap_or_default(),
    );
    let (full_name, birth_date, national_id, hometown, current_address) = (s(), s(), s(), s(), s());
    let (ethnicity, religion, phone, email) = (s(), s(), s(), s());
    let (decided, decision_no, ceremony, official_on) = (s(), s(), s(), s());
    let gender = RwSignal::new("male".to_string());
    let status = RwSignal::new("probationary".to_string());
    let error = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    // Keyboard first: the organisation's search when none is chosen yet, else the name.
    focus_first(if org.get_untracked().is_empty() {
        "f-organization_id-search"
    } else {
        "f-full_name"
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = serde_json::json!({
            "organization_id": org.get_untracked().trim().parse::<i64>().ok(),
            "full_name": full_name.get_untracked().trim(),
            "gender": gender.get_untracked(),
            "birth_date": some(birth_date),
            "national_id": some(national_id),
            "hometown": some(hometown),
            "current_address": some(current_address),
            "ethnicity": some(ethnicity),
            "religion": some(religion),
            "phone": some(phone),
            "email": some(email),
            "admission_decision_on": some(decided),
            "admission_decision_no": some(decision_no),
            "ceremony_on": some(ceremony),
            "status": status.get_untracked(),
            "official_on": some(official_on),
        });
        busy.set(true);
        error.set(None);
        let navigate = navigate.clone();
        spawn_local(async move {
            let res = api::send::<_, Member>("POST", "/members", &body).await;
            busy.set(false);
            match res {
                Ok(m) => navigate(&format!("/members/{}", m.id), Default::default()),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <main>
            <h1>{move || t(Text::Admit)}</h1>
            <OrgBreadcrumbs org=org base="/members"/>
            <form class="card inline-form" on:submit=submit>
                <div>
                    <label for="f-organization_id">{move || t(Text::Organizations)}</label>
                    <OrgPicker id="f-organization_id" value=org/>
                    {move || error.get().and_then(|e| e.field("organization_id")).map(|m| view! { <div class="field-error">{m}</div> })}
                </div>
                {input("full_name", Text::FullName, "text", full_name, error)}
                {select("gender", Text::Gender, vec![("male", Text::Male), ("female", Text::Female)], gender, error)}
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
                {select("status", Text::Status, vec![("probationary", Text::Probationary), ("official", Text::Official)], status, error)}
                <Show when=move || status.get() == "official">
                    {input("official_on", Text::OfficialOn, "date", official_on, error)}
                </Show>
                <div><button class="primary" type="submit" disabled=move || busy.get()>{move || t(Text::Save)}</button></div>
            </form>
            {move || error.get().map(|e| view! { <ErrorBox error=e/> })}
        </main>
    }
}
