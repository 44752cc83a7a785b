//! Interruptions of party age (rule 5) as events with their decisions: out of contact and back,
//! a past interruption entered for the record, and the annulment of a wrongful exit or
//! discipline (117-QĐ/TW). Each goes through the member-write guard in the caller's unit of
//! work: touch → event → state derived again → audit.

use chrono::NaiveDate;
use qldv_api_types::audit::AuditAction;
use qldv_api_types::interruptions::{
    AnnulledDecision, AnnulmentRequest, ContactRestoredRequest, DecisionRef, OutOfContactRequest,
    PastInterruptionRequest,
};
use qldv_api_types::members::{MemberEventKind, MemberStatus};
use qldv_api_types::movements::{DisciplineForm, MembershipEnd, MembershipStart};
use qldv_api_types::regulations::RegulationChain;
use qldv_api_types::MemberId;

use crate::auth::AuthUser;
use crate::error::AppResult;
use crate::messages::interruptions as msg;
use crate::models::discipline::DisciplineRow;
use crate::models::member::MemberRow;
use crate::models::member_event::{self, NewEvent};
use crate::models::setting;
use crate::models::uow::Uow;
use crate::services::members::MemberWrite;

/// The document of a decision: the document of its chain in force on its date (an annulment:
/// 117-QĐ/TW; the others: the charter regulation), and the one it names (that same document
/// when it names none).
fn document(
    conn: &mut Uow<'_>,
    d: &DecisionRef,
    kind: MemberEventKind,
) -> AppResult<(String, String)> {
    let chain = match kind {
        MemberEventKind::ExitAnnulled | MemberEventKind::DisciplineAnnulled => {
            RegulationChain::Annulment
        }
        _ => RegulationChain::Charter,
    };
    let regulation = setting::at(conn, d.decision_on)?
        .document(chain)
        .to_string();
    let named = d.document.clone().unwrap_or_else(|| regulation.clone());
    Ok((regulation, named))
}

/// Appends the member's event of `kind` on `on`, under the decision `d`, and finishes the change.
#[allow(clippy::too_many_arguments)]
fn record(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    write: MemberWrite,
    kind: MemberEventKind,
    on: NaiveDate,
    d: &DecisionRef,
    mut details: serde_json::Value,
    action: AuditAction,
) -> AppResult<MemberRow> {
    let (regulation, named) = document(conn, d, kind)?;
    if let Some(o) = details.as_object_mut() {
        o.insert("document".into(), serde_json::json!(named));
    }
    let m = write.touched();
    let event = NewEvent {
        member_id: m.id,
        kind,
        occurred_on: on,
        decision_no: Some(&d.decision_no),
        decision_on: Some(d.decision_on),
        deciding_org_id: d.deciding_organization_id,
        organization_id: m.organization_id,
        regulation: &regulation,
        details: Some(details),
    };
    write.event(conn, &caller.actor(), &event)?;
    write.finish(conn, &caller.actor(), action)
}

/// The member's open out-of-contact period, if any (from its events).
fn out_of_contact_since(conn: &mut Uow<'_>, id: MemberId) -> AppResult<Option<NaiveDate>> {
    let mut since = None;
    for e in member_event::of_member(conn, id)? {
        match e.kind {
            MemberEventKind::LostContact => since = since.or(Some(e.occurred_on)),
            MemberEventKind::ContactRestored | MemberEventKind::Readmitted => since = None,
            _ => {}
        }
    }
    Ok(since)
}

/// Records that the member lost contact with the party organisation from `body.from`: party
/// age stops there until contact is restored.
pub fn lose_contact(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: MemberId,
    body: &OutOfContactRequest,
) -> AppResult<MemberRow> {
    let m = MemberRow::find_for_change(conn, &caller.scope, id)?;
    if !m.status.is_active() {
        return Err(crate::messages::members::not_active());
    }
    if body.from < m.first_admission_decision_on {
        return Err(msg::before_admission());
    }
    let write = MemberWrite::begin(conn, m.clone(), m.version)?;
    record(
        conn,
        caller,
        write,
        MemberEventKind::LostContact,
        body.from,
        &body.decision,
        serde_json::json!({"note": body.note}),
        AuditAction::Interruption,
    )
}

