//! The yearly evaluation round of an organisation (`/evaluations?organization_id=&year=`): a level
//! for each member, the summary and the quota of excellent ratings shown live, and closing the
//! round.

use leptos::prelude::*;
use leptos_router::hooks::query_signal;
use qldv_api_types::evaluations::{
    EvaluationLevel, EvaluationList, EvaluationListItem, PutEvaluation, RoundStatus,
};
use qldv_api_types::{OrgId, Term};

use crate::api::{self, ApiError};
use crate::components::action::problem;
use crate::components::breadcrumbs::OrgBreadcrumbs;
use crate::components::figures;
use crate::components::org_picker::org_in_url;
use crate::components::read::show;
use crate::format;
use crate::i18n::{use_lang, Text, Ux};

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
/// at once (the score when the field is left or Enter is pressed); `saved` is told.
#[component]
fn RatingRow(
    item: EvaluationListItem,
    year: i32,
    #[prop(into)] closed: Signal<bool>,
    saved: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    let current = item.evaluation.as_ref().map(|e| e.level);
    let level = RwSignal::new(current);
    let score = RwSignal::new(
        item.evaluation
            .as_ref()
            .and_then(|e| e.score)
            .map(|s| s.to_string())
            .unwrap_or_default(),
    );
    let member = item.member_id;
    let rate = Action::new_local(move |body: &Result<PutEvaluation, ApiError>| {
        let body = body.clone();
        async move {
            let out = api::evaluations::rate(member, year, &body?).await;
            if out.is_ok() {
                saved.run(());
            }
            out
        }
    });
    let save = move || {
        let Some(level) = level.get_untracked() else {
            return;
        };
        let body = parse_score(&score.get_untracked())
            .map(|score| PutEvaluation {
                level,
                score,
                not_rated_reason: None,
                note: None,
                level_reason: None,
                self_remedied: false,
                maternity_from: None,
                maternity_to: None,
            })
            .map_err(|()| ApiError::field_local("score", Text::ScoreRange));
        rate.dispatch(body);
    };
    view! {
        <tr>
            <td>{item.full_name.clone()}</td>
            <td>
                <select
                    aria-label=format!("Xếp loại {}", item.full_name)
                    disabled=move || closed.get()
                    on:change=move |ev| {
                        level.set(EvaluationLevel::parse(&event_target_value(&ev)).ok());
                        save();
                    }
                >
                    <option value="" selected=current.is_none()>"—"</option>
                    {EvaluationLevel::ALL.iter().map(|l| {
                        let l = *l;
                        view! { <option value=l.code() selected=current == Some(l)>{move || lang.get().term(l)}</option> }
                    }).collect_view()}
                </select>
                {problem(rate)}
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
                    disabled=move || closed.get()
                    prop:value=move || score.get()
                    on:input=move |ev| score.set(event_target_value(&ev))
                    on:change=move |_| save()
                />
            </td>
        </tr>
    }
}

/// The summary, the quota and the round's state.
fn summary(l: &EvaluationList, close: impl Fn() + Clone + Send + Sync + 'static) -> impl IntoView {
    let lang = use_lang();
    let t = move |k| lang.get().t(k);
    let s = l.summary;
    let closed = l
        .round
        .as_ref()
        .is_some_and(|r| r.status == RoundStatus::Closed);
    let is_round = l.round.is_some();
    view! {
        {figures(vec![
            (s.total.to_string(), Signal::derive(move || t(Text::Members).to_string())),
            (s.excellent.to_string(), Signal::derive(move || lang.get().term(EvaluationLevel::Excellent).to_string())),
            (s.good.to_string(), Signal::derive(move || lang.get().term(EvaluationLevel::Good).to_string())),
            (format::coverage(&s), Signal::derive(move || t(Text::Coverage).to_string())),
        ])}
        <p class={if s.quota_excess > 0 { "quota over" } else { "quota" }} data-testid="quota">
            {move || format!("{}: {} / {} ({}% × {})", t(Text::Quota), s.excellent, s.max_excellent, s.quota_percent, s.good)}
            {(s.quota_excess > 0).then(|| view! { <strong>{move || format!(" — {} {}", t(Text::OverBy), s.quota_excess)}</strong> })}
        </p>
        {if closed {
            view! { <p class="badge official">{move || t(Text::RoundClosed)}</p> }.into_any()
        } else if is_round {
            view! { <button class="primary" type="button" on:click=move |_| close()>{move || t(Text::CloseRound)}</button> }.into_any()
        } else {
            view! { <p class="muted">{move || t(Text::RoundAtGrassroots)}</p> }.into_any()
        }}
    }
}

