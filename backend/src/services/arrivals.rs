//! Arrivals from outside the system (rule 7) and the end of temporary registrations (rule 8).
//!
//! An arrival from the army, the police, abroad or an installation not yet on the system is one
//! step: the member's record (new, with its original dates, or the one this system transferred
//! out earlier) joins the receiving cell on the day the member reports there, counted as a
//! transfer in (never an admission); periods before that day are not rewritten.

use chrono::NaiveDate;
use qldv_api_types::audit::AuditAction;
use qldv_api_types::interruptions::{ArrivalRequest, TemporaryReturn};
use qldv_api_types::members::{MemberEventKind, MemberStatus};
use qldv_api_types::movements::{TransferKind, TransferStatus};
use qldv_api_types::{MemberId, TransferId};

use crate::auth::{AuthUser, Scope};
use crate::domain::party_age;
use crate::error::{AppError, AppResult};
use crate::messages::interruptions as msg;
use crate::models::member::MemberRow;
use crate::models::member_event::{self, NewEvent};
use crate::models::organization::{KindRow, OrganizationRow};
use crate::models::setting;
use crate::models::transfer::{NewTransfer, TransferRow};
use crate::models::uow::Uow;
use crate::services::members::{self, MemberWrite};

/// The details of an arrival event.
fn details(body: &ArrivalRequest) -> serde_json::Value {
    serde_json::json!({
        "source": body.source,
        "from_external": body.from_external.trim(),
        "issued_on": body.issued_on,
    })
}

/// Records an arrival from outside the system; the member as it stands after it.
pub fn arrive(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    body: &ArrivalRequest,
    today: NaiveDate,
) -> AppResult<MemberRow> {
    if body.issued_on.is_some_and(|i| body.received_on < i) {
        return Err(msg::arrival_before_paper());
    }
    let org = OrganizationRow::find(conn, &caller.scope, body.to_organization_id)?;
    let settings = setting::at(conn, body.received_on)?;
    let mut row = match (&body.member, body.member_id) {
        (Some(record), None) => {
            if record.organization_id != body.to_organization_id {
                return Err(crate::messages::records::arrival_cell_mismatch());
            }
            let holds = KindRow::get(conn, &org.kind)?.holds_members;
            let mut event = members::new_event(
                org.id,
                MemberEventKind::ArrivedFromOutside,
                body.received_on,
                &settings.regulation,
                details(body),
            );
            event.decision_no = body.decision_no.clone();
            event.decision_on = body.issued_on;
            let planned =
                members::plan(conn, &org, holds, record, today)?.arriving(body.received_on, event);
            for key in planned.keys() {
                crate::services::disclosure::check(conn, caller, key, None)?;
            }
            members::write(conn, &caller.actor(), vec![planned])?
                .pop()
                .ok_or_else(|| AppError::internal("no member written"))?
        }
        (None, Some(id)) => back_from_outside(conn, caller, id, &org, body, &settings.regulation)?,
        _ => return Err(msg::member_or_record()),
    };
    for past in &body.past_interruptions {
        if past.to > body.received_on {
            return Err(crate::messages::records::interruption_after_arrival());
        }
        let write = MemberWrite::begin(conn, row.clone(), row.version)?;
        row = crate::services::interruptions::record_past_in(conn, caller, write, past)?;
    }
    if let Some(declared) = body.declared_party_age_years {
        let computed = party_age::years(&row.party_age_facts(), body.received_on);
        if computed != Some(declared) {
            return Err(msg::party_age_mismatch(computed, declared));
        }
    }
    record_transfer(conn, caller, row.id, &org, body, &settings)?;
    Ok(row)
}

/// The arrival as a completed incoming transfer, so that the transfers list ("chuyển đến")
/// shows it: the sender outside the system in `from_external`, the receiving cell on both
/// sides of the row (the only side on the system).
fn record_transfer(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    member_id: MemberId,
    org: &OrganizationRow,
    body: &ArrivalRequest,
    settings: &crate::domain::settings::RuleSettings,
) -> AppResult<()> {
    let issued = body.issued_on.unwrap_or(body.received_on);
    let now = crate::models::now();
    let row = TransferRow::insert(
        conn,
        &NewTransfer {
            member_id,
            kind: TransferKind::Official,
            purpose: None,
            from_org_id: org.id,
            from_path: org.path.clone(),
            to_org_id: Some(org.id),
            to_path: Some(org.path.clone()),
            external_org: None,
            status: TransferStatus::Completed,
            event_on: None,
            issued_on: issued,
            until_on: None,
            received_on: Some(body.received_on),
            report_by: crate::domain::transfer::reporting_deadline(issued, settings),
            reason: msg::arrival_reason(body.source).vi,
            late_reason: None,
            decision_no: body.decision_no.clone(),
            regulation: settings.regulation.clone(),
            created_by: Some(caller.id),
            created_at: now,
            updated_at: now,
            from_external: Some(body.from_external.trim().to_string()),
        },
    )?;
    crate::services::transfers::audit_transfer(conn, caller, AuditAction::Create, None, &row)
}

