//! Developing new members (issue 22): the pipeline of a cell's candidates by stage
//! (`/candidates?organization_id=`), what is due next and by when, overdue marked; and the form
//! that identifies a new candidate (`/candidates/new?organization_id=`).

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use qldv_api_types::candidates::{
    CandidateDue, CandidateSource, CandidateStage, CandidateSummary, CreateCandidate,
    DevelopmentCategory,
};
use qldv_api_types::members::{Gender, MemberProfile};
use qldv_api_types::{OrgId, Term};

use crate::api::{self, ApiError};
use crate::components::action::{failure, problem, write};
use crate::components::breadcrumbs::OrgBreadcrumbs;
use crate::components::form::{date, focus_first, input, select, some, term, terms};
use crate::components::org_picker::{org_field, org_in_url};
use crate::components::read::{read, show};
use crate::components::still_here;
use crate::format;
use crate::i18n::{label, use_lang, Lang, Text};
use crate::urls;

/// What is due next, by when, and whether that day has passed (`today` is ISO).
pub fn due(lang: Lang, next: Option<CandidateDue>, today: &str) -> (String, String, bool) {
    match next {
        None => ("—".into(), "—".into(), false),
        Some(d) => (
            lang.term(d.step).to_string(),
            format::opt_date(d.by),
            d.by.is_some_and(|by| by.to_string().as_str() < today),
        ),
    }
}

/// The "Quá hạn" mark of an overdue step.
pub fn overdue_mark(lang: RwSignal<Lang>, overdue: bool) -> impl IntoView {
    overdue.then(|| view! { " " <span class="badge overdue">{label(lang, Text::Overdue)}</span> })
}

/// One candidate's row: the name (to the file), source, what is due next and by when.
fn row(c: CandidateSummary, today: &str) -> impl IntoView {
    let lang = use_lang();
    let (next, by, late) = due(lang.get_untracked(), c.next_due, today);
    let source = c.source;
    view! {
        <tr class:overdue=late>
            <td><A href=urls::candidate(c.id)>{c.full_name}</A></td>
            <td>{format::date(c.birth_date)}</td>
            <td>{move || lang.get().term(source)}</td>
            <td>{next}</td>
            <td>{by}{overdue_mark(lang, late)}</td>
        </tr>
    }
}

/// The candidates grouped by stage, in pipeline order; a stage with nobody is left out.
fn by_stage(items: Vec<CandidateSummary>, org: Option<OrgId>) -> AnyView {
    let lang = use_lang();
    if items.is_empty() {
        return view! {
            <p class="empty">{label(lang, Text::NoCandidates)}" "
                <A href=urls::new_candidate(org) attr:class="next">{label(lang, Text::NewCandidate)}</A>
            </p>
        }
        .into_any();
    }
    let today = format::today_iso();
    CandidateStage::ALL
        .iter()
        .copied()
        .filter_map(|stage| {
            let rows: Vec<_> = items.iter().filter(|c| c.stage == stage).cloned().collect();
            (!rows.is_empty()).then(|| {
                let n = rows.len();
                let today = today.clone();
                view! {
                    <section class="card stage">
                        <h2>{move || lang.get().term(stage)}" (" {n} ")"</h2>
                        <div class="table-wrap" tabindex="0">
                            <table class="candidates">
                                <thead><tr>
                                    <th>{label(lang, Text::FullName)}</th>
                                    <th>{label(lang, Text::BirthDate)}</th>
                                    <th>{label(lang, Text::Source)}</th>
                                    <th>{label(lang, Text::NextStep)}</th>
                                    <th>{label(lang, Text::DueBy)}</th>
                                </tr></thead>
                                <tbody>{rows.into_iter().map(|c| row(c, &today)).collect_view()}</tbody>
                            </table>
                        </div>
                    </section>
                }
            })
        })
        .collect_view()
        .into_any()
}

/// The pipeline page.
#[component]
pub fn Pipeline() -> impl IntoView {
    let lang = use_lang();
    let (org, picker) = org_in_url("pipeline-org");
    let list = read(move || {
        let org = org.get();
        async move {
            match org {
                Some(o) => api::candidates::list(o).await,
                None => Ok(Vec::new()),
            }
        }
    });
    view! {
        <main>
            <h1>{label(lang, Text::Pipeline)}</h1>
            <OrgBreadcrumbs org=org base="/candidates"/>
            <div class="toolbar">
                <div class="grow">{picker}</div>
                <div class="actions">
                    <A href=move || urls::new_candidate(org.get())>{label(lang, Text::NewCandidate)}</A>
                    <A href=move || urls::targets(org.get())>{label(lang, Text::Targets)}</A>
                </div>
            </div>
            {show(list, move |items: Vec<CandidateSummary>| by_stage(items, org.get_untracked()))}
        </main>
    }
}

