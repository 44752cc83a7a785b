//! The yearly evaluation round of an organisation (`/evaluations?organization_id=&year=`): a level
//! for each member — with, when needed, the reason for a level below the score's band, a
//! discipline of the year the member remedied themselves, and a maternity leave — the summary and
//! the quota of excellent ratings shown live, and closing the round. Beside each rating, the
//! year's attendance, duties and residence comment (`rating_inputs`); on a phone each member's
//! row is a card.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::query_signal;
use qldv_api_types::evaluations::{
    EvaluationLevel, EvaluationList, EvaluationListItem, PutEvaluation, RoundStatus,
};
use qldv_api_types::{ErrorCode, OrgId, Term};

use crate::api::{self, ApiError};
use crate::components::action::problem;
use crate::components::breadcrumbs::OrgBreadcrumbs;
use crate::components::figures;
use crate::components::org_picker::org_in_url;
use crate::components::read::show;
use crate::format;
use crate::i18n::{use_lang, yl, Lang, Text, Ux, Yr};
use crate::pages::rating_inputs;

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

/// The words of the rating's grounds (rules 14–15), in the page's two languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    /// The column of the grounds.
    Grounds,
    /// Rule 14: the reason for a level below the score's band.
    LevelReason,
    /// Rule 15: the member found and remedied the fault of a discipline of the year.
    SelfRemedied,
    /// Rule 15: a maternity leave in the year, first day.
    MaternityFrom,
    /// Its last day.
    MaternityTo,
}

impl Word {
    fn in_lang(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Grounds, Lang::Vi) => "Căn cứ",
            (Self::Grounds, Lang::En) => "Grounds",
            (Self::LevelReason, Lang::Vi) => "Lý do xếp mức thấp hơn khung điểm",
            (Self::LevelReason, Lang::En) => "Why the level is below the score's band",
            (Self::SelfRemedied, Lang::Vi) => {
                "Bị kỷ luật trong năm, tự phát hiện và khắc phục xong"
            }
            (Self::SelfRemedied, Lang::En) => {
                "Disciplined this year, found and remedied it themselves"
            }
            (Self::MaternityFrom, Lang::Vi) => "Nghỉ thai sản từ ngày",
            (Self::MaternityFrom, Lang::En) => "Maternity leave from",
            (Self::MaternityTo, Lang::Vi) => "đến ngày",
            (Self::MaternityTo, Lang::En) => "to",
        }
    }
}

/// What the clerk typed in one rating row, as text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowInput {
    /// The 100-point score.
    pub score: String,
    /// The reason for a level below the score's band.
    pub level_reason: String,
    /// The member remedied a discipline of the year themselves.
    pub self_remedied: bool,
    /// First day of a maternity leave (`yyyy-mm-dd`, as a date field gives it).
    pub maternity_from: String,
    /// Its last day.
    pub maternity_to: String,
}

/// The rating to send for `level` and what was typed; `None` while a maternity leave has only
/// one of its two days (nothing is saved until both are there, or neither); an error for a score
/// out of range.
pub fn rating_body(
    level: EvaluationLevel,
    input: &RowInput,
) -> Result<Option<PutEvaluation>, ApiError> {
    let score =
        parse_score(&input.score).map_err(|()| ApiError::field_local("score", Text::ScoreRange))?;
    let date = |t: &str| t.trim().parse::<NaiveDate>().ok();
    let maternity = match (date(&input.maternity_from), date(&input.maternity_to)) {
        (Some(from), Some(to)) => Some((from, to)),
        (None, None) => None,
        _ => return Ok(None),
    };
    let reason = input.level_reason.trim();
    Ok(Some(PutEvaluation {
        level,
        score,
        not_rated_reason: None,
        note: None,
        level_reason: (!reason.is_empty()).then(|| reason.to_string()),
        self_remedied: input.self_remedied,
        maternity_from: maternity.map(|m| m.0),
        maternity_to: maternity.map(|m| m.1),
    }))
}

/// Whether a refused rating asks for one of the grounds (so that they are shown).
fn asks_for_grounds(e: &ApiError) -> bool {
    e.problem().is_some_and(|p| {
        matches!(
            p.code,
            ErrorCode::LevelReasonRequired
                | ErrorCode::DisciplinedInYear
                | ErrorCode::MaternityOutsideYear
        )
    })
}

