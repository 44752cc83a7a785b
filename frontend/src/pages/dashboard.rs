//! The dashboard of the user's scope (`/?year=`): its organisation, the year's members and
//! ratings, alerts.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::query_signal;
use qldv_api_types::evaluations::EvaluationLevel;
use qldv_api_types::movements::AlertKind;
use qldv_api_types::organizations::Organization;
use qldv_api_types::{MemberId, OrgId};

use crate::api;
use crate::components::breadcrumbs::OrgBreadcrumbs;
use crate::components::figures;
use crate::components::org_kind::KindName;
use crate::components::read::{read, show};
use crate::format;
use crate::i18n::{label, use_lang, Lang, Text, Ux};
use crate::session;
use crate::urls::{self, MemberTab};

/// What clears an alert, and where it is done: the member's decisions for an overdue recognition,
/// the transfer inbox for a transfer not received, the cell's month for its meetings, duties and
/// dues, the member's history, discipline or transfers otherwise. An alert without a member is
/// about the cell: its month.
pub fn alert_action(kind: AlertKind, member: Option<MemberId>, org: OrgId) -> (Ux, String) {
    let Some(member) = member else {
        return (Ux::ActCellMonth, urls::cell_month(org));
    };
    match kind {
        AlertKind::RegularMeetingMissing
        | AlertKind::TopicalMeetingMissing
        | AlertKind::DutiesClosed
        | AlertKind::DuesArrears => (Ux::ActCellMonth, urls::cell_month(org)),
        AlertKind::LiaisonCommentMissing => (Ux::ActEvaluation, urls::evaluations_in(org)),
        AlertKind::RecognitionOverdue => (
            Ux::ActRecognize,
            urls::member_tab(member, MemberTab::Actions),
        ),
        AlertKind::TransferNotReceived => (Ux::ActTransferInbox, "/transfers".to_string()),
        AlertKind::AwayTooLong => (Ux::ActAway, urls::member_tab(member, MemberTab::Events)),
        AlertKind::DisciplineLapsing => (
            Ux::ActDiscipline,
            urls::member_tab(member, MemberTab::Disciplines),
        ),
        AlertKind::TemporaryTransferExpired => (
            Ux::ActTemporary,
            urls::member_tab(member, MemberTab::Transfers),
        ),
        AlertKind::RemovalNotRecorded | AlertKind::NameRemovalProposed => {
            (Ux::ActRemoval, urls::member_tab(member, MemberTab::Actions))
        }
        AlertKind::LateEntry => (Ux::ActAway, urls::member_tab(member, MemberTab::Events)),
        AlertKind::CandidateCertificateExpired
        | AlertKind::CandidateIntroducerLeft
        | AlertKind::CandidateIntroducerDisciplined
        | AlertKind::CandidateDecisionOverdue
        | AlertKind::CandidateCeremonyOverdue => {
            (Ux::ActCandidate, format!("/candidates/{}", member.0))
        }
    }
}

/// One bar of the distribution chart.
fn bar(level: EvaluationLevel, n: i64, total: i64, class: &'static str) -> impl IntoView {
    let lang = use_lang();
    let pct = if total > 0 {
        n as f64 * 100.0 / total as f64
    } else {
        0.0
    };
    view! {
        <div class="bar-row">
            <span class="bar-label">{move || lang.get().term(level)}</span>
            <span class="bar"><span class=format!("bar-fill {class}") style:width=format!("{}%", format::fixed(pct, 1))></span></span>
            <span class="bar-value">{format!("{n} ({})", format::share(total, pct))}</span>
        </div>
    }
}

/// An organisation's members and the year's ratings, as figures and a bar chart.
#[component]
fn OrgSummary(org: Organization, #[prop(into)] year: Signal<i32>) -> impl IntoView {
    let lang = use_lang();
    let t = move |k| lang.get().t(k);
    let id = org.id;
    let list = read(move || api::evaluations::list(id, year.get(), 1));
    let figure = move |k: Text| Signal::derive(move || lang.get().t(k).to_string());
    let body = show(list, move |l| {
        let s = l.summary;
        view! {
            {figures(vec![
                (s.total.to_string(), figure(Text::Members)),
                (format::coverage(&s), figure(Text::Coverage)),
                (s.unrated_yet.to_string(), figure(Text::NotRatedYet)),
            ])}
            <div class="bars" aria-label=label(lang, Text::Evaluations)>
                {bar(EvaluationLevel::Excellent, s.excellent, s.total, "excellent")}
                {bar(EvaluationLevel::Good, s.good, s.total, "good")}
                {bar(EvaluationLevel::Complete, s.complete, s.total, "complete")}
                {bar(EvaluationLevel::NotComplete, s.not_complete, s.total, "not-complete")}
                {bar(EvaluationLevel::NotRated, s.not_rated, s.total, "not-rated")}
            </div>
        }
    });
    view! {
        <section class="card">
            <h2>
                <A href=urls::members_in(id)>{org.name}</A>
                <span class="muted">{move || format!(" · {} {}", t(Text::Evaluations), year.get())}</span>
            </h2>
            {body}
        </section>
    }
}

