//! `/members/:id/transfers`: issuing a transfer of the member (official or temporary), and the
//! member's transfers.

use leptos::prelude::*;
use qldv_api_types::movements::{CreateTransfer, TransferKind};
use qldv_api_types::{MemberId, OrgId, Term};

use super::{member_id, member_resource, use_record};
use crate::api::transfers::TransferFilter;
use crate::api::{self, ApiError};
use crate::components::action::{failure, outcome};
use crate::components::form::{date, field_error, select, term, terms, text};
use crate::components::org_picker::org_name;
use crate::components::read::show;
use crate::components::table::texts;
use crate::format;
use crate::i18n::{use_lang, Text};

/// The transfers tab.
#[component]
pub fn TransfersTab() -> impl IntoView {
    let lang = use_lang();
    let t = move |k| lang.get().t(k);
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
    let issue = Action::new_local(move |body: &Result<CreateTransfer, ApiError>| {
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
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(m) = id.get_untracked() {
            issue.dispatch(build(m));
        }
    };
    view! {
        <form class="inline-form no-print" on:submit=submit aria-label=move || t(Text::IssueTransfer)>
            <div>
                <label for="transfer-to">{move || t(Text::OrganizationId)}</label>
                <input id="transfer-to" inputmode="numeric" required bind:value=to/>
                {field_error(error, "to_organization_id")}
            </div>
            {select("kind", Text::Kind, terms(TransferKind::ALL), kind, error)}
            <div>
                <label for="transfer-issued">{move || t(Text::IssuedOn)}</label>
                <input id="transfer-issued" type="date" required bind:value=issued/>
                {field_error(error, "issued_on")}
            </div>
            <div>
                <label for="transfer-reason">{move || t(Text::Reason)}</label>
                <input id="transfer-reason" required bind:value=reason/>
                {field_error(error, "reason")}
            </div>
            <div>
                <button class="primary" type="submit" disabled=move || issue.pending().get()>{move || t(Text::IssueTransfer)}</button>
            </div>
        </form>
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