/// The evaluation round page.
#[component]
pub fn EvaluationRoundPage() -> impl IntoView {
    let lang = use_lang();
    let t = move |k| lang.get().t(k);
    let (year_param, set_year) = query_signal::<i32>("year");
    let (org, org_picker) = org_in_url("round-org");
    let year = Signal::derive(move || year_param.get().unwrap_or_else(format::this_year));
    // Each saved level changes the summary: the list is read again (the table stays meanwhile).
    let saved = RwSignal::new(0u32);
    let close = Action::new_local(move |(o, y): &(OrgId, i32)| {
        let (o, y) = (*o, *y);
        async move { api::evaluations::close_round(o, y).await }
    });
    // The year's list of the organisation: `limit` members with the summary of the subtree.
    let read = move |limit: u32| {
        let (o, y) = (org.get(), year.get());
        async move {
            match o {
                Some(o) => api::evaluations::list(o, y, limit).await.map(Some),
                None => Ok(None),
            }
        }
    };
    // The rows are read again when the round closes (they become read-only); the summary after
    // every saved level too. Rows are not redrawn by a save: the clerk's next field stays.
    let rows = LocalResource::new(move || {
        close.version().track();
        read(500)
    });
    let totals = LocalResource::new(move || {
        saved.track();
        close.version().track();
        read(1)
    });
    let on_saved = Callback::new(move |()| saved.update(|n| *n += 1));
    let summary_view = show(totals, move |l: Option<EvaluationList>| {
        let Some(l) = l else {
            return view! { <p class="empty">{move || t(Text::ChooseOrganization)}</p> }.into_any();
        };
        let y = year.get_untracked();
        let do_close = move || {
            if let Some(o) = org.get_untracked() {
                close.dispatch((o, y));
            }
        };
        view! {
            <section class="card" aria-live="polite">
                {summary(&l, do_close)}
                {problem(close)}
            </section>
        }
        .into_any()
    });
    let body = show(rows, move |l: Option<EvaluationList>| {
        let Some(l) = l else {
            return ().into_any();
        };
        // Read-only as soon as the summary says the round is closed (the two are read apart).
        let closed = Signal::derive(move || {
            totals
                .get()
                .and_then(Result::ok)
                .flatten()
                .and_then(|t| t.round)
                .is_some_and(|r| r.status == RoundStatus::Closed)
        });
        let y = year.get_untracked();
        if l.items.is_empty() {
            return view! { <p class="empty">{move || lang.get().ux(Ux::NoOneToRate)}</p> }
                .into_any();
        }
        view! {
            <div class="table-wrap" tabindex="0">
                <table class="ratings">
                    <thead><tr><th>{move || t(Text::FullName)}</th><th>{move || t(Text::Level)}</th><th>{move || lang.get().ux(Ux::ScoreHint)}</th></tr></thead>
                    <tbody>
                        {l.items.into_iter().map(|item| view! { <RatingRow item=item year=y closed=closed saved=on_saved/> }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    });
    view! {
        <main>
            <h1>{move || t(Text::Evaluations)}</h1>
            <OrgBreadcrumbs org=org base="/evaluations"/>
            <div class="toolbar">
                {org_picker}
                <div>
                    <label for="round-year">{move || t(Text::Year)}</label>
                    <input id="round-year" type="number" min="2000"
                        prop:value=move || year.get().to_string()
                        on:change=move |ev| set_year.set(event_target_value(&ev).parse().ok())/>
                </div>
            </div>
            {summary_view}
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
