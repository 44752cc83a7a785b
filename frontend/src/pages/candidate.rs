//! A candidate's admission file (`/candidates/:id`): identity, source and helpers; every step of
//! the file in order with its date and document; the form that records the next step (its own
//! fields by kind, the server's refusal shown at the form, a confirmation naming what will
//! happen before the decision, a refusal and the ceremony); dropping with a reason. Printable:
//! the forms stay off the paper.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use qldv_api_types::candidates::{
    Candidate, CandidateDrop, CandidateDropReason, CandidateStage, CandidateStep,
    CandidateStepKind as K, RecordStep, StepRecorded,
};
use qldv_api_types::members::{Member, MemberStatus};
use qldv_api_types::{MemberId, Term};

use crate::api::members::MemberFilter;
use crate::api::{self, ApiError, ApiResult};
use crate::components::action::{failure, outcome, write};
use crate::components::breadcrumbs::OrgBreadcrumbs;
use crate::components::confirm::{org_name, Confirm, ConfirmDialog};
use crate::components::form::{
    date, field_error, input_in, opt_date, select_in, some, term, terms,
};
use crate::components::paper::{paper_head, print, today};
use crate::components::read::{read, show};
use crate::format;
use crate::i18n::{label, use_lang, ux, Lang, Text};
use crate::pages::candidates::{due, overdue_mark};
use crate::urls;

/// The candidate page: the file read again after each write.
#[component]
pub fn CandidatePage() -> impl IntoView {
    let params = use_params_map();
    let id =
        Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<MemberId>().ok())));
    let changed = RwSignal::new(0u32);
    let warnings = RwSignal::new(Vec::<String>::new());
    let file = read(move || {
        changed.track();
        let id = id.get();
        async move {
            match id {
                Some(id) => api::candidates::get(id).await,
                None => Err(ApiError::local(Text::NotFound)),
            }
        }
    });
    view! {
        <main class="candidate-file">
            {show(file, move |c: Candidate| view! { <File c=c changed=changed warnings=warnings/> })}
        </main>
    }
}

/// The cell's official members (helpers and introducers are chosen among them), by id and name.
type Officials = Vec<(MemberId, String)>;

async fn officials(c: &Candidate) -> ApiResult<Officials> {
    let filter = MemberFilter {
        organization_id: Some(c.organization_id),
        q: String::new(),
        status: Some(MemberStatus::Official),
    };
    let (members, _) = api::members::first_pages(&filter, 4).await?;
    Ok(members
        .into_iter()
        .map(|m: Member| {
            let name = m.profile.full_name.unwrap_or_else(|| format!("#{}", m.id));
            (m.id, name)
        })
        .collect())
}

fn name_of(officials: &Officials, id: MemberId) -> String {
    officials
        .iter()
        .find(|(m, _)| *m == id)
        .map(|(_, n)| n.clone())
        .unwrap_or_else(|| format!("#{id}"))
}

/// Whether the file still takes steps.
fn open(c: &Candidate) -> bool {
    c.status == MemberStatus::Candidate
        && c.dropped.is_none()
        && !matches!(c.stage, CandidateStage::Refused | CandidateStage::Admitted)
}

