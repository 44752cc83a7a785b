//! The admission targets dashboard of a committee (`/targets?organization_id=&year=`): its
//! target with the congress resolution, the admitted so far and the share, and each directly
//! subordinate organisation's progress; a board records its own target here.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::query_signal;
use qldv_api_types::targets::{AdmissionTarget, ChildTarget, PutAdmissionTarget};
use qldv_api_types::OrgId;

use crate::api::{self, ApiError};
use crate::components::action::{failure, outcome, write};
use crate::components::breadcrumbs::OrgBreadcrumbs;
use crate::components::figures;
use crate::components::form::{date, input_in, text};
use crate::components::org_picker::org_in_url;
use crate::components::read::{read, show};
use crate::format;
use crate::i18n::{label, use_lang, Text};
use crate::{session, urls};

/// A share as "59,71 %", or a dash without a target.
fn share(s: Option<f64>) -> String {
    s.map(|p| format!("{} %", format::fixed(p, 2)))
        .unwrap_or_else(|| "—".into())
}

/// A progress bar of a share (capped at 100 %).
fn bar(s: Option<f64>) -> impl IntoView {
    let width = s.unwrap_or(0.0).clamp(0.0, 100.0);
    view! {
        <span class="bar" aria-hidden="true"><span class="bar-fill" style:width=format!("{}%", format::fixed(width, 1))></span></span>
    }
}

fn child_row(c: ChildTarget, year: i32) -> impl IntoView {
    view! {
        <tr>
            <th scope="row"><A href=urls::targets_year(Some(c.organization_id), year)>{c.organization_name}</A></th>
            <td class="num">{c.target.map(|t| t.to_string()).unwrap_or_else(|| "—".into())}</td>
            <td class="num">{c.admitted}</td>
            <td class="num">{share(c.share)}</td>
            <td>{bar(c.share)}</td>
        </tr>
    }
}

fn dashboard(t: AdmissionTarget) -> AnyView {
    let lang = use_lang();
    let year = t.year;
    let resolution = match (&t.resolution_no, t.resolution_on) {
        (Some(no), Some(on)) => format!("{no}, {}", format::date(on)),
        _ => "—".into(),
    };
    let items = vec![
        (
            t.target
                .map(|x| x.to_string())
                .unwrap_or_else(|| "—".into()),
            Signal::derive(move || lang.get().t(Text::Target).to_string()),
        ),
        (
            t.admitted.to_string(),
            Signal::derive(move || lang.get().t(Text::Admitted).to_string()),
        ),
        (
            share(t.share),
            Signal::derive(move || lang.get().t(Text::Share).to_string()),
        ),
        (
            t.children_target.to_string(),
            Signal::derive(move || lang.get().t(Text::ChildrenTarget).to_string()),
        ),
    ];
    view! {
        <section class="card">
            <h2>{t.organization_name.clone()}" — "{year}</h2>
            {figures(items)}
            <p>
                <strong>{label(lang, Text::Resolution)}": "</strong>{resolution}
            </p>
            {t.target.is_none().then(|| view! { <p class="empty">{label(lang, Text::NoTarget)}</p> })}
        </section>
        {(!t.children.is_empty()).then(|| view! {
            <section class="card">
                <div class="table-wrap" tabindex="0">
                    <table class="report targets">
                        <thead><tr>
                            <th>{label(lang, Text::Organizations)}</th>
                            <th class="num">{label(lang, Text::Target)}</th>
                            <th class="num">{label(lang, Text::Admitted)}</th>
                            <th class="num">{label(lang, Text::Share)}</th>
                            <th><span class="visually-hidden">{label(lang, Text::Share)}</span></th>
                        </tr></thead>
                        <tbody>
                            {t.children.into_iter().map(|c| child_row(c, year)).collect_view()}
                            <tr class="total">
                                <th scope="row">"Σ"</th>
                                <td class="num">{t.children_target}</td>
                                <td class="num">{t.children_admitted}</td>
                                <td></td><td></td>
                            </tr>
                        </tbody>
                    </table>
                </div>
            </section>
        })}
    }
    .into_any()
}

/// The form that records the organisation's target for the year.
#[component]
fn TargetForm(org: OrgId, year: i32, changed: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    let (target, no, on) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let act = write(move |body: &Result<PutAdmissionTarget, ApiError>| {
        let body = body.clone();
        async move {
            let out = api::candidates::put_target(org, year, &body?).await?;
            changed.try_update(|n| *n += 1);
            Ok(out)
        }
    });
    let error = failure(act);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = (|| -> Result<PutAdmissionTarget, ApiError> {
            Ok(PutAdmissionTarget {
                target: text(target)
                    .parse()
                    .map_err(|_| ApiError::field_local("target", Text::Required))?,
                resolution_no: text(no),
                resolution_on: date("resolution_on", on)?,
            })
        })();
        act.dispatch(body);
    };
    view! {
        <section class="card no-print">
            <h2>{label(lang, Text::SetTarget)}</h2>
            <form class="inline-form" on:submit=submit>
                {input_in("target", "target", Text::Target, "number", target, error)}
                {input_in("target", "resolution_no", Text::Resolution, "text", no, error)}
                {input_in("target", "resolution_on", Text::ResolutionOn, "date", on, error)}
                <div><button class="primary" type="submit" disabled=move || act.pending().get()>{label(lang, Text::SetTarget)}</button></div>
            </form>
            {outcome(act)}
        </section>
    }
}

/// The targets page.
#[component]
pub fn TargetsPage() -> impl IntoView {
    let lang = use_lang();
    let user = session::use_user();
    let writer = move || user.with(|u| u.as_ref().is_some_and(|u| session::writes(u.role)));
    let (org, picker) = org_in_url("targets-org");
    let (year_param, set_year) = query_signal::<i32>("year");
    let year = Signal::derive(move || year_param.get().unwrap_or_else(format::this_year));
    let changed = RwSignal::new(0u32);
    let found = read(move || {
        changed.track();
        let (org, year) = (org.get(), year.get());
        async move {
            match org {
                Some(o) => api::candidates::target(o, year).await.map(Some),
                None => Ok(None),
            }
        }
    });
    view! {
        <main>
            <h1>{label(lang, Text::Targets)}</h1>
            <OrgBreadcrumbs org=org base="/targets"/>
            <div class="toolbar no-print">
                <div class="grow">{picker}</div>
                <div>
                    <label for="targets-year">{label(lang, Text::Year)}</label>
                    <input id="targets-year" type="number" min="1930" max="2100" prop:value=move || year.get().to_string()
                        on:change=move |ev| set_year.set(event_target_value(&ev).parse().ok())/>
                </div>
                <div class="actions">
                    <A href=move || urls::candidates_in_opt(org.get())>{label(lang, Text::Pipeline)}</A>
                    <button type="button" on:click=move |_| crate::components::paper::print()>{label(lang, Text::Print)}</button>
                </div>
            </div>
            {show(found, move |t: Option<AdmissionTarget>| t.map(dashboard))}
            {move || match (org.get(), writer()) {
                (Some(o), true) => Some(view! { <TargetForm org=o year=year.get() changed=changed/> }),
                _ => None,
            }}
        </main>
    }
}
