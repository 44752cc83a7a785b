//! `/members/:id/cards`: the member's cards, issuing one, reissuing a lost or damaged one.

use leptos::prelude::*;
use qldv_api_types::cards::{Card, CardStatus, IssueCard, ReissueCard, ReissueReason};
use qldv_api_types::{CardId, MemberId, Term};

use super::{member_id, member_resource, use_record};
use crate::api::{self, ApiError, ApiResult};
use crate::components::action::{problem, write};
use crate::components::confirm::{member_and_org, Confirm, ConfirmDialog};
use crate::components::date_input::DateInput;
use crate::components::form::{date, term};
use crate::components::read::show;
use crate::format;
use crate::i18n::{label, use_lang, ux, Text};

/// A decision on the member's card.
#[derive(Clone)]
enum CardDecision {
    Issue(IssueCard),
    Reissue(CardId, ReissueCard),
}

/// The member's cards with the actions of the superior level.
#[component]
pub fn CardsTab() -> impl IntoView {
    let lang = use_lang();
    let id = member_id();
    let record = use_record();
    let issued_on = RwSignal::new(format::today_iso());
    let decision = RwSignal::new(String::new());
    let reason = RwSignal::new(ReissueReason::Lost.code().to_string());
    let act = write(move |d: &Result<CardDecision, ApiError>| {
        let d = d.clone();
        async move {
            let card = match d? {
                CardDecision::Issue(body) => api::cards::issue(&body).await?,
                CardDecision::Reissue(card, body) => api::cards::reissue(card, &body).await?,
            };
            // The record shows the active card's number.
            if let Some(r) = record {
                r.refetch();
            }
            ApiResult::Ok(card)
        }
    });
    let issue = move |member: MemberId| -> Result<CardDecision, ApiError> {
        Ok(CardDecision::Issue(IssueCard {
            member_id: member,
            card_number: None,
            issued_on: date("issued_on", issued_on)?,
            decision_no: decision.get_untracked(),
        }))
    };
    let reissue = move |card: CardId| -> Result<CardDecision, ApiError> {
        Ok(CardDecision::Reissue(
            card,
            ReissueCard {
                reason: term("reason", reason)?,
                issued_on: date("issued_on", issued_on)?,
                decision_no: decision.get_untracked(),
                card_number: None,
            },
        ))
    };
    // Each decision is named in full (who, under which decision, from when) before it is sent;
    // one the server will refuse (no decision number, no date) goes at once, to show why.
    let confirm = Confirm::new();
    let ask = move |d: Result<CardDecision, ApiError>| {
        let question = match &d {
            Ok(d) if !decision.with_untracked(|n| n.trim().is_empty()) => {
                let l = lang.get_untracked();
                let member = record.and_then(|r| r.get()).and_then(Result::ok);
                let (name, org) = member_and_org(l, member.as_ref());
                Some(match d {
                    CardDecision::Issue(b) => ux::confirm_card_issue(
                        l,
                        &name,
                        &org,
                        &b.decision_no,
                        &format::date(b.issued_on),
                    ),
                    CardDecision::Reissue(_, b) => ux::confirm_card_reissue(
                        l,
                        l.term(b.reason),
                        (&name, &org),
                        &b.decision_no,
                        &format::date(b.issued_on),
                    ),
                })
            }
            _ => None,
        };
        match question {
            Some(q) => confirm.ask(q, move || act.dispatch(d.clone())),
            None => act.dispatch(d),
        }
    };
    let version = act.version();
    let cards = member_resource(move |m| {
        version.track();
        api::members::cards(m)
    });
    let list = show(cards, move |cards: Vec<Card>| {
        let active = cards
            .iter()
            .find(|c| c.status == CardStatus::Active)
            .map(|c| c.id);
        view! {
            {if cards.is_empty() {
                view! { <p class="empty">{label(lang, Text::Nothing)}</p> }.into_any()
            } else {
                view! {
                    <table>
                        <thead><tr>
                            <th>{label(lang, Text::CardNumber)}</th>
                            <th>{label(lang, Text::IssuedOn)}</th>
                            <th>{label(lang, Text::Decision)}</th>
                            <th>{label(lang, Text::Status)}</th>
                        </tr></thead>
                        <tbody>
                            {cards.into_iter().map(|c| {
                                let status = c.status;
                                view! {
                                    <tr>
                                        <td>{c.card_number}</td>
                                        <td>{format::date(c.issued_on)}</td>
                                        <td>{c.decision_no}</td>
                                        <td>{move || lang.get().term(status)}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
            <div class="inline-form no-print">
                <div>
                    <label for="card-issued">{label(lang, Text::IssuedOn)}</label>
                    <DateInput id="card-issued" value=issued_on/>
                </div>
                <div>
                    <label for="card-decision">{label(lang, Text::Decision)}</label>
                    <input id="card-decision" bind:value=decision/>
                </div>
                {match active {
                    None => view! {
                        <div><button class="primary" type="button" disabled=move || act.pending().get()
                            on:click=move |_| { if let Some(m) = id.get_untracked() { ask(issue(m)); } }>
                            {label(lang, Text::IssueCard)}
                        </button></div>
                    }.into_any(),
                    Some(card) => view! {
                        <div>
                            <label for="card-reason">{label(lang, Text::Reason)}</label>
                            <select id="card-reason" on:change=move |ev| reason.set(event_target_value(&ev))>
                                {ReissueReason::ALL.iter().map(|r| {
                                    let r = *r;
                                    view! { <option value=r.code() selected=move || reason.get() == r.code()>{move || lang.get().term(r)}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                        <div><button class="primary" type="button" disabled=move || act.pending().get()
                            on:click=move |_| ask(reissue(card))>
                            {label(lang, Text::ReissueCard)}
                        </button></div>
                    }.into_any(),
                }}
            </div>
        }
    });
    view! {
        {list}
        {problem(act)}
        <ConfirmDialog confirm=confirm/>
    }
}
