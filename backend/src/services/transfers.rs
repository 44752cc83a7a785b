//! Transfers (rules 6–9): issue by the sender's side, accept or reject by the receiver's side,
//! cancel by the sender's side. Each runs in one transaction: the member is never in two cells
//! and never in none; of two conflicting decisions exactly one wins.

use chrono::NaiveDate;
use qldv_api_types::members::MemberEventKind;
use qldv_api_types::movements::MembershipEnd;
use qldv_api_types::movements::{
    AcceptTransfer, CreateTransfer, TransferDecision, TransferKind, TransferPurpose, TransferStatus,
};
use qldv_api_types::{OrgId, TransferId};

use crate::auth::{AuthUser, Scope};
use crate::db::DbConn;
use crate::domain::transfer::{self, Decision};
use crate::error::{AppError, AppResult};
use crate::messages::{self, transfers as msg};
use crate::models::audit::{self, Subject};
use crate::models::member::MemberRow;
use crate::models::member_case::CaseRow;
use crate::models::member_event::{self, NewEvent};
use crate::models::organization::{KindRow, OrganizationRow};
use crate::models::setting;
use crate::models::transfer::{NewTransfer, TransferRow};
use crate::models::uow::Uow;
use crate::services::members::MemberWrite;

/// Audits a transfer's creation or change.
pub(crate) fn audit_transfer(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    action: qldv_api_types::audit::AuditAction,
    before: Option<&TransferRow>,
    after: &TransferRow,
) -> AppResult<()> {
    audit::record(
        conn,
        &caller.actor(),
        action,
        Subject {
            entity: qldv_api_types::audit::AuditEntity::Transfer,
            id: after.id.into(),
            scope_path: Some(&after.from_path),
        },
        before,
        Some(after),
    )
}

/// Appends the transfer's event of the member `m` (as it stands in the change `write`).
#[allow(clippy::too_many_arguments)]
fn event(
    conn: &mut Uow<'_>,
    write: &MemberWrite,
    caller: &AuthUser,
    m: &MemberRow,
    kind: MemberEventKind,
    on: NaiveDate,
    t: &TransferRow,
    regulation: &str,
) -> AppResult<()> {
    write.event(
        conn,
        &caller.actor(),
        &NewEvent {
            member_id: m.id,
            kind,
            occurred_on: on,
            decision_no: t.decision_no.as_deref(),
            decision_on: Some(t.issued_on),
            deciding_org_id: None,
            organization_id: m.organization_id,
            regulation,
            details: Some(serde_json::json!({
                "transfer_id": t.id,
                "from_organization_id": t.from_org_id,
                "to_organization_id": t.to_org_id,
                "to_external": t.external_org,
            })),
        },
    )
}

/// The receiving cell: any active cell (it may lie outside the caller's scope: transfers cross
/// provinces). Its existence is all the sender learns.
fn receiving_cell(conn: &mut DbConn, id: OrgId) -> AppResult<OrganizationRow> {
    let org =
        OrganizationRow::find(conn, &Scope::system(), id).map_err(|_| msg::receiver_not_found())?;
    if !KindRow::get(conn, &org.kind)?.holds_members || org.valid_to.is_some() {
        return Err(msg::receiver_not_a_cell());
    }
    Ok(org)
}