/// The file, once read.
#[component]
fn File(c: Candidate, changed: RwSignal<u32>, warnings: RwSignal<Vec<String>>) -> impl IntoView {
    let lang = use_lang();
    let name = c.profile.full_name.clone().unwrap_or_default();
    let org = c.organization_id;
    let cand = c.clone();
    let people = read(move || {
        let c = cand.clone();
        async move { officials(&c).await }
    });
    let l = lang.get_untracked();
    let today_iso = format::today_iso();
    let (next, by, late) = due(l, c.next_due, &today_iso);
    let stage = c.stage;
    let facts: Vec<(Text, String)> = vec![
        (Text::BirthDate, format::opt_date(c.profile.birth_date)),
        (
            Text::Gender,
            c.profile
                .gender
                .map(|g| l.term(g).to_string())
                .unwrap_or_default(),
        ),
        (Text::NationalId, format::opt(&c.profile.national_id)),
        (Text::Hometown, format::opt(&c.profile.hometown)),
        (
            Text::CurrentAddress,
            format::opt(&c.profile.current_address),
        ),
        (Text::Occupation, format::opt(&c.profile.occupation)),
        (Text::Source, l.term(c.source).to_string()),
        (Text::IdentifiedOn, format::date(c.identified_on)),
        (
            Text::Category,
            c.categories
                .iter()
                .map(|k| l.term(*k))
                .collect::<Vec<_>>()
                .join(", "),
        ),
    ];
    let flags: Vec<Text> = [
        (c.youth_union_member, Text::YouthUnionMember),
        (c.trade_union_member, Text::TradeUnionMember),
        (c.population_policy, Text::PopulationPolicy),
    ]
    .into_iter()
    .filter_map(|(on, t)| on.then_some(t))
    .collect();
    let dropped = c.dropped.clone();
    let is_open = open(&c);
    let admitted = (c.status != MemberStatus::Candidate).then_some(c.id);
    let steps = c.steps.clone();
    let helper_ids: Vec<MemberId> = c
        .steps
        .iter()
        .rfind(|s| s.kind == K::HelpersAssigned)
        .map(|s| s.helper_ids.clone())
        .unwrap_or_default();
    let org_label = org_name(l, org.0);
    view! {
        <div class="print-only">{paper_head(vec![org_label], today())}</div>
        <h1>{label(lang, Text::CandidateFile)}": "{name.clone()}</h1>
        <OrgBreadcrumbs org=Signal::derive(move || Some(org)) base="/candidates"/>
        <p class="no-print toolbar">
            <A href=urls::candidates_in(org)>{label(lang, Text::Pipeline)}</A>
            <button type="button" on:click=move |_| print()>{label(lang, Text::Print)}</button>
            {admitted.map(|id| view! { <A href=urls::member(id)>{label(lang, Text::Dossier)}</A> })}
        </p>
        <section class="card">
            <p>
                <strong>{label(lang, Text::Stage)}": "</strong>
                <span class="badge">{move || lang.get().term(stage)}</span>
                " · "<strong>{label(lang, Text::NextStep)}": "</strong>{next}
                " · "<strong>{label(lang, Text::DueBy)}": "</strong>{by}{overdue_mark(lang, late)}
            </p>
            {dropped.map(|d| view! {
                <p class="alert-box">
                    {label(lang, Text::Drop)}" "{format::date(d.on)}": "
                    {move || lang.get().term(d.reason)}
                    {d.note.clone().map(|n| format!(" — {n}"))}
                </p>
            })}
            <dl class="facts">
                {facts.into_iter().map(|(k, v)| view! {
                    <dt>{label(lang, k)}</dt><dd>{v}</dd>
                }).collect_view()}
            </dl>
            {(!flags.is_empty()).then(|| view! {
                <ul>{flags.into_iter().map(|t| view! { <li>{label(lang, t)}</li> }).collect_view()}</ul>
            })}
        </section>
        {show(people, move |people: Officials| {
            let helpers = helper_ids
                .iter()
                .map(|h| name_of(&people, *h))
                .collect::<Vec<_>>()
                .join(", ");
            let helpers = if helpers.is_empty() { "—".to_string() } else { helpers };
            view! {
                <section class="card">
                    <p><strong>{label(lang, Text::Helpers)}": "</strong>{helpers}</p>
                    <h2>{label(lang, Text::FileSteps)}</h2>
                    {steps_table(&steps, &people)}
                </section>
                {warnings.get_untracked().into_iter().map(|w| view! {
                    <p class="field-hint no-print" role="status">{label(lang, Text::Warnings)}": "{w}</p>
                }).collect_view()}
                {is_open.then(|| view! {
                    <StepForm c=c.clone() people=people.clone() changed=changed warnings=warnings/>
                    <DropForm c=c.clone() changed=changed/>
                })}
            }
        })}
        <div class="print-only">
            {crate::components::paper::signatures(
                crate::components::paper::Signature { role: "T/M CHI ỦY".into(), hint: "(Ký, ghi rõ họ tên)".into(), name: None },
                crate::components::paper::Signature { role: "NGƯỜI LẬP".into(), hint: "(Ký, ghi rõ họ tên)".into(), name: None },
            )}
        </div>
    }
}

