//! Party badges for an occasion: the eligibility list of a subtree, proposals by the cell or
//! grassroots level, approval by the provincial level.

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use qldv_api_types::badges::{ApproveProposals, BadgeProposal, EligibleMember, ProposeBadges};
use qldv_api_types::{MemberId, Page};

use crate::api::{self, ApiError};
use crate::components::date_input::DateInput;
use crate::components::org_picker::OrgPicker;
use crate::components::{remote, remote_all, ErrorBox};
use crate::format;
use crate::i18n::{use_lang, Text};
use crate::session;

/// The next regular award occasion (3 Feb, 19 May, 2 Sep, 7 Nov) from today.
fn next_occasion() -> String {
    let today = format::today_iso();
    let year: i32 = today[..4].parse().unwrap_or(2026);
    for y in [year, year + 1] {
        for md in ["02-03", "05-19", "09-02", "11-07"] {
            let d = format!("{y}-{md}");
            if d >= today {
                return d;
            }
        }
    }
    format!("{}-02-03", year + 1)
}

/// The badges page (`/badges?organization_id=`).
#[component]
pub fn BadgePage() -> impl IntoView {
    let lang = use_lang();
    let t = move |k| lang.get().t(k);
    let query = use_query_map();
    let user = session::use_user();
    let org = RwSignal::new(
        query
            .with_untracked(|q| q.get("organization_id"))
            .or_else(|| {
                user.get_untracked()
                    .and_then(|u| u.organization_id.map(|o| o.to_string()))
            })
            .unwrap_or_default(),
    );
    let occasion = RwSignal::new(next_occasion());
    let chosen = RwSignal::new(BTreeSet::<i64>::new());
    let to_approve = RwSignal::new(BTreeSet::<i64>::new());
    let decision = RwSignal::new(String::new());
    let changed = RwSignal::new(0u32);
    let error = RwSignal::new(None::<ApiError>);
    let notice = RwSignal::new(None::<String>);
    let org_param = move || {
        let o = org.get();
        if o.trim().is_empty() {
            String::new()
        } else {
            format!("organization_id={}&", o.trim())
        }
    };
    // Posts a decision on a set of members or proposals; on success clears that selection, says
    // how many, and reloads both lists.
    let act = move |path: &'static str,
                    body: serde_json::Value,
                    selection: RwSignal<BTreeSet<i64>>,
                    done: Text| {
        error.set(None);
        spawn_local(async move {
            match api::send::<_, Vec<BadgeProposal>>("POST", path, &body).await {
                Ok(list) => {
                    let what = lang.get_untracked().t(done);
                    notice.set(Some(format!("{} {what}", list.len())));
                    selection.set(BTreeSet::new());
                    changed.update(|n| *n += 1);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let propose = move |_| {
        let Ok(occasion_on) = occasion.get_untracked().parse() else {
            return;
        };
        let body = ProposeBadges {
            occasion_on,
            member_ids: chosen.get_untracked().into_iter().map(MemberId).collect(),
            note: None,
        };
        if let Ok(body) = serde_json::to_value(body) {
            act("/badges/proposals", body, chosen, Text::Proposed);
        }
    };
    let approve = move |_| {
        let body = ApproveProposals {
            proposal_ids: to_approve.get_untracked().into_iter().collect(),
            decision_no: decision.get_untracked(),
        };
        if let Ok(body) = serde_json::to_value(body) {
            act(
                "/badges/proposals/approve",
                body,
                to_approve,
                Text::Approved,
            );
        }
    };
    let eligible = move || {
        changed.track();
        let path = format!(
            "/badges/eligible?{}occasion_on={}",
            org_param(),
            occasion.get()
        );
        remote_all(path, move |list: Vec<EligibleMember>| {
            if list.is_empty() {
                return view! { <p class="empty">{move || t(Text::NoneEligible)}</p> }.into_any();
            }
            view! {
                <table>
                    <thead><tr>
                        <th></th>
                        <th>{move || t(Text::FullName)}</th>
                        <th>{move || t(Text::Milestone)}</th>
                        <th>{move || t(Text::PartyAge)}</th>
                        <th></th>
                    </tr></thead>
                    <tbody>
                        {list.into_iter().map(|e| {
                            let id = e.member_id.0;
                            let name = e.full_name.clone();
                            view! {
                                <tr>
                                    <td><input type="checkbox" aria-label=format!("Chọn {name}")
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            chosen.update(|s| { if on { s.insert(id); } else { s.remove(&id); } });
                                        }/></td>
                                    <td><A href=format!("/members/{id}")>{e.full_name.clone()}</A></td>
                                    <td>{format!("{} {}", e.milestone, t(Text::Years))}</td>
                                    <td>{e.party_age_years}</td>
                                    <td>
                                        {e.early.then(|| view! { <span class="badge">{move || t(Text::Early)}</span> })}
                                        {e.posthumous.then(|| view! { <span class="badge">{move || t(Text::Posthumous)}</span> })}
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                <p class="no-print">
                    <button class="primary" type="button" disabled=move || chosen.with(BTreeSet::is_empty) on:click=propose>
                        {move || t(Text::Propose)}
                    </button>
                </p>
            }
            .into_any()
        })
    };
    let proposals = move || {
        changed.track();
        let path = format!("/badges/proposals?{}status=proposed&limit=500", org_param());
        remote(path, move |p: Page<BadgeProposal>| {
            if p.items.is_empty() {
                return view! { <p class="empty">{move || t(Text::Nothing)}</p> }.into_any();
            }
            view! {
                <table>
                    <thead><tr>
                        <th></th>
                        <th>{move || t(Text::FullName)}</th>
                        <th>{move || t(Text::Milestone)}</th>
                        <th>{move || t(Text::Occasion)}</th>
                    </tr></thead>
                    <tbody>
                        {p.items.into_iter().map(|pr| {
                            let id = pr.id.0;
                            let name = pr.full_name.clone();
                            view! {
                                <tr>
                                    <td><input type="checkbox" aria-label=format!("Duyệt {name}")
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            to_approve.update(|s| { if on { s.insert(id); } else { s.remove(&id); } });
                                        }/></td>
                                    <td>{pr.full_name.clone()}</td>
                                    <td>{format!("{} {}", pr.milestone, t(Text::Years))}</td>
                                    <td>{format::date(pr.occasion_on)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                <div class="toolbar no-print">
                    <div>
                        <label for="approve-decision">{move || t(Text::Decision)}</label>
                        <input id="approve-decision" bind:value=decision/>
                    </div>
                    <div>
                        <button class="primary" type="button"
                            disabled=move || to_approve.with(BTreeSet::is_empty) || decision.with(|d| d.trim().is_empty())
                            on:click=approve>
                            {move || t(Text::Approve)}
                        </button>
                    </div>
                </div>
            }
            .into_any()
        })
    };
    view! {
        <main>
            <h1>{move || t(Text::Badges)}</h1>
            <div class="toolbar">
                <div>
                    <label for="badge-org">{move || t(Text::Organizations)}</label>
                    <OrgPicker id="badge-org" value=org/>
                </div>
                <div>
                    <label for="badge-occasion">{move || t(Text::Occasion)}</label>
                    <DateInput id="badge-occasion" value=occasion/>
                </div>
            </div>
            {move || error.get().map(|e| view! { <ErrorBox error=e/> })}
            {move || notice.get().map(|n| view! { <p role="status">{n}</p> })}
            <section class="card">
                <h2>{move || t(Text::Eligible)}</h2>
                {eligible}
            </section>
            <section class="card">
                <h2>{move || t(Text::WaitingApproval)}</h2>
                {proposals}
            </section>
        </main>
    }
}
