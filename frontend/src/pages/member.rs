//! The member record: dossier, history, evaluations, cards, badges, transfers, discipline.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use qldv_api_types::badges::Badge;
use qldv_api_types::evaluations::Evaluation;
use qldv_api_types::members::{Member, MemberEvent};
use qldv_api_types::movements::{Discipline, Transfer};
use qldv_api_types::Page;

use leptos::task::spawn_local;

use crate::api::{self, ApiError};
use crate::components::breadcrumbs::OrgBreadcrumbs;
use crate::components::confirm::{member_and_org, org_name, Confirm, ConfirmDialog};
use crate::components::date_input::DateInput;
use crate::components::org_picker::scope_root;
use crate::components::{remote, remote_all, ErrorBox};
use crate::format::{self, opt, opt_date};
use crate::i18n::{event_label, field_label, kind_label, use_lang, ux, Lang, Text, Ux};
use crate::pages::member_actions::Actions;
use crate::pages::member_cards::CardsTab;
use crate::pages::member_edit::EditDossier;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Dossier,
    History,
    Evaluations,
    Cards,
    Badges,
    Transfers,
    Disciplines,
    Actions,
}

const TABS: [(Tab, Text); 8] = [
    (Tab::Dossier, Text::Dossier),
    (Tab::History, Text::History),
    (Tab::Evaluations, Text::Evaluations),
    (Tab::Cards, Text::Cards),
    (Tab::Badges, Text::Badges),
    (Tab::Transfers, Text::Transfers),
    (Tab::Disciplines, Text::Disciplines),
    (Tab::Actions, Text::Actions),
];

/// The tab a link names (`?tab=`).
fn tab_named(name: &str) -> Option<Tab> {
    Some(match name {
        "dossier" => Tab::Dossier,
        "history" => Tab::History,
        "evaluations" => Tab::Evaluations,
        "cards" => Tab::Cards,
        "badges" => Tab::Badges,
        "transfers" => Tab::Transfers,
        "disciplines" => Tab::Disciplines,
        "actions" => Tab::Actions,
        _ => return None,
    })
}

fn row(label: &'static str, value: String) -> impl IntoView {
    view! { <dt>{label}</dt><dd>{value}</dd> }
}

fn dossier(lang: Lang, m: Member) -> impl IntoView {
    let t = |k| lang.t(k);
    let p = m.profile;
    let gender = match p.gender {
        Some(g) => lang.term(g),
        None => "—",
    };
    let mut flags = Vec::new();
    if m.in_transit {
        flags.push(t(Text::InTransit));
    }
    if m.exempt {
        flags.push(t(Text::Exempt));
    }
    if m.away {
        flags.push(t(Text::Away));
    }
    view! {
        <dl class="fields">
            {row(t(Text::FullName), opt(&p.full_name))}
            {row(t(Text::Gender), gender.to_string())}
            {row(t(Text::BirthDate), opt_date(p.birth_date))}
            {row(t(Text::NationalId), opt(&p.national_id))}
            {row(t(Text::Hometown), opt(&p.hometown))}
            {row(t(Text::CurrentAddress), opt(&p.current_address))}
            {row(t(Text::Ethnicity), opt(&p.ethnicity))}
            {row(t(Text::Religion), opt(&p.religion))}
            {row(t(Text::Phone), opt(&p.phone))}
            {row(t(Text::Email), opt(&p.email))}
            {row(t(Text::Education), opt(&p.education_general))}
            {row(t(Text::PoliticalTheory), p.political_theory.and_then(|v| serde_json::to_value(v).ok()).and_then(|v| v.as_str().map(str::to_string)).unwrap_or_else(|| "—".into()))}
            {row(t(Text::Occupation), opt(&p.occupation))}
            {row(t(Text::Workplace), opt(&p.workplace))}
            {row(t(Text::PersonalHistoryNo), opt(&p.personal_history_no))}
            {row(t(Text::FirstAdmission), format::date(m.first_admission_decision_on))}
            {row(t(Text::AdmissionDecision), format!("{} {}", format::date(m.admission_decision_on), p.admission_decision_no.clone().unwrap_or_default()))}
            {row(t(Text::Ceremony), format::date(m.ceremony_on))}
            {row(t(Text::OfficialOn), opt_date(m.official_on))}
            {row(t(Text::PartyAge), m.party_age_years.map(|y| format!("{y} {}", t(Text::Years))).unwrap_or_else(|| "—".into()))}
            {row(t(Text::CardNumber), opt(&m.card_number))}
            {row(t(Text::Status), std::iter::once(format::status(lang, m.status).0).chain(flags).collect::<Vec<_>>().join(", "))}
            {row(t(Text::MissingFields), if m.missing_fields.is_empty() { "—".into() } else { m.missing_fields.iter().map(|f| field_label(lang, f)).collect::<Vec<_>>().join(", ") })}
        </dl>
    }
}