/// The dashboard.
#[component]
pub fn Dashboard() -> impl IntoView {
    let lang = use_lang();
    let org = session::own_org();
    let (year_param, _) = query_signal::<i32>("year");
    let year = Signal::derive(move || year_param.get().unwrap_or_else(format::this_year));
    // The user's organisation, or every top organisation for a national account.
    let orgs = read(move || async move {
        match org {
            Some(id) => api::organizations::get(id).await.map(|o| vec![o]),
            None => api::organizations::children(None).await,
        }
    });
    let scope = match org {
        Some(_) => show(orgs, |list: Vec<Organization>| {
            list.into_iter()
                .map(|o| view! { <p><strong>{o.name}</strong> <span class="muted">" · " <KindName code=o.kind/></span></p> })
                .collect_view()
        })
        .into_any(),
        None => view! { <p><strong>{label(lang, Text::WholeCountry)}</strong></p> }.into_any(),
    };
    let summaries = show(orgs, move |list: Vec<Organization>| {
        list.into_iter()
            .map(|o| view! { <OrgSummary org=o year=year/> })
            .collect_view()
    });
    let alerts = read(api::alerts::list);
    let alerts = show(alerts, move |list| {
        if list.is_empty() {
            return view! { <p class="empty">{move || lang.get().ux(Ux::NoAlertsNext)}</p> }
                .into_any();
        }
        view! {
            <div class="table-wrap" tabindex="0">
                <table class="dashboard-alerts">
                    <thead><tr>
                        <th>{label(lang, Text::Date)}</th>
                        <th>{label(lang, Text::FullName)}</th>
                        <th>{move || lang.get().ux(Ux::AlertAbout)}</th>
                        <th>{move || lang.get().ux(Ux::AlertAction)}</th>
                    </tr></thead>
                    <tbody>
                        {list.into_iter().map(|a| {
                            // The server words its advice in Vietnamese; in English the kind says it.
                            let (message, kind) = (a.message, a.kind);
                            let (todo, href) = alert_action(kind, a.member_id, a.organization_id);
                            // An alert about the cell itself (no member) names the cell.
                            let who = a.member_id.map_or_else(|| urls::cell_month(a.organization_id), urls::member);
                            let what = move || match lang.get() {
                                Lang::Vi => message.clone(),
                                Lang::En => Lang::En.term(kind).to_string(),
                            };
                            view! {
                                <tr>
                                    <td>{format::date(a.date)}</td>
                                    <td><A href=who>{a.full_name}</A></td>
                                    <td>{what}</td>
                                    <td class="todo"><A href=href>{move || lang.get().ux(todo)}</A></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    });
    view! {
        <main>
            <h1>{label(lang, Text::Dashboard)}</h1>
            <OrgBreadcrumbs org=org base="/members"/>
            <section class="card">
                <h2>{label(lang, Text::Scope)}</h2>
                {scope}
            </section>
            {summaries}
            <section class="card">
                <h2>{label(lang, Text::Alerts)}</h2>
                {alerts}
            </section>
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use qldv_api_types::Term;

    #[test]
    fn every_alert_leads_to_what_clears_it() {
        for kind in AlertKind::ALL.iter().copied() {
            let (_, href) = alert_action(kind, Some(MemberId(7)), OrgId(3));
            assert!(href.starts_with('/'), "{kind}");
        }
        assert_eq!(
            alert_action(AlertKind::RecognitionOverdue, Some(MemberId(7)), OrgId(3)).1,
            "/members/7/actions"
        );
        assert_eq!(
            alert_action(AlertKind::TransferNotReceived, Some(MemberId(7)), OrgId(3)).1,
            "/transfers"
        );
        assert_eq!(
            alert_action(AlertKind::RegularMeetingMissing, None, OrgId(3)).1,
            "/cells/3/month"
        );
    }
}
