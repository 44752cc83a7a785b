//! Importing existing records from a spreadsheet: the template, the upload, progress while the
//! server works, and the error report (row, column, value, message) when it refuses the file.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use qldv_api_types::reports::{ImportJob, ImportStatus};
use qldv_api_types::Page;
use wasm_bindgen::JsCast;

use crate::api::{self, ApiError};
use crate::components::org_picker::OrgPicker;
use crate::components::{remote, ErrorBox};
use crate::i18n::{use_lang, Text};
use crate::session;

fn status_text(s: ImportStatus) -> Text {
    match s {
        ImportStatus::Running => Text::ImportRunning,
        ImportStatus::Succeeded => Text::ImportSucceeded,
        ImportStatus::Failed => Text::ImportFailed,
        ImportStatus::Interrupted => Text::ImportInterrupted,
    }
}

/// Polls a running job every half second until it ends.
fn poll(
    id: i64,
    job: RwSignal<Option<ImportJob>>,
    error: RwSignal<Option<ApiError>>,
    done: RwSignal<u32>,
) {
    spawn_local(async move {
        match api::get::<ImportJob>(&format!("/imports/{id}")).await {
            Ok(j) => {
                let running = j.status == ImportStatus::Running;
                job.set(Some(j));
                if running {
                    set_timeout(
                        move || poll(id, job, error, done),
                        Duration::from_millis(500),
                    );
                } else {
                    done.update(|n| *n += 1);
                }
            }
            Err(e) => error.set(Some(e)),
        }
    });
}

/// The state of one job: progress while it runs, counts and the error report after.
#[component]
fn JobView(job: ImportJob) -> impl IntoView {
    let lang = use_lang();
    let t = move |k| lang.get().t(k);
    let status = job.status;
    let class = match status {
        ImportStatus::Succeeded => "badge official",
        ImportStatus::Running => "badge probationary",
        _ => "badge exited",
    };
    view! {
        <section class="card" aria-live="polite" data-testid="import-job">
            <p>
                <strong>{job.file_name.clone()}</strong>" "
                <span class=class data-testid="import-status">{move || t(status_text(status))}</span>
            </p>
            <progress max=job.total_rows.max(1) value=job.processed_rows></progress>
            <p class="muted">{format!("{}/{}", job.processed_rows, job.total_rows)}</p>
            <p>
                {move || format!("{}: {} · {}: {} · {}: {}",
                    t(Text::Created), job.created, t(Text::Unchanged), job.unchanged, t(Text::Problem), job.error_count)}
            </p>
            {job.message.clone().map(|m| view! { <p class="alert-box" role="alert">{m}</p> })}
            {(!job.errors.is_empty()).then(|| view! {
                <h2>{move || t(Text::ErrorReport)}</h2>
                <div class="table-wrap">
                    <table data-testid="import-errors">
                        <thead><tr>
                            <th>{move || t(Text::Row)}</th><th>{move || t(Text::Column)}</th>
                            <th>{move || t(Text::Value)}</th><th>{move || t(Text::Problem)}</th>
                        </tr></thead>
                        <tbody>
                            {job.errors.iter().map(|e| view! {
                                <tr>
                                    <td class="num">{e.row}</td>
                                    <td>{e.column.clone().unwrap_or_default()}</td>
                                    <td>{e.value.clone().unwrap_or_default()}</td>
                                    <td>{e.message.clone()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            })}
        </section>
    }
}

/// The import page (`/imports`).
#[component]
pub fn ImportPage() -> impl IntoView {
    let lang = use_lang();
    let t = move |k| lang.get().t(k);
    let org = RwSignal::new(
        session::use_user()
            .get_untracked()
            .and_then(|u| u.organization_id.map(|o| o.0.to_string()))
            .unwrap_or_default(),
    );
    let skip = RwSignal::new(false);
    let job = RwSignal::new(None::<ImportJob>);
    let error = RwSignal::new(None::<ApiError>);
    let done = RwSignal::new(0u32);
    let file_input = NodeRef::<leptos::html::Input>::new();
    let template = move |_| {
        spawn_local(async move {
            if let Err(e) = api::download("/imports/template.xlsx", "mau-nhap-dang-vien.xlsx").await
            {
                error.set(Some(e));
            }
        });
    };
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let file = file_input
            .get_untracked()
            .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|i| i.files())
            .and_then(|f| f.get(0));
        let Some(file) = file else {
            error.set(Some(ApiError::local(
                lang.get_untracked().t(Text::ChooseFile),
            )));
            return;
        };
        let Ok(form) = web_sys::FormData::new() else {
            return;
        };
        let org = org.get_untracked();
        if !org.is_empty() {
            let _ = form.append_with_str("organization_id", &org);
        }
        if skip.get_untracked() {
            let _ = form.append_with_str("skip_invalid", "true");
        }
        let _ = form.append_with_blob_and_filename("file", &file, &file.name());
        spawn_local(async move {
            match api::upload::<ImportJob>("/imports", &form).await {
                Ok(j) => {
                    let id = j.id.0;
                    job.set(Some(j));
                    poll(id, job, error, done);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <main>
            <h1>{move || t(Text::Import)}</h1>
            <p><button type="button" on:click=template>{move || t(Text::ImportTemplate)}</button></p>
            <form class="card" on:submit=start>
                <div>
                    <label for="import-org">{move || t(Text::Organizations)}</label>
                    <OrgPicker id="import-org" value=org/>
                </div>
                <div>
                    <label for="import-file">{move || t(Text::ImportFile)}</label>
                    <input id="import-file" type="file" accept=".xlsx,.csv" node_ref=file_input/>
                </div>
                <div>
                    <label>
                        <input type="checkbox" bind:checked=skip/>" "{move || t(Text::SkipInvalid)}
                    </label>
                </div>
                <button class="primary" type="submit">{move || t(Text::StartImport)}</button>
            </form>
            {move || error.get().map(|e| view! { <ErrorBox error=e/> })}
            {move || job.get().map(|j| view! { <JobView job=j/> })}
            <h2>{move || t(Text::RecentImports)}</h2>
            {move || {
                done.track();
                // The first page: the newest 50.
                remote("/imports?limit=50".to_string(), move |jobs: Page<ImportJob>| view! {
                    <table>
                        <tbody>
                            {jobs.items.into_iter().map(|j| view! {
                                <tr>
                                    <td>{crate::format::date(j.created_at.date_naive())}</td>
                                    <td>{j.file_name.clone()}</td>
                                    <td>{move || t(status_text(j.status))}</td>
                                    <td class="num">{j.created}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                })
            }}
        </main>
    }
}