/// A member this system transferred out, back from outside: moved to the receiving cell, a new
/// membership period from the arrival (the time outside is no interruption; the gap since the
/// sender's paper is).
fn back_from_outside(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: MemberId,
    org: &OrganizationRow,
    body: &ArrivalRequest,
    regulation: &str,
) -> AppResult<MemberRow> {
    let m = MemberRow::find_for_change(conn, &Scope::system(), id)?;
    if m.status != MemberStatus::TransferredOut {
        return Err(msg::not_transferred_out());
    }
    let write = MemberWrite::begin(conn, m.clone(), m.version)?;
    if m.organization_id != org.id {
        MemberRow::move_to(conn, m.id, org.id, &org.path)?;
    }
    member_event::open_membership(
        conn,
        m.id,
        org.id,
        body.received_on,
        member_event::Arrival::TransferredIn,
    )?;
    write.event(
        conn,
        &caller.actor(),
        &NewEvent {
            member_id: m.id,
            kind: MemberEventKind::ArrivedFromOutside,
            occurred_on: body.received_on,
            decision_no: body.decision_no.as_deref(),
            decision_on: body.issued_on,
            deciding_org_id: None,
            organization_id: org.id,
            regulation,
            details: Some(details(body)),
        },
    )?;
    write.finish(conn, &caller.actor(), AuditAction::Arrive)
}

/// Appends the end of a temporary registration to the member's history (in a change begun).
fn ended_event(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    write: &MemberWrite,
    t: &TransferRow,
    on: NaiveDate,
    why: &str,
    note: Option<&str>,
) -> AppResult<()> {
    let m = write.touched();
    let regulation = setting::at(conn, on)?.regulation;
    write.event(
        conn,
        &caller.actor(),
        &NewEvent {
            member_id: m.id,
            kind: MemberEventKind::TemporaryTransferEnded,
            occurred_on: on,
            decision_no: None,
            decision_on: None,
            deciding_org_id: None,
            organization_id: m.organization_id,
            regulation: &regulation,
            details: Some(serde_json::json!({"transfer_id": t.id, "why": why, "note": note})),
        },
    )
}

/// Records the member's return from a temporary registration (rule 8): it ends, and with it
/// the alert for its expiry. Either side records it.
pub fn return_home(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: TransferId,
    body: &TemporaryReturn,
) -> AppResult<TransferRow> {
    let (t, _) = TransferRow::find(conn, &caller.scope, id)?;
    let in_effect = TransferRow::temporary_in_effect(conn, t.member_id)?;
    if t.kind != TransferKind::Temporary || !in_effect.iter().any(|x| x.id == t.id) {
        return Err(msg::temporary_not_in_effect());
    }
    if body.returned_on < t.received_on.unwrap_or(t.issued_on) {
        return Err(msg::return_before_arrival());
    }
    let m = MemberRow::find_for_change(conn, &Scope::system(), t.member_id)?;
    let write = MemberWrite::begin(conn, m.clone(), m.version)?;
    if !TransferRow::end_temporary(conn, t.id, body.returned_on)? {
        return Err(msg::temporary_not_in_effect());
    }
    if m.temporary_org_id.is_some() && m.temporary_org_id == t.to_org_id {
        MemberRow::set_temporary_org(conn, m.id, None)?;
    }
    ended_event(
        conn,
        caller,
        &write,
        &t,
        body.returned_on,
        "returned",
        body.note.as_deref(),
    )?;
    write.finish(conn, &caller.actor(), AuditAction::EndTemporary)?;
    TransferRow::reload(conn, t.id)
}

/// Ends the member's temporary registrations in effect because an official transfer takes
/// their place on `on` (rule 8: it "becomes official"); call inside that transfer's change.
pub fn end_temporary_on_official_move(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    write: &MemberWrite,
    on: NaiveDate,
) -> AppResult<()> {
    for t in TransferRow::temporary_in_effect(conn, write.touched().id)? {
        if TransferRow::end_temporary(conn, t.id, on.max(t.received_on.unwrap_or(t.issued_on)))? {
            ended_event(conn, caller, write, &t, on, "made_official", None)?;
        }
    }
    Ok(())
}
