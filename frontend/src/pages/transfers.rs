//! Transfers of the user's scope: the receiving side's inbox (accept or reject) and the sending
//! side's papers still pending (cancel).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use qldv_api_types::movements::{AcceptTransfer, Transfer, TransferDecision};
use qldv_api_types::Page;

use crate::api::{self, ApiError};
use crate::components::date_input::DateInput;
use crate::components::{remote, ErrorBox};
use crate::format;
use crate::i18n::{use_lang, Text, Ux};

/// One pending transfer with the actions of the caller's side.
#[component]
fn Pending(transfer: Transfer, incoming: bool, done: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    let t = move |k| lang.get().t(k);
    let id = transfer.id;
    let received = RwSignal::new(crate::format::today_iso());
    let error = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let act = move |action: &'static str| {
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let path = format!("/transfers/{id}/{action}");
            let res = if action == "accept" {
                let body = AcceptTransfer {
                    received_on: received.get_untracked().parse().unwrap_or_default(),
                    late_reason: None,
                };
                api::send::<_, Transfer>("POST", &path, &body).await
            } else {
                api::send::<_, Transfer>("POST", &path, &TransferDecision { reason: None }).await
            };
            busy.set(false);
            match res {
                Ok(_) => done.update(|n| *n += 1),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let to = transfer
        .to_organization_id
        .map(|o| o.to_string())
        .or(transfer.to_external.clone())
        .unwrap_or_default();
    view! {
        <tr>
            <td>
                {if incoming {
                    view! { <span>{transfer.full_name.clone()}</span> }.into_any()
                } else {
                    view! { <A href=format!("/members/{}", transfer.member_id)>{transfer.full_name.clone()}</A> }.into_any()
                }}
            </td>
            <td>{format::date(transfer.issued_on)}</td>
            <td>{transfer.from_organization_id.to_string()} " → " {to}</td>
            <td>{format::date(transfer.report_by)}</td>
            <td>
                {if incoming {
                    view! {
                        <label class="inline" for=format!("received-{id}")>{move || t(Text::ReceivedOn)}</label>
                        <DateInput id=format!("received-{id}") value=received/>
                        " "
                        <button class="primary" type="button" disabled=move || busy.get() on:click=move |_| act("accept")>{move || t(Text::Accept)}</button>
                        " "
                        <button type="button" disabled=move || busy.get() on:click=move |_| act("reject")>{move || t(Text::Reject)}</button>
                    }.into_any()
                } else {
                    view! {
                        <button type="button" disabled=move || busy.get() on:click=move |_| act("cancel")>{move || t(Text::Cancel)}</button>
                    }.into_any()
                }}
                {move || error.get().map(|e| view! { <ErrorBox error=e/> })}
            </td>
        </tr>
    }
}

fn pending_list(direction: &'static str, done: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    let t = move |k| lang.get().t(k);
    move || {
        done.track();
        let incoming = direction == "incoming";
        remote(
            format!("/transfers?status=pending&direction={direction}&limit=200"),
            move |p: Page<Transfer>| {
                if p.items.is_empty() {
                    let next = if incoming {
                        Ux::NoIncomingNext
                    } else {
                        Ux::NoOutgoingNext
                    };
                    return view! { <p class="empty">{move || lang.get().ux(next)}</p> }.into_any();
                }
                view! {
                    <table>
                        <thead><tr>
                            <th>{move || t(Text::FullName)}</th>
                            <th>{move || t(Text::IssuedOn)}</th>
                            <th>{move || t(Text::To)}</th>
                            <th>{move || t(Text::ReportBy)}</th>
                            <th></th>
                        </tr></thead>
                        <tbody>
                            {p.items.into_iter().map(|tr| view! { <Pending transfer=tr incoming=incoming done=done/> }).collect_view()}
                        </tbody>
                    </table>
                }
                .into_any()
            },
        )
    }
}

/// The transfers page.
#[component]
pub fn TransferInbox() -> impl IntoView {
    let lang = use_lang();
    let t = move |k| lang.get().t(k);
    let done = RwSignal::new(0u32);
    view! {
        <main>
            <h1>{move || t(Text::Transfers)}</h1>
            <section class="card">
                <h2>{move || t(Text::Incoming)}</h2>
                {pending_list("incoming", done)}
            </section>
            <section class="card">
                <h2>{move || t(Text::Outgoing)}</h2>
                {pending_list("outgoing", done)}
            </section>
        </main>
    }
}
