//! A report as the board files it, on A4 (`/reports/:code/print?organization_id=&from=&to=` or
//! `&as_of=`): the organisations in the heading, the party's name with the date, the title and
//! period, the tables, the notes, and the signatures of the person who made it and of the
//! committee.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_params_map};
use qldv_api_types::organizations::Organization;
use qldv_api_types::reports::{Report, ReportCode};
use qldv_api_types::Term;

use crate::components::breadcrumbs::trail;
use crate::components::org_picker::{scope_orgs, scope_root};
use crate::components::paper::{paper_head, print, signatures, today, Signature};
use crate::components::{remote, ErrorBox};
use crate::format::date;
use crate::i18n::{use_lang, Lang, Text, Ux};
use crate::pages::reports::SectionTable;

/// The period or date line under a report's title.
pub fn period_line(r: &Report) -> String {
    match (r.as_of, r.from, r.to) {
        (Some(a), _, _) => format!("(Tính đến ngày {})", date(a)),
        (None, Some(f), Some(t)) => format!("(Từ ngày {} đến ngày {})", date(f), date(t)),
        _ => String::new(),
    }
}

fn report_paper(r: Report, chain: Vec<String>) -> impl IntoView {
    let chain = if chain.is_empty() {
        vec![r.organization_name.clone()]
    } else {
        chain
    };
    let period = period_line(&r);
    view! {
        <article class="paper report-paper" data-testid="report-paper">
            {paper_head(chain, today())}
            <h1 class="paper-title">{r.title.clone()}</h1>
            <p class="paper-sub">{period}</p>
            {r.sections.into_iter().map(|s| view! { <SectionTable section=s lang=Lang::Vi/> }).collect_view()}
            <ul class="notes">
                {r.notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
            </ul>
            {signatures(
                Signature { role: "Người lập biểu".into(), hint: "(Ký, ghi rõ họ tên)".into(), name: Some(r.produced_by.clone()) },
                Signature { role: "T/M cấp ủy".into(), hint: "(Ký tên, đóng dấu)".into(), name: None },
            )}
        </article>
    }
}

/// The print page of a report.
#[component]
pub fn ReportPrintPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let location = use_location();
    let code = params.with_untracked(|p| p.get("code").unwrap_or_default());
    let query = location.search.get_untracked();
    let orgs = RwSignal::new(None::<Vec<Organization>>);
    let root = scope_root();
    spawn_local(async move {
        orgs.set(Some(scope_orgs(root).await));
    });
    let body = match ReportCode::parse(&code) {
        Ok(c) => remote(
            format!("/reports/{}?{}", c.as_str(), query.trim_start_matches('?')),
            move |r: Report| {
                let org = r.organization_id.0;
                move || {
                    orgs.get()
                        .map(|o| report_paper(r.clone(), trail(org, &o).into_iter().map(|(_, n)| n).collect()))
                }
            },
        )
        .into_any(),
        Err(_) => view! { <ErrorBox error=crate::api::ApiError::local(lang.get_untracked().t(Text::NotFound))/> }.into_any(),
    };
    view! {
        <main class="print-page">
            <div class="print-bar no-print">
                <button class="primary" type="button" on:click=move |_| print()>{move || lang.get().t(Text::Print)}</button>
                <A href="/reports">{move || lang.get().t(Text::Back)}</A>
                <span class="muted">{move || lang.get().ux(Ux::PrintReport)}</span>
            </div>
            {body}
        </main>
    }
}
