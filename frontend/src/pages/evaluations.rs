//! The yearly evaluation round of an organisation: a level for each member, the summary and the
//! quota of excellent ratings shown live, and closing the round.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;
use qldv_api_types::evaluations::{
    Evaluation, EvaluationLevel, EvaluationList, EvaluationListItem, EvaluationRound,
    PutEvaluation, RoundStatus,
};

use crate::api::{self, ApiError};
use crate::components::org_picker::OrgPicker;
use crate::components::{remote, ErrorBox};
use crate::i18n::{kind_label, use_lang, Text};
use crate::session;

const LEVELS: [(&str, EvaluationLevel); 5] = [
    ("excellent", EvaluationLevel::Excellent),
    ("good", EvaluationLevel::Good),
    ("complete", EvaluationLevel::Complete),
    ("not_complete", EvaluationLevel::NotComplete),
    ("not_rated", EvaluationLevel::NotRated),
];

fn level_code(l: EvaluationLevel) -> &'static str {
    LEVELS
        .iter()
        .find(|(_, v)| *v == l)
        .map(|(c, _)| *c)
        .unwrap_or("")
}

/// One member's row: the level chosen here is saved at once.
#[component]
fn RatingRow(
    item: EvaluationListItem,
    year: i32,
    closed: bool,
    changed: RwSignal<u32>,
) -> impl IntoView {
    let lang = use_lang();
    let error = RwSignal::new(None::<ApiError>);
    let id = item.member_id;
    let current = item
        .evaluation
        .as_ref()
        .map(|e| level_code(e.level))
        .unwrap_or("");
    let save = move |code: String| {
        let Some((_, level)) = LEVELS.iter().find(|(c, _)| *c == code) else {
            return;
        };
        let body = PutEvaluation {
            level: *level,
            score: None,
            not_rated_reason: None,
            note: None,
            level_reason: None,
            self_remedied: false,
            maternity_from: None,
            maternity_to: None,
        };
        error.set(None);
        spawn_local(async move {
            match api::send::<_, Evaluation>(
                "PUT",
                &format!("/members/{id}/evaluations/{year}"),
                &body,
            )
            .await
            {
                Ok(_) => changed.update(|n| *n += 1),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <tr>
            <td>{item.full_name.clone()}</td>
            <td>
                <select
                    aria-label=format!("Xếp loại {}", item.full_name)
                    disabled=closed
                    on:change=move |ev| save(event_target_value(&ev))
                >
                    <option value="" selected=current.is_empty()>"—"</option>
                    {LEVELS.iter().map(|(code, _)| view! {
                        <option value=*code selected=*code == current>{move || kind_label(lang.get(), code)}</option>
                    }).collect_view()}
                </select>
                {move || error.get().map(|e| view! { <ErrorBox error=e/> })}
            </td>
        </tr>
    }
}

/// The evaluation round page (`/evaluations?organization_id=&year=`).
#[component]
pub fn EvaluationRoundPage() -> impl IntoView {
    let lang = use_lang();
    let t = move |k| lang.get().t(k);
    let query = use_query_map();
    let user = session::use_user();
    let default_org = move || {
        query
            .with(|q| q.get("organization_id"))
            .and_then(|s| s.parse::<i64>().ok())
            .or_else(|| {
                user.get_untracked()
                    .and_then(|u| u.organization_id.map(|o| o.0))
            })
    };
    let org = RwSignal::new(default_org().map(|o| o.to_string()).unwrap_or_default());
    let year = RwSignal::new((js_sys::Date::new_0().get_full_year() as i32).to_string());
    let changed = RwSignal::new(0u32);
    let close_error = RwSignal::new(None::<ApiError>);
    let close = move |_| {
        let (o, y) = (org.get_untracked(), year.get_untracked());
        close_error.set(None);
        spawn_local(async move {
            let res = api::send::<_, EvaluationRound>(
                "POST",
                &format!("/organizations/{o}/evaluations/{y}/close"),
                &serde_json::json!({}),
            )
            .await;
            match res {
                Ok(_) => changed.update(|n| *n += 1),
                Err(e) => close_error.set(Some(e)),
            }
        });
    };
    let body = move || {
        changed.track();
        let (o, y) = (org.get(), year.get());
        let Ok(y_num) = y.parse::<i32>() else {
            return ().into_any();
        };
        if o.is_empty() {
            return view! { <p class="empty">{move || t(Text::ChooseOrganization)}</p> }.into_any();
        }
        remote(
            format!("/evaluations?organization_id={o}&year={y}&limit=500"),
            move |l: EvaluationList| {
                let s = l.summary;
                let closed = l.round.as_ref().is_some_and(|r| r.status == RoundStatus::Closed);
                let is_round = l.round.is_some();
                view! {
                    <section class="card" aria-live="polite">
                        <div class="grid">
                            <div><div class="stat">{s.total}</div><div class="muted">{move || t(Text::Members)}</div></div>
                            <div><div class="stat">{s.excellent}</div><div class="muted">{move || kind_label(lang.get(), "excellent")}</div></div>
                            <div><div class="stat">{s.good}</div><div class="muted">{move || kind_label(lang.get(), "good")}</div></div>
                            <div><div class="stat">{format!("{:.1}%", s.coverage)}</div><div class="muted">{move || t(Text::Coverage)}</div></div>
                        </div>
                        <p class={if s.quota_excess > 0 { "quota over" } else { "quota" }} data-testid="quota">
                            {move || format!("{}: {} / {} ({}% × {})", t(Text::Quota), s.excellent, s.max_excellent, s.quota_percent, s.good)}
                            {(s.quota_excess > 0).then(|| view! { <strong>{move || format!(" — {} {}", t(Text::OverBy), s.quota_excess)}</strong> })}
                        </p>
                        {if closed {
                            view! { <p class="badge official">{move || t(Text::RoundClosed)}</p> }.into_any()
                        } else if is_round {
                            view! { <button class="primary" type="button" on:click=close>{move || t(Text::CloseRound)}</button> }.into_any()
                        } else {
                            view! { <p class="muted">{move || t(Text::RoundAtGrassroots)}</p> }.into_any()
                        }}
                        {move || close_error.get().map(|e| view! { <ErrorBox error=e/> })}
                    </section>
                    <table>
                        <thead><tr><th>{move || t(Text::FullName)}</th><th>{move || t(Text::Level)}</th></tr></thead>
                        <tbody>
                            {l.items.into_iter().map(|item| view! { <RatingRow item=item year=y_num closed=closed changed=changed/> }).collect_view()}
                        </tbody>
                    </table>
                }
                .into_any()
            },
        )
        .into_any()
    };
    view! {
        <main>
            <h1>{move || t(Text::Evaluations)}</h1>
            <div class="toolbar">
                <div>
                    <label for="round-org">{move || t(Text::Organizations)}</label>
                    <OrgPicker id="round-org" value=org/>
                </div>
                <div>
                    <label for="round-year">{move || t(Text::Year)}</label>
                    <input id="round-year" type="number" min="2000" bind:value=year/>
                </div>
            </div>
            {body}
        </main>
    }
}
