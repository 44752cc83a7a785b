//! Statistical reports (`/reports?code=&organization_id=&from=&to=&as_of=`): choose a report, an
//! organisation and the dates; the report of the URL on screen (printable), and the same report
//! as CSV or Excel.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use qldv_api_types::reports::{Report, ReportCode, ReportSection};
use qldv_api_types::{OrgId, Term};

use crate::api::reports::ReportRequest;
use crate::api::{self, ApiError};
use crate::components::action::{problem, write};
use crate::components::breadcrumbs::OrgBreadcrumbs;
use crate::components::date_input::DateInput;
use crate::components::form::opt_date;
use crate::components::org_picker::org_field;
use crate::components::read::{read, show};
use crate::format::{self, date};
use crate::i18n::{label, use_lang, Lang, Text, Ux};
use crate::session;
use crate::urls;

/// One table of a report.
#[component]
pub fn SectionTable(section: ReportSection, lang: Lang) -> impl IntoView {
    let en = lang == Lang::En;
    let share = section.percent_of;
    view! {
        <section class="report-section">
            <h2>{if en { section.title_en.clone() } else { section.title.clone() }}</h2>
            <div class="table-wrap" tabindex="0">
                <table class="report">
                    <thead>
                        <tr>
                            <th scope="col">{section.row_label.clone()}</th>
                            {section.columns.iter().map(|c| view! {
                                <th scope="col" class="num">{if en { c.label_en.clone() } else { c.label.clone() }}</th>
                            }).collect_view()}
                            {share.map(|_| view! { <th scope="col" class="num">{lang.t(Text::Share)}</th> })}
                        </tr>
                    </thead>
                    <tbody>
                        {section.rows.into_iter().map(|r| {
                            let pct = share.filter(|s| *s > 0).map(|s| {
                                let v = r.values.first().copied().unwrap_or(0);
                                format::fixed(v as f64 * 100.0 / s as f64, 2)
                            });
                            view! {
                                <tr class:total=r.total>
                                    <th scope="row">{r.label.clone()}</th>
                                    {r.values.iter().map(|v| view! { <td class="num">{format::grouped(lang, *v)}</td> }).collect_view()}
                                    {share.map(|_| view! { <td class="num">{pct.clone().unwrap_or_default()}</td> })}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// A report on screen: heading, tables, notes.
fn report_view(report: Report, l: Lang) -> impl IntoView {
    let when = match (report.as_of, report.from, report.to) {
        (Some(a), _, _) => format!("{} {}", l.t(Text::AsOf), date(a)),
        (None, Some(f), Some(t)) => format!("{} {} — {}", l.t(Text::FromDate), date(f), date(t)),
        _ => String::new(),
    };
    view! {
        <article class="report-doc" data-testid="report">
            <header>
                <h2 class="report-title">{if l == Lang::En { report.title_en.clone() } else { report.title.to_uppercase() }}</h2>
                <p>{report.organization_name.clone()}" · "{when}</p>
                <p class="muted">{format!("{}: {}", l.t(Text::ProducedBy), report.produced_by)}</p>
            </header>
            {report.sections.into_iter().map(|s| view! { <SectionTable section=s lang=l/> }).collect_view()}
            <ul class="notes muted">
                {report.notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
            </ul>
        </article>
    }
}

/// The reports page.
#[component]
pub fn ReportsPage() -> impl IntoView {
    let lang = use_lang();
    let navigate = use_navigate();
    let query = use_query_map();
    // The report of the URL (none until one is chosen).
    let shown = Memo::new(move |_| query.with(|q| urls::report_request(|k| q.get(k))));
    let own_org = session::own_org();
    let today = format::today_iso();
    // The form starts from the URL's report (or this year to today) and follows it on back and
    // forward.
    let code = RwSignal::new(ReportCode::Movement);
    let org = RwSignal::new(own_org);
    let from = RwSignal::new(format!("{}-01-01", format::this_year()));
    let to = RwSignal::new(today.clone());
    let as_of = RwSignal::new(today);
    Effect::new(move |_| {
        if let Some(r) = shown.get() {
            code.set(r.code);
            org.set(r.organization_id.or(own_org));
            for (field, value) in [(from, r.from), (to, r.to), (as_of, r.as_of)] {
                if let Some(d) = value {
                    field.set(d.to_string());
                }
            }
        }
    });
    let request = move || -> Result<ReportRequest, ApiError> {
        Ok(ReportRequest {
            code: code.get_untracked(),
            organization_id: org.get_untracked(),
            from: opt_date("from", from)?,
            to: opt_date("to", to)?,
            as_of: opt_date("as_of", as_of)?,
        })
    };
    let show_it = move |_| {
        if let Ok(req) = request() {
            navigate(&urls::report(&req), Default::default());
        }
    };
    let download = write(
        move |(req, ext): &(Result<ReportRequest, ApiError>, &'static str)| {
            let (req, ext) = (req.clone(), *ext);
            async move { api::reports::download_as(&req?, ext).await }
        },
    );
    let report = read(move || {
        let req = shown.get();
        async move {
            match req {
                Some(r) => api::reports::get(&r).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <main>
            <h1>{label(lang, Text::Reports)}</h1>
            <OrgBreadcrumbs org=org base="/reports"/>
            <div class="toolbar no-print">
                <div>
                    <label for="report-code">{label(lang, Text::Report)}</label>
                    <select id="report-code" on:change=move |ev| {
                        if let Ok(c) = ReportCode::parse(&event_target_value(&ev)) { code.set(c) }
                    }>
                        {ReportCode::ALL.iter().map(|c| {
                            let c = *c;
                            view! { <option value=c.code() selected=move || code.get() == c>{move || lang.get().term(c)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                {org_field("report-org", org, move |o: Option<OrgId>| org.set(o), None)}
                <Show when=move || code.get().is_period() fallback=move || view! {
                    <div>
                        <label for="report-as-of">{label(lang, Text::AsOf)}</label>
                        <DateInput id="report-as-of" value=as_of/>
                    </div>
                }>
                    <div>
                        <label for="report-from">{label(lang, Text::FromDate)}</label>
                        <DateInput id="report-from" value=from/>
                    </div>
                    <div>
                        <label for="report-to">{label(lang, Text::ToDate)}</label>
                        <DateInput id="report-to" value=to/>
                    </div>
                </Show>
                <div class="actions">
                    <button class="primary" type="button" on:click=show_it>{label(lang, Text::Show)}</button>
                    <button type="button" disabled=move || download.pending().get() on:click=move |_| { download.dispatch((request(), "csv")); }>{label(lang, Text::ReportCsv)}</button>
                    <button type="button" disabled=move || download.pending().get() on:click=move |_| { download.dispatch((request(), "xlsx")); }>{label(lang, Text::DownloadXlsx)}</button>
                    <button type="button" on:click=print>{label(lang, Text::Print)}</button>
                    <A href=move || request().map(|r| urls::report_print(&r)).unwrap_or_default()>{move || lang.get().ux(Ux::PrintReport)}</A>
                </div>
            </div>
            {problem(download)}
            {show(report, move |r: Option<Report>| r.map(|r| report_view(r, lang.get())))}
        </main>
    }
}
