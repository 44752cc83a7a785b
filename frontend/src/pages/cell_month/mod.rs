//! The cell secretary's month (`/cells/:id/month?month=`), one page on a desk and on a phone:
//! the meeting due and the periods missing, the attendance sheet of a new meeting, the dues
//! sheet of the month, the open duties to review at the meeting, and the name-removal
//! proposals (rule 23) the cell acts on. Each sheet is one request.

mod attendance;
mod dues;
mod duties;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;
use qldv_api_types::meetings::{MeetingYear, MissingMeeting};
use qldv_api_types::movements::{Alert, AlertKind};
use qldv_api_types::{MeetingId, MemberId, OrgId};

use crate::api;
use crate::components::breadcrumbs::OrgBreadcrumbs;
use crate::components::org_kind::holds_members;
use crate::components::org_picker::{org_field, org_name};
use crate::components::read::{read, show};
use crate::format;
use crate::i18n::{label, use_lang, yl, Lang, Text, Ux, Yr};
use crate::session;
use crate::urls::{self, MemberTab};

/// A period due: its kind and days (`Sinh hoạt thường kỳ: 01/07/2026 – 31/07/2026`).
pub fn period(l: Lang, m: &MissingMeeting) -> String {
    format!(
        "{}: {} – {}",
        l.term(m.kind),
        format::date(m.from),
        format::date(m.to)
    )
}

/// A labelled select (id `id`) of `(code, vi, en)` options bound to `value`.
fn choose(
    id: &'static str,
    text: Yr,
    options: Vec<(&'static str, &'static str, &'static str)>,
    value: RwSignal<String>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div>
            <label for=id>{yl(lang, text)}</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev))>
                {options.into_iter().map(|(v, vi, en)| view! {
                    <option value=v selected=move || value.get() == v>
                        {move || if lang.get() == Lang::En { en } else { vi }}
                    </option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// `/cells/month`: the account's own cell, or a cell to choose.
#[component]
pub fn CellChooser() -> impl IntoView {
    let lang = use_lang();
    let navigate = use_navigate();
    let go = move |o: Option<OrgId>| {
        if let Some(o) = o {
            navigate(&urls::cell_month(o), NavigateOptions::default());
        }
    };
    view! {
        <main>
            <h1>{yl(lang, Yr::CellMonth)}</h1>
            <section class="card">
                <p class="empty">{yl(lang, Yr::ChooseCell)}</p>
                {org_field("cell-org", Signal::derive(session::own_org), go, None)}
            </section>
        </main>
    }
}

/// The next meeting due, and the periods ended without theirs.
fn schedule(l: Lang, y: MeetingYear) -> AnyView {
    let next = y.next_due.map(|m| period(l, &m));
    view! {
        <p><strong>{l.yr(Yr::NextMeeting)}": "</strong>{next.unwrap_or_else(|| "—".into())}</p>
        <h3>{l.yr(Yr::Missing)}</h3>
        {if y.missing.is_empty() {
            view! { <p class="muted">{l.yr(Yr::NoneMissing)}</p> }.into_any()
        } else {
            view! {
                <ul class="missing">{y.missing.iter().map(|m| view! { <li>{period(l, m)}</li> }).collect_view()}</ul>
            }.into_any()
        }}
    }
    .into_any()
}

/// The name-removal proposals of the cell (rule 23), each leading to the member's decisions.
fn proposals(l: Lang, alerts: Vec<Alert>) -> AnyView {
    // A proposal is always about a member.
    let rows: Vec<(MemberId, Alert)> = alerts
        .into_iter()
        .filter(|a| a.kind == AlertKind::NameRemovalProposed)
        .filter_map(|a| Some((a.member_id?, a)))
        .collect();
    if rows.is_empty() {
        return view! { <p class="empty">{l.yr(Yr::NoProposals)}</p> }.into_any();
    }
    view! {
        <ul class="proposals">
            {rows.into_iter().map(|(member, a)| {
                let what = match l {
                    Lang::Vi => a.message,
                    Lang::En => l.term(a.kind).to_string(),
                };
                view! {
                    <li>
                        <A href=urls::member(member)>{a.full_name}</A>
                        " — "{what}" "
                        <A href=urls::member_tab(member, MemberTab::Actions)>{l.ux(Ux::ActRemoval)}</A>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// The secretary's month of the cell in the URL.
#[component]
pub fn CellMonthPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let org =
        Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<OrgId>().ok())));
    // Bumped by every sheet saved: the schedule, the duties and the proposals are read again.
    let changed = RwSignal::new(0u32);
    let year = format::this_year();
    let meetings = read(move || {
        changed.track();
        let o = org.get();
        async move {
            match o {
                Some(o) => api::meetings::year(o, year).await.map(Some),
                None => Ok(None),
            }
        }
    });
    // The newest meeting recorded: the one the duties are reviewed at.
    let latest = Signal::derive(move || -> Option<(MeetingId, chrono::NaiveDate)> {
        meetings
            .get()
            .and_then(Result::ok)
            .flatten()
            .and_then(|y| y.meetings.first().map(|m| (m.id, m.held_on)))
    });
    let alerts = read(move || {
        changed.track();
        let o = org.get();
        async move {
            match o {
                Some(o) => api::alerts::of(o).await,
                None => Ok(Vec::new()),
            }
        }
    });
    let name = move || org.get().map(org_name).unwrap_or_default();
    let cell = Signal::derive(move || org.get());
    view! {
        <main class="cell-month">
            <h1>{yl(lang, Yr::CellMonth)}": "{name}</h1>
            <OrgBreadcrumbs org=cell base="/members"/>
            <p class="toolbar no-print">
                {move || org.get().map(|o| view! {
                    <A href=urls::members_in(o)>{label(lang, Text::Members)}</A>
                    <Show when=move || holds_members(o)>
                        <A href=urls::cell_liaisons(o)>{yl(lang, Yr::Liaisons)}</A>
                    </Show>
                })}
            </p>
            <section class="card" aria-labelledby="h-schedule">
                <h2 id="h-schedule">{yl(lang, Yr::MeetingsHeld)}" "{year}</h2>
                {show(meetings, move |y: Option<MeetingYear>| y.map(|y| schedule(lang.get_untracked(), y)))}
            </section>
            {move || org.get().map(|o| view! {
                <attendance::AttendanceSection org=o changed=changed/>
                <dues::DuesSection org=o changed=changed/>
                <duties::DutiesSection org=o changed=changed latest=latest/>
            })}
            <section class="card" aria-labelledby="h-proposals">
                <h2 id="h-proposals">{yl(lang, Yr::RemovalProposals)}</h2>
                {show(alerts, move |list: Vec<Alert>| proposals(lang.get_untracked(), list))}
            </section>
        </main>
    }
}