/// Issues a transfer (call inside a transaction).
pub fn issue(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    body: &CreateTransfer,
) -> AppResult<TransferRow> {
    let member = MemberRow::find_for_change(conn, &caller.scope, body.member_id)?;
    if !member.status.is_active() {
        return Err(messages::members::not_active());
    }
    let settings = setting::at(conn, body.issued_on)?;
    // Rule 9: an inspection, complaint, denunciation or discipline review open on the issue
    // date blocks an official transfer; a temporary one is allowed, and a discipline (in force
    // or past) blocks neither.
    let cases: Vec<_> = CaseRow::of_member(conn, member.id)?
        .iter()
        .map(CaseRow::facts)
        .collect();
    crate::domain::case::check_transfer(
        body.kind == TransferKind::Official,
        &cases,
        body.issued_on,
    )?;
    transfer::require_none_pending(TransferRow::pending_of(conn, member.id)?)?;
    let (to, external) = match (&body.to_organization_id, &body.to_external) {
        (Some(id), None) => (Some(receiving_cell(conn, *id)?), None),
        (None, Some(ext))
            if body.kind == TransferKind::Official
                || body.purpose == Some(TransferPurpose::Abroad) =>
        {
            // Out of the system; or abroad for less than a year (rule 8), to a party
            // organisation abroad.
            (None, Some(ext.trim().to_string()))
        }
        (None, Some(_)) => return Err(msg::temporary_outside()),
        _ => return Err(msg::destination_required()),
    };
    if to.as_ref().is_some_and(|o| o.id == member.organization_id) {
        return Err(msg::same_cell());
    }
    let purpose = match body.kind {
        TransferKind::Official => None,
        TransferKind::Temporary => {
            let (Some(p), Some(until)) = (body.purpose, body.until) else {
                return Err(msg::temporary_needs_purpose_and_until());
            };
            transfer::check_temporary(p, body.issued_on, until, &settings)
                .map_err(|v| AppError::field("until", v.code, v.text()))?;
            Some(p)
        }
    };
    if body.kind == TransferKind::Official {
        let event_on = body.event_on.unwrap_or(body.issued_on);
        transfer::check_filing(
            event_on,
            body.issued_on,
            body.late_reason.is_some(),
            &settings,
        )
        .map_err(|v| AppError::field("issued_on", v.code, v.text()))?;
    }
    let one_step = external.is_some();
    let now = crate::models::now();
    let row = TransferRow::insert(
        conn,
        &NewTransfer {
            member_id: member.id,
            kind: body.kind,
            purpose,
            from_org_id: member.organization_id,
            from_path: member.org_path.clone(),
            to_org_id: to.as_ref().map(|o| o.id),
            to_path: to.as_ref().map(|o| o.path.clone()),
            external_org: external,
            status: if one_step {
                TransferStatus::Completed
            } else {
                TransferStatus::Pending
            },
            event_on: body.event_on,
            issued_on: body.issued_on,
            until_on: body.until,
            received_on: one_step.then_some(body.issued_on),
            report_by: transfer::reporting_deadline(body.issued_on, &settings),
            reason: body.reason.trim().to_string(),
            late_reason: body.late_reason.clone(),
            decision_no: body.decision_no.clone(),
            regulation: settings.regulation.clone(),
            created_by: Some(caller.id),
            created_at: now,
            updated_at: now,
            from_external: None,
        },
    )?;
    let write = MemberWrite::begin(conn, member.clone(), member.version)?;
    let kind = match (one_step, body.kind) {
        (true, TransferKind::Temporary) => MemberEventKind::TemporaryTransferIssued,
        (true, TransferKind::Official) => MemberEventKind::TransferredOut,
        (false, TransferKind::Official) => MemberEventKind::TransferIssued,
        (false, TransferKind::Temporary) => MemberEventKind::TemporaryTransferIssued,
    };
    event(
        conn,
        &write,
        caller,
        &member,
        kind,
        body.issued_on,
        &row,
        &settings.regulation,
    )?;
    if body.kind == TransferKind::Official {
        // Rule 38: an official transfer issued closes the member's open duties in the cell
        // that assigned them; the cell sees `duties_closed`.
        crate::services::duties::close_open(
            conn,
            caller,
            member.id,
            body.issued_on,
            qldv_api_types::cell_year::DutyClosure::Transfer,
        )?;
        // Rule 39: and ends the liaison its working cell introduced.
        crate::services::liaisons::end_open(
            conn,
            caller,
            (member.id, &member.org_path),
            body.issued_on,
        )?;
    }
    if one_step && body.kind == TransferKind::Official {
        crate::services::arrivals::end_temporary_on_official_move(
            conn,
            caller,
            &write,
            body.issued_on,
        )?;
        member_event::close_membership(
            conn,
            member.id,
            body.issued_on,
            MembershipEnd::TransferredOut,
        )?;
    }
    write.refresh(conn)?.audit_with(conn, |conn, _, _| {
        audit_transfer(
            conn,
            caller,
            qldv_api_types::audit::AuditAction::Create,
            None,
            &row,
        )
    })?;
    Ok(row)
}

