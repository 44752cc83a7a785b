//! The dashboard of the user's scope: its organisation, this year's members and ratings, alerts.

use leptos::prelude::*;
use leptos_router::components::A;
use qldv_api_types::evaluations::EvaluationList;
use qldv_api_types::movements::Alert;
use qldv_api_types::organizations::Organization;
use qldv_api_types::Page;

use crate::components::remote;
use crate::format;
use crate::i18n::{kind_label, use_lang, Text};
use crate::session;

/// The current year by the browser's clock.
fn this_year() -> i32 {
    js_sys::Date::new_0().get_full_year() as i32
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
    let roots = match org {
        Some(id) => vec![id.0],
        None => Vec::new(),
    };
    let summaries = if roots.is_empty() {
        remote("/organizations?limit=50".to_string(), move |p: Page<Organization>| {
            p.items
                .into_iter()
                .map(|o| view! { <li><A href=format!("/members?organization_id={}", o.id)>{o.name}</A></li> })
                .collect_view()
        })
        .into_any()
    } else {
        remote(
            format!("/evaluations?organization_id={}&year={year}&limit=1", roots[0]),
            move |l: EvaluationList| {
                let s = l.summary;
                view! {
                    <div class="grid">
                        <div><div class="stat">{s.total}</div><div class="muted">{move || t(Text::Members)}</div></div>
                        <div><div class="stat">{s.excellent}</div><div class="muted">{move || kind_label(lang.get(), "excellent")}</div></div>
                        <div><div class="stat">{s.good}</div><div class="muted">{move || kind_label(lang.get(), "good")}</div></div>
                        <div><div class="stat">{s.complete + s.not_complete}</div><div class="muted">{move || kind_label(lang.get(), "complete")}</div></div>
                        <div><div class="stat">{s.unrated_yet}</div><div class="muted">"Chưa đánh giá"</div></div>
                        <div><div class="stat">{format!("{:.1}%", s.coverage)}</div><div class="muted">"Tỷ lệ đã đánh giá"</div></div>
                    </div>
                }
            },
        )
        .into_any()
    };
    let alerts = remote("/alerts".to_string(), move |list: Vec<Alert>| {
        if list.is_empty() {
            return view! { <p class="empty">{move || t(Text::NoAlerts)}</p> }.into_any();
        }
        view! {
            <table>
                <thead><tr><th>{move || t(Text::Date)}</th><th>{move || t(Text::FullName)}</th><th>"Nội dung"</th></tr></thead>
                <tbody>
                    {list.into_iter().map(|a| view! {
                        <tr>
                            <td>{format::date(a.date)}</td>
                            <td><A href=format!("/members/{}", a.member_id)>{a.full_name}</A></td>
                            <td>{a.message}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    });
    view! {
        <main>
            <h1>{move || t(Text::Dashboard)}</h1>
            <section class="card">
                <h2>{move || t(Text::Scope)}</h2>
                {scope}
                <h2>{format!("{} {year}", t(Text::Evaluations))}</h2>
                {summaries}
            </section>
            <section class="card">
                <h2>{move || t(Text::Alerts)}</h2>
                {alerts}
            </section>
        </main>
    }
}
