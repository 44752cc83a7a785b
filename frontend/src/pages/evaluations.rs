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
use crate::components::breadcrumbs::OrgBreadcrumbs;
use crate::components::org_picker::OrgPicker;
use crate::components::{remote, ErrorBox};
use crate::format;
use crate::i18n::{kind_label, use_lang, Text, Ux};
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

/// The score typed in a rating row: empty for none, else a whole number 0–100.
pub fn parse_score(text: &str) -> Result<Option<u32>, ()> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<u32>() {
        Ok(n) if n <= 100 => Ok(Some(n)),
        _ => Err(()),
    }
}

/// One member's row: the level and the 100-point score (2025 regulation) chosen here are saved
/// at once (the score when the field is left or Enter is pressed).
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
    let level = RwSignal::new(current.to_string());
    let score = RwSignal::new(
        item.evaluation
            .as_ref()
            .and_then(|e| e.score)
            .map(|s| s.to_string())
            .unwrap_or_default(),
    );
    let save = move || {
        let code = level.get_untracked();
        let Some((_, level)) = LEVELS.iter().find(|(c, _)| *c == code) else {
            return;
        };
        let Ok(score) = parse_score(&score.get_untracked()) else {
            error.set(Some(ApiError::local(
                lang.get_untracked().ux(Ux::ScoreHint),
            )));
            return;
        };
        let body = PutEvaluation {
            level: *level,
            score,
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
                    on:change=move |ev| { level.set(event_target_value(&ev)); save() }
                >
                    <option value="" selected=current.is_empty()>"—"</option>
                    {LEVELS.iter().map(|(code, _)| view! {
                        <option value=*code selected=*code == current>{move || kind_label(lang.get(), code)}</option>
                    }).collect_view()}
                </select>
                {move || error.get().map(|e| view! { <ErrorBox error=e/> })}
            </td>
            <td>
                <input
                    class="score"
                    type="number"
                    inputmode="numeric"
                    min="0"
                    max="100"
                    step="1"
                    aria-label=format!("Điểm {}", item.full_name)
                    disabled=closed
                    prop:value=move || score.get()
                    on:input=move |ev| score.set(event_target_value(&ev))
                    on:change=move |_| save()
                />
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
                            <div><div class="stat">{format::share(s.total, s.coverage)}</div><div class="muted">{move || t(Text::Coverage)}</div></div>
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
                    {if l.items.is_empty() {
                        view! { <p class="empty">{move || lang.get().ux(Ux::NoOneToRate)}</p> }.into_any()
                    } else {
                        view! {
                            <table class="ratings">
                                <thead><tr><th>{move || t(Text::FullName)}</th><th>{move || t(Text::Level)}</th><th>{move || lang.get().ux(Ux::ScoreHint)}</th></tr></thead>
                                <tbody>
                                    {l.items.into_iter().map(|item| view! { <RatingRow item=item year=y_num closed=closed changed=changed/> }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any()
                    }}
                }
                .into_any()
            },
        )
        .into_any()
    };
    view! {
        <main>
            <h1>{move || t(Text::Evaluations)}</h1>
            <OrgBreadcrumbs org=org base="/evaluations" value=org/>
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_score_is_a_whole_number_from_0_to_100_or_nothing() {
        assert_eq!(parse_score(""), Ok(None));
        assert_eq!(parse_score(" 82 "), Ok(Some(82)));
        assert_eq!(parse_score("0"), Ok(Some(0)));
        assert_eq!(parse_score("100"), Ok(Some(100)));
        assert_eq!(parse_score("101"), Err(()));
        assert_eq!(parse_score("-1"), Err(()));
        assert_eq!(parse_score("8.5"), Err(()));
    }
}