/// Accepts a pending transfer as the receiving side.
pub fn accept(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: TransferId,
    body: &AcceptTransfer,
) -> AppResult<TransferRow> {
    let (before, sides) = TransferRow::find(conn, &caller.scope, id)?;
    let status = transfer::decide(before.status, sides, Decision::Accept)?;
    let settings = setting::at(conn, before.issued_on)?;
    transfer::check_reporting(
        before.issued_on,
        body.received_on,
        body.late_reason.is_some(),
        &settings,
    )
    .map_err(|v| AppError::field("received_on", v.code, v.text()))?;
    if !TransferRow::decide(
        conn,
        id,
        status,
        Some(body.received_on),
        body.late_reason
            .as_deref()
            .or(before.late_reason.as_deref()),
        caller.id,
    )? {
        return Err(msg::not_pending());
    }
    let member = MemberRow::find_for_change(conn, &Scope::system(), before.member_id)?;
    let write = MemberWrite::begin(conn, member.clone(), member.version)?;
    let to_id = before
        .to_org_id
        .ok_or_else(|| AppError::internal("pending transfer without a receiver"))?;
    let to = OrganizationRow::find(conn, &Scope::system(), to_id)?;
    if before.kind == TransferKind::Official {
        // Rule 38: duties still open (assigned after the issue) close on the acceptance.
        crate::services::duties::close_open(
            conn,
            caller,
            member.id,
            body.received_on,
            qldv_api_types::cell_year::DutyClosure::Transfer,
        )?;
        // One transaction: leave the sender, arrive at the receiver.
        member_event::close_membership(
            conn,
            member.id,
            body.received_on,
            MembershipEnd::TransferredOut,
        )?;
        member_event::open_membership(
            conn,
            member.id,
            to.id,
            body.received_on,
            member_event::Arrival::TransferredIn,
        )?;
        MemberRow::move_to(conn, member.id, to.id, &to.path)?;
        crate::services::arrivals::end_temporary_on_official_move(
            conn,
            caller,
            &write,
            body.received_on,
        )?;
        let moved = MemberRow::find(conn, &Scope::system(), member.id)?;
        event(
            conn,
            &write,
            caller,
            &moved,
            MemberEventKind::TransferReceived,
            body.received_on,
            &before,
            &settings.regulation,
        )?;
    } else {
        MemberRow::set_temporary_org(conn, member.id, Some(to.id))?;
        event(
            conn,
            &write,
            caller,
            &member,
            MemberEventKind::TemporaryTransferReceived,
            body.received_on,
            &before,
            &settings.regulation,
        )?;
    }
    write.refresh(conn)?.audit_with(conn, |conn, _, _| {
        let after = TransferRow::reload(conn, id)?;
        audit_transfer(
            conn,
            caller,
            qldv_api_types::audit::AuditAction::Accept,
            Some(&before),
            &after,
        )?;
        Ok(after)
    })
}

/// Rejects (receiver) or cancels (sender) a pending transfer: the member stays.
pub fn withdraw(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: TransferId,
    status: TransferStatus,
    body: &TransferDecision,
    today: NaiveDate,
) -> AppResult<TransferRow> {
    let (before, sides) = TransferRow::find(conn, &caller.scope, id)?;
    let (decision, action) = match status {
        TransferStatus::Rejected => (
            Decision::Reject,
            qldv_api_types::audit::AuditAction::Rejected,
        ),
        _ => (
            Decision::Cancel,
            qldv_api_types::audit::AuditAction::Cancelled,
        ),
    };
    let status = transfer::decide(before.status, sides, decision)?;
    if !TransferRow::decide(conn, id, status, None, None, caller.id)? {
        return Err(msg::not_pending());
    }
    let member = MemberRow::find_for_change(conn, &Scope::system(), before.member_id)?;
    let write = MemberWrite::begin(conn, member.clone(), member.version)?;
    let settings = setting::at(conn, today)?;
    let kind = match (before.kind, status) {
        (TransferKind::Official, TransferStatus::Rejected) => MemberEventKind::TransferRejected,
        (TransferKind::Official, _) => MemberEventKind::TransferCancelled,
        (TransferKind::Temporary, TransferStatus::Rejected) => {
            MemberEventKind::TemporaryTransferRejected
        }
        (TransferKind::Temporary, _) => MemberEventKind::TemporaryTransferCancelled,
    };
    write.event(
        conn,
        &caller.actor(),
        &NewEvent {
            member_id: member.id,
            kind,
            occurred_on: today,
            decision_no: None,
            decision_on: None,
            deciding_org_id: None,
            organization_id: member.organization_id,
            regulation: &settings.regulation,
            details: Some(serde_json::json!({"transfer_id": id, "reason": body.reason})),
        },
    )?;
    write.refresh(conn)?.audit_with(conn, |conn, _, _| {
        let after = TransferRow::reload(conn, id)?;
        audit_transfer(conn, caller, action, Some(&before), &after)?;
        Ok(after)
    })
}