fn table(headers: Vec<&'static str>, rows: Vec<Vec<String>>, empty: &'static str) -> AnyView {
    if rows.is_empty() {
        return view! { <p class="empty">{empty}</p> }.into_any();
    }
    view! {
        <table>
            <thead><tr>{headers.into_iter().map(|h| view! { <th>{h}</th> }).collect_view()}</tr></thead>
            <tbody>
                {rows.into_iter().map(|r| view! {
                    <tr>{r.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

fn tab_view(lang: Lang, tab: Tab, id: i64) -> AnyView {
    let t = move |k| lang.t(k);
    let nothing = t(Text::Nothing);
    match tab {
        Tab::Dossier | Tab::Actions => ().into_any(),
        Tab::History => remote_all(
            format!("/members/{id}/events"),
            move |events: Vec<MemberEvent>| {
                table(
                    vec![
                        t(Text::Date),
                        t(Text::Event),
                        t(Text::Decision),
                        t(Text::Regulation),
                    ],
                    events
                        .into_iter()
                        .map(|e| {
                            vec![
                                format::date(e.occurred_on),
                                event_label(lang, e.kind).to_string(),
                                opt(&e.decision_no),
                                e.regulation,
                            ]
                        })
                        .collect(),
                    nothing,
                )
            },
        )
        .into_any(),
        Tab::Evaluations => remote_all(
            format!("/members/{id}/evaluations"),
            move |list: Vec<Evaluation>| {
                table(
                    vec![t(Text::Year), t(Text::Level), t(Text::Score)],
                    list.into_iter()
                        .map(|e| {
                            let level = serde_json::to_value(e.level)
                                .ok()
                                .and_then(|v| v.as_str().map(str::to_string))
                                .unwrap_or_default();
                            vec![
                                e.year.to_string(),
                                kind_label(lang, &level),
                                e.score.map(|s| s.to_string()).unwrap_or_else(|| "—".into()),
                            ]
                        })
                        .collect(),
                    nothing,
                )
            },
        )
        .into_any(),
        Tab::Cards => view! { <CardsTab member=id/> }.into_any(),
        Tab::Badges => remote_all(format!("/members/{id}/badges"), move |list: Vec<Badge>| {
            table(
                vec![
                    t(Text::Milestone),
                    t(Text::Occasion),
                    t(Text::Decision),
                    t(Text::Status),
                ],
                list.into_iter()
                    .map(|b| {
                        let status = serde_json::to_value(b.status)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_string))
                            .unwrap_or_default();
                        vec![
                            format!("{} {}", b.milestone, t(Text::Years)),
                            format::date(b.occasion_on),
                            b.decision_no,
                            kind_label(lang, &status),
                        ]
                    })
                    .collect(),
                nothing,
            )
        })
        .into_any(),
        Tab::Transfers => view! { <IssueTransfer member=id/> }.into_any(),
        Tab::Disciplines => disciplines(lang, id),
    }
}

fn transfer_history(lang: Lang, id: i64, done: RwSignal<u32>) -> impl IntoView {
    let t = move |k| lang.t(k);
    let nothing = t(Text::Nothing);
    move || {
        done.track();
        remote(
            format!("/transfers?member_id={id}"),
            move |p: Page<Transfer>| {
                table(
                    vec![t(Text::IssuedOn), t(Text::To), t(Text::Status)],
                    p.items
                        .into_iter()
                        .map(|tr| {
                            let status = serde_json::to_value(tr.status)
                                .ok()
                                .and_then(|v| v.as_str().map(str::to_string))
                                .unwrap_or_default();
                            let to = tr
                                .to_organization_id
                                .map(|o| o.to_string())
                                .or(tr.to_external)
                                .unwrap_or_default();
                            vec![format::date(tr.issued_on), to, kind_label(lang, &status)]
                        })
                        .collect(),
                    nothing,
                )
            },
        )
    }
}

fn disciplines(lang: Lang, id: i64) -> AnyView {
    let t = move |k| lang.t(k);
    let nothing = t(Text::Nothing);
    remote_all(
        format!("/members/{id}/disciplines"),
        move |list: Vec<Discipline>| {
            table(
                vec![t(Text::Date), t(Text::Form), t(Text::Decision)],
                list.into_iter()
                    .map(|d| {
                        vec![
                            format::date(d.decided_on),
                            lang.term(d.form).to_string(),
                            d.decision_no,
                        ]
                    })
                    .collect(),
                nothing,
            )
        },
    )
    .into_any()
}

/// Issues a transfer of the member (official or temporary), then lists its transfers.
#[component]
fn IssueTransfer(member: i64) -> impl IntoView {
    let lang = use_lang();
    let t = move |k| lang.get().t(k);
    let to = RwSignal::new(String::new());
    let kind = RwSignal::new("official".to_string());
    let issued = RwSignal::new(format::today_iso());
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let saved = RwSignal::new(false);
    let done = RwSignal::new(0u32);
    let confirm = Confirm::new();
    let root = scope_root();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        saved.set(false);
        let body = serde_json::json!({
            "member_id": member,
            "to_organization_id": to.get_untracked().trim().parse::<i64>().ok(),
            "kind": kind.get_untracked(),
            "issued_on": issued.get_untracked(),
            "reason": reason.get_untracked(),
        });
        let send = move || {
            let body = body.clone();
            spawn_local(async move {
                match api::send::<_, Transfer>("POST", "/transfers", &body).await {
                    Ok(_) => {
                        saved.set(true);
                        done.update(|n| *n += 1);
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        };
        // Named in full before it is sent: who, from where, to where.
        let (l, official, to_id) = (
            lang.get_untracked(),
            kind.get_untracked() == "official",
            to.get_untracked(),
        );
        spawn_local(async move {
            let (name, from) = member_and_org(l, member, root).await;
            let to_name = match to_id.trim().parse::<i64>() {
                Ok(t) => org_name(l, root, t).await,
                Err(_) => to_id,
            };
            confirm.ask(
                ux::confirm_transfer(l, official, &name, &from, &to_name),
                send,
            );
        });
    };
    let field = move |name: &'static str| {
        move || {
            error
                .get()
                .and_then(|e| e.field(name))
                .map(|m| view! { <div class="field-error">{m}</div> })
        }
    };
    view! {
        <form class="inline-form no-print" on:submit=submit aria-label=move || t(Text::IssueTransfer)>
            <div>
                <label for="transfer-to">{move || t(Text::OrganizationId)}</label>
                <input id="transfer-to" inputmode="numeric" required bind:value=to/>
                {field("to_organization_id")}
            </div>
            <div>
                <label for="transfer-kind">{move || t(Text::Kind)}</label>
                <select id="transfer-kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                    <option value="official">{move || t(Text::TransferOfficial)}</option>
                    <option value="temporary">{move || t(Text::TransferTemporary)}</option>
                </select>
            </div>
            <div>
                <label for="transfer-issued">{move || t(Text::IssuedOn)}</label>
                <DateInput id="transfer-issued" required=true value=issued/>
                {field("issued_on")}
            </div>
            <div>
                <label for="transfer-reason">{move || t(Text::Reason)}</label>
                <input id="transfer-reason" required bind:value=reason/>
                {field("reason")}
            </div>
            <div>
                <button class="primary" type="submit">{move || t(Text::IssueTransfer)}</button>
            </div>
        </form>
        <ConfirmDialog confirm=confirm/>
        {move || error.get().map(|e| view! { <ErrorBox error=e/> })}
        <Show when=move || saved.get()><p role="status">{move || t(Text::Saved)}</p></Show>
        {transfer_history(lang.get_untracked(), member, done)}
    }
}

/// The member record page.
#[component]
pub fn MemberPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0));
    // A link may open a tab (`?tab=actions`: the dashboard's alerts lead to what clears them).
    let tab = RwSignal::new(
        use_query_map()
            .with_untracked(|q| q.get("tab"))
            .and_then(|t| tab_named(&t))
            .unwrap_or(Tab::Dossier),
    );
    // Bumped by edits and decisions: the record is read again.
    let changed = RwSignal::new(0u32);
    let editing = RwSignal::new(false);
    view! {
        <main>
            <p class="no-print"><a href="/members">{move || lang.get().t(Text::Back)}</a></p>
            {move || {
                let id = id();
                changed.track();
                remote(format!("/members/{id}"), move |m: Member| {
                    let (label, class) = format::status(lang.get_untracked(), m.status);
                    view! {
                        <OrgBreadcrumbs org=m.organization_id.to_string() base="/members"/>
                        <h1>{m.profile.full_name.clone().unwrap_or_default()} " " <span class=format!("badge {class}")>{label}</span></h1>
                        <p class="no-print"><A href=format!("/members/{id}/print")>{move || lang.get().ux(Ux::PrintMemberForm)}</A></p>
                        <div class="tabs" role="tablist">
                            {TABS.into_iter().map(|(k, label)| view! {
                                <button type="button" role="tab"
                                    aria-selected=move || (tab.get() == k).to_string()
                                    on:click=move |_| tab.set(k)>
                                    {move || lang.get().t(label)}
                                </button>
                            }).collect_view()}
                        </div>
                        <section class="card" role="tabpanel">
                            {move || match tab.get() {
                                Tab::Dossier if editing.get() => view! {
                                    <EditDossier member=m.clone() saved=changed/>
                                }.into_any(),
                                Tab::Dossier => view! {
                                    {dossier(lang.get(), m.clone())}
                                    <p class="no-print">
                                        <button type="button" on:click=move |_| editing.set(true)>{move || lang.get().t(Text::EditDossier)}</button>
                                    </p>
                                }.into_any(),
                                Tab::Actions => view! { <Actions member=id done=changed/> }.into_any(),
                                other => tab_view(lang.get(), other, id),
                            }}
                        </section>
                    }
                })
            }}
        </main>
    }
}
