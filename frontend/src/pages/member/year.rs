//! `/members/:id/year?year=`: a member's year in the cell — the meetings attended, the duties
//! with their shares (what 366-QĐ/TW's levels read), and the twelve months of dues.

use leptos::prelude::*;
use leptos_router::hooks::query_signal;
use qldv_api_types::dues::MemberDues;
use qldv_api_types::meetings::{MemberAttendance, MemberDuties};

use super::member_id;
use crate::api::{self, ApiError};
use crate::components::figures;
use crate::components::read::{read, show};
use crate::components::table::{heads, Head};
use crate::format;
use crate::i18n::{label, use_lang, yl, Lang, Text, Yr};

/// A percentage, or a dash when there is nothing to be a share of.
fn percent(p: Option<u32>) -> String {
    p.map_or_else(|| "—".into(), |p| format!("{p}%"))
}

/// The duties table and its shares.
fn duties(l: Lang, d: MemberDuties) -> AnyView {
    let s = d.shares;
    let level = d
        .highest_level
        .map_or_else(|| "—".to_string(), |v| l.term(v).to_string());
    let rows = d
        .duties
        .into_iter()
        .map(|d| {
            let state = match (d.result, d.closure) {
                (Some(r), _) => l.term(r).to_string(),
                (None, Some(c)) => l.term(c).to_string(),
                (None, None) => "—".to_string(),
            };
            vec![
                d.description,
                format::date(d.assigned_on),
                format::opt_date(d.due_by),
                state,
            ]
        })
        .collect();
    let fig = |y: Yr| Signal::derive(move || l.yr(y).to_string());
    view! {
        {figures(vec![
            (percent(s.done_percent), fig(Yr::DoneShare)),
            (percent(s.exceeded_percent), fig(Yr::ExceededShare)),
            (level, fig(Yr::HighestLevel)),
        ])}
        {heads(
            vec![Head::Y(Yr::Duty), Head::Y(Yr::AssignedOn), Head::T(Text::DueBy), Head::Y(Yr::Result)],
            rows,
            Head::T(Text::Nothing),
        )}
    }
    .into_any()
}

/// The twelve months of dues and the year's sums.
fn dues(l: Lang, d: MemberDues) -> AnyView {
    let money = |n: i64| format::dong(l, n);
    let t = d.totals;
    let mut rows: Vec<Vec<String>> = d
        .months
        .into_iter()
        .map(|m| {
            vec![
                m.month.to_string(),
                money(m.due),
                money(m.paid),
                money(m.arrears),
                l.term(m.state).to_string(),
            ]
        })
        .collect();
    rows.push(vec![
        l.yr(Yr::Total).to_string(),
        money(t.due),
        money(t.paid),
        money(t.arrears),
        String::new(),
    ]);
    heads(
        vec![
            Head::Y(Yr::Month),
            Head::Y(Yr::Due),
            Head::Y(Yr::Paid),
            Head::Y(Yr::Arrears),
            Head::T(Text::Status),
        ],
        rows,
        Head::T(Text::Nothing),
    )
}

/// The year's attendance figures and one line per meeting, with the cell that held it (a
/// member who changed cell keeps the first cell's meetings).
fn attendance_view(l: Lang, a: MemberAttendance) -> AnyView {
    let c = a.counts;
    let fig = |y: Yr| Signal::derive(move || l.yr(y).to_string());
    let rows = a
        .meetings
        .into_iter()
        .map(|m| {
            vec![
                format::date(m.held_on),
                l.term(m.kind).to_string(),
                m.organization_name,
                l.term(m.value).to_string(),
                format::opt(&m.reason),
            ]
        })
        .collect();
    view! {
        {figures(vec![
            (format!("{}/{}", c.present, c.expected), fig(Yr::PresentOfExpected)),
            (c.absent.to_string(), fig(Yr::Unexcused)),
        ])}
        {heads(
            vec![Head::T(Text::Date), Head::Y(Yr::MeetingKind), Head::Y(Yr::Cell), Head::Y(Yr::Attendance), Head::T(Text::Reason)],
            rows,
            Head::Y(Yr::NoMeetings),
        )}
    }
    .into_any()
}

/// The member's year tab.
#[component]
pub fn YearTab() -> impl IntoView {
    let lang = use_lang();
    let id = member_id();
    let (year_param, set_year) = query_signal::<i32>("year");
    let year = Signal::derive(move || year_param.get().unwrap_or_else(format::this_year));
    let no_member = || ApiError::local(Text::NotFound);
    let duty_list = read(move || {
        let (id, y) = (id.get(), year.get());
        async move {
            let id = id.ok_or_else(no_member)?;
            api::meetings::member_duties(id, y).await
        }
    });
    let dues_list = read(move || {
        let (id, y) = (id.get(), year.get());
        async move {
            let id = id.ok_or_else(no_member)?;
            api::dues::member(id, y).await
        }
    });
    let attendance = read(move || {
        let (id, y) = (id.get(), year.get());
        async move {
            let id = id.ok_or_else(no_member)?;
            api::meetings::member_attendance(id, y).await
        }
    });
    view! {
        <div class="year-tab">
        <div class="toolbar">
            <div>
                <label for="year-of">{label(lang, Text::Year)}</label>
                <input id="year-of" type="number" min="2000" max="2100"
                    prop:value=move || year.get().to_string()
                    on:change=move |ev| set_year.set(event_target_value(&ev).parse().ok())/>
            </div>
        </div>
        <h2>{yl(lang, Yr::Attendance)}</h2>
        {show(attendance, move |a: MemberAttendance| attendance_view(lang.get_untracked(), a))}
        <h2>{yl(lang, Yr::Duties)}</h2>
        {show(duty_list, move |d: MemberDuties| duties(lang.get_untracked(), d))}
        <h2>{yl(lang, Yr::Dues)}</h2>
        {show(dues_list, move |d: MemberDues| dues(lang.get_untracked(), d))}
        </div>
    }
}
