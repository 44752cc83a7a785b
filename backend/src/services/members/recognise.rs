//! Recognition as an official member (rule 3).

use qldv_api_types::members::{MemberEventKind, MemberStatus, Recognition};
use qldv_api_types::MemberId;

use crate::auth::AuthUser;
use crate::db::DbConn;
use crate::domain::admission;
use crate::error::{AppError, AppResult};
use crate::models::member::MemberRow;
use crate::models::member_event::{self, NewEvent};
use crate::models::setting;

/// Recognises a probationary member as official: the official date is the ceremony plus the
/// probation, never earlier and not shifted by a late decision.
pub fn recognise(
    conn: &mut DbConn,
    caller: &AuthUser,
    id: MemberId,
    expected: Option<i64>,
    body: &Recognition,
) -> AppResult<MemberRow> {
    let before = MemberRow::find(conn, &caller.scope, id)?;
    let version = crate::models::check_version(expected, before.version)?;
    if before.status() != MemberStatus::Probationary {
        return Err(AppError::Conflict(
            "not_probationary",
            "Chỉ công nhận chính thức cho đảng viên dự bị".into(),
        ));
    }
    let settings = setting::at(conn, body.decided_on)?;
    let official_on = admission::recognise(before.ceremony_on, body.decided_on, &settings)?;
    MemberRow::touch(conn, before.id, version)?;
    member_event::append(
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
    let after = MemberRow::refresh_state(conn, before.id)?;
    super::audit(conn, &caller.actor(), "recognize", Some(&before), &after)?;
    Ok(after)
}
