//! The dashboard of the user's scope: its organisation, this year's members and ratings, alerts.

use leptos::prelude::*;
use leptos_router::components::A;
use qldv_api_types::evaluations::EvaluationList;
use qldv_api_types::movements::{Alert, AlertKind};
use qldv_api_types::organizations::Organization;
use qldv_api_types::Page;

use crate::components::breadcrumbs::OrgBreadcrumbs;
use crate::components::{remote, remote_all};
use crate::format;
use crate::i18n::{kind_label, use_lang, Text, Ux};
use crate::session;

/// What clears an alert, and where it is done: the member's decisions for an overdue recognition,
/// the transfer inbox for a transfer not received, the member's history, discipline or transfers
/// otherwise.
pub fn alert_action(kind: AlertKind, member: i64) -> (Ux, String) {
    match kind {
        AlertKind::RecognitionOverdue => {
            (Ux::ActRecognize, format!("/members/{member}?tab=actions"))
        }
        AlertKind::TransferNotReceived => (Ux::ActTransferInbox, "/transfers".to_string()),
        AlertKind::AwayTooLong => (Ux::ActAway, format!("/members/{member}?tab=history")),
        AlertKind::DisciplineLapsing => (
            Ux::ActDiscipline,
            format!("/members/{member}?tab=disciplines"),
        ),
        AlertKind::TemporaryTransferExpired => {
            (Ux::ActTemporary, format!("/members/{member}?tab=transfers"))
        }
    }
}

/// The current year by the browser's clock.
fn this_year() -> i32 {
    js_sys::Date::new_0().get_full_year() as i32
}

/// One bar of the distribution chart.
fn bar(label: String, n: i64, total: i64, class: &'static str) -> impl IntoView {
    let pct = if total > 0 {
        n as f64 * 100.0 / total as f64
    } else {
        0.0
    };
    view! {
        <div class="bar-row">
            <span class="bar-label">{label}</span>
            <span class="bar"><span class=format!("bar-fill {class}") style:width=format!("{pct:.1}%")></span></span>
            <span class="bar-value">{format!("{n} ({})", format::share(total, pct))}</span>
        </div>
    }
}

/// An organisation's members and this year's ratings, as figures and a bar chart.
#[component]
fn OrgSummary(org: Organization, year: i32) -> impl IntoView {
    let lang = use_lang();
    let t = move |k| lang.get().t(k);
    let id = org.id;
    let body = remote(
        format!("/evaluations?organization_id={id}&year={year}&limit=1"),
        move |l: EvaluationList| {
            let s = l.summary;
            let lv = lang.get_untracked();
            view! {
                <div class="grid">
                    <div><div class="stat">{s.total}</div><div class="muted">{move || t(Text::Members)}</div></div>
                    <div><div class="stat">{format::share(s.total, s.coverage)}</div><div class="muted">{move || t(Text::Coverage)}</div></div>
                    <div><div class="stat">{s.unrated_yet}</div><div class="muted">{move || t(Text::NotRatedYet)}</div></div>
                </div>
                <div class="bars" aria-label=move || t(Text::Evaluations)>
                    {bar(kind_label(lv, "excellent"), s.excellent, s.total, "excellent")}
                    {bar(kind_label(lv, "good"), s.good, s.total, "good")}
                    {bar(kind_label(lv, "complete"), s.complete, s.total, "complete")}
                    {bar(kind_label(lv, "not_complete"), s.not_complete, s.total, "not-complete")}
                    {bar(kind_label(lv, "not_rated"), s.not_rated, s.total, "not-rated")}
                </div>
            }
        },
    );
    view! {
        <section class="card">
            <h2>
                <A href=format!("/members?organization_id={id}")>{org.name}</A>
                <span class="muted">{move || format!(" · {} {year}", t(Text::Evaluations))}</span>
            </h2>
            {body}
        </section>
    }
}

/// The dashboard.
#[component]
pub fn Dashboard() -> impl IntoView {
    let lang = use_lang();
    let t = move |k| lang.get().t(k);
    let user = session::use_user();
    let org = user.get_untracked().and_then(|u| u.organization_id);
    let year = this_year();
    let scope = match org {
        Some(id) => remote(format!("/organizations/{id}"), move |o: Organization| {
            view! { <p><strong>{o.name}</strong> <span class="muted">" · " {o.kind}</span></p> }
        })
        .into_any(),
        None => view! { <p><strong>{move || t(Text::WholeCountry)}</strong></p> }.into_any(),
    };
    // The user's organisation, or every top organisation for a national account.
    let orgs = match org {
        Some(id) => remote(format!("/organizations/{id}"), move |o: Organization| {
            view! { <OrgSummary org=o year=year/> }
        })
        .into_any(),
        None => remote(
            "/organizations?limit=100".to_string(),
            move |p: Page<Organization>| {
                p.items
                    .into_iter()
                    .map(|o| view! { <OrgSummary org=o year=year/> })
                    .collect_view()
            },
        )
        .into_any(),
    };
    let alerts = remote_all("/alerts".to_string(), move |list: Vec<Alert>| {
        if list.is_empty() {
            return view! { <p class="empty">{move || lang.get().ux(Ux::NoAlertsNext)}</p> }
                .into_any();
        }
        view! {
            <table class="dashboard-alerts">
                <thead><tr>
                    <th>{move || t(Text::Date)}</th>
                    <th>{move || t(Text::FullName)}</th>
                    <th>{move || lang.get().ux(Ux::AlertAbout)}</th>
                    <th>{move || lang.get().ux(Ux::AlertAction)}</th>
                </tr></thead>
                <tbody>
                    {list.into_iter().map(|a| {
                        let (todo, href) = alert_action(a.kind, a.member_id.0);
                        view! {
                            <tr>
                                <td>{format::date(a.date)}</td>
                                <td><A href=format!("/members/{}", a.member_id)>{a.full_name}</A></td>
                                <td>{a.message}</td>
                                <td class="todo"><A href=href>{move || lang.get().ux(todo)}</A></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    });
    view! {
        <main>
            <h1>{move || t(Text::Dashboard)}</h1>
            <OrgBreadcrumbs org=org.map(|o| o.to_string()).unwrap_or_default() base="/members"/>
            <section class="card">
                <h2>{move || t(Text::Scope)}</h2>
                {scope}
            </section>
            {orgs}
            <section class="card">
                <h2>{move || t(Text::Alerts)}</h2>
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
            let (_, href) = alert_action(kind, 7);
            assert!(href.starts_with('/'), "{kind}");
        }
        assert_eq!(
            alert_action(AlertKind::RecognitionOverdue, 7).1,
            "/members/7?tab=actions"
        );
        assert_eq!(
            alert_action(AlertKind::TransferNotReceived, 7).1,
            "/transfers"
        );
    }
}