/// Records that contact was restored on `body.on`: the time out of contact is an interruption.
pub fn restore_contact(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: MemberId,
    body: &ContactRestoredRequest,
) -> AppResult<MemberRow> {
    let m = MemberRow::find_for_change(conn, &caller.scope, id)?;
    let since = out_of_contact_since(conn, m.id)?.ok_or_else(msg::not_out_of_contact)?;
    if body.on <= since {
        return Err(msg::period_reversed());
    }
    let write = MemberWrite::begin(conn, m.clone(), m.version)?;
    record(
        conn,
        caller,
        write,
        MemberEventKind::ContactRestored,
        body.on,
        &body.decision,
        serde_json::json!({"since": since, "note": body.note}),
        AuditAction::Interruption,
    )
}

/// Records a past interruption for the record (data entry of a member re-admitted, or once out
/// of contact, before the system): a closed dated period subtracted from party age after it.
pub fn record_past(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: MemberId,
    body: &PastInterruptionRequest,
) -> AppResult<MemberRow> {
    let m = MemberRow::find_for_change(conn, &caller.scope, id)?;
    let write = MemberWrite::begin(conn, m.clone(), m.version)?;
    record_past_in(conn, caller, write, body)
}

/// [`record_past`] inside a change already begun (an arrival's).
pub(crate) fn record_past_in(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    write: MemberWrite,
    body: &PastInterruptionRequest,
) -> AppResult<MemberRow> {
    if body.to <= body.from {
        return Err(msg::period_reversed());
    }
    if body.from < write.touched().first_admission_decision_on {
        return Err(msg::before_admission());
    }
    record(
        conn,
        caller,
        write,
        MemberEventKind::InterruptionRecorded,
        body.from,
        &body.decision,
        serde_json::json!({"kind": body.kind, "from": body.from, "to": body.to, "note": body.note}),
        AuditAction::Interruption,
    )
}

/// Annuls a wrongful exit or discipline (117-QĐ/TW). An annulled exit restores the membership
/// from the annulment (a new membership period in the same cell) and is no interruption of
/// party age; an annulled discipline no longer counts (never in force, no wait for a badge).
pub fn annul(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: MemberId,
    body: &AnnulmentRequest,
) -> AppResult<MemberRow> {
    let m = MemberRow::find_for_change(conn, &caller.scope, id)?;
    let on = body.decision.decision_on;
    match body.annuls {
        AnnulledDecision::Exit => {
            if m.status != MemberStatus::Exited {
                return Err(msg::nothing_to_annul());
            }
            let write = MemberWrite::begin(conn, m.clone(), m.version)?;
            // The member never left: the period the exit closed runs on (the movement report
            // shows neither the exit nor an arrival).
            if !member_event::reopen_last_membership(conn, m.id)? {
                member_event::open_membership(
                    conn,
                    m.id,
                    m.organization_id,
                    on,
                    MembershipStart::Readmitted,
                )?;
            }
            MemberRow::set_exit_reason(conn, m.id, None)?;
            if m.exit_reason == Some(MembershipEnd::Expelled) {
                // An expulsion is a discipline too: annulled with the exit.
                if let Some(d) = DisciplineRow::of_member(conn, m.id)?
                    .into_iter()
                    .rev()
                    .find(|d| d.form == DisciplineForm::Expulsion && d.annulled_on.is_none())
                {
                    DisciplineRow::annul(conn, d.id, on)?;
                }
            }
            record(
                conn,
                caller,
                write,
                MemberEventKind::ExitAnnulled,
                on,
                &body.decision,
                serde_json::json!({"reason": body.reason, "exit_reason": m.exit_reason}),
                AuditAction::Annul,
            )
        }
        AnnulledDecision::Discipline => {
            let did = body.discipline_id.ok_or_else(msg::discipline_required)?;
            let d = DisciplineRow::of_member(conn, m.id)?
                .into_iter()
                .find(|d| d.id == did)
                .ok_or_else(crate::messages::movements::discipline_not_found)?;
            let write = MemberWrite::begin(conn, m.clone(), m.version)?;
            if !DisciplineRow::annul(conn, d.id, on)? {
                return Err(msg::nothing_to_annul());
            }
            record(
                conn,
                caller,
                write,
                MemberEventKind::DisciplineAnnulled,
                on,
                &body.decision,
                serde_json::json!({"discipline_id": d.id, "form": d.form, "reason": body.reason}),
                AuditAction::Annul,
            )
        }
    }
}
