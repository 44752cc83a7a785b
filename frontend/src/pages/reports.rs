//! Statistical reports: choose a report, an organisation and the dates; the tables on screen
//! (printable), and the same report as CSV or Excel.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use qldv_api_types::reports::{Report, ReportCode, ReportSection};
use qldv_api_types::Term;

use crate::api::{self, ApiError};
use crate::components::breadcrumbs::OrgBreadcrumbs;
use crate::components::date_input::DateInput;
use crate::components::org_picker::OrgPicker;
use crate::components::{remote, ErrorBox};
use crate::format::date;
use crate::i18n::{use_lang, Lang, Text, Ux};
use crate::session;

fn code_label(c: ReportCode) -> Text {
    match c {
        ReportCode::Movement => Text::ReportMovement,
        ReportCode::Composition => Text::ReportComposition,
        ReportCode::Admissions => Text::ReportAdmissions,
        ReportCode::Evaluations => Text::ReportEvaluations,
        ReportCode::Discipline => Text::ReportDiscipline,
        ReportCode::Badges => Text::ReportBadges,
        ReportCode::Completeness => Text::ReportCompleteness,
        ReportCode::Timeliness => Text::ReportTimeliness,
    }
}

/// The query string of a report request.
pub fn report_query(org: &str, code: ReportCode, from: &str, to: &str, as_of: &str) -> String {
    let mut q = vec![];
    if !org.is_empty() {
        q.push(format!("organization_id={org}"));
    }
    if code.is_period() {
        for (k, v) in [("from", from), ("to", to)] {
            if !v.is_empty() {
                q.push(format!("{k}={v}"));
            }
        }
    } else if !as_of.is_empty() {
        q.push(format!("as_of={as_of}"));
    }
    q.join("&")
}

/// One table of a report.
#[component]
pub fn SectionTable(section: ReportSection, lang: Lang) -> impl IntoView {
    let en = lang == Lang::En;
    let share = section.percent_of;
    view! {
        <section class="report-section">
            <h2>{if en { section.title_en.clone() } else { section.title.clone() }}</h2>
            <div class="table-wrap">
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
                                format!("{:.2}", v as f64 * 100.0 / s as f64)
                            });
                            view! {
                                <tr class:total=r.total>
                                    <th scope="row">{r.label.clone()}</th>
                                    {r.values.iter().map(|v| view! { <td class="num">{*v}</td> }).collect_view()}
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
#[component]
fn ReportView(report: Report) -> impl IntoView {
    let lang = use_lang();
    let l = lang.get_untracked();
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

/// The reports page (`/reports`).
#[component]
pub fn ReportsPage() -> impl IntoView {
    let lang = use_lang();
    let t = move |k| lang.get().t(k);
    let user = session::use_user();
    let org = RwSignal::new(
        user.get_untracked()
            .and_then(|u| u.organization_id.map(|o| o.0.to_string()))
            .unwrap_or_default(),
    );
    let code = RwSignal::new(ReportCode::Movement);
    let year = js_sys::Date::new_0().get_full_year() as i32;
    let today = crate::format::today_iso();
    let from = RwSignal::new(format!("{year}-01-01"));
    let to = RwSignal::new(today.clone());
    let as_of = RwSignal::new(today);
    // The request shown: set by "Show", so that typing a date does not refetch on every key.
    let shown = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<ApiError>);
    let query = move || report_query(&org.get(), code.get(), &from.get(), &to.get(), &as_of.get());
    let show = move |_| {
        shown.set(Some(format!(
            "/reports/{}?{}",
            code.get().as_str(),
            query()
        )))
    };
    let download = move |ext: &'static str| {
        let path = format!(
            "/reports/{}?{}&format={ext}",
            code.get_untracked().as_str(),
            query()
        );
        let name = format!("bao-cao-{}.{ext}", code.get_untracked().as_str());
        error.set(None);
        spawn_local(async move {
            if let Err(e) = api::download(&path, &name).await {
                error.set(Some(e));
            }
        });
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <main>
            <h1>{move || t(Text::Reports)}</h1>
            <OrgBreadcrumbs org=org base="/reports" value=org/>
            <div class="toolbar no-print">
                <div>
                    <label for="report-code">{move || t(Text::Report)}</label>
                    <select id="report-code" on:change=move |ev| {
                        if let Ok(c) = ReportCode::parse(&event_target_value(&ev)) { code.set(c) }
                    }>
                        {ReportCode::ALL.iter().map(|c| {
                            let c = *c;
                            view! { <option value=c.as_str() selected=move || code.get() == c>{move || t(code_label(c))}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div>
                    <label for="report-org">{move || t(Text::Organizations)}</label>
                    <OrgPicker id="report-org" value=org/>
                </div>
                <Show when=move || code.get().is_period() fallback=move || view! {
                    <div>
                        <label for="report-as-of">{move || t(Text::AsOf)}</label>
                        <DateInput id="report-as-of" value=as_of/>
                    </div>
                }>
                    <div>
                        <label for="report-from">{move || t(Text::FromDate)}</label>
                        <DateInput id="report-from" value=from/>
                    </div>
                    <div>
                        <label for="report-to">{move || t(Text::ToDate)}</label>
                        <DateInput id="report-to" value=to/>
                    </div>
                </Show>
                <div class="actions">
                    <button class="primary" type="button" on:click=show>{move || t(Text::Show)}</button>
                    <button type="button" on:click=move |_| download("csv")>{move || t(Text::ReportCsv)}</button>
                    <button type="button" on:click=move |_| download("xlsx")>{move || t(Text::DownloadXlsx)}</button>
                    <button type="button" on:click=print>{move || t(Text::Print)}</button>
                    <A href=move || format!("/reports/{}/print?{}", code.get().as_str(), query())>{move || lang.get().ux(Ux::PrintReport)}</A>
                </div>
            </div>
            {move || error.get().map(|e| view! { <ErrorBox error=e/> })}
            {move || shown.get().map(|path| remote(path, |r: Report| view! { <ReportView report=r/> }))}
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_report_sends_the_period_and_a_dated_one_its_date() {
        assert_eq!(
            report_query(
                "7",
                ReportCode::Movement,
                "2026-01-01",
                "2026-06-30",
                "2026-11-23"
            ),
            "organization_id=7&from=2026-01-01&to=2026-06-30"
        );
        assert_eq!(
            report_query("", ReportCode::Composition, "2026-01-01", "", "2026-11-23"),
            "as_of=2026-11-23"
        );
    }
}
