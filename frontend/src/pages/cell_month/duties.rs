//! The duties still open in the cell, reviewed at the newest meeting: done, exceeded or not
//! done for each, sent in one request.

use chrono::NaiveDate;
use leptos::prelude::*;
use qldv_api_types::cell_year::DutyResult;
use qldv_api_types::meetings::{Duty, DutyReview, ReviewDuties};
use qldv_api_types::{MeetingId, OrgId, Term};

use crate::api::{self, ApiError};
use crate::components::action::{outcome, write};
use crate::components::read::{read, show};
use crate::format;
use crate::i18n::{use_lang, yl, Lang, Text, Yr};

/// The reviews chosen: each duty with a result.
fn reviews(rows: &[(Duty, RwSignal<String>)]) -> Vec<DutyReview> {
    rows.iter()
        .filter_map(|(d, r)| {
            DutyResult::parse(&r.get_untracked())
                .ok()
                .map(|result| DutyReview {
                    duty_id: d.id,
                    result,
                })
        })
        .collect()
}

/// A duty's row with its result to choose.
fn row_view(d: Duty, result: RwSignal<String>) -> impl IntoView {
    let lang = use_lang();
    let what = format!("{} — {}", d.full_name, d.description);
    view! {
        <tr>
            <th scope="row">{d.full_name}</th>
            <td data-label=yl(lang, Yr::Duty)>{d.description}</td>
            <td data-label=move || lang.get().t(Text::DueBy)>{format::opt_date(d.due_by)}</td>
            <td data-label=yl(lang, Yr::Result)>
                <select aria-label=move || format!("{}: {what}", lang.get().yr(Yr::Result))
                    on:change=move |ev| result.set(event_target_value(&ev))>
                    <option value="">"—"</option>
                    {DutyResult::ALL.iter().map(|r| {
                        let r = *r;
                        view! { <option value=r.code()>{move || lang.get().term(r)}</option> }
                    }).collect_view()}
                </select>
            </td>
        </tr>
    }
}

/// The duties section of the month.
#[component]
pub fn DutiesSection(
    org: OrgId,
    changed: RwSignal<u32>,
    #[prop(into)] latest: Signal<Option<(MeetingId, NaiveDate)>>,
) -> impl IntoView {
    let lang = use_lang();
    let save = write(move |body: &Result<(MeetingId, ReviewDuties), ApiError>| {
        let body = body.clone();
        async move {
            let (m, body) = body?;
            let out = api::meetings::review(m, &body).await?;
            changed.update(|n| *n += 1);
            Ok(out)
        }
    });
    let open = read(move || {
        changed.track();
        api::meetings::open_duties(org)
    });
    let body = show(open, move |list: Vec<Duty>| {
        if list.is_empty() {
            return view! { <p class="empty">{yl(lang, Yr::NoOpenDuties)}</p> }.into_any();
        }
        let list: Vec<_> = list
            .into_iter()
            .map(|d| (d, RwSignal::new(String::new())))
            .collect();
        // The results live with this answer's view: nothing outside it keeps their signals.
        let rows = StoredValue::new(list.clone());
        let submit = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let body = latest
                .get_untracked()
                .map(|(m, _)| {
                    (
                        m,
                        ReviewDuties {
                            reviews: rows.with_value(|r| reviews(r)),
                        },
                    )
                })
                .ok_or_else(|| ApiError::local(Text::Required));
            save.dispatch(body);
        };
        view! {
            <form on:submit=submit>
            <div class="table-wrap" tabindex="0">
                <table class="sheet duties">
                    <thead><tr>
                        <th>{move || lang.get().t(Text::FullName)}</th>
                        <th>{yl(lang, Yr::Duty)}</th>
                        <th>{move || lang.get().t(Text::DueBy)}</th>
                        <th>{yl(lang, Yr::Result)}</th>
                    </tr></thead>
                    <tbody>{list.into_iter().map(|(d, r)| row_view(d, r)).collect_view()}</tbody>
                </table>
            </div>
            <button class="primary" type="submit"
                disabled=move || save.pending().get() || latest.get().is_none()>
                {yl(lang, Yr::SaveReviews)}
            </button>
            </form>
        }
        .into_any()
    });
    let at = move || {
        let l: Lang = lang.get();
        match latest.get() {
            Some((_, on)) => format!("{} {}", l.yr(Yr::ReviewAt), format::date(on)),
            None => l.yr(Yr::NoMeetingYet).to_string(),
        }
    };
    view! {
        <section class="card" aria-labelledby="h-duties">
            <h2 id="h-duties">{yl(lang, Yr::DutiesToReview)}</h2>
            <p class="muted">{at}</p>
            {body}
            {outcome(save)}
        </section>
    }
}