/// What a step's own fields say, in a line.
fn details(lang: Lang, s: &CandidateStep, people: &Officials) -> String {
    let mut parts = Vec::new();
    if let (Some(a), Some(m)) = (s.vote_agreeing, s.vote_members) {
        parts.push(format!("{}: {a}/{m}", lang.t(Text::VoteAgreeing)));
    }
    if let Some(i) = s.introducer_id {
        parts.push(format!(
            "{}: {}",
            lang.t(Text::Introducer),
            name_of(people, i)
        ));
    }
    if let Some(t) = s.together_since {
        parts.push(format!(
            "{} {}",
            lang.t(Text::TogetherSince),
            format::date(t)
        ));
    }
    if s.replacing {
        parts.push(lang.t(Text::Replacing).to_string());
    }
    if !s.helper_ids.is_empty() {
        let names: Vec<_> = s.helper_ids.iter().map(|h| name_of(people, *h)).collect();
        parts.push(names.join(", "));
    }
    if let Some(r) = s.received_on {
        parts.push(format!(
            "{} {}",
            lang.t(Text::DecisionReceivedOn),
            format::date(r)
        ));
    }
    if let Some(r) = &s.late_reason {
        parts.push(format!("{}: {r}", lang.t(Text::LateReason)));
    }
    if let Some(a) = &s.approval_no {
        parts.push(format!("{}: {a}", lang.t(Text::ApprovalNo)));
    }
    parts.join("; ")
}

