//! Recognition as an official member (rule 3).

use qldv_api_types::members::{MemberEventKind, NonRecognition, Recognition};
use qldv_api_types::MemberId;

use crate::auth::AuthUser;
use crate::db::DbConn;
use crate::domain::admission;
use crate::error::AppResult;
use crate::models::member::MemberRow;
use crate::models::member_event::{self, NewEvent};
use crate::models::setting;
use crate::models::uow::Uow;

/// Recognises a probationary member as official: the official date is the ceremony plus the
/// probation, never earlier and not shifted by a late decision.
pub fn recognise(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: MemberId,
    expected: Option<i64>,
    body: &Recognition,
) -> AppResult<MemberRow> {
    let before = MemberRow::find_for_change(conn, &caller.scope, id)?;
    let version = crate::models::check_version(expected, before.version)?;
    admission::require_probationary(before.status())?;
    admission::require_not_refused(refused(conn, before.id)?)?;
    let settings = setting::at(conn, body.decided_on)?;
    let official_on = admission::recognise(before.ceremony_on, body.decided_on, &settings)?;
    let write = super::MemberWrite::begin(conn, before, version)?;
    let before = write.before();
    write.event(
        conn,
        &caller.actor(),
        &NewEvent {
            member_id: before.id,
            kind: MemberEventKind::Recognized,
            occurred_on: official_on,
            decision_no: Some(&body.decision_no),
            decision_on: Some(body.decided_on),
            deciding_org_id: None,
            organization_id: before.organization_id,
            regulation: &settings.regulation,
            details: None,
        },
    )?;
    write.finish(
        conn,
        &caller.actor(),
        qldv_api_types::audit::AuditAction::Recognize,
    )
}

/// Whether the member's current probation ended in a "not recognised" decision (rule 4).
pub fn refused(conn: &mut DbConn, member_id: MemberId) -> AppResult<bool> {
    let events = member_event::of_member(conn, member_id)?;
    // Only the current membership counts: a re-admission starts a new probation.
    Ok(events
        .iter()
        .rev()
        .take_while(|e| {
            !matches!(
                e.kind,
                MemberEventKind::Readmitted | MemberEventKind::Admitted
            )
        })
        .any(|e| e.kind == MemberEventKind::NotRecognized))
}

/// Rule 4: records the decision not to recognise a probationary member as official, taken once
/// the probation has ended. The member stays probationary, never official, until the name
/// removal (`POST /members/{id}/exit` with `name_removed`); an alert lists the gap.
pub fn refuse(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: MemberId,
    expected: Option<i64>,
    body: &NonRecognition,
) -> AppResult<MemberRow> {
    let before = MemberRow::find_for_change(conn, &caller.scope, id)?;
    let version = crate::models::check_version(expected, before.version)?;
    admission::require_probationary(before.status())?;
    admission::require_not_refused(refused(conn, before.id)?)?;
    let settings = setting::at(conn, body.decided_on)?;
    admission::refuse(before.ceremony_on, body.decided_on, &settings)?;
    let write = super::MemberWrite::begin(conn, before, version)?;
    let before = write.before();
    write.event(
        conn,
        &caller.actor(),
        &NewEvent {
            member_id: before.id,
            kind: MemberEventKind::NotRecognized,
            occurred_on: body.decided_on,
            decision_no: Some(&body.decision_no),
            decision_on: Some(body.decided_on),
            deciding_org_id: None,
            organization_id: before.organization_id,
            regulation: &settings.regulation,
            details: Some(serde_json::json!({"reason": body.reason})),
        },
    )?;
    write.finish(
        conn,
        &caller.actor(),
        qldv_api_types::audit::AuditAction::RefuseRecognition,
    )
}
