//! Party badges for an occasion (`/badges?organization_id=&occasion=`): the eligibility list of a
//! subtree, proposals by the cell or grassroots level, approval by the provincial level.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::query_signal;
use qldv_api_types::badges::{
    ApproveProposals, BadgeProposal, EligibleMember, ProposalStatus, ProposeBadges,
};
use qldv_api_types::{MemberId, ProposalId};

use crate::api::{self, ApiResult};
use crate::components::action::{problem, write};
use crate::components::confirm::{Confirm, ConfirmDialog};
use crate::components::date_input::DateInput;
use crate::components::form::parse_date;
use crate::components::org_picker::org_in_url;
use crate::components::read::{read, show};
use crate::format;
use crate::i18n::{label, use_lang, ux, Text};
use crate::urls;

/// The next regular award occasion (3 Feb, 19 May, 2 Sep, 7 Nov) on or after `today`.
fn next_occasion(today: NaiveDate) -> NaiveDate {
    use chrono::Datelike;
    let year = today.year();
    [year, year + 1]
        .into_iter()
        .flat_map(|y| {
            [(2, 3), (5, 19), (9, 2), (11, 7)].map(|(m, d)| NaiveDate::from_ymd_opt(y, m, d))
        })
        .flatten()
        .find(|d| *d >= today)
        .unwrap_or(today)
}

/// A decision on a selection: proposing members, or approving proposals.
#[derive(Clone)]
enum Decision {
    Propose(ProposeBadges),
    Approve(ApproveProposals),
}

/// A checkbox adding or removing `id` from `set`.
fn pick<T: Ord + Copy + Send + Sync + 'static>(
    set: RwSignal<BTreeSet<T>>,
    id: T,
    label: String,
) -> impl IntoView {
    view! {
        <input type="checkbox" aria-label=label prop:checked=move || set.with(|s| s.contains(&id))
            on:change=move |ev| {
                let on = event_target_checked(&ev);
                set.update(|s| { if on { s.insert(id); } else { s.remove(&id); } });
            }/>
    }
}

