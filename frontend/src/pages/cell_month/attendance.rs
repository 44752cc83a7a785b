//! The attendance sheet of a new meeting: kind, date and agenda, then one row per member of the
//! cell that day — present by default, excused opens its reason, exempt and elsewhere shown
//! greyed and not entered. One «Lưu» sends the whole sheet; the server's refusals show on their
//! rows.

use leptos::prelude::*;
use qldv_api_types::cell_year::{Attendance, MeetingKind};
use qldv_api_types::meetings::{AttendanceLine, AttendanceSheet, CreateMeeting, Meeting};
use qldv_api_types::{OrgId, Term};

use crate::api::{self, ApiError};
use crate::components::action::{failure, problem, write};
use crate::components::date_input::DateInput;
use crate::components::form::{date, field_error, parse_date, terms};
use crate::components::read::{read, show};
use crate::format;
use crate::i18n::{label, use_lang, yl, Lang, Text, Yr};

/// One member's row: the server's line and what the secretary chose.
#[derive(Clone)]
struct Row {
    /// The member's line of the blank sheet.
    id: qldv_api_types::MemberId,
    /// Full name.
    name: String,
    /// Exempt or elsewhere, decided by the record (not entered).
    derived: Option<Attendance>,
    /// The value chosen.
    value: RwSignal<Attendance>,
    /// The reason of an excused absence.
    reason: RwSignal<String>,
}

/// The lines sent for the rows entered (derived rows are left to the server), in order: line
/// `i` of the request is the `i`-th row without a derived value.
fn lines(rows: &[Row]) -> Vec<AttendanceLine> {
    rows.iter()
        .filter(|r| r.derived.is_none())
        .map(|r| {
            let value = r.value.get_untracked();
            let reason = r.reason.get_untracked();
            let reason = reason.trim();
            AttendanceLine {
                member_id: r.id,
                value,
                reason: (value == Attendance::Excused && !reason.is_empty())
                    .then(|| reason.to_string()),
            }
        })
        .collect()
}

/// The server's message about line `index` (`attendance[i]` or one of its fields).
pub fn line_error(e: &ApiError, prefix: &str, index: usize) -> Option<String> {
    let key = format!("{prefix}[{index}]");
    e.problem()?
        .errors
        .iter()
        .find(|f| {
            f.field == key
                || f.field
                    .strip_prefix(key.as_str())
                    .is_some_and(|rest| rest.starts_with('.'))
        })
        .map(|f| f.message.clone())
}

/// A member's row of the sheet.
fn row_view(r: Row, index: Option<usize>, error: Signal<Option<ApiError>>) -> impl IntoView {
    let lang = use_lang();
    let name_id = format!("att-{}", r.id);
    if let Some(d) = r.derived {
        return view! {
            <li class="att-row derived">
                <span class="name">{r.name}</span>
                <span class="muted">{move || lang.get().term(d)}</span>
            </li>
        }
        .into_any();
    }
    let (value, reason) = (r.value, r.reason);
    let group = format!("att-v-{}", r.id);
    let choice = move |a: Attendance| {
        let group = group.clone();
        view! {
            <label class="inline">
                <input type="radio" name=group value=a.code()
                    prop:checked=move || value.get() == a
                    on:change=move |_| value.set(a)/>
                {move || lang.get().term(a)}
            </label>
        }
    };
    let refused =
        move || index.and_then(|i| error.get().and_then(|e| line_error(&e, "attendance", i)));
    let name = StoredValue::new(r.name.clone());
    view! {
        <li class="att-row" class:refused=move || refused().is_some()>
            <span class="name" id=name_id.clone()>{r.name}</span>
            <div role="radiogroup" aria-labelledby=name_id class="att-choice">
                {Attendance::ENTERED.into_iter().map(choice).collect_view()}
            </div>
            <Show when=move || value.get() == Attendance::Excused>
                <input type="text" class="att-reason" maxlength="500"
                    aria-label=move || format!("{}: {}", lang.get().yr(Yr::ExcusedReason), name.get_value())
                    placeholder=yl(lang, Yr::ExcusedReason)
                    bind:value=reason/>
            </Show>
            {move || refused().map(|m| view! { <div class="field-error" role="alert">{m}</div> })}
        </li>
    }
    .into_any()
}

/// Counts of the sheet as chosen so far: present, excused, absent.
fn tally(rows: &[Row]) -> [usize; 3] {
    let mut n = [0; 3];
    for r in rows.iter().filter(|r| r.derived.is_none()) {
        if let Some(i) = Attendance::ENTERED.iter().position(|a| *a == r.value.get()) {
            n[i] += 1;
        }
    }
    n
}

