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
use crate::components::date_input::DateInput;
use crate::components::form::parse_date;
use crate::components::org_picker::org_name;
use crate::components::read::{read, show};
use crate::format;
use crate::i18n::{use_lang, Text, Ux};
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
    let t = move |k| lang.get().t(k);
    let id = transfer.id;
    let received = RwSignal::new(format::today_iso());
    let act = write(move |d: &Result<Decision, ApiError>| {
        let d = d.clone();
        async move {
            let out = decide(d?).await;
            if out.is_ok() {
                done.run(());
            }
            out
        }
    });
    let busy = act.pending();
    let accept = move |_| {
        let body = parse_date(&received.get_untracked())
            .map(|received_on| {
                Decision::Accept(
                    id,
                    AcceptTransfer {
                        received_on,
                        late_reason: None,
                    },
                )
            })
            .ok_or_else(|| ApiError::field_local("received_on", Text::DateRequired));
        act.dispatch(body);
    };
    let to = transfer
        .to_organization_id
        .map(org_name)
        .or(transfer.to_external.clone())
        .unwrap_or_default();
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
            <td>{org_name(transfer.from_organization_id)} " → " {to}</td>
            <td>{format::date(transfer.report_by)}</td>
            <td>
                {if incoming {
                    view! {
                        <label class="inline" for=format!("received-{id}")>{move || t(Text::ReceivedOn)}</label>
                        <DateInput id=format!("received-{id}") value=received/>
                        " "
                        <button class="primary" type="button" disabled=move || busy.get() on:click=accept>{move || t(Text::Accept)}</button>
                        " "
                        <button type="button" disabled=move || busy.get() on:click=move |_| { act.dispatch(Ok(Decision::Reject(id))); }>{move || t(Text::Reject)}</button>
                    }.into_any()
                } else {
                    view! {
                        <button type="button" disabled=move || busy.get() on:click=move |_| { act.dispatch(Ok(Decision::Cancel(id))); }>{move || t(Text::Cancel)}</button>
                    }.into_any()
                }}
                {problem(act)}
            </td>
        </tr>
    }
}

/// The pending transfers of one side.
#[component]
fn PendingList(direction: TransferDirection, changed: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    let t = move |k| lang.get().t(k);
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
                        <th>{move || t(Text::FullName)}</th>
                        <th>{move || t(Text::IssuedOn)}</th>
                        <th>{move || t(Text::To)}</th>
                        <th>{move || t(Text::ReportBy)}</th>
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
    let t = move |k| lang.get().t(k);
    // A decision on either side changes both lists (an accepted transfer leaves the inbox).
    let changed = RwSignal::new(0u32);
    view! {
        <main>
            <h1>{move || t(Text::Transfers)}</h1>
            <section class="card">
                <h2>{move || t(Text::Incoming)}</h2>
                <PendingList direction=TransferDirection::Incoming changed=changed/>
            </section>
            <section class="card">
                <h2>{move || t(Text::Outgoing)}</h2>
                <PendingList direction=TransferDirection::Outgoing changed=changed/>
            </section>
        </main>
    }
}
