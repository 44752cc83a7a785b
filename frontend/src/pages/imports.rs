//! Importing existing records from a spreadsheet (`/imports`, writers only): the template, the
//! upload, progress while the server works, and the error report (row, column, value, message)
//! when it refuses the file.

use std::time::Duration;

use leptos::prelude::*;
use qldv_api_types::reports::{ImportJob, ImportStatus};
use qldv_api_types::{ImportId, OrgId};
use wasm_bindgen::JsCast;

use crate::api::{self, ApiError};
use crate::components::action::{problem, write};
use crate::components::org_picker::org_field;
use crate::components::read::{read, show};
use crate::format;
use crate::i18n::{label, use_lang, Text};
use crate::session;

/// How often a running job is read again.
const POLL: Duration = Duration::from_millis(500);

fn status_class(s: ImportStatus) -> &'static str {
    match s {
        ImportStatus::Succeeded => "badge official",
        ImportStatus::Running => "badge probationary",
        _ => "badge exited",
    }
}

/// The state of one job: progress while it runs, counts and the error report after.
#[component]
fn JobView(job: ImportJob) -> impl IntoView {
    let lang = use_lang();
    let t = move |k| lang.get().t(k);
    let status = job.status;
    view! {
        <section class="card" aria-live="polite" data-testid="import-job">
            <p>
                <strong>{job.file_name.clone()}</strong>" "
                <span class=status_class(status) data-testid="import-status">{move || lang.get().term(status)}</span>
            </p>
            <progress max=job.total_rows.max(1) value=job.processed_rows></progress>
            <p class="muted">{format!("{}/{}", job.processed_rows, job.total_rows)}</p>
            <p>
                {move || format!("{}: {} · {}: {} · {}: {}",
                    t(Text::Created), job.created, t(Text::Unchanged), job.unchanged, t(Text::Problem), job.error_count)}
            </p>
            {job.message.clone().map(|m| view! { <p class="alert-box" role="alert">{m}</p> })}
            {(!job.errors.is_empty()).then(|| view! {
                <h2>{label(lang, Text::ErrorReport)}</h2>
                <div class="table-wrap" tabindex="0">
                    <table data-testid="import-errors">
                        <thead><tr>
                            <th>{label(lang, Text::Row)}</th><th>{label(lang, Text::Column)}</th>
                            <th>{label(lang, Text::Value)}</th><th>{label(lang, Text::Problem)}</th>
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

/// The import page.
#[component]
pub fn ImportPage() -> impl IntoView {
    let lang = use_lang();
    let org = RwSignal::new(session::own_org());
    let skip = RwSignal::new(false);
    let file_input = NodeRef::<leptos::html::Input>::new();
    let template = write(|_: &()| api::imports::template());
    // `FormData` belongs to the browser's thread: this action is dispatched locally.
    let start = Action::new_local(|form: &Result<web_sys::FormData, ApiError>| {
        let form = form.clone();
        async move { api::imports::start(form?).await }
    });
    // The job started last, read again every half second while it runs.
    let tick = RwSignal::new(0u32);
    let started = Memo::new(move |_| {
        start
            .value()
            .with(|v| v.as_ref().and_then(|r| r.as_ref().ok()).map(|j| j.id))
    });
    let job = read(move || {
        tick.track();
        let id: Option<ImportId> = started.get();
        async move {
            match id {
                Some(id) => api::imports::get(id).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let running = Memo::new(move |_| {
        job.get()
            .and_then(Result::ok)
            .flatten()
            .is_some_and(|j| j.status == ImportStatus::Running)
    });
    Effect::new(move |_| {
        if running.get() {
            set_timeout(move || tick.update(|n| *n += 1), POLL);
        }
    });
    // Re-read after each poll of a running job, so the recent list shows the finished one.
    let recent = read(move || {
        running.track();
        api::imports::recent()
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let file = file_input
            .get_untracked()
            .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|i| i.files())
            .and_then(|f| f.get(0));
        let form = match file {
            None => Err(ApiError::local(Text::ChooseFile)),
            Some(file) => upload_form(org.get_untracked(), skip.get_untracked(), &file),
        };
        start.dispatch_local(form);
    };
    view! {
        <main>
            <h1>{label(lang, Text::Import)}</h1>
            <p><button type="button" disabled=move || template.pending().get() on:click=move |_| { template.dispatch(()); }>{label(lang, Text::ImportTemplate)}</button></p>
            {problem(template)}
            <form class="card" on:submit=submit>
                {org_field("import-org", org, move |o: Option<OrgId>| org.set(o), None)}
                <div>
                    <label for="import-file">{label(lang, Text::ImportFile)}</label>
                    <input id="import-file" type="file" accept=".xlsx,.csv" node_ref=file_input/>
                </div>
                <div>
                    <label>
                        <input type="checkbox" bind:checked=skip/>" "{label(lang, Text::SkipInvalid)}
                    </label>
                </div>
                <button class="primary" type="submit" disabled=move || start.pending().get()>{label(lang, Text::StartImport)}</button>
            </form>
            {problem(start)}
            {show(job, |j: Option<ImportJob>| j.map(|j| view! { <JobView job=j/> }))}
            <h2>{label(lang, Text::RecentImports)}</h2>
            {show(recent, move |jobs| view! {
                <table>
                    <tbody>
                        {jobs.items.into_iter().map(|j| {
                            let status = j.status;
                            view! {
                                <tr>
                                    <td>{format::date(j.created_at.date_naive())}</td>
                                    <td>{j.file_name.clone()}</td>
                                    <td>{move || lang.get().term(status)}</td>
                                    <td class="num">{j.created}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            })}
        </main>
    }
}

/// The upload form: the file and its fields.
fn upload_form(
    org: Option<OrgId>,
    skip: bool,
    file: &web_sys::File,
) -> Result<web_sys::FormData, ApiError> {
    let form = web_sys::FormData::new().map_err(|_| ApiError::local(Text::ChooseFile))?;
    if let Some(o) = org {
        let _ = form.append_with_str("organization_id", &o.to_string());
    }
    if skip {
        let _ = form.append_with_str("skip_invalid", "true");
    }
    let _ = form.append_with_blob_and_filename("file", file, &file.name());
    Ok(form)
}
