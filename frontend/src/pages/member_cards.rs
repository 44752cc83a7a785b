//! The cards tab of a member record: the cards, issuing one, reissuing a lost or damaged one.

use leptos::prelude::*;
use leptos::task::spawn_local;
use qldv_api_types::cards::{Card, CardStatus, IssueCard, ReissueCard, ReissueReason};
use qldv_api_types::MemberId;

use crate::api::{self, ApiError};
use crate::components::date_input::DateInput;
use crate::components::{remote_all, ErrorBox};
use crate::format;
use crate::i18n::{kind_label, use_lang, Text};

/// The member's cards with the actions of the superior level.
#[component]
pub fn CardsTab(member: i64) -> impl IntoView {
    let lang = use_lang();
    let t = move |k| lang.get().t(k);
    let changed = RwSignal::new(0u32);
    let issued_on = RwSignal::new(format::today_iso());
    let decision = RwSignal::new(String::new());
    let lost = RwSignal::new(true);
    let error = RwSignal::new(None::<ApiError>);
    let done = move |res: Result<Card, ApiError>| match res {
        Ok(_) => {
            error.set(None);
            changed.update(|n| *n += 1);
        }
        Err(e) => error.set(Some(e)),
    };
    let issue = move |_| {
        let Ok(issued_on) = issued_on.get_untracked().parse() else {
            return;
        };
        let body = IssueCard {
            member_id: MemberId(member),
            card_number: None,
            issued_on,
            decision_no: decision.get_untracked(),
        };
        spawn_local(async move { done(api::send("POST", "/cards", &body).await) });
    };
    let reissue = move |card: i64| {
        let Ok(issued_on) = issued_on.get_untracked().parse() else {
            return;
        };
        let body = ReissueCard {
            reason: if lost.get_untracked() {
                ReissueReason::Lost
            } else {
                ReissueReason::Damaged
            },
            issued_on,
            decision_no: decision.get_untracked(),
            card_number: None,
        };
        spawn_local(async move {
            done(api::send("POST", &format!("/cards/{card}/reissue"), &body).await)
        });
    };
    let list = move || {
        changed.track();
        remote_all(
            format!("/members/{member}/cards"),
            move |cards: Vec<Card>| {
                let active = cards
                    .iter()
                    .find(|c| c.status == CardStatus::Active)
                    .map(|c| c.id.0);
                view! {
                    {if cards.is_empty() {
                        view! { <p class="empty">{move || t(Text::Nothing)}</p> }.into_any()
                    } else {
                        view! {
                            <table>
                                <thead><tr>
                                    <th>{move || t(Text::CardNumber)}</th>
                                    <th>{move || t(Text::IssuedOn)}</th>
                                    <th>{move || t(Text::Decision)}</th>
                                    <th>{move || t(Text::Status)}</th>
                                </tr></thead>
                                <tbody>
                                    {cards.into_iter().map(|c| view! {
                                        <tr>
                                            <td>{c.card_number.clone()}</td>
                                            <td>{format::date(c.issued_on)}</td>
                                            <td>{c.decision_no.clone()}</td>
                                            <td>{move || kind_label(lang.get(), c.status.as_str())}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any()
                    }}
                    <div class="inline-form no-print">
                        <div>
                            <label for="card-issued">{move || t(Text::IssuedOn)}</label>
                            <DateInput id="card-issued" value=issued_on/>
                        </div>
                        <div>
                            <label for="card-decision">{move || t(Text::Decision)}</label>
                            <input id="card-decision" bind:value=decision/>
                        </div>
                        {match active {
                            None => view! {
                                <div><button class="primary" type="button" on:click=issue>{move || t(Text::IssueCard)}</button></div>
                            }.into_any(),
                            Some(card) => view! {
                                <div>
                                    <label for="card-reason">{move || t(Text::Reason)}</label>
                                    <select id="card-reason" on:change=move |ev| lost.set(event_target_value(&ev) == "lost")>
                                        <option value="lost">{move || t(Text::Lost)}</option>
                                        <option value="damaged">{move || t(Text::Damaged)}</option>
                                    </select>
                                </div>
                                <div><button class="primary" type="button" on:click=move |_| reissue(card)>{move || t(Text::ReissueCard)}</button></div>
                            }.into_any(),
                        }}
                    </div>
                }
            },
        )
    };
    view! {
        {list}
        {move || error.get().map(|e| view! { <ErrorBox error=e/> })}
    }
}
