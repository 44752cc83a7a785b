//! Recognition as an official member (rule 3).

use qldv_api_types::members::{MemberEventKind, Recognition};
use qldv_api_types::MemberId;

use crate::auth::AuthUser;
use crate::domain::admission;
use crate::error::AppResult;
use crate::models::member::MemberRow;
use crate::models::member_event::NewEvent;
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