/// The badges page.
#[component]
pub fn BadgePage() -> impl IntoView {
    let lang = use_lang();
    let t = move |k| lang.get().t(k);
    let (occasion_param, set_occasion) = query_signal::<NaiveDate>("occasion");
    let (org, org_picker) = org_in_url("badge-org");
    let today = parse_date(&format::today_iso()).unwrap_or_default();
    let occasion =
        Signal::derive(move || occasion_param.get().unwrap_or_else(|| next_occasion(today)));
    // The date input's text (ISO); a readable date goes into the URL.
    let occasion_text = RwSignal::new(occasion.get_untracked().to_string());
    Effect::new(move |_| {
        let typed = parse_date(&occasion_text.get());
        if typed.is_some() && typed != occasion_param.get_untracked() {
            set_occasion.set(typed);
        }
    });
    let chosen = RwSignal::new(BTreeSet::<MemberId>::new());
    let to_approve = RwSignal::new(BTreeSet::<ProposalId>::new());
    let decision = RwSignal::new(String::new());
    let decide = write(move |d: &Decision| {
        let d = d.clone();
        async move {
            let (out, done): (ApiResult<Vec<BadgeProposal>>, Text) = match d {
                Decision::Propose(body) => (api::badges::propose(&body).await, Text::Proposed),
                Decision::Approve(body) => (api::badges::approve(&body).await, Text::Approved),
            };
            out.map(|list| {
                chosen.set(BTreeSet::new());
                to_approve.set(BTreeSet::new());
                (list.len(), done)
            })
        }
    });
    let version = decide.version();
    let eligible = read(move || {
        version.track();
        api::badges::eligible(org.get(), occasion.get())
    });
    let proposals = read(move || {
        version.track();
        api::badges::proposals(org.get(), Some(ProposalStatus::Proposed))
    });
    let propose = move |_| {
        decide.dispatch(Decision::Propose(ProposeBadges {
            occasion_on: occasion.get_untracked(),
            member_ids: chosen.get_untracked().into_iter().collect(),
            note: None,
        }));
    };
    // The award is named in full (how many, who, under which decision) before it is sent.
    let confirm = Confirm::new();
    let approve = move |shown: &[(ProposalId, String)]| {
        let ids = to_approve.get_untracked();
        let names: Vec<String> = shown
            .iter()
            .filter(|(id, _)| ids.contains(id))
            .map(|(_, name)| name.clone())
            .collect();
        let body = ApproveProposals {
            proposal_ids: ids.into_iter().collect(),
            decision_no: decision.get_untracked().trim().to_string(),
        };
        let question = ux::confirm_badge_award(lang.get_untracked(), &names, &body.decision_no);
        confirm.ask(question, move || {
            decide.dispatch(Decision::Approve(body.clone()));
        });
    };
    let notice = move || {
        decide.value().get().and_then(Result::ok).map(|(n, done)| {
            view! { <p role="status">{move || format!("{n} {}", t(done))}</p> }
        })
    };
    let eligible = show(eligible, move |list: Vec<EligibleMember>| {
        if list.is_empty() {
            return view! { <p class="empty">{label(lang, Text::NoneEligible)}</p> }.into_any();
        }
        view! {
            <div class="table-wrap" tabindex="0">
                <table>
                    <thead><tr>
                        <th></th>
                        <th>{label(lang, Text::FullName)}</th>
                        <th>{label(lang, Text::Milestone)}</th>
                        <th>{label(lang, Text::PartyAge)}</th>
                        <th></th>
                    </tr></thead>
                    <tbody>
                        {list.into_iter().map(|e| view! {
                            <tr>
                                <td>{pick(chosen, e.member_id, format!("Chọn {}", e.full_name))}</td>
                                <td><A href=urls::member(e.member_id)>{e.full_name.clone()}</A></td>
                                <td>{move || format!("{} {}", e.milestone, t(Text::Years))}</td>
                                <td>{e.party_age_years}</td>
                                <td>
                                    {e.early.then(|| view! { <span class="badge">{label(lang, Text::Early)}</span> })}
                                    {e.posthumous.then(|| view! { <span class="badge">{label(lang, Text::Posthumous)}</span> })}
                                </td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <p class="no-print">
                <button class="primary" type="button" disabled=move || chosen.with(BTreeSet::is_empty) || decide.pending().get() on:click=propose>
                    {label(lang, Text::Propose)}
                </button>
            </p>
        }
        .into_any()
    });
    let proposals = show(proposals, move |list: Vec<BadgeProposal>| {
        if list.is_empty() {
            return view! { <p class="empty">{label(lang, Text::Nothing)}</p> }.into_any();
        }
        let shown: Vec<(ProposalId, String)> =
            list.iter().map(|p| (p.id, p.full_name.clone())).collect();
        view! {
            <div class="table-wrap" tabindex="0">
                <table>
                    <thead><tr>
                        <th></th>
                        <th>{label(lang, Text::FullName)}</th>
                        <th>{label(lang, Text::Milestone)}</th>
                        <th>{label(lang, Text::Occasion)}</th>
                    </tr></thead>
                    <tbody>
                        {list.into_iter().map(|p| view! {
                            <tr>
                                <td>{pick(to_approve, p.id, format!("Duyệt {}", p.full_name))}</td>
                                <td>{p.full_name.clone()}</td>
                                <td>{move || format!("{} {}", p.milestone, t(Text::Years))}</td>
                                <td>{format::date(p.occasion_on)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <div class="toolbar no-print">
                <div>
                    <label for="approve-decision">{label(lang, Text::Decision)}</label>
                    <input id="approve-decision" bind:value=decision/>
                </div>
                <div>
                    <button class="primary" type="button"
                        disabled=move || to_approve.with(BTreeSet::is_empty) || decision.with(|d| d.trim().is_empty()) || decide.pending().get()
                        on:click=move |_| approve(&shown)>
                        {label(lang, Text::Approve)}
                    </button>
                </div>
            </div>
        }
        .into_any()
    });
    view! {
        <main>
            <h1>{label(lang, Text::Badges)}</h1>
            <div class="toolbar">
                {org_picker}
                <div>
                    <label for="badge-occasion">{label(lang, Text::Occasion)}</label>
                    <DateInput id="badge-occasion" value=occasion_text/>
                </div>
            </div>
            {problem(decide)}
            {notice}
            <ConfirmDialog confirm=confirm/>
            <section class="card">
                <h2>{label(lang, Text::Eligible)}</h2>
                {eligible}
            </section>
            <section class="card">
                <h2>{label(lang, Text::WaitingApproval)}</h2>
                {proposals}
            </section>
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn the_next_occasion_is_the_next_regular_date() {
        assert_eq!(next_occasion(day("2026-01-10")), day("2026-02-03"));
        assert_eq!(next_occasion(day("2026-05-19")), day("2026-05-19"));
        assert_eq!(next_occasion(day("2026-12-06")), day("2027-02-03"));
    }
}
