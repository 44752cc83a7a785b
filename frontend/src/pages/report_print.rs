//! A report as the board files it, on A4 (`/reports/:code/print?organization_id=&from=&to=` or
//! `&as_of=`): the organisations in the heading, the party's name with the date, the title and
//! period, the tables, the notes, and the signatures of the person who made it and of the
//! committee.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use qldv_api_types::reports::Report;

use crate::api::{self, ApiError};
use crate::components::breadcrumbs::trail;
use crate::components::org_picker::scope_ready;
use crate::components::paper::{paper_head, print, signatures, today, Signature};
use crate::components::read::{read, show};
use crate::format::date;
use crate::i18n::{label, use_lang, Lang, Text, Ux};
use crate::pages::reports::SectionTable;
use crate::urls;

/// The period or date line under a report's title; a report of a year (evaluations, meetings,
/// duties, development) names its year first.
pub fn period_line(r: &Report) -> String {
    let when = match (r.as_of, r.from, r.to) {
        (Some(a), _, _) => format!("tính đến ngày {}", date(a)),
        (None, Some(f), Some(t)) => format!("từ ngày {} đến ngày {}", date(f), date(t)),
        _ => String::new(),
    };
    match (r.year, when.is_empty()) {
        (Some(y), true) => format!("(Năm {y})"),
        (Some(y), false) => format!("(Năm {y}, {when})"),
        (None, true) => String::new(),
        (None, false) => {
            let mut c = when.chars();
            let first = c.next().map(|f| f.to_uppercase().collect::<String>());
            format!("({}{})", first.unwrap_or_default(), c.as_str())
        }
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
    let query = use_query_map();
    // The report of the URL: its code in the path, the rest in the query.
    let request = Memo::new(move |_| {
        let code = params.with(|p| p.get("code"));
        query.with(|q| urls::report_request(|k| if k == "code" { code.clone() } else { q.get(k) }))
    });
    let report = read(move || {
        let req = request.get();
        async move {
            match req {
                Some(r) => api::reports::get(&r).await,
                None => Err(ApiError::local(Text::NotFound)),
            }
        }
    });
    let body = show(report, move |r: Report| {
        let org = r.organization_id.0;
        move || {
            scope_ready().map(|o| {
                report_paper(
                    r.clone(),
                    trail(org, &o).into_iter().map(|(_, n)| n).collect(),
                )
            })
        }
    });
    view! {
        <main class="print-page">
            <div class="print-bar no-print">
                <button class="primary" type="button" on:click=move |_| print()>{label(lang, Text::Print)}</button>
                <A href="/reports">{label(lang, Text::Back)}</A>
                <span class="muted">{move || lang.get().ux(Ux::PrintReport)}</span>
            </div>
            {body}
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use qldv_api_types::reports::ReportCode;
    use qldv_api_types::OrgId;

    fn report(code: ReportCode) -> Report {
        Report {
            code,
            title: String::new(),
            title_en: String::new(),
            organization_id: OrgId(1),
            organization_name: String::new(),
            as_of: None,
            from: None,
            to: None,
            year: None,
            produced_by: String::new(),
            produced_at: chrono::DateTime::default(),
            notes: vec![],
            sections: vec![],
        }
    }

    #[test]
    fn a_report_of_a_year_names_its_year_and_a_period_its_days() {
        let mut r = report(ReportCode::Meetings);
        r.year = Some(2026);
        r.as_of = "2026-12-07".parse().ok();
        assert_eq!(period_line(&r), "(Năm 2026, tính đến ngày 07/12/2026)");
        let mut d = report(ReportCode::Dues);
        d.from = "2026-01-01".parse().ok();
        d.to = "2026-06-30".parse().ok();
        assert_eq!(period_line(&d), "(Từ ngày 01/01/2026 đến ngày 30/06/2026)");
        let mut c = report(ReportCode::Composition);
        c.as_of = "2026-12-07".parse().ok();
        assert_eq!(period_line(&c), "(Tính đến ngày 07/12/2026)");
    }
}