/// One member's row: the level and the 100-point score (2025 regulation) chosen here are saved
/// at once (the score when the field is left or Enter is pressed), with the grounds (a level
/// below the score's band needs its reason; a discipline of the year remedied by the member; a
/// maternity leave), saved when changed; `saved` is told.
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
    let ev = item.evaluation.as_ref();
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let input = RwSignal::new(RowInput {
        score: ev
            .and_then(|e| e.score)
            .map(|s| s.to_string())
            .unwrap_or_default(),
        level_reason: ev.and_then(|e| e.level_reason.clone()).unwrap_or_default(),
        self_remedied: ev.is_some_and(|e| e.self_remedied),
        maternity_from: date(ev.and_then(|e| e.maternity_from)),
        maternity_to: date(ev.and_then(|e| e.maternity_to)),
    });
    let has_grounds = input.with_untracked(|i| {
        !i.level_reason.is_empty() || i.self_remedied || !i.maternity_from.is_empty()
    });
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
        match input.with_untracked(|i| rating_body(level, i)) {
            Ok(Some(body)) => {
                rate.dispatch(Ok(body));
            }
            Ok(None) => {}
            Err(e) => {
                rate.dispatch(Err(e));
            }
        }
    };
    // The grounds open by themselves when the rating has some, or the server asks for them.
    let open = Signal::derive(move || {
        has_grounds
            || rate.value().with(|v| {
                v.as_ref()
                    .is_some_and(|r| r.as_ref().is_err_and(asks_for_grounds))
            })
    });
    let name = item.full_name.clone();
    let w = move |word: Word| word.in_lang(lang.get());
    view! {
        <tr>
            <th scope="row">{item.full_name.clone()}</th>
            <td class="inputs" data-label=move || lang.get().yr(Yr::YearInputs)>{rating_inputs::inputs(&item)}</td>
            <td data-label=move || lang.get().t(Text::Level)>
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
            <td data-label=move || lang.get().ux(Ux::ScoreHint)>
                <input
                    class="score"
                    type="number"
                    inputmode="numeric"
                    min="0"
                    max="100"
                    step="1"
                    aria-label=format!("Điểm {}", item.full_name)
                    disabled=move || closed.get()
                    prop:value=move || input.with(|i| i.score.clone())
                    on:input=move |ev| input.update(|i| i.score = event_target_value(&ev))
                    on:change=move |_| save()
                />
            </td>
            <td class="grounds">
                <details prop:open=move || open.get()>
                    <summary>{move || w(Word::Grounds)}</summary>
                    <label>
                        {move || w(Word::LevelReason)}
                        <input
                            type="text"
                            maxlength="1000"
                            aria-label=format!("{} {name}", Word::LevelReason.in_lang(Lang::Vi))
                            disabled=move || closed.get()
                            prop:value=move || input.with(|i| i.level_reason.clone())
                            on:input=move |ev| input.update(|i| i.level_reason = event_target_value(&ev))
                            on:change=move |_| save()
                        />
                    </label>
                    <label>
                        <input
                            type="checkbox"
                            disabled=move || closed.get()
                            prop:checked=move || input.with(|i| i.self_remedied)
                            on:change=move |ev| {
                                input.update(|i| i.self_remedied = event_target_checked(&ev));
                                save();
                            }
                        />
                        {move || w(Word::SelfRemedied)}
                    </label>
                    <label>
                        {move || w(Word::MaternityFrom)}
                        <input
                            type="date"
                            disabled=move || closed.get()
                            prop:value=move || input.with(|i| i.maternity_from.clone())
                            on:change=move |ev| {
                                input.update(|i| i.maternity_from = event_target_value(&ev));
                                save();
                            }
                        />
                    </label>
                    <label>
                        {move || w(Word::MaternityTo)}
                        <input
                            type="date"
                            disabled=move || closed.get()
                            prop:value=move || input.with(|i| i.maternity_to.clone())
                            on:change=move |ev| {
                                input.update(|i| i.maternity_to = event_target_value(&ev));
                                save();
                            }
                        />
                    </label>
                </details>
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
                    <thead><tr><th>{move || t(Text::FullName)}</th><th>{yl(lang, Yr::YearInputs)}</th><th>{move || t(Text::Level)}</th><th>{move || lang.get().ux(Ux::ScoreHint)}</th><th>{move || Word::Grounds.in_lang(lang.get())}</th></tr></thead>
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

    fn typed(f: impl FnOnce(&mut RowInput)) -> RowInput {
        let mut i = RowInput::default();
        f(&mut i);
        i
    }

    #[test]
    fn the_grounds_are_sent_with_the_level() {
        let body = rating_body(
            EvaluationLevel::Good,
            &typed(|i| {
                i.score = "92".into();
                i.level_reason = "  Chưa đạt 30% nhiệm vụ vượt mức ".into();
                i.self_remedied = true;
            }),
        );
        let Ok(Some(body)) = body else {
            unreachable!("a complete row is sent: {body:?}")
        };
        assert_eq!(body.score, Some(92));
        assert_eq!(
            body.level_reason.as_deref(),
            Some("Chưa đạt 30% nhiệm vụ vượt mức")
        );
        assert!(body.self_remedied);
        assert_eq!((body.maternity_from, body.maternity_to), (None, None));
    }

    #[test]
    fn an_empty_reason_is_none_and_a_bad_score_is_refused_here() {
        let Ok(Some(body)) = rating_body(
            EvaluationLevel::Complete,
            &typed(|i| i.level_reason = "  ".into()),
        ) else {
            unreachable!("a row without grounds is sent")
        };
        assert_eq!(body.level_reason, None);
        assert!(!body.self_remedied);
        assert!(rating_body(EvaluationLevel::Good, &typed(|i| i.score = "101".into())).is_err());
    }

    #[test]
    fn a_maternity_leave_is_sent_once_both_days_are_there() {
        let half = typed(|i| i.maternity_from = "2025-03-01".into());
        assert!(matches!(
            rating_body(EvaluationLevel::Good, &half),
            Ok(None)
        ));
        let whole = typed(|i| {
            i.maternity_from = "2025-03-01".into();
            i.maternity_to = "2025-08-31".into();
        });
        let Ok(Some(body)) = rating_body(EvaluationLevel::Good, &whole) else {
            unreachable!("a whole leave is sent")
        };
        assert_eq!(
            (body.maternity_from, body.maternity_to),
            (
                NaiveDate::from_ymd_opt(2025, 3, 1),
                NaiveDate::from_ymd_opt(2025, 8, 31)
            )
        );
    }
}