/// The attendance section of the month.
#[component]
pub fn AttendanceSection(org: OrgId, changed: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    let on = RwSignal::new(format::today_iso());
    let kind = RwSignal::new(MeetingKind::Regular.code().to_string());
    let agenda = RwSignal::new(String::new());
    let save = write(move |body: &Result<CreateMeeting, ApiError>| {
        let body = body.clone();
        async move {
            let m = api::meetings::create(org, &body?).await?;
            changed.update(|n| *n += 1);
            Ok(m)
        }
    });
    let error = failure(save);
    let sheet = read(move || {
        let day = parse_date(&on.get());
        async move {
            match day {
                Some(d) => api::meetings::sheet(org, d).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let body = show(sheet, move |s: Option<AttendanceSheet>| {
        let Some(s) = s else { return ().into_any() };
        let rows: Vec<Row> = s
            .members
            .into_iter()
            .map(|m| Row {
                id: m.member_id,
                name: m.full_name,
                derived: m.derived.filter(|d| !d.expected()),
                value: RwSignal::new(Attendance::Present),
                reason: RwSignal::new(String::new()),
            })
            .collect();
        let all = StoredValue::new(rows.clone());
        let mut entered = 0usize;
        let items = rows
            .into_iter()
            .map(|r| {
                let index = r.derived.is_none().then(|| {
                    entered += 1;
                    entered - 1
                });
                row_view(r, index, error)
            })
            .collect_view();
        let submit = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let build = || -> Result<CreateMeeting, ApiError> {
                let kind: MeetingKind = crate::components::form::term("kind", kind)?;
                let held_on = date("held_on", on)?;
                let typed = agenda.get_untracked().trim().to_string();
                Ok(CreateMeeting {
                    kind,
                    held_on,
                    agenda: if typed.is_empty() {
                        format!("{} {}", Lang::Vi.term(kind), format::date(held_on))
                    } else {
                        typed
                    },
                    resolution: None,
                    minutes_summary: None,
                    attendance: all.with_value(|r| lines(r)),
                })
            };
            save.dispatch(build());
        };
        let counts = move || {
            let n = all.with_value(|r| tally(r));
            let l = lang.get();
            Attendance::ENTERED
                .iter()
                .zip(n)
                .map(|(a, k)| format!("{}: {k}", l.term(*a)))
                .collect::<Vec<_>>()
                .join(" · ")
        };
        view! {
            <form on:submit=submit>
                <p class="muted" aria-live="polite">{counts}</p>
                <ol class="att-sheet">{items}</ol>
                <button class="primary" type="submit" disabled=move || save.pending().get()>{label(lang, Text::Save)}</button>
            </form>
        }
        .into_any()
    });
    let recorded = move || {
        save.value().get().and_then(Result::ok).map(|m: Meeting| {
            let c = m.counts;
            view! {
                <p role="status" class="saved">
                    {move || format!("{}: {} {} — {} {}/{}", lang.get().yr(Yr::MeetingRecorded), lang.get().term(m.kind), format::date(m.held_on), lang.get().yr(Yr::PresentOfExpected), c.present, c.expected)}
                </p>
            }
        })
    };
    view! {
        <section class="card" aria-labelledby="h-attendance">
            <h2 id="h-attendance">{yl(lang, Yr::AttendanceSheet)}</h2>
            <div class="inline-form">
                {super::choose("m-kind", Yr::MeetingKind, terms(MeetingKind::ALL), kind)}
                <div>
                    <label for="m-held_on">{yl(lang, Yr::HeldOn)}</label>
                    <DateInput id="m-held_on" name="held_on" value=on required=true/>
                    {field_error(error, "held_on")}
                </div>
                <div>
                    <label for="m-agenda">{yl(lang, Yr::Agenda)}</label>
                    <input id="m-agenda" name="agenda" type="text" maxlength="2000" bind:value=agenda/>
                    {field_error(error, "agenda")}
                </div>
            </div>
            {body}
            {problem(save)}
            {recorded}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use qldv_api_types::{ErrorCode, FieldError, Problem};

    fn refused(fields: &[&str]) -> ApiError {
        ApiError::Server {
            status: 422,
            problem: Some(Box::new(Problem {
                problem_type: "urn:qldv:problem:validation_failed".into(),
                title: "Dữ liệu không hợp lệ".into(),
                status: 422,
                detail: String::new(),
                code: ErrorCode::ValidationFailed,
                request_id: None,
                errors: fields
                    .iter()
                    .map(|f| FieldError {
                        field: (*f).into(),
                        code: "c".into(),
                        message: format!("sai {f}"),
                    })
                    .collect(),
            })),
        }
    }

    #[test]
    fn a_refusal_is_shown_on_its_own_line() {
        let e = refused(&["attendance[1]", "attendance[12].reason", "payments[3]"]);
        assert_eq!(
            line_error(&e, "attendance", 1).as_deref(),
            Some("sai attendance[1]")
        );
        assert_eq!(
            line_error(&e, "attendance", 12).as_deref(),
            Some("sai attendance[12].reason")
        );
        assert_eq!(line_error(&e, "attendance", 2), None);
        assert_eq!(line_error(&e, "attendance", 3), None);
        assert_eq!(
            line_error(&e, "payments", 3).as_deref(),
            Some("sai payments[3]")
        );
        assert_eq!(
            line_error(&ApiError::local(Text::Required), "attendance", 1),
            None
        );
    }
}
