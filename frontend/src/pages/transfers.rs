//! Transfers of the user's scope (`/transfers`): the receiving side's inbox (accept or reject) and
//! the sending side's papers still pending (cancel).

use leptos::prelude::*;
use leptos_router::components::A;
use qldv_api_types::movements::{
    AcceptTransfer, Transfer, TransferDecision, TransferDirection, TransferStatus,
};
use qldv_api_types::TransferId;

use crate::api::transfers::TransferFilter;
use crate::api::{self, ApiError, ApiResult};
use crate::components::action::{problem, write};
use crate::components::confirm::{org_name as confirm_org_name, Confirm, ConfirmDialog};
use crate::components::date_input::DateInput;
use crate::components::form::parse_date;
use crate::components::org_picker::org_name;
use crate::components::read::{read, show};
use crate::format;
use crate::i18n::{label, use_lang, ux, Text, Ux};
use crate::urls;

/// A decision on a pending transfer.
#[derive(Clone)]
enum Decision {
    Accept(TransferId, AcceptTransfer),
    Reject(TransferId),
    Cancel(TransferId),
}

async fn decide(d: Decision) -> ApiResult<Transfer> {
    let none = TransferDecision { reason: None };
    match d {
        Decision::Accept(id, body) => api::transfers::accept(id, &body).await,
        Decision::Reject(id) => api::transfers::reject(id, &none).await,
        Decision::Cancel(id) => api::transfers::cancel(id, &none).await,
    }
}

/// One pending transfer with the actions of the caller's side; `done` is told after a decision.
#[component]
fn Pending(transfer: Transfer, incoming: bool, done: Callback<()>) -> impl IntoView {
    let lang = use_lang();
    let id = transfer.id;
    let received = RwSignal::new(format::today_iso());
    let act = write(move |d: &Result<Decision, ApiError>| {
        let d = d.clone();
        async move {
            let out = decide(d?).await;
            // The list may be gone (the clerk left the page before the answer): `run` would
            // panic on the disposed callback, `try_run` does nothing then.
            if out.is_ok() {
                done.try_run(());
            }
            out
        }
    });
    let busy = act.pending();
    let to = transfer
        .to_organization_id
        .map(org_name)
        .or(transfer.to_external.clone())
        .unwrap_or_default();
    let from = org_name(transfer.from_organization_id);
    // Each decision is named in full (who, from where, to where) before it is sent; an
    // organisation outside the caller's scope is named by its id.
    let confirm = Confirm::new();
    let ask = {
        let (from_id, to_id) = (transfer.from_organization_id, transfer.to_organization_id);
        let to_external = transfer.to_external.clone().unwrap_or_default();
        let name = transfer.full_name.clone();
        move |d: Decision| {
            let l = lang.get_untracked();
            let from = confirm_org_name(l, from_id.0);
            let to = to_id.map_or_else(|| to_external.clone(), |o| confirm_org_name(l, o.0));
            let question = match &d {
                Decision::Accept(_, body) => {
                    ux::confirm_accept(l, &name, &from, &to, &format::date(body.received_on))
                }
                Decision::Reject(_) => ux::confirm_reject(l, &name, &from),
                Decision::Cancel(_) => ux::confirm_cancel(l, &name, &from, &to),
            };
            confirm.ask(question, move || act.dispatch(Ok(d.clone())));
        }
    };
    let accept = {
        let ask = ask.clone();
        move |_| {
            let body = parse_date(&received.get_untracked()).map(|received_on| {
                Decision::Accept(
                    id,
                    AcceptTransfer {
                        received_on,
                        late_reason: None,
                    },
                )
            });
            match body {
                Some(d) => ask(d),
                None => act.dispatch(Err(ApiError::field_local(
                    "received_on",
                    Text::DateRequired,
                ))),
            }
        }
    };
    let reject = {
        let ask = ask.clone();
        move |_| ask(Decision::Reject(id))
    };
    let cancel = move |_| ask(Decision::Cancel(id));
    view! {
        <tr>
            <td>
                {if incoming {
                    view! { <span>{transfer.full_name.clone()}</span> }.into_any()
                } else {
                    view! { <A href=urls::member(transfer.member_id)>{transfer.full_name.clone()}</A> }.into_any()
                }}
            </td>
            <td>{format::date(transfer.issued_on)}</td>
            <td>{from} " → " {to}</td>
            <td>{format::date(transfer.report_by)}</td>
            <td>
                {if incoming {
                    view! {
                        <label class="inline" for=format!("received-{id}")>{label(lang, Text::ReceivedOn)}</label>
                        <DateInput id=format!("received-{id}") value=received/>
                        " "
                        <button class="primary" type="button" disabled=move || busy.get() on:click=accept>{label(lang, Text::Accept)}</button>
                        " "
                        <button type="button" disabled=move || busy.get() on:click=reject>{label(lang, Text::Reject)}</button>
                    }.into_any()
                } else {
                    view! {
                        <button type="button" disabled=move || busy.get() on:click=cancel>{label(lang, Text::Cancel)}</button>
                    }.into_any()
                }}
                {problem(act)}
                <ConfirmDialog confirm=confirm/>
            </td>
        </tr>
    }
}

/// The pending transfers of one side.
#[component]
fn PendingList(direction: TransferDirection, changed: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    let incoming = direction == TransferDirection::Incoming;
    let list = read(move || {
        changed.track();
        api::transfers::list(TransferFilter {
            status: Some(TransferStatus::Pending),
            direction: Some(direction),
            member_id: None,
        })
    });
    let done = Callback::new(move |()| changed.update(|n| *n += 1));
    show(list, move |items: Vec<Transfer>| {
        if items.is_empty() {
            let next = if incoming {
                Ux::NoIncomingNext
            } else {
                Ux::NoOutgoingNext
            };
            return view! { <p class="empty">{move || lang.get().ux(next)}</p> }.into_any();
        }
        view! {
            <div class="table-wrap" tabindex="0">
                <table>
                    <thead><tr>
                        <th>{label(lang, Text::FullName)}</th>
                        <th>{label(lang, Text::IssuedOn)}</th>
                        <th>{label(lang, Text::To)}</th>
                        <th>{label(lang, Text::ReportBy)}</th>
                        <th></th>
                    </tr></thead>
                    <tbody>
                        {items.into_iter().map(|tr| view! { <Pending transfer=tr incoming=incoming done=done/> }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    })
}

/// The transfers page.
#[component]
pub fn TransferInbox() -> impl IntoView {
    let lang = use_lang();
    // A decision on either side changes both lists (an accepted transfer leaves the inbox).
    let changed = RwSignal::new(0u32);
    view! {
        <main>
            <h1>{label(lang, Text::Transfers)}</h1>
            <section class="card">
                <h2>{label(lang, Text::Incoming)}</h2>
                <PendingList direction=TransferDirection::Incoming changed=changed/>
            </section>
            <section class="card">
                <h2>{label(lang, Text::Outgoing)}</h2>
                <PendingList direction=TransferDirection::Outgoing changed=changed/>
            </section>
        </main>
    }
}