/// The form that identifies a candidate in a cell.
#[component]
pub fn NewCandidate() -> impl IntoView {
    let lang = use_lang();
    let navigate = use_navigate();
    let s = || RwSignal::new(String::new());
    let org = RwSignal::new(
        use_query_map()
            .with_untracked(|q| q.get("organization_id"))
            .and_then(|o| o.parse::<OrgId>().ok()),
    );
    let (full_name, birth_date, national_id, hometown, current_address) = (s(), s(), s(), s(), s());
    let (phone, occupation, identified_on) = (s(), s(), RwSignal::new(format::today_iso()));
    let gender = RwSignal::new(Gender::Male.code().to_string());
    let source = RwSignal::new(CandidateSource::YouthUnion.code().to_string());
    let category = s();
    let (youth, trade, population) = (
        RwSignal::new(false),
        RwSignal::new(false),
        RwSignal::new(false),
    );
    let build = move || -> Result<(OrgId, CreateCandidate), ApiError> {
        let org = org
            .get_untracked()
            .ok_or_else(|| ApiError::field_local("organization_id", Text::Required))?;
        Ok((
            org,
            CreateCandidate {
                profile: MemberProfile {
                    full_name: some(full_name),
                    gender: Some(term("gender", gender)?),
                    birth_date: Some(date("birth_date", birth_date)?),
                    national_id: some(national_id),
                    hometown: some(hometown),
                    current_address: some(current_address),
                    phone: some(phone),
                    occupation: some(occupation),
                    ..Default::default()
                },
                source: term("source", source)?,
                identified_on: date("identified_on", identified_on)?,
                youth_union_member: youth.get_untracked(),
                trade_union_member: trade.get_untracked(),
                age_consent_no: None,
                population_policy: population.get_untracked(),
                categories: DevelopmentCategory::parse(category.get_untracked().trim())
                    .ok()
                    .into_iter()
                    .collect(),
            },
        ))
    };
    let here = still_here();
    let save = write(move |body: &Result<(OrgId, CreateCandidate), ApiError>| {
        let body = body.clone();
        let navigate = navigate.clone();
        let here = here.clone();
        async move {
            let (org, body) = body?;
            let c = api::candidates::create(org, &body).await?;
            if here() {
                navigate(&urls::candidate(c.id), Default::default());
            }
            Ok(c)
        }
    });
    let error = failure(save);
    focus_first(if org.get_untracked().is_none() {
        "f-organization_id-search"
    } else {
        "f-full_name"
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch(build());
    };
    let mut categories = vec![("", "—", "—")];
    categories.extend(terms(&DevelopmentCategory::OCCUPATIONAL));
    let check = move |id: &'static str, text: Text, value: RwSignal<bool>| {
        view! {
            <div><label class="inline" for=id>
                <input id=id type="checkbox" bind:checked=value/>" "{label(lang, text)}
            </label></div>
        }
    };
    view! {
        <main>
            <h1>{label(lang, Text::NewCandidate)}</h1>
            <OrgBreadcrumbs org=org base="/candidates"/>
            <form class="card inline-form" on:submit=submit>
                {org_field("f-organization_id", org, move |o: Option<OrgId>| org.set(o), Some(error))}
                {input("full_name", Text::FullName, "text", full_name, error)}
                {select("gender", Text::Gender, terms(Gender::ALL), gender, error)}
                {input("birth_date", Text::BirthDate, "date", birth_date, error)}
                {input("national_id", Text::NationalId, "text", national_id, error)}
                {input("hometown", Text::Hometown, "text", hometown, error)}
                {input("current_address", Text::CurrentAddress, "text", current_address, error)}
                {input("phone", Text::Phone, "tel", phone, error)}
                {input("occupation", Text::Occupation, "text", occupation, error)}
                {select("source", Text::Source, terms(CandidateSource::ALL), source, error)}
                {input("identified_on", Text::IdentifiedOn, "date", identified_on, error)}
                {select("categories", Text::Category, categories, category, error)}
                {check("f-youth_union_member", Text::YouthUnionMember, youth)}
                {check("f-trade_union_member", Text::TradeUnionMember, trade)}
                {check("f-population_policy", Text::PopulationPolicy, population)}
                <div><button class="primary" type="submit" disabled=move || save.pending().get()>{label(lang, Text::Save)}</button></div>
            </form>
            {problem(save)}
        </main>
    }
}
