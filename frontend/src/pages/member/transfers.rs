//! `/members/:id/transfers`: issuing a transfer of the member (official or temporary), and the
//! member's transfers.

use leptos::prelude::*;
use qldv_api_types::movements::{CreateTransfer, TransferKind};
use qldv_api_types::{MemberId, OrgId, Term};

use super::{member_id, member_resource, use_record};
use crate::api::transfers::TransferFilter;
use crate::api::{self, ApiError};
use crate::components::action::{failure, outcome, write};
use crate::components::confirm::{
    member_and_org, org_name as confirm_org_name, Confirm, ConfirmDialog,
};
use crate::components::date_input::DateInput;
use crate::components::form::{date, field_error, select, term, terms, text};
use crate::components::org_picker::org_name;
use crate::components::read::show;
use crate::components::table::texts;
use crate::format;
use crate::i18n::{label, use_lang, ux, Text};

/// The transfers tab.
#[component]
pub fn TransfersTab() -> impl IntoView {
    let lang = use_lang();
    let id = member_id();
    let record = use_record();
    let to = RwSignal::new(String::new());
    let kind = RwSignal::new(TransferKind::Official.code().to_string());
    let issued = RwSignal::new(format::today_iso());
    let reason = RwSignal::new(String::new());
    let build = move |member: MemberId| -> Result<CreateTransfer, ApiError> {
        Ok(CreateTransfer {
            member_id: member,
            to_organization_id: Some(
                to.get_untracked()
                    .trim()
                    .parse::<OrgId>()
                    .map_err(|_| ApiError::field_local("to_organization_id", Text::Required))?,
            ),
            to_external: None,
            kind: term("kind", kind)?,
            purpose: None,
            issued_on: date("issued_on", issued)?,
            event_on: None,
            until: None,
            reason: text(reason),
            late_reason: None,
            decision_no: None,
        })
    };
    let issue = write(move |body: &Result<CreateTransfer, ApiError>| {
        let body = body.clone();
        async move {
            let t = api::transfers::create(&body?).await?;
            // The member is now in transit.
            if let Some(r) = record {
                r.refetch();
            }
            Ok(t)
        }
    });
    let error = failure(issue);
    let list = {
        let version = issue.version();
        member_resource(move |m| {
            version.track();
            api::transfers::list(TransferFilter {
                member_id: Some(m),
                ..Default::default()
            })
        })
    };
    let confirm = Confirm::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(m) = id.get_untracked() else {
            return;
        };
        let body = build(m);
        // Named in full before it is sent: who, from where, to where.
        let Ok(b) = &body else {
            issue.dispatch(body);
            return;
        };
        let l = lang.get_untracked();
        let member = record.and_then(|r| r.get()).and_then(Result::ok);
        let (name, from) = member_and_org(l, member.as_ref());
        let to_name = b
            .to_organization_id
            .map(|o| confirm_org_name(l, o.0))
            .unwrap_or_default();
        let question =
            ux::confirm_transfer(l, b.kind == TransferKind::Official, &name, &from, &to_name);
        confirm.ask(question, move || {
            issue.dispatch(body.clone());
        });
    };
    view! {
        <form class="inline-form no-print" on:submit=submit aria-label=label(lang, Text::IssueTransfer)>
            <div>
                <label for="transfer-to">{label(lang, Text::OrganizationId)}</label>
                <input id="transfer-to" inputmode="numeric" required bind:value=to/>
                {field_error(error, "to_organization_id")}
            </div>
            {select("kind", Text::Kind, terms(TransferKind::ALL), kind, error)}
            <div>
                <label for="transfer-issued">{label(lang, Text::IssuedOn)}</label>
                <DateInput id="transfer-issued" required=true value=issued/>
                {field_error(error, "issued_on")}
            </div>
            <div>
                <label for="transfer-reason">{label(lang, Text::Reason)}</label>
                <input id="transfer-reason" required bind:value=reason/>
                {field_error(error, "reason")}
            </div>
            <div>
                <button class="primary" type="submit" disabled=move || issue.pending().get()>{label(lang, Text::IssueTransfer)}</button>
            </div>
        </form>
        <ConfirmDialog confirm=confirm/>
        {outcome(issue)}
        {show(list, move |list| {
            let l = lang.get();
            texts(
                vec![Text::IssuedOn, Text::To, Text::Status],
                list.into_iter()
                    .map(|tr| {
                        let to = tr
                            .to_organization_id
                            .map(org_name)
                            .or(tr.to_external)
                            .unwrap_or_default();
                        vec![format::date(tr.issued_on), to, l.term(tr.status).to_string()]
                    })
                    .collect(),
                Text::Nothing,
            )
        })}
    }
}