/// Every kind of step in the file's order, with the steps recorded for it (or a dash).
fn steps_table(steps: &[CandidateStep], people: &Officials) -> AnyView {
    let lang = use_lang();
    let l = lang.get_untracked();
    let rows = K::ALL
        .iter()
        .flat_map(|k| {
            let recorded: Vec<&CandidateStep> = steps.iter().filter(|s| s.kind == *k).collect();
            if recorded.is_empty() {
                vec![(*k, "—".to_string(), String::new(), String::new(), false)]
            } else {
                recorded
                    .into_iter()
                    .map(|s| {
                        (
                            *k,
                            format::date(s.on),
                            format::opt(&s.document_no),
                            details(l, s, people),
                            true,
                        )
                    })
                    .collect()
            }
        })
        .collect::<Vec<_>>();
    view! {
        <div class="table-wrap" tabindex="0">
            <table class="steps">
                <thead><tr>
                    <th>{label(lang, Text::Step)}</th>
                    <th>{label(lang, Text::Date)}</th>
                    <th>{label(lang, Text::DocumentNo)}</th>
                    <th>{label(lang, Text::Value)}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|(k, on, no, more, done)| view! {
                        <tr class:pending=!done>
                            <td>{move || lang.get().term(k)}</td>
                            <td>{on}</td>
                            <td>{no}</td>
                            <td>{more}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// A labelled select of the cell's official members (id `step-<name>`), with a blank first.
fn member_select(
    name: &'static str,
    text: Text,
    people: &Officials,
    value: RwSignal<String>,
    error: Signal<Option<ApiError>>,
) -> impl IntoView {
    let lang = use_lang();
    let id = format!("step-{name}");
    let options = people.clone();
    view! {
        <div>
            <label for=id.clone()>{label(lang, text)}</label>
            <select id=id name=name on:change=move |ev| value.set(event_target_value(&ev))>
                <option value="">{label(lang, Text::ChooseOne)}</option>
                {options.into_iter().map(|(m, n)| {
                    let v = m.to_string();
                    let v2 = v.clone();
                    view! { <option value=v selected=move || value.get() == v2>{n}</option> }
                }).collect_view()}
            </select>
            {field_error(error, name)}
        </div>
    }
}

/// A whole number typed in `value`, none when blank.
fn count(name: &'static str, value: RwSignal<String>) -> Result<Option<u32>, ApiError> {
    some(value)
        .map(|s| s.parse::<u32>())
        .transpose()
        .map_err(|_| ApiError::field_local(name, Text::Required))
}

/// A member chosen in a select, none when blank.
fn chosen(value: RwSignal<String>) -> Option<MemberId> {
    some(value).and_then(|s| s.parse().ok())
}

/// The form that records one step; its fields follow the kind chosen (the next due by default).
#[component]
fn StepForm(
    c: Candidate,
    people: Officials,
    changed: RwSignal<u32>,
    warnings: RwSignal<Vec<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let id = c.id;
    let s = || RwSignal::new(String::new());
    let first = c.next_due.map(|d| d.step).unwrap_or(K::HelpersAssigned);
    let kind = RwSignal::new(first.code().to_string());
    let (on, document_no, received_on, late_reason, approval_no) = (s(), s(), s(), s(), s());
    let (vote_members, vote_agreeing, introducer, together_since) = (s(), s(), s(), s());
    let (helper1, helper2) = (s(), s());
    let replacing = RwSignal::new(false);
    let build = move || -> Result<RecordStep, ApiError> {
        let k: K = term("kind", kind)?;
        let mut body = RecordStep {
            kind: Some(k),
            on: Some(date("on", on)?),
            document_no: some(document_no),
            received_on: None,
            late_reason: None,
            approval_no: None,
            vote_members: None,
            vote_agreeing: None,
            introducer_id: None,
            together_since: None,
            replacing: false,
            helper_ids: Vec::new(),
        };
        match k {
            K::HelpersAssigned => {
                body.helper_ids = [helper1, helper2].into_iter().filter_map(chosen).collect();
            }
            K::Introduction => {
                body.introducer_id = chosen(introducer);
                body.together_since = opt_date("together_since", together_since)?;
                body.replacing = replacing.get_untracked();
            }
            K::CellResolution | K::GrassrootsResolution => {
                body.vote_members = count("vote_members", vote_members)?;
                body.vote_agreeing = count("vote_agreeing", vote_agreeing)?;
            }
            K::AdmissionDecision => {
                body.received_on = opt_date("received_on", received_on)?;
                body.late_reason = some(late_reason);
            }
            K::AdmissionRefused => body.late_reason = some(late_reason),
            K::Ceremony => body.approval_no = some(approval_no),
            _ => {}
        }
        Ok(body)
    };
    let act = write(move |body: &Result<RecordStep, ApiError>| {
        let body = body.clone();
        async move {
            let out: StepRecorded = api::candidates::step(id, &body?).await?;
            warnings.set(out.warnings.clone());
            changed.try_update(|n| *n += 1);
            Ok(out)
        }
    });
    let error = failure(act);
    let confirm = Confirm::new();
    let name = c.profile.full_name.clone().unwrap_or_default();
    let org = c.organization_id;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = build();
        let l = lang.get_untracked();
        let org = org_name(l, org.0);
        let when = body
            .as_ref()
            .ok()
            .and_then(|b| b.on)
            .map(format::date)
            .unwrap_or_default();
        let question = match body.as_ref().ok().and_then(|b| b.kind) {
            Some(K::AdmissionDecision) => Some(ux::confirm_decision(
                l,
                &name,
                &org,
                &text_or_dash(&document_no),
                &when,
            )),
            Some(K::AdmissionRefused) => Some(ux::confirm_refusal(l, &name, &org, &when)),
            Some(K::Ceremony) => Some(ux::confirm_ceremony(l, &name, &org, &when)),
            _ => None,
        };
        match (question, body) {
            (Some(q), Ok(b)) => confirm.ask(q, move || act.dispatch(Ok(b.clone()))),
            (_, body) => act.dispatch(body),
        }
    };
    // The kind's own fields: one reactive branch (one view type in the wasm, not one per kind).
    let own = move || -> AnyView {
        match K::parse(&kind.get()) {
            Ok(K::HelpersAssigned) => view! {
                {member_select("helper_1", Text::Helper, &people, helper1, error)}
                {member_select("helper_2", Text::Helper, &people, helper2, error)}
            }
            .into_any(),
            Ok(K::Introduction) => view! {
                {member_select("introducer_id", Text::Introducer, &people, introducer, error)}
                {input_in("step", "together_since", Text::TogetherSince, "date", together_since, error)}
                <div><label class="inline" for="step-replacing">
                    <input id="step-replacing" type="checkbox" bind:checked=replacing/>" "{label(lang, Text::Replacing)}
                </label></div>
            }
            .into_any(),
            Ok(K::CellResolution | K::GrassrootsResolution) => view! {
                {input_in("step", "vote_members", Text::VoteMembers, "number", vote_members, error)}
                {input_in("step", "vote_agreeing", Text::VoteAgreeing, "number", vote_agreeing, error)}
            }
            .into_any(),
            Ok(K::AdmissionDecision) => view! {
                {input_in("step", "received_on", Text::DecisionReceivedOn, "date", received_on, error)}
                {input_in("step", "late_reason", Text::LateReason, "text", late_reason, error)}
            }
            .into_any(),
            Ok(K::AdmissionRefused) => {
                input_in("step", "late_reason", Text::LateReason, "text", late_reason, error).into_any()
            }
            Ok(K::Ceremony) => {
                input_in("step", "approval_no", Text::ApprovalNo, "text", approval_no, error).into_any()
            }
            _ => ().into_any(),
        }
    };
    view! {
        <section class="card no-print">
            <h2>{label(lang, Text::RecordStep)}</h2>
            <form class="inline-form" on:submit=submit>
                {select_in("step", "kind", Text::Step, terms(K::ALL), kind, error)}
                {input_in("step", "on", Text::Date, "date", on, error)}
                {input_in("step", "document_no", Text::DocumentNo, "text", document_no, error)}
                {own}
                <div><button class="primary" type="submit" disabled=move || act.pending().get()>{label(lang, Text::RecordStep)}</button></div>
            </form>
            {outcome(act)}
            <ConfirmDialog confirm=confirm/>
        </section>
    }
}

fn text_or_dash(v: &RwSignal<String>) -> String {
    some(*v).unwrap_or_else(|| "—".into())
}

/// Dropping the candidate, with the reason named in the confirmation.
#[component]
fn DropForm(c: Candidate, changed: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    let id = c.id;
    let on = RwSignal::new(format::today_iso());
    let reason = RwSignal::new(CandidateDropReason::Withdrew.code().to_string());
    let note = RwSignal::new(String::new());
    let act = write(move |body: &Result<CandidateDrop, ApiError>| {
        let body = body.clone();
        async move {
            let out = api::candidates::drop(id, &body?).await?;
            changed.try_update(|n| *n += 1);
            Ok(out)
        }
    });
    let error = failure(act);
    let confirm = Confirm::new();
    let name = c.profile.full_name.clone().unwrap_or_default();
    let org = c.organization_id;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = (|| -> Result<CandidateDrop, ApiError> {
            Ok(CandidateDrop {
                on: date("on", on)?,
                reason: term("reason", reason)?,
                note: some(note),
            })
        })();
        match body {
            Ok(b) => {
                let l = lang.get_untracked();
                let q = ux::confirm_drop(l, &name, &org_name(l, org.0), l.term(b.reason));
                confirm.ask(q, move || act.dispatch(Ok(b.clone())));
            }
            Err(e) => act.dispatch(Err(e)),
        }
    };
    view! {
        <details class="card no-print">
            <summary>{label(lang, Text::Drop)}</summary>
            <form class="inline-form" on:submit=submit>
                {input_in("drop", "on", Text::Date, "date", on, error)}
                {select_in("drop", "reason", Text::Reason, terms(CandidateDropReason::ALL), reason, error)}
                {input_in("drop", "note", Text::Note, "text", note, error)}
                <div><button type="submit" disabled=move || act.pending().get()>{label(lang, Text::Drop)}</button></div>
            </form>
            {outcome(act)}
            <ConfirmDialog confirm=confirm/>
        </details>
    }
}
